// Starts the bundled Node agent (reference-agent.ts) with the TypeScript
// loader: `--adapter "remote:node harness/agent/reference-agent.mjs"`.
import { register } from 'tsx/esm/api';

register();
await import('./reference-agent.ts');
