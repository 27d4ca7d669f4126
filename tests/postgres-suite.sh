#!/usr/bin/env bash
# The PostgreSQL half of tests/run-all.sh (issue 14, ADR-008); also runnable alone after a build:
#   tests/postgres-suite.sh ARTIFACTS_DIR [CONFIG]
#   1. a private PostgreSQL server (tests/postgres.sh) in a temporary folder, stopped at the end;
#   2. the functional tests again with every in-process server on PostgreSQL (SG_TEST_POSTGRES), a database each
#      (the Storage, Https and Startup classes and PersistenceTests are left out: they test SQLite files and processes
#      of their own; PersistenceTests' SQLite server also answered InternalError in a process whose other servers ran on
#      PostgreSQL, which a deployment never does: one provider per process. Cause not yet found; see the report/ADR-008);
#   3. the SDK conformance suite (tests/node/sdk) against Relaxed, Strict and throttled servers on PostgreSQL;
#   4. the multi-replica test (tests/node/replicas): three servers on one database.
# Results: ARTIFACTS_DIR/dotnet-postgres/functional-postgres.trx, ARTIFACTS_DIR/node/results-postgres.xml and
# results-replicas.xml (tests/summarize.mjs counts them). Exit status non-zero when anything failed.
# SKIP_FUNCTIONAL=1 leaves out step 2 (when iterating on the Node parts).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ART=${1:?usage: tests/postgres-suite.sh ARTIFACTS_DIR [CONFIG]}
CONFIG=${2:-${CONFIG:-Release}}
mkdir -p "$ART/node" "$ART/dotnet-postgres"
ART=$(cd "$ART" && pwd)
cd "$ROOT"

PG_DIR=$(mktemp -d /tmp/sg-postgres.XXXXXX)
PIDS="$ART/postgres-servers.pids"; : >"$PIDS"
stop_all() {
  while read -r p; do [ -n "$p" ] && kill "$p" 2>/dev/null; done <"$PIDS"
  tests/postgres.sh stop "$PG_DIR"
}
trap stop_all EXIT

echo "==> PostgreSQL (private server in $PG_DIR)"
PG=$(tests/postgres.sh start "$PG_DIR") || { echo "SETUP FAILED: PostgreSQL did not start" >&2; exit 1; }
echo "$PG"

echo "==> Functional tests on PostgreSQL"
functional=0
[ -n "${SKIP_FUNCTIONAL:-}" ] || SG_TEST_POSTGRES="$PG" dotnet test tests/SecurityGroups.FunctionalTests -c "$CONFIG" --no-build -nologo \
  --filter "FullyQualifiedName!~FunctionalTests.Storage.&FullyQualifiedName!~FunctionalTests.Https.&FullyQualifiedName!~FunctionalTests.Startup.&FullyQualifiedName!~FunctionalTests.Emulator.PersistenceTests" \
  --logger "trx;LogFileName=functional-postgres.trx" --results-directory "$ART/dotnet-postgres" --logger "console;verbosity=minimal" \
  || functional=1

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
SERVER_DLL="$ROOT/src/SecurityGroups.Api/bin/$CONFIG/net10.0/SecurityGroups.Api.dll"
start_server() { # name mode database [KEY=VALUE settings...] -> prints host:port (pid appended to $PIDS)
  local name=$1 mode=$2 database=$3 port dir
  shift 3
  port=$(free_port); dir="$ART/servers/postgres-$name"; mkdir -p "$dir"
  ( cd "$dir" && exec env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__Provider=Postgres \
      ConnectionStrings__SecurityGroups="$PG;Database=$database" Auth__Mode="$mode" \
      Auth__Accounts__0__AccountId=1234567890123456 Auth__Accounts__0__AccessKeyId=test Auth__Accounts__0__AccessKeySecret=test \
      Auth__Accounts__1__AccountId=2222222222222222 Auth__Accounts__1__AccessKeyId=test2 Auth__Accounts__1__AccessKeySecret=secret2 \
      dotnet "$SERVER_DLL" >"$dir/server.log" 2>&1 ) &
  echo $! >>"$PIDS"; echo $! >"$dir/pid"
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$port/_emulator/health" >/dev/null 2>&1; then
      # One write through the writer's row before the tests' first (JIT and Npgsql's first statements; refused in Strict mode).
      curl -sS -X POST -H 'content-type: application/json' -d '{}' "http://127.0.0.1:$port/_emulator/reset" >/dev/null 2>&1 || true
      echo "127.0.0.1:$port"; return 0
    fi
    sleep 0.2
  done
  cat "$dir/server.log" >&2
  return 1
}

echo "==> SDK conformance suite on PostgreSQL"
RELAXED_HTTPS_PORT=$(free_port); STRICT_HTTPS_PORT=$(free_port)
SG_ENDPOINT=$(start_server relaxed Relaxed sg_relaxed Https__Port="$RELAXED_HTTPS_PORT") || exit 1
SG_STRICT_ENDPOINT=$(start_server strict Strict sg_strict Https__Port="$STRICT_HTTPS_PORT") || exit 1
SG_THROTTLED_ENDPOINT=$(start_server throttled Relaxed sg_throttled Https__Enabled=false Throttling__Enabled=true Throttling__RequestsPerMinute=2) || exit 1
SG_HTTPS_ENDPOINT="127.0.0.1:$RELAXED_HTTPS_PORT"; SG_STRICT_HTTPS_ENDPOINT="127.0.0.1:$STRICT_HTTPS_PORT"
NODE_EXTRA_CA_CERTS="$ART/emulator-ca-postgres.pem"
{ curl -fsS "http://$SG_ENDPOINT/_emulator/ca.pem" && curl -fsS "http://$SG_STRICT_ENDPOINT/_emulator/ca.pem"; } >"$NODE_EXTRA_CA_CERTS" || exit 1
export SG_ENDPOINT SG_STRICT_ENDPOINT SG_THROTTLED_ENDPOINT SG_HTTPS_ENDPOINT SG_STRICT_HTTPS_ENDPOINT NODE_EXTRA_CA_CERTS
(cd tests/node && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
   --test-reporter=junit --test-reporter-destination="$ART/node/results-postgres.xml" sdk/)
sdk=$?

echo "==> Three replicas on one PostgreSQL database"
# Started at once on a database that does not exist yet: creation and migration must be safe under the race.
for i in 1 2 3; do
  start_server "replica$i" Relaxed sg_replicas Https__Enabled=false Storage__ReplicaId="replica$i" \
    Quotas__SecurityGroupsPerRegion=16 Quotas__RulesPerSecurityGroup=24 Quotas__VpcsPerRegion=100000 >"$ART/replica$i.endpoint" &
done
wait
endpoints=(); pids=()
for i in 1 2 3; do
  endpoint=$(cat "$ART/replica$i.endpoint"); [ -n "$endpoint" ] || { echo "SETUP FAILED: replica $i did not start" >&2; exit 1; }
  endpoints+=("$endpoint"); pids+=("$(cat "$ART/servers/postgres-replica$i/pid")")
done
(cd tests/node && SG_REPLICA_ENDPOINTS=$(IFS=,; echo "${endpoints[*]}") SG_REPLICA_PIDS=$(IFS=,; echo "${pids[*]}") \
   node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
   --test-reporter=junit --test-reporter-destination="$ART/node/results-replicas.xml" replicas/)
replicas=$?

[ $functional -eq 0 ] && [ $sdk -eq 0 ] && [ $replicas -eq 0 ]
