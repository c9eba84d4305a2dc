#!/usr/bin/env bash
# Fuzzes the safetensors parser and the model loader (EventLSTM.load) with libFuzzer and AddressSanitizer.
#   Tests/Fuzz/run-model-fuzz.sh -runs=10000000    # any libFuzzer flags pass through
# The RSS limit (512 MB) makes an allocation sized by a header or metadata a finding, not a slow run.
# Work files go to $FUZZ_DIR (default /tmp/continuo-model-fuzz). Seeds: tiny valid models from
# make-model-seeds.py.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${FUZZ_DIR:-/tmp/continuo-model-fuzz}
mkdir -p "$work/inputs" "$work/findings" "$work/kernels/include"
# CKernels as SwiftPM builds it: the C files, and a module map for their public header.
cp "$root"/Sources/CKernels/include/CKernels.h "$work/kernels/include/"
printf 'module CKernels {\n    header "CKernels.h"\n    export *\n}\n' > "$work/kernels/include/module.modulemap"
objects=()
for c in "$root"/Sources/CKernels/*.c; do
    o="$work/kernels/$(basename "$c" .c).o"
    clang -O2 -fsanitize=address,fuzzer-no-link -I "$root/Sources/CKernels/include" -c "$c" -o "$o"
    objects+=("$o")
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name Model \
    -I "$root/Sources/COpenBLAS" -I "$work/kernels/include" \
    "$root"/Sources/Model/*.swift "$here/ModelFuzzEntry.swift" "${objects[@]}" -lopenblas -o "$work/model-loader-fuzz"
if [ -z "$(ls -A "$work/inputs")" ]; then
    python3 "$here/make-model-seeds.py" "$work/inputs"
fi
cd "$work/findings"
exec "$work/model-loader-fuzz" -max_len=16384 -timeout=10 -rss_limit_mb=512 -print_final_stats=1 "$@" "$work/inputs"
