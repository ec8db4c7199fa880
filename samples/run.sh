#!/usr/bin/env bash
# Builds and runs every sample against the packages in artifacts/ (run `dotnet pack Descent.slnx -c Release -o artifacts`
# first), as a user's project would use them. Fails when a sample fails or writes less than it says.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ls ../artifacts/Descent.*.nupkg >/dev/null 2>&1 || { echo "samples/run.sh: no packages in artifacts/; run: dotnet pack Descent.slnx -c Release -o artifacts" >&2; exit 1; }
# A repack keeps its version: drop the samples' own copy of the packages so this run restores the ones just packed.
rm -rf obj/packages
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet run --project TrainYourOwnLoop -c Release
dotnet run --project OptimizerLab -c Release -- "$out"
for f in paths.png paths.gif; do
  [ -s "$out/$f" ] || { echo "samples/run.sh: OptimizerLab wrote no $f" >&2; exit 1; }
done
# The files are what they say: a PNG and a GIF89a.
head -c 8 "$out/paths.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || { echo "samples/run.sh: paths.png is not a PNG" >&2; exit 1; }
[ "$(head -c 6 "$out/paths.gif")" = GIF89a ] || { echo "samples/run.sh: paths.gif is not a GIF" >&2; exit 1; }
echo "samples: TrainYourOwnLoop and OptimizerLab ran against the packages in artifacts/"
