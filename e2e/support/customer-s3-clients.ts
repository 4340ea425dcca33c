import type { S3ClientCredentials } from '@mp/contracts';
// The SDK here is a customer's client of the /s3-api endpoint, not the platform's store adapter.
// eslint-disable-next-line no-restricted-imports
import { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';

/** The endpoint's credentials of a `kikaku_s3` key, as `GET /s3/credentials` hands them out. */
export async function s3CredentialsOf(gatewayUrl: string, key: string): Promise<S3ClientCredentials> {
  const res = await fetch(`${gatewayUrl}/s3/credentials`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as S3ClientCredentials;
}

/**
 * Makes a customer's @aws-sdk/client-s3 of the endpoint: path style, no retries, unless `extra`
 * says otherwise. Every client made is destroyed before the suite's platform stops.
 */
export function customerS3Clients(suite: {
  beforeStop(cleanup: () => unknown): void;
}): (creds: S3ClientCredentials, extra?: Partial<S3ClientConfig>) => S3Client {
  const clients: S3Client[] = [];
  suite.beforeStop(() => clients.forEach((c) => c.destroy()));
  return (creds, extra = {}) => {
    const s3 = new S3Client({
      endpoint: creds.endpoint,
      region: creds.region,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: creds.access_key_id, secretAccessKey: creds.secret_access_key },
      ...extra,
    });
    clients.push(s3);
    return s3;
  };
}
