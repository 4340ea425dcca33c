import type { S3ClientCredentials } from '@mp/contracts';
// The SDK here is a customer's client of the /s3-api endpoint, not the platform's store adapter.
// eslint-disable-next-line no-restricted-imports
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { platformSuite } from '@mp/testing';
import { lookup } from 'node:dns';
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { randomBytes } from 'node:crypto';

/** `<bucket>.localhost` names this machine, as a wildcard DNS record would name the gateway. */
const toLoopback: LookupFunction = (_hostname, options, callback) => lookup('127.0.0.1', options, callback);
const localhostAgent = () => new Agent({ keepAlive: true, lookup: toLoopback });

describe('S3 protocol endpoint: virtual-hosted-style addressing (S3_API_VIRTUAL_HOST_BASE)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'gateway'],
    env: { S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64'), S3_API_VIRTUAL_HOST_BASE: 'localhost' },
    teams: { 'team-a': ['kikaku_s3'] },
  });
  const clients: S3Client[] = [];
  suite.beforeStop(() => clients.forEach((c) => c.destroy()));

  const credentialsOf = async (key: string) => {
    const res = await fetch(`${suite.gatewayUrl}/s3/credentials`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as S3ClientCredentials;
  };

  it('@aws-sdk/client-s3 without forcePathStyle: <bucket>.localhost:<port>/s3-api/<key>; path style still works', async () => {
    const key = suite.team('team-a').keys.kikaku_s3!.key!;
    const creds = await credentialsOf(key);
    const port = new URL(suite.gatewayUrl).port;
    const hosts: string[] = [];
    const s3 = new S3Client({
      endpoint: `http://localhost:${port}/s3-api`,
      region: creds.region,
      maxAttempts: 1,
      credentials: { accessKeyId: creds.access_key_id, secretAccessKey: creds.secret_access_key },
      requestHandler: { httpAgent: localhostAgent() },
    });
    clients.push(s3);
    s3.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { hostname: string; path: string };
        hosts.push(`${request.hostname} ${request.path}`);
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low' },
    );
    await s3.send(new PutObjectCommand({ Bucket: creds.bucket, Key: 'dir/v.txt', Body: 'virtual' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: creds.bucket, Key: 'dir/v.txt' }));
    expect(await got.Body!.transformToString()).toBe('virtual');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: creds.bucket, Prefix: 'dir/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['dir/v.txt']);
    await s3.send(new HeadBucketCommand({ Bucket: creds.bucket }));
    expect(hosts.slice(0, 2)).toEqual([
      `${creds.bucket}.localhost /s3-api/dir/v.txt`,
      `${creds.bucket}.localhost /s3-api/dir/v.txt`,
    ]);
    expect(hosts.every((h) => h.startsWith(`${creds.bucket}.localhost /s3-api`))).toBe(true);

    const other = 'kikaku-00000000-0000-0000-0000-000000000000';
    const denied = await s3.send(new HeadBucketCommand({ Bucket: other })).then(
      () => 'ok',
      (err: S3ServiceException) => err.$metadata?.httpStatusCode,
    );
    expect(denied).toBe(403);

    const pathStyle = new S3Client({
      endpoint: creds.endpoint,
      region: creds.region,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: creds.access_key_id, secretAccessKey: creds.secret_access_key },
    });
    clients.push(pathStyle);
    const viaPath = await pathStyle.send(new GetObjectCommand({ Bucket: creds.bucket, Key: 'dir/v.txt' }));
    expect(await viaPath.Body!.transformToString()).toBe('virtual');
  }, 60_000);
});
