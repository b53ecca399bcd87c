/*!
 * Support Hub agent console: drawing an operator's attention (issue 13). Loaded before console.js, which
 * decides what is news and in which words; this file does the telling:
 *   - a desktop notification (the Notification API; permission asked from a click of the operator's),
 *   - a short beep, generated with WebAudio (no sound file),
 *   - the count of unseen items in the tab's title, "(3) Agent console...": console.js adds the open offers
 *     (while offers are on) to the news that came while the tab was hidden, cleared once the tab is seen.
 * Each kind of news (offers, messages, returns) and the sound can be switched off; the choices are the
 * operator's, kept with their account on the hub (docs/protocol.md, section 11) and given to configure().
 *
 * API (window.SupportHubNotify, frozen):
 *   configure({offers, messages, returns, sound})   the operator's choices (missing: on)
 *   choices() -> a copy of them
 *   permission() -> 'granted' | 'denied' | 'default' | 'unsupported'
 *   askPermission() -> Promise<permission>             call from a click
 *   raise(kind, title, body, tag) -> whether anything was raised (kind: 'offers' | 'messages' | 'returns')
 *   unseen() -> news raised while the tab was hidden and not seen since (offers not included: the console
 *              counts its open offers itself);  seen() clears it
 *   onChange(fn) -> unsubscribe; fn() after the count or the choices changed
 */
(function () {
  'use strict';

  const KINDS = ['offers', 'messages', 'returns'];
  const BEEP_HZ = 880;
  const BEEP_SECONDS = 0.18;

  let choices = { offers: true, messages: true, returns: true, sound: true };
  let unseen = 0;
  let audio = null;
  const listeners = [];

  function changed() {
    listeners.slice().forEach((fn) => {
      try { fn(); } catch (e) { console.error('[SupportHubNotify] listener failed', e); }
    });
  }

  function configure(c) {
    const next = {};
    KINDS.concat(['sound']).forEach((k) => { next[k] = !(c && c[k] === false); });
    choices = next;
    changed();
  }

  function permission() {
    return 'Notification' in window ? Notification.permission : 'unsupported';
  }

  function askPermission() {
    if (!('Notification' in window)) return Promise.resolve('unsupported');
    if (Notification.permission !== 'default') return Promise.resolve(Notification.permission);
    // Older browsers take a callback instead of returning a promise.
    return new Promise((resolve) => {
      const p = Notification.requestPermission(resolve);
      if (p && typeof p.then === 'function') p.then(resolve, () => resolve(permission()));
    }).then((p) => { changed(); return p; });
  }

  // A short sine beep with a soft start and end (no click), made here: the console ships no sound file.
  function beep() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return false;
      audio = audio || new Ctx();
      if (audio.state === 'suspended') audio.resume();
      const t0 = audio.currentTime;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(BEEP_HZ, t0);
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.2, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + BEEP_SECONDS);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(t0);
      osc.stop(t0 + BEEP_SECONDS + 0.02);
      return true;
    } catch (e) {
      return false;
    }
  }

  /**
   * Raises news of a kind the operator keeps on: the title's count, a desktop notification when allowed,
   * and the beep when the sound is on. Nothing at all for a kind switched off.
   */
  function raise(kind, title, body, tag) {
    if (KINDS.indexOf(kind) < 0 || !choices[kind]) return false;
    if (kind !== 'offers' && document.visibilityState === 'hidden') unseen++;
    if (permission() === 'granted') {
      try {
        const n = new Notification(title, { body: body || '', tag: tag || undefined, lang: document.documentElement.lang });
        n.onclick = () => { window.focus(); n.close(); };
      } catch (e) { /* some browsers only notify from a service worker: the title and sound still tell */ }
    }
    if (choices.sound) beep();
    changed();
    return true;
  }

  function seen() {
    if (!unseen) return;
    unseen = 0;
    changed();
  }

  // The operator looks at the tab again: what was news is seen.
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') seen(); });

  window.SupportHubNotify = Object.freeze({
    configure,
    choices() { return Object.assign({}, choices); },
    permission,
    askPermission,
    raise,
    beep,
    unseen() { return unseen; },
    seen,
    onChange(fn) {
      if (typeof fn !== 'function') throw new TypeError('SupportHubNotify.onChange: fn must be a function');
      listeners.push(fn);
      return () => {
        const i = listeners.indexOf(fn);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
  });
})();
