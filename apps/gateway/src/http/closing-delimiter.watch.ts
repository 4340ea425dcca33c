import type { IncomingMessage } from 'node:http';

/**
 * Watches a multipart request body for its closing delimiter (`--<boundary>--`). The multipart
 * parser ends a body cut short inside a file as if it were complete (it swallows "unexpected end of
 * multipart data"), so a caller that must refuse truncated uploads checks this after the last part.
 */
export class ClosingDelimiterWatch {
  private readonly delimiter: Buffer | null;
  private tail = Buffer.alloc(0);
  private seen = false;

  constructor(raw: IncomingMessage) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(raw.headers['content-type'] ?? '');
    this.delimiter = boundary ? Buffer.from(`--${boundary[1] ?? boundary[2]}--`) : null;
    if (this.delimiter) raw.on('data', this.onData);
  }

  /** True once the body carried its closing delimiter (or when there is no boundary to look for). */
  get complete(): boolean {
    return this.delimiter === null || this.seen;
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.seen || !this.delimiter) return;
    const window = Buffer.concat([this.tail, chunk]);
    if (window.includes(this.delimiter)) {
      this.seen = true;
      return;
    }
    this.tail = window.subarray(Math.max(0, window.length - this.delimiter.length + 1));
  };
}
