#!/usr/bin/env node
// `pnpm test`: build (the end-to-end tests run the built apps as processes), typecheck everything
// including tests, lint the module boundaries, then every jest test (unit + integration + e2e).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
const report = join(root, 'node_modules', '.cache', 'jest-report.json');

function step(title, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    return false;
  }
  console.log(`✔ ${title} (${seconds}s)`);
  return true;
}

const ok =
  step('build', bin('tsc'), ['-b', 'tsconfig.build.json']) &&
  step('typecheck portal', bin('tsc'), ['-p', 'apps/portal/tsconfig.json']) &&
  step('build portal (vite)', bin('vite'), ['build', '--config', 'apps/portal/vite.config.mts']) &&
  step('typecheck (sources and tests)', bin('tsc'), ['-p', 'tsconfig.check.json']) &&
  step('project graph', bin('nx'), ['show', 'projects'], { NX_TUI: 'false' }) &&
  step('lint (module boundaries, adapters)', bin('eslint'), ['.', '--max-warnings=0']) &&
  step('import cycles (madge)', bin('madge'), [
    '--circular',
    '--no-spinner',
    '--extensions',
    'ts',
    '--exclude',
    '(^|/)(dist|node_modules)/',
    '--ts-config',
    'tsconfig.base.json',
    'apps',
    'libs',
    'e2e',
    'tools',
    'bench',
  ]) &&
  step('format (prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '**/*.{ts,tsx,mjs,js}']);

let jestOk = false;
if (ok) {
  mkdirSync(dirname(report), { recursive: true });
  rmSync(report, { force: true });
  jestOk = step('tests (unit, integration, end-to-end)', bin('jest'), [
    '--maxWorkers=2',
    '--json',
    `--outputFile=${report}`,
    ...extra,
  ]);
}
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}
process.exit(ok && jestOk ? 0 : 1);
