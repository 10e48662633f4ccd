#!/usr/bin/env bash
# 数据碰撞的基准 / the supervision benchmark: 1,000,000 payments synced (which records them as payment subjects), four
# reference lists of 250,000 rows each imported (one row in a hundred is a recipient of the first county), then `clues run` over all of them.
# Prints the seconds and the peak resident memory of each process; the aim is a `clues run` cheaper than the sync.
#   deploy/load/clues.sh [PAYMENTS] [LIST_ROWS]      (default 1000000 250000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
list_rows=${2:-250000}
dotnet build Portal.Indexer -c Release --nologo -v quiet -clp:ErrorsOnly
indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export Portal__DataDirectory=$work/data
export Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)
set -a; eval "$("${indexer[@]}" keys --key-id k1 | grep '^Portal__Reports__')"; set +a
"${indexer[@]}" sample --out "$work/sample" --rows "$rows" --references "$work/lists" --reference-rows "$list_rows" >/dev/null
county=150627 # the sample's first county (伊金霍洛旗): the lists are its

"${indexer[@]}" db migrate >/dev/null

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r elapsed kilobytes < "$work/time"
  printf '%-28s %8s s, 峰值 / peak %5d MB\n' "$label" "$elapsed" $((kilobytes / 1024))
}
echo "机器负载 / load: $(cut -d' ' -f1-3 /proc/loadavg)，$(nproc) 核 / cores"
measure "sync ($rows)" "${indexer[@]}" sync "$work/sample" --json
measure "reference deceased" "${indexer[@]}" reference import "$work/lists/死亡人员名单.csv" --kind deceased --county "$county" --json
measure "reference officials" "${indexer[@]}" reference import "$work/lists/公职人员及近亲属名单.csv" --kind officials --county "$county" --json
measure "reference vehicles" "${indexer[@]}" reference import "$work/lists/机动车登记信息-gb18030.csv" --kind vehicles --county "$county" --json
measure "reference businesses" "${indexer[@]}" reference import "$work/lists/市场主体登记信息.xlsx" --kind businesses --county "$county" --json
measure "clues run" "${indexer[@]}" clues run --json
grep -o '"checked": [0-9]*' "$work/out"
echo "clues: $(grep -c '"rule"' "$work/out")"
echo "机器负载 / load: $(cut -d' ' -f1-3 /proc/loadavg)"
