/**
 * Entry names from an untrusted zip, refused when unpacking them could write outside the folder
 * they belong in ("zip slip"): absolute paths, drive letters, `..` segments, backslashes (a Windows
 * separator that hides `..\`), NUL bytes and names that are not UTF-8.
 */
import { ArtifactError } from '../github/artifact-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeEntryName(raw: Uint8Array): string {
  const printable = JSON.stringify(new TextDecoder().decode(raw));
  if (raw.length === 0) throw unsafe('""', 'it is empty');
  if (raw.includes(0)) throw unsafe(printable, 'it contains a NUL byte');
  let name: string;
  try {
    name = decoder.decode(raw);
  } catch {
    throw unsafe(printable, 'it is not valid UTF-8');
  }
  if (name.includes('\\')) throw unsafe(printable, 'it contains a backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe(printable, 'it is an absolute path');
  if (name.split('/').includes('..')) throw unsafe(printable, 'it climbs out of the artifact with ".."');
  return name;
}

function unsafe(name: string, why: string): ArtifactError {
  return new ArtifactError('unsafe-path', `The artifact holds an entry named ${name}, which Steward refuses because ${why}. `
    + 'Upload files by paths relative to the artifact folder.');
}
