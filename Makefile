# The few targets people type. The build itself is CMake + Ninja.
#   make demo   install what is missing, build, run the main job
#   make test   install, build, run every test (also under ASan+UBSan)
#   make bench  benchmarks of bench/ (writes bench/RESULTS.md)
#   make fuzz   run the libFuzzer harnesses for a while (FUZZ_SECONDS)
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 60
CMAKE ?= cmake

.PHONY: all deps build build-asan build-fuzz demo test test-release test-asan test-fuzz bench fuzz clean

all: build

deps:
	@sh scripts/install-deps.sh

build: deps
	@$(CMAKE) -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@$(CMAKE) --build build -j $(JOBS)

build-asan: deps
	@$(CMAKE) -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGNBV_SANITIZE=ON >/dev/null
	@$(CMAKE) --build build-asan -j $(JOBS)

build-fuzz: deps
	@CC=clang-14 $(CMAKE) -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGNBV_FUZZ=ON >/dev/null
	@$(CMAKE) --build build-fuzz -j $(JOBS)

demo: build
	@sh scripts/demo.sh build/gnbv

test: test-release test-asan test-fuzz

test-release: build
	@cd build && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS)

test-fuzz: build-fuzz
	@cd build-fuzz && ctest --output-on-failure -j $(JOBS) -R '^fuzz\.'

bench: build
	@sh scripts/install-deps.sh --bench
	@sh bench/run.sh

fuzz: build-fuzz
	@for f in build-fuzz/fuzz_*; do \
		c=tests/fuzz/corpus/$$(basename $$f | sed 's/^fuzz_//'); \
		echo "fuzzing $$f for $(FUZZ_SECONDS)s"; \
		mkdir -p build-fuzz/corpus-new; \
		$$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus-new $$c || exit 1; \
	done

clean:
	rm -rf build build-asan build-fuzz
