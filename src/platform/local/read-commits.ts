/**
 * All commits of base..head, oldest first, in ONE `git log` call. Fields are split by 0x1f and
 * records by NUL (-z): neither can appear in names or emails, and %B comes last so a 0x1f inside a
 * message stays part of it. Bytes are decoded per field (see decode-bytes.ts).
 */
import type { Commit } from '../port.js';
import { decodeBytes, splitBytes } from './decode-bytes.js';
import { runGit } from './run-git.js';
import { toPerson } from './to-person.js';

const FORMAT = '%H%x1f%P%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B';
const FIELD = 0x1f;
const FIELD_COUNT = 7;

/** `range` is a revision range such as `base..head`, or just `head` for the whole history. */
export async function readCommits(dir: string, range: string): Promise<Commit[]> {
  // --encoding=UTF-8 re-encodes commits that declare another encoding; undeclared bytes pass through.
  const output = await runGit(dir, ['log', '-z', '--reverse', '--encoding=UTF-8', `--format=${FORMAT}`, range, '--']);
  return parseCommitLog(output);
}

export function parseCommitLog(output: Buffer): Commit[] {
  return splitBytes(output, 0).map(parseRecord).filter((c): c is Commit => c !== null);
}

function parseRecord(record: Buffer): Commit | null {
  const fields: Buffer[] = [];
  let start = 0;
  while (fields.length < FIELD_COUNT - 1) {
    const at = record.indexOf(FIELD, start);
    if (at === -1) return null;
    fields.push(record.subarray(start, at));
    start = at + 1;
  }
  fields.push(record.subarray(start));
  const [sha, parents, authorName, authorEmail, committerName, committerEmail, message] = fields.map(decodeBytes) as [
    string, string, string, string, string, string, string,
  ];
  const id = sha.trim();
  if (!/^[0-9a-f]{40,64}$/.test(id)) return null;
  return {
    sha: id,
    // GitHub's API returns messages without git's trailing newline; match it.
    message: message.replace(/\n+$/, ''),
    author: toPerson(authorName, authorEmail),
    committer: toPerson(committerName, committerEmail),
    parentCount: parents.trim() === '' ? 0 : parents.trim().split(/\s+/).length,
    verified: null,
  };
}
