"""Writes the fuzzers' seed corpus into Tests/Fuzz/Corpus/<target>/ from the format's golden vectors, the
progress payloads of the benchmark generator and one export line per record kind of the demo database.

Usage: python3 Tools/Fuzz/seed_corpus.py LINEAGE_BINARY
Deterministic: the same sources give the same files, named by the SHA-1 of their bytes as libFuzzer names them.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "Fuzz", "Corpus")
ENVELOPE_BYTES = 14


def write(target, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as out:
        out.write(data)


def vectors(name):
    with open(os.path.join(ROOT, "Formats", "vectors", name)) as source:
        return json.load(source)


def main():
    lineage = sys.argv[1]
    for key in vectors("keys.json")["keys"]:
        write("fuzz-tuple", bytes.fromhex(key["hex"]))
    for record in vectors("records.json")["records"]:
        record_bytes = bytes.fromhex(record["hex"])
        if record["kind"] < 256:
            write("fuzz-record", bytes([record["kind"]]) + record_bytes[ENVELOPE_BYTES:])
        write("fuzz-record", record_bytes)
    generator = os.path.join(ROOT, "Benchmarks", "Scripts", "crawler_lines.py")
    lines = subprocess.run([sys.executable, generator, "3", "12"], capture_output=True, check=True).stdout
    for line in lines.splitlines():
        write("fuzz-progress-json", line)
    with tempfile.TemporaryDirectory() as directory:
        database = os.path.join(directory, "demo.db")
        subprocess.run([lineage, "demo", "--fresh", "--db", database], capture_output=True, check=True)
        exported = subprocess.run([lineage, "export", "--db", database], capture_output=True, check=True).stdout
    seen = set()
    for line in exported.splitlines():
        kind = json.loads(line)["kind"]
        if kind not in seen:
            seen.add(kind)
            write("fuzz-load-line", line)


if __name__ == "__main__":
    main()
