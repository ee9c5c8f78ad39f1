// Starts the bundled Node agent (reference-agent.ts), from the sources in a
// checkout and from dist/ in an installed package:
// `--adapter "remote:node harness/agent/reference-agent.mjs"`.
import { loadEntry } from '../../bin/load-entry.mjs';

await loadEntry('harness/agent/reference-agent.ts');
