/** Compiles a user's regular expression from config without ever throwing. */
export type CompiledPattern = { regex: RegExp } | { error: string };

/** Unicode mode first, so `\p{L}` means a letter and an emoji counts as one character;
 *  patterns that only compile without it (such as `\-` outside a class) still work. */
export function compilePattern(pattern: string): CompiledPattern {
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
