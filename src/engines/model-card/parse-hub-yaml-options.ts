/**
 * `yaml` options that read plain scalars the way the Hub's reader, PyYAML safe_load (YAML 1.1),
 * does. yaml's own 1.1 schema is close but not equal: it also reads y/Y/n/N as booleans and 1e3
 * as a number, which PyYAML leaves as text. Timestamps are left as text on purpose: schemas
 * check strings, and no Hub field is a date.
 */
import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

/** PyYAML's bool resolver. */
export const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
export const PYYAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
/** PyYAML requires a dot and a signed exponent. */
const PYYAML_FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*[eE][-+][0-9]+$/;

const BOOL = 'tag:yaml.org,2002:bool';
const FLOAT = 'tag:yaml.org,2002:float';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

function adjustTags(tags: Tags): Tags {
  const adjusted: Tags = [];
  for (const tag of tags) {
    if (typeof tag === 'string' || !('test' in tag) || !tag.test) {
      adjusted.push(tag);
    } else if (tag.tag === BOOL) {
      adjusted.push({ ...tag, test: tag.test.test('true') ? PYYAML_TRUE : PYYAML_FALSE });
    } else if (tag.tag === FLOAT && tag.test.test('1e3')) {
      adjusted.push({ ...tag, test: PYYAML_FLOAT_EXP });
    } else if (tag.tag !== TIMESTAMP || tag.test.test('1:20')) {
      adjusted.push(tag); // sexagesimal numbers share the timestamp tag: keep them, PyYAML reads 1:20 as 80
    }
  }
  return adjusted;
}

/** Alias expansion stops past this many: a few anchors are normal, thousands are an attack. */
export const MAX_ALIAS_COUNT = 100;

export const HUB_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: adjustTags,
  // yaml's own check compares every pair with every other: minutes on a 1 MB mapping. Done in one pass instead.
  uniqueKeys: false,
  prettyErrors: false,
  logLevel: 'silent',
};
