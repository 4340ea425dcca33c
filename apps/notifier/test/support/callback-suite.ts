import { AppName, platformSuite, PlatformProcesses } from '@mp/testing';
import { CallbackReceiver } from './callback-receiver';
import { PlatformClient } from './platform-client';

export interface CallbackSuite {
  readonly receiver: CallbackReceiver;
  readonly client: PlatformClient;
  readonly platform: PlatformProcesses;
}

/**
 * A CallbackReceiver on 127.0.0.1, then `apps` as processes with `env(receiverPort)` (no S3) and a
 * client on their NATS namespace; the processes stop, then the receiver, after the describe block.
 */
export function callbackSuite(
  apps: readonly AppName[],
  env: (receiverPort: number) => Record<string, string>,
): CallbackSuite {
  let receiver: CallbackReceiver | undefined;
  let client: PlatformClient | undefined;
  beforeAll(async () => {
    receiver = await new CallbackReceiver().start();
  });
  const suite = platformSuite({ apps, infra: { s3: false }, env: () => env(receiver!.port) });
  beforeAll(() => {
    client = new PlatformClient(suite.infra.nc, suite.infra.namespace);
  });
  afterAll(async () => {
    await receiver?.stop();
  });
  return {
    get receiver() {
      return receiver!;
    },
    get client() {
      return client!;
    },
    get platform() {
      return suite.platform;
    },
  };
}
