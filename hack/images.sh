#!/usr/bin/env bash
# Builds the operator and API server images for linux/amd64 and linux/arm64 with docker buildx,
# labelled with the project version and git commit; or pins the Dockerfiles' base images to the
# digests their tags point to now.
#
#   hack/images.sh build [--push] [--registry PREFIX]   # both images, both platforms
#   hack/images.sh pin                                  # FROM image:tag -> image:tag@sha256:...
#
# Needs a container engine (a docker daemon with buildx) for build and a reachable registry for
# pin; where there is none it says so and exits 2 without building anything. Without --push,
# buildx keeps a multi-platform build in its cache only (the docker image store holds one
# platform): push to a registry to use the images.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

log() { echo "images: $*" >&2; }

need_engine() {
  if ! command -v docker >/dev/null 2>&1; then
    log "no container engine here (no docker CLI): nothing built. Run this where docker with buildx is installed."
    exit 2
  fi
  if ! docker info >/dev/null 2>&1; then
    log "the docker CLI is installed but no docker daemon answers: nothing built."
    exit 2
  fi
  if ! docker buildx version >/dev/null 2>&1; then
    log "docker has no buildx plugin: install it to build amd64 and arm64 images."
    exit 2
  fi
}

version=$(sed -n '/<artifactId>kubetel-parent<\/artifactId>/,/<\/version>/s#.*<version>\(.*\)</version>.*#\1#p' pom.xml | head -1)
version=${version%-SNAPSHOT}
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

build() {
  local push=--load registry=kubetel
  while (($#)); do
    case "$1" in
      --push) push=--push ;;
      --registry) registry=$2; shift ;;
      *) log "unknown option $1"; exit 1 ;;
    esac
    shift
  done
  # --load cannot hold a multi-platform image: without --push, build into the cache only.
  [[ $push == --load ]] && push=""
  need_engine
  for component in operator apiserver; do
    log "building $registry/kubetel-$component:$version for linux/amd64,linux/arm64"
    docker buildx build -f "Dockerfile.$component" --platform linux/amd64,linux/arm64 \
      --build-arg VERSION="$version" --build-arg REVISION="$revision" \
      -t "$registry/kubetel-$component:$version" ${push:+"$push"} .
  done
}

pin() {
  need_engine
  for file in Dockerfile.operator Dockerfile.apiserver; do
    for image in $(sed -n 's/^FROM \(--platform=[^ ]* \)\{0,1\}\([^ @]*\).*/\2/p' "$file" | sort -u); do
      digest=$(docker buildx imagetools inspect "$image" --format '{{json .Manifest.Digest}}' 2>/dev/null | tr -d '"') || true
      if [[ -z "$digest" ]]; then
        log "cannot resolve $image (no registry reachable?): $file left as it is"
        exit 2
      fi
      sed -i "s#\(FROM \(--platform=[^ ]* \)\{0,1\}\)$image\( \|\$\)#\1$image@$digest\3#" "$file"
      log "$file: $image -> $image@$digest"
    done
  done
}

case "${1:-}" in
  build) shift; build "$@" ;;
  pin) pin ;;
  *) sed -n '2,12p' "$0" >&2; exit 1 ;;
esac
