#!/usr/bin/env node
// presslens [--json | --html OUT] [FILE...]: who is named, who said what, who condemned whom.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createAnalyzer } from './node.mjs';
import { renderHtml } from './html.mjs';

const USAGE = `Usage: presslens [OPTION]... [FILE]...
Find entities, quotes with their speakers, and condemnations in English news text.
With no FILE, or when FILE is -, read standard input.

  --json       print the results as JSON (one line per file: JSON Lines)
  --html OUT   write a self-contained HTML page with the findings highlighted to OUT
  -h, --help   show this help and exit
  --version    show the version and exit

Exit status: 0 if all files were analysed, 1 if a file could not be read or analysed,
2 on a usage error.`;

function fail(message, code) {
  process.stderr.write(`presslens: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { json: false, html: null, files: [] };
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
      if (!opts.html) fail("option '--html' requires an output file\nTry 'presslens --help' for more information.", 2);
    } else if (a.startsWith('-') && a !== '-') {
      fail(`unrecognized option '${a}'\nTry 'presslens --help' for more information.`, 2);
    } else opts.files.push(a);
  }
  if (opts.files.length === 0) opts.files.push('-');
  return opts;
}

function readInput(file) {
  if (file === '-') return readFileSync(0, 'utf8');
  return readFileSync(file, 'utf8');
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
  const opts = parseArgs(process.argv.slice(2));
  const analyzer = await createAnalyzer();
  let status = 0;
  const pages = [];
  for (const file of opts.files) {
    const name = file === '-' ? '(stdin)' : file;
    let text;
    try {
      text = readInput(file);
    } catch (e) {
      const why = e.code === 'ENOENT' ? 'No such file or directory'
        : e.code === 'EISDIR' ? 'Is a directory'
        : e.code === 'EACCES' ? 'Permission denied' : e.message;
      process.stderr.write(`presslens: ${name}: ${why}\n`);
      status = 1;
      continue;
    }
    let result;
    try {
      result = analyzer.analyze(text);
    } catch (e) {
      process.stderr.write(`presslens: ${name}: ${e.message}\n`);
      status = 1;
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
      fail(`${opts.html}: ${e.message}`, 1);
    }
  }
  analyzer.dispose();
  process.exitCode = status;
}

main().catch((e) => fail(e.message, 1));
