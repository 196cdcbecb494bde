/** The `with:` inputs of actions/check, read as the runner passes them: INPUT_<NAME> variables. */

export type LogFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'never';

export interface CheckInputs {
  config: string;
  format: LogFormat;
  sarifFile: string | null;
  failOn: FailOn;
  base: string | null;
  head: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_CONFIG = '.github/steward.yml';

/** A `with:` value the user must change; the message names the input and the accepted values. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The runner upper-cases the name and keeps dashes: `sarif-file` arrives as INPUT_SARIF-FILE. */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function readCheckInputs(env: Env): CheckInputs {
  return {
    config: getInput(env, 'config') || DEFAULT_CONFIG,
    format: oneOf(env, 'format', ['text', 'json', 'sarif'], 'text'),
    sarifFile: getInput(env, 'sarif-file') || null,
    failOn: oneOf(env, 'fail-on', ['error', 'warning', 'never'], 'error'),
    base: getInput(env, 'base') || null,
    head: getInput(env, 'head') || null,
  };
}

/** The input's value when it is one of `allowed`, `fallback` when empty; an InputError otherwise. */
export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = getInput(env, name) || fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Input "${name}" is "${value}"; use one of ${allowed.join(', ')} in the step's \`with:\`.`);
}
