#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   scripts/pg_test_server.sh            start one; print its URL (the only line on stdout)
#   scripts/pg_test_server.sh stop URL   stop the server that URL names and remove its files
#
# The cluster lives in a fresh temporary folder, listens only on a unix socket in that folder
# (no TCP port to collide with), trusts local connections and runs with fsync off: it holds
# test data only. initdb refuses to run as root, so under root the cluster belongs to the
# `postgres` user that Debian's package creates. Without PostgreSQL on the machine, root
# installs Debian's package first.
set -euo pipefail

log() { echo "pg_test_server: $*" >&2; }

find_bin() {
    local name=$1 found
    if found=$(command -v "$name" 2>/dev/null); then
        echo "$found"
        return 0
    fi
    # Debian keeps the server programs out of PATH, one folder per major version.
    found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$found" ] && echo "$found"
}

# Run a command as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "${1:-}" = "stop" ]; then
    url=${2:?usage: pg_test_server.sh stop URL}
    dir=$(sed -n 's/.*[?&]host=\([^&]*\).*/\1/p' <<<"$url")
    [ -n "$dir" ] && [ -d "$dir/data" ] || { log "no test server at '$dir'"; exit 1; }
    as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m fast -w stop >&2
    rm -rf "$dir"
    exit 0
fi

if ! find_bin initdb >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { log "PostgreSQL is not installed and we are not root"; exit 1; }
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
initdb=$(find_bin initdb)
pg_ctl=$(find_bin pg_ctl)

dir=$(mktemp -d /tmp/marsad-pg.XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
fi
# C.UTF-8 (not plain C) so that pg_trgm counts Arabic letters as word characters and its
# index serves the store's substring search.
as_owner "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
log "started in $dir"
echo "postgresql://postgres@/postgres?host=$dir"
