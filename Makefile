# LineageStore — the two commands a newcomer needs:
#   make demo   build the lineage CLI and run its demo against a fresh database
#   make test   build and run every test
# Both install the system packages they need first (Debian/Ubuntu; sudo only when not root).

SYSTEM_PACKAGES := liblmdb-dev libxxhash-dev lmdb-utils xxhash protobuf-compiler libprotobuf-dev pkg-config python3 python3-pip \
	postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_BUILD_FLAGS ?=
# The CLI links the Swift runtime statically: it starts in a third of the time and runs where Swift is absent.
CLI_BUILD := swift build -c release --product lineage --static-swift-stdlib

.PHONY: demo test system-packages python-packages lint fuzz crash-trials mirror-trials api-check

system-packages:
	@missing=""; for package in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

demo: system-packages
	$(CLI_BUILD) $(SWIFT_BUILD_FLAGS)
	$$(swift build -c release --show-bin-path)/lineage demo --fresh --db lineage-demo.db

python-packages:
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema
	@python3 -c "import openapi_spec_validator" 2>/dev/null || python3 -m pip install -q openapi-spec-validator

test: system-packages python-packages
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build $(SWIFT_BUILD_FLAGS)

lint:
	swift format lint --strict -r Sources Tests Tools Package.swift

# libFuzzer on every decoder of outside bytes, SECONDS each (make fuzz SECONDS=600). New inputs go to
# .build-fuzz/corpus/, crashes to .build-fuzz/findings/; the committed seeds are in Tests/Fuzz/Corpus/.
FUZZ_TARGETS := fuzz-tuple fuzz-record fuzz-progress-json fuzz-load-line
SECONDS ?= 60
fuzz: system-packages
	LINEAGE_FUZZ=1 swift build -c release --build-path .build-fuzz --product lineage-fuzz
	@mkdir -p .build-fuzz/findings
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target; \
		SWIFT_BACKTRACE=enable=no .build-fuzz/release/lineage-fuzz $$target .build-fuzz/corpus/$$target \
			Tests/Fuzz/Corpus/$$target $$(ls -d Tests/Fuzz/Regressions/$$target 2>/dev/null) \
			-max_total_time=$(SECONDS) -print_final_stats=1 -artifact_prefix=.build-fuzz/findings/$$target- \
			> .build-fuzz/$$target.log 2>&1 \
			|| { tail -n 40 .build-fuzz/$$target.log; echo "$$target: FINDING in .build-fuzz/findings/"; exit 1; }; \
		echo "$$target: $$(grep -o 'number_of_executed_units: [0-9]*' .build-fuzz/$$target.log | grep -o '[0-9]*') executions in $(SECONDS) s, no finding"; \
	done

# kill -9 during durable ingest, TRIALS times (make test runs 20): every acknowledged update survives,
# the file verifies clean after each kill, and a replay converges to a clean run.
TRIALS ?= 100
crash-trials: system-packages python-packages
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	LINEAGE_CRASH_TRIALS=$(TRIALS) swift test --skip-build --filter CrashRecoveryTests $(SWIFT_BUILD_FLAGS)

# kill -9 of `lineage mirror --follow` during a live ingest, TRIALS times (make test runs 20), each followed by a
# restart: PostgreSQL ends holding exactly the store's rows.
mirror-trials: system-packages python-packages
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	LINEAGE_MIRROR_TRIALS=$(TRIALS) swift test --skip-build --filter MirrorCrashTests $(SWIFT_BUILD_FLAGS)

# schemathesis against a live `lineage serve` from its own OpenAPI document: no generated request may get a
# 5xx or an answer the document does not describe (make api-check EXAMPLES=200).
EXAMPLES ?= 100
api-check: system-packages python-packages
	@python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install -q schemathesis
	$(CLI_BUILD) $(SWIFT_BUILD_FLAGS)
	Tools/api-check.sh $$(swift build -c release --show-bin-path)/lineage $(EXAMPLES)
