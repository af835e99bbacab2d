#!/bin/bash
# Sets the broker up before any service connects: the one-shot kafka-setup of compose.yaml and the dev overlay's
# kafka-setup Job run this file with the Kafka image's own tools, as the broker's super user (operator).
#
#   - each service a SCRAM-SHA-512 user named after its spring.application.name;
#   - every topic and dead-letter topic of platform-events' KafkaAccess.provisionedTopics: the events topics with
#     SECUREBASE_TOPIC_PARTITIONS partitions (securebase.content.articles.v1 compacted, the others keeping every
#     event), each dead-letter topic with one partition, kept 90 days as production's;
#   - exactly the ACLs of KafkaAccess.aclBindings(false): the services create no topics.
#
# deploy/validation runs this script with stand-ins for the three tools that record their arguments, and fails when
# the users, topics or ACLs it would create differ from KafkaAccess. Idempotent (an existing user gets its password
# set again, existing topics and ACLs are left alone), so every `docker compose up` runs it. It only adds: an ACL
# or topic dropped from KafkaAccess must be removed by hand (docs/operations.md, "Kafka identities").
#
# Environment: SECUREBASE_KAFKA_BOOTSTRAP_SERVERS; SECUREBASE_KAFKA_OPERATOR_PASSWORD; one
# SECUREBASE_KAFKA_<SERVICE>_PASSWORD per service (SECUREBASE_KAFKA_ACCOUNT_SERVICE_PASSWORD, ...);
# SECUREBASE_TOPIC_PARTITIONS (default 3), SECUREBASE_TOPIC_REPLICAS (default 1: one broker).
# (Not KAFKA_*: the image's scripts read variables of that prefix themselves.)
set -euo pipefail
tools="${SECUREBASE_KAFKA_TOOLS:-/opt/kafka/bin}"
bootstrap="${SECUREBASE_KAFKA_BOOTSTRAP_SERVERS:?SECUREBASE_KAFKA_BOOTSTRAP_SERVERS is not set}"
partitions="${SECUREBASE_TOPIC_PARTITIONS:-3}"
replicas="${SECUREBASE_TOPIC_REPLICAS:-1}"
dead_letter_retention_ms=7776000000

# The operator's login in a file only this process can read (mktemp makes it 0600), not on a command line.
admin="$(mktemp)"
trap 'rm -f "$admin"' EXIT
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="operator" password="${SECUREBASE_KAFKA_OPERATOR_PASSWORD:?SECUREBASE_KAFKA_OPERATOR_PASSWORD is not set}";
PROPERTIES
connect=(--bootstrap-server "$bootstrap" --command-config "$admin")

for user in account-service journal-service content-service; do
  variable="SECUREBASE_KAFKA_$(tr 'a-z-' 'A-Z_' <<< "$user")_PASSWORD"
  password="${!variable:?$variable is not set}"
  # SCRAM's own syntax cannot quote: generate-env.sh makes letters and digits only
  [[ $password =~ ^[A-Za-z0-9]+$ ]] || { echo "$variable must be letters and digits only" >&2; exit 1; }
  "$tools/kafka-configs.sh" "${connect[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=4096,password=$password]"
done

# name, partitions, cleanup.policy, retention.ms (- for a compacted topic, where it does not apply)
while read -r name count policy retention; do
  [[ -z $name || $name == \#* ]] && continue
  config=(--config "cleanup.policy=$policy")
  [[ $retention == - ]] || config+=(--config "retention.ms=$retention")
  "$tools/kafka-topics.sh" "${connect[@]}" --create --if-not-exists --topic "$name" --partitions "$count" \
    --replication-factor "$replicas" "${config[@]}"
done <<TOPICS
securebase.content.articles.v1          $partitions  compact  -
securebase.content.articles.v1.dlt      1            delete   $dead_letter_retention_ms
securebase.journal.assignments.v1       $partitions  delete   -1
securebase.journal.assignments.v1.dlt   1            delete   $dead_letter_retention_ms
securebase.accounts.v1                  $partitions  delete   -1
securebase.accounts.v1.dlt              1            delete   $dead_letter_retention_ms
securebase.accounts.reads.v1            $partitions  delete   -1
securebase.accounts.reads.v1.dlt        1            delete   $dead_letter_retention_ms
TOPICS

# principal, resource type, pattern type, resource name, operations (comma-separated)
while read -r principal type pattern name operations; do
  [[ -z $principal || $principal == \#* ]] && continue
  allowed=()
  for operation in ${operations//,/ }; do allowed+=(--operation "$operation"); done
  "$tools/kafka-acls.sh" "${connect[@]}" --add --allow-principal "User:$principal" --allow-host '*' \
    --resource-pattern-type "$pattern" "--$type" "$name" "${allowed[@]}"
done <<'ACLS'
# account-service owns the accounts and account-reads topics and consumes assignments (to notify people)
account-service  topic  literal   securebase.accounts.v1                 Write,Describe
account-service  topic  literal   securebase.accounts.reads.v1           Write,Describe
account-service  topic  literal   securebase.journal.assignments.v1      Read,Describe
account-service  topic  literal   securebase.journal.assignments.v1.dlt  Write,Read,Describe
account-service  group  prefixed  account-service                        Read,Describe
# journal-service owns the assignments topic and consumes accounts, articles and account reads
journal-service  topic  literal   securebase.journal.assignments.v1      Write,Describe
journal-service  topic  literal   securebase.accounts.v1                 Read,Describe
journal-service  topic  literal   securebase.accounts.v1.dlt             Write,Read,Describe
journal-service  topic  literal   securebase.content.articles.v1         Read,Describe
journal-service  topic  literal   securebase.content.articles.v1.dlt     Write,Read,Describe
journal-service  topic  literal   securebase.accounts.reads.v1           Read,Describe
journal-service  topic  literal   securebase.accounts.reads.v1.dlt       Write,Read,Describe
journal-service  group  prefixed  journal-service                        Read,Describe
# content-service owns the articles topic and consumes assignments and accounts
content-service  topic  literal   securebase.content.articles.v1         Write,Describe
content-service  topic  literal   securebase.journal.assignments.v1      Read,Describe
content-service  topic  literal   securebase.journal.assignments.v1.dlt  Write,Read,Describe
content-service  topic  literal   securebase.accounts.v1                 Read,Describe
content-service  topic  literal   securebase.accounts.v1.dlt             Write,Read,Describe
content-service  group  prefixed  content-service                        Read,Describe
ACLS
echo "kafka-setup: users, topics and ACLs are in place"
