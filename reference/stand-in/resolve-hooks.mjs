// Node's module resolve hook of register.mjs: `import 'electron'` is the stand-in.
let standIn;

export function initialize(data) {
  standIn = data.standIn;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
