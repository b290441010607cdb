#!/bin/sh
# The presslens command line on a folder of articles (.txt files).
#
#   sh cli.sh FOLDER
set -eu
PRESSLENS=${PRESSLENS:-npx presslens}
dir=${1:-.}

# Who said what and who condemned whom, article by article.
$PRESSLENS "$dir"/*.txt

# One JSON result per line (JSON Lines), the file name in each.
$PRESSLENS --json "$dir"/*.txt > results.jsonl

# Only the condemnations, as "file: source -> target" lines.
node -e '
  for (const line of require("fs").readFileSync("results.jsonl", "utf8").split("\n").filter(Boolean)) {
    const r = JSON.parse(line);
    for (const c of r.condemnations) console.log(`${r.file}: ${c.source?.name ?? "?"} -> ${c.target.text}`);
  }'

# A self-contained page with every finding highlighted.
$PRESSLENS --html findings.html "$dir"/*.txt
