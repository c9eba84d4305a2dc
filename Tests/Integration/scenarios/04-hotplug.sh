# Scenario 4: unplug and replug the VirMIDI card while Continuo listens to it.
# Unplugging is unbinding the card's platform device, which is what a USB unplug does (the
# driver's disconnect path); `rmmod snd-virmidi` is refused while a port is subscribed.
# A note goes in through the raw MIDI device before and after; leaves monitor.out and
# alive.txt ("yes" when the monitor survived the unplug).
. "$(dirname "$0")/../vm/scenario-lib.sh"
device=/sys/bus/platform/drivers/snd_virmidi

start monitor "$CONTINUO" monitor --source 'VirMIDI 1-0'
wait_for monitor.out '"event":"connected"'
printf '\x90\x3c\x64\x80\x3c\x40' > /dev/snd/midiC1D0    # note 60 on (velocity 100), off
wait_for monitor.out '"note":60' 2
echo snd_virmidi.0 > $device/unbind
wait_for monitor.out '"event":"lost"'
sleep 1
if kill -0 "$monitor_pid"; then echo yes > alive.txt; else echo no > alive.txt; fi
echo snd_virmidi.0 > $device/bind
wait_for monitor.out '"event":"connected"' 2
for _ in $(seq 50); do [[ -e /dev/snd/midiC1D0 ]] && break; sleep 0.1; done
printf '\x90\x3e\x50\x80\x3e\x40' > /dev/snd/midiC1D0    # note 62 on (velocity 80), off
wait_for monitor.out '"note":62' 2
stop "$monitor_pid"
