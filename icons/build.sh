#!/usr/bin/env bash
# Renders icons/cutover.svg into every file the window and the installers use. The outputs are committed,
# so a build needs none of these tools; run this again after editing the SVG.
# Needs (Debian): apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"

sizes=(16 24 32 48 64 128 256 512 1024)
mkdir -p png
for s in "${sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" cutover.svg --output "png/cutover-$s.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar ask for (256 is stored as PNG).
convert png/cutover-{16,24,32,48,64,128,256}.png -strip cutover.ico

# macOS: png2icns takes the sizes it has slots for (16, 32, 48, 128, 256, 512, 1024).
png2icns cutover.icns png/cutover-{16,32,48,128,256,512,1024}.png >/dev/null

# The window icon, loaded from the class path by the desktop application.
res=../app/src/main/resources/dev/cutover/ui/icons
mkdir -p "$res"
for s in 16 32 48 64 128 256; do
  cp "png/cutover-$s.png" "$res/cutover-$s.png"
done
echo "icons: png/ (${sizes[*]}), cutover.ico, cutover.icns, $res"
