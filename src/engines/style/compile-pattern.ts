/** Compiles a user's regular expression from config without ever throwing, or refuses it. */
import { findExponentialPattern } from './unsafe-pattern.js';
export type CompiledPattern = { regex: RegExp } | { error: string };

/** Unicode mode first, so `\p{L}` means a letter and an emoji counts as one character;
 *  patterns that only compile without it (such as `\-` outside a class) still work. */
export function compilePattern(pattern: string): CompiledPattern {
  const unsafe = findExponentialPattern(pattern);
  if (unsafe) {
    return {
      error: `'${pattern}' can take exponential time on some inputs (${unsafe}), and pull-request authors control the text it runs on; ` +
        'rewrite it without a quantifier inside a repeated group, e.g. `^(\\w+\\s?)*$` as `^[\\w\\s]*$`',
    };
  }
  try {
    return { regex: new RegExp(pattern, 'u') };
  } catch {
    try {
      return { regex: new RegExp(pattern) };
    } catch (error) {
      return { error: `'${pattern}' is not a valid regular expression (${(error as Error).message})` };
    }
  }
}
