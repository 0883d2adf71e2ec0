#!/usr/bin/env bash
# End to end: the pre-commit hook (.pre-commit-hooks.yaml) installs from this repository
# at HEAD and lints the journey files of a commit: a clean journey passes, a broken one fails.
# Needs pre-commit (Debian package `pre-commit`) and a committed HEAD.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
rev=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"

mkdir "$work/journeys" && cd "$work/journeys"
git init -q
git config user.email ci@example.com && git config user.name ci
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: cjm-lint
CONFIG
cp "$repo/examples/motor-claim.journey.yaml" .
git add -A
pre-commit run --all-files

sed 's/^    owner: claims-intake$/    owner: 42/; s/^        emotion: -2$/        emotion: -9/' motor-claim.journey.yaml > broken.journey.yaml
git add broken.journey.yaml
set +e
pre-commit run --files broken.journey.yaml > "$work/broken.log" 2>&1
status=$?
set -e
if [ "$status" -eq 0 ] || ! grep -q "emotion" "$work/broken.log"; then
  echo "the hook passed a broken journey (exit $status):" >&2
  cat "$work/broken.log" >&2
  exit 1
fi
echo "pre-commit: ok"
