#!/usr/bin/env bash
# End to end: what code scanning reads. `cjm lint -f sarif` over the examples, the lint fixtures,
# the validation fixtures (every validation code, a syntax error at the end of a file) and a file
# outside the working directory, each log checked by the SARIF Multitool 5.7.0 (npm package
# @microsoft/sarif-multitool, a self-contained binary: no .NET runtime needed):
# - the SARIF and GitHub rule sets: no error and no warning (notes are printed, not failed on:
#   unreachable help URIs without a network, no code snippets, no version control provenance);
# - the Azure DevOps (GHAzDO) rule set: nothing but the pipeline identity (GHAzDO1019 build and
#   phase ids in automationDetails.properties, GHAzDO1020 an azuredevops/pipeline/build/ id),
#   which only an Azure DevOps pipeline knows.
# Needs a build (npm test builds).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# The binary itself: the package's bin.js runs it through a shell, which splits "Sarif;Gh" at the `;`.
# The clients are their own package (test/e2e/clients), installed by .ci/run.
multitool=$(cd "$repo/test/e2e/clients" && node -p "require('@microsoft/sarif-multitool')")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writes the SARIF of `cjm lint ARGS...` (run in DIR) to $work/NAME.sarif; exit 1 (findings) is expected.
lint_sarif() {
  local name=$1 dir=$2
  shift 2
  local code=0
  (cd "$dir" && node "$repo/bin/cjm.js" lint -f sarif "$@") > "$work/$name.sarif" || code=$?
  if [ "$code" -gt 1 ]; then echo "cjm lint $* exited $code" >&2; exit 1; fi
}
lint_sarif examples "$repo" examples
lint_sarif lint-fixtures "$repo" test/fixtures/lint
lint_sarif validation-fixtures "$repo" test/fixtures/validate/bad test/fixtures/editor
lint_sarif outside-cwd "$work" --sarif-category outside "$repo/test/fixtures/lint/dead-end"

# Prints the results of a Multitool log as `ruleId level: message`, except those whose rule id is in $2 (a regex).
results() {
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const allowed = process.argv[2] ? new RegExp(process.argv[2]) : undefined;
    for (const run of log.runs) for (const result of run.results ?? []) {
      if (allowed && allowed.test(result.ruleId)) continue;
      console.log(`${result.ruleId} ${result.level ?? "warning"}: ${result.message.text ?? result.message.id}`);
    }' "$1" "${2:-}"
}

failed=0
for log in "$work"/*.sarif; do
  name=$(basename "$log" .sarif)
  findings=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].results.length' "$log")
  "$multitool" validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note" --output "$work/$name.github.out" "$log" > /dev/null
  "$multitool" validate --rule-kind "Ado" --level "Error;Warning" --output "$work/$name.ado.out" "$log" > /dev/null
  problems=$(results "$work/$name.github.out" | grep -v ' note: ' || true)
  ado=$(results "$work/$name.ado.out" '^GHAzDO(1019|1020)$')
  notes=$(results "$work/$name.github.out" | grep -c ' note: ' || true)
  echo "$name.sarif: $findings results; SARIF and GitHub rules: $(printf '%s' "$problems" | grep -c . || true) errors or warnings, $notes notes; Azure DevOps rules: $(printf '%s' "$ado" | grep -c . || true) beyond the pipeline identity"
  if [ -n "$problems$ado" ]; then
    printf '%s\n' "$problems" "$ado" | grep . | sed 's/^/  /'
    failed=1
  fi
done
exit "$failed"
