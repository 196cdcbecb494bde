/** Markdown headings of a card body, with their section text, for section checks. */

export interface Heading {
  /** 1 to 6. */
  level: number;
  /** The heading as written, trimmed. */
  text: string;
  /** Normalised for matching: see normaliseHeading. */
  key: string;
  /** 0-based line offset in the body. */
  offset: number;
  /** The lines up to the next heading of the same or a higher level, subheadings left out. */
  content: string;
}

/**
 * Lowercase, emphasis and escapes dropped, leading numbering ("1.", "4.2") and trailing
 * punctuation (":" ".") removed, whitespace collapsed: "# **Model Details:**" -> "model details".
 */
export function normaliseHeading(text: string): string {
  return text
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+/i, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** ATX headings outside fenced code blocks. */
export function listHeadings(body: string): Heading[] {
  const lines = body.split(/\r\n|\r|\n/);
  const found: { level: number; text: string; offset: number }[] = [];
  let fence: string | null = null;
  lines.forEach((line, offset) => {
    const opener = FENCE.exec(line);
    if (fence) {
      if (opener && opener[1]![0] === fence[0] && opener[1]!.length >= fence.length && line.trim() === opener[1]) fence = null;
      return;
    }
    if (opener) {
      fence = opener[1]!;
      return;
    }
    const match = HEADING.exec(line);
    if (match) found.push({ level: match[1]!.length, text: (match[2] ?? '').trim(), offset });
  });
  return found.map((heading, i) => {
    const end = found.slice(i + 1).find((next) => next.level <= heading.level)?.offset ?? lines.length;
    const inner = new Set(found.filter((h) => h.offset > heading.offset && h.offset < end).map((h) => h.offset));
    const content = lines.slice(heading.offset + 1, end).filter((_, k) => !inner.has(heading.offset + 1 + k)).join('\n');
    return { ...heading, key: normaliseHeading(heading.text), content };
  });
}

/**
 * Empty: nothing but whitespace, HTML comments and the templates' "[More Information Needed]"
 * placeholders, including the template's labelled bullets ("- **Developed by:** [More Information Needed]").
 */
export function isEmptySection(content: string): boolean {
  const stripped = content
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/^[ \t]*[-*+][ \t]+[^\n]*?:[*_]*[ \t]*\[more information needed\][ \t]*$/gim, '')
    .replace(/\[?more information needed\]?\.?/gi, '');
  return stripped.trim() === '';
}
