// Typed access to the protocol peer shared with the agents
// (harness/agent-kit/peer.cjs, ES2015 so that it runs inside old Electrons).

import { createRequire } from 'node:module';

export interface PeerTransport {
  /** `nested`: the message belongs to a conversation the other side is blocked in. */
  send(message: ProtocolMessage, nested: boolean): void;
  /** Blocks until the next message arrives; null on timeout or when the link closed. */
  wait(deadline: number): ProtocolMessage | null;
  schedule(fn: () => void): void;
}

export type ProtocolMessage = { type: string } & Record<string, unknown>;

export interface PeerOptions {
  side: 'agent' | 'runner';
  transport: PeerTransport;
  serveOp?: (op: string, fields: Record<string, unknown>, raw: ProtocolMessage) => unknown;
  onControl?: (message: ProtocolMessage) => void;
  onUnsupported?: (reason: string) => void;
  deferUnrelated?: boolean;
  timeoutMs?: number;
}

export interface RequestFields {
  op: string;
  [field: string]: unknown;
}

export interface Peer {
  readonly closed: Error | null;
  request(fields: RequestFields): unknown;
  receive(message: ProtocolMessage): void;
  accept(message: ProtocolMessage): void;
  close(error: Error): void;
  encode(value: unknown): unknown;
  decode(value: unknown): unknown;
  onUnsupported?: (reason: string) => void;
}

interface PeerModule {
  PROTOCOL_VERSION: number;
  Peer: new (options: PeerOptions) => Peer;
  AgentFailure: new (name: string, message: string) => Error;
  LineSplitter: new () => { push(chunk: string): string[] };
  byRef(value: object): object;
}

const load = createRequire(import.meta.url);
const peerModule = load('../agent-kit/peer.cjs') as PeerModule;

export const PROTOCOL_VERSION = peerModule.PROTOCOL_VERSION;
export const Peer = peerModule.Peer;
export const LineSplitter = peerModule.LineSplitter;
export const byRef = peerModule.byRef;

/** An error of the conversation with an agent: AgentCrashed, AgentTimeout, AgentUnsupported, AgentError, ProtocolError. */
export function agentFailure(name: string, message: string): Error {
  return new peerModule.AgentFailure(name, message);
}
