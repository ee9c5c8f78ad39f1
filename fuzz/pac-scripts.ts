// PAC scripts the fuzzer points sessions at (as data: URLs): good ones and
// every kind of bad one — throwing, recursing, looping, hoarding memory,
// asking DNS in a loop, answering garbage or a huge string.

const fn = (body: string) => `function FindProxyForURL(url, host) {\n${body}\n}`;

const SCRIPTS = [
  fn('return "DIRECT";'),
  fn('return "PROXY 127.0.0.1:1; DIRECT";'),
  fn('throw new Error("boom");'),
  `function deeper(n) { return deeper(n + 1) + 1; }\n${fn('return deeper(0);')}`,
  fn('for (;;) {}'),
  fn('var keep = []; for (;;) keep.push(new Array(1 << 20).join("x") + keep.length);'),
  fn('var t = Date.now(); while (Date.now() - t < 300) {} dnsResolve("n" + Math.random() + ".invalid"); return "DIRECT";'),
  fn('return 42;'),
  fn('return "PROXY " + new Array(1 << 16).join("h") + ":1";'),
  fn('return "PROXY h\\u00e9:1";'),
  'not javascript (',
  '',
  `var n = 0;\n${fn('n++; return isInNet(dnsResolve(host), "127.0.0.0", "255.0.0.0") ? "DIRECT" : "PROXY 127.0.0.1:" + n;')}`,
];

export function pacScripts(): string[] {
  return SCRIPTS.map((s) => `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(s)}`);
}
