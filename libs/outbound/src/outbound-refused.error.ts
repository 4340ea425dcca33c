/** The outbound guard refused a target: retrying cannot help, the URL (or its DNS) must change. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}
