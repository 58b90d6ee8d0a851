#!/usr/bin/env bash
# Cuts the broker of the running topology stack (topology.yaml) and shows the lane engine of LMC
# keep deciding (its lanes' gates played by DemoGate.java): a truck bundled before the cut is released, one bundled during it is referred
# (the lane engine cannot know of it), /health says the feed is behind and since when; with the
# broker back the registry records the crossing made while cut off. Needs curl, jq, docker and a
# JDK 17 (java runs DemoGate.java from source).
#
#   deploy/compose/try-cut-off.sh        (after `up -d`; REGISTRY, LMC and PROJECT can be changed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC1091
. "$here/topology.env"
REGISTRY="${REGISTRY:-http://localhost:8080}"
LMC="${LMC:-http://localhost:8081}"
PROJECT="${PROJECT:-seamless-topology}"
ADMIN="$SEAMLESS_ADMIN_TOKEN"
J='Content-Type: application/json'
kafka=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter label=com.docker.compose.service=kafka)
[ -n "$kafka" ] || { echo "no kafka container of compose project $PROJECT running"; exit 1; }
gates=""
trap 'docker unpause "$kafka" >/dev/null 2>&1 || true; [ -z "$gates" ] || kill "$gates" 2>/dev/null || true' EXIT

post() { curl -sf -X POST "$1" -H "$J" -H "Authorization: Bearer $2" -d "$3"; }
approved() {   # role name -> token
  local reg
  reg=$(curl -sf -X POST "$REGISTRY/api/v1/registrations" -H "$J" \
        -d '{"role":"'"$1"'","name":"'"$2"'","email":"'"$RANDOM$RANDOM"'@demo.example"}' | jq -r .registrationId)
  post "$REGISTRY/api/v1/admin/registrations/$reg/approve" "$ADMIN" '' | jq -r .token
}
today=$(TZ=Asia/Hong_Kong date +%F)
SHIPPER=$(approved SHIPPER "Pearl River Electronics")
TRUCKER=$(approved TRUCKER "Lok Ma Chau Haulage")
SUPERVISOR=$(post "$REGISTRY/api/v1/admin/accounts" "$ADMIN" \
  '{"role":"SUPERVISOR","name":"Demo Supervisor","email":"sup'"$RANDOM$RANDOM"'@demo.example","password":"a long demo passphrase"}' | jq -r .token)
# No random inspection at LMC for this demo: every decision follows from what the lane engine knows.
curl -sf -X PUT "$REGISTRY/api/v1/risk/random-rates/LMC" -H "$J" -H "Authorization: Bearer $SUPERVISOR" \
  -d '{"rate":0.0}' >/dev/null

# The lanes' gates: without a gate connected a lane holds every truck (GATE_UNAVAILABLE).
lanes=(LMC-S-01 LMC-S-02 LMC-S-03)
gate_args=()
for lane in "${lanes[@]}"; do
  gate_args+=("$lane=$(post "$LMC/api/v1/admin/devices" "$ADMIN" '{"lane":"'"$lane"'","kind":"GATE"}' | jq -r .token)")
done
gate_log=$(mktemp)
java "$here/DemoGate.java" "$LMC" "${gate_args[@]}" > "$gate_log" 2>&1 &
gates=$!
until [ "$(grep -c 'gate connected' "$gate_log")" -ge "${#lanes[@]}" ]; do
  kill -0 "$gates" 2>/dev/null || { cat "$gate_log"; exit 1; }
  sleep 0.5
done

truck() {   # lodges, registers a vehicle, bundles: prints "mark tag bundleId"
  local ccrn mark tag bundle
  ccrn=$(post "$REGISTRY/api/v1/consignments" "$SHIPPER" '{"direction":"IMPORT","expectedDate":"'"$today"'",
    "consignor":{"name":"深圳市華強電子有限公司","address":"深圳市福田區華強北路1號"},
    "consignee":{"name":"Kwun Tong Traders Ltd","address":"12 Hoi Yuen Road, Kwun Tong"},
    "packaged":{"packageDescription":"CARTONS","packageCount":12,"articlesDescription":"mobile phones"}}' | jq -r .ccrn)
  mark="ZX$(( RANDOM % 9999 + 1 ))"
  tag=$(printf 'E200%020X' "$(( (RANDOM << 30) | (RANDOM << 15) | RANDOM ))")
  post "$REGISTRY/api/v1/vehicles" "$TRUCKER" '{"registrationMark":"'"$mark"'","rfidTag":"'"$tag"'"}' >/dev/null
  bundle=$(post "$REGISTRY/api/v1/bundles" "$TRUCKER" \
    '{"vehicleMark":"'"$mark"'","direction":"IMPORT","ccrns":["'"$ccrn"'"]}' | jq -r .bundleId)
  echo "$mark $tag $bundle"
}
at_lane() {   # lane mark tag: the camera's plate read and the reader's tag read; prints the decision
  local camera rfid arrival
  camera=$(post "$LMC/api/v1/admin/devices" "$ADMIN" '{"lane":"'"$1"'","kind":"CAMERA"}' | jq -r .token)
  rfid=$(post "$LMC/api/v1/admin/devices" "$ADMIN" '{"lane":"'"$1"'","kind":"RFID"}' | jq -r .token)
  arrival=$(post "$LMC/lane/v1/lanes/$1/plate-reads" "$camera" \
    '{"data_type":"alpr_results","epoch_time":'"$(date +%s000)"',"results":[{"plate":"'"$2"'","confidence":93.1,"candidates":[]}]}' \
    | jq -r .arrivalId)
  post "$LMC/lane/v1/lanes/$1/tag-reads" "$rfid" '{"epc":"'"$3"'","antenna":1,"rssi":-52}' >/dev/null
  sleep 2   # a tag the lane does not know leaves the arrival to be decided when the fusion window closes
  curl -sf "$LMC/api/v1/arrivals/$arrival" -H "Authorization: Bearer $ADMIN" | jq -c '{lane, vehicleMark, decision, reasons}'
}
caught_up() {
  local issued
  issued=$(curl -sf "$REGISTRY/health" | jq .feed.issued)
  until [ "$(curl -sf "$LMC/health" | jq .feed.applied)" -ge "$issued" ]; do sleep 0.5; done
}
status() { curl -sf "$REGISTRY/api/v1/bundles/$1" -H "Authorization: Bearer $TRUCKER" | jq -r .status; }

read -r mark1 tag1 bundle1 < <(truck); caught_up
echo "1. connected: $mark1 bundled at the registry, at LMC-S-01:"; at_lane LMC-S-01 "$mark1" "$tag1"
read -r mark2 tag2 bundle2 < <(truck); caught_up
echo "2. $mark2 bundled; the broker is cut off (docker pause)"
# The cgroup freezer can fail while a process is being started in the container (its health check
# every 5 s): "unable to freeze". Nothing is paused then; try again.
for try in 1 2 3 4 5; do docker pause "$kafka" >/dev/null && break; [ "$try" = 5 ] && exit 1; sleep 1; done
read -r mark3 tag3 bundle3 < <(truck)
echo "3. $mark3 bundled during the cut. At the lanes of LMC:"
at_lane LMC-S-02 "$mark2" "$tag2"
at_lane LMC-S-03 "$mark3" "$tag3"
echo "4. waiting for the lane engine to say its feed is behind (SEAMLESS_FEED_BEHIND_AFTER, 10 s by default)"
until [ "$(curl -sf "$LMC/health" | jq .feed.behind)" = true ]; do sleep 1; done
echo "   LMC /health feed: $(curl -sf "$LMC/health" | jq -c .feed)"
echo "   the registry has bundle $bundle2 $(status "$bundle2") (the crossing waits at the lane engine)"
echo "5. the broker is back (docker unpause)"; docker unpause "$kafka" >/dev/null
until [ "$(status "$bundle2")" = USED ]; do sleep 1; done
echo "   the registry has bundle $bundle2 $(status "$bundle2"); LMC /health feed: $(curl -sf "$LMC/health" | jq -c .feed)"
