#!/usr/bin/env bash
# Takes docs/desktop.png: the main window on the bundled ESXi sample, frame 41 (the first RARP
# notification) selected, on a virtual X screen of exactly the window's size.
# Needs (Debian): apt-get install xvfb libgtk-3-0 imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
W=1600 H=900
./mvnw -q -B -DskipTests package
CP="app/target/cutover.jar:$(ls app/target/lib/*.jar | tr '\n' ':')app/target/test-classes"
xvfb-run -a -s "-screen 0 ${W}x${H}x24" bash -c "
  java -cp '$CP' dev.cutover.ui.ScreenshotScene --width=$W --height=$H sample-captures/esxi-vmotion-vlan10.pcap &
  app=\$!
  sleep \${SHOT_DELAY:-8}
  import -window root docs/desktop.png
  kill \$app
"
echo "wrote docs/desktop.png"
