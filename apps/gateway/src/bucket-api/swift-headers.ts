import type { ContainerInfo, ObjectRecord } from '@mp/contracts';
import { metadataHeaders } from './swift-metadata';
import { swiftTimestamp } from './swift-response-headers';

export function containerHeaders(container: ContainerInfo): Record<string, string> {
  return {
    'X-Container-Object-Count': String(container.object_count),
    'X-Container-Bytes-Used': String(container.bytes),
    'X-Timestamp': swiftTimestamp(new Date(container.created_at)),
    'X-Storage-Policy': 'default',
    ...metadataHeaders(container.metadata, 'container'),
  };
}

export function objectHeaders(object: ObjectRecord): Record<string, string> {
  return {
    'X-Timestamp': swiftTimestamp(new Date(object.last_modified)),
    ...(object.delete_at ? { 'X-Delete-At': String(Math.floor(Date.parse(object.delete_at) / 1000)) } : {}),
    ...metadataHeaders(object.metadata, 'object'),
  };
}

/** `If-Match`/`If-None-Match`/`If-Range` tags as quoted strings: Swift clients send them bare. */
export function quoteBareEtags(headers: Record<string, string | string[] | undefined>): void {
  for (const name of ['if-match', 'if-none-match', 'if-range']) {
    const value = headers[name];
    if (typeof value !== 'string' || /GMT/.test(value)) continue; // an If-Range date
    headers[name] = value
      .split(',')
      .map((tag) => {
        const t = tag.trim();
        return t === '*' || t.startsWith('"') || t.startsWith('W/') ? t : `"${t}"`;
      })
      .join(', ');
  }
}
