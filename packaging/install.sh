#!/bin/sh
# Installs the desktop bundle (dist/genai-atlas) for one user or system-wide, and removes it again.
#
#   PREFIX=~/.local sh packaging/install.sh install     (what `make install` runs)
#   PREFIX=~/.local sh packaging/install.sh uninstall   (what `make uninstall` runs)
#
# Every file and every folder that `install` creates is written to a manifest inside the installed
# bundle folder; `uninstall` removes exactly those, folders only when they are empty, so nothing
# that was there before (or was added since by something else) is touched. DESTDIR is honoured for
# staged installs by packagers.
set -eu

APP_ID=io.github.genai_atlas.GenAIAtlas
NAME=genai-atlas
HERE=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${GENAI_ATLAS_BUNDLE:-$HERE/dist/$NAME}  # the tests install a stand-in
PREFIX=${PREFIX:-$HOME/.local}
DESTDIR=${DESTDIR:-}
ROOT="$DESTDIR$PREFIX"
LIBDIR="$ROOT/lib/$NAME"
MANIFEST="$LIBDIR/.install-manifest"
ICON_SIZES="16 32 48 64 128 256 512"

say() { printf '%s\n' "$*"; }
die() { printf '%s: %s\n' "$NAME install" "$*" >&2; exit 1; }

# The list of what this run creates, kept outside the install until it is complete.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/$NAME-install.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RECORD="$WORK/manifest"
: >"$RECORD"

# mkdir -p that records each folder it creates, so uninstall can remove exactly those.
make_dir() {
  [ -d "$1" ] && return 0
  make_dir "$(dirname "$1")"
  mkdir "$1"
  printf 'd %s\n' "$1" >>"$RECORD"
}

# install_file SOURCE TARGET MODE: copy a file into place (atomically) and record it.
install_file() {
  make_dir "$(dirname "$2")"
  cp "$1" "$2.tmp-$$"
  chmod "$3" "$2.tmp-$$"
  mv -f "$2.tmp-$$" "$2"
  printf 'f %s\n' "$2" >>"$RECORD"
}

refuse_foreign() {
  if [ -e "$1" ] || [ -L "$1" ]; then
    die "$1 already exists and was not installed by 'make install' (a pip install?); remove it or choose another PREFIX"
  fi
}

# Desktops read the hicolor icon cache and the desktop database when they exist; a stale one hides
# new icons. They are refreshed only where they exist: creating them in ~/.local would leave files
# behind that nothing else keeps up to date.
refresh_caches() {
  [ -n "$DESTDIR" ] && return 0
  apps="$ROOT/share/applications"
  icons="$ROOT/share/icons/hicolor"
  if [ -f "$apps/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" || say "note: update-desktop-database $apps failed"
  fi
  if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$icons" || say "note: gtk-update-icon-cache $icons failed"
  fi
  if [ -d "$icons" ]; then touch "$icons"; fi
}

uninstall() {
  if [ ! -f "$MANIFEST" ]; then
    say "nothing to uninstall: no $MANIFEST (GenAI Atlas is not installed under $ROOT)"
    return 0
  fi
  cp "$MANIFEST" "$WORK/installed"
  # Files first, then folders deepest first (a reverse sort puts a folder after its contents),
  # and a folder only if it is empty: anything added there since stays.
  sed -n 's/^f //p' "$WORK/installed" | while IFS= read -r file; do rm -f "$file"; done
  rm -f "$MANIFEST"
  sed -n 's/^d //p' "$WORK/installed" | sort -r | while IFS= read -r dir; do
    rmdir "$dir" 2>/dev/null || true
  done
  refresh_caches
  say "uninstalled GenAI Atlas from $ROOT"
}

install() {
  [ -x "$BUNDLE/$NAME" ] || die "no bundle in $BUNDLE: run 'make bundle' first"
  if [ -f "$MANIFEST" ]; then
    say "replacing the GenAI Atlas installed under $ROOT"
    uninstall >/dev/null
    : >"$RECORD"
  fi
  for target in "$LIBDIR" "$ROOT/bin/$NAME" "$ROOT/share/applications/$APP_ID.desktop" \
    "$ROOT/share/metainfo/$APP_ID.metainfo.xml" \
    "$ROOT/share/icons/hicolor/scalable/apps/$APP_ID.svg"; do
    refuse_foreign "$target"
  done

  # The bundle: copied whole (symlinks kept) next to its place, then moved there in one step.
  make_dir "$ROOT/lib"
  cp -a "$BUNDLE" "$ROOT/lib/.$NAME.new-$$"
  mv "$ROOT/lib/.$NAME.new-$$" "$LIBDIR"
  printf 'd %s\n' "$LIBDIR" >>"$RECORD"
  (cd "$LIBDIR" && find . -mindepth 1 -type d) | sed "s|^\./|d $LIBDIR/|" >>"$RECORD"
  (cd "$LIBDIR" && find . ! -type d) | sed "s|^\./|f $LIBDIR/|" >>"$RECORD"

  # The launcher: the desktop entry and a terminal both run it.
  printf '#!/bin/sh\n# GenAI Atlas launcher, written by make install.\nexec "%s" "$@"\n' \
    "$PREFIX/lib/$NAME/$NAME" >"$WORK/launcher"
  install_file "$WORK/launcher" "$ROOT/bin/$NAME" 755

  # The desktop entry runs the launcher by its full path: ~/.local/bin is not always on the PATH
  # of a desktop session.
  sed -e "s|^Exec=$NAME|Exec=$PREFIX/bin/$NAME|" -e "s|^TryExec=$NAME|TryExec=$PREFIX/bin/$NAME|" \
    "$HERE/resources/$APP_ID.desktop" >"$WORK/entry"
  install_file "$WORK/entry" "$ROOT/share/applications/$APP_ID.desktop" 644

  install_file "$HERE/resources/$APP_ID.metainfo.xml" "$ROOT/share/metainfo/$APP_ID.metainfo.xml" 644
  install_file "$HERE/resources/$APP_ID.svg" \
    "$ROOT/share/icons/hicolor/scalable/apps/$APP_ID.svg" 644
  for size in $ICON_SIZES; do
    install_file "$HERE/resources/icons/${size}x$size/$APP_ID.png" \
      "$ROOT/share/icons/hicolor/${size}x$size/apps/$APP_ID.png" 644
  done

  printf 'f %s\n' "$MANIFEST" >>"$RECORD"
  cp "$RECORD" "$MANIFEST"
  refresh_caches
  say "installed GenAI Atlas under $ROOT: run $PREFIX/bin/$NAME, or find it in the desktop's menu"
}

case "${1:-}" in
  install) install ;;
  uninstall) uninstall ;;
  *) die "usage: PREFIX=DIR $0 install|uninstall" ;;
esac
