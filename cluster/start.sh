#!/usr/bin/env bash
# Starts N hub instances clustered on Payara's data grid, on one database, with nginx in front.
#   cluster/start.sh [N]          (N defaults to SUPPORT_HUB_CLUSTER_NODES, 3)
# Builds nothing: build first with the README's command (mvn -q -Prun -pl bot-web -am package -DskipTests).
# The database must be one that every instance reaches (PostgreSQL; README "Configuration"), for example:
#   SUPPORT_HUB_DB_URL='jdbc:postgresql://127.0.0.1:5432/supporthub' \
#   SUPPORT_HUB_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource \
#   SUPPORT_HUB_DB_USER=supporthub SUPPORT_HUB_DB_PASSWORD=secret SUPPORT_HUB_MODE=development cluster/start.sh 3
# Stop with cluster/stop.sh. Settings and ports: cluster/settings.sh; how it works: docs/cluster.md.
set -euo pipefail
export SUPPORT_HUB_CLUSTER_NODES=${1:-${SUPPORT_HUB_CLUSTER_NODES:-3}}
here=$(dirname "$0")
source "$here/settings.sh"

case ${SUPPORT_HUB_DB_URL:-} in
  ''|jdbc:h2:*)
    echo "Set SUPPORT_HUB_DB_URL (and _DATASOURCE_CLASS, _USER, _PASSWORD) to a database all instances share," \
         "such as PostgreSQL: an embedded H2 belongs to one instance." >&2
    exit 1 ;;
esac

# The first instance alone: it migrates the schema and (in development mode) seeds the demo once; the
# others then start together on a database that is ready.
"$here/node.sh" start 1
pids=()
for i in $(seq 2 "$NODES"); do
  "$here/node.sh" start "$i" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
"$here/nginx.sh"
echo "Support Hub: http://localhost:${LISTEN##*:}/ ($NODES instances; cluster/stop.sh stops them)"
