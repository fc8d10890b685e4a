#!/usr/bin/env bash
# Draws assets/icon.png: a calm teal rounded square with a white leaf.
# Needs ImageMagick (make deps). Run from anywhere: bash scripts/icon.sh
set -euo pipefail
cd "$(dirname "$0")/.."

teal='#2f8f89'
dark='#256f6a'
out=assets/icon.png

/usr/bin/convert -size 512x512 xc:none \
	-fill "$dark" -draw 'roundrectangle 24,32 487,495 104,104' \
	-fill "$teal" -draw 'roundrectangle 24,20 487,483 104,104' \
	-fill white -stroke none \
	-draw 'path "M 140,380 C 130,230 230,130 392,124 C 394,290 300,388 140,380 Z"' \
	-fill none -stroke "$teal" -strokewidth 12 -draw 'stroke-linecap round path "M 176,346 Q 262,268 344,174"' \
	-stroke white -strokewidth 18 -draw 'stroke-linecap round line 150,372 112,410' \
	-strip "PNG32:$out"
echo "wrote $out"
