# shellcheck shell=bash
# A throw-away PostgreSQL for the test suite, on 127.0.0.1 only. Source it (from .ci/run):
#     source .ci/pg.sh     # exports NEWSGRAPH_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/newsgraph_test
# Idempotent: a second source reuses the running server. The cluster lives in
# $NEWSGRAPH_PG_DIR (default /tmp/newsgraph-ci-pg-PID of the sourcing shell), runs as the `postgres` user when
# sourced as root, trusts loopback connections only, and has durability switched off
# (fsync, synchronous_commit, full_page_writes): it holds nothing worth keeping. An EXIT
# trap stops it and deletes it; if the trap never runs, the next source replaces it.
# On failure it prints why and exports nothing (the suite then fails its PG tests under CI=true).

ng_pg_main() {
    local bin dir port url as_pg
    bin="${NEWSGRAPH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
    # one cluster per sourcing shell, so concurrent runs never stop each other's server
    dir="${NEWSGRAPH_PG_DIR:-${TMPDIR:-/tmp}/newsgraph-ci-pg-$$}"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "pg.sh: no PostgreSQL binaries under /usr/lib/postgresql/*/bin" >&2
        return 1
    fi
    as_pg=()
    if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

    if [ -f "$dir/port" ] && "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        port="$(cat "$dir/port")"
    else
        ng_pg_stop "$bin" "$dir"
        port="$(ng_pg_free_port)" || return 1
        mkdir -p "$dir" && chmod 700 "$dir"
        if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
        "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
            --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
        "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
            "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            >/dev/null || { cat "$dir/server.log" >&2; return 1; }
        echo "$port" >"$dir/port"
        "${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres newsgraph_test || return 1
    fi
    url="postgresql+psycopg://postgres@127.0.0.1:$port/newsgraph_test"
    export NEWSGRAPH_TEST_PG_URL="$url"
    NG_PG_BIN="$bin" NG_PG_DIR="$dir"
    trap 'ng_pg_stop "$NG_PG_BIN" "$NG_PG_DIR"' EXIT
    echo "pg.sh: PostgreSQL $("$bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

# A TCP port nobody listens on, from the kernel's ephemeral range.
ng_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Stop the cluster in $2 (if one runs) and delete it.
ng_pg_stop() {
    local bin="$1" dir="$2"
    [ -d "$dir" ] || return 0
    if [ -d "$dir/data" ]; then
        if [ "$(id -u)" = 0 ]; then
            runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
        else
            "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
        fi
    fi
    rm -rf "$dir"
}

ng_pg_main || echo "pg.sh: PostgreSQL not started; NEWSGRAPH_TEST_PG_URL not set" >&2
