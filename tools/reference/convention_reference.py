#!/usr/bin/python3
"""Reference trajectories for Descent's `lasagne` and `lecture` conventions.

An independent NumPy (float64) transcription of the formulas in design/CONVENTIONS.md, written
rule by rule from that table (not from Descent's code), on the same problems as
pytorch_reference.py: `quartic` (gradient A*(p - c) + B*p*p*p, closed form, so the lecture's
look-ahead rules can evaluate it anywhere) and `sequence` (fixed gradients with sign changes and
zeros). Output: tests/Descent.Tests/Reference/convention_trajectories.json, same layout as the
PyTorch file plus a "convention" field per case. ConventionParityTests replays every case.

These are formulas, not a library's run: they check that Descent transcribed the table (and the
defaults) faithfully, to rounding (the order of operations may differ in the last bit).

Usage:  /usr/bin/python3 tools/reference/convention_reference.py [OUT.json]
"""

import json
import os
import platform
import sys

import numpy as np

from pytorch_reference import QUARTIC, SEQUENCE, START

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "convention_trajectories.json")

A = np.array(QUARTIC["A"])
C = np.array(QUARTIC["c"])
B = np.array(QUARTIC["B"])

# CONVENTIONS.md defaults
DEFAULTS = {
    "lecture": {
        "momentum": dict(lr=0.25, momentum=0.9),
        "nesterov": dict(lr=0.25, momentum=0.9),
        "smoothed-nesterov": dict(lr=0.25, momentum=0.9, points=4),
        "adagrad": dict(lr=2.5, eps=1e-7, power=0.5, accumulate="squares"),
        "rmsprop": dict(lr=0.25, rho=0.9, eps=1e-5),
        "adadelta": dict(lr=1.0, rho=0.9, eps=1e-3, initial_delta=0.0),
        "adam": dict(lr=0.25, beta1=0.9, beta2=0.999, eps=1e-7),
        "adamax": dict(lr=0.25, beta1=0.9, beta2=0.999, eps=1e-8),
    },
    "lasagne": {
        "sgd": dict(lr=1e-3),
        "momentum": dict(lr=1e-3, momentum=0.9),
        "nesterov": dict(lr=1e-3, momentum=0.9),
        "adagrad": dict(lr=1.0, eps=1e-6),
        "rmsprop": dict(lr=1.0, rho=0.9, eps=1e-6),
        "adadelta": dict(lr=1.0, rho=0.95, eps=1e-6),
        "adam": dict(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, amsgrad=False),
        "adamax": dict(lr=2e-3, beta1=0.9, beta2=0.999, eps=1e-8),
    },
}


def grad_at(objective, t, p):
    if objective == "quartic":
        return A * (p - C) + B * p * p * p
    return np.array(SEQUENCE[t - 1])


def run(convention, rule, keys, objective, steps):
    o = dict(DEFAULTS[convention][rule])
    o.update(keys)
    p = np.array(START, dtype=np.float64)
    z = np.zeros_like(p)
    s1, s2, s3 = z.copy(), z.copy(), z.copy()
    if rule == "adadelta" and convention == "lecture":
        s2 = np.full_like(p, o["initial_delta"])
    out = []
    for t in range(1, steps + 1):
        lr = o["lr"]
        if convention == "lecture":
            if rule == "momentum":
                g = grad_at(objective, t, p)
                s1 = o["momentum"] * s1 + lr * g
                p = p - s1
            elif rule in ("nesterov", "smoothed-nesterov"):
                K = o.get("points", 1) if rule == "smoothed-nesterov" else 1
                gamma = o["momentum"]
                acc = np.zeros_like(p)
                for k in range(1, K + 1):
                    acc = acc + grad_at(objective, t, p - (k / K) * gamma * s1)
                s1 = gamma * s1 + lr * (acc / K)
                p = p - s1
            elif rule == "adagrad":
                g = grad_at(objective, t, p)
                s1 = s1 + (g * g if o["accumulate"] == "squares" else np.abs(g))
                p = p - lr * g / (s1 + o["eps"]) ** o["power"]
            elif rule == "rmsprop":
                g = grad_at(objective, t, p)
                s1 = o["rho"] * s1 + (1 - o["rho"]) * g * g
                p = p - lr * g / np.sqrt(s1 + o["eps"])
            elif rule == "adadelta":
                g = grad_at(objective, t, p)
                s1 = o["rho"] * s1 + (1 - o["rho"]) * g * g
                d = np.sqrt(s2 + o["eps"]) / np.sqrt(s1 + o["eps"]) * g
                p = p - lr * d
                s2 = o["rho"] * s2 + (1 - o["rho"]) * d * d
            elif rule == "adam":
                g = grad_at(objective, t, p)
                b1, b2 = o["beta1"], o["beta2"]
                s1 = b1 * s1 + (1 - b1) * g
                s2 = b2 * s2 + (1 - b2) * g * g
                mh = s1 / (1 - b1 ** t)
                vh = s2 / (1 - b2 ** t)
                p = p - lr * mh / np.sqrt(vh + o["eps"])
            elif rule == "adamax":
                g = grad_at(objective, t, p)
                b1, b2 = o["beta1"], o["beta2"]
                s1 = b1 * s1 + (1 - b1) * g
                s2 = np.maximum(b2 * s2, np.abs(g))
                p = p - lr / (1 - b1 ** t) * s1 / (s2 + o["eps"])
            else:
                raise ValueError(rule)
        else:
            g = grad_at(objective, t, p)
            if rule == "sgd":
                p = p - lr * g
            elif rule == "momentum":
                s1 = o["momentum"] * s1 - lr * g
                p = p + s1
            elif rule == "nesterov":
                s1 = o["momentum"] * s1 - lr * g
                p = p + o["momentum"] * s1 - lr * g
            elif rule == "adagrad":
                s1 = s1 + g * g
                p = p - lr * g / np.sqrt(s1 + o["eps"])
            elif rule == "rmsprop":
                s1 = o["rho"] * s1 + (1 - o["rho"]) * g * g
                p = p - lr * g / np.sqrt(s1 + o["eps"])
            elif rule == "adadelta":
                s1 = o["rho"] * s1 + (1 - o["rho"]) * g * g
                d = g * np.sqrt(s2 + o["eps"]) / np.sqrt(s1 + o["eps"])
                p = p - lr * d
                s2 = o["rho"] * s2 + (1 - o["rho"]) * d * d
            elif rule == "adam":
                b1, b2 = o["beta1"], o["beta2"]
                a = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
                s1 = b1 * s1 + (1 - b1) * g
                s2 = b2 * s2 + (1 - b2) * g * g
                if o["amsgrad"]:
                    s3 = np.maximum(s3, s2)
                    p = p - a * s1 / (np.sqrt(s3) + o["eps"])
                else:
                    p = p - a * s1 / (np.sqrt(s2) + o["eps"])
            elif rule == "adamax":
                b1, b2 = o["beta1"], o["beta2"]
                a = lr / (1 - b1 ** t)
                s1 = b1 * s1 + (1 - b1) * g
                s2 = np.maximum(b2 * s2, np.abs(g))
                p = p - a * s1 / (s2 + o["eps"])
            else:
                raise ValueError(rule)
        out.append([float(x) for x in p])
    return out


def fmt(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return v if isinstance(v, str) else repr(v)


CASES = []


def case(convention, rule, objective="quartic", steps=40, **keys):
    CASES.append((convention, rule, keys, objective, steps))


# lecture
case("lecture", "momentum", lr=0.02)
case("lecture", "momentum", lr=0.01, momentum=0.5)
case("lecture", "nesterov", lr=0.02)
case("lecture", "nesterov", lr=0.01, momentum=0.95)
case("lecture", "smoothed-nesterov", lr=0.02)
case("lecture", "smoothed-nesterov", lr=0.02, points=3, momentum=0.8)
case("lecture", "adagrad", lr=0.5)
case("lecture", "adagrad", lr=0.5, power=1.0)
case("lecture", "adagrad", lr=0.5, power=0.75, accumulate="abs")
case("lecture", "adagrad", "sequence", 24, lr=0.5, eps=1e-3, accumulate="abs")
case("lecture", "rmsprop", lr=0.01)
case("lecture", "rmsprop", lr=0.01, rho=0.5, eps=1e-3)
case("lecture", "rmsprop", "sequence", 24, lr=0.05)
case("lecture", "adadelta")
case("lecture", "adadelta", initial_delta=0.01)
case("lecture", "adadelta", lr=0.5, rho=0.95, eps=1e-4, initial_delta=50.0)
case("lecture", "adadelta", "sequence", 24, initial_delta=50.0)
case("lecture", "adam", lr=0.05)
case("lecture", "adam")
case("lecture", "adam", lr=0.05, beta1=0.5, beta2=0.9, eps=1e-3)
case("lecture", "adam", "sequence", 24, lr=0.1)
case("lecture", "adamax", lr=0.05)
case("lecture", "adamax", lr=0.05, beta1=0.8, beta2=0.9, eps=1e-3)
case("lecture", "adamax", "sequence", 24, lr=0.1)
# lasagne
case("lasagne", "sgd", lr=0.05)
case("lasagne", "momentum", lr=0.02)
case("lasagne", "momentum", lr=0.02, momentum=0.5)
case("lasagne", "nesterov", lr=0.02)
case("lasagne", "nesterov", "sequence", 24, lr=0.1, momentum=0.95)
case("lasagne", "adagrad", lr=0.1)
case("lasagne", "adagrad", lr=0.1, eps=1e-2)
case("lasagne", "adagrad", "sequence", 24, lr=0.5)
case("lasagne", "rmsprop", lr=0.01)
case("lasagne", "rmsprop", lr=0.01, rho=0.5, eps=1e-3)
case("lasagne", "rmsprop", "sequence", 24, lr=0.05)
case("lasagne", "adadelta")
case("lasagne", "adadelta", lr=2.0, rho=0.8, eps=1e-4)
case("lasagne", "adadelta", "sequence", 24, lr=1.0)
case("lasagne", "adam", lr=0.05)
case("lasagne", "adam", lr=0.05, beta1=0.5, beta2=0.9, eps=1e-3)
case("lasagne", "adam", lr=0.05, amsgrad=True)
case("lasagne", "adam", "sequence", 24, lr=0.1, amsgrad=True)
case("lasagne", "adamax")
case("lasagne", "adamax", lr=0.05, beta1=0.8, beta2=0.9, eps=1e-3)
case("lasagne", "adamax", "sequence", 24, lr=0.1)


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    cases, counters = [], {}
    for convention, rule, keys, objective, steps in CASES:
        key = (convention, rule)
        counters[key] = counters.get(key, 0) + 1
        spec = rule if not keys else f"{rule}({', '.join(f'{k}={fmt(v)}' for k, v in keys.items())})"
        cases.append({
            "id": f"{convention}-{rule}-{counters[key]:02d}",
            "convention": convention,
            "rule": rule,
            "spec": spec,
            "torch": f"numpy transcription of CONVENTIONS.md ({convention})",
            "dtype": "float64",
            "default_dtype": "float64",
            "objective": objective,
            "start": START,
            "steps": steps,
            "trajectory": run(convention, rule, keys, objective, steps),
        })
    doc = {
        "generator": "tools/reference/convention_reference.py",
        "torch": "none (numpy " + np.__version__ + ")",
        "python": platform.python_version(),
        "note": "formulas of design/CONVENTIONS.md in NumPy float64; parameters after every step",
        "objectives": {"quartic": QUARTIC, "sequence": {"gradients": SEQUENCE}, "special": {"gradients": []}},
    }
    compact = dict(separators=(",", ":"), allow_nan=False)
    head = json.dumps(doc, **compact)[:-1]
    with open(out_path, "w") as f:
        f.write(head + ',"cases":[\n')
        f.write(",\n".join(json.dumps(c, **compact) for c in cases))
        f.write("\n]}\n")
    print(f"{len(cases)} cases -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
