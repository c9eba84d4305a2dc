# Scenario 2: aplaymidi plays a real MIDI file into Continuo In; continuo monitor records what arrives.
# Leaves monitor.out (JSON lines).
. "$(dirname "$0")/../vm/scenario-lib.sh"

start monitor "$CONTINUO" monitor --no-auto-connect
wait_for monitor.out '"event":"ready"'
aplaymidi -p Continuo:0 "$FIXTURES/melody.mid"
sleep 1
stop "$monitor_pid"
