#!/usr/bin/env bash
# Builds the Seamless engine image (and, with --simulator, the lane simulator image; with --kafka,
# the single-node KRaft broker image of deploy/kafka).
#
#   deploy/container/build-image.sh               base image if missing, then seamless-engine:latest
#   deploy/container/build-image.sh --base-only   only make sure the base image exists
#   deploy/container/build-image.sh --simulator   also seamless-lane-simulator:latest
#   deploy/container/build-image.sh --kafka       also seamless-kafka:latest (deploy/kafka/Dockerfile)
#   deploy/container/build-image.sh --kafka-only  only seamless-kafka:latest (and the base image)
#   deploy/container/build-image.sh --tag seamless-engine:0.1.0
#
# The jars are built outside the image: run `./mvnw -B -q -DskipTests package` first (it also writes
# deploy/kafka/target/lib, the broker's jars).
#
# Base image: BASE_IMAGE (default debian:bookworm-slim). Where it is not present locally and no
# registry can be reached, it is made here from Debian's archive with
# `debootstrap --variant=minbase bookworm` and `docker import`. The root file system tarball is
# cached under $SEAMLESS_CACHE_DIR (default ~/.cache/seamless) and reused by later runs.
# Set SEAMLESS_PULL_BASE=1 to try `docker pull` first (machines that reach a registry).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE_IMAGE="${BASE_IMAGE:-debian:bookworm-slim}"
CACHE_DIR="${SEAMLESS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/seamless}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ENGINE_TAG="seamless-engine:latest"
SIM_TAG="seamless-lane-simulator:latest"
KAFKA_TAG="seamless-kafka:latest"
BASE_ONLY=0
SIMULATOR=0
KAFKA=0
ENGINE=1

while [ $# -gt 0 ]; do
  case "$1" in
    --base-only) BASE_ONLY=1 ;;
    --simulator) SIMULATOR=1 ;;
    --kafka) KAFKA=1 ;;
    --kafka-only) KAFKA=1; ENGINE=0 ;;
    --tag) ENGINE_TAG="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "build-image.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "build-image.sh: $*" >&2; }

make_base() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "base image $BASE_IMAGE is present"
    return
  fi
  if [ "${SEAMLESS_PULL_BASE:-0}" = 1 ] && timeout 120 docker pull "$BASE_IMAGE"; then
    return
  fi
  case "$BASE_IMAGE" in
    debian:bookworm*) ;;
    *) log "base image $BASE_IMAGE is missing and only debian:bookworm* can be made here"; exit 1 ;;
  esac
  local tarball="$CACHE_DIR/debian-bookworm-minbase-$(dpkg --print-architecture 2>/dev/null || uname -m).tar"
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || { log "debootstrap is missing: apt-get install -y debootstrap"; exit 1; }
    [ "$(id -u)" = 0 ] || { log "debootstrap needs root"; exit 1; }
    mkdir -p "$CACHE_DIR"
    local rootfs
    rootfs="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
    trap 'rm -rf "$rootfs"' EXIT
    log "making $BASE_IMAGE with debootstrap from $MIRROR (a few minutes)"
    timeout "${DEBOOTSTRAP_TIMEOUT:-900}" debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >&2
    # Like Debian's official slim image: updates and security suites, no docs or man pages.
    rm -f "$rootfs/etc/apt/sources.list"
    cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${MIRROR%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    cat > "$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
DPKG
    cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" <<'APT'
APT::Install-Recommends "false";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
           "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log
    tar --numeric-owner -C "$rootfs" -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
    trap - EXIT
  else
    log "reusing $tarball"
  fi
  docker import --change 'CMD ["bash"]' "$tarball" "$BASE_IMAGE" >/dev/null
  log "imported $BASE_IMAGE"
}

make_base
[ "$BASE_ONLY" = 1 ] && exit 0

# A small build context: only the Dockerfile and what it copies (the repository's target folders are large).
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT

if [ "$ENGINE" = 1 ]; then
  jar="$ROOT/engine/target/seamless-engine.jar"
  [ -f "$jar" ] || { log "$jar is missing: run ./mvnw -B -q -DskipTests package first"; exit 1; }
  cp "$ROOT/deploy/container/Dockerfile" "$ctx/Dockerfile"
  cp "$ROOT/deploy/container/Dockerfile.dockerignore" "$ctx/.dockerignore"
  mkdir -p "$ctx/engine/target"
  ln "$jar" "$ctx/engine/target/" 2>/dev/null || cp "$jar" "$ctx/engine/target/"
  log "building $ENGINE_TAG"
  docker build --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$ENGINE_TAG" "$ctx"
fi

if [ "$SIMULATOR" = 1 ]; then
  sim="$ROOT/lane-simulator/target/seamless-lane-simulator.jar"
  [ -f "$sim" ] || { log "$sim is missing: run ./mvnw -B -q -DskipTests package first"; exit 1; }
  rm -rf "$ctx"/* "$ctx"/.dockerignore
  cp "$ROOT/deploy/container/simulator.Dockerfile" "$ctx/Dockerfile"
  cp "$ROOT/deploy/container/simulator.Dockerfile.dockerignore" "$ctx/.dockerignore"
  mkdir -p "$ctx/lane-simulator/target"
  ln "$sim" "$ctx/lane-simulator/target/" 2>/dev/null || cp "$sim" "$ctx/lane-simulator/target/"
  log "building $SIM_TAG"
  docker build --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$SIM_TAG" "$ctx"
fi

if [ "$KAFKA" = 1 ]; then
  lib="$ROOT/deploy/kafka/target/lib"
  ls "$lib"/kafka_2.13-*.jar >/dev/null 2>&1 \
    || { log "$lib is missing: run ./mvnw -B -q -DskipTests package (or package -pl deploy/kafka) first"; exit 1; }
  rm -rf "$ctx"/* "$ctx"/.dockerignore
  cp "$ROOT/deploy/kafka/Dockerfile" "$ctx/Dockerfile"
  cp "$ROOT/deploy/kafka/Dockerfile.dockerignore" "$ctx/.dockerignore"
  mkdir -p "$ctx/deploy/kafka/target"
  cp -r "$ROOT/deploy/kafka/image" "$ctx/deploy/kafka/image"
  cp -rl "$lib" "$ctx/deploy/kafka/target/lib" 2>/dev/null \
    || { rm -rf "$ctx/deploy/kafka/target/lib"; cp -r "$lib" "$ctx/deploy/kafka/target/lib"; }
  log "building $KAFKA_TAG"
  docker build --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$KAFKA_TAG" "$ctx"
fi
docker images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E '^seamless' >&2 || true
