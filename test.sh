#!/usr/bin/env bash
# One command: install what the tests need (Chromium and a CJK font for the browser tests, nginx to check deploy/'s
# configuration, PostgreSQL 15, Azurite, Redis),
# start the test servers (tests/services.sh), build, and run every test. The last line is "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "安装 Chromium、中文字体与 nginx / installing chromium, fonts-wqy-microhei and nginx-light ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-wqy-microhei nginx-light >/dev/null
  else
    echo "警告：缺少 Chromium 或 nginx，浏览器测试和 nginx 配置检查会跳过。请安装：sudo apt-get install chromium fonts-wqy-microhei nginx-light" >&2
  fi
fi

# PostgreSQL on 127.0.0.1:25432, Azurite on 127.0.0.1:10000 and Redis on 127.0.0.1:26379 for this run only, unless PORTAL_TEST_POSTGRES /
# PORTAL_TEST_AZURITE / PORTAL_TEST_REDIS are already set; stopped, and their data removed, however the script ends.
source tests/services.sh
trap stop_test_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_test_services

RESULTS=artifacts/test-results
rm -rf "$RESULTS"
dotnet build Portal.sln --nologo -v quiet -clp:ErrorsOnly
status=0
# One run per project, each with its own result file, so no two projects can write the same file.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" || status=$?
done

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # A skipped test is in the total but not executed (trx leaves its notExecuted counter at 0).
  skipped=$((skipped + $(value total) - $(value executed)))
done
if [ "$passed" = 0 ] && [ "$failed" = 0 ] && [ "$status" != 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
