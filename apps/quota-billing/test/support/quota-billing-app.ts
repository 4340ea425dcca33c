import { RpcClient } from '@mp/platform';
import { BootedApp, bootApp, createTestInfra, TestInfra } from '@mp/testing';
import { quotaBillingConfigSchema } from '../../src/app.config';
import { startQuotaBilling } from '../../src/start';

export interface QuotaBillingApp {
  infra: TestInfra;
  booted: BootedApp;
  rpc: RpcClient;
}

/** Boots quota-billing on its own database and namespace for the calling spec file; closed after it. */
export function quotaBillingApp(): () => QuotaBillingApp {
  let app: QuotaBillingApp | undefined;
  beforeAll(async () => {
    const infra = await createTestInfra();
    const booted = await bootApp({ schema: quotaBillingConfigSchema, start: startQuotaBilling, env: infra.env });
    app = { infra, booted, rpc: booted.app.get(RpcClient) };
  });
  afterAll(async () => {
    await app?.booted.close();
    await app?.infra.dispose();
  });
  return () => {
    if (!app) throw new Error('quota-billing is not booted yet (use it inside a test or hook)');
    return app;
  };
}
