#!/usr/bin/env bash
# One command: build the Portal, load sample data on first run, and serve the site and the API on loopback.
#   ./run.sh            start (sample data is generated and synced only if the index is empty)
#   ./run.sh --fresh    throw the local index away and load the sample data again
set -euo pipefail
cd "$(dirname "$0")"

WEB_PORT=${PORTAL_WEB_PORT:-5080}
API_PORT=${PORTAL_API_PORT:-5081}
DATA_DIR=${Portal__DataDirectory:-${XDG_DATA_HOME:-$HOME/.local/share}/portal}
CONFIG_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/portal
KEY_FILE=${PORTAL_KEY_FILE:-$CONFIG_DIR/lookup-hmac.key}
REPORT_KEYS=$CONFIG_DIR/report-keys.env
PROTECTION_KEY=$CONFIG_DIR/data-protection.env
ADMIN_FILE=$CONFIG_DIR/first-admin.txt
SAMPLE_DIR=${PORTAL_SAMPLE_DIR:-.local/sample-exports}
REFERENCE_DIR=$SAMPLE_DIR-references
export Portal__DataDirectory="$DATA_DIR"
# The site serves the exhibition's media; the API's answers point there.
export Portal__PublicBaseUrl=${Portal__PublicBaseUrl:-http://127.0.0.1:$WEB_PORT}

command -v dotnet >/dev/null || { echo "需要 .NET SDK 10（dotnet）。/ The .NET 10 SDK is required." >&2; exit 1; }

# The self-lookup key is a secret: made once per machine, kept outside the repo and outside the data folder.
if [ -z "${Portal__Lookup__HmacKey:-}" ]; then
  if [ ! -s "$KEY_FILE" ]; then
    mkdir -p "$(dirname "$KEY_FILE")"
    (umask 077; head -c 32 /dev/urandom | base64 > "$KEY_FILE")
    echo "已生成本机查询密钥 / created a local lookup key: $KEY_FILE"
  fi
  export Portal__Lookup__HmacKey="$(cat "$KEY_FILE")"
fi

echo "构建 / building ..."
for project in Portal.Indexer Portal.Web Portal.Api; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
done
INDEXER="dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll"

# The report encryption and receipt-signing keys: made once per machine, like the lookup key.
if [ -z "${Portal__Reports__Secrets__SigningKey:-}" ]; then
  if [ ! -s "$REPORT_KEYS" ]; then
    mkdir -p "$CONFIG_DIR"
    (umask 077; $INDEXER keys --key-id k1 | grep '^Portal__Reports__' > "$REPORT_KEYS")
    echo "已生成本机举报加密与回执签名密钥 / created local report keys: $REPORT_KEYS"
  fi
  set -a; . "$REPORT_KEYS"; set +a
fi

# The certificate that encrypts the data-protection keys (staff sign-in, form tokens) in the database: made once per machine.
if [ -z "${Portal__DataProtection__Certificate:-}" ]; then
  if [ ! -s "$PROTECTION_KEY" ]; then
    mkdir -p "$CONFIG_DIR"
    (umask 077; $INDEXER keys certificate > "$PROTECTION_KEY")
    echo "已生成本机数据保护证书 / created a local data-protection certificate: $PROTECTION_KEY"
  fi
  set -a; . "$PROTECTION_KEY"; set +a
fi

$INDEXER db migrate
# No default account: on first run one administrator is made with a random password, shown once and kept in a private file.
if [ ! -s "$ADMIN_FILE" ]; then
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  if printf '%s\n' "$password" | $INDEXER staff add --user admin --name 系统管理员 --roles 管理员,受理员,承办人,审计,宣传,监督 --password-stdin; then
    (umask 077; printf 'user: admin\npassword: %s\n' "$password" > "$ADMIN_FILE")
    echo "第一个管理员 / first administrator: admin / $password  （已保存在 / saved in $ADMIN_FILE）"
    # The admin belongs to the city office; the tour's report about a village of 杞县 goes to 杞县纪委监委, so its desk gets an account too.
    county_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    if printf '%s\n' "$county_password" | $INDEXER staff add --user qixian --name 杞县受理员 --roles 受理员,承办人 --office 410221 --password-stdin; then
      printf '\n杞县纪委监委 / the 杞县 office:\nuser: qixian\npassword: %s\n' "$county_password" >> "$ADMIN_FILE"
      echo "杞县纪委监委的受理员 / 杞县's intake officer: qixian / $county_password"
    fi
  fi
fi

if [ "${1:-}" = "--fresh" ]; then rm -rf "$DATA_DIR/payments-index" "$SAMPLE_DIR" "$REFERENCE_DIR"; fi
if [ ! -d "$DATA_DIR/payments-index" ] || [ -z "$(ls -A "$DATA_DIR/payments-index" 2>/dev/null)" ]; then
  echo "生成并同步示例数据 / generating and syncing sample data ..."
  # Generated output: made afresh, so files of an earlier generation are neither in the way nor synced again.
  rm -rf "$SAMPLE_DIR" "$REFERENCE_DIR"
  # 五里河镇 of 杞县 (the tour's township) and 尉氏县's 史庄村 (its namesake) as full as real villages (about 34,000 rows
  # more); a thin spread of 40,000 rows over the other villages, as before.
  $INDEXER sample --out "$SAMPLE_DIR" --rows 40000 --villages 410221101,410223200209 --with-errors --references "$REFERENCE_DIR"
  $INDEXER sync "$SAMPLE_DIR"
  # Made-up reference lists of the first sample county, so the clue ledger (数据碰撞) has something to show.
  county=$(ls "$SAMPLE_DIR" | head -1 | cut -c1-6)
  $INDEXER reference import "$REFERENCE_DIR/死亡人员名单.csv" --kind deceased --county "$county"
  $INDEXER reference import "$REFERENCE_DIR/公职人员及近亲属名单.csv" --kind officials --county "$county"
  $INDEXER reference import "$REFERENCE_DIR/机动车登记信息-gb18030.csv" --kind vehicles --county "$county"
  $INDEXER reference import "$REFERENCE_DIR/市场主体登记信息.xlsx" --kind businesses --county "$county"
fi

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
ASPNETCORE_ENVIRONMENT=Production dotnet Portal.Web/bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$WEB_PORT" --contentRoot "$PWD/Portal.Web" &
pids+=($!)
ASPNETCORE_ENVIRONMENT=Production dotnet Portal.Api/bin/Release/net10.0/Portal.Api.dll --urls "http://127.0.0.1:$API_PORT" --contentRoot "$PWD/Portal.Api" &
pids+=($!)
cat <<MSG

  Portal 已启动 / running:
    网站 / site:      http://127.0.0.1:$WEB_PORT/
    举报 / reports:   http://127.0.0.1:$WEB_PORT/reports
    后台 / staff:     http://127.0.0.1:$WEB_PORT/admin   (账号见 / account in $ADMIN_FILE)
    接口 / API:       http://127.0.0.1:$API_PORT/api/v1/funds   (OpenAPI: /openapi/v1.json)
    数据 / data:      $DATA_DIR
    再同步 / re-sync: $INDEXER sync 文件或文件夹
  按 Ctrl+C 停止 / Ctrl+C to stop.

MSG
wait -n "${pids[@]}"
