#!/usr/bin/env bash
# Takes docs/desktop.png: the main window on the bundled ESXi sample, frame 41 (the first RARP
# notification) selected, on a virtual X screen of exactly the window's size.
# docs/screenshot.sh timeline takes docs/timeline.png instead: the timeline on the teamed-uplinks sample.
# Needs (Debian): apt-get install xvfb libgtk-3-0 imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
W=1600 H=900
OUT=docs/desktop.png
ARGS="sample-captures/esxi-vmotion-vlan10.pcap"
if [ "${1:-}" = timeline ]; then
  OUT=docs/timeline.png
  ARGS="--timeline=true sample-captures/esxi-team-vusb1.pcapng sample-captures/esxi-team-vusb2.pcapng"
fi
./mvnw -q -B -o -DskipTests package
CP="app/target/cutover.jar:$(ls app/target/lib/*.jar | tr '\n' ':')app/target/test-classes"
xvfb-run -a -s "-screen 0 ${W}x${H}x24" bash -c "
  java -cp '$CP' dev.cutover.ui.ScreenshotScene --width=$W --height=$H $ARGS &
  app=\$!
  sleep \${SHOT_DELAY:-8}
  import -window root $OUT
  kill \$app
"
echo "wrote $OUT"
