// The `login` step of page requests: when a server (or proxy) asks a page
// of this session for credentials, Electron emits `login` and waits for the
// app's callback. Headless, the answers come from the test driver
// (`auth.respond`), queued ahead of the challenge they answer; a challenge
// with no answer waiting is cancelled, as Electron cancels it when no
// listener handles `login`, and the page gets the 401 response.

export interface AuthInfo {
  isProxy: boolean;
  scheme: string;
  host: string;
  port: number;
  realm: string;
}

export type LoginAnswer = { cancel: true } | { cancel?: false; username: string; password: string };

export class LoginBroker {
  readonly #answers: LoginAnswer[] = [];
  /** Challenges seen, oldest first, for diagnostics. */
  readonly asked: AuthInfo[] = [];

  queue(answer: LoginAnswer): void {
    this.#answers.push(answer);
  }

  take(info: AuthInfo): LoginAnswer {
    this.asked.push(info);
    return this.#answers.shift() ?? { cancel: true };
  }
}
