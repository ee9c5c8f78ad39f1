// Node's module resolve hook of register.mjs: `import 'electron'` is the stand-in.
const STAND_IN = import.meta.resolve('session-conformance/electron');

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
