// A page's WebSocket, as the driver's page.webSocket runs it: the opening
// handshake is one request through the session's stack (webRequest sees it
// with resourceType 'webSocket', cookies go with it, proxies tunnel it),
// upgraded by a 101 whose Sec-WebSocket-Accept answers the key; then text
// messages over RFC 6455 frames: the page's sent, the server's counted, pings
// answered, and a closing handshake with 1000. A handshake the stack fails or
// the server refuses leaves the socket unopened, as a page sees it (an error
// event, no detail).

import { createHash, randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { WebSocketOutcome } from '../../../contract/driver-commands.ts';
import type { NetworkService } from '../network-service.ts';
import { discard } from '../http/body-streams.ts';
import { clientFrame, closePayload, FrameReader, OPCODES, type Frame } from './frames.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface PageWebSocketRequest {
  url: string;
  protocols?: string[];
  send?: string[];
  receive?: number;
}

const NOT_OPENED: WebSocketOutcome = { opened: false, protocol: '', messages: [] };

function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

export async function pageWebSocket(network: NetworkService, request: PageWebSocketRequest): Promise<WebSocketOutcome> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return NOT_OPENED;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return NOT_OPENED;
  const key = randomBytes(16).toString('base64');
  const headers: [string, string][] = [
    ['Pragma', 'no-cache'],
    ['Cache-Control', 'no-cache'],
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Version', '13'],
    ['Sec-WebSocket-Key', key],
  ];
  if (request.protocols?.length) headers.push(['Sec-WebSocket-Protocol', request.protocols.join(', ')]);
  let loaded;
  try {
    loaded = await network.load({
      url,
      method: 'GET',
      headers,
      body: null,
      signal: null,
      redirect: 'error',
      credentials: 'include',
      initiator: null,
      login: network.login,
      requester: 'page',
      resourceType: 'webSocket',
      upgrade: 'websocket',
    });
  } catch {
    return NOT_OPENED;
  }
  const socket = loaded.upgraded;
  const expected = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  const protocol = headerOf(loaded.headers, 'sec-websocket-protocol');
  if (
    loaded.status !== 101 ||
    !socket ||
    headerOf(loaded.headers, 'sec-websocket-accept') !== expected ||
    (protocol && !request.protocols?.includes(protocol))
  ) {
    socket?.destroy();
    discard(loaded.body);
    return NOT_OPENED;
  }
  const messages = await converse(socket, request.send ?? [], request.receive ?? (request.send ?? []).length);
  return { opened: true, protocol, messages };
}

/** Sends the page's messages, collects `expected` text messages, then closes. */
function converse(socket: Duplex, send: string[], expected: number): Promise<string[]> {
  return new Promise((resolve) => {
    const reader = new FrameReader();
    const messages: string[] = [];
    let fragments: Buffer[] = [];
    let closing = false;
    const finish = () => {
      socket.destroy();
      resolve(messages);
    };
    const close = () => {
      if (closing) return;
      closing = true;
      socket.write(clientFrame(OPCODES.close, closePayload(1000)));
    };
    const onFrame = (frame: Frame) => {
      if (frame.opcode === OPCODES.ping) socket.write(clientFrame(OPCODES.pong, frame.payload));
      else if (frame.opcode === OPCODES.close) {
        close();
        finish();
      } else if (frame.opcode === OPCODES.text || frame.opcode === OPCODES.continuation || frame.opcode === OPCODES.binary) {
        fragments.push(frame.payload);
        if (!frame.fin) return;
        messages.push(Buffer.concat(fragments).toString('utf8'));
        fragments = [];
        if (messages.length >= expected) close();
      }
    };
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) onFrame(frame);
    });
    socket.once('close', () => resolve(messages));
    socket.once('error', () => finish());
    for (const text of send) socket.write(clientFrame(OPCODES.text, Buffer.from(text)));
    if (expected === 0) close();
  });
}
