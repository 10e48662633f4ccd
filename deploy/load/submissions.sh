#!/usr/bin/env bash
# One department file three ways: `portal-indexer sync`, the clerk's upload on /admin/data and the department system's
# POST /api/v1/submissions. Prints the seconds from start (or from the upload) until the file is published, and the peak
# resident memory of the process that did the work (sync's own; the web or API host's, beside its RSS when idle).
# Release builds; each path gets a fresh data folder and the same generated CSV (杞县, four 民政 funds, three months).
#   deploy/load/submissions.sh [ROWS]      (default 200000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-200000}
for project in Portal.Indexer Portal.Web Portal.Api; do dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly; done
indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)
port=${PORTAL_LOAD_PORT:-5596}
funds=rural-dibao,urban-dibao,tekun,temporary-aid

work=$(mktemp -d)
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT
export Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)
set -a; eval "$("${indexer[@]}" keys --key-id k1 | grep '^Portal__Reports__')"; set +a
"${indexer[@]}" sample --out "$work/sample" --rows "$rows" --counties 410221 --funds "$funds" --months 3 --single >/dev/null
file=$(ls "$work"/sample/*.csv)
echo "文件 / file: $rows 行 / rows, $(($(stat -c %s "$file") / 1048576)) MB"

fresh() { # a data folder of its own, with the department
  export Portal__DataDirectory=$work/data-$1
  "${indexer[@]}" db migrate >/dev/null
  "${indexer[@]}" departments add --name 杞县民政局 --counties 410221 --funds "$funds" >/dev/null
}
now() { date +%s%N; }
seconds() { awk -v t="$(( $(now) - $1 ))" 'BEGIN { printf "%.1f", t / 1e9 }'; }
memory() { awk -v k="$1" '$1 == k":" { print int($2 / 1024) }' "/proc/$pid/status"; }
start_host() { # project
  ASPNETCORE_ENVIRONMENT=Production dotnet "$1/bin/Release/net10.0/$1.dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/$1" >"$work/$1.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do kill -0 "$pid" 2>/dev/null || { cat "$work/$1.log" >&2; exit 1; }; sleep 0.2; done
  idle=$(memory VmRSS)
}

fresh sync
/usr/bin/time -f "%e %M" -o "$work/time" "${indexer[@]}" sync "$file" --department 杞县民政局 >/dev/null
read -r elapsed kilobytes < "$work/time"
echo "sync:            ${elapsed} s, 峰值 / peak $((kilobytes / 1024)) MB"

fresh web
password=Bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" | "${indexer[@]}" staff add --user bench.clerk --name 基准报送员 --roles 数据报送 --department 杞县民政局 --password-stdin >/dev/null
start_host Portal.Web
jar=$work/cookies
token() { grep -o 'name="af"[^>]*' | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2; }
site=http://127.0.0.1:$port
af=$(curl -fs -c "$jar" -b "$jar" "$site/admin/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "af=$af" --data-urlencode "userName=bench.clerk" --data-urlencode "password=$password" "$site/admin/login"
af=$(curl -fs -c "$jar" -b "$jar" "$site/admin/data" | token)
started=$(now)
record=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -F "af=$af" -F DryRun=false -F "Files=@$file;type=text/csv" "$site/admin/data")
until ! curl -fs -b "$jar" "$record" | grep -q 'http-equiv="refresh"'; do sleep 0.5; done
curl -fs -b "$jar" "$record" | grep -q '已公开' || { echo "网页上传没有公开 / the web upload did not publish: $record" >&2; exit 1; }
echo "网页 / web:      $(seconds "$started") s, 峰值 / peak $(memory VmHWM) MB（空闲 / idle $idle MB）"
stop

fresh api
key=$("${indexer[@]}" departments key --department 杞县民政局 --json | grep -o '"token": *"[^"]*"' | cut -d'"' -f4)
start_host Portal.Api
started=$(now)
status=$(curl -s -o "$work/answer" -w '%{http_code} %{redirect_url}' -D "$work/headers" -H "Authorization: Bearer $key" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -F "file=@$file;type=text/csv" "http://127.0.0.1:$port/api/v1/submissions")
location=$(grep -i '^location:' "$work/headers" | tr -d '\r' | cut -d' ' -f2)
while [ "${status%% *}" = 202 ]; do
  sleep 0.5
  status=$(curl -s -o "$work/answer" -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port${location#http://127.0.0.1:$port}")
done
grep -q '"finished"' "$work/answer" || { echo "接口没有完成 / the API did not finish: $(head -c 300 "$work/answer")" >&2; exit 1; }
echo "接口 / API:      $(seconds "$started") s, 峰值 / peak $(memory VmHWM) MB（空闲 / idle $idle MB）"
