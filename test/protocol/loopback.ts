// Two protocol peers joined in memory, for unit tests: what one sends, the
// other receives; a synchronous request on one side runs the other side's
// handling inside its wait, as the real channels do across processes. Every
// message is serialised to JSON and checked against the schemas on the way.

import { Peer, type Peer as PeerInstance, type PeerOptions, type ProtocolMessage } from '../../harness/protocol/peer.ts';
import { messageValidator } from '../../harness/protocol/validate.ts';

export interface Loopback {
  runner: PeerInstance;
  agent: PeerInstance;
  /** Every message, in the order sent. */
  log: { from: 'runner' | 'agent'; nested: boolean; message: ProtocolMessage }[];
  /** Delivers messages queued while nobody waited (what an event loop would do). */
  flush(): void;
  /** Results that arrived for requests a test injected by hand (nobody waits for them). */
  strays: ProtocolMessage[];
}

type Side = 'runner' | 'agent';

/** The request id tests use for requests they inject by hand. */
export const STRAY = 999;

export function loopback(options: { agent?: Partial<PeerOptions>; runner?: Partial<PeerOptions> } = {}): Loopback {
  const inbox: Record<Side, ProtocolMessage[]> = { runner: [], agent: [] };
  const log: Loopback['log'] = [];
  const validator = messageValidator();
  const peers = {} as Record<Side, PeerInstance>;
  const other = (side: Side): Side => (side === 'runner' ? 'agent' : 'runner');

  let scheduled = false;
  const deliverLater = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      result.flush();
    });
  };

  const make = (side: Side): PeerInstance =>
    new Peer({
      side,
      deferUnrelated: side === 'agent',
      ...options[side],
      transport: {
        send(message, nested) {
          const problem = validator.check(side === 'runner' ? 'runner-to-agent' : 'agent-to-runner', message);
          if (problem) throw new Error(problem);
          log.push({ from: side, nested, message });
          inbox[other(side)].push(JSON.parse(JSON.stringify(message)) as ProtocolMessage);
          // Nobody may be waiting (a settlement from a promise callback): an event loop would deliver it.
          deliverLater();
        },
        wait() {
          // Blocked: let the other side handle what it has until something comes back.
          while (!inbox[side].length) {
            const next = inbox[other(side)].shift();
            if (!next) return null;
            peers[other(side)].accept(next);
          }
          return inbox[side].shift()!;
        },
        schedule: (fn) => setImmediate(fn),
      },
    });

  peers.runner = make('runner');
  peers.agent = make('agent');
  const result: Loopback = {
    runner: peers.runner,
    agent: peers.agent,
    log,
    flush() {
      for (;;) {
        const side: Side | undefined = inbox.runner.length ? 'runner' : inbox.agent.length ? 'agent' : undefined;
        if (!side) return;
        const message = inbox[side].shift()!;
        if (message.type === 'result' && message.id === STRAY) result.strays.push(message);
        else peers[side].receive(message);
      }
    },
    strays: [],
  };
  return result;
}
