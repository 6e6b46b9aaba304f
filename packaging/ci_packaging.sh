#!/usr/bin/env bash
# CI, after the test suite: build the desktop bundle, run its self-test with no Python around,
# validate the desktop entry and the AppStream metainfo, run the self-test on the oldest
# dependencies pyproject.toml allows, and check that `make install` / `make uninstall` leave a
# prefix exactly as they found it. Run from the project root.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=io.github.genai_atlas.GenAIAtlas
step() { printf '\n== %s\n' "$*"; }

step "bundle (PyInstaller)"
make bundle
du -sh dist/genai-atlas

step "self-test of the bundle, with no venv, no PATH and no Python variables"
env -i HOME="$HOME" dist/genai-atlas/genai-atlas --self-test

step "desktop entry and AppStream metainfo"
# desktop-file-validate exits 0 on warnings; any output at all fails here.
out=$(desktop-file-validate "resources/$APP_ID.desktop" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi
echo "desktop-file-validate: clean"
appstreamcli validate --no-net "resources/$APP_ID.metainfo.xml"

step "pip install . into a fresh venv: the wheel carries the database and resources"
venv=$(mktemp -d)
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet . 2>/dev/null || "$venv/bin/pip" install .  # else show why
(cd "$venv" && env -u GENAI_ATLAS_DB "$venv/bin/genai-atlas" --self-test | tail -n 1)
# Through a file, not "| head": the CLI reports a reader that quits early as a broken pipe
# (exit 1), and pipefail would take that for a failure.
(cd "$venv" && "$venv/bin/genai-atlas" show model/gpt-4 > "$venv/show.txt")
head -n 2 "$venv/show.txt"
rm -rf "$venv"

step "the oldest dependencies pyproject.toml allows, in a second venv: self-test"
packaging/check_floor.sh

step "make install / make uninstall into an empty prefix"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
make install PREFIX="$prefix"
test -x "$prefix/bin/genai-atlas"
test -f "$prefix/share/icons/hicolor/512x512/apps/$APP_ID.png"
test -f "$prefix/share/icons/hicolor/scalable/apps/$APP_ID.svg"
test -f "$prefix/share/metainfo/$APP_ID.metainfo.xml"
out=$(desktop-file-validate "$prefix/share/applications/$APP_ID.desktop" 2>&1) || true
if [ -n "$out" ]; then echo "$out"; exit 1; fi
env -i HOME="$HOME" "$prefix/bin/genai-atlas" --self-test | tail -n 1
make uninstall PREFIX="$prefix"
left=$(find "$prefix" -mindepth 1)
if [ -n "$left" ]; then
  echo "make uninstall left these behind:"
  echo "$left"
  exit 1
fi
echo "uninstall left $prefix empty"
