// Measurements that need a fresh Node process, run by bench/bench.mjs; prints one JSON line.
//   child.mjs coldstart            import -> createAnalyzer -> first analyze of the sample article
//   child.mjs heap FILE            wasm heap after analysing FILE once
//   child.mjs calls N              wasm heap after warm-up and after N calls on the sample article
//   child.mjs time FILE RUNS WARMUP_MS   seconds of each of RUNS analyze() calls on FILE
//   child.mjs time-articles FILE RUNS WARMUP_MS   the same, a run analysing each article of FILE
//                                  (separated by form feeds) once
//   child.mjs compromise FILE WARMUP_MS   seconds of compromise on FILE (articles separated by
//                                  form feeds): the whole text as one, then article by article.
//                                  In a process of its own, like the other engines, so that
//                                  neither one's heap affects the other's.
// Every timed text is first run for WARMUP_MS, at least once, by the engine that is timed:
// V8 compiles both engines' code as it first runs, and recompiles what gets hot with its
// optimising compilers in the background (for presslens' wasm a few hundred ms of CPU), so
// earlier runs time the compilers, not the engine. Cold start has its own row.
const [mode, arg, arg2, arg3] = process.argv.slice(2);

// Runs f until warmupMs have passed, at least once; then times `runs` calls (seconds each).
function timeRuns(f, runs, warmupMs) {
  const start = performance.now();
  do f(); while (performance.now() - start < warmupMs);
  const seconds = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    f();
    seconds.push((performance.now() - t0) / 1000);
  }
  return seconds;
}

if (mode === 'compromise') {
  const fs = await import('node:fs');
  const nlp = (await import('compromise')).default;
  const one = (t) => {
    const doc = nlp(t);
    return [doc.people().json(), doc.places().json(), doc.organizations().json(), doc.quotations().json()];
  };
  const articles = fs.readFileSync(arg, 'utf8').split('\f');
  const text = articles.join('\n\n');
  const warmupMs = Number(arg2 ?? 0);
  const [whole] = timeRuns(() => one(text), 1, warmupMs);
  const [byArticle] = timeRuns(() => { for (const a of articles) one(a); }, 1, warmupMs);
  console.log(JSON.stringify({ whole, byArticle }));
} else if (mode === 'coldstart') {
  const fs = await import('node:fs');
  const text = fs.readFileSync(new URL('../data/sample-article.txt', import.meta.url), 'utf8');
  const t0 = performance.now();
  const { createAnalyzer } = await import('../wasm/node.mjs');
  const t1 = performance.now();
  const analyzer = await createAnalyzer();
  const t2 = performance.now();
  const result = analyzer.analyze(text);
  const t3 = performance.now();
  if (!Array.isArray(result.entities)) throw new Error('no result');
  console.log(JSON.stringify({ import_ms: t1 - t0, create_ms: t2 - t1, first_ms: t3 - t2, total_ms: t3 - t0 }));
} else {
  const fs = await import('node:fs');
  const { installHeapProbe, heapBytes } = await import('./heap-probe.mjs');
  installHeapProbe();
  const { createAnalyzer } = await import('../wasm/node.mjs');
  const analyzer = await createAnalyzer();
  const sample = fs.readFileSync(new URL('../data/sample-article.txt', import.meta.url), 'utf8');
  analyzer.analyze(sample);
  const baseline = heapBytes();
  if (mode === 'heap') {
    const text = fs.readFileSync(arg, 'utf8');
    const t0 = performance.now();
    analyzer.analyze(text);
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ baseline, heap: heapBytes(), seconds }));
  } else if (mode === 'calls') {
    const calls = Number(arg);
    for (let i = 0; i < 100; ++i) analyzer.analyze(sample);
    const warm = heapBytes();
    const t0 = performance.now();
    for (let i = 0; i < calls; ++i) analyzer.analyze(sample);
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ baseline, warm, after: heapBytes(), calls, seconds }));
  } else if (mode === 'time' || mode === 'time-articles') {
    // time-articles: each run analyses every article of FILE (separated by form feeds) in turn.
    const text = fs.readFileSync(arg, 'utf8');
    const parts = mode === 'time' ? [text] : text.split('\f');
    const seconds = timeRuns(() => { for (const part of parts) analyzer.analyze(part); },
      Number(arg2 ?? 1), Number(arg3 ?? 0));
    console.log(JSON.stringify({ seconds, heap: heapBytes() }));
  } else {
    throw new Error(`child.mjs: unknown mode ${mode}`);
  }
}
