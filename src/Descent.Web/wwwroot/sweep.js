// The sweep tab: specs with grids (adam(lr=[1e-3..1:13log])) swept on a landscape through POST /api/sweep, drawn as one
// heatmap per optimizer (median final loss over the starts, log colour scale, grey = diverged). Clicking a cell hands its
// concrete spec and the function's start to the landscape tab, which replays the path on the map.

import { fmt } from './charts.js';

const num = v => (typeof v === 'number' ? v : Number(v));

// Viridis at a few stops, interpolated: dark = low loss.
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
function colour(t) {
  const x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x)), f = x - i;
  const c = STOPS[i].map((v, k) => Math.round(v + (STOPS[i + 1][k] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export class SweepTab {
  constructor(api, onReplay) {
    this.api = api;
    this.onReplay = onReplay;
    this.result = null;
    this.boxes = [];
    this.canvas = document.getElementById('sw-map');
    document.getElementById('sw-run').addEventListener('click', () => this.run());
    this.canvas.addEventListener('click', e => this.click(e));
  }

  request() {
    const v = id => document.getElementById(id).value.trim();
    const n = id => (v(id) === '' ? null : Number(v(id)));
    return {
      function: v('sw-function'),
      optimizers: v('sw-optimizers').split('\n').map(s => s.trim()).filter(s => s.length > 0),
      convention: v('sw-convention'),
      steps: n('sw-steps'),
      starts: n('sw-starts'),
      target: n('sw-target'),
    };
  }

  async run() {
    const error = document.getElementById('sw-error');
    error.hidden = true;
    document.getElementById('sw-busy').hidden = false;
    try {
      this.result = await this.api('api/sweep', this.request());
      this.draw();
    } catch (e) {
      if (!e.api) throw e;
      error.textContent = e.api.display ? `${e.api.message}\n${e.api.display.split('\n').slice(0, 2).join('\n')}` : e.api.message;
      error.hidden = false;
    } finally {
      document.getElementById('sw-busy').hidden = true;
    }
  }

  draw() {
    const canvas = this.canvas, ctx = canvas.getContext('2d');
    const r = this.result;
    this.boxes = [];
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!r) return;
    const scores = new Map();
    for (const row of r.rows) {
      const key = `${row.optimizer}\u0000${row.cell}`;
      if (!scores.has(key)) scores.set(key, []);
      scores.get(key).push(row.outcome.diverged ? Infinity : num(row.outcome.final_loss));
    }
    const all = [...scores.values()].map(median).filter(Number.isFinite);
    const positive = all.every(v => v > 0);
    const scale = v => (positive ? Math.log10(v) : v);
    const lo = Math.min(...all.map(scale)), hi = Math.max(...all.map(scale));
    const blockHeight = Math.floor((canvas.height - 10) / Math.max(1, r.optimizers.length));
    ctx.font = '12px sans-serif';
    r.optimizers.forEach((o, k) => {
      const top = 5 + k * blockHeight;
      const cols = o.axes[0]?.values.length ?? 1, rows = o.axes.length >= 2 ? o.cells / cols : 1;
      const left = 110, width = canvas.width - left - 10, height = blockHeight - 34;
      ctx.fillStyle = '#222';
      ctx.fillText(o.optimizer.length > 90 ? `${o.optimizer.slice(0, 89)}…` : o.optimizer, 5, top + 12);
      const cw = width / cols, ch = height / rows;
      for (let c = 0; c < o.cells; c++) {
        const col = Math.floor(c / rows), row = c % rows;
        const m = median(scores.get(`${o.optimizer}\u0000${c}`) ?? []);
        const x = left + col * cw, y = top + 18 + (rows - 1 - row) * ch;
        ctx.fillStyle = Number.isFinite(m) ? colour(hi > lo ? (scale(m) - lo) / (hi - lo) : 0) : '#ccc';
        ctx.fillRect(x, y, Math.max(1, cw - 1), Math.max(1, ch - 1));
        this.boxes.push({ x, y, w: cw, h: ch, optimizer: o.optimizer, cell: c, median: m });
      }
      ctx.fillStyle = '#555';
      if (o.axes[0]) ctx.fillText(`${o.axes[0].key}: ${o.axes[0].values[0]} … ${o.axes[0].values.at(-1)} →`, left, top + 18 + height + 12);
      if (o.axes[1]) ctx.fillText(`${o.axes[1].key} ↑`, 5, top + 30);
    });
    const s = r.summaries.map(x => `${x.optimizer}: best ${x.best_spec} (median ${fmt(num(x.best_median_loss))})` +
      (x.good_lr_decades != null ? `, good-lr band ${fmt(num(x.good_lr_decades), 3)} decades` : '') +
      (x.reached_share != null ? `, ${Math.round(100 * num(x.reached_share))}% reach the target` : ''));
    document.getElementById('sw-summary').textContent = s.join('\n');
  }

  click(e) {
    const rect = this.canvas.getBoundingClientRect();
    const px = (e.clientX - rect.left) * this.canvas.width / rect.width, py = (e.clientY - rect.top) * this.canvas.height / rect.height;
    const box = this.boxes.find(b => px >= b.x && px < b.x + b.w && py >= b.y && py < b.y + b.h);
    if (!box || !this.result) return;
    const row = this.result.rows.find(x => x.optimizer === box.optimizer && x.cell === box.cell && x.start === 0);
    const c = this.result.config;
    this.onReplay({ function: c.function, convention: c.convention, steps: this.result.steps, spec: row.spec, start: { x: num(row.start_x), y: num(row.start_y) } });
  }
}
