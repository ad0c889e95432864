#!/usr/bin/env node
// People, places and organisations found by the npm package compromise, with offsets, for side-by-side measurements.
//
// Input (a file argument, or stdin), detected from its first non-empty line:
//   CoNLL  token-per-line files: `token ... tag` columns (space or tab separated), a blank line after each sentence,
//          optional `-DOCSTART-` lines (CoNLL-2003 4-column IOB1, or `token<TAB>tag` IOB2).
//   JSONL  one object a line with `id` and `text` (or `article`).
//   text   anything else: the whole input is one document.
// Output: JSONL on stdout, one line per sentence (CoNLL) or per document (JSONL, text):
//   {"id", "text", "entities": [{"type": "PER"|"LOC"|"ORG", "text", "start", "end"}]}
//   `start`/`end` are UTF-16 offsets into `text` (end exclusive). CoNLL lines also carry `doc`, `tokens` and, per
//   entity, `tokenStart`/`tokenEnd` (end exclusive), plus the `gold` spans from the file's tags, so that the output can
//   be scored directly. In CoNLL mode `text` is the sentence's tokens joined by single spaces.
// Stderr: problems per line and, at the end, units, tokens, seconds and tokens/s.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import nlp from 'compromise';

const TAG = /^(O|[BIES]-[A-Za-z]+)$/;
const EDGE = /[\s.,;:!?'"`()[\]{}]/;

function parseArgs(argv) {
  const options = { input: null, format: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') {
      options.format = argv[++i];
      if (!['conll', 'jsonl', 'text'].includes(options.format)) throw new Error('--format must be conll, jsonl or text');
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node entities.mjs [input] [--format conll|jsonl|text] > entities.jsonl\n');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.input = arg;
  }
  return options;
}

// compromise's spans can carry trailing punctuation ("Google Inc." at a sentence end); trim it from both edges.
function trimSpan(text, start, end) {
  while (start < end && EDGE.test(text[start])) start++;
  while (end > start && EDGE.test(text[end - 1])) end--;
  return [start, end];
}

function findEntities(text) {
  const doc = nlp(text);
  const found = [];
  const seen = new Set();
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    for (const match of view.json({ offset: true, terms: false })) {
      if (!match.offset) continue;
      const [start, end] = trimSpan(text, match.offset.start, match.offset.start + match.offset.length);
      const key = `${type}:${start}:${end}`;
      if (end <= start || seen.has(key)) continue;
      seen.add(key);
      found.push({ type, text: text.slice(start, end), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

// Gold spans from IOB1 or IOB2 tags: a span starts at B-X, or at I-X after O or another type.
function goldSpans(tokens, tags) {
  const spans = [];
  let current = null;
  tags.forEach((tag, i) => {
    const [prefix, type] = tag === 'O' ? ['O', null] : [tag[0], tag.slice(2)];
    const continues = current && type === current.type && (prefix === 'I' || prefix === 'E');
    if (continues) {
      current.tokenEnd = i + 1;
    } else {
      if (current) spans.push(current);
      current = type ? { type, tokenStart: i, tokenEnd: i + 1 } : null;
    }
    if (current && (prefix === 'E' || prefix === 'S')) {
      spans.push(current);
      current = null;
    }
  });
  if (current) spans.push(current);
  return spans.map((s) => ({ ...s, text: tokens.slice(s.tokenStart, s.tokenEnd).join(' ') }));
}

function detect(firstLine) {
  const trimmed = firstLine.trim();
  if (trimmed.startsWith('{')) return 'jsonl';
  if (trimmed.startsWith('-DOCSTART-')) return 'conll';
  const columns = trimmed.split(/\s+/);
  return columns.length >= 2 && TAG.test(columns[columns.length - 1]) ? 'conll' : 'text';
}

const stats = { units: 0, tokens: 0, failed: 0 };

function emit(record) {
  process.stdout.write(`${JSON.stringify(record)}\n`);
  stats.units++;
}

function conllSentence(sentence, doc, name) {
  const tokens = sentence.rows.map((r) => r[0]);
  const tags = sentence.rows.map((r) => (r.length >= 2 && TAG.test(r[r.length - 1]) ? r[r.length - 1] : 'O'));
  const text = tokens.join(' ');
  const starts = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length + 1;
  }
  let entities = [];
  try {
    entities = findEntities(text).map((e) => {
      // Tokens that overlap the span.
      let tokenStart = 0;
      while (tokenStart < tokens.length - 1 && starts[tokenStart] + tokens[tokenStart].length <= e.start) tokenStart++;
      let tokenEnd = tokenStart;
      while (tokenEnd < tokens.length && starts[tokenEnd] < e.end) tokenEnd++;
      return { ...e, tokenStart, tokenEnd };
    });
  } catch (err) {
    stats.failed++;
    process.stderr.write(`${name}:${sentence.line}: compromise failed (${err.message}); no entities\n`);
  }
  stats.tokens += tokens.length;
  emit({ id: `s${stats.units}`, doc, line: sentence.line, text, tokens, entities, gold: goldSpans(tokens, tags) });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const name = options.input ?? 'stdin';
  const source = options.input ? createReadStream(options.input, 'utf8') : process.stdin;
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  const started = process.hrtime.bigint();
  let format = options.format;
  let lineNumber = 0;
  let doc = 0;
  let sentence = { rows: [], line: 1 };
  const raw = [];
  for await (const line of lines) {
    lineNumber++;
    if (format === null) {
      if (line.trim().length === 0) continue;
      format = detect(line);
    }
    if (format === 'conll') {
      const trimmed = line.trim();
      if (trimmed.startsWith('-DOCSTART-')) {
        if (sentence.rows.length) conllSentence(sentence, doc, name);
        if (stats.units > 0 || sentence.rows.length) doc++;
        sentence = { rows: [], line: lineNumber + 1 };
      } else if (trimmed.length === 0) {
        if (sentence.rows.length) conllSentence(sentence, doc, name);
        sentence = { rows: [], line: lineNumber + 1 };
      } else {
        sentence.rows.push(trimmed.split(/\s+/));
      }
    } else if (format === 'jsonl') {
      if (line.trim().length === 0) continue;
      let record;
      try {
        record = JSON.parse(line);
      } catch (err) {
        stats.failed++;
        process.stderr.write(`${name}:${lineNumber}: not valid JSON (${err.message}); skipped\n`);
        continue;
      }
      const text = record.text ?? record.article;
      if (typeof text !== 'string') {
        stats.failed++;
        process.stderr.write(`${name}:${lineNumber}: no 'text' or 'article' string field; skipped\n`);
        continue;
      }
      stats.tokens += text.split(/\s+/).filter(Boolean).length;
      emit({ id: record.id ?? `line-${lineNumber}`, text, entities: findEntities(text) });
    } else {
      raw.push(line);
    }
  }
  if (format === 'conll' && sentence.rows.length) conllSentence(sentence, doc, name);
  if (format === 'text') {
    const text = raw.join('\n');
    stats.tokens += text.split(/\s+/).filter(Boolean).length;
    emit({ id: name, text, entities: findEntities(text) });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `entities (compromise): ${stats.units} ${format === 'conll' ? 'sentences' : 'documents'}, ${stats.tokens} tokens in ` +
      `${seconds.toFixed(2)} s = ${(seconds > 0 ? stats.tokens / seconds : 0).toFixed(0)} tokens/s` +
      (stats.failed ? `; ${stats.failed} problems` : '') + '\n');
}

main().catch((err) => {
  process.stderr.write(`entities: ${err.message}\n`);
  process.exit(1);
});
