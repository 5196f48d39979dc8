#!/usr/bin/env bash
# Two Seed nodes on this machine behind nginx, one PostgreSQL, fake model servers: proves from the
# outside that the application keeps no state outside PostgreSQL apart from console sessions
# (issue #9; results and discussion in docs/SCALE-OUT.md).
#
#   scripts/scale/two-nodes.sh     # EAR built before (see below)
#
# Build first (once): mvn -B -o package -DskipTests -pl ear -am   (ear/target/seed.ear + server)
# Database seed_scale; node1 http 8680 (offset 600), node2 http 8780 (offset 700), nginx 8880,
# fake small VLM 18601, fake large VLM 18602. Output: .seed/scale/ (results.txt, logs, CSVs).
# Environment: SMALL_MS / LARGE_MS (fake model latencies, default 150 / 400), LOAD_SECONDS (20),
# LOAD_WORKERS (4), KEEP=1 leaves everything running.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/lib/common.sh"
OUT="$SEED_STATE_DIR/scale"; mkdir -p "$OUT"; chmod 700 "$OUT"
NGX=/tmp/seed-scale-nginx   # nginx's workers run as nobody: not under the private $OUT
DB=seed_scale LB=8880 N1=8680 N2=8780 SMALL_PORT=18601 LARGE_PORT=18602
SMALL_MS=${SMALL_MS:-150} LARGE_MS=${LARGE_MS:-400} LOAD_SECONDS=${LOAD_SECONDS:-20} LOAD_WORKERS=${LOAD_WORKERS:-4}
RESULTS="$OUT/results.txt"; : >"$RESULTS"
passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if "$@" >>"$OUT/checks.log" 2>&1; then passed=$((passed + 1)); echo "ok   $name" | tee -a "$RESULTS"
  else failed=$((failed + 1)); echo "FAIL $name" | tee -a "$RESULTS"; fi
}
note() { echo "     $*" | tee -a "$RESULTS"; }
psql_db() { su postgres -c "psql -X -q -t -A -d $DB -c \"$1\""; }

[ -f "$ROOT/ear/target/seed.ear" ] && [ -d "$ROOT/ear/target/server" ] \
  || die "build first: mvn -B -o package -DskipTests -pl ear -am"
if ! command -v nginx >/dev/null 2>&1; then
  log "installing nginx from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi

# --- start: fake models, two nodes, nginx -------------------------------------------------------
pids=()
cleanup() {
  [ "${KEEP:-0}" = 1 ] && return
  nginx -p "$NGX" -c "$NGX/nginx.conf" -s quit 2>/dev/null || true
  cp "$NGX"/*.log "$OUT/" 2>/dev/null || true
  for i in node1 node2; do SEED_INSTANCE=$i "$ROOT/scripts/stop.sh" --quiet || true; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
java "$ROOT/scripts/load/FakeModelServer.java" --port $SMALL_PORT --latency-ms "$SMALL_MS" --name qwen2.5-vl-3b >"$OUT/fake-small.log" 2>&1 & pids+=($!)
java "$ROOT/scripts/load/FakeModelServer.java" --port $LARGE_PORT --latency-ms "$LARGE_MS" --name fake-large >"$OUT/fake-large.log" 2>&1 & pids+=($!)

# Both nodes: same database, same configuration; the demo admin password lives only in $OUT.
[ -f "$OUT/admin.pw" ] || (umask 177; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$OUT/admin.pw")
export SEED_ADMIN_PASSWORD; SEED_ADMIN_PASSWORD=$(cat "$OUT/admin.pw")
export SEED_DB_NAME=$DB SEED_NO_BUILD=1 SEED_JAVA_SIZING="-Xms256m -Xmx1g -XX:MaxMetaspaceSize=512m"
export SEED_SMALL_VLM_URL=http://127.0.0.1:$SMALL_PORT/v1 SEED_SMALL_VLM_DIALECT=vllm
export SEED_LARGE_VLM_URL=http://127.0.0.1:$LARGE_PORT/v1 SEED_LARGE_VLM_MODEL=fake-large SEED_LARGE_VLM_DIALECT=openai
# A low limit makes sharing visible (each load worker uses its own key and stays below it).
export SEED_API_RATE_LIMIT_PER_SECOND=5 SEED_API_RATE_LIMIT_BURST=20
SEED_INSTANCE=node1 SEED_PORT_OFFSET=600 "$ROOT/scripts/run.sh" >"$OUT/node1.out" 2>&1
SEED_INSTANCE=node2 SEED_PORT_OFFSET=700 "$ROOT/scripts/run.sh" >"$OUT/node2.out" 2>&1
rm -rf "$NGX"; "$ROOT/docker/nginx/render.sh" "$NGX" $N1 $N2 $LB >/dev/null
nginx -p "$NGX" -c "$NGX/nginx.conf"
log "two nodes and nginx are up"

# --- a tenant with API keys (SHA-256 stored, as the product does) ------------------------------
tenant=$(cat /proc/sys/kernel/random/uuid)
psql_db "INSERT INTO tenant (id, slug, name) VALUES ('$tenant', 'scale-${tenant:0:8}', 'Scale-out demo')"
keys=()
for i in $(seq 1 8); do
  prefix=$(head -c 1000 /dev/urandom | tr -dc 'a-z0-9' | head -c 8)
  key="seed_${prefix}_$(head -c 1000 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 40)"
  hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
  psql_db "INSERT INTO api_client (id, tenant_id, name, key_prefix, key_hash, created_by, scopes) VALUES ('$(cat /proc/sys/kernel/random/uuid)', '$tenant', 'scale-$i', '$prefix', '$hash', 'two-nodes.sh', 'turns,concepts')"
  keys+=("$key")
done
api() { # key, method, url, [body] -> prints "status body"
  local body=${4:-}
  curl -sS -o "$OUT/last.json" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    ${body:+--data-binary "$body"} "$3"
}
png_b64() { # a 96x96 PNG whose colours depend on $1, as base64
  python3 -c 'import base64, struct, sys, zlib
k = int(sys.argv[1]); w = h = 96
raw = b"".join(b"\x00" + bytes(v for x in range(w) for v in ((x * k + y * 3) % 256, (x * 5 + k * 40) % 256, (y * 11 * k) % 256)) for y in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
print(base64.b64encode(png).decode())' "$1"
}
concept_json() { echo "{\"name\":\"$1\",\"description\":\"$1 is a test object.\",\"images\":[{\"data\":\"data:image/png;base64,$(png_b64 "$2")\",\"fileName\":\"a.png\"}]}"; }
turn_json="{\"question\":\"Where is <scale-a>?\",\"image\":{\"data\":\"data:image/png;base64,$(png_b64 7)\",\"fileName\":\"t.png\"}}"

# --- 1. turns work on either node and through nginx --------------------------------------------
check "a concept registers on node1" test "$(api "${keys[0]}" POST http://127.0.0.1:$N1/api/v1/concepts "$(concept_json '<scale-a>' 7)")" = 201
check "a concept registers on node2" test "$(api "${keys[0]}" POST http://127.0.0.1:$N2/api/v1/concepts "$(concept_json '<scale-b>' 13)")" = 201
for target in "node1 $N1" "node2 $N2" "nginx $LB"; do
  set -- $target
  check "a turn succeeds on $1" test "$(api "${keys[0]}" POST "http://127.0.0.1:$2/api/v1/turns" "$turn_json")" = 200
  grep -q '"status":"ANSWERED"' "$OUT/last.json" || note "turn on $1: $(head -c 300 "$OUT/last.json")"
done
upstreams=$(for _ in 1 2 3 4; do curl -sS -o /dev/null -D - -H "Authorization: Bearer ${keys[1]}" http://127.0.0.1:$LB/api/v1/health | tr -d '\r' | sed -n 's/^X-Seed-Upstream: //p'; done | sort -u | wc -l)
check "API requests through nginx reach both nodes (round-robin)" test "$upstreams" = 2

# --- 2. console sessions are sticky; sessions on each node for the admin API calls ------------
CP=$(ls ~/.m2/repository/com/microsoft/playwright/{playwright,driver,driver-bundle}/1.62.0/*.jar \
       ~/.m2/repository/com/google/code/gson/gson/2.13.1/gson-2.13.1.jar | tr '\n' ':')
java -cp "$CP" "$ROOT/scripts/scale/ConsoleDriver.java" sessions http://127.0.0.1:$N1/ http://127.0.0.1:$N2/ http://127.0.0.1:$LB/ >"$OUT/sessions.txt" 2>>"$OUT/console.log"
c1=$(sed -n 's/^cookie.node1=//p' "$OUT/sessions.txt"); c2=$(sed -n 's/^cookie.node2=//p' "$OUT/sessions.txt")
clb=$(sed -n 's/^cookie.lb=//p' "$OUT/sessions.txt")
check "session ids carry the node (…\.node1 / …\.node2)" bash -c "[[ '$c1' == *.node1 && '$c2' == *.node2 ]]"
check "a console session through nginx stays signed in across views" grep -q 'lb.stayed_signed_in=true' "$OUT/sessions.txt"
sticky_node=${clb##*.}; sticky_port=$([ "$sticky_node" = node1 ] && echo $N1 || echo $N2)
stayed_on_node() { # the session's requests exist, and none went to the other node
  grep -q "sticky=$sticky_node" "$NGX/access.log" \
    && ! grep "sticky=$sticky_node" "$NGX/access.log" | grep -v "upstream=127.0.0.1:$sticky_port" | grep -q .
}
note "console session through nginx: $(grep -c "sticky=$sticky_node" "$NGX/access.log") requests with the ${sticky_node} suffix"
check "nginx sent every request of that session to $sticky_node" stayed_on_node

# --- 3. a retrain started on both nodes at the same moment runs exactly once ------------------
retrain='{"k":2,"source":"platform-concepts","seed":7}'
s1_file="$OUT/retrain1.json"; s2_file="$OUT/retrain2.json"
curl -sS -o "$s1_file" -w '%{http_code}\n' -H "Cookie: JSESSIONID=$c1" -H 'Content-Type: application/json' -d "$retrain" http://127.0.0.1:$N1/api/v1/dictionary/jobs >"$OUT/retrain1.status" & r1=$!
curl -sS -o "$s2_file" -w '%{http_code}\n' -H "Cookie: JSESSIONID=$c2" -H 'Content-Type: application/json' -d "$retrain" http://127.0.0.1:$N2/api/v1/dictionary/jobs >"$OUT/retrain2.status" & r2=$!
wait $r1 $r2
statuses="$(cat "$OUT/retrain1.status") $(cat "$OUT/retrain2.status")"
note "retrain answers (node1 node2): $statuses"
check "one node accepted the retrain (202), the other refused it (409 retrain-running)" \
  bash -c "[[ '$statuses' == '202 409' || '$statuses' == '409 202' ]]"
sleep 5
runs=$(psql_db "SELECT count(*) FROM dictionary_job WHERE tenant_id IS NULL AND started_at > now() - interval '2 minutes'")
note "dictionary jobs started in the last 2 minutes: $runs; statuses: $(psql_db "SELECT string_agg(status, ',') FROM dictionary_job WHERE created_at > now() - interval '2 minutes'")"
check "exactly one retrain job ran" test "$runs" = 1

# --- 4. an activation through node1 is seen by node2 at once -----------------------------------
version=$(psql_db "SELECT id FROM dictionary_version WHERE tenant_id IS NULL AND status = 'READY' ORDER BY id DESC LIMIT 1")
check "the retrain produced a READY version" test -n "$version"
curl -sS -o "$OUT/activate.json" -w '%{http_code}' -X POST -H "Cookie: JSESSIONID=$c1" http://127.0.0.1:$N1/api/v1/dictionary/versions/$version/activate >"$OUT/activate.status"
curl -sS -H "Cookie: JSESSIONID=$c2" http://127.0.0.1:$N2/api/v1/dictionary/versions >"$OUT/versions-node2.json"
check "activation on node1 answered 200" test "$(cat "$OUT/activate.status")" = 200
check "node2 lists version $version as ACTIVE right after" python3 -c "
import json,sys; v=[x for x in json.load(open('$OUT/versions-node2.json')) if x['id']==$version]
sys.exit(0 if v and v[0]['status']=='ACTIVE' else 1)"

# --- 5. the rate limit is shared: alternate nodes with one key ---------------------------------
start=$(date +%s.%N); ok=0; limited=0
for i in $(seq 1 60); do
  port=$([ $((i % 2)) = 0 ] && echo $N1 || echo $N2)
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${keys[7]}" http://127.0.0.1:$port/api/v1/health)
  [ "$code" = 200 ] && ok=$((ok + 1)); [ "$code" = 429 ] && limited=$((limited + 1))
done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
allowed=$(echo "20 + 5 * $elapsed + 1" | bc | cut -d. -f1)
note "rate limit: 60 requests alternating nodes in ${elapsed}s: $ok passed, $limited got 429 (shared bucket allows <= $allowed; per-node buckets would pass ~$((2 * allowed)))"
check "one key's limit holds across both nodes" test "$ok" -le "$allowed" -a "$limited" -gt 0

# --- 6. model settings changed in node1's console reach node2 -----------------------------------
java -cp "$CP" "$ROOT/scripts/scale/ConsoleDriver.java" models http://127.0.0.1:$N1/ http://127.0.0.1:$N2/ \
  http://127.0.0.1:18999/v1 gpt-two-nodes >"$OUT/models.txt" 2>>"$OUT/console.log"
note "$(tr '\n' ' ' <"$OUT/models.txt")"
check "node2 shows node1's model change" bash -c "grep -q 'models.node2_seen_ms=[0-9]' '$OUT/models.txt'"
check "node1 shows the reset made on node2" bash -c "grep -q 'models.reset_on_node2_seen_on_node1_ms=[0-9]' '$OUT/models.txt'"

# --- 7. kill -9 one node under load: no acknowledged write lost, nothing half-written ----------
load_keys=$(IFS=,; echo "${keys[*]:1:6}")
java "$ROOT/scripts/scale/LoadGen.java" http://127.0.0.1:$LB "$load_keys" mixed "$LOAD_WORKERS" "$LOAD_SECONDS" "$OUT/load.csv" >"$OUT/load.txt" 2>&1 &
load_pid=$!
sleep $((LOAD_SECONDS / 3))
kill -9 "$(cat "$SEED_STATE_DIR/node2/server.pid")"; note "node2 killed (kill -9) at $(date -u +%T)"
wait $load_pid
note "$(tr '\n' ' ' <"$OUT/load.txt")"
note "load through nginx per node: $(grep -E 'POST /api/v1/(turns|concepts)' "$NGX/access.log" | grep -o 'upstream=[0-9.:, ]*' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
note "nginx answers to the load: $(grep -E 'POST /api/v1/(turns|concepts)' "$NGX/access.log" | sed -E 's/.*HTTP\/1\.1" ([0-9]{3}) .*/\1/' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
acked_concepts=$(awk -F, '$1=="register" && $2==201 {print $3}' "$OUT/load.csv" | sort -u)
acked_turns=$(awk -F, '$1=="turn" && $2==200 {print $3}' "$OUT/load.csv" | sort -u)
n_c=$(echo "$acked_concepts" | grep -c . || true); n_t=$(echo "$acked_turns" | grep -c . || true)
in_db_c=$( [ "$n_c" -gt 0 ] && psql_db "SELECT count(*) FROM concept c WHERE c.id IN ($(echo "$acked_concepts" | sed "s/.*/'&'/" | paste -sd,)) AND EXISTS (SELECT 1 FROM reference_image r WHERE r.concept_id = c.id)" || echo 0)
in_db_t=$( [ "$n_t" -gt 0 ] && psql_db "SELECT count(*) FROM turn WHERE id IN ($(echo "$acked_turns" | sed "s/.*/'&'/" | paste -sd,))" || echo 0)
half=$(psql_db "SELECT count(*) FROM concept c WHERE c.tenant_id = '$tenant' AND NOT EXISTS (SELECT 1 FROM reference_image r WHERE r.concept_id = c.id)")
note "acknowledged: $n_c concepts ($in_db_c in the database with their image), $n_t turns ($in_db_t in the database); concepts without images: $half"
check "load acknowledged writes before and after the kill" test "$n_c" -gt 0 -a "$n_t" -gt 0
check "every acknowledged concept is in the database with its image" test "$in_db_c" = "$n_c"
check "every acknowledged turn is in the database" test "$in_db_t" = "$n_t"
check "no half-written concept" test "$half" = 0
check "the survivor kept serving after the kill (2xx in the last third of the run)" \
  test "$(awk -F, -v from=$(( (LOAD_SECONDS * 2 / 3) * 1000 )) 'NR>1 && $2 ~ /^2/ && $4 > from' "$OUT/load.csv" | wc -l)" -gt 0
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${keys[1]}" http://127.0.0.1:$LB/api/v1/health)
check "nginx still answers through the survivor" test "$code" = 200
check "the load really ran through nginx on both nodes (no HTTP/2 tunnel)" \
  bash -c "grep -E 'POST /api/v1/(turns|concepts)' '$NGX/access.log' | grep -q 'upstream=127.0.0.1:$N1' && grep -E 'POST /api/v1/(turns|concepts)' '$NGX/access.log' | grep -q 'upstream=127.0.0.1:$N2' && ! grep -E 'POST /api/v1/(turns|concepts)' '$NGX/access.log' | grep -q '\" 101 '"

echo "two-nodes: $passed passed, $failed failed" | tee -a "$RESULTS"
[ "$failed" -eq 0 ]
