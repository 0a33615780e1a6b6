#!/bin/sh
# Creates the Kafka topics listed in deploy/contracts/topics.txt; idempotent (--if-not-exists).
#
#   create-topics.sh <bootstrap-server> [topics-file]
#
# bootstrap-server  e.g. kafka:9092 (docker-compose) or 127.0.0.1:9092 (local stack)
# topics-file       default: ../contracts/topics.txt relative to this script
# Environment:
#   KAFKA_TOPICS_CMD          kafka-topics.sh to use (default: on PATH, else $KAFKA_HOME/bin, else /opt/kafka/bin)
#   TOPIC_REPLICATION_FACTOR  default 1 (single broker); production uses 3
#   KAFKA_WAIT_SECONDS        how long to wait for the broker to answer, default 60
#
# An existing topic is left as it is, even when its partition count or cleanup policy differ from the
# file; the script prints a warning then, because changing either is an operator's decision.
# Commands inside the read loop take stdin from /dev/null so they cannot swallow the rest of the file.
# POSIX sh on purpose: the apache/kafka image and CI machines do not all have bash.
set -eu

if [ $# -lt 1 ] || [ -z "$1" ]; then
    echo "usage: $0 <bootstrap-server> [topics-file]" >&2
    exit 2
fi
BOOTSTRAP=$1
SCRIPT_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
TOPICS_FILE=${2:-$SCRIPT_DIR/../contracts/topics.txt}
REPLICATION=${TOPIC_REPLICATION_FACTOR:-1}
WAIT_SECONDS=${KAFKA_WAIT_SECONDS:-60}

if [ -n "${KAFKA_TOPICS_CMD:-}" ]; then
    TOPICS_CMD=$KAFKA_TOPICS_CMD
elif command -v kafka-topics.sh >/dev/null 2>&1; then
    TOPICS_CMD=kafka-topics.sh
elif [ -n "${KAFKA_HOME:-}" ] && [ -x "$KAFKA_HOME/bin/kafka-topics.sh" ]; then
    TOPICS_CMD=$KAFKA_HOME/bin/kafka-topics.sh
elif [ -x /opt/kafka/bin/kafka-topics.sh ]; then
    TOPICS_CMD=/opt/kafka/bin/kafka-topics.sh
else
    echo "kafka-topics.sh not found: set KAFKA_TOPICS_CMD or KAFKA_HOME" >&2
    exit 1
fi

if [ ! -r "$TOPICS_FILE" ]; then
    echo "topics file not readable: $TOPICS_FILE" >&2
    exit 1
fi

# The broker may still be electing its controller when this runs; wait until it lists topics.
waited=0
until existing=$("$TOPICS_CMD" --bootstrap-server "$BOOTSTRAP" --list 2>/dev/null); do
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
        echo "Kafka at $BOOTSTRAP did not answer within ${WAIT_SECONDS}s" >&2
        exit 1
    fi
    sleep 2
    waited=$((waited + 2))
done

count=0
while read -r name partitions policy extra || [ -n "${name:-}" ]; do
    case "${name:-}" in
        ''|'#'*) continue ;;
    esac
    if [ -z "${partitions:-}" ] || [ -z "${policy:-}" ] || [ -n "${extra:-}" ]; then
        echo "bad line in $TOPICS_FILE: $name ${partitions:-} ${policy:-} ${extra:-}" >&2
        exit 1
    fi
    case "$partitions" in
        *[!0-9]*) echo "bad partition count for $name: $partitions" >&2; exit 1 ;;
    esac
    case "$policy" in
        delete|compact|compact,delete|delete,compact) ;;
        *) echo "bad cleanup.policy for $name: $policy" >&2; exit 1 ;;
    esac

    if printf '%s\n' "$existing" | grep -qx -- "$name"; then
        actual=$("$TOPICS_CMD" --bootstrap-server "$BOOTSTRAP" --describe --topic "$name" </dev/null 2>/dev/null \
            | sed -n 's/.*PartitionCount: *\([0-9][0-9]*\).*/\1/p' | head -n 1)
        if [ -n "$actual" ] && [ "$actual" != "$partitions" ]; then
            echo "warning: $name exists with $actual partitions, topics file says $partitions (left unchanged)" >&2
        fi
        echo "exists   $name"
    else
        "$TOPICS_CMD" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
            --partitions "$partitions" --replication-factor "$REPLICATION" \
            --config "cleanup.policy=$policy" </dev/null
        echo "created  $name ($partitions partitions, cleanup.policy=$policy)"
    fi
    count=$((count + 1))
done < "$TOPICS_FILE"

echo "$count topics ready on $BOOTSTRAP"
