// An error of the harness or of a spec's set-up rather than of the
// implementation under test; such results are reported as ERROR.

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
