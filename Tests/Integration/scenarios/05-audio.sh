# Scenario 5: continuo play --synth renders an A4 through FluidSynth into the Loopback card
# (hw:Loopback,0,0); arecord captures it from the other side (hw:Loopback,1,0). Both sides use
# 48 kHz, 16-bit, stereo (the first opener fixes the format). Leaves capture.wav.
#
# The synth reaches hw:Loopback,0,0 through a dmix with an 8192-frame buffer: FluidSynth's own
# 64-frame periods (1.3 ms) underrun constantly on the emulated CPU, and the gaps smear the
# spectrum. On real hardware the synth opens the device directly.
. "$(dirname "$0")/../vm/scenario-lib.sh"
soundfont=/usr/share/sounds/sf2/TimGM6mb.sf2
[[ -f $soundfont ]] || { echo "missing $soundfont (install timgm6mb-soundfont)"; exit 1; }
cat > "$HOME/.asoundrc" <<'ALSA'
pcm.loopback_buffered {
    type dmix
    ipc_key 5150
    slave { pcm "hw:Loopback,0,0"; rate 48000; format S16_LE; channels 2; period_size 2048; buffer_size 8192 }
}
ALSA

start record arecord -D hw:Loopback,1,0 -f S16_LE -r 48000 -c 2 capture.wav
sleep 1
"$CONTINUO" play "$FIXTURES/concert-a.mid" --synth --soundfont "$soundfont" --program 0 \
    --audio-driver alsa --audio-device loopback_buffered > play.out 2>&1
kill -INT "$record_pid"    # arecord finishes the WAV header on SIGINT
wait "$record_pid" || true
