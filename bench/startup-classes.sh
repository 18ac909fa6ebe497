#!/usr/bin/env bash
# Records the classes the packaged service loads from spawn to its first calls, in the order it loads them, into
# src/main/resources/META-INF/accounts/startup-classes.txt: the list StartupClasses preloads beside start-up. Run it
# again after a Quarkus or dependency upgrade (StartupClassesIT fails when the list has gone stale), then commit the list.
#   bench/startup-classes.sh
# Uses the local PostgreSQL (database startup_classes, recreated), as bench/startup.sh does: the first calls are the
# admin's list, a sign-up, and the new account's own GET /accounts/me.
set -euo pipefail
cd "$(dirname "$0")/.."
LIST=src/main/resources/META-INF/accounts/startup-classes.txt
PORT=18092
WORK=$(mktemp -d)
trap '{ kill $PID; wait $PID; } 2>/dev/null || true; rm -rf "$WORK"' EXIT # waited for: a jar removed while it shuts down hangs it
PID=
PG="-h 127.0.0.1 -U postgres"
psql -q $PG -d postgres -c "drop database if exists startup_classes" -c "create database startup_classes"

echo "== building this service for PostgreSQL"
DATABASE_URI=postgresql://postgres@127.0.0.1:5432/startup_classes ./mvnw -B -q package -DskipTests \
  -Dquarkus.package.output-directory="$WORK/app"

echo "== recording its start and first calls"
(cd "$WORK/app" && DATABASE_URI=postgresql://postgres@127.0.0.1:5432/startup_classes ACCOUNTS_ADMIN_PASSWORD=admin_password \
  QUARKUS_HTTP_PORT=$PORT exec java -Dstartup-classes.preload=false -Xlog:class+load=info:file="$WORK/classes.log" \
  -jar quarkus-run.jar) > "$WORK/app.log" 2>&1 &
PID=$!
until curl -fs -u admin:admin_password "http://127.0.0.1:$PORT/accounts?limit=1" > /dev/null; do
  kill -0 $PID 2>/dev/null || { tail -20 "$WORK/app.log" >&2; exit 1; }
  sleep 0.05
done
curl -fs -X POST "http://127.0.0.1:$PORT/accounts" -H 'Content-Type: application/json' \
  -d '{"username":"first_caller","password":"first_caller_password"}' > /dev/null
curl -fs -u first_caller:first_caller_password "http://127.0.0.1:$PORT/accounts/me" > /dev/null
LOADED=$(wc -l < "$WORK/classes.log") # what shutting down loads is left out
kill $PID; wait $PID 2>/dev/null || true

# Classes of the JDK's own archive load fast already; generated ones (lambdas, proxies, hidden classes) have no name to
# load by. Each name once, in the order of first load.
mkdir -p "$(dirname "$LIST")"
head -n "$LOADED" "$WORK/classes.log" | sed -n 's/^\[[^]]*\]\[info\]\[class,load\] \([^ ]*\) source: \(.*\)$/\1 \2/p' \
  | grep -v ' shared objects file' | grep -v '^[^ ]*\(\$\$Lambda\|/0x\|\$Proxy\|^jdk\.proxy\)' \
  | grep -v '^jdk\.internal\.reflect\.Generated' | cut -d' ' -f1 | awk '!seen[$0]++' > "$LIST"
echo "== $(wc -l < "$LIST") classes in $LIST"
