import { resolvePortalTarget } from './portal-route';

describe('resolvePortalTarget', () => {
  const files = new Set(['index.html', 'assets/index-AbCd1234.js', 'favicon.svg']);

  it('serves the files of the build by their exact path', () => {
    expect(resolvePortalTarget('/portal/assets/index-AbCd1234.js', files)).toEqual({
      kind: 'file',
      path: 'assets/index-AbCd1234.js',
    });
    expect(resolvePortalTarget('/portal/favicon.svg?v=1', files)).toEqual({ kind: 'file', path: 'favicon.svg' });
  });

  it('answers index.html for the root and for page paths, redirects /portal to /portal/', () => {
    expect(resolvePortalTarget('/portal', files)).toEqual({ kind: 'redirect', location: '/portal/' });
    expect(resolvePortalTarget('/portal/', files)).toEqual({ kind: 'index' });
    expect(resolvePortalTarget('/portal/index.html', files)).toEqual({ kind: 'index' });
    expect(resolvePortalTarget('/portal/s3/files', files)).toEqual({ kind: 'index' });
  });

  it('a missing file, a traversal or a broken escape is a 404, never a file outside the build', () => {
    expect(resolvePortalTarget('/portal/assets/gone-12345678.js', files)).toEqual({ kind: 'missing' });
    expect(resolvePortalTarget('/portal/../../etc/passwd.txt', files)).toEqual({ kind: 'missing' });
    expect(resolvePortalTarget('/portal/%2e%2e/app.config.js', files)).toEqual({ kind: 'missing' });
    expect(resolvePortalTarget('/portal/%E0%A4%A', files)).toEqual({ kind: 'missing' });
  });
});
