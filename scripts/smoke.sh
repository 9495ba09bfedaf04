#!/usr/bin/env bash
# Smoke test against a running `./iot up`: publishes one telemetry message with mosquitto_pub
# (Debian package mosquitto-clients) and reads it back through query-api with curl.
#
#   scripts/smoke.sh            # defaults match ./iot up
#   MQTT_PORT=11883 QUERY_URL=http://127.0.0.1:18080 scripts/smoke.sh
set -euo pipefail

MQTT_HOST=${MQTT_HOST:-127.0.0.1}
MQTT_PORT=${MQTT_PORT:-11883}
QUERY_URL=${QUERY_URL:-http://127.0.0.1:18080}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-30}

for tool in mosquitto_pub curl; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (apt-get install mosquitto-clients curl)" >&2; exit 1; }
done

device="smoke-$(date +%s)-$$"
now_ms=$(( $(date +%s%N) / 1000000 ))
value="21.$(( RANDOM % 10 ))"
from=$(date -u -d "@$(( now_ms / 1000 - 60 ))" +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d "@$(( now_ms / 1000 + 60 ))" +%Y-%m-%dT%H:%M:%SZ)

echo "smoke: publishing temperature=$value for $device (QoS 1) to $MQTT_HOST:$MQTT_PORT"
mosquitto_pub -V mqttv5 -h "$MQTT_HOST" -p "$MQTT_PORT" -i "$device" -q 1 \
  -t "devices/$device/telemetry" -m "{\"ts\":$now_ms,\"seq\":1,\"metrics\":{\"temperature\":$value}}"

url="$QUERY_URL/api/v1/devices/$device/telemetry?metric=temperature&from=$from&to=$to"
echo "smoke: polling $url"
deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  body=$(curl -fsS "$url" || true)
  if echo "$body" | grep -q "\"value\":$value"; then
    echo "smoke: OK, query-api returned the point: $body"
    exit 0
  fi
  sleep 1
done
echo "smoke: FAILED, the point did not arrive within ${TIMEOUT_SECONDS}s; last answer: ${body:-none}" >&2
exit 1
