// A loopback server that answers with the request's user agent.
import { once } from 'node:events';
import { createServer } from 'node:http';

export async function userAgentServer() {
  const server = createServer((request, response) => response.end(request.headers['user-agent']));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
