#!/bin/sh
# Runs schemathesis against a throwaway `lineage serve` from the OpenAPI document the server itself serves.
# Usage: Tools/api-check.sh path/to/lineage [examples per operation]
set -eu
lineage=$1
examples=${2:-100}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
token=api-check-$$
printf %s "$token" | sha256sum | cut -c1-64 > "$work/tokens"
"$lineage" serve --db "$work/api.db" --port 0 --token-file "$work/tokens" > "$work/out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/out")
echo "schemathesis against $url"
schemathesis run "$url/openapi.json" --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance \
    --max-examples "$examples" --workers 2
