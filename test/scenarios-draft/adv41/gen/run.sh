#!/bin/bash
# usage: run.sh file.json  -> runs scenario, prints transcript
cd /work/main && npm run --silent scenario -- test/scenarios-draft/adv41/$1; echo rc=$?
