# Scenario 3: continuo play schedules a file on Continuo Out; aseqdump, subscribed with aconnect,
# records what the kernel delivers. Leaves dump.out: each aseqdump line prefixed by its arrival
# time (bash's EPOCHREALTIME), and play.out (continuo's status lines).
. "$(dirname "$0")/../vm/scenario-lib.sh"

stdbuf -oL aseqdump > >(while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done > "$WORK/dump.out") 2>&1 &
background_pids+=($!)
dump_pid=$!
wait_for dump.out 'Waiting for data'
start play "$CONTINUO" play "$FIXTURES/phrase.mid" --wait-for-subscriber 60
wait_for play.out '"event":"ready"'
aconnect Continuo:1 aseqdump:0
aconnect -l > aconnect.txt
wait_for play.out '"event":"finished"' 1 60
sleep 0.5
stop "$dump_pid"
wait "$play_pid"
