#!/usr/bin/python3
"""Reference trajectories of torch.optim for Descent's `pytorch` convention.

Runs every rule of torch.optim that Descent names (sgd with momentum/dampening/nesterov/weight
decay, adagrad, rmsprop, adadelta, adam incl. amsgrad, adamw, adamax, nadam, radam) over a table
of settings that covers every option, on two small deterministic problems, and writes the
parameters after every step to JSON. Descent's tests (tests/Descent.Tests/PyTorchParityTests.cs)
replay each case with the Descent spec recorded next to it and compare every step.

Problems (5 parameters):
- quartic:  g_i = A_i*(p_i - c_i) + B_i*p_i*p_i*p_i   (the gradient of sum A/2 (p-c)^2 + B/4 p^4),
            evaluated in the case's precision in exactly this order of operations; all constants
            are exact in float32, so both sides start from identical numbers.
- sequence: g at step t is a fixed vector (sign changes, a component that is always 0 and a step
            whose gradient is all 0), independent of p, so only weight decay couples it to p.
- special:  a fixed list of gradients with +-inf, NaN, 1e200 (squares overflow) and subnormals.

Every optimizer runs with foreach=False (the single-tensor path). torch's default dtype is set
to the case's dtype, so a float64 case computes in float64 throughout. This matters only for
NAdam, whose `mu_product` state is a 0-dim tensor created with the default dtype: out of the box
(default dtype float32) torch keeps it in float32 even for float64 parameters. One extra case,
marked "default_dtype": "float32", records that out-of-the-box behaviour (see the README).

Usage:  /usr/bin/python3 tools/reference/pytorch_reference.py [OUT.json]
        (default OUT: tests/Descent.Tests/Reference/pytorch_trajectories.json)
"""

import json
import os
import platform
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "tests", "Descent.Tests", "Reference", "pytorch_trajectories.json")

QUARTIC = {
    "A": [2.0, 1.0, 4.0, 0.5, 6.0],
    "c": [1.0, -2.0, 0.5, 3.0, -1.0],
    "B": [0.25, 0.125, 0.25, 0.0625, 0.125],
}
START = [0.5, -1.5, 2.0, -0.25, 1.25]


def sequence_gradients(steps=24):
    """Gradients with sign changes; component 2 is always 0 and step 6 is all 0."""
    seq = []
    for t in range(steps):
        g = [((t * 3 + i * 5) % 9 - 4) * 0.25 for i in range(5)]
        g[2] = 0.0
        if t == 5:
            g = [0.0] * 5
        seq.append(g)
    return seq


SEQUENCE = sequence_gradients()

INF, NAN = float("inf"), float("nan")
# Special values, one component each: +inf at step 2 and -inf at step 5, NaN at step 3, gradients
# of 1e200 (their squares overflow; always positive, so no huge values cancel: torch's CPU
# `add_(x, alpha=a)` is one fused multiply-add, and an exact cancellation would expose the last
# bit of rounding instead of the propagation of special values), subnormal gradients, and an
# ordinary component that must stay ordinary.
SPECIAL = [
    [0.5, -0.5, 1e200, 5e-324, 1.0],
    [INF, 0.25, 2e200, -1e-310, -0.5],
    [-0.5, NAN, 1e200, 1e-310, 0.25],
    [0.25, -0.25, 0.0, 0.0, -1.0],
    [-INF, 0.5, 3e200, 5e-324, 0.5],
    [0.5, 0.5, 1.0, -5e-324, -0.25],
]

TORCH_CLASSES = {
    "sgd": torch.optim.SGD, "momentum": torch.optim.SGD, "nesterov": torch.optim.SGD,
    "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop, "adadelta": torch.optim.Adadelta,
    "adam": torch.optim.Adam, "adamw": torch.optim.AdamW, "adamax": torch.optim.Adamax,
    "nadam": torch.optim.NAdam, "radam": torch.optim.RAdam,
}

# Descent spec key -> torch constructor argument, per rule (beta1/beta2 become betas).
KEY_MAP = {"rho": "rho", "alpha": "alpha", "initial_accumulator": "initial_accumulator_value"}


def torch_args(rule, keys):
    """torch constructor arguments for Descent `rule` with spec keys `keys` (Descent defaults filled in)."""
    args = {}
    if rule in ("sgd", "momentum", "nesterov"):
        args["lr"] = 1e-3  # Descent's default; torch.optim.SGD has none
        if rule in ("momentum", "nesterov"):
            args["momentum"] = 0.9
        if rule == "nesterov":
            args["nesterov"] = True
    betas = None
    for k, v in keys.items():
        if k in ("beta1", "beta2"):
            betas = betas or list(TORCH_CLASSES[rule]([torch.zeros(1)]).defaults["betas"])
            betas[0 if k == "beta1" else 1] = v
        elif k == "rho" and rule == "rmsprop":
            args["alpha"] = v
        else:
            args[KEY_MAP.get(k, k)] = v
    if betas is not None:
        args["betas"] = tuple(betas)
    return args


def fmt(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)


def spec_text(rule, keys, alias=None):
    if not keys:
        return rule
    parts = []
    for k, v in keys.items():
        parts.append(f"{alias if (alias and k == 'rho') else k}={fmt(v)}")
    return f"{rule}({', '.join(parts)})"


def run(rule, keys, dtype, objective, steps, default_dtype=None):
    torch.set_default_dtype(default_dtype or dtype)
    p = torch.tensor(START, dtype=dtype)
    args = torch_args(rule, keys)
    opt = TORCH_CLASSES[rule]([p], foreach=False, **args)
    A = torch.tensor(QUARTIC["A"], dtype=dtype)
    c = torch.tensor(QUARTIC["c"], dtype=dtype)
    B = torch.tensor(QUARTIC["B"], dtype=dtype)
    out = []
    with torch.no_grad():
        for t in range(steps):
            if objective == "quartic":
                g = A * (p - c) + B * p * p * p
            else:
                g = torch.tensor((SEQUENCE if objective == "sequence" else SPECIAL)[t], dtype=dtype)
            p.grad = g.clone()
            opt.step()
            out.append([float(x) for x in p.tolist()])
    return args, out


CASES = []  # (rule, keys, objective, steps, dtype, alias, default_dtype)


def case(rule, objective="quartic", steps=40, dtype="float64", alias=None, default_dtype=None, **keys):
    CASES.append((rule, keys, objective, steps, dtype, alias, default_dtype or dtype))


# sgd, momentum, nesterov: lr, momentum, dampening, weight_decay, nesterov
case("sgd", momentum=0.9)  # default lr 1e-3
case("sgd", lr=0.05)
case("sgd", lr=0.05, weight_decay=0.1)
case("sgd", lr=0.02, momentum=0.9)
case("sgd", lr=0.02, momentum=0.9, dampening=0.5)
case("sgd", lr=0.02, momentum=0.9, dampening=1.0)
case("sgd", lr=0.02, momentum=0.8, dampening=0.3, weight_decay=0.05)
case("sgd", lr=0.02, momentum=0.9, nesterov=True)
case("sgd", lr=0.02, momentum=0.6, weight_decay=0.1, nesterov=True)
case("sgd", "sequence", 24, lr=0.1, momentum=0.9, dampening=0.1)
case("sgd", "sequence", 24, lr=0.1, momentum=0.5, weight_decay=0.2, nesterov=True)
case("momentum", lr=0.02)
case("momentum", lr=0.02, momentum=0.5, dampening=0.25, weight_decay=0.01)
case("nesterov", lr=0.02)
case("nesterov", lr=0.02, momentum=0.7, weight_decay=0.02)
case("nesterov", "sequence", 24, lr=0.1, momentum=0.95)

# adagrad: lr, lr_decay, weight_decay, initial_accumulator, eps
case("adagrad")
case("adagrad", lr=0.1)
case("adagrad", lr=0.1, lr_decay=0.05)
case("adagrad", lr=0.1, weight_decay=0.1)
case("adagrad", lr=0.1, initial_accumulator=0.5)
case("adagrad", lr=0.1, eps=0.01)
case("adagrad", lr=0.2, lr_decay=0.01, weight_decay=0.05, initial_accumulator=0.1, eps=1e-6)
case("adagrad", "sequence", 24, lr=0.5)
case("adagrad", "sequence", 24, lr=0.5, lr_decay=0.1, weight_decay=0.3, initial_accumulator=0.25)

# rmsprop: lr, rho (alias alpha), eps, weight_decay, momentum, centered
case("rmsprop")
case("rmsprop", lr=0.01, rho=0.9)
case("rmsprop", lr=0.01, rho=0.95, alias="alpha")
case("rmsprop", lr=0.01, eps=1e-4)
case("rmsprop", lr=0.01, weight_decay=0.1)
case("rmsprop", lr=0.005, momentum=0.5)
case("rmsprop", lr=0.01, centered=True)
case("rmsprop", lr=0.005, rho=0.9, momentum=0.5, centered=True)
case("rmsprop", lr=0.005, rho=0.9, momentum=0.9, centered=True, weight_decay=0.05, eps=1e-6)
case("rmsprop", lr=0.005, momentum=0.9, weight_decay=0.05)
case("rmsprop", "sequence", 24, lr=0.01, momentum=0.3, centered=True)
case("rmsprop", "sequence", 24, lr=0.01, rho=0.5, weight_decay=0.1)

# adadelta: lr, rho, eps, weight_decay
case("adadelta")
case("adadelta", lr=0.5, rho=0.95)
case("adadelta", eps=1e-3)
case("adadelta", lr=2.0, weight_decay=0.1)
case("adadelta", lr=1.5, rho=0.8, eps=1e-4, weight_decay=0.01)
case("adadelta", "sequence", 24, lr=1.0)
case("adadelta", "sequence", 24, lr=3.0, rho=0.5, eps=1e-2, weight_decay=0.2)

# adam: lr, beta1, beta2, eps, weight_decay, amsgrad
case("adam")
case("adam", lr=0.01)
case("adam", lr=0.05, beta1=0.8, beta2=0.99)
case("adam", lr=0.05, beta1=0.0)
case("adam", lr=0.05, eps=1e-3)
case("adam", lr=0.05, weight_decay=0.1)
case("adam", lr=0.05, amsgrad=True)
case("adam", lr=0.05, beta1=0.5, beta2=0.9, eps=1e-6, weight_decay=0.05, amsgrad=True)
case("adam", "sequence", 24, lr=0.1, amsgrad=True)
case("adam", "sequence", 24, lr=0.1, beta2=0.5, weight_decay=0.3)

# adamw: as adam, decoupled weight_decay (default 1e-2)
case("adamw")
case("adamw", lr=0.01)
case("adamw", lr=0.05, weight_decay=0.2)
case("adamw", lr=0.05, weight_decay=0.1, amsgrad=True)
case("adamw", lr=0.05, beta1=0.8, beta2=0.95, eps=1e-5, weight_decay=0.0)
case("adamw", "sequence", 24, lr=0.1, weight_decay=0.5, amsgrad=True)

# adamax: lr, beta1, beta2, eps, weight_decay
case("adamax")
case("adamax", lr=0.05)
case("adamax", lr=0.05, beta1=0.8, beta2=0.99)
case("adamax", lr=0.05, eps=1e-3)
case("adamax", lr=0.05, weight_decay=0.1)
case("adamax", "sequence", 24, lr=0.1)
case("adamax", "sequence", 24, lr=0.1, beta2=0.5, eps=0.1, weight_decay=0.2)

# nadam: lr, beta1, beta2, eps, weight_decay, momentum_decay
case("nadam")
case("nadam", lr=0.02)
case("nadam", lr=0.02, momentum_decay=0.01)
case("nadam", lr=0.02, beta1=0.8, beta2=0.99, eps=1e-6)
case("nadam", lr=0.02, weight_decay=0.1)
case("nadam", "sequence", 24, lr=0.05)
case("nadam", "sequence", 24, lr=0.05, momentum_decay=0.1, weight_decay=0.2)
# torch out of the box: float64 parameters, default dtype float32, so mu_product is float32
case("nadam", lr=0.02, default_dtype="float32")

# radam: lr, beta1, beta2, eps, weight_decay; long enough to cross rho_t > 5 (t >= 6 at beta2 0.999)
case("radam", steps=60)
case("radam", steps=60, lr=0.02)
case("radam", steps=60, lr=0.02, beta1=0.8, beta2=0.99)
case("radam", steps=60, lr=0.02, beta2=0.9)
case("radam", steps=60, lr=0.02, eps=1e-4)
case("radam", steps=60, lr=0.02, weight_decay=0.1)
case("radam", "sequence", 24, lr=0.05)
case("radam", "sequence", 24, lr=0.05, beta2=0.8, weight_decay=0.2)

# special values (inf, NaN, overflowing squares, subnormals) must propagate as in torch
for rule, keys in [
    ("sgd", dict(lr=0.1)),
    ("sgd", dict(lr=0.1, momentum=0.9, weight_decay=0.1)),
    ("nesterov", dict(lr=0.1)),
    ("adagrad", dict(lr=0.1, weight_decay=0.1)),
    ("rmsprop", dict(lr=0.01, momentum=0.5, centered=True)),
    ("adadelta", dict(weight_decay=0.1)),
    ("adam", dict(lr=0.1)),
    ("adam", dict(lr=0.1, amsgrad=True, weight_decay=0.1)),
    ("adamw", dict(lr=0.1, amsgrad=True)),
    ("adamax", dict(lr=0.1)),
    ("nadam", dict(lr=0.1)),
    ("radam", dict(lr=0.1)),
]:
    case(rule, "special", len(SPECIAL), **keys)

# float32: one or two settings per rule, values recorded in float32
for rule, keys in [
    ("sgd", dict(lr=0.02, momentum=0.9, dampening=0.5, weight_decay=0.05)),
    ("sgd", dict(lr=0.02, momentum=0.9, nesterov=True)),
    ("adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.05, initial_accumulator=0.1)),
    ("rmsprop", dict(lr=0.005, rho=0.9, momentum=0.5, centered=True, weight_decay=0.05)),
    ("adadelta", dict(lr=1.5, rho=0.8, weight_decay=0.01)),
    ("adam", dict(lr=0.05, weight_decay=0.05, amsgrad=True)),
    ("adamw", dict(lr=0.05, weight_decay=0.1)),
    ("adamax", dict(lr=0.05, weight_decay=0.1)),
    ("nadam", dict(lr=0.02, weight_decay=0.1)),
    ("radam", dict(lr=0.02, weight_decay=0.1)),
]:
    case(rule, steps=40, dtype="float32", **keys)


def encode_special(x):
    if isinstance(x, float) and (x != x or x in (INF, -INF)):
        return "NaN" if x != x else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, list):
        return [encode_special(v) for v in x]
    if isinstance(x, dict):
        return {k: encode_special(v) for k, v in x.items()}
    return x


# Parameter groups: two 5-element tensors, each in its own group with its own options; Descent runs
# them as two slices of one 10-element buffer.
START2 = [-1.0, 0.75, -0.5, 2.5, 0.125]
GROUPED = [
    ("sgd", "sgd", ["sgd(lr=0.02, momentum=0.9, dampening=0.3)", "sgd(lr=0.05, weight_decay=0.1)"]),
    ("momentum", "sgd", ["momentum(lr=0.02, momentum=0.8)", "nesterov(lr=0.01, weight_decay=0.05)"]),
    ("adam", "adam", ["adam(lr=0.05, amsgrad=true)", "adam(lr=0.01, beta1=0.8, beta2=0.99, weight_decay=0.1)"]),
]


def parse_spec(text):
    name, _, rest = text.partition("(")
    keys = {}
    for part in filter(None, (x.strip() for x in rest.rstrip(")").split(","))):
        k, v = (x.strip() for x in part.split("="))
        keys[k] = True if v == "true" else False if v == "false" else float(v)
    return name, keys


def run_grouped(torch_rule, specs, steps):
    torch.set_default_dtype(torch.float64)
    params = [torch.tensor(START, dtype=torch.float64), torch.tensor(START2, dtype=torch.float64)]
    groups = []
    for p, spec in zip(params, specs):
        name, keys = parse_spec(spec)
        groups.append(dict(params=[p], **torch_args(name, keys)))
    opt = TORCH_CLASSES[torch_rule](groups, foreach=False, **({"lr": 1e-3} if torch_rule == "sgd" else {}))
    A = torch.tensor(QUARTIC["A"], dtype=torch.float64)
    c = torch.tensor(QUARTIC["c"], dtype=torch.float64)
    B = torch.tensor(QUARTIC["B"], dtype=torch.float64)
    out = []
    with torch.no_grad():
        for _ in range(steps):
            for p in params:
                p.grad = A * (p - c) + B * p * p * p
            opt.step()
            out.append([float(x) for p in params for x in p.tolist()])
    return groups, out


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    cases = []
    counters = {}
    dtypes = {"float64": torch.float64, "float32": torch.float32}
    for rule, keys, objective, steps, dtype, alias, default_dtype in CASES:
        counters[rule] = counters.get(rule, 0) + 1
        args, traj = run(rule, keys, dtypes[dtype], objective, steps, dtypes[default_dtype])
        cls = TORCH_CLASSES[rule].__name__
        targs = ", ".join(f"{k}={v!r}" for k, v in args.items())
        cases.append({
            "id": f"{rule}-{counters[rule]:02d}" + ("-f32" if dtype == "float32" else "")
                  + ("-torch-default-dtype" if default_dtype != dtype else ""),
            "rule": rule,
            "spec": spec_text(rule, keys, alias),
            "torch": f"torch.optim.{cls}({targs}{', ' if targs else ''}foreach=False)",
            "torch_args": {k: list(v) if isinstance(v, tuple) else v for k, v in args.items()},
            "dtype": dtype,
            "default_dtype": default_dtype,
            "objective": objective,
            "start": START,
            "steps": steps,
            "trajectory": traj,
        })
    doc = {
        "generator": "tools/reference/pytorch_reference.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "note": "parameters after every step (trajectory[k] is after step k+1); float32 cases hold float32 values",
        "grouped": [
            {
                "id": f"grouped-{rule}",
                "rule": rule,
                "groups": [{"offset": 5 * i, "length": 5, "spec": spec} for i, spec in enumerate(specs)],
                "torch": f"torch.optim.{TORCH_CLASSES[torch_rule].__name__}("
                         + repr([{k: v for k, v in g.items() if k != "params"} for g in run_grouped(torch_rule, specs, 1)[0]])
                         + ", foreach=False)",
                "start": START + START2,
                "steps": 40,
                "trajectory": run_grouped(torch_rule, specs, 40)[1],
            }
            for rule, torch_rule, specs in GROUPED
        ],
        "objectives": {"quartic": QUARTIC, "sequence": {"gradients": SEQUENCE}, "special": {"gradients": SPECIAL}},
        "cases": cases,
    }
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    # One case per line, so a regenerated file diffs case by case. JSON has no NaN or infinity:
    # those are written as the strings "NaN", "Infinity", "-Infinity".
    doc = encode_special(doc)
    cases = doc["cases"]
    compact = dict(separators=(",", ":"), allow_nan=False)
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, **compact)[:-1]
    with open(out_path, "w") as f:
        f.write(head + ',"cases":[\n')
        f.write(",\n".join(json.dumps(c, **compact) for c in cases))
        f.write("\n]}\n")
    by_rule = {}
    for c in cases:
        by_rule[c["rule"]] = by_rule.get(c["rule"], 0) + 1
    print(f"{len(cases)} cases -> {out_path}: {by_rule}", file=sys.stderr)


if __name__ == "__main__":
    main()
