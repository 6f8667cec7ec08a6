#!/usr/bin/env python3
"""Regenerates data/gazetteer/historical.tsv: names of counties and prefectures that
GB/T 2260 revisions 2002-2016 used and the current gazetteer no longer has (安西县, now
瓜州县; 襄樊市, now 襄阳市), each with the code of the place that holds its area today.

Usage: scripts/gazetteer-historical.py [--crate DIR]

The revisions come from the MIT-licensed `gb2260` crate (0.1.2, src/data.rs). Without
--crate it is fetched into cargo's registry cache with `cargo info gb2260` and unpacked
into a temporary directory. A renamed place keeps its code; for a code that no longer
exists the name maps to the one current place of its prefecture with the same stem
(香格里拉县 → 香格里拉市), and is left out when there is none.
Output is sorted, so two runs give identical bytes.
"""

import argparse
import glob
import os
import pathlib
import re
import subprocess
import tarfile
import tempfile

VERSION = "0.1.2"
ROOT = pathlib.Path(__file__).resolve().parent.parent


def crate_dir(given):
    if given:
        return pathlib.Path(given)
    subprocess.run(["cargo", "info", f"gb2260@{VERSION}"], check=True, capture_output=True)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    archive = glob.glob(f"{home}/registry/cache/*/gb2260-{VERSION}.crate")[0]
    out = pathlib.Path(tempfile.mkdtemp())
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="data")
    return out / f"gb2260-{VERSION}"


def stem(name):
    return re.sub(r"(市|县|区|旗|州|盟|地区)$", "", name)


def successor(code, name, current):
    """The current place in the same prefecture with the same stem (香格里拉县 → 香格里拉市)."""
    found = [c for c, n in current.items() if c[:4] == code[:4] and c != code[:4] + "00" and stem(n) == stem(name)]
    return found[0] if len(found) == 1 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crate")
    parser.add_argument("--out", default=str(ROOT / "data/gazetteer/historical.tsv"))
    args = parser.parse_args()
    data = (crate_dir(args.crate) / "src/data.rs").read_text(encoding="utf-8")
    old = set(re.findall(r'\("(\d{6})", "([^"]+)"\)', data))
    current = {}
    with open(ROOT / "data/gazetteer/places.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            code, name, level, _parent = line.rstrip("\n").split("\t")
            if level in ("province", "prefecture", "county"):
                current[code] = name
    names = set(current.values())
    rows = set()
    for code, name in old:
        if name in names or code.endswith("0000") or name in ("市辖区", "县", "省直辖县级行政区划"):
            continue
        if not re.search(r"(市|县|区|旗|州|盟|地区)$", name):
            continue
        target = code if code in current else successor(code, name, current)
        if target:
            rows.add((name, target))
    # A name that several codes used is ambiguous: leave it out.
    counts = {}
    for name, _ in rows:
        counts[name] = counts.get(name, 0) + 1
    lines = sorted(f"{n}\t{c}\n" for n, c in rows if counts[n] == 1)
    pathlib.Path(args.out).write_text("name\tcode\n" + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} historical names -> {args.out}")


if __name__ == "__main__":
    main()
