// Optimizer cards: one per optimizer, its hyperparameters as fields (and sliders for the usual ones), a schedule
// with a preview of its learning rate, and the spec text it stands for (what the CLI takes). The page parses no
// spec: the server reads each one (POST /api/spec) and answers its keys, defaults and values, or the error and
// where it is; the learning rates of the preview come from POST /api/schedule.

import { PALETTE, sparkline, fmt } from './charts.js';

const UNIT_SLIDERS = new Set(['momentum', 'beta1', 'beta2', 'rho', 'dampening']);

// Keys every rule shares that most runs leave alone: folded under "more".
const FOLDED = new Set(['weight_decay', 'decoupled_weight_decay', 'clip_norm', 'clip_value']);

// What decides a card's fields: its rule, the keys it has, its schedule's name.
const shape = read => (read ? `${read.name}|${read.keys.map(k => k.name).join(',')}|${read.schedule?.name ?? ''}` : '');

/** A typed rule a new card starts from: the lecture's momentum, to edit into your own. */
export const RULE_TEMPLATE = 'rule(v = mu*v + lr*g; p = p - v | lr=0.01, mu=0.9)';

/**
 * `name(k=v, …)` from what the server read and key/value pairs: how an edited card writes its spec (the server reads
 * it back). A typed rule writes `rule(<statements> | k=v, …)`.
 */
function join(read, pairs) {
  const list = pairs.map(([k, v]) => `${k}=${v}`).join(', ');
  if (read.statements != null) return `rule(${read.statements}${list ? ` | ${list}` : ''})`;
  return pairs.length ? `${read.name}(${list})` : read.name;
}

/** The text a card gets when its rule is picked from a menu. */
const startText = name => (name === 'rule' ? RULE_TEMPLATE : name);

export class OptimizerCards {
  /**
   * container: where the cards go; errorBox: for errors about the whole list; catalog: GET /api/optimizers;
   * onChange(): called after any edit; options: { api(path, body), steps(): steps to preview,
   * losses(index): the last run's loss at each step for that card, or null }.
   */
  constructor(container, errorBox, catalog, onChange, options) {
    this.container = container;
    this.errorBox = errorBox;
    this.catalog = catalog;
    this.onChange = onChange;
    this.api = options.api;
    this.steps = options.steps;
    this.losses = options.losses ?? (() => null);
    this.convention = catalog.conventions[0];
    this.cards = [];
  }

  /** Each card's spec text: as given (a figure's spec reaches the API and its legend unchanged) until edited. */
  specs() { return this.cards.map(c => c.text); }

  /** Whether every card has been read (the page is ready once they are). */
  settled() { return Promise.all(this.cards.map(c => c.reading)); }

  info(name) { return this.catalog.optimizers.find(o => o.name === name); }

  async setSpecs(specs) {
    this.cards = specs.map(text => ({ text }));
    this.render();
    await Promise.all(this.cards.map(c => this.read(c)));
  }

  async setConvention(convention) {
    this.convention = convention;
    // Keys that do not exist under the new convention would only produce an error: drop them.
    for (const card of this.cards) {
      // A typed rule has the same keys in every convention.
      if (!card.read || card.read.statements != null) continue;
      const valid = new Set(this.info(card.read.name)?.conventions[convention]?.keys.map(k => k.name) ?? []);
      const changed = card.read.keys.filter(k => k.changed);
      if (changed.some(k => !valid.has(k.name))) card.text = join(card.read, changed.filter(k => valid.has(k.name)).map(k => [k.name, k.value]));
    }
    await Promise.all(this.cards.map(c => this.read(c)));
  }

  add(name) {
    const card = { text: startText(name) };
    this.cards.push(card);
    this.render();
    this.onChange();
    return this.read(card);
  }

  clear() {
    this.cards = [];
    this.render();
    this.onChange();
  }

  /**
   * Reads the card's text on the server. A card whose keys stay the same is updated in place (a slider being
   * dragged keeps its grip); otherwise it is drawn again. A refused spec keeps the last fields it read, with the error.
   */
  read(card) {
    const text = card.text;
    card.reading = (async () => {
      let read;
      try {
        read = await this.api('api/spec', { spec: text, convention: this.convention });
      } catch (e) {
        if (!e.api) throw e;
        if (card.text !== text) return;
        card.error = e.api;
        this.showCardError(card);
        this.element(card)?.querySelector('code.spec')?.replaceChildren(card.text);
        return;
      }
      if (card.text !== text) return;
      const reshaped = shape(read) !== shape(card.read);
      card.read = read;
      card.error = null;
      card.preview = null;
      if (reshaped) this.renderCard(card); else this.update(card);
      await this.preview(card);
    })();
    return card.reading;
  }

  /** Marks what the last read says on the card as drawn: its spec, the keys that differ from the defaults, no error. */
  update(card) {
    const el = this.element(card);
    if (!el) return;
    el.querySelector('code.spec')?.replaceChildren(card.text);
    for (const label of el.querySelectorAll('.keys label, .schedule label')) {
      const key = card.read.keys.find(k => k.name === label.textContent);
      if (key) label.classList.toggle('changed', key.changed);
    }
    this.showCardError(card);
  }

  /** Sets one key (an empty text or the default removes it) and reads the new spec. */
  setKey(card, name, text) {
    if (!card.read) return;
    const pairs = card.read.keys.filter(k => k.changed && k.name !== name).map(k => [k.name, k.value]);
    const key = card.read.keys.find(k => k.name === name);
    if (text !== '' && text !== key?.default) pairs.push([name, text]);
    const order = card.read.keys.map(k => k.name);
    pairs.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
    card.text = join(card.read, pairs);
    this.element(card)?.querySelector('code.spec')?.replaceChildren(card.text);
    this.onChange();
    return this.read(card);
  }

  colour(i) { return PALETTE[i % PALETTE.length]; }

  element(card) { return this.container.children[this.cards.indexOf(card)]; }

  clearErrors() {
    this.errorBox.hidden = true;
    for (const card of this.cards) card.runError = null;
    this.cards.forEach(c => this.showCardError(c));
  }

  /** Shows an API error about the optimizers: on the card it names, or under the list. */
  showError(error) {
    const card = error.index != null ? this.cards[error.index] : null;
    if (card) {
      card.runError = error;
      this.showCardError(card);
      return;
    }
    this.errorBox.textContent = error.message;
    this.errorBox.hidden = false;
  }

  showCardError(card) {
    const el = this.element(card);
    if (!el) return;
    const box = el.querySelector('.card-error');
    const error = card.error ?? card.runError;
    el.classList.toggle('bad', !!error);
    box.hidden = !error;
    if (!error) return;
    // The server says where the key at fault starts: a caret under it, as for a formula.
    box.textContent = error.position != null && card.error ? `${card.text}\n${' '.repeat(error.position)}^\n${error.message}` : error.message;
    box.title = error.message;
  }

  /** Fetches the learning rates of the card's schedule for the run's steps and draws them. */
  async preview(card) {
    const el = this.element(card);
    const schedule = card.read?.schedule;
    if (!el || !schedule) return;
    const index = this.cards.indexOf(card);
    const losses = schedule.needs_loss ? this.losses(index) : null;
    const text = card.text;
    try {
      card.preview = await this.api('api/schedule', { optimizer: text, convention: this.convention, steps: this.steps(), losses });
      card.previewError = null;
    } catch (e) {
      if (!e.api) throw e;
      card.preview = null;
      card.previewError = e.api;
    }
    if (card.text === text) this.drawPreview(card);
  }

  /** Draws the previews again (after the steps change, or a run gives plateau its losses). */
  refreshPreviews(onlyLossy = false) {
    return Promise.all(this.cards.filter(c => c.read?.schedule && (!onlyLossy || c.read.schedule.needs_loss)).map(c => this.preview(c)));
  }

  drawPreview(card) {
    const el = this.element(card);
    if (!el) return;
    const canvas = el.querySelector('canvas.lr-preview');
    const caption = el.querySelector('.lr-caption');
    if (!canvas) return;
    const p = card.preview;
    canvas.hidden = !p;
    if (p) {
      const lr = p.lr.map(Number);
      sparkline(canvas, lr, this.colour(this.cards.indexOf(card)));
      const lo = Math.min(...lr), hi = Math.max(...lr);
      caption.textContent = `lr ${fmt(lr[0])} → ${fmt(lr[lr.length - 1])} over ${p.steps} steps (${fmt(lo)} to ${fmt(hi)})`
        + (p.momentum_key ? `; ${p.momentum_key} cycles too` : '') + (p.note ? `. ${p.note}` : '');
    } else {
      caption.textContent = card.previewError?.message ?? '';
    }
    canvas.dataset.steps = p ? String(p.steps) : '';
    canvas.dataset.lr = p ? p.lr.join(',') : '';
  }

  render() {
    this.container.replaceChildren(...this.cards.map(() => document.createElement('div')));
    this.cards.forEach(c => this.renderCard(c));
  }

  renderCard(card) {
    const index = this.cards.indexOf(card);
    const old = this.element(card);
    if (!old) return;
    const el = document.createElement('div');
    el.className = 'card';
    el.style.setProperty('--color', this.colour(index));
    el.dataset.index = String(index);

    const name = card.read?.name ?? card.text.split('(')[0].trim();
    const header = document.createElement('header');
    const select = document.createElement('select');
    select.className = 'optimizer-name';
    select.setAttribute('aria-label', 'Optimizer');
    const names = this.catalog.optimizers.map(o => o.name);
    if (!names.includes(name)) names.unshift(name);
    if (!names.includes('rule')) names.push('rule');
    for (const n of names) {
      const option = new Option(n === 'rule' ? 'rule (type your own)' : n, n, false, n === name);
      // A rule without a formula under this convention (keras lacks some) cannot be picked; the current one stays shown.
      const rule = this.info(n);
      if (rule && !rule.conventions[this.convention] && n !== name) {
        option.disabled = true;
        option.title = `no ${this.convention} formula`;
      }
      select.add(option);
    }
    select.addEventListener('change', () => { card.text = startText(select.value); card.read = null; this.onChange(); this.read(card); });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = 'Remove';
    remove.setAttribute('aria-label', `Remove ${name}`);
    remove.addEventListener('click', () => { this.cards.splice(this.cards.indexOf(card), 1); this.render(); this.onChange(); });
    header.append(select, remove);

    // The spec as the CLI takes it; click to type one in.
    const code = document.createElement('code');
    code.className = 'spec';
    code.textContent = card.text;
    code.title = 'The spec, as the CLI takes it — click to edit';
    code.addEventListener('click', () => this.editText(card, code));
    el.append(header, code);

    const typed = card.read?.statements != null;
    const info = this.info(name) ?? (typed ? { summary: 'your own rule: statements run element by element; p = … gives the new parameter', conventions: {} } : null);
    if (typed) el.append(this.renderStatements(card));
    if (info && card.read) {
      const c = info.conventions[this.convention];
      // No entry at all: the convention runs no formula for this rule (keras lacks some), so the run will refuse it.
      el.title = info.summary + (!c && !typed ? ` — no ${this.convention} formula: not available under ${this.convention}`
        : c && c.effective !== this.convention ? ` — no ${this.convention} formula: runs ${c.effective}'s` : '');
      const keys = document.createElement('div');
      keys.className = 'keys';
      const more = document.createElement('div');
      more.className = 'keys';
      for (const key of card.read.keys) {
        if (key.kind === 'schedule spec') continue;
        (FOLDED.has(key.name) ? more : keys).append(...this.renderKey(card, key));
      }
      const details = document.createElement('details');
      details.className = 'more';
      details.open = card.read.keys.some(k => FOLDED.has(k.name) && k.changed);
      const summary = document.createElement('summary');
      summary.textContent = 'weight decay, clipping';
      details.append(summary, more);
      el.append(keys, this.renderSchedule(card), details);
    }
    const error = document.createElement('pre');
    error.className = 'error card-error';
    error.hidden = true;
    el.append(error);
    old.replaceWith(el);
    this.showCardError(card);
    if (card.preview || card.previewError) this.drawPreview(card);
  }

  /**
   * A typed rule's statements in a text area: edited, the card's spec is written again with its values and read by
   * the server, whose error points a caret at the character (as for a formula).
   */
  renderStatements(card) {
    const area = document.createElement('textarea');
    area.className = 'rule-statements';
    area.setAttribute('aria-label', 'Rule statements');
    area.spellcheck = false;
    area.rows = 3;
    area.value = card.read.statements;
    area.title = 'Statements, one per ";": name = expression; the last is p = …. Read-only: p, g, t, lr; grad(point) looks ahead.';
    area.addEventListener('change', () => {
      const statements = area.value.trim();
      if (statements === card.read.statements || statements === '') return;
      const pairs = card.read.keys.filter(k => k.changed).map(k => [k.name, k.value]);
      card.text = join({ statements }, pairs);
      this.element(card)?.querySelector('code.spec')?.replaceChildren(card.text);
      this.onChange();
      this.read(card);
    });
    return area;
  }

  editText(card, code) {
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'spec-text';
    input.value = card.text;
    input.spellcheck = false;
    let done = false;
    const commit = () => {
      // Once: drawing the card again removes the field, which fires its blur.
      if (done) return;
      done = true;
      const text = input.value.trim();
      if (text === card.text || text === '') { this.renderCard(card); return; }
      card.text = text;
      this.onChange();
      this.read(card);
    };
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') commit();
      if (e.key === 'Escape' && !done) { done = true; this.renderCard(card); }
    });
    input.addEventListener('blur', commit);
    code.replaceWith(input);
    input.focus();
  }

  renderSchedule(card) {
    const key = card.read.keys.find(k => k.kind === 'schedule spec');
    const box = document.createElement('div');
    box.className = 'schedule';
    if (!key) return box;
    const current = card.read.schedule?.name ?? 'none';
    const label = document.createElement('label');
    label.textContent = 'schedule';
    label.classList.toggle('changed', key.changed);
    const select = document.createElement('select');
    select.className = 'schedule-name';
    select.setAttribute('aria-label', 'Learning-rate schedule');
    select.add(new Option('none', 'none', false, current === 'none'));
    for (const s of this.catalog.schedules) {
      const option = new Option(s.name, s.name, false, s.name === current);
      option.title = s.summary;
      select.add(option);
    }
    select.addEventListener('change', () => this.setKey(card, 'schedule', select.value === 'none' ? '' : this.example(select.value)));
    const text = document.createElement('input');
    text.type = 'text';
    text.className = 'schedule-spec';
    text.spellcheck = false;
    text.value = key.changed ? key.value : '';
    text.placeholder = 'e.g. cosine(t_max=125)';
    text.setAttribute('aria-label', 'Schedule spec');
    const commit = () => { const v = text.value.trim(); if (v !== (key.changed ? key.value : '')) this.setKey(card, 'schedule', v); };
    text.addEventListener('change', commit);
    text.addEventListener('keydown', e => { if (e.key === 'Enter') commit(); });
    const head = document.createElement('div');
    head.className = 'inline';
    head.append(label, select);
    box.append(head, text);
    if (card.read.schedule) {
      const canvas = document.createElement('canvas');
      canvas.className = 'lr-preview';
      canvas.width = 280;
      canvas.height = 54;
      canvas.setAttribute('aria-label', 'Learning rate per step');
      const caption = document.createElement('p');
      caption.className = 'note lr-caption';
      box.append(canvas, caption);
    }
    return box;
  }

  // A first spec for a chosen schedule, sized to the run: its length keys set to the steps.
  example(name) {
    const n = Math.max(2, this.steps());
    const tenth = Math.max(1, Math.round(n / 10));
    switch (name) {
      case 'cosine': return `cosine(t_max=${n})`;
      case 'onecycle': return `onecycle(total_steps=${n})`;
      case 'multistep': return `multistep(milestones=[${Math.round(n / 3)}, ${Math.round(2 * n / 3)}])`;
      case 'sequential': return `sequential(linear(start_factor=0.1, total_iters=${tenth}), cosine(t_max=${Math.max(1, n - tenth)}), milestones=[${tenth}])`;
      case 'polynomial': case 'linear': return `${name}(total_iters=${n})`;
      default: return name;
    }
  }

  renderKey(card, key) {
    const label = document.createElement('label');
    label.textContent = key.name;
    label.title = `${key.kind}; default ${key.default}`;
    label.classList.toggle('changed', key.changed);
    const value = document.createElement('div');
    value.className = 'value';
    const set = text => this.setKey(card, key.name, text);
    const id = `k-${Math.random().toString(36).slice(2)}`;
    label.htmlFor = id;

    if (key.kind === 'true|false') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.checked = key.value === 'true';
      box.addEventListener('change', () => set(box.checked ? 'true' : 'false'));
      value.append(box);
    } else if (key.kind.includes('|')) {
      const select = document.createElement('select');
      select.id = id;
      for (const w of key.kind.split('|')) select.add(new Option(w, w, false, w === key.value));
      select.addEventListener('change', () => set(select.value));
      value.append(select);
    } else {
      const input = document.createElement('input');
      input.type = 'text';
      input.id = id;
      input.className = `key-${key.name}`;
      input.value = key.value;
      input.inputMode = key.kind === 'optimizer spec' ? 'text' : 'decimal';
      input.spellcheck = false;
      value.append(input);
      if (key.name === 'lr' || UNIT_SLIDERS.has(key.name)) {
        const slider = document.createElement('input');
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
