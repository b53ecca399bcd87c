# Settings of the cluster scripts (sourced by start.sh, stop.sh, node.sh and nginx.sh). Every one can be
# set in the environment; the defaults run the instances on this machine's loopback.
#
#   SUPPORT_HUB_CLUSTER_NODES      number of instances (3)
#   SUPPORT_HUB_CLUSTER_DIR        run folder: logs, pid files, nginx's prefix, the shared data folder (./cluster-run)
#   SUPPORT_HUB_CLUSTER_HOST       address this machine's instances use for the data grid (127.0.0.1)
#   SUPPORT_HUB_CLUSTER_HTTP_PORT  HTTP port of instance 1; instance i listens on it + i - 1 (8081)
#   SUPPORT_HUB_CLUSTER_GRID_PORT  data grid port of instance 1; instance i uses it + i - 1 (6900)
#   SUPPORT_HUB_CLUSTER_MEMBERS    the static members, host:port,... (all instances of all machines;
#                                  default: HOST:GRID_PORT.. for instances 1..NODES)
#   SUPPORT_HUB_CLUSTER_UPSTREAMS  what nginx balances over, host:port,... (default: HOST:HTTP_PORT.. for 1..NODES)
#   SUPPORT_HUB_CLUSTER_LISTEN     where nginx listens (8080)
#   SUPPORT_HUB_CLUSTER_NAME       the data grid's name; only instances with the same name join (supporthub)
#   SUPPORT_HUB_CLUSTER_JAVA_OPTS  JVM options of each instance (-Xmx512m)
#   SUPPORT_HUB_CLUSTER_HEARTBEAT_SECONDS  a member silent this long is dropped from the grid (5)
#
# The hub's own settings (SUPPORT_HUB_DB_URL, SUPPORT_HUB_SECRET_KEY, ...: README) are passed through to
# every instance unchanged.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/bot-web/target/payara-micro.jar
WAR=$ROOT/bot-web/target/ROOT.war
NODES=${SUPPORT_HUB_CLUSTER_NODES:-3}
RUN_DIR=${SUPPORT_HUB_CLUSTER_DIR:-$PWD/cluster-run}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
HOST=${SUPPORT_HUB_CLUSTER_HOST:-127.0.0.1}
HTTP_PORT=${SUPPORT_HUB_CLUSTER_HTTP_PORT:-8081}
GRID_PORT=${SUPPORT_HUB_CLUSTER_GRID_PORT:-6900}
LISTEN=${SUPPORT_HUB_CLUSTER_LISTEN:-8080}
CLUSTER_NAME=${SUPPORT_HUB_CLUSTER_NAME:-supporthub}
JAVA_OPTS=${SUPPORT_HUB_CLUSTER_JAVA_OPTS:--Xmx512m}
HEARTBEAT_SECONDS=${SUPPORT_HUB_CLUSTER_HEARTBEAT_SECONDS:-5}

list_of() { # list_of BASE_PORT: HOST:port for instances 1..NODES, comma-separated
  local out="" i
  for i in $(seq 1 "$NODES"); do out="$out${out:+,}$HOST:$(($1 + i - 1))"; done
  echo "$out"
}
MEMBERS=${SUPPORT_HUB_CLUSTER_MEMBERS:-$(list_of "$GRID_PORT")}
UPSTREAMS=${SUPPORT_HUB_CLUSTER_UPSTREAMS:-$(list_of "$HTTP_PORT")}

# Instances on one machine share one data folder (in development mode it holds the generated keys, which
# every instance must agree on) unless the environment names another.
export SUPPORT_HUB_DATA_DIR=${SUPPORT_HUB_DATA_DIR:-$RUN_DIR/data}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
