// PAC scripts the fuzzer points sessions at (as data: URLs): good ones and
// every kind of bad one — throwing, recursing, looping, hoarding memory,
// asking DNS in a loop, answering garbage or a huge string. The hostile
// statements are shared with the service worker scripts (worker-scripts.ts):
// both run in the PAC thread's sandbox.

/** Statements that attack the sandbox that runs them, valid at top level and inside a function. */
export const HOSTILE_CODE = {
  throws: 'throw new Error("boom");',
  recurses: 'function deeper(n) { return deeper(n + 1) + 1; }\ndeeper(0);',
  loops: 'for (;;) {}',
  hoards: 'var keep = []; for (;;) keep.push(new Array(1 << 20).join("x") + keep.length);',
  notJavascript: 'not javascript (',
} as const;

const fn = (body: string) => `function FindProxyForURL(url, host) {\n${body}\n}`;

const SCRIPTS = [
  fn('return "DIRECT";'),
  fn('return "PROXY 127.0.0.1:1; DIRECT";'),
  fn(HOSTILE_CODE.throws),
  fn(HOSTILE_CODE.recurses),
  fn(HOSTILE_CODE.loops),
  fn(HOSTILE_CODE.hoards),
  fn('var t = Date.now(); while (Date.now() - t < 300) {} dnsResolve("n" + Math.random() + ".invalid"); return "DIRECT";'),
  fn('return 42;'),
  fn('return "PROXY " + new Array(1 << 16).join("h") + ":1";'),
  fn('return "PROXY h\\u00e9:1";'),
  HOSTILE_CODE.notJavascript,
  '',
  `var n = 0;\n${fn('n++; return isInNet(dnsResolve(host), "127.0.0.0", "255.0.0.0") ? "DIRECT" : "PROXY 127.0.0.1:" + n;')}`,
];

export function pacScripts(): string[] {
  return SCRIPTS.map((s) => `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(s)}`);
}
