#!/usr/bin/env python3
"""Writes the Fashion-MNIST subset shipped inside neurite-core (EmbeddedFashionMNIST).

Source: Debian's dataset-fashion-mnist package (/usr/share/datasets/fashion-mnist), itself
https://github.com/zalandoresearch/fashion-mnist (MIT license, Copyright 2017 Zalando SE).
Takes, in file order, the first 180 images of each class from the training set (1800 images)
and the first 40 of each class from the test set (400 images), and writes them as gzip IDX
files with a fixed header (mtime 0, no file name) so the output is byte-for-byte reproducible.

Usage: scripts/make-embedded-fashion-mnist.py [source_dir] [output_dir]
"""
import gzip
import hashlib
import struct
import sys
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else
           "neurite-core/src/main/resources/io/neurite/data/datasets/fashion-mnist-small")
PER_CLASS = {"train": 180, "t10k": 40}


def read_idx(path, magic):
    data = gzip.open(path).read()
    got, = struct.unpack(">I", data[:4])
    assert got == magic, f"{path}: magic {got:#x}, expected {magic:#x}"
    ndims = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndims, data[4:4 + 4 * ndims])
    return dims, data[4 + 4 * ndims:]


def write_idx(path, magic, dims, payload):
    raw = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims) + payload
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
            gz.write(raw)
    print(path, len(raw), "bytes raw,", path.stat().st_size, "gzip, sha256",
          hashlib.sha256(path.read_bytes()).hexdigest())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for split, per_class in PER_CLASS.items():
        (n, h, w), pixels = read_idx(SRC / f"{split}-images-idx3-ubyte.gz", 0x803)
        (m,), labels = read_idx(SRC / f"{split}-labels-idx1-ubyte.gz", 0x801)
        assert n == m
        taken, counts = [], [0] * 10
        for i, label in enumerate(labels):
            if counts[label] < per_class:
                counts[label] += 1
                taken.append(i)
        assert counts == [per_class] * 10, counts
        size = h * w
        write_idx(OUT / f"{split}-images-idx3-ubyte.gz", 0x803, (len(taken), h, w),
                  b"".join(pixels[i * size:(i + 1) * size] for i in taken))
        write_idx(OUT / f"{split}-labels-idx1-ubyte.gz", 0x801, (len(taken),),
                  bytes(labels[i] for i in taken))


if __name__ == "__main__":
    main()
