#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL on loopback (Debian's postgresql package):
#   scripts/with-local-pg.sh <command...>   → the command sees DATABASE_URL=postgresql://...
# Used by the PostgreSQL tests, benchmarks and migration creation. Installs the package if missing.
set -euo pipefail
port="${PG_PORT:-54329}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)
if [ -z "$bin" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || sudo -n apt-get install -y -qq postgresql
  bin=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
fi
dir=$(mktemp -d /tmp/wuye-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bin/initdb -D $dir/data -U wuye --auth=trust -E UTF8 >/dev/null"
run "$bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' -l $dir/log -w start >/dev/null"
trap 'run "$bin/pg_ctl -D $dir/data -m immediate stop >/dev/null" || true; rm -rf "$dir"' EXIT
run "$bin/createdb -h 127.0.0.1 -p $port -U wuye wuye"
export DATABASE_URL="postgresql://wuye@127.0.0.1:$port/wuye"
"$@"
