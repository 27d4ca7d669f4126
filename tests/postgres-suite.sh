#!/usr/bin/env bash
# The PostgreSQL half of tests/run-all.sh (issue 14, ADR-008); also runnable alone after a build:
#   tests/postgres-suite.sh ARTIFACTS_DIR [CONFIG]
#   1. a private PostgreSQL server (tests/postgres.sh) in a temporary folder, stopped at the end;
#   2. the functional tests again with every in-process server on PostgreSQL (SG_TEST_POSTGRES), a database each
#      (PersistenceTests restart a server on the same database); three namespaces are left out (see the filter below);
#   3. the SDK conformance suite (tests/node/sdk) against Relaxed, Strict and throttled servers on PostgreSQL;
#   4. the multi-replica test (tests/node/replicas): three servers on one database.
# Results: ARTIFACTS_DIR/dotnet-postgres/functional-postgres.trx, ARTIFACTS_DIR/node/results-postgres.xml and
# results-replicas.xml (tests/summarize.mjs counts them). Exit status non-zero when anything failed.
# SKIP_FUNCTIONAL=1 leaves out step 2 (when iterating on the Node parts); PG_FUNCTIONAL_FILTER replaces its filter.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ART=${1:?usage: tests/postgres-suite.sh ARTIFACTS_DIR [CONFIG]}
CONFIG=${2:-${CONFIG:-Release}}
mkdir -p "$ART/node" "$ART/dotnet-postgres"
ART=$(cd "$ART" && pwd)
cd "$ROOT"

PG_DIR=$(mktemp -d /tmp/sg-postgres.XXXXXX)
PID_FILE="$ART/postgres-servers.pids"; : >"$PID_FILE"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
stop_all() {
  while read -r p; do [ -n "$p" ] && kill "$p" 2>/dev/null; done <"$PID_FILE"
  tests/postgres.sh stop "$PG_DIR"
}
trap stop_all EXIT

echo "==> PostgreSQL (private server in $PG_DIR)"
PG=$(tests/postgres.sh start "$PG_DIR") || { echo "SETUP FAILED: PostgreSQL did not start" >&2; exit 1; }
echo "$PG"

echo "==> Functional tests on PostgreSQL"
# Left out, each for its own reason:
#   Storage.  SQLite's own durability and faults: kill -9 on a database file and SQLite's integrity check, the --durable
#             flag's synchronous pragma, SQLITE_BUSY and a file-size limit. PostgreSQL's counterparts are the replicas
#             step below (a replica killed with kill -9 mid-load) and the unit tests of its fault classes.
#   Https.    the HTTPS listener of server processes the tests start on SQLite files of their own; no storage involved.
#   Startup.  configuration fail-fast (server processes that must refuse to start) and no reload of settings files; no
#             storage involved. PostgreSQL's start-up (create and migrate, three replicas at once) is the replicas step.
functional=0
[ -n "${SKIP_FUNCTIONAL:-}" ] || SG_TEST_POSTGRES="$PG" dotnet test tests/SecurityGroups.FunctionalTests -c "$CONFIG" --no-build -nologo \
  --filter "${PG_FUNCTIONAL_FILTER:-FullyQualifiedName!~FunctionalTests.Storage.&FullyQualifiedName!~FunctionalTests.Https.&FullyQualifiedName!~FunctionalTests.Startup.}" \
  --logger "trx;LogFileName=functional-postgres.trx" --results-directory "$ART/dotnet-postgres" --logger "console;verbosity=minimal" \
  || functional=1

# start_pg_server NAME MODE DATABASE [KEY=VALUE...]: start_server, the shared one (tests/lib.sh) on this PostgreSQL, database DATABASE.
start_pg_server() { local name=$1 mode=$2 database=$3; shift 3
  start_server "postgres-$name" "$mode" Storage__Provider=Postgres ConnectionStrings__SecurityGroups="$PG;Database=$database" "$@"; }

echo "==> SDK conformance suite on PostgreSQL"
RELAXED_HTTPS_PORT=$(free_port); STRICT_HTTPS_PORT=$(free_port)
SG_ENDPOINT=$(start_pg_server relaxed Relaxed sg_relaxed Https__Port="$RELAXED_HTTPS_PORT") || exit 1
SG_STRICT_ENDPOINT=$(start_pg_server strict Strict sg_strict Https__Port="$STRICT_HTTPS_PORT") || exit 1
SG_THROTTLED_ENDPOINT=$(start_pg_server throttled Relaxed sg_throttled Https__Enabled=false Throttling__Enabled=true Throttling__RequestsPerMinute=2) || exit 1
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
  start_pg_server "replica$i" Relaxed sg_replicas Https__Enabled=false Storage__ReplicaId="replica$i" \
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
