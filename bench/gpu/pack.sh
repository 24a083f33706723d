#!/usr/bin/env bash
# Packs what bench/gpu/run_on_gpu.sh needs on a GPU machine without a .NET SDK, into .gpu/ (ignored by git):
#   .gpu/appx/app.tar.xz          self-contained `cvm_perception` without its three big native libraries (~32 MB)
#   .gpu/n0 .. n4/natives.tar.xz.0N  libonnxruntime.so, libonnxruntime_providers_cuda.so, libOpenCvSharpExtern.so
#                                 as one tar.xz cut into pieces of 46 MB (the device tool carries 64 MiB a call,
#                                 working tree included)
#   .gpu/deps/depslib.tar.xz      GTK 3 and the rest of libOpenCvSharpExtern.so's dependencies, from Debian 12's
#                                 packages (apt-get download), without glibc and libstdc++ (the machine's own)
# Run from the repository root: bash bench/gpu/pack.sh. bench/gpu/README.md says how the pieces are carried.
set -euo pipefail
G=.gpu
rm -rf "$G" && mkdir -p "$G/appx" "$G/deps" "$G/stage"
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
dotnet publish cvm_perception/CvM.Node -c Release -r linux-x64 --self-contained -o "$G/app" >/dev/null
BIG="libonnxruntime_providers_cuda.so libonnxruntime.so libOpenCvSharpExtern.so"
(cd "$G/app" && tar -cf - $BIG) | xz -T2 -6 > "$G/stage/natives.tar.xz"
(cd "$G/app" && tar $(for f in $BIG; do echo --exclude=$f; done) -cf - .) | xz -T2 -9 > "$G/appx/app.tar.xz"
split -b 46000000 -d "$G/stage/natives.tar.xz" "$G/stage/natives.tar.xz."
for p in "$G"/stage/natives.tar.xz.0*; do i=${p##*.0}; mkdir -p "$G/n$i"; mv "$p" "$G/n$i/"; done
rm -rf /tmp/cvm_gtkdeps && mkdir -p /tmp/cvm_gtkdeps/x /tmp/cvm_gtkdeps/depslib && cd /tmp/cvm_gtkdeps
pk=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances --no-pre-depends \
  libgtk-3-0 libfreetype6 libharfbuzz0b libdrm2 libatomic1 libx11-6 | grep -v '^ ' | grep -v '<' | sort -u \
  | grep -v -E '^(libc6|libstdc\+\+6|libgcc-s1|debconf|dpkg|perl-base|base-files|tar|coreutils|libselinux1|ucf|sensible-utils|adduser|passwd|login|mount|util-linux|init-system-helpers|lsb-base|dconf-service|dbus.*|libsystemd0|systemd.*|libpam.*|libaudit.*|libcap.*|procps|.*-common|.*-data|hicolor-icon-theme|adwaita-icon-theme|gtk-update-icon-cache|fontconfig-config|fonts-.*|libgdk-pixbuf2.0-bin|shared-mime-info|xkb-data|libdconf1)$')
apt-get download $pk >/dev/null
for f in *.deb; do dpkg -x "$f" x; done
find x -maxdepth 4 -path '*x86_64-linux-gnu*' \( -name '*.so.*' -o -name '*.so' \) \( -type f -o -type l \) -exec cp -a {} depslib/ \;
cd - >/dev/null
tar -C /tmp/cvm_gtkdeps -cf - depslib | xz -T2 -9 > "$G/deps/depslib.tar.xz"
rm -rf "$G/stage" "$G/app" /tmp/cvm_gtkdeps
ls -la "$G"/*/
