#!/usr/bin/env bash
# Mutation testing (Stryker.NET, local tool in .config/dotnet-tools.json) of the money, limits and secrets code.
# Not part of .ci/run: too slow for two cores. Runs one file group at a time with --concurrency 1.
#
#   scripts/mutation.sh [group...] [file...]   groups: shared abstractions engine (default: all three)
#
# A file argument (a name without .cs, e.g. `scripts/mutation.sh engine BudgetManager`) mutates only the group's files of
# that name, so a slow group can be run one file at a time; the report then goes to artifacts/mutation/<group>-<file>/.
# MUTATION_TEST_FILTER (a dotnet test --filter expression) passes --test-case-filter, to run only the tests that exercise
# the files when the whole test project is too slow per mutant; a score measured so is a lower bound.
# Each group writes its report under artifacts/mutation/<group>/ and fails below the 85 % floor (--break-at 85).
# Record the date, this command and the score per file in tests/mutation/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
CONFIG="${MUTATION_CONFIGURATION:-Mutation}"
BREAK_AT="${MUTATION_BREAK_AT:-85}"
dotnet tool restore >/dev/null

run() {
  local group="$1" test_project="$2" project="$3"; shift 3
  local mutate=() file name selected=()
  for file in "$@"; do
    if [ ${#only[@]} -gt 0 ]; then
      for name in "${only[@]}"; do [ "$file" = "**/$name.cs" ] && selected+=("$file"); done
    else
      selected+=("$file")
    fi
  done
  if [ ${#selected[@]} -eq 0 ]; then echo "== $group: none of ${only[*]} is in this group, skipped"; return 0; fi
  set -- "${selected[@]}"
  for file in "$@"; do mutate+=(--mutate "$file"); done
  [ -n "${MUTATION_TEST_FILTER:-}" ] && mutate+=(--test-case-filter "$MUTATION_TEST_FILTER")
  # MUTATION_COVERAGE: Stryker's --coverage-analysis (perTest by default). The MTP runner's per-test capture times out
  # ("coverage relay ack") on the engine test project, so the engine group uses "all": one coverage pass for the whole run.
  # It is a config-file-only setting, so it goes through a generated stryker-config.json.
  if [ -n "${MUTATION_COVERAGE:-}" ]; then
    mkdir -p artifacts/mutation
    printf '{ "stryker-config": { "coverage-analysis": "%s" } }\n' "$MUTATION_COVERAGE" > "artifacts/mutation/$group-config.json"
    mutate+=(--config-file "$(pwd)/artifacts/mutation/$group-config.json")
  fi
  local out suffix=""
  [ ${#only[@]} -gt 0 ] && suffix="-$(IFS=-; echo "${only[*]}")"
  out="$(pwd)/artifacts/mutation/$group$suffix"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $group: $* (tests: $test_project)"
  (cd "$(dirname "$test_project")" && dotnet stryker \
    --test-runner "${MUTATION_RUNNER:-mtp}" \
    --project "$(basename "$project")" \
    --configuration "$CONFIG" \
    --concurrency 1 \
    --break-at "$BREAK_AT" \
    --reporter progress --reporter html --reporter json --reporter markdown \
    --output "$out" \
    "${mutate[@]}")
}

groups=() only=()
for arg in "$@"; do
  case "$arg" in
    shared|abstractions|engine) groups+=("$arg") ;;
    *) only+=("${arg%.cs}") ;;
  esac
done
[ ${#groups[@]} -eq 0 ] && groups=(shared abstractions engine)
for group in "${groups[@]}"; do
  case "$group" in
    shared)
      # src/Shared is linked source: tests/mutation/SharedHttp compiles exactly these files for Stryker to mutate,
      # and tests/mutation/SharedHttp.Tests runs the Shared.Tests parser tests (linked in place) against it.
      run shared tests/mutation/SharedHttp.Tests/AssistantProviders.Mutation.SharedHttp.Tests.csproj \
        AssistantProviders.Mutation.SharedHttp.csproj \
        "**/RetryAfterParser.cs" "**/DurationParser.cs" ;;
    abstractions)
      run abstractions tests/AssistantProviders.Shared.Tests/AssistantProviders.Shared.Tests.csproj \
        AssistantProviders.Abstractions.csproj \
        "**/Secrets/SecretRedactor.cs" "**/Http/ProviderEndpointPolicy.cs" ;;
    engine)
      MUTATION_COVERAGE="${MUTATION_COVERAGE:-all}" run engine tests/AssistantProviders.Tests/AssistantProviders.Tests.csproj \
        AssistantProviders.csproj \
        "**/BudgetManager.cs" "**/RequestAccounting.cs" "**/CostCalculator.cs" "**/TokenEstimator.cs" \
        "**/CatalogParser.cs" "**/RateLimitAdaptation.cs" "**/VendorRateLimitState.cs" ;;
  esac
done
