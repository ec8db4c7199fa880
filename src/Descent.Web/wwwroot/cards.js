// Optimizer cards: one per optimizer, its hyperparameters as fields (and sliders for the usual ones), the
// defaults of the chosen convention, and the spec text it stands for (what the CLI takes).

import { PALETTE } from './charts.js';

const UNIT_SLIDERS = new Set(['momentum', 'beta1', 'beta2', 'rho', 'dampening']);

/** Splits `adam(lr=0.25, beta1=0.9)` into a name and its key=value pairs; text that does not fit is kept as the name. */
export function parseSpec(text) {
  const m = /^\s*([^()]*?)\s*(?:\(([^()]*)\))?\s*$/.exec(text);
  if (!m) return { name: text.trim(), overrides: {}, raw: text.trim() };
  const overrides = {};
  for (const part of (m[2] || '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) overrides[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  // The text as given is kept until the card is edited, so a figure's spec reaches the API (and its legend) unchanged.
  return { name: m[1].toLowerCase(), overrides, raw: text.trim() };
}

/** The spec text of a card: the name, and only the keys the user changed. */
export function specOf(card) {
  if (card.raw) return card.raw;
  const pairs = Object.entries(card.overrides).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? `${card.name}(${pairs.join(', ')})` : card.name;
}

export class OptimizerCards {
  /**
   * container: where the cards go; errorBox: for errors about the whole list; catalog: GET /api/optimizers;
   * onChange(): called after any edit; onSelect(index): optional, when a card is clicked.
   */
  constructor(container, errorBox, catalog, onChange) {
    this.container = container;
    this.errorBox = errorBox;
    this.catalog = catalog;
    this.onChange = onChange;
    this.convention = catalog.conventions[0];
    this.cards = [];
  }

  info(name) { return this.catalog.optimizers.find(o => o.name === name); }

  keysOf(card) { return this.info(card.name)?.conventions[this.convention]?.keys ?? []; }

  setConvention(convention) {
    this.convention = convention;
    // Keys that do not exist under the new convention would only produce an error: drop them.
    for (const card of this.cards) {
      const valid = new Set(this.keysOf(card).map(k => k.name));
      if (this.info(card.name)) for (const k of Object.keys(card.overrides)) if (!valid.has(k)) { delete card.overrides[k]; delete card.raw; }
    }
    this.render();
  }

  setSpecs(specs) {
    this.cards = specs.map(parseSpec);
    this.render();
  }

  specs() { return this.cards.map(specOf); }

  add(name, overrides = {}) {
    this.cards.push({ name, overrides: { ...overrides } });
    this.render();
    this.onChange();
  }

  clear() {
    this.cards = [];
    this.render();
    this.onChange();
  }

  colour(i) { return PALETTE[i % PALETTE.length]; }

  clearErrors() {
    this.errorBox.hidden = true;
    this.container.querySelectorAll('.card').forEach(c => { c.classList.remove('bad'); c.querySelector('.card-error').hidden = true; });
  }

  /** Shows an API error about the optimizers: on the card it names, or under the list. */
  showError(error) {
    const card = error.index != null ? this.container.querySelectorAll('.card')[error.index] : null;
    const box = card ? card.querySelector('.card-error') : this.errorBox;
    if (card) card.classList.add('bad');
    box.textContent = error.message;
    box.hidden = false;
  }

  render() {
    this.container.replaceChildren(...this.cards.map((card, i) => this.renderCard(card, i)));
  }

  renderCard(card, index) {
    const el = document.createElement('div');
    el.className = 'card';
    el.style.setProperty('--color', this.colour(index));
    el.dataset.index = String(index);

    const header = document.createElement('header');
    const select = document.createElement('select');
    select.className = 'optimizer-name';
    select.setAttribute('aria-label', 'Optimizer');
    const names = this.catalog.optimizers.map(o => o.name);
    if (!names.includes(card.name)) names.unshift(card.name);
    for (const n of names) select.add(new Option(n, n, false, n === card.name));
    select.addEventListener('change', () => { card.name = select.value; card.overrides = {}; delete card.raw; this.render(); this.onChange(); });
    const code = document.createElement('code');
    code.className = 'spec';
    code.textContent = specOf(card);
    code.title = 'The spec, as the CLI takes it';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = 'Remove';
    remove.setAttribute('aria-label', `Remove ${card.name}`);
    remove.addEventListener('click', () => { this.cards.splice(index, 1); this.render(); this.onChange(); });
    header.append(select, remove);
    el.append(header, code);

    const info = this.info(card.name);
    if (info) {
      el.title = info.summary + (info.conventions[this.convention].effective !== this.convention
        ? ` — no ${this.convention} formula: runs ${info.conventions[this.convention].effective}'s` : '');
      const keys = document.createElement('div');
      keys.className = 'keys';
      for (const key of this.keysOf(card)) keys.append(...this.renderKey(card, key, code));
      el.append(keys);
    }
    const error = document.createElement('p');
    error.className = 'error card-error';
    error.hidden = true;
    el.append(error);
    return el;
  }

  renderKey(card, key, code) {
    const label = document.createElement('label');
    label.textContent = key.name;
    const value = document.createElement('div');
    value.className = 'value';
    const current = card.overrides[key.name] ?? key.default;
    const set = text => {
      delete card.raw;
      if (text === key.default || text === '') delete card.overrides[key.name];
      else card.overrides[key.name] = text;
      label.classList.toggle('changed', key.name in card.overrides);
      code.textContent = specOf(card);
      this.onChange();
    };
    label.classList.toggle('changed', key.name in card.overrides);
    const id = `k-${Math.random().toString(36).slice(2)}`;
    label.htmlFor = id;

    if (key.kind === 'true|false') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.checked = current === 'true';
      box.addEventListener('change', () => set(box.checked ? 'true' : 'false'));
      value.append(box);
    } else if (key.kind.includes('|')) {
      const select = document.createElement('select');
      select.id = id;
      for (const w of key.kind.split('|')) select.add(new Option(w, w, false, w === current));
      select.addEventListener('change', () => set(select.value));
      value.append(select);
    } else {
      const input = document.createElement('input');
      input.type = 'text';
      input.id = id;
      input.className = `key-${key.name}`;
      input.value = current;
      input.inputMode = 'decimal';
      input.spellcheck = false;
      value.append(input);
      let slider = null;
      if (key.name === 'lr' || UNIT_SLIDERS.has(key.name)) {
        slider = document.createElement('input');
        slider.type = 'range';
        slider.setAttribute('aria-label', `${key.name} slider`);
        const log = key.name === 'lr';
        slider.min = log ? '-6' : '0';
        slider.max = log ? '2' : '0.999';
        slider.step = log ? '0.05' : '0.001';
        const sync = () => { const v = Number(input.value); if (Number.isFinite(v) && (!log || v > 0)) slider.value = String(log ? Math.log10(v) : v); };
        sync();
        slider.addEventListener('input', () => {
          const v = Number(slider.value);
          input.value = log ? String(Number(Math.pow(10, v).toPrecision(2))) : String(v);
          set(input.value.trim());
        });
        input.addEventListener('input', sync);
        value.append(slider);
      }
      input.addEventListener('change', () => set(input.value.trim()));
      input.addEventListener('keydown', e => { if (e.key === 'Enter') set(input.value.trim()); });
    }
    return [label, value];
  }
}
