#!/bin/sh
# Puts the RE2 sources for the wasm build in build/_deps/re2: the vendor/ folder of npm
# re2@1.17.8 (RE2 2022-06-01, no abseil: the same release as Debian 12's libre2-dev), checked
# against its pinned integrity hash. Cached: a second run does nothing.
set -eu
cd "$(dirname "$0")/.."
DEST=build/_deps/re2
INTEGRITY="sha512-KM5zYGb1BlPPU8xLq9kkxwMq2wntoluIbjELcPSRS32hxgJqked3ahmtzu6vY1SMqjxHfutStF2b3KuRjcJHHg=="
[ -f "$DEST/re2/re2.h" ] && exit 0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack re2@1.17.8 --silent >/dev/null)
GOT="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$TMP/re2-1.17.8.tgz")"
if [ "$GOT" != "$INTEGRITY" ]; then
  echo "fetch-re2: integrity mismatch for re2-1.17.8.tgz: $GOT" >&2
  exit 1
fi
mkdir -p "$DEST"
tar xzf "$TMP/re2-1.17.8.tgz" -C "$DEST" --strip-components=2 package/vendor/re2 package/vendor/util
echo "fetch-re2: RE2 2022-06-01 sources in $DEST"
