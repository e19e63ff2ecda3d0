#!/usr/bin/env bash
# Live capture soak run: RATE frames/s (RARP and gratuitous ARP) injected for SECONDS on one end of a veth pair
# in a private network namespace, `cutover capture` on the other end with the migration filter and a ring of
# 100 000 frames, stopped with SIGTERM (as Ctrl+C) three seconds after the last frame is sent. Prints the rate
# the injector held (and says so when it fell short of RATE), frames sent, captured and lost, the kernel and
# queue drops as cutover counts them, the drops of the kernel's input backlog, which happen before any capture,
# and the lost frames none of these counted (frames the capture had not yet read when it was stopped).
# Needs root, libpcap0.8 and iproute2 (Linux). Usage: app/bench/live-soak.sh [RATE] [SECONDS]
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
CAPTURE=

cleanup() {
  # The capture would outlive the namespace's name (it holds the namespace), so it is stopped first.
  if [ -n "$CAPTURE" ] && kill -0 "$CAPTURE" 2>/dev/null; then kill -TERM "$CAPTURE"; wait "$CAPTURE" || true; fi
  ip netns del "$NS" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$NS"
ip -n "$NS" link add cutv4 type veth peer name cutv5
for end in cutv4 cutv5; do
  ip netns exec "$NS" sysctl -qw "net.ipv6.conf.$end.disable_ipv6=1" || true
  ip -n "$NS" link set "$end" up
done

# Column 2 of /proc/net/softnet_stat: frames each CPU's input backlog had no room for (the whole machine's).
backlog_drops() { local sum=0 drops; while read -r _ drops _; do sum=$((sum + 16#$drops)); done </proc/net/softnet_stat; echo "$sum"; }

ip netns exec "$NS" java -Xmx1g -jar app/target/cutover.jar capture -i cutv5 -w "$OUT" --ring 100000 \
  >"$LOG" 2>&1 &
CAPTURE=$!
for _ in $(seq 300); do grep -q 'Capturing on' "$LOG" 2>/dev/null && break; sleep 0.1; done
grep -q 'Capturing on' "$LOG" || { echo "live-soak: the capture did not start:" >&2; cat "$LOG" >&2; exit 1; }
BACKLOG_BEFORE=$(backlog_drops)
SENT_LINE=$(ip netns exec "$NS" java -cp "$CP" dev.cutover.bench.SoakInjector cutv4 "$RATE" "$SECONDS_")
# Frames the kernel holds for the capture when it stops are neither captured nor counted as dropped. The buffer
# (16 MiB) holds about a second of these frames and the capture reads them far faster than they come, so three
# seconds leave it time to catch up even on a busy machine. Then it is stopped as Ctrl+C would (a script's
# background jobs ignore SIGINT; SIGTERM runs the same shutdown hook).
sleep 3
kill -TERM "$CAPTURE"
wait "$CAPTURE" || true
CAPTURE=
BACKLOG=$(($(backlog_drops) - BACKLOG_BEFORE))

# "sent N frames in X s (R frames/s)"
SENT=$(echo "$SENT_LINE" | awk '{print $2}')
HELD=$(echo "$SENT_LINE" | sed -E 's/.*\(([0-9]+) frames\/s\).*/\1/')
SUMMARY=$(grep 'frames captured' "$LOG")
CAPTURED=$(echo "$SUMMARY" | awk '{print $1}')
KERNEL=$(echo "$SUMMARY" | sed -E 's/.* ([0-9]+) dropped by the kernel.*/\1/')
QUEUE=$(echo "$SUMMARY" | sed -E 's/.* ([0-9]+) dropped by the queue.*/\1/')
echo "$SENT_LINE"
echo "cutover: $SUMMARY"
printf 'sent %d, captured %d, lost %d (%.3f%%); cutover counted %d kernel drops, %d queue drops; input backlog drops %d\n' \
  "$SENT" "$CAPTURED" "$((SENT - CAPTURED))" "$(echo "($SENT - $CAPTURED) * 100 / $SENT" | bc -l)" "$KERNEL" "$QUEUE" \
  "$BACKLOG"
UNCOUNTED=$((SENT - CAPTURED - KERNEL - QUEUE - BACKLOG))
if [ "$UNCOUNTED" -gt 0 ]; then
  echo "live-soak: $UNCOUNTED lost frames were counted by none of these (frames still in the kernel's buffer when the capture is stopped are lost this way)"
fi
if [ "$((HELD * 100))" -lt "$((RATE * 99))" ]; then
  echo "live-soak: the injector held $HELD frames/s, short of the $RATE asked (by more than 1%): these figures are for $HELD frames/s"
  exit 2
fi
