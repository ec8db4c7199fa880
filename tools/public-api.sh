#!/usr/bin/env bash
# Records the public API of every packaged library in its PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt
# (Microsoft.CodeAnalysis.PublicApiAnalyzers; docs/packaging.md).
#
#   tools/public-api.sh          after adding, changing or removing public members (or merging a branch that
#                                did): rewrites each PublicAPI.Unshipped.txt so the build passes again; the diff of
#                                those files is the change of the public surface, for review.
#   tools/public-api.sh --ship   at a release: moves what is unshipped into PublicAPI.Shipped.txt.
#
# CI needs no check of its own: the build fails on RS0016/RS0017 (warnings are errors) while the files are stale.
#
# The analyzer's own code fix writes the entries (`dotnet format analyzers`), so their format is its format.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Every project under src/ whose build tracks its API (src/Directory.Build.targets: packable libraries).
projects=()
for dir in src/*/; do
  [ -f "${dir}PublicAPI.Shipped.txt" ] && projects+=("${dir%/}")
done

header='#nullable enable'

ship() {
  local dir=$1 shipped=$1/PublicAPI.Shipped.txt unshipped=$1/PublicAPI.Unshipped.txt
  # Removals are written '*REMOVED*<entry>' in Unshipped; shipping drops the entry from Shipped.
  python3 - "$shipped" "$unshipped" "$header" <<'PY'
import sys
shipped, unshipped, header = sys.argv[1:]
def entries(path):
    return [l.rstrip('\n') for l in open(path, encoding='utf-8') if l.strip() and l.strip() != header]
removed = {e[len('*REMOVED*'):] for e in entries(unshipped) if e.startswith('*REMOVED*')}
kept = [e for e in entries(shipped) if e not in removed]
added = [e for e in entries(unshipped) if not e.startswith('*REMOVED*')]
with open(shipped, 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join([header] + sorted(set(kept + added))) + '\n')
with open(unshipped, 'w', encoding='utf-8', newline='\n') as f:
    f.write(header + '\n')
PY
}

record() {
  local dir name
  for dir in "${projects[@]}"; do
    name=$(basename "$dir")
    # Start Unshipped afresh, so members added and removed again since the last release leave no trace.
    printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
    # RS0016: a public member missing from the files; the analyzer's fix adds it to Unshipped.
    echo "public-api: $name" >&2
    dotnet format analyzers "$dir/$name.csproj" --no-restore --diagnostics RS0016 --severity info --verbosity quiet
  done
  # RS0017 has no fix: a shipped member that is gone is found by compiling (every tracked project recompiles,
  # its Unshipped file being new) and recorded as a removal, a breaking change that the diff shows.
  local log
  log=$(mktemp)
  dotnet build src/Descent.Cli/Descent.Cli.csproj -c Release --no-restore -p:TreatWarningsAsErrors=false \
    -consoleLoggerParameters:NoSummary > "$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  python3 - "$log" "$header" <<'PY'
import os, re, sys
log, header = sys.argv[1:]
text = open(log, encoding='utf-8').read()
removed, missing = {}, set()
for m in re.finditer(r"warning RS0017: Symbol '(.+?)' is part of the declared API.*?\[(.+?\.csproj)\]", text):
    removed.setdefault(os.path.dirname(m.group(2)), set()).add(m.group(1))
for m in re.finditer(r"warning RS0016: Symbol '(.+?)' is not part of the declared public API.*?\[(.+?\.csproj)\]", text):
    missing.add(f"{os.path.basename(m.group(2))}: {m.group(1)}")
for project, symbols in removed.items():
    path = os.path.join(project, 'PublicAPI.Unshipped.txt')
    lines = [l.rstrip('\n') for l in open(path, encoding='utf-8') if l.strip() and l.strip() != header]
    lines += ['*REMOVED*' + s for s in symbols]
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join([header] + sorted(set(lines))) + '\n')
if missing:
    sys.exit('public-api: not recorded (rerun, or record by hand):\n  ' + '\n  '.join(sorted(missing)))
PY
  rm -f "$log"
  for dir in "${projects[@]}"; do sort_file "$dir/PublicAPI.Unshipped.txt"; done
}

# One order for every file (ordinal), so a rerun changes only what changed.
sort_file() {
  python3 - "$1" "$header" <<'PY'
import sys
path, header = sys.argv[1:]
lines = [l.rstrip('\n') for l in open(path, encoding='utf-8') if l.strip() and l.strip() != header]
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join([header] + sorted(set(lines))) + '\n')
PY
}

case "${1:-}" in
  --ship)
    for dir in "${projects[@]}"; do ship "$dir"; done ;;
  "")
    dotnet restore src/Descent.Cli/Descent.Cli.csproj -v q >/dev/null
    record
    git status --short -- 'src/*/PublicAPI.*.txt' ;;
  *)
    echo "usage: tools/public-api.sh [--ship]" >&2; exit 2 ;;
esac
