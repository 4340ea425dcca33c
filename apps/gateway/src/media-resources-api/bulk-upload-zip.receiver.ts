import { Injectable } from '@nestjs/common';
import { BULK_UPLOAD_LIMITS, DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { fileBytes, formParts } from '../http/multipart-form';

export interface ReceivedZip {
  objectKey: string;
  filename: string;
}

const missingFile = () =>
  new DomainError('ValidationFailed', 'file: Field required', {
    issues: [{ field: 'file', message: 'Field required', type: 'missing', location: 'body' }],
  });

/**
 * Streams the `file` part of `multipart/form-data` straight to `bulk-uploads/{team}/{task}.zip`
 * (multipart upload in parts, never held whole in memory), refusing bodies over the ZIP limit.
 */
@Injectable()
export class BulkUploadZipReceiver {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  async receive(request: FastifyRequest, teamId: string, taskId: string): Promise<ReceivedZip> {
    const objectKey = `bulk-uploads/${teamId}/${taskId}.zip`;
    let filename: string | undefined;
    try {
      for await (const part of formParts(request, BULK_UPLOAD_LIMITS.maxZipBytes)) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || filename !== undefined) {
          part.file.resume();
          throw new DomainError('ValidationFailed', 'Send the ZIP as one file in the field "file"', { field: 'file' });
        }
        filename = (part.filename || 'upload.zip').slice(0, BULK_UPLOAD_LIMITS.maxFilenameBytes);
        await this.storage.put({ key: objectKey, body: fileBytes(part), contentType: 'application/zip' });
        if (part.file.truncated)
          throw new DomainError(
            'PayloadTooLarge',
            `The ZIP file is larger than ${BULK_UPLOAD_LIMITS.maxZipBytes} bytes`,
          );
      }
    } catch (err) {
      await this.cleanup.deleteObjects('delete refused bulk-upload zip', [objectKey]);
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw new DomainError('PayloadTooLarge', `The ZIP file is larger than ${BULK_UPLOAD_LIMITS.maxZipBytes} bytes`);
      throw err;
    }
    if (filename === undefined) throw missingFile();
    return { objectKey, filename };
  }
}
