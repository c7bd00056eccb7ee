#!/usr/bin/env bash
# Start-up benchmark: time from the start of `main` to the end of the first
# frame, for Relplan with the example book and for a minimal eframe window,
# in a real window on a virtual display. Prints BENCH lines.
#
#   bash benches/startup.sh        (needs Xvfb: apt-get install xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin relplan --example minimal_window
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
d=97
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
export DISPLAY=:$d RELPLAN_CONFIG_DIR=$(mktemp -d) RELPLAN_DATA_DIR=$(mktemp -d)
measure() {
  local best=""
  for _ in 1 2 3 4 5; do
    ms=$("$@" 2>/dev/null | sed -n 's/^FIRST_FRAME_MS //p')
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $ms < $best else 1)"; then best=$ms; fi
  done
  echo "$best"
}
relplan=$(RELPLAN_EXIT_AFTER_FIRST_FRAME=1 measure "$target_dir/release/relplan" assets/examples/northwind-payments.ron)
minimal=$(measure "$target_dir/release/examples/minimal_window")
echo "BENCH startup_first_frame_relplan $relplan ms"
echo "BENCH startup_first_frame_minimal $minimal ms"
echo "BENCH startup_ratio $(python3 -c "print(round($relplan / $minimal, 2))") x"
