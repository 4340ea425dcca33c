import { Provider } from '@nestjs/common';
import { loadConfig, SecretCipher } from '@mp/platform';
import { z } from 'zod';

/** Settings of the S3 credentials, validated once at boot from quota-billing's environment. */
export const s3CredentialsConfigSchema = z.object({
  /**
   * base64 of 32 bytes: the AES-256-GCM key sealing SigV4 secret keys. Unset: no credentials are
   * issued (the S3 protocol endpoint answers that it is not configured); keys still work on `/s3`.
   */
  S3_CREDENTIALS_MASTER_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .transform((v) => Buffer.from(v, 'base64'))
      .optional(),
  ),
});

/** The cipher of S3 secret keys (a provider of its own: the notifier's callback cipher has another key). */
export const S3_SECRET_CIPHER = Symbol('S3_SECRET_CIPHER');

export const s3SecretCipherProvider: Provider = {
  provide: S3_SECRET_CIPHER,
  useFactory: (): SecretCipher =>
    new SecretCipher(loadConfig(s3CredentialsConfigSchema).S3_CREDENTIALS_MASTER_KEY, 'S3_CREDENTIALS_MASTER_KEY'),
};
