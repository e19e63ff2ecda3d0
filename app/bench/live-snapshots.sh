#!/usr/bin/env bash
# What the live window's once-a-second snapshot costs over a long capture, without an interface: SECONDS x RATE
# frames fed into the live store at full speed, a snapshot taken after each simulated second as the window
# takes it. Prints per simulated minute and in total the bytes snapshots rewrote to temporary files, the heap
# they allocated and the time spent in them. Usage: app/bench/live-snapshots.sh [SECONDS=600] [RATE=1000] [RING=0]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package test-compile >/dev/null
CP="app/target/test-classes:app/target/classes:$(ls app/target/lib/*.jar | tr '\n' ':')"
exec java -Xmx2g -cp "$CP" dev.cutover.bench.LiveSnapshotBench "${1:-600}" "${2:-1000}" "${3:-0}"
