import { DomainError, MAX_METADATA_BYTES } from '@mp/contracts';
import type { IncomingHttpHeaders } from 'node:http';

export type MetadataKind = 'object' | 'container';

const MAX_NAME = 128;
const MAX_VALUE = 256;
const MAX_COUNT = 90;

const tooLarge = (what: string) => new DomainError('ValidationFailed', what, {});

/**
 * `X-<Kind>-Meta-<name>: value` headers as a map of lowercase names; Swift's limits (name ≤ 128,
 * value ≤ 256 bytes, ≤ 90 items, ≤ 4 KiB in all) answer 400. `alsoObjectMeta` reads
 * `X-Object-Meta-*` on a container too, as the seed's container POST example sends them.
 */
export function metadataOf(
  headers: IncomingHttpHeaders,
  kind: MetadataKind,
  alsoObjectMeta = false,
): Record<string, string> {
  const prefixes = [`x-${kind}-meta-`, ...(alsoObjectMeta ? ['x-object-meta-'] : [])];
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [header, raw] of Object.entries(headers)) {
    const prefix = prefixes.find((p) => header.startsWith(p));
    if (!prefix || raw === undefined) continue;
    const name = header.slice(prefix.length);
    const value = (Array.isArray(raw) ? raw.join(',') : raw).trim();
    if (value === '') continue; // an empty value removes the item (removedMetadataOf)
    if (!name) throw tooLarge('A metadata header needs a name');
    if (Buffer.byteLength(name) > MAX_NAME)
      throw tooLarge(`Metadata name ${name.slice(0, 40)}… is over ${MAX_NAME} bytes`);
    if (Buffer.byteLength(value) > MAX_VALUE) throw tooLarge(`Metadata value of ${name} is over ${MAX_VALUE} bytes`);
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    metadata[name] = value;
  }
  if (Object.keys(metadata).length > MAX_COUNT) throw tooLarge(`At most ${MAX_COUNT} metadata items`);
  if (bytes > MAX_METADATA_BYTES) throw tooLarge(`Metadata is over ${MAX_METADATA_BYTES} bytes`);
  return metadata;
}

/** Names of `X-Remove-<Kind>-Meta-<name>` headers, and of `X-<Kind>-Meta-<name>:` sent empty (Swift removes those too). */
export function removedMetadataOf(headers: IncomingHttpHeaders, kind: MetadataKind): string[] {
  const removed: string[] = [];
  for (const [header, raw] of Object.entries(headers)) {
    if (header.startsWith(`x-remove-${kind}-meta-`)) removed.push(header.slice(`x-remove-${kind}-meta-`.length));
    else if (header.startsWith(`x-${kind}-meta-`) && String(raw ?? '').trim() === '') {
      removed.push(header.slice(`x-${kind}-meta-`.length));
    }
  }
  return removed.filter((n) => n.length > 0 && n.length <= MAX_NAME).slice(0, 100);
}

/** The metadata as response headers (`X-Object-Meta-Color`). */
export function metadataHeaders(metadata: Record<string, string>, kind: MetadataKind): Record<string, string> {
  const label = kind === 'object' ? 'Object' : 'Container';
  return Object.fromEntries(
    Object.entries(metadata).map(([name, value]) => [`X-${label}-Meta-${capitalise(name)}`, value]),
  );
}

const capitalise = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
