// Builds the browser extension (extension/) into dist/extension/, loadable unpacked; with --zip
// also packs it as dist/presslens-extension-VERSION.zip (with Debian's zip).
// The scripts are bundled by esbuild: the service worker with the package's WebAssembly core
// (which streams dist/presslens.wasm, copied beside it at the same relative path),
// the content script with Mozilla's Readability, the panel with the demo page's modules.
// highlight.css takes the entity colours from wasm/palette.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ENTITY_TYPES, TEXT } from '../wasm/palette.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SRC = join(ROOT, 'extension');
const OUT = join(ROOT, 'dist/extension');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const common = { bundle: true, minify: false, legalComments: 'inline', target: 'chrome116', logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: [join(SRC, 'background.mjs')], outfile: join(OUT, 'background.js'), format: 'esm' }),
  build({ ...common, entryPoints: [join(SRC, 'content.mjs')], outfile: join(OUT, 'content.js'), format: 'iife' }),
  build({ ...common, entryPoints: [join(SRC, 'panel.mjs')], outfile: join(OUT, 'panel.js'), format: 'esm' }),
]);

mkdirSync(join(OUT, 'dist'));
cpSync(join(ROOT, 'dist/presslens.wasm'), join(OUT, 'dist/presslens.wasm'));

const manifest = JSON.parse(readFileSync(join(SRC, 'manifest.json'), 'utf8'));
manifest.version = version;
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ['panel.css', 'highlight-base.css']) cpSync(join(SRC, file), join(OUT, file));
// The panel has the demo page's findings panels (their markup is what web/panels.mjs fills).
const demo = readFileSync(join(ROOT, 'web/index.html'), 'utf8');
const panels = demo.slice(demo.indexOf('<aside class="panels"'), demo.indexOf('</aside>') + '</aside>'.length);
if (!panels.startsWith('<aside')) throw new Error('build-extension: web/index.html has no <aside class="panels">');
writeFileSync(join(OUT, 'panel.html'), readFileSync(join(SRC, 'panel.html'), 'utf8').replace(/<!-- PANELS:.*-->/, () => panels.replace(/^ {2}/gm, '')));
cpSync(join(ROOT, 'web/style.css'), join(OUT, 'style.css'));
cpSync(join(ROOT, 'LICENSE'), join(OUT, 'LICENSE'));
cpSync(join(ROOT, 'data/LICENSES.md'), join(OUT, 'LICENSES-data.md'));
cpSync(join(ROOT, 'node_modules/@mozilla/readability/LICENSE.md'), join(OUT, 'LICENSE-readability.md'));

const colours = Object.entries(ENTITY_TYPES)
  .map(([type, { color }]) => `presslens-mark[data-type="${type}"] { background: ${color} !important; }`).join('\n');
writeFileSync(join(OUT, 'highlight.css'), `${readFileSync(join(SRC, 'highlight-base.css'), 'utf8')
  .replace('/* COLOURS */', colours).replaceAll('TEXT', TEXT)}`);
rmSync(join(OUT, 'highlight-base.css'));

if (process.argv.includes('--zip')) {
  const zip = join(ROOT, `dist/presslens-extension-${version}.zip`);
  rmSync(zip, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: OUT, stdio: 'inherit' });
  console.log(`extension: ${zip}`);
}
