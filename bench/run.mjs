#!/usr/bin/env node
// `pnpm bench [name…]`: builds, then runs each bench/<name>.bench.mjs against real infrastructure
// and writes bench/results/<name>.json (figures, machine, date). Targets are reported, never asserted.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages } from './debian-packages.mjs';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const build = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);
ensureDebianPackages();
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.mjs', '')));
let failed = 0;
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  const result = spawnSync(process.execPath, [join(root, 'bench', file)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
