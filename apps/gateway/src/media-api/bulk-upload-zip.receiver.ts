import { Injectable } from '@nestjs/common';
import { BULK_UPLOAD_LIMITS, DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import { FilePartReceiver } from '../http/file-part.receiver';
import { missingFileField } from './missing-file-field';

export interface ReceivedZip {
  objectKey: string;
  filename: string;
}

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
  constructor(private readonly parts: FilePartReceiver) {}

  async receive(request: FastifyRequest, teamId: string, taskId: string): Promise<ReceivedZip> {
    const received = await this.parts.receive(request, {
      field: 'file',
      maxBytes: BULK_UPLOAD_LIMITS.maxZipBytes,
      key: () => `bulk-uploads/${teamId}/${taskId}.zip`,
      contentType: () => 'application/zip',
      tooLarge,
      missing: missingFileField,
      wrongField,
      cleanupWhat: 'delete refused bulk-upload zip',
    });
    return {
      objectKey: received.key,
      filename: (received.filename || 'upload.zip').slice(0, BULK_UPLOAD_LIMITS.maxFilenameBytes),
    };
  }
}
