/**
 * Git stores commit messages as bytes. Most are UTF-8; old or misconfigured clients wrote Latin-1
 * without saying so. Decode strictly as UTF-8 and fall back to Latin-1 (every byte is valid there),
 * so a stray byte shows as the character its author meant instead of crashing or becoming U+FFFD.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
}

/** Splits a buffer on one byte value, without copying. A trailing separator yields no empty tail. */
export function splitBytes(buffer: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = buffer.indexOf(separator, start); at !== -1; at = buffer.indexOf(separator, start)) {
    parts.push(buffer.subarray(start, at));
    start = at + 1;
  }
  if (start < buffer.length) parts.push(buffer.subarray(start));
  return parts;
}
