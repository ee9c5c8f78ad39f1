// One permission request waiting for the app's answers (Electron's
// ElectronPermissionManager::PendingRequest): a status per permission,
// denied until answered, and a count of answers still owed. Each answer
// counts, even a second one for the same permission (Electron 1.x let a
// callback run twice), and the request completes when the count reaches
// zero or when the app clears its handler.

export type PermissionStatus = 'granted' | 'denied';

export class PendingRequest {
  readonly #results: PermissionStatus[];
  #remaining: number;
  readonly #complete: (statuses: PermissionStatus[]) => void;

  constructor(count: number, complete: (statuses: PermissionStatus[]) => void) {
    this.#results = new Array<PermissionStatus>(count).fill('denied');
    this.#remaining = count;
    this.#complete = complete;
  }

  /** Records one answer; true once every answer owed has arrived. */
  answer(index: number, granted: boolean): boolean {
    this.#results[index] = granted ? 'granted' : 'denied';
    this.#remaining -= 1;
    return this.#remaining <= 0;
  }

  /** Reports the statuses as they stand: unanswered permissions are denied. */
  finish(): void {
    this.#complete([...this.#results]);
  }
}
