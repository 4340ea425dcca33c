import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, ServiceRunOptions } from '@mp/platform';
import { z } from 'zod';

export interface BootedApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * Boots an app through its own `start` function (the one main.ts calls) with config validated
 * from `env`, on a free port and without signal handlers, so several apps share a test process.
 */
export async function bootApp<S extends z.ZodObject>(options: {
  schema: S;
  start: (config: z.infer<S>, run: ServiceRunOptions) => Promise<NestFastifyApplication>;
  env: Record<string, string>;
}): Promise<BootedApp> {
  const config = loadConfig(options.schema, options.env);
  const app = await options.start(config, { port: 0, handleSignals: false });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closed = false;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
