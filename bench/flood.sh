#!/usr/bin/env bash
# The bcrypt budget under a flood (issue 28): CONNECTIONS (32) connections send failing sign-ins for usernames no
# account has while one caller whose password is remembered calls GET /accounts/me at 20 a second. Prints the
# caller's latency alone and during the flood (p50, p90, p99), what the flood was answered, and, every 0.5 s during
# it, readiness and the first sign-in of another account from another address (127.0.0.2: bcrypt is needed, the
# flood's source is not its own). Two layouts, one after the other, the same jar (H2 file database, bcrypt cost 10):
#   shared  the service and the load generators on both cores, as BcryptBudgetIT runs them
#   split   the service on core 1, the load generators on core 0: the flood comes from elsewhere, as in production
#           (the JVM then sees one core: one bcrypt thread, two workers)
#   bench/flood.sh [shared|split ...]      default: shared split
# Needs wrk and curl. About two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "$0 needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
PORT=${PORT:-18093}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WORK=$(mktemp -d)
PID=
trap '{ [ -z "$PID" ] || { kill $PID; wait $PID; }; } 2>/dev/null || true; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"
ADMIN="Authorization: Basic $(printf 'admin:bench-admin-password' | base64 -w0)"
CALLER="Authorization: Basic $(printf 'flood-caller:caller-password' | base64 -w0)"
export FLOOD_AUTH=$(for i in $(seq 1000); do printf 'nobody-%s:wrong-password-%s' $i $RANDOM | base64 -w0; echo; done)

echo "== building for h2"
./mvnw -B -q package -DskipTests -Dquarkus.package.output-directory="$WORK/app"
echo "== $(java -version 2>&1 | head -n 1), $(nproc) cores, $CONNECTIONS flooding connections, $DURATION"

latency() { # wrk --latency output: p50 p90 p99
  awk '$1 == "50%" {p50 = $2} $1 == "90%" {p90 = $2} $1 == "99%" {p99 = $2} END {print "p50 " p50 ", p90 " p90 ", p99 " p99}'
}

run() { # layout service-cpus load-cpus
  local layout=$1 service_cpus=$2 load_cpus=$3
  rm -rf "$WORK/db"
  (cd "$WORK/app" && DATABASE_URI="h2:///$WORK/db/accounts" QUARKUS_HTTP_PORT=$PORT ACCOUNTS_ADMIN_PASSWORD=bench-admin-password \
    exec taskset -c "$service_cpus" java -jar quarkus-run.jar) > "$WORK/$layout.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "$BASE/q/health/ready"; do
    kill -0 $PID 2>/dev/null || { tail -20 "$WORK/$layout.log" >&2; exit 1; }; sleep 0.2
  done
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"username":"flood-caller","password":"caller-password"}' "$BASE/accounts"
  curl -fs -o /dev/null -H "$CALLER" "$BASE/accounts/me" # checked once with bcrypt: remembered from now on
  python3 -c "import json; print(json.dumps([{'username': f'newcomer-{i}', 'password': 'newcomer-password'} for i in range(60)]))" \
    | curl -fs -o /dev/null -H "$ADMIN" -H 'Content-Type: application/json' --data-binary @- "$BASE/accounts"
  taskset -c "$load_cpus" wrk -t1 -c1 -d10s --latency -s bench/paced.lua -H "$CALLER" "$BASE/accounts/me" > "$WORK/alone"
  echo "-- $layout (service on cpu $service_cpus, load on cpu $load_cpus)"
  echo "caller alone:        $(latency < "$WORK/alone")"
  taskset -c "$load_cpus" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/flood.lua "$BASE" > "$WORK/flood" &
  local flood=$!
  sleep 1
  taskset -c "$load_cpus" wrk -t1 -c1 -d"$DURATION" --latency -s bench/paced.lua -H "$CALLER" "$BASE/accounts/me" \
    > "$WORK/during" &
  local caller=$! ready=() newcomer=() newcomer_seconds=() n=0
  while kill -0 $caller 2>/dev/null; do
    ready+=("$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$BASE/q/health/ready")")
    local answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -m 5 --interface 127.0.0.2 \
      -u "newcomer-$n:newcomer-password" "$BASE/accounts/me")
    newcomer+=("${answer% *}"); newcomer_seconds+=("${answer#* }")
    [ "${newcomer[-1]}" != 200 ] || n=$((n + 1))
    sleep 0.5
  done
  wait $flood
  echo "caller during flood: $(latency < "$WORK/during") ($(awk '/requests in/ {print $1}' "$WORK/during") calls, $(grep -c . <<< "$(grep -E 'Non-2xx|Socket errors' "$WORK/during")" || true) error lines)"
  grep 'flood answers' "$WORK/flood"
  echo "readiness: $(printf '%s\n' "${ready[@]}" | sort | uniq -c | awk '{printf "%s x %s  ", $1, $2}')"
  echo "newcomers' first sign-ins from 127.0.0.2: $(printf '%s\n' "${newcomer[@]}" | sort | uniq -c | awk '{printf "%s x %s  ", $1, $2}')median $(printf '%s\n' "${newcomer_seconds[@]}" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}') s"
  echo "refused (accounts_password_refused_total): $(curl -s "$BASE/q/metrics" | awk '/^accounts_password_refused_total/ {printf "%s %s  ", $1, $2}')"
  kill $PID; wait $PID 2>/dev/null || true; PID=
}

[ $# -gt 0 ] || set -- shared split
for layout in "$@"; do
  case $layout in
    shared) run shared 0-1 0-1 ;;
    split) run split 1 0 ;;
    *) echo "usage: bench/flood.sh [shared|split ...]" >&2; exit 2 ;;
  esac
done
