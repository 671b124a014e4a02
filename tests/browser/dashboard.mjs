// Drives the sitrep dashboard in headless Chromium (Debian's package) with playwright-core.
//   usage: node dashboard.mjs BASE_URL ARTIFACT_DIR
// BASE_URL is a running `sitrep serve` over a store ingested from fixtures.
// Checks: the map shows markers over the offline base map; a filter changes the map,
// the time line and the URL; the event page highlights evidence in the source text;
// no request leaves the server. Screenshots go to ARTIFACT_DIR. Exit 0 on success.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = (process.argv[2] || '').replace(/\/$/, '');
const out = process.argv[3] || 'artifacts/browser';
if (!base) { console.error('usage: node dashboard.mjs BASE_URL ARTIFACT_DIR'); process.exit(2); }
mkdirSync(out, { recursive: true });

let passed = 0, failed = 0;
function check(cond, what) {
  if (cond) { passed++; console.log(`ok - ${what}`); }
  else { failed++; console.log(`not ok - ${what}`); }
}

const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1440, height: 1100 },
});
const page = ctx.pages()[0] || await ctx.newPage();
const foreign = [], pageErrors = [], failedReqs = [];
page.on('request', (r) => { const u = r.url(); if (!u.startsWith(base) && !u.startsWith('data:')) foreign.push(u); });
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('requestfailed', (r) => failedReqs.push(r.url() + ' ' + (r.failure() || {}).errorText));

async function ready(sel) {
  await page.waitForSelector(`${sel}[data-state="ready"], ${sel}[data-state="error"]`, { timeout: 20000 });
  return page.getAttribute(sel, 'data-state');
}
const num = async (sel, attr) => Number(await page.getAttribute(sel, attr));

try {
  // ---- dashboard, unfiltered
  await page.goto(base + '/', { waitUntil: 'load' });
  check(await ready('#dashboard') === 'ready', 'dashboard loads');
  await page.waitForSelector('#map[data-basemap="loaded"]', { timeout: 20000 });
  check(await page.locator('#map .leaflet-overlay-pane path').count() > 50, 'offline base map draws country shapes');
  const markers0 = await num('#map', 'data-markers');
  const visible0 = await page.locator('#map path.ev-marker, #map .marker-cluster').count();
  check(markers0 > 0 && visible0 > 0, `map shows markers (${markers0} events located, ${visible0} markers/clusters drawn)`);
  const total0 = await num('#timeline', 'data-total');
  check(total0 > 0, `time line counts events (${total0})`);
  check(await page.locator('#events tbody tr').count() > 0, 'event list has rows');
  check(await page.locator('#by-actor tr').count() > 1, 'breakdown by actor is drawn');
  check(await page.locator('#by-admin1 tr').count() > 1, 'breakdown by admin1 is drawn');
  await page.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });

  // ---- markers: coloured by event type, sized by fatalities, clustered when dense.
  // Leaflet draws a circle marker as an SVG arc path "M x,y a r,r 0 1,0 ..." with the
  // radius rounded to whole pixels.
  const COLORS = {
    'Battles': '#d62728', 'Explosions/Remote violence': '#ff7f0e',
    'Violence against civilians': '#8e44ad', 'Protests': '#2ca02c', 'Riots': '#8c564b',
    'Strategic developments': '#1f77b4', '': '#7f7f7f',
  };
  const radius = (k) => Math.max(1, Math.round(4 + Math.min(18, 2.2 * Math.sqrt(k || 0))));
  const located0 = (await page.evaluate(async () => (await (await fetch('/api/events?limit=500')).json()).events))
    .filter((e) => e.location && e.location.lat !== null && e.location.lat !== undefined);
  const drawnMarkers = async () => page.$$eval('#map path.ev-marker', (ps) => ps.map((p) => {
    const m = (p.getAttribute('d') || '').match(/a([\d.]+),/);
    return { fill: p.getAttribute('fill'), r: m ? Number(m[1]) : NaN };
  }).filter((d) => Number.isFinite(d.r)));  // paths out of view are left empty ("M0 0")
  const wantColours = new Set(located0.map((e) => COLORS[e.event_type || '']));
  const wantRadii = located0.map((e) => radius(e.fatalities.best));
  const drawn = await drawnMarkers();
  check(drawn.length > 0 && drawn.every((d) => wantColours.has(d.fill)),
    `markers are coloured by event type (${[...new Set(drawn.map((d) => d.fill))].join(' ')})`);
  check(drawn.every((d) => wantRadii.some((r) => Math.abs(r - d.r) < 0.01)),
    `every marker has the radius of its fatalities (drawn ${[...new Set(drawn.map((d) => d.r))].join(' ')}; possible ${[...new Set(wantRadii)].join(' ')})`);
  const distinctWant = new Set(wantRadii.map((r) => r.toFixed(2))).size;
  const distinctDrawn = new Set(drawn.map((d) => d.r.toFixed(2))).size;
  check(distinctWant < 2 || drawn.length < located0.length || distinctDrawn > 1,
    `marker sizes differ with fatalities (${distinctDrawn} sizes drawn)`);
  // zoom out to the whole world: nearby events gather into clusters that count them
  for (let i = 0; i < 16; i++) {
    await page.evaluate(() => document.querySelector('#map .leaflet-control-zoom-out').click());
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(500);
  const clusters = await page.$$eval('#map .marker-cluster span', (s) => s.map((x) => Number(x.textContent)));
  const singles = await page.locator('#map path.ev-marker').count();
  check(located0.length < 2 || clusters.length > 0, `markers cluster when dense (${clusters.length} clusters at world zoom)`);
  const clusterLooks = await page.$$eval('#map .ev-cluster div', (ds) => ds.map((d) => ({
    type: d.getAttribute('data-type'), killed: Number(d.getAttribute('data-killed')), bg: d.style.background,
  })));
  const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
  check(clusterLooks.length === clusters.length && clusterLooks.every((c) => c.type in COLORS && c.bg === rgb(COLORS[c.type])),
    `clusters are coloured by their most frequent event type (${clusterLooks.map((c) => c.type || 'untyped').join(', ')})`);
  const killedAll = located0.reduce((a, e) => a + (e.fatalities.best || 0), 0);
  check(singles > 0 || clusterLooks.reduce((a, c) => a + c.killed, 0) === killedAll,
    `clusters carry the fatalities of their events (${clusterLooks.map((c) => c.killed).join(', ')} of ${killedAll})`);
  check(clusters.reduce((a, b) => a + b, 0) + singles === markers0, `clusters and single markers account for every located event (${markers0})`);
  await page.screenshot({ path: join(out, 'dashboard-clusters.png') });

  // ---- time line: bars stacked by event type (one layer per type), fatalities as a line
  const typeRows = await page.evaluate(async () => (await (await fetch('/api/stats?group=type')).json()).rows);
  const tl = await page.evaluate(() => {
    const c = Chart.getChart(document.getElementById('timeline'));
    return {
      stacked: !!(c.options.scales.x.stacked && c.options.scales.y.stacked),
      bars: c.data.datasets.filter((d) => d.type === 'bar').map((d) => ({ label: d.label, sum: d.data.reduce((a, b) => a + b, 0), colour: d.backgroundColor })),
      line: c.data.datasets.some((d) => d.type === 'line' && d.label === 'fatalities'),
    };
  });
  const datedTypes = await page.evaluate(async () => {
    const rows = (await (await fetch('/api/stats?group=week')).json()).rows;
    const by = {};
    rows.forEach((r) => { by[r.event_type || ''] = (by[r.event_type || ''] || 0) + r.events; });
    return by;
  });
  check(tl.stacked && tl.line, 'time line is stacked, with fatalities as a line');
  check(tl.bars.length === Object.keys(datedTypes).length && tl.bars.every((b) => {
    const key = b.label === 'verbal / untyped' ? '' : b.label;
    return datedTypes[key] === b.sum && b.colour === COLORS[key];
  }), `one bar layer per event type with its count and colour (${tl.bars.map((b) => b.label + '=' + b.sum).join(', ')})`);
  check(typeRows.length > 0, 'stats by type answer');
  const weekBuckets = await num('#timeline', 'data-buckets');
  for (const g of ['day', 'month', 'week']) {
    await page.click(`#grouping button[data-group="${g}"]`);
    await page.waitForFunction((g) => (new URL(location.href).searchParams.get('group') || 'week') === g, g);
    await ready('#dashboard');
    await page.waitForFunction((g) => document.querySelector(`#grouping button[data-group="${g}"]`).classList.contains('on'), g);
    const t = await num('#timeline', 'data-total');
    const b = await num('#timeline', 'data-buckets');
    check(t === total0, `time line per ${g}: same events (${t})`);
    if (g === 'day') check(b >= weekBuckets, `per day has at least as many buckets as per week (${b} ≥ ${weekBuckets})`);
  }

  // ---- a breakdown row is a filter: click the first admin1, everything follows
  const admin1 = await page.locator('#by-admin1 a').first().textContent();
  await page.locator('#by-admin1 a').first().click();
  await page.waitForFunction((a) => new URL(location.href).searchParams.get('admin1') === a, admin1);
  await ready('#dashboard');
  const tAdmin = await num('#timeline', 'data-total');
  const admins = await page.$$eval('#events tbody tr td:nth-child(5)', (tds) => tds.map((t) => t.textContent));
  check(tAdmin > 0 && tAdmin <= total0 && admins.length > 0 && admins.every((a) => a.toLowerCase() === admin1.toLowerCase()),
    `clicking admin1 "${admin1}" filters time line and list (${tAdmin} events)`);
  await page.click('#reset');
  await page.waitForFunction(() => location.search === '');
  await ready('#dashboard');

  // ---- a filter that narrows: the event type with the fewest events (but some)
  const types = await page.evaluate(async () => (await (await fetch('/api/stats?group=type')).json()).rows);
  const located = types.filter((r) => r.key);
  located.sort((a, b) => a.events - b.events);
  const pick = located.find((r) => r.events < total0) || null;
  if (pick) {
    await page.selectOption('select[name="type"]', pick.key);
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('type') === t, pick.key);
    check(await ready('#dashboard') === 'ready', `filtered dashboard loads (type=${pick.key})`);
    const total1 = await num('#timeline', 'data-total');
    const markers1 = await num('#map', 'data-markers');
    check(total1 === pick.events && total1 < total0, `time line follows the filter (${total0} → ${total1})`);
    check(markers1 < markers0 || (markers1 === markers0 && markers0 === 0), `map follows the filter (${markers0} → ${markers1} markers)`);
    const rows = await page.locator('#events tbody tr').count();
    check(rows > 0 && rows <= total1, `list follows the filter (${rows} rows)`);
    await page.screenshot({ path: join(out, 'dashboard-filtered.png'), fullPage: true });
    // the URL is the view: reload it and get the same answer
    await page.reload({ waitUntil: 'load' });
    await ready('#dashboard');
    check(await num('#timeline', 'data-total') === total1 && await page.inputValue('select[name="type"]') === pick.key,
      'a shared URL restores the filtered view');
    await page.click('#reset');
    await page.waitForFunction(() => location.search === '');
    await ready('#dashboard');
  } else {
    check(false, 'fixture has events of at least two types (needed to test a filter)');
  }

  // ---- event page: the event with the most evidence among the first page
  const evs = await page.evaluate(async () => (await (await fetch('/api/events?limit=200&evidence=true')).json()).events);
  evs.sort((a, b) => (b.evidence || []).length - (a.evidence || []).length);
  const ev = evs[0];
  check(ev && ev.evidence.length > 0, `an event with evidence exists (${ev ? ev.evidence.length : 0} items)`);
  await page.click(`#events tbody tr[data-id="${ev.id}"] a`).catch(async () => {
    await page.goto(base + '/event/' + encodeURIComponent(ev.id));
  });
  await page.waitForURL('**/event/**');
  check(await ready('#eventpage') === 'ready', 'event page loads');
  const marks = page.locator('mark.evidence');
  check(await marks.count() > 0, `evidence is highlighted in the source text (${await marks.count()} marked runs)`);
  const markText = (await marks.allTextContents()).join('');
  const allFound = ev.evidence.every((x) => markText.includes(x.text.slice(0, 12)) || x.text.length === 0);
  check(allFound, 'every evidence text appears inside the highlights');
  check(await page.locator('#date-precision').textContent() === ev.date_precision, 'date precision shown plainly');
  check(await page.locator('#background').textContent() === (ev.background ? 'yes' : 'no'), 'background shown plainly');
  check(await page.locator('#sources tr').count() === ev.sources.length + 1, 'all sources listed');
  const killed = await page.$$eval('#sources tr td.num', (tds) => tds.map((t) => t.textContent));
  check(killed.length === ev.sources.length && ev.sources.every((s, i) =>
    killed[i] === (s.fatalities_reported === null || s.fatalities_reported === undefined ? '—' : String(s.fatalities_reported))),
  `each source shows the toll it reported (${killed.join(', ')})`);
  const fieldRows = await page.$$eval('#fields tr[data-field]', (rs) => rs.map((r) => r.getAttribute('data-field')));
  const coded = [...new Set(ev.evidence.map((x) => x.field.split('.')[0]))].filter((f) => f !== 'fatalities' && f !== 'date');
  check(coded.every((f) => fieldRows.includes(f) || fieldRows.some((r) => r.startsWith(f))),
    `every field with evidence has a row (${coded.join(', ')})`);
  const quote = page.locator('#fields a.evq').first();
  await quote.click();
  check(await page.locator('mark.evidence.flash').count() > 0, 'clicking a field\'s evidence highlights it in the text');
  await page.screenshot({ path: join(out, 'event.png'), fullPage: true });

  check(foreign.length === 0, `no request leaves the server${foreign.length ? ': ' + foreign.slice(0, 3).join(', ') : ''}`);
  check(pageErrors.length === 0, `no script errors${pageErrors.length ? ': ' + pageErrors.slice(0, 3).join(' | ') : ''}`);
  const realFailures = failedReqs.filter((f) => !/\.map |ERR_ABORTED/.test(f));
  check(realFailures.length === 0, `no failed requests${realFailures.length ? ': ' + realFailures.slice(0, 3).join(' | ') : ''}`);
} catch (e) {
  failed++;
  console.log(`not ok - unexpected: ${e && e.stack ? e.stack : e}`);
  await page.screenshot({ path: join(out, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
