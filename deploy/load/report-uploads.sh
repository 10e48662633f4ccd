#!/usr/bin/env bash
# Memory of the API host taking report uploads (issue 12): one Portal.Api instance (Release) under the heap limit .NET takes
# from a 768 Mi pod (DOTNET_GCHeapHardLimit=0x24000000) and with the image's workstation GC (DOTNET_gcServer=0; PORTAL_LOAD_GC_SERVER=1
# for server GC), sent ROUNDS rounds of two reports at once (the default
# Portal:RateLimits:ConcurrentUploads), each with five attachments of 19.9 MB. Prints each answer's status and the host's
# peak resident memory (VmHWM) after start-up and after the uploads.
#   deploy/load/report-uploads.sh [ROUNDS]     (default 3)
# PORTAL_API="dotnet path/to/Portal.Api.dll" and PORTAL_INDEXER="dotnet path/to/portal-indexer.dll" measure another build
# (e.g. main's) instead of building this one. Needs curl; the files and data are removed when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ -n "${PORTAL_API:-}" ]; then
  read -r -a api <<<"$PORTAL_API"
  read -r -a indexer <<<"${PORTAL_INDEXER:?PORTAL_INDEXER is needed with PORTAL_API}"
else
  echo "构建 / building (Release) ..."
  for project in Portal.Indexer Portal.Api; do dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly; done
  api=(dotnet Portal.Api/bin/Release/net10.0/Portal.Api.dll)
  indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)
fi

export Portal__DataDirectory=$work/data Portal__ContentDirectory=$PWD/content Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)
set -a; eval "$("${indexer[@]}" keys --key-id k1 | grep '^Portal__Reports__')"; set +a
"${indexer[@]}" db migrate >/dev/null

# Five attachments of 19.9 MB: random bytes behind a JPEG's first three, so they are taken as photos and do not compress.
for i in 1 2 3 4 5; do
  { printf '\xff\xd8\xff'; head -c $((19900000 - 3)) /dev/urandom; } >"$work/photo$i.jpg"
done
report='{"anonymous": true, "reportedPerson": {"name": "李某", "unit": "某某镇人民政府", "position": "副镇长", "level": "乡科级及以下", "region": "410221"}, "category": "违反廉洁纪律", "title": "镇干部吃拿卡要", "content": "李某在危房改造补助审批中向农户索要好处费，每户两千元，不给就不签字，多名农户可以作证。", "password": "Portal-load-2026"}'

port=${PORTAL_LOAD_PORT:-5680}
DOTNET_GCHeapHardLimit=0x24000000 DOTNET_gcServer=${PORTAL_LOAD_GC_SERVER:-0} ASPNETCORE_ENVIRONMENT=Production Portal__RateLimits__ReportPermitLimit=1000 \
  "${api[@]}" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/Portal.Api" >"$work/api.log" 2>&1 &
host=$!
pids+=($host)
for _ in $(seq 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.5; done
curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "接口没有启动 / the API did not start:" >&2; tail -20 "$work/api.log" >&2; exit 1; }
peak() { awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$host/status"; }
echo "启动后峰值 / peak after start-up: $(peak)"

submit() { # n
  curl -s -o "$work/answer$1.json" -w '%{http_code}' "http://127.0.0.1:$port/api/v1/reports" -F "report=$report;type=application/json" \
    -F "files=@$work/photo1.jpg" -F "files=@$work/photo2.jpg" -F "files=@$work/photo3.jpg" -F "files=@$work/photo4.jpg" -F "files=@$work/photo5.jpg"
}
for round in $(seq "$rounds"); do
  submit a >"$work/status-a" & first=$!
  submit b >"$work/status-b" & second=$!
  wait "$first" "$second" || true
  kill -0 "$host" 2>/dev/null || { echo "第 $round 轮：接口进程已退出 / the host died:" >&2; tail -5 "$work/api.log" >&2; exit 1; }
  echo "第 $round 轮 round $round: 答复 answers $(cat "$work/status-a") $(cat "$work/status-b")，峰值 peak $(peak)"
done
grep -h -o '"detail":"[^"]*"' "$work"/answer*.json 2>/dev/null | sort -u || true
grep -m3 -i -E 'OutOfMemory|fail:' "$work/api.log" || true
