import Redis from 'ioredis';
import { freePort } from './free-port';
import { ServerChildProcess } from './server-child-process';

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';

/**
 * A redis-server of the test's own on a free port, without persistence: a restart starts empty,
 * as a crashed cache node without a disk would.
 */
export class RedisServerProcess {
  private readonly server: ServerChildProcess;

  private constructor(readonly port: number) {
    this.server = new ServerChildProcess({
      bin: REDIS_SERVER,
      args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ready: async () => {
        const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        try {
          await redis.connect();
          return (await redis.ping()) === 'PONG';
        } finally {
          redis.disconnect();
        }
      },
      what: 'redis-server',
    });
  }

  static async start(): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  resume(): Promise<void> {
    return this.server.spawn();
  }

  /** SIGKILL: the data set is gone, clients see their connections drop. */
  kill(): Promise<void> {
    return this.server.end('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.kill();
  }
}
