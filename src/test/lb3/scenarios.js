#!/usr/bin/env node
// Differential-test scenario runner: runs a scenario file (JSON) against any base URL (real LoopBack 3
// served by serve.js, or LiveModel) and writes normalized answers; compare mode runs it against a
// target and diffs the answers with a recording. Node standard library only.
//
//   node scenarios.js run <baseUrl> <scenarioFile> [outFile]
//   node scenarios.js compare <recorded.json> <baseUrl> <scenarioFile> [--target=livemodel|loopback]
//                             [--ignore-cors] [--json=<file>]
//
// compare exits 0 when every step matches, 1 when some differ (a readable diff per step is printed),
// 2 on usage errors. With --target=livemodel (the default) each step's "liveModel" override (a
// documented API.md section 7 deviation) replaces the recorded expectation; --target=loopback ignores
// them (used to check that recordings are deterministic). --json=<file> also writes the verdicts
// machine-readably: {"app", "target", "steps": [{"name", "match", "diff": [line...]}], "problems"}
// (one entry per scenario step, in order; "problems" holds file-level ones such as a step count
// that differs from the recording). LoopBackDifferentialTest reads it.
//
// Scenario file: {"app", "defaults": {"headers": {...}}, "volatileKeys": [...], "steps": [step...]}
//   step   = {"name", "method", "path", "headers", "body" (sent as JSON) | "rawBody" (sent as is),
//             "capture": {"var": "body.id" | "body.0.id" | "headers.x-y" | "status"},
//             "liveModel": {"why": "API.md §7 ...", "status"?, "headers"?, "body"?, "events"?}}
//   stream = {"name", "stream": {"path", "method", "headers", "waitMs"}, "writes": [step...], "liveModel"?}
//   pause  = {"name", "sleepMs"}
// "defaults.headers" go on every request; a step header set to null removes a default.
// "{{var}}" is replaced in paths, header values and bodies by a captured value (a string that is
// exactly "{{var}}" takes the captured value with its JSON type); "{{var|base64}}" inserts it
// base64-encoded.
// Expectation matchers (in liveModel overrides): "<any>" matches any value or absence,
// "<contains:text>" a string containing text, "<4xx>" a client-error status; a header given as null
// must be absent.
'use strict';

const fs = require('fs');
const http = require('http');
const {URL} = require('url');

const RECORDED_HEADERS = /^(content-type|access-control-.*|www-authenticate|vary)$/;
const TOKEN = /(^|[^A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MUX_ID = /^[0-9a-f]{20,26}$/; // the stream id of LoopBack's JSON (mux-demux) change stream
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const RECENT_MS = 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 10000;

// ---------------------------------------------------------------- HTTP

function request(baseUrl, method, path, headers, payload) {
  return new Promise(resolve => {
    const url = new URL(path, baseUrl);
    const req = http.request(url, {method, headers, agent: false}, res => {
      const chunks = [];
      const done = aborted => resolve(Object.assign({status: res.statusCode, headers: res.headers,
        text: Buffer.concat(chunks).toString('utf8')}, aborted ? {aborted: true} : {}));
      res.on('data', c => chunks.push(c));
      res.on('end', () => done(false));
      res.on('error', () => done(true)); // the server cut the answer short (recorded as aborted)
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', e => resolve({error: e.code || e.message}));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

function payloadOf(step, headers) {
  if (step.rawBody !== undefined) {
    headers['Content-Length'] = Buffer.byteLength(step.rawBody);
    return step.rawBody;
  }
  if (step.body === undefined) return undefined;
  if (!Object.keys(headers).some(h => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  const text = JSON.stringify(step.body);
  headers['Content-Length'] = Buffer.byteLength(text); // no chunked bodies (Node refuses a chunked GET)
  return text;
}

// Opens an SSE stream, runs the writes while it is open, collects events for waitMs more, closes it.
function stream(baseUrl, spec, vars, runWrites) {
  return new Promise(resolve => {
    const headers = Object.assign({Accept: 'text/event-stream'}, subst(spec.headers, vars));
    const url = new URL(subst(spec.path, vars), baseUrl);
    const result = {comments: [], events: [], text: ''};
    let settled = false;
    const finish = out => { if (!settled) { settled = true; resolve(out); } };
    const req = http.request(url, {method: spec.method || 'GET', headers, agent: false}, res => {
      const type = res.headers['content-type'] || '';
      const isSse = res.statusCode === 200 && /text\/event-stream/.test(type);
      const isLines = res.statusCode === 200 && /boundary=NL/.test(type); // LoopBack's JSON stream
      if (!isSse && !isLines) {
        const chunks = [];
        const done = async aborted => finish(Object.assign({status: res.statusCode,
          headers: res.headers, text: Buffer.concat(chunks).toString('utf8')},
          aborted ? {aborted: true} : {}, {writes: await runWrites()}));
        res.on('data', c => chunks.push(c));
        res.on('end', () => done(false));
        res.on('error', () => done(true));
        return;
      }
      let buffer = '';
      let opened;
      const openedP = new Promise(r => { opened = r; });
      res.setEncoding('utf8');
      res.on('data', chunk => {
        buffer += chunk;
        let cut;
        if (isLines) {
          while ((cut = buffer.indexOf('\n')) >= 0) {
            parseJsonLine(buffer.slice(0, cut), result);
            buffer = buffer.slice(cut + 1);
          }
          opened();
          return;
        }
        while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
          parseSseBlock(block, result);
          opened();
        }
      });
      let closing = false;
      let cutByServer = false;
      res.on('error', () => {});
      res.on('close', () => { if (!closing) cutByServer = true; });
      setTimeout(opened, 1000); // a stream that sends no preamble still gets its writes
      openedP.then(async () => {
        const writes = await runWrites();
        await sleep(spec.waitMs || 300);
        closing = true;
        req.destroy();
        finish(Object.assign({status: res.statusCode, headers: res.headers, sse: isSse,
          lines: isLines, preamble: result.comments[0], events: result.events, writes},
        cutByServer ? {aborted: true} : {}));
      });
    });
    req.on('error', async e => {
      if (!settled) finish({error: e.code || e.message, writes: await runWrites()});
    });
    req.end();
  });
}

// One line of the JSON change stream: a mux-demux frame ["<id>", "new"|"data"|..., payload],
// recorded as an event named by the frame type.
function parseJsonLine(line, result) {
  if (!line.trim()) return;
  let frame;
  try { frame = JSON.parse(line); } catch (e) { frame = null; }
  if (Array.isArray(frame)) result.events.push({event: frame[1], data: frame[2]});
  else result.events.push({event: 'unparsed', data: line});
}

// One SSE block: comments are kept (the first is LoopBack's ":ok" preamble); id: and retry: lines
// are ignored (LiveModel adds them, a documented deviation); a block with data lines is an event.
function parseSseBlock(block, result) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) result.comments.push(line.slice(1).trim());
    else if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return;
  const text = data.join('\n');
  let parsed;
  try { parsed = JSON.parse(text); } catch (e) { parsed = text; }
  result.events.push({event, data: parsed});
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---------------------------------------------------------------- variables

function subst(value, vars) {
  if (typeof value === 'string') {
    const whole = /^\{\{(\w+)\}\}$/.exec(value);
    if (whole && whole[1] in vars) return vars[whole[1]];
    return value.replace(/\{\{(\w+)(\|base64)?\}\}/g, (m, name, base64) => {
      // A target that failed an earlier capture still gets every later step (they will differ).
      const text = name in vars ? String(vars[name]) : 'unset-' + name;
      return base64 ? Buffer.from(text, 'utf8').toString('base64') : text;
    });
  }
  if (Array.isArray(value)) return value.map(v => subst(v, vars));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = subst(v, vars);
    return out;
  }
  return value;
}

function pick(answer, expr) {
  let cur = answer;
  for (const part of expr.split('.')) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[part];
  }
  return cur;
}

// ---------------------------------------------------------------- normalization

function parseBody(answer) {
  if (answer.text === undefined || answer.text === '') return undefined;
  if (/json/.test(answer.headers['content-type'] || '')) {
    try { return JSON.parse(answer.text); } catch (e) { /* recorded as text */ }
  }
  return answer.text;
}

function normalize(value, ctx, key) {
  if (typeof value === 'string') {
    if (ctx.volatileKeys.has(key) || (ISO_DATE.test(value) &&
        Math.abs(Date.parse(value) - ctx.startedAt) < RECENT_MS)) {
      if (ISO_DATE.test(value)) return '<date>';
    }
    if (MUX_ID.test(value)) return '<mux-id>';
    return value.replace(TOKEN, '$1<token>').replace(UUID, (m, v) => '<uuid-v' + v + '>');
  }
  if (Array.isArray(value)) return value.map(v => normalize(v, ctx));
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = normalize(value[k], ctx, k);
    return out;
  }
  return value;
}

function recordedHeaders(headers) {
  const out = {};
  for (const name of Object.keys(headers || {}).sort()) {
    if (RECORDED_HEADERS.test(name)) out[name] = headers[name];
  }
  return out;
}

function resultOf(name, requestLine, answer, ctx) {
  const out = {name, request: requestLine};
  if (answer.error) {
    out.error = answer.error;
    return out;
  }
  out.status = answer.status;
  out.headers = recordedHeaders(answer.headers);
  const body = parseBody(answer);
  if (body !== undefined) out.body = normalize(body, ctx);
  if (answer.aborted) out.aborted = true;
  return out;
}

// ---------------------------------------------------------------- running

function headersOf(defaults, own, vars) {
  const headers = Object.assign({}, defaults.headers || {}, subst(own || {}, vars));
  for (const k of Object.keys(headers)) if (headers[k] === null) delete headers[k]; // null: unset a default
  return headers;
}

async function runStep(baseUrl, step, ctx, defaults) {
  if (step.sleepMs) {
    await sleep(step.sleepMs);
    return {name: step.name, request: 'sleep ' + step.sleepMs + ' ms'};
  }
  const headers = headersOf(defaults, step.headers, ctx.vars);
  const method = step.method || 'GET';
  const path = subst(step.path, ctx.vars);
  const payload = payloadOf({body: subst(step.body, ctx.vars), rawBody: step.rawBody}, headers);
  const answer = await request(baseUrl, method, path, headers, payload);
  capture(step, answer, ctx);
  return resultOf(step.name, method + ' ' + step.path, answer, ctx);
}

function capture(step, answer, ctx) {
  if (!step.capture) return;
  const view = {status: answer.status, headers: answer.headers || {}, body: parseBody(answer)};
  for (const [name, expr] of Object.entries(step.capture)) {
    const value = pick(view, expr);
    if (value === undefined) {
      console.error(`step "${step.name}": nothing at ${expr} to capture as ${name}`);
    } else {
      ctx.vars[name] = value;
    }
  }
}

async function runStreamStep(baseUrl, step, ctx, defaults) {
  const spec = Object.assign({}, step.stream);
  spec.headers = headersOf(defaults, spec.headers, ctx.vars);
  const runWrites = async () => {
    const results = [];
    for (const w of step.writes || []) results.push(await runStep(baseUrl, w, ctx, defaults));
    return results;
  };
  const answer = await stream(baseUrl, spec, ctx.vars, runWrites);
  const out = {name: step.name, request: (spec.method || 'GET') + ' ' + spec.path + ' (stream)'};
  if (answer.error) {
    out.error = answer.error;
  } else {
    out.status = answer.status;
    out.headers = recordedHeaders(answer.headers);
    if (answer.sse || answer.lines) {
      if (answer.sse) out.preamble = answer.preamble;
      out.events = answer.events.map(e => normalize(e, ctx));
      if (answer.aborted) out.aborted = true; // the server ended the stream
    } else {
      const body = parseBody(answer);
      if (body !== undefined) out.body = normalize(body, ctx);
      if (answer.aborted) out.aborted = true;
    }
  }
  out.writes = answer.writes;
  return out;
}

async function runScenario(baseUrl, scenario) {
  const probe = await request(baseUrl, 'GET', '/', {}, undefined);
  if (probe.error) throw new Error(`cannot reach ${baseUrl}: ${probe.error}`);
  const ctx = {vars: {}, startedAt: Date.now(),
    volatileKeys: new Set(['created'].concat(scenario.volatileKeys || []))};
  const defaults = scenario.defaults || {};
  const steps = [];
  for (const step of scenario.steps) {
    if (process.env.SCENARIOS_VERBOSE) console.error('step: ' + step.name);
    steps.push(step.stream ? await runStreamStep(baseUrl, step, ctx, defaults)
      : await runStep(baseUrl, step, ctx, defaults));
  }
  return {app: scenario.app, steps};
}

// ---------------------------------------------------------------- comparing

function applyOverride(expected, override) {
  if (!override) return expected;
  const out = Object.assign({}, expected);
  for (const [key, value] of Object.entries(override)) {
    if (key === 'why' || key === 'writes') continue;
    if (key === 'headers') out.headers = Object.assign({}, expected.headers, value);
    else out[key] = value;
  }
  return out;
}

function expectationFor(recorded, step, target) {
  const live = target === 'livemodel';
  let exp = live ? applyOverride(recorded, step.liveModel) : recorded;
  if (step.writes && exp.writes) {
    exp = Object.assign({}, exp, {writes: exp.writes.map((w, i) =>
      live ? applyOverride(w, (step.writes[i] || {}).liveModel) : w)});
  }
  return exp;
}

function diff(expected, actual, path, out) {
  if (expected === '<any>') return out;
  if (expected === '<4xx>') {
    if (!(Number.isInteger(actual) && actual >= 400 && actual < 500)) {
      out.push(`${path}: expected a 4xx status, got ${show(actual)}`);
    }
    return out;
  }
  if (typeof expected === 'string' && expected.startsWith('<contains:')) {
    const needle = expected.slice(10, -1);
    if (typeof actual !== 'string' || !actual.includes(needle)) {
      out.push(`${path}: expected a string containing ${JSON.stringify(needle)}, got ${show(actual)}`);
    }
    return out;
  }
  if (path === 'headers' || path.endsWith('.headers')) {
    const exp = expected || {};
    const act = actual || {};
    for (const k of new Set(Object.keys(exp).concat(Object.keys(act)))) {
      if (exp[k] === undefined) {
        if (act[k] !== undefined) out.push(`${path}.${k}: unexpected header ${show(act[k])}`);
      } else if (exp[k] === null) {
        if (act[k] !== undefined) out.push(`${path}.${k}: expected absent, got ${show(act[k])}`);
      } else {
        diff(exp[k], act[k], `${path}.${k}`, out);
      }
    }
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return push(out, path, expected, actual);
    const n = Math.max(expected.length, actual.length);
    if (expected.length !== actual.length) {
      out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    }
    for (let i = 0; i < n; i++) {
      if (i >= expected.length) out.push(`${path}[${i}]: unexpected ${show(actual[i])}`);
      else if (i >= actual.length) out.push(`${path}[${i}]: missing ${show(expected[i])}`);
      else diff(expected[i], actual[i], `${path}[${i}]`, out);
    }
    return out;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) {
      return push(out, path, expected, actual);
    }
    for (const k of Object.keys(expected)) {
      if (!(k in actual)) {
        if (expected[k] !== '<any>') out.push(`${path}.${k}: missing (expected ${show(expected[k])})`);
      } else {
        diff(expected[k], actual[k], `${path}.${k}`, out);
      }
    }
    for (const k of Object.keys(actual)) {
      if (!(k in expected)) out.push(`${path}.${k}: unexpected ${show(actual[k])}`);
    }
    return out;
  }
  if (expected !== actual) push(out, path, expected, actual);
  return out;
}

function push(out, path, expected, actual) {
  out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  return out;
}

function show(v) {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 300 ? s.slice(0, 297) + '...' : s;
}

// --ignore-cors drops the CORS headers (access-control-*, vary) from both sides: for checking model
// fidelity on a target that does not do CORS yet.
function withoutCors(result) {
  if (!result || !result.headers) return result;
  const headers = {};
  for (const [k, v] of Object.entries(result.headers)) {
    if (!/^(access-control-|vary$)/.test(k)) headers[k] = v;
  }
  const out = Object.assign({}, result, {headers});
  if (result.writes) out.writes = result.writes.map(withoutCors);
  return out;
}

function compareResults(recorded, actual, scenario, target, ignoreCors) {
  if (ignoreCors) {
    recorded = Object.assign({}, recorded, {steps: recorded.steps.map(withoutCors)});
    actual = Object.assign({}, actual, {steps: actual.steps.map(withoutCors)});
  }
  let failed = 0;
  const problems = [];
  const verdicts = [];
  if (recorded.steps.length !== scenario.steps.length) {
    problems.push(`the recording has ${recorded.steps.length} steps, the scenario file ` +
      `${scenario.steps.length}: re-record`);
  }
  scenario.steps.forEach((step, i) => {
    const rec = recorded.steps[i];
    if (!rec || rec.name !== step.name) {
      problems.push(`step ${i + 1} "${step.name}": not in the recording (re-record)`);
      verdicts.push({name: step.name, match: false, diff: ['not in the recording (re-record)']});
      failed++;
      return;
    }
    const expected = expectationFor(rec, step, target);
    const lines = [];
    for (const key of new Set(Object.keys(expected).concat(Object.keys(actual.steps[i])))) {
      if (key === 'name' || key === 'request') continue;
      if (key === 'writes') {
        (expected.writes || []).forEach((w, j) => {
          const a = (actual.steps[i].writes || [])[j] || {};
          for (const wk of new Set(Object.keys(w).concat(Object.keys(a)))) {
            if (wk === 'name' || wk === 'request') continue;
            diff(w[wk], a[wk], `writes[${j}] (${w.request}).${wk}`, lines);
          }
        });
        continue;
      }
      diff(expected[key], actual.steps[i][key], key, lines);
    }
    verdicts.push({name: step.name, match: lines.length === 0, diff: lines});
    if (lines.length) {
      failed++;
      problems.push(`--- step ${i + 1} "${step.name}" (${rec.request})\n   ` + lines.join('\n   '));
    }
  });
  return {failed, problems, verdicts};
}

// ---------------------------------------------------------------- main

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function main(argv) {
  const [mode, ...rest] = argv;
  const flags = rest.filter(a => a.startsWith('--'));
  const args = rest.filter(a => !a.startsWith('--'));
  if (mode === 'run' && args.length >= 2) {
    const result = await runScenario(args[0], readJson(args[1]));
    const text = JSON.stringify(result, null, 2) + '\n';
    if (args[2]) fs.writeFileSync(args[2], text);
    else process.stdout.write(text);
    return 0;
  }
  if (mode === 'compare' && args.length === 3) {
    const targetFlag = flags.find(f => f.startsWith('--target='));
    const target = targetFlag ? targetFlag.slice(9) : 'livemodel';
    const scenario = readJson(args[2]);
    const actual = await runScenario(args[1], scenario);
    const {failed, problems, verdicts} = compareResults(readJson(args[0]), actual, scenario, target,
      flags.includes('--ignore-cors'));
    const jsonFlag = flags.find(f => f.startsWith('--json='));
    if (jsonFlag) {
      fs.writeFileSync(jsonFlag.slice(7), JSON.stringify({app: scenario.app, target,
        steps: verdicts, problems: problems.filter(p => !p.startsWith('---'))}, null, 1) + '\n');
    }
    const deviations = scenario.steps.filter(s => s.liveModel ||
      (s.writes || []).some(w => w.liveModel)).length;
    if (problems.length) console.log(problems.join('\n'));
    console.log(`${scenario.app}: ${scenario.steps.length - failed}/${scenario.steps.length} steps ` +
      `match (target ${target}${target === 'livemodel' ? `, ${deviations} with documented deviations` : ''})`);
    return problems.length ? 1 : 0;
  }
  console.error('usage:\n  node scenarios.js run <baseUrl> <scenarioFile> [outFile]\n' +
    '  node scenarios.js compare <recorded.json> <baseUrl> <scenarioFile> [--target=livemodel|loopback]' +
    ' [--ignore-cors] [--json=<file>]');
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => process.exit(code), e => {
    console.error(e && e.stack || e);
    process.exit(2);
  });
}

module.exports = {runScenario, compareResults};
