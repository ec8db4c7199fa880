#!/usr/bin/python3
"""Reference trajectories for Descent's lookahead and lbfgs (issue 12), under Debian's PyTorch 1.13, float64.

- lookahead: Zhang et al. 2019 as timm computes it (huggingface/pytorch-image-models timm/optim/lookahead.py,
  read at aa4b5850c1543fa488abf260f18390eda46cf85d; the stored versions 98a7403e and 44ed0f85 do the same
  arithmetic). Its wrapper is transcribed below (`Lookahead`) in the same torch operations, around
  torch.optim.Adam / torch.optim.SGD 1.13 themselves (foreach=False):
      loss = base_optimizer.step()                     the fast step
      lookahead_step += 1; every k-th step, per parameter with a gradient:
        slow = copy of p (created lazily, the first time)   param_state['slow_buffer']
        slow.add_(p - slow, alpha=alpha)                    (timm writes slow.add_(alpha, p - slow): the same op)
        p.copy_(slow)
  So step k changes nothing and the first pull-back is at step 2k.
- lbfgs: torch.optim.LBFGS of PyTorch 1.13 itself, one step(closure) per recorded point; `evaluations[k]` counts
  the closure calls of step k+1. The closure computes the loss and gradient of the objective in Python float
  arithmetic (each operation one rounded double, the order written below), so Descent can compute the same bits.

Objectives (5 parameters, start as modern_reference.py):
  quartic:    f = sum_i 0.5*A_i*(p_i - c_i)^2 + 0.25*B_i*p_i^4,  g_i = A_i*(p_i - c_i) + B_i*p_i*p_i*p_i
  rosenbrock: f = sum_{i<4} 100*(p_{i+1} - p_i^2)^2 + (1 - p_i)^2 (non-convex, for the line search)
  sequence / special: the fixed gradient sequences of modern_reference.py (lookahead only: they have no loss).

Usage:  /usr/bin/python3 tools/reference/modern_b_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/modern_b_trajectories.json)
"""

import json
import os
import platform
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from modern_reference import QUARTIC, START, SEQUENCE, SPECIAL, encode_special, fmt  # noqa: E402

DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "modern_b_trajectories.json")
TIMM = "huggingface/pytorch-image-models timm/optim/lookahead.py @ aa4b5850c1543fa488abf260f18390eda46cf85d (Lookahead)"


class Lookahead:
    """timm's Lookahead, transcribed: the same operations on the same tensors."""

    def __init__(self, base_optimizer, alpha=0.5, k=6):
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(alpha)
        if not 1 <= k:
            raise ValueError(k)
        self.base_optimizer = base_optimizer
        self.alpha, self.k, self.lookahead_step = alpha, k, 0
        self.slow = {}

    @torch.no_grad()
    def update_slow(self):
        for group in self.base_optimizer.param_groups:
            for fast_p in group["params"]:
                if fast_p.grad is None:
                    continue
                if id(fast_p) not in self.slow:
                    self.slow[id(fast_p)] = torch.empty_like(fast_p)
                    self.slow[id(fast_p)].copy_(fast_p)
                slow = self.slow[id(fast_p)]
                slow.add_(fast_p - slow, alpha=self.alpha)
                fast_p.copy_(slow)

    def step(self, closure=None):
        loss = self.base_optimizer.step(closure)
        self.lookahead_step += 1
        if self.lookahead_step % self.k == 0:
            self.update_slow()
        return loss


def quartic_loss_grad(p):
    A, c, B = QUARTIC["A"], QUARTIC["c"], QUARTIC["B"]
    f, g = 0.0, []
    for i, x in enumerate(p):
        d = x - c[i]
        f = f + (0.5 * A[i]) * (d * d)
        f = f + (0.25 * B[i]) * ((x * x) * (x * x))
        g.append(A[i] * (x - c[i]) + B[i] * x * x * x)
    return f, g


def rosenbrock_loss_grad(p):
    n = len(p)
    f, g = 0.0, [0.0] * n
    for i in range(n - 1):
        u = p[i + 1] - p[i] * p[i]
        v = 1.0 - p[i]
        f = f + 100.0 * (u * u)
        f = f + v * v
        g[i] = g[i] - 400.0 * u * p[i] - 2.0 * v
        g[i + 1] = g[i + 1] + 200.0 * u
    return f, g


LOSS = {"quartic": quartic_loss_grad, "rosenbrock": rosenbrock_loss_grad}


def make_inner(spec_rule, keys, params):
    k = dict(keys)
    if spec_rule == "adam":
        betas = [0.9, 0.999]
        if "beta1" in k: betas[0] = k.pop("beta1")
        if "beta2" in k: betas[1] = k.pop("beta2")
        if "eps" in k: k["eps"] = k.pop("eps")
        return torch.optim.Adam(params, foreach=False, betas=tuple(betas), **k), "torch.optim.Adam"
    if spec_rule == "sgd":
        return torch.optim.SGD(params, foreach=False, **k), "torch.optim.SGD"
    raise ValueError(spec_rule)


def run_lookahead(inner_rule, inner_keys, la_keys, dtype, objective, steps):
    torch.set_default_dtype(dtype)
    p = torch.tensor(START, dtype=dtype)
    base, cls = make_inner(inner_rule, inner_keys, [p])
    opt = Lookahead(base, **la_keys)
    A, c, B = (torch.tensor(QUARTIC[k], dtype=dtype) for k in ("A", "c", "B"))
    out = []
    with torch.no_grad():
        for t in range(steps):
            if objective == "quartic":
                # In the case's dtype, as modern_reference.py: float32 cases round every operation to float32.
                p.grad = A * (p - c) + B * p * p * p
            else:
                p.grad = torch.tensor((SEQUENCE if objective == "sequence" else SPECIAL)[t], dtype=dtype)
            opt.step()
            out.append([float(x) for x in p.tolist()])
    torch.set_default_dtype(torch.float64)
    return cls, out


def run_lbfgs(keys, objective, steps):
    p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    args = dict(keys)
    if "line_search" in args:
        ls = args.pop("line_search")
        args["line_search_fn"] = None if ls == "none" else ls
    opt = torch.optim.LBFGS([p], **args)
    calls = [0]

    def closure():
        calls[0] += 1
        f, g = LOSS[objective]([float(x) for x in p.detach().tolist()])
        p.grad = torch.tensor(g, dtype=torch.float64)
        return torch.tensor(f, dtype=torch.float64)

    out, evals, losses = [], [], []
    for _ in range(steps):
        calls[0] = 0
        loss = opt.step(closure)
        out.append([float(x) for x in p.detach().tolist()])
        evals.append(calls[0])
        losses.append(float(loss))
    return args, out, evals, losses


CASES = []


def lookahead(inner, inner_keys=None, objective="quartic", steps=320, dtype="float64", **la):
    CASES.append(("lookahead", (inner, inner_keys or {}, la), objective, steps, dtype))


def lbfgs(objective="quartic", steps=60, **keys):
    CASES.append(("lbfgs", keys, objective, steps, "float64"))


lookahead("adam", dict(lr=0.05))                          # timm's defaults k=6, alpha=0.5
lookahead("adam", dict(lr=0.1), k=5, alpha=0.5)
lookahead("adam", dict(lr=0.1), k=1, alpha=0.8)
lookahead("adam", dict(lr=0.1), k=3, alpha=0.0)
lookahead("adam", dict(lr=0.1), k=4, alpha=1.0)
lookahead("adam", dict(lr=0.02, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1, amsgrad=True), k=7, alpha=0.3)
lookahead("sgd", dict(lr=0.01), k=5, alpha=0.5)
lookahead("sgd", dict(lr=0.01, momentum=0.9), k=10, alpha=0.6)
lookahead("sgd", dict(lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.05), k=3, alpha=0.25)
lookahead("adam", dict(lr=0.05), "sequence", k=5, alpha=0.5)
lookahead("sgd", dict(lr=0.05, momentum=0.5), "sequence", k=4, alpha=0.7)
lookahead("adam", dict(lr=0.1), "special", len(SPECIAL), k=2, alpha=0.5)
lookahead("adam", dict(lr=0.05, beta1=0.8), dtype="float32", k=5, alpha=0.5)
lookahead("sgd", dict(lr=0.01, momentum=0.9), dtype="float32", k=4, alpha=0.4)

lbfgs()
lbfgs(lr=0.5, max_iter=3)
lbfgs(max_iter=1)
lbfgs(lr=0.2, max_iter=2, history_size=2)
lbfgs(max_iter=5, max_eval=3, history_size=3)
lbfgs(lr=0.8, tolerance_grad=1e-4, tolerance_change=1e-6, max_iter=4)
lbfgs(line_search="strong_wolfe")
lbfgs(line_search="strong_wolfe", max_iter=3, history_size=3)
lbfgs(line_search="strong_wolfe", lr=0.5, max_iter=2, history_size=1)
lbfgs("rosenbrock", lr=0.05, max_iter=4)
lbfgs("rosenbrock", lr=0.1, max_iter=10, history_size=5)
lbfgs("rosenbrock", 100, line_search="strong_wolfe")
lbfgs("rosenbrock", 100, line_search="strong_wolfe", max_iter=4, history_size=3)
lbfgs("rosenbrock", 100, line_search="strong_wolfe", lr=0.3, max_iter=7, max_eval=9, history_size=2)


def spec_of(keys):
    return ", ".join(f"{k}={v if isinstance(v, str) else fmt(v)}" for k, v in keys.items())


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    dtypes = {"float64": torch.float64, "float32": torch.float32}
    cases, counters = [], {}
    for rule, keys, objective, steps, dtype in CASES:
        counters[rule] = counters.get(rule, 0) + 1
        entry = {"id": f"{rule}-{counters[rule]:02d}" + ("-f32" if dtype == "float32" else ""), "rule": rule}
        if rule == "lookahead":
            inner, inner_keys, la = keys
            cls, traj = run_lookahead(inner, inner_keys, la, dtypes[dtype], objective, steps)
            inner_spec = f"{inner}({spec_of(inner_keys)})"
            entry["spec"] = f"lookahead({', '.join([inner_spec] + [f'{k}={fmt(v)}' for k, v in la.items()])})"
            entry["torch"] = f"Lookahead({cls}(foreach=False, {', '.join(f'{k}={v!r}' for k, v in inner_keys.items())}), " \
                             f"{', '.join(f'{k}={v!r}' for k, v in la.items())}) as {TIMM}"
        else:
            args, traj, evals, losses = run_lbfgs(keys, objective, steps)
            entry["spec"] = f"lbfgs({spec_of(keys)})" if keys else "lbfgs"
            entry["torch"] = f"torch.optim.LBFGS({', '.join(f'{k}={v!r}' for k, v in args.items())})"
            entry["evaluations"] = evals
            entry["losses"] = losses
        entry.update({"dtype": dtype, "default_dtype": dtype, "objective": objective, "start": START, "steps": steps, "trajectory": traj})
        # Keep the key order of modern_reference.py's cases.
        if rule == "lbfgs":
            entry["evaluations"] = entry.pop("evaluations")
            entry["losses"] = entry.pop("losses")
        cases.append(entry)
    doc = encode_special({
        "generator": "tools/reference/modern_b_reference.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "lookahead_source": TIMM,
        "note": "parameters after every step (trajectory[k] is after step k+1); lbfgs cases add the closure calls "
                "(evaluations) and the loss step() returned (at the point before the step) of every step",
        "objectives": {"quartic": QUARTIC, "sequence": {"gradients": SEQUENCE}, "special": {"gradients": SPECIAL},
                       "rosenbrock": {"f": "sum_{i<4} 100*(p[i+1]-p[i]^2)^2 + (1-p[i])^2"}},
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
