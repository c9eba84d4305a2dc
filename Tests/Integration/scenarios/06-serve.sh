# Scenario 6: continuo serve with a tiny random model (written by the host test: the rig checks
# order and pairing of events, not music). A phrase goes in through VirMIDI 1-0 (a
# keyboard's cable); aseqdump records Continuo Out. Leaves dump.out (aseqdump lines prefixed by
# their arrival time), marks.txt ("<name> <time>" for each moment the host test checks against),
# serve.out (the daemon's journal lines) and serve.status (its exit status after SIGTERM).
# The model is read from a copy in the work folder, so step 3b can put a crafted file in its place.
. "$(dirname "$0")/../vm/scenario-lib.sh"
keyboard=/dev/snd/midiC1D0
mark() { echo "$1 $EPOCHREALTIME" >> "$WORK/marks.txt"; }
# rest SECONDS: a sleep without a fork (read with a timeout on a pipe nobody writes), so a
# phrase's gaps stay short even on the emulated CPU of a busy host.
exec {pause}<> <(:)
rest() { read -t "$1" -u "$pause" || true; }
# note BYTE SECONDS: one note (pitch as a printf escape, e.g. '\x3c') held for SECONDS, channel 1.
note() { printf "\x90$1\x5a" > $keyboard; rest "$2"; printf "\x80$1\x40" > $keyboard; }
phrase() { for pitch in '\x3c' '\x3e' '\x40' '\x41' '\x43'; do note "$pitch" 0.2; rest 0.05; done; }

stdbuf -oL aseqdump > >(while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done > "$WORK/dump.out") 2>&1 &
background_pids+=($!)
dump_pid=$!
wait_for dump.out 'Waiting for data'
cp "$FIXTURES/tiny-model.safetensors" "$WORK/model.safetensors"
start serve "$CONTINUO" serve --model-path "$WORK/model.safetensors" --midi-inputs 'VirMIDI 1-0' --synth-enabled false \
    --listen-silence-seconds 1.5 --answer-events 200 --answer-seconds 0 --log-status-seconds 0
wait_for serve.out 'serving' 1 120
wait_for serve.out 'input connected' 1 30
aconnect Continuo:1 aseqdump:0

# 1. A phrase, then silence: the reply starts after the phrase has ended.
phrase
mark phrase1-end
wait_for dump.out 'Note on' 1 60
sleep 1

# 2. The player comes back in: the reply stops at once, with note-offs.
mark interrupt
note '\x48' 1.0
mark interrupt-end
sleep 0.3
mark interrupted-quiet
# (the interrupting note was a phrase of its own: its reply starts after the silence)

# 3. A flood of sysex and undefined/system bytes, a reload, then a phrase: still answering.
for _ in $(seq 200); do
    printf '\xf0\x7e\x7f\x06\x01\xf7\xf0\x43\x10\x4c\x00\x00\x7e\x00\xf7\xf4\xf5\xfd\xf9\xfe\xf8' > $keyboard
done
# Random bytes without note and control-change status bytes (a stray pedal or panic control
# would change what the player asked for, not test robustness), then an end of sysex.
head -c 4096 /dev/urandom | tr -d '\200-\237\260-\277' > flood.bin
cat flood.bin > $keyboard
printf '\xf7' > $keyboard
mark flood-end
# SIGHUP: configuration and model reloaded, ports kept (the next phrase still comes in).
kill -HUP "$serve_pid"
wait_for serve.out 'reloaded' 1 60
sleep 0.5
phrase
mark phrase3-end
# until_reply MARK: wait (at most 60 s) for a note-on after MARK.
until_reply() {
    for _ in $(seq 300); do
        [[ $(awk -v t="$(awk -v m="$1" '$1 == m { print $2 }' marks.txt)" '$1 > t && /Note on/' dump.out | wc -l) -gt 0 ]] && return 0
        sleep 0.2
    done
}
until_reply phrase3-end

# 3b. SIGHUP with a crafted model in place (its metadata says hidden 100000 over 8-wide tensors):
# the daemon logs why, keeps the model it has, and answers the next phrase.
cp "$FIXTURES/bomb-model.safetensors" "$WORK/model.safetensors"
kill -HUP "$serve_pid"
wait_for serve.out 'keeping the current model' 1 60
wait_for serve.out 'reloaded' 2 60
sleep 0.5
phrase
mark phrase4-end
until_reply phrase4-end

# 4. SIGTERM mid-reply: all notes off, clean exit.
sleep 0.5
mark sigterm
kill -TERM "$serve_pid"
set +e
wait "$serve_pid"
echo $? > serve.status
set -e
sleep 0.5
stop "$dump_pid"

# 5. The shipped default model (no --model-path), MIDI only: after a phrase has been read and
# answered, the daemon's resident memory (VmRSS, VmHWM from /proc) goes to serve-default.rss.
start serve-default "$CONTINUO" serve --midi-inputs 'VirMIDI 1-0' --synth-enabled false \
    --listen-silence-seconds 1.5 --log-status-seconds 0
wait_for serve-default.out 'serving' 1 120
wait_for serve-default.out 'input connected' 1 30
phrase
sleep 20
grep -E '^Vm(RSS|HWM)' "/proc/$serve_default_pid/status" > serve-default.rss
kill -TERM "$serve_default_pid"
wait "$serve_default_pid" || true
