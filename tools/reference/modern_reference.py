#!/usr/bin/python3
"""Reference trajectories of three rules beyond the lecture, for Descent's lion, rprop and asgd.

- rprop, asgd: torch.optim.Rprop and torch.optim.ASGD of PyTorch 1.13 themselves, foreach=False
  (the single-tensor path).
- lion: Chen et al. 2023 as lucidrains/lion-pytorch computes it (lion_pytorch/lion_pytorch.py,
  `update_fn`, read at commit 05258c934a4e69af6e897a2d614e23e9b8c0ca4c; the same update as v0.2.3,
  6a74fdc0ba572ab5683dc0270c66c20ecbc02d09). Its formula is transcribed below into the same torch
  operations in the same order (`lion_step`), so torch 1.13's CPU kernels round it as the package does:
      p <- p * (1 - lr*wd)                                  p.mul_(1. - lr * wd)
      c <- sign(m*beta1 + (1-beta1)*g)                      m.clone().mul_(b1).add(g, alpha=1-b1).sign_()
      p <- p - lr*c                                         p.add_(c, alpha=-lr)
      m <- m*beta2 + (1-beta2)*g                            m.mul_(b2).add_(g, alpha=1-b2)
  torch.sign(NaN) is 0 and sign(-0) is +0 in torch 1.13.

The objectives are those of pytorch_reference.py (5 parameters): the quartic
g_i = A_i*(p_i - c_i) + B_i*p_i^3 (strongly convex, so no path is chaotic), a fixed sequence of
gradients with sign changes, zero components and an all-zero step (here 320 steps long), and the
special values (+-inf, NaN, 1e200, subnormals). Each case runs at least 300 steps except the special
one. torch's default dtype is set to the case's dtype, so ASGD's eta and mu (0-dim tensors created with
the default dtype) are float64 in a float64 case; one extra ASGD case ("default_dtype": "float32")
records torch out of the box, where they are float32 even for float64 parameters.

Weight decay: torch's ASGD has its own (L2, grad.add(p, alpha=wd)), and Descent's shared weight_decay
key is the same L2 term; Rprop has none in torch, so an rprop case with weight_decay adds the L2 term
to the gradient before step() exactly as torch's other rules do (grad.add(p, alpha=wd)); lion's decay
is lion-pytorch's, decoupled. ASGD cases also record the running average `ax` after every step.

Usage:  /usr/bin/python3 tools/reference/modern_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/modern_rule_trajectories.json)
"""

import json
import os
import platform
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "modern_rule_trajectories.json")

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


class LionPytorch:
    """lion-pytorch's Lion (default decoupled_weight_decay=False: wd is used as given)."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        self.params = list(params)
        self.lr, self.betas, self.weight_decay = lr, betas, weight_decay
        self.exp_avg = [torch.zeros_like(p) for p in self.params]

    @torch.no_grad()
    def step(self):
        for p, m in zip(self.params, self.exp_avg):
            lion_step(p, p.grad, m, self.lr, self.weight_decay, *self.betas)


def lion_step(p, grad, m, lr, wd, beta1, beta2):
    p.mul_(1.0 - lr * wd)
    direction = m.clone().mul_(beta1).add(grad, alpha=1.0 - beta1).sign_()
    p.add_(direction, alpha=-lr)
    m.mul_(beta2).add_(grad, alpha=1.0 - beta2)


def make(rule, params, keys):
    """The optimizer for Descent spec keys `keys`, and the L2 coefficient the harness adds (rprop only)."""
    k = dict(keys)
    if rule == "lion":
        betas = [0.9, 0.99]
        if "beta1" in k: betas[0] = k.pop("beta1")
        if "beta2" in k: betas[1] = k.pop("beta2")
        args = dict(k, betas=tuple(betas)) if ("beta1" in keys or "beta2" in keys) else k
        return LionPytorch(params, **args), args, 0.0, "lion_pytorch.Lion"
    if rule == "rprop":
        wd = k.pop("weight_decay", 0.0)
        etas = [0.5, 1.2]
        sizes = [1e-6, 50]
        args = {}
        if "lr" in k: args["lr"] = k.pop("lr")
        if "eta_minus" in k: etas[0] = k.pop("eta_minus")
        if "eta_plus" in k: etas[1] = k.pop("eta_plus")
        if "step_min" in k: sizes[0] = k.pop("step_min")
        if "step_max" in k: sizes[1] = k.pop("step_max")
        assert not k, k
        if "eta_minus" in keys or "eta_plus" in keys: args["etas"] = tuple(etas)
        if "step_min" in keys or "step_max" in keys: args["step_sizes"] = tuple(sizes)
        return torch.optim.Rprop(params, foreach=False, **args), args, wd, "torch.optim.Rprop"
    if rule == "asgd":
        return torch.optim.ASGD(params, foreach=False, **k), k, 0.0, "torch.optim.ASGD"
    raise ValueError(rule)


def run(rule, keys, dtype, objective, steps, default_dtype):
    torch.set_default_dtype(default_dtype)
    p = torch.tensor(START, dtype=dtype)
    opt, args, l2, cls = make(rule, [p], keys)
    A = torch.tensor(QUARTIC["A"], dtype=dtype)
    c = torch.tensor(QUARTIC["c"], dtype=dtype)
    B = torch.tensor(QUARTIC["B"], dtype=dtype)
    out, ax = [], []
    with torch.no_grad():
        for t in range(steps):
            if objective == "quartic":
                g = A * (p - c) + B * p * p * p
            else:
                g = torch.tensor((SEQUENCE if objective == "sequence" else SPECIAL)[t], dtype=dtype)
            if l2 != 0:
                g = g.add(p, alpha=l2)
            p.grad = g.clone()
            opt.step()
            out.append([float(x) for x in p.tolist()])
            if rule == "asgd":
                ax.append([float(x) for x in opt.state[p]["ax"].tolist()])
    torch.set_default_dtype(torch.float64)
    return args, cls, out, ax


CASES = []


def case(rule, objective="quartic", steps=STEPS, dtype="float64", default_dtype=None, **keys):
    CASES.append((rule, keys, objective, steps, dtype, default_dtype or dtype))


# lion: lr, beta1, beta2, weight_decay (decoupled, lion-pytorch's default way)
case("lion")  # lr 1e-4: every coordinate moves by 1e-4 per step
case("lion", lr=0.01)
case("lion", lr=0.02, beta1=0.8, beta2=0.9)
case("lion", lr=0.01, beta1=0.0)
case("lion", lr=0.01, beta2=1.0)
case("lion", lr=0.01, weight_decay=0.5)
case("lion", lr=0.005, beta1=0.95, beta2=0.98, weight_decay=1.0)
case("lion", "sequence", lr=0.05)
case("lion", "sequence", lr=0.05, beta1=0.5, weight_decay=0.2)

# rprop: lr (the first step size), eta_minus, eta_plus, step_min, step_max; L2 weight decay as the other rules
case("rprop")
case("rprop", lr=0.1)
case("rprop", lr=0.05, eta_minus=0.3, eta_plus=1.5)
case("rprop", lr=0.05, step_min=1e-3, step_max=0.2)
case("rprop", lr=0.05, eta_minus=0.6, eta_plus=1.1, step_min=0.0, step_max=1.0)
case("rprop", lr=0.05, weight_decay=0.1)
case("rprop", "sequence", lr=0.1)
case("rprop", "sequence", lr=0.1, eta_minus=0.25, eta_plus=2.0, step_max=0.5, weight_decay=0.2)

# asgd: lr, lambd, alpha, t0, weight_decay; t0 small enough that averaging (mu < 1) starts inside the run
case("asgd")
case("asgd", lr=0.05)
case("asgd", lr=0.05, lambd=0.01, alpha=0.5)
case("asgd", lr=0.05, t0=10.0)
case("asgd", lr=0.05, lambd=0.1, alpha=1.0, t0=50.0)
case("asgd", lr=0.05, weight_decay=0.1, t0=100.0)
case("asgd", lr=0.02, lambd=1e-3, alpha=0.9, t0=0.0, weight_decay=0.05)
case("asgd", "sequence", lr=0.1, t0=20.0)
case("asgd", "sequence", lr=0.1, lambd=0.05, t0=5.0, weight_decay=0.2)
# torch out of the box: float64 parameters, default dtype float32, so eta and mu are float32
case("asgd", lr=0.05, lambd=0.01, t0=10.0, default_dtype="float32")

for rule, keys in [
    ("lion", dict(lr=0.1, weight_decay=0.1)),
    ("rprop", dict(lr=0.1)),
    ("rprop", dict(lr=0.1, weight_decay=0.1)),
    ("asgd", dict(lr=0.1, t0=2.0)),
    ("asgd", dict(lr=0.1, weight_decay=0.1, t0=0.0)),
]:
    case(rule, "special", len(SPECIAL), **keys)

for rule, keys in [
    ("lion", dict(lr=0.01, beta1=0.8, weight_decay=0.5)),
    ("rprop", dict(lr=0.05, eta_minus=0.3, eta_plus=1.5, step_max=0.5)),
    ("asgd", dict(lr=0.05, lambd=0.01, t0=10.0, weight_decay=0.1)),
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


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    dtypes = {"float64": torch.float64, "float32": torch.float32}
    cases, counters = [], {}
    for rule, keys, objective, steps, dtype, default_dtype in CASES:
        counters[rule] = counters.get(rule, 0) + 1
        args, cls, traj, ax = run(rule, keys, dtypes[dtype], objective, steps, dtypes[default_dtype])
        targs = ", ".join(f"{k}={v!r}" for k, v in args.items())
        extra = ", foreach=False" if cls.startswith("torch") else ""
        entry = {
            "id": f"{rule}-{counters[rule]:02d}" + ("-f32" if dtype == "float32" else "")
                  + ("-torch-default-dtype" if default_dtype != dtype else ""),
            "rule": rule,
            "spec": spec_text(rule, keys),
            "torch": f"{cls}({targs}{', ' if targs and extra else ''}{extra.lstrip(', ')})"
                     + (f" with grad.add(p, alpha={keys['weight_decay']!r})" if rule == "rprop" and keys.get("weight_decay") else ""),
            "dtype": dtype,
            "default_dtype": default_dtype,
            "objective": objective,
            "start": START,
            "steps": steps,
            "trajectory": traj,
        }
        if ax:
            entry["ax"] = ax
        cases.append(entry)
    doc = encode_special({
        "generator": "tools/reference/modern_reference.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "lion_source": "lucidrains/lion-pytorch lion_pytorch/lion_pytorch.py @ 05258c934a4e69af6e897a2d614e23e9b8c0ca4c (update_fn)",
        "note": "parameters after every step (trajectory[k] is after step k+1); asgd cases add ax after every step",
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
