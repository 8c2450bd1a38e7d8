# budgetgen — departmental budget disclosure generator.
# One non-recursive GNU Makefile.  Objects go to build/<variant>/ with
# dependencies from -MMD -MP.  `make V=1` shows the full commands.
#
#   make deps     install the Debian packages this project needs (as root)
#   make          build build/release/budgetgen
#   make install  the binary and its message catalogue under DESTDIR$(PREFIX)
#   make pot      po/budgetgen.pot from the sources (xgettext); po-update merges it
#                 into po/zh_CN.po (docs/messages.md)
#   make demo     check and build the sample disclosure into output/
#   make docs-images  regenerate the page images of docs/images/ (tools/docs-images.sh)
#   make test     unit, end-to-end, bad-input and sanitizer tests
#   make bench    timings (printed, never pass/fail)
#   make test-browser  the portal index in headless Chromium (installs it if absent)
#   make fuzz     libFuzzer targets (tests/fuzz/), FUZZ_SECONDS each; fuzz-smoke: 15 s each

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wvla
ifdef CI
WARN    += -Werror
endif

# Debian packages: libraries, fonts, and the tools the tests use.
DEB_PKGS = build-essential pkg-config libhpdf-dev libxlsxwriter-dev libinih-dev libcsv-dev \
           libharfbuzz-dev libfontconfig-dev zlib1g-dev libzip-dev libexpat1-dev fonts-wqy-zenhei fonts-arphic-uming \
           fonts-noto-cjk fonts-arphic-ukai fonts-dejavu-core \
           poppler-utils qpdf mupdf-tools python3-pdfminer python3 python3-openpyxl python3-fonttools valgrind \
           libreoffice-calc-nogui gettext locales

PKGS        = xlsxwriter inih harfbuzz harfbuzz-subset fontconfig zlib libzip expat
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# bookworm ships no .pc for libhpdf and libcsv
PKG_LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lm

Q = @
ifeq ($(V),1)
Q =
endif

VARIANT ?= release
B        = build/$(VARIANT)
ifeq ($(VARIANT),asan)
CFLAGS   = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
           -DGEN_ARENA_MALLOC
LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(VARIANT),debug)
CFLAGS   = -O0 -g -DGEN_ARENA_MALLOC
endif

SRCS    := $(sort $(wildcard gen/*.c))
LIBSRCS := $(filter-out gen/main.c,$(SRCS))
LIBOBJS := $(LIBSRCS:gen/%.c=$(B)/gen/%.o)
UNITSRC := $(sort $(wildcard tests/unit/test_*.c))
UNITBIN := $(UNITSRC:tests/unit/%.c=$(B)/tests/%)

BIN = $(B)/budgetgen

# Messages (gen/i18n.h, docs/messages.md): po/LANG.po → build/<variant>/locale,
# found beside the binary; `make install` puts it under $(PREFIX)/share/locale.
PREFIX    ?= /usr/local
LOCALEDIR ?= $(PREFIX)/share/locale
PO_LANGS   = zh_CN
MOS        = $(PO_LANGS:%=$(B)/locale/%/LC_MESSAGES/budgetgen.mo)
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --sort-output --no-wrap --add-comments=TRANSLATORS \
           --package-name=budgetgen --msgid-bugs-address=budgetgen-dev@invalid \
           --keyword=_ --keyword=N_ --keyword=i18n_ntext:1,2 --keyword=diag_report:4 \
           --keyword=diag_syserr:2 --keyword=bld_fail:2 --keyword=err:2 --keyword=report:4 \
           --keyword=error_at:5 --keyword=say:3 --keyword=fail:3 --keyword=expect_sum:5 \
           --flag=diag_report:4:c-format --flag=bld_fail:2:c-format --flag=err:2:c-format \
           --flag=report:4:c-format --flag=error_at:5:c-format --flag=say:3:c-format \
           --flag=fail:3:c-format --flag=i18n_ntext:1:c-format --flag=i18n_ntext:2:c-format

.PHONY: all deps demo test test-unit test-e2e test-bad asan valgrind bench clean lint format \
        check-format golden-update docs-images
.PHONY: fuzz fuzz-smoke fuzz-build fuzz-deps

all: $(BIN) $(MOS)

$(B)/locale/%/LC_MESSAGES/budgetgen.mo: po/%.po
	@mkdir -p $(@D)
	@$(if $(Q),echo "  MSGFMT  $<")
	$(Q)msgfmt --check -o $@ $<

$(B)/gen/i18n.o: CFLAGS += -DLOCALEDIR='"$(LOCALEDIR)"'
# i18n.o is rebuilt when LOCALEDIR (PREFIX) changes.
$(B)/gen/i18n.o: $(B)/localedir.txt
.PHONY: localedir-check
localedir-check:
$(B)/localedir.txt: localedir-check
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@

# The template of the catalogue: made, never committed (its dates and line
# numbers change with every edit); tests/i18n.sh makes its own.
.PHONY: pot po-update install
POT ?= po/budgetgen.pot
pot:
	@mkdir -p $(dir $(POT))
	$(Q)xgettext $(XGETTEXT_FLAGS) -o $(POT) $(SRCS) gen/*.h
po-update: pot
	$(Q)for l in $(PO_LANGS); do msgmerge --quiet --update --backup=none --no-wrap --sort-output --no-location \
	    po/$$l.po po/budgetgen.pot && msgattrib --no-obsolete --no-wrap -o po/$$l.po po/$$l.po && \
	    sed -i '/^"POT-Creation-Date:/d' po/$$l.po; done

install: $(BIN) $(MOS)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/budgetgen
	for l in $(PO_LANGS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(B)/locale/$$l/LC_MESSAGES/budgetgen.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/budgetgen.mo || exit 1; \
	done

$(B)/gen/%.o: gen/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libgen.a: $(LIBOBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(B)/gen/main.o $(B)/libgen.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/harness.h tests/unit/fixture.h $(B)/libgen.a
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Igen $(LDFLAGS) -o $@ $< $(B)/libgen.a $(PKG_LIBS)

-include $(LIBOBJS:.o=.d) $(B)/gen/main.d

# Installs only what is missing, so a ready machine pays one dpkg query.
deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "installing:" $$missing; \
	    if [ "$$(id -u)" -ne 0 ]; then echo "make deps: run as root (apt-get)"; exit 2; fi; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@# The Chinese locale, for the test suite's run under zh_CN.UTF-8.
	@if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then \
	    if [ "$$(id -u)" -ne 0 ]; then echo "make deps: run as root (locale-gen zh_CN.UTF-8)"; exit 2; fi; \
	    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen; \
	    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen; \
	    locale-gen >/dev/null; \
	fi

DEMO_CONFIG = config/cangzhou-2020.ini

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(BIN) check $(DEMO_CONFIG)
	$(BIN) build $(DEMO_CONFIG)
	$(BIN) build config/jianshe-2021.ini
	$(BIN) build config/jianshe-juesuan-2021.ini

docs-images: all
	BUDGETGEN=$(BIN) sh tools/docs-images.sh

test: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory VARIANT=asan all $(addprefix build/asan/tests/,$(notdir $(UNITBIN)))
	$(Q)$(MAKE) --no-print-directory $(UNITBIN)
	$(Q)tests/run.sh

bench: all
	$(Q)tests/bench.sh

.PHONY: test-browser
test-browser: all
	$(Q)tests/browser.sh

valgrind: deps all
	$(Q)tests/run.sh --valgrind-only

# ---- fuzzing: libFuzzer + ASan + UBSan, never part of `make test` ----------------
# `make fuzz` builds each tests/fuzz/fuzz_*.c with clang and runs it for
# FUZZ_SECONDS (`make -j2 fuzz` runs two at a time); `make fuzz-smoke` runs
# each for FUZZ_SMOKE_SECONDS.  The committed seeds (tests/fuzz/corpus/<t>/)
# are only read: new inputs go to build/fuzz/corpus/<t>/, crashes to
# build/fuzz/artifacts/, the libFuzzer output to build/fuzz/<t>.log.
FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 600
FUZZ_SMOKE_SECONDS ?= 15
FZ                  = build/fuzz
FUZZ_CFLAGS         = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
                      -fno-sanitize-recover=all -DGEN_ARENA_MALLOC
FUZZ_TARGETS       := $(sort $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c))))
# The gen/ objects each target links.
FUZZ_OBJS_fuzz_csv      = csv csvshape names textio paths arena diag strbuf utf8 i18n
FUZZ_OBJS_fuzz_ini      = config paths arena diag strbuf utf8 money i18n
FUZZ_OBJS_fuzz_template = template paths textio arena diag strbuf utf8 i18n
FUZZ_OBJS_fuzz_money    = money utf8 i18n diag
FUZZ_OBJS_fuzz_threshold = threshold utf8 i18n diag
FUZZ_LIBS               = -lcsv -linih

$(FZ)/gen/%.o: gen/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(WARN) $(FUZZ_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(FZ)/gen/*.d)

# Per target: the binary, and fuzz-run-<t>, which fails on a crash or a
# sanitizer report (libFuzzer exits non-zero) and prints the end of the log.
define FUZZ_RULES
$(FZ)/$(1): tests/fuzz/$(1).c tests/fuzz/fuzz_common.h $(FUZZ_OBJS_$(1):%=$(FZ)/gen/%.o)
	@$$(if $$(Q),echo "  FUZZLD  $$@")
	$$(Q)$$(FUZZ_CC) $$(WARN) $$(FUZZ_CFLAGS) -Igen -fsanitize=fuzzer,address,undefined -o $$@ \
	    $$< $$(filter %.o,$$^) $$(FUZZ_LIBS)

.PHONY: fuzz-run-$(1)
fuzz-run-$(1): $(FZ)/$(1)
	@mkdir -p $(FZ)/corpus/$(1) $(FZ)/artifacts
	@echo "  FUZZ    $(1) for $$(FUZZ_SECONDS) s"
	$$(Q)if $(FZ)/$(1) -max_total_time=$$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 \
	    -artifact_prefix=$(FZ)/artifacts/$(1)- $$(if $$(wildcard tests/fuzz/$(1).dict),-dict=tests/fuzz/$(1).dict) \
	    $(FZ)/corpus/$(1) tests/fuzz/corpus/$(1) </dev/null >$(FZ)/$(1).log 2>&1; then \
	    grep -E '^(Done|stat::number_of_executed_units)' $(FZ)/$(1).log | sed 's/^/  $(1): /'; \
	else tail -n 40 $(FZ)/$(1).log; echo "FAIL: $(1): see $(FZ)/$(1).log and $(FZ)/artifacts/"; exit 1; fi
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call FUZZ_RULES,$(t))))

# clang and its libFuzzer runtime, installed when missing (as deps does).
FUZZ_DEB_PKGS = clang libclang-rt-14-dev
fuzz-deps:
	@missing=$$(for p in $(FUZZ_DEB_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "installing:" $$missing; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(FUZZ_TARGETS:%=$(FZ)/%): | fuzz-deps

fuzz-build: $(FUZZ_TARGETS:%=$(FZ)/%)

fuzz: $(FUZZ_TARGETS:%=fuzz-run-%)

fuzz-smoke:
	$(Q)$(MAKE) --no-print-directory FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) fuzz

clean:
	rm -rf build

lint:
	cppcheck --quiet --enable=warning,performance,portability --std=c11 gen/

format:
	clang-format -i gen/*.c gen/*.h tests/unit/*.c tests/unit/*.h

check-format:
	clang-format --dry-run --Werror gen/*.c gen/*.h tests/unit/*.c tests/unit/*.h
