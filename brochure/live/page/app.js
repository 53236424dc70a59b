// The live preview page: listens to /events (server-sent events) and shows each new state without a reload.
// Everything the server sends is put on the page as text (textContent), never as markup.
'use strict';

const $ = (id) => document.getElementById(id);
let latest = null;        // the last state received
let shown = null;         // the id of the page pictures on screen
let loading = null;       // the id of the page pictures being loaded
let selected = null;      // the key of the finding marked on the pages
let offerSeen = '';

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(text) {
  const s = $('status');
  s.className = 'status bad';
  s.textContent = text;
}

// Cut off from the server: the pages may be out of date (a save now is not seen), so they are greyed and the
// "passes every check" line goes, until the page hears from the server again.
function offline(on) {
  $('sheet').classList.toggle('offline', on);
  $('offline-note').hidden = !on;
  if (on) $('none').hidden = true;
}

function lost(text) {
  say(text);
  offline(true);
}

// The browser tries again by itself when the connection drops; not when the server answered other than 200
// (all its event streams held by other pages): then /state tells a server that is there from one that is gone,
// and the page tries again every few seconds.
function connect() {
  const events = new EventSource('/events');
  events.onmessage = (e) => render(JSON.parse(e.data));
  events.onerror = () => {
    if (events.readyState !== EventSource.CLOSED) {
      lost('Not connected: is `brochure serve` still running? (trying again)');
      return;
    }
    events.close();
    fetch('/state', { cache: 'no-store' })
      .then((r) => lost(r.ok
        ? 'Too many preview pages are open: close one; this page tries again.'
        : 'Not connected: is `brochure serve` still running? (trying again)'))
      .catch(() => lost('Not connected: is `brochure serve` still running? (trying again)'))
      .finally(() => setTimeout(connect, 3000));
  };
}

function render(state) {
  latest = state;
  offline(false);
  renderSwitches(state);
  renderStatus(state);
  renderProblems(state);
  renderFindings(state);
  renderPages(state);
}

function fill(select, options, value) {
  select.replaceChildren(...options.map((o) => {
    const opt = el('option', '', o.label);
    opt.value = o.key;
    return opt;
  }));
  select.value = value;
}

function renderSwitches(state) {
  const offer = state.offer, choice = state.choice;
  const seen = JSON.stringify(offer);
  if (seen !== offerSeen) {
    offerSeen = seen;
    fill($('layout'), offer.layouts.map((w) => ({ key: w, label: w })), choice.layout);
    fill($('paper'), offer.papers, choice.paper);
    fill($('target'), offer.targets.map((w) => ({ key: w, label: w })), choice.target);
    fill($('kit'), offer.kits, choice.kit);
    fill($('content'), offer.languages, choice.content);
  }
  for (const name of ['layout', 'paper', 'target', 'kit', 'content']) {
    if (document.activeElement !== $(name)) $(name).value = choice[name];
  }
}

function renderStatus(state) {
  const s = $('status'), r = state.result || {};
  const errors = state.findings.filter((f) => f.severity === 'error').length;
  if (state.busy) {
    s.className = 'status busy';
    s.textContent = 'Building…';
  } else if (r.status === 'built') {
    s.className = 'status ok';
    s.textContent = `Up to date · ${r.when} · PDF ${r.pdf_ms} ms` + (r.page_ms ? ` · pages ${r.page_ms} ms` : '');
    s.title = `Written: ${r.pdf}. From the save to the PDF on disk, and to these pictures.`;
  } else if (r.status) {
    s.className = 'status bad';
    const failed = state.pages ? 'Not rebuilt' : 'Not built';  // (nothing built yet: no earlier leaflet is kept)
    s.textContent = `${r.status === 'failed' ? failed : 'Not written'} · ${errors} error${errors === 1 ? '' : 's'} · ${r.when}`;
    s.title = '';
  }
}

function renderProblems(state) {
  const r = state.result || {};
  const errors = state.findings.filter((f) => f.severity === 'error');
  const box = $('problem');
  if (!r.status || r.status === 'built' || errors.length === 0) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const files = [...new Set(errors.map((f) => f.file))];
  const who = files.length === 1 && files[0] ? `${files[0].split(/[\\/]/).pop()} has` : 'Your files have';
  $('problem-title').textContent = r.status === 'failed'
    ? `${who} ${errors.length === 1 ? 'an error' : errors.length + ' errors'}: the leaflet was not ${state.pages ? 'rebuilt' : 'built'}`
    : `The leaflet has ${errors.length === 1 ? 'an error' : errors.length + ' errors'}: the PDF was not written`;
  const kept = state.pages ? 'The pages below are from the last build that worked. ' : '';
  $('problem-lead').textContent = r.status === 'failed'
    ? `${kept}Fix the line shown and save: the page updates by itself.`
    : 'Fix what is listed and save; click a finding on the right to see where it is on the page.';
  $('problems').replaceChildren(...errors.map((f) => {
    const li = el('li', 'problem-item');
    const head = el('div', 'message');
    head.append(el('span', 'where', f.where), document.createTextNode(': ' + f.message));
    if (f.key) head.append(el('span', 'key', ` [at ${f.key}]`));
    li.append(head);
    if (f.source) li.append(sourceLines(f.source));
    if (f.hint) {
      const hint = el('div', 'hint');
      hint.append(el('b', '', 'Hint: '), document.createTextNode(f.hint));
      li.append(hint);
    }
    return li;
  }));
}

function sourceLines(src) {
  const pre = el('pre', 'source');
  const number = String(src.line);
  const pad = ' '.repeat(number.length);
  const text = (src.cut_before ? '…' : '') + src.text + (src.cut_after ? '…' : '');
  const column = src.column + (src.cut_before ? 1 : 0);
  if (src.before !== null && src.before !== undefined) {
    const above = String(src.line - 1).padStart(number.length, ' ');
    pre.append(el('span', 'gutter', `${above} | `), el('span', 'above', src.before + '\n'));
  }
  // The column's character marked where it prints: a line with right-to-left letters is reordered as it is
  // shown, so a caret counted from the left pointed at another character; under such a line there is none.
  const chars = Array.from(text);  // (the column counts characters, not UTF-16 units)
  const at = el('mark', 'at', chars[column - 1] || ' ');
  pre.append(el('span', 'gutter', `${number} | `), document.createTextNode(chars.slice(0, column - 1).join('')), at,
    document.createTextNode(chars.slice(column).join('') + '\n'));
  if (!RIGHT_TO_LEFT.test(text)) {
    pre.append(el('span', 'gutter', `${pad} | `), el('span', 'caret', ' '.repeat(column - 1) + '^'));
  }
  return pre;
}

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;  // Hebrew, Arabic, Syriac, Thaana, N'Ko...

function findingKey(f) {
  return `${f.severity}|${f.where}|${f.message}`;
}

function renderFindings(state) {
  const list = $('findings'), findings = state.findings;
  const order = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  $('count').textContent = findings.length ? `· ${findings.length}` : '';
  $('none').hidden = !(state.result && state.result.status === 'built' && findings.length === 0);
  if (selected && !findings.some((f) => findingKey(f) === selected)) selected = null;
  list.replaceChildren(...order.map((f) => {
    const key = findingKey(f);
    const placed = f.places && f.places.length > 0;
    const li = el('li', `${f.severity}${placed ? ' placed' : ''}${key === selected ? ' selected' : ''}`);
    li.dataset.key = key;
    li.append(el('span', 'severity', f.severity), el('div', 'message', f.message), el('code', 'where', f.where + (f.key ? ` · ${f.key}` : '')));
    if (f.hint) li.append(el('span', 'hint', f.hint));
    if (placed) {
      li.append(el('span', 'show', key === selected ? 'Shown on the page' : 'Show on the page'));
      li.tabIndex = 0;
      li.addEventListener('click', () => select(key));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(key); } });
    }
    return li;
  }));
  drawMarks();
}

function select(key) {
  selected = selected === key ? null : key;
  renderFindings(latest);
  const first = document.querySelector('.mark');
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function drawMarks() {
  document.querySelectorAll('.mark').forEach((m) => m.remove());
  const pages = latest && latest.pages;
  if (!selected || !pages || shown !== pages.id) return;
  const finding = latest.findings.find((f) => findingKey(f) === selected);
  if (!finding) return;
  for (const p of finding.places) {
    const frame = document.querySelector(`.page[data-page="${p.page}"] .frame`);
    if (!frame) continue;
    const mark = el('div', 'mark');
    const pad = 2; // points around the box, so a thin line stays visible
    mark.style.left = `${((p.x - pad) / pages.width) * 100}%`;
    mark.style.top = `${((pages.height - p.y - p.h - pad) / pages.height) * 100}%`;
    mark.style.width = `${((p.w + 2 * pad) / pages.width) * 100}%`;
    mark.style.height = `${((p.h + 2 * pad) / pages.height) * 100}%`;
    frame.append(mark);
  }
}

function pictureUrl(id, name) {
  return `/pages/${id}/${name}.jpg`;
}

function preload(url) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = url;
  });
}

function renderPages(state) {
  const pages = state.pages, sheet = $('sheet');
  $('empty').hidden = Boolean(pages) || Boolean(state.result && state.result.status);
  if (!pages) {
    $('empty').textContent = state.result && state.result.status ? '' : 'The first build is on its way…';
    return;
  }
  sheet.classList.toggle('stale', pages.stale);
  $('stale-note').hidden = !pages.stale;
  $('draft-note').hidden = pages.stale || !pages.draft;
  if (pages.id === shown || pages.id === loading) return;
  loading = pages.id;
  const names = pages.sides.map((_, i) => `page${i + 1}`);
  Promise.all(names.map((n) => preload(pictureUrl(pages.id, n)))).then(() => {
    if (loading !== pages.id) return; // a newer set is on its way
    showPages(pages);
  }).catch(() => { if (loading === pages.id) loading = null; });
}

function showPages(pages) {
  const holder = $('pages');
  holder.classList.toggle('portrait', pages.height > pages.width);
  holder.replaceChildren(...pages.sides.map((side, i) => {
    const fig = el('figure', 'page');
    fig.dataset.page = String(i);
    fig.append(el('figcaption', '', pages.sides.length > 2 ? `Page ${i + 1}` : side));
    const frame = el('div', 'frame');
    const img = el('img', 'page-img');
    img.alt = `Page ${i + 1} of the leaflet (${side})`;
    img.src = pictureUrl(pages.id, `page${i + 1}`);
    frame.append(img);
    fig.append(frame);
    return fig;
  }));
  showMockup(pages);
  $('caption').textContent = pages.label;
  $('sheet').dataset.pages = String(pages.id);
  shown = pages.id;
  loading = null;
  drawMarks();
}

// The folded mock-up, made here from the same page pictures: each reading step's panels side by side, each panel
// a window onto its page picture, the steps one under another.
function showMockup(pages) {
  const widths = pages.views.map((view) => view.reduce((sum, c) => sum + c.w, 0));
  const widest = Math.max(0, ...widths);
  $('mockup').hidden = pages.views.length === 0;
  $('mockup-rows').replaceChildren(...pages.views.map((view, i) => {
    const row = el('div', 'fold-row');
    row.append(el('span', 'step', String(i + 1)));
    const panels = el('div', 'fold-panels');
    panels.style.width = `${(widths[i] / widest) * 100}%`;
    for (const c of view) {
      const panel = el('div', 'fold-panel');
      panel.style.flex = `${c.w} 1 0`;
      panel.style.aspectRatio = `${c.w} / ${c.h}`;
      const img = el('img');
      img.alt = '';
      img.src = pictureUrl(pages.id, `page${c.page + 1}`);
      img.style.width = `${(pages.width / c.w) * 100}%`;
      img.style.left = `${(-c.x / c.w) * 100}%`;
      img.style.top = `${(-(pages.height - c.y - c.h) / c.h) * 100}%`;
      panel.append(img);
      panels.append(panel);
    }
    row.append(panels);
    return row;
  }));
}

function choose(changed) {
  const body = {};
  for (const name of ['layout', 'paper', 'target', 'kit', 'content']) body[name] = $(name).value;
  if (changed === 'kit') delete body.content; // the server picks the new kit's file in the same language
  fetch('/choose', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then((r) => (r.ok ? null : r.json().then((j) => { $('status').className = 'status bad'; $('status').textContent = j.problem; })))
    .catch(() => {});
}

document.addEventListener('DOMContentLoaded', () => {
  for (const name of ['layout', 'paper', 'target', 'kit', 'content']) {
    $(name).addEventListener('change', () => choose(name));
  }
  connect();
});
