/** Turns a git name and email into the port's Person, recognising GitHub bots and noreply logins. */
import type { Person } from '../port.js';

// GitHub's noreply addresses carry the login: 12345+octocat@users.noreply.github.com or octocat@users.noreply.github.com.
const NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

export function loginFromEmail(email: string): string | null {
  return NOREPLY.exec(email.trim())?.[1] ?? null;
}

export function isBotIdentity(name: string, email: string): boolean {
  const local = email.split('@')[0] ?? '';
  return /\[bot\]$/i.test(name.trim()) || /\[bot\]$/i.test(local) || /\[bot\]$/i.test(email.trim());
}

export function toPerson(name: string, email: string): Person {
  return { name, email, login: loginFromEmail(email), type: isBotIdentity(name, email) ? 'Bot' : 'User' };
}
