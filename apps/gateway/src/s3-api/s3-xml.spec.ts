import { readXmlItems, xmlDocument } from './s3-xml';

describe('S3 XML', () => {
  it('renders escaped, namespaced documents with repeated elements', () => {
    expect(xmlDocument('R', { A: 'x<&', B: [{ C: 1 }, { C: 2 }] })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<R xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><A>x&lt;&amp;</A><B><C>1</C></B><B><C>2</C></B></R>',
    );
  });

  it('reads the items of CompleteMultipartUpload and Delete', () => {
    const complete = readXmlItems(
      '<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><ETag>&quot;abc&quot;</ETag><PartNumber>1</PartNumber></Part>\n<Part><PartNumber>2</PartNumber><ETag>"d"</ETag></Part></CompleteMultipartUpload>',
      'CompleteMultipartUpload',
      'Part',
    );
    expect(complete.items).toEqual([
      { ETag: '"abc"', PartNumber: '1' },
      { PartNumber: '2', ETag: '"d"' },
    ]);
    const del = readXmlItems(
      '<Delete><Object><Key>a&amp;b</Key></Object><Quiet>true</Quiet></Delete>',
      'Delete',
      'Object',
    );
    expect(del).toEqual({ items: [{ Key: 'a&b' }], fields: { Quiet: 'true' } });
  });

  it('refuses what is not such a document', () => {
    for (const bad of [
      '',
      '<Delete>',
      '<Other></Other>',
      '<Delete><Object><Key>a</Object></Delete>',
      '<Delete>text</Delete>',
    ]) {
      expect(() => readXmlItems(bad, 'Delete', 'Object')).toThrow(expect.objectContaining({ code: 'MalformedXML' }));
    }
  });
});
