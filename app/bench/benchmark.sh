#!/usr/bin/env bash
# Cutover's benchmark: whole-process times of info, dissect (every frame) and dissect -Y over a deterministic
# ~1 GB capture, beside tcpdump and tshark run on the same file in the same run. Prints medians and ratios.
# Usage: app/bench/benchmark.sh [RUNS] [BYTES]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
BYTES=${2:-1000000000}
DIR=${BENCH_DIR:-app/target/bench}
FILE="$DIR/bench-$BYTES.pcap"
FILTER='arp or rarp or (vlan and (arp or rarp))'

./mvnw -q -B -DskipTests package test-compile >/dev/null
mkdir -p "$DIR"
CP="app/target/test-classes:app/target/classes:$(ls app/target/lib/*.jar | tr '\n' ':')"
[ -f "$FILE" ] || java -cp "$CP" dev.cutover.bench.BenchmarkCapture "$FILE" "$BYTES"
cat "$FILE" > /dev/null   # warm the page cache: every tool reads from memory

JAR=app/target/cutover.jar
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timeit() {   # prints the median wall time in seconds of RUNS runs of "$@" (output discarded)
  local i s e
  "$@" >/dev/null 2>&1 || true
  for i in $(seq "$RUNS"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo "scale=3; ($e - $s) / 1000000000" | bc
  done | median
}

echo "capture: $FILE ($(stat -c %s "$FILE") bytes), $RUNS runs each, median wall seconds"
declare -A T
T[info]=$(timeit java -jar "$JAR" info "$FILE")
T[dissect]=$(timeit sh -c "java -jar $JAR dissect --format jsonl '$FILE' > /dev/null")
T[filter]=$(timeit sh -c "java -jar $JAR dissect -Y 'arp.opcode == 3' --format jsonl '$FILE' > /dev/null")
T[analyze]=$(timeit java -jar "$JAR" analyze "$FILE")
if command -v tcpdump >/dev/null; then
  T[tcpdump]=$(timeit sh -c "tcpdump -n -r '$FILE' '$FILTER' > /dev/null 2>&1")
fi
if command -v tshark >/dev/null && [ "${SKIP_TSHARK:-0}" != 1 ]; then
  T[tshark]=$(RUNS=1 timeit sh -c "tshark -n -r '$FILE' -Y 'arp.opcode == 3' -T ek > /dev/null 2>&1")
fi
for k in info dissect filter analyze tcpdump tshark; do
  [ -n "${T[$k]:-}" ] && printf '%-10s %8.3f s\n' "$k" "${T[$k]}"
done
if [ -n "${T[tcpdump]:-}" ]; then
  echo "ratios against tcpdump's filtered pass (below 1 is faster):"
  printf '  cutover info    / tcpdump  %6.2f\n' "$(echo "${T[info]} / ${T[tcpdump]}" | bc -l)"
  printf '  cutover dissect / tcpdump  %6.2f\n' "$(echo "${T[dissect]} / ${T[tcpdump]}" | bc -l)"
  printf '  cutover -Y      / tcpdump  %6.2f\n' "$(echo "${T[filter]} / ${T[tcpdump]}" | bc -l)"
  printf '  cutover analyze / tcpdump  %6.2f\n' "$(echo "${T[analyze]} / ${T[tcpdump]}" | bc -l)"
fi
if [ -n "${T[tshark]:-}" ]; then
  printf '  cutover -Y / tshark -Y (same filter)  %6.2f\n' "$(echo "${T[filter]} / ${T[tshark]}" | bc -l)"
fi
java -jar "$JAR" info --index-stats "$FILE" | grep -i 'index'
