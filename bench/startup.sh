#!/usr/bin/env bash
# Start-up beside its anchors, interleaved, against the same local PostgreSQL: the milliseconds from spawning
# `java -jar` to the first 200 of a call that reads the database, ROUNDS rounds each, medians. PACKAGING picks the JVM:
#   jvm (default)      JDK 17 (`java` on the PATH), no flags; the Spring peer too
#   aot                JDK 25 ($JDK25, default Temurin 25) with an AOT cache (JEP 483/514) that each application
#                      trains the same way first (-XX:AOTCacheOutput, 20 calls, a clean stop); the Spring peer is left
#                      out (its nested-jar class loader defeats the cache)
#   this service       the first signed-in GET /accounts?limit=1 (admin; bcrypt at the production cost)
#   quickstart         Quarkus' hibernate-orm-panache-quickstart at this service's Quarkus version, with this service's
#                      extension set added, doing the schema work this service does (update, no load script),
#                      GET /entity/fruits
#   spring             the Spring Boot 4 + Spring Data JPA build of the same API (../shared/peers), GET /accounts?limit=1
#
#   [PACKAGING=aot] bench/startup.sh QUICKSTARTS_CHECKOUT [ROUNDS]
# QUICKSTARTS_CHECKOUT is a checkout (or bare clone) of quarkusio/quarkus-quickstarts; the quickstart is taken from the
# tag of this service's Quarkus version (else HEAD), copied to a scratch folder and patched there, so none of its code
# lands in this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICKSTARTS=${1:?usage: bench/startup.sh QUICKSTARTS_CHECKOUT [ROUNDS]}
ROUNDS=${2:-5}
PACKAGING=${PACKAGING:-jvm}
case $PACKAGING in
  jvm) JAVA=java; NAMES="quickstart service spring" ;;
  aot) JAVA=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java; NAMES="quickstart service" ;;
  *) echo "PACKAGING is jvm or aot, not $PACKAGING" >&2; exit 2 ;;
esac
declare -A CACHE # the AOT cache flag of each application, once trained
SPRING=$(cd "${SPRING:-../shared/peers/spring-accounts}" && pwd)
PORT=18090
WORK=$(mktemp -d)
trap '{ kill $PID; wait $PID; } 2>/dev/null || true; rm -rf "$WORK"' EXIT # waited for: a jar removed while it shuts down hangs it
PID=
PG="-h 127.0.0.1 -U postgres"
QUARKUS=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
SQLITE=$(sed -n 's:.*<quarkus-jdbc-sqlite.version>\(.*\)</quarkus-jdbc-sqlite.version>.*:\1:p' pom.xml)

for db in bench_service bench_quickstart spring_peer; do
  psql $PG -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 || psql -q $PG -d postgres -c "create database $db"
done

echo "== building this service for PostgreSQL"
DATABASE_URI=postgresql://postgres@127.0.0.1:5432/bench_service ./mvnw -B -q package -DskipTests \
  -Dquarkus.package.output-directory="$WORK/service"

echo "== building the quickstart at Quarkus $QUARKUS with this service's extensions"
if [ -d "$QUICKSTARTS/.git" ]; then GIT=(git -C "$QUICKSTARTS"); else GIT=(git --git-dir "$QUICKSTARTS"); fi
REF=$QUARKUS; "${GIT[@]}" rev-parse -q --verify "$REF^{commit}" > /dev/null || REF=HEAD
echo "   (quickstarts at $REF)"
"${GIT[@]}" archive "$REF" hibernate-orm-panache-quickstart | tar -x -C "$WORK"
QS=$WORK/hibernate-orm-panache-quickstart
rm -f "$QS/src/main/resources/import.sql" # this service loads nothing at start-up
sed -i "s:<quarkus.platform.version>.*</quarkus.platform.version>:<quarkus.platform.version>$QUARKUS</quarkus.platform.version>:" "$QS/pom.xml"
extra=""
for ext in hibernate-validator smallrye-openapi smallrye-health micrometer-registry-prometheus jdbc-h2 jdbc-mariadb jdbc-mysql \
    security elytron-security-common; do
  extra+="<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-$ext</artifactId></dependency>"
done
extra+="<dependency><groupId>io.quarkiverse.jdbc</groupId><artifactId>quarkus-jdbc-sqlite</artifactId><version>$SQLITE</version></dependency>"
sed -i "/<\/dependencyManagement>/,/<dependencies>/s:<dependencies>:<dependencies>$extra:" "$QS/pom.xml"
cat >> "$QS/src/main/resources/application.properties" <<PROPS
quarkus.datasource.db-kind=postgresql
%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/bench_quickstart
%prod.quarkus.datasource.username=postgres
%prod.quarkus.datasource.password=
quarkus.hibernate-orm.log.sql=false
# The schema work this service does at every start: update what exists, drop nothing, load no script.
%prod.quarkus.hibernate-orm.schema-management.strategy=update
quarkus.hibernate-orm.sql-load-script=no-file
PROPS
./mvnw -B -q -f "$QS/pom.xml" package -DskipTests

echo "== building the Spring peer"
[ -f "$SPRING/target/spring-accounts.jar" ] || (cd "$SPRING" && mvn -B -q -DskipTests package)

ms() { date +%s%3N; }
first_answer() { # name [calls]: spawns it, prints the milliseconds to its first 200, makes more calls, stops it
  local start url auth=() flags=${CACHE[$1]:-}
  start=$(ms)
  case $1 in
    service)
      url="http://127.0.0.1:$PORT/accounts?limit=1"; auth=(-u admin:bench_admin_password)
      (cd "$WORK/service" && DATABASE_URI=postgresql://postgres@127.0.0.1:5432/bench_service \
        ACCOUNTS_ADMIN_PASSWORD=bench_admin_password QUARKUS_HTTP_PORT=$PORT exec $JAVA $flags -jar quarkus-run.jar) \
        > "$WORK/$1.log" 2>&1 &
      ;;
    quickstart)
      url="http://127.0.0.1:$PORT/entity/fruits"
      (cd "$QS/target/quarkus-app" && QUARKUS_HTTP_PORT=$PORT exec $JAVA $flags -jar quarkus-run.jar) > "$WORK/$1.log" 2>&1 &
      ;;
    spring)
      url="http://127.0.0.1:$PORT/accounts?limit=1"
      $JAVA -jar "$SPRING/target/spring-accounts.jar" --server.port=$PORT \
        --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/spring_peer --spring.datasource.username=postgres \
        --spring.datasource.password= > "$WORK/$1.log" 2>&1 &
      ;;
  esac
  PID=$!
  until curl -fs "${auth[@]}" "$url" > /dev/null; do
    kill -0 $PID 2>/dev/null || { echo "$1 died: see below" >&2; tail -20 "$WORK/$1.log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( $(ms) - start ))
  for _ in $(seq 2 "${2:-1}"); do curl -fs "${auth[@]}" "$url" > /dev/null; done
  kill $PID; wait $PID 2>/dev/null || true
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== $PACKAGING: $($JAVA -version 2>&1 | head -n 1), $(nproc) cores, $ROUNDS interleaved rounds"
first_answer service > /dev/null # creates the admin, once
if [ "$PACKAGING" = aot ]; then
  for name in $NAMES; do # the JVM writes the cache as it exits
    CACHE[$name]="-XX:AOTCacheOutput=$WORK/$name.aot"; echo "   training $name: $(first_answer $name 20) ms"
    [ -s "$WORK/$name.aot" ] || { echo "$name wrote no AOT cache: see below" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    CACHE[$name]="-XX:AOTCache=$WORK/$name.aot"
  done
fi
declare -A runs
for round in $(seq 1 "$ROUNDS"); do
  for name in $NAMES; do
    runs[$name]+="$(first_answer $name) "
  done
done
for name in $NAMES; do
  printf '%-11s median %5s ms   (%s)\n' "$name" "$(echo "${runs[$name]}" | tr ' ' '\n' | grep . | median)" "${runs[$name]% }"
done
for name in quickstart service; do echo "$name: $(grep -ho 'Installed features: .*' "$WORK/$name.log" | head -n 1)"; done
q=$(echo "${runs[quickstart]}" | tr ' ' '\n' | grep . | median)
s=$(echo "${runs[service]}" | tr ' ' '\n' | grep . | median)
awk -v q="$q" -v s="$s" 'BEGIN { printf "service / quickstart %.2f (budget 1.15)\n", s / q }'
if [ "$PACKAGING" = jvm ]; then
  p=$(echo "${runs[spring]}" | tr ' ' '\n' | grep . | median)
  awk -v s="$s" -v p="$p" 'BEGIN { printf "service / spring %.2f (budget 0.50)\n", s / p }'
fi
