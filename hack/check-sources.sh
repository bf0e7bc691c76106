#!/usr/bin/env bash
# Checks the user's source rules that no compiler enforces: every source file opens with a short
# overview (a Java type's javadoc, a leading comment in scripts and build files) and no file grows
# past 500 lines. Prints each offence and exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
while IFS= read -r f; do
  lines=$(wc -l <"$f")
  if ((lines > 500)); then
    echo "check-sources: $f has $lines lines (limit 500)"
    fail=1
  fi
  case "$f" in
    *.java)
      [[ "$(basename "$f")" == package-info.java ]] && continue
      # A javadoc at column 0 after the imports and before the first top-level type.
      doc=$(grep -n -m1 '^/\*\*' "$f" | cut -d: -f1 || true)
      decl=$(grep -n -m1 -E '^(public |final |abstract |sealed )*(class|interface|enum|record|@interface) ' "$f" | cut -d: -f1 || true)
      imp=$(grep -n -E '^(import|package) ' "$f" | tail -1 | cut -d: -f1 || true)
      if [[ -z "$doc" || -z "$decl" || "$doc" -gt "$decl" || "$doc" -lt "${imp:-0}" ]]; then
        echo "check-sources: $f has no javadoc on its top-level type"
        fail=1
      fi
      ;;
    *.sh | */run)
      if ! sed -n '2,3p' "$f" | grep -q '^#'; then
        echo "check-sources: $f does not open with a comment saying what it is for"
        fail=1
      fi
      ;;
  esac
done < <(git ls-files '*.java' '*.sh' '.ci/run' 'Dockerfile.*' 'pom.xml' '*/pom.xml' '*/*/pom.xml')
exit $fail
