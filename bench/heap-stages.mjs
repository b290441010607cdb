// node bench/heap-stages.mjs FILE [SOURCE.cc ...]
//
// Which stage of one analyze() call grows the wasm heap: builds (with em++, into a temporary
// directory) a copy of the core whose core/analyzer.cc reports after each stage the top of the
// heap (sbrk: the wasm memory must reach it) and the bytes malloc has handed out and not taken
// back (mallinfo: what the stages hold), runs it on FILE under Node and prints them per byte of
// text, over their values before the text was put in the heap. The gap between the two columns
// is the heap's free space at that moment: holes that later requests did not fit.
//
// Needs em++ and a built tree (`npm run build`: build/wasm/libpresslens_core.a and libre2.a are
// linked, only analyzer.cc is compiled again). The heap figure at the end is the one
// `node bench/child.mjs heap FILE` gives to within a few hundredths of a byte per byte (the
// driver, bench/heap-stages.cc, puts the text into the heap and makes the result compact as the
// package does). To look inside a stage, give a copy of its source file (say core/entities.cc)
// with `extern "C" void HeapTrace(const char* label);` and HeapTrace("label") calls where
// wanted: each SOURCE is compiled with the core's flags and replaces that file in the link.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [file, ...extra] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/heap-stages.mjs FILE [SOURCE.cc ...]');
  process.exit(2);
}
const lib = path.join(ROOT, 'build', 'wasm');
for (const a of ['libpresslens_core.a', 'libre2.a']) {
  if (!fs.existsSync(path.join(lib, a))) {
    console.error(`heap-stages: ${path.join(lib, a)} is missing (run npm run build first)`);
    process.exit(1);
  }
}

// core/analyzer.cc with a HeapTrace call after each stage.
const STAGE = /^\s*(?:impl_->(\w+)\.Run\(|ws\.(chunks)\.Build\(|Result result = (BuildResult)\().*;\s*$/;
const traced = [
  '#include <malloc.h>',
  '#include <unistd.h>',
  '#include <cstdint>',
  '#include <cstdio>',
  'extern "C" void HeapTrace(const char* label) {',
  '  std::fprintf(stderr, "heap-stages %s %ld %ld\\n", label,',
  '               static_cast<long>(reinterpret_cast<intptr_t>(sbrk(0))), static_cast<long>(mallinfo().uordblks));',
  '}',
];
let stages = 0;
for (const line of fs.readFileSync(path.join(ROOT, 'core', 'analyzer.cc'), 'utf8').split('\n')) {
  traced.push(line);
  const m = STAGE.exec(line);
  if (m) {
    traced.push(`  HeapTrace("${m[1] ?? m[2] ?? m[3]}");`);
    stages += 1;
  }
}
if (stages === 0) throw new Error('heap-stages: no stage found in core/analyzer.cc');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-heap-stages-'));
try {
  fs.writeFileSync(path.join(dir, 'analyzer_traced.cc'), traced.join('\n'));
  fs.copyFileSync(path.join(ROOT, 'bench', 'heap-stages.cc'), path.join(dir, 'driver.cc'));
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };  // emcc's optimiser needs acorn
  const flags = ['-O3', '-DNDEBUG', '-fwasm-exceptions', '-msimd128', '-std=c++17',
    `-I${path.join(ROOT, 'core', 'include')}`, `-I${path.join(ROOT, 'core')}`, '-isystem', path.join(ROOT, 'build', '_deps', 're2')];
  const run = (cmd, args) => {
    const p = spawnSync(cmd, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (p.status !== 0) throw new Error(`heap-stages: ${cmd} failed:\n${p.stderr}`);
    return p;
  };
  extra.forEach((s, k) => fs.copyFileSync(s, path.join(dir, `extra${k}_${path.basename(s)}`)));
  const sources = ['analyzer_traced.cc', 'driver.cc', ...extra.map((s, k) => `extra${k}_${path.basename(s)}`)];
  for (const s of sources) run('em++', [...flags, '-c', s, '-o', `${s}.o`]);
  run('em++', ['-O3', '-fwasm-exceptions', ...sources.map((s) => `${s}.o`), path.join(lib, 'libpresslens_core.a'),
    path.join(lib, 'libre2.a'), '-sALLOW_MEMORY_GROWTH=1', '-sMAXIMUM_MEMORY=4GB', '-sMEMORY_GROWTH_GEOMETRIC_STEP=0',
    '-sNODERAWFS=1', '-sENVIRONMENT=node', '-sSINGLE_FILE=1', '-o', 'heap-stages.js']);
  const p = run(process.execPath, [path.join(dir, 'heap-stages.js'), path.resolve(file)]);
  const { bytes, baseline, heap } = JSON.parse(p.stdout.trim().split('\n').at(-1));
  // "heap-stages LABEL TOP HELD" (a label may have spaces).
  const rows = p.stderr.split('\n').map((l) => /^heap-stages (.*) (\d+) (\d+)$/.exec(l)).filter(Boolean);
  const start = rows.findIndex((r) => r[1] === 'start');
  const [, , top0, live0] = rows[start];
  const perByte = (x, x0) => ((Number(x) - Number(x0)) / bytes).toFixed(2);
  console.log(`${file}: ${bytes} bytes; per byte of text, over the values before the text was put in the heap`);
  console.log('| after | heap top | held (malloc) |');
  console.log('|---|---:|---:|');
  for (const [, label, top, live] of rows.slice(start + 1)) console.log(`| ${label} | ${perByte(top, top0)} | ${perByte(live, live0)} |`);
  console.log(`wasm heap: ${baseline} -> ${heap} bytes, ${((heap - baseline) / bytes).toFixed(2)} per byte of text (as bench/child.mjs heap)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
