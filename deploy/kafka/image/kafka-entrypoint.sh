#!/usr/bin/env bash
# Starts a single-node KRaft broker (broker and controller in one process): writes the server
# properties from the environment, formats the storage on the first start, then execs the broker
# so that it is PID 1 and SIGTERM is a controlled shutdown.
#
#   KAFKA_ADVERTISED_HOST      the name clients reach the broker by (default kafka: the compose service,
#                              the Kubernetes Service); they connect to KAFKA_ADVERTISED_HOST:9092
#   KAFKA_CLUSTER_ID           22 characters (a base64url UUID). Only read when the storage is formatted;
#                              made by kafka-cluster-id.sh if unset. Set it to keep one identity across
#                              a lost volume.
#   KAFKA_EXTERNAL_ADVERTISED  host:port for a third listener on 29092 (tools outside the network), e.g.
#                              localhost:29092 with -p 29092:29092; unset: no such listener
#   KAFKA_HEAP_OPTS            default -Xms128m -Xmx512m
#   KAFKA_DATA_DIR             default /var/lib/kafka/data (the image's volume is /var/lib/kafka)
#   KAFKA_LIB_DIR              Kafka's jars, default /opt/kafka/lib
#   KAFKA_CFG_<NAME>           any server property, NAME upper-case with _ for . :
#                              KAFKA_CFG_LOG_RETENTION_HOURS=168 -> log.retention.hours=168
set -euo pipefail

data="${KAFKA_DATA_DIR:-/var/lib/kafka/data}"
config_dir="${KAFKA_CONFIG_DIR:-/tmp/kafka-config}"   # /tmp: the root file system may be read-only
host="${KAFKA_ADVERTISED_HOST:-kafka}"
lib="${KAFKA_LIB_DIR:-/opt/kafka/lib}"
mkdir -p "$data" "$config_dir"
props="$config_dir/server.properties"

listeners="PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093"
advertised="PLAINTEXT://${host}:9092,CONTROLLER://127.0.0.1:9093"
protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
if [ -n "${KAFKA_EXTERNAL_ADVERTISED:-}" ]; then
  listeners="$listeners,EXTERNAL://0.0.0.0:29092"
  advertised="$advertised,EXTERNAL://${KAFKA_EXTERNAL_ADVERTISED}"
  protocols="$protocols,EXTERNAL:PLAINTEXT"
fi

# The same single-node settings as the tests' broker (engine/src/test/java/hk/seamless/kafka/KafkaBroker.java).
# The controller listens on loopback only: this one process is the whole quorum, and nothing else
# needs to reach it.
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=1
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:9093
log.dirs=$data
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
num.partitions=1
group.initial.rebalance.delay.ms=0
# The engines create their topics (compacted feed, lane reports) with the admin client: a wrong
# topic name fails instead of making a topic nobody reads.
auto.create.topics.enable=false
PROPS

# KAFKA_CFG_* last: a later line wins in a properties file.
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_CFG_*)
      key="${name#KAFKA_CFG_}"; key="${key,,}"; key="${key//_/.}"
      printf '%s=%s\n' "$key" "$value" >> "$props" ;;
  esac
done < <(env)

java_opts=(${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m} -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
           -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties)

if [ ! -f "$data/meta.properties" ]; then
  if [ -n "${KAFKA_CLUSTER_ID:-}" ]; then
    # Refused here, in words, rather than by the storage tool's stack trace.
    [[ "$KAFKA_CLUSTER_ID" =~ ^[A-Za-z0-9_-]{22}$ ]] || {
      echo "kafka-entrypoint: KAFKA_CLUSTER_ID '$KAFKA_CLUSTER_ID' is not a cluster id: 22 characters of" \
           "base64url (A-Z a-z 0-9 - _), as kafka-cluster-id.sh prints" >&2
      exit 2
    }
    cluster_id="$KAFKA_CLUSTER_ID"
  else
    cluster_id="$("$(dirname "$0")/kafka-cluster-id.sh")"
  fi
  echo "kafka-entrypoint: formatting $data for cluster $cluster_id (first start)"
  # --cluster-id=ID, one word: an id given that starts with '-' is still the option's value.
  java "${java_opts[@]}" -cp "$lib/*" kafka.tools.StorageTool format \
      "--cluster-id=$cluster_id" --config "$props" --standalone
fi

exec java "${java_opts[@]}" -cp "$lib/*" kafka.Kafka "$props"
