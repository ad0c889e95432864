#!/usr/bin/env bash
# Whole-process speed and peak memory of `summarizer summarize`, measured with /usr/bin/time -v.
# Inputs are generated under $BENCH_DIR (default /tmp/summarizer-bench) from the CNN/DailyMail dev slice:
#   long-10k.txt, long-75k.txt, long-314k.txt  leading dev articles concatenated into one article (one per paragraph)
#   dev-1k.jsonl, dev-10k.jsonl                 {id, text} records; the 10k file repeats the slice with fresh ids
#   bbc.ipynb                                   BBC News Summary: load, word and entity frequencies, summaries, compare
#   big-cell.ipynb                              #!summarize on a 5.2 MB cell, then the same text loaded from a file
# Usage: tests/bench/bench.sh [long|throughput|notebook|all] [methods...]
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${SHARED_DATA:-$root/../shared/data}"
data="$shared/cnndm-dev/dev.jsonl"
dir="${BENCH_DIR:-/tmp/summarizer-bench}"
cli="${SUMMARIZER_CLI:-$root/src/Summarizer.Cli/bin/Release/net10.0/summarizer}"
what="${1:-all}"
shift || true
methods=("$@")
[[ ${#methods[@]} -gt 0 ]] || methods=(centrality lead luhn edmundson textrank lexrank lsa sumbasic klsum)

mkdir -p "$dir"
[[ -x "$cli" ]] || { echo "build first: dotnet build src/Summarizer.Cli -c Release" >&2; exit 1; }

# The leading articles of the dev slice, concatenated, until the text has at least $1 words.
make_long() {
  local words=$1 out=$2
  [[ -s "$out" ]] && return
  jq -r ".article" "$data" | awk -v target="$words" 'total < target { print; print ""; total += NF }' > "$out"
}

make_jsonl() {
  local copies=$1 out=$2
  [[ -s "$out" ]] && return
  for ((c = 0; c < copies; c++)); do
    jq -c --arg c "$c" '{id: ("r" + $c + "-" + .id), text: .article}' "$data"
  done > "$out"
}

# Runs a command under /usr/bin/time -v; prints "wall-seconds peak-MB cpu-seconds" (CPU = user + system, which
# other load on the machine inflates less than wall time).
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || { echo "failed: $*" >&2; tail -5 "$log" >&2; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
              /Maximum resident set size/ { kb = $2 }
              /User time|System time/ { cpu += $2 }
              END { printf "%.2f %.0f %.2f\n", s, kb / 1024, cpu }' "$log"
  rm -f "$log"
}

if [[ "$what" == long || "$what" == all ]]; then
  make_long 10000 "$dir/long-10k.txt"
  make_long 75000 "$dir/long-75k.txt"
  make_long 314000 "$dir/long-314k.txt"
  printf '%-11s %-26s %-26s %-26s\n' method 10k 75k 314k
  for m in "${methods[@]}"; do
    row=$(printf '%-11s' "$m")
    for size in 10k 75k 314k; do
      read -r s mb cpu < <(measure timeout "${BENCH_TIMEOUT:-120}" "$cli" summarize "$dir/long-$size.txt" -m "$m")
      row+=$(printf ' %6ss %5sMB %6scpu  ' "$s" "$mb" "$cpu")
    done
    echo "$row"
  done
fi

if [[ "$what" == throughput || "$what" == all ]]; then
  make_jsonl 1 "$dir/dev-1k.jsonl"
  make_jsonl 10 "$dir/dev-10k.jsonl"
  for n in 1k 10k; do
    read -r s mb cpu < <(measure "$cli" summarize "$dir/dev-$n.jsonl" -f jsonl)
    echo "dev-$n.jsonl: ${s}s ${mb}MB ${cpu}s CPU"
  done
fi

# Notebooks run headless: each cell's time (the runner prints it), the whole run and its peak memory.
if [[ "$what" == notebook || "$what" == all ]]; then
  make_long 314000 "$dir/long-314k.txt"
  python3 - "$dir" "$shared/bbc/bbc_news_summary.jsonl" <<'PY'
import json, sys
folder, bbc = sys.argv[1], sys.argv[2]
def notebook(name, sources):
    cells = [{"id": f"c{i}", "cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s}
             for i, s in enumerate(sources)]
    meta = {"kernelspec": {"name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#"}, "language_info": {"name": "C#"}}
    json.dump({"nbformat": 4, "nbformat_minor": 5, "metadata": meta, "cells": cells}, open(f"{folder}/{name}", "w"))
notebook("bbc.ipynb", [f"#!load-articles {bbc} --name articles", "#!word-freq --from articles --top 20",
                       "#!entity-freq --from articles --top 20 --types PERSON,ORGANIZATION,LOCATION",
                       "#!summarize --from articles --sentences 3", "#!compare --from articles --row 0"])
text = open(f"{folder}/long-314k.txt", encoding="utf-8").read()
while len(text.encode()) < 5_200_000:
    text += "\n\n" + text
text = text.encode()[:5_200_000].decode("utf-8", "ignore")
open(f"{folder}/big.txt", "w", encoding="utf-8").write(text)
notebook("big-cell.ipynb", ["#!summarize\n" + text, f"#!load-articles {folder}/big.txt --name big", "#!summarize --from big --method textrank"])
PY
  for nb in bbc big-cell; do
    rm -rf "$dir/out-$nb"
    /usr/bin/time -f "$nb: %e s wall, peak %M KB" "$cli" notebook run "$dir/$nb.ipynb" --out "$dir/out-$nb" 2>&1 | grep -E "cell|wall"
    ls -l "$dir/out-$nb"
  done
fi
