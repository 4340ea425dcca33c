// The SDK here is a customer's client of the /s3-api endpoint, not the platform's store adapter.
// eslint-disable-next-line no-restricted-imports
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { platformSuite } from '@mp/testing';
import { lookup } from 'node:dns';
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { randomBytes } from 'node:crypto';
import { customerS3Clients, s3CredentialsOf } from './support/customer-s3-clients';

/** `<bucket>.localhost` names this machine, as a wildcard DNS record would name the gateway. */
const toLoopback: LookupFunction = (_hostname, options, callback) => lookup('127.0.0.1', options, callback);
const localhostAgent = () => new Agent({ keepAlive: true, lookup: toLoopback });

describe('S3 protocol endpoint: virtual-hosted-style addressing (S3_API_VIRTUAL_HOST_BASE)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'gateway'],
    env: { S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64'), S3_API_VIRTUAL_HOST_BASE: 'localhost' },
    teams: { 'team-a': ['kikaku_s3'] },
  });
  const clientOf = customerS3Clients(suite);

  it('@aws-sdk/client-s3 without forcePathStyle: <bucket>.localhost:<port>/s3-api/<key>; path style still works', async () => {
    const key = suite.team('team-a').keys.kikaku_s3!.key!;
    const creds = await s3CredentialsOf(suite.gatewayUrl, key);
    const port = new URL(suite.gatewayUrl).port;
    const hosts: string[] = [];
    const s3 = clientOf(creds, {
      endpoint: `http://localhost:${port}/s3-api`,
      forcePathStyle: false,
      requestHandler: { httpAgent: localhostAgent() },
    });
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

    const pathStyle = clientOf(creds);
    const viaPath = await pathStyle.send(new GetObjectCommand({ Bucket: creds.bucket, Key: 'dir/v.txt' }));
    expect(await viaPath.Body!.transformToString()).toBe('virtual');
  }, 60_000);
});
