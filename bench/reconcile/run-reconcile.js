/**
 * Issue 5, "How it is measured", local: 1,000 remotes' metadata read and classified, beside the floor
 * of one bare `git cat-file --batch` of the same blobs (ids known in advance, text discarded).
 * Steward runs from lib/: readRemoteMetadata over every ref, readMetadata per fork (through
 * makeCachedReader, which parses each distinct file once), classifyModel per model. Both sides alternate in this process; the times are medians of `reps` runs.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { GLOBS, makeNetwork } from './make-network.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const OPTIONS = { idField: 'id', versionField: 'version' };

async function loadSteward() {
  const { readRemoteMetadata } = await import('../../lib/platform/local/reconcile/read-remote-metadata.js');
  const { readMetadata } = await import('../../lib/engines/reconcile/read-metadata.js');
  const { classifyModel } = await import('../../lib/engines/reconcile/classify-model.js');
  const { makeCachedReader } = await import('../../lib/engines/reconcile/read-metadata-cached.js');
  return { readRemoteMetadata, readMetadata, classifyModel, makeCachedReader };
}

/** Every model of every fork judged against upstream; the forks start at upstream's head, so that is the merge base too. */
async function readAndClassify(steward, dir, refs) {
  const stats = { objectsRead: 0 };
  const read = await steward.readRemoteMetadata(dir, [{ name: 'upstream', ref: 'refs/heads/main' }, ...refs], GLOBS, stats);
  const readModels = steward.makeCachedReader(OPTIONS);
  const upstream = new Map(readModels(read.get('upstream').files).models.map((m) => [m.id, m]));
  const statuses = {};
  let findings = 0;
  for (const { name } of refs) {
    const fork = readModels(read.get(name).files);
    findings += fork.findings.length;
    const forkModels = new Map(fork.models.map((m) => [m.id, m]));
    for (const id of new Set([...upstream.keys(), ...forkModels.keys()])) {
      const { status } = steward.classifyModel({ upstream: upstream.get(id) ?? null, fork: forkModels.get(id) ?? null, base: upstream.get(id) ?? null });
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  return { read, statuses, findings, objectsRead: stats.objectsRead };
}

function catFileFloor(dir, ids) {
  const result = spawnSync('git', ['cat-file', '--batch'], { cwd: dir, input: `${ids.join('\n')}\n`, maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git cat-file --batch failed: ${result.stderr}`);
  return result.stdout.length;
}

export async function runReconcileBench({ workDir, forks = 1000, reps = 7, log = () => {} }) {
  const { dir, refs } = makeNetwork(workDir, forks);
  const steward = await loadSteward();
  const first = await readAndClassify(steward, dir, refs);
  const files = [...first.read.values()].flatMap((r) => r.files);
  const ids = [...new Set(files.map((f) => f.blob))];
  log(`   ${forks} fork remotes, ${files.length} metadata files, ${ids.length} distinct blobs; verdicts ${JSON.stringify(first.statuses)}`);
  const times = { steward: [], floor: [] };
  for (let rep = 0; rep < reps; rep++) {
    let started = performance.now();
    await readAndClassify(steward, dir, refs);
    times.steward.push(performance.now() - started);
    started = performance.now();
    catFileFloor(dir, ids);
    times.floor.push(performance.now() - started);
  }
  const stewardMs = median(times.steward);
  const floorMs = median(times.floor);
  log(`   steward ${stewardMs.toFixed(1)} ms, floor ${floorMs.toFixed(1)} ms, ${(stewardMs / floorMs).toFixed(2)}× (goal ≤ 3×)`);
  const problems = first.objectsRead === ids.length ? [] : [`Steward read ${first.objectsRead} blobs for ${ids.length} distinct ids`];
  return { forks, files: files.length, blobs: ids.length, statuses: first.statuses, findings: first.findings, times, stewardMs, floorMs,
    ratio: stewardMs / floorMs, goal: 3, problems };
}
