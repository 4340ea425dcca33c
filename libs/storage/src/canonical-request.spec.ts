import { canonicalUriAndQuery } from './canonical-request';

describe('canonicalUriAndQuery', () => {
  it('keeps the path as signed, trailing slash included', () => {
    expect(canonicalUriAndQuery('/bucket/?list-type=2&prefix=a%2Fb').uri).toBe('/bucket/');
    expect(canonicalUriAndQuery('/').uri).toBe('/');
    expect(canonicalUriAndQuery('/bucket/a%20b/c%2Bd').uri).toBe('/bucket/a%20b/c%2Bd');
  });

  it('encodes path segments and query values per RFC 3986, whatever the client escaped', () => {
    expect(canonicalUriAndQuery("/b/it's(1)*!").uri).toBe('/b/it%27s%281%29%2A%21');
    const { querystring } = canonicalUriAndQuery(
      "/b/k?response-content-disposition=attachment%3B%20filename%2A%3DUTF-8''a.pdf&X-Amz-Date=1",
    );
    expect(querystring).toBe(
      'X-Amz-Date=1&response-content-disposition=attachment%3B%20filename%2A%3DUTF-8%27%27a.pdf',
    );
  });

  it('sorts parameters, gives valueless ones an =, and leaves out the signature', () => {
    expect(canonicalUriAndQuery('/b?uploads&b=2&a=2&a=1&X-Amz-Signature=abc').querystring).toBe('a=1&a=2&b=2&uploads=');
  });
});
