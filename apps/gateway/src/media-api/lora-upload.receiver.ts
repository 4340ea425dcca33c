import { Injectable } from '@nestjs/common';
import { DomainError, MEDIA_MAX_FILE_SIZE } from '@mp/contracts';
import { ObjectStorage, sanitizeUploadFilename } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { receiveFilePart } from '../http/file-part.receiver';
import { LORA_UPLOAD_PREFIX } from './lora-object-keys';

export interface ReceivedLora {
  objectKey: string;
  filename: string;
  size: number;
  contentType: string;
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const tooLarge = () =>
  new DomainError('PayloadTooLarge', `The file is larger than ${MEDIA_MAX_FILE_SIZE} bytes (50 MB)`);
const missingFile = () =>
  new DomainError('ValidationFailed', 'file: Field required', {
    issues: [{ field: 'file', message: 'Field required', type: 'missing', location: 'body' }],
  });
const wrongField = () =>
  new DomainError('ValidationFailed', 'Send the LoRA model as one file in the field "file"', { field: 'file' });

/**
 * Seed 003 `POST /api/v1/uploads/admin/upload-lora`: streams the `file` part of a
 * `multipart/form-data` body to `loras/{team}/{uuid}_{safe_filename}`, refusing files over 50 MB;
 * a refused or broken upload leaves no object behind.
 */
@Injectable()
export class LoraUploadReceiver {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  async receive(request: FastifyRequest, teamId: string): Promise<ReceivedLora> {
    const filenameOf = (name: string) => sanitizeUploadFilename(name || 'lora.safetensors');
    const received = await receiveFilePart(request, this.storage, this.cleanup, {
      field: 'file',
      maxBytes: MEDIA_MAX_FILE_SIZE,
      key: (part) => `${LORA_UPLOAD_PREFIX}${teamId}/${randomUUID()}_${filenameOf(part.filename)}`,
      contentType: (part) => (MIME.test(part.mimetype) ? part.mimetype : 'application/octet-stream'),
      tooLarge,
      missing: missingFile,
      wrongField,
      cleanupWhat: 'delete refused lora upload',
    });
    return {
      objectKey: received.key,
      filename: filenameOf(received.filename),
      size: received.size,
      contentType: received.contentType,
    };
  }
}
