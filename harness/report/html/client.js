// report.html's script (inlined by harness/report/html.ts; plain browser JS,
// no build step): tabs, collapsing areas, filters (a text filter among them),
// the detail of the tests behind a clicked cell, built from the embedded JSON
// with DOM text nodes only, and links to single tests (#test=<run>:<test id>).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var BAD = { FAIL: 1, ERROR: 1, TIMEOUT: 1, CRASH: 1 };
  var filters = { failures: false, unexpected: false, era: '', area: '', text: '' };
  var open = null; // { row, col } of the cell whose detail is shown

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }
  function $$(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Tabs
  $$('[data-tab]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      $$('[data-tab]').forEach(function (t) {
        t.setAttribute('aria-selected', String(t === tab));
      });
      $$('.tab-panel').forEach(function (panel) {
        panel.hidden = panel.id !== tab.getAttribute('data-tab') + '-tab';
      });
    });
  });

  // Collapsing areas
  function setExpanded(tbody, expanded) {
    $('.toggle', tbody).setAttribute('aria-expanded', String(expanded));
    tbody.classList.toggle('collapsed', !expanded);
  }
  $$('tbody.area .toggle').forEach(function (button) {
    button.addEventListener('click', function () {
      setExpanded(button.closest('tbody'), button.getAttribute('aria-expanded') !== 'true');
    });
  });
  $('#expand-all').addEventListener('click', function () {
    $$('tbody.area').forEach(function (tbody) {
      setExpanded(tbody, true);
    });
  });
  $('#collapse-all').addEventListener('click', function () {
    $$('tbody.area').forEach(function (tbody) {
      setExpanded(tbody, false);
    });
  });

  // Filters
  function columnShown(col) {
    return !filters.era || data.runs[col].era === filters.era;
  }
  function textMatches(record) {
    if (!filters.text) return true;
    var haystack = [record.id, record.members.join(' '), record.status, record.message || ''].join('\n').toLowerCase();
    return haystack.indexOf(filters.text) !== -1;
  }
  function recordShown(record) {
    if (filters.unexpected && record.expected) return false;
    if (filters.failures && !BAD[record.status]) return false;
    return textMatches(record);
  }
  function cellRecords(td) {
    var col = Number(td.getAttribute('data-col'));
    return ((data.cells[td.getAttribute('data-row')] || [])[col] || []).map(function (i) {
      return data.records[col][i];
    });
  }
  function cellShown(td) {
    if (!columnShown(Number(td.getAttribute('data-col')))) return false;
    if (filters.text) return cellRecords(td).some(recordShown);
    if (filters.unexpected) return Number(td.getAttribute('data-unexpected')) > 0;
    if (filters.failures) return Number(td.getAttribute('data-bad')) > 0;
    return true;
  }
  function apply() {
    $$('#matrix [data-col]').forEach(function (node) {
      node.hidden = !columnShown(Number(node.getAttribute('data-col')));
    });
    var narrowing = filters.failures || filters.unexpected || Boolean(filters.text);
    var shown = 0;
    $$('tbody.area').forEach(function (tbody) {
      var areaOk = !filters.area || tbody.getAttribute('data-area') === filters.area;
      var any = false;
      $$('tr.member-row', tbody).forEach(function (tr) {
        var ok = areaOk && (!narrowing || $$('td.cell', tr).some(cellShown));
        tr.hidden = !ok;
        if (ok) any = true;
      });
      tbody.hidden = !any;
      if (any) shown++;
    });
    $('#no-match').hidden = shown > 0;
    if (open) showDetail(open.row, open.col);
  }
  $('#f-text').addEventListener('input', function (event) {
    filters.text = event.target.value.trim().toLowerCase();
    apply();
  });
  $('#f-failures').addEventListener('change', function (event) {
    filters.failures = event.target.checked;
    apply();
  });
  $('#f-unexpected').addEventListener('change', function (event) {
    filters.unexpected = event.target.checked;
    apply();
  });
  $('#f-era').addEventListener('change', function (event) {
    filters.era = event.target.value;
    apply();
  });
  $('#f-area').addEventListener('change', function (event) {
    filters.area = event.target.value;
    apply();
  });

  // Detail
  var detail = $('#detail');
  function pre(text) {
    return el('pre', { text: text });
  }
  function field(dl, term, value) {
    if (value === null || value === undefined || value === '') return;
    dl.appendChild(el('dt', { text: term }));
    dl.appendChild(el('dd', {}, value));
  }
  // The same colours as the matrix: a listed failure is hatched, a stale expectation blue.
  function badge(record) {
    var state = record.stale
      ? 'stale'
      : BAD[record.status] && record.expected
        ? 'expected-fail'
        : record.status.toLowerCase().replace('not_applicable', 'na');
    return el('span', { className: 'badge s-' + state, text: record.status });
  }
  // Frames inside node_modules (the test runner's own) say nothing about the
  // implementation; report.json and junit.xml keep the whole stack. The suite's
  // own frames stay, also when it runs from node_modules/session-conformance.
  function runnerFrame(line) {
    var match = /^\s+at .*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(line);
    return Boolean(match) && match[1] !== 'session-conformance';
  }
  function stackText(stack) {
    var lines = stack.split('\n');
    var kept = lines.filter(function (line) {
      return !runnerFrame(line);
    });
    var hidden = lines.length - kept.length;
    return kept.join('\n') + (hidden ? '\n    (' + hidden + ' frames inside node_modules not shown)' : '');
  }
  function docLink(doc) {
    if (!doc) return null;
    var text = 'session.md#' + doc.anchor + ' (' + doc.era + ')';
    return doc.url ? el('a', { href: doc.url, rel: 'noreferrer', text: text }) : el('span', { text: text });
  }
  function fragmentOf(col, id) {
    return 'test=' + col + ':' + encodeURIComponent(id);
  }
  function testDetail(record, col) {
    var spec = data.specs[record.file];
    var expectedText = record.expectedStatuses ? record.expectedStatuses.join(' or ') : 'PASS (no expectation)';
    var verdict = record.stale
      ? 'unexpected: the expectation is stale'
      : record.expected
        ? record.intermittent
          ? 'expected (a listed intermittent)'
          : 'expected'
        : 'UNEXPECTED';
    var dl = el('dl');
    field(dl, 'spec', record.file);
    if (spec) {
      field(dl, 'summary', spec.summary);
      field(dl, 'doc', docLink(spec.doc));
      field(dl, 'level', spec.level + ' · basis ' + spec.basis + ' · eras ' + spec.eras);
    }
    field(dl, 'members', record.members.join(', '));
    field(dl, 'expected', expectedText);
    field(dl, 'observed', record.status + ' · ' + verdict);
    field(dl, 'time', record.durationMs + ' ms');
    if (record.message) field(dl, 'message', pre(record.message));
    if (record.assertion) {
      field(dl, 'expected value', pre(record.assertion.expected));
      field(dl, 'actual value', pre(record.assertion.actual));
    }
    if (record.stack) field(dl, 'stack', pre(stackText(record.stack)));
    if (record.traffic && record.traffic.length) field(dl, 'traffic', pre(record.traffic.join('\n')));
    if (record.agentOutput) field(dl, 'agent stderr', pre(record.agentOutput));
    if (record.seed) field(dl, 'fast-check seed', el('code', { text: record.seed }));
    field(dl, 're-run', el('code', { className: 'rerun', text: record.rerun }));
    field(dl, 'link', el('a', { className: 'test-link', href: '#' + fragmentOf(col, record.id), text: 'link to this test' }));
    var item = el('details', { 'data-id': record.id }, el('summary', {}, badge(record), record.title), dl);
    if (BAD[record.status] || record.stale) item.open = true;
    return item;
  }
  function showDetail(rowKey, col, linked) {
    var indexes = (data.cells[rowKey] || [])[col] || [];
    var run = data.runs[col];
    var records = indexes
      .map(function (i) {
        return data.records[col][i];
      })
      .filter(function (record) {
        return record === linked || recordShown(record);
      });
    detail.textContent = '';
    var close = el('button', { type: 'button', className: 'close', 'aria-label': 'close', text: '×' });
    close.addEventListener('click', hideDetail);
    detail.appendChild(close);
    detail.appendChild(el('h2', { text: data.rows[rowKey] + ' · ' + run.label }));
    detail.appendChild(
      el('p', {
        className: 'note',
        text: run.implementation + ' · ' + run.platform + ' · ' + records.length + ' of ' + indexes.length + ' tests shown',
      })
    );
    if (!records.length) detail.appendChild(el('p', { text: 'No test here matches the filters.' }));
    records.forEach(function (record) {
      detail.appendChild(testDetail(record, col));
    });
    if (records.length === 1) $('details', detail).open = true;
    $$('td.cell.selected').forEach(function (td) {
      td.classList.remove('selected');
    });
    $$('td.cell').forEach(function (td) {
      if (td.getAttribute('data-row') === rowKey && td.getAttribute('data-col') === String(col)) td.classList.add('selected');
    });
    detail.hidden = false;
    open = { row: rowKey, col: col };
  }
  function hideDetail() {
    detail.hidden = true;
    open = null;
    $$('td.cell.selected').forEach(function (td) {
      td.classList.remove('selected');
    });
  }
  function activate(td) {
    if (!td || td.classList.contains('s-empty')) return;
    showDetail(td.getAttribute('data-row'), Number(td.getAttribute('data-col')));
    detail.focus({ preventScroll: true });
  }
  $('#matrix').addEventListener('click', function (event) {
    activate(event.target.closest('td.cell'));
  });
  $('#matrix').addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    var td = event.target.closest('td.cell');
    if (!td) return;
    event.preventDefault();
    activate(td);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open) hideDetail();
  });

  // Links to one test: the narrowest row holding it opens, with that test open and in view.
  function openLinked() {
    var match = /^#test=(\d+):(.+)$/.exec(location.hash);
    if (!match || !data.records[Number(match[1])]) return;
    var col = Number(match[1]);
    var id = decodeURIComponent(match[2]);
    var index = data.records[col].findIndex(function (record) {
      return record.id === id;
    });
    if (index === -1) return;
    var rowKey = Object.keys(data.cells)
      .filter(function (key) {
        return ((data.cells[key] || [])[col] || []).indexOf(index) !== -1;
      })
      .sort(function (a, b) {
        return data.cells[a][col].length - data.cells[b][col].length;
      })[0];
    if (!rowKey) return;
    showDetail(rowKey, col, data.records[col][index]);
    var item = $$('details', detail).filter(function (node) {
      return node.getAttribute('data-id') === id;
    })[0];
    if (!item) return;
    item.open = true;
    item.classList.add('linked');
    item.scrollIntoView({ block: 'nearest' });
  }
  window.addEventListener('hashchange', openLinked);
  openLinked();
})();
