#!/usr/bin/env bash
# Live capture soak run: RATE frames/s (RARP and gratuitous ARP) injected for SECONDS on one end of a veth pair
# in a private network namespace, `cutover capture` on the other end with the migration filter and a ring of
# 100 000 frames, stopped with SIGTERM (as Ctrl+C) a second after the last frame is sent. Prints frames sent, captured and lost (kernel and queue drops as cutover counts them).
# Needs root, libpcap0.8 and iproute2. Usage: app/bench/live-soak.sh [RATE] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-100000}
SECONDS_=${2:-30}
DIR=${BENCH_DIR:-app/target/bench}
NS=cutover-soak-$$

[ "$(id -u)" = 0 ] || { echo "live-soak: needs root (network namespace, raw sockets)" >&2; exit 1; }
./mvnw -q -B -DskipTests package test-compile >/dev/null
mkdir -p "$DIR"
CP="app/target/test-classes:app/target/classes:$(ls app/target/lib/*.jar | tr '\n' ':')"
OUT="$DIR/soak.pcapng"
LOG="$DIR/soak-capture.log"

cleanup() { ip netns del "$NS" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$NS"
ip -n "$NS" link add cutv4 type veth peer name cutv5
for end in cutv4 cutv5; do
  ip netns exec "$NS" sysctl -qw "net.ipv6.conf.$end.disable_ipv6=1" || true
  ip -n "$NS" link set "$end" up
done

ip netns exec "$NS" java -Xmx1g -jar app/target/cutover.jar capture -i cutv5 -w "$OUT" --ring 100000 \
  >"$LOG" 2>&1 &
CAPTURE=$!
for _ in $(seq 100); do grep -q 'Capturing on' "$LOG" 2>/dev/null && break; sleep 0.1; done
SENT_LINE=$(ip netns exec "$NS" java -cp "$CP" dev.cutover.bench.SoakInjector cutv4 "$RATE" "$SECONDS_")
sleep 1   # the last frames reach the capture, then it is stopped as Ctrl+C would (a script's background
kill -TERM "$CAPTURE"   # jobs ignore SIGINT; SIGTERM runs the same shutdown hook)
wait "$CAPTURE" || true

SENT=$(echo "$SENT_LINE" | awk '{print $2}')
SUMMARY=$(grep 'frames captured' "$LOG")
CAPTURED=$(echo "$SUMMARY" | awk '{print $1}')
KERNEL=$(echo "$SUMMARY" | sed -E 's/.* ([0-9]+) dropped by the kernel.*/\1/')
QUEUE=$(echo "$SUMMARY" | sed -E 's/.* ([0-9]+) dropped by the queue.*/\1/')
echo "$SENT_LINE"
echo "cutover: $SUMMARY"
printf 'sent %d, captured %d, lost %d (%.3f%%); cutover counted %d kernel drops, %d queue drops\n' \
  "$SENT" "$CAPTURED" "$((SENT - CAPTURED))" "$(echo "($SENT - $CAPTURED) * 100 / $SENT" | bc -l)" "$KERNEL" "$QUEUE"
