#!/bin/bash
# usage: run.sh NAME  -> runs, stores transcript in gen/out/NAME.txt, prints filtered
cd /work/main
mkdir -p test/scenarios-draft/adv22/gen/out
npm run --silent scenario -- test/scenarios-draft/adv22/$1.json > test/scenarios-draft/adv22/gen/out/$1.txt 2>&1
rc=$?
echo "rc=$rc"
