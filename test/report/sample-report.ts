// Builders of small reports for the reporters' unit tests. Reporters are pure
// functions of report.json, so a report written here is a fair input; the
// browser and CLI tests also use reports of real runs.

import type { EraId } from '../../contract/eras/eras.ts';
import { REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type Report, type Run, type TestRecord } from '../../harness/report/model.ts';

export function record(id: string, patch: Partial<TestRecord> = {}): TestRecord {
  const [file, ...title] = id.split(' > ');
  const parts = file!.split('/');
  return {
    id,
    file: file!,
    title: title.join(' > '),
    area: parts[0] === 'spec' && parts.length > 2 ? parts[1]! : 'other',
    members: [],
    status: 'PASS',
    expected: true,
    durationMs: 3,
    ...patch,
  };
}

export function run(era: EraId, results: TestRecord[], patch: Partial<Run['info']> = {}): Run {
  return {
    info: {
      adapter: 'reference',
      implementation: { name: 'sample', version: '1.0.0', language: 'TypeScript', eras: [era], platform: 'linux' },
      era,
      platform: { os: 'linux', arch: 'x64', node: 'v20.0.0' },
      suiteVersion: '0.1.0',
      startedAt: '2025-01-01T00:00:00.000Z',
      durationMs: 1000,
      contractVersion: 1,
      ...patch,
    },
    results,
  };
}

export function report(...runs: Run[]): Report {
  return { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: '2025-01-01T00:00:01.000Z', runs };
}
