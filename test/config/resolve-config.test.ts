import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { resolveConfig, type ExtendsTarget, type ReadExtends } from '../../src/config/load.js';
import { summarizeConfigSources } from '../../src/config/summarize-config-sources.js';
import type { TextFile } from '../../src/platform/port.js';

const OWN = '.github/steward.yml';
const repoFile = (text: string, repo = 'acme/models', path = OWN): TextFile => ({ origin: `${repo}:${path}`, path, text });

/** A fake platform: files by "owner/repo:path[@ref]"; records what was asked for. */
function files(entries: Record<string, string>): ReadExtends & { asked: ExtendsTarget[] } {
  const asked: ExtendsTarget[] = [];
  const read = async (target: ExtendsTarget) => {
    asked.push(target);
    const key = `${target.repository ?? '.'}:${target.path}${target.ref ? `@${target.ref}` : ''}`;
    const text = entries[key];
    return text === undefined ? null : { origin: target.repository ? `${target.repository}:${target.path}` : target.path, path: target.path, text };
  };
  return Object.assign(read, { asked });
}

const none = files({});
const brief = (r: { findings: { path: string | null; line: number | null; column: number | null; message: string }[] }) =>
  r.findings.map((f) => ({ path: f.path, line: f.line, column: f.column, message: f.message }));

describe('resolveConfig: which file', () => {
  it('uses the built-in defaults when there is no file at all', async () => {
    const resolved = await resolveConfig({ repository: null, organization: null }, none);
    expect(resolved).toEqual({ config: DEFAULT_CONFIG, findings: [], sources: [] });
    expect(Object.isFrozen(resolved.config)).toBe(false); // a copy the caller owns
    expect(summarizeConfigSources(resolved)).toBe('config: built-in defaults (no .github/steward.yml)');
  });

  it("falls back to the organisation's .github repository, and prefers the repository's own file", async () => {
    const organization = repoFile('style: { rules: { labels: { severity: error } } }\n', 'acme/.github');
    const fallback = await resolveConfig({ repository: null, organization }, none);
    expect(fallback.config!.style.rules.labels.severity).toBe('error');
    expect(fallback.sources).toEqual(['acme/.github:.github/steward.yml']);
    const own = await resolveConfig({ repository: repoFile('style: { rules: { draft: { severity: off } } }\n'), organization }, none);
    expect(own.config!.style.rules.labels.severity).toBe('off');
    expect(own.config!.style.rules.draft.severity).toBe('off');
    expect(own.sources).toEqual(['acme/models:.github/steward.yml']);
  });

  it('merges what users write over the defaults, so they write only what they change', async () => {
    const text = 'style:\n  except: { labels: [skip-style] }\n  rules:\n    pr-size: { max-files: 10 }\n    commit-signoff: { severity: error, except: { authors: [ci-bot] } }\n';
    const { config, findings } = await resolveConfig({ repository: repoFile(text), organization: null }, none);
    expect(findings).toEqual([]);
    expect(config!.style.except).toEqual({ labels: ['skip-style'] });
    expect(config!.style.rules['pr-size']).toEqual({ ...DEFAULT_CONFIG.style.rules['pr-size'], 'max-files': 10 });
    // nested mappings merge key by key: the default bot exemption stays
    expect(config!.style.rules['commit-signoff'].except).toEqual({ 'author-types': ['Bot'], authors: ['ci-bot'] });
    expect(config!.style.rules['title-conventional']).toEqual(DEFAULT_CONFIG.style.rules['title-conventional']);
  });

  it('replaces lists rather than appending to them', async () => {
    const text = 'style: { rules: { forbidden-paths: { paths: ["secrets/**"] }, pr-size: { ignore: [] } } }\n';
    const { config } = await resolveConfig({ repository: repoFile(text), organization: null }, none);
    expect(config!.style.rules['forbidden-paths'].paths).toEqual(['secrets/**']);
    expect(config!.style.rules['pr-size'].ignore).toEqual([]);
  });

  it('gives config null and the findings, on the file and line, for an invalid file', async () => {
    const resolved = await resolveConfig({ repository: repoFile('style:\n  rules:\n    labels: { sevrity: error }\n'), organization: null }, none);
    expect(resolved.config).toBeNull();
    expect(brief(resolved)).toEqual([
      { path: OWN, line: 3, column: 15, message: "unknown key 'sevrity' in style.rules.labels; did you mean 'severity'?" },
    ]);
    expect(summarizeConfigSources(resolved)).toBe('config: acme/models:.github/steward.yml (invalid: see the config findings)');
  });
});

describe('resolveConfig: _extends', () => {
  it('loads the extended file first and merges the extending file over it, through a chain', async () => {
    const read = files({
      'acme/.github:.github/steward.yml': '_extends: acme/policies:base/steward.yml@v2\nstyle: { rules: { labels: { severity: warning, forbidden: [wip] }, pr-size: { max-files: 20 } } }\n',
      'acme/policies:base/steward.yml@v2': 'style:\n  except: { authors: ["renovate[bot]"] }\n  rules: { labels: { severity: error, required-one-of: [model, docs] }, draft: { neutral: false } }\n',
    });
    const resolved = await resolveConfig({ repository: repoFile('_extends: .github\nstyle: { rules: { labels: { forbidden: [] } } }\n'), organization: null }, read);
    expect(resolved.findings).toEqual([]);
    expect(read.asked).toEqual([
      { repository: 'acme/.github', path: '.github/steward.yml', ref: null },
      { repository: 'acme/policies', path: 'base/steward.yml', ref: 'v2' },
    ]);
    const { style } = resolved.config!;
    expect(style.except).toEqual({ authors: ['renovate[bot]'] });
    expect(style.rules.labels).toEqual({ severity: 'warning', 'required-one-of': ['model', 'docs'], forbidden: [] });
    expect(style.rules['pr-size']['max-files']).toBe(20);
    expect(style.rules.draft).toEqual({ severity: 'notice', neutral: false });
    expect(resolved.sources).toEqual(['acme/models:.github/steward.yml', 'acme/.github:.github/steward.yml', 'acme/policies:base/steward.yml']);
    expect(summarizeConfigSources(resolved)).toBe(
      'config: acme/models:.github/steward.yml extending acme/.github:.github/steward.yml extending acme/policies:base/steward.yml',
    );
  });

  it('reports an unreadable target on the _extends line', async () => {
    const resolved = await resolveConfig({ repository: repoFile('style: {}\n_extends: org/base:steward.yml\n'), organization: null }, none);
    expect(resolved.config).toBeNull();
    expect(brief(resolved)).toEqual([{ path: OWN, line: 2, column: 11, message: "cannot read _extends 'org/base:steward.yml': not found" }]);
    expect(resolved.findings[0]!.hint).toBe('Check that org/base:steward.yml exists and that Steward is installed on org/base.');
  });

  it('reports a reader that fails, instead of throwing', async () => {
    const failing: ReadExtends = async () => {
      throw new Error('GitHub answered 502 Bad Gateway');
    };
    const resolved = await resolveConfig({ repository: repoFile('_extends: base\n'), organization: null }, failing);
    expect(brief(resolved)).toEqual([{ path: OWN, line: 1, column: 11, message: "cannot read _extends 'base': GitHub answered 502 Bad Gateway" }]);
  });

  it('detects a cycle instead of hanging', async () => {
    const read = files({
      'acme/a:.github/steward.yml': '_extends: acme/b\n',
      'acme/b:.github/steward.yml': '# b\n_extends: ACME/models\n',
    });
    const resolved = await resolveConfig({ repository: repoFile('_extends: acme/a\n'), organization: null }, read);
    expect(resolved.config).toBeNull();
    expect(brief(resolved)).toEqual([{
      path: OWN, line: 2, column: 11,
      message: "acme/b:.github/steward.yml: _extends 'ACME/models' makes a cycle: acme/models:.github/steward.yml → acme/a:.github/steward.yml → acme/b:.github/steward.yml → ACME/models:.github/steward.yml",
    }]);
  });

  it('follows at most 5 _extends', async () => {
    const chain: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) chain[`acme/c${i}:.github/steward.yml`] = `_extends: c${i + 1}\nstyle: { rules: { pr-size: { max-files: ${i} } } }\n`;
    chain['acme/c5:.github/steward.yml'] = 'style: { rules: { pr-size: { max-files: 5 } } }\n';
    const five = await resolveConfig({ repository: repoFile('_extends: c1\n'), organization: null }, files(chain));
    expect(five.findings).toEqual([]);
    expect(five.config!.style.rules['pr-size']['max-files']).toBe(1);
    chain['acme/c5:.github/steward.yml'] = '_extends: c6\n';
    const six = await resolveConfig({ repository: repoFile('_extends: c1\n'), organization: null }, files(chain));
    expect(six.config).toBeNull();
    expect(six.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^acme\/c5:\.github\/steward\.yml: _extends 'c6' goes past the limit of 5 extended files: acme\/models.* → acme\/c6:\.github\/steward\.yml$/),
    ]);
  });

  it('reports problems of an extended file on that file, naming where it comes from', async () => {
    const read = files({ 'acme/.github:.github/steward.yml': 'style:\n  rules:\n    draft: { neutral: maybe }\n' });
    const resolved = await resolveConfig({ repository: repoFile('_extends: .github\n'), organization: null }, read);
    expect(resolved.config).toBeNull();
    expect(brief(resolved)).toEqual([{
      path: OWN, line: 3, column: 23,
      message: 'acme/.github:.github/steward.yml: style.rules.draft.neutral must be true or false, got "maybe"',
    }]);
  });

  it('resolves a relative path next to the extending file, in the same repository', async () => {
    const read = files({
      'acme/models:.github/steward/base.yml': 'style: { rules: { labels: { severity: error } } }\n',
    });
    const resolved = await resolveConfig({ repository: repoFile('_extends: ./steward/base.yml\n'), organization: null }, read);
    expect(read.asked).toEqual([{ repository: 'acme/models', path: '.github/steward/base.yml', ref: null }]);
    expect(resolved.config!.style.rules.labels.severity).toBe('error');
  });

  it('resolves a relative path of a local file (the CLI) with no repository', async () => {
    const read = files({ '.:config/base.yml': 'style: { rules: { draft: { severity: off } } }\n' });
    const local: TextFile = { origin: 'config/steward.yml', path: 'config/steward.yml', text: '_extends: ./base.yml\n' };
    const resolved = await resolveConfig({ repository: local, organization: null }, read);
    expect(read.asked).toEqual([{ repository: null, path: 'config/base.yml', ref: null }]);
    expect(resolved.config!.style.rules.draft.severity).toBe('off');
    expect(resolved.sources).toEqual(['config/steward.yml', 'config/base.yml']);
  });

  it('asks for the owner when a local file extends a bare repository name', async () => {
    const local: TextFile = { origin: '.github/steward.yml', path: '.github/steward.yml', text: '_extends: base\n' };
    const resolved = await resolveConfig({ repository: local, organization: null }, none);
    expect(resolved.findings.map((f) => f.message)).toEqual([
      "_extends 'base' names a repository without its owner, and this file is not in a GitHub repository: write 'owner/base'",
    ]);
  });

  it('does not let __proto__ in an extended file reach any prototype', async () => {
    const read = files({ 'acme/.github:.github/steward.yml': 'reconcile: { __proto__: { polluted: true } }\n' });
    const resolved = await resolveConfig({ repository: repoFile('_extends: .github\n'), organization: null }, read);
    expect(resolved.config).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
