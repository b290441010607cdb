// Measurements that need a fresh Node process, run by bench/bench.mjs; prints one JSON line.
//   child.mjs coldstart            import -> createAnalyzer -> first analyze of the sample article
//   child.mjs heap FILE            wasm heap after analysing FILE once
//   child.mjs calls N              wasm heap after warm-up and after N calls on the sample article
//   child.mjs time FILE RUNS [WARMUP]   seconds of each of RUNS analyze() calls on FILE, after
//                                  WARMUP calls on the sample article (V8 tiers wasm up lazily)
//   child.mjs time-articles FILE RUNS [WARMUP]   the same, a run analysing each article of FILE
//                                  (separated by form feeds) once
//   child.mjs compromise FILE      seconds of compromise on FILE (articles separated by form
//                                  feeds): the whole text as one, then article by article, each
//                                  after a warm-up run. In a process of its own, like the other
//                                  engines, so that neither one's heap affects the other's.
const [mode, arg, arg2] = process.argv.slice(2);

if (mode === 'compromise') {
  const fs = await import('node:fs');
  const nlp = (await import('compromise')).default;
  const one = (t) => {
    const doc = nlp(t);
    return [doc.people().json(), doc.places().json(), doc.organizations().json(), doc.quotations().json()];
  };
  const articles = fs.readFileSync(arg, 'utf8').split('\f');
  const text = articles.join('\n\n');
  const time = (f) => {
    f();
    const t0 = performance.now();
    f();
    return (performance.now() - t0) / 1000;
  };
  const whole = time(() => one(text));
  const byArticle = time(() => { for (const a of articles) one(a); });
  console.log(JSON.stringify({ whole, byArticle }));
} else if (mode === 'coldstart') {
  const fs = await import('node:fs');
  const text = fs.readFileSync(new URL('../data/sample-article.txt', import.meta.url), 'utf8');
  const t0 = performance.now();
  const { createAnalyzer } = await import('../wasm/index.mjs');
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
  const { createAnalyzer } = await import('../wasm/index.mjs');
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
    for (let i = 0; i < Number(process.argv[5] ?? 0); ++i) analyzer.analyze(sample);
    const seconds = [];
    for (let i = 0; i < Number(arg2 ?? 1); ++i) {
      const t0 = performance.now();
      for (const part of parts) analyzer.analyze(part);
      seconds.push((performance.now() - t0) / 1000);
    }
    console.log(JSON.stringify({ seconds, heap: heapBytes() }));
  } else {
    throw new Error(`child.mjs: unknown mode ${mode}`);
  }
}
