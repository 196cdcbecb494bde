#!/usr/bin/env node
// The `steward` command: a thin launcher for the bundled CLI that `npm run build` writes to lib/cli/.
const entry = new URL('../lib/cli/steward.js', import.meta.url);

try {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('lib/cli/steward.js')) {
    process.stderr.write('steward: this checkout is not built yet; run `npm run build` first.\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
