#!/usr/bin/env bash
# Retakes the README's screenshots: the main window at 1600x1000 and at 1280x800 on the bundled ESXi sample
# (the first RARP notification selected, its opcode picked in the tree), the timeline on the teamed-uplinks
# sample, the Findings view on the silent-VM sample, a migration's outcome on the lost-ping sample, the dark theme, and a big capture (483,310 frames written by
# ../shared/bench/genpcap.py; skipped when ../shared is absent). Each window runs on a virtual X screen of its own
# size; the picture is taken once the window says it has settled.
# Needs (Debian): apt-get install xvfb libgtk-3-0 imagemagick
# docs/screenshot.sh NAME... retakes only those (desktop-1600 desktop-1280 timeline findings outcome dark big).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests package
./mvnw -q -B -o test-compile
CP="app/target/classes:$(ls app/target/lib/*.jar | tr '\n' ':')app/target/test-classes"
S=sample-captures
BIG=${BIG:-/tmp/cutover-big-300mb.pcap}

shot() { # shot NAME WIDTH HEIGHT ARGS...
  local name=$1 w=$2 h=$3; shift 3
  local ready; ready=$(mktemp -u)
  xvfb-run -a -s "-screen 0 ${w}x${h}x24" bash -c "
    java -cp '$CP' dev.cutover.ui.ScreenshotScene --width=$w --height=$h --ready=$ready $* &
    app=\$!
    for i in \$(seq 1 ${SHOT_TIMEOUT:-600}); do [ -e $ready ] && break; sleep 1; done
    import -window root docs/$name.png
    kill \$app
  "
  rm -f "$ready"
  echo "wrote docs/$name.png"
}

names=("$@")
sel() { [ ${#names[@]} -eq 0 ] && return 0; for n in "${names[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1; }

sel desktop-1600 && shot desktop-1600 1600 1000 --frame=41 --field=arp.opcode $S/esxi-vmotion-vlan10.pcap
sel desktop-1280 && shot desktop-1280 1280 800 --frame=41 --field=arp.opcode $S/esxi-vmotion-vlan10.pcap
sel timeline && shot timeline 1600 1000 --migration=true $S/esxi-team-vusb1.pcapng $S/esxi-team-vusb2.pcapng
sel findings && shot findings 1600 1000 --tab=findingsTab --frame=42 $S/silent-vm-rarp-no-garp.pcap
sel outcome && shot outcome 1600 1000 --migration=true $S/vmotion-ping-3-lost.pcap
sel dark && shot dark 1600 1000 --theme=dark --frame=44 --field=arp.isgratuitous $S/esxi-vmotion-vlan10.pcap
if sel big; then
  if [ -d ../shared/bench ]; then
    [ -e "$BIG" ] || python3 ../shared/bench/genpcap.py "$BIG" --bytes 300000000 --seed 1 >/dev/null
    shot big 1600 1000 --migration=true "$BIG"
  else
    echo "../shared/bench not found: the big-capture screenshot is skipped" >&2
  fi
fi
