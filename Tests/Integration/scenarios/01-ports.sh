# Scenario 1: the client and its ports as aconnect sees them, and auto-connection by pattern.
# Leaves aconnect-{pattern,default}.txt (aconnect -l), readable.txt (aconnect -i), writable.txt (aconnect -o).
. "$(dirname "$0")/../vm/scenario-lib.sh"

start monitor "$CONTINUO" monitor --source 'VirMIDI 1-1'
wait_for monitor.out '"event":"connected"'
sleep 1
aconnect -l > aconnect-pattern.txt
aconnect -i > readable.txt
aconnect -o > writable.txt
stop "$monitor_pid"

start monitor-default "$CONTINUO" monitor
wait_for monitor-default.out '"event":"connected"' 4
sleep 1
aconnect -l > aconnect-default.txt
stop "$monitor_default_pid"
