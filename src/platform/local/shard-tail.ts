/** The last lines of a command's output, kept in bounded memory however much it prints. */

const MAX_CHARS = 16_000;

export function createTail(lines: number): { push(chunk: Buffer | string): void; text(): string } {
  let buffer = '';
  return {
    push(chunk) {
      buffer += chunk.toString();
      if (buffer.length > MAX_CHARS * 2) buffer = buffer.slice(-MAX_CHARS);
    },
    text() {
      const all = buffer.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
      return all.slice(-lines).join('\n').slice(-MAX_CHARS);
    },
  };
}
