import { DomainError } from '@mp/contracts';
import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { chunkStringToSign, signaturesEqual, signHex, trailerStringToSign } from './sigv4-signing';

/** Longest chunk header (`<hex size>;chunk-signature=<64 hex>`) and trailer section accepted. */
const MAX_HEADER_BYTES = 4096;
const MAX_TRAILER_BYTES = 16 * 1024;

/** What checking the chunk signatures of `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` needs. */
export interface ChunkSigning {
  key: Buffer;
  amzDate: string;
  scope: string;
  /** The request's own signature: the first chunk's "previous signature". */
  seedSignature: string;
}

type State = 'header' | 'data' | 'data-end' | 'trailer' | 'done';

const badChunk = (message: string) => new DomainError('ValidationFailed', message, { s3_code: 'IncompleteBody' });
const badSignature = () =>
  new DomainError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided (aws-chunked chunk signature).',
  );

/**
 * Decodes an `aws-chunked` body into its payload as it streams: with `signing`, every chunk's
 * signature is checked (chained from the seed signature) when its last byte has passed, and the
 * body fails at the first mismatch — before the stream ends, so nothing downstream completes.
 * Trailing headers (`x-amz-checksum-*`) are handed to `onTrailers` before the end.
 */
export class AwsChunkedDecoder extends Transform {
  private state: State = 'header';
  private pending = Buffer.alloc(0);
  private remaining = 0;
  private chunkSignature = '';
  private previousSignature: string;
  private chunkHash?: Hash;
  private decoded = 0;

  constructor(
    private readonly signing: ChunkSigning | undefined,
    private readonly onTrailers: (trailers: Record<string, string>) => void,
  ) {
    super();
    this.previousSignature = signing?.seedSignature ?? '';
  }

  get decodedBytes(): number {
    return this.decoded;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.state === 'trailer') {
      try {
        this.finishTrailers(this.pending.toString('latin1'), true);
      } catch (err) {
        return callback(err as Error);
      }
    }
    if (this.state !== 'done') return callback(badChunk('The aws-chunked body ended before its final chunk.'));
    callback();
  }

  private consume(input: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, input]) : input;
    this.pending = Buffer.alloc(0);
    while (buf.length > 0) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, buf.length);
        const piece = buf.subarray(0, take);
        this.chunkHash?.update(piece);
        this.decoded += take;
        this.push(piece);
        this.remaining -= take;
        buf = buf.subarray(take);
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      if (this.state === 'data-end') {
        if (buf.length < 2) break;
        if (buf[0] !== 0x0d || buf[1] !== 0x0a) throw badChunk('An aws-chunked chunk is not followed by CRLF.');
        buf = buf.subarray(2);
        this.endChunk();
        this.state = 'header';
        continue;
      }
      if (this.state === 'header') {
        const eol = buf.indexOf('\r\n');
        if (eol < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw badChunk('An aws-chunked chunk header is too long.');
          break;
        }
        this.startChunk(buf.subarray(0, eol).toString('latin1'));
        buf = buf.subarray(eol + 2);
        continue;
      }
      if (this.state === 'trailer') {
        const text = buf.toString('latin1');
        if (text.length > MAX_TRAILER_BYTES) throw badChunk('The aws-chunked trailer is too long.');
        if (this.finishTrailers(text, false)) buf = Buffer.alloc(0);
        break;
      }
      if (buf.length > 0 && buf.toString('latin1').trim() !== '')
        throw badChunk('Bytes follow the final aws-chunked chunk.');
      buf = Buffer.alloc(0);
    }
    if (buf.length) this.pending = Buffer.from(buf);
  }

  private startChunk(header: string): void {
    const match = /^([0-9a-fA-F]{1,16})(?:;chunk-signature=([0-9a-f]{64}))?$/.exec(header.trim());
    if (!match) throw badChunk('An aws-chunked chunk header is malformed.');
    if (this.signing && !match[2]) throw badChunk('An aws-chunked chunk carries no chunk-signature.');
    const size = parseInt(match[1], 16);
    if (!Number.isSafeInteger(size)) throw badChunk('An aws-chunked chunk is too large.');
    this.chunkSignature = match[2] ?? '';
    this.chunkHash = this.signing ? createHash('sha256') : undefined;
    if (size === 0) {
      this.verifyChunk(this.chunkHash);
      this.state = 'trailer';
      return;
    }
    this.remaining = size;
    this.state = 'data';
  }

  private endChunk(): void {
    this.verifyChunk(this.chunkHash);
  }

  private verifyChunk(hash: Hash | undefined): void {
    if (!this.signing || !hash) return;
    const { key, amzDate, scope } = this.signing;
    const digest = hash.digest('hex');
    const expected = signHex(key, chunkStringToSign(amzDate, scope, this.previousSignature, digest));
    if (!signaturesEqual(expected, this.chunkSignature)) throw badSignature();
    this.previousSignature = expected;
  }

  /** Parses `name:value` lines up to the blank line; false while the section is incomplete. */
  private finishTrailers(text: string, atEnd: boolean): boolean {
    const end = text.indexOf('\r\n\r\n');
    const complete = end >= 0 || atEnd || text === '\r\n';
    if (!complete) {
      this.pending = Buffer.from(text, 'latin1');
      return false;
    }
    const section = end >= 0 ? text.slice(0, end) : text;
    const trailers: Record<string, string> = {};
    let signature: string | undefined;
    const signedLines: string[] = [];
    for (const line of section.split('\r\n')) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) throw badChunk('An aws-chunked trailer line is malformed.');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'x-amz-trailer-signature') signature = value;
      else {
        trailers[name] = value;
        signedLines.push(`${name}:${value}\n`);
      }
    }
    if (this.signing && signature !== undefined) {
      const { key, amzDate, scope } = this.signing;
      const expected = signHex(key, trailerStringToSign(amzDate, scope, this.previousSignature, signedLines.join('')));
      if (!signaturesEqual(expected, signature)) throw badSignature();
    }
    this.onTrailers(trailers);
    this.state = 'done';
    return true;
  }
}
