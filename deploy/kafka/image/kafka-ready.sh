#!/usr/bin/env bash
# Health check of the broker: sends a Kafka ApiVersions request (v0, correlation id 1) to
# 127.0.0.1:9092 and expects an answer with that correlation id and error code 0. An open port
# alone says little (the kernel accepts connections before the broker serves them); this answers
# only once the broker processes requests. bash and coreutils only: no JVM per probe.
set -euo pipefail
exec 3<>/dev/tcp/127.0.0.1/9092
# size 10 | api key 18 (ApiVersions) | version 0 | correlation id 1 | client id "" (length 0)
printf '\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x01\x00\x00' >&3
# size (4 bytes) | correlation id (4) | error code (2)
answer="$(timeout 3 head -c 10 <&3 | od -An -tx1 | tr -d ' \n')"
exec 3>&-
[ "${answer:8:12}" = "000000010000" ] || { echo "no ApiVersions answer from the broker (got '${answer}')"; exit 1; }
