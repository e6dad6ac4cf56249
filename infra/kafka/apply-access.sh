#!/bin/bash
# Creates the topics and writes the access rules of access-rules.txt (generated from KafkaAccess, checked by
# KafkaAccessRulesE2E) into the broker, as admin. Run once by docker-compose before the services start; running it
# again changes nothing.
set -euo pipefail
ADMIN_PW="${CAISSE_KAFKA_PASSWORD_ADMIN:-admin-local-secret}"
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PW";
PROPS
B=kafka:9092
K=/opt/kafka/bin
while read -r a b c d e; do
  case "$a" in
    ""|"#"*) continue ;;
    TOPIC) "$K/kafka-topics.sh" --bootstrap-server "$B" --command-config /tmp/admin.properties --create --if-not-exists --topic "$b" ;;
    *) if [ "$c" = GROUP ]; then resource=(--group "$e"); else resource=(--topic "$e"); fi
       "$K/kafka-acls.sh" --bootstrap-server "$B" --command-config /tmp/admin.properties --add --allow-principal "$a" \
         --operation "$b" "${resource[@]}" --resource-pattern-type "$d" > /dev/null ;;
  esac
done < /access-rules.txt
echo "access rules in place"
