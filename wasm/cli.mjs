#!/usr/bin/env node
// presslens [--json | --html OUT] [--max-length N] [FILE...]: who is named, who said what, who
// condemned whom.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createAnalyzer, MAX_TEXT_LENGTH, TextTooLargeError } from './node.mjs';
import { renderHtml } from './html.mjs';

const USAGE = `Usage: presslens [OPTION]... [FILE]...
Find entities, quotes with their speakers, and condemnations in English news text.
With no FILE, or when FILE is -, read standard input.
For a corpus (JSON Lines, a directory) on all cores, see 'presslens batch --help'.

  --json            print the results as JSON (one line per file: JSON Lines)
  --html OUT        write a self-contained HTML page with the findings highlighted to OUT
  --max-length N    skip a text longer than N characters (UTF-16 code units;
                    default and most ${MAX_TEXT_LENGTH})
  -h, --help        show this help and exit
  --version         show the version and exit

A file that is not text (it has NUL bytes, or more than a tenth of it is not UTF-8) is
reported and skipped.

Exit status: 0 if all files were analysed, 1 if a file could not be read, was not text or
could not be analysed, or OUT could not be written; 2 on a usage error.`;

// Messages start with "presslens: " once, whoever made them.
const message = (text) => `presslens: ${String(text).replace(/^presslens: /, '')}\n`;

function fail(text, code) {
  process.stderr.write(message(text));
  process.exit(code);
}

const usageError = (text) => fail(`${text}\nTry 'presslens --help' for more information.`, 2);

const SYSTEM_ERRORS = {
  ENOENT: 'No such file or directory', EISDIR: 'Is a directory', EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory', EROFS: 'Read-only file system', ENOSPC: 'No space left on device',
};
const why = (e) => SYSTEM_ERRORS[e.code] ?? e.message;

function parseArgs(argv) {
  const opts = { json: false, html: null, maxLength: MAX_TEXT_LENGTH, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { opts.files.push(...argv.slice(i + 1)); break; }
    if (a === '-h' || a === '--help') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
    if (a === '--version') {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
      process.stdout.write(`presslens ${pkg.version}\n`);
      process.exit(0);
    }
    if (a === '--json') opts.json = true;
    else if (a === '--html' || a.startsWith('--html=')) {
      opts.html = a === '--html' ? argv[++i] : a.slice(7);
      if (!opts.html) usageError("option '--html' requires an output file");
    } else if (a === '--max-length' || a.startsWith('--max-length=')) {
      const n = a === '--max-length' ? argv[++i] : a.slice(13);
      opts.maxLength = /^\d+$/.test(n ?? '') ? Number(n) : NaN;
      if (!(opts.maxLength <= MAX_TEXT_LENGTH)) usageError(`option '--max-length' requires a number of characters from 0 to ${MAX_TEXT_LENGTH}`);
    } else if (a.startsWith('-') && a !== '-') {
      usageError(`unrecognized option '${a}'`);
    } else opts.files.push(a);
  }
  if (opts.files.length === 0) opts.files.push('-');
  return opts;
}

// The text of a file: UTF-8, or UTF-16 with a byte order mark. Null when it is not text: it
// has NUL bytes, or more than a tenth of its characters are not UTF-8.
export function decodeText(bytes) {
  if (bytes[0] === 0xFF && bytes[1] === 0xFE) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xFE && bytes[1] === 0xFF) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return null;
  const text = new TextDecoder().decode(bytes);
  const invalid = (text.match(/\uFFFD/g)?.length ?? 0) - (bytes.toString('latin1').match(/\xEF\xBF\xBD/g)?.length ?? 0);
  return invalid * 10 > text.length ? null : text;
}

const quoteOf = (s, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

export function summary(name, result) {
  const lines = [`== ${name} ==`];
  const byType = {};
  for (const e of result.entities) (byType[e.type] ??= []).push(e.name);
  lines.push('Entities:');
  for (const [type, names] of Object.entries(byType)) lines.push(`  ${type.padEnd(6)} ${names.join(', ')}`);
  lines.push('Who said what:');
  if (result.quotes.length === 0) lines.push('  (no quotes)');
  for (const q of result.quotes) {
    const who = q.speaker ? `${q.speaker.name}${q.cue ? ` (${q.cue.lemma})` : ''}` : `(no speaker, ${q.kind})`;
    lines.push(`  ${who}: “${quoteOf(q.text)}”`);
  }
  lines.push('Who condemned whom:');
  if (result.condemnations.length === 0) lines.push('  (no condemnations)');
  for (const c of result.condemnations) {
    const who = c.source ? c.source.name : '(no source)';
    lines.push(`  ${who} —${c.negated ? 'not ' : ''}${c.cue.lemma}→ ${quoteOf(c.target.text)}`);
  }
  return lines.join('\n');
}

async function main() {
  if (process.argv[2] === 'batch') {
    const batch = await import('./batch-cli.mjs');
    process.exitCode = await batch.main(process.argv.slice(3));
    return;
  }
  const opts = parseArgs(process.argv.slice(2));
  const analyzer = await createAnalyzer({ maxLength: opts.maxLength });
  let status = 0;
  const pages = [];
  const skip = (name, text) => { process.stderr.write(message(`${name}: ${text}`)); status = 1; };
  for (const file of opts.files) {
    const name = file === '-' ? '(stdin)' : file;
    let text;
    try {
      text = decodeText(readFileSync(file === '-' ? 0 : file));
    } catch (e) {
      skip(name, why(e));
      continue;
    }
    if (text === null) {
      skip(name, 'not a text file (binary data or not UTF-8), skipped');
      continue;
    }
    let result;
    try {
      result = analyzer.analyze(text);
    } catch (e) {
      if (e instanceof TextTooLargeError) {
        skip(name, `too long: ${text.length} characters, the limit is ${opts.maxLength}`
          + (opts.maxLength < MAX_TEXT_LENGTH ? ' (raise it with --max-length)' : ' (split the file)') + ', skipped');
      } else {
        skip(name, e.message.replace(/^presslens: /, ''));
      }
      continue;
    }
    if (opts.json) process.stdout.write(`${JSON.stringify(file === '-' ? result : { file, ...result })}\n`);
    else if (!opts.html) process.stdout.write(`${summary(name, result)}\n`);
    if (opts.html) pages.push({ name: file === '-' ? 'stdin' : basename(file), text, result });
  }
  if (opts.html) {
    try {
      writeFileSync(opts.html, renderHtml(pages));
    } catch (e) {
      fail(`cannot write ${opts.html}: ${why(e)}`, 1);
    }
  }
  analyzer.dispose();
  process.exitCode = status;
}

main().catch((e) => fail(e.message, 1));
