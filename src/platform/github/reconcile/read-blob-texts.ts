/**
 * Texts of metadata blobs through the cache: only blob ids the cache lacks are read, up to 100 per
 * GraphQL query whatever repositories hold them (one aliased `repository` per holder), and every
 * blob read is written back, so a second run with nothing changed reads no text at all.
 */
import type { BlobTextCache, CachedBlob } from '../../reconcile-port.js';
import type { GitHubClient } from '../github-client.js';
import { literal } from '../query-fragments.js';
import { runGraphql } from '../run-graphql.js';
import { splitName } from './fork-page.js';
import { METADATA_MAX_BYTES, type FoundBlob } from './types.js';

export interface BlobSource extends FoundBlob {
  /** owner/name of a repository known to hold the blob. */
  holder: string;
}

export const BLOBS_PER_QUERY = 100;
export const BINARY = 'binary file';
export const TRUNCATED = 'GitHub truncated it: larger than it returns as text';
export const TOO_LARGE = 'larger than 1 MB';

interface BlobAnswer { text?: string | null; isBinary?: boolean | null; isTruncated?: boolean; byteSize?: number }

export async function readBlobTexts(client: GitHubClient, cache: BlobTextCache, sources: readonly BlobSource[]): Promise<Map<string, CachedBlob>> {
  // The first holder named wins (upstream comes first): most blobs then share one repository alias.
  const byOid = new Map<string, BlobSource>();
  for (const s of sources) if (!byOid.has(s.oid)) byOid.set(s.oid, s);
  const unique = [...byOid.values()];
  const known = unique.length ? await cache.read(unique.map((s) => s.oid)) : new Map<string, CachedBlob>();
  const missing = unique.filter((s) => !known.has(s.oid));
  // Known from discovery to be unusable: said without reading a byte.
  const judged = missing.flatMap((s) => {
    const problem = s.isBinary ? BINARY : (s.byteSize ?? 0) > METADATA_MAX_BYTES ? TOO_LARGE : null;
    return problem ? [{ oid: s.oid, text: null, problem }] : [];
  });
  const toRead = missing.filter((s) => !judged.some((j) => j.oid === s.oid));
  const read: CachedBlob[] = [...judged];
  for (let start = 0; start < toRead.length; start += BLOBS_PER_QUERY) read.push(...(await readBatch(client, toRead.slice(start, start + BLOBS_PER_QUERY))));
  if (read.length) await cache.write(read);
  for (const blob of read) known.set(blob.oid, blob);
  return known;
}

async function readBatch(client: GitHubClient, batch: readonly BlobSource[]): Promise<CachedBlob[]> {
  const holders = [...new Set(batch.map((s) => s.holder))];
  const fields = holders.map((holder, h) => {
    const [owner, name] = splitName(holder);
    const objects = batch.flatMap((s, i) => (s.holder === holder ? [`b${i}: object(oid: ${literal(s.oid)}) { ... on Blob { text isBinary isTruncated byteSize } }`] : []));
    return `r${h}: repository(owner: ${literal(owner)}, name: ${literal(name)}) {\n${objects.join('\n')}\n}`;
  });
  const query = `query StewardBlobTexts {\n${fields.join('\n')}\n}`;
  // A holder deleted since discovery answers NOT_FOUND: its blobs stay unread (and uncached), the rest are kept.
  const data = await runGraphql<Record<string, Record<string, BlobAnswer | null> | null>>(client, 'StewardBlobTexts', query, {}, (e) => e.type === 'NOT_FOUND');
  return batch.flatMap((s, i) => {
    const answer = data[`r${holders.indexOf(s.holder)}`]?.[`b${i}`];
    return answer && typeof answer.byteSize === 'number' ? [toCached(s.oid, answer)] : [];
  });
}

function toCached(oid: string, blob: BlobAnswer): CachedBlob {
  if (blob.isBinary) return { oid, text: null, problem: BINARY };
  if ((blob.byteSize ?? 0) > METADATA_MAX_BYTES) return { oid, text: null, problem: TOO_LARGE };
  if (blob.isTruncated || typeof blob.text !== 'string') return { oid, text: null, problem: TRUNCATED };
  return { oid, text: blob.text, problem: null };
}
