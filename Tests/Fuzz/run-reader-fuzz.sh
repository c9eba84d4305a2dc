#!/usr/bin/env bash
# Fuzzes the Standard MIDI File reader with libFuzzer and AddressSanitizer.
#   Tests/Fuzz/run-reader-fuzz.sh                  # runs until stopped (Ctrl-C)
#   Tests/Fuzz/run-reader-fuzz.sh -runs=1000000    # any libFuzzer flags pass through
# Work files (binary, growing input corpus, crash files) go to $FUZZ_DIR (default /tmp/continuo-fuzz),
# never into the repository. Seeds: the shipped chorales under Corpus/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${FUZZ_DIR:-/tmp/continuo-fuzz}
mkdir -p "$work/inputs" "$work/findings"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name MIDI \
    "$root"/Sources/MIDI/*.swift "$here/ReaderFuzzEntry.swift" -o "$work/midi-reader-fuzz"
if [ -z "$(ls -A "$work/inputs")" ]; then
    ls "$root"/Corpus/bach-chorales/*.mid | head -40 | xargs -I{} cp {} "$work/inputs/"
fi
cd "$work/findings"
exec "$work/midi-reader-fuzz" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@" "$work/inputs"
