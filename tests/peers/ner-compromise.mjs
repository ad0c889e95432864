// Scores the compromise library's people/organizations/places on a CoNLL file, the same way `summarizer ner eval`
// scores the built-in model: each sentence's tokens joined by spaces, exact token spans, micro-F1 over PER/ORG/LOC.
// Usage (after `npm ci --prefix tests/peers`, which pins compromise 14.17.0):
//   node tests/peers/ner-compromise.mjs FILE.conll [--lowercase]
// COMPROMISE_PATH=/path/to/compromise/src/three.js loads compromise from elsewhere.
// Output: one JSON line with micro and per-label F1 and tokens/s.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const file = args.find(a => !a.startsWith('--'));
const lowercase = args.includes('--lowercase');
if (!file) {
  console.error('usage: node ner-compromise.mjs FILE.conll [--lowercase]');
  process.exit(2);
}

const spec = process.env.COMPROMISE_PATH ? pathToFileURL(process.env.COMPROMISE_PATH).href : 'compromise';
const nlp = (await import(spec)).default;

function readConll(path) {
  const sentences = [];
  let tokens = [];
  let tags = [];
  const flush = () => {
    if (tokens.length) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('-DOCSTART-')) { flush(); continue; }
    const parts = line.split(line.includes('\t') ? '\t' : ' ').filter(p => p);
    tokens.push(parts[0]);
    tags.push(parts[parts.length - 1]);
  }
  flush();
  return sentences;
}

function spans(tags) {
  const out = [];
  let start = -1;
  let label = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const type = tag === 'O' ? null : tag.slice(2);
    const begins = type !== null && (tag[0] === 'B' || type !== label);
    if (label !== null && (type === null || begins)) { out.push(`${start}:${i}:${label}`); label = null; }
    if (begins) { start = i; label = type; }
  }
  return out;
}

const gold = readConll(file);
const labels = ['PER', 'ORG', 'LOC'];
const counts = Object.fromEntries(labels.map(l => [l, { tp: 0, fp: 0, fn: 0 }]));
let tokenCount = 0;
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
for (const sentence of gold) {
  const tokens = lowercase ? sentence.tokens.map(t => t.toLowerCase()) : sentence.tokens;
  tokenCount += tokens.length;
  const starts = [];
  let text = '';
  for (const t of tokens) {
    if (text) text += ' ';
    starts.push(text.length);
    text += t;
  }
  const ends = tokens.map((t, i) => starts[i] + t.length);
  const doc = nlp(text);
  const predicted = new Set();
  for (const [label, view] of [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]]) {
    for (const match of view.json({ offset: true })) {
      let begin = match.offset.start;
      let end = begin + match.offset.length;
      // Trim whitespace and trailing punctuation compromise keeps on a term.
      while (end > begin && /[\s.,;:!?'")]/.test(text[end - 1]) && !ends.includes(end)) end--;
      while (begin < end && /\s/.test(text[begin])) begin++;
      const first = starts.findIndex((s, i) => s <= begin && begin < ends[i]);
      let last = -1;
      for (let i = 0; i < tokens.length; i++) if (starts[i] < end) last = i;
      if (first >= 0 && last >= first) predicted.add(`${first}:${last + 1}:${label}`);
    }
  }
  const expected = new Set(spans(sentence.tags).filter(s => labels.includes(s.split(':')[2])));
  for (const s of predicted) counts[s.split(':')[2]][expected.has(s) ? 'tp' : 'fp']++;
  for (const s of expected) if (!predicted.has(s)) counts[s.split(':')[2]].fn++;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const f1 = c => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? 2 * p * r / (p + r) : 0 };
};
const micro = labels.reduce((a, l) => ({ tp: a.tp + counts[l].tp, fp: a.fp + counts[l].fp, fn: a.fn + counts[l].fn }), { tp: 0, fp: 0, fn: 0 });
const m = f1(micro);
console.log(JSON.stringify({
  file, lowercase, sentences: gold.length, tokens: tokenCount,
  micro: { precision: +m.p.toFixed(4), recall: +m.r.toFixed(4), f1: +m.f.toFixed(4) },
  perLabel: Object.fromEntries(labels.map(l => [l, +f1(counts[l]).f.toFixed(4)])),
  tokensPerSecond: Math.round(tokenCount / seconds),
  tokensPerCpuSecond: Math.round(tokenCount / cpuSeconds),
}));
