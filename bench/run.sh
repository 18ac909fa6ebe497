#!/usr/bin/env bash
# Builds the jar for one database, starts it, loads it with wrk and prints the figures of issue #2 in one run:
# start-to-first-response, RSS after load, req/s, p50/p99 and service CPU per request for four calls, bulk create
# rows/s, and the ceilings (raw JDBC by primary key from 32 threads, bcrypt hashes/s on all cores).
#   bench/run.sh h2            embedded H2 file database (the default)
#   bench/run.sh sqlite        a SQLite file, as the tutorial uses it (WAL, one writer at a time)
#   bench/run.sh postgresql    the local PostgreSQL, database "bench" (dropped and created)
# BASELINE=<git revision> also builds that revision (say, the last one before sign-in) and loads its
# GET /accounts/{id} unauthenticated against the same database, to show what sign-in costs.
# Start-up, each the median of three starts from spawning the process to its first signed-in answer: the plain JVM
# (JDK 17, the flags below); with a JDK 25 at $JDK25 (default: Temurin 25's folder), Quarkus' AOT cache as
# `./mvnw verify -Dquarkus.package.jar.aot.enabled=true` writes it, trained by the *IT suites against a scratch
# database of the same kind; and with GRAALVM_HOME set, the native executable.
# Each call: a 90 s warm-up, then the medians of three 10 s runs. Needs wrk (apt-get install wrk) and curl.
# Transfers/s among 100 accounts and, on PostgreSQL, pgbench's TPC-B-like transactions/s as their ceiling.
# Takes about fifteen minutes (twenty with BASELINE, more with the native build). STARTUP_ONLY=1: start-up alone;
# TRANSFERS_ONLY=1: start-up, then transfers and pgbench alone.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "$0 needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
DB=${1:-h2}
PORT=${PORT:-8089}
DURATION=${DURATION:-10s}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-90s}
# The JVM flags the README recommends for a small service: the class-data archive the build writes (faster start), a
# heap sized for it (the default would take a quarter of the machine's memory), and a native heap handed back to the
# system every 5 s (the JIT compilers' scratch memory otherwise stays resident: 274 MB against 243 MB after a load here).
HEAP_OPTS="-XX:+UseSerialGC -Xmx64m -Xss512k -XX:TrimNativeHeapInterval=5000"
JAVA_OPTS=${JAVA_OPTS:--XX:SharedArchiveFile=app-cds.jsa $HEAP_OPTS}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
COST=${COST:-10}
WORK=$(mktemp -d)
ADMIN_PASSWORD=bench-admin-password
ADMIN="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
trap '{ kill $PID; wait $PID; } 2>/dev/null || true; rm -rf "$WORK"' EXIT # waited for: a jar removed while it shuts down hangs it

# TRAINING_URI: where the *IT suites that train the AOT cache run (they drop and create their tables); for H2, their
# own in-memory databases, as in every ./mvnw verify (an H2 file opens in one process only).
case "$DB" in
  h2) URI="h2:///$WORK/accounts"; JDBC="jdbc:h2:$WORK/accounts"; JDBC_USER=""; TRAINING_URI="" ;;
  sqlite) URI="sqlite:///$WORK/accounts.db"; JDBC="jdbc:sqlite:$WORK/accounts.db"; JDBC_USER=""
    TRAINING_URI="sqlite:///$WORK/training.db" ;;
  postgresql)
    export PGOPTIONS="-c client_min_messages=warning"
    for db in bench bench_training; do
      psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    done
    URI="postgresql://postgres@127.0.0.1:5432/bench"; JDBC="jdbc:postgresql://127.0.0.1:5432/bench"; JDBC_USER=postgres
    TRAINING_URI="postgresql://postgres@127.0.0.1:5432/bench_training" ;;
  *) echo "usage: bench/run.sh h2|sqlite|postgresql" >&2; exit 2 ;;
esac

echo "== building for $DB"
DATABASE_URI="$URI" ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.aot.enabled=true \
  -Dquarkus.package.jar.aot.type=app-cds
echo "== $(java -version 2>&1 | head -n 1), $(nproc) cores, bcrypt cost $COST, JAVA_OPTS='$JAVA_OPTS'"

ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
# CPU of every postgres process (0 for H2, which runs inside the service): the database's share of each request.
db_ticks() { local total=0 p; for p in $(pgrep -x postgres || true); do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $total; }
CLK_TCK=$(getconf CLK_TCK)

# From the application's folder: the class-data archive records the class path as the build saw it.
start_service() { # application folder [java [options]]; sets PID and START. java "native": the folder's executable
  local app=$1 java=${2:-java} opts=${3:-$JAVA_OPTS} command
  if [ "$java" = native ]; then command=("$app"/*-runner); else command=("$java" $opts -jar quarkus-run.jar); fi
  START=$(ms)
  (cd "$app" && DATABASE_URI="$URI" ACCOUNTS_PASSWORD_BCRYPT_COST=$COST QUARKUS_HTTP_PORT=$PORT \
    ACCOUNTS_ADMIN_PASSWORD=$ADMIN_PASSWORD exec env ${EXTRA_ENV:-} "${command[@]}" > "$WORK/service.log" 2>&1) &
  PID=$!
}
first_response() { # prints the milliseconds from the service's start to its first signed-in answer
  until curl -fs -H "$ADMIN" "http://127.0.0.1:$PORT/accounts?limit=1" > /dev/null; do
    kill -0 $PID 2>/dev/null || { tail -n 20 "$WORK/service.log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( $(ms) - START ))
}
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
startups() { # label, start_service arguments...: three starts, the median and each
  local starts="" i
  for i in 1 2 3; do
    start_service "${@:2}"
    starts+="$(first_response)"$'\n'
    kill $PID; wait $PID 2>/dev/null || true
  done
  printf '%-60s %6s ms  (%s ms)\n' "start to first GET /accounts?limit=1, $1:" "$(echo -n "$starts" | median)" \
    "$(echo -n "$starts" | tr '\n' ' ' | sed 's/ $//')"
}
start_service target/quarkus-app
first_response > /dev/null # the first start creates the admin
kill $PID; wait $PID 2>/dev/null || true
startups "JVM (JDK 17, JAVA_OPTS)" target/quarkus-app

if [ -x "$JDK25/bin/java" ]; then
  # Quarkus' AOT support: the aot-jar packaging (the application on the JVM's own class path, which the cache can
  # hold) and the cache the JVM writes while the *IT suites run against the packaged application; no unit tests.
  if [ -n "$TRAINING_URI" ]; then training=(env DATABASE_URI="$TRAINING_URI"); else training=(env -u DATABASE_URI); fi
  "${training[@]}" JAVA_HOME="$JDK25" ./mvnw -B -q verify -Dquarkus.package.jar.aot.enabled=true \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.package.output-directory="$WORK/aot-app" > "$WORK/aot-build.log" 2>&1 \
    || { tail -n 30 "$WORK/aot-build.log"; exit 1; }
  startups "$("$JDK25/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2) + Quarkus' AOT cache" "$WORK/aot-app" "$JDK25/bin/java" \
    "-XX:AOTCache=app.aot $HEAP_OPTS"
fi
if [ -n "${GRAALVM_HOME:-}" ]; then
  # Into target/ (an output-directory elsewhere loses the native-image source jar); the JVM build there stays.
  DATABASE_URI="$URI" ./mvnw -B -q package -Dnative -DskipTests > "$WORK/native-build.log" 2>&1 \
    || { tail -n 30 "$WORK/native-build.log"; exit 1; }
  mkdir -p "$WORK/native" && cp target/*-runner "$WORK/native/"
  startups "native executable" "$WORK/native" native
fi
[ -z "${STARTUP_ONLY:-}" ] || exit 0

start_service target/quarkus-app
first_response > /dev/null

# Bulk create: 1,000 accounts in arrays of 100, once now (they are the rows the loads read) and once more after the
# loads, when the JIT compilers no longer compete with bcrypt for the cores.
bulk_create() { # name prefix; prints rows/s
  local start batch body elapsed
  start=$(ms)
  for batch in $(seq 0 9); do
    body=$(python3 -c "import json,sys; b=int(sys.argv[2]); print(json.dumps([{'username':f'{sys.argv[1]}-{b}-{i}','password':'bench-password-1'} for i in range(100)]))" "$1" "$batch")
    curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT/accounts"
  done
  elapsed=$(( $(ms) - start ))
  echo "1000 rows in ${elapsed} ms = $(( 1000 * 1000 / elapsed )) rows/s"
}
echo "bulk create, just started: $(bulk_create seed)"
MAX_ID=$(curl -fs -H "$ADMIN" "http://127.0.0.1:$PORT/accounts?limit=1000" | python3 -c "import json,sys; print(max(a['id'] for a in json.load(sys.stdin)))")
export MAX_ID

in_ms() { awk '{v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[0-9]s$/) v *= 1000; printf "%.2f\n", v}'; }

load() { # name, wrk args...
  local name=$1; shift
  # Warm up until the JIT has compiled the path (its compiler threads' CPU would otherwise be counted), then measure
  # $RUNS times and print the medians: the machine is noisy.
  wrk -t2 -c32 -d"$WARMUP" "$@" > /dev/null
  local runs="" i before after db_before db_after out requests
  for i in $(seq "$RUNS"); do
    before=$(cpu_ticks); db_before=$(db_ticks)
    out=$(wrk -t2 -c32 -d"$DURATION" --latency "$@")
    after=$(cpu_ticks); db_after=$(db_ticks)
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    runs+="$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}' | in_ms)"
    runs+=" $(echo "$out" | awk '$1 == "99%" {print $2}' | in_ms)"
    runs+=" $(echo "($after - $before) * 1000 / $CLK_TCK / $requests" | bc -l)"
    runs+=" $(echo "($db_after - $db_before) * 1000 / $CLK_TCK / $requests" | bc -l)"
    runs+=" $(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)"$'\n'
  done
  col() { echo -n "$runs" | awk -v c="$1" '{print $c}' | median; }
  LAST_RPS=$(col 1); LAST_CPU=$(col 4)
  printf '%-34s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU/request %.3f ms (database %.3f ms)  non-2xx %s\n' "$name" \
    "$LAST_RPS" "$(col 2)" "$(col 3)" "$LAST_CPU" "$(col 5)" "$(col 6)"
}

BASE="http://127.0.0.1:$PORT"
if [ -z "${TRANSFERS_ONLY:-}" ]; then
  load "GET /accounts/{id} as admin" -H "$ADMIN" -s bench/get.lua "$BASE"
  GET_RPS=$LAST_RPS; GET_CPU=$LAST_CPU
  load "GET /accounts?tokens=10&limit=20" -H "$ADMIN" "$BASE/accounts?tokens=10&limit=20"
  load "PATCH /accounts/{id} as admin" -H "$ADMIN" -s bench/patch.lua "$BASE"
fi
# Transfers among 100 accounts that hold plenty, so that every one succeeds; then, on PostgreSQL, its own TPC-B-like
# transfer transaction (pgbench, scale 10, 32 clients on 2 threads) on the same server as the ceiling.
body=$(python3 -c "import json; print(json.dumps([{'username':f'bank-{i}','password':'bench-password-1','tokens':1000000} for i in range(100)]))")
FIRST_ID=$(curl -fs -H "$ADMIN" -H 'Content-Type: application/json' -d "$body" "$BASE/accounts" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
export FIRST_ID
load "POST /transfers as admin" -H "$ADMIN" -s bench/transfer.lua "$BASE"
TRANSFER_RPS=$LAST_RPS
if [ "$DB" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS bench_pgbench" -c "CREATE DATABASE bench_pgbench"
  pgbench -q -i -s 10 -h 127.0.0.1 -U postgres bench_pgbench > /dev/null 2>&1
  pgbench -c 32 -j 2 -T "${WARMUP%s}" -h 127.0.0.1 -U postgres bench_pgbench > /dev/null 2>&1
  tps=""
  for i in $(seq "$RUNS"); do
    tps+="$(pgbench -c 32 -j 2 -T "${DURATION%s}" -h 127.0.0.1 -U postgres bench_pgbench 2>/dev/null | awk '/^tps/ {print $3}')"$'\n'
  done
  PGBENCH_TPS=$(echo -n "$tps" | median)
  printf '%-34s %9.0f tps (pgbench -c 32 -j 2, scale 10, TPC-B-like; runs: %s)\n' "pgbench, same server" "$PGBENCH_TPS" \
    "$(echo -n "$tps" | tr '\n' ' ' | sed 's/ $//')"
  printf 'transfers reach %.2f of pgbench'"'"'s transactions per second (budget: at least 0.33)\n' \
    "$(echo "$TRANSFER_RPS / $PGBENCH_TPS" | bc -l)"
fi
[ -z "${TRANSFERS_ONLY:-}" ] || exit 0
load "POST /accounts (bcrypt)" -s bench/post.lua "$BASE"
echo "bulk create, warm: $(bulk_create warm)"
grep -o 'started in [0-9.]*s' "$WORK/service.log" | sed 's/^/Quarkus: /'
echo "RSS after the load: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status) MB"

kill $PID; wait $PID 2>/dev/null || true

if [ -n "${BASELINE:-}" ]; then
  echo "== baseline $(git rev-parse --short "$BASELINE"): GET /accounts/{id} without sign-in, same database"
  git worktree add -q --detach "$WORK/baseline" "$BASELINE"
  (cd "$WORK/baseline" && DATABASE_URI="$URI" ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.aot.enabled=true \
    -Dquarkus.package.jar.aot.type=app-cds)
  # Builds before engine/PoolSizes ran with Quarkus' default pools: give them the same pools, so that the difference
  # is sign-in alone.
  EXTRA_ENV="QUARKUS_THREAD_POOL_MAX_THREADS=$((2 * $(nproc))) QUARKUS_DATASOURCE_JDBC_MAX_SIZE=$((2 * $(nproc)))"
  start_service "$WORK/baseline/target/quarkus-app"
  until curl -fs "http://127.0.0.1:$PORT/accounts/1" > /dev/null; do sleep 0.05; done
  load "GET /accounts/{id} (baseline)" -s bench/get.lua "$BASE"
  printf 'sign-in costs %+.3f ms CPU/request; with it GET reaches %.0f%% of the requests/s without\n' \
    "$(echo "$GET_CPU - $LAST_CPU" | bc -l)" "$(echo "100 * $GET_RPS / $LAST_RPS" | bc -l)"
  kill $PID; wait $PID 2>/dev/null || true
  unset EXTRA_ENV
  git worktree remove --force "$WORK/baseline"
fi

java -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -cp 'target/quarkus-app/lib/main/*' bench/Ceilings.java "$JDBC" "$JDBC_USER" "" "$COST" "$MAX_ID"
