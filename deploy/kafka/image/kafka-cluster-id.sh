#!/usr/bin/env bash
# Prints a new KRaft cluster id: 16 random bytes as 22 characters of unpadded base64url, as Kafka's
# own Uuid.randomUuid() makes them and with its rules: never one that starts with '-' (Kafka's
# command-line tools would read it as an option: `kafka-storage format --cluster-id -x...` fails,
# one start in 64), never the all-zero id nor the metadata topic's (0...01), which Kafka reserves.
set -euo pipefail
while :; do
  id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  case "$id" in
    -* | AAAAAAAAAAAAAAAAAAAAAA | AAAAAAAAAAAAAAAAAAAAAQ) continue ;;
  esac
  printf '%s\n' "$id"
  exit 0
done
