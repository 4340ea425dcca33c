/**
 * The bucket a virtual-hosted-style request names in its Host (`<bucket>.<base>[:port]`), when
 * S3_API_VIRTUAL_HOST_BASE is set; undefined for any other host (then the path names the bucket).
 * Only a single DNS label before the base counts: our buckets (`kikaku-<key id>`) have no dots.
 */
export function virtualHostBucket(host: string | undefined, base: string | undefined): string | undefined {
  if (!host || !base) return undefined;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const suffix = `.${base.toLowerCase()}`;
  if (!name.endsWith(suffix)) return undefined;
  const label = name.slice(0, -suffix.length);
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(label) ? label : undefined;
}
