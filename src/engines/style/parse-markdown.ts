/** Just enough Markdown for PR descriptions: ATX headings, their sections, task-list items. */

export interface Heading {
  level: number;
  /** Normalised text for matching: lower case, no trailing colons, no emphasis markers. */
  key: string;
  /** Index of the heading among the body's lines (after comments are removed). */
  index: number;
}

export interface MarkdownOutline {
  headings: Heading[];
  lines: { text: string; heading: boolean }[];
}

/** Unterminated comments run to the end, as browsers render them. */
export function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/** "## Summary:", "Summary", "**Summary**" all become "summary". */
export function headingKey(text: string): string {
  return text
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/\s+#+\s*$/, '')
    .trim()
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/[\s:]+$/, '')
    .toLowerCase();
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function outlineMarkdown(body: string): MarkdownOutline {
  const headings: Heading[] = [];
  const lines: MarkdownOutline['lines'] = [];
  let fence: string | null = null;
  for (const text of stripHtmlComments(body).split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(text);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      lines.push({ text, heading: false });
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1]!;
    const atx = fenceMatch ? null : ATX.exec(text);
    if (atx) headings.push({ level: atx[1]!.length, key: headingKey(atx[2] ?? ''), index: lines.length });
    lines.push({ text, heading: atx !== null });
  }
  return { headings, lines };
}

/** True when a section has a line that is neither blank nor a heading before the next heading
 *  of the same or a higher level. */
export function sectionHasContent(outline: MarkdownOutline, heading: Heading): boolean {
  const next = outline.headings.find((h) => h.index > heading.index && h.level <= heading.level);
  const end = next ? next.index : outline.lines.length;
  for (let i = heading.index + 1; i < end; i++) {
    const line = outline.lines[i]!;
    if (!line.heading && line.text.trim() !== '') return true;
  }
  return false;
}

const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[ \](?:\s+(.*))?$/;

/** Unchecked task-list items ("- [ ] ran the tests"), outside comments and code blocks. */
export function uncheckedTasks(body: string): string[] {
  const tasks: string[] = [];
  let fence: string | null = null;
  for (const text of stripHtmlComments(body).split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(text);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    const task = TASK.exec(text);
    if (task) tasks.push((task[1] ?? '').trim());
  }
  return tasks;
}
