# Scenario 3: continuo play schedules a file on Continuo Out; aseqdump, subscribed with aconnect,
# records what the kernel delivers. Played twice: whole (dump.out), and interrupted after 1 s
# with --stop-after (dump-stopped.out: queued events dropped, then all notes off). Each aseqdump
# line is prefixed by its arrival time (bash's EPOCHREALTIME); play*.out are continuo's status lines.
. "$(dirname "$0")/../vm/scenario-lib.sh"

# record_play DUMP PLAY [continuo play options]
record_play() {
    local dump=$1 play=$2; shift 2
    stdbuf -oL aseqdump > >(while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done > "$WORK/$dump") 2>&1 &
    local dump_pid=$!
    background_pids+=($dump_pid)
    wait_for "$dump" 'Waiting for data'
    "$CONTINUO" play "$FIXTURES/phrase.mid" --wait-for-subscriber 60 "$@" > "$play" 2>&1 &
    local play_pid=$!
    background_pids+=($play_pid)
    wait_for "$play" '"event":"ready"'
    aconnect Continuo:1 aseqdump:0
    aconnect -l > aconnect.txt
    wait "$play_pid"
    sleep 0.5
    stop "$dump_pid"
}

record_play dump.out play.out
record_play dump-stopped.out play-stopped.out --stop-after 1.0
