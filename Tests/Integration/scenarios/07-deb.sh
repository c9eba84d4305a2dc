# Scenario 7: the Debian package built by scripts/make-deb.sh (the host test puts it in
# $FIXTURES), installed with dpkg into a throw-away layer over the guest's /usr, /etc and /var,
# then /usr/bin/continuo serve with no model flag answers a phrase; then dpkg -r, then purge.
# Leaves install.out (dpkg -i), ldd.out, help.out (serve --help), passwd.out (the continuo user),
# serve.out (the daemon's journal lines), dump.out (aseqdump of Continuo Out), after-remove.txt
# and after-purge.txt (which of the package's paths exist: "present PATH" / "absent PATH"),
# status-after-remove.txt (dpkg-query's status).
. "$(dirname "$0")/../vm/scenario-lib.sh"

# The layers live in a private mount namespace: they vanish when this script ends, so later
# scenarios see the guest as it was.
if [[ -z ${CONTINUO_DEB_NAMESPACE:-} ]]; then
    exec env CONTINUO_DEB_NAMESPACE=1 unshare --mount --propagation private /bin/bash "$0" "$@"
fi
layers=$(mktemp -d /tmp/deb-layers.XXXXXX)
for folder in /usr /etc /var; do
    name=${folder#/}
    mkdir -p "$layers/$name/upper" "$layers/$name/work"
    mount -t overlay overlay -o "lowerdir=$folder,upperdir=$layers/$name/upper,workdir=$layers/$name/work" "$folder"
done

shopt -s nullglob
packages=("$FIXTURES"/continuo_*.deb)
[[ ${#packages[@]} -eq 1 ]] || { echo "expected one continuo_*.deb in $FIXTURES, found ${#packages[@]}"; exit 1; }
paths=(/usr/bin/continuo /usr/share/continuo/default-model.safetensors /usr/lib/systemd/system/continuo.service
    /usr/lib/systemd/user/continuo.service /usr/lib/sysusers.d/continuo.conf /usr/share/doc/continuo/copyright
    /etc/continuo/continuo.yaml)
inventory() { for path in "${paths[@]}"; do [[ -e $path ]] && echo "present $path" || echo "absent $path"; done; }

# man-db's trigger (re-indexing every manual page for the new one) takes minutes on the
# emulated CPU; its documented switch turns it off for this throw-away install.
rm -f /var/lib/man-db/auto-update
# Dependencies come from the host's dpkg database, which the guest shares: no --force-depends.
dpkg -i "${packages[0]}" > install.out 2>&1
echo "installed at ${SECONDS}s"
ldd /usr/bin/continuo > ldd.out 2>&1
/usr/bin/continuo serve --help > help.out 2>&1
{ getent passwd continuo; id continuo; } > passwd.out 2>&1 || true

stdbuf -oL aseqdump > dump.out 2>&1 &
background_pids+=($!)
dump_pid=$!
wait_for dump.out 'Waiting for data'
# The installed configuration, MIDI only; no --model-path: the model must come from /usr/share.
start serve /usr/bin/continuo serve --midi-inputs 'VirMIDI 1-0' --synth-enabled false \
    --listen-silence-seconds 1.5 --answer-events 8 --log-status-seconds 0
wait_for serve.out 'serving' 1 120
echo "serving at ${SECONDS}s"
wait_for serve.out 'input connected' 1 30
aconnect Continuo:1 aseqdump:0
for pitch in '\x3c' '\x40' '\x43' '\x48'; do
    printf "\x90${pitch}\x5a" > /dev/snd/midiC1D0; sleep 0.25; printf "\x80${pitch}\x40" > /dev/snd/midiC1D0
done
wait_for dump.out 'Note on' 1 90 || true
echo "answered at ${SECONDS}s"
kill -TERM "$serve_pid"
wait "$serve_pid" || true
stop "$dump_pid"

dpkg -r continuo > remove.out 2>&1
inventory > after-remove.txt
dpkg-query -W -f '${Status}\n' continuo > status-after-remove.txt 2>&1 || true
dpkg --purge continuo > purge.out 2>&1
inventory > after-purge.txt
echo "purged at ${SECONDS}s"
