"""The PostgreSQL mirror: how fast `lineage mirror` catches up on a store, against PostgreSQL's own bulk load of
the same records (`COPY` of `lineage export`'s lines into one JSONB column) in the same run, and how far behind
`lineage mirror --follow` stays while `lineage ingest` writes the store.

Usage: python3 Benchmarks/Scripts/mirror.py path/to/lineage [RUNS=3] [UPDATES=1000000] [LAG_RATE=10000]

Starts a throwaway PostgreSQL cluster on a loopback port (as the postgres user when run as root, fsync on, as a
server would run) and removes it at the end. Workloads: the database `lineage demo` writes, and UPDATES crawler
progress updates over 100 jobs (crawler_lines.py) ingested into a fresh store. Each catch-up run mirrors into a
fresh schema with --no-consumer; runs of the mirror and of COPY are interleaved.
"""
import datetime
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
AS_POSTGRES = os.getuid() == 0


def as_postgres(command):
    return (["runuser", "-u", "postgres", "--"] if AS_POSTGRES else []) + command


class Cluster:
    """initdb plus pg_ctl in a temporary directory, on a free loopback port."""

    def __init__(self, work):
        self.bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
        self.dir = os.path.join(work, "pg")
        os.mkdir(self.dir)
        if AS_POSTGRES:
            shutil.chown(self.dir, "postgres")
        subprocess.run(as_postgres([f"{self.bin}/initdb", "-D", f"{self.dir}/data", "-A", "trust", "-U", "postgres"]),
                       check=True, capture_output=True)
        self.port = 54000 + os.getpid() % 1000
        subprocess.run(as_postgres([f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w",
                                    "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start"]),
                       check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres?sslmode=disable"

    def sql(self, statement):
        output = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-tA", "-v",
                                 "ON_ERROR_STOP=1", "-c", statement], check=True, capture_output=True, text=True)
        return output.stdout.strip()

    def stop(self):
        subprocess.run(as_postgres([f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def lineage_json(lineage, *arguments):
    return json.loads(subprocess.run([lineage, *arguments, "--format", "json"], check=True, capture_output=True,
                                     text=True).stdout)


def catch_up(lineage, cluster, db, schema):
    """Seconds `lineage mirror` takes into a fresh schema; the changes it applied and the rows it wrote."""
    started = time.perf_counter()
    report = lineage_json(lineage, "mirror", cluster.url, "--schema", schema, "--no-consumer", "--db", db)
    seconds = time.perf_counter() - started
    tables = cluster.sql(f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'").split()
    rows = sum(int(cluster.sql(f"SELECT count(*) FROM {schema}.{table}")) for table in tables
               if table != "lineage_mirror_position")
    cluster.sql(f"DROP SCHEMA {schema} CASCADE")
    return seconds, report["applied"], rows


def bulk_copy(cluster, export, schema):
    """Seconds PostgreSQL's COPY takes to load the export's lines into one JSONB column of a fresh table."""
    cluster.sql(f"CREATE SCHEMA {schema}; CREATE TABLE {schema}.raw (record JSONB)")
    started = time.perf_counter()
    subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-c", f"\\copy {schema}.raw (record) FROM '{export}' WITH (FORMAT csv, QUOTE e'\\x01', "
                          "DELIMITER e'\\x02')"], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    rows = int(cluster.sql(f"SELECT count(*) FROM {schema}.raw"))
    cluster.sql(f"DROP SCHEMA {schema} CASCADE")
    return seconds, rows


def follow_lag(lineage, cluster, work, updates, rate):
    """Feeds `lineage ingest` `updates` crawler lines at `rate` lines/s while `lineage mirror --follow` runs;
    samples the mirror's position every 100 ms and returns each sample's lag (seconds between the store's commit
    of that position and PostgreSQL's), and the seconds the mirror needed to catch up once the ingest ended."""
    db = os.path.join(work, "live.db")
    subprocess.run([lineage, "init", "--db", db], check=True, capture_output=True)
    lines = subprocess.run([sys.executable, os.path.join(HERE, "crawler_lines.py"), "100", str(updates)],
                           check=True, capture_output=True).stdout.splitlines(keepends=True)
    mirror = subprocess.Popen([lineage, "mirror", cluster.url, "--schema", "live", "--follow", "--db", db],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    ingest = subprocess.Popen([lineage, "ingest", "--db", db, "-"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)
    samples, done = [], threading.Event()

    def sample():
        while not done.is_set():
            row = cluster.sql("SELECT position, extract(epoch FROM updated_at) FROM live.lineage_mirror_position")
            if row:
                position, applied = row.split("|")
                samples.append((int(position), float(applied)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.time()
    for index in range(0, len(lines), 100):
        ingest.stdin.write(b"".join(lines[index:index + 100]))
        ahead = started + (index + 100) / rate - time.time()
        if ahead > 0:
            time.sleep(ahead)
    ingest.stdin.close()
    ingest.wait()
    ended = time.time()
    last = lineage_json(lineage, "stats", "--db", db)["change_feed"]["last_sequence"]
    while not samples or samples[-1][0] < last:
        time.sleep(0.05)
    caught_up = time.time() - ended
    done.set()
    sampler.join()
    mirror.terminate()
    mirror.wait()
    lags = []
    for position, applied in {position: applied for position, applied in samples}.items():
        if position == 0:
            continue
        change = subprocess.run([lineage, "changes", "list", "--db", db, "--since", str(position - 1), "--limit",
                                 "1", "--format", "jsonl"], check=True, capture_output=True, text=True).stdout
        committed = json.loads(change)["committed_at"]
        lags.append(applied - datetime.datetime.fromisoformat(committed.replace("Z", "+00:00")).timestamp())
    return sorted(lags), caught_up, last


def main():
    lineage = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    updates = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    rate = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
    work = tempfile.mkdtemp()
    os.chmod(work, 0o755)  # the server's user reaches its directory inside
    cluster = Cluster(work)
    try:
        stores = {"demo": os.path.join(work, "demo.db"), f"{updates:,} progress updates": os.path.join(work, "p.db")}
        subprocess.run([lineage, "demo", "--db", stores["demo"]], check=True, capture_output=True)
        path = os.path.join(work, "updates.jsonl")
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "crawler_lines.py"), "100", str(updates)],
                           stdout=out, check=True)
        subprocess.run([lineage, "ingest", path, "--db", stores[f"{updates:,} progress updates"]], check=True,
                       capture_output=True)
        os.unlink(path)
        exports = {}
        for name, db in stores.items():
            exports[name] = os.path.join(work, f"{len(exports)}.jsonl")
            with open(exports[name], "w") as out:
                subprocess.run([lineage, "export", "--db", db], stdout=out, check=True)
        results = {}
        for run in range(runs):
            for name, db in stores.items():
                mirrored = catch_up(lineage, cluster, db, f"m{run}")
                copied = bulk_copy(cluster, exports[name], f"c{run}")
                results.setdefault(name, []).append((mirrored, copied))
                print(f"run {run + 1}/{runs} {name}: mirror {mirrored[0]:.2f} s ({mirrored[1]} changes, "
                      f"{mirrored[2]} rows), COPY {copied[0]:.2f} s ({copied[1]} rows)", file=sys.stderr)
        print(f"Catch-up, medians of {runs} interleaved runs (seconds; rows/s):\n")
        print("| store | changes | rows written | `lineage mirror` | rows/s | `COPY` of the export | rows/s | "
              "mirror / COPY |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, pairs in results.items():
            mirror = statistics.median(m[0] for m, _ in pairs)
            copy = statistics.median(c[0] for _, c in pairs)
            changes, rows, records = pairs[0][0][1], pairs[0][0][2], pairs[0][1][1]
            print(f"| {name} | {changes:,} | {rows:,} | {mirror:.2f} s | {rows / mirror:,.0f} | {copy:.2f} s "
                  f"({records:,} records) | {records / copy:,.0f} | {copy / mirror:.2f}× |")
        lags, caught_up, last = follow_lag(lineage, cluster, work, min(updates, 20 * rate), rate)
        print(f"\n--follow during `lineage ingest` of {min(updates, 20 * rate):,} updates at {rate:,} lines/s "
              f"({last:,} changes): lag over {len(lags)} samples median {statistics.median(lags):.2f} s, "
              f"p95 {lags[int(len(lags) * 0.95)]:.2f} s, max {lags[-1]:.2f} s; caught up {caught_up:.2f} s "
              "after the ingest ended.")
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
