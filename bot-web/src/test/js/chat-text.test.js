// The pure parsing of bot-web/src/main/webapp/chat-text.js (the browser tests WidgetBrowserIT and
// SupportSessionBrowserIT prove the rendering): run with `node --test bot-web/src/test/js/`.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const source = fs.readFileSync(path.join(__dirname, '../../main/webapp/chat-text.js'), 'utf8');
const window = {};
vm.runInNewContext(source, { window, URL, navigator: {}, document: undefined, setTimeout, clearTimeout });
const { parse } = window.SupportHubText;
const plain = (o) => JSON.parse(JSON.stringify(o));

test('plain text is one text run, HTML included', () => {
  assert.deepStrictEqual(plain(parse('<img src=x onerror=alert(1)> <script>alert(2)</script>')),
    [{ type: 'text', text: '<img src=x onerror=alert(1)> <script>alert(2)</script>' }]);
});

test('a fenced block with a language, between prose', () => {
  assert.deepStrictEqual(plain(parse('Run this:\n```bash\nls -l\n  echo "<b>"\n```\nthen tell me')), [
    { type: 'text', text: 'Run this:' },
    { type: 'code', lang: 'bash', text: 'ls -l\n  echo "<b>"' },
    { type: 'text', text: 'then tell me' },
  ]);
});

test('an unclosed fence runs to the end; a fence needs its own line', () => {
  assert.deepStrictEqual(plain(parse('```\na\nb')), [{ type: 'code', lang: '', text: 'a\nb' }]);
  assert.deepStrictEqual(plain(parse('say ```x``` here')), [{ type: 'text', text: 'say ``' },
    { type: 'inline', text: 'x' }, { type: 'text', text: '`` here' }]);
});

test('inline code and links, only http and https', () => {
  assert.deepStrictEqual(plain(parse('Set `max_connections` at https://example.com/docs?a=1. Not javascript:alert(1)')), [
    { type: 'text', text: 'Set ' },
    { type: 'inline', text: 'max_connections' },
    { type: 'text', text: ' at ' },
    { type: 'link', text: 'https://example.com/docs?a=1', href: 'https://example.com/docs?a=1' },
    { type: 'text', text: '. Not javascript:alert(1)' },
  ]);
  assert.deepStrictEqual(plain(parse('ftp://x.example data:text/html,<b>')),
    [{ type: 'text', text: 'ftp://x.example data:text/html,<b>' }]);
});

test('a closing bracket belongs to an address only when it opened one', () => {
  assert.deepStrictEqual(plain(parse('(see http://a.example/x)')), [
    { type: 'text', text: '(see ' },
    { type: 'link', text: 'http://a.example/x', href: 'http://a.example/x' },
    { type: 'text', text: ')' },
  ]);
  assert.strictEqual(parse('http://en.example/Foo_(bar)')[0].text, 'http://en.example/Foo_(bar)');
});

test('no links or inline code inside a code block', () => {
  assert.deepStrictEqual(plain(parse('```\nhttps://a.example `x`\n```')),
    [{ type: 'code', lang: '', text: 'https://a.example `x`' }]);
});
