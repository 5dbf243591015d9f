#!/usr/bin/env bash
# Builds Refuge's release artefacts from the committed source (HEAD), the same way every time:
#   dist/refuge_VERSION_ARCH.deb               for Debian and Ubuntu (`sudo apt install ./refuge_…deb`)
#   dist/refuge-VERSION-linux-MACHINE.tar.gz   the same files for other distributions
#   dist/*.sha256                              one checksum file per artefact (`sha256sum -c`)
# The binary links the Swift runtime statically, so the laptop needs only glibc and ncursesw.
#
# Usage: scripts/release.sh [--output DIR] [--commit REV]   (defaults: dist, HEAD)
# Needs: the Swift toolchain, git, dpkg-dev (dpkg-deb, dpkg-shlibdeps), gzip.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
output="$repo/dist"
revision=HEAD
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --commit) revision="$2"; shift 2 ;;
    *) echo "usage: scripts/release.sh [--output DIR] [--commit REV]" >&2; exit 2 ;;
  esac
done

cd "$repo"
# Only committed code is released: a build from a working tree with local edits could not be
# rebuilt by anyone else, and its binary would name a commit it does not match.
if [ "$revision" = HEAD ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "release.sh: building HEAD; uncommitted changes in this checkout are not included." >&2
fi
commit="$(git rev-parse --short=12 "$revision^{commit}")"
version="$(git show "$commit:Sources/RefugeApp/CLI/BuildInfo.swift" | sed -n 's/^ *public static let version = "\(.*\)"$/\1/p')"
[ -n "$version" ] || { echo "release.sh: no version in Sources/RefugeApp/CLI/BuildInfo.swift" >&2; exit 1; }
# Every timestamp in the artefacts is the commit's, so the same commit gives the same archives.
export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct "$commit")"
arch="$(dpkg --print-architecture)"
machine="$(uname -m)"

# A clean checkout of the commit in a fixed place, and a kept build folder: the paths the compiler
# records are the same on every run, and a second run rebuilds only the files that changed.
# (A shared clone sees every object of this repository; nothing is fetched.)
work="$repo/.build-release"
source="$work/source"
if [ ! -d "$source/.git" ]; then
  rm -rf "$source"
  git clone --quiet --shared --no-checkout "$repo" "$source"
fi
git -C "$source" checkout --quiet --force --detach "$commit"
git -C "$source" clean -fdxq
# The package's tree, where dpkg-shlibdeps expects it: debian/refuge beside debian/control.
package="$work/package"
deb_root="$package/debian/refuge"
rm -rf "$package" && mkdir -p "$deb_root"
sed -i "s/^\( *public static let commit = \).*/\1\"$commit\"/" "$source/Sources/RefugeApp/CLI/BuildInfo.swift"

echo "== Building refuge $version (commit $commit), Swift runtime linked statically"
# No $ORIGIN run path: the binary loads nothing from beside itself.
swift build --package-path "$source" --scratch-path "$work/build" -c release --static-swift-stdlib \
  --disable-local-rpath --product refuge
# The man page generator of swift-argument-parser, from the checkout this build resolved: the tool
# its GenerateManual plugin runs. (`swift package generate-manual` itself first builds every product
# of the package in release mode, the benchmark and development tools too, and then runs each of
# them with --experimental-dump-help; building the tool alone takes a minute.)
swift build --package-path "$work/build/checkouts/swift-argument-parser" --scratch-path "$work/tools" \
  -c release --product generate-manual
bin="$work/build/release"
"$bin/refuge" --version | grep -q "commit $commit" || { echo "release.sh: the binary does not name $commit" >&2; exit 1; }

# The installed tree, laid out as under /usr. The tar.gz holds the same tree, so unpacked under
# any PREFIX the binary finds its documentation at PREFIX/share/doc/refuge.
stage="$deb_root/usr"
docs="$stage/share/doc/refuge"
install -d "$stage/bin" "$docs" "$stage/share/man/man1" \
  "$stage/share/bash-completion/completions" "$stage/share/zsh/vendor-completions" \
  "$stage/share/fish/vendor_completions.d"
install -m 0755 "$bin/refuge" "$stage/bin/refuge"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/bin/refuge"

manual="$work/manual"
rm -rf "$manual" && mkdir -p "$manual"
"$work/tools/release/generate-manual" "$stage/bin/refuge" --output-directory "$manual" --section 1 \
  --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" --authors "The Refuge authors"
gzip -9n -c "$manual/refuge.1" > "$stage/share/man/man1/refuge.1.gz"

# bash-completion sources its scripts, so the generated "#!/bin/bash" line is dropped.
"$stage/bin/refuge" --generate-completion-script bash | sed '1{/^#!/d}' > "$stage/share/bash-completion/completions/refuge"
"$stage/bin/refuge" --generate-completion-script zsh > "$stage/share/zsh/vendor-completions/_refuge"
"$stage/bin/refuge" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/refuge.fish"

(cd "$source" && install -m 0644 docs/user-guide.md docs/security.md docs/install.md docs/command-line.md README.md "$docs/"
  install -m 0644 packaging/debian/copyright "$docs/copyright" && install -m 0644 LICENSE "$docs/LICENSE")
printf 'refuge (%s) stable; urgency=medium\n\n  * Release %s, built from commit %s.\n\n -- Refuge maintainers <refuge@shelter.invalid>  %s\n' \
  "$version" "$version" "$commit" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")" | gzip -9n > "$docs/changelog.gz"
chmod -R u=rwX,go=rX "$deb_root"

# Depends: what the binary links, as dpkg-shlibdeps finds it from the installed libraries.
printf 'Source: refuge\n\nPackage: refuge\nArchitecture: any\n' > "$package/debian/control"
install -d "$deb_root/DEBIAN"
depends="$(cd "$package" && dpkg-shlibdeps -O debian/refuge/usr/bin/refuge | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "release.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
  -e "s/@INSTALLED_SIZE@/$(du -sk --apparent-size "$stage" | cut -f1)/" \
  "$source/packaging/debian/control.in" > "$deb_root/DEBIAN/control"
(cd "$deb_root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$deb_root/DEBIAN/md5sums"
chmod 0644 "$deb_root/DEBIAN/control" "$deb_root/DEBIAN/md5sums"
find "$deb_root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$output"
deb="refuge_${version}_${arch}.deb"
tarball="refuge-${version}-linux-${machine}.tar.gz"
rm -f "$output/$deb" "$output/$deb.sha256" "$output/$tarball" "$output/$tarball.sha256"
dpkg-deb --root-owner-group -Zxz --build "$deb_root" "$output/$deb" >/dev/null
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
  --transform "s,^usr,refuge-$version," -C "$deb_root" -cf - usr | gzip -9n > "$output/$tarball"
(cd "$output" && sha256sum "$deb" > "$deb.sha256" && sha256sum "$tarball" > "$tarball.sha256")

echo "== Release $version (commit $commit) in $output"
(cd "$output" && ls -l "$deb" "$tarball" && cat "$deb.sha256" "$tarball.sha256")
echo "Depends: $depends"
