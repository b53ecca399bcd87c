#!/usr/bin/env bash
# Stops nginx and every instance that cluster/start.sh or cluster/node.sh started (by their pid files).
set -euo pipefail
here=$(dirname "$0")
source "$here/settings.sh"
"$here/nginx.sh" stop
for pidfile in "$RUN_DIR"/node-*/hub.pid; do
  [ -e "$pidfile" ] || continue
  i=${pidfile%/hub.pid}; i=${i##*/node-}
  "$here/node.sh" stop "$i" &
done
wait
