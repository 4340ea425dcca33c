import { Injectable } from '@nestjs/common';
import { DomainError, MEDIA_MAX_FILE_SIZE } from '@mp/contracts';
import { sanitizeUploadFilename } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { FilePartReceiver } from '../http/file-part.receiver';
import { missingFileField } from './missing-file-field';
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
const wrongField = () =>
  new DomainError('ValidationFailed', 'Send the LoRA model as one file in the field "file"', { field: 'file' });

/**
 * Seed 003 `POST /api/v1/uploads/admin/upload-lora`: streams the `file` part of a
 * `multipart/form-data` body to `loras/{team}/{uuid}_{safe_filename}`, refusing files over 50 MB;
 * a refused or broken upload leaves no object behind.
 */
@Injectable()
export class LoraUploadReceiver {
  constructor(private readonly parts: FilePartReceiver) {}

  async receive(request: FastifyRequest, teamId: string): Promise<ReceivedLora> {
    const filenameOf = (name: string) => sanitizeUploadFilename(name || 'lora.safetensors');
    const received = await this.parts.receive(request, {
      field: 'file',
      maxBytes: MEDIA_MAX_FILE_SIZE,
      key: (part) => `${LORA_UPLOAD_PREFIX}${teamId}/${randomUUID()}_${filenameOf(part.filename)}`,
      contentType: (part) => (MIME.test(part.mimetype) ? part.mimetype : 'application/octet-stream'),
      tooLarge,
      missing: missingFileField,
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
