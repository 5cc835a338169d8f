#!/usr/bin/env bash
# What Switchboard's edge adds over a direct provider call, measured with the shared bench kit
# (../shared/bench/run-overhead.sh: wrk for request/response, an SSE client for streams).
#
# Layout on a 2-core machine: the rest of the suite (quota-service with Redis for admission, routing-service,
# usage-service with Kafka and PostgreSQL) runs on CPU 0 together with the load generator and the kit's mock;
# the edge under test runs alone on CPU 1, a separate JVM with production JIT settings. Every request takes the
# whole path: authenticate (cached), route (cached), admit (a real call to quota-service and Redis), relay,
# and a usage event to Kafka that usage-service writes to PostgreSQL.
#
#   bench/edge-overhead.sh            # the gateway path
#   EDGE_JAVA_OPTS=-XX:StartFlightRecording=... bench/edge-overhead.sh   # extra options for the edge JVM, e.g. a profile
#   MODE=bare bench/edge-overhead.sh  # the floor: a plain Spring Cloud Gateway route in the same jar and JVM
#
# Any knob of run-overhead.sh passes through (ROUNDS, DURATION, STREAM_CONC, ...). Results land in
# ../shared/bench/results/<timestamp>/summary.md. Traffic stays on 127.0.0.1; every process is stopped on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KIT=${BENCH_KIT:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd)} || { echo "bench kit not found; set BENCH_KIT" >&2; exit 1; }
MODE=${MODE:-edge}
WORK=$ROOT/bench/target/stack
EDGE_PORT=${EDGE_PORT:-8180}
export MOCK_PORT=${MOCK_PORT:-18181}
BENCH_KEY=sk-bench-not-a-real-key   # the key the kit's smoke test sends; imported into quota-service below

[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package)
mkdir -p "$WORK"
export SWITCHBOARD_SERVICE_TOKEN=bench-svc-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')
export SWITCHBOARD_ADMIN_TOKEN=bench-adm-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')

echo "starting the suite on CPU 0 (log: $WORK/devstack.log) ..." >&2
taskset -c 0 java -jar "$ROOT/devstack/target/devstack-0.1.0-SNAPSHOT-exec.jar" --work-dir="$WORK" \
  --service-jvm-options="-Xmx512m -XX:+UseSerialGC" > "$WORK/devstack.log" 2>&1 &
STACK=$!
trap 'kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do grep -q "Switchboard is running" "$WORK/devstack.log" && break
  kill -0 $STACK 2>/dev/null || { cat "$WORK/devstack.log" >&2; exit 1; }; sleep 1; done

admin() { # admin <method> <port> <path> <json>: 2xx, or 409 when it exists from an earlier run
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X "$1" "http://127.0.0.1:$2$3" \
    -H "Authorization: Bearer $SWITCHBOARD_ADMIN_TOKEN" -H 'Content-Type: application/json' -d "$4")
  case $code in 2*|409) ;; *) echo "$1 $3 answered $code" >&2; exit 1 ;; esac
}
admin PUT 8081 /api/v1/providers/bench-mock "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:$MOCK_PORT/v1\"}"
admin PUT 8081 /api/v1/models/gpt-4o-mini '{"provider":"bench-mock","upstreamModel":"gpt-4o-mini","version":"2024-07-18",
  "price":{"inputPerMillion":"0.15","cachedInputPerMillion":"0.075","outputPerMillion":"0.60"}}'
admin POST 8082 /api/v1/teams '{"id":"bench","name":"Benchmark"}'
# a limit so high it never bites, yet every request runs the rate-limit script on Redis
admin POST 8082 /api/v1/teams/bench/keys "{\"name\":\"bench\",\"requestsPerMinute\":2000000000,\"key\":\"$BENCH_KEY\"}"

# the edge under test: one event-loop thread for the one core it owns
export SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092
EDGE_CMD="java ${EDGE_JAVA_OPTS:-} -Xms512m -Xmx512m -Dreactor.netty.ioWorkerCount=1 -jar $ROOT/gateway-edge/target/gateway-edge-0.1.0-SNAPSHOT-exec.jar --server.port=$EDGE_PORT --logging.level.root=warn --switchboard.edge.usage.spool.directory=$WORK/bench-edge-spool"
if [ "$MODE" = bare ]; then
  EDGE_CMD="$EDGE_CMD --spring.cloud.gateway.server.webflux.routes[0].id=bare --spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$MOCK_PORT --spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/bare/** --spring.cloud.gateway.server.webflux.routes[0].filters[0]=StripPrefix=1"
  GW_URL=http://127.0.0.1:$EDGE_PORT/bare/v1/chat/completions
  GW_NAME=switchboard-bare-scg
else
  GW_URL=http://127.0.0.1:$EDGE_PORT/v1/chat/completions
  GW_NAME=switchboard-edge
fi

export OUT_DIR=${OUT_DIR:-$ROOT/bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)-$MODE}
cd "$KIT"
GW_NAME=$GW_NAME GW_PORT=$EDGE_PORT GW_URL=$GW_URL GW_HEADERS="Authorization: Bearer $BENCH_KEY" \
  GW_READY_URL=http://127.0.0.1:$EDGE_PORT/actuator/health/readiness GW_CMD="$EDGE_CMD" \
  WARMUP=${WARMUP:-20} ./run-overhead.sh
