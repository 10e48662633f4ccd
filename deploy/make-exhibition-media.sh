#!/usr/bin/env bash
# 展厅音视频的生成脚本 · Regenerates the exhibition's audio guides and videos from text.
#
# For every content/exhibition/media/**/NAME.narration.txt it writes, next to it:
#   NAME.mp3 + NAME.vtt   when the file has no "@slide" lines (an audio guide), or
#   NAME.mp4 + NAME.vtt   when it has "@slide IMAGE.svg" lines (a video of still pictures).
#
# Narration file format (UTF-8):
#   # comment                      ignored, as are blank lines
#   @slide video/step-1.svg        from the next sentence on, show this SVG (path relative to the file)
#   字幕文字                        one sentence: shown as one caption cue and spoken as written
#   字幕文字 | 朗读文字              shown as the left part, spoken as the right part (pronunciation
#                                  fixes: 12388 is read 幺二三八八, "张*明" is read 张，星号，明)
#
# Each sentence is synthesised on its own with espeak-ng's Mandarin voice, measured with ffprobe,
# and the sentences are joined with a fixed pause; the cue times in the .vtt are those measured
# durations, so captions and speech match exactly. A slide stays on screen for its sentences.
#
# Needs: espeak-ng, ffmpeg (with libmp3lame and libx264), rsvg-convert (librsvg2-bin), a CJK font
# for the SVG text (fonts-wqy-microhei or fonts-noto-cjk). On Debian:
#   apt-get install -y espeak-ng ffmpeg librsvg2-bin fonts-wqy-microhei
#
# Usage: deploy/make-exhibition-media.sh [NARRATION.txt ...]   (default: all of them)
# Idempotent: outputs are rewritten from scratch each run, without timestamps or encoder metadata.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEDIA="$ROOT/content/exhibition/media"
VOICE="${VOICE:-cmn-latn-pinyin}"  # Mandarin; Chinese characters missing from the dictionary fall back
                                   # to pinyin, which this variant reads as pinyin (plain "cmn" reads it as English)
SPEED="${SPEED:-170}"              # words per minute for espeak-ng (its default is 175)
GAP="${GAP:-0.45}"                 # pause between sentences, seconds
LEAD="${LEAD:-0.30}"               # silence before the first sentence, seconds
RATE=22050                         # espeak-ng's native sample rate

for tool in espeak-ng ffmpeg ffprobe rsvg-convert awk; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y espeak-ng ffmpeg librsvg2-bin)" >&2; exit 1; }
done
espeak-ng --voices=cmn | grep -q . || { echo "espeak-ng has no Mandarin (cmn) voice" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Seconds (float) -> WebVTT timestamp HH:MM:SS.mmm
vtt_time() { awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); printf "%02d:%02d:%02d.%03d", ms/3600000, (ms/60000)%60, (ms/1000)%60, ms%1000 }'; }
# Exact duration of a PCM WAV from its sample count
wav_seconds() { ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$1" | awk -v r="$RATE" '{ printf "%.6f", $1 / r }'; }
silence() { ffmpeg -nostdin -v error -y -f lavfi -i "anullsrc=r=$RATE:cl=mono" -t "$1" -c:a pcm_s16le "$2"; }
trim() { sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//'; }

make_one() {
  local txt="$1" dir base name
  dir="$(cd "$(dirname "$txt")" && pwd)"
  name="$(basename "$txt" .narration.txt)"
  base="$dir/$name"
  local w="$WORK/$name"; rm -rf "$w"; mkdir -p "$w"

  silence "$GAP" "$w/gap.wav"
  silence "$LEAD" "$w/lead.wav"
  : > "$w/list.txt"; : > "$w/cues.txt"; : > "$w/slides.txt"
  echo "file '$w/lead.wav'" >> "$w/list.txt"

  local t="$LEAD" n=0 slide="" slide_start="$LEAD" line caption spoken d end
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="$(printf '%s' "$line" | tr -d '\r' | trim)"
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ "$line" == @slide* ]]; then
      if [[ -n "$slide" ]]; then
        printf '%s\t%s\n' "$slide" "$(awk -v a="$t" -v b="$slide_start" 'BEGIN { printf "%.6f", a - b }')" >> "$w/slides.txt"
      fi
      slide="$(printf '%s' "${line#@slide}" | trim)"
      [[ -f "$dir/$slide" ]] || { echo "$txt: slide not found: $slide" >&2; exit 1; }
      slide_start="$t"
      continue
    fi
    if [[ "$line" == *"|"* ]]; then
      caption="$(printf '%s' "${line%%|*}" | trim)"; spoken="$(printf '%s' "${line#*|}" | trim)"
    else
      caption="$line"; spoken="$line"
    fi
    n=$((n + 1))
    espeak-ng -v "$VOICE" -s "$SPEED" -w "$w/s$n.raw.wav" -- "$spoken" </dev/null
    # Same format for every piece so that the concat demuxer joins them sample-exactly.
    ffmpeg -nostdin -v error -y -i "$w/s$n.raw.wav" -ar "$RATE" -ac 1 -c:a pcm_s16le "$w/s$n.wav"
    d="$(wav_seconds "$w/s$n.wav")"
    end="$(awk -v a="$t" -v b="$d" 'BEGIN { printf "%.6f", a + b }')"
    printf '%s\t%s\t%s\n' "$t" "$end" "$caption" >> "$w/cues.txt"
    echo "file '$w/s$n.wav'" >> "$w/list.txt"
    echo "file '$w/gap.wav'" >> "$w/list.txt"
    t="$(awk -v a="$end" -v g="$GAP" 'BEGIN { printf "%.6f", a + g }')"
  done < "$txt"
  [[ $n -gt 0 ]] || { echo "$txt: no sentences" >&2; exit 1; }
  if [[ -n "$slide" ]]; then
    printf '%s\t%s\n' "$slide" "$(awk -v a="$t" -v b="$slide_start" 'BEGIN { printf "%.6f", a - b }')" >> "$w/slides.txt"
  fi

  ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$w/list.txt" -c:a pcm_s16le "$w/all.wav"

  {
    echo "WEBVTT"
    echo
    local i=0 s e c
    while IFS=$'\t' read -r s e c; do
      i=$((i + 1))
      echo "$i"
      echo "$(vtt_time "$s") --> $(vtt_time "$e")"
      echo "$c"
      echo
    done < "$w/cues.txt"
  } > "$base.vtt"

  local total; total="$(wav_seconds "$w/all.wav")"
  if [[ ! -s "$w/slides.txt" ]]; then
    ffmpeg -nostdin -v error -y -i "$w/all.wav" -ac 1 -ar 44100 -c:a libmp3lame -b:a 48k \
      -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$base.mp3"
    printf '%-60s %6.1f s %8d bytes, %d cues\n' "${base#$ROOT/}.mp3" "$total" "$(stat -c %s "$base.mp3")" "$n"
  else
    local args=() filter="" k=0 img secs
    while IFS=$'\t' read -r img secs; do
      rsvg-convert -w 640 -h 360 -b white "$dir/$img" -o "$w/slide$k.png" </dev/null
      args+=(-loop 1 -framerate 15 -t "$secs" -i "$w/slide$k.png")
      filter+="[$k:v]"
      k=$((k + 1))
    done < "$w/slides.txt"
    filter+="concat=n=$k:v=1:a=0,format=yuv420p[v]"
    ffmpeg -nostdin -v error -y "${args[@]}" -i "$w/all.wav" -filter_complex "$filter" -map "[v]" -map "$k:a" \
      -c:v libx264 -preset slow -tune stillimage -crf 30 -profile:v main -r 15 -threads 1 \
      -c:a aac -b:a 48k -ac 1 -ar 44100 -shortest \
      -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$base.mp4"
    printf '%-60s %6.1f s %8d bytes, %d cues, %d slides\n' "${base#$ROOT/}.mp4" "$total" "$(stat -c %s "$base.mp4")" "$n" "$k"
  fi
}

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(find "$MEDIA" -name '*.narration.txt' | sort)
fi
for f in "${files[@]}"; do make_one "$f"; done
