#!/usr/bin/env bash
# Time and memory of sitrep on pathological inputs, at full scale, measured
# with /usr/bin/time -v (the tests in crates/sitrep/tests/hostile.rs assert
# completion and errors at smaller scale; this measures the big ones).
#
#   scripts/hostile_bench.sh            uses target/release/sitrep (built if missing)
#   SITREP_BIN=path scripts/hostile_bench.sh
#   HOSTILE_TIMEOUT=600 (seconds per run; a run cut off shows exit 124)
#
# Prints one markdown table row per case: input, command, exit code, wall
# time, CPU seconds (user+sys), peak RSS (MB), what the run said on stderr (first line).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SITREP_BIN:-}
if [ -z "$bin" ]; then
  tdir=${CARGO_TARGET_DIR:-target}
  bin=$tdir/release/sitrep
  [ -x "$bin" ] || cargo build --release -p sitrep
fi
[ -x "$bin" ] || { echo "no sitrep binary at $bin" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys, os
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
# a 50 MB line (just under the 50 MiB article limit), no sentence break
unit = b"gunmen killed 3 people near Quetta and "
n = (50 * 1024 * 1024 - 200) // len(unit)
w("line50mb.txt", b"QUETTA: " + unit * n + b"police said.\n")
# the same, one byte over the limit
w("line51mb.txt", b"militants attacked the post and " * (51 * 1024 * 1024 // 32))
# a million "at least"
w("atleast1m.txt", b"PESHAWAR: " + b"at least " * 1_000_000 + b"12 people were killed in Peshawar on Friday, police said.\n")
# a million numbers and dates in one article
w("numbers1m.txt", b"KABUL: " + b"12, 13 or 14 on Oct. 19, 2025 and dozens more on Sunday; " * 200_000 + b"\n")
# 200,000 nested divs around the article
p = b"<p>KOHAT: Militants attacked a police station in Kohat on Tuesday, killing four policemen, officials said.</p>"
w("nested200k.html", b"<html><body>" + b"<div>" * 200_000 + p + b"</div>" * 200_000 + b"</body></html>")
# a feed of 100,000 items
items = b"".join(b"<item><title>Item %d</title><link>https://feed.example/%d</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>MARDAN: A bomb killed %d people in Mardan on Monday, police said.</description></item>" % (i, i, i % 9 + 2) for i in range(100_000))
w("feed100k.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>' + items + b"</channel></rss>")
# one feed start tag with 60,000 distinct attributes (quick-xml RUSTSEC-2026-0194)
attrs = b" ".join(b'a%d="x"' % i for i in range(60_000))
w("feedattrs.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>T</title><link ' + attrs + b' href="https://x.example/"/><description>MARDAN: A bomb killed three people in Mardan on Monday.</description></item></channel></rss>')
# 100,000 JSONL articles with zero-width joiners and bidi marks in place names,
# Cyrillic/Greek look-alikes, right-to-left overrides, full-width digits and
# combining marks (a third of each)
import json
lines = []
for i in range(100_000):
    n = i % 30 + 1
    if i % 3 == 0:
        t = "QUETTA: A suicide bomber killed at least %d policemen in Que\u200dtta and \u200fPesh\u200cawar\u200f on Sunday, officials said." % n
    elif i % 3 == 1:
        t = "\u049aUETTA: \u0410 suicide b\u043ember killed at least %d policemen in Qu\u0435tt\u0430 and P\u0435sh\u0430w\u0430r on Sunday, \u03bffficials said." % n
    else:
        t = "QUETTA: A suicide bomber killed at least %s policemen in \u202eQuetta\u202c and Pesha\u0301war on Sunday\u2066, officials said\u2069." % "".join(chr(0xFF10 + int(c)) for c in str(n))
    lines.append(json.dumps({"id": "z%d" % i, "text": t, "published": "2026-02-02"}))
w("confusables100k.jsonl", ("\n".join(lines) + "\n").encode())
PY
head -c 2147483648 /dev/zero | gzip -1 > "$work/bomb2g.txt.gz"

row() { # name, command...
  local name=$1; shift
  local t=$work/time.txt
  set +e
  /usr/bin/time -v timeout -k 10 "${HOSTILE_TIMEOUT:-600}" "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  set -e
  # /usr/bin/time appends its report to stderr
  local wall cpu rss msg
  wall=$(grep 'Elapsed (wall clock)' "$work/err" | awk '{print $NF}')
  cpu=$(grep -E '(User|System) time \(seconds\)' "$work/err" | awk '{s+=$NF} END {printf "%.1f", s}')
  rss=$(grep 'Maximum resident set size' "$work/err" | awk '{printf "%.0f", $NF/1024}')
  msg=$(grep -v -E '^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)' "$work/err" | head -1 | cut -c1-90 || true)
  local lines; lines=$(wc -l <"$work/out")
  printf '| %s | `%s` | %s | %s | %s | %s | %s lines out | %s |\n' "$name" "${*:2:1}" "$rc" "$wall" "$cpu" "$rss" "$lines" "$msg"
}
echo "| input | command | exit | wall (m:ss) | CPU s | peak RSS (MB) | output | stderr |"
echo "|---|---|---|---|---|---|---|---|"
for f in line50mb.txt line51mb.txt atleast1m.txt numbers1m.txt nested200k.html feed100k.rss feedattrs.xml confusables100k.jsonl bomb2g.txt.gz; do
  row "$f" "$bin" articles --quiet "$work/$f"
  case "$f" in
    line51mb.txt|bomb2g.txt.gz) ;;
    *) row "$f" "$bin" extract --quiet --published 2026-02-01 "$work/$f" ;;
  esac
done
db=$work/h.db
row "confusables100k.jsonl" "$bin" ingest --quiet --db "$db" "$work/confusables100k.jsonl"
row "stored events" "$bin" events --db "$db"
row "confusables100k.jsonl (rerun)" "$bin" ingest --quiet --db "$db" "$work/confusables100k.jsonl"
row "stored events after the rerun (no duplicates: same count)" "$bin" events --db "$db"
