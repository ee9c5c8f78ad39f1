// The version of the interpretation contract: the rules in docs/INTERPRETING.md
// that every runner and agent follows (fresh target per spec file, isolation,
// timeouts, how outcomes become statuses, how expectations judge them).
//
// The rules that code applies (gating, classification, judging) are pinned by
// a fingerprint of their behaviour on fixed probes (harness/docs/rule-tables.ts).
// When a test reports that the fingerprint changed: bump CONTRACT_VERSION, add
// the new fingerprint under it (keep the old ones: they are the history), say
// what changed in docs/INTERPRETING.md, and run `npm run docs`.

export const CONTRACT_VERSION = 2;

export const CONTRACT_FINGERPRINTS: Readonly<Record<number, string>> = {
  1: 'ff8d04a7223a0556',
  2: 'e5b8f78f9c7746f9',
};
