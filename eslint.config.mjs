import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Lint is about architecture first: apps never import apps, libs never import apps, and only
 * the listed scopes may depend on each other (tags in each project.json).
 */
export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**', 'bench/results/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
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
    // Adapters own the outside world: only these places may import the libraries they wrap.
    files: ['**/*.ts'],
    ignores: ['libs/storage/**', '**/*image-probe.adapter.ts', '**/*sharp*.adapter.ts', '**/elasticsearch/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'sharp', message: 'Use the app’s sharp adapter.' },
            { name: '@aws-sdk/client-s3', message: 'Use ObjectStorage from @mp/storage.' },
            { name: '@elastic/elasticsearch', message: 'Use the search backend adapter.' },
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
];
