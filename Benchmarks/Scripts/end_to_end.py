"""End to end: one JSON-lines file of crawler progress updates through `lineage ingest`, through SQLite parsing
the JSON itself (Peers/sqlite_ingest.c) and through RocksDB with simdjson (Peers/rocksdb_ingest.cc), each timed
as a whole process against a fresh database, all durable, runs interleaved so machine noise hits every engine
alike. Checks that the three applied the same number of lines, then prints the medians and the ratios.

Usage: python3 Benchmarks/Scripts/end_to_end.py path/to/lineage [RUNS=5] [LINES=200000]
Needs clang, clang++, librocksdb-dev, libsimdjson-dev and libsqlite3-dev.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "..", "Peers")
WORKLOADS = {"hot": 100, "wide": 10_000}


def build(work):
    """Compiles the two peers with full optimisation for this machine."""
    sqlite = os.path.join(work, "sqlite_ingest")
    rocksdb = os.path.join(work, "rocksdb_ingest")
    subprocess.run(["clang", "-O3", "-march=native", "-o", sqlite, os.path.join(PEERS, "sqlite_ingest.c"),
                    "-lsqlite3"], check=True)
    subprocess.run(["clang++", "-std=c++17", "-O3", "-march=native", "-o", rocksdb,
                    os.path.join(PEERS, "rocksdb_ingest.cc"), "-lrocksdb", "-lsimdjson"], check=True)
    return sqlite, rocksdb


def timed(command):
    """Runs `command`; returns (seconds, lines applied)."""
    started = time.perf_counter()
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - started
    if command[1] == "ingest":
        return seconds, json.loads(output)["outcomes"]["applied"]
    return seconds, int(output.strip())


def main():
    lineage = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
    work = tempfile.mkdtemp()
    try:
        sqlite, rocksdb = build(work)
        files = {}
        for name, jobs in WORKLOADS.items():
            files[name] = os.path.join(work, f"{name}.jsonl")
            with open(files[name], "w") as out:
                subprocess.run([sys.executable, os.path.join(HERE, "crawler_lines.py"), str(jobs), str(count)],
                               stdout=out, check=True)
        engines = {
            "lineage ingest": lambda path, db: [lineage, "ingest", path, "--db", db, "--format", "json"],
            "SQLite (parses the JSON)": lambda path, db: [sqlite, path, db],
            "RocksDB + simdjson": lambda path, db: [rocksdb, path, db],
        }
        seconds = {}
        for run in range(runs):
            for name, path in files.items():
                for engine, command in engines.items():
                    database = os.path.join(work, "db")
                    result = timed(command(path, database))
                    if engine == "lineage ingest":  # outside the timing: the store must verify clean
                        subprocess.run([lineage, "verify", "--db", database], check=True, capture_output=True)
                    for leftover in [database, database + "-lock", database + "-wal", database + "-shm"]:
                        if os.path.isdir(leftover):
                            shutil.rmtree(leftover)
                        elif os.path.exists(leftover):
                            os.unlink(leftover)
                    seconds.setdefault((name, engine), []).append(result)
                    print(f"run {run + 1}/{runs} {name} {engine}: {result[0]:.3f} s, {result[1]} applied",
                          file=sys.stderr)
        print(f"{count:,} lines per file, medians of {runs} interleaved runs, durable.\n")
        print("| workload | program | median s | lines/s | applied |")
        print("|---|---|---:|---:|---:|")
        rates = {}
        for (name, engine), results in seconds.items():
            applied = {result[1] for result in results}
            if len(applied) != 1 or applied != {seconds[(name, "lineage ingest")][0][1]}:
                sys.exit(f"{name} {engine}: applied {applied}, not what lineage ingest applied")
            median = statistics.median(result[0] for result in results)
            rates[(name, engine)] = count / median
            print(f"| {name} | {engine} | {median:.3f} | {count / median:,.0f} | {applied.pop():,} |")
        print("\n| ratio | measured | target |")
        print("|---|---:|---:|")
        for name in WORKLOADS:
            ours = rates[(name, "lineage ingest")]
            print(f"| {name}: lineage ingest / SQLite | {ours / rates[(name, 'SQLite (parses the JSON)')]:.2f}× | ≥ 10× |")
            print(f"| {name}: lineage ingest / RocksDB | {ours / rates[(name, 'RocksDB + simdjson')]:.2f}× | ≥ 5× |")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
