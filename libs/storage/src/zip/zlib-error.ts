/** Inflating corrupt deflate data fails with a zlib code (`Z_DATA_ERROR`, `Z_BUF_ERROR`, …): bad input, not worth a retry. */
export function isZlibError(err: unknown): err is Error {
  const code = (err as { code?: unknown })?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}
