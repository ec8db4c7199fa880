#!/usr/bin/python3
"""Reference paths on the lecture's hills-and-canyon with the keys every Descent rule shares:
a torch.optim 1.13 loop with clip_grad_norm_ and lr_scheduler, gradients by autograd (float64),
from the lecture's start (-2.8, -2.5), 125 steps. The point is one tensor of shape (2,), as
Descent's trajectory holds (x, y) in one buffer.

    for t in 1..125:
        loss = f(xy); loss.backward()
        clip_grad_norm_([xy], C)            (clip_norm cases)
        optimizer.step(); optimizer.zero_grad()
        scheduler.step()                    (ReduceLROnPlateau: scheduler.step(loss), the loss where the gradient was taken)

Each path records its Descent spec; tests/Descent.Lab.Tests/Trajectory/ScheduleTrajectoryTests.cs runs
the same spec through Descent's trajectory experiment (--convention pytorch) and compares every point
up to the path's rounding horizon (hills-and-canyon's exp terms amplify a last-bit difference of
torch's exp kernel; see TrajectoryParityTests).

Usage:  /usr/bin/python3 tools/reference/schedule_landscape_reference.py [OUT.json]
        (default OUT: tests/Descent.Lab.Tests/Reference/schedule_landscape_trajectories.json)
"""

import json
import os
import platform
import sys

import torch
from torch.optim import lr_scheduler as S
from torch.nn.utils import clip_grad_norm_

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Lab.Tests", "Reference", "schedule_landscape_trajectories.json")
START = [-2.8, -2.5]
STEPS = 125


def hills_and_canyon(xy):
    x, y = xy[0], xy[1]
    return ((x * x + y * y) / 3 + 3 * torch.exp(-((x + 1) ** 2 + (y + 2) ** 2))
            + torch.exp(-1.5 * (2 * (x + 2) ** 2 + (y - 0.5) ** 2))
            + 3 * torch.exp(-1.5 * ((x - 1) ** 2 + 2 * (y + 1.5) ** 2))
            + 1.5 * torch.exp(-((x + 1.5) ** 2 + 3 * (y + 0.5) ** 2))
            + 4 * (1 - torch.exp(-(x + y) ** 2)))


CASES = [
    ("adam(lr=0.25,schedule=cosine(t_max=125,eta_min=0.01))",
     lambda p: torch.optim.Adam(p, lr=0.25, foreach=False), None, lambda o: S.CosineAnnealingLR(o, T_max=125, eta_min=0.01)),
    ("adam(lr=0.25,clip_norm=0.5)",
     lambda p: torch.optim.Adam(p, lr=0.25, foreach=False), 0.5, None),
    ("sgd(lr=0.01,momentum=0.9,schedule=onecycle(max_lr=0.05,total_steps=125))",
     lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9, foreach=False), None, lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=125)),
    ("adam(lr=0.25,schedule=sequential(linear(start_factor=0.1,total_iters=10),cosine(t_max=115),milestones=[10]))",
     lambda p: torch.optim.Adam(p, lr=0.25, foreach=False), None,
     lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=10), S.CosineAnnealingLR(o, T_max=115)], milestones=[10])),
    ("sgd(lr=0.05,momentum=0.5,schedule=plateau(factor=0.5,patience=3,threshold=0.001))",
     lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.5, foreach=False), None,
     lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=3, threshold=0.001)),
    ("rmsprop(lr=0.05,clip_norm=1,schedule=exponential(gamma=0.98))",
     lambda p: torch.optim.RMSprop(p, lr=0.05, foreach=False), 1.0, lambda o: S.ExponentialLR(o, gamma=0.98)),
]


def run(spec, make_opt, clip, make_sched):
    torch.set_default_dtype(torch.float64)
    xy = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    opt = make_opt([xy])
    sched = make_sched(opt) if make_sched else None
    path = [list(START)]
    losses = []
    for _ in range(STEPS):
        loss = hills_and_canyon(xy)
        losses.append(float(loss))
        loss.backward()
        if clip is not None:
            clip_grad_norm_([xy], clip)
        opt.step()
        opt.zero_grad()
        if isinstance(sched, S.ReduceLROnPlateau):
            sched.step(losses[-1])
        elif sched is not None:
            sched.step()
        path.append([float(v) for v in xy.detach().tolist()])
    return {"spec": spec, "path": path}


def main():
    import warnings
    warnings.simplefilter("ignore")
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data = {"generator": "tools/reference/schedule_landscape_reference.py", "torch": torch.__version__,
            "python": platform.python_version(), "function": "hills-and-canyon", "start": START, "steps": STEPS,
            "note": "path[k] is the point after step k (path[0] the start)",
            "paths": [run(*c) for c in CASES]}
    with open(out, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print("wrote %d paths to %s" % (len(data["paths"]), out))


if __name__ == "__main__":
    main()
