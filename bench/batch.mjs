// Corpus throughput for bench.mjs: `presslens batch` with 1 and 2 jobs, and scripts/dask-batch.py
// on a local Dask cluster of 2 workers, all on the same JSON Lines corpus.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// CPU seconds (user + system) of this process's waited-for children, from /proc (Linux; NaN
// elsewhere): a contended machine stretches wall clock, much less the CPU a run needs.
function childCpuSeconds() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;  // cutime, cstime in USER_HZ ticks
  } catch {
    return NaN;
  }
}

// The articles repeated up to `bytes` of text, one {id, text} per line.
export function batchCorpus(articles, bytes) {
  const lines = [];
  for (let i = 0, size = 0; size < bytes; ++i) {
    const text = articles[i % articles.length];
    lines.push(JSON.stringify({ id: `doc-${i}`, text }));
    size += Buffer.byteLength(text);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Times `presslens batch -j J` (wall clock of the whole command, a fresh process per run,
 * jobs interleaved) on `file`; with `dask`, one dask-batch.py --local 2 run (its own timing,
 * from connecting to the cluster to the joined output). Returns { bytes, docs, jobs: {1, 2},
 * cpu: {1, 2}, mainCpu: {1, 2}, dask } with MB/s figures (MB = 2^20 bytes of text) and CPU seconds per run (all threads, and
 * the main thread's).
 */
export function measureBatch(root, file, { runs, dask, tmp }) {
  const text = fs.readFileSync(file, 'utf8').trim().split('\n');
  const bytes = text.reduce((n, l) => n + Buffer.byteLength(JSON.parse(l).text), 0);
  // bench/batch-cpu.mjs runs the command as `presslens batch` does, and also reports the CPU
  // time of its main thread.
  const cli = path.join(root, 'bench', 'batch-cpu.mjs');
  const seconds = { 1: [], 2: [] }, cpu = { 1: [], 2: [] }, mainCpu = { 1: [], 2: [] };
  for (let r = 0; r < runs; ++r) {
    for (const jobs of [1, 2]) {
      const t0 = performance.now(), c0 = childCpuSeconds();
      const p = spawnSync(process.execPath, [cli, '-q', '-j', String(jobs), '-o', path.join(tmp, 'batch-out.jsonl'), file], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`presslens batch -j ${jobs} failed: ${p.stderr}`);
      seconds[jobs].push((performance.now() - t0) / 1000);
      cpu[jobs].push(childCpuSeconds() - c0);
      mainCpu[jobs].push(JSON.parse(p.stderr.trim().split('\n').at(-1)).main);
    }
  }
  const mbps = (s) => bytes / (1 << 20) / s;
  const result = {
    bytes, docs: text.length, jobs: { 1: mbps(median(seconds[1])), 2: mbps(median(seconds[2])) },
    cpu: { 1: median(cpu[1]), 2: median(cpu[2]) }, mainCpu: { 1: median(mainCpu[1]), 2: median(mainCpu[2]) }, dask: null,
  };
  if (dask) {
    const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import distributed']).status === 0);
    if (python) {
      const out = path.join(tmp, 'dask-out.jsonl');
      const shardLines = Math.ceil(text.length / 8);
      const p = spawnSync(python, [path.join(root, 'scripts', 'dask-batch.py'), '--local', '2', '--shard-lines', String(shardLines),
        '--work', path.join(tmp, 'dask-work'), '-o', out, file], { encoding: 'utf8', timeout: 600_000 });
      const m = /dask-batch: \d+ shards, .* in ([\d.]+) s/.exec(p.stderr ?? '');
      if (p.status !== 0 || !m) throw new Error(`dask-batch.py failed: ${p.stderr}`);
      const same = fs.readFileSync(out, 'utf8') === fs.readFileSync(path.join(tmp, 'batch-out.jsonl'), 'utf8');
      result.dask = { mbps: mbps(Number(m[1])), shards: 8, same };
    }
  }
  return result;
}
