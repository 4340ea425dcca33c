import { queryString } from '../api/api-client';
import { apiErrorOf } from '../api/api-error';
import { filePath } from '../api/s3.api';
import { formatBytes, usedPercent } from '../format/bytes';
import { successRate } from '../format/usage-figures';
import { folderListing, normalizePrefix, parentPrefix } from './folders';
import { credentialSnippets, displayedSnippet, maskSecret } from './snippets';

const file = (key: string, size = 1) => ({ key, size, last_modified: '2026-01-01T00:00:00Z', etag: '"e"' });
const creds = {
  endpoint: 'http://127.0.0.1:8080/s3-api',
  region: 'us-east-1',
  bucket: 'team-bucket',
  access_key_id: 'AKIAEXAMPLE',
  secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('S3 section logic', () => {
  it('formats bytes in powers of 1024', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024 ** 3 - 3072)).toBe('1 GB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1024 ** 3)).toBe('1 GB');
    expect(formatBytes(123_456_789)).toBe('117.7 MB');
    expect(usedPercent(512, 1024)).toBe(50);
    expect(usedPercent(1, 0)).toBe(100);
  });

  it('success rate is successful / total', () => {
    const stats = { total_requests: 3, successful_requests: 2, failed_requests: 1, avg_response_time_ms: 10 };
    expect(successRate(stats)).toBe('66.7%');
    expect(successRate({ ...stats, total_requests: 0, successful_requests: 0 })).toBe('-');
    expect(successRate({ ...stats, total_requests: 4, successful_requests: 4 })).toBe('100%');
  });

  it('splits a flat listing into the folders and files of one level', () => {
    const page = [file('a.txt'), file('photos/b.jpg'), file('photos/2024/c.jpg'), file('docs/d.pdf')];
    expect(folderListing('', page)).toEqual({ folders: ['docs/', 'photos/'], files: [file('a.txt')] });
    expect(folderListing('photos/', page)).toEqual({ folders: ['photos/2024/'], files: [file('photos/b.jpg')] });
    expect(parentPrefix('photos/2024/')).toBe('photos/');
    expect(parentPrefix('photos/')).toBe('');
    expect(normalizePrefix(' /photos ')).toBe('photos/');
    expect(normalizePrefix('')).toBe('');
  });

  it('encodes each key segment of a file path, keeping the slashes', () => {
    expect(filePath('photos/a b#1.jpg')).toBe('/s3/files/photos/a%20b%231.jpg');
    expect(queryString({ prefix: '', cursor: undefined, limit: 50 })).toBe('?limit=50');
    expect(queryString({ prefix: 'a/' })).toBe('?prefix=a%2F');
  });

  it('fills the seed’s snippets with the credentials and masks the secret until revealed', () => {
    const [cli, boto3, sdk] = credentialSnippets(creds);
    expect(cli!.code).toContain('aws configure set aws_access_key_id AKIAEXAMPLE');
    expect(cli!.code).toContain('aws s3 ls s3://team-bucket --endpoint-url http://127.0.0.1:8080/s3-api');
    expect(boto3!.code).toContain("endpoint_url='http://127.0.0.1:8080/s3-api',");
    expect(sdk!.code).toContain("secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',");
    expect(sdk!.code).toContain('forcePathStyle: true,');
    for (const s of [cli!, boto3!, sdk!]) expect(s.code).not.toMatch(/YOUR_/);
    expect(maskSecret(creds.secret_access_key)).toBe('••••••••••••••••EKEY');
    expect(displayedSnippet(sdk!.code, creds.secret_access_key, false)).not.toContain(creds.secret_access_key);
    expect(displayedSnippet(sdk!.code, creds.secret_access_key, true)).toContain(creds.secret_access_key);
  });

  it('reads the API’s error message, or names the status', () => {
    const quota = apiErrorOf(403, { error: { code: 'QuotaExceeded', message: 'Storage quota exceeded' } });
    expect([quota.status, quota.code, quota.message]).toEqual([403, 'QuotaExceeded', 'Storage quota exceeded']);
    expect(apiErrorOf(502, '<html>').message).toBe('The server answered 502');
  });
});
