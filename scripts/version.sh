#!/usr/bin/env bash
# Prints the version to stamp into the binary: Version from FyneApp.toml,
# with git's description of the commit appended when it is not a release tag
# (0.1.0+a1b2c3d, 0.1.0+a1b2c3d-dirty), or just the toml's when git can't tell.
set -euo pipefail
cd "$(dirname "$0")/.."
v=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml 2>/dev/null | head -n1)
g=$(git describe --tags --always --dirty 2>/dev/null || true)
if [[ -z "$v" ]]; then
	echo "${g:-dev}"
elif [[ -z "$g" || "$g" == "v$v" || "$g" == "$v" ]]; then
	echo "$v"
else
	echo "$v+$g"
fi
