import { Injectable } from '@nestjs/common';
import { BULK_UPLOAD_LIMITS, DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { receiveFilePart } from '../http/file-part.receiver';

export interface ReceivedZip {
  objectKey: string;
  filename: string;
}

const missingFile = () =>
  new DomainError('ValidationFailed', 'file: Field required', {
    issues: [{ field: 'file', message: 'Field required', type: 'missing', location: 'body' }],
  });
const tooLarge = () =>
  new DomainError('PayloadTooLarge', `The ZIP file is larger than ${BULK_UPLOAD_LIMITS.maxZipBytes} bytes`);
const wrongField = () =>
  new DomainError('ValidationFailed', 'Send the ZIP as one file in the field "file"', { field: 'file' });

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
    const received = await receiveFilePart(request, this.storage, this.cleanup, {
      field: 'file',
      maxBytes: BULK_UPLOAD_LIMITS.maxZipBytes,
      key: () => `bulk-uploads/${teamId}/${taskId}.zip`,
      contentType: () => 'application/zip',
      tooLarge,
      missing: missingFile,
      wrongField,
      cleanupWhat: 'delete refused bulk-upload zip',
    });
    return {
      objectKey: received.key,
      filename: (received.filename || 'upload.zip').slice(0, BULK_UPLOAD_LIMITS.maxFilenameBytes),
    };
  }
}
