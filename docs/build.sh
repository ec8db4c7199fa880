#!/usr/bin/env bash
# Builds the API reference and guide site into artifacts/site, offline, and fails on any docfx warning.
#   docs/build.sh            after `dotnet build src/Descent.Cli -c Release` (the site documents those assemblies)
#   docs/build.sh --build    builds them first
# The guide's pages are README.md's sections and the guides beside the code (docs/pages.py); the API pages
# are the XML documentation of the five library packages.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = "--build" ]; then
  dotnet build src/Descent.Cli/Descent.Cli.csproj -c Release
fi
[ -f src/Descent.Cli/bin/Release/net10.0/Descent.Lab.Render.xml ] \
  || { echo "docs/build.sh: build first: dotnet build src/Descent.Cli -c Release (or docs/build.sh --build)" >&2; exit 1; }
dotnet tool restore >/dev/null
python3 docs/pages.py
rm -rf artifacts/site
dotnet docfx metadata docs/docfx.json --warningsAsErrors
dotnet docfx build docs/docfx.json --warningsAsErrors
echo "site: artifacts/site/index.html"
