// The proxy-check command: the reference's answers with their reasoning
// (Chromium is not asked here; the differential specs do that).

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

function proxyCheck(...args: string[]) {
  return spawnSync(process.execPath, ['bin/session-conformance.js', 'proxy-check', '--skip-chromium', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, http_proxy: '', HTTP_PROXY: '' },
  });
}

describe('session-conformance proxy-check', () => {
  it('explains fixed rules URL by URL', () => {
    const run = proxyCheck(
      '--json',
      '--rules',
      'http=p:80;socks=s',
      '--bypass',
      '*.skip.test,<local>',
      'http://a.test/',
      'http://x.skip.test/',
      'ws://w.test/',
      'http://intranet/',
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      configuration: unknown;
      results: { url: string; reference: string; steps: string[] }[];
    };
    expect(report.configuration).toEqual({
      proxy_per_scheme: { http: ['[p:80]'], fallback: ['[socks4://s:1080]'] },
      bypass_list: ['*.skip.test', '<local>'],
    });
    expect(report.results.map((r) => r.reference)).toEqual(['PROXY p:80', 'DIRECT', 'SOCKS s:1080', 'DIRECT']);
    expect(report.results[0]!.steps).toContain('uses the http= list');
    expect(report.results[1]!.steps).toContain('bypassed by *.skip.test');
    expect(report.results[2]!.steps).toContain('uses the socks= list (WebSockets prefer it)');
    expect(report.results[3]!.steps).toContain('bypassed by <local>');
  });

  it('shows what a PAC script is given and answers', () => {
    const pac = `data:,${encodeURIComponent('function FindProxyForURL(u, h) { return "PROXY " + h + ":1"; }')}`;
    const run = proxyCheck('--pac', pac, 'https://user@secret.test/path?q#f');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('"PROXY secret.test:1"');
    expect(run.stdout).toContain('url="https://secret.test/" host="secret.test"');
  });

  it('reads URLs of a --standard-scheme with a host, in the answer and in its reasoning', () => {
    const run = proxyCheck(
      '--json',
      '--standard-scheme',
      'app',
      '--rules',
      'p:1',
      '--bypass',
      'foo.test',
      'app://FOO.test:99/x',
      'other://foo.test/x',
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { results: { reference: string; steps: string[] }[] };
    expect(report.results.map((r) => r.reference)).toEqual(['DIRECT', 'PROXY p:1']);
    expect(report.results[0]!.steps).toEqual([
      'URL: scheme app, host foo.test, port -1',
      'configuration: one list for every URL',
      'bypassed by foo.test',
    ]);
    expect(report.results[1]!.steps[0]).toBe('URL: scheme other, host (none), port -1');
    expect(proxyCheck('--standard-scheme', 'Not A Scheme', 'app://a/').status).toBe(2);
  });

  it('refuses an unknown mode and a missing URL', () => {
    expect(proxyCheck('--mode', 'bogus', 'http://a.test/').status).toBe(2);
    expect(proxyCheck('--rules', 'p:1').status).toBe(2);
  });
});
