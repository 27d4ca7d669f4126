#!/usr/bin/env bash
# Runs every test of the project and prints one closing line "N passed, N failed".
#   1. .NET unit and functional tests (xunit; the functional ones host the server in-process on SQLite files);
#   2. the official-SDK conformance suite, the Swagger UI browser test and the README walkthrough (Node, tests/node) against two real servers
#      started here: one in Relaxed mode, one in Strict mode, one with API flow control on (2 calls per minute), each
#      on its own port and fresh SQLite file; the Relaxed and Strict ones also serve HTTPS (SG_HTTPS_ENDPOINT,
#      SG_STRICT_HTTPS_ENDPOINT), trusted by Node through NODE_EXTRA_CA_CERTS (their CAs, from GET /_emulator/ca.pem);
#   3. the same on PostgreSQL, and three replicas on one database: tests/postgres-suite.sh (a private server, stopped after).
# It installs what the tests need: the npm packages of tests/node (npm ci) and Debian's chromium when missing.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ART="$ROOT/.test-artifacts"
CONFIG=${CONFIG:-Release}
rm -rf "$ART" && mkdir -p "$ART/dotnet" "$ART/node"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }
fail_setup() { echo "SETUP FAILED: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

step "Build ($CONFIG)"
dotnet build SecurityGroups.sln -c "$CONFIG" -nologo -clp:ErrorsOnly || fail_setup "dotnet build"

step ".NET unit and functional tests"
dotnet test SecurityGroups.sln -c "$CONFIG" --no-build -nologo --logger "trx" --results-directory "$ART/dotnet" --logger "console;verbosity=minimal"
dotnet_status=$?

step "Test tools: npm packages and Chromium"
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error) || fail_setup "npm ci in tests/node"
CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || fail_setup "apt-get install chromium"
  CHROMIUM_PATH=$(command -v chromium)
fi
export CHROMIUM_PATH

# start_server and free_port (shared with tests/postgres-suite.sh); server PIDs go to PID_FILE, which the EXIT trap reads.
PID_FILE="$ART/servers.pids"
mkdir -p "$ART"; : >"$PID_FILE"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
cleanup() { while read -r p; do [ -n "$p" ] && kill "$p" 2>/dev/null; done <"$PID_FILE"; }
trap cleanup EXIT

step "Servers for the SDK and browser suites"
# HTTPS on a port picked here (each server makes its own CA in its data folder); the throttled server needs none.
RELAXED_HTTPS_PORT=$(free_port)
SG_ENDPOINT=$(start_server relaxed Relaxed Https__Port="$RELAXED_HTTPS_PORT") || fail_setup "relaxed server did not start"
STRICT_HTTPS_PORT=$(free_port)
SG_STRICT_ENDPOINT=$(start_server strict Strict Https__Port="$STRICT_HTTPS_PORT") || fail_setup "strict server did not start"
SG_THROTTLED_ENDPOINT=$(start_server throttled Relaxed Https__Enabled=false Throttling__Enabled=true Throttling__RequestsPerMinute=2) \
  || fail_setup "throttled server did not start"
SG_HTTPS_ENDPOINT="127.0.0.1:$RELAXED_HTTPS_PORT"
SG_STRICT_HTTPS_ENDPOINT="127.0.0.1:$STRICT_HTTPS_PORT"
# The CAs Node must trust for HTTPS (verification stays on), fetched as a user would; curl checks them first.
NODE_EXTRA_CA_CERTS="$ART/emulator-ca.pem"
{ curl -fsS "http://$SG_ENDPOINT/_emulator/ca.pem" && curl -fsS "http://$SG_STRICT_ENDPOINT/_emulator/ca.pem"; } >"$NODE_EXTRA_CA_CERTS" \
  || fail_setup "GET /_emulator/ca.pem"
for https in "$SG_HTTPS_ENDPOINT" "$SG_STRICT_HTTPS_ENDPOINT"; do
  curl -fsS --cacert "$NODE_EXTRA_CA_CERTS" "https://$https/_emulator/health" >/dev/null || fail_setup "HTTPS on $https"
done
export SG_ENDPOINT SG_STRICT_ENDPOINT SG_THROTTLED_ENDPOINT SG_HTTPS_ENDPOINT SG_STRICT_HTTPS_ENDPOINT NODE_EXTRA_CA_CERTS
echo "relaxed: $SG_ENDPOINT (https $SG_HTTPS_ENDPOINT)  strict: $SG_STRICT_ENDPOINT (https $SG_STRICT_HTTPS_ENDPOINT)  throttled: $SG_THROTTLED_ENDPOINT"

step "SDK conformance and browser tests (node --test)"
(cd tests/node && node --test --test-concurrency=1 \
   --test-reporter=spec --test-reporter-destination=stdout \
   --test-reporter=junit --test-reporter-destination="$ART/node/results.xml" sdk/ terraform/ browser/ readme/)
node_status=$?

step "PostgreSQL: functional tests, SDK suite and three replicas on one database (tests/postgres-suite.sh)"
bash tests/postgres-suite.sh "$ART" "$CONFIG"
postgres_status=$?

step "Summary"
node tests/summarize.mjs "$ART"
summary_status=$?
if [ $dotnet_status -ne 0 ] || [ $node_status -ne 0 ] || [ $postgres_status -ne 0 ] || [ $summary_status -ne 0 ]; then exit 1; fi
exit 0
