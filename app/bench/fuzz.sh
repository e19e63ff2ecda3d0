#!/usr/bin/env bash
# Fuzzes every Jazzer target of Cutover for real, one after the other, FUZZ_SECONDS each (default 600), and
# prints a table: executions, executions per second, coverage (libFuzzer's cov: edges and ft: features),
# corpus size, crashes found in this run. Plain `./mvnw verify` only replays each target's committed seeds; this runs the fuzzer.
#
# Usage: app/bench/fuzz.sh [TARGET...]        (TARGET: a class's simple name, e.g. FilterFuzzTest; default all)
#   FUZZ_SECONDS  seconds per target (default 600)
#   FUZZ_DIR      where the growing corpus and crashes are kept, outside the repository
#                 (default ${XDG_CACHE_HOME:-~/.cache}/cutover-fuzz): a later run starts from what earlier ones found
#   FUZZ_XMX      heap of the fuzzing JVM (default 1g)
#   MVN_FLAGS     extra flags for the build, e.g. -o to build offline
#
# A crash stops that target's run and leaves the input in FUZZ_DIR/crashes/TARGET/. Turn it into a regression
# seed: fix the cause, then copy the file into the target's seed folder printed below (under
# app/src/test/resources/.../<Class>Inputs/<method>/); `./mvnw verify` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
DIR=${FUZZ_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cutover-fuzz}
XMX=${FUZZ_XMX:-1g}

TARGETS=(
  "dev.cutover.capture.CaptureFuzzTest openAnyBytes"
  "dev.cutover.capture.text.TextCaptureFuzzTest anyTextParsesIntoFramesInsideItsData"
  "dev.cutover.dissect.DissectorFuzzTest anyFrameDecodesWithoutEscapingExceptions"
  "dev.cutover.filter.FilterFuzzTest anyTextCompilesOrIsRejected"
  "dev.cutover.annotations.SidecarFuzzTest anySidecarLoadsOrIsRefusedByName"
)

# a misspelt target would otherwise fuzz nothing and print an empty table
for wanted in "$@"; do
  known=no
  for t in "${TARGETS[@]}"; do
    read -r class _ <<<"$t"
    [ "${class##*.}" = "$wanted" ] && known=yes
  done
  if [ $known = no ]; then
    echo "fuzz.sh: no fuzz target $wanted; the targets are:$(for t in "${TARGETS[@]}"; do read -r c _ <<<"$t"; printf ' %s' "${c##*.}"; done)" >&2
    exit 2
  fi
done

# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath -pl app \
  -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="$PWD/app/target/test-classes:$PWD/app/target/classes:$(cat app/target/fuzz-classpath.txt)"
mkdir -p "$DIR"
ROWS=()
for t in "${TARGETS[@]}"; do
  read -r class method <<<"$t"
  simple=${class##*.}
  if [ $# -gt 0 ] && [[ " $* " != *" $simple "* ]]; then
    continue
  fi
  name="$simple.$method"
  corpus="$DIR/corpus/$name"
  crashes="$DIR/crashes/$name"
  seeds="$PWD/app/src/test/resources/$(dirname "${class//.//}")/${simple}Inputs/$method"
  mkdir -p "$corpus" "$crashes"
  log="$DIR/$name.log"
  before=$(find "$crashes" -type f | wc -l)
  echo "== $name: $SECONDS_EACH s (corpus $corpus, seeds $seeds)"
  # the first folder receives what the fuzzer finds; the committed seeds are read, never written
  (cd "$DIR" && java -Xmx"$XMX" -cp "$CP" com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --target_method="$method" --instrumentation_includes='dev.cutover.**' \
      "$corpus" "$seeds" -max_total_time="$SECONDS_EACH" -artifact_prefix="$crashes/" -print_final_stats=1 \
      >"$log" 2>&1) || true
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  [ -n "$runs" ] || runs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")
  rate=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo '?')
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo '?')
  corp=$(grep -oE 'corp: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo '?')
  found=$(( $(find "$crashes" -type f | wc -l) - before ))
  if grep -qE 'Test unit written to|== Java Exception' "$log"; then
    echo "   CRASH: see $log; the input is in $crashes/"
  fi
  ROWS+=("$(printf '%-62s %10s %8s %7s %7s %7s %7s' "$name" "${runs:-?}" "${rate:-?}" "$cov" "$ft" "$corp" "$found")")
done
printf '\n%-62s %10s %8s %7s %7s %7s %7s\n' target executions exec/s cov ft corpus crashes
printf '%s\n' "${ROWS[@]}"
