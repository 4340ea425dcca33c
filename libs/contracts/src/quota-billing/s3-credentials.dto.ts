import { z } from 'zod';
import { keyScoped } from '../rpc/scoped-ids';
import { principalSchema } from './tenancy.dto';

/** An S3 access key id as issued: `AKKS` and 16 upper-case base32 characters (the shape AWS tools expect). */
export const S3_ACCESS_KEY_ID_PATTERN = /^AKKS[A-Z2-7]{16}$/;

export const s3CredentialsRequestSchema = z.object(keyScoped);

/** The SigV4 credentials of one `kikaku_s3` key (the secret is stored encrypted, never logged). */
export const s3CredentialsSchema = z.object({
  key_id: z.string(),
  access_key_id: z.string(),
  secret_access_key: z.string(),
  created_at: z.string(),
});
export type S3Credentials = z.infer<typeof s3CredentialsSchema>;

/** Bounded: an access key id of any other shape is unknown without a lookup. */
export const s3CredentialsResolveRequestSchema = z.object({ access_key_id: z.string().min(1).max(128) });

/** What SigV4 verification needs: the secret to recompute the signature and whose key it is. */
export const s3CredentialsResolvedSchema = z.object({
  secret_access_key: z.string(),
  principal: principalSchema,
});
export type S3CredentialsResolved = z.infer<typeof s3CredentialsResolvedSchema>;

/** `GET /s3/credentials`: the five values of seed 002's AWS CLI, boto3 and aws-sdk examples. */
export const s3ClientCredentialsSchema = z.object({
  endpoint: z.string(),
  region: z.string(),
  bucket: z.string(),
  access_key_id: z.string(),
  secret_access_key: z.string(),
});
export type S3ClientCredentials = z.infer<typeof s3ClientCredentialsSchema>;

export const S3_CREDENTIALS_RPC = {
  get: { request: s3CredentialsRequestSchema, response: s3CredentialsSchema },
  rotate: { request: s3CredentialsRequestSchema, response: s3CredentialsSchema },
  resolve: { request: s3CredentialsResolveRequestSchema, response: s3CredentialsResolvedSchema },
} as const;
