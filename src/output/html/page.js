// leakscan report page: renders the JSON blob above (see src/output/html.rs for its shape).
// Every value goes into the page with textContent, never as markup. Severity, scores and the
// ranking come from the blob (src/output/severity.rs); this script only shows, sorts,
// filters and pages them.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('leakscan-data').textContent);
  var NF = new Intl.NumberFormat('en');
  var COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  var LEVELS = data.severity.levels;
  var TYPES = data.types;
  var PATHS = data.paths;
  var ROWS = data.fields;
  // Field row and type cell layout (FieldRow and TypeCell in html.rs).
  var PATH = 0, FIELD = 1, RECORDS = 2, SCORE = 3, LEVEL = 4, RAISED = 5, EXPOSED = 6,
    DISTINCT = 7, CELLS = 8;
  var C_TYPE = 0, C_RECORDS = 1, C_LEVEL = 4, C_EXAMPLE = 5;
  var LIST_LIMIT = 200;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === undefined || value === null) return;
        if (key === 'text') node.textContent = value;
        else if (key === 'class') node.className = value;
        else node.setAttribute(key, value);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var kid = arguments[i];
      if (kid === undefined || kid === null) continue;
      node.appendChild(typeof kid === 'string' ? document.createTextNode(kid) : kid);
    }
    return node;
  }

  function num(n) { return NF.format(n); }

  function bytes(n) {
    var units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    var i = 0;
    var v = n;
    while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
    return (i === 0 ? String(v) : v.toFixed(v < 10 ? 2 : 1)) + ' ' + units[i];
  }

  function share(part, whole) {
    if (!whole) return '–';
    var p = part * 100 / whole;
    return (p >= 10 || p === 0 ? String(Math.round(p)) : p.toFixed(1)) + ' %';
  }

  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function badge(level, score) {
    var span = el('span', { class: 'sev l' + level }, capital(LEVELS[level].name));
    if (score !== undefined) {
      span.appendChild(el('span', { class: 'score' }, ' ' + score));
      span.title = 'Score ' + score;
    }
    return span;
  }

  function barRow(label, level, value, max, attrs) {
    var width = max > 0 ? Math.max(0.5, value * 100 / max) : 0;
    return el('tr', attrs,
      el('td', null, label),
      el('td', null, badge(level)),
      el('td', { class: 'num' }, num(value)),
      el('td', { 'aria-hidden': 'true' },
        el('div', { class: 'bar l' + level, style: 'width:' + width.toFixed(2) + '%' })));
  }

  function fieldName(row) { return row[FIELD] === null ? '(no field)' : row[FIELD]; }

  // ---- headline -------------------------------------------------------------------------

  function renderHeadline() {
    var s = data.scanned;
    $('meta').textContent = data.tool.name + ' ' + data.tool.version + ' · ' +
      num(s.inputs) + ' inputs scanned in ' + s.seconds.toFixed(2) + ' s · report ' + data.schema;
    $('incomplete').hidden = data.complete;
    var figures = $('figures');
    function figure(key, term, value, small) {
      figures.appendChild(el('div', null,
        el('dt', null, term),
        el('dd', { 'data-figure': key }, value, small ? el('small', null, small) : null)));
    }
    figure('inputs', 'Inputs scanned', num(s.inputs),
      data.skipped.length || data.errors.length
        ? num(data.skipped.length) + ' skipped, ' + num(data.errors.length) + ' unreadable'
        : null);
    figure('bytes', 'Data scanned', bytes(s.bytes), num(s.bytes) + ' bytes');
    figure('records', 'Records', num(s.records));
    figure('fields', 'Fields exposing personal data', num(ROWS.length),
      'of ' + num(data.fields_total) + ' fields');
    figure('findings', 'Findings', num(data.findings));

    var found = TYPES.map(function (t, i) { return { t: t, i: i }; })
      .filter(function (x) { return x.t.found; });
    found.sort(function (a, b) {
      return b.t.found.level - a.t.found.level || b.t.base - a.t.base ||
        b.t.found.distinct - a.t.found.distinct || a.i - b.i;
    });
    var people = $('people');
    if (!found.length) {
      people.appendChild(el('li', null, 'No personal data found.'));
    }
    found.forEach(function (x) {
      people.appendChild(el('li', { 'data-type': x.t.name },
        el('span', { class: 'n' }, num(x.t.found.distinct)),
        el('span', { class: 'what' }, x.t.label, el('code', null, x.t.name)),
        badge(x.t.found.level)));
    });
    return found;
  }

  // ---- charts ---------------------------------------------------------------------------

  function renderCharts(found) {
    var byType = $('bytype').tBodies[0];
    var max = 0;
    found.forEach(function (x) { max = Math.max(max, x.t.found.records); });
    found.forEach(function (x) {
      byType.appendChild(barRow(x.t.label, x.t.found.level, x.t.found.records, max,
        { 'data-type': x.t.name }));
    });
    var top = $('top').tBodies[0];
    var rows = ROWS.slice(0, 10);
    var topMax = 0;
    rows.forEach(function (r) { topMax = Math.max(topMax, r[EXPOSED]); });
    rows.forEach(function (r, i) {
      var label = el('span', null, el('span', { class: r[FIELD] === null ? 'none' : 'mono' }, fieldName(r)),
        el('br'), el('small', { class: 'path' }, PATHS[r[PATH]]));
      top.appendChild(barRow(label, r[LEVEL], r[EXPOSED], topMax, { 'data-rank': i + 1 }));
    });
    if (!found.length) byType.appendChild(el('tr', null, el('td', { colspan: 4 }, 'Nothing found.')));
    if (!rows.length) top.appendChild(el('tr', null, el('td', { colspan: 4 }, 'Nothing found.')));
  }

  // ---- field table ----------------------------------------------------------------------

  var SORTS = {
    rank: { dir: 'asc', label: 'rank' },
    score: { dir: 'desc', label: 'severity' },
    path: { dir: 'asc', label: 'input' },
    field: { dir: 'asc', label: 'field' },
    exposed: { dir: 'desc', label: 'records exposed' },
    share: { dir: 'desc', label: 'share' },
    distinct: { dir: 'desc', label: 'distinct values' }
  };
  var SIZES = [25, 50, 100, 500];
  var DEFAULT = { sort: 'rank', dir: 'asc', q: '', type: '', min: '', page: 1, size: 50 };
  var state = Object.assign({}, DEFAULT);
  var order = null;        // row indices after filter and sort
  var orderKey = '';       // the state that `order` was computed for
  var haystack = null;     // lower-cased text searched per row, built on first search
  var stringPos = {};      // per string column: each row's position in collation order

  function typeIndex(name) {
    for (var i = 0; i < TYPES.length; i++) if (TYPES[i].name === name) return i;
    return -1;
  }

  function levelIndex(name) {
    for (var i = 0; i < LEVELS.length; i++) if (LEVELS[i].name === name) return i;
    return -1;
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var next = Object.assign({}, DEFAULT);
    var sort = params.get('sort');
    if (sort && SORTS[sort]) next.sort = sort;
    var dir = params.get('dir');
    next.dir = dir === 'asc' || dir === 'desc' ? dir : SORTS[next.sort].dir;
    next.q = params.get('q') || '';
    var type = params.get('type') || '';
    next.type = typeIndex(type) >= 0 ? type : '';
    var min = params.get('min') || '';
    next.min = levelIndex(min) >= 0 ? min : '';
    var size = parseInt(params.get('size'), 10);
    next.size = SIZES.indexOf(size) >= 0 ? size : DEFAULT.size;
    var page = parseInt(params.get('page'), 10);
    next.page = page > 0 ? page : 1;
    return next;
  }

  function writeHash() {
    var params = new URLSearchParams();
    ['sort', 'dir', 'q', 'type', 'min', 'page', 'size'].forEach(function (key) {
      var fallback = key === 'dir' ? SORTS[state.sort].dir : DEFAULT[key];
      if (String(state[key]) !== String(fallback)) params.set(key, state[key]);
    });
    var text = params.toString();
    try {
      history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
    } catch (e) {
      // Some browsers refuse history changes on file: pages; the view still works.
    }
  }

  function positions(column) {
    if (stringPos[column]) return stringPos[column];
    var keys = ROWS.map(function (r) {
      return column === 'path' ? PATHS[r[PATH]] : (r[FIELD] === null ? '' : r[FIELD]);
    });
    var idx = ROWS.map(function (_, i) { return i; });
    idx.sort(function (a, b) { return COLLATOR.compare(keys[a], keys[b]) || a - b; });
    var pos = new Int32Array(ROWS.length);
    idx.forEach(function (row, p) { pos[row] = p; });
    stringPos[column] = pos;
    return pos;
  }

  function sortKey(column) {
    switch (column) {
      case 'score': return function (i) { return ROWS[i][SCORE]; };
      case 'exposed': return function (i) { return ROWS[i][EXPOSED]; };
      case 'distinct': return function (i) { return ROWS[i][DISTINCT]; };
      case 'share': return function (i) {
        var r = ROWS[i];
        return r[RECORDS] ? r[EXPOSED] / r[RECORDS] : 0;
      };
      case 'path': {
        var byPath = positions('path');
        var byField = positions('field');
        // Input first, then field within it.
        return function (i) { return byPath[i] * ROWS.length + byField[i]; };
      }
      case 'field': {
        var pos = positions('field');
        return function (i) { return pos[i]; };
      }
      default: return function (i) { return i; };
    }
  }

  function matches() {
    var q = state.q.trim().toLowerCase();
    var type = state.type ? typeIndex(state.type) : -1;
    var min = state.min ? levelIndex(state.min) : -1;
    if (q && !haystack) {
      haystack = ROWS.map(function (r) {
        var names = r[CELLS].map(function (c) { return TYPES[c[C_TYPE]].name; }).join(' ');
        return (PATHS[r[PATH]] + '\n' + fieldName(r) + '\n' + names).toLowerCase();
      });
    }
    var out = [];
    for (var i = 0; i < ROWS.length; i++) {
      var r = ROWS[i];
      if (min >= 0 && r[LEVEL] < min) continue;
      if (type >= 0 && !r[CELLS].some(function (c) { return c[C_TYPE] === type; })) continue;
      if (q && haystack[i].indexOf(q) < 0) continue;
      out.push(i);
    }
    return out;
  }

  function computeOrder() {
    var key = [state.sort, state.dir, state.q, state.type, state.min].join('\u0000');
    if (order && key === orderKey) return;
    var rows = matches();
    if (!(state.sort === 'rank' && state.dir === 'asc')) {
      var k = sortKey(state.sort);
      var keys = new Float64Array(ROWS.length);
      rows.forEach(function (i) { keys[i] = k(i); });
      var sign = state.dir === 'asc' ? 1 : -1;
      // Ties keep the severity rank, whatever the direction.
      rows.sort(function (a, b) { return sign * (keys[a] - keys[b]) || a - b; });
    }
    order = rows;
    orderKey = key;
  }

  function fieldRow(i) {
    var r = ROWS[i];
    var chips = el('div', { class: 'chips' });
    r[CELLS].forEach(function (c) {
      var t = TYPES[c[C_TYPE]];
      chips.appendChild(el('span', { class: 'chip l' + c[C_LEVEL], title: t.label + ', ' + LEVELS[c[C_LEVEL]].name },
        t.name + ' ' + num(c[C_RECORDS])));
    });
    var severity = el('td', { 'data-col': 'severity' }, badge(r[LEVEL], r[SCORE]));
    if (r[RAISED]) {
      severity.appendChild(el('span', { class: 'beside', title: 'Raised: a name or contact data is in the same input' },
        '+' + data.severity.bonus + ' beside name/contact'));
    }
    var example = r[CELLS].length ? r[CELLS][0][C_EXAMPLE] : null;
    return el('tr', { 'data-rank': i + 1 },
      el('td', { class: 'num', 'data-col': 'rank' }, num(i + 1)),
      severity,
      el('td', { class: 'path', 'data-col': 'path' }, PATHS[r[PATH]]),
      el('td', { class: r[FIELD] === null ? 'field none' : 'field', 'data-col': 'field' }, fieldName(r)),
      el('td', { 'data-col': 'types' }, chips),
      el('td', { class: 'num', 'data-col': 'exposed' }, num(r[EXPOSED])),
      el('td', { class: 'num', 'data-col': 'share' }, share(r[EXPOSED], r[RECORDS])),
      el('td', { class: 'num', 'data-col': 'distinct' }, num(r[DISTINCT])),
      el('td', { class: 'ex', 'data-col': 'example' }, example || ''));
  }

  function renderTable() {
    computeOrder();
    var total = order.length;
    var pages = Math.max(1, Math.ceil(total / state.size));
    state.page = Math.min(Math.max(1, state.page), pages);
    var start = (state.page - 1) * state.size;
    var end = Math.min(total, start + state.size);
    var body = document.createElement('tbody');
    for (var p = start; p < end; p++) body.appendChild(fieldRow(order[p]));
    if (!total) {
      body.appendChild(el('tr', null, el('td', { colspan: 9 },
        ROWS.length ? 'No field matches the filters.' : 'No personal data found.')));
    }
    var table = $('field-table');
    table.replaceChild(body, table.tBodies[0]);

    var sortLabel = SORTS[state.sort].label;
    var dirLabel = state.dir === 'asc' ? 'ascending' : 'descending';
    Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-sort]'), function (th) {
      if (th.getAttribute('data-sort') === state.sort) th.setAttribute('aria-sort', dirLabel);
      else th.removeAttribute('aria-sort');
    });
    var filtered = state.q || state.type || state.min;
    $('field-caption').textContent = 'Fields exposing personal data' +
      (state.sort === 'rank' && state.dir === 'asc'
        ? ', most severe first'
        : ', sorted by ' + sortLabel + ' (' + dirLabel + ')') +
      (filtered ? ', filtered' : '');
    $('table-status').textContent = total
      ? 'Showing ' + num(start + 1) + '–' + num(end) + ' of ' + num(total) + ' fields' +
        (filtered ? ' matching the filters (' + num(ROWS.length) + ' in all)' : '') + '.'
      : 'No field to show.';
    $('p-where').textContent = 'Page ' + num(state.page) + ' of ' + num(pages);
    $('p-first').disabled = $('p-prev').disabled = state.page <= 1;
    $('p-next').disabled = $('p-last').disabled = state.page >= pages;
    $('f-q').value = state.q;
    $('f-type').value = state.type;
    $('f-min').value = state.min;
    $('f-size').value = String(state.size);
  }

  function update(change) {
    Object.assign(state, change);
    renderTable();
    writeHash();
  }

  function initTable() {
    $('fields-note').textContent =
      'Records exposed: records in which the field holds a finding (where one field holds ' +
      'several types, their records are added up, at most the records in which the field has ' +
      'a value). Share: records exposed out of the records in which the field has a value. ' +
      'Distinct: estimated distinct values. Examples are masked. ' +
      num(data.fields_total - ROWS.length) + ' fields with no finding are not listed.';
    var typeSelect = $('f-type');
    TYPES.forEach(function (t) {
      if (t.found) typeSelect.appendChild(el('option', { value: t.name }, t.name));
    });
    var minSelect = $('f-min');
    LEVELS.slice(1).reverse().forEach(function (l) {
      minSelect.appendChild(el('option', { value: l.name }, capital(l.name) + (l.name === 'critical' ? '' : ' and above')));
    });
    Array.prototype.forEach.call($('field-table').tHead.querySelectorAll('th[data-sort] button'), function (button) {
      button.addEventListener('click', function () {
        var column = button.parentNode.getAttribute('data-sort');
        var dir = column === state.sort
          ? (state.dir === 'asc' ? 'desc' : 'asc')
          : SORTS[column].dir;
        update({ sort: column, dir: dir, page: 1 });
      });
    });
    var typing = 0;
    $('f-q').addEventListener('input', function (e) {
      clearTimeout(typing);
      var value = e.target.value;
      typing = setTimeout(function () { update({ q: value, page: 1 }); }, 150);
    });
    $('f-type').addEventListener('change', function (e) { update({ type: e.target.value, page: 1 }); });
    $('f-min').addEventListener('change', function (e) { update({ min: e.target.value, page: 1 }); });
    $('f-size').addEventListener('change', function (e) {
      var first = (state.page - 1) * state.size;
      var size = parseInt(e.target.value, 10);
      update({ size: size, page: Math.floor(first / size) + 1 });
    });
    $('controls').addEventListener('submit', function (e) { e.preventDefault(); });
    $('p-first').addEventListener('click', function () { update({ page: 1 }); });
    $('p-prev').addEventListener('click', function () { update({ page: state.page - 1 }); });
    $('p-next').addEventListener('click', function () { update({ page: state.page + 1 }); });
    $('p-last').addEventListener('click', function () { update({ page: Infinity }); });
    window.addEventListener('hashchange', function () {
      state = readHash();
      renderTable();
    });
    state = readHash();
    renderTable();
  }

  // ---- severity and inputs --------------------------------------------------------------

  function renderSeverity() {
    var holders = TYPES.filter(function (t) { return t.holder; }).map(function (t) { return t.label; });
    var rule = $('severity-rule');
    rule.appendChild(el('p', null,
      'Each type of personal data has a base weight (below): full card numbers and national ' +
      'identifiers confirmed by a check digit or issuing rules weigh most, a masked card ' +
      'number or an IP address least. Identifiers that are dangerous once someone knows whose ' +
      'they are gain ' + data.severity.bonus + ' points when the same input also holds ' +
      holders.slice(0, -1).join(', ') + ' or ' + holders[holders.length - 1] + ': a card number beside its holder\u2019s name and phone is what ' +
      'fraud needs. (The report does not say which values share a record, so \u201cbeside\u201d ' +
      'means in the same file or archive member.)'));
    rule.appendChild(el('p', null,
      'A field\u2019s score is the highest score of the types in it, and its level follows from ' +
      'the score. Fields are ranked by score, then by records exposed, then by distinct values.'));
    var levels = el('ul', { class: 'levels', 'aria-label': 'Levels by score' });
    LEVELS.slice().reverse().forEach(function (l, i, all) {
      var text = i === 0 ? 'score ' + l.min_score + ' or more'
        : (l.min_score === 0 ? 'score below ' + all[i - 1].min_score
          : 'score ' + l.min_score + ' to ' + (all[i - 1].min_score - 1));
      levels.appendChild(el('li', null, badge(LEVELS.length - 1 - i), ' ' + text));
    });
    rule.appendChild(levels);
    var body = $('weights').tBodies[0];
    TYPES.map(function (t, i) { return { t: t, i: i }; })
      .sort(function (a, b) { return b.t.base - a.t.base || a.i - b.i; })
      .forEach(function (x) {
        var t = x.t;
        var beside = t.raised ? '+' + data.severity.bonus
          : (t.holder ? 'raises the identifiers beside it' : 'no change');
        body.appendChild(el('tr', { 'data-type': t.name },
          el('th', { scope: 'row' }, el('code', null, t.name), el('br'), el('small', null, t.label)),
          el('td', { class: 'num' }, String(t.base)),
          el('td', null, beside),
          el('td', null, t.why)));
      });
  }

  function listTable(caption, head, items, cells) {
    var wrap = el('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': caption });
    var table = el('table', { class: 'list' }, el('caption', null, caption));
    var tr = el('tr');
    head.forEach(function (h) {
      tr.appendChild(el('th', { scope: 'col', class: h.num ? 'num' : null }, h.text));
    });
    table.appendChild(el('thead', null, tr));
    var body = el('tbody');
    items.slice(0, LIST_LIMIT).forEach(function (item) {
      var row = el('tr');
      cells(item).forEach(function (c, i) {
        row.appendChild(i === 0
          ? el('th', { scope: 'row', class: 'path' }, c)
          : el('td', { class: head[i].num ? 'num' : null }, c));
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    if (items.length > LIST_LIMIT) {
      wrap.appendChild(el('p', { class: 'note' }, 'The first ' + num(LIST_LIMIT) + ' of ' +
        num(items.length) + '; all are in the JSON report.'));
    }
    return wrap;
  }

  function renderInputs() {
    var statuses = {};
    data.inputs.forEach(function (i) { statuses[i.status] = (statuses[i.status] || 0) + 1; });
    var parts = Object.keys(statuses).sort().map(function (k) { return num(statuses[k]) + ' ' + k; });
    $('inputs-summary').textContent = num(data.inputs.length) + ' inputs scanned' +
      (parts.length ? ' (' + parts.join(', ') + ')' : '') + ', ' + num(data.skipped.length) +
      ' skipped, ' + num(data.errors.length) + ' could not be read.';
    var tables = $('inputs-tables');
    if (data.inputs.length) {
      tables.appendChild(listTable('Inputs', [
        { text: 'Input' }, { text: 'Format' }, { text: 'Region' }, { text: 'Records', num: true },
        { text: 'Bytes scanned', num: true }, { text: 'Status' }
      ], data.inputs, function (i) {
        return [i.path, i.format, i.region, num(i.records), num(i.bytes_scanned), i.status];
      }));
    }
    if (data.skipped.length) {
      tables.appendChild(listTable('Skipped', [
        { text: 'Input' }, { text: 'Reason' }, { text: 'Bytes', num: true }
      ], data.skipped, function (s) { return [s.path, s.reason, num(s.bytes)]; }));
    }
    if (data.errors.length) {
      tables.appendChild(listTable('Could not be read', [
        { text: 'Input' }, { text: 'Error' }, { text: 'At byte', num: true }
      ], data.errors, function (e) { return [e.path, e.error, num(e.offset)]; }));
    }
    $('foot').textContent = 'Made by ' + data.tool.name + ' ' + data.tool.version + ' from a ' +
      data.schema + ' report. Every value on this page is masked; the page loads nothing from ' +
      'the network.';
  }

  // A verify report (schema leakscan.verify/1) would add a section renderer here, keyed on
  // data.kind, beside these.
  var found = renderHeadline();
  renderCharts(found);
  initTable();
  renderSeverity();
  renderInputs();
  document.documentElement.setAttribute('data-ready-ms', String(Math.round(performance.now())));
})();
