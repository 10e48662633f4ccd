#!/usr/bin/env bash
# Start-up time and resident memory of Portal.Web with the region data, and the first and repeated look-up of a
# county's villages: the site starts on an empty data folder, answers /healthz and its home page, then opens every
# township page of the given city's counties (each lists its villages; an Authorization header bypasses the output
# cache, so every answer is rendered), and last searches villages by name (找村: the first search reads the names of all
# villages of China). Prints milliseconds and VmRSS in MB.
#   deploy/load/regions.sh [CITY_CODE] [WEB_BUILD_DIR]     (default 4102 = 开封市; the Release build of this checkout)
# Compare two builds by giving the other's Portal.Web/bin/Release/net10.0 folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
city=${1:-4102}
dir=${2:-}
dotnet build Portal.Indexer -c Release --nologo -v quiet -clp:ErrorsOnly
if [ -z "$dir" ]; then dotnet build Portal.Web -c Release --nologo -v quiet -clp:ErrorsOnly; dir=Portal.Web/bin/Release/net10.0; fi
indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export Portal__DataDirectory=$work/data Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)
set -a; eval "$("${indexer[@]}" keys --key-id k1 | grep '^Portal__Reports__')"; set +a
"${indexer[@]}" db migrate >/dev/null

port=${PORTAL_LOAD_PORT:-5590}
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
rss() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
ask() { curl -fs -o /dev/null -H 'Authorization: Bearer bench' "http://127.0.0.1:$port$1"; }

# Each build with the content it was built with (the copy beside its binaries), not this checkout's.
export Portal__ContentDirectory=$dir/content
start=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production dotnet "$dir/Portal.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/Portal.Web" >"$work/web.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/web.log" >&2; exit 1; }
  sleep 0.02
done
healthy=$(ms "$start")
ask /
ask "/payments/$city"
echo "启动 / start-up: /healthz ${healthy} ms, 首页与市页面 / home and city page $(ms "$start") ms, RSS $(rss) MB"

counties=$(awk -F, -v c="$city" 'NR > 1 && $3 == c { print $1 }' content/regions/areas.csv)
first=0; again=0; n=0
for county in $counties; do
  # The county's first township page is where its villages are first needed.
  township=$(awk -F, -v c="$county" 'NR > 1 && $3 == c { print $1; exit }' content/regions/streets.csv)
  t=$(date +%s%N); ask "/payments/$township"; first=$((first + $(date +%s%N) - t))
  t=$(date +%s%N); ask "/payments/$township"; again=$((again + $(date +%s%N) - t))
  n=$((n + 1))
done
echo "$n 个县的乡镇页面（列出村） / township pages listing villages, one per county: 首次 / first $((first / n / 1000)) µs, 再次 / again $((again / n / 1000)) µs (平均 / mean), RSS $(rss) MB"

# 找村: the first search reads every village's name; later ones scan them. Skipped for a build without the search.
if curl -fs -o /dev/null "http://127.0.0.1:$port/payments/find"; then
  t=$(date +%s%N); ask "/payments/find?q=shizhuang"; search_first=$(ms "$t")
  t=$(date +%s%N); ask "/payments/find?q=szc"; search_pinyin=$(ms "$t")
  t=$(date +%s%N); ask "/payments/find?q=%E5%8F%B2%E5%BA%84"; search_name=$(ms "$t")
  echo "找村 / village search: 首次 / first ${search_first} ms, 拼音首字母 / initials ${search_pinyin} ms, 村名 / name ${search_name} ms, RSS $(rss) MB"
fi
