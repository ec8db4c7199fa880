#!/usr/bin/python3
"""Reference learning rates of torch.optim.lr_scheduler for Descent's `schedule=` key.

Each case builds a torch optimizer (SGD with momentum, or Adam) over one float64 parameter, wraps
it in the scheduler(s) the Descent schedule spec names, and runs the loop a PyTorch user writes:

    for t in 1..steps:
        record group['lr'] (and group['momentum'] / group['betas'][0])   <- what step t uses
        optimizer.step()
        scheduler.step()            (ReduceLROnPlateau: scheduler.step(loss[t]))

so lrs[t-1] is the learning rate of optimizer step t. The gradient is 0, which no scheduler reads.
Descent's tests (tests/Descent.Tests/Schedules/ScheduleParityTests.cs) rebuild each schedule from
the recorded Descent spec and compare every step within 1e-12 relative.

Usage:  /usr/bin/python3 tools/reference/schedule_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/schedule_reference.json)
"""

import json
import math
import os
import platform
import sys

import torch
from torch.optim import lr_scheduler as S

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "schedule_reference.json")

STEPS = 300


def plateau_losses(steps=STEPS):
    """A loss that falls, stalls (with a slow creep that `rel` thresholds ignore), falls again and
    rises: enough bad steps to trigger reductions, cooldowns and the min_lr floor."""
    losses = []
    for t in range(steps):
        if t < 40:
            v = 10.0 * 0.95 ** t
        elif t < 120:
            v = 10.0 * 0.95 ** 40 * (1 - 1e-6 * (t - 40))
        elif t < 160:
            v = 10.0 * 0.95 ** 40 * 0.9 ** (t - 119)
        elif t < 220:
            v = 0.5 + 0.01 * ((t * 7) % 5)
        else:
            v = 0.4 + 0.001 * (t - 220)
        losses.append(v)
    return losses


LOSSES = plateau_losses()


def make(kind, optimizer, **keys):
    """One torch scheduler from a Descent schedule name and its keys."""
    if kind == "step":
        return S.StepLR(optimizer, **keys)
    if kind == "multistep":
        return S.MultiStepLR(optimizer, **keys)
    if kind == "exponential":
        return S.ExponentialLR(optimizer, **keys)
    if kind == "cosine":
        return S.CosineAnnealingLR(optimizer, T_max=keys.pop("t_max"), **keys)
    if kind == "cosine-restarts":
        renamed = {"T_0": keys.pop("t_0")}
        if "t_mult" in keys:
            renamed["T_mult"] = keys.pop("t_mult")
        return S.CosineAnnealingWarmRestarts(optimizer, **renamed, **keys)
    if kind == "linear":
        return S.LinearLR(optimizer, **keys)
    if kind == "polynomial":
        return S.PolynomialLR(optimizer, **keys)
    if kind == "onecycle":
        if "anneal" in keys:
            keys["anneal_strategy"] = keys.pop("anneal")
        return S.OneCycleLR(optimizer, **keys)
    if kind == "cyclic":
        return S.CyclicLR(optimizer, **keys)
    if kind == "plateau":
        return S.ReduceLROnPlateau(optimizer, **keys)
    raise ValueError(kind)


# (id, optimizer, base lr, Descent schedule spec, torch construction)
# torch construction: ("one", kind, keys) or ("sequential", [(kind, keys), ...], milestones)
CASES = [
    ("step-default-gamma", "sgd", 0.1, "step(step_size=7)", ("one", "step", {"step_size": 7})),
    ("step", "adam", 0.05, "step(step_size=30, gamma=0.5)", ("one", "step", {"step_size": 30, "gamma": 0.5})),
    ("multistep", "sgd", 0.1, "multistep(milestones=[30, 80])", ("one", "multistep", {"milestones": [30, 80]})),
    ("multistep-repeated", "sgd", 0.3, "multistep(milestones=[50, 50, 120], gamma=0.5)",
     ("one", "multistep", {"milestones": [50, 50, 120], "gamma": 0.5})),
    ("exponential", "sgd", 0.2, "exponential(gamma=0.99)", ("one", "exponential", {"gamma": 0.99})),
    ("cosine", "adam", 0.25, "cosine(t_max=125, eta_min=0.01)", ("one", "cosine", {"t_max": 125, "eta_min": 0.01})),
    ("cosine-default-min", "sgd", 0.1, "cosine(t_max=50)", ("one", "cosine", {"t_max": 50})),
    ("cosine-restarts", "sgd", 0.1, "cosine-restarts(t_0=50)", ("one", "cosine-restarts", {"t_0": 50})),
    ("cosine-restarts-mult", "adam", 0.01, "cosine-restarts(t_0=20, t_mult=2, eta_min=0.001)",
     ("one", "cosine-restarts", {"t_0": 20, "t_mult": 2, "eta_min": 0.001})),
    ("linear-default", "sgd", 0.1, "linear", ("one", "linear", {})),
    ("linear", "adam", 0.02, "linear(start_factor=0.1, end_factor=0.5, total_iters=100)",
     ("one", "linear", {"start_factor": 0.1, "end_factor": 0.5, "total_iters": 100})),
    ("polynomial-default", "sgd", 0.1, "polynomial", ("one", "polynomial", {})),
    ("polynomial", "adam", 0.03, "polynomial(total_iters=200, power=2)", ("one", "polynomial", {"total_iters": 200, "power": 2.0})),
    ("onecycle-sgd", "sgd", 0.1, "onecycle(max_lr=0.5, total_steps=300)", ("one", "onecycle", {"max_lr": 0.5, "total_steps": 300})),
    ("onecycle-three-phase", "sgd", 0.1,
     "onecycle(max_lr=0.4, total_steps=320, pct_start=0.25, anneal=linear, div_factor=10, final_div_factor=100, three_phase=true, base_momentum=0.8, max_momentum=0.9)",
     ("one", "onecycle", {"max_lr": 0.4, "total_steps": 320, "pct_start": 0.25, "anneal": "linear", "div_factor": 10.0,
                          "final_div_factor": 100.0, "three_phase": True, "base_momentum": 0.8, "max_momentum": 0.9})),
    ("onecycle-adam", "adam", 0.001, "onecycle(max_lr=0.01, total_steps=300)", ("one", "onecycle", {"max_lr": 0.01, "total_steps": 300})),
    ("onecycle-no-momentum", "sgd", 0.1, "onecycle(max_lr=0.2, total_steps=310, cycle_momentum=false)",
     ("one", "onecycle", {"max_lr": 0.2, "total_steps": 310, "cycle_momentum": False})),
    ("cyclic", "sgd", 0.1, "cyclic(base_lr=0.01, max_lr=0.1, step_size_up=40)",
     ("one", "cyclic", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 40})),
    ("cyclic-triangular2", "sgd", 0.1,
     "cyclic(base_lr=0.001, max_lr=0.05, step_size_up=30, step_size_down=50, mode=triangular2, base_momentum=0.7, max_momentum=0.95)",
     ("one", "cyclic", {"base_lr": 0.001, "max_lr": 0.05, "step_size_up": 30, "step_size_down": 50, "mode": "triangular2",
                        "base_momentum": 0.7, "max_momentum": 0.95})),
    ("cyclic-exp-range", "adam", 0.1, "cyclic(base_lr=0.002, max_lr=0.02, step_size_up=25, mode=exp_range, gamma=0.995, cycle_momentum=false)",
     ("one", "cyclic", {"base_lr": 0.002, "max_lr": 0.02, "step_size_up": 25, "mode": "exp_range", "gamma": 0.995,
                        "cycle_momentum": False})),
    ("sequential-warmup-cosine", "adam", 0.01, "sequential(linear(start_factor=0.1, total_iters=10), cosine(t_max=290), milestones=[10])",
     ("sequential", [("linear", {"start_factor": 0.1, "total_iters": 10}), ("cosine", {"t_max": 290})], [10])),
    ("sequential-three", "sgd", 0.1,
     "sequential(linear(start_factor=0.25, total_iters=20), exponential(gamma=0.98), step(step_size=30, gamma=0.5), milestones=[20, 100])",
     ("sequential", [("linear", {"start_factor": 0.25, "total_iters": 20}), ("exponential", {"gamma": 0.98}),
                     ("step", {"step_size": 30, "gamma": 0.5})], [20, 100])),
    ("plateau", "sgd", 0.1, "plateau(factor=0.5, patience=5, cooldown=3, min_lr=0.002)",
     ("one", "plateau", {"factor": 0.5, "patience": 5, "cooldown": 3, "min_lr": 0.002})),
    ("plateau-default", "adam", 0.01, "plateau", ("one", "plateau", {})),
    ("plateau-abs", "sgd", 0.1, "plateau(factor=0.2, patience=3, threshold=0.01, threshold_mode=abs)",
     ("one", "plateau", {"factor": 0.2, "patience": 3, "threshold": 0.01, "threshold_mode": "abs"})),
    ("plateau-max", "adam", 0.05, "plateau(mode=max, factor=0.7, patience=8, threshold=0.001, eps=0.001)",
     ("one", "plateau", {"mode": "max", "factor": 0.7, "patience": 8, "threshold": 0.001, "eps": 0.001})),
]


def run(case):
    cid, rule, lr, spec, build = case
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    if rule == "sgd":
        opt = torch.optim.SGD([p], lr=lr, momentum=0.9)
        torch_opt = "torch.optim.SGD([p], lr=%r, momentum=0.9)" % lr
    else:
        opt = torch.optim.Adam([p], lr=lr)
        torch_opt = "torch.optim.Adam([p], lr=%r)" % lr
    if build[0] == "one":
        sched = make(build[1], opt, **dict(build[2]))
    else:
        parts = [make(kind, opt, **dict(keys)) for kind, keys in build[1]]
        sched = S.SequentialLR(opt, parts, milestones=build[2])
    plateau = isinstance(sched, S.ReduceLROnPlateau)
    lrs, momenta = [], []
    for t in range(STEPS):
        group = opt.param_groups[0]
        lrs.append(group["lr"])
        momenta.append(group["momentum"] if rule == "sgd" else group["betas"][0])
        p.grad = torch.zeros_like(p)
        opt.step()
        if plateau:
            sched.step(LOSSES[t])
        else:
            sched.step()
    return {"id": cid, "optimizer": "sgd(lr=%r, momentum=0.9)" % lr if rule == "sgd" else "adam(lr=%r)" % lr,
            "schedule": spec, "torch": torch_opt + "; " + repr(build), "steps": STEPS,
            "lrs": lrs, "momentum": momenta, "losses": LOSSES if plateau else None}


def main():
    import warnings
    warnings.simplefilter("ignore")
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data = {"generator": "tools/reference/schedule_reference.py", "torch": torch.__version__,
            "python": platform.python_version(),
            "note": "lrs[t-1] and momentum[t-1] are what optimizer step t uses (momentum: SGD's momentum or Adam's beta1)",
            "cases": [run(c) for c in CASES]}
    with open(out, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print("wrote %d cases to %s" % (len(data["cases"]), out))


if __name__ == "__main__":
    main()
