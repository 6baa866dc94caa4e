#!/bin/sh
# How the writer's commits grow with their groups under single-update POSTs: wrk at 8 to 256 keep-alive
# connections against a fresh `lineage serve` each time, durable. Reads the server's /metrics after each run
# and prints, per connection count, updates/s, updates per commit and the mean commit time (medians of RUNS
# runs), then fits mean commit = fixed + per-update cost × updates per commit by least squares.
# Usage: Benchmarks/Scripts/http_group_sweep.sh path/to/lineage [RUNS=3] [SECONDS=6] [JOBS=100]
set -eu
command -v wrk > /dev/null || { echo "http_group_sweep.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
lineage=$1
runs=${2:-3}
seconds=${3:-6}
export LINEAGE_JOBS=${4:-100}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lineage_server.sh"

: > "$work/results"
for run in $(seq "$runs"); do
    for connections in 8 16 32 64 128 256; do
        serve
        LINEAGE_BATCH=1 wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s -s "$here/progress_update.lua" "$url" \
            > "$work/wrk.out"
        curl -sf "$url/metrics" -H "Authorization: Bearer $LINEAGE_TOKEN" > "$work/metrics"
        stop
        python3 - "$work/wrk.out" "$work/metrics" "$connections" <<'PY' | tee -a "$work/results" | sed "s/^/run $run: /"
import re, sys
wrk, metrics, connections = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
def metric(pattern): return float(re.search("^" + pattern + r" ([\d.e+-]+)$", metrics, re.M).group(1))
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
commits = metric("lineage_commit_duration_seconds_count")
seconds = metric("lineage_commit_duration_seconds_sum")
applied = metric(r'lineage_progress_updates_total\{outcome="applied"\}')
print(f"{connections} {rate:.0f} {applied / commits:.1f} {1000 * seconds / commits:.2f}")
PY
    done
done
python3 - "$work/results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    connections, *values = line.split()
    rows.setdefault(int(connections), []).append([float(v) for v in values])
print("connections  updates/s  updates/commit  mean commit (ms)")
points = []
for connections in sorted(rows):
    rate, group, commit = (statistics.median(r[i] for r in rows[connections]) for i in range(3))
    points.append((group, commit))
    print(f"{connections:11d}  {rate:9.0f}  {group:14.1f}  {commit:16.2f}")
n = len(points)
mean_group = sum(g for g, _ in points) / n
mean_commit = sum(c for _, c in points) / n
slope = sum((g - mean_group) * (c - mean_commit) for g, c in points) / sum((g - mean_group) ** 2 for g, _ in points)
print(f"fit: mean commit = {mean_commit - slope * mean_group:.2f} ms + {1000 * slope:.0f} µs × updates per commit")
PY
