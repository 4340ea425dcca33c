import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Lint is about architecture first: apps never import apps, libs never import apps, and only
 * the listed scopes may depend on each other (tags in each project.json).
 */
const BASE_CONSTRAINTS = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
];

/** Production code (what the images run) never depends on `scope:dev` libs: the embedded S3 server and test support. */
const PRODUCTION_CONSTRAINTS = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'], notDependOnLibsWithTags: ['scope:dev'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['type:lib'], notDependOnLibsWithTags: ['scope:dev'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
];

const moduleBoundaries = (depConstraints) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints,
});

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**', 'bench/results/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(BASE_CONSTRAINTS)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/*', '../../apps/*', '../../../apps/*'],
              message: 'Apps are deployed separately: talk over NATS, share code through libs/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(PRODUCTION_CONSTRAINTS)] },
  },
  {
    // Adapters own the outside world: only these places may import the libraries they wrap.
    files: ['**/*.ts'],
    ignores: [
      'libs/storage/**',
      'libs/embedded-s3/**',
      '**/*image-probe.adapter.ts',
      '**/*sharp*.adapter.ts',
      '**/elasticsearch/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'sharp', message: 'Use the app’s sharp adapter.' },
            { name: '@aws-sdk/client-s3', message: 'Use ObjectStorage from @mp/storage.' },
            { name: '@elastic/elasticsearch', message: 'Use the search backend adapter.' },
            { name: '@20minutes/s3rver', message: 'Only the embedded S3 server (@mp/embedded-s3) wraps s3rver.' },
          ],
          patterns: [
            {
              group: ['**/apps/*', '../../apps/*', '../../../apps/*'],
              message: 'Apps are deployed separately: talk over NATS, share code through libs/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The portal is a browser app on the public HTTP APIs: no workspace lib (they are server code), no Node built-ins.
    files: ['apps/portal/**/*.ts', 'apps/portal/**/*.tsx'],
    ignores: ['apps/portal/vite.config.mts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@mp/*'], message: 'The portal calls the public APIs over HTTP; it imports no server code.' },
            { group: ['node:*'], message: 'The portal runs in the browser.' },
            { group: ['**/apps/*', '../../apps/*', '../../../apps/*'], message: 'Apps never import other apps.' },
          ],
        },
      ],
    },
  },
];
