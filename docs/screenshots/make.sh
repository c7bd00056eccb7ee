#!/usr/bin/env bash
# Makes the README's screenshots again, with the app's own --screenshot, in
# a real window on a virtual display (needs Xvfb). Run from anywhere:
#
#   bash docs/screenshots/make.sh
#
# Each picture is taken on a copy of the example book, so no lock file or
# recent-files entry is left behind, and with the date fixed so that the
# pictures only change when the app does.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet --bin relplan
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
relplan="$target_dir/release/relplan"
work=/tmp/relplan-screenshots
rm -rf "$work" && mkdir -p "$work"
d=98
Xvfb :$d -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=:$d RELPLAN_CONFIG_DIR="$work/config" RELPLAN_DATA_DIR="$work/data" RELPLAN_TODAY=2026-11-27
cp assets/examples/northwind-payments.ron "$work/northwind-payments.ron"
shot() { # OUT SIZE ARGS...
  local out=$1 size=$2
  shift 2
  "$relplan" "$work/northwind-payments.ron" "$@" --size "$size" --screenshot "docs/screenshots/$out"
  echo "made docs/screenshots/$out"
}
shot release-light.png 1400x860 --view release --release REL-4 --theme light
shot release-dark.png 1400x860 --view release --release REL-4 --theme dark
shot release-projector.png 1400x860 --view release --release REL-4 --theme projector
shot book-light.png 1400x860 --view book --theme light
shot history-light.png 1400x860 --view history --release REL-4 --theme light
shot calendar-light.png 1400x860 --view calendar --theme light
shot risks-light.png 1400x860 --view risks --theme light
shot checks-light.png 1400x860 --view checks --theme light
shot present-acceptance.png 1920x1080 --view present --release REL-4 --slide 6 --theme projector
