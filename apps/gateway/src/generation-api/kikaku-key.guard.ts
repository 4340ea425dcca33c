import { Injectable } from '@nestjs/common';
import { BearerKeyGuard } from '../auth/bearer-key.guard';
import { KeyAuthenticator } from '../auth/key-authenticator.service';

/** The seed's refusal of an S3 Storage key on an AI Image page, verbatim. */
export const S3_KEY_REFUSAL =
  'You are logged in with an S3 Storage key. Please login with an AI Image API key (kikaku_xxx) to access this feature.';
const OTHER_KEY_REFUSAL = 'Please login with an AI Image API key (kikaku_xxx) to access this feature.';

/** AI Image API (seed 002): `Authorization: Bearer kikaku_…`. */
@Injectable()
export class KikakuKeyGuard extends BearerKeyGuard {
  constructor(keys: KeyAuthenticator) {
    super(keys, {
      kind: 'kikaku',
      missingMessage: 'Missing API key: send Authorization: Bearer kikaku_xxx',
      wrongKindMessage: (kind) => (kind === 'kikaku_s3' ? S3_KEY_REFUSAL : OTHER_KEY_REFUSAL),
    });
  }
}
