#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt for every package under src/ from the code (RS0016/RS0017 code fixes through
# `dotnet format analyzers`). Run after changing a public API on purpose, then review the diff: every added line is a new
# public API, every removed one a break. At release, move the Unshipped lines into PublicAPI.Shipped.txt.
#
#   scripts/public-api.sh [project-name...]    (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  # Dependency order: the Abstractions first, then the vendors, the engine and what builds on it.
  projects=(AssistantProviders.Abstractions)
  for dir in src/AssistantProviders.*/; do
    name="$(basename "$dir")"
    [ "$name" = AssistantProviders.Abstractions ] && continue
    projects+=("$name")
  done
  projects+=(AssistantProviders)
fi

for name in "${projects[@]}"; do
  dir="src/$name"
  [ -f "$dir/$name.csproj" ] || { echo "no project $dir/$name.csproj" >&2; exit 2; }
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
  done
  echo "== $name"
  dotnet format analyzers "$dir/$name.csproj" --diagnostics RS0016 RS0017 RS0037 --severity info \
    -v q || true
  # Keep the files sorted so diffs stay small and reviewable (the first line stays '#nullable enable').
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    { echo '#nullable enable'; { grep -v -e '^#nullable enable$' -e '^$' "$dir/$file" || true; } | LC_ALL=C sort -u; } > "$dir/$file.tmp"
    mv "$dir/$file.tmp" "$dir/$file"
  done
done
