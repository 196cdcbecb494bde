/** Turns `yaml`'s parse errors into messages for the card's author. */
import type { YAMLError } from 'yaml';

const SYNTAX_HINT = "Check the indentation and quoting on this line: quote values that contain ': ' or ' #', or start with *, &, !, |, >, %, @, `, { or [.";

export function describeYamlError(error: YAMLError, severity: 'error' | 'warning'): { message: string; hint: string } {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return {
        message: "the metadata holds more than one YAML document (a '---' line with text after it); the Hub will reject it",
        hint: "Keep one document: remove the extra '---' line or merge what follows it into the metadata.",
      };
    case 'TAB_AS_INDENT':
      return { message: 'YAML syntax error: tabs are not allowed as indentation; the Hub will reject the metadata', hint: 'Indent with spaces.' };
    case 'DUPLICATE_KEY':
      return { message: `YAML error: ${error.message}`, hint: 'Remove one of the two, or merge their values.' };
    default: {
      const text = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
      if (severity === 'warning') return { message: `YAML warning: ${text}`, hint: SYNTAX_HINT };
      return { message: `YAML syntax error: ${text}; the Hub will reject the metadata`, hint: SYNTAX_HINT };
    }
  }
}
