/*!
 * Support Hub console: the Reports page of the management area (docs/reports.md). A page module of
 * console/manage.js (loaded after it): a period, channel and operator filter, then five reports, each a
 * chart and, under it (beside it on a wide screen), a table with the same figures (the chart's text
 * alternative, keyboard-scrollable), and a CSV download fetched with the console's bearer token.
 *
 * The charts are Chart.js 4 from the org.webjars.npm:chart.js jar in WEB-INF/lib (the servlet container
 * serves its META-INF/resources at /webjars/...), loaded only when a manager opens this page, so the
 * operators' console never fetches it. Same origin, so the console's Content-Security-Policy
 * (script-src 'self') allows it; nothing comes from a CDN.
 */
(function () {
  'use strict';

  const M = window.SupportHubManage;
  if (!M) return;

  const SCRIPT_SRC = (document.currentScript && document.currentScript.src) || location.href;
  const CHART_JS = new URL('../webjars/chart.js/4.4.1/dist/chart.umd.js', SCRIPT_SRC).href;
  const COMMENTS_PER_PAGE = 10;

  // ---- texts: English and Polish, the same keys (ManageTextsTest checks); all start with "r" -------------

  const TEXT_EN = {
    rNav: 'Reports',
    rTitle: 'Reports',
    rFrom: 'From',
    rTo: 'To',
    rChannel: 'Channel',
    rOperator: 'Operator',
    rAllChannels: 'All channels',
    rAllOperators: 'All operators',
    rShow: 'Show',
    rPeriodHint: 'Both days included, at most 366 days.',
    rShown: 'Figures for {from} \u2013 {to}.',
    rCsv: 'Download CSV',
    rCsvOf: 'Download the report "{name}" as CSV',
    rCsvSaved: 'Saved {file}.',
    rChartOf: 'Chart: {name}. The table next to it gives the same figures.',
    rNoChart: 'The charts could not be loaded; the tables give every figure.',
    rTableOf: 'Table: {name}',
    rDate: 'Date',
    rTotal: 'Total',
    rWhole: 'Whole period',
    rNoValue: '\u2013',
    // 1. sessions
    rSessions: 'Sessions per day by outcome',
    rAnswered: 'Answered',
    rMissed: 'Missed',
    rByAdmin: 'Closed by the administrator',
    rAutoClosed: 'Auto-closed',
    rNotRecorded: 'Not recorded',
    rOpen: 'Open',
    rAll: 'All',
    // 2. times
    rTimes: 'Queue and first-response times',
    rQueue: 'Queue time',
    rFirstResponse: 'First response',
    rCount: 'Sessions',
    rMedian: 'Median',
    rP90: '90th percentile',
    rQueueMedian: 'Queue time, median',
    rQueueP90: 'Queue time, 90th percentile',
    rFirstMedian: 'First response, median',
    rFirstP90: 'First response, 90th percentile',
    rSeconds: 'seconds',
    rWholeTimes: 'Whole period: queue time median {qm}, 90th percentile {qp} ({qn} sessions); first response median {fm}, 90th percentile {fp} ({fn} sessions).',
    // 3. csat
    rCsat: 'Satisfaction (votes)',
    rLikes: 'Likes',
    rDislikes: 'Dislikes',
    rVotes: 'Votes',
    rLikeShare: 'Share of likes',
    rCsatSummary: 'Share of likes: {share} ({likes} of {votes} votes).',
    rCsatNoVotes: 'No votes in this period.',
    rComments: 'Vote comments',
    rNoComments: 'No comments in this period.',
    rClosed: 'Closed',
    rVote: 'Vote',
    rComment: 'Comment',
    rLike: 'like',
    rDislike: 'dislike',
    // 4. triage
    rTriage: 'Triage: questions per area and coverage',
    rArea: 'Area',
    rCoverage: 'Coverage',
    rHeld: 'Held as not covered',
    rSentAnyway: 'Sent to support anyway',
    rTriageSummary: '{sessions} questions; {held} held as not covered, {sent} of them sent to support anyway.',
    rUnclear: 'Unclear (no label)',
    rAreaINSTALLATION: 'Installation', rAreaPERFORMANCE: 'Performance', rAreaUPDATES: 'Updates', rAreaERRORS: 'Errors',
    rAreaINTEGRATION: 'Integration', rAreaOTHER: 'Other',
    rCovCOVERED: 'Covered', rCovLIMITED: 'Limited', rCovNOT_COVERED: 'Not covered',
    // 5. activation
    rActivation: 'Activation attempts',
    rAttempts: 'Attempts',
    rConnected: 'Connected',
    rFailed: 'Failed',
    rOther: 'Other',
    rActivationSummary: '{attempts} attempts by {portals} portals: {connected} connected, {failed} failed, {running} still running.',
    rFailingChecks: 'Failing checks, most frequent first',
    rNoFailingChecks: 'No check failed in this period.',
    rCheck: 'Check',
    rCode: 'Code',
    rFailures: 'Failures',
    rPortals: 'Portals',
    rRunErrors: 'Runs that ended without judging their checks',
  };

  const TEXT_PL = {
    rNav: 'Raporty',
    rTitle: 'Raporty',
    rFrom: 'Od',
    rTo: 'Do',
    rChannel: 'Kanał',
    rOperator: 'Operator',
    rAllChannels: 'Wszystkie kanały',
    rAllOperators: 'Wszyscy operatorzy',
    rShow: 'Pokaż',
    rPeriodHint: 'Oba dni włącznie, najwyżej 366 dni.',
    rShown: 'Dane za okres {from} \u2013 {to}.',
    rCsv: 'Pobierz CSV',
    rCsvOf: 'Pobierz raport „{name}” jako CSV',
    rCsvSaved: 'Zapisano {file}.',
    rChartOf: 'Wykres: {name}. Tabela obok podaje te same liczby.',
    rNoChart: 'Nie udało się wczytać wykresów; tabele podają wszystkie liczby.',
    rTableOf: 'Tabela: {name}',
    rDate: 'Data',
    rTotal: 'Razem',
    rWhole: 'Cały okres',
    rNoValue: '\u2013',
    rSessions: 'Sesje dziennie według wyniku',
    rAnswered: 'Obsłużone',
    rMissed: 'Nieodebrane',
    rByAdmin: 'Zamknięte przez administratora',
    rAutoClosed: 'Zamknięte automatycznie',
    rNotRecorded: 'Bez zapisanego wyniku',
    rOpen: 'Otwarte',
    rAll: 'Wszystkie',
    rTimes: 'Czas w kolejce i czas pierwszej odpowiedzi',
    rQueue: 'Czas w kolejce',
    rFirstResponse: 'Pierwsza odpowiedź',
    rCount: 'Sesje',
    rMedian: 'Mediana',
    rP90: '90. percentyl',
    rQueueMedian: 'Czas w kolejce, mediana',
    rQueueP90: 'Czas w kolejce, 90. percentyl',
    rFirstMedian: 'Pierwsza odpowiedź, mediana',
    rFirstP90: 'Pierwsza odpowiedź, 90. percentyl',
    rSeconds: 'sekundy',
    rWholeTimes: 'Cały okres: czas w kolejce — mediana {qm}, 90. percentyl {qp} (sesji: {qn}); pierwsza odpowiedź — mediana {fm}, 90. percentyl {fp} (sesji: {fn}).',
    rCsat: 'Zadowolenie (głosy)',
    rLikes: 'Polubienia',
    rDislikes: 'Negatywne',
    rVotes: 'Głosy',
    rLikeShare: 'Udział polubień',
    rCsatSummary: 'Udział polubień: {share} ({likes} z {votes} głosów).',
    rCsatNoVotes: 'Brak głosów w tym okresie.',
    rComments: 'Komentarze do głosów',
    rNoComments: 'Brak komentarzy w tym okresie.',
    rClosed: 'Zamknięta',
    rVote: 'Głos',
    rComment: 'Komentarz',
    rLike: 'na tak',
    rDislike: 'na nie',
    rTriage: 'Triaż: pytania według obszaru i zakresu wsparcia',
    rArea: 'Obszar',
    rCoverage: 'Zakres wsparcia',
    rHeld: 'Wstrzymane jako nieobjęte wsparciem',
    rSentAnyway: 'Mimo to przekazane do wsparcia',
    rTriageSummary: 'Pytań: {sessions}; wstrzymanych jako nieobjęte wsparciem: {held}, z nich mimo to przekazanych do wsparcia: {sent}.',
    rUnclear: 'Niejasne (bez etykiety)',
    rAreaINSTALLATION: 'Instalacja', rAreaPERFORMANCE: 'Wydajność', rAreaUPDATES: 'Aktualizacje', rAreaERRORS: 'Błędy',
    rAreaINTEGRATION: 'Integracja', rAreaOTHER: 'Inne',
    rCovCOVERED: 'Objęte wsparciem', rCovLIMITED: 'Ograniczone', rCovNOT_COVERED: 'Nieobjęte wsparciem',
    rActivation: 'Próby aktywacji',
    rAttempts: 'Próby',
    rConnected: 'Połączone',
    rFailed: 'Nieudane',
    rOther: 'Inne',
    rActivationSummary: 'Prób: {attempts}, portali: {portals}; połączone: {connected}, nieudane: {failed}, wciąż trwające: {running}.',
    rFailingChecks: 'Niezaliczone testy, od najczęstszych',
    rNoFailingChecks: 'W tym okresie żaden test nie zawiódł.',
    rCheck: 'Test',
    rCode: 'Kod',
    rFailures: 'Niepowodzenia',
    rPortals: 'Portale',
    rRunErrors: 'Próby zakończone bez oceny testów',
  };

  M.addTexts({ en: TEXT_EN, pl: TEXT_PL });

  // ---- state (forgotten by reset() when someone else signs in) -------------------------------------------

  const COLOURS = { green: '#16a34a', red: '#dc2626', amber: '#d97706', blue: '#2563eb', grey: '#94a3b8', violet: '#7c3aed', teal: '#0d9488' };

  function isoDate(d) {
    const p = (n) => (n < 10 ? '0' : '') + n;
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  }

  function defaultPeriod() {
    const to = new Date();
    const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - 29);
    return { from: isoDate(from), to: isoDate(to) };
  }

  const state = {};
  const charts = [];         // the Chart.js instances drawn, destroyed before the page is built again
  const pendingCharts = [];  // charts to draw once their canvas is in the page
  function reset() {
    charts.forEach((c) => c.destroy());
    charts.length = 0;
    Object.assign(state, defaultPeriod(), {
      channel: '', operator: '', channels: null, staff: null, data: null, shown: null, problem: null, error: null,
      loading: false, commentsPage: 0, chartLib: null, chartFailed: false,
    });
  }
  reset();

  // ---- loading -------------------------------------------------------------------------------------------

  /** Chart.js, added as a same-origin script the first time the page is shown. */
  function chartLibrary() {
    if (window.Chart) return Promise.resolve(window.Chart);
    if (!state.chartLib) {
      state.chartLib = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = CHART_JS;
        s.async = true;
        s.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('no Chart')));
        s.onerror = () => reject(new Error('Chart.js did not load'));
        document.head.appendChild(s);
      });
    }
    return state.chartLib;
  }

  function query(filter, extra) {
    const q = new URLSearchParams({ from: filter.from, to: filter.to });
    if (filter.channel) q.set('channel', filter.channel);
    if (filter.operator) q.set('operator', filter.operator);
    Object.keys(extra || {}).forEach((k) => q.set(k, extra[k]));
    return q.toString();
  }

  let ctxRef = null;

  async function loadChoices() {
    const api = ctxRef.api;
    try {
      const [channels, staff] = await Promise.all([api('GET', 'open-channels'), api('GET', 'staff?limit=200')]);
      state.channels = channels || [];
      state.staff = (staff || []).filter((a) => (a.roles || []).indexOf('operator') >= 0);
    } catch (e) {
      state.channels = state.channels || [];
      state.staff = state.staff || [];
      state.error = e.message;
    }
  }

  async function load() {
    const api = ctxRef.api;
    const filter = { from: state.from, to: state.to, channel: state.channel, operator: state.operator };
    state.loading = true;
    try {
      const get = (report, extra) => api('GET', 'reports/' + report + '?' + query(filter, extra));
      const [sessions, times, csat, comments, triage, activation] = await Promise.all([
        get('sessions'), get('response-times'), get('csat'),
        get('csat/comments', { page: state.commentsPage, size: COMMENTS_PER_PAGE }), get('triage'), get('activation'),
      ]);
      state.data = { sessions, times, csat, comments, triage, activation };
      state.shown = filter;
      state.problem = null;
      state.error = null;
      try { await chartLibrary(); state.chartFailed = false; } catch (e) { state.chartFailed = true; }
    } catch (err) {
      if (err.status === 400) { state.problem = err; state.error = null; } else { state.error = err.message; }
    }
    state.loading = false;
    ctxRef.rerender();
  }

  async function loadComments(page) {
    state.commentsPage = page;
    try {
      state.data.comments = await ctxRef.api('GET', 'reports/csat/comments?' + query(state.shown, { page, size: COMMENTS_PER_PAGE }));
    } catch (err) {
      state.error = err.message;
    }
    ctxRef.rerender();
  }

  /** The report as the server writes it as CSV (its own filename), saved through a link to a Blob. */
  async function download(report, extra, button) {
    const ctx = ctxRef;
    button.disabled = true;
    try {
      const file = await ctx.apiFile('reports/' + report + '?' + query(state.shown, Object.assign({ format: 'csv' }, extra || {})), 'text/csv');
      const url = URL.createObjectURL(file.blob);
      const a = ctx.h('a', { href: url, download: file.filename, hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      ctx.notify(ctx.t('rCsvSaved', { file: file.filename }));
    } catch (err) {
      ctx.notify(err.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  // ---- formatting -----------------------------------------------------------------------------------------

  function num(n) {
    return n == null ? M.t('rNoValue') : Number(n).toLocaleString(M.locale() === 'pl' ? 'pl-PL' : 'en-GB');
  }

  function share(x) {
    return x == null ? M.t('rNoValue')
      : Number(x).toLocaleString(M.locale() === 'pl' ? 'pl-PL' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  }

  /** 850 ms, 4.5 s, 3 min 20 s, 2 h 5 min: readable at a glance; the cell keeps the exact milliseconds. */
  function duration(ms) {
    if (ms == null) return M.t('rNoValue');
    const loc = M.locale() === 'pl' ? 'pl-PL' : 'en-GB';
    if (ms < 1000) return ms + ' ms';
    if (ms < 60000) return (ms / 1000).toLocaleString(loc, { maximumFractionDigits: 1 }) + ' s';
    if (ms < 3600000) return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
    return Math.floor(ms / 3600000) + ' h ' + Math.round((ms % 3600000) / 60000) + ' min';
  }

  function dayLabel(iso) {
    const d = new Date(iso + 'T00:00:00');
    return d.toLocaleDateString(M.locale() === 'pl' ? 'pl-PL' : 'en-GB', { day: 'numeric', month: 'short' });
  }

  function areaName(a) { return a ? M.t('rArea' + a) : M.t('rUnclear'); }
  function coverageName(c) { return c ? M.t('rCov' + c) : M.t('rUnclear'); }

  // ---- building blocks ----------------------------------------------------------------------------------

  /**
   * A table of figures: a scrollable region of its own that takes the keyboard focus (arrow keys scroll a
   * long period), a caption, header cells with scope, one row per day (data-date) and cells named by
   * data-col for what they hold.
   */
  function figures(h, name, headers, rows, foot, groups) {
    const tr = (r, head) => h('tr', { 'data-date': r.key }, r.cells.map((c, i) => (i === 0
      ? h('th', { scope: 'row', text: c.text })
      : h(head ? 'th' : 'td', { class: c.num ? 'num' : null, 'data-col': c.col, 'data-value': c.value == null ? null : c.value, title: c.title, text: c.text }))));
    return h('div', { class: 'm-table-wrap r-scroll', role: 'region', tabindex: '0', 'aria-label': M.t('rTableOf', { name }) }, [
      h('table', { class: 'm-table' }, [
        h('caption', { class: 'sr-only', text: name }),
        h('thead', {}, groups ? [
          // Two header rows: the first column spans both, each group (queue time...) its columns.
          h('tr', {}, [h('th', { scope: 'col', rowspan: 2, text: headers[0] })].concat(groups.map((g) => h('th', { scope: 'colgroup', colspan: g.span, class: 'r-group', text: g.text })))),
          h('tr', {}, headers.slice(1).map((x) => h('th', { scope: 'col', class: 'num', text: x }))),
        ] : [h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: i > 0 && x.num !== false ? 'num' : null, text: x.text || x })))]),
        h('tbody', {}, rows.map((r) => tr(r))),
        foot && foot.length ? h('tfoot', {}, foot.map((r) => tr(r))) : null,
      ]),
    ]);
  }

  function cell(col, value, text, title) { return { col, value, num: true, text: text == null ? num(value) : text, title }; }

  function chartBox(h, id, name, config) {
    if (state.chartFailed || !window.Chart) return h('p', { class: 'm-empty m-panel', text: M.t('rNoChart') });
    const canvas = h('canvas', { id: id + '-chart', role: 'img', 'aria-label': M.t('rChartOf', { name }) });
    const box = h('div', { class: 'r-chart' }, [canvas]);
    // Drawn once the box is in the page (it has a size then); no animation: the figures are there at once.
    pendingCharts.push(() => {
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'bottom' } } }, config.options || {});
      charts.push(new window.Chart(canvas, config));
    });
    return box;
  }

  function section(h, id, name, csvReport, kids) {
    const button = h('button', { type: 'button', class: 'btn small r-csv', id: id + '-csv', text: M.t('rCsv'), 'aria-label': M.t('rCsvOf', { name }) });
    button.addEventListener('click', () => download(csvReport.name, csvReport.extra, button));
    return h('section', { id, class: 'r-report', 'aria-labelledby': id + '-title' }, [
      h('div', { class: 'r-head' }, [h('h3', { id: id + '-title', text: name }), button]),
    ].concat(kids));
  }

  const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };

  // ---- the five reports ----------------------------------------------------------------------------------

  function sessionsReport(h, r) {
    const t = M.t;
    const kinds = [['answered', 'rAnswered', COLOURS.green], ['missed', 'rMissed', COLOURS.red],
      ['closedByAdministrator', 'rByAdmin', COLOURS.amber], ['autoClosed', 'rAutoClosed', COLOURS.blue]];
    const all = kinds.concat([['notRecorded', 'rNotRecorded'], ['open', 'rOpen'], ['total', 'rAll']]);
    const row = (key, label, d) => ({ key, cells: [{ text: label }].concat(all.map((k) => cell(k[0], d[k[0]]))) });
    const name = t('rSessions');
    return section(h, 'report-sessions', name, { name: 'sessions' }, [h('div', { class: 'r-pair' }, [
      chartBox(h, 'report-sessions', name, {
        type: 'bar',
        data: { labels: r.days.map((d) => dayLabel(d.date)),
          datasets: kinds.map((k) => ({ label: t(k[1]), data: r.days.map((d) => d[k[0]]), backgroundColor: k[2] })) },
        options: stacked,
      }),
      figures(h, name, [t('rDate')].concat(all.map((k) => t(k[1]))), r.days.map((d) => row(d.date, dayLabel(d.date), d)),
        [row('total', t('rTotal'), r.totals)]),
    ])]);
  }

  function timesReport(h, r) {
    const t = M.t;
    const name = t('rTimes');
    const secs = (ms) => (ms == null ? null : ms / 1000);
    const series = [['queue', 'medianMillis', 'rQueueMedian', COLOURS.blue], ['queue', 'p90Millis', 'rQueueP90', COLOURS.teal],
      ['firstResponse', 'medianMillis', 'rFirstMedian', COLOURS.amber], ['firstResponse', 'p90Millis', 'rFirstP90', COLOURS.red]];
    const timeCells = (d) => [
      cell('queueCount', d.queue.count), cell('queueMedian', d.queue.medianMillis, duration(d.queue.medianMillis)),
      cell('queueP90', d.queue.p90Millis, duration(d.queue.p90Millis)),
      cell('firstCount', d.firstResponse.count), cell('firstMedian', d.firstResponse.medianMillis, duration(d.firstResponse.medianMillis)),
      cell('firstP90', d.firstResponse.p90Millis, duration(d.firstResponse.p90Millis)),
    ];
    const w = r.whole;
    return section(h, 'report-times', name, { name: 'response-times' }, [
      h('p', { class: 'r-summary', id: 'report-times-whole', text: t('rWholeTimes', {
        qm: duration(w.queue.medianMillis), qp: duration(w.queue.p90Millis), qn: num(w.queue.count),
        fm: duration(w.firstResponse.medianMillis), fp: duration(w.firstResponse.p90Millis), fn: num(w.firstResponse.count) }) }),
      h('div', { class: 'r-pair' }, [
        chartBox(h, 'report-times', name, {
          type: 'line',
          data: { labels: r.days.map((d) => dayLabel(d.date)),
            datasets: series.map((s) => ({ label: t(s[2]), data: r.days.map((d) => secs(d[s[0]][s[1]])), borderColor: s[3],
              backgroundColor: s[3], borderDash: s[1] === 'p90Millis' ? [6, 4] : [], spanGaps: false, pointRadius: 3 })) },
          options: { scales: { y: { beginAtZero: true, title: { display: true, text: t('rSeconds') } } } },
        }),
        figures(h, name, [t('rDate'), t('rCount'), t('rMedian'), t('rP90'), t('rCount'), t('rMedian'), t('rP90')],
          r.days.map((d) => ({ key: d.date, cells: [{ text: dayLabel(d.date) }].concat(timeCells(d)) })),
          [{ key: 'whole', cells: [{ text: t('rWhole') }].concat(timeCells(w)) }],
          [{ text: t('rQueue'), span: 3 }, { text: t('rFirstResponse'), span: 3 }]),
      ]),
    ]);
  }

  function csatReport(h, r, comments) {
    const t = M.t;
    const ctx = ctxRef;
    const name = t('rCsat');
    const row = (key, label, d) => ({ key, cells: [{ text: label }, cell('likes', d.likes), cell('dislikes', d.dislikes), cell('votes', d.votes),
      cell('likeShare', d.votes ? d.likes / d.votes : null, share(d.votes ? d.likes / d.votes : null))] });
    const commentRows = comments.comments.map((c) => h('tr', { 'data-session-id': c.sessionId }, [
      h('th', { scope: 'row', text: ctx.fmtDateTime(c.closedAt) }),
      h('td', {}, [ctx.badge(t(c.vote === 'like' ? 'rLike' : 'rDislike'), c.vote === 'like' ? 'ok' : 'bad')]),
      h('td', { class: 'r-comment', text: c.comment }),
      h('td', { text: c.operator || t('rNoValue') }),
    ]));
    const pager = ctx.pager(comments.page * comments.size, comments.size, comments.total, (o) => loadComments(Math.floor(o / comments.size)));
    const commentsName = t('rComments');
    const commentsCsv = h('button', { type: 'button', class: 'btn small r-csv', id: 'report-comments-csv', text: t('rCsv'), 'aria-label': t('rCsvOf', { name: commentsName }) });
    commentsCsv.addEventListener('click', () => download('csat/comments', { page: 0, size: 1000 }, commentsCsv));
    return section(h, 'report-csat', name, { name: 'csat' }, [
      h('p', { class: 'r-summary', id: 'report-csat-share', 'data-value': r.likeShare == null ? null : r.likeShare,
        text: r.votes ? t('rCsatSummary', { share: share(r.likeShare), likes: num(r.likes), votes: num(r.votes) }) : t('rCsatNoVotes') }),
      h('div', { class: 'r-pair' }, [
        chartBox(h, 'report-csat', name, {
          type: 'bar',
          data: { labels: r.days.map((d) => dayLabel(d.date)),
            datasets: [{ label: t('rLikes'), data: r.days.map((d) => d.likes), backgroundColor: COLOURS.green },
              { label: t('rDislikes'), data: r.days.map((d) => d.dislikes), backgroundColor: COLOURS.red }] },
          options: stacked,
        }),
        figures(h, name, [t('rDate'), t('rLikes'), t('rDislikes'), t('rVotes'), t('rLikeShare')],
          r.days.map((d) => row(d.date, dayLabel(d.date), d)), [row('total', t('rTotal'), r)]),
      ]),
      h('div', { class: 'r-head' }, [h('h4', { id: 'report-comments-title', text: commentsName }), commentsCsv]),
      h('div', { id: 'report-comments' }, [ctx.table(commentsName, [t('rClosed'), t('rVote'), t('rComment'), t('rOperator')], commentRows, t('rNoComments'))]),
      pager,
    ]);
  }

  function triageReport(h, r) {
    const t = M.t;
    const name = t('rTriage');
    const areas = [];
    r.rows.forEach((x) => { if (areas.indexOf(x.area || '') < 0) areas.push(x.area || ''); });
    const coverages = [['COVERED', COLOURS.green], ['LIMITED', COLOURS.amber], ['NOT_COVERED', COLOURS.red], ['', COLOURS.grey]];
    const sessionsOf = (area, cov) => r.rows.filter((x) => (x.area || '') === area && (x.coverage || '') === cov).reduce((s, x) => s + x.sessions, 0);
    const row = (key, label, coverage, d) => ({ key, cells: [{ text: label }, { col: 'coverage', text: coverage },
      cell('sessions', d.sessions), cell('held', d.held), cell('sentAnyway', d.sentAnyway)] });
    return section(h, 'report-triage', name, { name: 'triage' }, [
      h('p', { class: 'r-summary', id: 'report-triage-summary', text: t('rTriageSummary', { sessions: num(r.totals.sessions), held: num(r.totals.held), sent: num(r.totals.sentAnyway) }) }),
      h('div', { class: 'r-pair' }, [
        chartBox(h, 'report-triage', name, {
          type: 'bar',
          data: { labels: areas.map((a) => areaName(a || null)),
            datasets: coverages.filter((c) => areas.some((a) => sessionsOf(a, c[0]) > 0))
              .map((c) => ({ label: coverageName(c[0] || null), data: areas.map((a) => sessionsOf(a, c[0])), backgroundColor: c[1] })) },
          options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
        }),
        figures(h, name, [t('rArea'), { text: t('rCoverage'), num: false }, t('rCount'), t('rHeld'), t('rSentAnyway')],
          r.rows.map((x) => row((x.area || 'unclear') + '/' + (x.coverage || 'unclear'), areaName(x.area), coverageName(x.coverage), x)),
          [row('total', t('rTotal'), '', r.totals)]),
      ]),
    ]);
  }

  function activationReport(h, r) {
    const t = M.t;
    const name = t('rActivation');
    const checksName = t('rFailingChecks');
    const checkName = (c) => t('check' + c.area) + ' \u00b7 ' + c.code;
    return section(h, 'report-activation', name, { name: 'activation' }, [
      h('p', { class: 'r-summary', id: 'report-activation-summary', text: t('rActivationSummary', {
        attempts: num(r.attempts), portals: num(r.portals), connected: num(r.connected), failed: num(r.failed), running: num(r.running) }) }),
      h('div', { class: 'r-pair' }, [
        chartBox(h, 'report-activation', name, {
          type: 'bar',
          data: { labels: r.days.map((d) => dayLabel(d.date)),
            datasets: [{ label: t('rConnected'), data: r.days.map((d) => d.connected), backgroundColor: COLOURS.green },
              { label: t('rFailed'), data: r.days.map((d) => d.failed), backgroundColor: COLOURS.red },
              { label: t('rOther'), data: r.days.map((d) => d.other), backgroundColor: COLOURS.grey }] },
          options: stacked,
        }),
        figures(h, name, [t('rDate'), t('rAttempts'), t('rConnected'), t('rFailed'), t('rOther')],
          r.days.map((d) => ({ key: d.date, cells: [{ text: dayLabel(d.date) }, cell('attempts', d.attempts), cell('connected', d.connected),
            cell('failed', d.failed), cell('other', d.other)] })),
          [{ key: 'total', cells: [{ text: t('rTotal') }, cell('attempts', r.attempts), cell('connected', r.connected), cell('failed', r.failed),
            cell('other', r.attempts - r.connected - r.failed)] }]),
      ]),
      h('h4', { text: checksName }),
      r.failingChecks.length ? h('div', { class: 'r-pair', id: 'report-checks' }, [
        chartBox(h, 'report-checks', checksName, {
          type: 'bar',
          data: { labels: r.failingChecks.map(checkName),
            datasets: [{ label: t('rFailures'), data: r.failingChecks.map((c) => c.failures), backgroundColor: COLOURS.red },
              { label: t('rPortals'), data: r.failingChecks.map((c) => c.portals), backgroundColor: COLOURS.violet }] },
          options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        }),
        figures(h, checksName, [t('rCheck'), { text: t('rCode'), num: false }, t('rFailures'), t('rPortals')],
          r.failingChecks.map((c) => ({ key: c.area + '/' + c.code, cells: [{ text: t('check' + c.area) }, { col: 'code', text: c.code },
            cell('failures', c.failures), cell('portals', c.portals)] }))),
      ]) : h('p', { class: 'm-empty m-panel', text: t('rNoFailingChecks') }),
      r.runErrors.length ? h('h4', { text: t('rRunErrors') }) : null,
      r.runErrors.length ? figures(h, t('rRunErrors'), [{ text: t('rCode'), num: false }, t('rAttempts')],
        r.runErrors.map((e) => ({ key: e.code, cells: [{ text: e.code }, cell('attempts', e.attempts)] }))) : null,
    ]);
  }

  // ---- the page ------------------------------------------------------------------------------------------

  function filterForm(ctx) {
    const { h, t, field } = ctx;
    const from = h('input', { type: 'date', id: 'reports-from', value: state.from, required: true });
    const to = h('input', { type: 'date', id: 'reports-to', value: state.to, required: true });
    const channel = h('select', { id: 'reports-channel' }, [h('option', { value: '', text: t('rAllChannels') })]
      .concat((state.channels || []).map((c) => h('option', { value: c.id, text: c.name + ' (' + c.language + ')' }))));
    channel.value = state.channel;
    const operator = h('select', { id: 'reports-operator' }, [h('option', { value: '', text: t('rAllOperators') })]
      .concat((state.staff || []).map((a) => h('option', { value: a.username, text: a.displayName ? a.displayName + ' (' + a.username + ')' : a.username }))));
    operator.value = state.operator;
    const keep = () => Object.assign(state, { from: from.value, to: to.value, channel: channel.value, operator: operator.value });
    [from, to, channel, operator].forEach((x) => { x.addEventListener('input', keep); x.addEventListener('change', keep); });
    const form = h('form', { id: 'reports-filter', class: 'm-panel r-filter', novalidate: true, 'aria-label': t('rTitle') }, [
      h('div', { class: 'm-row' }, [field('from', t('rFrom'), from, t('rPeriodHint')), field('to', t('rTo'), to),
        field('channel', t('rChannel'), channel), field('operator', t('rOperator'), operator),
        h('div', { class: 'm-actions' }, [h('button', { type: 'submit', id: 'reports-show', class: 'btn primary', text: t('rShow') })])]),
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      keep();
      state.commentsPage = 0;
      ctx.clearProblem(form);
      load();
    });
    return form;
  }

  M.registerPage({
    id: 'reports', order: 50, titleKey: 'rNav',
    reset,
    mount(root, ctx) {
      ctxRef = ctx;
      const { h, t } = ctx;
      charts.forEach((c) => c.destroy());
      charts.length = 0;
      pendingCharts.length = 0;
      if (!state.channels && !state.loading) {
        state.loading = true;
        loadChoices().then(load);
      }
      root.appendChild(h('h2', { text: t('rTitle') }));
      const form = filterForm(ctx);
      root.appendChild(form);
      if (state.problem) ctx.showProblem(form, state.problem);
      if (state.error) root.appendChild(h('p', { class: 'm-error', role: 'alert', text: state.error }));
      const d = state.data;
      if (!d) { root.appendChild(h('p', { text: t('loading') })); return; }
      root.appendChild(h('p', { class: 'r-shown', id: 'reports-shown', role: 'status', text: t('rShown', { from: ctx.fmtDate(state.shown.from), to: ctx.fmtDate(state.shown.to) }) }));
      root.appendChild(h('div', { id: 'reports', class: 'r-reports', 'data-from': state.shown.from, 'data-to': state.shown.to,
        'data-channel': state.shown.channel, 'data-operator': state.shown.operator }, [
        sessionsReport(h, d.sessions), timesReport(h, d.times), csatReport(h, d.csat, d.comments), triageReport(h, d.triage),
        activationReport(h, d.activation),
      ]));
      pendingCharts.splice(0).forEach((draw) => draw());
    },
  });
})();
