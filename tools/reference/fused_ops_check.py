#!/usr/bin/python3
"""Which torch.optim building blocks round once (fused multiply-add) on this CPU.

torch.optim's single-tensor paths are chains of in-place tensor ops. On x86 builds with AVX2 or
AVX-512 kernels, some of them compute `a + b*c` with one rounding (FMA) instead of two. Descent
rounds every product and sum separately, so the two agree to the last bit or so, except where a
subtraction cancels (centered RMSprop's v - g_avg^2) or a product overflows. This script probes
each op on random float32 data against both exact emulations (a float32 FMA is exact in float64:
the product of two float32 values fits in 53 bits) and prints which one torch matches.

Usage:  /usr/bin/python3 tools/reference/fused_ops_check.py
"""

import numpy as np
import torch

rng = np.random.default_rng(7)
N = 1 << 16
a, b, c = (rng.standard_normal(N).astype(np.float32) for _ in range(3))
s = np.float32(0.1)
A, B, C = (torch.from_numpy(x.copy()) for x in (a, b, c))


def f32(x):
    return np.asarray(x, dtype=np.float64).astype(np.float32)


def fused(x, y, z):  # x*y + z with one rounding
    return f32(x.astype(np.float64) * y.astype(np.float64) + z.astype(np.float64))


def report(name, got, fused_value, unfused_value):
    got = got.numpy()
    print(f"{name:45s} matches fused: {np.mean(got == fused_value):6.1%}   unfused: {np.mean(got == unfused_value):6.1%}")


report("a.add(b, alpha=s)            = a + s*b", A.add(B, alpha=float(s)), fused(b, np.full(N, s), a), a + s * b)
report("a.addcmul(b, c, value=s)     = a + (s*b)*c", A.addcmul(B, C, value=float(s)), fused(s * b, c, a), a + (s * b) * c)
report("a.addcmul(b, b, value=-1)    = a - b*b", A.addcmul(B, B, value=-1.0), fused(-b, b, a), a - b * b)
report("a.addcdiv(b, c, value=s)     = a + s*b/c", A.addcdiv(B, C, value=float(s)), fused(s * b / c, np.ones(N, np.float32), a), a + s * b / c)
print("(addcdiv ends in a division, so there is no product to fuse: both columns are the same expression)")
report("a.mul(s).add(b, alpha=1-s)   = s*a + (1-s)*b", A.mul(float(s)).add(B, alpha=float(1 - s)),
       fused(b, np.full(N, np.float32(1 - s)), s * a), s * a + np.float32(1 - s) * b)


def centered_rmsprop_f32(fuse, steps=40):
    """rmsprop-14-f32 (lr 0.005, alpha 0.9, momentum 0.5, centered, weight_decay 0.05), op by op as torch."""
    from pytorch_reference import QUARTIC, START
    A, C, B = (np.array(QUARTIC[k], np.float32) for k in ("A", "c", "B"))
    p = np.array(START, np.float32)
    v, ga, buf = (np.zeros(5, np.float32) for _ in range(3))
    lr, al, mu, wd, eps = (np.float32(x) for x in (0.005, 0.9, 0.5, 0.05, 1e-8))
    one_minus = np.float32(1 - 0.9)
    fma = fused if fuse else (lambda x, y, z: x * y + z)
    out = []
    for _ in range(steps):
        g = A * (p - C) + B * p * p * p
        g = fma(p, np.full(5, wd), g)                   # grad.add(param, alpha=wd)
        v = fma(one_minus * g, g, v * al)               # square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha)
        ga = fma(g, np.full(5, one_minus), ga * al)     # grad_avg.mul_(alpha).add_(g, alpha=1-alpha)
        avg = np.sqrt(fma(-ga, ga, v)) + eps            # square_avg.addcmul(ga, ga, value=-1).sqrt_().add_(eps)
        buf = buf * mu + np.float32(1) * g / avg        # buf.mul_(momentum).addcdiv_(g, avg)
        p = fma(buf, np.full(5, -lr), p)                # param.add_(buf, alpha=-lr)
        out.append(p.copy())
    return out


if __name__ == "__main__":
    import json
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    with open(os.path.join(here, "..", "..", "tests", "Descent.Tests", "Reference", "pytorch_trajectories.json")) as f:
        case = next(c for c in json.load(f)["cases"] if c["id"] == "rmsprop-14-f32")
    for fuse in (True, False):
        run = centered_rmsprop_f32(fuse)
        same = sum(float(run[t][i]) == case["trajectory"][t][i] for t in range(40) for i in range(5))
        worst = max(abs(float(run[t][i]) - case["trajectory"][t][i]) for t in range(40) for i in range(5))
        print(f"centered RMSprop float32, {'fused' if fuse else 'unfused'} emulation: {same}/200 values equal to torch's, worst |diff| {worst:.3g}")
