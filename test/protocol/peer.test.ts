// The protocol peer on its own: values survive the trip with their types,
// handles keep identity, completions stay apart, synchronous callbacks act
// before the emitting call returns (nested requests included), unrelated
// requests wait while an agent is blocked, and non-results are explicit.

import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { byRef } from '../../harness/protocol/peer.ts';
import { loopback, STRAY } from './loopback.ts';

type Remote = Record<string, any>;

/** A loopback whose agent hands out `root` as the session module of target.create. */
function serving(root: object) {
  const lb = loopback({
    agent: {
      serveOp(op) {
        if (op === 'target.create') return { target: 't1', session: byRef(root), app: byRef(root) };
        throw new Error(`unexpected op ${op}`);
      },
    },
  });
  const created = lb.runner.request({ op: 'target.create', options: { era: 'current', userDataDir: '/tmp/x' } }) as {
    session: Remote;
  };
  return { lb, remote: created.session };
}

function echo(value: unknown, completion: 'returned' | 'thrown' | 'resolved' | 'rejected' = 'returned') {
  const lb = loopback();
  return lb.runner.request({ op: 'echo', value, completion });
}

class Item extends EventEmitter {
  path = '';
  setSavePath(p: string) {
    this.path = p;
  }
  get savePath() {
    return this.path;
  }
}

class Downloads extends EventEmitter {
  items: Item[] = [];
  /** Emits 'will-download' with an Electron-style event and reports what listeners did, as the emitter sees it. */
  start(): { prevented: boolean; path: string } {
    const item = new Item();
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit('will-download', event, item);
    return { prevented, path: item.path };
  }
  item(): Item {
    return new Item();
  }
  add(a: number, b: number) {
    return a + b;
  }
  later(value: unknown, fail = false) {
    return fail ? Promise.reject(new TypeError(String(value))) : Promise.resolve(value);
  }
  bad(kind: string) {
    if (kind === 'type') throw Object.assign(new TypeError('bad type'), { code: 'ERR_BAD' });
    if (kind === 'custom') {
      const error = new Error('custom');
      error.name = 'DriverUnsupported';
      throw Object.assign(error, { capability: 'devices.hid' });
    }
    throw 'a string';
  }
  symbol() {
    return Symbol('nope');
  }
  circular() {
    const o: Record<string, unknown> = {};
    o.self = o;
    return o;
  }
}

describe('values', () => {
  it('keep type and value: special numbers, bigint, undefined, dates, bytes, records with a $ key', () => {
    const values: unknown[] = [0, -0, NaN, Infinity, -Infinity, 1.5, '', 'text', true, false, null, undefined, 10n, -(2n ** 70n)];
    for (const value of values) expect(Object.is(echo(value), value), String(value)).toBe(true);
    expect(echo(new Date(12345))).toEqual(new Date(12345));
    expect(Number.isNaN((echo(new Date(NaN)) as Date).getTime())).toBe(true);
    const buffer = echo(Buffer.from('héllo')) as Buffer;
    expect(Buffer.isBuffer(buffer) && buffer.toString()).toBe('héllo');
    const u16 = echo(new Uint16Array([1, 65535])) as Uint16Array;
    expect(u16).toBeInstanceOf(Uint16Array);
    expect([...u16]).toEqual([1, 65535]);
    const ab = echo(new Uint8Array([7, 8]).buffer) as ArrayBuffer;
    expect(ab).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(ab)]).toEqual([7, 8]);
    expect(echo({ $: 'not a tag', nested: [{ $: 1 }, undefined] })).toEqual({ $: 'not a tag', nested: [{ $: 1 }, undefined] });
    expect(echo(['a', undefined, [null]])).toEqual(['a', undefined, [null]]);
  });

  it('round-trip any JSON-like value with dates, bigints, typed arrays and odd keys (generated)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withNullPrototype: false,
          withMap: false,
          withSet: false,
          withBoxedValues: false,
          withObjectString: false,
          withSparseArray: true,
        }),
        (value) => {
          expect(echo(value)).toStrictEqual(value);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('keep the holes of an array and its length, however long, without walking it', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const holes = echo([, 'b', , undefined]) as unknown[];
    expect(holes).toHaveLength(4);
    expect(0 in holes).toBe(false);
    expect(holes[1]).toBe('b');
    expect(3 in holes).toBe(true);
    const huge: string[] = ['x'];
    huge.length = 2 ** 32 - 1;
    const back = echo(huge) as string[];
    expect(back.length).toBe(2 ** 32 - 1);
    expect(back[0]).toBe('x');
    expect(Object.keys(back)).toEqual(['0']);
  });

  it('keep a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const back = echo(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keep the identity of errors and symbols that come back to their side', () => {
    const { remote } = serving({
      keep: (x: unknown) => x,
      make: () => new TypeError('made there'),
      symbol: () => Symbol('there'),
    });
    const reason = new Error('stopped before starting');
    expect(remote.keep(reason)).toBe(reason);
    const theirs = remote.make();
    expect(remote.keep(theirs)).toBe(theirs);
    const mine = Symbol('mine');
    expect(remote.keep(mine)).toBe(mine);
    expect(remote.keep(Symbol.for('registered'))).toBe(Symbol.for('registered'));
    expect(remote.keep(Symbol.iterator)).toBe(Symbol.iterator);
    const sym = remote.symbol();
    expect(typeof sym).toBe('symbol');
    expect(String(sym)).toBe('Symbol(there)');
    expect(remote.keep(sym)).toBe(sym);
    expect(remote.keep([sym])).toEqual([sym]);
  });

  it('carry errors with their class, name, message and own properties', () => {
    const type = echo(Object.assign(new TypeError('bad'), { code: 'E_X' })) as TypeError & { code: string };
    expect(type).toBeInstanceOf(TypeError);
    expect([type.name, type.message, type.code]).toEqual(['TypeError', 'bad', 'E_X']);
    const custom = Object.assign(new RangeError('r'), { name: 'Custom' });
    const back = echo(custom) as Error;
    expect(back).toBeInstanceOf(RangeError);
    expect(back.name).toBe('Custom');
  });

  it('keep completions apart: returned, thrown, resolved, rejected', async () => {
    expect(echo(5, 'returned')).toBe(5);
    expect(() => echo(new TypeError('sync'), 'thrown')).toThrow(TypeError);
    const resolved = echo(6, 'resolved');
    expect(resolved).toBeInstanceOf(Promise);
    await expect(resolved).resolves.toBe(6);
    await expect(echo(new RangeError('async'), 'rejected')).rejects.toThrow(RangeError);
  });
});

describe('web values', () => {
  it('arrive as objects of the receiving side: URL, Headers, Response with a streamed body', async () => {
    const { remote } = serving({
      url: () => new URL('https://example.test/a?b=1'),
      headers: () =>
        new Headers([
          ['x-one', '1'],
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
        ]),
      respond: () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('chunk one, '));
              controller.enqueue(new TextEncoder().encode('chunk two'));
              controller.close();
            },
          }),
          { status: 201, statusText: 'Made', headers: { 'content-type': 'text/plain' } },
        ),
    });
    const url = remote.url();
    expect(url).toBeInstanceOf(URL);
    expect(url.searchParams.get('b')).toBe('1');
    const headers = remote.headers();
    expect(headers).toBeInstanceOf(Headers);
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const res = remote.respond();
    expect(res).toBeInstanceOf(Response);
    expect([res.status, res.statusText, res.headers.get('content-type'), res.type, res.redirected]).toEqual([
      201,
      'Made',
      'text/plain',
      'default',
      false,
    ]);
    await expect(res.text()).resolves.toBe('chunk one, chunk two');
  });

  it('carry a Request with a streamed body and an AbortSignal that follows the sender', async () => {
    let received: Request | undefined;
    const { remote } = serving({
      take: (request: Request) => {
        received = request;
        return request.text();
      },
      watch: (signal: AbortSignal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason))),
    });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed upload'));
        controller.close();
      },
    });
    const sent = new Request('https://example.test/upload', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'x-kind': 'stream' },
    } as RequestInit);
    await expect(remote.take(sent)).resolves.toBe('streamed upload');
    expect(received).toBeInstanceOf(Request);
    expect([received!.method, received!.url, received!.headers.get('x-kind')]).toEqual([
      'POST',
      'https://example.test/upload',
      'stream',
    ]);
    const controller = new AbortController();
    const watched = remote.watch(controller.signal);
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(watched).resolves.toBe(reason);
  });
});

describe('handles', () => {
  it('give one proxy per remote object and share class methods between instances', () => {
    const downloads = new Downloads();
    const { remote } = serving({ downloads, other: new Downloads() });
    const d = remote.downloads;
    expect(remote.downloads).toBe(d);
    expect(remote.other).not.toBe(d);
    expect(d.add).toBe(remote.other.add);
    expect(d.add(2, 3)).toBe(5);
    expect('add' in d).toBe(true);
    expect('missing' in d).toBe(false);
    expect('toString' in d).toBe(true);
  });

  it('return the original object or function when a handle comes back to its owner', () => {
    const downloads = new Downloads();
    const seen: unknown[] = [];
    const { remote } = serving({
      downloads,
      keep: (x: unknown) => {
        seen.push(x);
        return x;
      },
    });
    const listener = () => {};
    expect(remote.keep(listener)).toBe(listener);
    expect(remote.keep(remote.downloads)).toBe(remote.downloads);
    expect(seen[1]).toBe(downloads);
    expect(seen[0]).toBe(seen[0]);
  });

  it('let listeners be removed with the same function', () => {
    const downloads = new Downloads();
    const { remote } = serving({ downloads });
    const listener = () => {};
    remote.downloads.on('will-download', listener);
    expect(downloads.listenerCount('will-download')).toBe(1);
    expect(remote.downloads.listeners('will-download')[0]).toBe(listener);
    remote.downloads.removeListener('will-download', listener);
    expect(downloads.listenerCount('will-download')).toBe(0);
  });

  it('throw what the other side threw, with its class', () => {
    const { remote } = serving({ downloads: new Downloads() });
    expect(() => remote.downloads.bad('type')).toThrow(TypeError);
    expect(() => remote.downloads.bad('type')).toThrow('bad type');
    try {
      remote.downloads.bad('custom');
    } catch (error) {
      expect((error as Error).name).toBe('DriverUnsupported');
      expect((error as { capability: string }).capability).toBe('devices.hid');
    }
    expect(() => remote.downloads.bad('string')).toThrow('a string');
  });

  it("reject with the other side's rejection", async () => {
    const { remote } = serving({ downloads: new Downloads() });
    await expect(remote.downloads.later('fine')).resolves.toBe('fine');
    await expect(remote.downloads.later('nope', true)).rejects.toThrow(TypeError);
  });

  it('show own properties for equality and printing with one request per object', () => {
    const downloads = new Downloads();
    const { lb, remote } = serving({ downloads });
    const d = remote.downloads;
    const before = lb.log.length;
    expect(Object.keys(d)).toContain('items');
    expect(d.items).toEqual([]);
    const keysRequests = lb.log.slice(before).filter((e) => e.message.op === 'keys');
    expect(keysRequests).toHaveLength(1);
    expect(lb.log.slice(before).filter((e) => e.message.op === 'get')).toHaveLength(0);
  });

  it('read accessors and methods of the class without asking, and set properties remotely', () => {
    const downloads = new Downloads();
    const { remote } = serving({ downloads });
    const item = remote.downloads.item();
    item.setSavePath('/somewhere');
    expect(item.savePath).toBe('/somewhere');
    expect(remote.downloads.add(1, 1)).toBe(2);
    remote.downloads.items = [1];
    expect(downloads.items).toEqual([1]);
  });
});

describe('synchronous callbacks', () => {
  it('act before the emitting call returns: preventDefault and item.setSavePath from a runner listener', () => {
    const downloads = new Downloads();
    const { remote } = serving({ downloads });
    remote.downloads.on('will-download', (event: Remote, item: Remote) => {
      item.setSavePath('/tmp/file');
      event.preventDefault();
    });
    expect(remote.downloads.start()).toEqual({ prevented: true, path: '/tmp/file' });
  });

  it('serve nested calls three levels deep, marking them with the request they belong to', () => {
    const downloads = new Downloads();
    const inner = new Downloads();
    const { lb, remote } = serving({ downloads, inner });
    const order: string[] = [];
    remote.inner.on('will-download', (_e: Remote, item: Remote) => {
      order.push('inner listener');
      item.setSavePath('/inner');
    });
    remote.downloads.on('will-download', (_e: Remote, item: Remote) => {
      order.push('outer listener');
      expect(remote.inner.start()).toEqual({ prevented: false, path: '/inner' });
      item.setSavePath('/outer');
    });
    const d = remote.downloads;
    const before = lb.log.length;
    expect(d.start().path).toBe('/outer');
    expect(order).toEqual(['outer listener', 'inner listener']);
    const runnerRequests = lb.log.slice(before).filter((e) => e.from === 'runner' && e.message.type === 'request');
    // The first call is top level; everything the runner sent from inside a listener is nested.
    expect(runnerRequests[0]!.message.during).toBeUndefined();
    expect(runnerRequests.slice(1).every((e) => e.nested && typeof e.message.during === 'number')).toBe(true);
  });

  it('make an agent blocked in a callback defer requests that are not part of it', async () => {
    const downloads = new Downloads();
    const { lb, remote } = serving({ downloads });
    const events: string[] = [];
    remote.downloads.on('will-download', () => {
      // A request from outside the conversation (as if sent just before the event arrived).
      lb.agent.accept({ type: 'request', id: STRAY, op: 'echo', value: 'unrelated', completion: 'returned' });
      events.push(`listener done, ${lb.log.filter((e) => e.message.id === STRAY && e.from === 'agent').length} answers`);
    });
    remote.downloads.start();
    events.push('emit returned');
    expect(events).toEqual(['listener done, 0 answers', 'emit returned']);
    // The deferred request is answered once the agent is idle again.
    await vi.waitFor(() =>
      expect(lb.strays).toEqual([{ type: 'result', id: STRAY, completion: 'returned', value: 'unrelated' }]),
    );
  });
});

describe('non-results', () => {
  it('report what cannot be sent as unsupported', () => {
    const unsupported: string[] = [];
    const lb = loopback({
      agent: { serveOp: () => ({ target: 't1', session: byRef(new Downloads()), app: byRef({}) }) },
      runner: { onUnsupported: (reason) => unsupported.push(reason) },
    });
    const { session } = lb.runner.request({ op: 'target.create', options: { era: 'current', userDataDir: '/x' } }) as {
      session: Remote;
    };
    expect(() => session.circular()).toThrow(
      expect.objectContaining({ name: 'AgentUnsupported', message: expect.stringMatching(/circular/) }),
    );
    expect(unsupported).toHaveLength(1);
  });

  it('once the conversation is over: calls throw why, pending promises reject, introspection shows nothing', async () => {
    const { lb, remote } = serving({ downloads: new Downloads() });
    const d = remote.downloads;
    const pending = lb.runner.decode({ $: 'promise', id: 'ap999' }) as Promise<unknown>;
    lb.runner.close(Object.assign(new Error('the agent died (exit code 1)'), { name: 'AgentCrashed' }));
    await expect(pending).rejects.toThrow('the agent died');
    expect(() => d.add(1, 2)).toThrow('the agent died');
    expect(Object.keys(d)).toEqual([]);
    expect('anything' in d).toBe(false);
  });
});
