/* sitrep dashboard: map, time line, breakdowns and list over one set of filters that
 * lives in the URL; and the event page with every coded field's evidence highlighted
 * in its source text. No network beyond this server; no framework. */
(function () {
  'use strict';

  var FILTERS = ['from', 'to', 'country', 'admin1', 'type', 'actor', 'text', 'bbox'];
  var TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians',
    'Protests', 'Riots', 'Strategic developments'];
  var COLORS = {
    'Battles': '#d62728', 'Explosions/Remote violence': '#ff7f0e',
    'Violence against civilians': '#8e44ad', 'Protests': '#2ca02c', 'Riots': '#8c564b',
    'Strategic developments': '#1f77b4', '': '#7f7f7f'
  };
  var MAP_MAX = 2000;      // events drawn on the map
  var PAGE = 100;          // events per list page

  // ---- small helpers -------------------------------------------------------------
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') e.textContent = v;
        else if (k === 'class') e.className = v;
        else if (k === 'style') e.setAttribute('style', v);
        else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) e.appendChild(typeof x === 'string' ? document.createTextNode(x) : x); });
      else e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  function $(sel) { return document.querySelector(sel); }
  function typeColor(t) { return COLORS[t || ''] || COLORS['']; }
  function fmt(n) { return n === null || n === undefined ? '—' : String(n); }
  function showError(msg) {
    var box = $('#error');
    box.textContent = msg;
    box.hidden = !msg;
  }
  function getJSON(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        if (!r.ok) {
          var m = body && body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + r.status;
          throw new Error(m);
        }
        return body;
      });
    });
  }

  // ---- filters <-> URL -----------------------------------------------------------
  function currentFilters() {
    var p = new URLSearchParams(location.search);
    var f = {};
    FILTERS.forEach(function (k) { var v = p.get(k); if (v) f[k] = v; });
    return f;
  }
  function query(f, extra) {
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) { if (f[k]) p.set(k, f[k]); });
    if (extra) Object.keys(extra).forEach(function (k) { if (extra[k] !== undefined && extra[k] !== null) p.set(k, extra[k]); });
    var s = p.toString();
    return s ? '?' + s : '';
  }
  function grouping() {
    return new URLSearchParams(location.search).get('group') || 'week';
  }
  function navigate(f, group) {
    var g = group || grouping();
    var url = '/' + query(f, g !== 'week' ? { group: g } : null);
    history.pushState(null, '', url);
    loadDashboard();
  }
  function fillForm(f) {
    var form = $('#filters');
    FILTERS.forEach(function (k) { if (form.elements[k]) form.elements[k].value = f[k] || ''; });
  }
  function readForm() {
    var form = $('#filters');
    var f = {};
    FILTERS.forEach(function (k) {
      var v = form.elements[k] ? String(form.elements[k].value).trim() : '';
      if (v) f[k] = v;
    });
    return f;
  }
  function showActive(f) {
    var box = $('#active');
    box.textContent = '';
    var keys = Object.keys(f);
    if (!keys.length) { box.appendChild(document.createTextNode('All events.')); return; }
    keys.forEach(function (k) {
      box.appendChild(el('span', { class: 'chip', title: 'remove this filter', style: 'cursor:pointer',
        onclick: function () { var g = currentFilters(); delete g[k]; navigate(g); } }, k + ': ' + f[k] + ' ×'));
    });
  }

  // ---- map -----------------------------------------------------------------------
  var map = null, cluster = null, basemapLoaded = false;
  function initMap() {
    if (map) return;
    map = L.map('map', { preferCanvas: false, worldCopyJump: true, zoomSnap: 0.5, minZoom: 2, maxZoom: 13 }).setView([30, 69], 5);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Base map: Natural Earth (public domain)');
    cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true,
      iconCreateFunction: clusterIcon });
    map.addLayer(cluster);
    fetch('/assets/countries-50m.json').then(function (r) { return r.json(); }).then(function (topo) {
      var geo = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(geo, {
        interactive: false,
        style: { color: '#8d99a8', weight: 0.7, fillColor: '#f3f1ec', fillOpacity: 1 }
      }).addTo(map).bringToBack();
      basemapLoaded = true;
      $('#map').setAttribute('data-basemap', 'loaded');
    }).catch(function () { showError('The base map could not be loaded.'); });
    var legend = $('#legend');
    TYPES.concat(['']).forEach(function (t) {
      legend.appendChild(el('span', null, el('i', { style: 'background:' + typeColor(t) }), t || 'verbal / untyped'));
    });
    legend.appendChild(el('span', { class: 'note' }, 'size = fatalities'));
  }
  // A cluster is coloured by the event type most of its events have and sized by
  // their fatalities, like the markers it gathers; its title gives the mix.
  function clusterIcon(c) {
    var ms = c.getAllChildMarkers(), counts = {}, killed = 0, best = '', n = -1;
    ms.forEach(function (m) {
      var t = m.options.evType || '';
      counts[t] = (counts[t] || 0) + 1;
      killed += m.options.evKilled || 0;
    });
    TYPES.concat(['']).forEach(function (t) { if ((counts[t] || 0) > n) { n = counts[t] || 0; best = t; } });
    var d = Math.round(24 + Math.min(24, 2.2 * Math.sqrt(killed)));
    var title = TYPES.concat(['']).filter(function (t) { return counts[t]; }).map(function (t) {
      return (t || 'verbal / untyped') + ': ' + counts[t];
    }).join(', ') + ' · ' + killed + ' killed';
    var inner = el('div', { style: 'background:' + typeColor(best) + ';width:' + d + 'px;height:' + d + 'px;margin:3px;border-radius:50%;' +
      'color:#fff;font:600 12px/' + d + 'px sans-serif;text-align:center;opacity:0.9', title: title,
      'data-type': best, 'data-killed': String(killed) }, el('span', { style: 'line-height:' + d + 'px' }, String(ms.length)));
    return L.divIcon({ html: inner.outerHTML, className: 'marker-cluster ev-cluster', iconSize: L.point(d + 6, d + 6) });
  }
  function markerFor(ev) {
    var loc = ev.location;
    if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) return null;
    var k = ev.fatalities && ev.fatalities.best ? ev.fatalities.best : 0;
    var m = L.circleMarker([loc.lat, loc.lon], {
      radius: 4 + Math.min(18, 2.2 * Math.sqrt(k)),
      color: '#fff', weight: 1, fillColor: typeColor(ev.event_type), fillOpacity: 0.85,
      className: 'ev-marker', evType: ev.event_type || '', evKilled: k
    });
    m.bindPopup(function () {
      return el('div', null,
        el('div', null, el('b', null, ev.event_type || (ev.plover || 'verbal')), ev.sub_event_type ? ' — ' + ev.sub_event_type : ''),
        el('div', null, (ev.event_date || 'date unknown') + ' · ' + loc.name + (loc.admin1 ? ', ' + loc.admin1 : '')),
        el('div', null, 'Killed: ' + fmt(ev.fatalities ? ev.fatalities.best : null)),
        el('div', null, el('a', { href: '/event/' + encodeURIComponent(ev.id) }, 'Open event →')));
    });
    return m;
  }
  function drawMarkers(events) {
    cluster.clearLayers();
    var ms = [], bounds = [];
    events.forEach(function (ev) {
      var m = markerFor(ev);
      if (m) { ms.push(m); bounds.push(m.getLatLng()); }
    });
    cluster.addLayers(ms);
    $('#map').setAttribute('data-markers', String(ms.length));
    if (bounds.length && !currentFilters().bbox) {
      map.fitBounds(L.latLngBounds(bounds).pad(0.25), { maxZoom: 8 });
    }
    return ms.length;
  }

  // ---- time line -----------------------------------------------------------------
  var chart = null;
  function isoWeekMonday(d) {
    var x = new Date(d.getTime()); var wd = (x.getUTCDay() + 6) % 7; x.setUTCDate(x.getUTCDate() - wd); return x;
  }
  function allKeys(keys, group) {
    if (!keys.length) return [];
    keys = keys.slice().sort();
    if (group === 'month') {
      var out = [], y = +keys[0].slice(0, 4), m = +keys[0].slice(5, 7);
      var ey = +keys[keys.length - 1].slice(0, 4), em = +keys[keys.length - 1].slice(5, 7);
      while ((y < ey || (y === ey && m <= em)) && out.length < 1200) {
        out.push(y + '-' + (m < 10 ? '0' : '') + m); m++; if (m > 12) { m = 1; y++; }
      }
      return out;
    }
    var step = group === 'week' ? 7 : 1;
    var d = new Date(keys[0] + 'T00:00:00Z'), end = new Date(keys[keys.length - 1] + 'T00:00:00Z');
    if (isNaN(d) || isNaN(end)) return keys;
    if (group === 'week') d = isoWeekMonday(d);
    var res = [];
    while (d <= end && res.length < 3000) { res.push(d.toISOString().slice(0, 10)); d.setUTCDate(d.getUTCDate() + step); }
    keys.forEach(function (k) { if (res.indexOf(k) < 0) res.push(k); });
    return res.sort();
  }
  function drawTimeline(rows, group) {
    var keys = allKeys(rows.map(function (r) { return r.key; }).filter(function (k) { return /^\d{4}-\d{2}/.test(k); }), group);
    var types = [];
    rows.forEach(function (r) { var t = r.event_type || ''; if (types.indexOf(t) < 0) types.push(t); });
    types.sort(function (a, b) { return (TYPES.indexOf(a) + 99 * (a === '')) - (TYPES.indexOf(b) + 99 * (b === '')); });
    var idx = {}; keys.forEach(function (k, i) { idx[k] = i; });
    var deaths = keys.map(function () { return 0; });
    var total = 0;
    var datasets = types.map(function (t) {
      var data = keys.map(function () { return 0; });
      rows.forEach(function (r) {
        if ((r.event_type || '') === t && idx[r.key] !== undefined) { data[idx[r.key]] += r.events; }
      });
      return { type: 'bar', label: t || 'verbal / untyped', data: data, backgroundColor: typeColor(t), stack: 'events', yAxisID: 'y', order: 2 };
    });
    rows.forEach(function (r) { if (idx[r.key] !== undefined) { deaths[idx[r.key]] += r.fatalities; total += r.events; } });
    datasets.push({ type: 'line', label: 'fatalities', data: deaths, borderColor: '#1d2330', backgroundColor: '#1d2330',
      borderWidth: 1.5, pointRadius: keys.length > 60 ? 0 : 2, yAxisID: 'y1', order: 1, tension: 0.2 });
    var canvas = $('#timeline');
    canvas.setAttribute('data-total', String(total));
    canvas.setAttribute('data-buckets', String(keys.length));
    if (chart) chart.destroy();
    chart = new Chart(canvas, {
      data: { labels: keys, datasets: datasets },
      options: {
        animation: false, maintainAspectRatio: false, responsive: true,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } } },
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 12, font: { size: 10 } }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } },
          y1: { position: 'right', beginAtZero: true, title: { display: true, text: 'fatalities' }, grid: { display: false }, ticks: { precision: 0 } }
        }
      }
    });
    document.querySelectorAll('#grouping button').forEach(function (b) {
      b.classList.toggle('on', b.getAttribute('data-group') === group);
    });
    return total;
  }

  // ---- breakdowns ----------------------------------------------------------------
  function drawBars(table, rows, filterKey) {
    table.textContent = '';
    rows = rows.slice().sort(function (a, b) { return b.events - a.events || b.fatalities - a.fatalities; }).slice(0, 12);
    var max = rows.reduce(function (m, r) { return Math.max(m, r.events); }, 1);
    if (!rows.length) { table.appendChild(el('tr', null, el('td', { class: 'note' }, 'nothing'))); return; }
    table.appendChild(el('tr', null, el('th'), el('th'), el('th', { class: 'num note' }, 'events'), el('th', { class: 'num note' }, 'killed')));
    rows.forEach(function (r) {
      var name = r.key || '(unknown)';
      var link = r.key ? el('a', { href: '#', title: 'filter on ' + name, onclick: function (e) {
        e.preventDefault(); var f = currentFilters(); f[filterKey] = r.key; navigate(f);
      } }, name) : name;
      table.appendChild(el('tr', null,
        el('td', { class: 'name', title: name }, link),
        el('td', { class: 'bar' }, el('span', { style: 'width:' + Math.max(2, Math.round(100 * r.events / max)) + '%' })),
        el('td', { class: 'num' }, String(r.events)),
        el('td', { class: 'num' }, String(r.fatalities))));
    });
  }

  // ---- list ----------------------------------------------------------------------
  var listCursor = null, listFilters = null;
  function eventRow(ev) {
    var loc = ev.location || {};
    var a1 = ev.actor1 ? ev.actor1.name : '', a2 = ev.actor2 ? ev.actor2.name : '';
    var date = ev.event_date || 'unknown';
    if (ev.date_precision && ev.date_precision !== 'day') date += ' (' + ev.date_precision + ')';
    return el('tr', { 'data-id': ev.id },
      el('td', null, el('a', { href: '/event/' + encodeURIComponent(ev.id) }, date), ev.background ? el('span', { class: 'bg-tag', title: 'recalled from more than a month before publication' }, 'background') : null),
      el('td', null, el('span', { class: 'type-dot', style: 'background:' + typeColor(ev.event_type) }), ev.event_type || ('(' + (ev.plover || 'verbal') + ')')),
      el('td', null, ev.sub_event_type || ''),
      el('td', null, loc.name || ''),
      el('td', null, loc.admin1 || ''),
      el('td', null, a1), el('td', null, a2),
      el('td', { class: 'num' }, fmt(ev.fatalities ? ev.fatalities.best : null)),
      el('td', { class: 'num' }, String((ev.sources || []).length)),
      el('td', { class: 'notes', title: ev.notes || '' }, ev.notes || ''));
  }
  function appendRows(events) {
    var body = $('#events tbody');
    events.forEach(function (ev) { body.appendChild(eventRow(ev)); });
  }

  // ---- load everything for the current URL -----------------------------------------
  var loadSeq = 0;
  function loadDashboard() {
    var seq = ++loadSeq;
    var f = currentFilters(), group = grouping();
    $('#dashboard').hidden = false; $('#eventpage').hidden = true;
    document.title = 'sitrep';
    fillForm(f); showActive(f); showError('');
    initMap();
    $('#export-csv').href = '/api/events.csv' + query(f);
    $('#export-geojson').href = '/api/events.geojson' + query(f);
    $('#dashboard').setAttribute('data-state', 'loading');

    // events: first pages for the map (and the list's first page)
    var events = [];
    function page(cursor) {
      return getJSON('/api/events' + query(f, { limit: 500, cursor: cursor })).then(function (p) {
        events = events.concat(p.events);
        if (p.next_cursor && events.length < MAP_MAX) return page(p.next_cursor);
        return p.next_cursor;
      });
    }
    var pEvents = page(null).then(function (more) {
      if (seq !== loadSeq) return;
      var n = drawMarkers(events);
      $('#map-note').textContent = n + ' located of ' + events.length + (more ? '+' : '') + ' events' + (more ? ' (first ' + events.length + ')' : '');
      $('#events tbody').textContent = '';
      appendRows(events.slice(0, PAGE));
      listFilters = f;
      listCursor = null;
      var shown = Math.min(PAGE, events.length);
      $('#more').hidden = !(events.length > PAGE || more);
      $('#more').onclick = function () {
        if (shown < events.length) {
          appendRows(events.slice(shown, shown + PAGE)); shown += PAGE;
          $('#more').hidden = !(shown < events.length || more);
          if (shown >= events.length) listCursor = more;
        } else if (listCursor) {
          getJSON('/api/events' + query(listFilters, { limit: PAGE, cursor: listCursor })).then(function (p) {
            appendRows(p.events); listCursor = p.next_cursor; $('#more').hidden = !listCursor;
          }).catch(function (e) { showError(e.message); });
        }
      };
      if (shown >= events.length) listCursor = more;
      $('#list-note').textContent = events.length ? '' : 'No event matches these filters.';
    });
    var pTime = getJSON('/api/stats' + query(f, { group: group })).then(function (s) {
      if (seq === loadSeq) {
        var total = drawTimeline(s.rows, group);
        var deaths = s.rows.reduce(function (a, r) { return a + r.fatalities; }, 0);
        $('#counts').textContent = total + ' events · ' + deaths + ' killed (filtered)';
      }
    });
    var pActor = getJSON('/api/stats' + query(f, { group: 'actor' })).then(function (s) {
      if (seq === loadSeq) drawBars($('#by-actor'), s.rows, 'actor');
    });
    var pAdmin = getJSON('/api/stats' + query(f, { group: 'admin1' })).then(function (s) {
      if (seq === loadSeq) drawBars($('#by-admin1'), s.rows, 'admin1');
    });
    Promise.all([pEvents, pTime, pActor, pAdmin]).then(function () {
      if (seq === loadSeq) $('#dashboard').setAttribute('data-state', 'ready');
    }).catch(function (e) {
      showError(e.message);
      $('#dashboard').setAttribute('data-state', 'error');
    });
  }

  // ---- event page ----------------------------------------------------------------
  var enc = new TextEncoder(), dec = new TextDecoder();
  var FIELD_ROWS = [
    ['event_date', 'Date'], ['event_type', 'Event type'], ['sub_event_type', 'Sub-event type'],
    ['plover', 'PLOVER'], ['actor1', 'Actor 1'], ['actor2', 'Actor 2'], ['location', 'Location'],
    ['fatalities.best', 'Killed (best)'], ['fatalities.low', 'Killed (low)'], ['fatalities.high', 'Killed (high)'],
    ['fatalities.civilians', 'Civilians killed'], ['fatalities.state_forces', 'State forces killed'],
    ['fatalities.militants', 'Militants killed'], ['fatalities.unknown', 'Side unknown killed'],
    ['wounded', 'Wounded'], ['abducted', 'Abducted'], ['arrested', 'Arrested'],
    ['claimed_by', 'Claimed by'], ['accused', 'Accused'], ['denied_by', 'Denied by']
  ];
  function fieldValue(ev, key) {
    var f = ev.fatalities || {};
    switch (key) {
      case 'event_date':
        return (ev.event_date || 'unknown') + (ev.date_end ? ' – ' + ev.date_end : '');
      case 'actor1': case 'actor2': {
        var a = ev[key]; if (!a) return null;
        return a.name + (a.type ? ' (' + a.type + (a.country ? ', ' + a.country : '') + ')' : '');
      }
      case 'location': {
        var l = ev.location; if (!l) return null;
        return [l.name, l.admin2, l.admin1, l.country].filter(Boolean).join(', ') +
          (l.lat !== null && l.lat !== undefined ? ' · ' + l.lat.toFixed(3) + ', ' + l.lon.toFixed(3) : '') +
          ' · precision ' + l.precision;
      }
      case 'plover': return ev.plover ? ev.plover + (ev.plover_mode ? ' (' + ev.plover_mode + ')' : '') : null;
      case 'wounded': {
        var w = ev.wounded || {};
        if (w.best === null && w.low === null && w.high === null) return null;
        return fmt(w.best) + (w.low !== null || w.high !== null ? ' [' + fmt(w.low) + '–' + fmt(w.high) + ']' : '');
      }
      case 'claimed_by': return ev.claimed_by.length ? ev.claimed_by.map(function (c) { return c.actor; }).join('; ') : null;
      case 'accused': return ev.accused.length ? ev.accused.map(function (c) { return c.by + ' → ' + c.target; }).join('; ') : null;
      case 'denied_by': return ev.denied_by.length ? ev.denied_by.map(function (c) { return c.actor; }).join('; ') : null;
      default:
        if (key.indexOf('fatalities.') === 0) { var v = f[key.slice(11)]; return v === null || v === undefined ? null : String(v); }
        return ev[key] === null || ev[key] === undefined ? null : String(ev[key]);
    }
  }
  function evidenceFor(ev, key) {
    var own = (ev.evidence || []).filter(function (x) {
      return x.field === key || x.field.indexOf(key + '.') === 0;
    });
    // the sub-type and PLOVER code rest on the same trigger as the event type
    if (!own.length && (key === 'sub_event_type' || key === 'plover')) return evidenceFor(ev, 'event_type');
    return own;
  }
  // Split an article text at the evidence spans' UTF-8 byte offsets and mark each covered run.
  function highlighted(text, spans) {
    var bytes = enc.encode(text);
    var cuts = [0, bytes.length];
    spans.forEach(function (s) {
      if (s.start >= 0 && s.end <= bytes.length && s.start < s.end) { cuts.push(s.start, s.end); }
    });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = dec.decode(bytes.subarray(a, b));
      var cover = spans.filter(function (s) { return s.start <= a && b <= s.end; });
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var fields = cover.map(function (s) { return s.field; }).filter(function (v, j, arr) { return arr.indexOf(v) === j; });
      var m = el('mark', { class: 'evidence', 'data-fields': fields.join(' '), title: fields.join(', '),
        'data-cover': cover.map(function (s) { return s.anchor; }).join(' ') }, piece);
      var ends = cover.filter(function (s) { return s.end === b; });
      if (ends.length) m.appendChild(el('sup', null, ends.map(function (s) { return s.field; }).filter(function (v, j, arr) { return arr.indexOf(v) === j; }).join(', ')));
      frag.appendChild(m);
    }
    return frag;
  }
  function flash(anchorId) {
    document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
    var runs = document.querySelectorAll('mark[data-cover~="' + anchorId + '"]');
    runs.forEach(function (m) { m.classList.add('flash'); });
    if (runs.length) runs[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
  function loadEvent(id) {
    $('#dashboard').hidden = true;
    var page = $('#eventpage'); page.hidden = false; page.textContent = '';
    page.setAttribute('data-state', 'loading');
    showError('');
    $('#filters').hidden = true; $('#active').hidden = true;
    getJSON('/api/events/' + encodeURIComponent(id)).then(function (ev) {
      document.title = 'sitrep · ' + (ev.event_type || ev.plover || 'event') + ' · ' + (ev.event_date || '');
      var ids = [];
      (ev.sources || []).forEach(function (s) { if (ids.indexOf(s.article_id) < 0) ids.push(s.article_id); });
      (ev.evidence || []).forEach(function (s) { if (ids.indexOf(s.article_id) < 0) ids.push(s.article_id); });
      return Promise.all(ids.map(function (aid) {
        return getJSON('/api/articles/' + encodeURIComponent(aid)).catch(function () { return null; });
      })).then(function (arts) { renderEvent(ev, arts.filter(Boolean)); });
    }).catch(function (e) {
      page.appendChild(el('p', null, el('a', { href: '/' }, '← dashboard')));
      showError(e.message);
      page.setAttribute('data-state', 'error');
    });
  }
  function renderEvent(ev, articles) {
    var page = $('#eventpage');
    var loc = ev.location || {};
    // anchors: one per evidence item
    (ev.evidence || []).forEach(function (x, i) { x.anchor = 'ev-' + i; });
    var head = el('div', { class: 'head' },
      el('a', { href: '/' + (sessionStorage.getItem('sitrep.last') || '') }, '← dashboard'),
      el('h1', null, el('span', { class: 'type-dot', style: 'background:' + typeColor(ev.event_type) }),
        (ev.event_type || 'Verbal event (' + (ev.plover || 'no type') + ')') + (ev.sub_event_type ? ' — ' + ev.sub_event_type : '') +
        (loc.name ? ' in ' + loc.name : '') + (ev.event_date ? ', ' + ev.event_date : '')),
      el('div', { class: 'sub' }, ev.notes || ''),
      el('div', { class: 'sub' }, 'Event ', el('code', null, ev.id), ' · confidence ' + (ev.confidence !== undefined ? ev.confidence.toFixed(2) : '—') +
        ' · schema v' + ev.schema_version));

    var fields = el('table', { class: 'fields', id: 'fields' });
    fields.appendChild(el('tr', null, el('th', null, 'Date precision'), el('td', { class: 'val plain', id: 'date-precision' }, ev.date_precision),
      el('td', { class: 'ev' }, ev.date_precision === 'day' ? 'the day is known' : 'the text supports only this precision')));
    fields.appendChild(el('tr', null, el('th', null, 'Background'), el('td', { class: 'val plain', id: 'background' }, ev.background ? 'yes' : 'no'),
      el('td', { class: 'ev' }, ev.background ? 'recalled from more than a month before the article was published' : 'an event of the current news cycle')));
    FIELD_ROWS.forEach(function (fr) {
      var key = fr[0], v = fieldValue(ev, key);
      var evs = evidenceFor(ev, key);
      if (v === null && !evs.length) return;
      var evCell = el('td', { class: 'ev' });
      evs.forEach(function (x) {
        evCell.appendChild(el('a', { class: 'evq', href: '#' + x.anchor, 'data-field': x.field,
          onclick: function (e) { e.preventDefault(); flash(x.anchor); } }, '“' + x.text + '”'));
      });
      if (!evs.length) evCell.appendChild(el('span', { class: 'none' }, 'no evidence recorded'));
      fields.appendChild(el('tr', { 'data-field': key }, el('th', null, fr[1]),
        el('td', { class: 'val' + (v === null ? ' none' : '') }, v === null ? 'unknown' : v), evCell));
    });

    var sources = el('table', { class: 'sources', id: 'sources' },
      el('tr', null, el('th', null, 'Source'), el('th', null, 'Publisher'), el('th', null, 'Published'), el('th', { class: 'num' }, 'Killed reported')));
    (ev.sources || []).forEach(function (s) {
      sources.appendChild(el('tr', null,
        el('td', null, el('a', { href: '#art-' + s.article_id }, s.title || s.article_id), s.url ? [' ', el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, '↗')] : null),
        el('td', null, s.publisher || ''), el('td', null, s.published || ''),
        el('td', { class: 'num' }, fmt(s.fatalities_reported))));
    });

    var left = el('div', null, el('h2', null, 'Coded fields'), fields);
    var right = el('div', null, el('h2', null, 'Sources'), sources);
    if (loc.lat !== null && loc.lat !== undefined) right.appendChild(el('div', { id: 'minimap', class: 'minimap' }));
    articles.forEach(function (a) {
      var spans = (ev.evidence || []).filter(function (x) { return x.article_id === a.id; })
        .map(function (x) { return { start: x.start, end: x.end, field: x.field, anchor: x.anchor }; });
      var text = el('div', { class: 'text' });
      text.appendChild(highlighted(a.text, spans));
      right.appendChild(el('div', { class: 'article', id: 'art-' + a.id },
        el('h3', null, a.title || a.id),
        el('div', { class: 'sub' }, [a.publisher, a.published, a.dateline].filter(Boolean).join(' · ')),
        text));
    });
    page.appendChild(head); page.appendChild(left); page.appendChild(right);
    if (document.getElementById('minimap')) {
      var mm = L.map('minimap', { zoomControl: false, attributionControl: false, minZoom: 2, maxZoom: 13 }).setView([loc.lat, loc.lon], 7);
      fetch('/assets/countries-50m.json').then(function (r) { return r.json(); }).then(function (topo) {
        L.geoJSON(topojson.feature(topo, topo.objects.countries), { interactive: false,
          style: { color: '#8d99a8', weight: 0.7, fillColor: '#f3f1ec', fillOpacity: 1 } }).addTo(mm).bringToBack();
      });
      L.circleMarker([loc.lat, loc.lon], { radius: 7, color: '#fff', weight: 1, fillColor: typeColor(ev.event_type), fillOpacity: 0.9 }).addTo(mm);
    }
    page.setAttribute('data-state', 'ready');
  }

  // ---- wiring --------------------------------------------------------------------
  function route() {
    var m = location.pathname.match(/^\/event\/(.+)$/);
    if (m) { loadEvent(decodeURIComponent(m[1])); return; }
    $('#filters').hidden = false; $('#active').hidden = false;
    sessionStorage.setItem('sitrep.last', location.search);
    loadDashboard();
  }
  document.addEventListener('DOMContentLoaded', function () {
    $('#filters').addEventListener('submit', function (e) { e.preventDefault(); navigate(readForm()); });
    $('#reset').addEventListener('click', function () { navigate({}); });
    $('#bbox-btn').addEventListener('click', function () {
      if (!map) return;
      var b = map.getBounds();
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
      var f = currentFilters();
      f.bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map(function (x) { return x.toFixed(3); }).join(',');
      navigate(f);
    });
    document.querySelectorAll('#grouping button').forEach(function (b) {
      b.addEventListener('click', function () { navigate(currentFilters(), b.getAttribute('data-group')); });
    });
    window.addEventListener('popstate', route);
    fetch('/api/meta').then(function (r) { return r.json(); }).then(function (m) {
      if (m && m.counts) document.querySelector('.brand').title = m.counts.events + ' events from ' + m.counts.articles + ' articles in the store';
    }).catch(function () {});
    route();
  });
})();
