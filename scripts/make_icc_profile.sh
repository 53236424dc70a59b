#!/usr/bin/env bash
# Build brochure/data/icc/brochure-fogra39-300.icc, the CMYK output profile for coated offset
# (FOGRA39 / ISO 12647-2 coated), total ink limit 300 %, from the free FOGRA39L characterisation
# data in Debian's icc-profiles-free, with ArgyllCMS colprof. Run by hand once; not run by CI.
#
# Needs root (or sudo) for apt-get, and Debian 12 (bookworm) packages:
#   icc-profiles-free 2.0.1+dfsg-1.1 (FOGRA39L.ti3, sRGB.icc; Zlib licence)
#   argyll 2.3.1+repack-1.1+b1       (colprof; the tool is AGPL-3, its output is not)
# With those versions the result is byte-identical on every run (colprof is deterministic; the
# header's creation date is set from SOURCE_DATE_EPOCH, default the Makefile's 1767225600).
#
# Usage: sudo scripts/make_icc_profile.sh        (from anywhere; writes into the repo)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo/brochure/data/icc"
name="brochure-fogra39-300"
data=/usr/share/color/icc/FOGRA39L.ti3
srgb=/usr/share/color/icc/sRGB.icc
data_sha256=e44e6dfa81633588db98b5613a821d4a936d3d9438d2eb983083c3232df393fa
: "${SOURCE_DATE_EPOCH:=1767225600}"

# 1. Debian packages (apt-get needs root; skipped when both are installed already).
installed="$(dpkg-query -W -f='${Status}\n' icc-profiles-free argyll 2>/dev/null \
    | grep -c '^install ok installed$' || true)"
if [ "$installed" != 2 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "make_icc_profile.sh: apt-get needs root; run with sudo" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends icc-profiles-free argyll
fi
echo "argyll $(dpkg-query -W -f='${Version}' argyll)," \
     "icc-profiles-free $(dpkg-query -W -f='${Version}' icc-profiles-free)"

# 2. Check the input is the data set this profile was made from.
echo "$data_sha256  $data" | sha256sum -c -

# 3. Build in a scratch folder (colprof reads BASE.ti3 and writes BASE.icc).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$data" "$work/$name.ti3"
(
    cd "$work"
    # -qm       medium quality: small (~170 kB) and accurate (peak dE about 0.7 on the data)
    # -nc       do not embed the 126 kB measurement data in the profile
    # -kr       black generation: K ramps linearly from 0 at paper white to max at black
    # -l300     total ink limit 300 % (ISO Coated v2 300 % convention)
    # -L95      black ink limit 95 %
    # -s sRGB   perceptual table gamut-mapped from an sRGB source gamut (our images are sRGB)
    colprof -v -qm -nc -kr -l300 -L95 -s "$srgb" \
        -D "Brochure FOGRA39 coated 300% (FOGRA39L data)" \
        -C "Zlib licence. Made with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, Kai-Uwe Behrmann, Zlib; data: Fogra)" \
        "$name" > colprof.log 2>&1 || { cat colprof.log >&2; exit 1; }
    grep -E 'ink limit|Profile check' colprof.log || true
)

# 4. Fixed creation date in the ICC header (offset 24: six big-endian uint16:
#    year, month, day, hour, minute, second) so that re-runs give the same bytes.
read -r y mo d h mi s < <(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y %m %d %H %M %S')
hex=""
for v in "$y" "$mo" "$d" "$h" "$mi" "$s"; do
    hex+="$(printf '\\x%02x\\x%02x' $(( 10#$v >> 8 )) $(( 10#$v & 255 )))"
done
printf "$hex" | dd of="$work/$name.icc" bs=1 seek=24 count=12 conv=notrunc status=none

# 5. Install into the repository and report.
mkdir -p "$out_dir"
cp "$work/$name.icc" "$out_dir/$name.icc"
iccdump "$out_dir/$name.icc" | sed -n '/^Header:/,/^$/p'
sha256sum "$out_dir/$name.icc"
