#!/usr/bin/env bash
# Build the CMYK output profiles in brochure/data/icc/, total ink limit 300 %, from free characterisation
# data in Debian's icc-profiles-free, with ArgyllCMS colprof. Run by hand once; not run by CI.
#
#   brochure-fogra39-300.icc   FOGRA39 (ISO 12647-2 coated offset; Europe), from FOGRA39L.ti3
#   brochure-gracol-300.icc    CGATS TR 006 (GRACoL: sheet-fed offset on grade 1 coated paper; USA), from TR006.ti3
#
# Needs root (or sudo) for apt-get, and Debian 12 (bookworm) packages:
#   icc-profiles-free 2.0.1+dfsg-1.1 (FOGRA39L.ti3, TR006.ti3, sRGB.icc; Zlib licence)
#   argyll 2.3.1+repack-1.1+b1       (colprof; the tool is AGPL-3, its output is not)
# With those versions the result is byte-identical on every run (colprof is deterministic; the
# header's creation date is set from SOURCE_DATE_EPOCH, default the Makefile's 1767225600).
#
# Usage: sudo scripts/make_icc_profile.sh [fogra39|gracol ...]   (default: both; writes into the repo)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo/brochure/data/icc"
srgb=/usr/share/color/icc/sRGB.icc
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

build() {
    local name="$1" data="$2" data_sha256="$3" description="$4" comment="$5" work
    # 2. Check the input is the data set this profile was made from.
    echo "$data_sha256  $data" | sha256sum -c -

    # 3. Build in a scratch folder (colprof reads BASE.ti3 and writes BASE.icc).
    work="$(mktemp -d)"
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
            -D "$description" \
            -C "$comment" \
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
    rm -rf "$work"
}

profiles=("${@:-fogra39 gracol}")
for which in ${profiles[*]}; do
    case "$which" in
    fogra39)
        build brochure-fogra39-300 /usr/share/color/icc/FOGRA39L.ti3 \
            e44e6dfa81633588db98b5613a821d4a936d3d9438d2eb983083c3232df393fa \
            "Brochure FOGRA39 coated 300% (FOGRA39L data)" \
            "Zlib licence. Made with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, Kai-Uwe Behrmann, Zlib; data: Fogra)"
        ;;
    gracol)
        build brochure-gracol-300 /usr/share/color/icc/TR006.ti3 \
            6f78251a2e632ce937d71eae83f4db6e5b56d259ebb55e895969a109748c2717 \
            "Brochure GRACoL coated 300% (CGATS TR 006 data)" \
            "Zlib licence. Made with ArgyllCMS colprof from TR006.ti3 (icc-profiles-free, Kai-Uwe Behrmann, Zlib; data: ANSI CGATS and GRACoL Committee)"
        ;;
    *) echo "make_icc_profile.sh: no profile '$which' (fogra39, gracol)" >&2; exit 2 ;;
    esac
done
