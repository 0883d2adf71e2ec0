#!/usr/bin/env bash
# End to end: cjm as a user adds it to a journeys repository. Packs this checkout,
# installs the tarball into an empty project from the registry as it is, and runs
# cjm there. Fails when `npm pack` prints more than the tarball name, when the
# install needs a browser, or when node_modules grows past the lint-only budget.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
budget_mb=30
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$repo"
tarball=$(npm pack --pack-destination "$work")
if [ "$(printf '%s\n' "$tarball" | wc -l)" -ne 1 ] || [ ! -f "$work/$tarball" ]; then
  echo "npm pack printed more than the tarball name:" >&2
  printf '%s\n' "$tarball" >&2
  exit 1
fi
echo "packed $tarball"

mkdir "$work/journeys-repo" && cd "$work/journeys-repo"
npm init -y >/dev/null
# No PUPPETEER_SKIP_DOWNLOAD here: the default install must not try to download a browser at all.
npm install -D "$work/$tarball" --no-audit --no-fund
cp "$repo/examples/motor-claim.journey.yaml" .

npx --no-install cjm --version
npx --no-install cjm validate motor-claim.journey.yaml
npx --no-install cjm lint motor-claim.journey.yaml
npx --no-install cjm init first.journey.yaml
npx --no-install cjm validate first.journey.yaml

# The journey map and blueprint need nothing beyond the default install: SVG to stdout, PNG files.
npx --no-install cjm render motor-claim.journey.yaml > map.svg
head -c 4 map.svg | grep -q '<svg' || { echo "render did not print an SVG" >&2; exit 1; }
npx --no-install cjm render motor-claim.journey.yaml -d map,blueprint -f png -o pictures
for png in pictures/motor-claim.map.png pictures/motor-claim.blueprint.png; do
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "$png is not a PNG" >&2; exit 1; }
done

# Mermaid as SVG needs the optional browser stack: without it, exit 2 and what to install, nothing written.
set +e
npx --no-install cjm render motor-claim.journey.yaml --diagram flow --format svg --out svg 2>"$work/render.err"
status=$?
set -e
if [ "$status" -ne 2 ] || ! grep -q "npm install -D mermaid@11 puppeteer-core@24" "$work/render.err" || [ -e svg ]; then
  echo "render --format svg without the browser stack: expected exit 2, an install hint and no output (got $status):" >&2
  cat "$work/render.err" >&2
  exit 1
fi

# cjm is this project's devDependency, so --omit=dev would hide it: omit only what a lint-only install leaves out.
echo "--- what the default install brings (npm ls --all --omit=optional --omit=peer)"
npm ls --all --omit=optional --omit=peer | tail -n +2
size_kb=$(du -sk node_modules | cut -f1)
packages=$(npm ls --all --parseable --omit=optional --omit=peer | tail -n +2 | wc -l)
echo "--- node_modules: $((size_kb / 1024)) MB, $packages packages (budget ${budget_mb} MB)"
if [ "$size_kb" -gt $((budget_mb * 1024)) ]; then
  echo "node_modules is $((size_kb / 1024)) MB, over the ${budget_mb} MB budget of a lint-only install" >&2
  du -sk node_modules/* node_modules/@*/* 2>/dev/null | sort -rn | head -15 >&2
  exit 1
fi
echo "pack-install: ok"
