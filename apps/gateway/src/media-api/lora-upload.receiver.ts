import { Injectable } from '@nestjs/common';
import { DomainError, LORA_UPLOAD_PREFIX, MEDIA_MAX_FILE_SIZE } from '@mp/contracts';
import { ObjectStorage, sanitizeUploadFilename } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { fileBytes, formParts } from '../http/multipart-form';

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

/**
 * Seed 003 `POST /api/v1/uploads/admin/upload-lora`: streams the `file` part of a
 * `multipart/form-data` body to `loras/{team}/{uuid}_{safe_filename}` (never held whole in memory),
 * refusing files over 50 MB; a refused or broken upload leaves no object behind.
 */
@Injectable()
export class LoraUploadReceiver {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  async receive(request: FastifyRequest, teamId: string): Promise<ReceivedLora> {
    let received: ReceivedLora | undefined;
    try {
      for await (const part of formParts(request, MEDIA_MAX_FILE_SIZE)) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || received !== undefined) {
          part.file.resume();
          throw new DomainError('ValidationFailed', 'Send the LoRA model as one file in the field "file"', {
            field: 'file',
          });
        }
        const filename = sanitizeUploadFilename(part.filename || 'lora.safetensors');
        const contentType = MIME.test(part.mimetype ?? '') ? part.mimetype : 'application/octet-stream';
        const objectKey = `${LORA_UPLOAD_PREFIX}${teamId}/${randomUUID()}_${filename}`;
        received = { objectKey, filename, size: 0, contentType };
        const stored = await this.storage.put({ key: objectKey, body: fileBytes(part), contentType });
        if (part.file.truncated || stored.size > MEDIA_MAX_FILE_SIZE) throw tooLarge();
        received.size = stored.size;
      }
    } catch (err) {
      if (received) await this.cleanup.deleteObjects('delete refused lora upload', [received.objectKey]);
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw err;
    }
    if (received === undefined) throw missingFile();
    return received;
  }
}
