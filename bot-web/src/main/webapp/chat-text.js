/*!
 * Support Hub: how chat messages are shown, for the widget (widget.js loads this file from next to itself)
 * and the agent console (console/index.html). One file, no dependencies, no build step.
 *
 * Technical people write code and links, so a message shows
 *   - fenced code blocks (a line ``` or ```lang, up to a line ```; an unclosed fence runs to the end) in a
 *     monospace box that wraps, with a Copy button;
 *   - inline code (`x`) in monospace;
 *   - web addresses (http:// and https:// only) as links that open in a new tab with
 *     rel="noopener noreferrer";
 * and nothing else as markup. Everything is built with createElement and textContent: no text of a
 * message ever reaches the DOM as HTML, and an address in any other scheme (javascript:, data:...) stays
 * plain text.
 *
 * API (window.SupportHubText, frozen):
 *   parse(text) -> [{type: 'text'|'code'|'inline'|'link', text, lang?, href?}]  (pure: no DOM, no state)
 *   render(text, {locale: 'pl'|'en', doc?}) -> DocumentFragment
 *   copy(text, doc?) -> Promise<void>  (navigator.clipboard, else a hidden textarea and execCommand)
 *   label(key, locale) -> the Copy / Copied texts
 */
(function () {
  'use strict';

  if (window.SupportHubText && window.SupportHubText.__supportHub) return;

  const LABELS = {
    copy: ['Copy', 'Kopiuj'],
    copyCode: ['Copy the code', 'Kopiuj kod'],
    copied: ['Copied', 'Skopiowano'],
    copyFailed: ['Copy failed', 'Nie uda\u0142o si\u0119 skopiowa\u0107'],
  };
  const COPIED_SHOW_MS = 2000;
  // A fence: ``` at the start of a line, an optional language word, nothing else on the line.
  const FENCE = /^```[ \t]*([A-Za-z0-9_+#.-]{0,30})[ \t]*$/;
  const FENCE_END = /^```[ \t]*$/;
  // A web address: the scheme, then anything up to white space or a character that ends it in prose.
  const URL_START = /https?:\/\/[^\s<>"'`]+/gi;
  const TRAILING = /[.,;:!?'")\]}]+$/;

  function label(key, locale) {
    const pair = LABELS[key];
    return pair ? pair[locale === 'pl' ? 1 : 0] : key;
  }

  // ---- parsing (pure) -------------------------------------------------------------------------------

  /** The message split into runs: code blocks first (by lines), then inline code and links in the rest. */
  function parse(text) {
    const source = String(text == null ? '' : text).replace(/\r\n?/g, '\n');
    const lines = source.split('\n');
    const out = [];
    let prose = [];
    const flushProse = () => {
      if (prose.length) {
        inline(prose.join('\n'), out);
        prose = [];
      }
    };
    for (let i = 0; i < lines.length; i++) {
      const open = FENCE.exec(lines[i]);
      if (!open) { prose.push(lines[i]); continue; }
      // The line break before the fence belongs to neither side: the block stands on its own lines.
      flushProse();
      const code = [];
      let j = i + 1;
      while (j < lines.length && !FENCE_END.test(lines[j])) code.push(lines[j++]);
      out.push({ type: 'code', lang: open[1] || '', text: code.join('\n') });
      i = j; // the closing fence (or the end)
    }
    flushProse();
    return merge(out);
  }

  /** Inline code (`x`, on one line) and links, in prose. */
  function inline(s, out) {
    const tick = /`([^`\n]+)`/g;
    let last = 0;
    let m;
    while ((m = tick.exec(s)) !== null) {
      links(s.slice(last, m.index), out);
      out.push({ type: 'inline', text: m[1] });
      last = m.index + m[0].length;
    }
    links(s.slice(last), out);
  }

  function links(s, out) {
    if (!s) return;
    let last = 0;
    let m;
    URL_START.lastIndex = 0;
    while ((m = URL_START.exec(s)) !== null) {
      let candidate = m[0];
      // Punctuation that ends a sentence is not part of the address; a closing bracket only when unbalanced.
      const tail = TRAILING.exec(candidate);
      if (tail) {
        let keep = candidate.slice(0, candidate.length - tail[0].length);
        let rest = tail[0];
        while (rest && rest[0] === ')' && count(keep, '(') > count(keep, ')')) {
          keep += ')';
          rest = rest.slice(1);
        }
        candidate = keep;
      }
      const href = safeHref(candidate);
      if (!href) continue;
      if (m.index > last) out.push({ type: 'text', text: s.slice(last, m.index) });
      out.push({ type: 'link', text: candidate, href });
      last = m.index + candidate.length;
      URL_START.lastIndex = last;
    }
    if (last < s.length) out.push({ type: 'text', text: s.slice(last) });
  }

  function count(s, c) {
    let n = 0;
    for (let i = 0; i < s.length; i++) if (s[i] === c) n++;
    return n;
  }

  /** The address as a link target, or null: only http and https, only what the URL parser accepts. */
  function safeHref(candidate) {
    let u;
    try { u = new URL(candidate); } catch (e) { return null; }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!u.hostname) return null;
    return u.href;
  }

  /** Neighbouring text runs as one. */
  function merge(runs) {
    const out = [];
    runs.forEach((r) => {
      const prev = out[out.length - 1];
      if (r.type === 'text' && prev && prev.type === 'text') prev.text += r.text;
      else if (r.type !== 'text' || r.text) out.push(r);
    });
    return out;
  }

  // ---- rendering -------------------------------------------------------------------------------------

  function el(doc, tag, cls, text) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /** The message as DOM nodes (text nodes and a few known elements), ready to append. */
  function render(text, options) {
    const opts = options || {};
    const doc = opts.doc || document;
    const locale = opts.locale === 'pl' ? 'pl' : 'en';
    const frag = doc.createDocumentFragment();
    parse(text).forEach((r) => {
      if (r.type === 'text') {
        frag.appendChild(doc.createTextNode(r.text));
      } else if (r.type === 'inline') {
        frag.appendChild(el(doc, 'code', 'sh-inline-code', r.text));
      } else if (r.type === 'link') {
        const a = el(doc, 'a', 'sh-link', r.text);
        a.href = r.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        frag.appendChild(a);
      } else if (r.type === 'code') {
        frag.appendChild(codeBlock(doc, r, locale));
      }
    });
    return frag;
  }

  function codeBlock(doc, run, locale) {
    const box = el(doc, 'div', 'sh-code-block');
    const pre = el(doc, 'pre', 'sh-code');
    const code = el(doc, 'code', null, run.text);
    if (run.lang) {
      code.setAttribute('data-lang', run.lang);
      box.setAttribute('data-lang', run.lang);
    }
    pre.appendChild(code);
    const button = el(doc, 'button', 'sh-copy', label('copy', locale));
    button.type = 'button';
    button.setAttribute('aria-label', label('copyCode', locale));
    button.setAttribute('data-locale', locale);
    button.addEventListener('click', () => {
      const lang = button.getAttribute('data-locale');
      copy(run.text, doc).then(() => {
        button.textContent = label('copied', lang);
        button.setAttribute('data-copied', 'true');
      }, () => {
        button.textContent = label('copyFailed', lang);
        button.setAttribute('data-copied', 'false');
      }).then(() => {
        clearTimeout(button.__shTimer);
        button.__shTimer = setTimeout(() => {
          button.textContent = label('copy', button.getAttribute('data-locale'));
          button.removeAttribute('data-copied');
        }, COPIED_SHOW_MS);
      });
    });
    box.appendChild(button);
    box.appendChild(pre);
    return box;
  }

  /**
   * Puts the text on the clipboard. The asynchronous Clipboard API needs a secure context (and may be
   * refused by a portal's permissions policy); a hidden textarea with execCommand('copy') still works on a
   * portal served over plain http.
   */
  function copy(text, doc) {
    const d = doc || document;
    const fallback = () => new Promise((resolve, reject) => {
      const area = d.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.top = '-1000px';
      area.style.opacity = '0';
      d.body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = d.execCommand('copy'); } catch (e) { ok = false; }
      area.remove();
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function' && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return fallback();
  }

  /** Switches the labels of copy buttons under `root` to another language. */
  function relabel(root, locale) {
    const l = locale === 'pl' ? 'pl' : 'en';
    root.querySelectorAll('button.sh-copy').forEach((b) => {
      b.setAttribute('data-locale', l);
      b.setAttribute('aria-label', label('copyCode', l));
      if (!b.hasAttribute('data-copied')) b.textContent = label('copy', l);
    });
  }

  window.SupportHubText = Object.freeze({ __supportHub: true, parse, render, copy, label, relabel });
})();
