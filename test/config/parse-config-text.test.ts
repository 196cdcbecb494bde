import { describe, expect, it } from '@jest/globals';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import type { Finding } from '../../src/engines/findings.js';

const PATH = '.github/steward.yml';
const parse = (text: string) => parseConfigText({ origin: `acme/models:${PATH}`, path: PATH, text });
const brief = (f: Finding) => ({ line: f.line, column: f.column, message: f.message });

/** SPEC.md §1, verbatim. */
export const SPEC_EXAMPLE = `style:
  except: { authors: ["renovate[bot]"], author-types: [Bot], labels: [skip-style], base-branches: [], paths: [] }
  rules:
    title-conventional:  { severity: error, types: [feat, fix, docs], scopes: [], require-scope-for: [feat], subject-pattern: "^[a-z]" }
    commit-conventional: { severity: error, squash-aware: true }
    commit-signoff:      { severity: error, skip-verified-members: false }
    branch-name:         { severity: warning, pattern: "^(feat|fix|docs|chore)/[a-z0-9._-]+$" }
    body-sections:       { severity: warning, sections: ["## Summary", "## Testing"], require-checked-tasks: true }
    pr-size:             { severity: warning, max-files: 50, max-lines: 1000, ignore: ["**/*.lock"] }
    forbidden-paths:     { severity: error, paths: ["secrets/**", "**/*.pem"] }
    large-files:         { severity: error, max-bytes: 5000000 }   # larger files must be Git LFS pointers
    labels:              { severity: error, required-one-of: [model, docs, infra], forbidden: [do-not-merge] }
    linked-issue:        { severity: warning }
    draft:               { severity: notice }
model-cards:
  paths: ["**/README.md", "**/MODEL_CARD.md", "**/model_card.md", "**/model-card.md"]
  profile: huggingface            # huggingface | mitchell | none
  schemas: [{ paths: ["models/**/README.md"], schema: schemas/our-card.schema.json }]
  required-sections: ["Intended Use", "Limitations"]
evaluation:
  workflow: steward-eval.yml      # written by \`steward init\`
  strategy: least-loaded          # round-robin | weighted | least-loaded | fair-share
  pools:
    - { name: a100, runs-on: [self-hosted, a100], capacity: 4, weight: 2 }
    - { name: cpu, runs-on: [ubuntu-latest], capacity: 20, weight: 1 }
  quotas: { concurrent-shards: 8, runner-minutes-per-month: 6000 }
  regression: { alpha: 0.05, threshold: 0.01 }
  forks: require-approval
  suites:
    default:
      shards: 8                   # or auto
      pool: a100                  # optional: pin the suite to a pool
      piece-overhead: 200         # cost of starting any piece (model load, task set-up), in cost units
      command: "lm_eval --model hf --model_args pretrained={model} --tasks {task} --offset {offset} --limit {limit} --output_path {output}"
      tasks:
        - { name: hellaswag, cost: 10042 }    # cost: samples (or seconds); big tasks may be split
        - { name: arc_challenge, cost: 1172 }
reconcile:
  paths: ["models/*/model.yml"]   # registry files; cards matched by model-cards.paths are read too
  id-field: id
  version-field: version
  fork-pull-requests: false
`;

describe('parseConfigText: valid files', () => {
  it('accepts the full example of SPEC.md §1', () => {
    const parsed = parse(SPEC_EXAMPLE);
    expect(parsed.findings).toEqual([]);
    expect(parsed.data).toMatchObject({
      style: { rules: { 'large-files': { 'max-bytes': 5000000 }, labels: { forbidden: ['do-not-merge'] } } },
      evaluation: { suites: { default: { shards: 8 } } },
    });
  });

  it('accepts an empty file, a comment-only file and a $schema line as "all defaults"', () => {
    for (const text of ['', '# nothing yet\n', '$schema: ./schemas/steward.schema.json\n']) {
      expect(parse(text)).toEqual({ data: {}, findings: [], extends: null });
    }
  });

  it('takes `_extends` out of the data and remembers where it was written', () => {
    const parsed = parse('# shared\n_extends:   acme/.github:steward.yml@v2\nstyle: {}\n');
    expect(parsed.data).toEqual({ style: {} });
    expect(parsed.extends).toEqual({ spec: 'acme/.github:steward.yml@v2', position: { line: 2, column: 13 } });
  });

  it('accepts "shards: auto", runs-on as a string and keys later issues add to the open sections', () => {
    const parsed = parse('evaluation:\n  future-key: 1\n  pools: [{ name: cpu, runs-on: ubuntu-latest }]\n  suites: { s: { shards: auto } }\nreconcile: { later: true }\n');
    expect(parsed.findings).toEqual([]);
  });

  it('reads YAML anchors and merge keys, and places problems of merged keys on the mapping that merges them', () => {
    const ok = parse('style:\n  rules:\n    labels: &strict { severity: error }\n    linked-issue:\n      <<: *strict\n      keywords: [fixes]\n');
    expect(ok.findings).toEqual([]);
    expect(ok.data).toEqual({ style: { rules: { labels: { severity: 'error' }, 'linked-issue': { severity: 'error', keywords: ['fixes'] } } } });
    const parsed = parse('style:\n  rules:\n    labels: &strict { severity: error, forbidden: [wip] }\n    linked-issue:\n      <<: *strict\n      keywords: [fixes]\n');
    expect(parsed.findings.map(brief)).toEqual([
      { line: 4, column: 5, message: "unknown key 'forbidden' in style.rules.linked-issue" },
    ]);
  });
});

describe('parseConfigText: every problem at once, each on its line', () => {
  it('reports wrong types, unknown keys with a suggestion and bad enum values with their positions', () => {
    const parsed = parse([
      'style:',                           // 1
      '  rules:',                         // 2
      '    pr-size:',                     // 3
      '      max-files: fifty',           // 4
      '    labels:',                      // 5
      '      sevrity: error',             // 6
      '    draft:',                       // 7
      '      severity: fatal',            // 8
      'styel: {}',                        // 9
      '',
    ].join('\n'));
    expect(parsed.data).toBeNull();
    expect(parsed.findings.map(brief)).toEqual([
      { line: 4, column: 18, message: 'style.rules.pr-size.max-files must be a whole number, got "fifty"' },
      { line: 6, column: 7, message: "unknown key 'sevrity' in style.rules.labels; did you mean 'severity'?" },
      { line: 8, column: 17, message: 'style.rules.draft.severity must be one of error, warning, notice, off; got "fatal"' },
      { line: 9, column: 1, message: "unknown key 'styel' at the top level; did you mean 'style'?" },
    ]);
    const f = parsed.findings[0]!;
    expect(f).toMatchObject({ check: 'config', rule: 'config', severity: 'error', path: PATH, field: '/style/rules/pr-size/max-files' });
    expect(parsed.findings[1]!.hint).toBe('Known keys here: severity, except, only, required-one-of, forbidden.');
    expect(parsed.findings[1]!.field).toBe('/style/rules/labels/sevrity');
  });

  it('suggests kebab-case for camelCase and snake_case keys', () => {
    const messages = parse('style:\n  rules:\n    pr-size: { maxFiles: 3, max_lines: 4 }\n').findings.map((f) => f.message);
    expect(messages).toEqual([
      "unknown key 'maxFiles' in style.rules.pr-size; did you mean 'max-files'?",
      "unknown key 'max_lines' in style.rules.pr-size; did you mean 'max-lines'?",
    ]);
  });

  it('points a missing required key at the mapping that lacks it', () => {
    const parsed = parse('evaluation:\n  pools:\n    - name: gpu\n    - runs-on: [cpu]\n      capacity: 2\n');
    expect(parsed.findings.map(brief)).toEqual([
      { line: 3, column: 7, message: "evaluation.pools[0] is missing the required key 'runs-on'" },
      { line: 4, column: 7, message: "evaluation.pools[1] is missing the required key 'name'" },
    ]);
    expect(parsed.findings[1]!.field).toBe('/evaluation/pools/1/name');
  });

  it('explains unions, booleans written as yes, numbers written as text and broken regular expressions', () => {
    const parsed = parse([
      'evaluation: { suites: { default: { shards: many } } }',
      'style:',
      '  rules:',
      '    commit-conventional: { squash-aware: yes }',
      '    large-files: { max-bytes: "10_000_000" }',
      "    branch-name: { pattern: '^(feat/' }",
      '    pr-size: { max-files: 0 }',
      '',
    ].join('\n'));
    expect(parsed.findings.map((f) => [f.line, f.column, f.message, f.hint])).toEqual([
      [1, 44, 'evaluation.suites.default.shards must be a whole number of at least 1 or "auto", got "many"', 'How many shards to split the suite into, or "auto".'],
      [4, 42, 'style.rules.commit-conventional.squash-aware must be true or false, got "yes"', 'YAML 1.2 reads yes, no, on and off as text: write true or false.'],
      [5, 31, 'style.rules.large-files.max-bytes must be a whole number, got "10_000_000"', 'Write the number without quotes, underscores or commas, e.g. 10000000.'],
      [6, 29, 'style.rules.branch-name.pattern is not a valid regular expression: /^(feat//: Unterminated group', expect.stringContaining('single-quote')],
      [7, 27, 'style.rules.pr-size.max-files must be at least 1, got 0', 'The most changed files allowed.'],
    ]);
  });

  it('points an empty value at its key', () => {
    const parsed = parse('style:\n  rules:\n    draft:\n      severity:\n');
    expect(parsed.findings.map(brief)).toEqual([
      { line: 4, column: 7, message: 'style.rules.draft.severity must be one of error, warning, notice, off; got an empty value' },
      { line: 4, column: 7, message: 'style.rules.draft.severity must be a string, got an empty value' },
    ].reverse());
  });

  it('reports every YAML syntax error with its position and nothing from the schema', () => {
    const parsed = parse('style:\n  rules: [a,\nb: : c\n');
    expect(parsed.data).toBeNull();
    expect(parsed.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of parsed.findings) {
      expect(f.message).toMatch(/^YAML syntax error: /);
      expect(f.line).toBeGreaterThanOrEqual(2);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports a duplicate key where it is written the second time', () => {
    const parsed = parse('style:\n  rules:\n    labels: { severity: error }\n    draft: {}\n    labels: { severity: off }\n');
    expect(parsed.findings.map(brief)).toEqual([
      { line: 5, column: 5, message: "duplicate key 'labels' in style.rules (first written at line 3); YAML keeps only one of them" },
    ]);
  });

  it('reports a second YAML document', () => {
    const parsed = parse('style: {}\n---\nstyle: {}\n');
    expect(parsed.findings.map(brief)).toEqual([
      { line: 2, column: 1, message: "the config has more than one YAML document (a second '---' line)" },
    ]);
  });

  it('passes on YAML warnings as warnings, without rejecting the file', () => {
    const parsed = parse('style:\n  except: !custom { labels: [skip] }\n');
    expect(parsed.data).toEqual({ style: { except: { labels: ['skip'] } } });
    expect(parsed.findings.map((f) => [f.severity, f.line, f.column, f.message])).toEqual([
      ['warning', 2, 11, 'YAML warning: Unresolved tag: !custom'],
    ]);
  });

  it('refuses an _extends it cannot understand', () => {
    const parsed = parse('_extends: "https://example.com/x.yml"\n');
    expect(parsed.findings.map(brief)).toEqual([
      { line: 1, column: 11, message: '_extends is not in a form Steward understands, got "https://example.com/x.yml"' },
    ]);
  });
});
