/** What a storage URL of the bucket looks like from a browser: path style or virtual-hosted. */
export interface StorageAddress {
  publicEndpoint: string;
  bucket: string;
  forcePathStyle: boolean;
}

/** The origin of presigned GET URLs (generated images, gallery): the only other origin the portal may load from. */
export function storageImageOrigin(storage: StorageAddress): string {
  const url = new URL(storage.publicEndpoint);
  if (!storage.forcePathStyle) url.hostname = `${storage.bucket}.${url.hostname}`;
  return url.origin;
}

/**
 * Scripts, styles and requests only from the gateway itself (no inline script, no third party);
 * images also from the store's presigned URLs and `data:` previews of a chosen reference image.
 */
export function portalContentSecurityPolicy(imageOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${imageOrigin}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function portalSecurityHeaders(imageOrigin: string): Record<string, string> {
  return {
    'content-security-policy': portalContentSecurityPolicy(imageOrigin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}
