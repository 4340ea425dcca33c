import { Injectable } from '@nestjs/common';
import { BearerKeyGuard } from '../auth/bearer-key.guard';
import { KeyAuthenticator } from '../auth/key-authenticator.service';

/** The seed's refusal of an AI Image key on an S3 Storage page, verbatim. */
export const AI_IMAGE_KEY_REFUSAL =
  'You are logged in with an AI Image key. Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.';
const OTHER_KEY_REFUSAL = 'Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.';

/** S3 storage proxy (seed 002): `Authorization: Bearer kikaku_s3_…`. */
@Injectable()
export class S3KeyGuard extends BearerKeyGuard {
  constructor(keys: KeyAuthenticator) {
    super(keys, {
      kind: 'kikaku_s3',
      missingMessage: 'Missing API key: send Authorization: Bearer kikaku_s3_…',
      wrongKindMessage: (kind) => (kind === 'kikaku' ? AI_IMAGE_KEY_REFUSAL : OTHER_KEY_REFUSAL),
    });
  }
}
