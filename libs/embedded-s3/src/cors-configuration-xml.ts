import type { CorsRule } from '@mp/storage';

/** The rule as a `<CORSConfiguration>` document (the form PutBucketCors sends). */
export function corsConfigurationXml(rule: CorsRule): string {
  const elements = (name: string, values: string[]) => values.map((value) => `<${name}>${value}</${name}>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    elements('AllowedOrigin', rule.AllowedOrigins) +
    elements('AllowedMethod', rule.AllowedMethods) +
    elements('AllowedHeader', rule.AllowedHeaders) +
    elements('ExposeHeader', rule.ExposeHeaders) +
    `<MaxAgeSeconds>${rule.MaxAgeSeconds}</MaxAgeSeconds>` +
    '</CORSRule></CORSConfiguration>'
  );
}
