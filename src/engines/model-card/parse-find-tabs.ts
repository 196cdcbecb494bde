/**
 * Tabs the Hub's YAML reader refuses. PyYAML skips only spaces between tokens and ends plain
 * scalars at a tab, so a tab anywhere outside quoted text, block scalars (`|`, `>`) and comments
 * raises "found character '\t' that cannot start any token". `yaml` accepts most of these.
 */

/** Offsets of the first refused tab on each line. `tabSafe`: sorted [start, end) ranges where tabs are fine. */
export function findRefusedTabs(text: string, tabSafe: readonly (readonly [number, number])[]): number[] {
  const found: number[] = [];
  let range = 0;
  let skipLine = false;
  for (let i = text.indexOf('\t') === -1 ? text.length : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      skipLine = false;
      continue;
    }
    if (skipLine) continue;
    while (range < tabSafe.length && tabSafe[range]![1] <= i) range++;
    const safe = range < tabSafe.length && tabSafe[range]![0] <= i;
    if (safe) continue;
    const startsComment = c === 0x23 && (i === 0 || /[ \t\r\n]/.test(text[i - 1]!));
    if (c === 9) found.push(i);
    if (c === 9 || startsComment) skipLine = true;
  }
  return found;
}
