// The map: a landscape's values grid drawn as colour bands and contour lines (marching squares), once per
// landscape into an off-screen canvas; the paths are drawn over it on every frame.

import { setup } from './charts.js';

// Low values dark blue, high values pale yellow (a colour-blind-safe sequential scale).
const STOPS = [[8, 29, 88], [37, 52, 148], [34, 94, 168], [29, 145, 192], [65, 182, 196], [127, 205, 187], [199, 233, 180], [237, 248, 177], [255, 255, 217]];

function colour(t) {
  if (!Number.isFinite(t)) return [235, 235, 235];
  const x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x)), f = x - i;
  return STOPS[i].map((c, k) => Math.round(c + f * (STOPS[i + 1][k] - c)));
}

// Where v falls among the levels, from 0 (below the first) to 1 (above the last), linear inside a band.
function levelFraction(v, levels) {
  const n = levels.length;
  if (!Number.isFinite(v) || n === 0) return NaN;
  if (v <= levels[0]) return 0;
  if (v >= levels[n - 1]) return 1;
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (levels[mid] <= v) lo = mid; else hi = mid; }
  return (lo + (v - levels[lo]) / (levels[hi] - levels[lo])) / (n - 1);
}

/** Turns the API's landscape into a drawable map. */
export class LandscapeMap {
  constructor(canvas) {
    this.canvas = canvas;
    this.landscape = null;
    this.background = null;
  }

  /** Sets the landscape (the answer of POST /api/landscape) and renders its background. */
  setLandscape(landscape) {
    this.landscape = landscape;
    this.background = null;
  }

  get domain() { return this.landscape?.domain; }

  /** Canvas CSS pixel → domain point. */
  toDomain(px, py) {
    const d = this.domain, r = this.canvas.getBoundingClientRect();
    return { x: d.x_min + (px / r.width) * (d.x_max - d.x_min), y: d.y_max - (py / r.height) * (d.y_max - d.y_min) };
  }

  renderBackground(width, height) {
    const L = this.landscape, nx = L.xs.length, ny = L.ys.length;
    const values = L.values.map(Number);
    const levels = L.levels.map(Number);
    // Colour only across the levels the values reach: the lecture's 48 levels span −2 to 19, and a landscape
    // between 1 and 4 would otherwise get a sliver of the scale.
    let lo = Infinity, hi = -Infinity;
    for (const v of values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    let kLo = 0, kHi = levels.length - 1;
    while (kLo + 1 < levels.length && levels[kLo + 1] <= lo) kLo++;
    while (kHi - 1 > kLo && levels[kHi - 1] >= hi) kHi--;
    const shades = levels.slice(kLo, kHi + 1);
    const image = new ImageData(nx, ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const [r, g, b] = colour(levelFraction(values[j * nx + i], shades));
        const o = ((ny - 1 - j) * nx + i) * 4;
        image.data[o] = r; image.data[o + 1] = g; image.data[o + 2] = b; image.data[o + 3] = 255;
      }
    }
    const small = new OffscreenCanvas(nx, ny);
    small.getContext('2d').putImageData(image, 0, 0);
    const ratio = window.devicePixelRatio || 1;
    const big = new OffscreenCanvas(Math.round(width * ratio), Math.round(height * ratio));
    const ctx = big.getContext('2d');
    ctx.scale(ratio, ratio);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    // Grid points are cell centres: stretch so the first and last samples sit on the edges.
    const cw = width / (nx - 1), ch = height / (ny - 1);
    ctx.drawImage(small, -cw / 2, -ch / 2, width + cw, height + ch);
    this.drawContours(ctx, values, levels, width, height);
    this.background = { canvas: big, width, height };
  }

  drawContours(ctx, values, levels, width, height) {
    const L = this.landscape, nx = L.xs.length, ny = L.ys.length;
    const sx = width / (nx - 1), sy = height / (ny - 1);
    ctx.lineWidth = 0.7;
    levels.forEach((level, k) => {
      ctx.strokeStyle = k % 4 === 0 ? 'rgba(20,25,35,.55)' : 'rgba(20,25,35,.28)';
      ctx.beginPath();
      for (let j = 0; j < ny - 1; j++) {
        for (let i = 0; i < nx - 1; i++) {
          const a = values[j * nx + i], b = values[j * nx + i + 1];
          const c = values[(j + 1) * nx + i + 1], d = values[(j + 1) * nx + i];
          if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
          const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
          if (code === 0 || code === 15) continue;
          // Edge crossings in grid units: bottom (a-b), right (b-c), top (d-c), left (a-d); y grows upwards.
          const t = (p, q) => (level - p) / (q - p);
          const pts = {
            B: [i + t(a, b), j], R: [i + 1, j + t(b, c)], T: [i + t(d, c), j + 1], L: [i, j + t(a, d)],
          };
          const segs = SEGMENTS[code];
          for (const [e1, e2] of segs) {
            const p1 = pts[e1], p2 = pts[e2];
            ctx.moveTo(p1[0] * sx, height - p1[1] * sy);
            ctx.lineTo(p2[0] * sx, height - p2[1] * sy);
          }
        }
      }
      ctx.stroke();
    });
  }

  /**
   * Draws the map with the paths up to `step`: paths = [{ xs, ys, count, color, selected }], start = {x, y}.
   */
  draw(paths, step, start) {
    const { ctx, width, height } = setup(this.canvas);
    ctx.clearRect(0, 0, width, height);
    if (!this.landscape) return;
    if (!this.background || this.background.width !== width || this.background.height !== height) this.renderBackground(width, height);
    ctx.drawImage(this.background.canvas, 0, 0, width, height);
    const d = this.domain;
    const X = x => (x - d.x_min) / (d.x_max - d.x_min) * width;
    const Y = y => height - (y - d.y_min) / (d.y_max - d.y_min) * height;

    for (const m of this.landscape.minima) {
      const x = X(m.x), y = Y(m.y), r = 6;
      ctx.lineWidth = 3; ctx.strokeStyle = 'rgba(0,0,0,.55)';
      ctx.beginPath(); ctx.moveTo(x - r, y); ctx.lineTo(x + r, y); ctx.moveTo(x, y - r); ctx.lineTo(x, y + r); ctx.stroke();
      ctx.lineWidth = 1.6; ctx.strokeStyle = m.is_global ? '#fff' : '#ffb347';
      ctx.stroke();
    }

    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const p of paths) {
      const n = Math.min(step + 1, p.count);
      if (n <= 0) continue;
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const x = X(p.xs[i]), y = Y(p.ys[i]);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      ctx.strokeStyle = 'rgba(255,255,255,.75)';
      ctx.lineWidth = p.selected ? 5.5 : 4;
      ctx.stroke();
      ctx.strokeStyle = p.color;
      ctx.lineWidth = p.selected ? 3 : 2;
      ctx.stroke();
      const x = X(p.xs[n - 1]), y = Y(p.ys[n - 1]);
      ctx.beginPath(); ctx.arc(x, y, p.selected ? 6 : 5, 0, 2 * Math.PI);
      ctx.fillStyle = p.color; ctx.fill();
      ctx.lineWidth = 1.5; ctx.strokeStyle = '#fff'; ctx.stroke();
    }

    if (start) {
      ctx.beginPath(); ctx.arc(X(start.x), Y(start.y), 7, 0, 2 * Math.PI);
      ctx.lineWidth = 3.5; ctx.strokeStyle = 'rgba(0,0,0,.6)'; ctx.stroke();
      ctx.lineWidth = 2; ctx.strokeStyle = '#fff'; ctx.stroke();
    }

    // Axis ticks along the edges, inside the map: dark text on a pale halo reads on every colour.
    ctx.font = '10px system-ui, sans-serif';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,.85)';
    ctx.fillStyle = '#1d2330';
    const label = (text, x, y) => { ctx.strokeText(text, x, y); ctx.fillText(text, x, y); };
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'center';
    for (const t of axisTicks(d.x_min, d.x_max)) label(String(t), X(t), height - 2);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const t of axisTicks(d.y_min, d.y_max)) label(String(t), 3, Y(t));
  }
}

function axisTicks(lo, hi) {
  const step = [0.5, 1, 2, 5, 10, 20, 50].find(s => (hi - lo) / s <= 8) || (hi - lo) / 6;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    const r = Math.round(v * 100) / 100;
    if (r > lo + step * 0.3 && r < hi - step * 0.3) out.push(r);
  }
  return out;
}

// Marching squares: for each corner pattern (a=1 bottom-left, b=2 bottom-right, c=4 top-right, d=8 top-left),
// the edges a contour crosses, paired into segments.
const SEGMENTS = {
  1: [['L', 'B']], 2: [['B', 'R']], 3: [['L', 'R']], 4: [['R', 'T']], 5: [['L', 'T'], ['B', 'R']],
  6: [['B', 'T']], 7: [['L', 'T']], 8: [['T', 'L']], 9: [['T', 'B']], 10: [['B', 'L'], ['R', 'T']],
  11: [['T', 'R']], 12: [['R', 'L']], 13: [['R', 'B']], 14: [['B', 'L']],
};
