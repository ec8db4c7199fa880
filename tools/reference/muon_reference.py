#!/usr/bin/python3
"""Reference trajectories of Muon on small matrices, for Descent's muon.

Muon as torch.optim.Muon computes it (pytorch/pytorch `torch/optim/_muon.py` at commit
b5ee4d7a797023e11507aea90811559872ce8ff6: `_single_tensor_muon`, `_zeropower_via_newtonschulz`,
`_adjust_lr`). torch 1.13 has no Muon class, so its update is written out below in the same torch
operations, in the same order, on the same dtypes, so that torch 1.13's CPU kernels round it as the
class would on that version:
    B <- B.lerp(g, 1 - mu)                                   buf.lerp_(grad, 1 - momentum)
    U = g.lerp(B, mu) if nesterov else B
    X = U.bfloat16(), transposed (a strided view) if rows > cols
    X /= X.norm().clamp(min=eps)                             in bfloat16
    ns_steps times: A = X @ X.T; B2 = addmm(A, A, A, beta=b, alpha=c); X = addmm(X, B2, X, beta=a)
    lr' = lr*sqrt(max(1, rows/cols)) ("original", upstream's default) or lr*(0.2*sqrt(max(rows, cols)))
    p *= 1 - lr*wd;  p += -lr' * X                           param.mul_, param.add_(update, alpha=-lr')
with (a, b, c) = (3.4445, -4.7750, 2.0315).

Objective (per matrix element, elementwise in the parameter's dtype, no fused operations):
    g = d*(p - t) + 0.1*(p*p*p)
with d, t fixed matrices of the case's shape (below), so every path is smooth and none is chaotic.

Usage:  /usr/bin/python3 tools/reference/muon_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/muon_trajectories.json)
"""

import json
import math
import os
import platform
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "muon_trajectories.json")
A, B, C = 3.4445, -4.7750, 2.0315
STEPS = 30


def newton_schulz(update, steps, eps):
    x = update.bfloat16()
    tall = update.size(0) > update.size(1)
    if tall:
        x = x.T
    x.div_(x.norm().clamp(min=eps))
    for _ in range(steps):
        gram = x @ x.T
        poly = torch.addmm(gram, gram, gram, beta=B, alpha=C)
        x = torch.addmm(x, poly, x, beta=A)
    if tall:
        x = x.T
    return x


def adjusted(lr, how, rows, cols):
    if how == "match_rms_adamw":
        return lr * (0.2 * math.sqrt(max(rows, cols)))
    return lr * math.sqrt(max(1, rows / cols))


def matrix(rows, cols, f):
    return [[f(i, j) for j in range(cols)] for i in range(rows)]


def run(case):
    dtype = torch.float64 if case["dtype"] == "float64" else torch.float32
    rows, cols = case["rows"], case["cols"]
    p = torch.tensor(case["start"], dtype=dtype)
    d = torch.tensor(case["d"], dtype=dtype)
    t = torch.tensor(case["t"], dtype=dtype)
    o = case["options"]
    lr, wd, mu = o["lr"], o["weight_decay"], o["momentum"]
    buf = torch.zeros_like(p)
    path = [p.tolist()]
    for _ in range(STEPS):
        g = d * (p - t) + 0.1 * (p * p * p)
        buf.lerp_(g, 1 - mu)
        u = g.lerp(buf, mu) if o["nesterov"] else buf
        x = newton_schulz(u, o["ns_steps"], o["eps"])
        p.mul_(1 - lr * wd)
        p.add_(x, alpha=-adjusted(lr, o["adjust_lr"], rows, cols))
        path.append(p.tolist())
    return path


def case(name, rows, cols, spec, dtype="float64", **options):
    defaults = {"lr": 1e-3, "weight_decay": 0.1, "momentum": 0.95, "nesterov": True, "ns_steps": 5, "eps": 1e-7,
                "adjust_lr": "original"}
    defaults.update(options)
    return {
        "name": name, "spec": spec, "dtype": dtype, "rows": rows, "cols": cols, "options": defaults,
        "start": matrix(rows, cols, lambda i, j: 0.5 * ((i * 7 + j * 3) % 5 - 2) + 0.125 * (i - j)),
        "d": matrix(rows, cols, lambda i, j: 0.5 + ((i + 2 * j) % 4) * 0.75),
        "t": matrix(rows, cols, lambda i, j: ((i * 3 + j) % 7 - 3) * 0.5),
    }


CASES = [
    case("wide_default", 3, 4, "muon(lr=0.02)", lr=0.02),
    case("tall_plain_no_decay", 4, 3, "muon(lr=0.02,nesterov=false,weight_decay=0)", lr=0.02, nesterov=False, weight_decay=0.0),
    case("row_match_rms", 1, 2, "muon(lr=0.05,adjust_lr=match_rms_adamw)", lr=0.05, adjust_lr="match_rms_adamw"),
    case("tall_original_ratio", 5, 2, "muon(lr=0.01,momentum=0.9,ns_steps=3)", lr=0.01, momentum=0.9, ns_steps=3),
    case("wide_match_rms_decay", 2, 6, "muon(lr=0.03,adjust_lr=match_rms_adamw,weight_decay=0.5)", lr=0.03,
         adjust_lr="match_rms_adamw", weight_decay=0.5),
    case("square_float32", 3, 3, "muon(lr=0.02)", dtype="float32", lr=0.02),
    case("column_float32", 3, 1, "muon(lr=0.02,nesterov=false)", dtype="float32", lr=0.02, nesterov=False),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    torch.set_num_threads(1)
    result = {
        "source": "tools/reference/muon_reference.py: torch.optim.Muon (pytorch/pytorch torch/optim/_muon.py @ "
                  "b5ee4d7a797023e11507aea90811559872ce8ff6) written out in torch ops",
        "torch": torch.__version__, "python": platform.python_version(), "steps": STEPS,
        "objective": "g = d*(p - t) + 0.1*(p*p*p), elementwise",
        "cases": [],
    }
    for c in CASES:
        c = dict(c)
        c["path"] = run(c)
        result["cases"].append(c)
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
