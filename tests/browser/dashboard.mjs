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
  check(await page.locator('#by-actor tr').count() > 1 || await page.locator('#by-admin1 tr').count() > 1, 'breakdowns by actor / admin1 are drawn');
  await page.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });

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
  const evs = await page.evaluate(async () => (await (await fetch('/api/events?limit=200')).json()).events);
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
