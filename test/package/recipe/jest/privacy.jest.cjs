// Recipe: jest, CommonJS app code, `electron` mapped to the stand-in (jest.config.cjs).
const { once } = require('node:events');
const { createServer } = require('node:http');
const { privateSession } = require('../src/privacy.cjs');

let server;
beforeAll(async () => {
  server = createServer((request, response) => response.end(request.headers['user-agent']));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => server.close());

test('sends the app user agent and blocks the host (jest)', async () => {
  const ses = await privateSession('blocked.test');
  expect(await (await ses.fetch(`http://127.0.0.1:${server.address().port}/`)).text()).toBe('PrivacyApp/1.0');
  await expect(ses.fetch('http://blocked.test/')).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
});
