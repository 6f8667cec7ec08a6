#!/usr/bin/env bash
# Regenerates screenshots/: one text and one SVG picture of each main screen at 120x36,
# rendered headlessly from the built-in corpus (the same code that draws the terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/zhaoshang
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
shoot help --view help
shoot source --view source
shoot gauges-mono --view gauges --theme mono
shoot reader-ambiwide --view reader --ambiwide
echo "screenshots/ regenerated"
