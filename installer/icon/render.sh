#!/usr/bin/env bash
# Renders the committed icon files from dhp-forms.svg. Run only after editing the SVG;
# the build scripts use the committed PNG/ICO/ICNS and never call this.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" dhp-forms.svg -o "$tmp/$s.png"
done
cp "$tmp/256.png" dhp-forms.png                      # Linux (.deb) icon
convert "$tmp"/{16,32,48,64,128,256}.png dhp-forms.ico # Windows (.msi) icon
png2icns dhp-forms.icns "$tmp"/{16,32,128,256,512}.png >/dev/null # macOS (.dmg) icon
ls -l dhp-forms.png dhp-forms.ico dhp-forms.icns
