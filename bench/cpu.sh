#!/usr/bin/env bash
# CPU per request, JIT-warm, beside the Spring peer, on the local PostgreSQL: for GET /accounts/{id}, the filtered list
# GET /accounts?tokens=10&limit=20 and PATCH /accounts/{id}, each a WARMUP of load (60 s) and then the median of RUNS
# (3) 10 s runs, 32 connections. This service signs every call in as admin; the Spring build checks nothing.
#   bench/cpu.sh [BASELINE_REVISION]
# With a revision, that build of this service is measured too, in the same run (before and after a change).
# The JVMs run with the same flags (JAVA_OPTS, default: none). Needs wrk and curl. Takes about five minutes per build.
set -euo pipefail
cd "$(dirname "$0")/.."
SPRING=$(cd "${SPRING:-../shared/peers/spring-accounts}" && pwd)
PORT=${PORT:-18092}
WARMUP=${WARMUP:-60s}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
JAVA_OPTS=${JAVA_OPTS:-}
ADMIN_PASSWORD=bench-admin-password
ADMIN="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
WORK=$(mktemp -d)
PID=
trap 'kill $PID 2>/dev/null || true; git worktree remove --force "$WORK/baseline" 2>/dev/null || true; rm -rf "$WORK"' EXIT
CLK_TCK=$(getconf CLK_TCK)
PG="-q -h 127.0.0.1 -U postgres -d postgres"
export PGOPTIONS="-c client_min_messages=warning"

fresh_db() { psql $PG -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
build_service() { # checkout, output folder
  (cd "$1" && DATABASE_URI=postgresql://postgres@127.0.0.1:5432/bench_cpu ./mvnw -B -q package -DskipTests \
    -Dquarkus.package.output-directory="$2")
}
echo "== building"
build_service . "$WORK/service"
if [ -n "${1:-}" ]; then
  git worktree add -q --detach "$WORK/baseline" "$1"
  build_service "$WORK/baseline" "$WORK/before"
fi
[ -f "$SPRING/target/spring-accounts.jar" ] || (cd "$SPRING" && mvn -B -q -DskipTests package)
echo "== $(java -version 2>&1 | head -n 1), $(nproc) cores, JAVA_OPTS='$JAVA_OPTS', warm-up $WARMUP, $RUNS x $DURATION"

start() { # name: starts it on a fresh database, waits for its first answer, seeds 1,000 accounts; sets PID, AUTH, MAX_ID
  local db=bench_cpu app
  AUTH=()
  case $1 in
    spring)
      fresh_db spring_cpu
      java $JAVA_OPTS -jar "$SPRING/target/spring-accounts.jar" --server.port=$PORT --logging.level.root=WARN \
        --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/spring_cpu --spring.datasource.username=postgres \
        --spring.datasource.password= > "$WORK/$1.log" 2>&1 &
      ;;
    *)
      fresh_db $db
      app=$WORK/$1; AUTH=(-H "$ADMIN")
      (cd "$app" && DATABASE_URI=postgresql://postgres@127.0.0.1:5432/$db ACCOUNTS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        QUARKUS_HTTP_PORT=$PORT exec java $JAVA_OPTS -jar quarkus-run.jar) > "$WORK/$1.log" 2>&1 &
      ;;
  esac
  PID=$!
  until curl -fs "${AUTH[@]}" "http://127.0.0.1:$PORT/accounts?limit=1" > /dev/null; do
    kill -0 $PID 2>/dev/null || { tail -20 "$WORK/$1.log" >&2; exit 1; }; sleep 0.1
  done
  for batch in $(seq 0 9); do
    python3 -c "import json,sys; b=int(sys.argv[1]); print(json.dumps([{'username':f'cpu-{b}-{i}','password':'bench-password-1'} for i in range(100)]))" "$batch" \
      | curl -fs -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$PORT/accounts"
  done
  MAX_ID=$(curl -fs "${AUTH[@]}" "http://127.0.0.1:$PORT/accounts?limit=1000" | python3 -c "import json,sys; print(max(a['id'] for a in json.load(sys.stdin)))")
  export MAX_ID
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
cpu_per_request() { # wrk args...: prints the median service CPU milliseconds per request of RUNS runs after the warm-up
  wrk -t2 -c32 -d"$WARMUP" "$@" > /dev/null
  local i before out requests non2xx
  for i in $(seq "$RUNS"); do
    before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    out=$(wrk -t2 -c32 -d"$DURATION" "$@")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    [ -z "$non2xx" ] || echo "  ($*: $non2xx answers were not 2xx: concurrent PATCHes of one account)" >&2
    echo "($(awk '{print $14 + $15}' "/proc/$PID/stat") - $before) * 1000 / $CLK_TCK / $requests" | bc -l
  done | median
}

declare -A cpu
names=(spring service)
[ -z "${1:-}" ] || names=(spring before service)
for name in "${names[@]}"; do
  start $name
  base="http://127.0.0.1:$PORT"
  cpu[$name,get]=$(cpu_per_request "${AUTH[@]}" -s bench/get.lua "$base")
  cpu[$name,list]=$(cpu_per_request "${AUTH[@]}" "$base/accounts?tokens=10&limit=20")
  cpu[$name,patch]=$(cpu_per_request "${AUTH[@]}" -s bench/patch.lua "$base")
  kill $PID; wait $PID 2>/dev/null || true
done

printf '%-32s %10s' "CPU ms per request" spring; for name in "${names[@]:1}"; do printf ' %10s %7s' "$name" ratio; done; echo
for call in get list patch; do
  case $call in get) label="GET /accounts/{id}";; list) label="GET /accounts?tokens=10&limit=20";; patch) label="PATCH /accounts/{id}";; esac
  printf '%-32s %10.3f' "$label" "${cpu[spring,$call]}"
  for name in "${names[@]:1}"; do
    printf ' %10.3f %7.2f' "${cpu[$name,$call]}" "$(echo "${cpu[$name,$call]} / ${cpu[spring,$call]}" | bc -l)"
  done
  echo
done
echo "(ratio: this service's CPU per request over Spring's; budget 0.50)"
