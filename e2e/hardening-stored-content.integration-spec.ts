import { platformSuite, waitFor } from '@mp/testing';
import { uploadFile } from './support/seed-000-client';

/**
 * Issue 9, item 8: a stored HTML or SVG file was served inline from the storage origin through its
 * `file_url`, so its script ran there. Active types are served as attachments, never sniffed, sandboxed.
 */
describe('stored HTML and SVG never run as pages', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    teams: { 'stored-content': ['cdt'] },
  });
  const team = () => suite.team('stored-content');

  it.each([
    ['x.html', 'text/html', '<html><script>alert(document.domain)</script></html>'],
    ['x.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  ])('%s via file_url: attachment, nosniff, sandboxed', async (name, type, text) => {
    const up = await uploadFile(suite.gatewayUrl, team().keys.cdt!.key!, { name, type, bytes: Buffer.from(text) });
    expect(up.uploadStatus).toBeLessThan(300);
    const served = await waitFor(
      async () => {
        const res = await fetch(up.file_url);
        return res.status === 200 ? res : undefined;
      },
      { timeoutMs: 15_000, what: `${name} to be served` },
    );
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; filename="?[^"]*x\.(html|svg)/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('a PNG stays inline (nosniff all the same)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await uploadFile(suite.gatewayUrl, team().keys.cdt!.key!, {
      name: 'p.png',
      type: 'image/png',
      bytes: png,
    });
    const res = await waitFor(
      async () => {
        const r = await fetch(up.file_url);
        return r.status === 200 ? r : undefined;
      },
      { timeoutMs: 15_000, what: 'the PNG to be served' },
    );
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
