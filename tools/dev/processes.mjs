// Child processes of `pnpm start`: spawned in their own process group (so a terminal Ctrl-C
// reaches only the supervisor, which stops them in order), with every output line prefixed by
// the process's name and pino JSON shown compactly.
import { spawn } from 'node:child_process';

const KEEP_LINES = 200;
const COLORS = [36, 33, 35, 32, 34, 96, 93, 95, 92, 94];
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const LEVEL_COLORS = { trace: 90, debug: 90, info: 32, warn: 33, error: 31, fatal: 31 };
const SKIP_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'app', 'msg', 'v', 'context', 'trace']);
// Nest's start-up chatter (one line per module and route); kept for error reports, shown with START_VERBOSE=1.
const QUIET_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

export const useColor = process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
export const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);

function formatValue(value) {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  if (value === null || typeof value !== 'object') return String(value);
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

/** A pino JSON line as `level msg key=value…`; anything else unchanged. `quiet` = start-up noise. */
export function formatLogLine(raw) {
  if (!raw.startsWith('{')) return { text: raw, quiet: false };
  let entry;
  try {
    entry = JSON.parse(raw);
  } catch {
    return { text: raw, quiet: false };
  }
  if (!entry || typeof entry !== 'object' || (!('msg' in entry) && !('level' in entry)))
    return { text: raw, quiet: false };
  const level = LEVELS[entry.level] ?? String(entry.level ?? 'log');
  const extras = [];
  for (const [key, value] of Object.entries(entry)) {
    if (SKIP_FIELDS.has(key) || value === undefined) continue;
    if (key === 'err' && value && typeof value === 'object') {
      extras.push(`err=${formatValue(value.message ?? value.type ?? value)}`);
      continue;
    }
    extras.push(`${key}=${formatValue(value)}`);
  }
  let rest = extras.join(' ');
  if (rest.length > 300) rest = `${rest.slice(0, 297)}...`;
  const msg = typeof entry.msg === 'string' ? entry.msg : entry.msg === undefined ? '' : formatValue(entry.msg);
  const plain = `${level.padEnd(5)} ${msg}${rest ? ` ${rest}` : ''}`;
  const colored = `${paint(LEVEL_COLORS[level] ?? 0, level.padEnd(5))} ${msg}${rest ? ` ${paint(90, rest)}` : ''}`;
  // The stack of an error goes below it, as it would in a terminal.
  const stack =
    (level === 'error' || level === 'fatal') && typeof entry.err?.stack === 'string'
      ? entry.err.stack
      : typeof entry.trace === 'string'
        ? entry.trace
        : '';
  const quiet = level === 'info' && QUIET_CONTEXTS.has(entry.context);
  return { text: plain, colored, stack, quiet };
}

export class ProcessGroup {
  constructor({ labelWidth = 17, verbose = false } = {}) {
    this.labelWidth = labelWidth;
    this.verbose = verbose;
    this.procs = new Map();
    this.colors = new Map();
    this.colorIndex = 0;
    // Whatever happens to the supervisor, no child outlives it.
    process.on('exit', () => {
      for (const proc of this.procs.values()) if (proc.running) proc.child.kill('SIGKILL');
    });
  }

  label(name, color) {
    return paint(color, name.padEnd(this.labelWidth));
  }

  /** Starts `command args` as `name` (again, after a restart); the result's `exited` resolves to `{ code, signal }`. */
  spawn(name, command, args, { env, cwd }) {
    if (!this.colors.has(name)) this.colors.set(name, COLORS[this.colorIndex++ % COLORS.length]);
    const color = this.colors.get(name);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const proc = {
      name,
      child,
      lines: [],
      running: true,
      expectedExit: false,
      exitInfo: undefined,
      exited: undefined,
    };
    const prefix = this.label(name, color);
    const emit = (raw) => {
      const line = raw.replace(/\r$/, '');
      if (!line.trim()) return;
      const f = formatLogLine(line);
      proc.lines.push(f.text);
      if (f.stack) proc.lines.push(...f.stack.split('\n').slice(1, 6));
      if (proc.lines.length > KEEP_LINES) proc.lines.splice(0, proc.lines.length - KEEP_LINES);
      if (f.quiet && !this.verbose) return;
      process.stdout.write(`${prefix} ${useColor && f.colored ? f.colored : f.text}\n`);
      if (f.stack) for (const s of f.stack.split('\n').slice(1)) process.stdout.write(`${prefix} ${paint(90, s)}\n`);
    };
    const pipe = (stream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop();
        for (const part of parts) emit(part);
      });
      stream.on('end', () => {
        if (pending) emit(pending);
        pending = '';
      });
    };
    pipe(child.stdout);
    pipe(child.stderr);
    proc.exited = new Promise((resolve) => {
      child.once('error', (err) => {
        emit(`failed to start: ${err.message}`);
        proc.running = false;
        proc.exitInfo = { code: null, signal: null, error: err };
        resolve(proc.exitInfo);
      });
      child.once('exit', (code, signal) => {
        proc.running = false;
        proc.exitInfo = { code, signal };
        // 'exit' can come before the pipes are drained; give them a moment.
        setTimeout(() => resolve(proc.exitInfo), 50);
      });
    });
    this.procs.set(name, proc);
    return proc;
  }

  get(name) {
    return this.procs.get(name);
  }

  all() {
    return [...this.procs.values()];
  }

  lastLines(name, count = 20) {
    return (this.procs.get(name)?.lines ?? []).slice(-count);
  }

  /** SIGTERM; SIGKILL after `timeoutMs`. Resolves once every one has exited. */
  async stop(names, timeoutMs, onKill = () => undefined) {
    const procs = names.map((n) => this.procs.get(n)).filter((p) => p && p.running);
    await Promise.all(
      procs.map(async (proc) => {
        proc.expectedExit = true;
        proc.child.kill('SIGTERM');
        const timer = setTimeout(() => {
          if (!proc.running) return;
          onKill(proc.name);
          proc.child.kill('SIGKILL');
        }, timeoutMs);
        await proc.exited;
        clearTimeout(timer);
      }),
    );
  }

  killAll() {
    for (const proc of this.procs.values()) {
      if (!proc.running) continue;
      proc.expectedExit = true;
      proc.child.kill('SIGKILL');
    }
  }
}

export function describeExit(info) {
  if (!info) return 'running';
  if (info.error) return `could not start (${info.error.message})`;
  if (info.signal) return `killed by ${info.signal}`;
  return `exited with code ${info.code}`;
}
