#!/usr/bin/env python3
"""Locates the minima that Descent's FunctionCatalog documents, independently of Descent.

mpmath at 50 digits: a grid search for points below their 8 neighbours, Newton's method on the
gradient (mpmath.findroot, derivatives by mpmath.diff), and a Hessian check that drops saddles
(Goldstein-Price's grid candidate near (1.2, -0.2) is one). Functions whose minima are known in
closed form (origin of the bowls, Rosenbrock, Beale, Booth, Rastrigin, Ackley) are not searched.

Usage: python3 minima.py NAME LO HI STEP     e.g. python3 minima.py hills-and-canyon -3 3 0.02
Runs used for the catalog: wobbly/hills-and-canyon/two-minimums/basins-and-walls -3 3 0.02,
himmelblau -5 5 0.05, styblinski-tang -5 5 0.05, goldstein-price -2 2 0.01.
"""
import sys
import mpmath as mp

mp.mp.dps = 50
h = mp.mpf


def r2(x, y):
    return x**2 + y**2


F = {
    'wobbly': lambda x, y: r2(x, y)/3 + abs(x)*mp.sqrt(abs(x) + h('0.1')) + 3*mp.sin(x + y) + 3
    + 8*mp.exp(-2*((x + 1)**2 + (y + 2)**2)),
    'basins-and-walls': lambda x, y: r2(x, y)/2 + mp.sin(4*x)**2,
    'hills-and-canyon': lambda x, y: r2(x, y)/3 + 3*mp.exp(-((x + 1)**2 + (y + 2)**2))
    + mp.exp(-h('1.5')*(2*(x + 2)**2 + (y - h('0.5'))**2))
    + 3*mp.exp(-h('1.5')*((x - 1)**2 + 2*(y + h('1.5'))**2))
    + h('1.5')*mp.exp(-((x + h('1.5'))**2 + 3*(y + h('0.5'))**2)) + 4*(1 - mp.exp(-(x + y)**2)),
    'two-minimums': lambda x, y: 4 - h('0.5')*mp.exp(-((x + h('2.5'))**2 + (y + h('2.5'))**2)) - 3*mp.exp(-r2(x, y)),
    'himmelblau': lambda x, y: (x**2 + y - 11)**2 + (x + y**2 - 7)**2,
    'styblinski-tang': lambda x, y: (x**4 - 16*x**2 + 5*x + y**4 - 16*y**2 + 5*y)/2,
    'goldstein-price': lambda x, y: (1 + (x + y + 1)**2*(19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2))
    * (30 + (2*x - 3*y)**2*(18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2)),
}


def main():
    name = sys.argv[1]
    lo, hi, step = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    f = F[name]
    n = int(round((hi - lo)/step)) + 1
    pts = [lo + i*step for i in range(n)]
    z = [[float(f(h(x), h(y))) for x in pts] for y in pts]
    candidates = [(pts[i], pts[j]) for j in range(1, n - 1) for i in range(1, n - 1)
                  if all(z[j][i] <= z[j + b][i + a] for a in (-1, 0, 1) for b in (-1, 0, 1) if (a, b) != (0, 0))]
    found = {}
    for x0, y0 in candidates:
        gx = lambda x, y: mp.diff(lambda t: f(t, y), x)
        gy = lambda x, y: mp.diff(lambda t: f(x, t), y)
        try:
            x, y = mp.findroot([gx, gy], (h(x0), h(y0)))
        except (ValueError, ZeroDivisionError) as ex:
            print('no convergence from', x0, y0, ex, file=sys.stderr)
            continue
        hxx = mp.diff(lambda a: f(a, y), x, 2)
        hyy = mp.diff(lambda b: f(x, b), y, 2)
        hxy = mp.diff(f, (x, y), (1, 1))
        if not (hxx > 0 and hxx*hyy - hxy**2 > 0):
            print('saddle, dropped:', mp.nstr(x, 10), mp.nstr(y, 10), file=sys.stderr)
            continue
        found[(round(float(x), 8), round(float(y), 8))] = (x, y, f(x, y))
    for x, y, v in sorted(found.values(), key=lambda m: m[2]):
        print(mp.nstr(x, 20), mp.nstr(y, 20), mp.nstr(v, 20))


if __name__ == '__main__':
    main()
