#!/usr/bin/env bash
# Instances started at once on a new MariaDB database, as a fleet starts: the seconds from launching them all to the
# last one ready, and the WARN lines and failed DDL statements they logged. ROUNDS rounds for each revision, interleaved.
#   bench/start-at-once.sh [INSTANCES] [ROUNDS] [REVISION...]
# Each REVISION (default: the working tree) is built for MariaDB in a scratch worktree. Needs curl and the local MariaDB.
set -euo pipefail
cd "$(dirname "$0")/.."
INSTANCES=${1:-4}
ROUNDS=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
REVISIONS=("${@:-working-tree}")
WORK=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; for r in "${REVISIONS[@]}"; do [ "$r" = working-tree ] || git worktree remove --force "$WORK/$r" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
declare -A JAR
for revision in "${REVISIONS[@]}"; do
  tree=.
  if [ "$revision" != working-tree ]; then
    tree=$WORK/$revision
    git worktree add -q --detach "$tree" "$revision"
  fi
  (cd "$tree" && DATABASE_URI=mariadb://root@127.0.0.1/test ./mvnw -B -q -o package -DskipTests \
    -Dquarkus.package.output-directory=app-at-once > "$WORK/build.log" 2>&1) || { cat "$WORK/build.log"; exit 1; }
  JAR[$revision]=$tree/target/app-at-once/quarkus-run.jar
done
for round in $(seq 1 "$ROUNDS"); do
  for revision in "${REVISIONS[@]}"; do
    mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS start_at_once; CREATE DATABASE start_at_once"
    start=$(date +%s%N)
    PIDS=()
    for i in $(seq 1 "$INSTANCES"); do
      DATABASE_URI=mariadb://root@127.0.0.1:3306/start_at_once QUARKUS_HTTP_PORT=$((18300 + i)) \
        ACCOUNTS_ADMIN_PASSWORD=bench-admin-password java -jar "${JAR[$revision]}" > "$WORK/$i.log" 2>&1 &
      PIDS+=($!)
    done
    for i in $(seq 1 "$INSTANCES"); do
      until curl -sf "localhost:$((18300 + i))/q/health/ready" > /dev/null; do sleep 0.1; done
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    kill "${PIDS[@]}"; wait "${PIDS[@]}" 2>/dev/null || true
    printf '%s round %d: %d instances ready after %d ms; %d WARN lines, %d failed DDL statements\n' "$revision" "$round" \
      "$INSTANCES" "$ms" "$(cat "$WORK"/[0-9]*.log | grep -c ' WARN ' || true)" "$(cat "$WORK"/[0-9]*.log | grep -c 'Error executing DDL' || true)"
  done
done
