#!/usr/bin/env python3
"""Regenerates Formats/vectors/*.json from independent reference implementations.

Keys come from the FoundationDB tuple layer (`pip install foundationdb`, module fdb.tuple), record
bodies from `protoc --encode` with Formats/lineagestore.proto, checksums from `pip install xxhash`.
None of them shares code with the Swift codec, so the Swift tests check it against the format itself.

Run from the repository root: python3 Tools/make-golden-vectors.py
"""
import json
import math
import struct
import subprocess
import uuid

import fdb.tuple
import xxhash

FORMAT_MAJOR = 1


def element_json(value):
    if value is None:
        return {"null": True}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"double": struct.pack(">d", value).hex()}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, str):
        return {"string": value}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value).upper()}
    if isinstance(value, tuple):
        return {"tuple": [element_json(inner) for inner in value]}
    raise TypeError(value)


def nan_with_sign(negative):
    bits = 0xFFF8000000000000 if negative else 0x7FF8000000000000
    return struct.unpack(">d", bits.to_bytes(8, "big"))[0]


KEYS = [
    ("empty tuple", ()),
    ("null", (None,)),
    ("empty string", ("",)),
    ("string", ("process_jobs",)),
    ("string with NUL bytes", ("a\x00b\x00",)),
    ("non-ASCII string", ("café ☕",)),
    ("empty bytes", (b"",)),
    ("bytes with NUL and 0xFF", (b"\x00\xff\x00",)),
    ("zero", (0,)),
    ("one", (1,)),
    ("minus one", (-1,)),
    ("255 and 256", (255, 256)),
    ("minus 255 and minus 256", (-255, -256)),
    ("Int64.max", (2**63 - 1,)),
    ("Int64.min", (-(2**63),)),
    ("Int64.min + 1", (-(2**63) + 1,)),
    ("positive zero", (0.0,)),
    ("negative zero", (-0.0,)),
    ("pi", (math.pi,)),
    ("minus pi", (-math.pi,)),
    ("infinity", (math.inf,)),
    ("minus infinity", (-math.inf,)),
    ("NaN", (nan_with_sign(False),)),
    ("negative NaN", (nan_with_sign(True),)),
    ("false and true", (False, True)),
    ("uuid", (uuid.UUID("01890a5d-ac96-774b-bcce-b302099a8057"),)),
    ("nested tuple", (("a", None, 1),)),
    ("nested empty and doubly nested", ((), ((None,), b"\x00"))),
    ("primary key shape", (16, b"\x01" * 4, "x")),
]


def record_vector(name, message, kind, schema, text):
    body = subprocess.run(
        ["protoc", f"--encode=lineagestore.v1.{message}", "-I", "Formats", "lineagestore.proto"],
        input=text.encode(), capture_output=True, check=True).stdout
    header = bytes([FORMAT_MAJOR, 0]) + kind.to_bytes(2, "big") + schema.to_bytes(2, "big")
    header += xxhash.xxh3_64_intdigest(body).to_bytes(8, "big")
    return {"name": name, "message": message, "kind": kind, "schema_version": schema,
            "text_format": text, "hex": (header + body).hex()}


RECORDS = [
    record_vector("format info", "FormatInfo", 1, 1,
                  'major: 1 minor: 0 created_at: 1736190930000000 created_by: "LineageStore 0.1.0"'),
    record_vector("format info with zero time", "FormatInfo", 1, 1,
                  'major: 1 created_at: 0 created_by: ""'),
    record_vector("content", "Content", 16, 1,
                  'sha256: "' + "".join(f"\\{b:03o}" for b in bytes(range(32))) + '" '
                  'xxh3_128: "' + "".join(f"\\{b:03o}" for b in bytes(range(255, 239, -1))) + '" '
                  'size: 1073741824 first_seen_at: -1 last_seen_at: 9223372036854775807 seen_count: 3'),
    record_vector("sighting with NUL in location", "Sighting", 17, 1,
                  'sha256: "\\000" location: "a\\000b" first_seen_at: -9223372036854775808 '
                  'last_seen_at: 0 count: 1'),
    record_vector("stat cache entry", "StatCacheEntry", 18, 1,
                  'path: "/data/in.csv" size: 0 modified_at_ns: -5 inode: 18446744073709551615 device: 2049 '
                  'xxh3_128: "\\377" hashed_at: 1 changed_at_ns: 1736190930123456789'),
    record_vector("job with batch ids and metadata", "Job", 2, 1,
                  'id: "job-42" website_id: "site-1" process_type: "sync" status: "running" '
                  'started_at: 1736190930000000 updated_at: 1736190931000000 urls_discovered: 3 urls_updated: 1 '
                  'firecrawl_batch_ids: "b-1" firecrawl_batch_ids: "b-2" error_count: 1 last_error: "timeout" '
                  'metadata: "{\\"trigger\\":\\"cron\\"}" next_event_sequence: 2'),
    record_vector("page with content hash", "Page", 3, 1,
                  'id: "p1" website_id: "site-1" url: "https://example.com/a?q=\\303\\251" status: "active" '
                  'content_hash: "' + "".join(f"\\{b:03o}" for b in bytes(range(16))) + '" '
                  'created_by_process_id: "job-1" last_updated_by_process_id: "job-2" firecrawl_batch_id: "b-2" '
                  'created_at: 1 updated_at: 2 version_count: 2'),
    record_vector("schedule with lease and duration", "Schedule", 5, 1,
                  'user_id: "u1" last_batch_crawl_at: 1736190930000000 next_scheduled_crawl_at: 1736277330000000 '
                  'crawl_frequency_hours: 24 last_crawl_duration_seconds: 12.5 sources_crawled_count: 4 sources_failed_count: 1 '
                  'lease_owner: "crawler-a" lease_since: 5 lease_expires_at: 6 lease_recoveries: 1'),
    record_vector("stage definition with repeated dependencies", "StageDefinition", 10, 1,
                  'name: "chunker" depends_on: "markdown-conversion" depends_on: "markdown-optimizer" '
                  'optional: false max_retries: 3 description: "split" position: 3'),
    record_vector("job with merged progress", "Job", 2, 1,
                  'id: "job-7" process_type: "crawl" status: "completed" started_at: 1 completed_at: 9 '
                  'processed_items: 150 total_items: 1000 stage: "data_collection" '
                  'items_by_type { key: "issues" value: 50 } items_by_type { key: "pulls" value: -2 } '
                  'total_items_stamp { timestamp: 5 reporter: "crawler-a" seq: 17 } '
                  'status_stamp { timestamp: 9 } progress_updates: 3 resume_state: "{\\"page\\":7}" '
                  'resume_state_stamp { timestamp: 8 reporter: "crawler-a" seq: 16 } credential_status: "expired" '
                  'credential_status_changed_at: 6 credential_status_stamp { timestamp: 6 reporter: "crawler-a" seq: 15 } '
                  'paced_at: 60000000'),
    record_vector("job record apart from its progress", "Job", 2, 1,
                  'id: "job-7" process_type: "crawl" status: "completed" started_at: 1 completed_at: 9'),
    record_vector("job progress record", "Job", 21, 1,
                  'id: "job-7" processed_items: 150 total_items: 1000 stage: "data_collection" '
                  'items_by_type { key: "issues" value: 50 } items_by_type { key: "pulls" value: -2 } '
                  'total_items_stamp { timestamp: 5 reporter: "crawler-a" seq: 17 } '
                  'status_stamp { timestamp: 9 } progress_updates: 3 resume_state: "{\\"page\\":7}" '
                  'resume_state_stamp { timestamp: 8 reporter: "crawler-a" seq: 16 } credential_status: "expired" '
                  'credential_status_changed_at: 6 credential_status_stamp { timestamp: 6 reporter: "crawler-a" seq: 15 } '
                  'paced_at: 60000000 '
                  'reporter_windows { reporter: "crawler-a" highest_seq: 17 applied: 17 run_length: 17 } '
                  'reporter_windows { reporter: "crawler-b" highest_seq: 17 seen: "'
                  + "".join(f"\\{b:03o}" for b in bytes([0, 0, 0x03]) + bytes(125)) + '" applied: 2 }'),
    record_vector("reporter window as a run", "ReporterWindow", 15, 1,
                  'job_id: "job-7" reporter: "crawler-a" highest_seq: 17 applied: 17 run_length: 17'),
    record_vector("reporter window", "ReporterWindow", 15, 1,
                  'job_id: "job-7" reporter: "crawler-a" highest_seq: 17 seen: "'
                  + "".join(f"\\{b:03o}" for b in bytes([0, 0, 0x03]) + bytes(125)) + '" applied: 2'),
    record_vector("import row", "ImportRow", 8, 1,
                  'import_id: "imp-1" sequence: 0 table_name: "customers" row_key: "id=7"'),
    record_vector("stage output with file type", "StageOutput", 12, 1,
                  'document_id: "doc-1" stage_name: "chunker" file_path: "doc-1/chunks.json" file_size: 2048 '
                  'mime_type: "application/json" created_at: 7 file_type: "chunks_json"'),
    record_vector("document stage with metadata and reruns", "DocumentStage", 11, 1,
                  'document_id: "doc-1" stage_name: "chunker" status: "completed" started_at: 3 completed_at: 4 '
                  'retry_count: 1 updated_at: 4 metadata: "{\\"chunks\\":12}" rerun_count: 2'),
    record_vector("completed workflow", "Workflow", 13, 1,
                  'document_id: "doc-1" workflow_type: "automatic" total_stages: 5 completed_stages: 5 '
                  'current_stage: "completed" created_at: 1 updated_at: 9 started_at: 2 completed_at: 9'),
    record_vector("failed stage run", "StageRun", 19, 1,
                  'document_id: "doc-1" sequence: 3 stage_name: "fact-generator" status: "failed" started_at: 5 '
                  'completed_at: 6 error_message: "rate limited" retry_count: 1 rerun_count: 1'),
    record_vector("completed crawl batch after a takeover", "CrawlBatch", 20, 1,
                  'user_id: "u1" sequence: 2 owner: "crawler-b" started_at: 10 completed_at: 55000010 '
                  'duration_seconds: 45 outcome: "completed" sources_crawled_count: 4 sources_failed_count: 1 '
                  'crawled_sources: "s1" crawled_sources: "s2" crawled_sources: "s3" crawled_sources: "s4" '
                  'failed_sources: "s5" recovered_lease: true'),
    record_vector("format info with store id", "FormatInfo", 1, 1,
                  'major: 1 minor: 10 created_at: 1736190930000000 created_by: "LineageStore 0.1.0" '
                  'store_id: "01943d0b-2c50-717a-8175-6f968967aa74" feed_from_creation: true'),
    record_vector("change of a job", "Change", 22, 1,
                  'sequence: 300 record_kind: 2 record_key: "' + "".join(f"\\{b:03o}" for b in fdb.tuple.pack((2, "job-7")))
                  + '" operation: "put" committed_at: 1736190930000000'),
    record_vector("deletion of an import row", "Change", 22, 1,
                  'sequence: 301 record_kind: 8 record_key: "' + "".join(f"\\{b:03o}" for b in fdb.tuple.pack((8, "imp-1", 0)))
                  + '" operation: "delete" committed_at: 1736190930000001'),
    record_vector("change consumer", "ChangeConsumer", 23, 1,
                  'name: "mirror" position: 299 registered_at: 1736190900000000 updated_at: 1736190930000000'),
]


def main():
    keys = [{"name": name, "tuple": [element_json(v) for v in value], "hex": fdb.tuple.pack(value).hex()}
            for name, value in KEYS]
    with open("Formats/vectors/keys.json", "w") as out:
        json.dump({"format_version": FORMAT_MAJOR, "keys": keys}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    with open("Formats/vectors/records.json", "w") as out:
        json.dump({"format_version": FORMAT_MAJOR, "records": RECORDS}, out, indent=2, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main()
