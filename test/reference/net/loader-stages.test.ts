// The URL loader's stage list as an area uses it, on real traffic: where a
// joined stage sits (names, positions, errors), a stage right above the
// transport that answers a request itself the second time (as an HTTP
// cache would), and an outermost stage that sees only the final answer of a
// redirect chain and takes its body (as a download would).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthCache } from '../../../reference/net/auth/auth-cache.ts';
import { DIRECT_ONLY, NO_COOKIES, NO_PROTOCOLS, NO_WEB_REQUEST } from '../../../reference/net/hooks.ts';
import type { HopResponse, LoaderStage } from '../../../reference/net/http/stages/stage.ts';
import { UrlLoader } from '../../../reference/net/http/url-loader.ts';
import { NetLogBus } from '../../../reference/net/netlog/net-log-bus.ts';

let server: Server;
let origin: string;
const seen: { url: string; userAgent: string | undefined }[] = [];
const agent = new Agent();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', userAgent: req.headers['user-agent'] });
    if (req.url === '/hop') {
      res.writeHead(302, { Location: '/final' }).end('moved');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`body of ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
});

function loader(): UrlLoader {
  return new UrlLoader({
    userAgent: () => 'stages-test/1',
    acceptLanguages: () => '',
    hooks: { proxy: DIRECT_ONLY, cookies: NO_COOKIES, webRequest: NO_WEB_REQUEST, protocols: NO_PROTOCOLS },
    authCache: new AuthCache(),
    netLog: new NetLogBus(),
    routesFor: async () => [{ dispatcher: agent, server: { scheme: 'direct' } }],
    routesSkipped: () => undefined,
    closing: new AbortController().signal,
  });
}

function get(l: UrlLoader, path: string) {
  return l.load({
    url: new URL(path, origin),
    method: 'GET',
    headers: [],
    body: null,
    signal: null,
    redirect: 'follow',
    credentials: 'include',
    initiator: null,
    redirectErrors: { error: () => new Error('error'), manual: () => new Error('manual') },
  });
}

const named = (name: string): LoaderStage => ({ name, run: (_exchange, next) => next() });

describe('the stage list', () => {
  it('joins stages before, after, outermost and innermost, and lets them leave', () => {
    const { stages } = loader();
    const builtIn = stages.names;
    expect(builtIn[0]).toBe('web-request-end');
    expect(builtIn.at(-1)).toBe('web-request-headers');
    stages.join(named('a'), { before: 'cookies' });
    stages.join(named('b'), { after: 'cookies' });
    stages.join(named('top'), 'outermost');
    const leave = stages.join(named('bottom'), 'innermost');
    const names = stages.names;
    expect(names.indexOf('a')).toBe(names.indexOf('cookies') - 1);
    expect(names.indexOf('b')).toBe(names.indexOf('cookies') + 1);
    expect(names[0]).toBe('top');
    expect(names.at(-1)).toBe('bottom');
    leave();
    expect(stages.names).not.toContain('bottom');
  });

  it('refuses a taken name and a position naming no stage', () => {
    const { stages } = loader();
    expect(() => stages.join(named('cookies'), 'innermost')).toThrow("The loader already has a stage named 'cookies'");
    expect(() => stages.join(named('x'), { after: 'nothing' })).toThrow("The loader has no stage named 'nothing'");
  });
});

describe('a joined stage', () => {
  it('right above the transport sees the wire headers and may answer without the network', async () => {
    const l = loader();
    const stored = new Map<string, { response: HopResponse; text: string }>();
    l.stages.join(
      {
        name: 'test-cache',
        async run(exchange, next) {
          expect(exchange.sent).toContainEqual(['User-Agent', 'stages-test/1']);
          const hit = stored.get(exchange.url.href);
          if (hit) return { ...hit.response, body: new Blob([hit.text]).stream(), fromCache: true };
          const response = await next();
          const text = await new Response(response.body).text();
          stored.set(exchange.url.href, { response, text });
          return { ...response, body: new Blob([text]).stream() };
        },
      },
      'innermost',
    );
    const before = seen.length;
    expect(await new Response((await get(l, '/cached')).body).text()).toBe('body of /cached');
    expect(await new Response((await get(l, '/cached')).body).text()).toBe('body of /cached');
    expect(seen.length - before).toBe(1);
  });

  it('outermost sees only the final answer of a redirect chain and can take its body', async () => {
    const l = loader();
    const answers: { chain: string[]; status: number; text: string }[] = [];
    l.stages.join(
      {
        name: 'test-download',
        async run(exchange, next) {
          const response = await next();
          answers.push({
            chain: exchange.urlChain.map((u) => u.href),
            status: response.status,
            text: await new Response(response.body).text(),
          });
          return { ...response, body: null };
        },
      },
      'outermost',
    );
    const hops: number[] = [];
    l.stages.join(
      {
        name: 'test-hops',
        async run(_exchange, next) {
          const response = await next();
          hops.push(response.status);
          return response;
        },
      },
      { after: 'cookies' },
    );
    const loaded = await get(l, '/hop');
    expect(loaded.body).toBeNull();
    expect(loaded.url).toBe(`${origin}/final`);
    expect(hops).toEqual([302, 200]);
    expect(answers).toEqual([{ chain: [`${origin}/hop`, `${origin}/final`], status: 200, text: 'body of /final' }]);
  });
});
