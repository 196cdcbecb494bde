/** GitHub refuses check-run summaries and texts over 65,535 characters; trim with a note instead. */

export const GITHUB_TEXT_LIMIT = 65_535;

/** Cuts `text` at a line boundary so that text plus the note fits in `limit`. */
export function trimText(text: string, limit = GITHUB_TEXT_LIMIT, what = 'this text'): string {
  if (text.length <= limit) return text;
  const note = (cut: number) =>
    `\n\n> **Trimmed:** ${cut.toLocaleString('en-US')} more characters of ${what} were cut to fit GitHub's ` +
    `${limit.toLocaleString('en-US')}-character limit. Run \`steward check\` locally for the full report.\n`;
  // Reserve room for the longest possible note, then cut at the last newline before that.
  const room = limit - note(text.length).length;
  const newline = text.lastIndexOf('\n', room);
  const end = newline > room / 2 ? newline : room;
  return text.slice(0, end) + note(text.length - end);
}
