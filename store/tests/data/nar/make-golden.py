#!/usr/bin/env python3
"""Regenerates the golden files of store/tests/nar.rs from the reference Nix.

Builds every tree of trees.txt under a scratch directory, then records
`refnix nix-store --dump` as NAME.nar (or, for trees over 64 KiB of NAR, the sha256
and size of the dump as NAME.nar.sha256) and `refnix nix-hash --type sha256` as
NAME.nix-hash. Run from anywhere: python3 make-golden.py [REFNIX]
"""
import hashlib, os, subprocess, sys, tempfile, urllib.parse

here = os.path.dirname(os.path.abspath(__file__))
refnix = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../shared/tools/refnix")


def dec(s):
    return b"" if s == '""' else urllib.parse.unquote_to_bytes(s)


def trees():
    name, items = None, []
    for line in open(os.path.join(here, "trees.txt")):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "tree":
            if name:
                yield name, items
            name, items = words[1], []
        else:
            items.append(words)
    if name:
        yield name, items


def build(root, items):
    for w in items:
        if w[0] == "dir":
            os.mkdir(os.path.join(root, dec(w[1])) if w[1] != "." else root)
        elif w[0] in ("file", "big"):
            path = root if w[2] == "." else os.path.join(root, dec(w[2]))
            data = dec(w[3]) if w[0] == "file" else bytes(k % 251 for k in range(int(w[3])))
            with open(path, "wb") as f:
                f.write(data)
            os.chmod(path, int(w[1], 8))
        elif w[0] == "link":
            path = root if w[1] == "." else os.path.join(root, dec(w[1]))
            os.symlink(dec(w[2]), path)


with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
    for name, items in trees():
        root = os.path.join(scratch, name).encode()
        build(root, items)
        nar = subprocess.run([refnix, "nix-store", "--dump", root], check=True, capture_output=True).stdout
        if len(nar) > 65536:
            digest = hashlib.sha256(nar).hexdigest()
            open(os.path.join(here, name + ".nar.sha256"), "w").write(f"{digest} {len(nar)}\n")
        else:
            open(os.path.join(here, name + ".nar"), "wb").write(nar)
        out = subprocess.run([refnix, "nix-hash", "--type", "sha256", root], check=True, capture_output=True)
        open(os.path.join(here, name + ".nix-hash"), "wb").write(out.stdout)
        print(name, len(nar))
