#!/usr/bin/env bash
# Load test of a local two-instance set-up: two web and two api hosts (Release) on this machine's ports behind nginx
# made from deploy/nginx/portal.conf, with sample payments. wrk asks through nginx (HTTPS, as phones do, with
# Accept-Encoding) for the village page, the API's payment query and a hall page, each from the caches and rendered
# every time (an Authorization header bypasses both the hosts' output cache and nginx's), and prints requests/s and p99.
# The hosts share one Redis output cache, as in compose, when redis-server is installed; PORTAL_LOAD_REDIS=no keeps each
# host's own in-memory cache.
#   deploy/load/run.sh [SECONDS] [CONNECTIONS]      (default 10 s, 32 connections, 2 threads)
# Needs wrk and nginx (apt-get install wrk nginx-light redis-server); everything it starts is stopped and removed when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; connections=${2:-32}
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null || { echo "需要 $tool：apt-get install wrk nginx-light" >&2; exit 1; }
done
PATH=$PATH:/usr/sbin

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "构建 / building (Release) ..."
for project in Portal.Indexer Portal.Web Portal.Api; do dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly; done
indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)

export Portal__DataDirectory=$work/data Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)
set -a; eval "$("${indexer[@]}" keys --key-id k1 | grep '^Portal__Reports__')"; set +a
"${indexer[@]}" db migrate >/dev/null
"${indexer[@]}" sample --out "$work/sample" --rows 40000 --counties 410221 >/dev/null
"${indexer[@]}" sync "$work/sample" --json >/dev/null

base=${PORTAL_LOAD_PORT:-5580}
cache="in-memory per host"
if [ "${PORTAL_LOAD_REDIS:-yes}" != no ] && command -v redis-server >/dev/null; then
  redis-server --port $((base + 379)) --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  pids+=($!)
  export Portal__OutputCache__Redis=127.0.0.1:$((base + 379)),abortConnect=false
  cache="shared Redis"
fi
start_host() { # project port
  ASPNETCORE_ENVIRONMENT=Production dotnet "$1/bin/Release/net10.0/$1.dll" --urls "http://127.0.0.1:$2" --contentRoot "$PWD/$1" >"$work/$1-$2.log" 2>&1 &
  pids+=($!)
}
start_host Portal.Web $((base + 1)); start_host Portal.Web $((base + 2))
start_host Portal.Api $((base + 3)); start_host Portal.Api $((base + 4))
https=$((base + 443))
deploy/nginx/local.sh "$work/nginx" "$https" "$((base + 1)),$((base + 2))" "$((base + 3)),$((base + 4))" >/dev/null
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

for port in $((base + 1)) $((base + 2)) $((base + 3)) $((base + 4)); do
  for _ in $(seq 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/funds" || curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
done

village=/payments/410221101201
api="/api/v1/payments?region=410221101201&pageSize=20"
hall=/exhibition/honest-officials
echo
echo "$(nproc) 核 / cores, wrk -t2 -c$connections -d${seconds}s, HTTPS through nginx to 2 web + 2 api ($cache output cache), Accept-Encoding: br, gzip"
printf '%-34s %12s %10s  %s\n' "页面 page" "requests/s" "p99" "nginx cache"
measure() { # label path [bypass]
  local headers=(-H "Accept-Encoding: br, gzip")
  [ "${3:-}" = uncached ] && headers+=(-H "Authorization: x")
  curl -sk -o /dev/null "${headers[@]}" "https://127.0.0.1:$https$2"   # warm the caches
  local cache; cache=$(curl -sk -o /dev/null -D - "${headers[@]}" "https://127.0.0.1:$https$2" | tr -d '\r' | sed -n 's/^x-cache-status: //Ip')
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" "https://127.0.0.1:$https$2")
  local rps p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd ';' || true)
  printf '%-34s %12s %10s  %s %s\n' "$1" "$rps" "$p99" "${cache:--}" "$errors"
}
measure "village page, cached"        "$village"
measure "village page, uncached"      "$village" uncached
measure "API payment query, cached"   "$api"
measure "API payment query, uncached" "$api" uncached
measure "hall page, cached"           "$hall"
measure "hall page, uncached"         "$hall" uncached
