import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A child that exits with code 1 at once, except on its 5th run, which stays up past `healthyMs`. */
const CHILD = `
const run = Number(process.env.RUN);
console.log('child run ' + run);
setTimeout(() => process.exit(run === 5 ? 3 : 1), run === 5 ? 1700 : 20);
`;

/** Supervises the child the way \`pnpm start\` does (backoff 100 ms doubling to 400 ms, healthy after 1.5 s). */
const driver = (dir: string) => `
import { ProcessGroup, describeExit } from ${JSON.stringify(pathToFileURL(join(__dirname, 'processes.mjs')).href)};
import { RestartBackoff, describeRestart, supervise } from ${JSON.stringify(pathToFileURL(join(__dirname, 'supervisor.mjs')).href)};
const group = new ProcessGroup();
let runs = 0;
let stopping = false;
const start = () => {
  runs += 1;
  console.log(JSON.stringify({ event: 'start', run: runs, at: Date.now() }));
  return group.spawn('child', process.execPath, [${JSON.stringify(join(dir, 'child.js'))}], {
    cwd: ${JSON.stringify(dir)},
    env: { ...process.env, RUN: String(runs) },
  });
};
await supervise({
  start,
  stopping: () => stopping,
  backoff: new RestartBackoff({ initialMs: 100, maxMs: 400, healthyMs: 1500 }),
  onExit: (info, restart) =>
    console.log(JSON.stringify({ event: 'exit', exit: describeExit(info), ...restart, line: describeRestart('child', describeExit(info), restart) })),
  onRestart: (restarts) => {
    console.log(JSON.stringify({ event: 'restart', restarts }));
    if (restarts === 6) stopping = true;
  },
});
const defaults = new RestartBackoff();
const defaultDelays = [0, 0, 0, 0, 0, 0, 0, 60_000].map((ranMs) => defaults.next(ranMs));
console.log(JSON.stringify({ event: 'done', runs, defaultDelays }));
`;

interface Event {
  event: string;
  run?: number;
  at?: number;
  exit?: string;
  delayMs?: number;
  ranMs?: number;
  restarts?: number;
  line?: string;
  defaultDelays?: number[];
}

describe('pnpm start supervisor', () => {
  let dir: string;
  let events: Event[];
  let output: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'supervisor-'));
    writeFileSync(join(dir, 'child.js'), CHILD);
    writeFileSync(join(dir, 'driver.mjs'), driver(dir));
    const result = spawnSync(process.execPath, [join(dir, 'driver.mjs')], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    output = result.stdout + result.stderr;
    expect(result.status).toBe(0);
    events = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Event);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts a child that exits, each time it exits', () => {
    expect(events.filter((e) => e.event === 'start').map((e) => e.run)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let run = 1; run <= 7; run++) expect(output).toContain(`child run ${run}`);
    expect(events.at(-1)).toMatchObject({ event: 'done', runs: 7 });
  });

  it('by default waits 1 s doubling to 30 s, and 1 s again after a run of 60 s', () => {
    expect(events.at(-1)?.defaultDelays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 1000]);
  });

  it('waits 1×, 2×, 4× the initial delay up to the maximum, and starts afresh after a healthy run', () => {
    const exits = events.filter((e) => e.event === 'exit');
    expect(exits.map((e) => e.delayMs)).toEqual([100, 200, 400, 400, 100, 200]);
    expect(exits[4]).toMatchObject({ exit: 'exited with code 3' });
    expect(exits[4].ranMs).toBeGreaterThanOrEqual(1500);
    const starts = events.filter((e) => e.event === 'start');
    exits.forEach((exit, i) => {
      expect(starts[i + 1].at! - starts[i].at!).toBeGreaterThanOrEqual(exit.delayMs! + exit.ranMs! - 5);
    });
  });

  it('says so on the console: what exited, after how long, and when it is restarted', () => {
    const exits = events.filter((e) => e.event === 'exit');
    expect(exits[0].line).toMatch(/^child exited with code 1 after \d+(\.\d)?s; restarting it in 0\.1s$/);
    expect(exits[2].line).toMatch(/restarting it in 0\.4s$/);
  });
});
