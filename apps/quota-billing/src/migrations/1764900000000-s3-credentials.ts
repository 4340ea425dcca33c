import { sqlMigration } from '@mp/platform';

/**
 * SigV4 credentials of `kikaku_s3` keys: one pair per key. The secret is kept sealed (AES-256-GCM
 * under S3_CREDENTIALS_MASTER_KEY), since verifying a signature needs it in the clear.
 */
export class S3Credentials1764900000000 extends sqlMigration({
  up: [
    `
      CREATE TABLE "billing"."s3_credentials" (
        "key_id" uuid PRIMARY KEY CONSTRAINT "s3_credentials_key_fk" REFERENCES "billing"."api_keys" ("id"),
        "access_key_id" text NOT NULL CONSTRAINT "s3_credentials_access_key_id_key" UNIQUE,
        "sealed_secret" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`,
  ],
  down: ['DROP TABLE "billing"."s3_credentials"'],
}) {
  override name = 'S3Credentials1764900000000';
}
