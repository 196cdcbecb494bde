/** Signed-off-by trailers (DCO) and the identities they name. */
import type { Person } from '../pull-request.js';

export interface Signoff {
  name: string;
  email: string;
  /** The line as written, for messages. */
  line: string;
}

export interface SignoffScan {
  signoffs: Signoff[];
  /** Signed-off-by lines without a `Name <email>`. */
  malformed: string[];
}

// Tolerant: any case for the key, spaces around it, \r\n line ends (dcoapp matches the exact case).
const LINE = /^[ \t]*signed-off-by[ \t]*:(.*)$/gim;
const IDENTITY = /^\s*(.*?)\s*<([^<>]*)>\s*$/;

export function parseSignoffs(message: string): SignoffScan {
  const scan: SignoffScan = { signoffs: [], malformed: [] };
  for (const match of message.matchAll(LINE)) {
    const line = match[0].trim();
    const identity = IDENTITY.exec(match[1]!.replace(/\r$/, ''));
    if (identity && identity[2]!.trim() !== '') scan.signoffs.push({ name: identity[1]!, email: identity[2]!.trim(), line });
    else scan.malformed.push(line);
  }
  return scan;
}

/** dcoapp's identity is name and email; compared here trimmed and case-insensitively. */
export function signsFor(signoff: Signoff, person: Pick<Person, 'name' | 'email'>): boolean {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  return same(signoff.email, person.email) && same(signoff.name, person.name);
}

export function formatIdentity(person: Pick<Person, 'name' | 'email'>): string {
  return `${person.name.trim()} <${person.email.trim()}>`;
}
