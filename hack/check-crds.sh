#!/usr/bin/env bash
# Fails when the CRD YAML committed under crds/ differs from what the Java types generate.
#
# Run it after a build of the crds module (CI: after `mvn verify`). The build regenerates
# crds/*.kubetel.io-v1.yml from the classes in crds/src/main/java; any difference means someone
# changed the types without committing the regenerated YAML (or edited the YAML by hand).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! ls crds/target/classes/META-INF/fabric8/*.kubetel.io-v1.yml >/dev/null 2>&1; then
  echo "check-crds: no generated CRDs found; build first: mvn -B -pl crds -am install -DskipTests" >&2
  exit 2
fi

drift=$(git status --porcelain -- 'crds/*.yml' 'crds/*.yaml')
if [[ -n "$drift" ]]; then
  echo "check-crds: the committed CRDs are out of date with the Java types in crds/src/main/java:" >&2
  echo "$drift" >&2
  git --no-pager diff --stat -- crds/ >&2 || true
  cat >&2 <<'MSG'

Regenerate and commit them:
  mvn -B -pl crds -am install -DskipTests
  git add crds/*.kubetel.io-v1.yml && git commit -m "Regenerate CRDs"
MSG
  exit 1
fi
echo "check-crds: crds/*.kubetel.io-v1.yml match the Java types"
