#!/usr/bin/env bash
# A self-signed certificate for nginx, for a test install or until the real one is in place:
#   deploy/nginx/make-cert.sh [HOST] [DIR]      (default portal.local, deploy/nginx/certs)
# Gives DIR/portal.crt and DIR/portal.key (key readable by its owner only). Never commit them.
set -euo pipefail
host=${1:-portal.local}
dir=${2:-$(dirname "$0")/certs}
mkdir -p "$dir"
(umask 077; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
  -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/portal.key" -out "$dir/portal.crt" 2>/dev/null)
chmod 644 "$dir/portal.crt"
echo "$dir/portal.crt, $dir/portal.key ($host)"
