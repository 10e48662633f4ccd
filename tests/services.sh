# Test servers for one run of test.sh (sourced by it): a throw-away PostgreSQL 15 cluster, Azurite's blob service and a
# Redis server, on fixed local ports, exported to the tests as PORTAL_TEST_POSTGRES, PORTAL_TEST_AZURITE and
# PORTAL_TEST_REDIS and stopped on exit.
# A variable the caller has already set is used as it is, and that server is not started. It also installs axe-core,
# which the browser tests inject into pages, and exports its script's path as PORTAL_TEST_AXE.
#
#   start_test_services   installs what is missing, starts the servers, waits for them and exports the variables
#   stop_test_services    stops what start_test_services started and removes its data (for `trap ... EXIT`)

PG_BIN=/usr/lib/postgresql/15/bin
# Ports below the kernel's ephemeral range (32768–60999 on Debian): a port inside it can be held for a moment by any
# outgoing connection's source port, and then the server cannot listen on it.
PG_PORT=25432
AZURITE_PORT=10000
REDIS_PORT=26379
AZURITE_VERSION=3.37.0
AXE_VERSION=4.14.1
TEST_TOOLS=.local/test-tools # git-ignored
# Azurite's well-known development account; the key is public and works only against the emulator.
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

pg_data=""
azurite_data=""
azurite_pid=""
redis_data=""
redis_pid=""
as_postgres=() # initdb refuses to run as root: as root the cluster belongs to the postgres user

services_fail() {
  echo "错误 / ERROR: $*" >&2
  exit 1
}

# A fixed port, so a run never quietly talks to a different server: if it is taken, say so and stop.
require_free_port() {
  local port=$1 what=$2 variable=$3
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    ss -ltnp "sport = :$port" >&2 2>/dev/null || true
    services_fail "port $port on 127.0.0.1 is already in use, so $what cannot be started for the tests." \
      "Stop whatever listens there (another test run?), or set $variable to use a server of your own."
  fi
}

# Installs a Debian package where this runs as root with apt-get; elsewhere warns which tests will be skipped.
apt_install() {
  local package=$1 tests=$2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "安装 / installing $package ..."
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq "$package" >/dev/null; } || services_fail "apt-get could not install $package."
  else
    echo "警告 / WARNING: $package is missing: $tests will be skipped (and fail under CI)." \
      "Install it with: sudo apt-get install $package" >&2
    return 1
  fi
}

install_postgres() {
  [ -x "$PG_BIN/initdb" ] || apt_install postgresql "the PostgreSQL tests"
}

install_azurite() {
  local package=$TEST_TOOLS/node_modules/azurite/package.json
  grep -q "\"version\": \"$AZURITE_VERSION\"" "$package" 2>/dev/null && return 0
  if command -v npm >/dev/null && command -v node >/dev/null; then
    echo "安装 Azurite / installing azurite@$AZURITE_VERSION into $TEST_TOOLS ..."
    mkdir -p "$TEST_TOOLS"
    npm install --prefix "$TEST_TOOLS" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null ||
      services_fail "npm could not install azurite@$AZURITE_VERSION."
  else
    echo "警告 / WARNING: node and npm are missing: Azurite tests will be skipped (and fail under CI)." \
      "Install them with: sudo apt-get install nodejs npm" >&2
    return 1
  fi
}

install_redis() {
  command -v redis-server >/dev/null || apt_install redis-server "the shared output cache tests"
}

install_axe() {
  local package=$TEST_TOOLS/node_modules/axe-core/package.json
  if ! grep -q "\"version\": \"$AXE_VERSION\"" "$package" 2>/dev/null; then
    if command -v npm >/dev/null; then
      echo "安装 axe-core / installing axe-core@$AXE_VERSION into $TEST_TOOLS ..."
      mkdir -p "$TEST_TOOLS"
      npm install --prefix "$TEST_TOOLS" --no-audit --no-fund --loglevel=error "axe-core@$AXE_VERSION" >/dev/null ||
        services_fail "npm could not install axe-core@$AXE_VERSION."
    else
      echo "警告 / WARNING: npm is missing: the accessibility checks will be skipped (and fail under CI)." \
        "Install it with: sudo apt-get install npm" >&2
      return 0
    fi
  fi
  export PORTAL_TEST_AXE="$PWD/$TEST_TOOLS/node_modules/axe-core/axe.min.js"
}

start_postgres() {
  require_free_port "$PG_PORT" PostgreSQL PORTAL_TEST_POSTGRES
  pg_data=$(mktemp -d -t portal-test-postgres.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || services_fail "there is no postgres user to run PostgreSQL as (initdb refuses root)."
    chown postgres: "$pg_data"
    as_postgres=(runuser -u postgres --)
  fi
  "${as_postgres[@]}" "$PG_BIN/initdb" -D "$pg_data/cluster" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_data/initdb.log" 2>&1 ||
    { cat "$pg_data/initdb.log" >&2; services_fail "initdb failed (log above)."; }
  # A throw-away cluster: no durability settings, only local connections (trust), its socket in its own folder.
  "${as_postgres[@]}" "$PG_BIN/pg_ctl" -D "$pg_data/cluster" -l "$pg_data/server.log" -w -t 60 \
    -o "-p $PG_PORT -k '$pg_data' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$pg_data/server.log" >&2; services_fail "PostgreSQL did not start on port $PG_PORT (log above)."; }
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30 ||
    { cat "$pg_data/server.log" >&2; services_fail "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT (log above)."; }
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

# Waits up to 30 s for a server started in the background to listen; if it dies or never listens, shows its log and stops.
wait_for_port() {
  local pid=$1 port=$2 log=$3 what=$4 tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((tries += 1)) -gt 300 ]; then
      cat "$log" >&2
      services_fail "$what does not accept connections on 127.0.0.1:$port (log above)."
    fi
    sleep 0.1
  done
}

start_azurite() {
  require_free_port "$AZURITE_PORT" Azurite PORTAL_TEST_AZURITE
  azurite_data=$(mktemp -d -t portal-test-azurite.XXXXXX)
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 speaks API version 2026-10-06, newer than Azurite 3.37.0 knows,
  # and Azurite refuses such requests unless told not to check.
  node "$TEST_TOOLS/node_modules/azurite/dist/src/blob/main.js" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
    --location "$azurite_data" --silent --skipApiVersionCheck >"$azurite_data/azurite.log" 2>&1 &
  azurite_pid=$!
  wait_for_port "$azurite_pid" "$AZURITE_PORT" "$azurite_data/azurite.log" Azurite
  export PORTAL_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
}

start_redis() {
  require_free_port "$REDIS_PORT" Redis PORTAL_TEST_REDIS
  redis_data=$(mktemp -d -t portal-test-redis.XXXXXX)
  # A throw-away cache: loopback only, nothing saved to disk.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$redis_data" >"$redis_data/redis.log" 2>&1 &
  redis_pid=$!
  wait_for_port "$redis_pid" "$REDIS_PORT" "$redis_data/redis.log" Redis
  export PORTAL_TEST_REDIS="127.0.0.1:$REDIS_PORT"
}

start_test_services() {
  if [ -n "${PORTAL_TEST_AXE:-}" ]; then
    echo "axe-core: using PORTAL_TEST_AXE from the environment"
  else
    install_axe
  fi
  if [ -n "${PORTAL_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL: using PORTAL_TEST_POSTGRES from the environment"
  elif install_postgres; then
    start_postgres
  fi
  if [ -n "${PORTAL_TEST_AZURITE:-}" ]; then
    echo "Azurite: using PORTAL_TEST_AZURITE from the environment"
  elif install_azurite; then
    start_azurite
  fi
  if [ -n "${PORTAL_TEST_REDIS:-}" ]; then
    echo "Redis: using PORTAL_TEST_REDIS from the environment"
  elif install_redis; then
    start_redis
  fi
}

# Quiet (test.sh's last line is its summary) and never failing, so the script's own exit status stands.
stop_test_services() {
  if [ -n "$azurite_pid" ]; then
    kill -KILL "$azurite_pid" 2>/dev/null || true # Azurite ignores SIGTERM
    wait "$azurite_pid" 2>/dev/null || true
    azurite_pid=""
  fi
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
  fi
  if [ -n "$pg_data" ] && [ -f "$pg_data/cluster/postmaster.pid" ]; then
    "${as_postgres[@]}" "$PG_BIN/pg_ctl" -D "$pg_data/cluster" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -z "$pg_data" ] || rm -rf "$pg_data"
  [ -z "$azurite_data" ] || rm -rf "$azurite_data"
  [ -z "$redis_data" ] || rm -rf "$redis_data"
  redis_data=""
  pg_data=""
  azurite_data=""
}
