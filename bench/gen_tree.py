#!/usr/bin/env python3
"""Generate a deterministic tree of mixed files for the NAR hashing benchmark.

usage: gen_tree.py DIR [TOTAL_MIB]

The tree holds a few large files, many medium and many small ones, executables,
symlinks and empty directories, about TOTAL_MIB (default 1024) MiB in all.
"""
import os
import random
import sys


def main():
    root = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    if os.path.exists(root):
        sys.exit(f"{root} exists; remove it first")
    rng = random.Random(42)
    mib = 1 << 20
    budget = total * mib
    plan = [("big", 4, budget // 8)]           # half the bytes in 4 large files
    plan.append(("medium", 384, budget // 4 // 384))  # a quarter in medium files
    plan.append(("small", 60000, budget // 4 // 60000))  # a quarter in small files
    for kind, count, size in plan:
        for i in range(count):
            d = os.path.join(root, kind, f"d{i % 97:02d}")
            os.makedirs(d, exist_ok=True)
            p = os.path.join(d, f"f{i:05d}")
            with open(p, "wb") as f:
                left = size
                while left:
                    n = min(left, 4 * mib)
                    f.write(rng.randbytes(n))
                    left -= n
            if i % 7 == 0:
                os.chmod(p, 0o755)
            if i % 11 == 0:
                os.symlink(f"f{i:05d}", os.path.join(d, f"l{i:05d}"))
    for i in range(100):
        os.makedirs(os.path.join(root, "empty", f"e{i}"))


if __name__ == "__main__":
    main()
