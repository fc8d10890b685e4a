# shellcheck shell=bash
# Shared helpers for the scripts that run the real window under Xvfb.
# Source it: . "$(dirname "$0")/lib.sh"

# Fyne logs locale errors on C and C.UTF-8: use a real locale name.
case ${LANG:-C} in C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac

# Real ImageMagick tools: the first `convert` on PATH may be something else.
IM_IMPORT=/usr/bin/import
IM_CONVERT=/usr/bin/convert

# The window's title in either language.
WINDOW_TITLE_RE='"(Компаньон|Companion)'

# has_window: true when the app's main window exists on $DISPLAY.
has_window() {
	xwininfo -root -tree 2>/dev/null | grep -qE "$WINDOW_TITLE_RE"
}

# wait_window PID SECONDS: waits for the window of process PID.
# Returns 0 when it is there, 1 on time out, 2 when the process died.
wait_window() {
	local pid=$1 secs=$2 i
	for ((i = 0; i < secs * 2; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			return 2
		fi
		if has_window; then
			return 0
		fi
		sleep 0.5
	done
	return 1
}

# grab OUT: screenshot of the whole screen (Fyne's own capture is blank under Xvfb).
grab() {
	"$IM_IMPORT" -window root "$1"
}

# window_geometry: WxH+X+Y of the app's window on the screen, for cropping.
window_geometry() {
	local id info
	id=$(xwininfo -root -tree 2>/dev/null | grep -E "$WINDOW_TITLE_RE" | awk 'NR == 1 { print $1 }')
	[[ -n "$id" ]] || return 1
	info=$(xwininfo -id "$id") || return 1
	awk -F: '/Absolute upper-left X/ { x = $2 } /Absolute upper-left Y/ { y = $2 }
		/^ *Width/ { w = $2 } /^ *Height/ { h = $2 }
		END { gsub(/ /, "", x); gsub(/ /, "", y); gsub(/ /, "", w); gsub(/ /, "", h)
			if (w > 0 && h > 0) printf "%sx%s+%s+%s\n", w, h, x, y; else exit 1 }' <<<"$info"
}

# colours FILE: how many distinct colours the picture has (1 when blank).
colours() {
	"$IM_CONVERT" "$1" -format '%k' info:
}

# stop_app PID: ends the app and waits for it.
stop_app() {
	local pid=$1 i
	kill "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 20; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
