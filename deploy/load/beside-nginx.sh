#!/usr/bin/env bash
# Cached pages beside a static server: one web host (Release, its in-memory output cache) and nginx serving the very bytes
# the host sent (saved once per encoding), measured one after the other in the same run with the same wrk. Pages: the
# county and the village page, as a phone asks (Accept-Encoding: br) and plain; and the village page rendered every
# time (an Authorization header bypasses the output cache). The host is warmed up first by as long wrk runs that are not counted. Prints requests/s, p99 and the host's share of nginx's rate.
#   deploy/load/beside-nginx.sh [SECONDS] [CONNECTIONS]      (default 10 s, 16 connections, 2 threads)
# Needs wrk and nginx (apt-get install wrk nginx-light); everything it starts is stopped and removed when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; connections=${2:-16}
PATH=$PATH:/usr/sbin
for tool in wrk nginx; do command -v "$tool" >/dev/null || { echo "需要 $tool：apt-get install wrk nginx-light" >&2; exit 1; }; done

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "构建 / building (Release) ..."
for project in Portal.Indexer Portal.Web; do dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly; done
indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)

export Portal__DataDirectory=$work/data Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)
set -a; eval "$("${indexer[@]}" keys --key-id k1 | grep '^Portal__Reports__')"; set +a
"${indexer[@]}" db migrate >/dev/null
"${indexer[@]}" sample --out "$work/sample" --rows 40000 --counties 410221 >/dev/null
"${indexer[@]}" sync "$work/sample" --json >/dev/null

base=${PORTAL_LOAD_PORT:-5680}
host=http://127.0.0.1:$((base + 1)) static=http://127.0.0.1:$((base + 2))
ASPNETCORE_ENVIRONMENT=Production dotnet Portal.Web/bin/Release/net10.0/Portal.Web.dll --urls "$host" --contentRoot "$PWD/Portal.Web" >"$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -fs -o /dev/null "$host/" && break; sleep 0.5; done

# nginx answers /br/NAME and /plain/NAME with the bytes the host sent, and the same type and encoding.
mkdir -p "$work/www/br" "$work/www/plain" "$work/nginx"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat >"$work/nginx/nginx.conf" <<CONF
$user
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$((base + 2));
        root $work/www;
        default_type "text/html; charset=utf-8";
        location /br/ { add_header Content-Encoding br; add_header Vary Accept-Encoding; }
        location /plain/ { add_header Vary Accept-Encoding; }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

village=/payments/410221101201
county=/payments/410221
echo
echo "$(nproc) 核 / cores, wrk -t2 -c$connections -d${seconds}s, plain HTTP on loopback: 1 web host (in-memory output cache) and nginx ($(nginx -v 2>&1 | sed 's#.*/##')) with the same bytes"
printf '%-32s %10s %12s %10s %9s\n' "页面 page" "bytes" "requests/s" "p99" "of nginx"
run() { # URL [header...] → "requests/s p99"
  local url=$1; shift
  local headers=(); for h in "$@"; do headers+=(-H "$h"); done
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" "$url")
  grep -qE 'Non-2xx|Socket errors' <<<"$out" && grep -E 'Non-2xx|Socket errors' <<<"$out" >&2
  echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out")"
}
measure() { # label path encoding(br|plain) [uncached]
  local label=$1 path=$2 encoding=$3 name; name=$(basename "$2")
  local headers=(); [ "$encoding" = br ] && headers+=("Accept-Encoding: br")
  [ "${4:-}" = uncached ] && headers+=("Authorization: x")
  local curl_headers=(); for h in "${headers[@]}"; do curl_headers+=(-H "$h"); done
  curl -fs -o /dev/null "${curl_headers[@]}" "$host$path"   # render and cache
  curl -fs -o "$work/www/$encoding/$name" -D "$work/headers" "${curl_headers[@]}" "$host$path"
  local age; age=$(tr -d '\r' <"$work/headers" | sed -n 's/^age: //Ip')
  [ "${4:-}" = uncached ] || [ -n "$age" ] || echo "warning: $path ($encoding) did not come from the output cache" >&2
  local size; size=$(stat -c %s "$work/www/$encoding/$name")
  read -r host_rps host_p99 < <(run "$host$path" "${headers[@]}")
  if [ "${4:-}" = uncached ]; then
    printf '%-32s %10s %12s %10s %9s\n' "$label" "$size" "$host_rps" "$host_p99" "-"
    return
  fi
  read -r nginx_rps nginx_p99 < <(run "$static/$encoding/$name" "${headers[@]}")
  printf '%-32s %10s %12s %10s %9s\n' "$label" "$size" "$host_rps" "$host_p99" "$(awk -v a="$host_rps" -v b="$nginx_rps" 'BEGIN { printf "%d%%", 100 * a / b }')"
  printf '%-32s %10s %12s %10s %9s\n' "  nginx, same bytes" "$size" "$nginx_rps" "$nginx_p99" ""
}
# Warm up as long as the measurement: on a busy machine a fresh process compiles its hot paths for a good while,
# and the first page measured would pay for it.
for path in "$county" "$village"; do
  for accept in "Accept-Encoding: br" "X-Plain: 1"; do wrk -t2 -c"$connections" -d"${seconds}s" -H "$accept" "$host$path" >/dev/null; done
done
wrk -t2 -c"$connections" -d"${seconds}s" -H "Accept-Encoding: br" -H "Authorization: x" "$host$village" >/dev/null
measure "county page, cached, br"   "$county"  br
measure "county page, cached, plain" "$county" plain
measure "village page, cached, br"  "$village" br
measure "village page, cached, plain" "$village" plain
measure "village page, uncached, br" "$village" br uncached
