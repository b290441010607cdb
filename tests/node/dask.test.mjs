// scripts/dask-batch.py on a real Dask cluster on 127.0.0.1: a scheduler and two workers code a
// few thousand generated articles; one worker is killed mid-run; the output must still equal a
// single-process `presslens batch` line for line. Skipped when Dask (Debian python3-distributed)
// is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticArticles } from '../../bench/corpus.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'wasm/cli.mjs');
const script = join(root, 'scripts/dask-batch.py');
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
// The Python that has Dask: Debian's, which a pyenv or venv python3 on PATH may hide.
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import distributed']).status === 0);
const skip = !python || !onPath('dask-scheduler') || !onPath('dask-worker')
  ? 'Dask is not installed (Debian: python3-distributed, installed by scripts/setup.sh)' : false;

// Generated articles (bench/corpus.mjs) with a bad line now and then, so that the shards'
// error reports are checked too.
function generatedCorpus(count) {
  return `${syntheticArticles(count).map((text, i) => (i % 997 === 500 ? '{"id": "broken", "text": '
    : JSON.stringify({ id: `article-${i}`, text, source: 'generated' }))).join('\n')}\n`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what, check, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

test('Dask: two workers on 127.0.0.1, one killed mid-run; the output equals one process', { skip, timeout: 120000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-dask-'));
  const procs = [];
  t.after(() => {
    for (const p of procs) {
      try { if (p.exitCode === null && p.signalCode === null) process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, generatedCorpus(3000));
  const single = spawnSync('node', [cli, 'batch', '-q', '-j', '1', corpus], { encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.equal(single.status, 1, 'the corpus has bad lines');

  const daemon = (cmd, args) => {
    const p = spawn(cmd, args, { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr.resume();
    procs.push(p);
    return p;
  };
  const schedulerFile = join(dir, 'scheduler.json');
  daemon('dask-scheduler', ['--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', schedulerFile]);
  await until('the scheduler', () => existsSync(schedulerFile) && readFileSync(schedulerFile, 'utf8').includes('address'), 30000);
  const worker = (name) => daemon('dask-worker', ['--scheduler-file', schedulerFile, '--host', '127.0.0.1', '--nthreads', '1',
    '--no-nanny', '--no-dashboard', '--name', name, '--local-directory', dir]);
  const [victim] = [worker('w1'), worker('w2')];
  const { address } = JSON.parse(readFileSync(schedulerFile, 'utf8'));

  const work = join(dir, 'work');
  const out = join(dir, 'out.jsonl');
  const driver = daemon(python, [script, '--scheduler', address, '--work', work, '--shard-lines', '200', '-o', out, corpus]);
  let log = '';
  driver.stderr.on('data', (d) => { log += d; });
  const finished = new Promise((resolve) => driver.on('exit', resolve));
  const shardsDone = () => (existsSync(work) ? readdirSync(work).filter((f) => /^shard-\d+\.jsonl$/.test(f)).length : 0);
  await until('a first shard', () => shardsDone() >= 1, 60000);
  const doneAtKill = shardsDone();
  process.kill(-victim.pid, 'SIGKILL');
  assert.ok(doneAtKill < 15, `killed mid-run (${doneAtKill} of 15 shards done)`);

  assert.equal(await finished, 1, log);  // 1: the corpus's bad lines were reported
  assert.equal(victim.signalCode, 'SIGKILL');
  assert.equal(readFileSync(out, 'utf8'), single.stdout);
  const reported = log.split('\n').filter((l) => l.startsWith('presslens batch: ')).sort();
  assert.deepEqual(reported, single.stderr.trim().split('\n').sort());
  assert.match(log, /dask-batch: 15 shards, .* MB\/s/);
});
