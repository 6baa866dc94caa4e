#!/bin/sh
# Progress over HTTP against `lineage ingest` of the same kind of updates, in one run, durable:
# wrk with 64 keep-alive connections posting single updates, then NDJSON batches of 1,000, each against a
# fresh database; `lineage ingest` of 200,000 crawler lines (Scripts/crawler_lines.py, 100 jobs) beside them.
# Prints one line per measurement and the medians of RUNS runs.
# Usage: Benchmarks/Scripts/http_progress.sh path/to/lineage [RUNS=3] [SECONDS=10]
set -eu
command -v wrk > /dev/null || { echo "http_progress.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
lineage=$1
runs=${2:-3}
seconds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lineage_server.sh"
python3 "$here/crawler_lines.py" 100 200000 > "$work/updates.jsonl"

# wrk's summary as "updates/s p50-ms p99-ms non-2xx" for BATCH updates per request.
measure() {
    LINEAGE_BATCH=$1 wrk -t2 -c64 -d"${seconds}s" --timeout 60s --latency -s "$here/progress_update.lua" "$url" > "$work/wrk.out"
    python3 - "$work/wrk.out" "$1" <<'PY'
import re, sys
text, batch = open(sys.argv[1]).read(), int(sys.argv[2])
def ms(label):
    value, unit = re.search(label + r"\s+([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)) * batch
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rate:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {bad.group(1) if bad else 0}")
PY
}

: > "$work/results"
for run in $(seq "$runs"); do
    rm -f "$work/ingest.db" "$work/ingest.db-lock"
    ingest=$("$lineage" ingest "$work/updates.jsonl" --db "$work/ingest.db" --format json \
        | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["updates_per_second"]))')
    echo "ingest $ingest" >> "$work/results"
    serve; echo "single $(measure 1)" >> "$work/results"; stop
    serve; echo "ndjson $(measure 1000)" >> "$work/results"; stop
    tail -n 3 "$work/results" | sed "s/^/run $run: /"
done
python3 - "$work/results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, *values = line.split()
    rows.setdefault(name, []).append([float(v) for v in values])
def median(name, column): return statistics.median(r[column] for r in rows[name])
ingest = median("ingest", 0)
print(f"lineage ingest: {ingest:.0f} updates/s")
for name, label in [("single", "single-update POSTs"), ("ndjson", "NDJSON batches of 1,000")]:
    print(f"{label}: {median(name, 0):.0f} updates/s, p50 {median(name, 1):.2f} ms, p99 {median(name, 2):.2f} ms, "
          f"non-2xx {median(name, 3):.0f}, {median(name, 0) / ingest:.2f}x ingest")
PY
