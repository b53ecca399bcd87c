/*!
 * Support Hub console, management area: the "Support policy and triage" page (docs/triage.md). A page module
 * of console/manage.js (loaded after it): the support policy by area with its coverage, the corrections
 * operators made to triage's labels (accept one as a training example, or dismiss it), and the classifier's
 * model: the version in the database and the one this hub instance has built ("learning…" while behind).
 * Uses only the manager API: GET admin/policy, admin/triage/corrections (list, accept, dismiss), admin/triage/model.
 */
(function () {
  'use strict';

  const M = window.SupportHubManage;
  if (!M) return;

  // ---- texts: English and Polish, the same keys (ManageTextsTest checks) ---------------------------

  const TEXT_EN = {
    navTriage: 'Policy and triage',
    trTitle: 'Support policy and triage',
    trModelTitle: 'Triage model',
    trModelVersion: 'Model version',
    trModelBuilt: 'Built on this hub',
    trModelLearned: 'Learned questions',
    trUpToDate: 'up to date',
    trLearning: 'learning\u2026',
    trRefresh: 'Refresh',
    trCorrectionsTitle: 'Operators\u2019 corrections',
    trCorrectionsHint: 'An accepted correction becomes a training example: triage learns it on every hub, without a restart.',
    trFilterStatus: 'Status',
    trStatusPENDING: 'pending', trStatusACCEPTED: 'accepted', trStatusDISMISSED: 'dismissed',
    trNoCorrections: 'No corrections with this status.',
    trColQuestion: 'Question',
    trColTriaged: 'Classifier\u2019s label',
    trColCorrected: 'Corrected label',
    trColBy: 'Corrected by',
    trColStatus: 'Status',
    trNotRecorded: 'not recorded',
    trByAt: '{who}, {at}',
    trDecidedByAt: '{who}, {at}',
    trPolicyItem: 'policy item {id}',
    trAccept: 'Accept as a training example',
    trAcceptOf: 'Accept the correction of \u201c{q}\u201d as a training example',
    trDismiss: 'Dismiss',
    trDismissOf: 'Dismiss the correction of \u201c{q}\u201d',
    trWorking: 'Saving\u2026',
    trAccepted: 'Accepted as a training example (policy item {id}).',
    trDismissed: 'The correction was dismissed.',
    trAlreadyDecided: 'This correction was already decided by someone else; the list was refreshed.',
    trNoPolicyItem: 'No policy item has this label, so it cannot be learned; dismiss it instead.',
    trNotFound: 'This correction no longer exists; the list was refreshed.',
    trPolicyTitle: 'Support policy',
    trPolicyItems: 'Items: {n} ({covered} covered, {limited} general advice only, {notCovered} not covered)',
    trColId: 'Item',
    trColCoverage: 'Coverage',
    trColText: 'What it says',
    trAreaINSTALLATION: 'Installation', trAreaPERFORMANCE: 'Performance', trAreaUPDATES: 'Updates',
    trAreaERRORS: 'Errors and failures', trAreaINTEGRATION: 'Integration and API', trAreaOTHER: 'Other',
    trAreaUNCLEAR: 'Unclear',
    trCovCOVERED: 'covered', trCovLIMITED: 'general advice only', trCovNOT_COVERED: 'not covered', trCovUNCLEAR: 'unclear',
  };

  const TEXT_PL = {
    navTriage: 'Zasady i triaż',
    trTitle: 'Zasady wsparcia i triaż',
    trModelTitle: 'Model triażu',
    trModelVersion: 'Wersja modelu',
    trModelBuilt: 'Zbudowana na tym hubie',
    trModelLearned: 'Wyuczone pytania',
    trUpToDate: 'aktualny',
    trLearning: 'uczy się\u2026',
    trRefresh: 'Odśwież',
    trCorrectionsTitle: 'Poprawki konsultantów',
    trCorrectionsHint: 'Przyjęta poprawka staje się przykładem uczącym: triaż uczy się jej na każdym hubie, bez restartu.',
    trFilterStatus: 'Stan',
    trStatusPENDING: 'oczekuje', trStatusACCEPTED: 'przyjęta', trStatusDISMISSED: 'odrzucona',
    trNoCorrections: 'Brak poprawek w tym stanie.',
    trColQuestion: 'Pytanie',
    trColTriaged: 'Etykieta klasyfikatora',
    trColCorrected: 'Poprawiona etykieta',
    trColBy: 'Poprawił(a)',
    trColStatus: 'Stan',
    trNotRecorded: 'nie zapisano',
    trByAt: '{who}, {at}',
    trDecidedByAt: 'zdecydował(a) {who}, {at}',
    trPolicyItem: 'pozycja zasad {id}',
    trAccept: 'Przyjmij jako przykład uczący',
    trAcceptOf: 'Przyjmij poprawkę pytania „{q}” jako przykład uczący',
    trDismiss: 'Odrzuć',
    trDismissOf: 'Odrzuć poprawkę pytania „{q}”',
    trWorking: 'Zapisywanie\u2026',
    trAccepted: 'Przyjęto jako przykład uczący (pozycja zasad {id}).',
    trDismissed: 'Poprawkę odrzucono.',
    trAlreadyDecided: 'O tej poprawce ktoś już zdecydował; lista została odświeżona.',
    trNoPolicyItem: 'Żadna pozycja zasad nie ma tej etykiety, więc nie można się jej nauczyć; odrzuć ją.',
    trNotFound: 'Ta poprawka już nie istnieje; lista została odświeżona.',
    trPolicyTitle: 'Zasady wsparcia',
    trPolicyItems: 'Pozycje: {n} (objęte wsparciem: {covered}, tylko ogólna porada: {limited}, nieobjęte: {notCovered})',
    trColId: 'Pozycja',
    trColCoverage: 'Zakres',
    trColText: 'Treść',
    trAreaINSTALLATION: 'Instalacja', trAreaPERFORMANCE: 'Wydajność', trAreaUPDATES: 'Aktualizacje',
    trAreaERRORS: 'Błędy i awarie', trAreaINTEGRATION: 'Integracja i API', trAreaOTHER: 'Inne',
    trAreaUNCLEAR: 'Niejasne',
    trCovCOVERED: 'objęte wsparciem', trCovLIMITED: 'tylko ogólna porada', trCovNOT_COVERED: 'nieobjęte wsparciem', trCovUNCLEAR: 'niejasne',
  };

  M.addTexts({ en: TEXT_EN, pl: TEXT_PL });

  const STATUSES = ['PENDING', 'ACCEPTED', 'DISMISSED'];
  const AREAS = ['INSTALLATION', 'PERFORMANCE', 'UPDATES', 'ERRORS', 'INTEGRATION', 'OTHER'];
  // While this instance's classifier is behind the database's version, the model is read again this often.
  const LEARNING_POLL_MS = 1000;

  const triage = {
    policy: null, policyError: null,
    status: 'PENDING', offset: 0, limit: 25, data: null, dataError: null,
    model: null, modelError: null, pollTimer: 0,
    busy: {},          // correction id -> true while its accept/dismiss is on its way
    rowError: {},      // correction id -> the refusal to show at its row
    focusAfter: null,  // a CSS selector to focus after the next render
    generation: 0,     // bumped by reset(): answers for an earlier login are dropped
  };

  let ctx = null;

  function t(key, params) { return ctx.t(key, params); }
  function shown() {
    const page = document.getElementById('manage-page');
    return !!page && page.getAttribute('data-page') === 'triage';
  }
  // Answers that arrive while another page is shown only update the state kept here.
  function rerender() { if (ctx && shown()) ctx.rerender(); }

  /**
   * Reads path into the state: {@code into} (the field for the answer) and {@code into + 'Error'} (the
   * refusal, or null). False when another login came meanwhile: its answer is dropped.
   */
  async function read(path, into) {
    const g = triage.generation;
    let data = null;
    let error = null;
    try { data = await ctx.api('GET', path); } catch (e) { error = e.message; }
    if (g !== triage.generation) return false;
    if (error == null) triage[into] = data;
    triage[into + 'Error'] = error;
    return true;
  }

  async function loadPolicy() {
    if (await read('policy', 'policy')) rerender();
  }

  async function loadCorrections() {
    const q = new URLSearchParams({ offset: triage.offset, limit: triage.limit });
    if (triage.status) q.set('status', triage.status);
    if (await read('triage/corrections?' + q.toString(), 'data')) rerender();
  }

  // The model, read again every second while this instance is still rebuilding (behind the database).
  async function loadModel() {
    clearTimeout(triage.pollTimer);
    triage.pollTimer = 0;
    if (!(await read('triage/model', 'model'))) return;
    const m = triage.model;
    if (!triage.modelError && m && m.builtVersion < m.version) triage.pollTimer = setTimeout(loadModel, LEARNING_POLL_MS);
    // Only the model's panel is redrawn: a poll every second must not take the keyboard focus from the list.
    const old = document.getElementById('triage-model');
    if (old && shown()) old.replaceWith(modelSection());
    else rerender();
  }

  function problemText(err) {
    const type = err && err.problem && typeof err.problem.type === 'string' ? err.problem.type : '';
    if (err && err.status === 409 && /already-decided$/.test(type)) return t('trAlreadyDecided');
    if (err && err.status === 409 && /no-policy-item$/.test(type)) return t('trNoPolicyItem');
    if (err && err.status === 404) return t('trNotFound');
    return (err && err.message) || t('requestFailed', { status: '?' });
  }

  async function decide(c, decision) {
    if (triage.busy[c.id]) return;
    triage.busy[c.id] = true;
    delete triage.rowError[c.id];
    triage.focusAfter = 'tr[data-correction-id="' + c.id + '"] .triage-state';
    rerender();
    const g = triage.generation;
    try {
      const decided = await ctx.api('POST', 'triage/corrections/' + encodeURIComponent(c.id) + '/' + decision);
      if (g !== triage.generation) return;
      // The row stays where it was, now decided, until the list is read again (filter, page, refresh).
      const items = triage.data ? triage.data.items : [];
      const i = items.findIndex((x) => x.id === c.id);
      if (i >= 0) items[i] = decided;
      ctx.notify(decision === 'accept' ? t('trAccepted', { id: decided.policyItem || '' }) : t('trDismissed'));
      if (decision === 'accept') loadModel();
    } catch (err) {
      if (g !== triage.generation) return;
      const text = problemText(err);
      triage.rowError[c.id] = text;
      ctx.notify(text, 'error');
      // Decided elsewhere (or gone): show what it is now, keeping the refusal at its row.
      if (err.status === 409 && !/no-policy-item$/.test((err.problem && err.problem.type) || '')) await refreshOne(c.id);
      if (err.status === 404) await loadCorrections();
    } finally {
      delete triage.busy[c.id];
    }
    // The keyboard stays at the row just decided: its state (and the refusal, if any) is what changed.
    triage.focusAfter = 'tr[data-correction-id="' + c.id + '"] .triage-state';
    rerender();
  }

  async function refreshOne(id) {
    try {
      const now = await ctx.api('GET', 'triage/corrections/' + encodeURIComponent(id));
      const items = triage.data ? triage.data.items : [];
      const i = items.findIndex((x) => x.id === id);
      if (i >= 0) items[i] = now;
    } catch (e) { /* the refusal shown already says enough */ }
  }

  function labelCell(label, cls) {
    const h = ctx.h;
    if (!label) return h('td', { class: cls }, [h('span', { class: 'm-sub', text: t('trNotRecorded') })]);
    return h('td', { class: cls, 'data-area': label.area, 'data-coverage': label.coverage }, [
      h('div', { text: t('trArea' + label.area) }),
      ctx.badge(t('trCov' + label.coverage), coverageKind(label.coverage)),
    ]);
  }

  function coverageKind(c) {
    return c === 'COVERED' ? 'ok' : (c === 'LIMITED' ? 'warn' : (c === 'NOT_COVERED' ? 'bad' : null));
  }

  function short(q) { return q.length > 60 ? q.substring(0, 57) + '\u2026' : q; }

  function correctionRow(c) {
    const h = ctx.h;
    const busy = !!triage.busy[c.id];
    const status = [ctx.badge(t('trStatus' + c.status), c.status === 'ACCEPTED' ? 'ok' : (c.status === 'DISMISSED' ? null : 'warn'))];
    if (c.decidedBy) status.push(h('div', { class: 'm-sub', text: t('trDecidedByAt', { who: c.decidedBy, at: ctx.fmtDateTime(c.decidedAt) }) }));
    if (c.policyItem) status.push(h('div', { class: 'm-sub', text: t('trPolicyItem', { id: c.policyItem }) }));
    const actions = [];
    if (c.status === 'PENDING') {
      actions.push(h('button', { type: 'button', class: 'btn small primary triage-accept', disabled: busy,
        text: busy ? t('trWorking') : t('trAccept'), 'aria-label': t('trAcceptOf', { q: short(c.question) }),
        onclick: () => decide(c, 'accept') }));
      actions.push(h('button', { type: 'button', class: 'btn small triage-dismiss', disabled: busy, text: t('trDismiss'),
        'aria-label': t('trDismissOf', { q: short(c.question) }), onclick: () => decide(c, 'dismiss') }));
    }
    if (triage.rowError[c.id]) actions.push(h('p', { class: 'm-error triage-row-error', role: 'alert', text: triage.rowError[c.id] }));
    return h('tr', { 'data-correction-id': c.id, 'data-session-id': c.sessionId, 'data-status': c.status }, [
      h('th', { scope: 'row', class: 'triage-question' }, [h('div', { text: c.question }), h('div', { class: 'm-sub', text: c.locale })]),
      labelCell(c.triaged, 'triage-triaged'),
      labelCell(c.corrected, 'triage-corrected'),
      h('td', { class: 'triage-by', text: t('trByAt', { who: c.operator, at: ctx.fmtDateTime(c.createdAt) }) }),
      h('td', { class: 'triage-state', tabindex: '-1' }, status),
      h('td', {}, [h('div', { class: 'm-actions triage-actions' }, actions)]),
    ]);
  }

  function modelSection() {
    const h = ctx.h;
    const m = triage.model;
    const wrap = h('section', { id: 'triage-model', class: 'm-panel', 'aria-labelledby': 'triage-model-title' });
    wrap.appendChild(h('div', { class: 'm-toolbar' }, [
      h('h3', { id: 'triage-model-title', text: t('trModelTitle') }),
      h('button', { type: 'button', id: 'triage-model-refresh', class: 'btn small', text: t('trRefresh'), onclick: () => loadModel() }),
    ]));
    if (triage.modelError) wrap.appendChild(h('p', { class: 'm-error', role: 'alert', text: triage.modelError }));
    if (!m) { wrap.appendChild(h('p', { text: t('loading') })); return wrap; }
    const learning = m.builtVersion < m.version;
    wrap.setAttribute('data-learning', String(learning));
    wrap.appendChild(h('dl', { class: 'triage-model-facts' }, [
      h('dt', { text: t('trModelVersion') }), h('dd', { id: 'triage-model-version', text: String(m.version) }),
      h('dt', { text: t('trModelBuilt') }), h('dd', {}, [
        h('span', { id: 'triage-model-built', text: String(m.builtVersion) }), ' ',
        h('span', { role: 'status' }, [ctx.badge(t(learning ? 'trLearning' : 'trUpToDate'), learning ? 'warn' : 'ok')]),
      ]),
      h('dt', { text: t('trModelLearned') }), h('dd', { id: 'triage-model-learned', text: String(m.learned) }),
    ]));
    return wrap;
  }

  function correctionsSection() {
    const h = ctx.h;
    const wrap = h('section', { id: 'triage-corrections', 'aria-labelledby': 'triage-corrections-title' });
    wrap.appendChild(h('h3', { id: 'triage-corrections-title', tabindex: '-1', text: t('trCorrectionsTitle') }));
    wrap.appendChild(h('p', { class: 'm-hint', text: t('trCorrectionsHint') }));
    const status = h('select', { id: 'triage-status' }, STATUSES.map((s) => h('option', { value: s, text: t('trStatus' + s) }))
      .concat([h('option', { value: '', text: t('all') })]));
    status.value = triage.status;
    status.addEventListener('change', () => {
      triage.status = status.value;
      triage.offset = 0;
      triage.rowError = {};
      triage.focusAfter = '#triage-status';
      loadCorrections();
    });
    wrap.appendChild(h('div', { class: 'm-toolbar' }, [ctx.field('status', t('trFilterStatus'), status),
      h('button', { type: 'button', id: 'triage-corrections-refresh', class: 'btn', text: t('trRefresh'),
        onclick: () => { triage.rowError = {}; loadCorrections(); } })]));
    if (triage.dataError) wrap.appendChild(h('p', { class: 'm-error', role: 'alert', text: triage.dataError }));
    const data = triage.data;
    if (!data) { wrap.appendChild(h('p', { text: t('loading') })); return wrap; }
    wrap.appendChild(h('div', { id: 'triage-correction-list' }, [ctx.table(t('trCorrectionsTitle'),
      [t('trColQuestion'), t('trColTriaged'), t('trColCorrected'), t('trColBy'), t('trColStatus'), t('actions')],
      data.items.map(correctionRow), t('trNoCorrections'))]));
    const pager = ctx.pager(data.offset, data.limit, data.total, (o) => { triage.offset = o; triage.rowError = {}; loadCorrections(); });
    if (pager) wrap.appendChild(pager);
    return wrap;
  }

  function policySection() {
    const h = ctx.h;
    const wrap = h('section', { id: 'triage-policy', 'aria-labelledby': 'triage-policy-title' });
    wrap.appendChild(h('h3', { id: 'triage-policy-title', text: t('trPolicyTitle') }));
    if (triage.policyError) wrap.appendChild(h('p', { class: 'm-error', role: 'alert', text: triage.policyError }));
    if (!triage.policy) { wrap.appendChild(h('p', { text: t('loading') })); return wrap; }
    const pl = ctx.locale() === 'pl';
    const areas = AREAS.concat(triage.policy.map((i) => i.area).filter((a, k, all) => AREAS.indexOf(a) < 0 && all.indexOf(a) === k));
    areas.forEach((area) => {
      const items = triage.policy.filter((i) => i.area === area);
      if (!items.length) return;
      const count = (c) => items.filter((i) => i.coverage === c).length;
      const titleId = 'triage-area-' + area;
      wrap.appendChild(h('div', { class: 'triage-area', 'data-area': area, role: 'group', 'aria-labelledby': titleId }, [
        h('h4', { id: titleId, text: t('trArea' + area) }),
        h('p', { class: 'm-sub triage-area-summary', text: t('trPolicyItems', { n: items.length, covered: count('COVERED'),
          limited: count('LIMITED'), notCovered: count('NOT_COVERED') }) }),
        ctx.table(t('trArea' + area), [t('trColId'), t('trColCoverage'), t('trColText')],
          items.map((i) => h('tr', { 'data-item-id': i.id, 'data-coverage': i.coverage }, [
            h('th', { scope: 'row', class: 'm-key', text: i.id }),
            h('td', {}, [ctx.badge(t('trCov' + i.coverage), coverageKind(i.coverage))]),
            h('td', { text: pl ? i.pl : i.en }),
          ])), t('none')),
      ]));
    });
    return wrap;
  }

  M.registerPage({
    id: 'triage', order: 60, titleKey: 'navTriage',
    reset() {
      clearTimeout(triage.pollTimer);
      triage.generation += 1;
      Object.assign(triage, { policy: null, policyError: null, status: 'PENDING', offset: 0, data: null, dataError: null,
        model: null, modelError: null, pollTimer: 0, busy: {}, rowError: {}, focusAfter: null, loading: false });
    },
    mount(root, c) {
      ctx = c;
      if (!triage.loading && !triage.data && !triage.dataError) {
        triage.loading = true;
        Promise.all([loadPolicy(), loadCorrections(), loadModel()]).then(() => { triage.loading = false; });
      }
      root.appendChild(c.h('h2', { text: t('trTitle') }));
      root.appendChild(modelSection());
      root.appendChild(correctionsSection());
      root.appendChild(policySection());
      if (triage.focusAfter) {
        const target = root.querySelector(triage.focusAfter);
        if (target) { target.focus(); triage.focusAfter = null; }
      }
    },
  });
})();
