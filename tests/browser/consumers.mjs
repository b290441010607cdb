// Fresh consumer projects of the packed package (`npm pack`, installed from the npm cache), one
// page + worker each, built with Vite, webpack, esbuild and Rollup as the README configures
// them, plus a page with an import map and no bundler. Used by tests/browser/consumers.test.mjs
// (run in Chromium) and bench/bench.mjs (the emitted bytes).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../..', import.meta.url).pathname;
export const BUNDLERS = ['vite', 'webpack', 'esbuild', 'rollup', 'importmap'];

// How the page starts the worker, as the README says for each kind of build.
const WORKER_URL = {
  vite: "new URL('presslens/worker', import.meta.url)",
  webpack: "new URL('presslens/worker', import.meta.url)",
  esbuild: "new URL('./worker.js', import.meta.url)",   // worker.js: import 'presslens/worker';
  rollup: "new URL('./worker.js', import.meta.url)",
  importmap: "import.meta.resolve('presslens/worker')",
};

// The page analyses /sample.txt on the main thread and in the worker, and leaves both results
// in window.presslensResults (document.title says DONE or ERROR).
const page = (bundler) => `import { createAnalyzer } from 'presslens';

async function main() {
  const text = await (await fetch('/sample.txt')).text();
  const analyzer = await createAnalyzer();
  const onPage = analyzer.analyze(text);
  const worker = new Worker(${WORKER_URL[bundler]}, { type: 'module' });
  const inWorker = await new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error.message)) : resolve(data.result));
    worker.onerror = (e) => reject(new Error(e.message || 'the worker did not load'));
    worker.postMessage({ id: 1, text });
  });
  window.presslensResults = { page: onPage, worker: inWorker };
  document.title = 'DONE';
}
main().catch((e) => { document.title = 'ERROR ' + e.message; });
`;

const IMPORT_MAP = `<script type="importmap">{ "imports": {
  "presslens": "/node_modules/presslens/wasm/index.mjs",
  "presslens/worker": "/node_modules/presslens/wasm/worker.mjs"
} }</script>`;
const html = (script, head = '') => `<!doctype html><meta charset="utf-8"><title>loading</title>${head}<script type="module" src="${script}"></script>`;

function write(file, text) {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Packs the package into `dir`, installs it there offline with the bundlers, and builds each
 * consumer. Returns { [bundler]: { root, page } }: the folder to serve and the page's path.
 */
export function buildConsumers(dir) {
  const run = (cmd, args, cwd = dir) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir, ROOT], ROOT));
  // The project's own lockfile pins the bundlers, and the project's `npm ci` cached them:
  // nothing is downloaded. (--prefer-offline, not --offline: a cache filled by `npm install`
  // rather than `npm ci` can lack the registry metadata npm ci reads, and then npm fetches it.)
  const { devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  lock.name = 'consumer';
  lock.packages[''] = { name: 'consumer', version: '1.0.0', devDependencies };
  write(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', devDependencies }));
  write(join(dir, 'package-lock.json'), JSON.stringify(lock));
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  run('npm', ['install', '--prefer-offline', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `./${filename}`]);

  const bin = (name, file) => join(dir, 'node_modules', name, file);
  const out = {};
  for (const bundler of BUNDLERS) {
    const src = join(dir, bundler);
    const dist = join(dir, 'out', bundler);
    write(join(src, 'main.js'), page(bundler));
    write(join(src, 'worker.js'), "import 'presslens/worker';\n");
    if (bundler === 'vite') {
      write(join(src, 'index.html'), html('./main.js'));
      run('node', [bin('vite', 'bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], src);
    } else if (bundler === 'webpack') {
      run('node', [bin('webpack-cli', 'bin/cli.js'), '--mode', 'production', '--entry', './webpack/main.js', '--output-path', dist]);
      write(join(dist, 'index.html'), html('main.js').replace(' type="module"', ''));
    } else if (bundler === 'esbuild') {
      run(join(dir, 'node_modules/.bin/esbuild'), [join(src, 'main.js'), join(src, 'worker.js'), '--bundle', '--format=esm', '--splitting', `--outdir=${dist}`, '--log-level=error']);
      write(join(dist, 'index.html'), html('main.js'));
    } else if (bundler === 'rollup') {
      write(join(src, 'rollup.config.mjs'), `import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
export default { input: ['main.js', 'worker.js'], output: { dir: ${JSON.stringify(dist)}, format: 'es' }, plugins: [nodeResolve({ browser: true }), importMetaAssets({ include: '**/node_modules/presslens/**' })] };`);
      run('node', [bin('rollup', 'dist/bin/rollup'), '--config', 'rollup.config.mjs', '--silent'], src);
      write(join(dist, 'index.html'), html('main.js'));
    } else {
      write(join(src, 'index.html'), html('./main.js', IMPORT_MAP));
    }
    out[bundler] = bundler === 'importmap' ? { root: dir, page: '/importmap/index.html' } : { root: dist, page: '/index.html' };
  }
  return out;
}

// How an inlined copy of the wasm starts in base64: the gzip header scripts/inline-wasm.mjs writes
// (no time, best compression, Unix), and "\0asm\1\0\0\0" for a copy inlined uncompressed.
const WASM_BASE64 = ['H4sIAAAAAAACA', 'AGFzbQEAAAA'];

/** Whether a served file carries the wasm: a .wasm file or a script with an inlined copy. */
export const carriesWasm = (path, bytes) => path.endsWith('.wasm') || WASM_BASE64.some((start) => bytes.includes(start));

/**
 * The files a bundler emitted (not its index.html): their total bytes, raw and gzipped file by
 * file, and how many carry the wasm.
 */
export function emitted(root) {
  let bytes = 0;
  let gzip = 0;
  let wasmCopies = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) { walk(file); continue; }
      if (relative(root, file) === 'index.html') continue;
      const content = readFileSync(file);
      bytes += content.length;
      gzip += gzipSync(content).length;
      if (carriesWasm(file, content.toString('latin1'))) wasmCopies += 1;
    }
  };
  walk(root);
  return { bytes, gzip, wasmCopies };
}
