// LiveModel's console: plain JS, no build step. Reads /console/api/stats, reads and writes records
// through the REST API, tails changes through the change stream (EventSource). The access token, if
// any, is kept in sessionStorage (shared with the explorer) and sent as access_token.
(function () {
  'use strict';
  var TOKEN_KEY = 'livemodel.accessToken';
  var TAIL_MAX = 50;
  var stats = null;
  var model = null;   // the selected model, as /console/api/stats describes it
  var source = null;  // its EventSource
  var editingId = null;

  function $(id) { return document.getElementById(id); }

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

  function withToken(url) {
    var t = token();
    return t ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'access_token=' + encodeURIComponent(t) : url;
  }

  function api(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(withToken(stats.restApiRoot + path), init).then(function (response) {
      return response.text().then(function (text) {
        var json = text ? JSON.parse(text) : null;
        if (response.status === 401) {
          $('token').focus(); // access control is on: the user needs to give a token
        }
        if (!response.ok) {
          var error = (json && json.error) || {};
          throw new Error(response.status + ' ' + (error.message || response.statusText));
        }
        return json;
      });
    });
  }

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function loadStats() {
    return fetch(withToken('api/stats')).then(function (r) { return r.json(); }).then(function (s) {
      stats = s;
      var node = s.node.clustered
        ? 'clustered, node ' + s.node.nodeId + ', ' + s.node.members.length + ' member(s): ' + s.node.members.join(', ')
        : 'single node (not clustered)';
      $('node').textContent = node + ' · store: ' + s.store;
      if (model) {
        var open = s.streams[model.name] || {};
        var parts = Object.keys(open).map(function (t) { return t + ' ' + open[t]; });
        $('stream-counts').textContent = parts.length ? parts.join(', ') : '0';
      }
      return s;
    });
  }

  function showModels() {
    var box = $('models');
    box.textContent = '';
    stats.models.forEach(function (m) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = m.name + ' (' + m.plural + ')';
      b.dataset.plural = m.plural;
      b.addEventListener('click', function () { select(m); });
      box.appendChild(b);
    });
  }

  function select(m) {
    model = m;
    history.replaceState(null, '', '?model=' + encodeURIComponent(m.plural));
    Array.prototype.forEach.call($('models').children, function (b) {
      b.classList.toggle('selected', b.dataset.plural === m.plural);
    });
    $('model-section').hidden = false;
    $('model-title').textContent = m.name;
    var body = $('properties').tBodies[0];
    body.textContent = '';
    m.properties.forEach(function (p) {
      var row = body.insertRow();
      cell(row, p.name); cell(row, p.type); cell(row, p.required ? 'yes' : ''); cell(row, p.id ? 'yes' : '');
    });
    if (!m.strict) {
      cell(body.insertRow(), '(open model: any other property is stored)').colSpan = 4;
    }
    $('tail').textContent = '';
    newRecord();
    subscribe();
    loadRecords();
    loadStats();
  }

  function subscribe() {
    if (source) { source.close(); }
    var state = $('stream-state');
    state.textContent = 'connecting'; state.className = 'state';
    source = new EventSource(withToken(stats.restApiRoot + '/' + model.plural + '/change-stream?_format=event-stream'));
    source.onopen = function () { state.textContent = 'live'; state.className = 'state live'; loadStats(); };
    source.onerror = function () { state.textContent = 'reconnecting'; state.className = 'state down'; };
    source.addEventListener('data', function (msg) {
      var li = document.createElement('li');
      li.textContent = new Date().toLocaleTimeString() + ' ' + msg.data;
      var tail = $('tail');
      tail.insertBefore(li, tail.firstChild);
      while (tail.children.length > TAIL_MAX) { tail.removeChild(tail.lastChild); }
      loadRecords();
    });
    source.addEventListener('reset', function () { loadRecords(); });
  }

  function loadRecords() {
    var current = model;
    return api('GET', '/' + model.plural + '?filter=' + encodeURIComponent(JSON.stringify({ limit: 100 })))
      .then(function (records) { if (current === model) { showRecords(records); } })
      .catch(function (e) { say('cannot read records: ' + e.message, true); });
  }

  function showRecords(records) {
    var columns = model.properties.map(function (p) { return p.name; });
    records.forEach(function (r) {
      Object.keys(r).forEach(function (k) { if (columns.indexOf(k) < 0) { columns.push(k); } });
    });
    var head = $('records').tHead;
    head.textContent = '';
    var hr = head.insertRow();
    columns.concat(['']).forEach(function (c) { var th = document.createElement('th'); th.textContent = c; hr.appendChild(th); });
    var body = $('records').tBodies[0];
    body.textContent = '';
    records.forEach(function (r) {
      var row = body.insertRow();
      columns.forEach(function (c) { cell(row, r[c] === undefined ? '' : JSON.stringify(r[c])); });
      var actions = cell(row, '');
      actions.className = 'actions';
      actions.appendChild(button('edit', function () { edit(r); }));
      actions.appendChild(button('delete', function () { remove(r); }));
    });
  }

  function button(text, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function newRecord() {
    editingId = null;
    $('editor-title').textContent = 'New record';
    $('save').textContent = 'Create';
    $('editor-json').value = '{}';
  }

  function edit(record) {
    editingId = record[model.idName];
    $('editor-title').textContent = 'Edit ' + model.name + ' ' + editingId;
    $('save').textContent = 'Save';
    $('editor-json').value = JSON.stringify(record, null, 2);
  }

  function remove(record) {
    var id = record[model.idName];
    api('DELETE', '/' + model.plural + '/' + encodeURIComponent(id))
      .then(function () { say('deleted ' + id); loadRecords(); })
      .catch(function (e) { say(e.message, true); });
  }

  $('editor').addEventListener('submit', function (e) {
    e.preventDefault();
    var data;
    try { data = JSON.parse($('editor-json').value); } catch (err) { say('not JSON: ' + err.message, true); return; }
    var call = editingId === null ? api('POST', '/' + model.plural, data)
      : api('PUT', '/' + model.plural + '/' + encodeURIComponent(editingId), data);
    call.then(function (saved) { say('saved ' + JSON.stringify(saved)); newRecord(); loadRecords(); })
      .catch(function (err) { say(err.message, true); });
  });
  $('cancel').addEventListener('click', newRecord);
  $('refresh').addEventListener('click', loadRecords);

  $('token').value = token();
  $('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var t = $('token').value.trim();
    if (t) { sessionStorage.setItem(TOKEN_KEY, t); } else { sessionStorage.removeItem(TOKEN_KEY); }
    if (model) { select(model); }
  });

  loadStats().then(function () {
    showModels();
    var wanted = new URLSearchParams(location.search).get('model');
    var first = stats.models.filter(function (m) { return m.plural === wanted; })[0] || stats.models[0];
    if (first) { select(first); }
    setInterval(loadStats, 2000);
  }).catch(function (e) { $('node').textContent = 'cannot load /console/api/stats: ' + e.message; });
})();
