/**
 * Refuses, before the YAML parser sees it, text that no config would contain and that could make
 * parsing slow or strange: files over 1 MB, binary data, brackets nested hundreds deep.
 */
import type { Position } from './locate-node.js';
import { deepFlowOffset } from '../engines/flow-depth.js';

export const MAX_CONFIG_BYTES = 1_000_000;
export const MAX_FLOW_DEPTH = 100;

export interface TextProblem {
  message: string;
  hint: string;
  position: Position;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function screenConfigText(text: string): TextProblem | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES) {
    return {
      message: `config is ${(bytes / 1_000_000).toFixed(1)} MB; the limit is 1 MB`,
      hint: 'A Steward config is a few kilobytes of YAML: check that this is the right file.',
      position: { line: 1, column: 1 },
    };
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0);
    const name = code === 0 ? 'a NUL byte' : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      message: `config contains binary data (${name}); YAML must be text`,
      hint: 'Save the file as UTF-8 text; if it is not a config, put the right file at this path.',
      position: positionAt(text, control.index),
    };
  }
  const deep = deepFlowOffset(text, MAX_FLOW_DEPTH);
  if (deep !== -1) {
    return {
      message: `config nests [ or { more than ${MAX_FLOW_DEPTH} levels deep`,
      hint: 'No Steward setting needs more than a few levels: check for unclosed brackets.',
      position: positionAt(text, deep),
    };
  }
  return null;
}
