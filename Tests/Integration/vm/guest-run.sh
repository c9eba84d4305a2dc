#!/bin/sh
# Runs inside the guest (chrooted into the host tree): every scenario listed in
# SCRATCH/scenarios, one after the other, each in its own work folder with a time limit.
# Per scenario it leaves SCRATCH/<name>.log (stdout+stderr) and SCRATCH/<name>.status (exit code).
scratch=$1
. "$scratch/env"
export CONTINUO SCENARIO_TIMEOUT HOME=/tmp PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
while read -r script; do
    [ -n "$script" ] || continue
    name=$(basename "$script" .sh)
    export WORK="$scratch/$name"
    mkdir -p "$WORK"
    echo "continuo-vm: scenario $name"
    ( cd "$WORK" && timeout -s KILL "$SCENARIO_TIMEOUT" /bin/bash "$script" ) > "$scratch/$name.log" 2>&1
    echo $? > "$scratch/$name.status"
    echo "continuo-vm: scenario $name exited with $(cat "$scratch/$name.status")"
done < "$scratch/scenarios"
