/*
 * Agent console: files in the conversation (docs/protocol.md, section 13).
 *
 * An operator who holds the open session attaches files with the paper-clip button, by dropping them on the
 * conversation, or by pasting a screenshot into the reply box. Each upload shows its progress; a failed one
 * offers "Retry" with the same clientMsgId (the hub stores it once whatever happens to the answer). Files in
 * messages (both sides') are drawn by console.js calling SupportHubConsoleFiles.render: images as the hub's
 * thumbnails, everything else as download links, each through a short-lived signed link.
 */
(function () {
  'use strict';

  const HUB_ROOT = new URL('../', document.currentScript ? document.currentScript.src : location.href).href;
  const API = new URL('api/v1/console/', HUB_ROOT).href;

  const TEXTS = {
    en: {
      attach: 'Attach a file', uploading: 'Sending {name}\u2026', failed: 'Not sent: {reason}', retry: 'Retry',
      drop: 'Drop files to send them', download: 'Download {name} ({size})', network: 'the connection failed',
      notYours: 'take the session first', pasted: 'screenshot.png',
    },
    pl: {
      attach: 'Dołącz plik', uploading: 'Wysyłanie {name}\u2026', failed: 'Nie wysłano: {reason}', retry: 'Ponów',
      drop: 'Upuść pliki, aby je wysłać', download: 'Pobierz {name} ({size})', network: 'połączenie nie powiodło się',
      notYours: 'najpierw przejmij sesję', pasted: 'zrzut-ekranu.png',
    },
  };

  const CSS = `
#attach-file { min-width: 40px; font-size: 18px; line-height: 1; }
.msg-files { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.msg-file-thumb { display: block; padding: 0; border: 0; background: #e2e8f0; border-radius: 6px; cursor: pointer; }
.msg-file-thumb img { display: block; max-width: 240px; max-height: 240px; border-radius: 6px; }
.msg-file-link { padding: 4px 8px; border: 1px solid currentColor; border-radius: 6px; background: transparent; color: inherit;
  cursor: pointer; font: inherit; font-size: 13px; text-decoration: underline; overflow-wrap: anywhere; }
.msg.uploading .msg-progress { height: 4px; margin-top: 6px; border-radius: 2px; background: #e2e8f0; overflow: hidden; }
.msg .msg-progress > div { height: 100%; width: 0; background: #2563eb; transition: width .1s linear; }
.msg.upload-failed { border-color: #fca5a5; background: #fee2e2; }
.msg.upload-failed .msg-progress { display: none; }
.msg-retry { margin-top: 6px; }
.messages.dragging { outline: 3px dashed #2563eb; outline-offset: -6px; }
`;

  function locale() {
    return window.SupportHubConsole && window.SupportHubConsole.locale() === 'pl' ? 'pl' : 'en';
  }

  function t(key, params) {
    const s = TEXTS[locale()][key] || TEXTS.en[key] || key;
    return s.replace(/\{(\w+)\}/g, (_, k) => (params && params[k] != null ? String(params[k]) : ''));
  }

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

  function size(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(0) + ' KB';
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const x = Array.from(b, (n) => n.toString(16).padStart(2, '0')).join('');
    return x.slice(0, 8) + '-' + x.slice(8, 12) + '-' + x.slice(12, 16) + '-' + x.slice(16, 20) + '-' + x.slice(20);
  }

  function session() {
    return window.SupportHubConsoleSession || { replySessionId: () => null, token: () => null };
  }

  async function links(id) {
    const r = await fetch(API + 'attachments/' + encodeURIComponent(id) + '/links', {
      method: 'POST', headers: { Authorization: 'Bearer ' + session().token(), Accept: 'application/json' },
    });
    if (!r.ok) throw new Error('links ' + r.status);
    return r.json();
  }

  async function download(id) {
    try {
      const l = await links(id);
      const a = h('a', { href: l.url, download: '', rel: 'noopener noreferrer' });
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (e) {
      // The console shows its errors in its own bar; a failed download needs no more than the console's log.
      console.warn('[console] download failed', e);
    }
  }

  function render(el, attachments) {
    if (!Array.isArray(attachments) || !attachments.length || el.querySelector('.msg-files')) return;
    const box = h('div', { class: 'msg-files' });
    attachments.forEach((f) => {
      if (!f || typeof f.id !== 'string') return;
      const label = t('download', { name: String(f.name || ''), size: size(Number(f.size) || 0) });
      if (f.thumbnail === true) {
        const img = h('img', { alt: String(f.name || ''), 'data-attachment-id': f.id });
        const b = h('button', { type: 'button', class: 'msg-file-thumb', title: label, 'aria-label': label }, [img]);
        b.addEventListener('click', () => download(f.id));
        links(f.id).then((l) => { if (l.thumbnailUrl) img.src = l.thumbnailUrl; }).catch(() => { img.dataset.failed = 'true'; img.title = 'Preview unavailable / Podgląd niedostępny'; });
        box.appendChild(b);
      } else {
        const b = h('button', { type: 'button', class: 'msg-file-link', 'data-attachment-id': f.id, text: label });
        b.addEventListener('click', () => download(f.id));
        box.appendChild(b);
      }
    });
    el.appendChild(box);
  }

  window.SupportHubConsoleFiles = Object.freeze({ render });

  // ---- uploading ----

  let messages = null;

  function upload(list) {
    const chosen = Array.from(list || []).filter((f) => f && typeof f.size === 'number');
    const sessionId = session().replySessionId();
    if (!chosen.length || !sessionId || !messages) return;
    const entry = { clientMsgId: uuid(), sessionId, files: chosen };
    entry.bar = h('div');
    entry.status = h('div', { class: 'msg-text' });
    entry.retry = h('button', { type: 'button', class: 'btn msg-retry', hidden: true, text: t('retry') });
    entry.el = h('div', { class: 'msg msg-staff pending uploading', 'data-client-msg-id': entry.clientMsgId },
      [entry.status, h('div', { class: 'msg-progress' }, [entry.bar]), entry.retry]);
    entry.retry.addEventListener('click', () => send(entry));
    messages.appendChild(entry.el);
    messages.scrollTop = messages.scrollHeight;
    send(entry);
  }

  // Milliseconds to wait before sending again when the hub answered 503 with Retry-After; 0 otherwise.
  function busyFor(xhr) {
    const s = Number(xhr.getResponseHeader('Retry-After'));
    return xhr.status === 503 && Number.isFinite(s) && s > 0 ? Math.min(s, 60) * 1000 : 0;
  }

  function fail(entry, reason) {
    entry.el.classList.add('upload-failed');
    entry.status.textContent = t('failed', { reason });
    entry.retry.hidden = false;
  }

  // The stored message reaches the console through its socket like any other; the bubble of the upload
  // goes once that message is shown (or stays, showing the files, if the socket is away meanwhile).
  function settle(entry, seq, attachments) {
    let tries = 0;
    const timer = setInterval(() => {
      tries++;
      if (messages.querySelector('[data-seq="' + seq + '"]')) { clearInterval(timer); entry.el.remove(); return; }
      if (tries > 50) {
        clearInterval(timer);
        entry.el.classList.remove('pending', 'uploading');
        entry.el.setAttribute('data-seq', String(seq));
        entry.status.textContent = '';
        render(entry.el, attachments);
      }
    }, 200);
  }

  function send(entry) {
    entry.el.classList.remove('upload-failed');
    entry.retry.hidden = true;
    entry.bar.style.width = '0';
    entry.status.textContent = t('uploading', { name: entry.files.map((f) => f.name).join(', ') });
    const form = new FormData();
    entry.files.forEach((f) => form.append('file', f, f.name || t('pasted')));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API + 'sessions/' + encodeURIComponent(entry.sessionId) + '/attachments?clientMsgId='
      + encodeURIComponent(entry.clientMsgId));
    xhr.setRequestHeader('Authorization', 'Bearer ' + session().token());
    xhr.setRequestHeader('Accept', 'application/json');
    if (locale() === 'pl') xhr.setRequestHeader('Accept-Language', 'pl');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) entry.bar.style.width = Math.round((e.loaded / e.total) * 100) + '%';
    };
    xhr.onerror = () => fail(entry, t('network'));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if ((xhr.status === 200 || xhr.status === 201) && body && Number.isInteger(body.seq)) {
        entry.bar.style.width = '100%';
        settle(entry, body.seq, body.attachments);
        return;
      }
      fail(entry, body && body.detail ? body.detail : 'HTTP ' + xhr.status);
      // The hub is busy with other uploads: the same upload (same clientMsgId) goes again when it says.
      const wait = busyFor(xhr);
      if (wait) setTimeout(() => { if (!entry.retry.hidden) send(entry); }, wait);
    };
    xhr.send(form);
  }

  function start() {
    messages = document.getElementById('messages');
    const input = document.getElementById('reply-input');
    const sendButton = document.getElementById('reply-send');
    if (!messages || !input || !sendButton) return;
    document.head.appendChild(h('style', { text: CSS }));
    const picker = h('input', { type: 'file', multiple: true, hidden: true, id: 'attach-file-input' });
    const button = h('button', { type: 'button', id: 'attach-file', class: 'btn', text: '\u{1F4CE}' });
    const labels = () => { button.title = t('attach'); button.setAttribute('aria-label', t('attach')); };
    labels();
    if (window.SupportHubConsole && window.SupportHubConsole.onLocaleChange) window.SupportHubConsole.onLocaleChange(labels);
    sendButton.parentNode.insertBefore(button, sendButton);
    sendButton.parentNode.appendChild(picker);
    // The button follows the reply box: enabled only while the operator may reply.
    const sync = () => { button.disabled = input.disabled; };
    new MutationObserver(sync).observe(input, { attributes: true, attributeFilter: ['disabled'] });
    sync();
    button.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => { upload(picker.files); picker.value = ''; });

    let depth = 0;
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).indexOf('Files') >= 0;
    messages.addEventListener('dragenter', (e) => {
      if (!hasFiles(e) || !session().replySessionId()) return;
      e.preventDefault();
      depth++;
      messages.classList.add('dragging');
      messages.title = t('drop');
    });
    messages.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
    messages.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) messages.classList.remove('dragging');
    });
    messages.addEventListener('drop', (e) => {
      depth = 0;
      messages.classList.remove('dragging');
      if (!e.dataTransfer || !e.dataTransfer.files || !e.dataTransfer.files.length) return;
      e.preventDefault();
      upload(e.dataTransfer.files);
    });
    input.addEventListener('paste', (e) => {
      const items = e.clipboardData ? Array.from(e.clipboardData.items || []) : [];
      const pasted = items.filter((i) => i.kind === 'file').map((i) => i.getAsFile()).filter(Boolean);
      if (!pasted.length || !session().replySessionId()) return;
      e.preventDefault();
      upload(pasted.map((f) => (f.name && f.name !== 'image.png' ? f : new File([f], t('pasted'), { type: f.type }))));
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
