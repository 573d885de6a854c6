# Trợ Đọc — the two commands: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PORT ?= 5000
APT_PACKAGES_RUN := espeak-ng lame ffmpeg
# The browser suite runs in four engines: Chromium, Firefox ESR, WebKitGTK (under Xvfb) and WPE WebKit;
# PulseAudio gives Firefox and WebKit an audio device to play into.
# The WordPress plugin is built with gettext (the server hands the zip out on /embed), linted with
# php-cli and PHP_CodeSniffer, and tested in Debian's WordPress (with its Twenty Twenty-Three theme) on
# PHP-FPM and nginx.
APT_PACKAGES_PLUGIN := gettext
APT_PACKAGES_LINT := php-cli php-codesniffer
APT_PACKAGES_TEST := $(APT_PACKAGES_RUN) $(APT_PACKAGES_PLUGIN) $(APT_PACKAGES_LINT) chromium nginx-light firefox-esr webkit2gtk-driver \
	wpewebkit-driver cog xvfb xauth pulseaudio gstreamer1.0-plugins-good \
	wordpress wordpress-theme-twentytwentythree php-fpm php-mysql speech-dispatcher speech-dispatcher-espeak-ng
PLUGIN := integrations/wordpress/tro-doc
PLUGIN_BUILD := build/wordpress/tro-doc
PLUGIN_FILES := $(shell find $(PLUGIN) -type f)
# The strings WordPress's translation functions mark, for xgettext.
GETTEXT_KEYWORDS := --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__

.PHONY: run test test-quick serve bench screenshots clean lint wordpress-plugin system-run system-test system-plugin \
	system-lint

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# The widget's build needs esbuild (a dependency); the tests add axe-core, puppeteer-core and Lighthouse
# (devDependencies). Browsers come from Debian, never from a package's own download.
export PUPPETEER_SKIP_DOWNLOAD := 1
node_modules/.build-installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/.build-installed

# Debian packages: installed when missing and we are root, otherwise named so the operator can install them.
define apt_ensure
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "Trợ Đọc: please install these Debian packages: sudo apt-get install$$missing"; $(2) fi; \
	fi
endef

system-run:
	$(call apt_ensure,$(APT_PACKAGES_RUN),)

system-test:
	$(call apt_ensure,$(APT_PACKAGES_TEST),exit 1;)

system-plugin:
	$(call apt_ensure,$(APT_PACKAGES_PLUGIN),exit 1;)

system-lint:
	$(call apt_ensure,$(APT_PACKAGES_LINT),exit 1;)

run: $(VENV)/.installed node_modules/.build-installed system-run wordpress-plugin
	$(VENV)/bin/flask --app server widget build
	$(VENV)/bin/flask --app server run --port $(PORT)

# Production-style serving: gunicorn with deploy/gunicorn.conf.py (put deploy/nginx-trodoc.conf in front).
serve: $(VENV)/.installed node_modules/.build-installed system-run wordpress-plugin
	$(VENV)/bin/flask --app server widget build
	$(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py

# The suite in two parts: the tests that share nothing run in parallel workers (pytest-xdist, one per core);
# the tests marked serial (the browser, engine and ops suites, and Piper's) then run alone. Both parts always
# run, and either one failing fails the target. PYTEST_ARGS goes to pytest in both, e.g.
# PYTEST_ARGS="tests/test_embed.py -k zip"; a part it leaves without tests (pytest's status 5) passes.
PYTEST_ARGS ?=
TEST_WORKERS ?= auto
PARALLEL_PART = -n $(TEST_WORKERS) -m "not serial"
pytest_part = { $(VENV)/bin/pytest $(1) $(PYTEST_ARGS) || [ $$? = 5 ]; }

test: $(VENV)/.test-installed node_modules/.installed system-test wordpress-plugin
	$(VENV)/bin/flask --app server widget build
	status=0; $(call pytest_part,$(PARALLEL_PART)) || status=1; $(call pytest_part,-m serial) || status=1; \
	exit $$status

# The inner loop: the parallel part alone, without browsers, real servers or long waits (about a minute).
test-quick: $(VENV)/.test-installed node_modules/.installed system-run wordpress-plugin
	$(VENV)/bin/flask --app server widget build
	$(VENV)/bin/pytest $(PARALLEL_PART) $(PYTEST_ARGS)

# The README's screenshots (docs/screenshots/*.png), taken by the test suite in headless Chromium.
screenshots: $(VENV)/.test-installed node_modules/.installed system-test
	$(VENV)/bin/flask --app server widget build
	TRODOC_SCREENSHOTS_DIR=docs/screenshots $(VENV)/bin/pytest -p no:cacheprovider tests/browser/test_screenshots.py

bench: $(VENV)/.test-installed node_modules/.installed system-test
	$(VENV)/bin/python -m bench $(BENCH)

# The zip an operator uploads in wp-admin (Plugins → Add New → Upload Plugin): the plugin, its
# translations compiled, and the template for new ones.
wordpress-plugin: dist/tro-doc.zip

dist/tro-doc.zip: $(PLUGIN_FILES) | system-plugin
	rm -rf $(dir $(PLUGIN_BUILD)) && mkdir -p $(dir $(PLUGIN_BUILD)) dist
	cp -r $(PLUGIN) $(PLUGIN_BUILD)
	cd $(PLUGIN_BUILD) && xgettext --language=PHP --from-code=UTF-8 $(GETTEXT_KEYWORDS) --add-comments=translators: \
	  --package-name="Trợ Đọc" --package-version=$$(sed -n 's/^ \* Version: *//p' tro-doc.php) --sort-by-file \
	  -o languages/tro-doc.pot $$(find . -name '*.php' | sort)
	for po in $(PLUGIN_BUILD)/languages/*.po; do msgfmt --check-format -o "$${po%.po}.mo" "$$po" || exit 1; done
	rm -f $@ && cd $(dir $(PLUGIN_BUILD)) && $(PYTHON) -m zipfile -c $(CURDIR)/$@ tro-doc

# Python: ruff (pyproject.toml's [tool.ruff]); the widget: ESLint (eslint.config.js); PHP: every file
# parses (php -l) and keeps the plugin's style (integrations/wordpress/phpcs.xml).
lint: $(VENV)/.test-installed node_modules/.installed system-lint
	$(VENV)/bin/ruff check server tests bench deploy
	node_modules/.bin/eslint widget
	for f in $$(find $(PLUGIN) -name '*.php'); do php -l "$$f" >/dev/null || exit 1; done
	phpcs --standard=integrations/wordpress/phpcs.xml integrations/wordpress/tro-doc

clean:
	rm -rf $(VENV) node_modules static/gen instance build dist
