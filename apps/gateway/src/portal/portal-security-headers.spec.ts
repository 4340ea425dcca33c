import { portalCacheControl } from './portal-cache-policy';
import { portalContentSecurityPolicy, storageImageOrigin } from './portal-security-headers';

describe('portal headers', () => {
  it('the CSP allows only the gateway, plus the store origin and data: for images', () => {
    const csp = portalContentSecurityPolicy('http://127.0.0.1:9000');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("img-src 'self' data: http://127.0.0.1:9000;");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
  });

  it('the image origin follows the addressing style of the bucket', () => {
    const base = { publicEndpoint: 'https://s3.example.com/', bucket: 'media' };
    expect(storageImageOrigin({ ...base, forcePathStyle: true })).toBe('https://s3.example.com');
    expect(storageImageOrigin({ ...base, forcePathStyle: false })).toBe('https://media.s3.example.com');
  });

  it('hashed assets are immutable for a year, everything else revalidates', () => {
    expect(portalCacheControl('assets/index-B3x_9kQz.js')).toBe('public, max-age=31536000, immutable');
    expect(portalCacheControl('index.html')).toBe('no-cache');
    expect(portalCacheControl('favicon.svg')).toBe('no-cache');
  });
});
