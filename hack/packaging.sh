#!/usr/bin/env bash
# Generates (or verifies) the Helm chart's CRDs and Chart.yaml and the OLM bundle from crds/, the
# chart's templates and the project version (hack/packaging, io.kubetel.packaging.PackagingMain).
#
#   hack/packaging.sh generate   # write charts/kubetel/{Chart.yaml,crds/} and bundle/
#   hack/packaging.sh verify     # CI: exit 1 when any of them differs from what would be generated
#   hack/packaging.sh baseline   # release: write the upgrade baseline of the project version
#                                # (hack/packaging/src/test/resources/upgrade-from/<version>/)
#
# Needs the module built (mvn -B -pl hack/packaging -am package -DskipTests); CI runs it after
# `mvn verify`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-verify}
module="$root/hack/packaging/target"
if [[ ! -f "$module/generator.classpath" || ! -d "$module/classes/io/kubetel/packaging" ]]; then
  echo "packaging: build the generator first: mvn -B -o -pl hack/packaging -am package -DskipTests" >&2
  exit 2
fi
mkdir -p "$module/jna"
exec java -Djna.tmpdir="$module/jna" -cp "$module/classes:$(cat "$module/generator.classpath")" \
  io.kubetel.packaging.PackagingMain "$mode" "$root"
