/**
 * A fork network of 1,000 remotes in one clone, built with `git fast-import` and cached under
 * bench/.work/ (keyed by the generator version). Upstream (refs/heads/main) holds 5 models'
 * models/<m>/model.yml and a README card; each fork (refs/remotes/f<i>/main) is one commit on top
 * of it with a planted change, so most blobs are shared and about 750 differ:
 *   i % 4 = 0 unchanged (in-sync), 1 a model's version bumped (ahead), 2 the same version with other
 *   weights (conflict), 3 the card's base_model changed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATOR_VERSION = 2;
export const MODELS = ['llama-ft', 'mistral-q4', 'phi-mini', 'qwen-chat', 'gemma-it'];
export const GLOBS = ['models/*/model.yml', 'README.md'];

export function modelYml(id, version, seed) {
  // A leading letter: an all-digit value would be a YAML number, not a checksum.
  const sha = `f${(seed * 2654435761 >>> 0).toString(16).padStart(8, '0').slice(1)}`.repeat(8);
  return `id: ${id}\nversion: ${version}\nlicense: apache-2.0\nbase_model: org/${id}-base\nfiles:\n`
    + `  - path: model.safetensors\n    sha256: ${sha}\n  - path: tokenizer.json\n    sha256: ${sha.split('').reverse().join('')}\n`;
}

const card = (base) => `---\nlicense: apache-2.0\nbase_model: ${base}\nbase_model_relation: finetune\ntags: [text-generation]\n---\n# Models\n\nFine-tunes of open models.\n`;

const inline = (path, text) => `M 644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}`;

function forkChange(i) {
  const model = MODELS[i % MODELS.length];
  if (i % 4 === 1) return inline(`models/${model}/model.yml`, modelYml(model, `1.${1 + (i >> 2)}.0`, i));
  if (i % 4 === 2) return inline(`models/${model}/model.yml`, modelYml(model, '1.0.0', 100_000 + i));
  if (i % 4 === 3) return inline('README.md', card(`org/base-${i}`));
  return null;
}

function fastImportStream(forks) {
  const parts = ['commit refs/heads/main', 'mark :1', 'committer Ada Lovelace <ada@example.org> 1700000000 +0000', 'data 9', 'upstream',
    ...MODELS.map((m, k) => inline(`models/${m}/model.yml`, modelYml(m, '1.0.0', k))), inline('README.md', card('org/base')), ''];
  for (let i = 0; i < forks; i++) {
    const change = forkChange(i);
    parts.push(`commit refs/remotes/f${i}/main`, `committer Ada Lovelace <ada@example.org> ${1700000001 + i} +0000`, 'data 5', 'fork', 'from :1',
      ...(change ? [change] : []), '');
  }
  return `${parts.join('\n')}\n`;
}

/** Returns { dir, refs } for a cached (or new) clone with `forks` fork remotes. */
export function makeNetwork(workDir, forks = 1000) {
  const dir = join(workDir, `reconcile-${forks}`);
  const stamp = join(dir, '.bench-stamp.json');
  const expected = JSON.stringify({ version: GENERATOR_VERSION, forks });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== expected) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    const result = spawnSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: fastImportStream(forks) });
    if (result.status !== 0) throw new Error(`git fast-import failed: ${result.stderr}`);
    writeFileSync(stamp, expected);
  }
  const refs = Array.from({ length: forks }, (_, i) => ({ name: `f${i}`, ref: `refs/remotes/f${i}/main` }));
  return { dir, refs };
}
