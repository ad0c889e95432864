#!/usr/bin/env bash
# One table: every catalog method, and node-summarizer's TextRank, on CNN/DailyMail dev and BBC News Summary:
# ROUGE-1/2/L F1 and articles/s, 3 sentences each. Needs ../shared/data beside the repository and `npm ci --prefix tests/peers`.
# Usage: bash tests/peers/compare-summarizers.sh [data-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# BBC's text starts with its title line; like `summarizer eval`, give node-summarizer the body only.
node -e '
const fs = require("fs");
for (const line of fs.readFileSync(process.argv[1], "utf8").split("\n")) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  let t = r.article;
  if (r.title && t.startsWith(r.title)) t = t.slice(r.title.length).replace(/^[\r\n ]+/, "");
  console.log(JSON.stringify({ id: r.id, article: t }));
}' "$data/bbc/bbc_news_summary.jsonl" > "$work/bbc.jsonl"

for set in "$data/cnndm-dev/dev.jsonl" "$work/bbc.jsonl"; do
  node "$root/tests/peers/textrank.mjs" "$set" >> "$work/node-summarizer.jsonl" 2>> "$work/node.log"
done
cat "$work/node.log" >&2

dotnet build "$root/src/Summarizer.Cli" -c Release --nologo -v q >/dev/null
dotnet "$root/src/Summarizer.Cli/bin/Release/net10.0/summarizer.dll" eval \
  "$data/cnndm-dev/dev.jsonl" "$data/bbc/bbc_news_summary.jsonl" \
  --sentences 3 --candidates "node-summarizer=$work/node-summarizer.jsonl" --format markdown
