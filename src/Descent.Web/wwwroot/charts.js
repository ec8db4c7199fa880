// Small canvas charts: axes with round ticks, lines, a step cursor. No library, nothing fetched.

/** Optimizer colours: distinct on the light chart and on the map. */
// Warm and dark hues, apart from the map's blue-green-yellow scale.
export const PALETTE = ['#e6194b', '#ff8c00', '#c51bb5', '#1a1a1a', '#7b2cbf', '#8b4513',
  '#ff5e78', '#b8860b', '#4b0082', '#d2691e', '#556b2f', '#a0522d'];

/** Prepares a canvas for crisp drawing at the device's pixel ratio; returns its context and CSS size. */
export function setup(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = Math.round(width * (canvas.height / canvas.width)) || canvas.height;
  if (canvas.dataset.w !== String(width) || canvas.dataset.r !== String(ratio)) {
    canvas.dataset.baseH ??= String(canvas.height / canvas.width);
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(width * Number(canvas.dataset.baseH) * ratio);
    canvas.dataset.w = String(width);
    canvas.dataset.r = String(ratio);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { ctx, width: canvas.width / ratio, height: canvas.height / ratio };
}

/** Round tick values covering [lo, hi], about `count` of them. */
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A number for a tick label or a readout: short, and honest about tiny or huge values. */
export function fmt(v, digits = 4) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}

// A tick label with just enough decimals to tell neighbouring ticks apart.
function tickLabel(t, all) {
  const step = all.length > 1 ? Math.abs(all[1] - all[0]) : 1;
  const big = Math.max(...all.map(Math.abs));
  if (t === 0) return '0';
  if (big >= 1e5 || (big < 1e-3 && big > 0) || step < 1e-4) return t.toExponential(Math.max(0, Math.min(6, Math.ceil(Math.log10(big / step)))));
  let d = 0;
  while (d < 6 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-6) d++;
  return t.toFixed(d);
}

/**
 * Draws line series on a canvas.
 * options: { series: [{ values, color, dash, width, label, count }], xMax, yRange: [lo, hi] | null,
 *            cursor: step | null, xLabel, yLabel, empty: text }
 */
export function lineChart(canvas, options) {
  const { ctx, width, height } = setup(canvas);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const series = options.series.filter(s => s.values && s.values.length > 0);
  if (series.length === 0) {
    ctx.fillStyle = '#8a93a3';
    ctx.font = '13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(options.empty || 'nothing to draw', width / 2, height / 2);
    return;
  }
  const legend = legendRows(ctx, series, width);
  const pad = { left: 54, right: 12, top: 14 + 16 * legend.rows, bottom: 34 };
  const xMax = options.xMax ?? Math.max(...series.map(s => s.values.length - 1), 1);
  let [lo, hi] = options.yRange || range(series, options.robust ?? true);
  if (!(hi > lo)) { const c = Number.isFinite(lo) ? lo : 0; lo = c - 1; hi = c + 1; }
  const margin = (hi - lo) * 0.05;
  lo -= margin; hi += margin;
  const px = x => pad.left + (x / Math.max(xMax, 1)) * (width - pad.left - pad.right);
  const py = y => pad.top + (1 - (y - lo) / (hi - lo)) * (height - pad.top - pad.bottom);

  ctx.font = '11px system-ui, sans-serif';
  ctx.strokeStyle = '#eceff3';
  ctx.fillStyle = '#5d6678';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yTicks = ticks(lo, hi, 5);
  for (const t of yTicks) {
    const y = py(t);
    ctx.beginPath(); ctx.moveTo(pad.left, y); ctx.lineTo(width - pad.right, y); ctx.stroke();
    ctx.fillText(tickLabel(t, yTicks), pad.left - 6, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks(0, xMax, 6)) {
    const x = px(t);
    ctx.beginPath(); ctx.moveTo(x, pad.top); ctx.lineTo(x, height - pad.bottom); ctx.stroke();
    ctx.fillText(fmt(t), x, height - pad.bottom + 5);
  }
  if (lo < 0 && hi > 0) {
    ctx.strokeStyle = '#b8c0cc';
    ctx.beginPath(); ctx.moveTo(pad.left, py(0)); ctx.lineTo(width - pad.right, py(0)); ctx.stroke();
  }
  if (options.xLabel) {
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(options.xLabel, width - pad.right, height - 1);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(pad.left, pad.top, width - pad.left - pad.right, height - pad.top - pad.bottom);
  ctx.clip();
  for (const s of series) {
    const n = Math.min(s.values.length, s.count ?? s.values.length);
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width ?? 1.6;
    ctx.setLineDash(s.dash ? [5, 4] : []);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < n; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) { pen = false; continue; }
      const y = py(Math.max(lo - (hi - lo), Math.min(hi + (hi - lo), v)));
      if (pen) ctx.lineTo(px(i), y); else ctx.moveTo(px(i), y);
      pen = true;
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (options.cursor != null) {
    const x = px(options.cursor);
    ctx.strokeStyle = 'rgba(29,35,48,.45)';
    ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(x, pad.top); ctx.lineTo(x, height - pad.bottom); ctx.stroke();
    for (const s of series) {
      const i = Math.min(options.cursor, Math.min(s.values.length, s.count ?? s.values.length) - 1);
      const v = s.values[i];
      if (i < 0 || !Number.isFinite(v) || s.dash) continue;
      ctx.fillStyle = s.color;
      ctx.beginPath(); ctx.arc(px(i), py(v), 3.2, 0, 2 * Math.PI); ctx.fill();
    }
  }
  ctx.restore();

  // Legend across the top.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const item of legend.items) {
    ctx.strokeStyle = item.series.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(item.series.dash ? [4, 3] : []);
    ctx.beginPath(); ctx.moveTo(item.x, item.y); ctx.lineTo(item.x + 16, item.y); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#1d2330';
    ctx.fillText(item.text, item.x + 20, item.y);
  }
}

// Lays the legend out in rows across the chart's width.
function legendRows(ctx, series, width) {
  ctx.font = '11px system-ui, sans-serif';
  const items = [];
  let x = 54, y = 10, rows = 0;
  for (const s of series.filter(s => s.label)) {
    const text = s.label.length > 72 ? s.label.slice(0, 71) + '…' : s.label;
    const w = 20 + ctx.measureText(text).width + 16;
    if (x + w > width - 12 && x > 54) { x = 54; y += 16; }
    if (items.length === 0 || items[items.length - 1].y !== y) rows++;
    items.push({ series: s, text, x, y });
    x += w;
  }
  return { items, rows };
}

// The y range of the series: finite values, the top cut at a high quantile so that one path that
// blows up does not flatten everyone else's curve.
function range(series, robust) {
  const all = [];
  for (const s of series) {
    const n = Math.min(s.values.length, s.count ?? s.values.length);
    for (let i = 0; i < n; i++) if (Number.isFinite(s.values[i])) all.push(s.values[i]);
  }
  if (all.length === 0) return [0, 1];
  all.sort((a, b) => a - b);
  const q = p => all[Math.min(all.length - 1, Math.max(0, Math.round(p * (all.length - 1))))];
  const lo = all[0], hi = all[all.length - 1];
  if (!robust) return [lo, hi];
  const qlo = q(0.01), qhi = q(0.99);
  const spread = qhi - qlo;
  return [lo < qlo - 3 * spread ? qlo : lo, hi > qhi + 3 * spread ? qhi : hi];
}

/**
 * A small line without axes: `values` left to right, scaled to the canvas with a little margin; a flat line sits in
 * the middle. For the learning-rate preview under each optimizer card.
 */
export function sparkline(canvas, values, color) {
  const { ctx, width, height } = setup(canvas);
  ctx.clearRect(0, 0, width, height);
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return;
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const pad = 4;
  const x = i => pad + (values.length > 1 ? i / (values.length - 1) : 0.5) * (width - 2 * pad);
  const y = v => (hi > lo ? height - pad - (v - lo) / (hi - lo) * (height - 2 * pad) : height / 2);
  ctx.strokeStyle = '#dde1e8';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.6;
  ctx.beginPath();
  values.forEach((v, i) => { if (Number.isFinite(v)) (i === 0 ? ctx.moveTo(x(i), y(v)) : ctx.lineTo(x(i), y(v))); });
  ctx.stroke();
}
