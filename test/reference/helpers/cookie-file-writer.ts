// A child process for the crash test: writes cookie-file states 1, 2, 3, ...
// to the file named on the command line, announcing each on stdout before it
// starts ("writing n") and after it is on disk ("wrote n"). State n holds
// BASE + n cookies whose value is `state-n`.

import { CookieFile } from '../../../reference/cookies/cookie-file.ts';
import { newCookie } from '../../../reference/cookies/cookie-record.ts';

export const BASE = 40_000;

const file = new CookieFile(process.argv[2]!);
const expiry = (Date.now() + 86_400_000) * 1000;

for (let n = 1; ; n++) {
  const cookies = Array.from({ length: BASE + n }, (_, i) =>
    newCookie({
      name: `cookie-${i}`,
      value: `state-${n}`,
      domain: '.example.com',
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'lax',
      creationMs: Date.now(),
      expiryMicros: expiry,
    }),
  );
  process.stdout.write(`writing ${n}\n`);
  await file.write(cookies);
  process.stdout.write(`wrote ${n}\n`);
}
