// Headless Blazor Server circuit load test for Seller Central (loopback only, bounded, stops by itself).
//
// Signs in once through the real login form (antiforgery token + cookie), then opens authenticated circuits on the
// Transactions report the way blazor.web.js does: GET the prerendered page, read its server component markers,
// connect to /_blazor (WebSockets, blazorpack = MessagePack), StartCircuit, UpdateRootComponents, acknowledge every
// render batch and answer JS interop calls. Ramps in steps, holds, measures the portal's RSS from /proc, probes how
// long a fresh circuit takes to render, then releases every circuit (as a closing tab does: POST /_blazor/disconnect)
// and measures memory again after a forced GC.
//
//   BASE=http://localhost:5080/ SERVER_PID=<pid> STEPS=250,500,1000,2000 HOLD_S=15 node circuits.js
//
// Environment: BASE (portal address, loopback only), SERVER_PID (portal process, for /proc/<pid>/status), STEPS,
// HOLD_S (seconds to hold each step), WARMUP (circuits opened and released before the baseline, default 50), BATCH (circuits opened concurrently, default 20), EMAIL/PASSWORD (a demo user
// who may view transactions), PAGE (default reports/transactions), SETTLE_S (seconds to wait after release),
// GC_ENDPOINT (default _bench/gc, a Development-only bench endpoint; empty to skip), TIMEOUT_S (whole run bound).
'use strict';
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const fs = require('fs');

const BASE = (process.env.BASE || 'http://localhost:5080/').replace(/\/?$/, '/');
const ORIGIN = new URL(BASE).origin;
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/$/.test(BASE)) throw new Error(`loopback only: ${BASE}`);
const PAGE = process.env.PAGE || 'reports/transactions';
const STEPS = (process.env.STEPS || '100').split(',').map(Number).filter(n => n > 0);
const HOLD_S = +(process.env.HOLD_S || 15);
const BATCH = +(process.env.BATCH || 20);
const SETTLE_S = +(process.env.SETTLE_S || 10);
const WARMUP = +(process.env.WARMUP || 50);
const GC_ENDPOINT = process.env.GC_ENDPOINT ?? '_bench/gc';
const EMAIL = process.env.EMAIL || 'admin@demo.example';
const PASSWORD = process.env.PASSWORD || 'Admin-Demo-2026';
const PID = process.env.SERVER_PID;
if (!PID) throw new Error('SERVER_PID is required (the portal process, for its RSS)');

// The whole run is bounded even if the portal stops answering.
const bound = setTimeout(() => { console.error('circuits.js: time limit reached'); process.exit(3); },
  +(process.env.TIMEOUT_S || 1800) * 1000);
bound.unref();

const REFUSED_MARK = Buffer.from('too-many-circuits');
const sleep = ms => new Promise(r => setTimeout(r, ms));
const rssKb = () => +/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${PID}/status`, 'utf8'))[1];
const log = o => console.log(JSON.stringify(o));

// ---- cookies: a tiny jar, enough for one host ----
const jar = new Map();
function keep(response) {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    const name = pair.slice(0, i).trim(), value = pair.slice(i + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name); else jar.set(name, value);
  }
}
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn() {
  const form = await fetch(BASE + 'Account/Login', { redirect: 'manual' });
  keep(form);
  const html = await form.text();
  const token = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/.exec(html)
    ?? /name="__RequestVerificationToken"[^>]*value="([^"]+)"/.exec(html);
  const handler = /name="_handler" type="hidden" value="([^"]+)"/.exec(html) ?? /name="_handler"[^>]*value="([^"]+)"/.exec(html);
  if (!token) throw new Error('no antiforgery token on the login form');
  const body = new URLSearchParams({
    '_handler': handler ? handler[1] : 'login',
    '__RequestVerificationToken': token[1],
    'Input.Email': EMAIL,
    'Input.Password': PASSWORD,
  });
  const response = await fetch(BASE + 'Account/Login', {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: cookieHeader(), origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  });
  keep(response);
  if (response.status !== 302 || ![...jar.keys()].some(k => k.startsWith('__Host-Dashboard') && !k.includes('AF')))
    throw new Error(`sign-in failed: HTTP ${response.status}`);
}

// ---- one circuit, as blazor.web.js opens it ----
async function openCircuit(stats) {
  const started = Date.now();
  const response = await fetch(BASE + PAGE, { redirect: 'manual', headers: { cookie: cookieHeader() } });
  if (response.status !== 200) throw new Error(`page: HTTP ${response.status}`);
  const html = await response.text();
  // Every interactive root of the page (theme, head outlet, routes) has a marker; each becomes a root component.
  const markers = [...html.matchAll(/<!--Blazor:(\{"type":"server".*?\})-->/g)].map(m => JSON.parse(m[1]));
  if (markers.length === 0) throw new Error('no server component on the page (not signed in?)');

  const protocol = new MessagePackHubProtocol();
  protocol.name = 'blazorpack'; // blazor.web.js's name for MessagePack
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(BASE + '_blazor', {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: false,
      headers: { cookie: cookieHeader(), origin: ORIGIN },
    })
    .withHubProtocol(protocol)
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  const circuit = { connection, id: null, batches: 0, closedByUs: false };
  let firstBatch;
  const rendered = new Promise(resolve => { firstBatch = resolve; });
  connection.on('JS.RenderBatch', (id, data) => {
    circuit.batches++; stats.batches++;
    // A circuit over the per-user cap (SESS-08) renders only the refusal, not the page: counted, and the run fails.
    if (!circuit.refused && data && Buffer.from(data).includes(REFUSED_MARK)) { circuit.refused = true; stats.refused = (stats.refused ?? 0) + 1; }
    firstBatch();
    connection.send('OnRenderCompleted', id, null).catch(() => {});
  });
  // JS interop (Radzen, focus, the idle lock's listeners): answer "done, no value", except a call whose result is a
  // JS object reference (resultType 1: an `import` of a module, as the idle lock does), which gets an object id as
  // blazor.web.js gives it; null there would fail the component (ArgumentNullException) and close the circuit.
  let jsObjectId = 0;
  connection.on('JS.BeginInvokeJS', (handle, identifier, argsJson, resultType) => {
    const value = resultType === 1 ? { __jsObjectId: ++jsObjectId } : null;
    if (handle) connection.send('EndInvokeJSFromDotNet', handle, true, JSON.stringify([handle, true, value])).catch(() => {});
  });
  for (const name of ['JS.AttachComponent', 'JS.EndInvokeDotNet', 'JS.EndUpdateRootComponents', 'JS.EndLocationChanging',
    'JS.SavePersistedState', 'JS.ReceiveByteArray', 'JS.BeginTransmitStream', 'JS.DotNetStreamCallback']) connection.on(name, () => {});
  connection.on('JS.Error', () => { stats.errors++; });
  connection.onclose(error => { if (!circuit.closedByUs) { stats.closed++; if (error) stats.lastError = String(error.message || error); } });

  await connection.start();
  circuit.id = await connection.invoke('StartCircuit', BASE, BASE + PAGE, '[]', '');
  if (!circuit.id) throw new Error('StartCircuit refused');
  const operations = markers.map((m, i) => ({
    type: 'add', ssrComponentId: i + 1,
    marker: { type: m.type, key: m.key, sequence: m.sequence, descriptor: m.descriptor },
  }));
  await connection.send('UpdateRootComponents', JSON.stringify({ batchId: 1, operations }), '');
  const timeout = sleep(30_000).then(() => { throw new Error('no render batch within 30 s'); });
  await Promise.race([rendered, timeout]);
  circuit.renderMs = Date.now() - started;
  return circuit;
}

// Closing a tab: the browser beacons /_blazor/disconnect so the server disposes the circuit at once instead of
// keeping it for the disconnected-circuit retention period.
const released = { ok: 0, refused: 0 };
async function release(circuit) {
  circuit.closedByUs = true;
  const response = await fetch(BASE + '_blazor/disconnect', {
    method: 'POST', body: new URLSearchParams({ circuitId: circuit.id }),
    headers: { cookie: cookieHeader(), origin: ORIGIN },
  }).catch(() => null);
  if (response && response.ok) released.ok++; else released.refused++;
  await circuit.connection.stop().catch(() => {});
}

async function forcedGc() {
  if (!GC_ENDPOINT) return null;
  const response = await fetch(BASE + GC_ENDPOINT, { method: 'POST', headers: { origin: ORIGIN } }).catch(() => null);
  return response && response.ok ? response.json() : null;
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
};

(async () => {
  await signIn();
  // Warm-up: WARMUP circuits opened and released, so the baseline is a warmed-up portal (Radzen, the localizer,
  // EF Core's compiled model and query cache, Kestrel's and SignalR's buffer pools) and the figures below show what
  // each circuit costs and whether releasing them gives the memory back — not what the first visitor loads once.
  const warmStats = { batches: 0, errors: 0, closed: 0 };
  for (let i = 0; i < WARMUP; i += BATCH) {
    const warm = await Promise.all(Array.from({ length: Math.min(BATCH, WARMUP - i) }, () => openCircuit(warmStats)));
    await Promise.all(warm.map(release));
  }
  await sleep(2000);
  const baselineGc = await forcedGc();
  const baseline = rssKb();
  log({ phase: 'baseline', rss_kb: baseline, managed_kb: baselineGc && Math.round(baselineGc.managedBytes / 1024) });

  const stats = { ok: 0, fail: 0, batches: 0, errors: 0, closed: 0 };
  const circuits = [], openMs = [];
  for (const target of STEPS) {
    const t0 = Date.now();
    while (circuits.length + stats.fail < target && stats.fail < 50) {
      const n = Math.min(BATCH, target - circuits.length - stats.fail);
      await Promise.all(Array.from({ length: n }, () => openCircuit(stats)
        .then(c => { circuits.push(c); stats.ok++; openMs.push(c.renderMs); })
        .catch(e => { stats.fail++; stats.lastError = String(e.message || e); })));
    }
    const rampS = (Date.now() - t0) / 1000;
    await sleep(HOLD_S * 1000);
    const probes = [];
    for (let i = 0; i < 5; i++) {
      try { const p = await openCircuit({ batches: 0, errors: 0, closed: 0 }); probes.push(p.renderMs); await release(p); }
      catch (e) { stats.fail++; stats.lastError = String(e.message || e); }
    }
    const rssRaw = rssKb();
    const gc = await forcedGc();
    const rss = rssKb();
    const perCircuit = kb => circuits.length ? Math.round(kb / circuits.length) : null;
    log({
      step: target, open: circuits.length, rss_before_gc_kb: rssRaw, rss_kb: rss,
      kb_per_circuit: perCircuit(rss - baseline),
      managed_kb_per_circuit: gc && baselineGc ? perCircuit((gc.managedBytes - baselineGc.managedBytes) / 1024) : null,
      ramp_s: +rampS.toFixed(1), open_p50_ms: percentile(openMs.slice(-(target)), 50), open_p95_ms: percentile(openMs, 95),
      probe_p50_ms: percentile(probes, 50), probe_max_ms: Math.max(...probes), ...stats,
    });
    if (stats.fail >= 50) break;
  }

  // Release everything and see whether memory returns to the baseline.
  const heldPeak = rssKb();
  for (let i = 0; i < circuits.length; i += 100) await Promise.all(circuits.slice(i, i + 100).map(release));
  await sleep(SETTLE_S * 1000);
  const afterGc = await forcedGc();
  const after = rssKb();
  const result = {
    phase: 'released', circuits: circuits.length, rss_peak_kb: heldPeak, rss_after_kb: after, rss_baseline_kb: baseline,
    rss_over_baseline_kb: after - baseline,
    managed_baseline_kb: baselineGc && Math.round(baselineGc.managedBytes / 1024),
    managed_after_kb: afterGc && Math.round(afterGc.managedBytes / 1024),
    released: released.ok, release_refused: released.refused,
    circuit_errors: stats.errors + stats.closed, failed_opens: stats.fail, refused: stats.refused ?? 0,
    last_error: stats.lastError ?? null,
  };
  log(result);
  process.exit(stats.errors + stats.closed + stats.fail + (stats.refused ?? 0) === 0 ? 0 : 1);
})().catch(e => { console.error('circuits.js:', e); process.exit(2); });
