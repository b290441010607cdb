// `presslens batch`: a corpus analysed on all cores, JSON Lines in and out, progress, --resume.
import {
  closeSync, createReadStream, existsSync, fsyncSync, openSync, statSync, truncateSync, writeSync,
} from 'node:fs';
import { defaultJobs, runChunks } from './batch.mjs';
import { chunkTasks, inputBytes, lines } from './batch-input.mjs';
import { MAX_TEXT_LENGTH } from './node.mjs';

const usage = () => `Usage: presslens batch [OPTION]... [INPUT]...
Analyse a corpus on all cores: one JSON line {"id": ..., "schema": ..., "entities": [...],
"quotes": [...], "condemnations": [...]} per document, in input order.

INPUT is one of
  a JSON Lines file   one document per line: {"id": "...", "text": "..."} (the id a string or
                      a number; other fields are ignored)
  a directory         each .txt, .html and .htm file below it is a document; its id is its path
                      relative to the directory ('/' between folders), in code-unit order
  a .txt/.html file   one document; its id is the path as given
With no INPUT, or when INPUT is -, read JSON Lines from standard input. The text of an .html
page is read without running or fetching anything: script, style and similar elements and
comments are dropped, block elements become line breaks, character references are decoded.

  -o, --output OUT    write to OUT instead of standard output (replacing it, unless --resume)
  -j, --jobs N        analyse on N threads (default: the number of cores, here ${defaultJobs()})
      --resume        keep OUT, skip the documents whose id is already in it, append the rest
      --max-length N  a text longer than N UTF-16 code units is a bad document
                      (default ${MAX_TEXT_LENGTH})
      --progress S    with stderr not a terminal, a progress line every S seconds (default 10)
  -q, --quiet         no progress and no summary on standard error
  -h, --help          show this help and exit

Progress goes to standard error: a bar (documents, MB, MB/s, time left) when it is a terminal,
plain lines otherwise; a summary (documents, failures, time) at the end.
A bad document (invalid JSON, no id or a repeated one, no string text, a text too long, a
failure in the analysis) is reported on standard error with its file and line, and skipped.
OUT is written line by line and synced to disk every second: after a killed run, the same
command with --resume cuts a half-written last line and goes on where the run stopped.

Exit status: 0 if every document was analysed, 1 if some were bad, 2 on a usage error.`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { out: null, jobs: defaultJobs(), resume: false, maxLength: MAX_TEXT_LENGTH, every: 10, quiet: false, inputs: [] };
  const value = (i, name) => {
    if (i >= argv.length) throw new UsageError(`option '${name}' requires an argument`);
    return argv[i];
  };
  const count = (text, name, min) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`invalid value '${text}' for '${name}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i], inline = null;
    if (a.startsWith('--') && a.includes('=')) [a, inline] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
    else if (/^-[oj]./.test(a)) [a, inline] = [a.slice(0, 2), a.slice(2)];
    const arg = () => inline ?? value(++i, a);
    if (a === '--') { opts.inputs.push(...argv.slice(i + 1)); break; }
    if (a === '-h' || a === '--help') return { help: true };
    if (a === '-o' || a === '--output') opts.out = arg();
    else if (a === '-j' || a === '--jobs') opts.jobs = count(arg(), '--jobs', 1);
    else if (a === '--resume') opts.resume = true;
    else if (a === '--max-length') opts.maxLength = Math.min(count(arg(), '--max-length', 0), MAX_TEXT_LENGTH);
    else if (a === '--progress') opts.every = count(arg(), '--progress', 1);
    else if (a === '-q' || a === '--quiet') opts.quiet = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unrecognized option '${a}'`);
    else opts.inputs.push(a);
  }
  if (opts.resume && !opts.out) throw new UsageError("'--resume' needs '-o OUT'");
  if (opts.inputs.length === 0) opts.inputs.push('-');
  return opts;
}

// The ids already in OUT, after cutting a half-written last line.
async function resumeFrom(out) {
  const ids = new Set();
  if (!existsSync(out)) return ids;
  let complete = 0;
  for await (const [, line, bytes, ended] of lines(createReadStream(out))) {
    if (!ended) break;
    ids.add(JSON.stringify(JSON.parse(line.toString('utf8')).id));
    complete += bytes;
  }
  if (complete < statSync(out).size) truncateSync(out, complete);
  return ids;
}

// Lines out (bytes): to a file, written as they come and fsync'd once a second; or to stdout.
function openOutput(out, append) {
  if (!out) {
    return {
      write: (bytes) => (bytes.length === 0 || process.stdout.write(bytes) ? null : new Promise((resolve) => process.stdout.once('drain', resolve))),
      close: () => {},
    };
  }
  const fd = openSync(out, append ? 'a' : 'w');
  let synced = Date.now();
  return {
    write(bytes) {
      if (bytes.length) writeSync(fd, bytes);
      if (Date.now() - synced >= 1000) { fsyncSync(fd); synced = Date.now(); }
      return null;
    },
    close() { fsyncSync(fd); closeSync(fd); },
  };
}

const MB = 1e6;
const clock = (s) => (Number.isFinite(s) ? `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}` : '?');
const fmt = (n) => n.toLocaleString('en-US');

function progress(stats, totalBytes, every, quiet) {
  const tty = process.stderr.isTTY;
  const line = () => {
    const seconds = (Date.now() - stats.start) / 1000;
    const rate = stats.analysedBytes / MB / Math.max(seconds, 1e-3);
    const left = totalBytes ? (totalBytes - stats.bytes) / MB / rate : NaN;
    const parts = [`${fmt(stats.docs)} documents`, `${(stats.bytes / MB).toFixed(1)} MB`, `${rate.toFixed(2)} MB/s`];
    if (totalBytes) parts.push(`${clock(left)} left`);
    if (stats.failed) parts.push(`${fmt(stats.failed)} failed`);
    if (!tty) return `presslens batch: ${parts.join(', ')}`;
    const width = 24;
    const done = totalBytes ? Math.min(width, Math.round((stats.bytes / totalBytes) * width)) : 0;
    const bar = totalBytes ? `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${Math.floor((100 * stats.bytes) / totalBytes)}% ` : '';
    return `${bar}${parts.join('  ')}`;
  };
  if (quiet) return { stop: () => {} };
  const timer = setInterval(() => process.stderr.write(tty ? `\r${line()}\x1b[K` : `${line()}\n`), tty ? 200 : every * 1000);
  timer.unref();
  return { stop: () => { clearInterval(timer); if (tty) process.stderr.write('\r\x1b[K'); } };
}

/** Runs `presslens batch` with `argv` (the arguments after "batch"); resolves to the exit status. */
export async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`presslens batch: ${e.message}\nTry 'presslens batch --help' for more information.\n`);
    return 2;
  }
  if (opts.help) { process.stdout.write(`${usage()}\n`); return 0; }
  const report = (where, message) => process.stderr.write(`presslens batch: ${where}: ${message}\n`);

  let totalBytes, done;
  try {
    totalBytes = inputBytes(opts.inputs);
    done = opts.resume ? await resumeFrom(opts.out) : new Set();
  } catch (e) {
    report(e.path ?? opts.out, e.code === 'ENOENT' ? 'No such file or directory' : e.message);
    return 1;
  }
  const stats = { start: Date.now(), docs: 0, bytes: 0, analysedBytes: 0, failed: 0, skipped: 0 };
  // The workers parse, check and analyse; here the documents' ids are checked for repeats
  // (in input order), and the results written as they come back, in order.
  const seen = new Set();
  const tasks = chunkTasks(opts.inputs);
  const next = async () => (await tasks.next()).value ?? null;
  const output = openOutput(opts.out, opts.resume);
  const meter = progress(stats, totalBytes, opts.every, opts.quiet);
  let lineBase = 0;
  try {
    for await (const [meta, r] of runChunks(opts.jobs, { options: { maxLength: opts.maxLength }, done: [...done] }, next)) {
      if (meta.first) lineBase = 0;
      const where = (at) => (meta.pages ? meta.pages[at] : `${meta.name}:${lineBase + at}`);
      const fail = (at, bytes, message) => { report(where(at), message); stats.failed += 1; stats.bytes += bytes; };
      // A document not analysed: kind 0 not a document, 1 a text too long, 2 the analysis
      // failed (its id then counts as seen).
      const failed = ([at, bytes, message, key, kind]) => {
        if (kind && seen.has(key)) message = `the id ${key} was seen before`;
        else if (kind === 2) seen.add(key);
        fail(at, bytes, message);
      };
      stats.skipped += r.skipped;
      stats.bytes += r.skippedBytes;
      let e = 0, from = 0;
      for (let k = 0; k < r.keys.length; ++k) {
        while (e < r.errors.length && r.errors[e][0] < r.at[k]) failed(r.errors[e++]);
        const key = r.keys[k];
        if (seen.has(key)) {
          await output.write(r.out.subarray(from, k ? r.ends[k - 1] : 0));
          from = r.ends[k];
          fail(r.at[k], r.bytes[k], `the id ${key} was seen before`);
        } else {
          seen.add(key);
          stats.docs += 1;
          stats.bytes += r.bytes[k];
          stats.analysedBytes += r.bytes[k];
        }
      }
      while (e < r.errors.length) failed(r.errors[e++]);
      await output.write(r.out.subarray(from));
      if (!meta.pages) lineBase += r.lines;
    }
  } catch (e) {
    report(e.path ?? 'error', e.code === 'ENOENT' ? 'No such file or directory' : e.message);
    return 1;
  } finally {
    meter.stop();
    output.close();
    await tasks.return();
  }
  if (!opts.quiet) {
    const seconds = (Date.now() - stats.start) / 1000;
    const skipped = stats.skipped ? `, ${fmt(stats.skipped)} already in ${opts.out}` : '';
    process.stderr.write(`presslens batch: ${fmt(stats.docs)} documents analysed (${(stats.analysedBytes / MB).toFixed(1)} MB of input) in ${seconds.toFixed(1)} s, `
      + `${(stats.analysedBytes / MB / Math.max(seconds, 1e-3)).toFixed(2)} MB/s, ${fmt(stats.failed)} failed${skipped}\n`);
  }
  return stats.failed ? 1 : 0;
}
