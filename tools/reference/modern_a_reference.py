#!/usr/bin/python3
"""Reference trajectories of adabelief, lamb and schedule-free-adamw, for Descent's rules of those names.

Each official update is transcribed below into the same torch operations in the same order, so torch
1.13's CPU kernels round it as the package does (read with the sources named in the shared reference
README, section modern_trajectories.json):

- adabelief: juntang-zhuang/Adabelief-Optimizer pypi_packages/adabelief_pytorch0.2.1/adabelief_pytorch/AdaBelief.py
  (package 0.2.1; defaults eps 1e-16, weight_decouple True, fixed_decay False, rectify True,
  degenerated_to_sgd True, amsgrad False):
      p <- p*(1 - lr*wd)                    (decoupled; p.mul_ every step)   [or g += wd*p when decoupled_weight_decay=false]
      m <- m*b1 + (1-b1)*g                  exp_avg.mul_(b1).add_(g, alpha=1-b1)
      r = g - m ; s <- s*b2 + (1-b2)*r*r     exp_avg_var.mul_(b2).addcmul_(r, r, value=1-b2)
      s <- s + eps                          exp_avg_var.add_(eps)  (in place, every step)
      rectify=false: p <- p + (-lr/bc1)*m / (sqrt(s)/sqrt(bc2) + eps)
      rectify=true:  N_sma = N_max - 2t*b2^t/(1-b2^t); N_sma >= 5: p <- p + (-step*lr)*m/(sqrt(s) + eps),
                     step = sqrt((1-b2^t)(N_sma-4)/(N_max-4)(N_sma-2)/N_sma*N_max/(N_max-2))/(1-b1^t);
                     else p <- p + (-lr/(1-b1^t))*m   (degenerated to SGD with momentum)
- lamb: huggingface/pytorch-image-models timm/optim/lamb.py (single-tensor path; defaults betas (0.9, 0.999),
  eps 1e-6, weight_decay 0.01, bias_correction True, grad_averaging True, max_grad_norm 1.0, trust_clip False,
  always_adapt False):
      c = max(||g_all|| / max_grad_norm, 1) ; g <- g / c
      m <- m*b1 + (1-b1)*g ; v <- v*b2 + (1-b2)*g*g
      u = (m/bc1) / (sqrt(v)/sqrt(bc2) + eps) (+ wd*p when wd != 0)
      wd != 0 or always_adapt: u <- u * (||p||/||u||, 1 where either norm is 0; at most 1 with trust_clip)
      p <- p - lr*u
  The first moment is timm's exp_avg.mul_(b1).add_(g, alpha=1-b1) (later timm writes exp_avg.lerp_(g, 1-b1),
  which rounds differently; the shared paths follow the mul_/add_ form bit for bit).
- schedule-free-adamw: facebookresearch/schedule_free schedulefree/adamw_schedulefree.py AdamWScheduleFree
  (defaults lr 0.0025, betas (0.9, 0.999), eps 1e-8, weight_decay 0, warmup_steps 0, r 0, weight_lr_power 2):
      sched = (k+1)/warmup_steps while k < warmup_steps, else 1 ; lr_k = lr*sched ; bc2 = 1 - b2^(k+1)
      lr_max = max(lr_max, lr_k) ; w = (k+1)^r * lr_max^weight_lr_power ; W += w ; c = w/W
      v <- v*b2 + (1-b2)*g*g ; u = g/(sqrt(v/bc2) + eps) (+ wd*y)
      y <- lerp(y, z, c) ; y <- y + lr_k*(b1*(1-c) - 1)*u ; z <- z - lr_k*u
  the parameter holds y; the evaluation point x = lerp(y, z, 1 - 1/b1) (what optimizer.eval() puts in p)
  is recorded beside it, and z. (v1.4.1 bias-corrects the denominator; older versions put sqrt(bc2) into lr_k,
  which --check shows the shared paths do not follow.)

Objectives (5 parameters, as modern_reference.py): the quartic g_i = A_i*(p_i - c_i) + B_i*p_i^3, a fixed
sequence of gradients with sign changes and zero components, and special values (inf, NaN, 1e200,
subnormals).

Usage:  /usr/bin/python3 tools/reference/modern_a_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/modern_a_trajectories.json)
        /usr/bin/python3 tools/reference/modern_a_reference.py --check SHARED_modern_trajectories.json
        (runs the transcriptions on the seven landscapes and prints the largest difference from the shared
        paths of the official implementations, up to each path's horizon)
"""

import json
import math
import os
import platform
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "modern_a_trajectories.json")

QUARTIC = {
    "A": [2.0, 1.0, 4.0, 0.5, 6.0],
    "c": [1.0, -2.0, 0.5, 3.0, -1.0],
    "B": [0.25, 0.125, 0.25, 0.0625, 0.125],
}
START = [0.5, -1.5, 2.0, -0.25, 1.25]
STEPS = 320


def sequence_gradients(steps=STEPS):
    """Gradients with sign changes; component 2 is always 0 and every 23rd step is all 0."""
    seq = []
    for t in range(steps):
        g = [((t * 3 + i * 5) % 9 - 4) * 0.25 for i in range(5)]
        g[2] = 0.0
        if t % 23 == 5:
            g = [0.0] * 5
        seq.append(g)
    return seq


SEQUENCE = sequence_gradients()
INF, NAN = float("inf"), float("nan")
SPECIAL = [
    [0.5, -0.5, 1e200, 5e-324, 1.0],
    [INF, 0.25, 2e200, -1e-310, -0.5],
    [-0.5, NAN, 1e200, 1e-310, 0.25],
    [0.25, -0.25, 0.0, 0.0, -1.0],
    [-INF, 0.5, 3e200, 5e-324, 0.5],
    [0.5, 0.5, 1.0, -5e-324, -0.25],
]


class AdaBelief:
    """AdaBelief 0.2.1's step, one tensor per group (amsgrad, fixed_decay off; degenerated_to_sgd on)."""

    def __init__(self, p, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-16, weight_decay=0.0, rectify=True,
                 decoupled_weight_decay=True):
        self.p, self.lr, self.b1, self.b2, self.eps, self.wd = p, lr, beta1, beta2, eps, weight_decay
        self.rectify, self.decouple = rectify, decoupled_weight_decay
        self.exp_avg = torch.zeros_like(p)
        self.exp_avg_var = torch.zeros_like(p)
        self.step_count = 0

    @torch.no_grad()
    def step(self):
        p, grad, lr, b1, b2, eps = self.p, self.p.grad, self.lr, self.b1, self.b2, self.eps
        if self.decouple:
            p.mul_(1.0 - lr * self.wd)
        elif self.wd != 0:
            grad.add_(p, alpha=self.wd)
        m, s = self.exp_avg, self.exp_avg_var
        self.step_count += 1
        t = self.step_count
        bc1 = 1 - b1 ** t
        bc2 = 1 - b2 ** t
        m.mul_(b1).add_(grad, alpha=1 - b1)
        r = grad - m
        s.mul_(b2).addcmul_(r, r, value=1 - b2)
        denom = (s.add_(eps).sqrt() / math.sqrt(bc2)).add_(eps)
        if not self.rectify:
            p.addcdiv_(m, denom, value=-(lr / bc1))
            return
        b2t = b2 ** t
        n_max = 2 / (1 - b2) - 1
        n_sma = n_max - 2 * t * b2t / (1 - b2t)
        if n_sma >= 5:
            step = math.sqrt((1 - b2t) * (n_sma - 4) / (n_max - 4) * (n_sma - 2) / n_sma * n_max / (n_max - 2)) / (1 - b1 ** t)
        else:
            step = 1.0 / (1 - b1 ** t)
        if n_sma >= 5:
            denom = s.sqrt().add_(eps)
            p.addcdiv_(m, denom, value=-step * lr)
        elif step > 0:
            p.add_(m, alpha=-step * lr)


class Lamb:
    """timm's Lamb, single-tensor path, one tensor (so one group and the global norm is this tensor's)."""

    def __init__(self, p, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.01, bias_correction=True,
                 max_grad_norm=1.0, trust_clip=False, always_adapt=False):
        self.p, self.lr, self.b1, self.b2, self.eps, self.wd = p, lr, beta1, beta2, eps, weight_decay
        self.bias_correction, self.max_grad_norm = bias_correction, max_grad_norm
        self.trust_clip, self.always_adapt = trust_clip, always_adapt
        self.exp_avg = torch.zeros_like(p)
        self.exp_avg_sq = torch.zeros_like(p)
        self.step_count = 0

    @torch.no_grad()
    def step(self):
        p, grad = self.p, self.p.grad
        if self.max_grad_norm is not None:
            norms = [torch.linalg.vector_norm(grad)]
            global_norm = torch.linalg.vector_norm(torch.stack(norms))
            clip = (global_norm / self.max_grad_norm).clamp_(min=1.0)
            grad = grad / clip
        b1, b2 = self.b1, self.b2
        beta3 = 1 - b1
        self.step_count += 1
        t = self.step_count
        if self.bias_correction:
            bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
        else:
            bc1, bc2 = 1.0, 1.0
        m, v = self.exp_avg, self.exp_avg_sq
        m.mul_(b1).add_(grad, alpha=beta3)
        v.mul_(b2).addcmul_(grad, grad, value=1 - b2)
        denom = (v.sqrt() / (bc2 ** 0.5)).add_(self.eps)
        update = (m / bc1).div_(denom)
        if self.wd != 0:
            update.add_(p, alpha=self.wd)
        if self.wd != 0 or self.always_adapt:
            w_norm, g_norm = p.norm(2.0), update.norm(2.0)
            ratio = w_norm / g_norm
            ratio = torch.where(w_norm > 0, torch.where(g_norm > 0, ratio, 1.0), 1.0)
            if self.trust_clip:
                ratio = torch.clamp(ratio, max=1.0)
            update.mul_(ratio)
        p.add_(update, alpha=-self.lr)


class ScheduleFree:
    """AdamWScheduleFree's step (per-tensor loop), one tensor, in train mode."""

    def __init__(self, p, lr=0.0025, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, warmup_steps=0, r=0.0,
                 weight_lr_power=2.0):
        self.p, self.lr, self.b1, self.b2, self.eps, self.wd = p, lr, beta1, beta2, eps, weight_decay
        self.warmup_steps, self.r, self.weight_lr_power = warmup_steps, r, weight_lr_power
        self.k, self.weight_sum, self.lr_max = 0, 0.0, -1.0
        self.z = None
        self.exp_avg_sq = None

    @torch.no_grad()
    def step(self):
        k, b1, b2 = self.k, self.b1, self.b2
        sched = (k + 1) / self.warmup_steps if k < self.warmup_steps else 1.0
        bc2 = 1 - b2 ** (k + 1)
        lr = self.lr * sched
        self.lr_max = lr_max = max(lr, self.lr_max)
        weight = ((k + 1) ** self.r) * (lr_max ** self.weight_lr_power)
        self.weight_sum = weight_sum = self.weight_sum + weight
        try:
            ckp1 = weight / weight_sum
        except ZeroDivisionError:
            ckp1 = 0
        y, grad = self.p, self.p.grad
        if self.z is None:
            self.z = torch.clone(y)
            self.exp_avg_sq = torch.zeros_like(y)
        z, v = self.z, self.exp_avg_sq
        v.mul_(b2).addcmul_(grad, grad, value=1 - b2)
        denom = v.div(bc2).sqrt_().add_(self.eps)
        gn = grad.div_(denom)
        if self.wd != 0:
            gn.add_(y, alpha=self.wd)
        y.lerp_(end=z, weight=ckp1)
        y.add_(gn, alpha=lr * (b1 * (1 - ckp1) - 1))
        z.sub_(gn, alpha=lr)
        self.k = k + 1

    def x(self):
        """What optimizer.eval() puts in p, on a copy."""
        if self.z is None:
            return self.p.detach().clone()
        return self.p.detach().clone().lerp_(end=self.z, weight=1 - 1 / self.b1)


RULES = {"adabelief": AdaBelief, "lamb": Lamb, "schedule-free-adamw": ScheduleFree}
TRANSCRIBED = {
    "adabelief": "adabelief_pytorch.AdaBelief 0.2.1 (transcribed)",
    "lamb": "timm.optim.Lamb (transcribed, single-tensor path)",
    "schedule-free-adamw": "schedulefree.AdamWScheduleFree 1.4.1 (transcribed, per-tensor loop)",
}


def run(rule, keys, dtype, objective, steps):
    p = torch.tensor(START, dtype=dtype)
    opt = RULES[rule](p, **keys)
    A = torch.tensor(QUARTIC["A"], dtype=dtype)
    c = torch.tensor(QUARTIC["c"], dtype=dtype)
    B = torch.tensor(QUARTIC["B"], dtype=dtype)
    out, xs, zs = [], [], []
    with torch.no_grad():
        for t in range(steps):
            if objective == "quartic":
                g = A * (p - c) + B * p * p * p
            else:
                g = torch.tensor((SEQUENCE if objective == "sequence" else SPECIAL)[t], dtype=dtype)
            p.grad = g.clone()
            opt.step()
            out.append([float(x) for x in p.tolist()])
            if rule == "schedule-free-adamw":
                xs.append([float(x) for x in opt.x().tolist()])
                zs.append([float(x) for x in opt.z.tolist()])
    return out, xs, zs


CASES = []


def case(rule, objective="quartic", steps=STEPS, dtype="float64", **keys):
    CASES.append((rule, keys, objective, steps, dtype))


# adabelief: lr beta1 beta2 eps weight_decay rectify (decoupled decay by default; L2 with decoupled_weight_decay=false)
case("adabelief")
case("adabelief", lr=0.01)
case("adabelief", lr=0.05, beta1=0.8, beta2=0.9)
case("adabelief", lr=0.02, eps=1e-8, rectify=False)
case("adabelief", lr=0.02, beta2=0.99, rectify=False, weight_decay=0.1)
case("adabelief", lr=0.01, weight_decay=0.5)
case("adabelief", lr=0.01, beta2=0.5)  # N_sma below 5 for good: every step is SGD with momentum
case("adabelief", lr=0.01, weight_decay=0.1, decoupled_weight_decay=False)
case("adabelief", "sequence", lr=0.05)
case("adabelief", "sequence", lr=0.05, beta1=0.5, eps=1e-6, rectify=False, weight_decay=0.2)

# lamb: lr beta1 beta2 eps weight_decay bias_correction max_grad_norm trust_clip always_adapt
case("lamb")
case("lamb", lr=0.01)
case("lamb", lr=0.02, beta1=0.8, beta2=0.9, eps=1e-8)
case("lamb", lr=0.01, weight_decay=0.0)
case("lamb", lr=0.01, weight_decay=0.0, always_adapt=True)
case("lamb", lr=0.05, trust_clip=True, weight_decay=0.1)
case("lamb", lr=0.01, bias_correction=False)
case("lamb", lr=0.01, max_grad_norm=100.0)
case("lamb", lr=0.01, max_grad_norm=0.1, weight_decay=0.5)
case("lamb", "sequence", lr=0.05)
case("lamb", "sequence", lr=0.05, beta1=0.5, weight_decay=0.0, always_adapt=True, trust_clip=True)

# schedule-free-adamw: lr beta1 beta2 eps weight_decay warmup_steps r weight_lr_power
case("schedule-free-adamw")
case("schedule-free-adamw", lr=0.05)
case("schedule-free-adamw", lr=0.05, beta1=0.8, beta2=0.9, eps=1e-6)
case("schedule-free-adamw", lr=0.05, warmup_steps=20)
case("schedule-free-adamw", lr=0.05, r=1.0, weight_lr_power=1.0)
case("schedule-free-adamw", lr=0.05, weight_decay=0.1)
case("schedule-free-adamw", lr=0.05, warmup_steps=10, r=0.5, weight_lr_power=0.0, weight_decay=0.05, beta1=0.95)
case("schedule-free-adamw", "sequence", lr=0.1)
case("schedule-free-adamw", "sequence", lr=0.1, warmup_steps=30, weight_decay=0.2)

for rule, keys in [
    ("adabelief", dict(lr=0.1, weight_decay=0.1)),
    ("adabelief", dict(lr=0.1, rectify=False)),
    ("lamb", dict(lr=0.1)),
    ("lamb", dict(lr=0.1, weight_decay=0.0, always_adapt=True)),
    ("schedule-free-adamw", dict(lr=0.1)),
    ("schedule-free-adamw", dict(lr=0.1, weight_decay=0.1, warmup_steps=3)),
]:
    case(rule, "special", len(SPECIAL), **keys)

for rule, keys in [
    ("adabelief", dict(lr=0.01, beta1=0.8, weight_decay=0.5)),
    ("adabelief", dict(lr=0.01, rectify=False, eps=1e-8)),
    ("lamb", dict(lr=0.02, weight_decay=0.1, trust_clip=True)),
    ("lamb", dict(lr=0.01, max_grad_norm=0.1)),
    ("schedule-free-adamw", dict(lr=0.05, warmup_steps=10, weight_decay=0.05)),
]:
    case(rule, dtype="float32", **keys)


def fmt(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)


def spec_text(rule, keys):
    return rule if not keys else f"{rule}({', '.join(f'{k}={fmt(v)}' for k, v in keys.items())})"


def encode_special(x):
    if isinstance(x, float) and (x != x or x in (INF, -INF)):
        return "NaN" if x != x else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, list):
        return [encode_special(v) for v in x]
    if isinstance(x, dict):
        return {k: encode_special(v) for k, v in x.items()}
    return x


# The lecture's landscapes (shared reference README, landscape_trajectories.json), on a (2,) tensor.
def landscape(name, xy):
    x, y = xy[0], xy[1]
    r2 = x * x + y * y
    if name == "Simple_quad":
        return r2
    if name == "Wobbly":
        return (r2 / 3 + torch.abs(x) * torch.sqrt(torch.abs(x) + 0.1) + 3 * torch.sin(x + y) + 3
                + 8 * torch.exp(-2 * ((x + 1) ** 2 + (y + 2) ** 2)))
    if name == "Basins_and_walls":
        return r2 / 2 + torch.sin(4 * x) ** 2
    if name == "Ripple":
        return r2 / 3 + (torch.sin(20 * x) ** 2 + torch.sin(20 * y) ** 2) / 15
    if name == "Giant_plateu":
        return 4 * (1 - torch.exp(-r2))
    if name == "Hills_and_canyon":
        return (r2 / 3 + 3 * torch.exp(-((x + 1) ** 2 + (y + 2) ** 2))
                + torch.exp(-1.5 * (2 * (x + 2) ** 2 + (y - 0.5) ** 2))
                + 3 * torch.exp(-1.5 * ((x - 1) ** 2 + 2 * (y + 1.5) ** 2))
                + 1.5 * torch.exp(-((x + 1.5) ** 2 + 3 * (y + 0.5) ** 2))
                + 4 * (1 - torch.exp(-(x + y) ** 2)))
    if name == "Bad_init":
        return 4 - 0.5 * torch.exp(-((x + 2.5) ** 2 + (y + 2.5) ** 2)) - 3 * torch.exp(-r2)
    raise ValueError(name)


def check(shared_path):
    shared = json.load(open(shared_path))
    specs = {"adabelief(lr=0.25)": ("adabelief", {}), "lamb(lr=0.25)": ("lamb", {}),
             "schedule-free-adamw(lr=0.25)": ("schedule-free-adamw", {})}
    variants = [(s, e) for s, e in [("adabelief(lr=0.25)", {}), ("lamb(lr=0.25)", {}),
                ("schedule-free-adamw(lr=0.25)", {})]
                if len(sys.argv) < 4 or s.startswith(sys.argv[3])]
    for spec, extra in variants:
        rule, _ = specs[spec]
        worst, exact = 0.0, 0
        for name, paths in shared["paths"].items():
            ref = paths[spec]
            horizon = shared["horizons"][name][spec] or len(ref)
            xy = torch.tensor(shared["start"], dtype=torch.float64, requires_grad=True)
            opt = RULES[rule](xy, lr=0.25, **extra)
            for i in range(1, horizon):
                xy.grad = None
                landscape(name, xy).backward()
                opt.step()
                point = opt.x() if rule == "schedule-free-adamw" else xy.detach()
                d = max(abs(a - b) for a, b in zip(point.tolist(), ref[i]))
                exact += d == 0
                worst = max(worst, d)
        print(f"{spec} {extra}: largest difference {worst:.3g}, {exact} points bit-identical")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--check":
        check(sys.argv[2])
        return
    out_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    dtypes = {"float64": torch.float64, "float32": torch.float32}
    torch.set_default_dtype(torch.float64)
    cases, counters = [], {}
    for rule, keys, objective, steps, dtype in CASES:
        counters[rule] = counters.get(rule, 0) + 1
        traj, xs, zs = run(rule, keys, dtypes[dtype], objective, steps)
        entry = {
            "id": f"{rule}-{counters[rule]:02d}" + ("-f32" if dtype == "float32" else ""),
            "rule": rule,
            "spec": spec_text(rule, keys),
            "torch": TRANSCRIBED[rule],
            "dtype": dtype,
            "default_dtype": dtype,
            "objective": objective,
            "start": START,
            "steps": steps,
            "trajectory": traj,
        }
        if xs:
            entry["x"] = xs
            entry["z"] = zs
        cases.append(entry)
    doc = encode_special({
        "generator": "tools/reference/modern_a_reference.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "note": "parameters after every step (trajectory[k] is after step k+1); schedule-free cases add the "
                "evaluation point x = lerp(y, z, 1 - 1/beta1) and z after every step",
        "objectives": {"quartic": QUARTIC, "sequence": {"gradients": SEQUENCE}, "special": {"gradients": SPECIAL}},
        "cases": cases,
    })
    compact = dict(separators=(",", ":"), allow_nan=False)
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, **compact)[:-1]
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w") as f:
        f.write(head + ',"cases":[\n')
        f.write(",\n".join(json.dumps(c, **compact) for c in doc["cases"]))
        f.write("\n]}\n")
    print(f"{len(cases)} cases -> {out_path}: {counters}", file=sys.stderr)


if __name__ == "__main__":
    main()
