/** How a front-matter value is named in repository-schema messages. */
const MAX_LISTED = 20;

/** What kind of value it is: "must be a string, not a number". */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'number') return 'a number';
  return 'a string';
}

export function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

export function listOf(values: readonly string[]): string {
  return values.length > MAX_LISTED ? `${values.slice(0, MAX_LISTED).join(', ')}, ...` : values.join(', ');
}

export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
