/**
 * The central directory of a zip (PKWARE APPNOTE 4.3): the only list of entries a reader can trust
 * to be complete, since streaming writers leave sizes out of the local headers. ZIP64 is refused:
 * artifacts within Steward's limits never need it, and reading it would only widen the attack surface.
 */
import { ArtifactError } from '../github/artifact-error.js';

export interface ZipEntry {
  /** The name's raw bytes, so a NUL or a bad byte can be judged before any decoding. */
  rawName: Uint8Array;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;

export function corrupt(what: string): ArtifactError {
  return new ArtifactError('corrupt', `The artifact is not a readable zip: ${what}. Upload it again with actions/upload-artifact.`);
}

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || hasZip64Locator(view, end)) {
    throw corrupt('it uses ZIP64, which Steward does not read (artifacts within its limits never need it)');
  }
  if (offset + size > end) throw corrupt('the central directory lies outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw corrupt(`entry ${i + 1} of the central directory is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + CENTRAL_SIZE + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > offset + size) throw corrupt(`entry ${i + 1} of the central directory runs past its end`);
    entries.push({
      rawName: bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes; search backwards. */
function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_SIZE - 0xffff);
  for (let at = view.byteLength - END_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_SIGNATURE && at + END_SIZE + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  throw corrupt('no end-of-central-directory record was found (the file is truncated or not a zip)');
}

function hasZip64Locator(view: DataView, end: number): boolean {
  return end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE;
}
