#!/usr/bin/env node
// TextRank summaries from the npm package node-summarizer, for side-by-side measurements.
//
// Input: JSONL (a file argument, or stdin), one object a line with `id` and `article` (or `text`).
// Output: JSONL on stdout, `{"id": ..., "summary": "..."}` with the chosen sentences one per line.
// Stderr: progress problems per line and, at the end, articles, seconds and articles/s.
//
// node-summarizer ranks sentences by a random walk over a sentence graph (nouns and adjectives shared between
// sentences, found with wordpos). Its walk uses Math.random, so this script seeds Math.random (--seed) to make runs
// repeatable. The summary keeps node-summarizer's order (best-ranked first).
//
// Options: --sentences N (default 3), --seed N (default 1), --limit N (first N articles only).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The package's own pipeline classes: the same steps as SummarizerManager.getSummaryByRank, kept per sentence.
const { Preprocesser } = require('node-summarizer/src/Preprocesser');
const { Summarizer } = require('node-summarizer/src/Summarizer');

function parseArgs(argv) {
  const options = { sentences: 3, seed: 1, limit: Infinity, input: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--sentences') options.sentences = positiveInt(arg, next());
    else if (arg === '--seed') options.seed = positiveInt(arg, next());
    else if (arg === '--limit') options.limit = positiveInt(arg, next());
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node textrank.mjs [input.jsonl] [--sentences 3] [--seed 1] [--limit N] > summaries.jsonl\n');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.input = arg;
  }
  return options;
}

function positiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${value}'`);
  return n;
}

// mulberry32: a small, well-mixed 32-bit generator, so that the random walk is repeatable.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function summarize(text, count) {
  const summarizer = new Summarizer(text, count);
  const pre = new Preprocesser();
  const sentences = pre.paragraphToSentences(text);
  if (sentences instanceof Error || sentences.length === 0) return [];
  const [clean, originals] = pre.cleanSentences(sentences);
  const keywords = await pre.nounsAndAdjectives(clean);
  if (!keywords) return [];
  const graph = pre.createTextRankGraph(keywords);
  const ranked = summarizer.sortSentences(summarizer.textRankMapToList(pre.textRank(graph)));
  return ranked
    .slice(0, count)
    .map(([, key]) => originals.get(key))
    .filter((s) => typeof s === 'string' && s.trim().length > 0)
    .map((s) => s.replace(/\s*\n\s*/g, ' ').trim());
}

async function main() {
  // The package reports its own failures with console.log; keep stdout for JSONL only.
  console.log = (...args) => console.error(...args);
  const options = parseArgs(process.argv.slice(2));
  Math.random = seededRandom(options.seed);
  const source = options.input ? createReadStream(options.input, 'utf8') : process.stdin;
  const name = options.input ?? 'stdin';
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let lineNumber = 0;
  let articles = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  for await (const line of lines) {
    lineNumber++;
    if (articles >= options.limit) break;
    if (line.trim().length === 0) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (err) {
      failed++;
      process.stderr.write(`${name}:${lineNumber}: not valid JSON (${err.message}); skipped\n`);
      continue;
    }
    const text = record.article ?? record.text;
    if (typeof text !== 'string') {
      failed++;
      process.stderr.write(`${name}:${lineNumber}: no 'article' or 'text' string field; skipped\n`);
      continue;
    }
    const id = record.id ?? `line-${lineNumber}`;
    let sentences = [];
    try {
      sentences = await summarize(text, options.sentences);
    } catch (err) {
      process.stderr.write(`${name}:${lineNumber} (${id}): node-summarizer failed (${err.message}); empty summary\n`);
    }
    if (sentences.length === 0) {
      process.stderr.write(`${name}:${lineNumber} (${id}): node-summarizer found no connected sentences; empty summary\n`);
    }
    articles++;
    process.stdout.write(`${JSON.stringify({ id, summary: sentences.join('\n') })}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = seconds > 0 ? articles / seconds : 0;
  process.stderr.write(
    `textrank (node-summarizer): ${articles} articles in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} articles/s` +
      (failed ? `; ${failed} lines skipped` : '') + '\n');
}

main().catch((err) => {
  process.stderr.write(`textrank: ${err.message}\n`);
  process.exit(1);
});
