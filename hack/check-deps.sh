#!/usr/bin/env bash
# Fails when a shared library module's Maven dependency tree (all scopes) holds an artifact it must
# never bring to its users: the CRD types no ClickHouse client or picocli, the model, the store and
# the alerting component no Vert.x, fabric8 client or picocli. The ArchUnit rules in hack/architecture check the imports;
# this checks what the poms pull in, which no import shows.
#
# Offline and cheap (one short Maven run without a build); hack/test.sh runs it after `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

# module -> extended regex over "groupId:artifactId" that must not appear in its tree
declare -A banned=(
  [crds]='^(com\.clickhouse|info\.picocli|io\.vertx):'
  [model]='^(com\.clickhouse|info\.picocli|io\.vertx|ch\.qos\.logback):|^io\.fabric8:kubernetes-'
  [store]='^(info\.picocli|io\.vertx):|^io\.fabric8:kubernetes-'
  [alerting]='^(info\.picocli|io\.vertx):|^io\.fabric8:kubernetes-'
)
modules=$(IFS=,; echo "${!banned[*]}")

out=target/dependency-tree.txt
tree=(-B -q -pl "$modules" dependency:tree -DoutputFile="$out" -DappendOutput=false -Dstyle.color=never)
# Offline keeps it to a few seconds; only a machine that has never run the tree goal needs the
# plugin's own dependencies downloaded once.
mvn -o "${tree[@]}" 2>/dev/null || mvn "${tree[@]}"

fail=0
for module in "${!banned[@]}"; do
  tree="$module/$out"
  [[ -s "$tree" ]] || { echo "check-deps: no dependency tree written to $tree" >&2; exit 2; }
  # Tree lines look like "|  +- group:artifact:jar:version:scope"; strip the drawing first.
  hits=$(sed -E 's/^[| +\\-]*//' "$tree" | grep -E "${banned[$module]}" || true)
  if [[ -n "$hits" ]]; then
    echo "check-deps: $module's dependency tree holds artifacts it must not bring along:" >&2
    echo "$hits" | sed 's/^/  /' >&2
    echo "  (see $tree for the path that brings each one)" >&2
    fail=1
  fi
done
((fail == 0)) && echo "check-deps: the crds, model, store and alerting dependency trees are clean"
exit $fail
