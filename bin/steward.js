#!/usr/bin/env node
// The `steward` command: a thin launcher for the compiled CLI (npm run build writes lib/).
import { main } from '../lib/cli/steward.js';

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
