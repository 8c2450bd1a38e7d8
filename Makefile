# budgetgen — departmental budget disclosure generator.
# One non-recursive GNU Makefile.  Objects go to build/<variant>/ with
# dependencies from -MMD -MP.  `make V=1` shows the full commands.
#
#   make deps     install the Debian packages this project needs (as root)
#   make          build build/release/budgetgen
#   make demo     check and build the sample disclosure into output/
#   make test     unit, end-to-end, bad-input and sanitizer tests
#   make bench    timings (printed, never pass/fail)

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wvla
ifdef CI
WARN    += -Werror
endif

# Debian packages: libraries, fonts, and the tools the tests use.
DEB_PKGS = build-essential pkg-config libhpdf-dev libxlsxwriter-dev libinih-dev libcsv-dev \
           libharfbuzz-dev libfontconfig-dev fonts-wqy-zenhei fonts-arphic-uming \
           poppler-utils qpdf python3 python3-openpyxl python3-fonttools valgrind

PKGS        = xlsxwriter inih harfbuzz harfbuzz-subset fontconfig
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

.PHONY: all deps demo test test-unit test-e2e test-bad asan valgrind bench clean lint format \
        check-format golden-update

all: $(BIN)

$(B)/gen/%.o: gen/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libgen.a: $(LIBOBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(B)/gen/main.o $(B)/libgen.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/harness.h $(B)/libgen.a
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
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

DEMO_CONFIG = config/cangzhou-2020.ini

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(BIN) check $(DEMO_CONFIG)
	$(BIN) build $(DEMO_CONFIG)

test: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory VARIANT=asan all $(addprefix build/asan/tests/,$(notdir $(UNITBIN)))
	$(Q)$(MAKE) --no-print-directory $(UNITBIN)
	$(Q)tests/run.sh

bench: all
	$(Q)tests/bench.sh

valgrind: deps all
	$(Q)tests/run.sh --valgrind-only

clean:
	rm -rf build

lint:
	cppcheck --quiet --enable=warning,performance,portability --std=c11 gen/

format:
	clang-format -i gen/*.c gen/*.h tests/unit/*.c tests/unit/*.h

check-format:
	clang-format --dry-run --Werror gen/*.c gen/*.h tests/unit/*.c tests/unit/*.h
