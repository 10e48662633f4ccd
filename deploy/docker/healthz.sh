#!/bin/bash
# Container health check without curl in the image: GET /healthz on the given port over bash's /dev/tcp.
set -euo pipefail
port=${1:-8080}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 2 status <&3
[[ $status == *" 200 "* ]]
