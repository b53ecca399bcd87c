#!/usr/bin/env bash
# Writes nginx's configuration for the instances in SUPPORT_HUB_CLUSTER_UPSTREAMS (default: instances
# 1..SUPPORT_HUB_CLUSTER_NODES on this machine) from cluster/nginx.conf.template, checks it, and starts
# nginx, or reloads it when it runs already (a node added or removed: no connection is dropped).
#   cluster/nginx.sh [stop]
set -euo pipefail
source "$(dirname "$0")/settings.sh"

NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[ -x "$NGINX" ] || { echo "nginx is missing: apt-get install -y nginx-light (or nginx)" >&2; exit 1; }
prefix=$RUN_DIR/nginx
conf=$prefix/nginx.conf
mkdir -p "$prefix/logs" "$prefix/temp"

if [ "${1:-}" = stop ]; then
  if alive "$prefix/nginx.pid"; then "$NGINX" -p "$prefix/" -c "$conf" -e logs/error.log -s quit; echo "nginx stopped"; fi
  exit 0
fi

# Passive health checks: an instance that fails once is left out for 5 s, then tried again.
servers=""
for u in ${UPSTREAMS//,/ }; do
  servers="$servers        server $u max_fails=1 fail_timeout=5s;"$'\n'
done
template=$(<"$ROOT/cluster/nginx.conf.template")
template=${template//@LISTEN@/$LISTEN}
printf '%s\n' "${template//@SERVERS@/${servers%$'\n'}}" >"$conf"
"$NGINX" -q -t -p "$prefix/" -c "$conf" -e logs/error.log

if alive "$prefix/nginx.pid"; then
  "$NGINX" -p "$prefix/" -c "$conf" -e logs/error.log -s reload
  echo "nginx reloaded: $UPSTREAMS"
else
  "$NGINX" -p "$prefix/" -c "$conf" -e logs/error.log
  echo "nginx on $LISTEN in front of $UPSTREAMS (config $conf)"
fi
