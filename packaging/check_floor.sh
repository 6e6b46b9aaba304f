#!/usr/bin/env bash
# The oldest dependencies pyproject.toml allows must really work: install exactly the floor of
# every runtime dependency (">=X" becomes "==X") into a fresh venv, install the project on top
# with --no-deps, and run its self-test headlessly. The floors are read from pyproject.toml, so
# raising one there is all it takes. Run from anywhere; CI runs it from ci_packaging.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
python=${PYTHON:-python3}

# A package mirror can fail for a moment; try again before giving up (as .ci/run does).
retry() { "$@" || { sleep 10; "$@"; } || { sleep 30; "$@"; }; }

# A command substitution, not <(...), so that a requirement without a floor stops the script.
floors=$("$python" - <<'EOF'
import re, sys, tomllib

with open("pyproject.toml", "rb") as file:
    dependencies = tomllib.load(file)["project"]["dependencies"]
for requirement in dependencies:
    name, specifiers = re.fullmatch(r"\s*([A-Za-z0-9._-]+)\s*(.*)", requirement).groups()
    floors = [s.strip()[2:].strip() for s in specifiers.split(",") if s.strip().startswith(">=")]
    if len(floors) != 1:
        sys.exit(f"pyproject.toml: {requirement!r} has no single '>=' floor to test")
    print(f"{name}=={floors[0]}")
EOF
)
mapfile -t pins <<<"$floors"
echo "floor: ${pins[*]}"

venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"$python" -m venv "$venv"
retry "$venv/bin/pip" install --quiet "${pins[@]}"
# --no-deps: the project must not pull newer releases over the floor. Building it still fetches
# its build requirements (hatchling, sqlite-utils) into pip's isolated build environment.
retry "$venv/bin/pip" install --quiet --no-deps .
"$venv/bin/pip" check
"$venv/bin/python" -c 'import PySide6, numpy, pyqtgraph, rapidfuzz
print(f"installed: PySide6 {PySide6.__version__}, rapidfuzz {rapidfuzz.__version__},",
      f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}")'

# From the venv's folder and without GENAI_ATLAS_DB, so the database is the one in the wheel.
log="$venv/self-test.log"
if ! (cd "$venv" && env -u GENAI_ATLAS_DB QT_QPA_PLATFORM=offscreen \
  "$venv/bin/genai-atlas" --self-test >"$log" 2>&1); then
  cat "$log"
  exit 1
fi
# The chart line names the pyqtgraph and numpy that drew it.
grep '^ok   chart' "$log" || true
tail -n 1 "$log"
echo "floor check took $((SECONDS - started)) s"
