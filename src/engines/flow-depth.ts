/** A guard both YAML readers share: flow collections nested deeper than a parser should ever be asked to go. */

/** The offset where `[`/`{` nesting first passes `max`, or -1. Quotes are ignored: a quoted bracket is rare and harmless here. */
export function deepFlowOffset(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}
