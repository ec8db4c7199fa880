#!/usr/bin/python3
"""Reference trajectories for Descent's `keras` convention: Keras 3's optimizers in NumPy float64.

Keras is not installable here, so each rule's `update_step` is transcribed into NumPy, operation by
operation in Keras's order (every operation a separately rounded float64 operation, no fused
multiply-add; `1 - b` computed in Python double from b; `b**t` a pow call, not a running product), from
github.com/keras-team/keras at commit 3422977a5e38fb2f7709aaa9a08e47f0c43d0f60 (the commit named in
shared/reference/README.md, section keras_trajectories.json), files:
  keras/src/optimizers/base_optimizer.py   apply(): clipping, then weight decay, then update_step;
                                           _apply_weight_decay: w = w - w * wd * lr;
                                           clip_by_global_norm: g * (c * min(1/||g||, 1/c) + (||g|| - ||g||))
  keras/src/optimizers/sgd.py, rmsprop.py, adagrad.py, adadelta.py, adam.py, adamw.py, adamax.py,
  nadam.py, lion.py, lamb.py               update_step (and Nadam's _backend_update_step product)
as Keras's TensorFlow backend runs them op by op with floatx = "float64". Read with the session's
code-search tools; transcribed, not copied.

Spec keys -> Keras arguments: lr -> learning_rate, beta1/beta2 -> beta_1/beta_2, eps -> epsilon,
initial_accumulator -> initial_accumulator_value, clip_norm -> global_clipnorm (Descent's clip_norm is
over all parameters; for one variable Keras's per-variable clipnorm has the same meaning, rounded as
(g*c)/max(||g||, c)), clip_value -> clipvalue; momentum, nesterov, rho, centered, amsgrad and
weight_decay keep their names. The spec names momentum(...) and nesterov(...) are Keras's
SGD(momentum=..., nesterov=False|True).

First, `check` replays shared/reference/keras_trajectories.json (six specs on the lecture's seven
landscapes, gradients by torch autograd in float64) and reports the largest deviation up to each stored
horizon; on the quadratic, whose gradient (2x, 2y) is exact, the paths must agree bit for bit.
Then it writes cases on the objectives of pytorch_reference.py (the quartic A*(p - c) + B*p*p*p and the
fixed gradient sequence of modern_reference.py, 320 steps) for the rules and keys the shared file does not cover, in the layout of
convention_trajectories.json: tests/Descent.Tests/Reference/keras_trajectories.json.

Usage:  /usr/bin/python3 tools/reference/keras_reference.py [check] [OUT.json]
"""

import json
import math
import os
import platform
import sys

import numpy as np

from pytorch_reference import QUARTIC, START

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "keras_trajectories.json")
SHARED = os.path.join(HERE, "..", "..", "..", "..", "shared", "reference", "keras_trajectories.json")
COMMIT = "3422977a5e38fb2f7709aaa9a08e47f0c43d0f60"

A = np.array(QUARTIC["A"])
C = np.array(QUARTIC["c"])
B = np.array(QUARTIC["B"])

# Keras 3's defaults, per spec name (Descent's key names).
DEFAULTS = {
    "sgd": dict(lr=0.01, momentum=0.0, nesterov=False),
    "momentum": dict(lr=0.01, momentum=0.9, nesterov=False),
    "nesterov": dict(lr=0.01, momentum=0.9, nesterov=True),
    "rmsprop": dict(lr=0.001, rho=0.9, momentum=0.0, eps=1e-7, centered=False),
    "adagrad": dict(lr=0.001, initial_accumulator=0.1, eps=1e-7),
    "adadelta": dict(lr=0.001, rho=0.95, eps=1e-7),
    "adam": dict(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7, amsgrad=False),
    "adamw": dict(lr=0.001, weight_decay=0.004, beta1=0.9, beta2=0.999, eps=1e-7, amsgrad=False),
    "adamax": dict(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7),
    "nadam": dict(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7),
    "lion": dict(lr=0.001, beta1=0.9, beta2=0.99),
    "lamb": dict(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7),
}
KERAS_CLASS = {"sgd": "SGD", "momentum": "SGD", "nesterov": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad",
               "adadelta": "Adadelta", "adam": "Adam", "adamw": "AdamW", "adamax": "Adamax", "nadam": "Nadam", "lion": "Lion", "lamb": "Lamb"}
KERAS_ARG = {"lr": "learning_rate", "beta1": "beta_1", "beta2": "beta_2", "eps": "epsilon",
             "initial_accumulator": "initial_accumulator_value", "clip_norm": "global_clipnorm", "clip_value": "clipvalue"}


class KerasRule:
    """One Keras optimizer over one variable w (a float64 vector): apply() is Keras's apply for one step."""

    def __init__(self, rule, keys, n):
        self.rule = rule
        self.k = dict(DEFAULTS[rule], **keys)
        self.wd = self.k.pop("weight_decay", None)
        self.clip_norm = self.k.pop("clip_norm", None)
        self.clip_value = self.k.pop("clip_value", None)
        self.iterations = 0
        z = lambda: np.zeros(n)
        if rule in ("sgd", "momentum", "nesterov"):
            self.m = z()
        elif rule == "rmsprop":
            self.velocity, self.momentum_buf, self.average_grad = z(), z(), z()
        elif rule == "adagrad":
            self.accumulator = np.full(n, self.k["initial_accumulator"])
        elif rule == "adadelta":
            self.accumulated_grad, self.accumulated_delta_var = z(), z()
        elif rule in ("adam", "adamw"):
            self.m, self.v, self.v_hat = z(), z(), z()
        elif rule == "adamax":
            self.m, self.u = z(), z()
        elif rule == "lamb":
            self.m, self.v = z(), z()
        elif rule == "nadam":
            self.m, self.v = z(), z()
            self.u_product = 1.0
        elif rule == "lion":
            self.m = z()

    def apply(self, g, w):
        """Keras's apply(): clip the gradient, decay the variable, then update_step; returns the new w."""
        g = g.copy()
        if self.clip_norm is not None:
            c = self.clip_norm
            with np.errstate(divide="ignore", invalid="ignore"):
                use_norm = np.sqrt(np.sum(np.square(g)))
                scale = c * np.minimum(1.0 / use_norm, 1.0 / c) + (use_norm - use_norm)
            g = g * scale
        elif self.clip_value is not None:
            g = np.clip(g, -self.clip_value, self.clip_value)
        lr = self.k["lr"]
        if self.wd is not None and self.wd != 0:
            w = w - w * self.wd * lr
        w = getattr(self, "step_" + ("sgd" if self.rule in ("momentum", "nesterov") else "adam" if self.rule == "adamw" else self.rule))(g, w, lr)
        self.iterations += 1
        return w

    def step_sgd(self, g, w, lr):
        mu = self.k["momentum"]
        if mu != 0:
            self.m = self.m * mu - g * lr
            if self.k["nesterov"]:
                return w + (self.m * mu - g * lr)
            return w + self.m
        return w - g * lr

    def step_rmsprop(self, g, w, lr):
        rho, eps = self.k["rho"], self.k["eps"]
        self.velocity = rho * self.velocity + (1 - rho) * np.square(g)
        if self.k["centered"]:
            self.average_grad = rho * self.average_grad + (1 - rho) * g
            denominator = self.velocity - np.square(self.average_grad) + eps
        else:
            denominator = self.velocity + eps
        increment = (lr * g) / np.sqrt(denominator)
        if self.k["momentum"] > 0:
            self.momentum_buf = self.k["momentum"] * self.momentum_buf + increment
            return w - self.momentum_buf
        return w - increment

    def step_adagrad(self, g, w, lr):
        self.accumulator = self.accumulator + np.square(g)
        return w - (lr * g) / np.sqrt(self.accumulator + self.k["eps"])

    def step_adadelta(self, g, w, lr):
        rho, eps = self.k["rho"], self.k["eps"]
        self.accumulated_grad = rho * self.accumulated_grad + (1 - rho) * np.square(g)
        delta = -((np.sqrt(self.accumulated_delta_var + eps) * g) / np.sqrt(self.accumulated_grad + eps))
        self.accumulated_delta_var = rho * self.accumulated_delta_var + (1 - rho) * np.square(delta)
        return w + lr * delta

    def step_adam(self, g, w, lr):
        b1, b2, eps = self.k["beta1"], self.k["beta2"], self.k["eps"]
        t = float(self.iterations + 1)
        beta_1_power, beta_2_power = math.pow(b1, t), math.pow(b2, t)
        alpha = (lr * math.sqrt(1 - beta_2_power)) / (1 - beta_1_power)
        self.m = self.m + (g - self.m) * (1 - b1)
        self.v = self.v + (np.square(g) - self.v) * (1 - b2)
        v = self.v
        if self.k["amsgrad"]:
            self.v_hat = np.maximum(self.v_hat, self.v)
            v = self.v_hat
        return w - (self.m * alpha) / (np.sqrt(v) + eps)

    def step_adamax(self, g, w, lr):
        b1, b2, eps = self.k["beta1"], self.k["beta2"], self.k["eps"]
        t = float(self.iterations + 1)
        beta_1_power = math.pow(b1, t)
        self.m = self.m + (g - self.m) * (1 - b1)
        self.u = np.maximum(b2 * self.u, np.abs(g))
        return w - (lr * self.m) / ((1 - beta_1_power) * (self.u + eps))

    def step_nadam(self, g, w, lr):
        b1, b2, eps = self.k["beta1"], self.k["beta2"], self.k["eps"]
        t = float(self.iterations + 1)
        # _backend_update_step: the product advances once per step, before the variables are updated.
        self.u_product = self.u_product * b1 * (1.0 - 0.5 * math.pow(0.96, t))
        u_t = b1 * (1.0 - 0.5 * math.pow(0.96, t))
        u_t_1 = b1 * (1.0 - 0.5 * math.pow(0.96, t + 1))
        u_product_t = self.u_product
        u_product_t_1 = u_product_t * u_t_1
        beta_2_power = math.pow(b2, t)
        self.m = self.m + (g - self.m) * (1 - b1)
        self.v = self.v + (np.square(g) - self.v) * (1 - b2)
        m_hat = (u_t_1 * self.m) / (1 - u_product_t_1) + ((1 - u_t) * g) / (1 - u_product_t)
        v_hat = self.v / (1 - beta_2_power)
        return w - (m_hat * lr) / (np.sqrt(v_hat) + eps)

    def step_lamb(self, g, w, lr):
        b1, b2, eps = self.k["beta1"], self.k["beta2"], self.k["eps"]
        t = float(self.iterations + 1)
        beta_1_power, beta_2_power = math.pow(b1, t), math.pow(b2, t)
        self.m = self.m + (g - self.m) * (1 - b1)
        self.v = self.v + (np.square(g) - self.v) * (1 - b2)
        m_t_hat = self.m / (1.0 - beta_1_power)
        v_sqrt = np.sqrt(self.v / (1.0 - beta_2_power)) + eps
        update = m_t_hat / v_sqrt
        w_norm = np.sqrt(np.sum(np.power(w, 2)))
        g_norm = np.sqrt(np.sum(np.power(update, 2)))
        ratio = (w_norm / g_norm if g_norm > 0 else 1.0) if w_norm > 0 else 1.0
        return w - ratio * lr * update

    def step_lion(self, g, w, lr):
        b1, b2 = self.k["beta1"], self.k["beta2"]
        w = w - lr * np.sign(self.m * b1 + g * (1.0 - b1))
        self.m = self.m * b2 + g * (1.0 - b2)
        return w


def parse_spec(spec):
    """'adam(lr=0.25)' -> ('adam', {'lr': 0.25}); booleans as true/false."""
    name, _, rest = spec.partition("(")
    keys = {}
    for pair in filter(None, rest.rstrip(")").split(",")):
        k, v = pair.split("=")
        v = v.strip()
        keys[k.strip()] = True if v == "true" else False if v == "false" else float(v)
    return name.strip(), keys


# ---- check against shared/reference/keras_trajectories.json --------------------------------------------------

def landscapes():
    import torch

    def r2(x, y):
        return x * x + y * y

    return torch, {
        "Simple_quad": lambda x, y: r2(x, y),
        "Wobbly": lambda x, y: r2(x, y) / 3 + torch.abs(x) * torch.sqrt(torch.abs(x) + 0.1) + 3 * torch.sin(x + y) + 3
                               + 8 * torch.exp(-2 * ((x + 1) ** 2 + (y + 2) ** 2)),
        "Basins_and_walls": lambda x, y: r2(x, y) / 2 + torch.sin(4 * x) ** 2,
        "Ripple": lambda x, y: r2(x, y) / 3 + (torch.sin(20 * x) ** 2 + torch.sin(20 * y) ** 2) / 15,
        "Giant_plateu": lambda x, y: 4 * (1 - torch.exp(-r2(x, y))),
        "Hills_and_canyon": lambda x, y: (r2(x, y) / 3 + 3 * torch.exp(-((x + 1) ** 2 + (y + 2) ** 2))
                                          + torch.exp(-1.5 * (2 * (x + 2) ** 2 + (y - 0.5) ** 2))
                                          + 3 * torch.exp(-1.5 * ((x - 1) ** 2 + 2 * (y + 1.5) ** 2))
                                          + 1.5 * torch.exp(-((x + 1.5) ** 2 + 3 * (y + 0.5) ** 2))
                                          + 4 * (1 - torch.exp(-(x + y) ** 2))),
        "Bad_init": lambda x, y: 4 - 0.5 * torch.exp(-((x + 2.5) ** 2 + (y + 2.5) ** 2)) - 3 * torch.exp(-r2(x, y)),
    }


def check(path=SHARED):
    torch, fs = landscapes()
    data = json.load(open(path))["lecture_start"]
    worst_all = 0.0
    for land, specs in data["paths"].items():
        f = fs[land]
        for spec, path_ in specs.items():
            rule, keys = parse_spec(spec)
            opt = KerasRule(rule, keys, 2)
            w = np.array(data["start"], dtype=np.float64)
            horizon = data["horizons"][land][spec]
            end = len(path_) if horizon is None else horizon
            worst, exact = 0.0, True
            for i in range(1, end):
                xy = torch.tensor(w, dtype=torch.float64, requires_grad=True)
                f(xy[0], xy[1]).backward()
                w = opt.apply(xy.grad.numpy().copy(), w)
                ref = np.array(path_[i])
                worst = max(worst, float(np.max(np.abs(w - ref))))
                exact = exact and bool(np.array_equal(w, ref))
            worst_all = max(worst_all, worst)
            print(f"{land:17s} {spec:26s} up to {end - 1:3d}: max |diff| {worst:.2e}{'  (bit for bit)' if exact else ''}", file=sys.stderr)
            if land == "Simple_quad" and not exact:
                raise SystemExit(f"{spec} on the quadratic (exact gradient) is not bit for bit: the transcription is wrong")
    if worst_all > 1e-9:
        raise SystemExit(f"largest deviation {worst_all:.2e}: the transcription does not reproduce keras_trajectories.json")
    print(f"keras_trajectories.json reproduced: largest deviation {worst_all:.2e}", file=sys.stderr)


# ---- cases -------------------------------------------------------------------------------------------------

STEPS = 320


def sequence_gradients(steps=STEPS):
    """modern_reference.py's sequence: sign changes; component 2 is always 0 and every 23rd step is all 0."""
    seq = []
    for t in range(steps):
        g = [((t * 3 + i * 5) % 9 - 4) * 0.25 for i in range(5)]
        g[2] = 0.0
        if t % 23 == 5:
            g = [0.0] * 5
        seq.append(g)
    return seq


SEQUENCE = sequence_gradients()
CASES = []


def case(rule, objective="quartic", **keys):
    CASES.append((rule, keys, objective))


# Every rule at Keras's defaults, then each key, weight decay, clipping and the gradient sequence.
case("sgd")
case("sgd", lr=0.05)
case("sgd", lr=0.02, momentum=0.9)
case("sgd", lr=0.02, momentum=0.5, nesterov=True)
case("sgd", lr=0.05, nesterov=True)  # Keras: nesterov without momentum is plain descent
case("sgd", lr=0.05, weight_decay=0.1)
case("sgd", lr=0.05, clip_norm=1.0)
case("sgd", lr=0.05, clip_value=0.5)
case("sgd", "sequence", lr=0.1, momentum=0.9, nesterov=True)
case("momentum")
case("momentum", lr=0.02, momentum=0.8, weight_decay=0.05)
case("momentum", "sequence", lr=0.1, momentum=0.5)
case("nesterov")
case("nesterov", lr=0.02, momentum=0.95)
case("nesterov", "sequence", lr=0.1, momentum=0.9, clip_norm=0.5)
case("rmsprop")
case("rmsprop", lr=0.01)
case("rmsprop", lr=0.01, centered=True)
case("rmsprop", lr=0.01, momentum=0.9)
case("rmsprop", lr=0.005, centered=True, momentum=0.5)
case("rmsprop", lr=0.01, rho=0.5, eps=1e-3)
case("rmsprop", lr=0.01, weight_decay=0.1, clip_value=1.0)
case("rmsprop", "sequence", lr=0.05, centered=True, momentum=0.8)
case("adagrad")
case("adagrad", lr=0.1)
case("adagrad", lr=0.1, initial_accumulator=0.0, eps=1e-3)
case("adagrad", lr=0.1, weight_decay=0.2)
case("adagrad", "sequence", lr=0.5)
case("adadelta")
case("adadelta", lr=1.0)
case("adadelta", lr=1.0, rho=0.9, eps=1e-6)
case("adadelta", lr=0.5, weight_decay=0.1)
case("adadelta", "sequence", lr=1.0)
case("adam")
case("adam", lr=0.05)
case("adam", lr=0.05, amsgrad=True)
case("adam", lr=0.02, beta1=0.5, beta2=0.9, eps=1e-3)
case("adam", lr=0.05, weight_decay=0.1)
case("adam", lr=0.05, clip_norm=2.0)
case("adam", "sequence", lr=0.1, amsgrad=True)
case("adamw")
case("adamw", lr=0.05)
case("adamw", lr=0.05, weight_decay=0.1, amsgrad=True)
case("adamw", "sequence", lr=0.1, weight_decay=0.05)
case("adamax")
case("adamax", lr=0.05)
case("adamax", lr=0.05, beta1=0.8, beta2=0.99, eps=1e-3)
case("adamax", lr=0.05, weight_decay=0.1)
case("adamax", "sequence", lr=0.1)
case("nadam")
case("nadam", lr=0.05)
case("nadam", lr=0.02, beta1=0.8, beta2=0.99, eps=1e-4)
case("nadam", lr=0.05, weight_decay=0.1)
case("nadam", "sequence", lr=0.1)
case("lion")
case("lion", lr=0.01)
case("lion", lr=0.02, beta1=0.8, beta2=0.9)
case("lion", lr=0.01, weight_decay=0.5)
case("lion", "sequence", lr=0.05, clip_value=0.5)
case("lamb")
case("lamb", lr=0.01)
case("lamb", lr=0.01, beta1=0.8, beta2=0.99, eps=1e-4)
case("lamb", lr=0.01, weight_decay=0.1)
case("lamb", lr=0.02, clip_norm=1.0)
case("lamb", "sequence", lr=0.05)


def fmt(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)


def run(rule, keys, objective):
    opt = KerasRule(rule, keys, len(START))
    w = np.array(START, dtype=np.float64)
    out = []
    for t in range(STEPS):
        g = A * (w - C) + B * w * w * w if objective == "quartic" else np.array(SEQUENCE[t], dtype=np.float64)
        w = opt.apply(g, w)
        out.append([float(x) for x in w])
    return out


def keras_call(rule, keys):
    args = dict(keys)
    if rule == "momentum":
        args.setdefault("momentum", 0.9)
    if rule == "nesterov":
        args.setdefault("momentum", 0.9)
        args["nesterov"] = True
    text = ", ".join(f"{KERAS_ARG.get(k, k)}={v!r}" for k, v in args.items())
    return f"keras.optimizers.{KERAS_CLASS[rule]}({text})"


def main(argv):
    if argv and argv[0] == "check":
        check()
        argv = argv[1:]
    out_path = argv[0] if argv else DEFAULT_OUT
    cases, counters = [], {}
    for rule, keys, objective in CASES:
        counters[rule] = counters.get(rule, 0) + 1
        spec = rule if not keys else f"{rule}({', '.join(f'{k}={fmt(v)}' for k, v in keys.items())})"
        cases.append({
            "id": f"keras-{rule}-{counters[rule]:02d}",
            "convention": "keras",
            "rule": rule,
            "spec": spec,
            "torch": keras_call(rule, keys),
            "dtype": "float64",
            "default_dtype": "float64",
            "objective": objective,
            "start": START,
            "steps": STEPS,
            "trajectory": run(rule, keys, objective),
        })
    doc = {
        "generator": "tools/reference/keras_reference.py",
        "torch": "none (numpy " + np.__version__ + ")",
        "python": platform.python_version(),
        "keras_source": f"keras-team/keras keras/src/optimizers/*.py @ {COMMIT}",
        "note": "Keras 3's update_step in NumPy float64, Keras's operation order; parameters after every step",
        "objectives": {"quartic": QUARTIC, "sequence": {"gradients": SEQUENCE}, "special": {"gradients": []}},
    }
    compact = dict(separators=(",", ":"), allow_nan=False)
    head = json.dumps(doc, **compact)[:-1]
    with open(out_path, "w") as f:
        f.write(head + ',"cases":[\n')
        f.write(",\n".join(json.dumps(c, **compact) for c in cases))
        f.write("\n]}\n")
    print(f"{len(cases)} cases -> {out_path}: {counters}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
