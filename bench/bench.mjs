// presslens benchmark: speed, size and memory, side by side with compromise, in one run on the
// same text (issue 7), plus the pathological-input scaling figures (issue 8).
//
//   npm run bench                      the full table (a few minutes)
//   npm run bench:smoke                the same code on a tiny corpus (seconds; part of npm test)
//   npm run bench:native               only the Google Benchmark table of the core's stages
//   node bench/bench.mjs [--smoke] [--runs N] [--build] [--write bench/RESULTS.md] [--json F]
//                        [--only=stages]
//
// --build rebuilds dist/ (scripts/build-wasm.sh) first, so wasm and native are the same source.
// The native figures come from build/native (or $PRESSLENS_NATIVE_BUILD): presslens_bench_native
// times Analyze + ToJson inside the process, so process start-up is not counted.
// Several runs, the median is reported; the machine is noisy, so quote the ratios.
// Exits non-zero only when something crashes or throws, never because of a timing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import {
  fmtSize, loadCorpus, pathologicalInputs, repeatToSize,
} from './corpus.mjs';
import { batchCorpus, measureBatch } from './batch.mjs';
import { buildConsumers, BUNDLERS, emitted } from '../tests/browser/consumers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};
const SMOKE = flag('--smoke');
const RUNS = Number(option('--runs', SMOKE ? 1 : 5));
const ONLY = option('--only', '');
const NATIVE_BUILD = path.resolve(ROOT, process.env.PRESSLENS_NATIVE_BUILD ?? 'build/native');
const MB = 1 << 20;
const SCALE = SMOKE ? 1 / 200 : 1;  // smoke: every big input at 1/200 of its size
const CHILD_TIMEOUT_MS = SMOKE ? 60_000 : 300_000;
// Each timed text is first analysed for this long, at least once, by the engine being timed
// (bench/child.mjs says why).
const WARMUP_MS = SMOKE ? 0 : 1000;

const T0 = performance.now();
const log = (...m) => console.error(`bench [${((performance.now() - T0) / 1000).toFixed(1)} s]:`, ...m);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const words = (text) => (text.match(/\S+/g) ?? []).length;
const bytes = (text) => Buffer.byteLength(text);
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const fmtInt = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : 'n/a');
const fmtMiB = (b) => (Number.isFinite(b) ? `${fmt(b / MB, 1)} MiB` : 'n/a');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const writeTemp = (name, text) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

// ---------------------------------------------------------------------------------- native --

function buildNative(targets) {
  try {
    if (!fs.existsSync(path.join(NATIVE_BUILD, 'build.ninja')) && !fs.existsSync(path.join(NATIVE_BUILD, 'Makefile'))) {
      execFileSync('cmake', ['-S', ROOT, '-B', NATIVE_BUILD, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release'], { stdio: 'ignore' });
    }
    execFileSync('cmake', ['--build', NATIVE_BUILD, '--target', ...targets], { stdio: ['ignore', 'ignore', 'pipe'] });
    return true;
  } catch (e) {
    log(`native build of ${targets.join(' ')} failed (native rows will be n/a): ${String(e.stderr ?? e.message).split('\n').slice(-6).join(' | ')}`);
    return false;
  }
}

// Seconds of each run of Analyze + ToJson on `file`, measured inside presslens_bench_native.
function nativeSeconds(file, runs) {
  const exe = path.join(NATIVE_BUILD, 'presslens_bench_native');
  if (!fs.existsSync(exe)) return null;
  const r = spawnSync(exe, [file, String(runs)], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 1 << 24 });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { timeout: true };
  if (r.status !== 0) throw new Error(`presslens_bench_native crashed on ${file}: ${r.stderr || r.signal}`);
  return JSON.parse(r.stdout);
}

// -------------------------------------------------------------------------------- children --

function child(modeArgs, nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, path.join(ROOT, 'bench', 'child.mjs'), ...modeArgs],
    { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 1 << 24 });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { timeout: true };
  if (r.status !== 0) throw new Error(`bench/child.mjs ${modeArgs.join(' ')} failed: ${r.stderr || r.signal}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// --------------------------------------------------------------------------------- sections --

function compress(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: SMOKE ? 4 : 11 } }).length,
  };
}

function packageSizes() {
  const rows = [];
  let pack = null;
  // npm itself takes seconds to start: the smoke run lists the files from package.json instead.
  if (SMOKE) {
    const files = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).files ?? [];
    pack = { files: files.map((f) => ({ path: f })) };
  } else {
    try {
      const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      pack = JSON.parse(out)[0];
    } catch (e) {
      log(`npm pack --dry-run failed: ${e.message}`);
    }
  }
  const dist = (file) => fs.readFileSync(path.join(ROOT, 'dist', file));
  rows.push({ what: 'dist/presslens.wasm (what Node loads)', ...compress(dist('presslens.wasm')) });
  rows.push({ what: 'dist/presslens-wasm.mjs (the same gzipped, in base64, what esbuild bundles)', ...compress(dist('presslens-wasm.mjs')) });
  rows.push({ what: 'dist/presslens-core.mjs (Emscripten JS glue)', ...compress(dist('presslens-core.mjs')) });
  const jsFiles = (pack?.files ?? []).map((f) => f.path).filter((p) => /^wasm\/.*\.(mjs|cjs)$/.test(p));
  if (jsFiles.length) {
    rows.push({ what: `JS API (${jsFiles.length} files in wasm/)`, ...compress(Buffer.concat(jsFiles.map((f) => fs.readFileSync(path.join(ROOT, f))))) });
  }
  return { rows, pack };
}

// What each bundler emits for one page + worker (tests/browser/consumers.mjs): the packed
// package installed offline in a fresh project, so this takes npm and four builds.
function bundleSizes() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-bench-bundles-'));
  try {
    const consumers = buildConsumers(dir);
    return BUNDLERS.filter((b) => b !== 'importmap').map((bundler) => ({ bundler, ...emitted(consumers[bundler].root) }));
  } catch (e) {
    log(`bundles: ${e.message}`);
    return [];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (ONLY === 'stages') {
    stagesTable(loadCorpus({ smoke: SMOKE }));
    return;
  }
  if (flag('--build')) {
    log('building dist/ (scripts/build-wasm.sh)');
    execFileSync('sh', [path.join(ROOT, 'scripts', 'build-wasm.sh')], { stdio: 'inherit' });
  }
  warnIfStale();
  const started = Date.now();
  const corpus = loadCorpus({ smoke: SMOKE });
  const text = corpus.articles.join('\n\n');
  const textFile = writeTemp('corpus.txt', text);
  const T = { bytes: bytes(text), words: words(text), chars: text.length };
  log(`corpus: ${corpus.source}: ${fmtSize(T.bytes)}, ${fmtInt(T.words)} words; ${RUNS} run(s)`);

  // This process's analyzer times the per-article latency; the throughput runs are in child
  // processes.
  const { createAnalyzer } = await import('../wasm/node.mjs');
  const analyzer = await createAnalyzer();

  // --- throughput on the whole text, same text for all three ---
  // The runs are interleaved (wasm, native, compromise, wasm, ...) so that a change in the
  // machine's load hits all three alike and the ratios stay meaningful. native and compromise
  // run in processes of their own (bench/child.mjs compromise).
  const haveCompromise = fs.existsSync(path.join(ROOT, 'node_modules', 'compromise'));
  if (!haveCompromise) log('compromise is not installed (npm ci): its rows are n/a');
  const articlesFile = writeTemp('articles.txt', corpus.articles.join('\f'));
  const compromiseRounds = [];
  const haveNative = buildNative(['presslens_bench_native']);
  const wasmRuns = [];
  const nativeRuns = [];
  for (let i = 0; i < RUNS; ++i) {
    // Each run in a fresh process, like native and compromise, so that no engine's heap or
    // compiled code carries over; the median of three calls after the warm-up is kept.
    const w = child(['time', textFile, '3', String(WARMUP_MS)]);
    wasmRuns.push(median(w.seconds));
    if (haveNative) {
      // Four runs per process, the median of the last three kept: the first fills RE2's
      // lazily built DFAs (native code needs no other warm-up).
      const native = nativeSeconds(textFile, 4);
      if (native?.seconds) nativeRuns.push(median(native.seconds.slice(1)));
    }
    if (haveCompromise && i < 3) compromiseRounds.push(child(['compromise', articlesFile, String(WARMUP_MS)]));
  }
  const compromiseRuns = compromiseRounds.map((r) => r.whole);
  const wasmS = median(wasmRuns);
  const nativeS = nativeRuns.length ? median(nativeRuns) : NaN;
  const compromiseS = compromiseRuns.length ? median(compromiseRuns) : NaN;
  log(`wasm: ${fmt(T.bytes / MB / wasmS, 2)} MB/s; native: ${fmt(T.bytes / MB / nativeS, 2)} MB/s; compromise: ${fmt(T.bytes / MB / compromiseS, 3)} MB/s`);

  // --- throughput article by article: how a reader's pages or an archive are analysed ---
  // (per-call costs count here; compromise's are larger than presslens'.)
  log('article-by-article throughput');
  const A = { bytes: corpus.articles.reduce((n, a) => n + bytes(a), 0) };
  // In fresh processes too, for the same reason as the whole text's runs.
  const articleRuns = [];
  const compromiseArticleRuns = compromiseRounds.map((r) => r.byArticle);
  for (let i = 0; i < (SMOKE ? 1 : 3); ++i) {
    const w = child(['time-articles', articlesFile, '3', String(WARMUP_MS)]);
    articleRuns.push(median(w.seconds));
  }
  const articleS = median(articleRuns);
  const compromiseArticleS = compromiseArticleRuns.length ? median(compromiseArticleRuns) : NaN;

  log('per-article latency');
  // --- per-article latency, after passes over the articles for WARMUP_MS ---
  const warmStart = performance.now();
  do for (const article of corpus.articles) analyzer.analyze(article);
  while (performance.now() - warmStart < WARMUP_MS);
  const latencies = [];
  for (const article of corpus.articles) {
    const t0 = performance.now();
    analyzer.analyze(article);
    latencies.push(performance.now() - t0);
  }

  log('cold start');
  // --- cold start (fresh processes) ---
  // V8 compiles the functions that get hot in the first call again with TurboFan, on its
  // background threads (four in Node); on a 2-core machine they take CPU from the main thread.
  // The same start with one such thread shows how much (for reference; the target row is the
  // default).
  const cold = [];
  const coldOneThread = [];
  // A start takes a tenth of a second, so take many: the median of 11 is steadier.
  for (let i = 0; i < (SMOKE ? 1 : Math.max(2 * RUNS + 1, 11)); ++i) {
    cold.push(child(['coldstart']));
    coldOneThread.push(child(['coldstart'], ['--v8-pool-size=1']));
  }
  const coldMs = median(cold.map((c) => c.total_ms));

  log('scaling');
  // --- scaling: time per MB at 1 MB and 10 MB, wasm and native ---
  const base = corpus.articles;
  const scaling = [];
  for (const size of [MB * SCALE, 10 * MB * SCALE]) {
    const t = repeatToSize(base, size);
    const file = writeTemp(`scale-${size}.txt`, t);
    // A fresh process per size, as for the pathological inputs below, so all rows of that
    // table are measured alike (a long-used heap is not a fresh one).
    const w = child(['time', file, String(Math.min(RUNS, 3)), String(WARMUP_MS)]);
    const nat = haveNative ? nativeSeconds(file, Math.min(RUNS, 3)) : null;
    scaling.push({ bytes: bytes(t), wasmS: w.seconds ? median(w.seconds) : NaN, nativeS: nat?.seconds ? median(nat.seconds) : NaN, file });
  }
  const perMB = (s, b) => (s * 1000) / (b / MB);  // ms per MB
  const normal = scaling[0];
  const normalWasm = perMB(normal.wasmS, normal.bytes);
  const normalNative = perMB(normal.nativeS, normal.bytes);

  log('memory');
  // --- memory (fresh processes: the wasm heap never shrinks, so each size gets its own) ---
  const memory = [];
  for (const size of [MB * SCALE, 10 * MB * SCALE, 50 * MB * SCALE]) {
    const file = writeTemp(`heap-${size}.txt`, repeatToSize(base, size));
    const r = child(['heap', file]);
    memory.push({ bytes: fs.statSync(file).size, ...r });
  }
  const calls = SMOKE ? 100 : 10000;
  const callsResult = child(['calls', String(calls)]);

  log('batch');
  // --- corpus throughput: presslens batch with 1 and 2 jobs, and on a local Dask cluster ---
  const batchFile = writeTemp('batch.jsonl', batchCorpus(base, (SMOKE ? 0.2 : 16) * MB));
  const batchRun = measureBatch(ROOT, batchFile, { runs: Math.min(RUNS, 3), dask: !SMOKE, tmp });

  // --- pathological inputs (fresh processes with a time-out: a quadratic case must not hang) ---
  const patho = [];
  for (const { name, text: p } of pathologicalInputs(base, SCALE)) {
    const file = writeTemp(`patho-${patho.length}.txt`, p);
    const runs = Math.min(RUNS, 3);
    const w = child(['time', file, String(runs), String(WARMUP_MS)]);
    const nat = haveNative ? nativeSeconds(file, runs) : null;
    patho.push({
      name, bytes: bytes(p),
      wasm: w.timeout ? { timeout: true } : { msPerMB: perMB(median(w.seconds), bytes(p)), heap: w.heap },
      native: !nat ? null : nat.timeout ? { timeout: true } : { msPerMB: perMB(median(nat.seconds), bytes(p)) },
    });
    log(`pathological: ${name} done`);
  }

  log('package size');
  const sizes = packageSizes();
  const bundles = SMOKE ? [] : bundleSizes();
  const stages = SMOKE ? null : stagesTable(corpus, textFile, { print: false });

  // ------------------------------------------------------------------------------- report --
  const out = [];
  const p = (s = '') => out.push(s);
  const ratioWC = (T.bytes / wasmS) / (T.bytes / compromiseS);
  const ratioNW = (T.bytes / nativeS) / (T.bytes / wasmS);
  const scaleWasm = perMB(scaling[1].wasmS, scaling[1].bytes) / normalWasm;
  const scaleNative = perMB(scaling[1].nativeS, scaling[1].bytes) / normalNative;
  const growth = callsResult.after - callsResult.warm;
  const gz = sizes.pack?.size;

  p(`Text: ${corpus.source}, ${fmtSize(T.bytes)}, ${fmtInt(T.words)} words, analysed as one text; median of ${RUNS} interleaved run(s) (compromise: ${compromiseRuns.length}).`);
  p();
  p('| engine (same text) | MB/s | words/s | time |');
  p('|---|---:|---:|---:|');
  p(`| presslens wasm (Node ${process.version}) | ${fmt(T.bytes / MB / wasmS, 2)} | ${fmtInt(T.words / wasmS)} | ${fmt(wasmS * 1000, 0)} ms |`);
  p(`| presslens native (C++, in-process timing) | ${fmt(T.bytes / MB / nativeS, 2)} | ${fmtInt(T.words / nativeS)} | ${fmt(nativeS * 1000, 0)} ms |`);
  p(`| compromise 14 (people/places/organizations/quotations) | ${fmt(T.bytes / MB / compromiseS, 3)} | ${fmtInt(T.words / compromiseS)} | ${fmt(compromiseS * 1000, 0)} ms |`);
  p();
  p('| figure | value | target | |');
  p('|---|---:|---:|---|');
  const row = (what, value, target, ok) => p(`| ${what} | ${value} | ${target} | ${ok === null ? '' : ok ? 'met' : '**missed**'} |`);
  const okIf = (x, cond) => (Number.isFinite(x) ? cond(x) : null);
  row('throughput presslens-wasm / compromise, the whole text as one', `${fmt(ratioWC, 1)}×`, '≥ 100×', okIf(ratioWC, (x) => x >= 100));
  row(`throughput presslens-wasm / compromise, article by article (${fmt(A.bytes / MB / articleS, 2)} vs ${fmt(A.bytes / MB / compromiseArticleS, 3)} MB/s)`,
    `${fmt(compromiseArticleS / articleS, 1)}×`, '≥ 100×', okIf(compromiseArticleS / articleS, (x) => x >= 100));
  row('throughput native / wasm', `${fmt(ratioNW, 2)}×`, '≤ 1.5×', okIf(ratioNW, (x) => x <= 1.5));
  row(`per-article latency, median (wasm, ${latencies.length} articles)`, `${fmt(median(latencies), 2)} ms`, '', null);
  row('per-article latency, p99 / max', `${fmt(quantile(latencies, 0.99), 2)} / ${fmt(Math.max(...latencies), 2)} ms`, '', null);
  row('cold start: import → first result (fresh process, median)', `${fmt(coldMs, 1)} ms`, '≤ 50 ms', okIf(coldMs, (x) => x <= 50));
  row('… of which import / createAnalyzer / first analyze', cold.length ? `${fmt(median(cold.map((c) => c.import_ms)), 1)} / ${fmt(median(cold.map((c) => c.create_ms)), 1)} / ${fmt(median(cold.map((c) => c.first_ms)), 1)} ms` : 'n/a', '', null);
  row('cold start with one V8 background thread (`node --v8-pool-size=1`), for reference', `${fmt(median(coldOneThread.map((c) => c.total_ms)), 1)} ms`, '', null);
  row('package: `npm pack` tarball (gzip)', gz ? fmtSize(gz) : 'n/a', '≤ 3 MB', okIf(gz, (x) => x <= 3 * MB));
  const pageGz = bundles.length ? Math.max(...bundles.map((b) => b.gzip)) : NaN;
  row('what a page downloads: the largest bundle of page + worker (gzip, file by file)', Number.isFinite(pageGz) ? fmtSize(pageGz) : 'n/a', '≤ 2 MB', okIf(pageGz, (x) => x <= 2 * MB));
  row(`heap growth over ${fmtInt(calls)} calls after warm-up`, `${fmtInt(growth)} bytes`, '0', okIf(growth, (x) => x === 0));
  row(`time per MB at ${fmtSize(scaling[1].bytes)} / at ${fmtSize(normal.bytes)} (wasm)`, `${fmt(scaleWasm, 2)}×`, '≤ 1.2×', okIf(scaleWasm, (x) => x <= 1.2));
  row(`time per MB at ${fmtSize(scaling[1].bytes)} / at ${fmtSize(normal.bytes)} (native)`, `${fmt(scaleNative, 2)}×`, '≤ 1.2×', okIf(scaleNative, (x) => x <= 1.2));
  const big = memory.at(-1);
  const perByte = (big.heap - memory[0].baseline) / big.bytes;
  row(`wasm heap per byte of text, analysing ${fmtSize(big.bytes)} (heap growth over the baseline / text bytes)`, fmt(perByte, 1), '≤ 8', okIf(perByte, (x) => x <= 8));
  const { jobs: bj, dask } = batchRun;
  row(`\`presslens batch\`, ${fmtInt(batchRun.docs)} articles (${fmtSize(batchRun.bytes)}): MB/s with 1 / 2 jobs`, `${fmt(bj[1], 2)} / ${fmt(bj[2], 2)}`, '', null);
  row('\`presslens batch\` scaling, 2 jobs / 1 job', `${fmt(bj[2] / bj[1], 2)}×`, '≥ 1.7× on 2 cores', okIf(bj[2] / bj[1], (x) => x >= 1.7));
  row('… CPU time of a run, 2 jobs / 1 job (on idle cores the scaling is at most 2 / this)', `${fmt(batchRun.cpu[2] / batchRun.cpu[1], 2)}× (${fmt(batchRun.cpu[1], 1)} / ${fmt(batchRun.cpu[2], 1)} s)`, '', null);
  const perDoc = (s) => `${fmt((s * 1e6) / batchRun.docs, 0)} µs`;
  row('… CPU per document with 2 jobs: main thread (reads, orders, writes) / all threads', `${perDoc(batchRun.mainCpu[2])} / ${perDoc(batchRun.cpu[2])}`, '', null);
  row('Dask, scripts/dask-batch.py --local 2 (8 shards), same corpus: MB/s', dask ? `${fmt(dask.mbps, 2)}${dask.same ? '' : ' (**output differs**)'}` : 'n/a', '', null);
  p();
  p('Package size (bytes)');
  p();
  p('| file | raw | gzip -9 | brotli -11 |');
  p('|---|---:|---:|---:|');
  for (const r of sizes.rows) p(`| ${r.what} | ${fmtInt(r.raw)} | ${fmtInt(r.gzip)} | ${fmtInt(r.brotli)} |`);
  if (sizes.pack?.size) p(`| \`npm pack\`: ${sizes.pack.entryCount} files | ${fmtInt(sizes.pack.unpackedSize)} unpacked | ${fmtInt(sizes.pack.size)} tarball | |`);
  if (bundles.length) {
    p();
    p('Bundles: one page + worker built from the packed package as the README configures each bundler (tests/browser/consumers.mjs)');
    p();
    p('| bundler | bytes emitted | gzip (file by file) | copies of the wasm |');
    p('|---|---:|---:|---:|');
    for (const b of bundles) p(`| ${b.bundler} | ${fmtInt(b.bytes)} | ${fmtInt(b.gzip)} | ${b.wasmCopies} |`);
  }
  p();
  p('Memory: wasm heap (HEAPU8.length), each size in a fresh process');
  p();
  p('| after | heap | growth per byte of text | analyse time |');
  p('|---|---:|---:|---:|');
  p(`| createAnalyzer + the sample article | ${fmtMiB(memory[0].baseline)} | | |`);
  for (const m of memory) p(`| analysing ${fmtSize(m.bytes)} | ${m.timeout ? 'timeout' : fmtMiB(m.heap)} | ${m.timeout ? '' : fmt((m.heap - m.baseline) / m.bytes, 1)} | ${m.timeout ? '' : `${fmt(m.seconds, 2)} s`} |`);
  p(`| 100 warm-up calls on the sample article | ${fmtMiB(callsResult.warm)} | | |`);
  p(`| then ${fmtInt(calls)} more calls | ${fmtMiB(callsResult.after)} (growth ${fmtInt(growth)} bytes) | | ${fmt(callsResult.seconds, 1)} s |`);
  p();
  p(`Scaling and pathological inputs (issue 8): time per MB, and its ratio to ${fmtSize(normal.bytes)} of normal text; each input in a fresh process, median of ${Math.min(RUNS, 3)} run(s)`);
  p();
  p('| input | size | wasm ms/MB | × normal | native ms/MB | × normal |');
  p('|---|---:|---:|---:|---:|---:|');
  const cell = (r, n) => (!r ? 'n/a | n/a' : r.timeout ? `timeout (> ${CHILD_TIMEOUT_MS / 1000} s) | —` : `${fmt(r.msPerMB, 0)} | ${fmt(r.msPerMB / n, 2)}×`);
  for (const s of scaling) {
    p(`| normal text | ${fmtSize(s.bytes)} | ${cell({ msPerMB: perMB(s.wasmS, s.bytes) }, normalWasm)} | ${cell(Number.isFinite(s.nativeS) ? { msPerMB: perMB(s.nativeS, s.bytes) } : null, normalNative)} |`);
  }
  for (const r of patho) p(`| ${r.name} | ${fmtSize(r.bytes)} | ${cell(r.wasm, normalWasm)} | ${cell(r.native, normalNative)} |`);
  if (stages) {
    p();
    p(`Native stages (Google Benchmark, build/native/presslens_bench_stages on the same ${fmtSize(T.bytes)} text)`);
    p();
    p('```');
    p(stages.trim());
    p('```');
    const parser = parserSpeed(stages);
    if (parser) p(`\nParser (tagger + dependency parser, native, tokens per second): ${parser}`);
  }
  p();
  p(`(${((Date.now() - started) / 1000).toFixed(0)} s for the whole benchmark)`);

  const table = out.join('\n');
  console.log(table);

  if (option('--json')) {
    fs.writeFileSync(option('--json'), JSON.stringify({ corpus: corpus.source, T, wasmRuns, nativeRuns, compromiseRuns, latencies, cold, coldOneThread, scaling, memory, callsResult, batchRun, patho, sizes, bundles }, null, 1));
  }
  if (option('--write')) writeResults(option('--write'), table);
}

// "N tokens/s with the model's beam, M greedy" from the stages table's Syntax rows, or null.
function parserSpeed(stages) {
  const rate = (name) => {
    const m = stages.match(new RegExp(`^Syntax/${name}/\\S*\\s.*items_per_second=([\\d.]+)([kM]?)/s`, 'm'));
    return m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1) : null;
  };
  const beam = rate('TagAndParse'), greedy = rate('TagAndParseGreedy');
  if (beam === null) return null;
  return `${fmtInt(beam)} with the model's beam` + (greedy === null ? '' : `, ${fmtInt(greedy)} greedy (beam 1)`);
}

// The Google Benchmark table of the core's stages (bench/stages_bench.cc), or null.
function stagesTable(corpus, textFile = null, { print = true } = {}) {
  if (!buildNative(['presslens_bench_stages'])) return null;
  const file = textFile ?? writeTemp('corpus.txt', corpus.articles.join('\n\n'));
  const r = spawnSync(path.join(NATIVE_BUILD, 'presslens_bench_stages'), [file, '--benchmark_color=false'], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`presslens_bench_stages failed: ${r.stderr || r.signal}`);
  if (print) console.log(r.stdout);
  return r.stdout.split('\n').filter((l) => !/^-+$/.test(l)).join('\n');
}

function warnIfStale() {
  const dist = path.join(ROOT, 'dist', 'presslens-core.mjs');
  if (!fs.existsSync(dist)) throw new Error('dist/presslens-core.mjs is missing: run sh scripts/build-wasm.sh (or npm run bench -- --build)');
  const built = fs.statSync(dist).mtimeMs;
  const sources = ['core', 'data', 'wasm'].flatMap((d) => fs.readdirSync(path.join(ROOT, d), { recursive: true }).map((f) => path.join(ROOT, d, f)));
  const newer = sources.filter((f) => /\.(cc|h|txt|bin)$/.test(f) && fs.statSync(f).mtimeMs > built);
  if (newer.length) log(`warning: dist/ is older than ${newer.length} core/data file(s) (e.g. ${path.relative(ROOT, newer[0])}): the wasm rows measure the older build; use --build`);
}

function writeResults(file, table) {
  const cpu = (() => {
    try { return execFileSync('lscpu', { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('Model name'))?.split(':')[1].trim(); } catch { return os.cpus()[0]?.model; }
  })();
  let commit = '';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { /* not a git checkout */ }
  const md = `# presslens benchmark results

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} CPUs (\`nproc\`: ${os.availableParallelism?.() ?? os.cpus().length}), ${cpu} · Linux ${os.release()} · Node ${process.version} · commit ${commit || 'n/a'} · load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (the machine is shared)

${table}

## How to reproduce

\`\`\`sh
npm run build            # dist/ (wasm) and build/native
npm run bench            # this table; add -- --build to rebuild dist/ first
npm run bench:native     # only the per-stage Google Benchmark table
node bench/bench.mjs --write bench/RESULTS.md   # rewrite this file
\`\`\`

The text is the CoNLL-2003 dev set (\`../shared/data/conll2003/eng.testa\`, rebuilt into articles by
\`conll2json.py\` in a temporary directory) plus \`data/sample-article.txt\`; without \`../shared\` a
self-made corpus (bench/corpus.mjs) is used instead. All three engines analyse the same text in
the same run, each in fresh processes, and each engine first runs the timed text for a second
(at least once) so that V8 has compiled its code: the figures are steady-state speeds; the
cold start row is the first call. The machine is shared and noisy: quote the ratios, not the
absolute figures.
Memory figures read the wasm memory's size (\`HEAPU8.length\`) through bench/heap-probe.mjs, in a
fresh process after createAnalyzer, one call on the sample article (the baseline) and one call on
the text. The memory never shrinks, and it grows to what malloc asks for
(\`-sMEMORY_GROWTH_GEOMETRIC_STEP=0\`), so its size is the peak of the call; per byte of text is
(heap − baseline) / text bytes, which counts the text the JavaScript layer writes into the heap.
Which stage of the call grows the heap, and how much of it the stages hold at that moment:
\`node bench/heap-stages.mjs FILE\` (a copy of the core with a report after each stage, built with em++).
Corpus throughput runs \`presslens batch -q -j J -o OUT\` on JSON Lines of the same articles
(16 MB of text), wall clock of the whole command, fresh process per run; the Dask figure is
scripts/dask-batch.py's own timing (from connecting to its 2-worker local cluster to the joined
output, a node process per shard) and its output is checked against the single-process one.
`;
  fs.writeFileSync(path.resolve(file), md);
  log(`wrote ${file}`);
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});
