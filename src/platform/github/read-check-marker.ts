/** The marker Steward writes at the end of a check summary (src/report/check-run.ts), read back. */

const MARKER = /<!--\s*steward:fingerprint=([A-Za-z0-9_-]+)(?:\s+annotations=([A-Za-z0-9_-]+))?\s*-->/;

export function readCheckMarker(summary: string | null | undefined): { fingerprint: string | null; annotationsFingerprint: string | null } {
  const match = MARKER.exec(summary ?? '');
  return { fingerprint: match?.[1] ?? null, annotationsFingerprint: match?.[2] ?? null };
}
