// Records ACL test vectors from real LoopBack 3.28 (npm i loopback@3.28.0, then
// `node acl-vectors.js > ../../resources/io/livemodel/auth/loopback-acl-vectors.json`).
// Each score vector is one (rule, request) pair and LoopBack's ACL.getMatchingScore; each resolve
// vector is a list of rules, a request and the permission of LoopBack's ACL.resolvePermission.
'use strict';
const loopback = require('loopback');
const ACL = loopback.ACL;

let seed = 12;
function random() { // deterministic, so the file only changes when LoopBack does
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function pick(list) { return list[Math.floor(random() * list.length)]; }

function rule() {
  const principalType = pick(['USER', 'APP', 'ROLE', 'ROLE', 'ROLE']);
  const principalId = principalType === 'ROLE' ?
    pick(['$owner', '$everyone', '$authenticated', '$unauthenticated', '$related', 'admin']) : 'p1';
  const r = {
    model: pick(['account', 'account', 'account', '*', 'other']),
    property: pick(['find', 'patchAttributes', 'updateAttributes', '*', 'name', 'create']),
    accessType: pick(['READ', 'WRITE', 'EXECUTE', 'REPLICATE', '*']),
    principalType, principalId,
    permission: pick(['ALLOW', 'DENY', 'ALLOW', 'DENY', 'ALARM', 'AUDIT', 'DEFAULT']),
  };
  return r;
}
const methods = {
  find: {names: ['find'], accessType: 'READ'},
  patchAttributes: {names: ['updateAttributes', 'patchAttributes'], accessType: 'WRITE'},
  create: {names: ['create'], accessType: 'WRITE'},
};
function request() {
  const m = pick(['find', 'patchAttributes', 'create', '*', 'name']);
  if (methods[m] && random() < 0.7) {
    return {model: 'account', property: m, accessType: methods[m].accessType, methodNames: methods[m].names};
  }
  return {model: pick(['account', '*']), property: m,
    accessType: pick(['READ', 'WRITE', 'EXECUTE', 'REPLICATE', '*']), methodNames: []};
}

const scores = [];
for (let i = 0; i < 400; i++) {
  const r = rule();
  const q = request();
  scores.push({rule: r, request: q, score: ACL.getMatchingScore(new ACL(r), Object.assign({}, q))});
}
const resolves = [];
for (let i = 0; i < 400; i++) {
  const rules = [];
  const n = 1 + Math.floor(random() * 5);
  for (let j = 0; j < n; j++) rules.push(rule());
  const q = request();
  const res = ACL.resolvePermission(rules.map(r => new ACL(r)), Object.assign({}, q));
  resolves.push({rules, request: q, permission: res.permission});
}
process.stdout.write(JSON.stringify({loopback: require('loopback/package.json').version, scores, resolves}, null, 0));
