# The desktop bundle and its installation; included by the Makefile.
# PREFIX defaults to ~/.local (one user, no root); `make install PREFIX=/usr/local` for everyone.
PREFIX ?= $(HOME)/.local
DESTDIR ?=
BUNDLE := dist/genai-atlas/genai-atlas
BUNDLE_INPUTS := packaging/genai-atlas.spec packaging/launcher.py $(wildcard packaging/licenses/*) \
  $(wildcard resources/*.*) $(wildcard resources/icons/*/*.png) \
  $(shell find src/genai_atlas -name '*.py' -o -name '*.svg' 2>/dev/null) pyproject.toml LICENSE

.PHONY: bundle install uninstall

# --clean: a cached analysis can miss a PySide6 upgrade or downgrade in the venv.
$(BUNDLE): $(DB) $(STAMP) $(BUNDLE_INPUTS)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/genai-atlas.spec
	@touch $@

bundle: $(BUNDLE) ## build the desktop bundle dist/genai-atlas (PyInstaller, no Python needed)

install: $(BUNDLE) ## install the bundle, menu entry and icons under PREFIX (default ~/.local)
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" sh packaging/install.sh install

uninstall: ## remove exactly what `make install` put under PREFIX
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" sh packaging/install.sh uninstall
