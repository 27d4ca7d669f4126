#!/usr/bin/env bash
# A private PostgreSQL server for the tests: no system service, no root-owned state.
#   tests/postgres.sh start DIR [PORT]  initdb in DIR/data (C locale, UTF-8, trust auth on 127.0.0.1 and DIR's socket),
#                                        start it on PORT (default: a free one) and print its base Npgsql connection string
#                                        (no Database: each user of it names its own; the emulator creates it if missing).
#   tests/postgres.sh stop DIR          stop it (fast shutdown) and remove DIR.
# PostgreSQL refuses to run as root: as root, the server runs as the user sgpg (created here with useradd if missing).
# Binaries: PG_BIN, else the newest /usr/lib/postgresql/*/bin.
# PG_FSYNC=on starts it with fsync and full-page writes on, as PostgreSQL's defaults are (the load benchmark does, for
# durable figures); the default, off, is for the tests.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { echo "postgres.sh: no initdb (set PG_BIN or install postgresql)" >&2; exit 1; }

as_pg() { # runs a command as the server's user
  if [ "$(id -u)" = 0 ]; then runuser -u sgpg -- "$@"; else "$@"; fi
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

cmd=${1:-}; dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2; }
case "$cmd" in
  start)
    port=${3:-$(free_port)}
    if [ "$(id -u)" = 0 ] && ! id sgpg >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin sgpg
    fi
    mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R sgpg "$dir"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: the tests kill emulator processes, never this server or the machine; it halves their write time.
    fsync=${PG_FSYNC:-off}
    case "$fsync" in on|off) ;; *) echo "postgres.sh: PG_FSYNC must be on or off" >&2; exit 2 ;; esac
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=$fsync -c full_page_writes=$fsync -c max_connections=400" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
