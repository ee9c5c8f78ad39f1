// Partition names for fresh sessions: each test that asks gets a session no
// other test of the spec process has used, so it starts without cookies,
// listeners, handlers or stored data of another.

let partitions = 0;

/** A partition name starting with `label` that no other caller in this process has had. */
export function uniquePartition(label: string): string {
  return `${label}-${++partitions}-${process.pid}`;
}
