/** A bucket CORS rule in the S3 API's shape. */
export interface CorsRule {
  AllowedOrigins: string[];
  AllowedMethods: string[];
  AllowedHeaders: string[];
  ExposeHeaders: string[];
  MaxAgeSeconds: number;
}

/** Lets browsers POST, PUT and GET presigned requests from any origin: the signature is the guard. */
export const CORS_ALLOW_ALL: CorsRule = {
  AllowedOrigins: ['*'],
  AllowedMethods: ['GET', 'HEAD', 'PUT', 'POST'],
  AllowedHeaders: ['*'],
  ExposeHeaders: ['ETag'],
  MaxAgeSeconds: 3600,
};

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
