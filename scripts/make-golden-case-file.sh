#!/usr/bin/env bash
# Makes the golden case file of a new file format version, once, from fixed inputs:
#   Tests/Fixtures/GoldenCaseFiles/format-N/
#     data/                   `refuge demo --cases 40 --seed 7` (user demo, passphrase demo-passphrase)
#     stats-min-cell-1.json   its statistics with no suppression
#     history.txt             the longest case history, as GoldenCaseFileTests renders it
#     README.md               which Refuge wrote it and how
# Run it on the commit that releases format N, commit the folder, and never regenerate it: it is
# the proof that files written by that release still open (GoldenCaseFileTests).
#
# Usage: scripts/make-golden-case-file.sh format-N
set -euo pipefail
name="${1:-}"
[[ "$name" =~ ^format-[0-9]+$ ]] || { echo "usage: scripts/make-golden-case-file.sh format-N" >&2; exit 2; }
cd "$(dirname "$0")/.."
target="Tests/Fixtures/GoldenCaseFiles/$name"
[ ! -e "$target" ] || { echo "$target exists; golden case files are never regenerated" >&2; exit 1; }

swift build --product refuge
refuge="$(swift build --show-bin-path)/refuge"
# The standard key cost (no REFUGE_KDF_LOGN): the golden file is what a real laptop writes.
export REFUGE_USER=demo REFUGE_PASSPHRASE=demo-passphrase LANG=C.UTF-8
unset REFUGE_KDF_LOGN REFUGE_DATA

mkdir -p "$target"
"$refuge" demo --data "$target/data" --cases 40 --seed 7
"$refuge" stats --data "$target/data" --format json --min-cell 1 > "$target/stats-min-cell-1.json"
rm -f "$target/data/lock"
version="$("$refuge" --version)"
cat > "$target/README.md" <<README
# Golden case file: $name

Written by $version, with:

    refuge demo --data data --cases 40 --seed 7
    REFUGE_USER=demo REFUGE_PASSPHRASE=demo-passphrase refuge stats --data data --format json --min-cell 1 > stats-min-cell-1.json

User \`demo\`, passphrase \`demo-passphrase\` (standard scrypt cost). \`history.txt\` is the longest
case history as GoldenCaseFileTests renders it (recorded by that test the one time it was missing).
Never regenerate this folder: it is the proof that files written by that version still open.
Tests copy it to a temporary folder before opening it (opening may upgrade it).
README

# The expected history is rendered by the test itself, so it is recorded by running it once.
swift build --build-tests
REFUGE_GOLDEN_RECORD=1 swift test --skip-build --filter GoldenCaseFileTests
echo "Made $target; check it and commit it."
