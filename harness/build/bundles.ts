// The CommonJS builds of the entry points (esbuild, one file each, packages
// left to require()), and the ES module wrappers that re-export them, so code
// that imports and code that requires the stand-in share one app.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

// In a bundle, each module's `import.meta.url` is the URL of its compiled twin
// in dist/ (tsc's output, assets beside it), so what a module reads or starts
// beside itself (a JSON file, a worker's entry) is found as from the sources.
function twinUrls(root: string): Plugin {
  return {
    name: 'twin-import-meta-url',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const twin = path.relative(root, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js');
        return { loader: 'ts', contents: source.replaceAll('import.meta.url', `__twin_url(${JSON.stringify(twin)})`) };
      });
    },
  };
}

// Bundles live in dist/cjs/; their twins in dist/.
const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  banner: {
    js: "const __twin_url = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', file)).href;",
  },
};

// Vitest cannot be required; the CommonJS harness keeps its contracts and
// says where useTarget works instead of failing to load. Every export vitest
// has is stubbed, so the harness may import any of them.
function vitestStub(names: readonly string[]): Plugin {
  const message =
    'session-conformance/harness: useTarget and invokeMember run inside vitest spec files, which are ES modules; import the harness there';
  return {
    name: 'vitest-stub',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^vitest$/ }, () => ({ path: 'vitest', namespace: 'vitest-stub' }));
      esbuild.onLoad({ filter: /.*/, namespace: 'vitest-stub' }, () => ({
        loader: 'js',
        contents: `const fail = () => { throw new Error(${JSON.stringify(message)}); };
const stub = new Proxy(function () {}, { apply: fail, construct: fail, get: fail });
export const ${names.map((n) => `${n} = stub`).join(', ')};`,
      }));
    },
  };
}

export interface Bundle {
  /** Output name under dist/cjs/ (without .cjs). */
  name: string;
  /** Source entry, relative to the package root. */
  entry: string;
  /** Write dist/<name>.mjs re-exporting the bundle's exports. */
  esmWrapper?: boolean;
}

export const BUNDLES: readonly Bundle[] = [
  { name: 'electron', entry: 'reference/electron.ts', esmWrapper: true },
  { name: 'harness', entry: 'harness/api/index.ts' },
];

function esmWrapper(bundle: string, names: readonly string[]): string {
  const named = names.filter((n) => n !== 'default' && n !== '__esModule');
  return [
    `// ES module face of ${bundle}: the same module instance for import and require.`,
    `import bundle from '${bundle}';`,
    `export const { ${named.join(', ')} } = bundle;`,
    `export default bundle.default ?? bundle;`,
    '',
  ].join('\n');
}

export async function buildBundles(root: string, distDir: string): Promise<string[]> {
  const written: string[] = [];
  const cjsDir = path.join(distDir, 'cjs');
  const vitestExports = Object.keys(await import('vitest')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  for (const bundle of BUNDLES) {
    await build({
      ...COMMON,
      absWorkingDir: root,
      entryPoints: { [bundle.name]: bundle.entry },
      outdir: cjsDir,
      plugins: bundle.name === 'harness' ? [twinUrls(root), vitestStub(vitestExports)] : [twinUrls(root)],
    });
    written.push(`cjs/${bundle.name}.cjs`);
    if (bundle.esmWrapper) {
      // Loading the bundle lists its exports exactly (the stand-in's app is created and left unused).
      const names = Object.keys(createRequire(import.meta.url)(path.join(cjsDir, `${bundle.name}.cjs`)) as object);
      writeFileSync(path.join(distDir, `${bundle.name}.mjs`), esmWrapper(`./cjs/${bundle.name}.cjs`, names));
      written.push(`${bundle.name}.mjs`);
    }
  }
  writeFileSync(path.join(cjsDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  return written;
}
