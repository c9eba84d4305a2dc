# Sourced by every guest scenario script (bash, in the guest, working directory $WORK).
# $CONTINUO is the continuo binary, $FIXTURES the files the host test prepared for this run.
set -euo pipefail
background_pids=()
trap 'for pid in "${background_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

# start NAME COMMAND...: run COMMAND in the background, stdout+stderr to $WORK/NAME.out.
start() {
    local name=$1; shift
    "$@" > "$WORK/$name.out" 2>&1 &
    background_pids+=($!)
    eval "${name//-/_}_pid=$!"
}

# wait_for FILE PATTERN [COUNT] [SECONDS]: until FILE holds COUNT lines matching PATTERN.
wait_for() {
    local file=$1 pattern=$2 count=${3:-1} seconds=${4:-60}
    local deadline=$((SECONDS + seconds))
    while (( SECONDS < deadline )); do
        if [[ -f $file ]] && (( $(grep -c -- "$pattern" "$file" || true) >= count )); then return 0; fi
        sleep 0.2
    done
    echo "timed out after ${seconds}s waiting for $count× '$pattern' in $file" >&2
    [[ -f $file ]] && tail -20 "$file" >&2
    return 1
}

# stop PID: end a background process and wait for it, so its output is complete.
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
