#!/usr/bin/env node
// Entry point of the command line: runs harness/cli/main (see load-entry.mjs for
// which build of it).
import { loadEntry } from './load-entry.mjs';

const { main } = await loadEntry('harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
