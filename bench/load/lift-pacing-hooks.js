/** The module hook of lift-pacing.js: rewrites the write group of plugin-throttling's bundle as it loads. */
const WRITE_GROUP = /(id: "octokit-write",\s*)maxConcurrent: 1,\s*minTime: 1e3,/;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes('/@octokit/plugin-throttling/')) return result;
  const source = String(result.source);
  if (!WRITE_GROUP.test(source)) throw new Error('bench/load/lift-pacing: the write group of @octokit/plugin-throttling changed; update WRITE_GROUP');
  const lifted = source.replace(WRITE_GROUP, '$1maxConcurrent: null, minTime: 0,');
  // LOAD_THROTTLE=off: no throttling plugin at all (Bottleneck's scheduling cost gone too), for profiling only.
  return { ...result, source: process.env.LOAD_THROTTLE === 'off' ? lifted.replace('if (!enabled) {', 'if (true) {') : lifted };
}
