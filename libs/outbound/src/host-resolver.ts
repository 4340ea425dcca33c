import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. Injected so the guard can be tested without DNS. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const HOST_RESOLVER = Symbol('HOST_RESOLVER');

/** The system resolver (getaddrinfo, so /etc/hosts counts), every address in resolver order. */
export const systemHostResolver: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });
