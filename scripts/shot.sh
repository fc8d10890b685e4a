#!/usr/bin/env bash
# Runs under xvfb-run: opens one tab of the app, waits for its window, takes a
# screenshot of the screen and closes the app.
#   xvfb-run -a -s "-screen 0 1366x768x24" scripts/shot.sh TAB OUT.png DB [LANG]
# BIN names the binary (default build/companion).
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"

tab=$1 out=$2 db=$3 lang=${4:-ru}
bin=${BIN:-$here/../build/companion}

log=$(mktemp)
"$bin" --db "$db" --tab "$tab" --lang "$lang" >"$log" 2>&1 &
pid=$!
trap 'stop_app $pid; rm -f "$log"' EXIT

if wait_window "$pid" 60; then
	sleep 2
	grab "$out"
	# Keep the window only, not the empty screen around it.
	if geom=$(window_geometry); then
		"$IM_CONVERT" "$out" -crop "$geom" +repage "$out"
	fi
	echo "shot: $tab -> $out ($(colours "$out") colours)"
else
	rc=$?
	echo "shot: $tab: no window after 60 s (wait: $rc); the app said:" >&2
	sed 's/^/    /' "$log" >&2
	exit 1
fi
