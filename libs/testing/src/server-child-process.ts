import { ChildProcess, spawn } from 'node:child_process';
import { waitFor } from './wait-for';

export interface ServerCommand {
  bin: string;
  args: string[];
  /** Resolves true once the server accepts connections. */
  ready: () => Promise<boolean>;
  /** Names the server in the time-out message. */
  what: string;
}

/** A server binary run as a child of the test: spawned until it is ready, ended with a signal. */
export class ServerChildProcess {
  private child?: ChildProcess;

  constructor(private readonly command: ServerCommand) {}

  async spawn(): Promise<void> {
    this.child = spawn(this.command.bin, this.command.args, { stdio: 'ignore' });
    await waitFor(this.command.ready, { timeoutMs: 10_000, what: `${this.command.what} to accept connections` });
  }

  /** Sends `signal` and waits for the exit; nothing when the server is not running. */
  async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}
