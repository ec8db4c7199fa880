#!/usr/bin/python3
"""Reference trajectories of torch.optim with the keys every Descent rule shares: gradient clipping
(torch.nn.utils.clip_grad_norm_ / clip_grad_value_), learning-rate schedules
(torch.optim.lr_scheduler, stepped after every optimizer.step(); ReduceLROnPlateau with the loss
where that step's gradient was taken) and weight decay.

The problem is pytorch_reference.py's `quartic` (5 parameters, g_i = A_i*(p_i - c_i) + B_i*p_i^3),
split into two tensors [0:3] and [3:5] so that clip_grad_norm_ really takes a norm over several
tensors, as Descent takes it over one flat buffer. The loop is the one a PyTorch user writes:

    loss, g = quartic(p)
    clip_grad_norm_(params, C)  or  clip_grad_value_(params, C)
    optimizer.step()
    scheduler.step()   (ReduceLROnPlateau: scheduler.step(loss))

Each case records its Descent spec (`adam(lr=0.25, schedule=cosine(t_max=40, eta_min=0.01))`); the
tests (tests/Descent.Tests/CoreParityTests.cs) resolve it in the pytorch convention and compare
every step.

Usage:  /usr/bin/python3 tools/reference/core_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/core_trajectories.json)
"""

import json
import os
import platform
import sys

import torch
from torch.optim import lr_scheduler as S
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "core_trajectories.json")

A = [2.0, 1.0, 4.0, 0.5, 6.0]
C = [1.0, -2.0, 0.5, 3.0, -1.0]
B = [0.25, 0.125, 0.25, 0.0625, 0.125]
START = [0.5, -1.5, 2.0, -0.25, 1.25]
SPLIT = 3

# (id, Descent spec, dtype, steps, torch optimizer factory, clip, scheduler factory)
CASES = [
    ("adam-clip-norm", "adam(lr=0.1, clip_norm=0.5)", "float64", 60,
     lambda ps: torch.optim.Adam(ps, lr=0.1, foreach=False), ("norm", 0.5), None),
    ("adam-clip-norm-f32", "adam(lr=0.1, clip_norm=0.5)", "float32", 60,
     lambda ps: torch.optim.Adam(ps, lr=0.1, foreach=False), ("norm", 0.5), None),
    ("sgd-momentum-clip-norm", "sgd(lr=0.05, momentum=0.9, clip_norm=1)", "float64", 60,
     lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, foreach=False), ("norm", 1.0), None),
    ("rmsprop-clip-value", "rmsprop(lr=0.01, clip_value=0.5)", "float64", 60,
     lambda ps: torch.optim.RMSprop(ps, lr=0.01, foreach=False), ("value", 0.5), None),
    ("adam-l2-clip-norm", "adam(lr=0.05, weight_decay=0.01, clip_norm=2)", "float64", 60,
     lambda ps: torch.optim.Adam(ps, lr=0.05, weight_decay=0.01, foreach=False), ("norm", 2.0), None),
    ("adam-cosine", "adam(lr=0.25, schedule=cosine(t_max=40, eta_min=0.01))", "float64", 60,
     lambda ps: torch.optim.Adam(ps, lr=0.25, foreach=False), None, lambda o: S.CosineAnnealingLR(o, T_max=40, eta_min=0.01)),
    ("sgd-onecycle", "sgd(lr=0.01, momentum=0.9, schedule=onecycle(max_lr=0.1, total_steps=60))", "float64", 60,
     lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, foreach=False), None, lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=60)),
    ("adam-onecycle", "adam(lr=0.01, schedule=onecycle(max_lr=0.05, total_steps=60))", "float64", 60,
     lambda ps: torch.optim.Adam(ps, lr=0.01, foreach=False), None, lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=60)),
    ("adam-warmup-cosine", "adam(lr=0.1, schedule=sequential(linear(start_factor=0.1, total_iters=10), cosine(t_max=50), milestones=[10]))",
     "float64", 60, lambda ps: torch.optim.Adam(ps, lr=0.1, foreach=False), None,
     lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=10), S.CosineAnnealingLR(o, T_max=50)], milestones=[10])),
    ("sgd-plateau", "sgd(lr=0.02, schedule=plateau(factor=0.5, patience=3, threshold=0.01))", "float64", 60,
     lambda ps: torch.optim.SGD(ps, lr=0.02, foreach=False), None, lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=3, threshold=0.01)),
    ("rmsprop-cyclic", "rmsprop(lr=0.01, momentum=0.5, schedule=cyclic(base_lr=0.001, max_lr=0.02, step_size_up=10))", "float64", 60,
     lambda ps: torch.optim.RMSprop(ps, lr=0.01, momentum=0.5, foreach=False), None,
     lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.02, step_size_up=10)),
    ("adamw-clip-exponential", "adamw(lr=0.05, weight_decay=0.1, clip_norm=2, schedule=exponential(gamma=0.97))", "float64", 60,
     lambda ps: torch.optim.AdamW(ps, lr=0.05, weight_decay=0.1, foreach=False), ("norm", 2.0), lambda o: S.ExponentialLR(o, gamma=0.97)),
    ("nadam-onecycle", "nadam(lr=0.01, schedule=onecycle(max_lr=0.02, total_steps=60, anneal=linear))", "float64", 60,
     lambda ps: torch.optim.NAdam(ps, lr=0.01, foreach=False), None,
     lambda o: S.OneCycleLR(o, max_lr=0.02, total_steps=60, anneal_strategy="linear")),
    ("radam-step", "radam(lr=0.05, schedule=step(step_size=15, gamma=0.5))", "float64", 60,
     lambda ps: torch.optim.RAdam(ps, lr=0.05, foreach=False), None, lambda o: S.StepLR(o, step_size=15, gamma=0.5)),
    ("adamax-cosine-clip-value", "adamax(lr=0.05, clip_value=1, schedule=cosine-restarts(t_0=20, t_mult=2))", "float64", 60,
     lambda ps: torch.optim.Adamax(ps, lr=0.05, foreach=False), ("value", 1.0), lambda o: S.CosineAnnealingWarmRestarts(o, T_0=20, T_mult=2)),
    ("adagrad-multistep", "adagrad(lr=0.2, lr_decay=0.01, schedule=multistep(milestones=[20, 40], gamma=0.3))", "float64", 60,
     lambda ps: torch.optim.Adagrad(ps, lr=0.2, lr_decay=0.01, foreach=False), None, lambda o: S.MultiStepLR(o, milestones=[20, 40], gamma=0.3)),
    ("adadelta-polynomial", "adadelta(lr=1, weight_decay=0.05, schedule=polynomial(total_iters=50, power=2))", "float64", 60,
     lambda ps: torch.optim.Adadelta(ps, lr=1.0, weight_decay=0.05, foreach=False), None, lambda o: S.PolynomialLR(o, total_iters=50, power=2.0)),
    ("sgd-nesterov-onecycle-clip-f32", "sgd(lr=0.01, momentum=0.9, nesterov=true, clip_norm=1, schedule=onecycle(max_lr=0.05, total_steps=60, three_phase=true))",
     "float32", 60, lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, nesterov=True, foreach=False), ("norm", 1.0),
     lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=60, three_phase=True)),
]


def run(case):
    cid, spec, dtype_name, steps, make_opt, clip, make_sched = case
    dtype = getattr(torch, dtype_name)
    torch.set_default_dtype(dtype)
    start = torch.tensor(START, dtype=dtype)
    params = [start[:SPLIT].clone().requires_grad_(False), start[SPLIT:].clone().requires_grad_(False)]
    a, c, b = (torch.tensor(x, dtype=dtype) for x in (A, C, B))
    opt = make_opt(params)
    sched = make_sched(opt) if make_sched else None
    plateau = isinstance(sched, S.ReduceLROnPlateau)
    out, lrs = [], []
    with torch.no_grad():
        for t in range(steps):
            p = torch.cat(params)
            g = a * (p - c) + b * p * p * p
            loss = float((a / 2 * (p - c) ** 2 + b / 4 * p ** 4).sum())
            params[0].grad = g[:SPLIT].clone()
            params[1].grad = g[SPLIT:].clone()
            if clip and clip[0] == "norm":
                clip_grad_norm_(params, clip[1])
            elif clip:
                clip_grad_value_(params, clip[1])
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            if plateau:
                sched.step(loss)
            elif sched is not None:
                sched.step()
            out.append([float(x) for x in torch.cat(params).tolist()])
    return {"id": cid, "spec": spec, "dtype": dtype_name, "steps": steps, "start": START, "lrs": lrs, "trajectory": out}


def main():
    import warnings
    warnings.simplefilter("ignore")
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data = {"generator": "tools/reference/core_reference.py", "torch": torch.__version__, "python": platform.python_version(),
            "note": "quartic problem of pytorch_reference.py as two tensors [0:3], [3:5]; parameters after every step; lrs[t] is what step t+1 used",
            "objective": {"A": A, "c": C, "B": B},
            "cases": [run(c) for c in CASES]}
    with open(out, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print("wrote %d cases to %s" % (len(data["cases"]), out))


if __name__ == "__main__":
    main()
