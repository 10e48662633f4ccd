#!/usr/bin/env bash
# Makes a runnable nginx set-up from portal.conf for hosts on this machine's ports, for the load test and the tests:
#   deploy/nginx/local.sh DIR HTTPS_PORT WEB_PORT,WEB_PORT API_PORT,API_PORT
# DIR gets nginx.conf (run: nginx -c DIR/nginx.conf -g 'daemon off;'), a self-signed certificate, cache and temp folders.
# Only names and places change: compose's upstream names become 127.0.0.1 ports, /etc/nginx, /var/cache and /var/log move into DIR,
# 443 becomes HTTPS_PORT (80 becomes HTTPS_PORT+1), and nginx listens on IPv4 only.
set -euo pipefail
dir=$(realpath -m "$1"); https=$2
IFS=, read -r web1 web2 <<<"$3"
IFS=, read -r api1 api2 <<<"$4"
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"/{cache,temp}
"$here/make-cert.sh" localhost "$dir/certs" >/dev/null
sed -e "s#web1:8080#127.0.0.1:$web1#; s#web2:8080#127.0.0.1:$web2#; s#api1:8080#127.0.0.1:$api1#; s#api2:8080#127.0.0.1:$api2#" \
    -e "s#/etc/nginx/certs#$dir/certs#; s#/var/cache/nginx/portal#$dir/cache#; s#/var/log/nginx#$dir#" \
    -e "s#listen 443 #listen 127.0.0.1:$https #; s#listen 80;#listen 127.0.0.1:$((https + 1));#; /listen \[::\]/d" \
    "$here/portal.conf" >"$dir/portal.conf"
# As root the workers would run as nobody and could not write the cache under DIR.
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat >"$dir/nginx.conf" <<CONF
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/portal.conf;
}
CONF
echo "$dir/nginx.conf"
