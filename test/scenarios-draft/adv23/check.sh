#!/bin/sh
# Plays every adv23 file and compares exit codes (and, for invalid files, the printed zod path)
# with check-expected.txt.  Usage: sh test/scenarios-draft/adv23/check.sh [NAME...]  (from /work/main)
cd "$(dirname "$0")/../../.." || exit 2
node -e '
const fs=require("fs"),cp=require("child_process"),dir="test/scenarios-draft/adv23";
const e=JSON.parse(fs.readFileSync(dir+"/check-expected.txt","utf8"));
let names=process.argv.slice(1); if(!names.length) names=Object.keys(e.exit);
let bad=0;
for(const n of names){
  const r=cp.spawnSync("npm",["run","--silent","scenario","--",dir+"/"+n+".json"],{encoding:"utf8"});
  const out=(r.stdout||"")+(r.stderr||"");
  let ok=r.status===e.exit[n], why="exit "+r.status+" (want "+e.exit[n]+")";
  if(ok && e.path[n] && !out.includes(e.path[n])){ok=false; why+=", path "+e.path[n]+" not printed";}
  if(!ok){bad++; const tail=out.trim().split("\n").slice(-4).join(" | "); console.log("FAIL",n,why,"::",tail.slice(0,600));}
  else console.log("ok  ",n);
}
console.log(bad?bad+" unexpected":"all as expected"); process.exit(bad?1:0);
' "$@"
