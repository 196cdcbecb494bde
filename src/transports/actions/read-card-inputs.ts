/** The `with:` inputs of actions/model-cards, read as the runner passes them (INPUT_<NAME>). */
import type { CardProfile } from '../../engines/model-card/check-card.js';
import { DEFAULT_CONFIG, getInput, InputError, oneOf, type FailOn, type LogFormat } from './read-inputs.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface CardInputs {
  config: string;
  /** undefined: the config's `model-cards.profile`. */
  profile: CardProfile | undefined;
  /** Globs that replace the config's `model-cards.paths`; null keeps them. */
  paths: string[] | null;
  /** Check every card the paths match, not only the cards the event changed. */
  all: boolean;
  format: LogFormat;
  sarifFile: string | null;
  failOn: FailOn;
}

export function readCardInputs(env: Env): CardInputs {
  const profile = getInput(env, 'profile');
  const paths = getInput(env, 'paths').split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  return {
    config: getInput(env, 'config') || DEFAULT_CONFIG,
    profile: profile ? oneOf<CardProfile>(env, 'profile', ['huggingface', 'mitchell', 'none'], 'huggingface') : undefined,
    paths: paths.length ? paths : null,
    all: readBoolean(env, 'all'),
    format: oneOf(env, 'format', ['text', 'json', 'sarif'], 'text'),
    sarifFile: getInput(env, 'sarif-file') || null,
    failOn: oneOf(env, 'fail-on', ['error', 'warning', 'never'], 'error'),
  };
}

/** YAML 1.2's booleans, as actions/toolkit's getBooleanInput accepts them. */
function readBoolean(env: Env, name: string): boolean {
  const value = getInput(env, name);
  if (['', 'false', 'False', 'FALSE'].includes(value)) return false;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  throw new InputError(`Input "${name}" is "${value}"; use true or false in the step's \`with:\`.`);
}
