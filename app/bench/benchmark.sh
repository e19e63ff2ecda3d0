#!/usr/bin/env bash
# Cutover's benchmark: whole-process times of analyze (text and json), info and dissect -Y over two ~1 GB
# captures, a light one (about 4 % ARP family) and a migration-dense one (10 % ARP family, thousands of
# migrations), beside tcpdump (and, on the light one, tshark) run on the same file in the same run.
# Prints medians, every ratio against tcpdump, analyze's peak resident memory and the index's bytes per frame.
# Usage: app/bench/benchmark.sh [RUNS] [BYTES]
#   BENCH_DIR     where the captures are written (default app/target/bench)
#   DENSE         a dense capture to use instead of generating one with ../shared/bench/genpcap.py
#   SKIP_TSHARK=1 leaves tshark out; SKIP_FULL=1 leaves out dissect of every frame (light file only)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
BYTES=${2:-1000000000}
DIR=${BENCH_DIR:-app/target/bench}
LIGHT="$DIR/bench-$BYTES.pcap"
DENSE=${DENSE:-$DIR/dense-$BYTES.pcap}
FILTER='arp or rarp or (vlan and (arp or rarp))'

./mvnw -q -B -DskipTests package test-compile >/dev/null
mkdir -p "$DIR"
CP="app/target/test-classes:app/target/classes:$(ls app/target/lib/*.jar | tr '\n' ':')"
[ -f "$LIGHT" ] || java -cp "$CP" dev.cutover.bench.BenchmarkCapture "$LIGHT" "$BYTES"
if [ ! -f "$DENSE" ]; then
  if [ -f ../shared/bench/genpcap.py ]; then
    python3 ../shared/bench/genpcap.py "$DENSE" --bytes "$BYTES" --seed 1 >/dev/null
  else
    echo "no dense capture: set DENSE=FILE or provide ../shared/bench/genpcap.py" >&2
    DENSE=
  fi
fi

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
peak() {     # prints the median peak resident memory in MB of RUNS runs of "$@"
  local i
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1
  done | median | awk '{printf "%.0f", $1 / 1024}'
}
ratio() { printf '%6.2f' "$(echo "$1 / $2" | bc -l)"; }

bench() {    # one capture: every command, then every ratio against tcpdump
  local FILE=$1 NAME=$2
  declare -A T
  cat "$FILE" > /dev/null   # warm the page cache: every tool reads from memory
  echo "== $NAME: $FILE ($(stat -c %s "$FILE") bytes), $RUNS runs each, median wall seconds"
  T[tcpdump]=$(timeit sh -c "tcpdump -nn -r '$FILE' '$FILTER' > /dev/null 2>&1")
  T[analyze]=$(timeit java -jar "$JAR" analyze "$FILE")
  T[json]=$(timeit java -jar "$JAR" analyze --format json "$FILE")
  T[info]=$(timeit java -jar "$JAR" info "$FILE")
  T[filter]=$(timeit sh -c "java -jar $JAR dissect -Y 'arp.opcode == 3' --format jsonl '$FILE' > /dev/null")
  T[tcpdump2]=$(timeit sh -c "tcpdump -nn -r '$FILE' '$FILTER' > /dev/null 2>&1")
  # tcpdump runs before and after cutover's commands: the reference is the mean of the two medians
  T[tcpdump]=$(printf '%s\n%s\n' "${T[tcpdump]}" "${T[tcpdump2]}" | awk '{s+=$1} END {printf "%.3f", s/NR}')
  if [ "$NAME" = light ] && [ "${SKIP_FULL:-0}" != 1 ]; then
    T[dissect]=$(timeit sh -c "java -jar $JAR dissect --format jsonl '$FILE' > /dev/null")
  fi
  if [ "$NAME" = light ] && command -v tshark >/dev/null && [ "${SKIP_TSHARK:-0}" != 1 ]; then
    T[tshark]=$(RUNS=1 timeit sh -c "tshark -n -r '$FILE' -Y 'arp.opcode == 3' -T ek > /dev/null 2>&1")
  fi
  printf '  %-44s %8.3f s\n' "tcpdump -nn -r FILE '$FILTER'" "${T[tcpdump]}" \
    "cutover analyze" "${T[analyze]}" "cutover analyze --format json" "${T[json]}" \
    "cutover info" "${T[info]}" "cutover dissect -Y 'arp.opcode == 3' --format jsonl" "${T[filter]}"
  [ -n "${T[dissect]:-}" ] && printf '  %-44s %8.3f s\n' "cutover dissect --format jsonl" "${T[dissect]}"
  [ -n "${T[tshark]:-}" ] && printf '  %-44s %8.3f s\n' "tshark -Y 'arp.opcode == 3' -T ek (1 run)" "${T[tshark]}"
  echo "  ratios against tcpdump (below 1 is faster):"
  echo "    analyze $(ratio "${T[analyze]}" "${T[tcpdump]}")   analyze --format json $(ratio "${T[json]}" "${T[tcpdump]}")" \
    "  info $(ratio "${T[info]}" "${T[tcpdump]}")   dissect -Y $(ratio "${T[filter]}" "${T[tcpdump]}")"
  [ -n "${T[dissect]:-}" ] && echo "    dissect (every frame) $(ratio "${T[dissect]}" "${T[tcpdump]}")"
  [ -n "${T[tshark]:-}" ] && echo "    dissect -Y / tshark -Y (same filter) $(ratio "${T[filter]}" "${T[tshark]}")"
  echo "  analyze peak resident memory: $(peak java -jar "$JAR" analyze "$FILE") MB (median of $RUNS)"
  java -jar "$JAR" info --index-stats "$FILE" | grep -i 'index' | sed 's/^/  /'
}

bench "$LIGHT" light
[ -n "$DENSE" ] && bench "$DENSE" dense
