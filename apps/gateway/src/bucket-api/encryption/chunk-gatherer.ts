/**
 * Collects the buffers a stream receives and hands out pieces of a fixed size, copying each byte at
 * most once (a piece inside one received buffer is not copied at all) — instead of concatenating the
 * pending bytes with every new buffer.
 */
export class ChunkGatherer {
  private parts: Buffer[] = [];
  /** Bytes held. */
  length = 0;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  /** Removes and returns the first `n` bytes (at most `length`). */
  take(n: number): Buffer {
    const size = Math.min(n, this.length);
    const first = this.parts[0];
    if (size === 0 || !first) return Buffer.alloc(0);
    this.length -= size;
    if (first.length >= size) {
      if (first.length === size) this.parts.shift();
      else this.parts[0] = first.subarray(size);
      return first.subarray(0, size);
    }
    const out = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const part = this.parts[0]!;
      const count = Math.min(part.length, size - filled);
      part.copy(out, filled, 0, count);
      filled += count;
      if (count === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(count);
    }
    return out;
  }
}
