# Stuck-note trial (by hand, not in CI): CYCLES (default 100) phrase/interrupt cycles against
# `continuo serve`, in the ALSA rig's guest. Each cycle plays a short phrase, waits until the
# answer has started, lets it sound a random 0–0.4 s, and interrupts it with the next phrase.
# aseqdump records Continuo Out. report.txt gives the note-ons left without a note-off (goal 0;
# All Notes Off is not counted as a release) and the daemon's RSS after the first answer and at the end.
#   swift build --product continuo
#   mkdir -p .build/vm/runs/stuck/fixtures && cp .build/vm/runs/latest/fixtures/tiny-model.safetensors .build/vm/runs/stuck/fixtures/
#   CONTINUO_SCENARIO_TIMEOUT=3000 CONTINUO_VM_TIMEOUT=3300 \
#       Tests/Integration/vm/run-vm.sh .build/vm/runs/stuck .build/debug/continuo Tests/Integration/trials/stuck-notes.sh
#   cat .build/vm/runs/stuck/stuck-notes/report.txt
# Without fixtures/tiny-model.safetensors the shipped model is used (much slower under TCG).
. "$(dirname "$0")/../vm/scenario-lib.sh"
cycles=${CYCLES:-100}
keyboard=/dev/snd/midiC1D0
exec {pause}<> <(:)
rest() { read -t "$1" -u "$pause" || true; }
note() { printf "\x90$1\x5a" > $keyboard; rest "$2"; printf "\x80$1\x40" > $keyboard; }
phrase() { for pitch in '\x3c' '\x40' '\x43'; do note "$pitch" 0.15; rest 0.03; done; }
note_ons() { grep -c 'Note on' dump.out || true; }
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$serve_pid/status"; }

stdbuf -oL aseqdump > dump.out 2>&1 &
background_pids+=($!)
dump_pid=$!
wait_for dump.out 'Waiting for data'
model=()
[[ -f $FIXTURES/tiny-model.safetensors ]] && model=(--model-path "$FIXTURES/tiny-model.safetensors")
start serve "$CONTINUO" serve "${model[@]}" --midi-inputs 'VirMIDI 1-0' --synth-enabled false \
    --listen-silence-seconds 0.5 --answer-events 200 --answer-seconds 0 --log-status-seconds 0
wait_for serve.out 'serving' 1 300
wait_for serve.out 'input connected' 1 60
aconnect Continuo:1 aseqdump:0

answered=0
for cycle in $(seq "$cycles"); do
    before=$(note_ons)
    phrase
    # The answer has started when Continuo Out sends a note-on (at most 30 s).
    for _ in $(seq 150); do (( $(note_ons) > before )) && break; rest 0.2; done
    if (( $(note_ons) > before )); then answered=$((answered + 1)); fi
    (( cycle == 1 )) && rss_first=$(rss)
    rest "0.$((RANDOM % 5))"
done
rest 3
rss_last=$(rss)
kill -TERM "$serve_pid"
set +e; wait "$serve_pid"; status=$?; set -e
rest 0.5
stop "$dump_pid"

# Pair note-ons with note-offs per channel and pitch (a note-on with velocity 0 is a note-off).
awk -v cycles="$cycles" -v answered="$answered" -v first="$rss_first" -v last="$rss_last" -v status="$status" '
    /Note on/ || /Note off/ {
        match($0, /[0-9]+, note [0-9]+, velocity [0-9]+/); split(substr($0, RSTART, RLENGTH), f, /[, ]+/)
        key = f[1] ":" f[3]
        if ($0 ~ /Note on/ && f[5] > 0) { ons++; if (held[key]) doubled++; held[key]++ }
        else { offs++; if (held[key]) held[key]-- }
    }
    END {
        for (k in held) stuck += held[k]
        printf "cycles %d, answered %d\nnote-ons %d, note-offs %d\nnote-ons without a note-off: %d (struck again while held: %d)\n", cycles, answered, ons, offs, stuck + 0, doubled + 0
        printf "daemon RSS: %d KiB after the first answer, %d KiB after %d cycles\nexit status after SIGTERM: %d\n", first, last, cycles, status
    }' dump.out | tee report.txt
