import type { AccountListing, ListedObject } from '@mp/contracts';
import type { ListingFormat } from './swift-listing-query';

export interface FormattedListing {
  contentType: string;
  body: string;
  /** Plain listings with nothing in them answer 204, as Swift does. */
  empty: boolean;
}

const xmlText = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Swift writes listing times without a zone, to the microsecond: `2026-12-04T01:50:33.123000`. */
export const swiftListingTime = (iso: string) => iso.replace(/Z$/, '').replace(/(\.\d{3})$/, '$1000');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function formatContainerListing(
  container: string,
  items: ListedObject[],
  format: ListingFormat,
): FormattedListing {
  const rows = items.map((i) => ('subdir' in i ? i : { ...i, last_modified: swiftListingTime(i.last_modified) }));
  if (format === 'json')
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(rows), empty: false };
  if (format === 'xml') {
    const inner = rows
      .map((i) =>
        'subdir' in i
          ? `<subdir name="${xmlText(i.subdir)}"><name>${xmlText(i.subdir)}</name></subdir>`
          : `<object><name>${xmlText(i.name)}</name><hash>${i.hash}</hash><bytes>${i.bytes}</bytes>` +
            `<content_type>${xmlText(i.content_type)}</content_type><last_modified>${i.last_modified}</last_modified></object>`,
      )
      .join('');
    return {
      contentType: 'application/xml; charset=utf-8',
      body: `${XML_HEAD}<container name="${xmlText(container)}">${inner}</container>`,
      empty: false,
    };
  }
  const names = rows.map((i) => ('subdir' in i ? i.subdir : i.name));
  return plain(names);
}

export function formatAccountListing(
  account: string,
  listing: AccountListing,
  format: ListingFormat,
): FormattedListing {
  const rows = listing.containers.map((c) => ({ ...c, last_modified: swiftListingTime(c.last_modified) }));
  if (format === 'json')
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(rows), empty: false };
  if (format === 'xml') {
    const inner = rows
      .map(
        (c) =>
          `<container><name>${xmlText(c.name)}</name><count>${c.count}</count><bytes>${c.bytes}</bytes>` +
          `<last_modified>${c.last_modified}</last_modified></container>`,
      )
      .join('');
    return {
      contentType: 'application/xml; charset=utf-8',
      body: `${XML_HEAD}<account name="${xmlText(account)}">${inner}</account>`,
      empty: false,
    };
  }
  return plain(rows.map((c) => c.name));
}

function plain(names: string[]): FormattedListing {
  return {
    contentType: 'text/plain; charset=utf-8',
    body: names.map((n) => `${n}\n`).join(''),
    empty: names.length === 0,
  };
}
