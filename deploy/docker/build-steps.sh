#!/usr/bin/env bash
# Replays the build stage of deploy/docker/Dockerfile without Docker: its COPY lines copy from the repository (less
# what Dockerfile.dockerignore leaves out) into a scratch /src, its RUN lines run there with /app/ pointing at OUT_DIR.
# So a missing COPY or a publish that fails shows up here as it would in `docker build`.
#   deploy/docker/build-steps.sh [OUT_DIR]      (default .local/docker-build; gets web/, api/ and indexer/)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dockerfile=$repo/deploy/docker/Dockerfile
out=$(realpath -m "${1:-$repo/.local/docker-build}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

excludes=()
while IFS= read -r pattern; do
  case $pattern in '**/'*) excludes+=("--exclude=${pattern#'**/'}") ;; esac
done <"$dockerfile.dockerignore"

stage="" dir=$work
while IFS= read -r line; do
  read -r op args <<<"$line"
  case $op in
    FROM) stage=${args##* AS }; continue ;;
  esac
  [ "$stage" = build ] || continue
  case $op in
    WORKDIR) dir=$work$args; mkdir -p "$dir" ;;
    COPY)
      read -ra parts <<<"$args"
      dest=${parts[-1]}; unset 'parts[-1]'
      case $dest in /*) target=$work$dest ;; *) target=$dir/$dest ;; esac
      mkdir -p "$target"
      for src in "${parts[@]}"; do
        if [ -d "$repo/$src" ]; then tar -C "$repo/$src" "${excludes[@]}" -cf - . | tar -C "$target" -xf -
        else cp "$repo/$src" "$target/"; fi
      done ;;
    RUN) echo "+ ${args//\/app\//$out/}"; (cd "$dir" && eval "${args//\/app\//$out/}") ;;
  esac
done <"$dockerfile"
echo "published to $out"
