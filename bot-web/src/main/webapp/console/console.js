/*!
 * Support Hub agent console: the vendor's operators answer support sessions here.
 * One page (console/index.html), this script and console.css; no dependencies, no build step.
 *
 * Wire protocol: docs/protocol.md in the Support Hub project, sections 9-11 (login over REST, then the
 * /ws/console socket). Messages are drawn by ../chat-text.js (code, links; never HTML); news is told
 * through notify.js (desktop notification, sound, the title's count) as the operator chose. The console
 * follows every session the operator holds (an `open` each), says how far the operator read the one shown
 * (`read`), and shows how far the administrator read (`read`, `opened`). Every URL is resolved next to this script, so a hub deployed under a context path
 * works too: .../console/console.js talks to .../api/v1/console/ and .../ws/console.
 */
(function () {
  'use strict';

  const SCRIPT_SRC = (document.currentScript && document.currentScript.src) || location.href;
  const HUB_ROOT = new URL('../', SCRIPT_SRC);
  const API = new URL('api/v1/console/', HUB_ROOT).href;
  const WS_URL = (function () {
    const u = new URL('ws/console', HUB_ROOT);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.href;
  })();

  const STORAGE_AUTH = 'supportHub.console.auth';        // {token, operator, expiresAt}
  const STORAGE_OPEN = 'supportHub.console.openSession'; // the session shown before a reload
  const PING_MS = 10000;
  const SILENCE_MS = 3 * PING_MS;   // nothing heard (not even a pong) for this long: the socket is dead
  const BACKOFF_BASE_MS = 1000;
  const BACKOFF_MAX_MS = 15000;
  const TYPING_SEND_MS = 3000;
  const TYPING_SHOW_MS = 5000;
  const ERROR_SHOW_MS = 12000;
  const MAX_TEXT = 4000;
  const FIRST_MESSAGE_CHARS = 140;
  const KINDS = ['user', 'bot', 'staff', 'system'];
  const STATUSES = ['ONLINE', 'AWAY', 'OFFLINE'];
  // Reply errors that a resend cannot fix: the reply leaves the outbox and is shown as not sent.
  const PERMANENT_REPLY_ERRORS = ['INVALID_CLIENT_MSG_ID', 'TEXT_EMPTY', 'TEXT_TOO_LONG', 'NOT_YOURS', 'UNKNOWN_SESSION'];
  const ACCEPT_ERRORS = ['SESSION_TAKEN', 'NOT_OFFERED', 'AT_CAPACITY', 'UNKNOWN_SESSION'];
  const READ_SEND_MS = 700;         // our own `read` frames go out at most this often
  const NOTIFY_BODY_CHARS = 160;

  // Every text of the console in each of its languages, the static page's included (index.html names them
  // with data-t*). Both tables hold the same keys (a unit test of the project checks it).
  const LOCALES = ['pl', 'en'];
  const TEXTS = {
    en: {
      pageTitle: 'Agent console \u2013 Support Hub',
      brand: 'Support Hub',
      brandConsole: 'Support Hub \u00b7 Agent console',
      brandManage: 'Support Hub \u00b7 Management',
      loginTitle: 'Sign in to the agent console',
      username: 'User name',
      password: 'Password',
      signIn: 'Sign in',
      signingIn: 'Signing in\u2026',
      loginMissing: 'Enter your user name and password',
      loginWrong: 'Wrong user name or password',
      loginNotOperator: 'This account is not an operator',
      loginFailed: 'Sign-in failed ({status})',
      loginUnreachable: 'The hub cannot be reached. Check your connection and try again.',
      loginExpired: 'Your sign-in has expired or is no longer valid. Please sign in again.',
      signedInAs: 'Signed in as',
      statusLabel: 'Your status',
      ONLINE: 'Online',
      AWAY: 'Away',
      OFFLINE: 'Offline',
      statusPending: 'Pending \u2013 set once connected',
      languageLabel: 'Language',
      languageSaveFailed: 'Your choice of language could not be saved: {reason}',
      logout: 'Log out',
      connOnline: 'Connected',
      connConnecting: 'Connecting\u2026',
      connOffline: 'Not connected',
      connRetry: 'Disconnected \u2013 retrying in {s} s',
      sessionsTitle: 'Sessions',
      groupOffered: 'Offered to you',
      groupMine: 'Your sessions',
      groupQueue: 'Waiting in queue',
      groupEmpty: 'None',
      accept: 'Accept',
      skip: 'Skip',
      acceptLabel: 'Accept the session from {name}',
      skipLabel: 'Skip the session from {name}',
      openLabel: 'Open the session from {name}',
      waitingLabel: 'Waiting time',
      queuePosition: '#{n} in queue',
      leftForLater: 'Left for later: the answer is e-mailed if the administrator is away',
      notePrefix: 'Note: ',
      triageLabel: 'Triage:',
      labelArea: 'Policy area',
      labelCoverage: 'Coverage',
      labelSave: 'Correct label',
      labelChoose: '\u2014 unclear \u2014',
      areaINSTALLATION: 'Installation', areaPERFORMANCE: 'Performance', areaUPDATES: 'Updates',
      areaERRORS: 'Errors and failures', areaINTEGRATION: 'Integration and API', areaOTHER: 'Other',
      areaUNCLEAR: 'Unclear',
      coverageCOVERED: 'covered', coverageLIMITED: 'general advice only', coverageNOT_COVERED: 'not covered',
      coverageUNCLEAR: 'unclear',
      stateWAITING: 'Waiting',
      stateOFFERED: 'Offered',
      stateASSIGNED: 'Assigned',
      stateANSWERED: 'Answered',
      stateCLOSED: 'Closed',
      noConversation: 'No session open',
      noConversationHint: 'Accept an offered session or pick one of your sessions on the left.',
      conversationLabel: 'Conversation',
      readOnly: 'This session is not yours any more; the conversation is read-only.',
      closedNote: 'This session is closed.',
      messagesLabel: 'Messages',
      typing: '{name} is typing\u2026',
      theAdministrator: 'The administrator',
      replyLabel: 'Your reply',
      replyPlaceholder: 'Write a reply\u2026 (Enter sends, Shift+Enter adds a line)',
      send: 'Send',
      notSent: 'Not sent',
      replyTooLong: 'The reply is too long (at most 4000 characters).',
      cannedLabel: 'Canned responses',
      cannedChoose: 'Insert a canned response\u2026',
      cannedNone: 'No canned responses',
      transferTitle: 'Transfer',
      transferOperator: 'Transfer to operator',
      transferChannel: 'Or to channel',
      transferNote: 'Note for staff',
      transferNotePlaceholder: 'Optional note for the next operator',
      transferSend: 'Transfer',
      transferPick: '\u2014 choose \u2014',
      transferChooseOne: 'Choose an operator or a channel to transfer to.',
      closeSession: 'Close session',
      transcript: 'Download transcript',
      portalHistory: 'Portal history',
      historyTitle: 'Portal history',
      historyTitleOf: 'History of {portal}',
      historyClose: 'Close the history',
      historyLoading: 'Loading\u2026',
      historyEmpty: 'This portal has no conversations yet.',
      historyConversation: 'Conversation with {user}',
      unknownUser: 'unknown user',
      notConnected: 'Not connected to the hub. Please wait for the connection to return.',
      requestFailed: 'The request failed ({status}).',
      unreachable: 'The hub cannot be reached.',
      dismiss: 'Dismiss',
      errorGeneric: 'Something went wrong ({code}).',
      // Used when an error frame has no message of its own.
      err_SESSION_TAKEN: 'Another operator already took this session',
      err_NOT_OFFERED: 'This session is no longer offered to you',
      err_AT_CAPACITY: 'You already have as many sessions as you may take',
      err_UNKNOWN_SESSION: 'This session does not exist any more',
      err_NOT_YOURS: 'This session is not yours',
      err_TEXT_EMPTY: 'The reply is empty',
      err_TEXT_TOO_LONG: 'The reply is too long',
      err_NOT_A_MEMBER: 'You do not serve this session\u2019s channel',
      err_UNKNOWN_OPERATOR: 'There is no such operator',
      err_UNKNOWN_CHANNEL: 'There is no such channel',
      err_TARGET_UNAVAILABLE: 'The chosen operator or channel cannot take the session now',
      err_INVALID_TRANSFER: 'This transfer is not possible',
      err_SESSION_CLOSED: 'This session is already closed',
      err_INVALID_LABEL: 'Choose a policy area and a coverage',
      err_INVALID_STATUS: 'Unknown status',
      err_RATE_LIMITED: 'Too many actions at once; try again in a moment',
      err_INTERNAL_ERROR: 'The hub could not handle this; try again',
      err_INVALID_SEQ: 'The hub could not record what you read',
      notifySettings: 'Notifications',
      notifyTitle: 'Tell me about',
      notifyOffers: 'New offered sessions',
      notifyMessages: 'New messages while this tab is hidden',
      notifyReturns: 'Administrators who come back',
      notifySound: 'Play a sound',
      notifyAllow: 'Allow desktop notifications',
      notifyGranted: 'Desktop notifications are allowed',
      notifyDenied: 'Desktop notifications are blocked in this browser',
      notifyUnsupported: 'This browser has no desktop notifications',
      notifySaveFailed: 'Your notification settings could not be saved: {reason}',
      notifyOfferTitle: 'New support session for you',
      notifyMessageTitle: 'New message from {name}',
      notifyReturnTitle: '{name} is back in the chat',
      readReceipt: 'Read',
      readReceiptLabel: 'Read by the administrator',
    },
    pl: {
      pageTitle: 'Konsola agenta \u2013 Support Hub',
      brand: 'Support Hub',
      brandConsole: 'Support Hub \u00b7 Konsola agenta',
      brandManage: 'Support Hub \u00b7 Zarządzanie',
      loginTitle: 'Zaloguj się do konsoli agenta',
      username: 'Nazwa użytkownika',
      password: 'Hasło',
      signIn: 'Zaloguj się',
      signingIn: 'Logowanie\u2026',
      loginMissing: 'Podaj nazwę użytkownika i hasło',
      loginWrong: 'Nieprawidłowa nazwa użytkownika lub hasło',
      loginNotOperator: 'To konto nie jest kontem operatora',
      loginFailed: 'Logowanie nie powiodło się ({status})',
      loginUnreachable: 'Nie można połączyć się z hubem. Sprawdź połączenie i spróbuj ponownie.',
      loginExpired: 'Twoje logowanie wygasło lub jest już nieważne. Zaloguj się ponownie.',
      signedInAs: 'Zalogowano jako',
      statusLabel: 'Twój status',
      ONLINE: 'Dostępny',
      AWAY: 'Zaraz wracam',
      OFFLINE: 'Niedostępny',
      statusPending: 'Oczekuje \u2013 zostanie ustawiony po połączeniu',
      languageLabel: 'Język',
      languageSaveFailed: 'Nie udało się zapisać wybranego języka: {reason}',
      logout: 'Wyloguj się',
      connOnline: 'Połączono',
      connConnecting: 'Łączenie\u2026',
      connOffline: 'Brak połączenia',
      connRetry: 'Rozłączono \u2013 ponowna próba za {s} s',
      sessionsTitle: 'Sesje',
      groupOffered: 'Proponowane Tobie',
      groupMine: 'Twoje sesje',
      groupQueue: 'Oczekujące w kolejce',
      groupEmpty: 'Brak',
      accept: 'Przyjmij',
      skip: 'Pomiń',
      acceptLabel: 'Przyjmij sesję od: {name}',
      skipLabel: 'Pomiń sesję od: {name}',
      openLabel: 'Otwórz sesję od: {name}',
      waitingLabel: 'Czas oczekiwania',
      queuePosition: 'Nr {n} w kolejce',
      leftForLater: 'Zostawione na później: odpowiedź trafi e-mailem, jeśli administratora nie ma',
      notePrefix: 'Notatka: ',
      triageLabel: 'Klasyfikacja:',
      labelArea: 'Obszar zasad wsparcia',
      labelCoverage: 'Zakres wsparcia',
      labelSave: 'Popraw etykietę',
      labelChoose: '\u2014 niejasne \u2014',
      areaINSTALLATION: 'Instalacja', areaPERFORMANCE: 'Wydajność', areaUPDATES: 'Aktualizacje',
      areaERRORS: 'Błędy i awarie', areaINTEGRATION: 'Integracja i API', areaOTHER: 'Inne',
      areaUNCLEAR: 'Niejasne',
      coverageCOVERED: 'objęte wsparciem', coverageLIMITED: 'tylko ogólna porada', coverageNOT_COVERED: 'nieobjęte wsparciem',
      coverageUNCLEAR: 'niejasne',
      stateWAITING: 'Oczekuje',
      stateOFFERED: 'Zaproponowana',
      stateASSIGNED: 'Przydzielona',
      stateANSWERED: 'Z odpowiedzią',
      stateCLOSED: 'Zamknięta',
      noConversation: 'Żadna sesja nie jest otwarta',
      noConversationHint: 'Przyjmij zaproponowaną sesję albo wybierz jedną ze swoich sesji po lewej.',
      conversationLabel: 'Rozmowa',
      readOnly: 'Ta sesja nie jest już Twoja; rozmowę można tylko czytać.',
      closedNote: 'Ta sesja jest zamknięta.',
      messagesLabel: 'Wiadomości',
      typing: '{name} pisze\u2026',
      theAdministrator: 'Administrator',
      replyLabel: 'Twoja odpowiedź',
      replyPlaceholder: 'Napisz odpowiedź\u2026 (Enter wysyła, Shift+Enter dodaje wiersz)',
      send: 'Wyślij',
      notSent: 'Nie wysłano',
      replyTooLong: 'Odpowiedź jest za długa (najwyżej 4000 znaków).',
      cannedLabel: 'Gotowe odpowiedzi',
      cannedChoose: 'Wstaw gotową odpowiedź\u2026',
      cannedNone: 'Brak gotowych odpowiedzi',
      transferTitle: 'Przekazanie',
      transferOperator: 'Przekaż operatorowi',
      transferChannel: 'Albo do kanału',
      transferNote: 'Notatka dla zespołu',
      transferNotePlaceholder: 'Opcjonalna notatka dla następnego operatora',
      transferSend: 'Przekaż',
      transferPick: '\u2014 wybierz \u2014',
      transferChooseOne: 'Wybierz operatora albo kanał, do którego chcesz przekazać sesję.',
      closeSession: 'Zamknij sesję',
      transcript: 'Pobierz zapis rozmowy',
      portalHistory: 'Historia portalu',
      historyTitle: 'Historia portalu',
      historyTitleOf: 'Historia portalu {portal}',
      historyClose: 'Zamknij historię',
      historyLoading: 'Wczytywanie\u2026',
      historyEmpty: 'Ten portal nie ma jeszcze żadnych rozmów.',
      historyConversation: 'Rozmowa z: {user}',
      unknownUser: 'nieznany użytkownik',
      notConnected: 'Brak połączenia z hubem. Poczekaj, aż połączenie wróci.',
      requestFailed: 'Żądanie nie powiodło się ({status}).',
      unreachable: 'Nie można połączyć się z hubem.',
      dismiss: 'Zamknij',
      errorGeneric: 'Coś poszło nie tak ({code}).',
      err_SESSION_TAKEN: 'Inny operator już przyjął tę sesję',
      err_NOT_OFFERED: 'Ta sesja nie jest Ci już proponowana',
      err_AT_CAPACITY: 'Prowadzisz już tyle sesji, ile możesz przyjąć',
      err_UNKNOWN_SESSION: 'Ta sesja już nie istnieje',
      err_NOT_YOURS: 'To nie jest Twoja sesja',
      err_TEXT_EMPTY: 'Odpowiedź jest pusta',
      err_TEXT_TOO_LONG: 'Odpowiedź jest za długa',
      err_NOT_A_MEMBER: 'Nie obsługujesz kanału tej sesji',
      err_UNKNOWN_OPERATOR: 'Nie ma takiego operatora',
      err_UNKNOWN_CHANNEL: 'Nie ma takiego kanału',
      err_TARGET_UNAVAILABLE: 'Wybrany operator lub kanał nie może teraz przyjąć sesji',
      err_INVALID_TRANSFER: 'Takie przekazanie nie jest możliwe',
      err_SESSION_CLOSED: 'Ta sesja jest już zamknięta',
      err_INVALID_LABEL: 'Wybierz obszar zasad i zakres wsparcia',
      err_INVALID_STATUS: 'Nieznany status',
      err_RATE_LIMITED: 'Zbyt wiele działań naraz; spróbuj ponownie za chwilę',
      err_INTERNAL_ERROR: 'Hub nie mógł tego obsłużyć; spróbuj ponownie',
      err_INVALID_SEQ: 'Hub nie mógł zapisać, co przeczytałeś',
      notifySettings: 'Powiadomienia',
      notifyTitle: 'Powiadamiaj mnie o',
      notifyOffers: 'Nowych sesjach do przyjęcia',
      notifyMessages: 'Nowych wiadomościach, gdy karta jest ukryta',
      notifyReturns: 'Powrocie administratora do rozmowy',
      notifySound: 'Odtwarzaj dźwięk',
      notifyAllow: 'Zezwól na powiadomienia na pulpicie',
      notifyGranted: 'Powiadomienia na pulpicie są włączone',
      notifyDenied: 'Powiadomienia na pulpicie są zablokowane w tej przeglądarce',
      notifyUnsupported: 'Ta przeglądarka nie obsługuje powiadomień na pulpicie',
      notifySaveFailed: 'Nie udało się zapisać ustawień powiadomień: {reason}',
      notifyOfferTitle: 'Nowa sesja wsparcia dla Ciebie',
      notifyMessageTitle: 'Nowa wiadomość od: {name}',
      notifyReturnTitle: '{name} wraca do rozmowy',
      readReceipt: 'Przeczytano',
      readReceiptLabel: 'Przeczytane przez administratora',
    },
  };

  function normLocale(v) {
    const base = String(v || '').toLowerCase().split(/[-_]/)[0];
    return LOCALES.indexOf(base) >= 0 ? base : null;
  }

  // The first of the browser's languages the console speaks (navigator.languages, in the user's order).
  function browserLocale() {
    const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (let i = 0; i < langs.length; i++) {
      const l = normLocale(langs[i]);
      if (l) return l;
    }
    return 'en';
  }

  // Before any frame: the language of the account logged in on this tab, else the browser's.
  let locale = (function () {
    try {
      const a = JSON.parse(sessionStorage.getItem(STORAGE_AUTH) || 'null');
      const l = a && a.operator && normLocale(a.operator.locale);
      if (l) return l;
    } catch (e) { /* storage disabled */ }
    return browserLocale();
  })();
  const localeListeners = [];
  document.documentElement.lang = locale;

  function has(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key);
  }

  function tx(key, params) {
    const s = has(TEXTS[locale], key) ? TEXTS[locale][key] : has(TEXTS.en, key) ? TEXTS.en[key] : key;
    return s.replace(/\{(\w+)\}/g, (_, k) => (params && params[k] != null ? String(params[k]) : ''));
  }

  // The console's language, for the other scripts of the page (the manager area): stable API.
  //   SupportHubConsole.locale() -> 'pl' | 'en'
  //   SupportHubConsole.onLocaleChange(fn) -> unsubscribe function; fn(locale) after every change
  // Every change is also dispatched on document as a 'supporthub:locale' event (detail: {locale}).
  window.SupportHubConsole = Object.freeze({
    locale() { return locale; },
    onLocaleChange(fn) {
      if (typeof fn !== 'function') throw new TypeError('SupportHubConsole.onLocaleChange: fn must be a function');
      localeListeners.push(fn);
      return () => {
        const i = localeListeners.indexOf(fn);
        if (i >= 0) localeListeners.splice(i, 1);
      };
    },
  });

  // ---- state -------------------------------------------------------------------------------------

  const state = {
    auth: null,                 // {token, operator: {username, name}, expiresAt}
    ws: null, authed: false,    // authed: welcome received on the current socket
    attempt: 0, reconnectTimer: 0, pingTimer: 0, tickTimer: 0, expiryTimer: 0, errorTimer: 0,
    lastFrameAt: 0,
    status: null,               // own status from welcome/presence
    wantedStatus: null,         // chosen by the operator, not yet confirmed by a presence (sent once connected)
    connectionView: { s: 'offline', key: 'connOffline', params: null },
    historyData: null,          // the portal history shown, kept to redraw it in another language
    channels: [], operators: [],
    sessions: [], sessionsAt: 0, // the latest snapshot and when it arrived (waiting times tick from it)
    convs: new Map(),           // conversationId -> {lastSeq, bySeq: Map(seq -> msg), pending: Map(clientMsgId -> entry)}
    current: null,              // the open session (a copy of its latest snapshot entry)
    currentGone: false,         // the open session left the snapshot (transferred, closed and dropped)
    pendingAccept: null,        // accepted, waiting for the snapshot that shows it as ours
    lastTypingSentAt: 0, typingTimer: 0, typingName: null,
    subscribed: new Set(),      // conversations `open`ed on the current socket
    offersTold: new Set(),      // sessions whose offer was already told (notified once per page)
    readTimer: 0,
  };
  // The attention-drawing side (notify.js); a stand-in that tells nothing when it is missing.
  const notify = window.SupportHubNotify || {
    configure() {}, choices() { return { offers: true, messages: true, returns: true, sound: true }; },
    permission() { return 'unsupported'; }, askPermission() { return Promise.resolve('unsupported'); },
    raise() { return false; }, unseen() { return 0; }, seen() {}, onChange() { return () => {}; },
  };
  const ui = {};
  const shown = { bySeq: new Map(), pending: new Map() }; // elements of the open conversation

  // ---- helpers -----------------------------------------------------------------------------------

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
    (kids || []).forEach((c) => c && e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return e;
  }

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const x = Array.from(b, (n) => n.toString(16).padStart(2, '0')).join('');
    return x.slice(0, 8) + '-' + x.slice(8, 12) + '-' + x.slice(12, 16) + '-' + x.slice(16, 20) + '-' + x.slice(20);
  }

  // HTTP Basic credentials are UTF-8 (RFC 7617); btoa alone only takes Latin-1.
  function basicCredentials(user, pass) {
    const bytes = new TextEncoder().encode(user + ':' + pass);
    let bin = '';
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin);
  }

  function mmss(totalSeconds) {
    const s = Math.max(0, Math.floor(totalSeconds));
    return String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  }

  function formatTime(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return '';
    const now = new Date();
    const sameDay = d.toDateString() === now.toDateString();
    return sameDay
      ? d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  function truncate(text, max) {
    const s = String(text == null ? '' : text).replace(/\s+/g, ' ').trim();
    return s.length > max ? s.slice(0, max - 1).trimEnd() + '\u2026' : s;
  }

  // expiresAt may be ISO-8601 or epoch seconds/milliseconds; unknown: no local expiry.
  function expiryMillis(v) {
    if (typeof v === 'number' && isFinite(v)) return v < 1e12 ? v * 1000 : v;
    if (typeof v === 'string' && v) {
      if (/^\d+$/.test(v)) return expiryMillis(Number(v));
      const t = Date.parse(v);
      return isNaN(t) ? null : t;
    }
    return null;
  }

  function me() {
    return state.auth && state.auth.operator ? state.auth.operator : { username: '', name: '' };
  }

  function isMine(s) {
    return !!s && s.operator != null && s.operator === me().username;
  }

  function channelOf(id) {
    return state.channels.find((c) => c && c.id === id) || null;
  }

  function findSession(id) {
    return state.sessions.find((s) => s.sessionId === id) || null;
  }

  function conv(id) {
    const key = id || '';
    let c = state.convs.get(key);
    if (!c) {
      // opened: its replay ended once (what comes after is news); readBy*: the two read marks.
      c = { lastSeq: 0, bySeq: new Map(), pending: new Map(), opened: false, readByAdministrator: 0, readSent: 0 };
      state.convs.set(key, c);
    }
    return c;
  }

  function isCurrentConv(conversationId) {
    return !!state.current && (state.current.conversationId || '') === (conversationId || '');
  }

  // ---- storage -----------------------------------------------------------------------------------

  function loadAuth() {
    try {
      const a = JSON.parse(sessionStorage.getItem(STORAGE_AUTH) || 'null');
      if (!a || typeof a.token !== 'string' || !a.token) return null;
      const exp = expiryMillis(a.expiresAt);
      if (exp != null && exp <= Date.now()) { sessionStorage.removeItem(STORAGE_AUTH); return null; }
      return a;
    } catch (e) {
      return null;
    }
  }

  function saveAuth() {
    try {
      if (state.auth) sessionStorage.setItem(STORAGE_AUTH, JSON.stringify(state.auth));
      else sessionStorage.removeItem(STORAGE_AUTH);
    } catch (e) { /* storage disabled: a reload asks for the password again */ }
  }

  function rememberOpen(id) {
    try {
      if (id) sessionStorage.setItem(STORAGE_OPEN, id);
      else sessionStorage.removeItem(STORAGE_OPEN);
    } catch (e) { /* ignore */ }
  }

  function rememberedOpen() {
    try { return sessionStorage.getItem(STORAGE_OPEN); } catch (e) { return null; }
  }

  // ---- static texts ------------------------------------------------------------------------------

  function applyTexts() {
    document.documentElement.lang = locale;
    if (ui.localeSelect) ui.localeSelect.value = locale;
    document.title = tx('pageTitle');
    document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = tx(e.getAttribute('data-t')); });
    document.querySelectorAll('[data-t-label]').forEach((e) => { e.setAttribute('aria-label', tx(e.getAttribute('data-t-label'))); });
    document.querySelectorAll('[data-t-title]').forEach((e) => { e.title = tx(e.getAttribute('data-t-title')); });
    document.querySelectorAll('[data-t-placeholder]').forEach((e) => { e.placeholder = tx(e.getAttribute('data-t-placeholder')); });
  }

  // ---- language --------------------------------------------------------------------------------------

  // Switches every text of the console to `l` ('pl' or 'en') and tells the page's other scripts.
  function setLocale(l) {
    const next = normLocale(l);
    if (!next || next === locale) return;
    locale = next;
    applyTexts();
    rerender();
    localeListeners.slice().forEach((fn) => {
      try { fn(locale); } catch (e) { console.error('[SupportHubConsole] locale listener failed', e); }
    });
    document.dispatchEvent(new CustomEvent('supporthub:locale', { detail: { locale } }));
  }

  // What is drawn from state, drawn again in the new language (the reply being written is left alone).
  function rerender() {
    if (!ui.app) return;
    if (!ui.loginSubmit.disabled) ui.loginSubmit.textContent = tx('signIn');
    setConnection(state.connectionView.s, state.connectionView.key, state.connectionView.params);
    renderStatus();
    if (ui.app.hidden) return;
    renderSessions();
    if (!state.current) {
      renderConversation();
    } else {
      ui.messages.querySelectorAll('.msg-note').forEach((n) => { n.textContent = tx('notSent'); });
      if (window.SupportHubText && typeof window.SupportHubText.relabel === 'function') window.SupportHubText.relabel(ui.messages, locale);
      renderReceipts();
    }
    renderNotifySettings();
    document.querySelectorAll('time.msg-time[datetime]').forEach((t) => { t.textContent = formatTime(t.getAttribute('datetime')); });
    // Lists of choices are rebuilt when their key changes: forget the keys so they are rebuilt now.
    ui.canned.removeAttribute('data-for');
    ui.transferSend.removeAttribute('data-for');
    renderConversationHead();
    if (state.typingName) ui.typing.textContent = tx('typing', { name: state.typingName });
    if (!ui.history.hidden && state.historyData) {
      const d = state.historyData;
      ui.historyTitle.textContent = d.portalName ? tx('historyTitleOf', { portal: d.portalName }) : tx('historyTitle');
      if (d.conversations) renderHistory(d.conversations);
    }
  }

  // The operator picked a language in the top bar: shown at once, kept with their account on the hub.
  async function chooseLocale(l) {
    const next = normLocale(l);
    if (!next || !state.auth) return;
    setLocale(next);
    state.auth.operator.locale = next;
    saveAuth();
    let res;
    try {
      res = await fetch(API + 'preferences', {
        method: 'PUT',
        headers: { Authorization: 'Bearer ' + state.auth.token, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ locale: next }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      showError(tx('languageSaveFailed', { reason: tx('unreachable') }));
      return;
    }
    if (res.status === 401) { logout(tx('loginExpired')); return; }
    if (!res.ok) showError(tx('languageSaveFailed', { reason: await problemText(res) }));
  }

  // ---- views: login / app ------------------------------------------------------------------------

  function showLogin(message) {
    ui.app.hidden = true;
    ui.loginView.hidden = false;
    ui.loginSubmit.disabled = false;
    ui.loginSubmit.textContent = tx('signIn');
    if (message) showLoginError(message); else ui.loginError.hidden = true;
    document.title = tx('pageTitle');
    (ui.loginUsername.value ? ui.loginPassword : ui.loginUsername).focus();
  }

  function showLoginError(message) {
    ui.loginError.textContent = message;
    ui.loginError.hidden = false;
  }

  function showApp() {
    ui.loginView.hidden = true;
    ui.app.hidden = false;
    ui.loginError.hidden = true;
    ui.operatorName.textContent = me().name || me().username;
    ui.operatorName.title = me().username;
    renderStatus();
    renderSessions();
    renderConversation();
    scheduleExpiry();
  }

  async function onLoginSubmit(e) {
    e.preventDefault();
    const user = ui.loginUsername.value.trim();
    const pass = ui.loginPassword.value;
    if (!user || !pass) { showLoginError(tx('loginMissing')); return; }
    // Asked now, from the operator's own click, as browsers want (notify.js; asked once per browser).
    notify.askPermission().then(renderNotifySettings);
    ui.loginSubmit.disabled = true;
    ui.loginSubmit.textContent = tx('signingIn');
    ui.loginError.hidden = true;
    try {
      let res;
      try {
        // credentials 'omit': no cookies, and the browser's own Basic prompt never shows on a 401.
        res = await fetch(API + 'login', {
          method: 'POST',
          headers: { Authorization: 'Basic ' + basicCredentials(user, pass), Accept: 'application/json' },
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (err) {
        showLoginError(tx('loginUnreachable'));
        return;
      }
      if (res.status === 401) { showLoginError(tx('loginWrong')); return; }
      if (res.status === 403) { showLoginError(tx('loginNotOperator')); return; }
      if (!res.ok) { showLoginError(await problemText(res, 'loginFailed')); return; }
      let body;
      try { body = await res.json(); } catch (err) { body = null; }
      if (!body || typeof body.token !== 'string' || !body.token) {
        showLoginError(tx('loginFailed', { status: res.status }));
        return;
      }
      const op = body.operator && typeof body.operator === 'object' ? body.operator : {};
      state.auth = {
        token: body.token,
        operator: {
          username: String(op.username || user), name: String(op.name || op.username || user),
          locale: normLocale(op.locale),
        },
        expiresAt: body.expiresAt == null ? null : body.expiresAt,
        roles: Array.isArray(body.roles) ? body.roles.map(String) : [], // the hub's word; manage.js: areas
      };
      saveAuth();
      ui.loginPassword.value = '';
      // The account's own language, if its owner chose one; otherwise the browser's stays.
      if (me().locale) setLocale(me().locale);
      showApp();
      startAreas();
    } finally {
      ui.loginSubmit.disabled = false;
      ui.loginSubmit.textContent = tx('signIn');
    }
  }

  // The problem's detail (RFC 9457), else its title, else the status.
  async function problemText(res, fallbackKey) {
    try {
      const p = await res.clone().json();
      if (p && typeof p.detail === 'string' && p.detail) return p.detail;
      if (p && typeof p.title === 'string' && p.title) return p.title;
    } catch (e) { /* not JSON */ }
    return tx(fallbackKey || 'requestFailed', { status: res.status });
  }

  // Logs out: by the operator's button, or because the hub refused the token (message set).
  function logout(message) {
    disconnect();
    clearTimeout(state.expiryTimer);
    state.auth = null;
    saveAuth();
    rememberOpen(null);
    state.status = null;
    state.wantedStatus = null;
    state.channels = [];
    state.operators = [];
    state.sessions = [];
    state.convs = new Map();
    state.current = null;
    state.currentGone = false;
    state.pendingAccept = null;
    hideTyping();
    hideError();
    closeHistory();
    ui.replyInput.value = '';
    ui.transferNote.value = '';
    renderSessions();
    renderConversation();
    announceAuth();
    // The login page speaks the browser's language again: the next person may be someone else.
    setLocale(browserLocale());
    showLogin(message);
  }

  // ---- areas: sessions (operators) and management (managers, console/manage.js) --------------------
  // The roles come from the hub (login answer, then GET me), never from the browser's storage alone; each
  // manager API checks them again. Only operators open the sessions socket.

  function roles() {
    return state.auth && Array.isArray(state.auth.roles) ? state.auth.roles : [];
  }

  async function refreshRoles() {
    try {
      const res = await apiGet('me', 'application/json');
      const body = await res.json();
      if (!state.auth) return false;
      state.auth.roles = Array.isArray(body.roles) ? body.roles.map(String) : [];
      saveAuth();
      return true;
    } catch (e) {
      if (e === LOGGED_OUT) return false;
      return true; // unreachable for now: keep the roles of the login, the APIs decide anyway
    }
  }

  function startAreas() {
    if (!state.auth) return;
    ui.app.setAttribute('data-roles', roles().join(' '));
    // A manager who does not answer sessions is not in an agent console: the top bar says what they are in.
    const brand = document.querySelector('.topbar-brand');
    if (brand) brand.setAttribute('data-t', roles().indexOf('operator') >= 0 ? 'brandConsole' : 'brandManage');
    applyTexts();
    if (roles().indexOf('operator') >= 0) connect();
    announceAuth();
  }

  // Tells console/manage.js who is signed in (null: nobody); it asks to log out with supporthub:logout.
  function announceAuth() {
    const a = state.auth;
    if (!a) ui.app.removeAttribute('data-roles');
    document.dispatchEvent(new CustomEvent('supporthub:auth', {
      detail: a ? { token: a.token, roles: roles().slice(), name: me().name || me().username } : null,
    }));
  }

  function scheduleExpiry() {
    clearTimeout(state.expiryTimer);
    const exp = state.auth ? expiryMillis(state.auth.expiresAt) : null;
    if (exp == null) return;
    const wait = exp - Date.now();
    // setTimeout overflows above ~24.8 days; a console token lives hours.
    if (wait < 2147483647) state.expiryTimer = setTimeout(() => logout(tx('loginExpired')), Math.max(0, wait));
  }

  // ---- connection --------------------------------------------------------------------------------

  function connect() {
    if (!state.auth || state.ws) return;
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = 0;
    setConnection('offline', 'connConnecting');
    let ws;
    try { ws = new WebSocket(WS_URL); } catch (e) { scheduleReconnect(); return; }
    state.ws = ws;
    const token = state.auth.token;
    // Handlers check `state.ws === ws`: events of a replaced or deliberately closed socket change nothing.
    ws.onopen = () => {
      if (state.ws !== ws) return;
      state.lastFrameAt = Date.now();
      ws.send(JSON.stringify({ type: 'hello', token }));
    };
    ws.onmessage = (ev) => { if (state.ws === ws) onFrame(ev.data); };
    ws.onclose = (ev) => { if (state.ws === ws) onClose(ev.code); };
    ws.onerror = () => {}; // always followed by close
  }

  function disconnect() {
    const ws = state.ws;
    state.ws = null;
    state.authed = false;
    stopPing();
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = 0;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      try { ws.close(1000, 'logout'); } catch (e) { /* already closing */ }
    }
    setConnection('offline', 'connOffline');
  }

  function onClose(code) {
    state.ws = null;
    state.authed = false;
    stopPing();
    hideTyping();
    renderStatus(); // a status chosen from now on waits for the next welcome
    if (code === 1008) { logout(tx('loginExpired')); return; } // token expired, forged or revoked
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (!state.auth || state.reconnectTimer) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * Math.pow(2, state.attempt));
    state.attempt = Math.min(state.attempt + 1, 10);
    setConnection('offline', 'connRetry', { s: Math.round(delay / 1000) });
    state.reconnectTimer = setTimeout(() => { state.reconnectTimer = 0; connect(); }, delay);
  }

  function startPing() {
    stopPing();
    state.pingTimer = setInterval(() => {
      if (state.ws && Date.now() - state.lastFrameAt > SILENCE_MS) {
        // Silent socket (sleep, NAT timeout): drop it without waiting for a close that may never come.
        const ws = state.ws;
        ws.onopen = ws.onmessage = ws.onclose = null;
        try { ws.close(); } catch (e) { /* ignore */ }
        onClose(1006);
        return;
      }
      send({ type: 'ping' });
    }, PING_MS);
  }

  function stopPing() {
    clearInterval(state.pingTimer);
    state.pingTimer = 0;
  }

  function send(frame) {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) return false;
    state.ws.send(JSON.stringify(frame));
    return true;
  }

  // Frames that only make sense now (not queued): refused with a visible note while disconnected.
  function sendNow(frame) {
    if (state.authed && send(frame)) return true;
    showError(tx('notConnected'));
    return false;
  }

  // The connection's state and the key (and parameters) of its label, kept to redraw it in another language.
  function setConnection(s, key, params) {
    state.connectionView = { s, key: s === 'online' ? 'connOnline' : (key || 'connConnecting'), params: params || null };
    ui.connection.setAttribute('data-state', s);
    ui.connection.textContent = tx(state.connectionView.key, state.connectionView.params);
  }

  // ---- incoming frames ---------------------------------------------------------------------------

  function onFrame(data) {
    state.lastFrameAt = Date.now();
    let f;
    try { f = JSON.parse(data); } catch (e) { return; }
    if (!f || typeof f !== 'object') return;
    switch (f.type) {
      case 'welcome': onWelcome(f); break;
      case 'sessions': applySessions(f.sessions); break;
      case 'sessionsDelta': applySessionsDelta(f); break;
      case 'presence': state.wantedStatus = null; setOwnStatus(f.status); break;
      case 'message': onMessage(f); break;
      case 'ack': onAck(f); break;
      case 'typing': onTyping(f); break;
      case 'opened': onOpened(f); break;
      case 'read': onRead(f); break;
      case 'returned': onReturned(f); break;
      case 'error': onError(f); break;
      default: break; // pong, and frames from a newer hub
    }
  }

  function onWelcome(f) {
    state.authed = true;
    state.attempt = 0;
    if (f.operator && typeof f.operator === 'object' && state.auth) {
      state.auth.operator = {
        username: String(f.operator.username || me().username),
        name: String(f.operator.name || f.operator.username || me().name),
        // The account's choice, as it is now (perhaps changed from another browser meanwhile).
        locale: normLocale(f.operator.locale) || me().locale || null,
      };
      saveAuth();
      if (me().locale) setLocale(me().locale);
      ui.operatorName.textContent = me().name || me().username;
      ui.operatorName.title = me().username;
    }
    // A new socket has opened nothing yet; the operator's notification choices as the hub keeps them.
    state.subscribed = new Set();
    if (f.notifications && typeof f.notifications === 'object') notify.configure(f.notifications);
    renderNotifySettings();
    state.channels = Array.isArray(f.channels) ? f.channels.filter((c) => c && typeof c === 'object') : [];
    state.operators = Array.isArray(f.operators) ? f.operators.filter((o) => o && typeof o === 'object') : [];
    setOwnStatus(f.status);
    // A status chosen before the socket was ready (right after logging in, or while reconnecting) is sent
    // now; it stays shown as pending until the hub's presence confirms it.
    if (state.wantedStatus && state.wantedStatus !== state.status) send({ type: 'status', status: state.wantedStatus });
    else state.wantedStatus = null;
    setConnection('online');
    startPing();
    const snapshot = Array.isArray(f.sessions) ? f.sessions : (f.sessions && f.sessions.sessions);
    applySessions(snapshot || []);
    if (state.current) {
      // Resume: replay what this conversation missed while the socket was down.
      sendOpen();
      followMine();
    } else {
      const again = findSession(rememberedOpen());
      if (again && isMine(again)) openSession(again.sessionId);
    }
    resendOutbox();
  }

  function setOwnStatus(s) {
    if (STATUSES.indexOf(s) < 0) return;
    state.status = s;
    renderStatus();
  }

  // The select shows the operator's choice while it is pending, else what the hub last said (nothing until it
  // tells); data-status is always the hub's word.
  function renderStatus() {
    ui.statusSelect.value = state.wantedStatus || state.status || '';
    ui.statusSelect.setAttribute('data-status', state.status || '');
    ui.statusSelect.setAttribute('data-pending', state.wantedStatus || '');
    ui.statusPending.hidden = !(state.wantedStatus && !state.authed);
  }

  function validSessions(list) {
    const now = Date.now();
    // Each session remembers when it arrived: its waiting time ticks from then (a delta leaves the others alone).
    return (Array.isArray(list) ? list : []).filter((s) => s && typeof s === 'object' && typeof s.sessionId === 'string')
      .map((s) => Object.assign({}, s, { receivedAt: now }));
  }

  function applySessions(list) {
    state.sessions = validSessions(list);
    state.sessionsAt = Date.now();
    sessionsChanged();
  }

  // The hub sends the whole list once after welcome, then only what changed: sessions added, sessions
  // changed (each whole) and the ids of sessions removed (docs/protocol.md).
  function applySessionsDelta(f) {
    const removed = new Set((Array.isArray(f.removed) ? f.removed : []).filter((id) => typeof id === 'string'));
    const incoming = validSessions([].concat(Array.isArray(f.added) ? f.added : [], Array.isArray(f.changed) ? f.changed : []));
    incoming.forEach((s) => removed.add(s.sessionId));
    state.sessions = state.sessions.filter((s) => !removed.has(s.sessionId)).concat(incoming);
    sessionsChanged();
  }

  function sessionsChanged() {
    if (state.current) {
      const s = findSession(state.current.sessionId);
      state.currentGone = !s;
      if (s) state.current = Object.assign({}, s);
    }
    if (state.pendingAccept) {
      const s = findSession(state.pendingAccept);
      if (s && isMine(s)) {
        state.pendingAccept = null;
        openSession(s.sessionId);
      } else if (!s) {
        state.pendingAccept = null;
      }
    }
    tellOffers();
    followMine();
    renderSessions();
    renderConversationHead();
    scheduleRead();
  }

  // ---- news: offers, messages, returns, read receipts ------------------------------------------------

  // Offers not told before: one notification each.
  function tellOffers() {
    state.sessions.forEach((s) => {
      if (s.offeredToMe !== true || state.offersTold.has(s.sessionId)) return;
      state.offersTold.add(s.sessionId);
      notify.raise('offers', tx('notifyOfferTitle'),
        [s.administrator, s.portalName].filter(Boolean).join(' \u00b7 ') + (s.firstMessage ? '\n' + truncate(s.firstMessage, NOTIFY_BODY_CHARS) : ''),
        'offer-' + s.sessionId);
    });
  }

  // Every session the operator holds is followed (its messages arrive even while another one is shown).
  function followMine() {
    if (!state.authed) return;
    state.sessions.forEach((s) => {
      if (!isMine(s) || typeof s.conversationId !== 'string' || state.subscribed.has(s.conversationId)) return;
      if (state.current && state.current.sessionId === s.sessionId) return; // sendOpen follows it
      state.subscribed.add(s.conversationId);
      send({ type: 'open', sessionId: s.sessionId, lastSeq: conv(s.conversationId).lastSeq });
    });
  }

  function mineByConversation(conversationId) {
    return state.sessions.find((s) => s.conversationId === conversationId && isMine(s)) || null;
  }

  // The replay of an `open` is complete: what follows is news; the read marks as stored.
  function onOpened(f) {
    if (typeof f.conversationId !== 'string') return;
    const c = conv(f.conversationId);
    c.opened = true;
    if (f.read && typeof f.read === 'object') {
      onRead({ conversationId: f.conversationId, by: 'administrator', seq: f.read.administrator });
      onRead({ conversationId: f.conversationId, by: 'operator', seq: f.read.operator });
    }
    scheduleRead();
  }

  function onRead(f) {
    const seq = Number(f.seq);
    if (typeof f.conversationId !== 'string' || !Number.isInteger(seq) || seq <= 0) return;
    const c = conv(f.conversationId);
    if (f.by === 'administrator' && seq > c.readByAdministrator) {
      c.readByAdministrator = seq;
      if (isCurrentConv(f.conversationId)) renderReceipts();
    } else if (f.by === 'operator' && seq > c.readSent) {
      c.readSent = seq; // read in another tab of ours
    }
  }

  function onReturned(f) {
    if (typeof f.conversationId !== 'string') return;
    const s = mineByConversation(f.conversationId);
    const name = typeof f.name === 'string' && f.name ? f.name : tx('theAdministrator');
    notify.raise('returns', tx('notifyReturnTitle', { name }), s ? s.portalName || '' : '', 'returned-' + f.conversationId);
  }

  // The administrator's mark: every reply up to it is read; the latest of them says so.
  function renderReceipts() {
    if (!ui.messages) return;
    ui.messages.querySelectorAll('.msg-receipt').forEach((r) => r.remove());
    if (!state.current) return;
    const mark = conv(state.current.conversationId).readByAdministrator;
    let latest = null;
    ui.messages.querySelectorAll('.msg-staff[data-seq]').forEach((m) => {
      const read = Number(m.getAttribute('data-seq')) <= mark;
      m.setAttribute('data-read', read ? 'true' : 'false');
      if (read) latest = m;
    });
    if (latest) latest.appendChild(h('span', { class: 'msg-receipt', 'aria-label': tx('readReceiptLabel'), text: tx('readReceipt') }));
  }

  // The operator sees the conversation shown (their own, tab visible): tell the hub how far, soon.
  function scheduleRead() {
    if (state.readTimer) return;
    state.readTimer = setTimeout(() => {
      state.readTimer = 0;
      const cur = state.current;
      if (!cur || !state.authed || !isMine(cur) || document.visibilityState !== 'visible') return;
      const c = conv(cur.conversationId);
      if (!c.opened || c.lastSeq <= c.readSent) return;
      c.readSent = c.lastSeq;
      send({ type: 'read', conversationId: cur.conversationId, seq: c.lastSeq });
    }, READ_SEND_MS);
  }

  // The count in the title: open offers (while offers are told) and news that came while the tab was hidden.
  function renderTitle() {
    const offers = notify.choices().offers ? state.sessions.filter((s) => s.offeredToMe === true).length : 0;
    const count = offers + notify.unseen();
    document.title = (count ? '(' + count + ') ' : '') + tx('pageTitle');
  }

  function renderNotifySettings() {
    if (!ui.notifyOffers) return;
    const c = notify.choices();
    ui.notifyOffers.checked = c.offers;
    ui.notifyMessages.checked = c.messages;
    ui.notifyReturns.checked = c.returns;
    ui.notifySound.checked = c.sound;
    const p = notify.permission();
    ui.notifyAllow.hidden = p !== 'default';
    ui.notifyPermission.setAttribute('data-permission', p);
    ui.notifyPermission.textContent = p === 'granted' ? tx('notifyGranted') : p === 'denied' ? tx('notifyDenied')
      : p === 'unsupported' ? tx('notifyUnsupported') : '';
  }

  // The operator switched a notification on or off: in force at once, kept with their account on the hub.
  async function saveNotifySettings() {
    const before = notify.choices();
    const next = {
      offers: ui.notifyOffers.checked, messages: ui.notifyMessages.checked,
      returns: ui.notifyReturns.checked, sound: ui.notifySound.checked,
    };
    notify.configure(next);
    if (!state.auth) return;
    let res;
    try {
      res = await fetch(API + 'preferences/notifications', {
        method: 'PUT',
        headers: { Authorization: 'Bearer ' + state.auth.token, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(next),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      notify.configure(before);
      renderNotifySettings();
      showError(tx('notifySaveFailed', { reason: tx('unreachable') }));
      return;
    }
    if (res.status === 401) { logout(tx('loginExpired')); return; }
    if (!res.ok) {
      notify.configure(before);
      renderNotifySettings();
      showError(tx('notifySaveFailed', { reason: await problemText(res) }));
    }
  }

  function onMessage(f) {
    const seq = Number(f.seq);
    if (!Number.isInteger(seq) || seq <= 0) return;
    const cid = typeof f.conversationId === 'string' ? f.conversationId : (state.current && state.current.conversationId);
    const c = conv(cid);
    const before = c.lastSeq;
    if (seq > c.lastSeq) c.lastSeq = seq;
    if (c.bySeq.has(seq)) return; // replay and live push may overlap
    const author = f.author && typeof f.author === 'object' ? f.author : {};
    const msg = {
      seq,
      kind: KINDS.indexOf(author.kind) >= 0 ? author.kind : 'system',
      name: typeof author.name === 'string' ? author.name : '',
      text: f.text == null ? '' : String(f.text),
      at: typeof f.at === 'string' ? f.at : null,
      clientMsgId: typeof f.clientMsgId === 'string' ? f.clientMsgId : null,
      attachments: Array.isArray(f.attachments) ? f.attachments : [],
    };
    c.bySeq.set(seq, msg);
    const current = isCurrentConv(cid);
    const pk = msg.clientMsgId ? pendingKey(msg.clientMsgId) : null;
    if (pk != null) {
      // Our own reply came back before its ack: confirm the pending bubble instead of adding one.
      conv(pk).pending.delete(msg.clientMsgId);
      if (current || isCurrentConv(pk)) confirmShown(msg);
      return;
    }
    if (current) {
      placeShown(buildMessage(msg), seq);
      if (msg.kind === 'user') hideTyping();
      scheduleRead();
    }
    // News: the administrator wrote in a session of ours, after its history, while nobody looks at the tab.
    if (msg.kind === 'user' && c.opened && seq > before && document.visibilityState === 'hidden' && mineByConversation(cid)) {
      notify.raise('messages', tx('notifyMessageTitle', { name: msg.name || tx('theAdministrator') }),
        truncate(msg.text, NOTIFY_BODY_CHARS), 'message-' + cid);
    }
  }

  // The conversation key that holds a pending reply, or null.
  function pendingKey(clientMsgId) {
    let found = null;
    state.convs.forEach((c, key) => { if (found == null && c.pending.has(clientMsgId)) found = key; });
    return found;
  }

  function onAck(f) {
    const seq = Number(f.seq);
    if (typeof f.clientMsgId !== 'string' || !Number.isInteger(seq) || seq <= 0) return;
    const given = typeof f.conversationId === 'string' ? f.conversationId : null;
    const key = given != null && conv(given).pending.has(f.clientMsgId) ? given : pendingKey(f.clientMsgId);
    if (given != null) {
      const g = conv(given);
      if (seq > g.lastSeq) g.lastSeq = seq;
    }
    if (key == null) return; // confirmed already by the echoed message, or a duplicate ack
    const c = conv(key);
    if (seq > c.lastSeq) c.lastSeq = seq;
    const entry = c.pending.get(f.clientMsgId);
    c.pending.delete(f.clientMsgId);
    if (c.bySeq.has(seq)) return;
    const msg = { seq, kind: 'staff', name: me().name, text: entry.text, at: entry.at, clientMsgId: entry.clientMsgId };
    c.bySeq.set(seq, msg);
    if (isCurrentConv(key)) confirmShown(msg);
  }

  function onTyping(f) {
    if (!state.current) return;
    if (typeof f.conversationId === 'string' && !isCurrentConv(f.conversationId)) return;
    state.typingName = typeof f.name === 'string' && f.name ? f.name : tx('theAdministrator');
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideTyping, TYPING_SHOW_MS);
    ui.typing.textContent = tx('typing', { name: state.typingName });
    ui.typing.hidden = false;
  }

  function hideTyping() {
    clearTimeout(state.typingTimer);
    state.typingTimer = 0;
    state.typingName = null;
    if (ui.typing) {
      ui.typing.hidden = true;
      ui.typing.textContent = '';
    }
  }

  function onError(f) {
    const code = String(f.code || 'ERROR');
    // The console's own words for the codes it knows (in the operator's language), else the hub's message.
    const text = has(TEXTS[locale], 'err_' + code) ? tx('err_' + code)
      : typeof f.message === 'string' && f.message ? f.message : tx('errorGeneric', { code });
    showError(text, code);
    if (state.pendingAccept && ACCEPT_ERRORS.indexOf(code) >= 0
        && (f.sessionId == null || f.sessionId === state.pendingAccept)) {
      state.pendingAccept = null;
    }
    if (typeof f.clientMsgId === 'string' && PERMANENT_REPLY_ERRORS.indexOf(code) >= 0) failReply(f.clientMsgId);
  }

  function showError(text, code) {
    clearTimeout(state.errorTimer);
    ui.consoleErrorText.textContent = text;
    ui.consoleError.setAttribute('data-code', code || '');
    ui.consoleError.hidden = false;
    state.errorTimer = setTimeout(hideError, ERROR_SHOW_MS);
  }

  function hideError() {
    clearTimeout(state.errorTimer);
    if (!ui.consoleError) return;
    ui.consoleError.hidden = true;
    ui.consoleErrorText.textContent = '';
    ui.consoleError.setAttribute('data-code', '');
  }

  // ---- sessions list -----------------------------------------------------------------------------

  function groupOf(s) {
    if (s.offeredToMe === true) return 'offered';
    if (isMine(s)) return 'mine';
    return 'queue';
  }

  function canAccept(s) {
    if (s.offeredToMe === true) return true;
    const ch = channelOf(s.channelId);
    return s.state === 'WAITING' && !!ch && ch.routingMode === 'MANUAL';
  }

  function waitingNow(s) {
    const base = Number(s.waitingSeconds);
    if (!isFinite(base)) return null;
    if (s.state === 'CLOSED') return base;
    return base + Math.floor((Date.now() - (s.receivedAt || state.sessionsAt)) / 1000);
  }

  function byAsked(a, b) {
    const ta = Date.parse(a.askedAt) || 0;
    const tb = Date.parse(b.askedAt) || 0;
    return ta - tb;
  }

  function renderSessions() {
    if (!ui.sessions) return;
    // Re-rendering replaces the buttons: keep the keyboard focus on the same control.
    const active = document.activeElement;
    const activeItem = active && ui.sessions.contains(active) ? active.closest('li.session') : null;
    const focusBack = activeItem ? {
      id: activeItem.getAttribute('data-session-id'),
      cls: active.classList.contains('accept') ? '.accept' : active.classList.contains('skip') ? '.skip' : null,
    } : null;

    const groups = { offered: [], mine: [], queue: [] };
    state.sessions.forEach((s) => groups[groupOf(s)].push(s));
    groups.offered.sort(byAsked);
    groups.mine.sort(byAsked);
    groups.queue.sort((a, b) => {
      const qa = Number(a.queuePosition) || Infinity;
      const qb = Number(b.queuePosition) || Infinity;
      return qa !== qb ? qa - qb : byAsked(a, b);
    });

    ui.sessions.textContent = '';
    [['offered', 'groupOffered'], ['mine', 'groupMine'], ['queue', 'groupQueue']].forEach(([key, title]) => {
      const list = groups[key];
      const headingId = 'sessions-group-' + key;
      const ul = h('ul', { class: 'session-list', 'aria-labelledby': headingId });
      list.forEach((s) => ul.appendChild(buildSessionItem(s)));
      if (!list.length) ul.appendChild(h('li', { class: 'session-empty', text: tx('groupEmpty') }));
      ui.sessions.appendChild(h('section', { class: 'session-group', 'data-group': key }, [
        // The count is drawn by CSS from data-count, so the heading's text is the group's name alone.
        h('h3', { id: headingId, class: 'session-group-title', 'data-count': String(list.length), text: tx(title) }),
        ul,
      ]));
    });

    renderTitle();

    if (focusBack) {
      const item = ui.sessions.querySelector('li.session[data-session-id="' + cssEscape(focusBack.id) + '"]');
      const target = item && (focusBack.cls ? item.querySelector(focusBack.cls) : item);
      if (target && target.tabIndex >= 0) target.focus();
    }
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
  }

  function buildSessionItem(s) {
    const mine = isMine(s);
    const open = !!state.current && state.current.sessionId === s.sessionId;
    const who = s.administrator || s.portalName || '';
    const li = h('li', {
      class: 'session' + (open ? ' is-open' : ''),
      'data-session-id': s.sessionId,
      'data-state': s.state || '',
      'data-offered': s.offeredToMe === true ? 'true' : 'false',
      'data-mine': mine ? 'true' : 'false',
      'data-channel-id': s.channelId || '',
      'data-portal-id': s.portalId || '',
      'aria-current': open ? 'true' : null,
    });
    if (mine) {
      // The whole item opens the session (it holds no other button): usable from the keyboard too.
      li.tabIndex = 0;
      li.setAttribute('role', 'button');
      li.title = tx('openLabel', { name: who });
    }
    const waiting = waitingNow(s);
    li.appendChild(h('div', { class: 'session-top' }, [
      h('span', { class: 'session-portal', text: s.portalName || '' }),
      h('span', {
        class: 'session-waiting', title: tx('waitingLabel'), 'aria-label': tx('waitingLabel'),
        text: waiting == null ? '' : mmss(waiting),
      }),
    ]));
    li.appendChild(h('div', { class: 'session-meta' }, [
      h('span', { class: 'session-admin', text: s.administrator || '' }),
      h('span', { class: 'session-sep', 'aria-hidden': 'true', text: ' \u00b7 ' }),
      h('span', { class: 'session-channel', text: s.channelName || '' }),
      h('span', { class: 'session-state state-' + String(s.state || '').toLowerCase(), text: tx('state' + s.state) }),
    ]));
    if (s.firstMessage) {
      li.appendChild(h('div', { class: 'session-first', title: String(s.firstMessage), text: truncate(s.firstMessage, FIRST_MESSAGE_CHARS) }));
    }
    if (s.triage && typeof s.triage === 'object') {
      li.setAttribute('data-area', String(s.triage.area || ''));
      li.setAttribute('data-coverage', String(s.triage.coverage || ''));
      li.appendChild(h('div', { class: 'session-triage coverage-' + String(s.triage.coverage || '').toLowerCase(),
        text: tx('area' + s.triage.area) + ' \u00b7 ' + tx('coverage' + s.triage.coverage) }));
    }
    if (s.note) li.appendChild(h('div', { class: 'session-note', text: tx('notePrefix') + s.note }));
    // Left for later: the administrator may be away; an answer reaches them by e-mail (protocol section 10).
    li.setAttribute('data-left-for-later', s.leftForLater === true ? 'true' : 'false');
    if (s.leftForLater === true) li.appendChild(h('div', { class: 'session-later', text: tx('leftForLater') }));
    const qp = Number(s.queuePosition);
    if (s.queuePosition != null && Number.isInteger(qp) && qp > 0) {
      li.appendChild(h('div', { class: 'session-queue', text: tx('queuePosition', { n: qp }) }));
    }
    const actions = [];
    if (canAccept(s)) {
      actions.push(h('button', { type: 'button', class: 'btn primary small accept', 'aria-label': tx('acceptLabel', { name: who }), text: tx('accept') }));
    }
    if (s.offeredToMe === true) {
      actions.push(h('button', { type: 'button', class: 'btn small skip', 'aria-label': tx('skipLabel', { name: who }), text: tx('skip') }));
    }
    if (actions.length) li.appendChild(h('div', { class: 'session-actions' }, actions));
    return li;
  }

  function tickWaiting() {
    if (!ui.sessions || ui.app.hidden) return;
    ui.sessions.querySelectorAll('li.session').forEach((li) => {
      const s = findSession(li.getAttribute('data-session-id'));
      const el = li.querySelector('.session-waiting');
      const w = s && waitingNow(s);
      if (el && w != null) el.textContent = mmss(w);
    });
  }

  function onSessionsClick(e) {
    const li = e.target.closest && e.target.closest('li.session');
    if (!li || !ui.sessions.contains(li)) return;
    const id = li.getAttribute('data-session-id');
    if (e.target.closest('.accept')) { accept(id); return; }
    if (e.target.closest('.skip')) { sendNow({ type: 'skip', sessionId: id }); return; }
    if (li.getAttribute('data-mine') === 'true') openSession(id);
  }

  function onSessionsKey(e) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const li = e.target;
    if (!li.matches || !li.matches('li.session[data-mine="true"]')) return;
    e.preventDefault();
    openSession(li.getAttribute('data-session-id'));
  }

  function accept(id) {
    if (!sendNow({ type: 'accept', sessionId: id })) return;
    // Opened as soon as a snapshot shows the session as ours.
    state.pendingAccept = id;
  }

  // ---- conversation ------------------------------------------------------------------------------

  function openSession(id) {
    const s = findSession(id);
    if (!s) return;
    if (state.current && state.current.sessionId === id) { ui.replyInput.focus(); return; }
    state.current = Object.assign({}, s);
    state.currentGone = false;
    rememberOpen(id);
    hideTyping();
    state.lastTypingSentAt = 0;
    renderConversation();
    renderSessions();
    // Followed already (one of ours): its messages are here and arrive live; else open it now.
    if (!state.subscribed.has(state.current.conversationId)) sendOpen();
    scheduleRead();
    if (!ui.replyInput.disabled) ui.replyInput.focus();
  }

  function sendOpen() {
    if (!state.current || !state.authed) return;
    if (typeof state.current.conversationId === 'string') state.subscribed.add(state.current.conversationId);
    send({ type: 'open', sessionId: state.current.sessionId, lastSeq: conv(state.current.conversationId).lastSeq });
  }

  function canReply() {
    return !!state.current && !state.currentGone && isMine(state.current) && state.current.state !== 'CLOSED';
  }

  // For console/attachments.js: the session a file goes to (null while the operator cannot reply), and the login.
  window.SupportHubConsoleSession = Object.freeze({
    replySessionId() { return canReply() ? state.current.sessionId : null; },
    token() { return state.auth ? state.auth.token : null; },
  });

  function renderConversation() {
    shown.bySeq.clear();
    shown.pending.clear();
    ui.messages.textContent = '';
    const cur = state.current;
    ui.conversation.setAttribute('data-session-id', cur ? cur.sessionId : '');
    ui.conversation.setAttribute('data-conversation-id', cur ? (cur.conversationId || '') : '');
    if (!cur) {
      ui.messages.appendChild(h('div', { class: 'conv-placeholder' }, [
        h('p', { class: 'conv-placeholder-title', text: tx('noConversation') }),
        h('p', { text: tx('noConversationHint') }),
      ]));
    } else {
      const c = conv(cur.conversationId);
      Array.from(c.bySeq.values()).sort((a, b) => a.seq - b.seq).forEach((m) => {
        const el = buildMessage(m);
        shown.bySeq.set(m.seq, el);
        ui.messages.appendChild(el);
      });
      c.pending.forEach((entry) => {
        const el = buildPending(entry);
        shown.pending.set(entry.clientMsgId, el);
        ui.messages.appendChild(el);
      });
      renderReceipts();
      scrollToBottom();
    }
    ui.replyInput.value = '';
    autoGrow();
    renderConversationHead();
  }

  // The session's triage label, which operators may correct (the correction is kept by the hub).
  function renderLabel(cur) {
    const t = cur && cur.triage && typeof cur.triage === 'object' ? cur.triage : null;
    ui.labelEditor.hidden = !cur;
    ui.labelEditor.setAttribute('data-area', t ? String(t.area) : '');
    ui.labelEditor.setAttribute('data-coverage', t ? String(t.coverage) : '');
    if (document.activeElement !== ui.labelArea && document.activeElement !== ui.labelCoverage) {
      // Unclear shows as unclear, not as the first area of the list.
      ui.labelArea.value = t && t.area && t.area !== 'UNCLEAR' ? t.area : '';
      ui.labelCoverage.value = t && t.coverage && t.coverage !== 'UNCLEAR' ? t.coverage : '';
    }
    updateLabelSave();
  }

  function updateLabelSave() {
    ui.labelSave.disabled = !state.current || !ui.labelArea.value || !ui.labelCoverage.value;
  }

  function saveLabel() {
    const cur = state.current;
    if (!cur || !ui.labelArea.value || !ui.labelCoverage.value) return;
    send({ type: 'label', sessionId: cur.sessionId, area: ui.labelArea.value, coverage: ui.labelCoverage.value });
  }

  // Title, state note and which controls may be used; refreshed with every snapshot.
  function renderConversationHead() {
    const cur = state.current;
    ui.conversationTitle.textContent = cur
      ? [cur.portalName, cur.administrator].filter(Boolean).join(' \u2013 ')
      : tx('noConversation');
    ui.conversationMeta.textContent = '';
    if (cur) {
      ui.conversationMeta.appendChild(h('span', { class: 'conv-channel', text: cur.channelName || '' }));
      ui.conversationMeta.appendChild(h('span', { class: 'session-state state-' + String(cur.state || '').toLowerCase(), text: tx('state' + cur.state) }));
    }
    ui.conversation.setAttribute('data-state', cur ? (cur.state || '') : '');
    renderLabel(cur);
    const reply = canReply();
    let note = '';
    if (cur && cur.state === 'CLOSED') note = tx('closedNote');
    else if (cur && !reply) note = tx('readOnly');
    ui.conversationNote.textContent = note;
    ui.conversationNote.hidden = !note;

    ui.replyInput.disabled = ui.replySend.disabled = !reply;
    ui.closeSession.disabled = !reply;
    ui.transcriptDownload.disabled = !cur;
    ui.portalHistory.disabled = !cur || !cur.portalId;
    fillCanned(reply);
    fillTransfer(reply);
  }

  function fillCanned(enabled) {
    const cur = state.current;
    const ch = cur ? channelOf(cur.channelId) : null;
    const list = ch && Array.isArray(ch.cannedResponses) ? ch.cannedResponses.filter((r) => r && typeof r.text === 'string') : [];
    const key = (cur ? cur.channelId : '') + '|' + list.length;
    if (ui.canned.getAttribute('data-for') !== key) {
      ui.canned.textContent = '';
      ui.canned.appendChild(h('option', { value: '', text: list.length ? tx('cannedChoose') : tx('cannedNone') }));
      list.forEach((r, i) => ui.canned.appendChild(h('option', { value: String(i), title: r.text, text: r.title || truncate(r.text, 60) })));
      ui.canned.setAttribute('data-for', key);
      ui.canned.cannedList = list;
    }
    ui.canned.disabled = !enabled || !list.length;
  }

  function onCannedChange() {
    const list = ui.canned.cannedList || [];
    const r = list[Number(ui.canned.value)];
    ui.canned.value = '';
    if (!r || ui.replyInput.disabled) return;
    const ta = ui.replyInput;
    const start = typeof ta.selectionStart === 'number' ? ta.selectionStart : ta.value.length;
    const end = typeof ta.selectionEnd === 'number' ? ta.selectionEnd : start;
    ta.setRangeText(r.text, start, end, 'end');
    autoGrow();
    ta.focus();
  }

  function fillTransfer(enabled) {
    const cur = state.current;
    // Rebuilt only when the choices change: a snapshot must not close a list the operator has open.
    const key = JSON.stringify([cur ? cur.channelId : null, state.operators, state.channels.map((c) => [c.id, c.name])]);
    ui.transferOperator.disabled = ui.transferChannel.disabled = ui.transferNote.disabled = ui.transferSend.disabled = !enabled;
    if (ui.transferSend.getAttribute('data-for') === key) return;
    ui.transferSend.setAttribute('data-for', key);
    const opValue = ui.transferOperator.value;
    const chValue = ui.transferChannel.value;
    ui.transferOperator.textContent = '';
    ui.transferOperator.appendChild(h('option', { value: '', text: tx('transferPick') }));
    state.operators.filter((o) => o.username && o.username !== me().username).forEach((o) => {
      const status = STATUSES.indexOf(o.status) >= 0 ? tx(o.status) : (o.status || '');
      ui.transferOperator.appendChild(h('option', {
        value: o.username, 'data-status': o.status || '', text: (o.name || o.username) + (status ? ' (' + status + ')' : ''),
      }));
    });
    ui.transferChannel.textContent = '';
    ui.transferChannel.appendChild(h('option', { value: '', text: tx('transferPick') }));
    state.channels.filter((c) => c.id && (!cur || c.id !== cur.channelId)).forEach((c) => {
      ui.transferChannel.appendChild(h('option', { value: c.id, text: c.name || c.id }));
    });
    ui.transferOperator.value = opValue;
    if (ui.transferOperator.value !== opValue) ui.transferOperator.value = '';
    ui.transferChannel.value = chValue;
    if (ui.transferChannel.value !== chValue) ui.transferChannel.value = '';
  }

  function onTransfer() {
    if (!canReply()) return;
    const toOperator = ui.transferOperator.value;
    const toChannel = ui.transferChannel.value;
    if (!toOperator === !toChannel) { showError(tx('transferChooseOne')); return; }
    const frame = { type: 'transfer', sessionId: state.current.sessionId };
    if (toOperator) frame.toOperator = toOperator; else frame.toChannel = toChannel;
    const note = ui.transferNote.value.trim();
    if (note) frame.note = note;
    if (!sendNow(frame)) return;
    ui.transferOperator.value = '';
    ui.transferChannel.value = '';
    ui.transferNote.value = '';
  }

  function onCloseSession() {
    if (!canReply()) return;
    sendNow({ type: 'close', sessionId: state.current.sessionId });
  }

  // ---- messages ----------------------------------------------------------------------------------

  function buildMessage(m) {
    const el = h('div', { class: 'msg msg-' + m.kind, 'data-seq': String(m.seq) });
    if (m.clientMsgId) el.setAttribute('data-client-msg-id', m.clientMsgId);
    const head = h('div', { class: 'msg-head' });
    if (m.kind !== 'system') head.appendChild(h('span', { class: 'msg-author', text: m.name || '' }));
    if (m.at) head.appendChild(h('time', { class: 'msg-time', datetime: m.at, text: formatTime(m.at) }));
    el.appendChild(head);
    el.appendChild(messageText(m.text));
    if (m.attachments && m.attachments.length && window.SupportHubConsoleFiles) {
      window.SupportHubConsoleFiles.render(el, m.attachments);
    }
    return el;
  }

  // Code, inline code and links as elements built by ../chat-text.js, never as HTML; plain text without it.
  function messageText(text) {
    const box = h('div', { class: 'msg-text' });
    const r = window.SupportHubText;
    if (r && typeof r.render === 'function') box.appendChild(r.render(text, { locale }));
    else box.textContent = text == null ? '' : String(text);
    return box;
  }

  function buildPending(entry) {
    const el = buildMessage({ seq: 0, kind: 'staff', name: me().name, text: entry.text, at: entry.at, clientMsgId: entry.clientMsgId });
    el.removeAttribute('data-seq');
    el.classList.add(entry.failed ? 'failed' : 'pending');
    if (entry.failed) el.appendChild(h('span', { class: 'msg-note', text: tx('notSent') }));
    return el;
  }

  function nearBottom() {
    return ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 48;
  }

  function scrollToBottom() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // Stored messages in seq order; pending replies stay below all of them.
  function placeShown(el, seq) {
    let before = null;
    for (const c of ui.messages.children) {
      if (c === el) continue;
      const s = c.getAttribute('data-seq');
      if (s ? Number(s) > seq : c.classList.contains('pending') || c.classList.contains('failed')) { before = c; break; }
    }
    const stick = nearBottom() || el.classList.contains('msg-staff');
    ui.messages.querySelectorAll('.conv-placeholder').forEach((p) => p.remove());
    ui.messages.insertBefore(el, before);
    shown.bySeq.set(seq, el);
    if (state.current && seq <= conv(state.current.conversationId).readByAdministrator) renderReceipts();
    if (stick) scrollToBottom();
  }

  // A pending reply became the stored message `m`.
  function confirmShown(m) {
    const el = shown.pending.get(m.clientMsgId);
    shown.pending.delete(m.clientMsgId);
    if (shown.bySeq.has(m.seq)) { if (el) el.remove(); return; }
    if (!el) { placeShown(buildMessage(m), m.seq); return; }
    el.classList.remove('pending');
    el.setAttribute('data-seq', String(m.seq));
    if (m.at) {
      const time = el.querySelector('.msg-time');
      if (time) { time.setAttribute('datetime', m.at); time.textContent = formatTime(m.at); }
    }
    placeShown(el, m.seq);
  }

  function submitReply() {
    if (!canReply()) return;
    const text = ui.replyInput.value.trim();
    if (!text) return;
    if (text.length > MAX_TEXT) { showError(tx('replyTooLong')); return; }
    const cur = state.current;
    const entry = {
      clientMsgId: uuid(),
      sessionId: cur.sessionId,
      text,
      at: new Date().toISOString(),
      failed: false,
    };
    conv(cur.conversationId).pending.set(entry.clientMsgId, entry);
    const el = buildPending(entry);
    shown.pending.set(entry.clientMsgId, el);
    ui.messages.querySelectorAll('.conv-placeholder').forEach((p) => p.remove());
    ui.messages.appendChild(el);
    scrollToBottom();
    ui.replyInput.value = '';
    autoGrow();
    ui.replyInput.focus();
    // Kept until acknowledged: sent now when connected, otherwise after the next welcome.
    if (state.authed) sendReply(entry);
  }

  function sendReply(entry) {
    send({ type: 'message', sessionId: entry.sessionId, clientMsgId: entry.clientMsgId, text: entry.text });
  }

  function resendOutbox() {
    state.convs.forEach((c) => c.pending.forEach((entry) => { if (!entry.failed) sendReply(entry); }));
  }

  function failReply(clientMsgId) {
    state.convs.forEach((c) => {
      const entry = c.pending.get(clientMsgId);
      if (!entry || entry.failed) return;
      entry.failed = true;
      const el = shown.pending.get(clientMsgId);
      if (el) {
        el.classList.remove('pending');
        el.classList.add('failed');
        el.appendChild(h('span', { class: 'msg-note', text: tx('notSent') }));
      }
    });
  }

  function autoGrow() {
    ui.replyInput.style.height = 'auto';
    ui.replyInput.style.height = Math.min(ui.replyInput.scrollHeight + 2, 160) + 'px';
  }

  function onReplyInput() {
    autoGrow();
    if (!canReply() || !state.authed || !ui.replyInput.value) return;
    const now = Date.now();
    if (now - state.lastTypingSentAt < TYPING_SEND_MS) return;
    if (send({ type: 'typing', sessionId: state.current.sessionId })) state.lastTypingSentAt = now;
  }

  // ---- REST: transcript and portal history --------------------------------------------------------

  // Thrown by apiGet after a 401 has already sent the operator back to the login form.
  const LOGGED_OUT = new Error('logged out');

  async function apiGet(path, accept) {
    let res;
    try {
      res = await fetch(API + path, {
        headers: { Authorization: 'Bearer ' + state.auth.token, Accept: accept },
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      throw new Error(tx('unreachable'));
    }
    if (res.status === 401) {
      logout(tx('loginExpired'));
      throw LOGGED_OUT;
    }
    if (!res.ok) throw new Error(await problemText(res));
    return res;
  }

  async function onTranscript() {
    const cur = state.current;
    if (!cur || !state.auth) return;
    ui.transcriptDownload.disabled = true;
    try {
      const res = await apiGet('sessions/' + encodeURIComponent(cur.sessionId) + '/transcript', 'text/plain');
      const blob = new Blob([await res.blob()], { type: 'text/plain;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: 'transcript-' + cur.sessionId + '.txt', hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    } catch (e) {
      if (e !== LOGGED_OUT) showError(e.message);
    } finally {
      ui.transcriptDownload.disabled = !state.current;
    }
  }

  async function onPortalHistory() {
    const cur = state.current;
    if (!cur || !cur.portalId || !state.auth) return;
    ui.history.hidden = false;
    ui.app.classList.add('with-history');
    ui.history.setAttribute('data-portal-id', cur.portalId);
    ui.historyTitle.textContent = cur.portalName ? tx('historyTitleOf', { portal: cur.portalName }) : tx('historyTitle');
    state.historyData = { portalName: cur.portalName || null, conversations: null };
    ui.historyList.textContent = '';
    ui.historyList.setAttribute('aria-busy', 'true');
    ui.historyList.appendChild(h('p', { class: 'history-status', text: tx('historyLoading') }));
    ui.historyClose.focus();
    try {
      const res = await apiGet('portals/' + encodeURIComponent(cur.portalId) + '/history', 'application/json');
      const data = await res.json();
      if (ui.history.getAttribute('data-portal-id') !== cur.portalId) return; // another one was asked for meanwhile
      state.historyData.conversations = Array.isArray(data) ? data : [];
      renderHistory(state.historyData.conversations);
    } catch (e) {
      ui.historyList.textContent = '';
      if (e !== LOGGED_OUT) {
        ui.historyList.appendChild(h('p', { class: 'history-status', text: e.message }));
        showError(e.message);
      }
    } finally {
      ui.historyList.removeAttribute('aria-busy');
    }
  }

  function renderHistory(conversations) {
    ui.historyList.textContent = '';
    if (!conversations.length) {
      ui.historyList.appendChild(h('p', { class: 'history-status', text: tx('historyEmpty') }));
      return;
    }
    conversations.forEach((c) => {
      if (!c || typeof c !== 'object') return;
      // `user` is read as a name, or as an object with one.
      const user = typeof c.user === 'string' ? c.user : (c.user && (c.user.name || c.user.id)) || tx('unknownUser');
      const list = h('ol', { class: 'history-messages' });
      (Array.isArray(c.messages) ? c.messages.slice() : [])
        .filter((m) => m && typeof m === 'object')
        .sort((a, b) => (Number(a.seq) || 0) - (Number(b.seq) || 0))
        .forEach((m) => {
          const author = m.author && typeof m.author === 'object' ? m.author : {};
          const kind = KINDS.indexOf(author.kind) >= 0 ? author.kind : 'system';
          list.appendChild(h('li', { class: 'history-msg history-msg-' + kind, 'data-seq': m.seq == null ? null : String(m.seq) }, [
            h('div', { class: 'msg-head' }, [
              h('span', { class: 'msg-author', text: author.name || '' }),
              m.at ? h('time', { class: 'msg-time', datetime: m.at, text: formatTime(m.at) }) : null,
            ]),
            h('div', { class: 'msg-text', text: m.text == null ? '' : String(m.text) }),
          ]));
        });
      ui.historyList.appendChild(h('section', { class: 'history-conversation', 'data-conversation-id': c.conversationId || '' }, [
        h('h3', { class: 'history-user', text: tx('historyConversation', { user }) }),
        list,
      ]));
    });
  }

  function closeHistory() {
    if (!ui.history) return;
    ui.history.hidden = true;
    ui.history.removeAttribute('data-portal-id');
    ui.historyList.textContent = '';
    state.historyData = null;
    ui.app.classList.remove('with-history');
  }

  // ---- start -------------------------------------------------------------------------------------

  function bind() {
    const $ = (id) => document.getElementById(id);
    Object.assign(ui, {
      loginView: $('login-view'), loginForm: $('login-form'), loginUsername: $('login-username'),
      loginPassword: $('login-password'), loginSubmit: $('login-submit'), loginError: $('login-error'),
      app: $('app'), operatorName: $('operator-name'), statusSelect: $('status-select'), connection: $('connection'),
      statusPending: $('status-pending'), localeSelect: $('locale-select'),
      logout: $('logout'), consoleError: $('console-error'), consoleErrorText: $('console-error-text'),
      consoleErrorDismiss: $('console-error-dismiss'), sessions: $('sessions'),
      conversation: $('conversation'), conversationTitle: $('conversation-title'), conversationMeta: $('conversation-meta'),
      conversationNote: $('conversation-note'), messages: $('messages'), typing: $('typing'),
      replyInput: $('reply-input'), replySend: $('reply-send'), canned: $('canned'),
      transferOperator: $('transfer-operator'), transferChannel: $('transfer-channel'), transferNote: $('transfer-note'),
      transferSend: $('transfer-send'), closeSession: $('close-session'), transcriptDownload: $('transcript-download'),
      portalHistory: $('portal-history'), history: $('history'), historyTitle: $('history-title'),
      historyList: $('history-list'), historyClose: $('history-close'),
      labelEditor: $('label-editor'), labelArea: $('label-area'), labelCoverage: $('label-coverage'),
      labelSave: $('label-save'),
      notifyToggle: $('notify-toggle'), notifyPanel: $('notify-panel'), notifyOffers: $('notify-offers'),
      notifyMessages: $('notify-messages'), notifyReturns: $('notify-returns'), notifySound: $('notify-sound'),
      notifyAllow: $('notify-allow'), notifyPermission: $('notify-permission'),
    });
    ui.notifyToggle.addEventListener('click', () => {
      ui.notifyPanel.hidden = !ui.notifyPanel.hidden;
      ui.notifyToggle.setAttribute('aria-expanded', ui.notifyPanel.hidden ? 'false' : 'true');
      renderNotifySettings();
    });
    [ui.notifyOffers, ui.notifyMessages, ui.notifyReturns, ui.notifySound]
      .forEach((box) => box.addEventListener('change', saveNotifySettings));
    ui.notifyAllow.addEventListener('click', () => notify.askPermission().then(renderNotifySettings));
    notify.onChange(() => { renderTitle(); });
    // Back to the tab: what is shown there has now been read.
    document.addEventListener('visibilitychange', scheduleRead);
    ui.labelSave.addEventListener('click', saveLabel);
    ui.labelArea.addEventListener('change', updateLabelSave);
    ui.labelCoverage.addEventListener('change', updateLabelSave);

    ui.loginForm.addEventListener('submit', onLoginSubmit);
    ui.logout.addEventListener('click', () => {
      // Withdraws the token on the hub too (docs/protocol.md): a copy of it is worthless from now on.
      if (state.auth && state.auth.token) {
        fetch(API + 'logout', { method: 'POST', headers: { Authorization: 'Bearer ' + state.auth.token } })
          .catch(() => { /* the hub is unreachable: the token still expires by itself */ });
      }
      logout(null);
    });
    ui.statusSelect.addEventListener('change', () => {
      const s = ui.statusSelect.value;
      if (STATUSES.indexOf(s) < 0) return;
      // Kept until the hub confirms it with `presence`: sent now when connected, otherwise after the welcome.
      state.wantedStatus = s;
      if (state.authed) send({ type: 'status', status: s });
      renderStatus();
    });
    ui.localeSelect.addEventListener('change', () => chooseLocale(ui.localeSelect.value));
    ui.consoleErrorDismiss.addEventListener('click', hideError);
    ui.sessions.addEventListener('click', onSessionsClick);
    ui.sessions.addEventListener('keydown', onSessionsKey);
    ui.replySend.addEventListener('click', submitReply);
    ui.replyInput.addEventListener('keydown', (e) => {
      // isComposing: Enter that confirms an IME composition must not send.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submitReply(); }
    });
    ui.replyInput.addEventListener('input', onReplyInput);
    ui.canned.addEventListener('change', onCannedChange);
    ui.transferOperator.addEventListener('change', () => { if (ui.transferOperator.value) ui.transferChannel.value = ''; });
    ui.transferChannel.addEventListener('change', () => { if (ui.transferChannel.value) ui.transferOperator.value = ''; });
    ui.transferSend.addEventListener('click', onTransfer);
    ui.closeSession.addEventListener('click', onCloseSession);
    ui.transcriptDownload.addEventListener('click', onTranscript);
    ui.portalHistory.addEventListener('click', onPortalHistory);
    ui.historyClose.addEventListener('click', () => { closeHistory(); ui.portalHistory.focus(); });
    ui.history.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { closeHistory(); ui.portalHistory.focus(); }
    });
    document.addEventListener('supporthub:logout', () => { if (state.auth) logout(tx('loginExpired')); });
    // Back online: skip the rest of the backoff.
    window.addEventListener('online', () => {
      if (state.auth && !state.ws) connect();
    });
  }

  function start() {
    bind();
    applyTexts();
    state.tickTimer = setInterval(tickWaiting, 1000);
    state.auth = loadAuth();
    if (state.auth) {
      showApp();
      refreshRoles().then((ok) => { if (ok) startAreas(); });
    } else {
      renderSessions();
      renderConversation();
      showLogin(null);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
