# Shared by tests/run-all.sh and tests/postgres-suite.sh (sourced, not run). The caller sets:
#   ROOT      the repository;  ART  the artifacts folder (server folders go to $ART/servers/NAME);
#   CONFIG    the build configuration (the server is src/SecurityGroups.Api/bin/$CONFIG/net10.0/SecurityGroups.Api.dll);
#   PID_FILE  a file each started server's PID is appended to (start_server runs in a command substitution, a subshell,
#             so the caller's EXIT trap reads the PIDs from there).

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

SERVER_DLL="$ROOT/src/SecurityGroups.Api/bin/$CONFIG/net10.0/SecurityGroups.Api.dll"

# start_server NAME MODE [KEY=VALUE settings...] -> prints host:port once /_emulator/health answers.
# A fresh SQLite file in $ART/servers/NAME unless the settings name other storage (Storage__Provider=Postgres and
# ConnectionStrings__SecurityGroups=...: settings given here win over the defaults). Accounts test/test and test2/secret2.
# The PID also goes to $ART/servers/NAME/pid.
start_server() {
  local name=$1 mode=$2 port dir
  shift 2
  port=$(free_port); dir="$ART/servers/$name"; mkdir -p "$dir"
  ( cd "$dir" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ConnectionStrings__SecurityGroups="Data Source=$dir/securitygroups.db" Auth__Mode="$mode" \
      Auth__Accounts__0__AccountId=1234567890123456 Auth__Accounts__0__AccessKeyId=test Auth__Accounts__0__AccessKeySecret=test \
      Auth__Accounts__1__AccountId=2222222222222222 Auth__Accounts__1__AccessKeyId=test2 Auth__Accounts__1__AccessKeySecret=secret2 \
      "$@" dotnet "$SERVER_DLL" >"$dir/server.log" 2>&1 ) &
  echo $! >>"$PID_FILE"; echo $! >"$dir/pid"
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$port/_emulator/health" >/dev/null 2>&1; then
      # One write before the tests' first (JIT; on PostgreSQL Npgsql's first statements through the writers' row).
      # It empties a database that is empty anyway; Strict mode refuses it unsigned, which is fine.
      curl -sS -X POST -H 'content-type: application/json' -d '{}' "http://127.0.0.1:$port/_emulator/reset" >/dev/null 2>&1 || true
      echo "127.0.0.1:$port"; return 0
    fi
    sleep 0.2
  done
  cat "$dir/server.log" >&2
  return 1
}
