/** SHA-256 checksums through the Web Crypto API (browsers, workers and Node 20 all provide `crypto.subtle`). */

/**
 * Lower-case hex SHA-256 (64 characters) of some bytes, or of a string's
 * UTF-8 encoding. Does not mutate `data`. Rejects if `crypto.subtle` is
 * missing: browsers only expose it in secure contexts (https or localhost).
 */
export async function sha256Hex(data: ArrayBuffer | Uint8Array | string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("SHA-256 needs crypto.subtle (a secure context: https or localhost)");
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : toPlainBytes(data);
  const digest = await subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A Uint8Array over a plain ArrayBuffer (copying a view on a SharedArrayBuffer, which digest() refuses). */
function toPlainBytes(data: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> {
  if (data instanceof Uint8Array) {
    return data.buffer instanceof ArrayBuffer
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : data.slice();
  }
  return new Uint8Array(data);
}
