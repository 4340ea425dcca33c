import { Injectable } from '@nestjs/common';
import { ObjectHead, ObjectStorage } from '@mp/storage';
import { FileEntity } from '../files/file.entity';
import { checkContent, SNIFF_BYTES, sniffContentType } from './content-sniffer';
import { IMAGE_PROBE_BYTES, probeImageSize } from './image-probe.adapter';

/** What the bytes of one object version say about an upload session; `violation` when they break its rules. */
export interface Inspection {
  head: ObjectHead;
  violation?: string;
  contentType?: string;
  md5?: string;
  sha256?: string;
  dimensions?: { width: number; height: number } | null;
}

/** Reads an uploaded object (at `key`, the session's object or staging key) and checks it against the session. */
@Injectable()
export class UploadInspector {
  constructor(private readonly storage: ObjectStorage) {}

  async inspect(file: FileEntity, key: string, head: ObjectHead): Promise<Inspection> {
    if (head.size > file.max_bytes)
      return { head, violation: `object is ${head.size} bytes; the upload limit is ${file.max_bytes} bytes` };
    const leading = await this.storage.readHead({ key, bytes: IMAGE_PROBE_BYTES });
    const content = checkContent(file.declared_content_type, sniffContentType(leading.subarray(0, SNIFF_BYTES)));
    if (!content.ok) return { head, violation: content.reason };
    const digest = await this.storage.digest({ key, algorithms: ['md5', 'sha256'] });
    if (digest.size > file.max_bytes)
      return { head, violation: `object is ${digest.size} bytes; the upload limit is ${file.max_bytes} bytes` };
    const dimensions = content.contentType.startsWith('image/') ? await probeImageSize(leading) : null;
    return {
      head: { ...head, size: digest.size },
      contentType: content.contentType,
      md5: digest.md5,
      sha256: digest.sha256,
      dimensions,
    };
  }
}
