#!/usr/bin/env bash
# Builds what a salon installs, on Debian, into build/dist:
#   Companion-VERSION-windows-amd64.exe    the Windows program, cross-compiled with
#                                          mingw-w64: a GUI program (no console window)
#                                          with the icon, name and version in its resources
#   Companion-VERSION-linux-amd64.tar.xz   the Linux package: the program, its icon and
#                                          desktop entry, and a Makefile (sudo make install)
# Both are made by `fyne package` (fyne.io/tools), which reads the name, app
# ID, icon and version from FyneApp.toml; the version stamped into the
# program (companion --version, Help → About) is scripts/version.sh's.
#   scripts/dist.sh [windows] [linux]     (both when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/usr/local/go/bin:$PATH
PATH=$(go env GOPATH)/bin:$PATH

FYNE_TOOLS=v1.7.4 # fyne.io/tools, the `fyne` command
MINGW_CC=x86_64-w64-mingw32-gcc
out=build/dist
version=${VERSION:-$(scripts/version.sh)}
targets=("$@")
((${#targets[@]})) || targets=(windows linux)

if [[ $(fyne version 2>&1 || true) != *"cli version: $FYNE_TOOLS"* ]]; then
	echo "dist: installing fyne.io/tools/cmd/fyne@$FYNE_TOOLS"
	go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS"
fi

# fyne package writes beside the sources (the resource object, its metadata
# file, the program) and counts FyneApp.toml's Build up: all of it is put
# back or removed when it ends, however it ends.
toml=$(mktemp)
cp FyneApp.toml "$toml"
cleanup() {
	cp "$toml" FyneApp.toml && rm -f "$toml"
	rm -f fyne.syso fyne_metadata_init.go companion companion.exe companion.exe.manifest Companion.exe Companion.tar.xz
}
trap cleanup EXIT
rm -f fyne.syso fyne_metadata_init.go # left by a run that was killed
mkdir -p "$out"

# package OS: runs fyne package for OS, timed.
package() {
	local os=$1 t=$SECONDS
	shift
	GOFLAGS="-ldflags=-X=main.version=$version" fyne package --os "$os" --release "$@"
	echo "dist: fyne package --os $os: $((SECONDS - t)) s"
}

for target in "${targets[@]}"; do
	case $target in
	windows)
		command -v "$MINGW_CC" >/dev/null || { echo "dist: no $MINGW_CC: run scripts/deps.sh --dist" >&2; exit 1; }
		# An empty stand-in: fyne builds the program once, over it, with the
		# resources, instead of once without them and again with them.
		rm -f "$out"/Companion-*-windows-amd64.exe
		: >companion.exe
		CC=$MINGW_CC CGO_ENABLED=1 GOOS=windows GOARCH=amd64 package windows --executable companion.exe
		mv Companion.exe "$out/Companion-$version-windows-amd64.exe"
		;;
	linux)
		rm -f "$out"/Companion-*-linux-amd64.tar.xz
		# Built as `make build` builds (sharing its compiled packages), for
		# release; fyne package then makes the package around it.
		t=$SECONDS
		CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build -tags release \
			-ldflags "-s -w -X main.version=$version" -o "$out/linux/companion" .
		package linux --executable "$out/linux/companion"
		echo "dist: linux built and packaged in $((SECONDS - t)) s"
		mv Companion.tar.xz "$out/Companion-$version-linux-amd64.tar.xz"
		rm -rf "$out/linux"
		;;
	*)
		echo "dist: unknown target $target (windows, linux)" >&2
		exit 1
		;;
	esac
done
ls -l "$out"
