import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

export const ALL_APPS = [
  'quota-billing',
  'files',
  'search-indexer',
  'image-ops',
  'generation-broker',
  'buckets',
  'notifier',
  'gateway',
] as const;
export type AppName = (typeof ALL_APPS)[number];

const ROOT = resolve(__dirname, '../../..');
const LOG_LINES = 200;

/** Children still running; killed if the test process exits without stopping them (e.g. a hook timeout). */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

interface RunningApp {
  child: ChildProcess;
  port: number;
  log: string[];
  exit: Promise<number | null>;
}

/**
 * The platform as real processes (`node apps/<app>/dist/main.js`, built by `pnpm build`), each on
 * a free port with the test file's isolated env. Apps can be stopped (SIGTERM) and started again.
 */
export class PlatformProcesses {
  private readonly running = new Map<AppName, RunningApp>();
  private readonly ports = new Map<AppName, number>();

  constructor(private env: Record<string, string>) {}

  static async start(env: Record<string, string>, apps: readonly AppName[]): Promise<PlatformProcesses> {
    const platform = new PlatformProcesses(env);
    if (apps.includes('gateway') && env.PUBLIC_BASE_URL === undefined) {
      // Services that write gateway URLs (seed 003 media URLs) need its address before it starts.
      const port = await freePort();
      platform.ports.set('gateway', port);
      platform.env = { ...env, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` };
    }
    try {
      await Promise.all(apps.map((app) => platform.startApp(app)));
    } catch (err) {
      await platform.stopAll();
      throw err;
    }
    return platform;
  }

  url(app: AppName): string {
    const port = this.ports.get(app);
    if (!port) throw new Error(`${app} was never started`);
    return `http://127.0.0.1:${port}`;
  }

  get gatewayUrl(): string {
    return this.url('gateway');
  }

  logs(app: AppName): string {
    return (this.running.get(app)?.log ?? []).join('\n');
  }

  async startApp(app: AppName, extraEnv: Record<string, string> = {}): Promise<void> {
    const main = join(ROOT, 'apps', app, 'dist', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first`);
    const port = this.ports.get(app) ?? (await freePort());
    this.ports.set(app, port);
    const portEnv = app === 'gateway' ? { PORT: String(port) } : { HTTP_PORT: String(port) };
    // `CPU_PROFILE_DIR` (benchmarks): each app writes a V8 CPU profile there when it exits.
    const profileDir = process.env.CPU_PROFILE_DIR;
    const profile = profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${app}-${Date.now()}.cpuprofile`]
      : [];
    const child = spawn(process.execPath, [...profile, main], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, ...portEnv, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) log.push(line);
      if (log.length > LOG_LINES) log.splice(0, log.length - LOG_LINES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    liveChildren.add(child);
    const exit = new Promise<number | null>((resolveExit) =>
      child.once('exit', (code) => {
        liveChildren.delete(child);
        resolveExit(code);
      }),
    );
    this.running.set(app, { child, port, log, exit });
    let exited = false;
    void exit.then(() => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`${app} exited during start-up:\n${log.slice(-30).join('\n')}`);
        const res = await fetch(`${this.url(app)}/health/ready`).catch(() => undefined);
        return res?.status === 200;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `${app} to be ready` },
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- ${app} log ---\n${log.slice(-30).join('\n')}`);
    });
  }

  /** SIGTERM, then the exit code (graceful shutdown must finish within `timeoutMs`). */
  async stopApp(app: AppName, timeoutMs = 20_000): Promise<number | null> {
    const running = this.running.get(app);
    if (!running) return null;
    this.running.delete(app);
    if (running.child.exitCode !== null) return running.child.exitCode;
    running.child.kill('SIGTERM');
    const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
    const code = await running.exit;
    clearTimeout(timer);
    return code;
  }

  /** SIGKILL (a crash: no shutdown hooks run), then the exit signal's code (null). */
  async killApp(app: AppName): Promise<number | null> {
    const running = this.running.get(app);
    if (!running) return null;
    this.running.delete(app);
    if (running.child.exitCode !== null) return running.child.exitCode;
    running.child.kill('SIGKILL');
    return running.exit;
  }

  /** The OS process id of a running app (e.g. to read `/proc/<pid>/status`). */
  pid(app: AppName): number {
    const pid = this.running.get(app)?.child.pid;
    if (!pid) throw new Error(`${app} is not running`);
    return pid;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((app) => this.stopApp(app)));
  }
}
