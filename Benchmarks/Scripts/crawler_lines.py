"""Writes JSON lines of crawler progress updates in the seed payload's shape, for timing `lineage ingest`.

Usage: python3 crawler_lines.py JOBS UPDATES > updates.jsonl

Two reporters per job with their own seqs, 8 item types, every update carrying one timeline event with a
small nested `details` document, about 2 % duplicates (a line re-sent from the last 64) and 5 % reordering
(a line swapped with its predecessor). Deterministic: the same arguments give the same bytes.
"""
import json
import random
import sys

ITEM_TYPES = ["issues", "pulls", "commits", "comments", "reviews", "releases", "wikis", "tags"]


def main():
    jobs, total = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(7)
    seqs, processed, recent, lines = {}, {}, [], []
    for _ in range(total):
        if recent and rng.randrange(50) == 0:
            lines.append(rng.choice(recent))
            continue
        job, reporter = rng.randrange(jobs), rng.randrange(2)
        seqs[(job, reporter)] = seqs.get((job, reporter), 0) + 1
        processed[job] = processed.get(job, 0) + 1
        kind = rng.choice(ITEM_TYPES)
        update = {
            "jobId": f"job-{job}", "reporter": f"crawler-{reporter}", "seq": seqs[(job, reporter)],
            "timestamp": "2025-01-06T19:15:30.000Z", "status": "processing", "processedItems": processed[job],
            "totalItems": 1000000, "currentDataType": kind, "itemsByType": {kind: 1 + rng.randrange(5)},
            "lastProcessedId": f"{kind}-{processed[job]}", "stage": "data_collection",
            "operationType": "data_collection",
            "timeline": [{
                "event": "progress_update", "timestamp": "2025-01-06T19:15:30.000Z",
                "details": {"page": processed[job], "type": kind,
                            "rate_limit": {"remaining": 4999, "reset": 1736190930}},
            }],
        }
        line = json.dumps(update)
        lines.append(line)
        recent = (recent + [line])[-64:]
        if len(lines) >= 2 and rng.randrange(20) == 0:
            lines[-1], lines[-2] = lines[-2], lines[-1]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
