#!/usr/bin/env bash
# Renders seed.conf.template into DIR/nginx.conf for two local nodes:
#   docker/nginx/render.sh DIR NODE1_HTTP_PORT NODE2_HTTP_PORT LB_PORT
# then: nginx -p DIR -c DIR/nginx.conf   (stop: nginx -p DIR -c DIR/nginx.conf -s quit)
set -euo pipefail
dir=$1 node1=$2 node2=$3 lb=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/tmp"
# nginx's workers run as nobody when the master is root: they must write their temp files.
chmod 755 "$dir"; chmod 1777 "$dir/tmp"
sed -e "s|@DIR@|$dir|g" -e "s|@NODE1@|$node1|g" -e "s|@NODE2@|$node2|g" -e "s|@LB@|$lb|g" \
  "$here/seed.conf.template" >"$dir/nginx.conf"
echo "$dir/nginx.conf"
