import { PlatformProcesses, platformSuite } from '@mp/testing';
import pg from 'pg';

/**
 * `upload_ip` is the client's address: `X-Forwarded-For` counts only when the connection comes
 * from a proxy listed in TRUSTED_PROXIES (none by default).
 */
describe('X-Forwarded-For is honoured only from TRUSTED_PROXIES', () => {
  const suite = platformSuite({ apps: ['quota-billing', 'files', 'gateway'], teams: { proxies: ['cdt'] } });
  let behindProxy: PlatformProcesses;
  let db: pg.Client;

  suite.beforeStop(() => behindProxy?.stopAll());
  suite.beforeStop(() => db?.end());

  beforeAll(async () => {
    behindProxy = await PlatformProcesses.start({ ...suite.infra.env, TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' }, [
      'gateway',
    ]);
    db = new pg.Client({ connectionString: suite.infra.databaseUrl });
    await db.connect();
  });

  /** Asks `gatewayUrl` for an upload URL claiming to come from 1.2.3.4; the address files recorded. */
  const recordedIp = async (gatewayUrl: string): Promise<string | null> => {
    const res = await fetch(`${gatewayUrl}/v1/files/upload-url`, {
      method: 'POST',
      headers: {
        'x-api-key': suite.team('proxies').keys.cdt!.key!,
        'content-type': 'application/json',
        'x-forwarded-for': '1.2.3.4',
      },
      body: JSON.stringify({ filename: 'a.png', folder: 'proxies' }),
    });
    expect(res.status).toBe(200);
    const { object_key } = (await res.json()) as { object_key: string };
    const row = await db.query<{ upload_ip: string | null }>(
      'SELECT upload_ip FROM files.files WHERE object_key = $1',
      [object_key],
    );
    expect(row.rowCount).toBe(1);
    return row.rows[0].upload_ip;
  };

  it('records the socket address of a direct client, whatever X-Forwarded-For claims', async () => {
    expect(await recordedIp(suite.gatewayUrl)).toBe('127.0.0.1');
  });

  it('records the forwarded client when the connection comes from a trusted proxy', async () => {
    expect(await recordedIp(behindProxy.gatewayUrl)).toBe('1.2.3.4');
  });
});
