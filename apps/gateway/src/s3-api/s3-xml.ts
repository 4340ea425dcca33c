import { DomainError } from '@mp/contracts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** An XML element tree: text, or child elements in order (an array value repeats the element). */
export type XmlValue = string | number | boolean | XmlNode | XmlNode[] | undefined;
export interface XmlNode {
  [name: string]: XmlValue;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

function render(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => render(name, v)).join('');
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([child, v]) => render(child, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A response document: `<root xmlns="…S3…">…</root>` (errors go without the namespace, as S3 sends them). */
export function xmlDocument(root: string, body: XmlNode, namespaced = true): string {
  const inner = Object.entries(body)
    .map(([name, v]) => render(name, v))
    .join('');
  return `${XML_DECLARATION}<${root}${namespaced ? ` xmlns="${S3_NAMESPACE}"` : ''}>${inner}</${root}>`;
}

const malformed = () =>
  new DomainError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema.',
  );

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[entity]!;
  });
}

/**
 * The elements named `item` directly inside the document's root `root`, each as a map of its
 * child elements' texts, and the root's other text fields (the flat shapes of
 * CompleteMultipartUpload and Delete). Throws MalformedXML for anything else.
 */
export function readXmlItems(
  xml: string,
  root: string,
  item: string,
): { items: Record<string, string>[]; fields: Record<string, string> } {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*/, '').trim();
  const rootMatch = new RegExp(`^<${root}(?:\\s[^>]*)?>([\\s\\S]*)</${root}>$`).exec(body);
  if (!rootMatch) throw malformed();
  const items: Record<string, string>[] = [];
  const fields: Record<string, string> = {};
  for (const [name, content] of elements(rootMatch[1])) {
    if (name === item) items.push(Object.fromEntries(elements(content).map(([n, text]) => [n, textOf(text)])));
    else fields[name] = textOf(content);
  }
  return { items, fields };
}

/** The consecutive `<name …>content</name>` elements of `xml` (whitespace between them allowed). */
function elements(xml: string): [string, string][] {
  const element = /\s*<([A-Za-z][\w.-]*)(?:\s[^>]*)?>([\s\S]*?)<\/\1>\s*/y;
  const out: [string, string][] = [];
  const text = xml.trim();
  let position = 0;
  while (position < text.length) {
    element.lastIndex = position;
    const match = element.exec(text);
    if (!match) throw malformed();
    out.push([match[1], match[2]]);
    position = element.lastIndex;
  }
  return out;
}

function textOf(content: string): string {
  if (content.includes('<')) throw malformed();
  return unescapeXml(content);
}
