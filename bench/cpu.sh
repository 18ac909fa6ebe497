#!/usr/bin/env bash
# CPU per request, JIT-warm, beside the Spring peer, on the local PostgreSQL: for GET /accounts/{id}, the filtered list
# GET /accounts?tokens=10&limit=20 and PATCH /accounts/{id}, each a WARMUP of load (180 s) and then the median of RUNS
# (3) 10 s runs, 32 connections, all of them running at once and loaded in turn. This service signs every call in as
# admin; the Spring build checks nothing. 1,000 accounts each, seeded before the loads. The warm-up runs in 10 s windows
# (DURATION) whose figures are printed too: they show how long each JIT takes to settle, which the ratios depend on.
#   bench/cpu.sh [BASELINE_REVISION]
# With a revision, that build of this service is measured too, in the same run (before and after a change).
# The JVMs run with the same flags (JAVA_OPTS, default: none). Needs wrk and curl. About thirty-five minutes with a baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "$0 needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
SPRING=$(cd "${SPRING:-../shared/peers/spring-accounts}" && pwd)
PORT=${PORT:-18092}
WARMUP=${WARMUP:-180s}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
JAVA_OPTS=${JAVA_OPTS:-}
ADMIN_PASSWORD=bench-admin-password
ADMIN="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
WORK=$(mktemp -d)
declare -A PIDS
# The JVMs are waited for before their folders go: a Quarkus jar removed while it shuts down hangs its shutdown.
trap '{ kill ${PIDS[*]}; wait ${PIDS[*]}; } 2>/dev/null || true; git worktree remove --force "$WORK/baseline" 2>/dev/null || true; rm -rf "$WORK"' EXIT
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

start() { # name port: starts it on a fresh database, waits for its first answer, seeds 1,000 accounts; sets PIDS[name]
  local name=$1 port=$2 db=cpu_$1 auth=()
  fresh_db $db
  case $name in
    spring)
      java $JAVA_OPTS -jar "$SPRING/target/spring-accounts.jar" --server.port=$port --logging.level.root=WARN \
        --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db --spring.datasource.username=postgres \
        --spring.datasource.password= > "$WORK/$name.log" 2>&1 &
      ;;
    *)
      auth=(-H "$ADMIN")
      (cd "$WORK/$name" && DATABASE_URI=postgresql://postgres@127.0.0.1:5432/$db ACCOUNTS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        QUARKUS_HTTP_PORT=$port exec java $JAVA_OPTS -jar quarkus-run.jar) > "$WORK/$name.log" 2>&1 &
      ;;
  esac
  PIDS[$name]=$!
  until curl -fs "${auth[@]}" "http://127.0.0.1:$port/accounts?limit=1" > /dev/null; do
    kill -0 ${PIDS[$name]} 2>/dev/null || { tail -20 "$WORK/$name.log" >&2; exit 1; }; sleep 0.1
  done
  for batch in $(seq 0 9); do
    python3 -c "import json,sys; b=int(sys.argv[1]); print(json.dumps([{'username':f'cpu-{b}-{i}','password':'bench-password-1'} for i in range(100)]))" "$batch" \
      | curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$port/accounts"
  done
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
load() { # name port call [duration]: runs one load of that call; prints service CPU ms per request
  local name=$1 port=$2 call=$3 auth=() before out requests non2xx
  [ "$name" = spring ] || auth=(-H "$ADMIN")
  local base="http://127.0.0.1:$port" args
  case $call in
    get) args=(-s bench/get.lua "$base") ;;
    list) args=("$base/accounts?tokens=10&limit=20") ;;
    patch) args=(-s bench/patch.lua "$base") ;;
  esac
  before=$(awk '{print $14 + $15}' "/proc/${PIDS[$name]}/stat")
  out=$(MAX_ID=1000 wrk -t2 -c32 -d"${4:-$DURATION}" "${auth[@]}" "${args[@]}")
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -z "$non2xx" ] || echo "  ($name $call: $non2xx of $requests answers were not 2xx: concurrent PATCHes of one account)" >&2
  echo "($(awk '{print $14 + $15}' "/proc/${PIDS[$name]}/stat") - $before) * 1000 / $CLK_TCK / $requests" | bc -l
}

warm_up() { # call: WARMUP of load in DURATION windows, the builds in turn window by window; prints each one's curve
  local call=$1 name
  declare -A curve=()
  for _ in $(seq $((${WARMUP%s} / ${DURATION%s}))); do
    for name in "${names[@]}"; do curve[$name]+="$(printf '%.3f' "$(load $name ${PORTS[$name]} $call)") "; done
  done
  for name in "${names[@]}"; do echo "  warm-up, $call, $name (ms per request, ${DURATION} each): ${curve[$name]}"; done
}

declare -A cpu
names=(spring service)
[ -z "${1:-}" ] || names=(spring before service)
port=$PORT
declare -A PORTS
for name in "${names[@]}"; do PORTS[$name]=$port; start $name $port; port=$((port + 1)); done
# All of them run at once, each loaded in turn, window by window in the warm-up too: every round measures each one,
# so the machine's drift is shared, and each is measured right after its own warm-up.
for call in get list patch; do
  warm_up $call
  declare -A runs=()
  for round in $(seq "$RUNS"); do
    for name in "${names[@]}"; do runs[$name]+="$(load $name ${PORTS[$name]} $call) "; done
  done
  for name in "${names[@]}"; do cpu[$name,$call]=$(echo ${runs[$name]} | tr ' ' '\n' | median); done
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
