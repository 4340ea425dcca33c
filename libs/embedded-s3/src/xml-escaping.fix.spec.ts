import { unescapeOnce } from './xml-escaping.fix';

describe('unescapeOnce', () => {
  it('undoes the second escaping of entity references only', () => {
    expect(unescapeOnce('<Key>it&amp;#x27;s &amp;amp; &amp;lt;b&amp;gt; &amp;#96;</Key>')).toBe(
      '<Key>it&#x27;s &amp; &lt;b&gt; &#96;</Key>',
    );
    expect(unescapeOnce('<Key>a&amp;amp;lt;b</Key>')).toBe('<Key>a&amp;lt;b</Key>');
    expect(unescapeOnce('<ETag>&quot;abc&quot;</ETag><Key>plain &amp; simple</Key>')).toBe(
      '<ETag>&quot;abc&quot;</ETag><Key>plain &amp; simple</Key>',
    );
  });
});
