#!/bin/bash
# The broker of docker-compose, configured like the local stack's (platform/caisse-stack KafkaBroker): SASL/SCRAM for
# clients and the broker itself, PLAIN between the broker and its controller, KRaft's StandardAuthorizer with no
# access where no rule allows it. The users' SCRAM credentials are written into the metadata when the storage is
# formatted (the first start); the rules by the kafka-access container.
set -euo pipefail
pw() { local v="CAISSE_KAFKA_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"; echo "${!v:-$1-local-secret}"; }
BROKER_PW="$(pw broker)"
CONF=/tmp/server.properties
cat > "$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=CLIENT://:9092,CONTROLLER://:9093
advertised.listeners=CLIENT://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$BROKER_PW";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="$BROKER_PW" user_broker="$BROKER_PW";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:broker;User:admin
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  args=()
  for user in broker admin affiliation-service contribution-service benefits-service recovery-service mutuality-100 mutuality-200 mutuality-300 mutuality-400 mutuality-500 mutuality-600 mutuality-900 inasti; do
    args+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(pw "$user")]")
  done
  /opt/kafka/bin/kafka-storage.sh format -t Y2Fpc3NlLWthZmthLTAwMQ -c "$CONF" "${args[@]}"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONF"
