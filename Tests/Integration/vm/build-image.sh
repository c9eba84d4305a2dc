#!/usr/bin/env bash
# Builds (once) what the ALSA rig boots: the kernel as an ELF vmlinux extracted from the
# installed bzImage (PVH entry boots faster than the compressed image) and an initramfs of
# busybox plus the modules for the 9p host share and the sound drivers, decompressed and
# listed in dependency order. Prints the cache directory. Usage: build-image.sh CACHE_DIR
set -euo pipefail
cache_root=${1:?usage: build-image.sh CACHE_DIR}

fail() { echo "build-image: $*" >&2; exit 2; }
kernel=$(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V | tail -1) || true
[[ -n "$kernel" ]] || fail "no kernel in /boot/vmlinuz-* (install linux-image-amd64)"
version=${kernel#/boot/vmlinuz-}
[[ -d /lib/modules/$version ]] || fail "no /lib/modules/$version for $kernel"
busybox=$(command -v busybox) || fail "no busybox (install busybox-static)"
for tool in modprobe cpio xz gzip; do command -v $tool >/dev/null || fail "no $tool"; done

out=$cache_root/$version
script_dir=$(cd "$(dirname "$0")" && pwd)
stamp=$(cat "$0" "$script_dir/init" | sha1sum | cut -c1-12)
if [[ -f $out/vmlinux && -f $out/initramfs.cpio.gz && "$(cat $out/stamp 2>/dev/null)" == "$stamp" ]]; then
    echo "$out"; exit 0
fi
rm -rf "$out"; mkdir -p "$out"

# vmlinux: the bzImage carries it xz-compressed after a setup header; find the xz magic.
offset=$(grep -abo -m1 $'\xfd7zXZ\x00' "$kernel" | cut -d: -f1) || fail "no xz payload in $kernel"
tail -c +$((offset + 1)) "$kernel" | xz -dc --single-stream > "$out/vmlinux.tmp" 2>/dev/null || true
[[ "$(head -c 4 "$out/vmlinux.tmp" | od -An -c | tr -d ' ')" == '177ELF' ]] || fail "extracted kernel is not ELF"
mv "$out/vmlinux.tmp" "$out/vmlinux"

root=$out/root
mkdir -p "$root"/{bin,dev,proc,sys,mnt/host,mnt/scratch,lib/modules}
cp "$busybox" "$root/bin/busybox"
# Order matters: the Loopback card becomes card 0, VirMIDI card 1 (/dev/snd/midiC1D*).
modules="virtio_pci 9pnet_virtio 9p overlay snd-hrtimer snd-seq-dummy snd-aloop snd-virmidi"
: > "$root/modules.order"
for module in $modules; do
    modprobe -S "$version" --show-depends "$module" | awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++' | while read -r path; do
    name=$(basename "$path"); name=${name%.xz}; name=${name%.zst}; name=${name%.gz}
    case "$path" in
        *.xz) xz -dc "$path" > "$root/lib/modules/$name" ;;
        *.zst) zstd -dqc "$path" > "$root/lib/modules/$name" ;;
        *.gz) gzip -dc "$path" > "$root/lib/modules/$name" ;;
        *) cp "$path" "$root/lib/modules/$name" ;;
    esac
    echo "$name" >> "$root/modules.order"
done
cp "$script_dir/init" "$root/init"; chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out/initramfs.cpio.gz"
rm -rf "$root"
echo "$stamp" > "$out/stamp"
echo "$out"
