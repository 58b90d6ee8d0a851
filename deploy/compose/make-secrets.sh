#!/usr/bin/env bash
# Writes deploy/compose/topology.env (mode 600, git-ignored) with fresh random secrets for the
# topology stack (topology.yaml): the feed token shared by the registry and the lane engines, and
# the admin token. Keeps an existing file: the engines' data volumes remember the admin token, and
# the lane engines must keep the registry's feed token. --force makes new ones.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/topology.env"
if [ -s "$out" ] && [ "${1:-}" != "--force" ]; then
  echo "make-secrets.sh: $out exists (kept; --force replaces it)"; exit 0
fi
secret() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n'; }
umask 077
cat > "$out" <<ENV
# Secrets of the compose topology stack, made by make-secrets.sh on $(date -u +%FT%TZ). Never commit.
# The same feed token on the registry and every lane engine (at least 22 characters).
SEAMLESS_FEED_TOKEN=$(secret)
# The admin bearer token of the registry and of each lane engine (the demo shares one; give each
# engine its own in production).
SEAMLESS_ADMIN_TOKEN=$(secret)
ENV
echo "make-secrets.sh: wrote $out"
