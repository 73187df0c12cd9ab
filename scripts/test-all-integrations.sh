#!/usr/bin/env bash
# Tries every integration and prints ✅/❌/⏭ per provider. Free by default (auth + model list); pass --paid for a 1-token call.
# Usage: scripts/test-all-integrations.sh [--paid] [--json] [--emulator]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/AssistantProviders.Cli -- test-all "$@"
