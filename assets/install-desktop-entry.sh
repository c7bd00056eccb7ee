#!/usr/bin/env bash
# Adds Relplan to the desktop's application menu for the current user: the
# launcher (relplan.desktop) and its icon, named "relplan" as the launcher
# expects. Run it after `cargo install --path .` so that `relplan` is on
# the PATH. Nothing outside ~/.local/share is touched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
install -D -m 644 "$here/relplan-icon.png" "$data/icons/hicolor/256x256/apps/relplan.png"
install -D -m 644 "$here/relplan.desktop" "$data/applications/relplan.desktop"
if command -v update-desktop-database >/dev/null; then
    update-desktop-database "$data/applications" || true
fi
echo "Relplan is in the application menu (launcher: $data/applications/relplan.desktop)."
