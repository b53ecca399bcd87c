/*
 * Support Hub widget: files in the conversation (docs/protocol.md, section 13).
 *
 * Loaded by widget.js from next to itself; it registers one function that widget.js calls with what the
 * files need of the widget (its shadow root, composer, message list, token, texts' language). Attaching:
 * the paper-clip button, drag and drop onto the panel, and pasting a screenshot into the text box. Each
 * upload shows its progress (XMLHttpRequest upload events); a failed one offers "Retry", which sends the
 * same files under the same clientMsgId, so a retry after a lost answer never stores a second message.
 * Files in messages: images as thumbnails drawn by the hub, everything else as download links; both
 * through short-lived signed links asked for when needed.
 */
(function () {
  'use strict';

  const TEXTS = {
    attach: ['Attach a file', 'Dołącz plik'],
    uploading: ['Sending {name}\u2026', 'Wysyłanie {name}\u2026'],
    failed: ['Not sent: {reason}', 'Nie wysłano: {reason}'],
    retry: ['Retry', 'Ponów'],
    drop: ['Drop files to send them', 'Upuść pliki, aby je wysłać'],
    download: ['Download {name} ({size})', 'Pobierz {name} ({size})'],
    offline: ['not connected', 'brak połączenia'],
    network: ['the connection failed', 'połączenie nie powiodło się'],
    pasted: ['screenshot.png', 'zrzut-ekranu.png'],
  };

  const CSS = `
#sh-attach { width: 38px; padding: 0; border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; color: #475569;
  cursor: pointer; font-size: 18px; line-height: 1; }
#sh-attach:disabled { opacity: .5; cursor: not-allowed; }
.sh-files { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.sh-file-thumb { display: block; max-width: 200px; max-height: 200px; border-radius: 6px; cursor: pointer; background: #e2e8f0;
  border: 0; padding: 0; }
.sh-file-thumb img { display: block; max-width: 200px; max-height: 200px; border-radius: 6px; }
.sh-file-link { display: inline-block; padding: 4px 8px; border: 1px solid currentColor; border-radius: 6px; background: transparent;
  color: inherit; cursor: pointer; font: inherit; font-size: 13px; text-decoration: underline; overflow-wrap: anywhere; }
.sh-upload { align-self: flex-end; }
.sh-progress { height: 4px; margin-top: 6px; border-radius: 2px; background: rgba(255,255,255,.35); overflow: hidden; }
.sh-progress > div { height: 100%; width: 0; background: #fff; transition: width .1s linear; }
.sh-upload.sh-failed .sh-progress { display: none; }
.sh-retry { margin-top: 6px; padding: 2px 10px; border: 1px solid #991b1b; border-radius: 999px; background: #fff; color: #991b1b; cursor: pointer; }
#sh-panel.sh-dragging::after { content: attr(data-drop-text); position: absolute; inset: 0; display: flex; align-items: center;
  justify-content: center; background: rgba(37,99,235,.85); color: #fff; font-size: 16px; font-weight: 600; border-radius: inherit; }
`;

  window.__SupportHubAttachments = function (ctx) {
    const h = ctx.h;
    let cachedToken = null;
    let cachedAt = 0;

    function t(key, params) {
      const pair = TEXTS[key];
      const s = pair ? pair[ctx.locale() === 'pl' ? 1 : 0] : key;
      return s.replace(/\{(\w+)\}/g, (_, k) => (params && params[k] != null ? String(params[k]) : ''));
    }

    function size(n) {
      if (n < 1024) return n + ' B';
      if (n < 1024 * 1024) return (n / 1024).toFixed(0) + ' KB';
      return (n / 1024 / 1024).toFixed(1) + ' MB';
    }

    // Portal tokens are short-lived: one fetched within the last minute serves a burst of thumbnails.
    async function token() {
      if (cachedToken && Date.now() - cachedAt < 60000) return cachedToken;
      cachedToken = await ctx.token();
      cachedAt = Date.now();
      return cachedToken;
    }

    async function links(id) {
      const r = await fetch(ctx.api + 'widget/attachments/' + encodeURIComponent(id) + '/links', {
        method: 'POST', headers: { Authorization: 'Bearer ' + await token(), Accept: 'application/json' },
      });
      if (!r.ok) throw new Error('links ' + r.status);
      return r.json();
    }

    // Opens the file through a fresh link: served as a download, never shown as a page.
    async function download(id) {
      try {
        const l = await links(id);
        const a = h('a', { href: l.url, download: '', rel: 'noopener noreferrer' });
        ctx.shadow.appendChild(a);
        a.click();
        a.remove();
      } catch (e) {
        ctx.showError(t('failed', { reason: t('network') }));
      }
    }

    function render(el, attachments) {
      if (!Array.isArray(attachments) || !attachments.length || el.querySelector('.sh-files')) return;
      const box = h('div', { class: 'sh-files' });
      attachments.forEach((f) => {
        if (!f || typeof f.id !== 'string') return;
        const label = t('download', { name: String(f.name || ''), size: size(Number(f.size) || 0) });
        if (f.thumbnail === true) {
          const img = h('img', { alt: String(f.name || ''), class: 'sh-thumb-img', 'data-attachment-id': f.id });
          const button = h('button', { type: 'button', class: 'sh-file-thumb', title: label, 'aria-label': label }, [img]);
          button.addEventListener('click', () => download(f.id));
          links(f.id).then((l) => { if (l.thumbnailUrl) img.src = l.thumbnailUrl; }).catch(() => { img.dataset.failed = 'true'; img.title = 'Preview unavailable / Podgląd niedostępny'; });
          box.appendChild(button);
        } else {
          const link = h('button', { type: 'button', class: 'sh-file-link', 'data-attachment-id': f.id, text: label });
          link.addEventListener('click', () => download(f.id));
          box.appendChild(link);
        }
      });
      const time = el.querySelector('.sh-time');
      el.insertBefore(box, time);
    }

    // ---- uploading ----

    function upload(list) {
      const chosen = Array.from(list || []).filter((f) => f && typeof f.size === 'number');
      if (!chosen.length) return;
      const entry = { clientMsgId: ctx.uuid(), files: chosen };
      entry.bar = h('div');
      entry.status = h('div', { class: 'sh-text', text: t('uploading', { name: chosen.map((f) => f.name).join(', ') }) });
      entry.retry = h('button', { type: 'button', class: 'sh-retry', hidden: true, text: t('retry') });
      entry.el = h('div', { class: 'sh-msg sh-msg-user sh-pending sh-upload', 'data-client-msg-id': entry.clientMsgId },
        [entry.status, h('div', { class: 'sh-progress' }, [entry.bar]), entry.retry]);
      entry.retry.addEventListener('click', () => send(entry));
      ctx.list.appendChild(entry.el);
      ctx.scrollToBottom();
      send(entry);
    }

    // Milliseconds to wait before sending again when the hub answered 503 with Retry-After; 0 otherwise.
    function busyFor(xhr) {
      const s = Number(xhr.getResponseHeader('Retry-After'));
      return xhr.status === 503 && Number.isFinite(s) && s > 0 ? Math.min(s, 60) * 1000 : 0;
    }

    function fail(entry, reason) {
      entry.el.classList.add('sh-failed');
      entry.status.textContent = t('failed', { reason });
      entry.retry.hidden = false;
    }

    async function send(entry) {
      entry.el.classList.remove('sh-failed');
      entry.retry.hidden = true;
      entry.bar.style.width = '0';
      entry.status.textContent = t('uploading', { name: entry.files.map((f) => f.name).join(', ') });
      let bearer;
      try { bearer = await token(); } catch (e) { fail(entry, t('network')); return; }
      const form = new FormData();
      entry.files.forEach((f) => form.append('file', f, f.name || t('pasted')));
      const xhr = new XMLHttpRequest();
      xhr.open('POST', ctx.api + 'widget/attachments?clientMsgId=' + encodeURIComponent(entry.clientMsgId));
      xhr.setRequestHeader('Authorization', 'Bearer ' + bearer);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) entry.bar.style.width = Math.round((e.loaded / e.total) * 100) + '%';
      };
      xhr.onerror = () => fail(entry, t('network'));
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 200 || xhr.status === 201) {
          entry.el.classList.remove('sh-pending', 'sh-upload');
          entry.el.classList.add('sh-acked');
          entry.status.textContent = '';
          entry.el.querySelector('.sh-progress').remove();
          entry.retry.remove();
          if (body && Number.isInteger(body.seq) && ctx.adopt(entry.el, body.seq)) render(entry.el, body.attachments);
          return;
        }
        // Token expired between fetching and sending: the next try fetches a fresh one.
        if (xhr.status === 401) cachedToken = null;
        fail(entry, body && body.detail ? body.detail : 'HTTP ' + xhr.status);
        // The hub is busy with other uploads: the same upload (same clientMsgId) goes again when it says.
        const wait = busyFor(xhr);
        if (wait) setTimeout(() => { if (entry.el.classList.contains('sh-failed')) send(entry); }, wait);
      };
      xhr.send(form);
    }

    // ---- the three ways in ----

    const style = h('style', { text: CSS });
    ctx.shadow.appendChild(style);
    const picker = h('input', { type: 'file', multiple: true, hidden: true, id: 'sh-file-input' });
    const button = h('button', { type: 'button', id: 'sh-attach', text: '\u{1F4CE}' });
    function labels() {
      button.setAttribute('aria-label', t('attach'));
      button.title = t('attach');
      ctx.panel.setAttribute('data-drop-text', t('drop'));
    }
    labels();
    ctx.composer.insertBefore(button, ctx.composer.firstChild);
    ctx.composer.appendChild(picker);
    button.addEventListener('click', () => { labels(); picker.click(); });
    picker.addEventListener('change', () => { upload(picker.files); picker.value = ''; });

    let depth = 0;
    ctx.panel.addEventListener('dragenter', (e) => {
      if (!e.dataTransfer || Array.from(e.dataTransfer.types || []).indexOf('Files') < 0) return;
      e.preventDefault();
      depth++;
      labels();
      ctx.panel.classList.add('sh-dragging');
    });
    ctx.panel.addEventListener('dragover', (e) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types || []).indexOf('Files') >= 0) e.preventDefault();
    });
    ctx.panel.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) ctx.panel.classList.remove('sh-dragging');
    });
    ctx.panel.addEventListener('drop', (e) => {
      depth = 0;
      ctx.panel.classList.remove('sh-dragging');
      if (!e.dataTransfer || !e.dataTransfer.files || !e.dataTransfer.files.length) return;
      e.preventDefault();
      upload(e.dataTransfer.files);
    });
    // A screenshot on the clipboard is a file; text pasted as usual stays text.
    ctx.input.addEventListener('paste', (e) => {
      const items = e.clipboardData ? Array.from(e.clipboardData.items || []) : [];
      const pasted = items.filter((i) => i.kind === 'file').map((i) => i.getAsFile()).filter(Boolean);
      if (!pasted.length) return;
      e.preventDefault();
      upload(pasted.map((f) => (f.name && f.name !== 'image.png' ? f : new File([f], t('pasted'), { type: f.type }))));
    });

    return { render, upload };
  };
})();
