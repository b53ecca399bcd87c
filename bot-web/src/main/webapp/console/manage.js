/*!
 * Support Hub console: the management area, for support managers. Same page as the agent console
 * (console/index.html); console.js signs in and tells this script who is signed in and with which roles
 * (the hub's answer; every manager API checks them again). No dependencies, no build step.
 *
 * Pages are modules: each calls SupportHubManage.registerPage({ id, order, titleKey, mount(root, ctx), reset() }) and
 * brings its texts with SupportHubManage.addTexts({ en: {...}, pl: {...} }) (the same keys in both). This
 * file registers Portals, Open channels, Staff and Licences; more pages (reports, triage) can live in their
 * own scripts, loaded after this one, the same way. A page's mount() builds its DOM into root and is called
 * again whenever the page is shown or the language changes; state it keeps lives in its own closure, and
 * reset() forgets it when someone else signs in.
 * ctx: { api(method, path, body), apiFile(path, accept), t(key, params), h(tag, attrs, kids), fmtDateTime, fmtDate, notify(text, kind),
 *        field(...), showProblem(form, error), clearProblem(form), locale(), rerender() }.
 */
(function () {
  'use strict';

  const SCRIPT_SRC = (document.currentScript && document.currentScript.src) || location.href;
  const ADMIN_API = new URL('../api/v1/admin/', SCRIPT_SRC).href;
  const STORAGE_AREA = 'supportHub.console.area';
  const STORAGE_PAGE = 'supportHub.manage.page';

  // ---- texts: English and Polish, the same keys (ManageTextsTest checks) ---------------------------

  const TEXT_EN = {
    areaSwitch: 'Console area',
    areaSessions: 'Sessions',
    areaManage: 'Manage',
    manageTitle: 'Management',
    loading: 'Loading\u2026',
    saved: 'Saved.',
    requestFailed: 'The request failed ({status}).',
    unreachable: 'The hub cannot be reached.',
    fieldsInvalid: 'Please correct the marked fields ({n}).',
    none: 'none',
    never: 'never',
    yes: 'yes',
    no: 'no',
    previous: 'Previous',
    next: 'Next',
    pageRange: '{from}\u2013{to} of {total}',
    search: 'Search',
    all: 'All',
    actions: 'Actions',
    close: 'Close',
    copy: 'Copy',
    copyKeyOf: 'Copy the key of {name}',
    copied: 'The key was copied to the clipboard.',
    copyFailed: 'Copying failed; select the key and copy it by hand.',
    // portals
    navPortals: 'Portals',
    portalsTitle: 'Portals',
    portalsSearch: 'Name, address or id',
    filterState: 'Bot state',
    filterFailing: 'Failing check',
    colPortal: 'Portal',
    colState: 'Bot state',
    colLicence: 'Licence',
    colVersion: 'Version',
    colHeartbeat: 'Last heartbeat',
    colActivation: 'Latest activation',
    details: 'Details',
    detailsOf: 'Details of {name}',
    noPortals: 'No portal matches.',
    stateDISABLED: 'Channel off', stateINSTALLED: 'Installed', stateACTIVATING: 'Activating', stateCONNECTED: 'Connected',
    disconnectedByRecheck: 'disconnected by a re-check',
    licVALID: 'valid', licINVALID: 'invalid', licEXPIRED: 'expired', licDEMO: 'demo', licUNKNOWN: 'unknown',
    editionCommercial: 'commercial', editionDemo: 'demo',
    until: 'until {date}',
    outcomeSUCCEEDED: 'succeeded', outcomeFAILED: 'failed', outcomeINTERRUPTED: 'interrupted', outcomeREFUSED: 'refused',
    notActivated: 'never activated',
    checkSUPPORT_CHANNEL: 'Support channel', checkADMINISTRATOR: 'Administrator', checkPUBLIC_ADDRESS: 'Public address',
    checkHUB_REACHES_PORTAL: 'Hub reaches portal', checkPORTAL_REACHES_HUB: 'Portal reaches hub', checkLICENSE: 'Licence',
    checkOPEN_CHANNEL: 'Open channel', checkMEMBERSHIP: 'Membership', checkUPDATES: 'Updates',
    portalId: 'Id',
    publicAddress: 'Public address',
    verifiedAddress: 'Proven address',
    language: 'Language',
    registered: 'Registered',
    licensee: 'Licensee',
    licenceDomain: 'Licence domain',
    activationBy: 'Asked by {name}, {at}',
    checksTitle: 'Checks of the latest activation',
    colCheck: 'Check',
    colResult: 'Result',
    colCode: 'Code',
    colTime: 'Time (ms)',
    passed: 'passed',
    failed: 'failed',
    recheckNow: 'Re-check now',
    rechecking: 'Re-checking\u2026',
    recheckTitle: 'Re-check of {at}',
    recheckPassed: 'Re-check passed; bot state {before} \u2192 {after}.',
    recheckFailed: 'Re-check failed; bot state {before} \u2192 {after}.',
    sessionsTitle: 'Support sessions',
    noSessions: 'No support sessions yet.',
    colAsked: 'Asked',
    colChannel: 'Channel',
    colOperator: 'Operator',
    colQuestion: 'Question',
    colVote: 'Vote',
    historyTitle: 'Conversations',
    noHistory: 'No conversations yet.',
    conversationWith: 'Conversation with {user}',
    // open channels
    navChannels: 'Open channels',
    channelsTitle: 'Open channels',
    newChannel: 'New channel',
    editChannel: 'Edit',
    editChannelOf: 'Edit {name}',
    noChannels: 'No open channels yet.',
    channelNew: 'New open channel',
    channelEdit: 'Open channel: {name}',
    colName: 'Name',
    colLanguage: 'Language',
    colRouting: 'Routing',
    colHours: 'Working hours',
    colOperators: 'Operators',
    colEnabled: 'Enabled',
    groupGeneral: 'General',
    groupRouting: 'Routing',
    groupHours: 'Working hours',
    groupMessages: 'Messages',
    groupSession: 'Sessions',
    groupCanned: 'Canned responses',
    fName: 'Name',
    fLanguage: 'Language',
    fEdition: 'Licence edition served',
    fEnabled: 'Enabled (serves portals)',
    fRoutingMode: 'Routing mode',
    modeSTRICT: 'Strict order', modeEVENLY: 'Evenly (longest idle)', modeALL: 'All at once', modeMANUAL: 'Manual (queue)',
    fQueueTime: 'Queue time (seconds)',
    fCapacity: 'Capacity (sessions per operator)',
    fCountOnlyAnswered: 'Count only answered sessions',
    fOperators: 'Operators, in order',
    operatorsHint: 'Strict routing offers sessions in this order.',
    addOperator: 'Add operator',
    chooseOperator: 'Choose an operator',
    moveUp: 'Move {name} up',
    moveDown: 'Move {name} down',
    remove: 'Remove',
    removeOperator: 'Remove {name}',
    fTimeZone: 'Time zone',
    fWorkingDays: 'Working days',
    dayMON: 'Mon', dayTUE: 'Tue', dayWED: 'Wed', dayTHU: 'Thu', dayFRI: 'Fri', daySAT: 'Sat', daySUN: 'Sun',
    fWorkingFrom: 'From',
    fWorkingTo: 'To',
    hoursHint: '"To" before "From" is a night shift; equal times mean around the clock.',
    fDaysOff: 'Days off',
    daysOffHint: 'One date per line, yyyy-mm-dd.',
    fWelcome: 'Welcome message',
    fOutOfHours: 'Out-of-hours message',
    fAutoClose: 'Auto-close after (minutes, 0 = never)',
    fVoteOnClose: 'Ask for a vote when a session closes',
    cannedTitle: 'Title',
    cannedText: 'Text',
    addCanned: 'Add canned response',
    removeCanned: 'Remove canned response {n}',
    cannedN: 'Canned response {n}',
    save: 'Save',
    cancel: 'Cancel',
    channelSaved: 'The open channel "{name}" was saved.',
    // staff
    navStaff: 'Staff',
    staffTitle: 'Staff',
    onlineTitle: 'Online now',
    noneOnline: 'Nobody is at their console now.',
    colUser: 'User name',
    colRoles: 'Roles',
    colLanguages: 'Languages',
    colAccount: 'Account',
    colOnline: 'Online',
    colStatus: 'Status',
    colHeld: 'Sessions held',
    colLastSeen: 'Last seen',
    roleOperator: 'operator',
    roleManager: 'manager',
    langPl: 'Polish',
    langEn: 'English',
    enabled: 'enabled',
    disabled: 'disabled',
    statusONLINE: 'Online', statusAWAY: 'Away', statusOFFLINE: 'Offline',
    onlineWith: '{status}, {n} sessions',
    manageAccount: 'Manage',
    manageAccountOf: 'Manage {name}',
    newAccount: 'New account',
    fUsername: 'User name',
    fDisplayName: 'Display name',
    fRoles: 'Roles',
    fLanguages: 'Languages',
    fPassword: 'Password',
    passwordHint: 'At least 12 characters, not a common password, not the user name.',
    create: 'Create account',
    accountCreated: 'The account {name} was created.',
    accountTitle: 'Account: {name}',
    saveRoles: 'Save roles',
    saveProfile: 'Save name and languages',
    disable: 'Disable',
    enable: 'Enable',
    fNewPassword: 'New password',
    resetPassword: 'Set new password',
    revoke: 'End all console logins',
    accountDisabled: 'The account {name} was disabled; its console logins ended.',
    accountEnabled: 'The account {name} was enabled.',
    passwordReset: 'The password of {name} was changed; its console logins ended.',
    tokensRevoked: 'Every console login of {name} ended.',
    // licences
    navLicences: 'Licences',
    licencesTitle: 'Licences',
    issueTitle: 'Issue a licence',
    fLicensee: 'Licensee',
    fDomain: 'Portal domain',
    domainHint: 'For example portal.acme.example, or *.acme.example for every sub-domain.',
    fLicEdition: 'Edition',
    fExpires: 'Expires on',
    fSerial: 'Serial (optional)',
    issue: 'Issue licence',
    issuedKey: 'The new licence key',
    issued: 'A licence for {name} was issued.',
    issuedTitle: 'Issued licences',
    licencesSearch: 'Licensee, domain or serial',
    noLicences: 'No licences issued yet.',
    colLicensee: 'Licensee',
    colDomain: 'Domain',
    colEdition: 'Edition',
    colExpires: 'Expires',
    colSerial: 'Serial',
    colIssued: 'Issued',
    colKey: 'Key',
    issuedBy: '{at} by {who}',
  };

  const TEXT_PL = {
    areaSwitch: 'Obszar konsoli',
    areaSessions: 'Sesje',
    areaManage: 'Zarządzanie',
    manageTitle: 'Zarządzanie',
    loading: 'Wczytywanie\u2026',
    saved: 'Zapisano.',
    requestFailed: 'Żądanie nie powiodło się ({status}).',
    unreachable: 'Brak połączenia z hubem.',
    fieldsInvalid: 'Popraw zaznaczone pola ({n}).',
    none: 'brak',
    never: 'nigdy',
    yes: 'tak',
    no: 'nie',
    previous: 'Poprzednie',
    next: 'Następne',
    pageRange: '{from}\u2013{to} z {total}',
    search: 'Szukaj',
    all: 'Wszystkie',
    actions: 'Działania',
    close: 'Zamknij',
    copy: 'Kopiuj',
    copyKeyOf: 'Kopiuj klucz dla: {name}',
    copied: 'Klucz skopiowano do schowka.',
    copyFailed: 'Kopiowanie nie powiodło się; zaznacz klucz i skopiuj go ręcznie.',
    navPortals: 'Portale',
    portalsTitle: 'Portale',
    portalsSearch: 'Nazwa, adres lub identyfikator',
    filterState: 'Stan bota',
    filterFailing: 'Nieudane sprawdzenie',
    colPortal: 'Portal',
    colState: 'Stan bota',
    colLicence: 'Licencja',
    colVersion: 'Wersja',
    colHeartbeat: 'Ostatni sygnał',
    colActivation: 'Ostatnia aktywacja',
    details: 'Szczegóły',
    detailsOf: 'Szczegóły: {name}',
    noPortals: 'Żaden portal nie pasuje.',
    stateDISABLED: 'Kanał wyłączony', stateINSTALLED: 'Zainstalowany', stateACTIVATING: 'Aktywacja', stateCONNECTED: 'Połączony',
    disconnectedByRecheck: 'rozłączony przez ponowne sprawdzenie',
    licVALID: 'ważna', licINVALID: 'nieważna', licEXPIRED: 'wygasła', licDEMO: 'demo', licUNKNOWN: 'nieznana',
    editionCommercial: 'komercyjna', editionDemo: 'demo',
    until: 'do {date}',
    outcomeSUCCEEDED: 'udana', outcomeFAILED: 'nieudana', outcomeINTERRUPTED: 'przerwana', outcomeREFUSED: 'odrzucona',
    notActivated: 'nigdy nieaktywowany',
    checkSUPPORT_CHANNEL: 'Kanał wsparcia', checkADMINISTRATOR: 'Administrator', checkPUBLIC_ADDRESS: 'Adres publiczny',
    checkHUB_REACHES_PORTAL: 'Hub łączy się z portalem', checkPORTAL_REACHES_HUB: 'Portal łączy się z hubem',
    checkLICENSE: 'Licencja', checkOPEN_CHANNEL: 'Otwarty kanał', checkMEMBERSHIP: 'Członkostwo', checkUPDATES: 'Aktualizacje',
    portalId: 'Identyfikator',
    publicAddress: 'Adres publiczny',
    verifiedAddress: 'Potwierdzony adres',
    language: 'Język',
    registered: 'Zarejestrowany',
    licensee: 'Licencjobiorca',
    licenceDomain: 'Domena licencji',
    activationBy: 'Zlecił(a) {name}, {at}',
    checksTitle: 'Sprawdzenia ostatniej aktywacji',
    colCheck: 'Sprawdzenie',
    colResult: 'Wynik',
    colCode: 'Kod',
    colTime: 'Czas (ms)',
    passed: 'zaliczone',
    failed: 'niezaliczone',
    recheckNow: 'Sprawdź teraz',
    rechecking: 'Sprawdzanie\u2026',
    recheckTitle: 'Sprawdzenie z {at}',
    recheckPassed: 'Sprawdzenie udane; stan bota {before} \u2192 {after}.',
    recheckFailed: 'Sprawdzenie nieudane; stan bota {before} \u2192 {after}.',
    sessionsTitle: 'Sesje wsparcia',
    noSessions: 'Brak sesji wsparcia.',
    colAsked: 'Zadane',
    colChannel: 'Kanał',
    colOperator: 'Operator',
    colQuestion: 'Pytanie',
    colVote: 'Ocena',
    historyTitle: 'Rozmowy',
    noHistory: 'Brak rozmów.',
    conversationWith: 'Rozmowa z: {user}',
    navChannels: 'Otwarte kanały',
    channelsTitle: 'Otwarte kanały',
    newChannel: 'Nowy kanał',
    editChannel: 'Edytuj',
    editChannelOf: 'Edytuj: {name}',
    noChannels: 'Nie ma jeszcze otwartych kanałów.',
    channelNew: 'Nowy otwarty kanał',
    channelEdit: 'Otwarty kanał: {name}',
    colName: 'Nazwa',
    colLanguage: 'Język',
    colRouting: 'Kierowanie',
    colHours: 'Godziny pracy',
    colOperators: 'Operatorzy',
    colEnabled: 'Włączony',
    groupGeneral: 'Ogólne',
    groupRouting: 'Kierowanie',
    groupHours: 'Godziny pracy',
    groupMessages: 'Wiadomości',
    groupSession: 'Sesje',
    groupCanned: 'Gotowe odpowiedzi',
    fName: 'Nazwa',
    fLanguage: 'Język',
    fEdition: 'Obsługiwana edycja licencji',
    fEnabled: 'Włączony (obsługuje portale)',
    fRoutingMode: 'Tryb kierowania',
    modeSTRICT: 'Ścisła kolejność', modeEVENLY: 'Równomiernie (najdłużej wolny)', modeALL: 'Wszyscy naraz',
    modeMANUAL: 'Ręcznie (kolejka)',
    fQueueTime: 'Czas w kolejce (sekundy)',
    fCapacity: 'Pojemność (sesji na operatora)',
    fCountOnlyAnswered: 'Licz tylko sesje z odpowiedzią',
    fOperators: 'Operatorzy, w kolejności',
    operatorsHint: 'Ścisłe kierowanie proponuje sesje w tej kolejności.',
    addOperator: 'Dodaj operatora',
    chooseOperator: 'Wybierz operatora',
    moveUp: 'Przesuń w górę: {name}',
    moveDown: 'Przesuń w dół: {name}',
    remove: 'Usuń',
    removeOperator: 'Usuń: {name}',
    fTimeZone: 'Strefa czasowa',
    fWorkingDays: 'Dni pracy',
    dayMON: 'pon.', dayTUE: 'wt.', dayWED: 'śr.', dayTHU: 'czw.', dayFRI: 'pt.', daySAT: 'sob.', daySUN: 'niedz.',
    fWorkingFrom: 'Od',
    fWorkingTo: 'Do',
    hoursHint: '„Do” przed „Od” to zmiana nocna; równe godziny oznaczają całą dobę.',
    fDaysOff: 'Dni wolne',
    daysOffHint: 'Jedna data w wierszu, rrrr-mm-dd.',
    fWelcome: 'Wiadomość powitalna',
    fOutOfHours: 'Wiadomość poza godzinami pracy',
    fAutoClose: 'Automatyczne zamknięcie po (minutach, 0 = nigdy)',
    fVoteOnClose: 'Proś o ocenę po zamknięciu sesji',
    cannedTitle: 'Tytuł',
    cannedText: 'Treść',
    addCanned: 'Dodaj gotową odpowiedź',
    removeCanned: 'Usuń gotową odpowiedź {n}',
    cannedN: 'Gotowa odpowiedź {n}',
    save: 'Zapisz',
    cancel: 'Anuluj',
    channelSaved: 'Zapisano otwarty kanał „{name}”.',
    navStaff: 'Personel',
    staffTitle: 'Personel',
    onlineTitle: 'Teraz dostępni',
    noneOnline: 'Nikt nie ma teraz otwartej konsoli.',
    colUser: 'Nazwa użytkownika',
    colRoles: 'Role',
    colLanguages: 'Języki',
    colAccount: 'Konto',
    colOnline: 'Dostępność',
    colStatus: 'Status',
    colHeld: 'Prowadzone sesje',
    colLastSeen: 'Ostatnio widziany',
    roleOperator: 'operator',
    roleManager: 'kierownik',
    langPl: 'polski',
    langEn: 'angielski',
    enabled: 'aktywne',
    disabled: 'wyłączone',
    statusONLINE: 'Dostępny', statusAWAY: 'Zaraz wracam', statusOFFLINE: 'Niedostępny',
    onlineWith: '{status}, sesje: {n}',
    manageAccount: 'Zarządzaj',
    manageAccountOf: 'Zarządzaj: {name}',
    newAccount: 'Nowe konto',
    fUsername: 'Nazwa użytkownika',
    fDisplayName: 'Wyświetlana nazwa',
    fRoles: 'Role',
    fLanguages: 'Języki',
    fPassword: 'Hasło',
    passwordHint: 'Co najmniej 12 znaków, nie popularne hasło, nie nazwa użytkownika.',
    create: 'Utwórz konto',
    accountCreated: 'Utworzono konto {name}.',
    accountTitle: 'Konto: {name}',
    saveRoles: 'Zapisz role',
    saveProfile: 'Zapisz nazwę i języki',
    disable: 'Wyłącz',
    enable: 'Włącz',
    fNewPassword: 'Nowe hasło',
    resetPassword: 'Ustaw nowe hasło',
    revoke: 'Zakończ wszystkie logowania do konsoli',
    accountDisabled: 'Wyłączono konto {name}; jego logowania do konsoli zakończono.',
    accountEnabled: 'Włączono konto {name}.',
    passwordReset: 'Zmieniono hasło konta {name}; jego logowania do konsoli zakończono.',
    tokensRevoked: 'Zakończono wszystkie logowania do konsoli konta {name}.',
    navLicences: 'Licencje',
    licencesTitle: 'Licencje',
    issueTitle: 'Wystaw licencję',
    fLicensee: 'Licencjobiorca',
    fDomain: 'Domena portalu',
    domainHint: 'Na przykład portal.acme.example albo *.acme.example dla wszystkich subdomen.',
    fLicEdition: 'Edycja',
    fExpires: 'Ważna do',
    fSerial: 'Numer seryjny (opcjonalnie)',
    issue: 'Wystaw licencję',
    issuedKey: 'Nowy klucz licencyjny',
    issued: 'Wystawiono licencję dla: {name}.',
    issuedTitle: 'Wystawione licencje',
    licencesSearch: 'Licencjobiorca, domena lub numer seryjny',
    noLicences: 'Nie wystawiono jeszcze licencji.',
    colLicensee: 'Licencjobiorca',
    colDomain: 'Domena',
    colEdition: 'Edycja',
    colExpires: 'Ważna do',
    colSerial: 'Numer seryjny',
    colIssued: 'Wystawiona',
    colKey: 'Klucz',
    issuedBy: '{at}, wystawił(a) {who}',
  };

  const TEXTS = { en: Object.assign({}, TEXT_EN), pl: Object.assign({}, TEXT_PL) };

  // console.js's language (per account, else the browser's) once it offers one; until then the browser's.
  function locale() {
    const c = window.SupportHubConsole;
    if (c && typeof c.locale === 'function') return c.locale() === 'pl' ? 'pl' : 'en';
    return (navigator.language || '').toLowerCase().indexOf('pl') === 0 ? 'pl' : 'en';
  }

  function t(key, params) {
    const table = TEXTS[locale()];
    const s = Object.prototype.hasOwnProperty.call(table, key) ? table[key]
      : (Object.prototype.hasOwnProperty.call(TEXTS.en, key) ? TEXTS.en[key] : key);
    return s.replace(/\{(\w+)\}/g, (_, k) => (params && params[k] != null ? String(params[k]) : ''));
  }

  // ---- DOM helpers ---------------------------------------------------------------------------------

  // Builds an element; text always goes through textContent, never innerHTML.
  function h(tag, attrs, kids) {
    const e = document.createElement(tag);
    Object.keys(attrs || {}).forEach((k) => {
      const v = attrs[k];
      if (k === 'text') e.textContent = v == null ? '' : String(v);
      else if (k === 'class') e.className = v;
      else if (k === 'value') e.value = v == null ? '' : v;
      else if (k === 'checked') e.checked = !!v;
      else if (k.indexOf('on') === 0 && typeof v === 'function') e.addEventListener(k.substring(2), v);
      else if (v === true) e.setAttribute(k, '');
      else if (v != null && v !== false) e.setAttribute(k, String(v));
    });
    (kids || []).forEach((c) => { if (c != null && c !== false) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function fmtDateTime(iso) {
    if (!iso) return t('never');
    const d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    return d.toLocaleString(locale() === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function fmtDate(iso) {
    if (!iso) return '';
    const d = new Date(String(iso).length === 10 ? iso + 'T00:00:00' : iso);
    if (isNaN(d.getTime())) return String(iso);
    return d.toLocaleDateString(locale() === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium' });
  }

  let uid = 0;
  function nextId(prefix) { uid += 1; return 'm-' + prefix + '-' + uid; }

  /**
   * A labelled form field whose server errors show at it: the wrapper carries data-field (the JSON name the
   * hub's problem+json uses), the control aria-describedby its hint and error.
   */
  function field(name, labelText, control, hint) {
    const id = control.id || nextId(name);
    control.id = id;
    if (!control.name) control.name = name;
    const errId = id + '-error';
    const hintId = hint ? id + '-hint' : null;
    control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
    return h('div', { class: 'm-field', 'data-field': name }, [
      h('label', { for: id, text: labelText }),
      control,
      hint ? h('span', { class: 'm-hint', id: hintId, text: hint }) : null,
      h('span', { class: 'm-error', id: errId, 'data-error-for': name }),
    ]);
  }

  /** A group of checkboxes (or radios) as one field: a fieldset with a legend, its error under it. */
  function choiceField(name, legendText, type, options, chosen) {
    const errId = nextId(name) + '-error';
    const set = h('fieldset', { class: 'm-checks', 'aria-describedby': errId }, [h('legend', { class: 'm-label', text: legendText })]);
    options.forEach((o) => {
      const id = nextId(name);
      set.appendChild(h('label', { for: id }, [
        h('input', { type, id, name, value: o.value, checked: chosen.indexOf(o.value) >= 0 }), o.label,
      ]));
    });
    return h('div', { class: 'm-field', 'data-field': name }, [set, h('span', { class: 'm-error', id: errId, 'data-error-for': name })]);
  }

  function checkedValues(root, name) {
    return Array.from(root.querySelectorAll('input[name="' + name + '"]:checked')).map((i) => i.value);
  }

  function clearProblem(form) {
    form.querySelectorAll('.m-error').forEach((e) => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    form.querySelectorAll('.m-field.invalid').forEach((e) => e.classList.remove('invalid'));
    const summary = form.querySelector('.m-summary');
    if (summary) summary.remove();
  }

  /**
   * Shows a refused request at its fields: each error of the problem's `errors` list goes to the field
   * named by its first segment ("cannedResponses[1].title" -> cannedResponses); others into a summary.
   */
  function showProblem(form, err) {
    clearProblem(form);
    const errors = err && err.problem && Array.isArray(err.problem.errors) ? err.problem.errors : [];
    const loose = [];
    let first = null;
    errors.forEach((e) => {
      if (!e || typeof e.field !== 'string') return;
      const name = e.field.split(/[.[]/)[0];
      const target = form.querySelector('[data-error-for="' + name + '"]');
      if (!target) { loose.push(e.field + ': ' + e.message); return; }
      target.textContent = target.textContent ? target.textContent + ' ' + e.message : String(e.message || '');
      const wrap = target.closest('.m-field');
      wrap.classList.add('invalid');
      const control = wrap.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', 'true');
      if (!first) first = control;
    });
    const text = errors.length ? t('fieldsInvalid', { n: errors.length }) + (loose.length ? ' ' + loose.join('; ') : '')
      : (err && err.message) || t('requestFailed', { status: '?' });
    form.insertBefore(h('p', { class: 'm-summary', role: 'alert', text }), form.firstChild);
    if (first) first.focus();
  }

  // ---- the manager API -----------------------------------------------------------------------------

  const auth = { token: null, roles: [], name: '' };

  class ApiError extends Error {
    constructor(status, problem, message) { super(message); this.status = status; this.problem = problem; }
  }

  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + auth.token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(ADMIN_API + path, {
        method, headers, credentials: 'omit', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, null, t('unreachable'));
    }
    if (res.status === 401) {
      // The login ended (expired, revoked, account changed): console.js goes back to the sign-in form.
      document.dispatchEvent(new CustomEvent('supporthub:logout'));
      throw new ApiError(401, null, t('requestFailed', { status: 401 }));
    }
    if (res.status === 204) return null;
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const message = data && (data.detail || data.title) ? String(data.detail || data.title) : t('requestFailed', { status: res.status });
      throw new ApiError(res.status, data, message);
    }
    return data;
  }

  /**
   * A file from the manager API (a report as CSV): fetched with the bearer token, which a plain link could
   * not send. Resolves to { blob, filename } with the server's Content-Disposition name; fails as api() does.
   */
  async function apiFile(path, accept) {
    let res;
    try {
      res = await fetch(ADMIN_API + path, {
        method: 'GET', headers: { Authorization: 'Bearer ' + auth.token, Accept: accept }, credentials: 'omit', cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, null, t('unreachable'));
    }
    if (res.status === 401) {
      document.dispatchEvent(new CustomEvent('supporthub:logout'));
      throw new ApiError(401, null, t('requestFailed', { status: 401 }));
    }
    if (!res.ok) {
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      const message = data && (data.detail || data.title) ? String(data.detail || data.title) : t('requestFailed', { status: res.status });
      throw new ApiError(res.status, data, message);
    }
    const m = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
    return { blob: await res.blob(), filename: m ? m[1] : path.split('?')[0].replace(/\W+/g, '-') };
  }

  // ---- the page registry and the area ---------------------------------------------------------------

  const pages = [];
  const ui = {};
  let current = null;      // the page shown
  let noticeTimer = 0;

  function notify(text, kind) {
    clearTimeout(noticeTimer);
    ui.notice.textContent = text;
    ui.notice.setAttribute('data-kind', kind || 'info');
    ui.notice.hidden = false;
    noticeTimer = setTimeout(() => { ui.notice.hidden = true; }, kind === 'error' ? 15000 : 8000);
  }

  const ctx = {
    api, apiFile, t, h, fmtDateTime, fmtDate, notify, field, choiceField, checkedValues, showProblem, clearProblem, locale,
    rerender: () => render(),
    pager: pagerOf,
  };

  function registerPage(page) {
    if (!page || typeof page.id !== 'string' || typeof page.mount !== 'function') throw new Error('not a page');
    pages.push(page);
    pages.sort((a, b) => (a.order || 0) - (b.order || 0));
    if (ui.pages) renderNav();
  }

  function addTexts(tables) {
    ['en', 'pl'].forEach((l) => { if (tables && tables[l]) Object.assign(TEXTS[l], tables[l]); });
  }

  function isManager() { return auth.token && auth.roles.indexOf('manager') >= 0; }
  function isOperator() { return auth.roles.indexOf('operator') >= 0; }

  function applyTexts() {
    document.querySelectorAll('[data-mt]').forEach((e) => { e.textContent = t(e.getAttribute('data-mt')); });
    document.querySelectorAll('[data-mt-label]').forEach((e) => { e.setAttribute('aria-label', t(e.getAttribute('data-mt-label'))); });
  }

  function renderNav() {
    ui.pages.textContent = '';
    pages.forEach((p) => {
      const b = h('button', {
        type: 'button', id: 'manage-nav-' + p.id, 'data-page': p.id, text: t(p.titleKey),
        'aria-current': current === p ? 'page' : null,
        onclick: () => show(p.id, true),
      });
      ui.pages.appendChild(h('li', {}, [b]));
    });
  }

  function show(id, focus) {
    const page = pages.find((p) => p.id === id) || pages[0];
    if (!page) return;
    current = page;
    try { sessionStorage.setItem(STORAGE_PAGE, page.id); } catch (e) { /* ignore */ }
    renderNav();
    render();
    if (focus) {
      const heading = ui.page.querySelector('h2');
      if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
    }
  }

  function render() {
    if (!current || !isManager()) return;
    ui.page.textContent = '';
    ui.page.setAttribute('data-page', current.id);
    current.mount(ui.page, ctx);
  }

  function setArea(area) {
    const manage = area === 'manage' && isManager();
    ui.app.setAttribute('data-area', manage ? 'manage' : 'sessions');
    ui.manage.hidden = !manage;
    ui.areaSessions.setAttribute('aria-pressed', String(!manage));
    ui.areaManage.setAttribute('aria-pressed', String(manage));
    try { sessionStorage.setItem(STORAGE_AREA, manage ? 'manage' : 'sessions'); } catch (e) { /* ignore */ }
    if (manage && !current) {
      let saved = null;
      try { saved = sessionStorage.getItem(STORAGE_PAGE); } catch (e) { /* ignore */ }
      show(saved || (pages[0] && pages[0].id), false);
    }
  }

  function onAuth(detail) {
    auth.token = detail && detail.token ? String(detail.token) : null;
    auth.roles = detail && Array.isArray(detail.roles) ? detail.roles.map(String) : [];
    auth.name = detail && detail.name ? String(detail.name) : '';
    current = null;
    ui.page.textContent = '';
    ui.notice.hidden = true;
    // Nothing one login read is shown to the next.
    pages.forEach((p) => { if (typeof p.reset === 'function') p.reset(); });
    if (!isManager()) {
      ui.areaSwitch.hidden = true;
      ui.manage.hidden = true;
      ui.app.removeAttribute('data-area');
      return;
    }
    // Both roles: a switch; a manager only: the management area alone.
    ui.areaSwitch.hidden = !isOperator();
    let saved = null;
    try { saved = sessionStorage.getItem(STORAGE_AREA); } catch (e) { /* ignore */ }
    setArea(!isOperator() || saved === 'manage' ? 'manage' : 'sessions');
  }

  function start() {
    const $ = (id) => document.getElementById(id);
    Object.assign(ui, {
      app: $('app'), manage: $('manage'), pages: $('manage-pages'), page: $('manage-page'), notice: $('manage-notice'),
      areaSwitch: $('area-switch'), areaSessions: $('area-sessions'), areaManage: $('area-manage'),
    });
    if (!ui.manage) return;
    applyTexts();
    renderNav();
    ui.areaSessions.addEventListener('click', () => setArea('sessions'));
    ui.areaManage.addEventListener('click', () => setArea('manage'));
    document.addEventListener('supporthub:auth', (e) => onAuth(e.detail));
    document.addEventListener('supporthub:locale', () => { applyTexts(); renderNav(); render(); });
    const c = window.SupportHubConsole;
    if (c && typeof c.onLocaleChange === 'function') c.onLocaleChange(() => { applyTexts(); renderNav(); render(); });
  }

  window.SupportHubManage = { registerPage, addTexts, t, locale };

  // A page of a paged list: "1-25 of 80" and the two buttons.
  function pagerOf(offset, limit, total, go) {
    if (!total) return null;
    return h('div', { class: 'm-pager' }, [
      h('button', { type: 'button', class: 'btn small', text: t('previous'), disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)) }),
      h('span', { role: 'status', text: t('pageRange', { from: offset + 1, to: Math.min(total, offset + limit), total }) }),
      h('button', { type: 'button', class: 'btn small', text: t('next'), disabled: offset + limit >= total, onclick: () => go(offset + limit) }),
    ]);
  }

  function table(captionText, headers, rows, emptyText) {
    if (!rows.length) return h('p', { class: 'm-empty m-panel', text: emptyText });
    return h('div', { class: 'm-table-wrap' }, [h('table', { class: 'm-table' }, [
      captionText ? h('caption', { class: 'sr-only', text: captionText }) : null,
      h('thead', {}, [h('tr', {}, headers.map((x) => h('th', { scope: 'col', class: x.num ? 'num' : null, text: x.text || x })))]),
      h('tbody', {}, rows),
    ])]);
  }
  ctx.table = table;

  function badge(text, kind) { return h('span', { class: 'm-badge' + (kind ? ' ' + kind : ''), text }); }
  ctx.badge = badge;

  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
    } catch (e) { /* fall back below */ }
    const area = h('textarea', { class: 'sr-only', readonly: true });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  // ================================ Portals ================================================================

  const STATES = ['DISABLED', 'INSTALLED', 'ACTIVATING', 'CONNECTED'];
  const AREAS = ['SUPPORT_CHANNEL', 'ADMINISTRATOR', 'PUBLIC_ADDRESS', 'HUB_REACHES_PORTAL', 'PORTAL_REACHES_HUB',
    'LICENSE', 'OPEN_CHANNEL', 'MEMBERSHIP', 'UPDATES'];

  const portals = { q: '', state: '', failing: '', offset: 0, limit: 25, data: null, error: null, selected: null, detail: null };

  function stateBadge(s) {
    return badge(t('state' + s), s === 'CONNECTED' ? 'ok' : (s === 'DISABLED' ? null : 'warn'));
  }

  function licenceCell(l) {
    if (!l) return h('span', {});
    const kids = [];
    if (l.edition) kids.push(h('div', { text: t(l.edition === 'demo' ? 'editionDemo' : 'editionCommercial') + ' \u00b7 ' + t('until', { date: fmtDate(l.expires) }) }));
    kids.push(badge(t('lic' + l.status), l.status === 'VALID' ? 'ok' : (l.status === 'UNKNOWN' ? null : 'bad')));
    return h('div', { 'data-licence': l.status }, kids);
  }

  function activationCell(a) {
    if (!a) return h('span', { class: 'm-sub', text: t('notActivated') });
    const failed = (a.checks || []).filter((c) => !c.passed);
    return h('div', { 'data-outcome': a.outcome }, [
      badge(t('outcome' + a.outcome), a.outcome === 'SUCCEEDED' ? 'ok' : 'bad'),
      ' ', h('span', { class: 'm-sub', text: fmtDateTime(a.finishedAt) }),
      failed.length ? h('div', { class: 'm-fails' }, failed.map((c) => badge(t('check' + c.area) + (c.code ? ': ' + c.code : ''), 'bad'))) : null,
      a.errorCode ? h('div', { class: 'm-sub', text: a.errorCode + (a.errorDetail ? ' (' + a.errorDetail + ')' : '') }) : null,
    ]);
  }

  async function loadPortals() {
    const q = new URLSearchParams({ offset: portals.offset, limit: portals.limit });
    if (portals.q.trim()) q.set('q', portals.q.trim());
    if (portals.state) q.set('state', portals.state);
    if (portals.failing) q.set('failingCheck', portals.failing);
    try {
      portals.data = await api('GET', 'portals?' + q.toString());
      portals.error = null;
    } catch (e) {
      portals.error = e.message;
    }
    render();
  }

  async function openPortal(id) {
    portals.selected = id;
    portals.detail = { loading: true };
    render();
    try {
      const [portal, sessions, history] = await Promise.all([
        api('GET', 'portals/' + encodeURIComponent(id)),
        api('GET', 'portals/' + encodeURIComponent(id) + '/sessions?limit=20'),
        api('GET', 'portals/' + encodeURIComponent(id) + '/history?size=10&messages=4'),
      ]);
      if (portals.selected !== id) return;
      portals.detail = { portal, sessions: sessions || [], history: Array.isArray(history) ? history : [], recheck: null };
    } catch (e) {
      portals.detail = { error: e.message };
    }
    render();
    const heading = document.getElementById('portal-detail-title');
    if (heading) heading.focus();
  }

  async function recheckPortal(id, button) {
    button.disabled = true;
    button.textContent = t('rechecking');
    try {
      const outcome = await api('POST', 'portals/' + encodeURIComponent(id) + '/recheck');
      const portal = await api('GET', 'portals/' + encodeURIComponent(id));
      if (portals.selected !== id || !portals.detail) return;
      portals.detail.recheck = outcome;
      portals.detail.portal = portal;
      notify(t(outcome.passed ? 'recheckPassed' : 'recheckFailed', { before: t('state' + outcome.before), after: t('state' + outcome.after) }),
        outcome.passed ? 'info' : 'error');
      await loadPortals();
    } catch (e) {
      notify(e.message, 'error');
      render();
    }
  }

  function checksTable(checks, caption) {
    return table(caption, [t('colCheck'), t('colResult'), t('colCode'), { text: t('colTime'), num: true }],
      (checks || []).map((c) => h('tr', { 'data-area': c.area, 'data-passed': String(!!c.passed) }, [
        h('th', { scope: 'row', text: t('check' + c.area) }),
        h('td', {}, [badge(t(c.passed ? 'passed' : 'failed'), c.passed ? 'ok' : 'bad')]),
        h('td', { text: c.code ? c.code + (c.detail ? ' / ' + c.detail : '') : '' }),
        h('td', { class: 'num', text: String(c.millis) }),
      ])), t('none'));
  }

  function portalDetail() {
    const d = portals.detail;
    if (!d) return null;
    const wrap = h('section', { id: 'portal-detail', class: 'm-detail m-panel', 'aria-labelledby': 'portal-detail-title' });
    if (d.loading) { wrap.appendChild(h('p', { text: t('loading') })); return wrap; }
    if (d.error) { wrap.appendChild(h('p', { class: 'm-error', role: 'alert', text: d.error })); return wrap; }
    const p = d.portal;
    wrap.setAttribute('data-portal-id', p.id);
    const recheck = h('button', { type: 'button', id: 'portal-recheck', class: 'btn primary', text: t('recheckNow'), onclick: (e) => recheckPortal(p.id, e.currentTarget) });
    wrap.appendChild(h('div', { class: 'm-toolbar' }, [
      h('h3', { id: 'portal-detail-title', tabindex: '-1', text: p.name }), recheck,
      h('button', { type: 'button', class: 'btn', text: t('close'), onclick: () => { portals.selected = null; portals.detail = null; render(); } }),
    ]));
    const l = p.license || {};
    wrap.appendChild(h('div', { class: 'm-columns' }, [
      h('dl', {}, [
        h('dt', { text: t('portalId') }), h('dd', { class: 'm-key', text: p.id }),
        h('dt', { text: t('publicAddress') }), h('dd', { text: p.publicAddress }),
        h('dt', { text: t('verifiedAddress') }), h('dd', { text: p.verifiedAddress || t('none') }),
        h('dt', { text: t('colState') }), h('dd', {}, [stateBadge(p.botState), p.disconnectedByRecheck ? ' ' + t('disconnectedByRecheck') : '']),
        h('dt', { text: t('language') }), h('dd', { text: p.locale }),
        h('dt', { text: t('registered') }), h('dd', { text: fmtDateTime(p.createdAt) }),
      ]),
      h('dl', {}, [
        h('dt', { text: t('colLicence') }), h('dd', {}, [licenceCell(l)]),
        h('dt', { text: t('licensee') }), h('dd', { text: l.licensee || t('none') }),
        h('dt', { text: t('licenceDomain') }), h('dd', { text: l.domain || t('none') }),
        h('dt', { text: t('colVersion') }), h('dd', { text: p.productVersion }),
        h('dt', { text: t('colHeartbeat') }), h('dd', { text: fmtDateTime(p.lastHeartbeatAt) }),
      ]),
    ]));
    if (d.recheck) {
      wrap.appendChild(h('h3', { text: t('recheckTitle', { at: fmtDateTime(d.recheck.at) }) }));
      const r = h('div', { id: 'recheck-result', 'data-passed': String(!!d.recheck.passed) }, [checksTable(d.recheck.checks, t('recheckTitle', { at: '' }))]);
      wrap.appendChild(r);
    }
    const a = p.latestActivation;
    wrap.appendChild(h('h3', { text: t('checksTitle') }));
    if (a) {
      wrap.appendChild(h('div', { class: 'm-sub' }, [activationCell(a), ' ', t('activationBy', { name: a.requestedByName, at: fmtDateTime(a.startedAt) })]));
      wrap.appendChild(checksTable(a.checks, t('checksTitle')));
    } else {
      wrap.appendChild(h('p', { class: 'm-sub', text: t('notActivated') }));
    }
    wrap.appendChild(h('h3', { text: t('sessionsTitle') }));
    wrap.appendChild(table(t('sessionsTitle'), [t('colAsked'), t('colChannel'), t('colState'), t('colOperator'), t('colQuestion'), t('colVote')],
      d.sessions.map((s) => h('tr', { 'data-session-id': s.sessionId }, [
        h('td', { text: fmtDateTime(s.askedAt) }), h('td', { text: s.channelName || s.channelId }), h('td', { text: s.state }),
        h('td', { text: s.operator || '' }), h('td', { text: s.firstMessage }), h('td', { text: s.vote || '' }),
      ])), t('noSessions')));
    wrap.appendChild(h('h3', { text: t('historyTitle') }));
    const hist = h('div', { id: 'portal-history' });
    if (!d.history.length) hist.appendChild(h('p', { class: 'm-sub', text: t('noHistory') }));
    d.history.forEach((c) => {
      hist.appendChild(h('div', { class: 'm-history-conv', 'data-conversation-id': c.conversationId }, [
        h('strong', { text: t('conversationWith', { user: c.user || '?' }) }),
        h('ol', {}, (c.messages || []).map((m) => h('li', {}, [
          h('span', { class: 'who', text: (m.author && m.author.name) || '' }),
          h('span', { text: m.text }), ' ', h('span', { class: 'm-sub', text: fmtDateTime(m.at) }),
        ]))),
      ]));
    });
    wrap.appendChild(hist);
    return wrap;
  }

  registerPage({
    id: 'portals', order: 10, titleKey: 'navPortals',
    reset() { Object.assign(portals, { q: '', state: '', failing: '', offset: 0, data: null, error: null, selected: null, detail: null }); },
    mount(root) {
      if (!portals.data && !portals.error && !portals.loading) { portals.loading = true; loadPortals().then(() => { portals.loading = false; }); }
      const search = h('input', { type: 'search', id: 'portal-search', value: portals.q, placeholder: t('portalsSearch') });
      // Kept as typed: a list that arrives meanwhile re-renders the page without losing it.
      search.addEventListener('input', () => { portals.q = search.value; });
      const state = h('select', { id: 'portal-state' }, [h('option', { value: '', text: t('all') })]
        .concat(STATES.map((s) => h('option', { value: s, text: t('state' + s) }))));
      state.value = portals.state;
      const failing = h('select', { id: 'portal-failing' }, [h('option', { value: '', text: t('all') })]
        .concat(AREAS.map((a) => h('option', { value: a, text: t('check' + a) }))));
      failing.value = portals.failing;
      const form = h('form', { class: 'm-toolbar', role: 'search', onsubmit: (e) => {
        e.preventDefault();
        portals.q = search.value; portals.state = state.value; portals.failing = failing.value; portals.offset = 0;
        loadPortals();
      } }, [
        field('q', t('search'), search), field('state', t('filterState'), state), field('failingCheck', t('filterFailing'), failing),
        h('button', { type: 'submit', id: 'portal-search-submit', class: 'btn primary', text: t('search') }),
      ]);
      // Choosing a filter applies it at once; the search words wait for Enter or the button.
      [state, failing].forEach((s) => s.addEventListener('change', () => form.requestSubmit()));
      root.appendChild(h('h2', { text: t('portalsTitle') }));
      root.appendChild(form);
      if (portals.error) root.appendChild(h('p', { class: 'm-error', role: 'alert', text: portals.error }));
      const data = portals.data;
      if (!data) { root.appendChild(h('p', { text: t('loading') })); return; }
      root.appendChild(table(t('portalsTitle'), [t('colPortal'), t('colState'), t('colLicence'), t('colVersion'), t('colHeartbeat'), t('colActivation'), t('actions')],
        data.items.map((p) => h('tr', { 'data-portal-id': p.id, 'data-state': p.botState, 'aria-selected': String(portals.selected === p.id) }, [
          h('th', { scope: 'row' }, [h('div', { text: p.name }), h('div', { class: 'm-sub', text: p.publicAddress })]),
          h('td', {}, [stateBadge(p.botState)]),
          h('td', {}, [licenceCell(p.license)]),
          h('td', { text: p.productVersion }),
          h('td', { text: fmtDateTime(p.lastHeartbeatAt) }),
          h('td', {}, [activationCell(p.latestActivation)]),
          h('td', {}, [h('button', { type: 'button', class: 'btn small portal-open', text: t('details'), 'aria-label': t('detailsOf', { name: p.name }), onclick: () => openPortal(p.id) })]),
        ])), t('noPortals')));
      const pager = pagerOf(data.offset, data.limit, data.total, (o) => { portals.offset = o; loadPortals(); });
      if (pager) root.appendChild(pager);
      const detail = portalDetail();
      if (detail) root.appendChild(detail);
    },
  });

  // ================================ Open channels ==========================================================

  const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
  const MODES = ['STRICT', 'EVENLY', 'ALL', 'MANUAL'];
  const channels = { list: null, error: null, operators: [], editing: null, draft: null };

  function blankChannel() {
    return {
      name: '', language: locale(), edition: 'commercial', enabled: true, routingMode: 'STRICT', queueTimeSeconds: 60,
      capacity: 3, countOnlyAnswered: false, timeZone: 'Europe/Warsaw', workingDays: 'MON,TUE,WED,THU,FRI',
      workingFrom: '08:00', workingTo: '16:00', operators: [], welcomeMessage: '', outOfHoursMessage: '', daysOff: [],
      autoCloseMinutes: 30, voteOnClose: true, cannedResponses: [],
    };
  }

  async function loadChannels() {
    try {
      const [list, staff] = await Promise.all([api('GET', 'open-channels'), api('GET', 'staff?limit=200')]);
      channels.list = list || [];
      channels.operators = (staff || []).filter((a) => a.roles.indexOf('operator') >= 0);
      channels.error = null;
    } catch (e) {
      channels.error = e.message;
    }
    render();
  }

  function editChannel(c) {
    channels.editing = c ? c.id : 'new';
    channels.draft = JSON.parse(JSON.stringify(c || blankChannel()));
    channels.draft.daysOff = channels.draft.daysOff || [];
    channels.draft.cannedResponses = channels.draft.cannedResponses || [];
    render();
    const first = document.getElementById('channel-name');
    if (first) first.focus();
  }

  // Reads the form back into the draft (so re-rendering for list edits keeps what was typed).
  function readChannelForm(form) {
    const d = channels.draft;
    const val = (n) => form.elements.namedItem(n).value;
    d.name = val('name');
    d.language = val('language');
    d.edition = val('edition');
    d.enabled = form.elements.namedItem('enabled').checked;
    d.routingMode = val('routingMode');
    d.queueTimeSeconds = val('queueTimeSeconds') === '' ? null : Number(val('queueTimeSeconds'));
    d.capacity = val('capacity') === '' ? null : Number(val('capacity'));
    d.countOnlyAnswered = form.elements.namedItem('countOnlyAnswered').checked;
    d.timeZone = val('timeZone');
    d.workingDays = checkedValues(form, 'workingDays').join(',');
    d.workingFrom = val('workingFrom');
    d.workingTo = val('workingTo');
    d.daysOff = val('daysOff').split(/[\s,]+/).filter(Boolean);
    d.welcomeMessage = val('welcomeMessage');
    d.outOfHoursMessage = val('outOfHoursMessage');
    d.autoCloseMinutes = val('autoCloseMinutes') === '' ? null : Number(val('autoCloseMinutes'));
    d.voteOnClose = form.elements.namedItem('voteOnClose').checked;
    d.cannedResponses = Array.from(form.querySelectorAll('.m-canned')).map((c) => ({
      title: c.querySelector('[data-canned="title"]').value, text: c.querySelector('[data-canned="text"]').value,
    }));
  }

  async function saveChannel(form) {
    readChannelForm(form);
    const d = channels.draft;
    const body = Object.assign({}, d);
    delete body.id;
    const submit = form.querySelector('[type="submit"]');
    submit.disabled = true;
    try {
      const saved = channels.editing === 'new' ? await api('POST', 'open-channels', body)
        : await api('PUT', 'open-channels/' + encodeURIComponent(channels.editing), body);
      channels.editing = null;
      channels.draft = null;
      notify(t('channelSaved', { name: saved.name }));
      await loadChannels();
    } catch (e) {
      submit.disabled = false;
      if (e.status === 400) showProblem(form, e); else notify(e.message, 'error');
    }
  }

  function operatorsEditor(form) {
    const d = channels.draft;
    const list = h('ol', { class: 'm-order', id: 'channel-operators' });
    const rerenderKeep = () => { readChannelForm(form); render(); };
    d.operators.forEach((name, i) => {
      const acc = channels.operators.find((o) => o.username === name);
      const label = acc ? acc.displayName + ' (' + name + ')' : name;
      list.appendChild(h('li', { 'data-operator': name }, [
        h('span', { class: 'pos', text: String(i + 1) + '.' }), h('span', { class: 'name', text: label }),
        h('button', { type: 'button', class: 'btn small', text: '\u2191', 'aria-label': t('moveUp', { name: label }), disabled: i === 0,
          onclick: () => { readChannelForm(form); d.operators.splice(i - 1, 0, d.operators.splice(i, 1)[0]); render(); focusLater('[data-operator="' + name + '"] button'); } }),
        h('button', { type: 'button', class: 'btn small', text: '\u2193', 'aria-label': t('moveDown', { name: label }), disabled: i === d.operators.length - 1,
          onclick: () => { readChannelForm(form); d.operators.splice(i + 1, 0, d.operators.splice(i, 1)[0]); render(); focusLater('[data-operator="' + name + '"] button'); } }),
        h('button', { type: 'button', class: 'btn small danger', text: t('remove'), 'aria-label': t('removeOperator', { name: label }),
          onclick: () => { readChannelForm(form); d.operators.splice(i, 1); rerenderKeep(); } }),
      ]));
    });
    const pick = h('select', { id: 'channel-operator-pick', 'aria-label': t('chooseOperator') }, [h('option', { value: '', text: t('chooseOperator') })]
      .concat(channels.operators.filter((o) => d.operators.indexOf(o.username) < 0)
        .map((o) => h('option', { value: o.username, text: o.displayName + ' (' + o.username + ')' }))));
    const add = h('button', { type: 'button', id: 'channel-operator-add', class: 'btn small', text: t('addOperator'), onclick: () => {
      if (!pick.value) return;
      readChannelForm(form);
      d.operators.push(pick.value);
      render();
      focusLater('#channel-operator-pick');
    } });
    const errId = 'channel-operators-error';
    return h('div', { class: 'm-field', 'data-field': 'operators' }, [
      h('span', { class: 'm-label', id: 'channel-operators-label', text: t('fOperators') }),
      list, h('div', { class: 'm-actions' }, [pick, add]),
      h('span', { class: 'm-hint', text: t('operatorsHint') }),
      h('span', { class: 'm-error', id: errId, 'data-error-for': 'operators' }),
    ]);
  }

  function focusLater(selector) {
    setTimeout(() => { const e = document.querySelector(selector); if (e) e.focus(); }, 0);
  }

  function cannedEditor(form) {
    const d = channels.draft;
    const box = h('div', { id: 'channel-canned' });
    d.cannedResponses.forEach((c, i) => {
      const title = h('input', { type: 'text', value: c.title, maxlength: 100, 'data-canned': 'title' });
      const text = h('textarea', { rows: 2, 'data-canned': 'text' });
      text.value = c.text;
      box.appendChild(h('div', { class: 'm-canned' }, [
        h('div', { class: 'm-row' }, [
          field('canned-' + i + '-title', t('cannedTitle') + ' ' + (i + 1), title),
          field('canned-' + i + '-text', t('cannedText') + ' ' + (i + 1), text),
        ]),
        h('button', { type: 'button', class: 'btn small danger', text: t('remove'), 'aria-label': t('removeCanned', { n: i + 1 }),
          onclick: () => { readChannelForm(form); d.cannedResponses.splice(i, 1); render(); } }),
      ]));
    });
    return h('div', { class: 'm-field', 'data-field': 'cannedResponses' }, [
      box,
      h('button', { type: 'button', id: 'channel-canned-add', class: 'btn small', text: t('addCanned'), onclick: () => {
        readChannelForm(form); d.cannedResponses.push({ title: '', text: '' }); render();
        focusLater('#channel-canned .m-canned:last-child input');
      } }),
      h('span', { class: 'm-error', 'data-error-for': 'cannedResponses' }),
    ]);
  }

  function channelForm() {
    const d = channels.draft;
    const form = h('form', { id: 'channel-form', class: 'm-panel m-detail', novalidate: true, 'aria-labelledby': 'channel-form-title',
      onsubmit: (e) => { e.preventDefault(); saveChannel(form); } });
    const sel = (id, options, value) => { const s = h('select', { id }, options.map((o) => h('option', { value: o[0], text: o[1] }))); s.value = value; return s; };
    const num = (id, value) => h('input', { type: 'number', id, value: value == null ? '' : value });
    const txt = (id, value, extra) => h('input', Object.assign({ type: 'text', id, value: value == null ? '' : value }, extra || {}));
    const area = (id, value) => { const a = h('textarea', { id, rows: 2 }); a.value = value == null ? '' : value; return a; };
    const box = (id, name, value, text) => h('div', { class: 'm-field', 'data-field': name }, [h('label', { for: id }, [h('input', { type: 'checkbox', id, name, checked: value }), ' ', text]),
      h('span', { class: 'm-error', 'data-error-for': name })]);
    const daysOff = area('channel-days-off', (d.daysOff || []).join('\n'));
    form.appendChild(h('h3', { id: 'channel-form-title', text: channels.editing === 'new' ? t('channelNew') : t('channelEdit', { name: d.name }) }));
    form.appendChild(h('fieldset', { class: 'm-group' }, [h('legend', { text: t('groupGeneral') }), h('div', { class: 'm-row' }, [
      field('name', t('fName'), txt('channel-name', d.name, { maxlength: 200 })),
      field('language', t('fLanguage'), sel('channel-language', [['pl', t('langPl')], ['en', t('langEn')]], d.language)),
      field('edition', t('fEdition'), sel('channel-edition', [['commercial', t('editionCommercial')]], d.edition)),
    ]), box('channel-enabled', 'enabled', d.enabled, t('fEnabled'))]));
    form.appendChild(h('fieldset', { class: 'm-group' }, [h('legend', { text: t('groupRouting') }), h('div', { class: 'm-row' }, [
      field('routingMode', t('fRoutingMode'), sel('channel-routing', MODES.map((m) => [m, t('mode' + m)]), d.routingMode)),
      field('queueTimeSeconds', t('fQueueTime'), num('channel-queue-time', d.queueTimeSeconds)),
      field('capacity', t('fCapacity'), num('channel-capacity', d.capacity)),
    ]), box('channel-count-answered', 'countOnlyAnswered', d.countOnlyAnswered, t('fCountOnlyAnswered')), operatorsEditor(form)]));
    form.appendChild(h('fieldset', { class: 'm-group' }, [h('legend', { text: t('groupHours') }), h('div', { class: 'm-row' }, [
      field('timeZone', t('fTimeZone'), txt('channel-time-zone', d.timeZone, { spellcheck: 'false' })),
      field('workingFrom', t('fWorkingFrom'), txt('channel-from', d.workingFrom, { placeholder: 'HH:mm', size: 6 }), t('hoursHint')),
      field('workingTo', t('fWorkingTo'), txt('channel-to', d.workingTo, { placeholder: 'HH:mm', size: 6 })),
    ]), choiceField('workingDays', t('fWorkingDays'), 'checkbox', DAYS.map((x) => ({ value: x, label: t('day' + x) })),
      String(d.workingDays || '').split(',').map((x) => x.trim().toUpperCase())),
    h('span', { class: 'm-error', 'data-error-for': 'workingHours' }),
    field('daysOff', t('fDaysOff'), daysOff, t('daysOffHint'))]));
    form.appendChild(h('fieldset', { class: 'm-group' }, [h('legend', { text: t('groupMessages') }),
      field('welcomeMessage', t('fWelcome'), area('channel-welcome', d.welcomeMessage)),
      field('outOfHoursMessage', t('fOutOfHours'), area('channel-out-of-hours', d.outOfHoursMessage))]));
    form.appendChild(h('fieldset', { class: 'm-group' }, [h('legend', { text: t('groupSession') }), h('div', { class: 'm-row' }, [
      field('autoCloseMinutes', t('fAutoClose'), num('channel-auto-close', d.autoCloseMinutes)),
    ]), box('channel-vote', 'voteOnClose', d.voteOnClose, t('fVoteOnClose'))]));
    form.appendChild(h('fieldset', { class: 'm-group' }, [h('legend', { text: t('groupCanned') }), cannedEditor(form)]));
    form.appendChild(h('div', { class: 'm-actions' }, [
      h('button', { type: 'submit', id: 'channel-save', class: 'btn primary', text: t('save') }),
      h('button', { type: 'button', class: 'btn', text: t('cancel'), onclick: () => { channels.editing = null; channels.draft = null; render(); } }),
    ]));
    // The hub's working-hours rule names "workingHours": show it under both times.
    const hoursError = form.querySelector('[data-error-for="workingHours"]');
    hoursError.classList.add('m-field');
    return form;
  }

  registerPage({
    id: 'channels', order: 20, titleKey: 'navChannels',
    reset() { Object.assign(channels, { list: null, error: null, operators: [], editing: null, draft: null }); },
    mount(root) {
      if (!channels.list && !channels.error && !channels.loading) { channels.loading = true; loadChannels().then(() => { channels.loading = false; }); }
      root.appendChild(h('div', { class: 'm-toolbar' }, [
        h('h2', { text: t('channelsTitle') }),
        h('button', { type: 'button', id: 'channel-new', class: 'btn primary', text: t('newChannel'), onclick: () => editChannel(null) }),
      ]));
      if (channels.error) root.appendChild(h('p', { class: 'm-error', role: 'alert', text: channels.error }));
      if (!channels.list) { root.appendChild(h('p', { text: t('loading') })); return; }
      root.appendChild(table(t('channelsTitle'), [t('colName'), t('colLanguage'), t('colRouting'), t('colHours'), t('colOperators'), t('colEnabled'), t('actions')],
        channels.list.map((c) => h('tr', { 'data-channel-id': c.id, 'data-name': c.name }, [
          h('th', { scope: 'row', text: c.name }),
          h('td', { text: c.language }),
          h('td', { text: t('mode' + c.routingMode) + ' \u00b7 ' + c.capacity + ' \u00b7 ' + c.queueTimeSeconds + ' s' }),
          h('td', { text: c.workingDays + ' ' + c.workingFrom + '\u2013' + c.workingTo + ' (' + c.timeZone + ')' }),
          h('td', { text: (c.operators || []).join(', ') }),
          h('td', { text: t(c.enabled ? 'yes' : 'no') }),
          h('td', {}, [h('button', { type: 'button', class: 'btn small channel-edit', text: t('editChannel'), 'aria-label': t('editChannelOf', { name: c.name }), onclick: () => editChannel(c) })]),
        ])), t('noChannels')));
      if (channels.draft) root.appendChild(channelForm());
    },
  });

  // ================================ Staff ==================================================================

  const staff = { list: null, online: [], error: null, selected: null };

  async function loadStaff() {
    try {
      const [list, online] = await Promise.all([api('GET', 'staff?limit=200'), api('GET', 'staff/online')]);
      staff.list = list || [];
      staff.online = online || [];
      staff.error = null;
    } catch (e) {
      staff.error = e.message;
    }
    render();
  }

  function roleNames(roles) { return roles.map((r) => t(r === 'manager' ? 'roleManager' : 'roleOperator')).join(', '); }
  function langNames(langs) { return langs.map((l) => t(l === 'pl' ? 'langPl' : 'langEn')).join(', '); }

  async function staffAction(form, method, path, body, message) {
    try {
      const account = await api(method, path, body);
      notify(t(message, { name: account ? account.username : '' }));
      await loadStaff();
      return true;
    } catch (e) {
      if (form && e.status === 400) showProblem(form, e); else notify(e.message, 'error');
      return false;
    }
  }

  function newAccountForm() {
    const form = h('form', { id: 'staff-create', class: 'm-panel', novalidate: true, 'aria-labelledby': 'staff-create-title' });
    const username = h('input', { type: 'text', id: 'staff-username', autocomplete: 'off', spellcheck: 'false' });
    const name = h('input', { type: 'text', id: 'staff-display-name', autocomplete: 'off' });
    const password = h('input', { type: 'password', id: 'staff-password', autocomplete: 'new-password' });
    form.appendChild(h('h3', { id: 'staff-create-title', text: t('newAccount') }));
    form.appendChild(h('div', { class: 'm-row' }, [field('username', t('fUsername'), username), field('displayName', t('fDisplayName'), name)]));
    form.appendChild(h('div', { class: 'm-row' }, [
      choiceField('roles', t('fRoles'), 'checkbox', [{ value: 'operator', label: t('roleOperator') }, { value: 'manager', label: t('roleManager') }], ['operator']),
      choiceField('languages', t('fLanguages'), 'checkbox', [{ value: 'pl', label: t('langPl') }, { value: 'en', label: t('langEn') }], [locale()]),
    ]));
    form.appendChild(field('password', t('fPassword'), password, t('passwordHint')));
    form.appendChild(h('div', { class: 'm-actions' }, [h('button', { type: 'submit', id: 'staff-create-submit', class: 'btn primary', text: t('create') })]));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(form);
      const ok = await staffAction(form, 'POST', 'staff', {
        username: username.value.trim(), displayName: name.value.trim(), roles: checkedValues(form, 'roles'),
        languages: checkedValues(form, 'languages'), password: password.value,
      }, 'accountCreated');
      if (ok) focusLater('#staff-create-title');
    });
    return form;
  }

  function accountPanel(a) {
    const wrap = h('section', { id: 'staff-account', class: 'm-panel m-detail', 'data-account-id': a.id, 'aria-labelledby': 'staff-account-title' });
    wrap.appendChild(h('div', { class: 'm-toolbar' }, [
      h('h3', { id: 'staff-account-title', tabindex: '-1', text: t('accountTitle', { name: a.displayName + ' (' + a.username + ')' }) }),
      h('button', { type: 'button', class: 'btn', text: t('close'), onclick: () => { staff.selected = null; render(); } }),
    ]));
    const rolesForm = h('form', { id: 'staff-roles-form', novalidate: true }, [
      choiceField('roles', t('fRoles'), 'checkbox', [{ value: 'operator', label: t('roleOperator') }, { value: 'manager', label: t('roleManager') }], a.roles),
      h('button', { type: 'submit', id: 'staff-roles-save', class: 'btn', text: t('saveRoles') }),
    ]);
    rolesForm.addEventListener('submit', (e) => { e.preventDefault(); clearProblem(rolesForm); staffAction(rolesForm, 'PUT', 'staff/' + a.id + '/roles', { roles: checkedValues(rolesForm, 'roles') }, 'saved'); });
    const nameInput = h('input', { type: 'text', id: 'staff-edit-name', value: a.displayName });
    const profileForm = h('form', { id: 'staff-profile-form', novalidate: true }, [
      field('displayName', t('fDisplayName'), nameInput),
      choiceField('languages', t('fLanguages'), 'checkbox', [{ value: 'pl', label: t('langPl') }, { value: 'en', label: t('langEn') }], a.languages),
      h('button', { type: 'submit', class: 'btn', text: t('saveProfile') }),
    ]);
    profileForm.addEventListener('submit', (e) => { e.preventDefault(); clearProblem(profileForm); staffAction(profileForm, 'PUT', 'staff/' + a.id + '/profile', { displayName: nameInput.value.trim(), languages: checkedValues(profileForm, 'languages') }, 'saved'); });
    const pw = h('input', { type: 'password', id: 'staff-new-password', autocomplete: 'new-password' });
    const pwForm = h('form', { id: 'staff-password-form', novalidate: true }, [
      field('password', t('fNewPassword'), pw, t('passwordHint')),
      h('button', { type: 'submit', class: 'btn', text: t('resetPassword') }),
    ]);
    pwForm.addEventListener('submit', (e) => { e.preventDefault(); clearProblem(pwForm); staffAction(pwForm, 'PUT', 'staff/' + a.id + '/password', { password: pw.value }, 'passwordReset'); });
    wrap.appendChild(h('div', { class: 'm-columns' }, [rolesForm, profileForm, pwForm]));
    wrap.appendChild(h('div', { class: 'm-actions' }, [
      a.enabled ? h('button', { type: 'button', id: 'staff-disable', class: 'btn danger', text: t('disable'), onclick: () => staffAction(null, 'POST', 'staff/' + a.id + '/disable', undefined, 'accountDisabled') })
        : h('button', { type: 'button', id: 'staff-enable', class: 'btn', text: t('enable'), onclick: () => staffAction(null, 'POST', 'staff/' + a.id + '/enable', undefined, 'accountEnabled') }),
      h('button', { type: 'button', id: 'staff-revoke', class: 'btn', text: t('revoke'), onclick: () => staffAction(null, 'POST', 'staff/' + a.id + '/revoke-tokens', undefined, 'tokensRevoked') }),
    ]));
    return wrap;
  }

  registerPage({
    id: 'staff', order: 30, titleKey: 'navStaff',
    reset() { Object.assign(staff, { list: null, online: [], error: null, selected: null }); },
    mount(root) {
      if (!staff.list && !staff.error && !staff.loading) { staff.loading = true; loadStaff().then(() => { staff.loading = false; }); }
      root.appendChild(h('h2', { text: t('staffTitle') }));
      if (staff.error) root.appendChild(h('p', { class: 'm-error', role: 'alert', text: staff.error }));
      if (!staff.list) { root.appendChild(h('p', { text: t('loading') })); return; }
      const online = new Map(staff.online.map((o) => [o.username, o]));
      root.appendChild(h('section', { 'aria-labelledby': 'staff-online-title' }, [
        h('h3', { id: 'staff-online-title', text: t('onlineTitle') }),
        h('div', { id: 'staff-online' }, [table(t('onlineTitle'), [t('colUser'), t('colStatus'), { text: t('colHeld'), num: true }, t('colLastSeen')],
          staff.online.map((o) => h('tr', { 'data-username': o.username, 'data-held': String(o.heldSessions) }, [
            h('th', { scope: 'row', text: o.username }), h('td', { text: t('status' + o.status) }),
            h('td', { class: 'num', text: String(o.heldSessions) }), h('td', { text: fmtDateTime(o.lastSeenAt) }),
          ])), t('noneOnline'))]),
      ]));
      root.appendChild(h('section', { 'aria-labelledby': 'staff-list-title' }, [
        h('h3', { id: 'staff-list-title', text: t('staffTitle') }),
        h('div', { id: 'staff-list' }, [table(t('staffTitle'), [t('colUser'), t('colName'), t('colRoles'), t('colLanguages'), t('colAccount'), t('colOnline'), t('actions')],
          staff.list.map((a) => {
            const o = online.get(a.username);
            return h('tr', { 'data-account-id': a.id, 'data-username': a.username, 'data-enabled': String(a.enabled), 'data-roles': a.roles.join(' '), 'aria-selected': String(staff.selected === a.id) }, [
              h('th', { scope: 'row', text: a.username }), h('td', { text: a.displayName }), h('td', { text: roleNames(a.roles) }),
              h('td', { text: langNames(a.languages) }),
              h('td', {}, [badge(t(a.enabled ? 'enabled' : 'disabled'), a.enabled ? 'ok' : 'bad')]),
              h('td', { text: o ? t('onlineWith', { status: t('status' + o.status), n: o.heldSessions }) : '' }),
              h('td', {}, [h('button', { type: 'button', class: 'btn small staff-manage', text: t('manageAccount'), 'aria-label': t('manageAccountOf', { name: a.username }),
                onclick: () => { staff.selected = a.id; render(); focusLater('#staff-account-title'); } })]),
            ]);
          }), t('none'))]),
      ]));
      const selected = staff.list.find((a) => a.id === staff.selected);
      if (selected) root.appendChild(accountPanel(selected));
      root.appendChild(h('section', {}, [newAccountForm()]));
    },
  });

  // ================================ Licences ===============================================================

  const licences = { data: null, error: null, q: '', offset: 0, limit: 25, issued: null, draft: null };

  async function loadLicences() {
    const q = new URLSearchParams({ offset: licences.offset, limit: licences.limit });
    if (licences.q.trim()) q.set('q', licences.q.trim());
    try {
      licences.data = await api('GET', 'licenses?' + q.toString());
      licences.error = null;
    } catch (e) {
      licences.error = e.message;
    }
    render();
  }

  function copyButton(key, label, id) {
    return h('button', { type: 'button', id, class: 'btn small licence-copy', text: t('copy'), 'aria-label': label,
      onclick: async () => { notify(t(await copyText(key) ? 'copied' : 'copyFailed'), 'info'); } });
  }

  function issueForm() {
    const d = licences.draft || (licences.draft = { licensee: '', domain: '', edition: 'commercial', expires: '', serial: '' });
    const form = h('form', { id: 'licence-form', class: 'm-panel', novalidate: true, 'aria-labelledby': 'licence-form-title' });
    const licensee = h('input', { type: 'text', id: 'licence-licensee', value: d.licensee, maxlength: 200 });
    const domain = h('input', { type: 'text', id: 'licence-domain', value: d.domain, spellcheck: 'false' });
    const edition = h('select', { id: 'licence-edition' }, [h('option', { value: 'commercial', text: t('editionCommercial') }), h('option', { value: 'demo', text: t('editionDemo') })]);
    edition.value = d.edition;
    const expires = h('input', { type: 'date', id: 'licence-expires', value: d.expires });
    const serial = h('input', { type: 'text', id: 'licence-serial', value: d.serial, spellcheck: 'false' });
    // What is typed survives a re-render (the list arriving, a language change).
    const keep = () => Object.assign(d, { licensee: licensee.value, domain: domain.value, edition: edition.value, expires: expires.value, serial: serial.value });
    [licensee, domain, edition, expires, serial].forEach((x) => { x.addEventListener('input', keep); x.addEventListener('change', keep); });
    form.appendChild(h('h3', { id: 'licence-form-title', text: t('issueTitle') }));
    form.appendChild(h('div', { class: 'm-row' }, [field('licensee', t('fLicensee'), licensee), field('domain', t('fDomain'), domain, t('domainHint'))]));
    form.appendChild(h('div', { class: 'm-row' }, [field('edition', t('fLicEdition'), edition), field('expires', t('fExpires'), expires), field('serial', t('fSerial'), serial)]));
    form.appendChild(h('div', { class: 'm-actions' }, [h('button', { type: 'submit', id: 'licence-issue', class: 'btn primary', text: t('issue') })]));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(form);
      Object.assign(d, { licensee: licensee.value, domain: domain.value, edition: edition.value, expires: expires.value, serial: serial.value });
      const body = { licensee: d.licensee.trim(), domain: d.domain.trim(), edition: d.edition, expires: d.expires };
      if (d.serial.trim()) body.serial = d.serial.trim();
      try {
        licences.issued = await api('POST', 'licenses', body);
        licences.draft = null;
        licences.offset = 0;
        notify(t('issued', { name: licences.issued.licensee }));
        await loadLicences();
        focusLater('#licence-key');
      } catch (err) {
        if (err.status === 400) showProblem(form, err); else notify(err.message, 'error');
      }
    });
    return form;
  }

  registerPage({
    id: 'licences', order: 40, titleKey: 'navLicences',
    reset() { Object.assign(licences, { data: null, error: null, q: '', offset: 0, issued: null, draft: null }); },
    mount(root) {
      if (!licences.data && !licences.error && !licences.loading) { licences.loading = true; loadLicences().then(() => { licences.loading = false; }); }
      root.appendChild(h('h2', { text: t('licencesTitle') }));
      root.appendChild(issueForm());
      if (licences.issued) {
        const key = h('textarea', { id: 'licence-key', class: 'm-key', readonly: true, rows: 3 });
        key.value = licences.issued.key;
        root.appendChild(h('div', { class: 'm-panel m-detail', id: 'licence-issued' }, [
          h('div', { class: 'm-field' }, [h('label', { for: 'licence-key', text: t('issuedKey') + ': ' + licences.issued.licensee + ', ' + licences.issued.domain }),
            h('div', { class: 'm-key-box' }, [key, copyButton(licences.issued.key, t('copyKeyOf', { name: licences.issued.licensee }), 'licence-key-copy')])]),
        ]));
      }
      const search = h('input', { type: 'search', id: 'licence-search', value: licences.q, placeholder: t('licencesSearch') });
      search.addEventListener('input', () => { licences.q = search.value; });
      root.appendChild(h('h3', { text: t('issuedTitle') }));
      root.appendChild(h('form', { class: 'm-toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); licences.q = search.value; licences.offset = 0; loadLicences(); } }, [
        field('q', t('search'), search), h('button', { type: 'submit', class: 'btn', text: t('search') }),
      ]));
      if (licences.error) root.appendChild(h('p', { class: 'm-error', role: 'alert', text: licences.error }));
      if (!licences.data) { root.appendChild(h('p', { text: t('loading') })); return; }
      const data = licences.data;
      root.appendChild(h('div', { id: 'licence-list' }, [table(t('issuedTitle'), [t('colLicensee'), t('colDomain'), t('colEdition'), t('colExpires'), t('colSerial'), t('colIssued'), t('colKey')],
        data.items.map((l) => h('tr', { 'data-licence-id': l.id, 'data-domain': l.domain }, [
          h('th', { scope: 'row', text: l.licensee }), h('td', { text: l.domain }),
          h('td', { text: t(l.edition === 'demo' ? 'editionDemo' : 'editionCommercial') }), h('td', { text: fmtDate(l.expires) }),
          h('td', { class: 'm-key', text: l.serial }), h('td', { text: t('issuedBy', { at: fmtDateTime(l.issuedAt), who: l.issuedBy }) }),
          h('td', {}, [h('span', { class: 'm-key m-key-short', title: l.key, text: l.key }), ' ', copyButton(l.key, t('copyKeyOf', { name: l.licensee }))]),
        ])), t('noLicences'))]));
      const pager = pagerOf(data.offset, data.limit, data.total, (o) => { licences.offset = o; loadLicences(); });
      if (pager) root.appendChild(pager);
    },
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
