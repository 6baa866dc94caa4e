# Sourced by the HTTP benchmarks (needs $lineage, the CLI to run): a scratch directory removed on exit, a
# bearer token in $LINEAGE_TOKEN with its digest in a token file, and `serve` / `stop` for a `lineage serve`
# on a fresh database and a free loopback port, whose base URL `serve` leaves in $url.
work=$(mktemp -d)
server=""
trap 'test -n "$server" && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export LINEAGE_TOKEN=bench-$$
printf %s "$LINEAGE_TOKEN" | sha256sum | cut -c1-64 > "$work/tokens"

serve() {
    rm -f "$work/http.db" "$work/http.db-lock"
    "$lineage" serve --db "$work/http.db" --port 0 --token-file "$work/tokens" > "$work/serve.out" 2>&1 &
    server=$!
    for _ in $(seq 100); do grep -q 'http://' "$work/serve.out" && break; sleep 0.1; done
    url=$(grep -o 'http://[0-9.:]*' "$work/serve.out")
}

stop() { kill "$server"; wait "$server" || true; server=""; }
