/*!
 * Support Hub chat widget: one file, no dependencies, no build step.
 *
 * Embedding (the page must call init() after this script has run; with `defer`, DOMContentLoaded
 * fires only after deferred scripts, so waiting for it is enough):
 *
 *   <script src="https://HUB/widget.js" defer></script>
 *   <script>
 *     document.addEventListener('DOMContentLoaded', () => SupportHub.init({
 *       tokenProvider: () => fetch('/my-portal/support-token').then(r => r.json()).then(j => j.token),
 *       locale: 'pl' // optional; the token's locale wins once connected
 *     }));
 *   </script>
 *
 * API: SupportHub.init(options), open(), close(), toggle(), setLocale('pl'|'en') (the widget's labels and the
 *      bot's language: the choice is sent to the hub, kept with the user's conversation and beats the token's),
 *      on(event, fn) -> unsubscribe function; events: open, close, message, state, connected, disconnected,
 *      session (the support session's latest `session` frame).
 * While the administrator's support session is open (waiting, held or with an operator) the panel offers
 * "End session", confirmed in a second step, which sends the command `end-session` (protocol section 8).
 * Messages show code blocks, inline code and http(s) links, and nothing else as markup: chat-text.js, loaded
 * from next to this file before the first connection (without it, messages show as plain text). The
 * administrator sees when the operator has read their messages ("Read", from the hub's `read` frames) and
 * tells the hub how far they read while the panel is open and the page visible (`read`, protocol section 3).
 * Wire protocol (endpoint /ws/chat): docs/protocol.md in the Support Hub project.
 */
(function () {
  'use strict';

  // Loaded twice (e.g. two script tags): keep the first instance and its connection.
  if (window.SupportHub && window.SupportHub.__supportHub) return;

  // document.currentScript is only set while this file executes, so capture it now.
  const SCRIPT_SRC = (function () {
    if (document.currentScript && document.currentScript.src) return document.currentScript.src;
    const tags = document.querySelectorAll('script[src]');
    for (let i = tags.length - 1; i >= 0; i--) {
      if (/\/widget\.js(?:[?#]|$)/.test(tags[i].src)) return tags[i].src;
    }
    return location.href;
  })();

  // Resolved next to the script: for https://HUB/widget.js this is wss://HUB/ws/chat, and a hub
  // deployed under a context path keeps working too.
  // The message renderer shared with the agent console, next to this script.
  const TEXT_URL = new URL('chat-text.js', SCRIPT_SRC).href;
  const TEXT_WAIT_MS = 5000;      // the first connection waits at most this long for it
  const READ_SEND_MS = 700;       // our own `read` frames go out at most this often

  const WS_URL = (function () {
    const u = new URL('ws/chat', SCRIPT_SRC);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.href;
  })();

  const PING_MS = 25000;
  const BACKOFF_BASE_MS = 1000;
  const BACKOFF_MAX_MS = 30000;
  const MAX_TEXT = 4000;          // protocol limit (characters after trimming)
  const MAX_FRAME_BYTES = 16384;  // the hub closes with 1009 above this
  const ERROR_SHOW_MS = 6000;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const KINDS = ['user', 'bot', 'staff', 'system'];
  const EVENTS = ['open', 'close', 'message', 'state', 'connected', 'disconnected', 'session'];
  // Errors that will never succeed on resend, so the message leaves the outbox.
  const PERMANENT_ERRORS = ['INVALID_CLIENT_MSG_ID', 'TEXT_EMPTY', 'TEXT_TOO_LONG'];
  const TYPING_SHOW_MS = 5000;    // an operator's `typing` is shown this long unless repeated
  const TYPING_SEND_MS = 3000;    // our own `typing` goes out at most this often
  const MAX_VOTE_COMMENT = 1000;  // protocol limit for a vote's comment
  const SESSION_STATES = ['WAITING', 'OFFERED', 'ASSIGNED', 'ANSWERED', 'CLOSED'];
  // Errors answering a `vote`: each has its own explanation, and the vote box becomes usable again.
  const VOTE_ERRORS = { VOTE_NOT_OPEN: 'voteNotOpen', INVALID_VOTE: 'invalidVote', NO_SESSION: 'noSession' };

  // UI strings as [English, Polish]; {name} placeholders are filled in by t(). Non-ASCII characters
  // are written as \u escapes so the file decodes correctly even on portals not served as UTF-8.
  const STRINGS = {
    title: ['Support', 'Wsparcie techniczne'],
    openChat: ['Open support chat', 'Otw\u00f3rz czat wsparcia'],
    closeChat: ['Close support chat', 'Zamknij czat wsparcia'],
    newMessages: ['new messages', 'nowe wiadomo\u015bci'],
    close: ['Close', 'Zamknij'],
    conversation: ['Conversation with support', 'Rozmowa ze wsparciem'],
    inputLabel: ['Your message', 'Twoja wiadomo\u015b\u0107'],
    placeholder: ['Type your message\u2026', 'Napisz wiadomo\u015b\u0107\u2026'],
    send: ['Send', 'Wy\u015blij'],
    idle: ['Not connected', 'Brak po\u0142\u0105czenia'],
    connecting: ['Connecting\u2026', '\u0141\u0105czenie\u2026'],
    connected: ['Connected', 'Po\u0142\u0105czono'],
    reconnecting: ['Connection lost. Reconnecting in {s} s\u2026', 'Utracono po\u0142\u0105czenie. Ponowna pr\u00f3ba za {s} s\u2026'],
    tokenFailed: ['Could not sign in to support. Retrying in {s} s\u2026', 'Nie uda\u0142o si\u0119 zalogowa\u0107 do wsparcia. Ponowna pr\u00f3ba za {s} s\u2026'],
    refused: ['Access refused{reason}', 'Odmowa dost\u0119pu{reason}'],
    chatClosed: ['Chat closed{reason}', 'Czat zamkni\u0119ty{reason}'],
    tooLarge: ['Message too large.', 'Wiadomo\u015b\u0107 jest za du\u017ca.'],
    tooLong: ['Message too long (at most 4000 characters).', 'Wiadomo\u015b\u0107 jest za d\u0142uga (maksymalnie 4000 znak\u00f3w).'],
    notConnected: ['Not connected. Please try again in a moment.', 'Brak po\u0142\u0105czenia. Spr\u00f3buj ponownie za chwil\u0119.'],
    error: ['Something went wrong ({code}).', 'Wyst\u0105pi\u0142 b\u0142\u0105d ({code}).'],
    notSent: ['Not sent', 'Nie wys\u0142ano'],
    // Support sessions (protocol section 8).
    queuePosition: ['You are number {n} in the queue', 'Jeste\u015b {n}. w kolejce'],
    leftForLater: ['Left for support: the answer will appear here, or reach you by e-mail', 'Przekazane pomocy technicznej: odpowied\u017a pojawi si\u0119 tutaj albo dotrze e-mailem'],
    leaveEmail: ['Your e-mail address', 'Tw\u00f3j adres e-mail'],
    leaveSend: ['Leave the question', 'Zostaw pytanie'],
    leaveInvalid: ['Please enter a valid e-mail address', 'Podaj poprawny adres e-mail'],
    emailTranscript: ['E-mail me the transcript', 'Wy\u015blij mi zapis e-mailem'],
    heldForYou: ['Not sent to support yet: your decision is needed', 'Jeszcze nie wys\u0142ano do pomocy technicznej: czekamy na Twoj\u0105 decyzj\u0119'],
    waitingOperator: ['Waiting for an operator\u2026', 'Czekasz na konsultanta\u2026'],
    outOfHours: ['Support is closed now; your question will be answered when it opens',
      'Wsparcie jest teraz nieczynne; odpowiemy na Twoje pytanie po otwarciu'],
    talkingTo: ['Talking to {name}', 'Rozmawiasz z: {name}'],
    anOperator: ['an operator', 'konsultant'],
    sessionClosed: ['The session is closed', 'Sesja zako\u0144czona'],
    typing: ['{name} is typing\u2026', '{name} pisze\u2026'],
    voteGroup: ['Rate the support', 'Oce\u0144 pomoc'],
    voteQuestion: ['How did we do? Rate this conversation.', 'Jak nam posz\u0142o? Oce\u0144 t\u0119 rozmow\u0119.'],
    voteLike: ['Good support (thumbs up)', 'Dobra pomoc (kciuk w g\u00f3r\u0119)'],
    voteDislike: ['Poor support (thumbs down)', 'S\u0142aba pomoc (kciuk w d\u00f3\u0142)'],
    voteLikeShort: ['Helpful', 'Pomocne'],
    voteDislikeShort: ['Not helpful', 'Niepomocne'],
    voteComment: ['Comment (optional)', 'Komentarz (opcjonalnie)'],
    voteThanks: ['Thank you for your rating!', 'Dzi\u0119kujemy za ocen\u0119!'],
    voteNotOpen: ['This session can no longer be rated.', 'Tej sesji nie mo\u017cna ju\u017c oceni\u0107.'],
    invalidVote: ['The rating could not be saved (is the comment too long?).',
      'Nie uda\u0142o si\u0119 zapisa\u0107 oceny (czy komentarz nie jest za d\u0142ugi?).'],
    noSession: ['This support session is not available any more.', 'Ta sesja wsparcia nie jest ju\u017c dost\u0119pna.'],
    endSession: ['End session', 'Zako\u0144cz sesj\u0119'],
    endSessionLabel: ['End this support session', 'Zako\u0144cz t\u0119 sesj\u0119 wsparcia'],
    endConfirm: ['End this support session? Support will stop working on your question.',
      'Zako\u0144czy\u0107 t\u0119 sesj\u0119 wsparcia? Pomoc techniczna przestanie zajmowa\u0107 si\u0119 Twoim pytaniem.'],
    endYes: ['Yes, end it', 'Tak, zako\u0144cz'],
    endNo: ['Keep it open', 'Nie, zostaw otwart\u0105'],
    readReceipt: ['Read', 'Przeczytano'],
    readReceiptLabel: ['Read by support', 'Przeczytane przez pomoc techniczn\u0105'],
  };

  // Page rules still match the host element itself; an !important declaration from inside the
  // shadow root beats even the page's !important ones. Sizes are px so the page's rem base is moot.
  const CSS = `
:host { all: initial !important; }
[hidden] { display: none !important; }
.sh-root { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2933; text-align: left; }
.sh-root *, .sh-root *::before, .sh-root *::after { box-sizing: border-box; font-family: inherit; }
button { font: inherit; margin: 0; }
#sh-launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 56px; height: 56px;
  padding: 0; border: 0; border-radius: 50%; background: #2563eb; color: #fff; cursor: pointer;
  display: flex; align-items: center; justify-content: center; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
#sh-launcher:hover { background: #1d4ed8; }
#sh-launcher svg { width: 26px; height: 26px; fill: currentColor; }
.sh-badge { position: absolute; top: 3px; right: 3px; width: 14px; height: 14px; border-radius: 50%;
  background: #ef4444; border: 2px solid #fff; }
button:focus-visible, textarea:focus-visible, #sh-messages:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
#sh-panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483000; width: 360px; height: 520px;
  max-width: calc(100vw - 40px); max-height: calc(100vh - 108px); display: flex; flex-direction: column;
  background: #fff; border-radius: 12px; overflow: hidden; box-shadow: 0 10px 32px rgba(0,0,0,.28); }
.sh-header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #2563eb; color: #fff; }
.sh-heading { flex: 1; min-width: 0; }
.sh-title { font-size: 16px; font-weight: 600; color: inherit; }
#sh-status { font-size: 12px; color: inherit; opacity: .9; overflow-wrap: anywhere; }
.sh-close { width: 32px; height: 32px; border: 0; border-radius: 6px; background: transparent; color: #fff;
  font-size: 22px; line-height: 1; cursor: pointer; }
.sh-close:hover { background: rgba(255,255,255,.15); }
#sh-error { padding: 8px 14px; background: #fef2f2; color: #991b1b; border-bottom: 1px solid #fecaca; font-size: 13px; }
#sh-messages { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f8fafc; }
.sh-msg { max-width: 85%; padding: 8px 10px; border-radius: 10px; background: #fff; color: #1f2933;
  border: 1px solid #e2e8f0; align-self: flex-start; }
.sh-msg-user { align-self: flex-end; background: #2563eb; border-color: #2563eb; color: #fff; }
.sh-msg-staff { background: #ecfdf5; border-color: #a7f3d0; }
.sh-msg-system { align-self: center; max-width: 95%; background: transparent; border: 0; color: #64748b;
  font-size: 12px; font-style: italic; text-align: center; }
.sh-pending { opacity: .6; }
.sh-failed { background: #fee2e2; border-color: #fca5a5; color: #991b1b; }
.sh-author { font-size: 12px; font-weight: 600; color: #475569; margin-bottom: 2px; }
.sh-text { white-space: pre-wrap; overflow-wrap: anywhere; color: inherit; }
.sh-code-block { position: relative; margin: 6px 0; }
.sh-code { margin: 0; padding: 8px 10px; padding-top: 26px; border-radius: 6px; background: #0f172a; color: #e2e8f0;
  font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; text-align: left; }
.sh-code code, .sh-inline-code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.sh-inline-code { padding: 0 3px; border-radius: 4px; background: rgba(15,23,42,.08); font-size: 12.5px; overflow-wrap: anywhere; }
.sh-msg-user .sh-inline-code { background: rgba(255,255,255,.2); }
.sh-copy { position: absolute; top: 4px; right: 4px; padding: 1px 8px; border: 1px solid #475569; border-radius: 4px;
  background: #1e293b; color: #e2e8f0; font-size: 11px; cursor: pointer; }
.sh-copy:hover { background: #334155; }
.sh-copy[data-copied="true"] { border-color: #34d399; color: #a7f3d0; }
.sh-link { color: #1d4ed8; text-decoration: underline; overflow-wrap: anywhere; }
.sh-msg-user .sh-link { color: #fff; }
.sh-receipt { display: block; font-size: 11px; margin-top: 2px; text-align: right; color: inherit; opacity: .9; }
.sh-receipt::before { content: "\\2713\\2713 "; }
.sh-time, .sh-note { display: block; font-size: 11px; opacity: .75; margin-top: 2px; text-align: right; color: inherit; }
.sh-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.sh-action { padding: 4px 12px; border: 1px solid #2563eb; border-radius: 999px; background: #fff; color: #2563eb;
  font-size: 13px; cursor: pointer; }
.sh-action:hover { background: #eff6ff; }
.sh-leave { display: flex; gap: 6px; margin-top: 8px; width: 100%; }
.sh-leave-email { flex: 1; min-width: 0; padding: 4px 8px; border: 1px solid #cbd5e1; border-radius: 6px; font-size: 13px; }
#sh-email-transcript { margin-top: 6px; }
.sh-composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e2e8f0; background: #fff; }
#sh-input { flex: 1; min-height: 40px; max-height: 120px; margin: 0; padding: 9px 10px; resize: none;
  border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; color: #1f2933; font-size: 14px; line-height: 1.4; }
#sh-send { padding: 0 16px; border: 0; border-radius: 8px; background: #2563eb; color: #fff; font-weight: 600; cursor: pointer; }
#sh-send:disabled, #sh-input:disabled { opacity: .5; cursor: not-allowed; }
#sh-session { padding: 7px 14px; background: #eff6ff; color: #1e3a8a; border-bottom: 1px solid #bfdbfe;
  font-size: 13px; overflow-wrap: anywhere; }
#sh-session[data-state="ASSIGNED"], #sh-session[data-state="ANSWERED"] { background: #ecfdf5; color: #065f46; border-color: #a7f3d0; }
#sh-session[data-state="CLOSED"] { background: #f1f5f9; color: #475569; border-color: #e2e8f0; }
.sh-session-hours { margin-top: 2px; font-size: 12px; opacity: .9; }
#sh-end { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 6px; padding: 6px 14px;
  background: #fff; border-bottom: 1px solid #e2e8f0; font-size: 13px; }
.sh-end-question { flex: 1 1 100%; color: #1f2933; }
#sh-end button { padding: 4px 12px; border: 1px solid #cbd5e1; border-radius: 999px; background: #fff; color: #1f2933;
  font-size: 13px; cursor: pointer; }
#sh-end-session, #sh-end-yes { border-color: #dc2626; color: #b91c1c; }
#sh-end-session:hover, #sh-end-yes:hover { background: #fef2f2; }
#sh-end-no:hover { background: #f1f5f9; }
#sh-end button:disabled { opacity: .5; cursor: progress; }
#sh-typing { padding: 4px 14px; background: #f8fafc; color: #64748b; font-size: 12px; font-style: italic; overflow-wrap: anywhere; }
#sh-vote { padding: 10px 12px; border-top: 1px solid #e2e8f0; background: #fff; }
.sh-vote-question { margin-bottom: 6px; font-weight: 600; color: #1f2933; }
#sh-vote-comment { display: block; width: 100%; min-height: 44px; max-height: 96px; margin: 0 0 8px; padding: 6px 8px; resize: vertical;
  border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; color: #1f2933; font-size: 13px; line-height: 1.4; }
.sh-vote-buttons { display: flex; gap: 8px; }
.sh-vote-like, .sh-vote-dislike { flex: 1; display: flex; align-items: center; justify-content: center; gap: 6px;
  padding: 6px 0; border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; color: #1f2933;
  font-size: 13px; font-weight: 600; line-height: 1.2; cursor: pointer; }
.sh-thumb { width: 18px; height: 18px; fill: currentColor; }
.sh-vote-like .sh-thumb { color: #059669; }
.sh-vote-dislike .sh-thumb { color: #dc2626; }
.sh-vote-like:hover { background: #ecfdf5; border-color: #34d399; }
.sh-vote-dislike:hover { background: #fef2f2; border-color: #f87171; }
.sh-vote-like:disabled, .sh-vote-dislike:disabled { opacity: .5; cursor: progress; }
.sh-vote-thanks { color: #065f46; font-weight: 600; text-align: center; }
#sh-vote-comment:focus-visible, input:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
@media (max-width: 480px) {
  #sh-panel { right: 0; bottom: 0; width: 100vw; height: 100%; max-width: 100vw; max-height: 100%; border-radius: 0; }
}
@media (prefers-reduced-motion: no-preference) {
  #sh-panel { animation: sh-in .15s ease-out; }
  @keyframes sh-in { from { opacity: 0; transform: translateY(8px); } }
}`;

  // ---- state -------------------------------------------------------------------------------------

  const state = {
    options: null, listeners: {},
    locale: 'en', localeExplicit: false,             // setLocale() beats the token's locale
    localeChoice: null,                              // setLocale()'s language, (re)sent to the hub after welcome
    open: false, openWhenMounted: false,
    started: false,                                  // the connection starts on the first open
    stopped: false,                                  // after 1000/1008: never reconnect by itself
    ws: null, connecting: false, authed: false,      // authed: welcome received on the current socket
    attempt: 0, reconnectTimer: 0, pingTimer: 0, errorTimer: 0, lastFrameAt: 0,
    lastSeq: 0,                                      // highest seq seen, sent in hello
    bySeq: new Map(),                                // seq -> rendered element (dedupe)
    outbox: new Map(),                               // clientMsgId -> {frame, el}: unacknowledged, in send order
    botState: null,
    status: { key: 'idle', params: null },
    conversationId: null,                            // from welcome; another one resets the session line
    session: null,                                   // the latest `session` frame, null while there is none
    typingName: null, typingTimer: 0,                // the operator shown as typing, and when that ends
    lastTypingSentAt: 0,                             // our own `typing` frames are throttled
    votePending: false,                              // a `vote` was sent and its `session` answer not yet seen
    endConfirming: false,                            // "End session" was pressed: asking to confirm
    endPending: null,                                // the session whose end-session was sent, until it closes
    readByOperator: 0,                               // the operator's read mark (the hub's `read` frames)
    readSent: 0, readTimer: 0,                       // our own mark as last sent, and the pending send
    textLoading: null,                               // the renderer's script, loading (a promise)
  };
  const ui = {};

  // ---- helpers -----------------------------------------------------------------------------------

  function t(key, params) {
    const pair = STRINGS[key];
    const s = pair ? pair[state.locale === 'pl' ? 1 : 0] : key;
    return s.replace(/\{(\w+)\}/g, (_, k) => (params && params[k] != null ? String(params[k]) : ''));
  }

  function normLocale(v) {
    const s = String(v || '').toLowerCase();
    return s === 'pl' || s.startsWith('pl-') ? 'pl' : s === 'en' || s.startsWith('en-') ? 'en' : null;
  }

  function emit(name, detail) {
    (state.listeners[name] || []).slice().forEach((fn) => {
      try { fn(detail); } catch (e) { console.error('[SupportHub] "' + name + '" listener failed', e); }
    });
  }

  // Builds an element; text always goes through textContent, never innerHTML.
  function h(tag, attrs, kids) {
    const e = document.createElement(tag);
    Object.keys(attrs || {}).forEach((k) => {
      const v = attrs[k];
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (v === true) e.setAttribute(k, '');
      else if (v != null && v !== false) e.setAttribute(k, String(v));
    });
    (kids || []).forEach((c) => c && e.appendChild(c));
    return e;
  }

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    // randomUUID exists only in secure contexts; a portal served over plain http still needs v4 ids.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const x = Array.from(b, (n) => n.toString(16).padStart(2, '0')).join('');
    return x.slice(0, 8) + '-' + x.slice(8, 12) + '-' + x.slice(12, 16) + '-' + x.slice(16, 20) + '-' + x.slice(20);
  }

  // ---- UI ----------------------------------------------------------------------------------------

  /** A thumb icon (SVG), pointing down when {@code down}. */
  function thumb(down) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'sh-thumb');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6'
      + 'C6.2 7.9 6 8.4 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z');
    if (down) path.setAttribute('transform', 'rotate(180 12 12)');
    svg.appendChild(path);
    return svg;
  }

  function mount() {
    if (ui.host) return;
    const host = h('div', { id: 'support-hub-widget' });
    // Open shadow root: the host page's CSS cannot reach in, and tests/automation can still look inside.
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.appendChild(h('style', { text: CSS }));

    const icon = document.createElementNS(SVG_NS, 'svg');
    const path = icon.appendChild(document.createElementNS(SVG_NS, 'path'));
    [['viewBox', '0 0 24 24'], ['aria-hidden', 'true'], ['focusable', 'false']].forEach((a) => icon.setAttribute(a[0], a[1]));
    path.setAttribute('d', 'M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zM6 9h12v2H6zm0-4h12v2H6zm0 8h8v2H6z');
    ui.badge = h('span', { class: 'sh-badge', hidden: true });
    ui.launcher = h('button', { id: 'sh-launcher', type: 'button', 'aria-controls': 'sh-panel', 'aria-expanded': 'false' },
      [icon, ui.badge]);
    ui.title = h('div', { class: 'sh-title', id: 'sh-title' });
    ui.status = h('div', { id: 'sh-status', role: 'status' });
    ui.close = h('button', { class: 'sh-close', type: 'button', text: '\u00d7' });
    ui.error = h('div', { id: 'sh-error', role: 'alert', hidden: true });
    ui.list = h('div', { id: 'sh-messages', role: 'log', 'aria-live': 'polite', tabindex: '0' });
    ui.input = h('textarea', { id: 'sh-input', rows: '1' });
    ui.send = h('button', { id: 'sh-send', type: 'button' });
    // The support session's line: data-state and data-queue-position mirror the latest `session` frame.
    ui.session = h('div', { id: 'sh-session', role: 'status', 'data-state': '', 'data-queue-position': '', hidden: true });
    ui.typing = h('div', { id: 'sh-typing', 'aria-live': 'polite', hidden: true });
    // Ending the session: one button, then a question with Yes / No (a slip of the finger ends nothing).
    ui.endButton = h('button', { type: 'button', id: 'sh-end-session' });
    ui.endQuestion = h('div', { class: 'sh-end-question', id: 'sh-end-question', role: 'alert' });
    ui.endYes = h('button', { type: 'button', id: 'sh-end-yes' });
    ui.endNo = h('button', { type: 'button', id: 'sh-end-no' });
    ui.end = h('div', { id: 'sh-end', role: 'group', 'aria-labelledby': 'sh-end-question', hidden: true },
      [ui.endButton, ui.endQuestion, ui.endYes, ui.endNo]);
    ui.voteQuestion = h('div', { class: 'sh-vote-question', id: 'sh-vote-question' });
    ui.voteComment = h('textarea', { id: 'sh-vote-comment', rows: '2', maxlength: String(MAX_VOTE_COMMENT) });
    // Drawn thumbs, not emoji: they look the same on every system, with or without an emoji font.
    ui.voteLikeText = h('span', { class: 'sh-vote-text' });
    ui.voteDislikeText = h('span', { class: 'sh-vote-text' });
    ui.voteLike = h('button', { type: 'button', class: 'sh-vote-like', 'data-value': 'like' }, [thumb(false), ui.voteLikeText]);
    ui.voteDislike = h('button', { type: 'button', class: 'sh-vote-dislike', 'data-value': 'dislike' }, [thumb(true), ui.voteDislikeText]);
    ui.voteForm = h('div', { class: 'sh-vote-form' }, [
      ui.voteQuestion, ui.voteComment, h('div', { class: 'sh-vote-buttons' }, [ui.voteLike, ui.voteDislike]),
    ]);
    ui.voteThanks = h('div', { class: 'sh-vote-thanks', role: 'status', hidden: true });
    ui.vote = h('div', { id: 'sh-vote', role: 'group', hidden: true },
      [ui.voteForm, ui.voteThanks]);
    ui.panel = h('div', { id: 'sh-panel', role: 'dialog', hidden: true }, [
      h('div', { class: 'sh-header' }, [h('div', { class: 'sh-heading' }, [ui.title, ui.status]), ui.close]),
      ui.session,
      ui.end,
      ui.error,
      ui.list,
      ui.typing,
      ui.vote,
      ui.composer = h('div', { class: 'sh-composer' }, [ui.input, ui.send]),
    ]);
    ui.root = h('div', { class: 'sh-root' }, [ui.launcher, ui.panel]);
    shadow.appendChild(ui.root);
    ui.shadow = shadow;
    ui.host = host;

    ui.launcher.addEventListener('click', () => api.toggle());
    ui.close.addEventListener('click', () => api.close());
    ui.send.addEventListener('click', submitInput);
    ui.input.addEventListener('keydown', (e) => {
      // isComposing: Enter that confirms an IME composition must not send.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submitInput(); }
    });
    ui.input.addEventListener('input', autoGrow);
    ui.input.addEventListener('input', sendTyping);
    ui.voteLike.addEventListener('click', () => sendVote('like'));
    ui.voteDislike.addEventListener('click', () => sendVote('dislike'));
    ui.endButton.addEventListener('click', () => { state.endConfirming = true; renderEnd(); ui.endNo.focus(); });
    ui.endNo.addEventListener('click', () => { state.endConfirming = false; renderEnd(); ui.endButton.focus(); });
    ui.endYes.addEventListener('click', endSession);
    ui.end.addEventListener('keydown', (e) => {
      // Escape steps back from the question instead of closing the whole panel.
      if (e.key === 'Escape' && state.endConfirming) {
        e.stopPropagation();
        state.endConfirming = false;
        renderEnd();
        ui.endButton.focus();
      }
    });
    ui.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.stopPropagation(); api.close(); }
    });
    ui.list.addEventListener('click', (e) => {
      const b = e.target.closest && e.target.closest('.sh-action');
      if (!b || !ui.list.contains(b)) return;
      // "Leave for later" needs an address first: a small form under the bot's message (protocol section 8).
      if (b.getAttribute('data-action') === 'leave-for-later') showLeaveForm(b.parentNode);
      else sendCommand(b.getAttribute('data-action'));
    });

    document.body.appendChild(host);
    applyLocale();
    loadFiles();
    if (state.openWhenMounted) api.open();
  }

  // ---- files (widget-attachments.js) -------------------------------------------------------------

  // Attaching files lives in its own script next to this one; messages that arrive before it has loaded
  // get their files drawn once it has.
  let files = null;
  const filesWaiting = [];

  function attachmentsOf(el, m) {
    if (!Array.isArray(m.attachments) || !m.attachments.length) return;
    if (files) files.render(el, m.attachments); else filesWaiting.push([el, m.attachments]);
  }

  function loadFiles() {
    const script = document.createElement('script');
    script.src = new URL('widget-attachments.js', SCRIPT_SRC).href;
    script.onload = () => {
      if (typeof window.__SupportHubAttachments !== 'function') return;
      files = window.__SupportHubAttachments({
        shadow: ui.shadow, panel: ui.panel, composer: ui.composer, input: ui.input, list: ui.list,
        api: new URL('api/v1/', SCRIPT_SRC).href,
        locale: () => state.locale,
        token: () => state.options.tokenProvider(),
        ready: () => state.authed && !state.stopped,
        h, uuid, showError, scrollToBottom,
        // The upload's answer came before the pushed message: the pending bubble becomes the stored one.
        adopt(el, seq) {
          if (state.bySeq.has(seq)) { el.remove(); return false; }
          el.setAttribute('data-seq', String(seq));
          state.bySeq.set(seq, el);
          place(el, seq);
          return true;
        },
      });
      filesWaiting.splice(0).forEach((w) => files.render(w[0], w[1]));
    };
    document.head.appendChild(script);
  }

  function applyLocale() {
    if (!ui.host) return;
    ui.root.setAttribute('lang', state.locale);
    ui.panel.setAttribute('aria-label', t('title'));
    ui.title.textContent = t('title');
    ui.close.setAttribute('aria-label', t('close'));
    ui.close.title = t('close');
    ui.list.setAttribute('aria-label', t('conversation'));
    ui.input.setAttribute('aria-label', t('inputLabel'));
    ui.input.placeholder = t('placeholder');
    ui.send.textContent = t('send');
    ui.send.setAttribute('aria-label', t('send'));
    updateLauncherLabel();
    renderStatus();
    ui.list.querySelectorAll('time').forEach(formatTime);
    ui.list.querySelectorAll('.sh-note').forEach((n) => { n.textContent = t('notSent'); });
    ui.vote.setAttribute('aria-label', t('voteGroup'));
    ui.voteQuestion.textContent = t('voteQuestion');
    ui.voteLikeText.textContent = t('voteLikeShort');
    ui.voteDislikeText.textContent = t('voteDislikeShort');
    ui.voteLike.setAttribute('aria-label', t('voteLike'));
    ui.voteLike.title = t('voteLike');
    ui.voteDislike.setAttribute('aria-label', t('voteDislike'));
    ui.voteDislike.title = t('voteDislike');
    ui.voteComment.setAttribute('aria-label', t('voteComment'));
    ui.voteComment.placeholder = t('voteComment');
    ui.voteThanks.textContent = t('voteThanks');
    ui.endButton.textContent = t('endSession');
    ui.endButton.setAttribute('aria-label', t('endSessionLabel'));
    ui.endQuestion.textContent = t('endConfirm');
    ui.endYes.textContent = t('endYes');
    ui.endNo.textContent = t('endNo');
    renderSession();
    renderTyping();
    if (window.SupportHubText && typeof window.SupportHubText.relabel === 'function') {
      window.SupportHubText.relabel(ui.list, state.locale);
    }
    renderReceipts();
  }

  function updateLauncherLabel() {
    const unread = !ui.badge.hidden;
    ui.launcher.setAttribute('aria-label', t(state.open ? 'closeChat' : 'openChat') + (unread ? ' (' + t('newMessages') + ')' : ''));
  }

  function setUnread(on) {
    ui.badge.hidden = !on;
    updateLauncherLabel();
  }

  function setStatus(key, params) {
    state.status = { key, params: params || null };
    renderStatus();
  }

  function renderStatus() {
    if (!ui.status) return;
    ui.status.textContent = t(state.status.key, state.status.params);
    ui.status.setAttribute('data-status', state.status.key);
    ui.input.disabled = ui.send.disabled = state.stopped;
  }

  function showError(text, sticky) {
    clearTimeout(state.errorTimer);
    ui.error.textContent = text;
    ui.error.hidden = false;
    if (!sticky) state.errorTimer = setTimeout(() => { ui.error.hidden = true; }, ERROR_SHOW_MS);
  }

  function formatTime(el) {
    const d = new Date(el.getAttribute('datetime'));
    el.textContent = isNaN(d) ? '' : d.toLocaleTimeString(state.locale, { hour: '2-digit', minute: '2-digit' });
  }

  function autoGrow() {
    ui.input.style.height = 'auto';
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, 120) + 'px';
  }

  function nearBottom() {
    return ui.list.scrollHeight - ui.list.scrollTop - ui.list.clientHeight < 48;
  }

  function scrollToBottom() {
    ui.list.scrollTop = ui.list.scrollHeight;
  }

  function buildMessage(kind, text, at, authorName) {
    const el = h('div', { class: 'sh-msg sh-msg-' + kind });
    if (authorName && (kind === 'bot' || kind === 'staff')) el.appendChild(h('div', { class: 'sh-author', text: authorName }));
    el.appendChild(messageText(text == null ? '' : String(text)));
    if (at) {
      const time = h('time', { class: 'sh-time', datetime: at });
      formatTime(time);
      el.appendChild(time);
    }
    return el;
  }

  // The message's text: code, inline code and links built as elements by chat-text.js (never as HTML);
  // plain text when it could not be loaded.
  function messageText(text) {
    const box = h('div', { class: 'sh-text' });
    const r = window.SupportHubText;
    if (r && typeof r.render === 'function') box.appendChild(r.render(text, { locale: state.locale }));
    else box.textContent = text;
    return box;
  }

  // Loads the renderer once (a script next to this one); resolves when it ran, failed or took too long.
  function loadText() {
    if (state.textLoading) return state.textLoading;
    state.textLoading = new Promise((resolve) => {
      if (window.SupportHubText) { resolve(); return; }
      const s = document.createElement('script');
      s.src = TEXT_URL;
      s.async = true;
      s.onload = s.onerror = () => resolve();
      setTimeout(resolve, TEXT_WAIT_MS);
      (document.head || document.documentElement).appendChild(s);
    });
    return state.textLoading;
  }

  // ---- read receipts -----------------------------------------------------------------------------

  // The operator's mark moved: every own message up to it is read; the latest of them says so.
  function renderReceipts() {
    if (!ui.list) return;
    ui.list.querySelectorAll('.sh-receipt').forEach((r) => r.remove());
    let latest = null;
    ui.list.querySelectorAll('.sh-msg-user[data-seq]').forEach((m) => {
      const read = Number(m.getAttribute('data-seq')) <= state.readByOperator;
      m.setAttribute('data-read', read ? 'true' : 'false');
      if (read) latest = m;
    });
    if (latest) {
      latest.appendChild(h('span', { class: 'sh-receipt', 'aria-label': t('readReceiptLabel'), text: t('readReceipt') }));
    }
  }

  function onRead(f) {
    const seq = Number(f.seq);
    if (!Number.isInteger(seq) || seq <= 0) return;
    if (f.by === 'operator' && seq > state.readByOperator) {
      state.readByOperator = seq;
      renderReceipts();
    } else if (f.by === 'administrator' && seq > state.readSent) {
      state.readSent = seq; // read in another tab: nothing to send for it here
    }
  }

  // The administrator sees the conversation (panel open, page visible): tell the hub how far, soon.
  function scheduleRead() {
    if (state.readTimer || !state.open || !state.authed || document.visibilityState !== 'visible') return;
    if (state.lastSeq <= state.readSent) return;
    state.readTimer = setTimeout(() => {
      state.readTimer = 0;
      if (!state.open || !state.authed || document.visibilityState !== 'visible' || state.lastSeq <= state.readSent) return;
      state.readSent = state.lastSeq;
      rawSend(JSON.stringify({ type: 'read', seq: state.lastSeq }));
    }, READ_SEND_MS);
  }

  // Keeps stored messages in seq order even if a live push overtakes the history replay;
  // messages still waiting for their ack stay below all stored ones.
  function place(el, seq) {
    let before = null;
    for (const c of ui.list.children) {
      if (c === el) continue;
      const s = c.getAttribute('data-seq');
      if (s ? Number(s) > seq : c.classList.contains('sh-pending')) { before = c; break; }
    }
    const stick = nearBottom();
    ui.list.insertBefore(el, before);
    if (stick) scrollToBottom();
  }

  // ---- protocol: incoming ------------------------------------------------------------------------

  function noteSeq(seq) {
    if (seq > state.lastSeq) state.lastSeq = seq;
  }

  function onFrame(data) {
    state.lastFrameAt = Date.now();
    let f;
    try { f = JSON.parse(data); } catch (e) { return; }
    if (!f || typeof f !== 'object') return;
    switch (f.type) {
      case 'welcome': onWelcome(f); break;
      case 'message': onMessage(f); break;
      case 'ack': onAck(f); break;
      case 'state': setBotState(f.botState, false); break;
      case 'session': onSession(f); break;
      case 'typing': onTyping(f); break;
      case 'locale': onLocale(f); break;
      case 'read': onRead(f); break;
      case 'error': onError(f); break;
      default: break; // pong, and types from a newer hub: nothing to do
    }
  }

  function onWelcome(f) {
    state.authed = true;
    state.attempt = 0;
    // Another conversation (another user's token): its session, if any, follows the replay.
    if (typeof f.conversationId === 'string' && state.conversationId && f.conversationId !== state.conversationId) {
      state.session = null;
      state.votePending = false;
      state.endConfirming = false;
      state.endPending = null;
      state.readByOperator = 0;
      state.readSent = 0;
      hideTyping();
      renderSession();
    }
    if (typeof f.conversationId === 'string') state.conversationId = f.conversationId;
    state.email = f.user && typeof f.user.email === 'string' ? f.user.email : null;
    if (!state.localeExplicit && (f.locale === 'pl' || f.locale === 'en')) state.locale = f.locale;
    // The page chose a language the hub does not have yet (chosen before the socket was open): send it
    // before anything else, so the bot's next words follow it.
    if (state.localeChoice && f.locale !== state.localeChoice) sendLocale();
    ui.error.hidden = true;
    setStatus('connected');
    applyLocale();
    setBotState(f.botState, true);
    emit('connected', { conversationId: f.conversationId, user: f.user, locale: f.locale, botState: f.botState });
    scheduleRead();
    // Resend everything still unacknowledged, in order; the hub dedupes by clientMsgId.
    state.outbox.forEach((entry) => rawSend(entry.frame));
    startPing();
  }

  // The conversation's language, as the user chose it (here, or in another tab): the labels follow it.
  function onLocale(f) {
    const l = normLocale(f.locale);
    if (!l) return;
    // A later choice from another tab replaces this page's own, so a reconnect does not undo it.
    if (state.localeChoice) state.localeChoice = l;
    state.locale = l;
    applyLocale();
  }

  function setBotState(s, onlyIfChanged) {
    if (typeof s !== 'string' || (onlyIfChanged && s === state.botState)) return;
    state.botState = s;
    ui.panel.setAttribute('data-bot-state', s);
    emit('state', { botState: s });
  }

  function onMessage(m) {
    const seq = Number(m.seq);
    if (!Number.isInteger(seq) || seq <= 0) return;
    noteSeq(seq);
    if (state.bySeq.has(seq)) return; // seen already (history and live push may overlap)
    const cid = typeof m.clientMsgId === 'string' ? m.clientMsgId : null;
    if (cid && state.outbox.has(cid)) {
      confirm(cid, seq); // our own pending message came back before its ack
    } else {
      const author = m.author || {};
      const kind = KINDS.indexOf(author.kind) >= 0 ? author.kind : 'system';
      const el = buildMessage(kind, m.text, m.at, author.name);
      el.setAttribute('data-seq', String(seq));
      if (cid) el.setAttribute('data-client-msg-id', cid);
      if (Array.isArray(m.actions) && m.actions.length) {
        const box = h('div', { class: 'sh-actions', role: 'group' });
        m.actions.forEach((a) => {
          if (!a || typeof a.name !== 'string') return;
          const label = a.label || a.name;
          box.appendChild(h('button', { type: 'button', class: 'sh-action', 'data-action': a.name, 'aria-label': label, text: label }));
        });
        el.appendChild(box);
      }
      attachmentsOf(el, m);
      state.bySeq.set(seq, el);
      place(el, seq);
      if (!state.open && kind !== 'user') setUnread(true);
      if (kind === 'staff') hideTyping(); // the reply the operator was typing has arrived
      if (kind === 'user' && seq <= state.readByOperator) renderReceipts();
    }
    scheduleRead();
    emit('message', m);
  }

  function onAck(f) {
    const seq = Number(f.seq);
    if (typeof f.clientMsgId !== 'string' || !Number.isInteger(seq) || seq <= 0) return;
    noteSeq(seq);
    confirm(f.clientMsgId, seq);
  }

  // Turns a pending local message into the stored one with the given seq.
  function confirm(cid, seq) {
    const entry = state.outbox.get(cid);
    if (!entry) return; // already confirmed (ack after the pushed copy, or a duplicate ack)
    state.outbox.delete(cid);
    const el = entry.el;
    if (state.bySeq.has(seq)) { el.remove(); return; } // shown already through another path
    el.classList.remove('sh-pending');
    el.classList.add('sh-acked');
    el.setAttribute('data-seq', String(seq));
    state.bySeq.set(seq, el);
    place(el, seq);
    if (seq <= state.readByOperator) renderReceipts();
  }

  function onError(f) {
    const code = String(f.code || 'ERROR');
    if (VOTE_ERRORS[code]) {
      state.votePending = false;
      renderVote();
      showError(t(VOTE_ERRORS[code]));
      return;
    }
    showError(t('error', { code }));
    const entry = typeof f.clientMsgId === 'string' && state.outbox.get(f.clientMsgId);
    if (entry && PERMANENT_ERRORS.indexOf(code) >= 0) {
      // Resending would fail again after every reconnect, so give up on this one visibly.
      state.outbox.delete(f.clientMsgId);
      entry.el.classList.remove('sh-pending');
      entry.el.classList.add('sh-failed');
      entry.el.appendChild(h('span', { class: 'sh-note', text: t('notSent') }));
    }
  }

  // ---- support sessions (protocol section 8) ----------------------------------------------------

  function onSession(f) {
    if (typeof f.sessionId !== 'string' || SESSION_STATES.indexOf(f.state) < 0) return;
    const prev = state.session;
    const qp = Number(f.queuePosition);
    const vote = f.vote && typeof f.vote === 'object' ? f.vote : {};
    state.session = {
      sessionId: f.sessionId,
      state: f.state,
      queuePosition: Number.isInteger(qp) && qp > 0 ? qp : null,
      operatorName: f.operator && typeof f.operator.name === 'string' && f.operator.name ? f.operator.name : null,
      outOfHours: f.outOfHours === true,
      held: f.held === true,
      leftForLater: f.leftForLater === true,
      voteOpen: vote.open === true,
      voteValue: vote.value === 'like' || vote.value === 'dislike' ? vote.value : null,
    };
    if (!prev || prev.sessionId !== f.sessionId) {
      // A new session: the previous one's unsent comment and rating state do not carry over.
      state.votePending = false;
      ui.voteComment.value = '';
      state.endConfirming = false;
    }
    if (f.state === 'CLOSED') state.endConfirming = false;
    if (state.endPending !== f.sessionId || f.state === 'CLOSED') state.endPending = null;
    if (state.session.voteValue || !state.session.voteOpen) state.votePending = false;
    if (f.state === 'CLOSED') hideTyping();
    renderSession();
    emit('session', f);
  }

  function renderSession() {
    if (!ui.session) return;
    const s = state.session;
    renderEnd();
    if (!s) {
      ui.session.hidden = true;
      ui.session.setAttribute('data-state', '');
      ui.session.setAttribute('data-queue-position', '');
      ui.session.textContent = '';
      renderVote();
      return;
    }
    ui.session.setAttribute('data-state', s.state);
    ui.session.setAttribute('data-queue-position', s.queuePosition == null ? '' : String(s.queuePosition));
    ui.session.setAttribute('data-session-id', s.sessionId);
    const lines = [];
    ui.session.setAttribute('data-held', s.held ? 'true' : 'false');
    ui.session.setAttribute('data-left-for-later', s.leftForLater ? 'true' : 'false');
    if (s.held) {
      lines.push(t('heldForYou'));
    } else if (s.leftForLater && (s.state === 'WAITING' || s.state === 'OFFERED')) {
      lines.push(t('leftForLater'));
      if (s.outOfHours) lines.push(t('outOfHours'));
    } else if (s.state === 'WAITING' || s.state === 'OFFERED') {
      lines.push(s.queuePosition != null ? t('queuePosition', { n: s.queuePosition }) : t('waitingOperator'));
      if (s.outOfHours) lines.push(t('outOfHours'));
    } else if (s.state === 'CLOSED') {
      lines.push(t('sessionClosed'));
    } else {
      lines.push(t('talkingTo', { name: s.operatorName || t('anOperator') }));
    }
    ui.session.textContent = '';
    ui.session.appendChild(h('div', { class: 'sh-session-text', text: lines[0] }));
    if (lines[1]) ui.session.appendChild(h('div', { class: 'sh-session-hours', text: lines[1] }));
    if (s.state === 'CLOSED') {
      // The transcript by e-mail, on request (command email-transcript; the bot says where it goes).
      const mail = h('button', { type: 'button', class: 'sh-action', id: 'sh-email-transcript', text: t('emailTranscript') });
      mail.addEventListener('click', () => sendCommand('email-transcript'));
      ui.session.appendChild(mail);
    }
    ui.session.hidden = false;
    renderVote();
  }

  // "End session": shown while the session is open (waiting, held, offered or with an operator), never
  // after it closed; the second step asks to confirm. Buttons wait while the command is on its way.
  function renderEnd() {
    if (!ui.end) return;
    const s = state.session;
    const open = !!s && s.state !== 'CLOSED';
    if (!open) state.endConfirming = false;
    ui.end.hidden = !open;
    ui.end.setAttribute('data-confirming', state.endConfirming ? 'true' : 'false');
    ui.endButton.hidden = state.endConfirming;
    ui.endQuestion.hidden = ui.endYes.hidden = ui.endNo.hidden = !state.endConfirming;
    ui.endButton.disabled = ui.endYes.disabled = !!(s && state.endPending === s.sessionId);
  }

  function endSession() {
    const s = state.session;
    if (!s || s.state === 'CLOSED') return;
    if (!state.authed || !rawSend(JSON.stringify({ type: 'command', name: 'end-session' }))) { showError(t('notConnected')); return; }
    // The `session` frame that closes it (or a reconnect) ends the wait.
    state.endPending = s.sessionId;
    state.endConfirming = false;
    renderEnd();
    ui.input.focus();
  }

  // The vote box: the question while a vote is open, a thank-you once it was given; kept in the DOM
  // (with data-voted) for as long as the session it belongs to is the latest.
  function renderVote() {
    if (!ui.vote) return;
    const s = state.session;
    if (!s || (!s.voteOpen && !s.voteValue)) {
      ui.vote.hidden = true;
      ui.vote.removeAttribute('data-voted');
      ui.vote.removeAttribute('data-session-id');
      return;
    }
    ui.vote.setAttribute('data-session-id', s.sessionId);
    if (s.voteValue) {
      ui.vote.setAttribute('data-voted', s.voteValue);
      ui.voteForm.hidden = true;
      ui.voteThanks.hidden = false;
    } else {
      ui.vote.removeAttribute('data-voted');
      ui.voteForm.hidden = false;
      ui.voteThanks.hidden = true;
      ui.voteLike.disabled = ui.voteDislike.disabled = state.votePending;
    }
    ui.vote.hidden = false;
  }

  function onTyping(f) {
    if (state.session && state.session.state === 'CLOSED') return;
    state.typingName = typeof f.name === 'string' && f.name ? f.name : t('anOperator');
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideTyping, TYPING_SHOW_MS);
    renderTyping();
  }

  function hideTyping() {
    clearTimeout(state.typingTimer);
    state.typingTimer = 0;
    state.typingName = null;
    renderTyping();
  }

  function renderTyping() {
    if (!ui.typing) return;
    ui.typing.textContent = state.typingName ? t('typing', { name: state.typingName }) : '';
    ui.typing.hidden = !state.typingName;
  }

  // The administrator is typing: tell the operator, at most once every few seconds.
  function sendTyping() {
    const s = state.session;
    if (!state.authed || !s || s.state === 'CLOSED') return;
    const now = Date.now();
    if (now - state.lastTypingSentAt < TYPING_SEND_MS) return;
    if (rawSend('{"type":"typing"}')) state.lastTypingSentAt = now;
  }

  function sendVote(value) {
    const s = state.session;
    if (!s || !s.voteOpen || s.voteValue || state.votePending) return;
    const frame = { type: 'vote', sessionId: s.sessionId, value };
    const comment = ui.voteComment.value.trim();
    if (comment) frame.comment = comment.slice(0, MAX_VOTE_COMMENT);
    if (!state.authed || !rawSend(JSON.stringify(frame))) { showError(t('notConnected')); return; }
    // Buttons stay disabled until the `session` answer (or a vote error) arrives.
    state.votePending = true;
    renderVote();
  }

  // ---- protocol: outgoing ------------------------------------------------------------------------

  function rawSend(frame) {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) return false;
    state.ws.send(frame);
    return true;
  }

  function submitInput() {
    if (state.stopped) return;
    if (sendText(ui.input.value)) {
      ui.input.value = '';
      autoGrow();
    }
    ui.input.focus();
  }

  function sendText(raw) {
    const text = String(raw || '').trim();
    if (!text) return false;
    if (text.length > MAX_TEXT) { showError(t('tooLong')); return false; }
    const id = uuid();
    const frame = JSON.stringify({ type: 'message', clientMsgId: id, text });
    // Checked here because an oversized frame would be resent after every 1009 reconnect, forever.
    if (new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) { showError(t('tooLarge')); return false; }
    const el = buildMessage('user', text, new Date().toISOString());
    el.classList.add('sh-pending');
    el.setAttribute('data-client-msg-id', id);
    ui.list.appendChild(el);
    scrollToBottom();
    // Kept until acked; sent now if authenticated, otherwise right after the next welcome.
    state.outbox.set(id, { frame, el });
    if (state.authed) rawSend(frame);
    return true;
  }

  function sendLocale() {
    if (state.authed && state.localeChoice) rawSend(JSON.stringify({ type: 'locale', locale: state.localeChoice }));
  }

  // The address form of "leave for later", pre-filled from the token's email claim (welcome.user.email).
  function showLeaveForm(box) {
    if (!box || box.querySelector('.sh-leave')) return;
    const input = h('input', { type: 'email', class: 'sh-leave-email', 'aria-label': t('leaveEmail'),
      placeholder: t('leaveEmail'), maxlength: '254' });
    input.value = state.email || '';
    const send = h('button', { type: 'submit', class: 'sh-action sh-leave-send', text: t('leaveSend') });
    // The widget checks the address itself and says what is wrong in the conversation's language; the
    // browser's own check would block the submit with a tooltip in the browser's language instead.
    const form = h('form', { class: 'sh-leave', novalidate: true });
    form.appendChild(input);
    form.appendChild(send);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const email = input.value.trim();
      if (!email || !input.checkValidity()) { showError(t('leaveInvalid')); return; }
      if (!state.authed || !rawSend(JSON.stringify({ type: 'leave', email }))) { showError(t('notConnected')); return; }
      form.remove();
    });
    box.appendChild(form);
    input.focus();
  }

  function sendCommand(name) {
    if (!name) return;
    if (!state.authed || !rawSend(JSON.stringify({ type: 'command', name }))) showError(t('notConnected'));
  }

  // ---- connection --------------------------------------------------------------------------------

  async function connect() {
    if (state.stopped || state.ws || state.connecting) return;
    state.connecting = true;
    setStatus('connecting');
    // The renderer first, so that no message is drawn before it could be drawn properly.
    await loadText();
    let token;
    try {
      // A fresh token for every attempt: portal tokens are short-lived.
      token = await state.options.tokenProvider();
      if (typeof token !== 'string' || !token) throw new Error('tokenProvider must resolve to a non-empty string');
    } catch (e) {
      state.connecting = false;
      console.warn('[SupportHub] could not get a token', e);
      scheduleReconnect('tokenFailed');
      return;
    }
    state.connecting = false;
    if (state.stopped) return;
    let ws;
    try { ws = new WebSocket(WS_URL); } catch (e) { scheduleReconnect(); return; }
    state.ws = ws;
    // Handlers check `state.ws === ws` so a replaced socket's late events change nothing.
    ws.onopen = () => {
      if (state.ws !== ws) return;
      state.lastFrameAt = Date.now();
      ws.send(JSON.stringify({ type: 'hello', token, lastSeq: state.lastSeq }));
    };
    ws.onmessage = (ev) => { if (state.ws === ws) onFrame(ev.data); };
    ws.onclose = (ev) => { if (state.ws === ws) onClose(ev.code, ev.reason); };
    ws.onerror = () => {}; // always followed by close, handled there
  }

  function onClose(code, reason) {
    state.ws = null;
    state.authed = false;
    stopPing();
    // A vote sent on this socket may never be answered: let the administrator try again.
    if (state.votePending) { state.votePending = false; renderVote(); }
    if (state.endPending) { state.endPending = null; renderEnd(); }
    hideTyping();
    const suffix = reason ? ': ' + reason : '';
    if (code === 1008) {
      // Policy: bad token, foreign origin, support disabled... retrying would be refused again.
      state.stopped = true;
      setStatus('refused', { reason: suffix });
      showError(t('refused', { reason: suffix }), true);
    } else if (code === 1000) {
      state.stopped = true;
      setStatus('chatClosed', { reason: suffix });
    } else {
      if (code === 1009) showError(t('tooLarge'));
      scheduleReconnect();
    }
    emit('disconnected', { code, reason: reason || '', reconnecting: !state.stopped });
  }

  function scheduleReconnect(statusKey) {
    if (state.stopped || state.reconnectTimer) return;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * Math.pow(2, state.attempt));
    // +/-20 % jitter so widgets dropped together by a hub restart do not all return at the same instant.
    const delay = Math.min(BACKOFF_MAX_MS, Math.round(base * (0.8 + Math.random() * 0.4)));
    state.attempt = Math.min(state.attempt + 1, 10);
    setStatus(statusKey || 'reconnecting', { s: Math.ceil(delay / 1000) });
    state.reconnectTimer = setTimeout(() => { state.reconnectTimer = 0; connect(); }, delay);
  }

  function startPing() {
    stopPing();
    state.pingTimer = setInterval(() => {
      // Nothing heard (not even a pong) for two intervals: the socket died silently (sleep, NAT
      // timeout). Drop it without waiting for a close handshake that may never come.
      if (Date.now() - state.lastFrameAt > 2 * PING_MS + 5000 && state.ws) {
        const ws = state.ws;
        ws.onclose = ws.onmessage = null;
        try { ws.close(); } catch (e) { /* already closing */ }
        onClose(1006, '');
        return;
      }
      rawSend('{"type":"ping"}');
    }, PING_MS);
  }

  function stopPing() {
    clearInterval(state.pingTimer);
    state.pingTimer = 0;
  }

  // Back to the page: what arrived meanwhile has now been seen.
  document.addEventListener('visibilitychange', scheduleRead);

  // Back online: no point in waiting out the remaining backoff.
  window.addEventListener('online', () => {
    if (!state.reconnectTimer) return;
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = 0;
    connect();
  });

  // Leaving the page, or the browser keeping it in its back/forward cache: the socket closes now, so the
  // hub knows at once that the administrator went away (an answer then reaches them by e-mail, and their
  // return is announced to the operator). Shown again from that cache, the widget reconnects.
  window.addEventListener('pagehide', () => {
    const ws = state.ws;
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = 0;
    if (!ws) return;
    state.ws = null;
    state.authed = false;
    stopPing();
    ws.onclose = ws.onmessage = null;
    try { ws.close(); } catch (e) { /* already closing */ }
  });
  window.addEventListener('pageshow', (ev) => {
    if (ev.persisted && state.started && !state.ws && !state.stopped && !state.connecting) connect();
  });

  // ---- public API --------------------------------------------------------------------------------

  const api = {
    __supportHub: true,

    init(options) {
      if (state.options) { console.warn('[SupportHub] init() was already called; ignored'); return api; }
      if (!options || typeof options.tokenProvider !== 'function') {
        throw new TypeError('SupportHub.init: options.tokenProvider must be a function returning Promise<string>');
      }
      state.options = options;
      loadText();
      if (!state.localeExplicit) {
        state.locale = normLocale(options.locale) || (normLocale(navigator.language) === 'pl' ? 'pl' : 'en');
      }
      if (document.body) mount();
      else document.addEventListener('DOMContentLoaded', mount, { once: true });
      return api;
    },

    open() {
      if (!state.options) { console.warn('[SupportHub] call init() before open()'); return; }
      if (!ui.host) { state.openWhenMounted = true; return; }
      if (state.open) return;
      state.open = true;
      ui.panel.hidden = false;
      ui.launcher.setAttribute('aria-expanded', 'true');
      setUnread(false);
      scrollToBottom();
      ui.input.focus();
      scheduleRead();
      if (!state.started) { state.started = true; connect(); }
      emit('open');
    },

    close() {
      state.openWhenMounted = false;
      if (!state.open) return;
      const focusInside = ui.panel.contains(ui.shadow.activeElement);
      state.open = false;
      ui.panel.hidden = true;
      ui.launcher.setAttribute('aria-expanded', 'false');
      updateLauncherLabel();
      if (focusInside) ui.launcher.focus(); // keep keyboard users in place
      emit('close');
    },

    toggle() {
      if (state.open) api.close(); else api.open();
    },

    setLocale(locale) {
      const l = normLocale(locale);
      if (!l) { console.warn('[SupportHub] unsupported locale: ' + locale); return; }
      state.locale = l;
      state.localeExplicit = true;
      state.localeChoice = l;
      applyLocale();
      // Sent now when connected; otherwise right after the next welcome.
      sendLocale();
    },

    on(name, fn) {
      if (EVENTS.indexOf(name) < 0) throw new Error('SupportHub.on: unknown event "' + name + '"');
      if (typeof fn !== 'function') throw new TypeError('SupportHub.on: listener must be a function');
      (state.listeners[name] = state.listeners[name] || []).push(fn);
      return () => {
        const list = state.listeners[name];
        const i = list.indexOf(fn);
        if (i >= 0) list.splice(i, 1);
      };
    },
  };

  window.SupportHub = Object.freeze(api);
})();
