import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { freePort } from './free-port';
import { ServerChildProcess } from './server-child-process';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/** A nats-server with JetStream of the test's own, on a free port, that can be stopped and restarted. */
export class NatsServerProcess {
  private readonly server: ServerChildProcess;

  private constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {
    this.server = new ServerChildProcess({
      bin: NATS_SERVER,
      args: ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
      ready: async () => {
        const nc = await connect({ servers: this.url, reconnect: false, timeout: 500 });
        await nc.close();
        return true;
      },
      what: 'nats-server',
    });
  }

  static async start(): Promise<NatsServerProcess> {
    const server = new NatsServerProcess(await freePort(), await mkdtemp(join(tmpdir(), 'nats-js-')));
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  resume(): Promise<void> {
    return this.server.spawn();
  }

  pause(): Promise<void> {
    return this.server.end('SIGTERM');
  }

  async stop(): Promise<void> {
    await this.pause();
    await rm(this.storeDir, { recursive: true, force: true });
  }
}
