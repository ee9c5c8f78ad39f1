// app.commandLine: Chromium-style switches. Names are given without leading
// dashes; every argument is String()-coerced like Electron's JS wrapper does,
// and the current era lower-cases switch names as Electron 37+ does.

export class CommandLine {
  readonly #switches = new Map<string, string>();
  readonly #args: string[] = [];
  readonly #lowerCaseNames: boolean;

  constructor(lowerCaseNames: boolean) {
    this.#lowerCaseNames = lowerCaseNames;
  }

  #key(name: unknown): string {
    const key = String(name);
    return this.#lowerCaseNames ? key.toLowerCase() : key;
  }

  appendSwitch(name: string, value?: string): void {
    this.#switches.set(this.#key(name), value === undefined ? '' : String(value));
  }

  appendArgument(value: string): void {
    this.#args.push(String(value));
  }

  hasSwitch(name: string): boolean {
    return this.#switches.has(this.#key(name));
  }

  getSwitchValue(name: string): string {
    return this.#switches.get(this.#key(name)) ?? '';
  }

  removeSwitch(name: string): void {
    this.#switches.delete(this.#key(name));
  }
}
