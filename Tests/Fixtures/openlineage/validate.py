#!/usr/bin/env python3
"""Validates OpenLineage events (JSON lines on stdin) against the 2-0-2 RunEvent schema.

Also checks the formats the schema names (uuid, date-time, uri), which jsonschema does not enforce without
optional packages, and validates errorMessage facets against their own facet schema.
Usage: validate.py < events.jsonl   (exit 0: all valid; 1: errors printed)
"""
import json
import pathlib
import re
import sys

import jsonschema
from referencing import Registry, Resource

here = pathlib.Path(__file__).parent
spec = json.loads((here / "OpenLineage.json").read_text())
error_facet = json.loads((here / "ErrorMessageRunFacet.json").read_text())
registry = Registry().with_resources([
    (spec["$id"], Resource.from_contents(spec)),
    (error_facet["$id"], Resource.from_contents(error_facet)),
])
event_schema = {"$ref": spec["$id"] + "#/$defs/RunEvent"}
facet_schema = {"$ref": error_facet["$id"] + "#/$defs/ErrorMessageRunFacet"}
event_validator = jsonschema.Draft202012Validator(event_schema, registry=registry)
facet_validator = jsonschema.Draft202012Validator(facet_schema, registry=registry)

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")

errors = 0
count = 0
for number, line in enumerate(sys.stdin, 1):
    if not line.strip():
        continue
    count += 1
    event = json.loads(line)
    problems = [error.message for error in event_validator.iter_errors(event)]
    if not UUID.match(event["run"]["runId"]):
        problems.append("runId is not a UUID: " + event["run"]["runId"])
    if not TIME.match(event["eventTime"]):
        problems.append("eventTime is not RFC 3339: " + event["eventTime"])
    for uri in [event["producer"], event["schemaURL"]]:
        if not URI.match(uri):
            problems.append("not a URI: " + uri)
    for name, facet in event["run"].get("facets", {}).items():
        if name == "errorMessage":
            problems += [error.message for error in facet_validator.iter_errors(facet)]
        elif not name.startswith("lineagestore_"):
            problems.append("unexpected facet " + name)
    for problem in problems:
        errors += 1
        print(f"line {number}: {problem}")
print(f"{count} events, {errors} problems")
sys.exit(1 if errors or count == 0 else 0)
