#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 server on 127.0.0.1 for the tests.
#   scripts/postgres.sh start   -> prints the Poco connection string on stdout
#   scripts/postgres.sh stop
# The cluster lives in /tmp so the server's own user can reach it wherever the checkout is.
set -euo pipefail
port=${ICT_PG_PORT:-55432}
dir=/tmp/ict-postgres-$port
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@";
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@";
  else sudo -u postgres "$@"; fi
}

case "${1:-start}" in
start)
  if ! run_as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"
      mkdir -p "$dir"
      chown postgres:postgres "$dir" 2>/dev/null || sudo chown postgres:postgres "$dir"
      run_as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >"$dir/initdb.log" 2>&1
    fi
    run_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  fi
  echo "host=127.0.0.1 port=$port user=postgres dbname=postgres"
  ;;
stop)
  run_as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  ;;
*)
  echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
