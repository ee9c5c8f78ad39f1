// The `login` step of page requests: when a server (or proxy) asks a page
// of this session for credentials, Electron emits `login` and waits for the
// app's callback. Headless, the answers come from the test driver
// (`auth.respond`), queued ahead of the challenge they answer; a challenge
// with no answer waiting is cancelled, as Electron cancels it when no
// listener handles `login`, and the page gets the 401 response. The
// requests are kept for the driver to report, as the app's listener would
// have seen them.

import type { AuthInfo } from '../../../contract/driver-commands.ts';

export type LoginAnswer = { cancel: true } | { cancel?: false; username: string; password: string };

export class LoginBroker {
  readonly #answers: LoginAnswer[] = [];
  /** Challenges seen and not yet taken by takeAsked(), oldest first. */
  readonly #asked: AuthInfo[] = [];

  queue(answer: LoginAnswer): void {
    this.#answers.push(answer);
  }

  /** The login requests made since the last call (what the app's `login` event would have been given). */
  takeAsked(): AuthInfo[] {
    return this.#asked.splice(0);
  }

  take(info: AuthInfo): LoginAnswer {
    this.#asked.push(info);
    return this.#answers.shift() ?? { cancel: true };
  }
}
