import { Injectable } from '@nestjs/common';
import { JobData } from '@mp/contracts';
import { JobHandler } from '@mp/platform';
import { UploadVerifier, VerificationOutcome } from '../verification/upload-verifier.service';

const MISSING_OBJECT_RETRIES = 3;

@Injectable()
export class VerifyUploadProcessor {
  constructor(private readonly verifier: UploadVerifier) {}

  @JobHandler('VerifyUpload')
  async handle(data: JobData<'VerifyUpload'>, job: { attempt: number }): Promise<VerificationOutcome> {
    const outcome = await this.verifier.verify(data.object_key);
    // A store event may arrive before the object is readable everywhere (eventually consistent stores).
    if (outcome === 'missing-object' && data.trigger === 'storage-event' && job.attempt < MISSING_OBJECT_RETRIES) {
      throw new Error(`object ${data.object_key} announced but not readable yet`);
    }
    return outcome;
  }
}
