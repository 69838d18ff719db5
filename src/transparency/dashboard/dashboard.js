/*
 * The local accountability dashboard for the procesregisseur and the privacy officer: anonymous
 * statistics with charts, the informing deadlines, the audit-chain verification, the retention report and
 * the generated register and DPIA annex. Plain browser JavaScript, no framework; it only calls the API.
 * The privacy officer sees no case content: the API gives the FG aggregates, verification and retention
 * dates only, and this page shows nothing else.
 */
(function () {
  'use strict';

  var TEXT = {
    nl: {
      title: 'Signaalpunt — verantwoording en evaluatie', language: 'Taal', signIn: 'Aanmelden', localUser: 'Lokale demo-gebruiker',
      signInLocal: 'Aanmelden (lokaal)', token: 'Toegangstoken', useToken: 'Gebruik token', period: 'Periode', from: 'Van', to: 'Tot en met',
      show: 'Toon', csv: 'Download CSV', statistics: 'Evaluatie (anoniem)', reminders: 'Inwoner informeren: termijnen',
      verification: 'Auditlog: controle van de hashketen', verify: 'Controleer nu', retention: 'Bewaartermijnen',
      documents: 'Verwerkingsregister en DPIA-bijlage', registerMd: 'Verwerkingsregister (Markdown)', registerDocx: 'Verwerkingsregister (Word)',
      dpiaMd: 'DPIA-bijlage (Markdown)', dpiaDocx: 'DPIA-bijlage (Word)',
      signedInAs: 'Aangemeld als', signOut: 'Afmelden',
      concerns: 'Ingebrachte zorgen', suspicionPct: 'Redelijk vermoeden', confirmedPct: 'Bevestigd in verrijking',
      informedPct: 'Binnen 30 dagen geïnformeerd', purgesPct: 'Op tijd vernietigd', perMonth: 'Zorgen per maand',
      perPartnerType: 'Zorgen per soort partner', exitReasons: 'Redenen van afsluiten', daysBetween: 'Dagen tussen fasen',
      step: 'Stap', n: 'Aantal', median: 'Mediaan', p90: '90e percentiel', intakeToDecision: 'Inbreng → besluit',
      decisionToDiscussion: 'Besluit → bespreking', discussionToClosure: 'Bespreking → afsluiting', intakeToClosure: 'Inbreng → afsluiting',
      referenceTriage: 'Ter vergelijking: triage duurt in vergelijkbare Nederlandse praktijk ongeveer {n} dagen.',
      enrichment: 'Verrijking: antwoorden van partners', requests: 'Vragen', answeredByDue: 'Op tijd beantwoord', answeredLate: 'Te laat beantwoord',
      unanswered: 'Niet beantwoord', responseDays: 'Dagen tot antwoord', informing: 'Inwoner geïnformeerd', identityCaptured: 'Identiteit vastgelegd',
      within30Days: 'Binnen 30 dagen', late: 'Later', notInformedOverdue: 'Niet geïnformeerd, termijn voorbij', pending: 'Termijn loopt nog',
      deferred: 'Met uitstel', purges: 'Vernietiging', due: 'Moest vernietigd', onTime: 'Op tijd', overdue: 'Nog niet vernietigd',
      count: 'Aantal', legend: '"<5": 1 tot en met 4; "x": verborgen zodat een klein aantal niet uit een totaal te berekenen is; "—": niet te tonen.',
      reference: 'Kenmerk', dueOn: 'Uiterlijk', inbrenger: 'Inbrenger', status: 'Status', overdueLabel: 'te laat', soon: 'binnenkort',
      deferredLabel: 'uitgesteld', none: 'Niets te melden.', chainOk: 'De hashketen is intact: {n} regels gecontroleerd.',
      chainBroken: 'De hashketen is verbroken bij regel {seq} ({problem}).', dueForPurge: 'Te vernietigen', deletions: 'Vernietigingsregistraties',
      retentionUntil: 'Bewaren tot uiterlijk', deletedAt: 'Vernietigd op', destroyed: 'Vernietigd', failed: 'Er ging iets mis: {msg}',
    },
    en: {
      title: 'Signaalpunt — accountability and evaluation', language: 'Language', signIn: 'Sign in', localUser: 'Local demo user',
      signInLocal: 'Sign in (local)', token: 'Access token', useToken: 'Use token', period: 'Period', from: 'From', to: 'Up to and including',
      show: 'Show', csv: 'Download CSV', statistics: 'Evaluation (anonymous)', reminders: 'Informing the resident: deadlines',
      verification: 'Audit log: hash-chain check', verify: 'Check now', retention: 'Retention',
      documents: 'Processing register and DPIA annex', registerMd: 'Processing register (Markdown)', registerDocx: 'Processing register (Word)',
      dpiaMd: 'DPIA annex (Markdown)', dpiaDocx: 'DPIA annex (Word)',
      signedInAs: 'Signed in as', signOut: 'Sign out',
      concerns: 'Concerns raised', suspicionPct: 'Reasonable suspicion', confirmedPct: 'Confirmed in enrichment',
      informedPct: 'Informed within 30 days', purgesPct: 'Destroyed on time', perMonth: 'Concerns per month',
      perPartnerType: 'Concerns per partner type', exitReasons: 'Reasons for closure', daysBetween: 'Days between phases',
      step: 'Step', n: 'Count', median: 'Median', p90: '90th percentile', intakeToDecision: 'Intake → decision',
      decisionToDiscussion: 'Decision → case discussion', discussionToClosure: 'Case discussion → closure', intakeToClosure: 'Intake → closure',
      referenceTriage: 'For comparison: triage takes about {n} days in comparable Dutch practice.',
      enrichment: 'Enrichment: partners’ answers', requests: 'Requests', answeredByDue: 'Answered on time', answeredLate: 'Answered late',
      unanswered: 'Not answered', responseDays: 'Days to answer', informing: 'Resident informed', identityCaptured: 'Identity recorded',
      within30Days: 'Within 30 days', late: 'Later', notInformedOverdue: 'Not informed, deadline passed', pending: 'Deadline still running',
      deferred: 'Deferred', purges: 'Destruction', due: 'Due for destruction', onTime: 'On time', overdue: 'Not yet destroyed',
      count: 'Count', legend: '"<5": 1 to 4; "x": hidden so that a small count cannot be worked out from a total; "—": cannot be shown.',
      reference: 'Reference', dueOn: 'Due on', inbrenger: 'Raised by', status: 'Status', overdueLabel: 'overdue', soon: 'due soon',
      deferredLabel: 'deferred', none: 'Nothing to report.', chainOk: 'The hash chain is intact: {n} rows checked.',
      chainBroken: 'The hash chain is broken at row {seq} ({problem}).', dueForPurge: 'Due for destruction', deletions: 'Deletion records',
      retentionUntil: 'Keep until at the latest', deletedAt: 'Destroyed on', destroyed: 'Destroyed', failed: 'Something went wrong: {msg}',
    },
  };

  var lang = 'nl';
  function t(key, vars) {
    var s = (TEXT[lang] && TEXT[lang][key]) || TEXT.nl[key] || key;
    if (vars) Object.keys(vars).forEach(function (k) { s = s.replace('{' + k + '}', String(vars[k])); });
    return s;
  }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** A published count as text: a number, "<5" or "x". */
  function showCount(c) { return typeof c === 'number' ? String(c) : c; }
  function showPct(share) { return share && typeof share.pct === 'number' ? share.pct.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') + '%' : '—'; }
  function showNumber(n) { return typeof n === 'number' ? n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') : '—'; }

  function table(head, rows, numericFrom) {
    var thead = el('thead', null, el('tr', null));
    head.forEach(function (h) { thead.firstChild.appendChild(el('th', { scope: 'col', text: h })); });
    var tbody = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (cell, i) { tr.appendChild(el('td', { text: cell, class: i >= (numericFrom || 99) ? 'num' : '' })); });
      tbody.appendChild(tr);
    });
    return el('table', null, thead, tbody);
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  /**
   * A horizontal bar chart. Hidden counts ("<5", "x") get a short grey bar and their marker, never a
   * guessed length; the chart is followed by the same figures as a table for screen readers.
   */
  function barChart(title, rows) {
    var max = rows.reduce(function (m, r) { return typeof r.count === 'number' && r.count > m ? r.count : m; }, 5);
    var maxChars = rows.reduce(function (m, r) { return Math.max(m, r.label.length); }, 4);
    var rowH = 24, labelW = Math.min(Math.max(maxChars, 8), 44) * 7 + 12, barW = 320, h = rows.length * rowH + 8;
    var w0 = labelW + barW + 50;
    var chart = svg('svg', { class: 'chart', width: w0, height: h, viewBox: '0 0 ' + w0 + ' ' + h, role: 'img', 'aria-label': title });
    rows.forEach(function (r, i) {
      var y = 4 + i * rowH;
      var label = svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end' });
      label.textContent = r.label.length > 44 ? r.label.slice(0, 43) + '…' : r.label;
      chart.appendChild(label);
      var hidden = typeof r.count !== 'number';
      var w = hidden ? 8 : Math.round((r.count / max) * barW);
      chart.appendChild(svg('rect', { class: hidden ? 'bar hidden-count' : 'bar', x: labelW, y: y + 3, width: Math.max(w, r.count === 0 ? 0 : 2), height: rowH - 8 }));
      var value = svg('text', { x: labelW + w + 6, y: y + 15 });
      value.textContent = showCount(r.count);
      chart.appendChild(value);
    });
    var numbers = table([title, t('count')], rows.map(function (r) { return [r.label, showCount(r.count)]; }), 1);
    numbers.className = 'visually-hidden';
    return el('figure', null, el('figcaption', null, el('h3', { text: title })), chart, numbers);
  }

  function tile(label, value) {
    return el('div', { class: 'tile' }, el('div', { class: 'value', text: value }), el('div', { class: 'label', text: label }));
  }

  /** Renders a statistics report (the API's JSON) into `root`. */
  function renderStatistics(report, root) {
    root.textContent = '';
    root.appendChild(el('div', { class: 'tiles' },
      tile(t('concerns'), showCount(report.concerns.total)),
      tile(t('suspicionPct'), showPct(report.reasonableSuspicion.share)),
      tile(t('confirmedPct'), showPct(report.confirmedInVerrijking.share)),
      tile(t('informedPct'), showPct(report.informing.share)),
      tile(t('purgesPct'), showPct(report.purges.share))));
    root.appendChild(barChart(t('perMonth'), report.concerns.perMonth.map(function (m) { return { label: m.month, count: m.count }; })));
    root.appendChild(barChart(t('perPartnerType'), report.concerns.perPartnerType.map(function (p) { return { label: p.label, count: p.count }; })));
    root.appendChild(barChart(t('exitReasons'), report.exitReasons.perReason.map(function (e) { return { label: e.label, count: e.count }; })));
    var d = report.daysBetweenPhases;
    root.appendChild(el('h3', { text: t('daysBetween') }));
    root.appendChild(table([t('step'), t('n'), t('median'), t('p90')], ['intakeToDecision', 'decisionToDiscussion', 'discussionToClosure', 'intakeToClosure'].map(function (k) {
      return [t(k), showCount(d[k].n), showNumber(d[k].median), showNumber(d[k].p90)];
    }), 1));
    root.appendChild(el('p', { class: 'note', text: t('referenceTriage', { n: d.referenceTriageDays }) }));
    var e = report.enrichmentResponse;
    root.appendChild(el('h3', { text: t('enrichment') }));
    root.appendChild(table([t('requests'), t('answeredByDue'), t('answeredLate'), t('unanswered'), t('responseDays') + ' (' + t('median') + ' / ' + t('p90') + ')'],
      [[showCount(e.requests), showCount(e.answeredByDue), showCount(e.answeredLate), showCount(e.unanswered), showNumber(e.days.median) + ' / ' + showNumber(e.days.p90)]], 0));
    var i = report.informing;
    root.appendChild(el('h3', { text: t('informing') }));
    root.appendChild(table([t('identityCaptured'), t('within30Days'), t('late'), t('notInformedOverdue'), t('pending'), t('deferred')],
      [[showCount(i.identityCaptured), showCount(i.within30Days), showCount(i.late), showCount(i.notInformedOverdue), showCount(i.pending), showCount(i.deferred)]], 0));
    var p = report.purges;
    root.appendChild(el('h3', { text: t('purges') }));
    root.appendChild(table([t('due'), t('onTime'), t('late'), t('overdue')], [[showCount(p.due), showCount(p.onTime), showCount(p.late), showCount(p.overdue)]], 0));
    root.appendChild(el('p', { class: 'note', text: report.suppression.rule + ' ' + t('legend') }));
  }

  function renderReminders(items, root) {
    root.textContent = '';
    if (!items.length) { root.appendChild(el('p', { text: t('none') })); return; }
    root.appendChild(table([t('reference'), t('dueOn'), t('inbrenger'), t('status')], items.map(function (r) {
      return [r.reference, r.dueOn, r.inbrengerUserId, (r.overdue ? t('overdueLabel') : t('soon')) + (r.deferred ? ', ' + t('deferredLabel') : '')];
    })));
  }

  function renderVerification(v, root) {
    root.textContent = '';
    root.appendChild(v.ok
      ? el('p', { class: 'ok', text: t('chainOk', { n: v.rows }) })
      : el('p', { class: 'bad', role: 'alert', text: t('chainBroken', { seq: v.firstBadSeq, problem: v.problem }) }));
  }

  function renderRetention(r, root) {
    root.textContent = '';
    root.appendChild(el('h3', { text: t('dueForPurge') }));
    root.appendChild(r.due.length ? table([t('reference'), t('retentionUntil')], r.due.map(function (x) { return [x.reference, x.retentionAtLatest || '']; })) : el('p', { text: t('none') }));
    root.appendChild(el('h3', { text: t('deletions') }));
    root.appendChild(r.deletions.length ? table([t('reference'), t('deletedAt'), t('destroyed')], r.deletions.map(function (x) { return [x.reference, x.at.slice(0, 10), x.destroyed.join(', ')]; })) : el('p', { text: t('none') }));
  }

  function translatePage() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) { node.textContent = t(node.getAttribute('data-t')); });
  }

  // ---- the page: sign-in, calls to the API, downloads ----
  var TOKEN_KEY = 'sjv.dashboard.token';
  var state = { token: null, me: null, report: null };

  function api(path, opts) {
    opts = opts || {};
    var headers = { accept: opts.accept || 'application/json' };
    if (state.token) headers.authorization = 'Bearer ' + state.token;
    if (opts.body) headers['content-type'] = 'application/json';
    return fetch(path, { method: opts.method || 'GET', headers: headers, body: opts.body ? JSON.stringify(opts.body) : undefined }).then(function (res) {
      if (!res.ok) return res.json().then(function (p) { throw new Error((p.messages && p.messages[lang]) || p.title || p.code || String(res.status)); }, function () { throw new Error(String(res.status)); });
      return opts.raw ? res : res.json();
    });
  }

  function download(path, fallbackName) {
    return api(path, { raw: true, accept: '*/*' }).then(function (res) {
      var cd = res.headers.get('content-disposition') || '';
      var m = /filename="([^"]+)"/.exec(cd);
      return res.blob().then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: m ? m[1] : fallbackName });
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      });
    });
  }

  function fail(where) { return function (e) { where.textContent = t('failed', { msg: e.message }); where.className = 'error'; }; }
  function has(role) { return state.me && state.me.roles.indexOf(role) >= 0; }
  function periodQuery() { return 'from=' + document.getElementById('from').value + '&to=' + document.getElementById('to').value + '&locale=' + lang; }

  function loadStatistics() {
    var body = document.getElementById('stats-body');
    return api('/api/v1/statistics?' + periodQuery()).then(function (r) { state.report = r; renderStatistics(r, body); }, fail(body));
  }

  function afterSignIn(me) {
    state.me = me.user;
    document.getElementById('who').textContent = t('signedInAs') + ': ' + (me.user.displayName || me.user.id);
    document.getElementById('signin').hidden = true;
    var regisseur = has('procesregisseur'), fg = has('privacyOfficer'), chair = has('voorzitter');
    document.getElementById('period-section').hidden = !(regisseur || fg || chair);
    document.getElementById('statistics').hidden = !(regisseur || fg || chair);
    document.getElementById('reminders').hidden = !regisseur;
    document.getElementById('verification').hidden = !(regisseur || fg);
    document.getElementById('retention').hidden = !(regisseur || fg);
    document.getElementById('documents').hidden = false;
    if (regisseur || fg || chair) loadStatistics();
    if (regisseur) api('/api/v1/informing/reminders').then(function (r) { renderReminders(r.items, document.getElementById('reminders-body')); }, fail(document.getElementById('reminders-body')));
    if (regisseur || fg) api('/api/v1/retention/report').then(function (r) { renderRetention(r, document.getElementById('retention-body')); }, fail(document.getElementById('retention-body')));
  }

  function signIn(token) {
    state.token = token;
    return api('/api/v1/me').then(function (me) { sessionStorage.setItem(TOKEN_KEY, token); afterSignIn(me); }, function (e) {
      state.token = null;
      document.getElementById('signin-error').textContent = t('failed', { msg: e.message });
    });
  }

  function start() {
    lang = (navigator.language || 'nl').slice(0, 2) === 'en' ? 'en' : 'nl';
    document.getElementById('lang').value = lang;
    translatePage();
    var today = new Date();
    document.getElementById('to').value = today.toISOString().slice(0, 10);
    document.getElementById('from').value = new Date(today.getFullYear(), 0, 1, 12).toISOString().slice(0, 10);
    document.getElementById('lang').addEventListener('change', function (ev) {
      lang = ev.target.value;
      translatePage();
      if (state.me) loadStatistics();
    });
    document.getElementById('local-signin').addEventListener('submit', function (ev) {
      ev.preventDefault();
      api('/api/v1/dev/token', { method: 'POST', body: { user: document.getElementById('local-user').value } }).then(function (r) { return signIn(r.access_token); }, function (e) {
        document.getElementById('signin-error').textContent = t('failed', { msg: e.message });
      });
    });
    document.getElementById('token-signin').addEventListener('submit', function (ev) { ev.preventDefault(); signIn(document.getElementById('token').value.trim()); });
    document.getElementById('period').addEventListener('submit', function (ev) { ev.preventDefault(); loadStatistics(); });
    document.getElementById('csv').addEventListener('click', function () { download('/api/v1/statistics?' + periodQuery() + '&format=csv', 'statistieken.csv').catch(fail(document.getElementById('stats-body'))); });
    document.getElementById('verify').addEventListener('click', function () {
      var out = document.getElementById('verification-body');
      api('/api/v1/audit/verification').then(function (v) { renderVerification(v, out); }, fail(out));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-doc]'), function (b) {
      b.addEventListener('click', function () {
        var name = b.getAttribute('data-doc'), format = b.getAttribute('data-format');
        download('/api/v1/privacy/' + name + '?format=' + format, name + (format === 'docx' ? '.docx' : '.md'));
      });
    });
    var fromHash = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (fromHash) history.replaceState(null, '', location.pathname);
    var saved = fromHash ? decodeURIComponent(fromHash[1]) : sessionStorage.getItem(TOKEN_KEY);
    if (saved) signIn(saved);
  }

  window.SJVDashboard = {
    renderStatistics: renderStatistics,
    renderReminders: renderReminders,
    renderVerification: renderVerification,
    renderRetention: renderRetention,
    setLanguage: function (l) { lang = l; },
  };
  if (document.getElementById('signin') && !window.SJV_DASHBOARD_NO_AUTOSTART) start();
})();
