#!/usr/bin/env node
// `node bench/profile-summary.mjs <dir> [out.json]`: where the CPU time of each V8 profile in <dir>
// went (the .cpuprofile files `CPU_PROFILE_DIR=<dir> pnpm bench <name>` leaves), by package and by
// function, start-up (module loading) and idle time set apart. Prints JSON; writes it to out.json too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/profile-summary.mjs <profile dir> [out.json]');
  process.exit(2);
}

/** `sharp`, `@smithy`, `node:net`, `apps/image-ops` … for a frame's URL. */
function packageOf(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0];
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? scope : scope === '.pnpm' ? name : scope;
  }
  const local = /\/(apps|libs)\/([^/]+)\//.exec(url);
  return local ? `${local[1]}/${local[2]}` : url;
}

function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const loading = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur))
      if (byId.get(cur).callFrame.functionName === 'Module._load') return true;
    return false;
  };
  const packages = new Map();
  const functions = new Map();
  let idle = 0;
  let startup = 0;
  let busy = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)') idle += us;
    else if (loading(id)) startup += us;
    else {
      busy += us;
      // Native frames (syscalls, crypto, sharp's binding) have no URL: named by their function.
      const pkg = frame.url ? packageOf(frame.url) : `(native) ${frame.functionName}`;
      packages.set(pkg, (packages.get(pkg) ?? 0) + us);
      const fn = `${frame.functionName || '(anonymous)'} ${packageOf(frame.url)}:${frame.lineNumber}`;
      functions.set(fn, (functions.get(fn) ?? 0) + us);
    }
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((1000 * us) / busy) / 10 }));
  const ms = (us) => Math.round(us / 1000);
  return {
    wall_ms: ms(profile.endTime - profile.startTime),
    idle_ms: ms(idle),
    startup_ms: ms(startup),
    busy_ms: ms(busy),
    by_package: top(packages, 15),
    by_function: top(functions, 15),
  };
}

const result = {};
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()) {
  result[file.replace(/-\d+\.cpuprofile$/, '').replace(/\.cpuprofile$/, '')] = summarize(
    JSON.parse(readFileSync(join(dir, file), 'utf8')),
  );
}
const text = `${JSON.stringify(result, null, 2)}\n`;
if (out) writeFileSync(out, text);
process.stdout.write(text);
