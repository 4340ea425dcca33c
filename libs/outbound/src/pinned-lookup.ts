import type { LookupAddress, LookupOneOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * A `lookup` for http(s).request that answers every query with the address the guard checked,
 * so a second DNS answer (rebinding) can never change where the socket connects. Host header and
 * TLS SNI/certificate checks still use the host name.
 */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((
    _hostname: string,
    options: LookupOneOptions & { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    // Answer asynchronously, as a real resolver would: net attaches its listeners after calling lookup.
    process.nextTick(() => {
      if (options?.all) callback(null, [{ address, family } satisfies LookupAddress]);
      else callback(null, address, family);
    });
  }) as LookupFunction;
}
