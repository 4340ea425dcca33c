/** The seed's date format: `2016-02-26T15:57:06+0000` (we answer in UTC). */
export function formatImageDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}
