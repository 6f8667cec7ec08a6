#!/usr/bin/env bash
# Regenerates screenshots/: one text and one SVG picture of each main screen at 120x36
# (and text at 80x24),
# rendered headlessly from the built-in corpus (the same code that draws the terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
# PROFILE=debug reuses the test build (the pictures are the same).
profile=${PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
bin=target/$profile/zhaoshang
mkdir -p screenshots
shoot() { # NAME [screenshot flags...]
  local name=$1; shift
  "$bin" screenshot "$@" --size 120x36 -o "screenshots/$name.txt"
  "$bin" screenshot "$@" --size 120x36 -o "screenshots/$name.svg"
}
shoot start
shoot reader --view reader
shoot gauges --view gauges
shoot search-pinyin --view search
shoot compare --view compare
shoot overview --view overview
shoot tree --view tree
shoot trend --view trend
shoot help --view help
shoot source --view source
shoot gauges-mono --view gauges --theme mono
shoot reader-ambiwide --view reader --ambiwide
# The smallest common terminal: what fits, and what says where the rest is.
"$bin" screenshot --view reader --size 80x24 -o screenshots/reader-80x24.txt
"$bin" screenshot --view help --size 80x24 -o screenshots/help-80x24.txt
"$bin" screenshot --view gauges --size 80x24 -o screenshots/gauges-80x24.txt
"$bin" screenshot --view compare --size 80x24 -o screenshots/compare-80x24.txt
"$bin" screenshot --view overview --size 80x24 -o screenshots/overview-80x24.txt
"$bin" screenshot --view tree --size 80x24 -o screenshots/tree-80x24.txt
echo "screenshots/ regenerated"
