/**
 * Reads a download body into memory, refusing it as soon as it passes `maxBytes` (and before
 * reading anything when content-length already says so), so a huge artifact is never buffered.
 */
import { ArtifactError } from './artifact-error.js';
import { tooLargeZip } from '../zip/read-zip.js';

type Body = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | ArrayBuffer | Uint8Array | string | null | undefined;

export async function readCapped(body: unknown, contentLength: unknown, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(contentLength);
  if (contentLength !== undefined && Number.isFinite(declared) && declared > maxBytes) {
    cancel(body as Body);
    throw tooLargeZip(declared, maxBytes);
  }
  const b = body as Body;
  if (b === null || b === undefined) return new Uint8Array();
  if (typeof b === 'string') return capped(new TextEncoder().encode(b), maxBytes);
  if (b instanceof ArrayBuffer) return capped(new Uint8Array(b), maxBytes);
  if (b instanceof Uint8Array) return capped(b, maxBytes);
  return readChunks(b, maxBytes);
}

async function readChunks(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const iterable = body as AsyncIterable<Uint8Array>;
  for await (const chunk of iterable) {
    total += chunk.byteLength;
    // Leaving the loop early cancels the stream: the rest is never downloaded.
    if (total > maxBytes) throw new ArtifactError('too-large', `The artifact is more than ${maxBytes} bytes as a zip; Steward downloads at most ${maxBytes}. Upload only the result files, or raise the limit in the evaluation settings.`);
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function capped(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.byteLength > maxBytes) throw tooLargeZip(bytes.byteLength, maxBytes);
  return bytes;
}

/** Not awaited: cancelling may wait on the storage server, and the refusal does not need it to finish. */
function cancel(body: Body): void {
  if (body && typeof (body as ReadableStream).cancel === 'function') void (body as ReadableStream).cancel().catch(() => undefined);
}
