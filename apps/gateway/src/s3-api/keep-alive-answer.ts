import type { OutgoingHttpHeaders } from 'node:http';
import { toDomainError } from '../errors/to-domain-error';
import { renderS3Error } from './s3-error.xml';
import { S3RequestContext } from './s3-request.context';
import { XML_DECLARATION } from './s3-xml';

export interface KeepAliveTiming {
  /** How long the work may run before the answer starts without it. */
  startAfterMs: number;
  /** Whitespace is written this often while the work still runs. */
  everyMs: number;
}

/**
 * S3's answer to a long CompleteMultipartUpload: once the work outlasts `startAfterMs`, 200 and the
 * XML declaration go out at once and whitespace follows every `everyMs`, so no client read timeout
 * fires while a large object is assembled; the result (or an `<Error>` document, which the SDKs read
 * as the failure it is despite the 200) ends the body. Work that finishes sooner answers as usual.
 */
export async function answerWithKeepAlive(
  ctx: S3RequestContext,
  work: Promise<string>,
  timing: KeepAliveTiming,
): Promise<void> {
  const outcome = work.then(
    (xml) => ({ xml }),
    (error: unknown) => ({ error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const early = await Promise.race([
    outcome,
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timing.startAfterMs))),
  ]);
  clearTimeout(timer);
  if (early) {
    if ('error' in early) throw early.error;
    await ctx.reply.status(200).header('content-type', 'application/xml').send(early.xml);
    return;
  }
  const raw = ctx.reply.raw;
  ctx.reply.hijack();
  raw.writeHead(200, { ...ctx.reply.getHeaders(), 'content-type': 'application/xml' } as OutgoingHttpHeaders);
  raw.write(XML_DECLARATION);
  const beat = setInterval(() => raw.write(' '), timing.everyMs);
  const done = await outcome;
  clearInterval(beat);
  const body = 'xml' in done ? done.xml : renderS3Error(toDomainError(done.error).error).body;
  raw.end(body.startsWith(XML_DECLARATION) ? body.slice(XML_DECLARATION.length) : body);
}
