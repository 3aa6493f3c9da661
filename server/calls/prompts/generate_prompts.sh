#!/usr/bin/env bash
# Speaks every fragment of prompts.tsv with espeak-ng and makes the hold music with sox, as the
# 8 kHz mono 16-bit PCM WAVs the server plays to callers (docs/prompts.md).
#
#   generate_prompts.sh PROMPTS_TSV OUT_DIR
#
# Writes OUT_DIR/<lang>/<id>.wav, OUT_DIR/music/hold.wav and a copy of the TSV. Everything is
# made in a staging directory and moved into place only when all of it succeeded, so a failed
# run never leaves fresh-looking half output that the build would take as up to date.
# Deterministic: same TSV + same espeak-ng/sox → byte-identical files (sox dither is off).
# ESPEAK_NG and SOX may name the programs (CMake passes what find_program found).
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 PROMPTS_TSV OUT_DIR" >&2
    exit 2
fi
tsv=$1
out=$2
espeak=${ESPEAK_NG:-espeak-ng}
sox=${SOX:-sox}

die() {
    echo "" >&2
    echo "*** generate_prompts.sh: $*" >&2
    echo "" >&2
    exit 1
}

command -v "$espeak" >/dev/null 2>&1 ||
    die "espeak-ng not found ('$espeak'): the caller announcements cannot be made. Install it (apt-get install espeak-ng) or put recorded WAVs in place (docs/prompts.md)."
command -v "$sox" >/dev/null 2>&1 ||
    die "sox not found ('$sox'): install it (apt-get install sox)."
[[ -r $tsv ]] || die "cannot read $tsv"
for voice in ko en-us; do
    "$espeak" -v "$voice" -q "a" >/dev/null 2>&1 || die "espeak-ng has no '$voice' voice."
done

# Telephone speech, a little slower than espeak-ng's default 175 words/min (about 6 syllables/s
# in Korean, as ARS voices speak for callers of every age).
declare -A voices=([ko]=ko [en]=en-us)
declare -A rates=([ko]=165 [en]=155)

mkdir -p "$(dirname "$out")"
stage=$(mktemp -d "${out%/}.staging.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/ko" "$stage/en" "$stage/music"

# Milliseconds → the seconds sox takes ("0.250").
secs() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# Read and check the whole TSV before speaking anything, so a typo fails in a second.
declare -a f_id=() f_lang=() f_lead=() f_tail=() f_say=()
declare -A seen=()
line_no=0
while IFS= read -r line || [[ -n $line ]]; do
    line_no=$((line_no + 1))
    [[ -z $line || $line == \#* ]] && continue
    IFS=$'\t' read -r id lang lead_ms tail_ms text tts <<<"$line"
    [[ $id =~ ^[a-z0-9_]+$ ]] || die "$tsv:$line_no: bad id '$id'"
    [[ -n ${voices[$lang]:-} ]] || die "$tsv:$line_no: unknown lang '$lang' (ko or en)"
    [[ $lead_ms =~ ^[0-9]+$ && $tail_ms =~ ^[0-9]+$ ]] ||
        die "$tsv:$line_no: lead_ms/tail_ms must be whole milliseconds"
    [[ -n $text ]] || die "$tsv:$line_no: empty text"
    [[ -z ${seen[$lang/$id]:-} ]] || die "$tsv:$line_no: $lang/$id is defined twice"
    seen[$lang/$id]=1
    f_id+=("$id") f_lang+=("$lang") f_lead+=("$lead_ms") f_tail+=("$tail_ms")
    f_say+=("${tts:-$text}")
done <"$tsv"

# One fragment: speak, cut espeak's silences (its silence is digital zero, so a -60 dB
# threshold keeps soft onsets like s/h), 6 dB of headroom (espeak-ng speaks near full scale and
# the filters would clip), telephone band, 8 kHz, peak -3 dBFS, then the pauses the TSV asks
# for. -D: no dither, which would add random noise and break determinism.
speak() { # index
    local i=$1
    local lang=${f_lang[$i]} id=${f_id[$i]}
    local raw="$stage/raw-$lang.wav" dst="$stage/$lang/$id.wav"
    printf '%s' "${f_say[$i]}" |
        "$espeak" -v "${voices[$lang]}" -s "${rates[$lang]}" -b 1 --stdin -w "$raw" ||
        die "espeak-ng failed on $lang/$id"
    "$sox" -D "$raw" -r 8000 -c 1 -b 16 -e signed-integer "$dst" \
        silence 1 0.005 0.1% reverse silence 1 0.005 0.1% reverse \
        gain -6 highpass 120 rate -v 8000 norm -3 \
        pad "$(secs "${f_lead[$i]}")" "$(secs "${f_tail[$i]}")" ||
        die "sox failed on $lang/$id"
}

# One worker per language (the machine may have only two cores, others build too).
speak_lang() { # lang
    local i
    for i in "${!f_id[@]}"; do
        [[ ${f_lang[$i]} == "$1" ]] && speak "$i"
    done
    rm -f "$stage/raw-$1.wav"
}
speak_lang ko &
ko_job=$!
speak_lang en &
en_job=$!
wait "$ko_job" || die "speaking the Korean fragments failed (see above)"
wait "$en_job" || die "speaking the English fragments failed (see above)"

# Hold/queue music: a soft chime, 1000 Hz fundamental in every note (the test suites detect
# music as a 1000 Hz tone) with a quiet fifth (1500 Hz) or major third (1250 Hz) above for
# colour, a 15 ms attack, a half-sine decay to silence and a 200 ms rest. Three phrases,
# 19.6 s; it starts at the onset of a note and ends on a rest like the ones inside, so it
# loops without a seam or click. Peak -6 dBFS.
note() { # dst length_ms harmony_hz (0: the plain tone)
    local dst=$1 len=$2 harm=$3
    local tones=(sine 1000) mix=1v0.8
    if [[ $harm -gt 0 ]]; then
        tones+=(sine "$harm")
        mix=1v0.8,2v0.18
    fi
    "$sox" -D -r 8000 -c ${#tones[@]} -n -c 1 -b 16 "$dst" \
        synth "$(secs "$len")" "${tones[@]}" remix "$mix" \
        fade h 0.015 "$(secs "$len")" "$(secs $((len - 15)))" pad 0 0.2
}
parts=()
i=0
# length_ms:harmony_hz. Rhythm: short short long, short short short long; twice, then a
# shorter closing phrase.
for n in 500:0 500:1500 1200:0 500:1250 500:0 500:1500 1600:0 \
    500:0 500:1250 1200:0 500:1500 500:0 500:1250 1600:0 \
    500:0 500:1500 1200:1250 500:0 500:0 1800:0; do
    note "$stage/n$i.wav" "${n%%:*}" "${n##*:}"
    parts+=("$stage/n$i.wav")
    i=$((i + 1))
done
"$sox" -D "${parts[@]}" "$stage/music/hold.wav" gain -n -6
rm -f "${parts[@]}"

cp "$tsv" "$stage/prompts.tsv"

# All made: swap in, removing fragments whose ids left the TSV.
mkdir -p "$out"
rm -rf "$out/ko" "$out/en" "$out/music"
mv "$stage/ko" "$stage/en" "$stage/music" "$stage/prompts.tsv" "$out/"
echo "generate_prompts.sh: ${#f_id[@]} fragments + music/hold.wav in $out"
