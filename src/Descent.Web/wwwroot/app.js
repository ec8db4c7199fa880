// The playground: state in the URL hash, calls to the JSON API (API.md), and the drawing.
// Every number shown comes from the server, which runs the same Lab code as the descent command.

import { lineChart, fmt, PALETTE } from './charts.js';
import { LandscapeMap } from './contour.js';
import { OptimizerCards } from './cards.js';
import { SweepTab } from './sweep.js';

const $ = id => document.getElementById(id);

/** Calls the API; a 400 throws an Error carrying the API's error object in `.api`. */
async function api(path, body) {
  const response = await fetch(path, body === undefined ? undefined
    : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw Object.assign(new Error(json.error?.message ?? response.statusText), { api: json.error ?? { message: response.statusText } });
  return json;
}

const SPEEDS = [2, 5, 10, 20, 40, 80, 160];

let sweepTab = null;

// What a tab shows until the URL says otherwise: a figure of the Lab's recipes (GET /api/defaults), so the
// lecture's suite lives in its recipe only.
let DEFAULTS = null;

function defaultsFrom(setup) {
  const t = setup.trajectory.config, r = setup.response.config;
  return {
    tab: 'landscape', f: t.function, c: t.convention, n: String(t.steps ?? 125), v: '3', o: t.optimizers,
    rs: r.signal, rc: r.convention, ri: r.interpolation, rn: r.steps ? String(r.steps) : '', ro: r.optimizers,
  };
}

const state = {
  tab: 'landscape', fn: '', convention: 'pytorch', steps: 125, start: null, speed: 3,
  r: { signal: '', convention: 'pytorch', interpolation: 'linear', steps: null },
};

let catalog = null;          // { functions, optimizers, signals }
let cards = null;            // landscape tab's optimizer cards
let rcards = null;           // response tab's optimizer cards
let landscape = null;        // POST /api/landscape
let trajectory = null;       // POST /api/trajectory
let response = null;         // POST /api/response
let selected = 0;            // whose state is drawn
let step = 0, playing = false, lastTime = 0, carry = 0;
const map = new LandscapeMap($('map'));

// ---------- the URL holds the whole setup ----------

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const one = k => p.get(k) ?? DEFAULTS[k];
  // An empty list is written as none=o (or none=ro), so that it is not mistaken for "the defaults".
  const many = k => (p.has(k) || p.getAll('none').includes(k)) ? p.getAll(k) : DEFAULTS[k];
  state.tab = ['response', 'sweep'].includes(one('tab')) ? one('tab') : 'landscape';
  state.fn = one('f');
  state.convention = one('c');
  state.steps = Number(one('n')) || 125;
  state.speed = Math.max(0, Math.min(SPEEDS.length - 1, Number(one('v')) || 0));
  const s = p.get('s')?.split(',').map(Number);
  state.start = s && s.length === 2 && s.every(Number.isFinite) ? { x: s[0], y: s[1] } : null;
  state.r.signal = one('rs');
  state.r.convention = one('rc');
  state.r.interpolation = one('ri');
  state.r.steps = one('rn') ? Number(one('rn')) : null;
  return { o: many('o'), ro: many('ro') };
}

function writeHash() {
  const p = new URLSearchParams();
  p.set('tab', state.tab);
  p.set('f', state.fn);
  p.set('c', state.convention);
  p.set('n', String(state.steps));
  if (state.start) p.set('s', `${state.start.x},${state.start.y}`);
  p.set('v', String(state.speed));
  if (cards.specs().length === 0) p.append('none', 'o');
  if (rcards.specs().length === 0) p.append('none', 'ro');
  for (const o of cards.specs()) p.append('o', o);
  p.set('rs', state.r.signal);
  p.set('rc', state.r.convention);
  p.set('ri', state.r.interpolation);
  if (state.r.steps) p.set('rn', String(state.r.steps));
  for (const o of rcards.specs()) p.append('ro', o);
  history.replaceState(null, '', `#${p.toString()}`);
}

// ---------- errors next to their fields ----------

const FIELD_ERRORS = {
  landscape: { function: 'function-error', steps: 'steps-error', start: 'start-error', convention: 'convention-error', optimizer: null, '': 'general-error' },
  response: { signal: 'signal-error', steps: 'r-steps-error', convention: 'r-convention-error', interpolation: 'r-interpolation-error', optimizer: null, '': 'r-general-error' },
};

function clearErrors(tab) {
  for (const id of Object.values(FIELD_ERRORS[tab])) if (id) $(id).hidden = true;
  (tab === 'landscape' ? cards : rcards).clearErrors();
  if (tab === 'landscape') $('function-formula').classList.remove('invalid');
}

function showError(tab, error) {
  if (error.argument === 'optimizer') return (tab === 'landscape' ? cards : rcards).showError(error);
  const id = FIELD_ERRORS[tab][error.argument ?? ''] ?? FIELD_ERRORS[tab][''];
  const box = $(id);
  box.textContent = error.display ?? error.message;
  box.title = error.message;
  box.hidden = false;
  if (tab === 'landscape' && error.argument === 'function') {
    const area = $('function-formula');
    area.classList.add('invalid');
    if (error.position != null && document.activeElement === area) area.setSelectionRange(error.position, error.position + 1);
  }
}

// ---------- landscape tab ----------

function catalogEntry(name) {
  const n = name.trim().toLowerCase();
  return catalog.functions.find(f => f.name === n || f.aliases.includes(n));
}

function showFunction() {
  const entry = catalogEntry(state.fn);
  $('function-select').value = entry ? entry.name : '';
  const area = $('function-formula');
  if (document.activeElement !== area) area.value = entry ? entry.formula : state.fn;
  $('function-description').textContent = entry ? entry.description
    : 'Your formula, drawn on [−3, 3]² and started from (−2.8, −2.5) unless you click elsewhere.';
}

let landscapeRequest = 0;
async function loadLandscape() {
  const ticket = ++landscapeRequest;
  clearErrors('landscape');
  showFunction();
  $('map-busy').hidden = false;
  try {
    const result = await api('api/landscape', { function: state.fn, grid: 150 });
    if (ticket !== landscapeRequest) return;
    landscape = result;
    map.setLandscape(result);
    await runTrajectory();
  } catch (e) {
    if (ticket !== landscapeRequest) return;
    if (!e.api) throw e;
    showError('landscape', e.api);
    trajectory = null;
    drawFrame();
  } finally {
    if (ticket === landscapeRequest) $('map-busy').hidden = true;
  }
}

function startPoint() { return state.start ?? (landscape ? { x: landscape.start.x, y: landscape.start.y } : null); }

let trajectoryRequest = 0;
async function runTrajectory() {
  writeHash();
  updateCli();
  const ticket = ++trajectoryRequest;
  clearErrors('landscape');
  const start = startPoint();
  $('start').value = start ? `${fmt(start.x, 6)}, ${fmt(start.y, 6)}` : '';
  if (cards.specs().length === 0) {
    trajectory = null;
    drawFrame();
    return;
  }
  $('map-busy').hidden = false;
  try {
    const result = await api('api/trajectory', {
      function: state.fn, optimizers: cards.specs(), convention: state.convention, start: state.start, steps: state.steps,
    });
    if (ticket !== trajectoryRequest) return;
    trajectory = result;
    selected = Math.min(selected, result.paths.length - 1);
    step = Math.min(step, result.steps);
    cards.refreshPreviews(true);
  } catch (e) {
    if (ticket !== trajectoryRequest) return;
    if (!e.api) throw e;
    showError('landscape', e.api);
  } finally {
    if (ticket === trajectoryRequest) $('map-busy').hidden = true;
  }
  drawFrame();
}

const num = v => Number(v); // the API writes NaN and infinities as strings

function drawFrame() {
  const paths = (trajectory?.paths ?? []).map((p, i) => ({
    xs: p.x.map(num), ys: p.y.map(num), count: p.diverged_at_step ?? p.x.length, color: PALETTE[i % PALETTE.length], selected: i === selected,
  }));
  const total = trajectory?.steps ?? state.steps;
  map.draw(paths, step, startPoint());
  $('scrub').max = String(total);
  $('scrub').value = String(step);
  $('step-label').textContent = `${step} / ${total}`;
  $('play').textContent = playing ? '❚❚ Pause' : '▶ Play';

  // A log scale only where every loss drawn is positive (a bowl with minimum 0, Rosenbrock); not below zero.
  const positive = (trajectory?.paths ?? []).every(p => p.loss.slice(0, p.diverged_at_step ?? p.loss.length).every(v => num(v) > 0));
  const log = $('log-loss').checked && positive;
  $('log-loss').disabled = !positive;
  $('log-loss').parentElement.title = positive ? 'log10 of the loss' : 'some loss is 0 or negative: no log scale';
  const series = (trajectory?.paths ?? []).map((p, i) => ({
    values: p.loss.map(v => (log ? Math.log10(num(v)) : num(v))), color: PALETTE[i % PALETTE.length], label: p.optimizer,
    count: Math.min(step + 1, p.diverged_at_step ?? p.loss.length),
  }));
  const why = cards.specs().length === 0 ? 'add an optimizer to see its loss' : 'fix the input marked in red to see the loss';
  $('map').classList.toggle('stale', !trajectory && cards.specs().length > 0);
  lineChart($('loss-chart'), { series, xMax: total, cursor: step, xLabel: log ? 'step (log10 of the loss)' : 'step', empty: trajectory ? 'no path' : why });
  drawReadout();
  drawState(total);
}

function drawReadout() {
  const body = $('loss-readout').tBodies[0];
  const rows = (trajectory?.paths ?? []).map((p, i) => {
    const tr = document.createElement('tr');
    tr.className = i === selected ? 'selected' : '';
    tr.dataset.index = String(i);
    const drawable = p.diverged_at_step ?? p.x.length;
    const k = Math.min(step, drawable - 1);
    const diverged = p.diverged_at_step != null && step >= p.diverged_at_step;
    const cell = (content, className) => {
      const td = document.createElement('td');
      if (className) td.className = className;
      if (content instanceof Node) td.append(content); else td.textContent = content;
      return td;
    };
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = PALETTE[i % PALETTE.length];
    const spec = cell(p.optimizer, 'spec');
    spec.title = p.resolved;
    const loss = cell(diverged ? `diverged at step ${p.diverged_at_step}` : fmt(num(p.loss[k]), 5), diverged ? 'diverged loss' : 'loss');
    tr.append(cell(swatch), spec, cell(fmt(num(p.x[k])), 'x'), cell(fmt(num(p.y[k])), 'y'), loss);
    return tr;
  });
  body.replaceChildren(...rows);
}

function drawState(total) {
  const path = trajectory?.paths?.[selected];
  const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
  const series = [];
  if (path) {
    const count = Math.min(step + 1, path.diverged_at_step ?? path.x.length);
    path.state.forEach((s, k) => {
      series.push({ values: s.x.map(num), color: colours[k % colours.length], label: `${s.name} x`, count });
      series.push({ values: s.y.map(num), color: colours[k % colours.length], label: `${s.name} y`, count, dash: true });
    });
    // Scalar state (L-BFGS's history: the pairs it keeps), one line each after the buffers.
    (path.counters ?? []).forEach((c, k) => {
      series.push({ values: c.values.map(num), color: colours[(path.state.length + k) % colours.length], label: c.name, count });
    });
  }
  $('state-title').textContent = path ? `State of ${path.optimizer}` : 'Optimizer state';
  lineChart($('state-chart'), {
    series, xMax: total, cursor: step, xLabel: 'step',
    empty: path ? `${path.optimizer.split('(')[0]} keeps no state: each step uses only the gradient` : 'no path to show',
    // L-BFGS's steps differ in work: say how many gradient evaluations the path has spent by this step.
    ...(path?.evaluations ? { xLabel: `step (${path.evaluations.slice(0, step).reduce((a, b) => a + b, 0)} gradient evaluations so far)` } : {}),
  });
}

function quote(text) { return /^[\w.,=+\-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`; }

function updateCli() {
  const start = state.start ? ` --start ${state.start.x},${state.start.y}` : '';
  $('cli-trajectory').textContent = `descent trajectory --function ${quote(state.fn)} ${cards.specs().map(s => `--optimizer ${quote(s)}`).join(' ')}`
    + ` --convention ${state.convention}${start} --steps ${state.steps} --gif paths.gif`;
  const rsteps = state.r.steps ? ` --steps ${state.r.steps}` : '';
  $('cli-response').textContent = `descent response --signal ${quote(state.r.signal)} ${rcards.specs().map(s => `--optimizer ${quote(s)}`).join(' ')}`
    + ` --convention ${state.r.convention} --interpolation ${state.r.interpolation}${rsteps} --png response.png`;
}

// ---------- the lecture's figures (the Lab's recipes) ----------

function figureOf(key) {
  const [recipe, name] = key.split('/');
  return catalog.recipes.find(r => r.name === recipe)?.figures.find(f => f.name === name);
}

function fillFigures(select, experiment) {
  const groups = catalog.recipes.filter(r => r.experiment === experiment).map(r => {
    const g = document.createElement('optgroup');
    g.label = r.description;
    for (const f of r.figures) g.append(new Option(f.title, `${r.name}/${f.name}`));
    return g;
  });
  select.replaceChildren(new Option('choose a figure…', ''), ...groups);
}

function showCaption(id, figure) {
  $(id).textContent = figure.caption;
  $(id).hidden = !figure.caption;
}

// ---------- the player ----------

function setStep(k) {
  const total = trajectory?.steps ?? 0;
  step = Math.max(0, Math.min(total, k));
  drawFrame();
}

function play() {
  if (!trajectory) return;
  if (step >= trajectory.steps) step = 0;
  playing = true;
  lastTime = performance.now();
  carry = 0;
  requestAnimationFrame(tick);
  drawFrame();
}

function pause() {
  playing = false;
  drawFrame();
}

function tick(now) {
  if (!playing) return;
  carry += (now - lastTime) / 1000 * SPEEDS[state.speed];
  lastTime = now;
  const k = Math.floor(carry);
  if (k > 0) {
    carry -= k;
    setStep(step + k);
  }
  if (!trajectory || step >= trajectory.steps) pause();
  else requestAnimationFrame(tick);
}

// ---------- response tab ----------

let responseRequest = 0;
async function runResponse() {
  writeHash();
  updateCli();
  const ticket = ++responseRequest;
  clearErrors('response');
  const entry = catalog.signals.signals.find(s => s.name === state.r.signal);
  $('signal-description').textContent = entry?.description ?? '';
  if (rcards.specs().length === 0) {
    response = null;
    drawResponse();
    return;
  }
  try {
    const result = await api('api/response', {
      signal: state.r.signal, optimizers: rcards.specs(), convention: state.r.convention,
      interpolation: state.r.interpolation, steps: state.r.steps,
    });
    if (ticket !== responseRequest) return;
    response = result;
  } catch (e) {
    if (ticket !== responseRequest) return;
    if (!e.api) throw e;
    showError('response', e.api);
  }
  drawResponse();
}

function drawResponse() {
  const entry = catalog.signals.signals.find(s => s.name === state.r.signal);
  const signal = response ? response.signal.map(num) : entry?.values ?? [];
  const steps = response?.steps ?? signal.length;
  const gradients = [{ values: signal, color: '#9aa3b2', label: 'signal', width: 1.4 }];
  (response?.curves ?? []).forEach((c, i) => {
    const g = c.gradients.map(num);
    if (g.some((v, k) => v !== signal[k])) gradients.push({ values: g, color: PALETTE[i % PALETTE.length], label: `${c.optimizer} (look-ahead)`, dash: true });
  });
  lineChart($('r-gradient-chart'), { series: gradients, xMax: steps, xLabel: 'step', robust: false });
  const updates = (response?.curves ?? []).map((c, i) => ({
    values: [NaN, ...c.updates.map(num)], color: PALETTE[i % PALETTE.length], label: c.optimizer,
    count: c.diverged_at_step ?? c.updates.length + 1,
  }));
  lineChart($('r-update-chart'), { series: updates, xMax: steps, xLabel: 'step', robust: false, empty: 'add an optimizer to see its updates' });
}

// ---------- wiring ----------

function debounce(fn, ms) {
  let timer = 0;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}

function showTab(tab) {
  state.tab = tab;
  for (const t of ['landscape', 'response', 'sweep']) {
    $(t).hidden = t !== tab;
    $(`tab-${t}`).setAttribute('aria-selected', String(t === tab));
  }
  writeHash();
  if (tab === 'response') drawResponse(); else if (tab === 'sweep') sweepTab?.draw(); else drawFrame();
}

function fillSelect(select, values, current) {
  select.replaceChildren(...values.map(v => new Option(v, v, false, v === current)));
}

// The loss each step's gradient was taken at, from the last run of card `index` (for a plateau schedule's preview);
// null when that run is not the card's or would not fit a request (the API writes NaN and infinities as strings).
function lastLosses(index) {
  const path = trajectory?.paths?.[index];
  if (!path || path.optimizer !== cards.specs()[index] || trajectory.steps !== state.steps || state.steps > 2000) return null;
  const losses = path.loss.slice(0, state.steps).map(num);
  return losses.length === state.steps ? losses.map(v => (Number.isFinite(v) ? v : String(v))) : null;
}

function responseSteps() {
  return state.r.steps ?? catalog.signals.signals.find(s => s.name === state.r.signal)?.values.length ?? 125;
}

async function init() {
  const [functions, optimizers, signals, recipes, defaults] = await Promise.all(
    [api('api/functions'), api('api/optimizers'), api('api/signals'), api('api/recipes'), api('api/defaults')]);
  catalog = { functions: functions.functions, optimizers, signals, recipes: recipes.recipes };
  DEFAULTS = defaultsFrom(defaults);
  fillFigures($('figure'), 'trajectory');
  fillFigures($('r-figure'), 'response');
  const { o, ro } = readHash();

  const fs = $('function-select');
  const group = (label, kind) => {
    const g = document.createElement('optgroup');
    g.label = label;
    for (const f of catalog.functions.filter(f => f.kind === kind)) g.append(new Option(f.name, f.name));
    return g;
  };
  fs.replaceChildren(group("The lecture's landscapes", 'lecture'), group('Classic test functions', 'classic'), new Option('your formula…', ''));
  fillSelect($('convention'), optimizers.conventions, state.convention);
  fillSelect($('r-convention'), optimizers.conventions, state.r.convention);
  fillSelect($('r-interpolation'), signals.interpolations, state.r.interpolation);
  fillSelect($('signal'), signals.signals.map(s => s.name), state.r.signal);
  // 'rule' starts a card with a typed rule to edit.
  for (const id of ['optimizer-add', 'r-optimizer-add']) fillSelect($(id), [...optimizers.optimizers.map(x => x.name), 'rule'], 'adam');
  $('steps').value = String(state.steps);
  $('steps').max = '10000';
  $('r-steps').value = state.r.steps ? String(state.r.steps) : '';
  $('speed').value = String(state.speed);
  $('speed-label').textContent = `${SPEEDS[state.speed]}/s`;

  const rerun = debounce(runTrajectory, 250);
  cards = new OptimizerCards($('optimizers'), $('optimizer-error'), optimizers, rerun,
    { api, steps: () => state.steps, losses: lastLosses });
  cards.convention = state.convention;
  const reading = [cards.setSpecs(o)];
  const rerunResponse = debounce(runResponse, 250);
  rcards = new OptimizerCards($('r-optimizers'), $('r-optimizer-error'), optimizers, rerunResponse, { api, steps: responseSteps });
  rcards.convention = state.r.convention;
  reading.push(rcards.setSpecs(ro));

  // Landscape controls.
  fs.addEventListener('change', () => {
    if (fs.value === '') { $('function-formula').focus(); return; }
    state.fn = fs.value;
    state.start = null;
    step = 0;
    loadLandscape();
  });
  const area = $('function-formula');
  const commitFormula = () => {
    const text = area.value.trim();
    const entry = catalogEntry(state.fn);
    if (text === (entry ? entry.formula : state.fn)) return;
    state.fn = text;
    step = 0;
    loadLandscape();
  };
  area.addEventListener('keydown', e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); commitFormula(); } });
  area.addEventListener('change', commitFormula);
  $('convention').addEventListener('change', () => { state.convention = $('convention').value; cards.setConvention(state.convention); runTrajectory(); });
  $('steps').addEventListener('change', () => { state.steps = Math.round(Number($('steps').value)) || 1; runTrajectory(); cards.refreshPreviews(); });
  $('start').addEventListener('change', () => {
    const parts = $('start').value.split(',').map(s => Number(s.trim()));
    if (parts.length !== 2 || !parts.every(Number.isFinite)) {
      showError('landscape', { argument: 'start', message: 'Write the start as two numbers x, y, e.g. -2.8, -2.5.' });
      return;
    }
    state.start = { x: parts[0], y: parts[1] };
    step = 0;
    runTrajectory();
  });
  $('start-reset').addEventListener('click', () => { state.start = null; step = 0; runTrajectory(); });
  $('map').addEventListener('click', e => {
    if (!landscape) return;
    const r = $('map').getBoundingClientRect();
    const p = map.toDomain(e.clientX - r.left, e.clientY - r.top);
    const round = v => Math.round(v * 1000) / 1000;
    state.start = { x: round(p.x), y: round(p.y) };
    step = 0;
    runTrajectory();
  });
  $('optimizer-add-button').addEventListener('click', () => cards.add($('optimizer-add').value));
  $('optimizer-clear').addEventListener('click', () => cards.clear());
  $('figure').addEventListener('change', () => {
    const figure = figureOf($('figure').value);
    if (!figure) return;
    const c = figure.config;
    state.fn = c.function;
    state.convention = c.convention;
    state.start = c.start ? { x: c.start.x, y: c.start.y } : null;
    state.steps = c.steps ?? 125;
    $('convention').value = state.convention;
    $('steps').value = String(state.steps);
    cards.convention = state.convention;
    cards.setSpecs(c.optimizers);
    showCaption('figure-caption', figure);
    step = 0;
    loadLandscape().then(() => { if (trajectory) play(); });
  });
  $('r-figure').addEventListener('change', () => {
    const figure = figureOf($('r-figure').value);
    if (!figure) return;
    const c = figure.config;
    state.r = { signal: c.signal, convention: c.convention, interpolation: c.interpolation, steps: c.steps ?? null };
    $('signal').value = c.signal;
    $('r-convention').value = c.convention;
    $('r-interpolation').value = c.interpolation;
    $('r-steps').value = c.steps ? String(c.steps) : '';
    rcards.convention = c.convention;
    rcards.setSpecs(c.optimizers);
    showCaption('r-figure-caption', figure);
    runResponse();
  });
  $('log-loss').addEventListener('change', drawFrame);
  $('map').addEventListener('mousemove', e => {
    if (!landscape) return;
    const r = $('map').getBoundingClientRect();
    const p = map.toDomain(e.clientX - r.left, e.clientY - r.top);
    const nx = landscape.xs.length, ny = landscape.ys.length, d = landscape.domain;
    const i = Math.round((p.x - d.x_min) / (d.x_max - d.x_min) * (nx - 1));
    const j = Math.round((p.y - d.y_min) / (d.y_max - d.y_min) * (ny - 1));
    const f = num(landscape.values[Math.max(0, Math.min(ny - 1, j)) * nx + Math.max(0, Math.min(nx - 1, i))]);
    $('map-probe').textContent = `x ${fmt(p.x, 3)}  y ${fmt(p.y, 3)}  f ≈ ${fmt(f, 4)} — click to start here`;
    $('map-probe').hidden = false;
  });
  $('map').addEventListener('mouseleave', () => { $('map-probe').hidden = true; });
  $('loss-readout').addEventListener('click', e => {
    const tr = e.target.closest('tr[data-index]');
    if (tr) { selected = Number(tr.dataset.index); drawFrame(); }
  });

  // Player.
  $('play').addEventListener('click', () => (playing ? pause() : play()));
  $('step').addEventListener('click', () => { pause(); setStep(step + 1); });
  $('rewind').addEventListener('click', () => { pause(); setStep(0); });
  $('scrub').addEventListener('input', () => { pause(); setStep(Number($('scrub').value)); });
  $('speed').addEventListener('input', () => {
    state.speed = Number($('speed').value);
    $('speed-label').textContent = `${SPEEDS[state.speed]}/s`;
    writeHash();
  });
  document.addEventListener('keydown', e => {
    if (e.key === ' ' && state.tab === 'landscape' && !e.target.closest('input, textarea, select, button')) {
      e.preventDefault();
      if (playing) pause(); else play();
    }
  });

  // Response controls.
  $('signal').addEventListener('change', () => { state.r.signal = $('signal').value; runResponse(); rcards.refreshPreviews(); });
  $('r-convention').addEventListener('change', () => { state.r.convention = $('r-convention').value; rcards.setConvention(state.r.convention); runResponse(); });
  $('r-interpolation').addEventListener('change', () => { state.r.interpolation = $('r-interpolation').value; runResponse(); });
  $('r-steps').addEventListener('change', () => { const v = $('r-steps').value.trim(); state.r.steps = v ? Math.round(Number(v)) : null; runResponse(); rcards.refreshPreviews(); });
  $('r-optimizer-add-button').addEventListener('click', () => rcards.add($('r-optimizer-add').value));
  $('r-optimizer-clear').addEventListener('click', () => rcards.clear());

  // Sweep tab: a clicked cell is replayed on the landscape tab with its concrete spec.
  sweepTab = new SweepTab(api, async cell => {
    state.fn = cell.function;
    state.convention = cell.convention;
    $('convention').value = cell.convention;
    cards.convention = cell.convention;
    state.steps = cell.steps;
    $('steps').value = String(cell.steps);
    state.start = cell.start;
    step = 0;
    await cards.setSpecs([cell.spec]);
    showTab('landscape');
    await loadLandscape();
  });

  for (const b of document.querySelectorAll('nav [data-tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));
  // replaceState fires no hashchange: this is a URL pasted or edited by hand.
  window.addEventListener('hashchange', () => location.reload());
  window.addEventListener('resize', debounce(() => (state.tab === 'response' ? drawResponse() : drawFrame()), 100));

  showTab(state.tab);
  await Promise.all([loadLandscape(), runResponse(), ...reading]);
  await Promise.all([cards.settled(), rcards.settled()]);
  document.body.dataset.ready = 'true';
}

init().catch(e => {
  document.body.dataset.ready = 'error';
  $('general-error').textContent = `The page could not start: ${e.message}`;
  $('general-error').hidden = false;
});
