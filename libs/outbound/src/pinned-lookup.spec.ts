import type { LookupAddress } from 'node:dns';
import { pinnedLookup } from './pinned-lookup';

type Lookup = (hostname: string, options: object, callback: (...args: unknown[]) => void) => void;

function call(lookup: Lookup, hostname: string, options: object): Promise<unknown[]> {
  return new Promise((resolve) => lookup(hostname, options, (...args) => resolve(args)));
}

describe('pinnedLookup', () => {
  it('answers every host name with the pinned address (single-address form)', async () => {
    const lookup = pinnedLookup('93.184.216.34', 4) as unknown as Lookup;
    expect(await call(lookup, 'hooks.example.com', {})).toEqual([null, '93.184.216.34', 4]);
    expect(await call(lookup, 'evil-rebound.example.com', { family: 6 })).toEqual([null, '93.184.216.34', 4]);
  });

  it('answers the all-addresses form used by happy eyeballs with the pinned address only', async () => {
    const lookup = pinnedLookup('2606:2800:220:1::1', 6) as unknown as Lookup;
    const [err, addresses] = await call(lookup, 'hooks.example.com', { all: true });
    expect(err).toBeNull();
    expect(addresses).toEqual([{ address: '2606:2800:220:1::1', family: 6 } satisfies LookupAddress]);
  });

  it('answers asynchronously, as net expects of a resolver', () => {
    const lookup = pinnedLookup('93.184.216.34', 4) as unknown as Lookup;
    let answered = false;
    lookup('x', {}, () => (answered = true));
    expect(answered).toBe(false);
  });
});
