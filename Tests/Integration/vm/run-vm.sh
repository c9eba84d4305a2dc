#!/usr/bin/env bash
# Boots Debian's kernel under qemu (TCG) once and runs the given guest scenario scripts in it.
# Usage: run-vm.sh RUN_DIR CONTINUO_BINARY SCENARIO.sh...  (RUN_DIR/fixtures: inputs the scenarios read)
# RUN_DIR receives <name>.log and <name>.status per scenario, console.log (the guest kernel's
# console) and vm.log (this script). Exit status: 0 when the guest ran every scenario (their
# own results are in the .status files), 2 when a part is missing, 3 when the VM failed.
set -euo pipefail
run_dir=${1:?usage: run-vm.sh RUN_DIR CONTINUO_BINARY SCENARIO.sh...}
binary=${2:?missing CONTINUO_BINARY}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
package_root=$(cd "$here/../../.." && pwd)

command -v qemu-system-x86_64 >/dev/null || { echo "run-vm: qemu-system-x86_64 not installed" >&2; exit 2; }
[[ -x $binary ]] || { echo "run-vm: $binary is not built" >&2; exit 2; }
image=$("$here/build-image.sh" "$package_root/.build/vm")

mkdir -p "$run_dir"
run_dir=$(cd "$run_dir" && pwd)
for script in "$@"; do (cd "$(dirname "$script")" && echo "$PWD/$(basename "$script")"); done > "$run_dir/scenarios"
cat > "$run_dir/env" <<ENV
CONTINUO=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
FIXTURES=$run_dir/fixtures
SCENARIO_TIMEOUT=${CONTINUO_SCENARIO_TIMEOUT:-300}
ENV

# -accel tcg: KVM does not work on these hosts (see shared notes); -cpu max has AVX2, no AVX-512.
timeout "${CONTINUO_VM_TIMEOUT:-900}" qemu-system-x86_64 \
    -accel tcg -cpu max -m 1024 -smp 2 \
    -kernel "$image/vmlinux" -initrd "$image/initramfs.cpio.gz" \
    -append "console=ttyS0 loglevel=4 panic=-1 rdinit=/init continuo.scratch=$run_dir continuo.run=$here/guest-run.sh" \
    -virtfs local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap \
    -virtfs local,path="$run_dir",mount_tag=scratch,security_model=none,multidevs=remap \
    -display none -monitor none -serial file:"$run_dir/console.log" \
    -no-reboot -nodefaults > "$run_dir/vm.log" 2>&1 || {
        status=$?; echo "run-vm: qemu failed with $status; see $run_dir/vm.log and console.log" >&2; exit 3; }
grep -q "continuo-vm: runner exited" "$run_dir/console.log" || {
    echo "run-vm: the guest did not finish its runner; see $run_dir/console.log" >&2; exit 3; }
