#!/usr/bin/env bash
# Builds the Debian package continuo_VERSION_ARCH.deb from this checkout, offline:
#   scripts/make-deb.sh [OUT_DIR]        (default OUT_DIR: the current folder)
# Needs the Swift toolchain, dpkg-deb, dpkg-dev (dpkg-shlibdeps, dpkg-parsechangelog) and the
# -dev packages of the README's setup. Version and maintainer: the top entry of
# scripts/deb/changelog. Prints the
# package's path. The release build goes to .build-deb/ (CONTINUO_DEB_SCRATCH to change it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out_dir=$(mkdir -p "${1:-.}" && cd "${1:-.}" && pwd)
scratch=${CONTINUO_DEB_SCRATCH:-$root/.build-deb}
for tool in swift dpkg-deb dpkg-shlibdeps dpkg-parsechangelog strip; do
    command -v "$tool" >/dev/null || { echo "make-deb: $tool is not installed" >&2; exit 2; }
done

version=$(dpkg-parsechangelog -l "$here/deb/changelog" -S Version)
[[ -n $version ]] || { echo "make-deb: no version in scripts/deb/changelog" >&2; exit 1; }
maintainer=$(dpkg-parsechangelog -l "$here/deb/changelog" -S Maintainer)
arch=$(dpkg --print-architecture)
deb="$out_dir/continuo_${version}_${arch}.deb"

# The Swift runtime and Foundation linked in: the target machine needs no toolchain. Symbols
# bound at load time (-z now), so the relocations can be read-only (relro), as Debian builds.
(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product continuo \
    -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now >&2)
binary="$scratch/release/continuo"
# The man page, from the command's own help (swift-argument-parser's generate-manual), without
# the "Here:" line naming the model this build machine would use.
(cd "$root" && swift build --scratch-path "$scratch" --product generate-manual >&2)
man_dir="$scratch/man"
rm -rf "$man_dir" && mkdir -p "$man_dir"
"$scratch/debug/generate-manual" "$binary" --date "$(dpkg-parsechangelog -l "$here/deb/changelog" -S Date | date -u -f - +%F)" \
    --authors "$maintainer" --output-directory "$man_dir" >&2

stage="$scratch/deb-root"
rm -rf "$stage"
install -D -m 755 "$binary" "$stage/usr/bin/continuo"
# What dh_strip does: no symbol tables, no .comment/.note (Swift's metadata sections stay).
strip --remove-section=.comment --remove-section=.note "$stage/usr/bin/continuo"
install -D -m 644 "$root/Sources/ContinuoApp/Resources/default-model.safetensors" \
    "$stage/usr/share/continuo/default-model.safetensors"
install -D -m 644 "$root/Config/continuo.yaml" "$stage/etc/continuo/continuo.yaml"
install -D -m 644 "$root/systemd/continuo.service" "$stage/usr/lib/systemd/system/continuo.service"
install -D -m 644 "$root/systemd/continuo-user.service" "$stage/usr/lib/systemd/user/continuo.service"
install -D -m 644 "$root/systemd/continuo.sysusers" "$stage/usr/lib/sysusers.d/continuo.conf"
install -D -m 644 "$here/deb/copyright" "$stage/usr/share/doc/continuo/copyright"
install -m 644 "$root/README.md" "$stage/usr/share/doc/continuo/README.md"
gzip -9n < "$here/deb/changelog" > "$stage/usr/share/doc/continuo/changelog.Debian.gz"
mkdir -p "$stage/usr/share/man/man1"
sed '/^Here: /d' "$man_dir/continuo.1" | gzip -9n > "$stage/usr/share/man/man1/continuo.1.gz"
install -D -m 644 "$here/deb/lintian-overrides" "$stage/usr/share/lintian/overrides/continuo"
chmod 644 "$stage/usr/share/doc/continuo/changelog.Debian.gz" "$stage/usr/share/man/man1/continuo.1.gz"

# Shared libraries the binary really loads (its DT_NEEDED), with the versions dpkg-shlibdeps
# derives from the installed packages' symbols files; it wants a debian/control to read.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debian"
printf 'Source: continuo\n\nPackage: continuo\nArchitecture: any\n' > "$work/debian/control"
libraries=$(cd "$work" && dpkg-shlibdeps -O "$stage/usr/bin/continuo" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[[ $libraries == *libasound2* && $libraries == *libfluidsynth3* && $libraries == *openblas* ]] || {
    echo "make-deb: unexpected library dependencies: $libraries" >&2; exit 1; }

mkdir -p "$stage/DEBIAN"
install -m 755 "$here/deb/postinst" "$here/deb/prerm" "$here/deb/postrm" "$stage/DEBIAN/"
echo /etc/continuo/continuo.yaml > "$stage/DEBIAN/conffiles"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: continuo
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $libraries, fluid-soundfont-gm | timgm6mb-soundfont | musescore-general-soundfont | musescore-general-soundfont-small | sf2-soundfont-gm
Suggests: alsa-utils
Section: sound
Priority: optional
Description: real-time MIDI improvisation partner (ALSA, FluidSynth, LSTM)
 Continuo listens to a MIDI keyboard on the ALSA sequencer and answers each
 phrase in the same style and tempo, sampled from an LSTM trained on Bach
 chorales: as MIDI events on its own port (a DAW can record them) and as audio
 through an embedded FluidSynth. It stops with note-offs the moment the player
 plays again.
 .
 This package holds one native binary with the shipped model, a system service
 (a dedicated user in group audio) and a user service for desktop sessions;
 neither is enabled until the admin or the user enables it.
CONTROL

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >&2
echo "$deb"
