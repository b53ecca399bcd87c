#!/usr/bin/env bash
# One hub instance of the cluster: cluster/node.sh start|stop|kill I
#   start I  starts instance I (HTTP port HTTP_PORT + I - 1, data grid port GRID_PORT + I - 1) and waits
#            until it answers /health/ready
#   stop I   stops it gracefully (SIGTERM, then SIGKILL after 60 s)
#   kill I   kill -9, as a crash would
# Settings: cluster/settings.sh. Log: $SUPPORT_HUB_CLUSTER_DIR/node-I/hub.log.
set -euo pipefail
source "$(dirname "$0")/settings.sh"

command=${1:?start|stop|kill}
i=${2:?instance number}
dir=$RUN_DIR/node-$i
pidfile=$dir/hub.pid
port=$((HTTP_PORT + i - 1))
grid=$((GRID_PORT + i - 1))

case $command in
start)
  [ -f "$JAR" ] && [ -f "$WAR" ] || { echo "Build first: mvn -q -Prun -pl bot-web -am package -DskipTests" >&2; exit 1; }
  if alive "$pidfile"; then echo "instance $i already runs (pid $(cat "$pidfile"))" >&2; exit 1; fi
  mkdir -p "$dir"
  # --clustermode tcpip: the static members (any one reachable is enough to join); --startport: this
  # instance's own grid port; --interfaces: the address the grid binds and announces. The heartbeat
  # settings drop a member that went silent (crash, lost link) after HEARTBEAT_SECONDS instead of
  # Hazelcast's 60 s; a member whose process died on this machine is dropped at once (its connections
  # are refused). In development mode, instance 1 serves the demo portal's HTTPS face on 8181.
  # shellcheck disable=SC2086
  (cd "$dir" && exec nohup java $JAVA_OPTS \
      -Dhazelcast.heartbeat.interval.seconds=1 \
      -Dhazelcast.max.no.heartbeat.seconds="$HEARTBEAT_SECONDS" \
      -Dsupport.hub.demo.portal-port=$((8180 + i)) \
      -jar "$JAR" --deploy "$WAR" --port "$port" \
      --clustermode "tcpip:$MEMBERS" --startport "$grid" --interfaces "$HOST" \
      --clustername "$CLUSTER_NAME" --name "hub-$i" >hub.log 2>&1 </dev/null) &
  echo $! >"$pidfile"
  echo "instance $i: pid $(cat "$pidfile"), http://$HOST:$port/, grid $HOST:$grid, log $dir/hub.log"
  for _ in $(seq 1 300); do
    alive "$pidfile" || { echo "instance $i exited; see $dir/hub.log" >&2; exit 1; }
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
      echo "instance $i ready"; exit 0
    fi
    sleep 1
  done
  echo "instance $i not ready within 300 s; see $dir/hub.log" >&2; exit 1
  ;;
stop|kill)
  if ! alive "$pidfile"; then echo "instance $i is not running"; rm -f "$pidfile"; exit 0; fi
  pid=$(cat "$pidfile")
  if [ "$command" = kill ]; then
    kill -9 "$pid"
  else
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$pidfile"
  echo "instance $i stopped"
  ;;
*) echo "usage: $0 start|stop|kill I" >&2; exit 2 ;;
esac
