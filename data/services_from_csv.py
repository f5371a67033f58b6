#!/usr/bin/env python3
"""Writes data/services.toml, the public directory of local restorative justice
services, from the researched table rj_services.csv (../shared/data, see its
RJ-SERVICES.md).

Facts are copied, never made up: names, web addresses, commissioners, dates and
sources come from the CSV as written (http:// addresses stay http://). The only
hand-written parts below are
  - which phone numbers and emails from the CSV's `self_referral_route` column are
    shown (only ones seen verbatim on a service's or official page, and not marked
    historic), with a short note where the CSV says to confirm them;
  - eligibility notes, copied from the CSV's `notes` column, with their Welsh;
and each of those cites the CSV text it comes from.

    python3 data/services_from_csv.py [path/to/rj_services.csv]   # rewrites services.toml
    python3 data/services_from_csv.py --check [csv]                 # fails if it is stale
"""

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parent.parent / "shared" / "data" / "rj_services.csv"
OUT = HERE / "services.toml"

# Public contacts taken from the CSV's self_referral_route column, verbatim.
# Left out on purpose (see the closing note of issue 10): Cambridgeshire's number
# ("Historic: ... confirm before use"), the North Yorkshire general victim service
# line (not the RJ service), and every address the CSV itself left out.
CONTACTS = {
    "cumbria": {"phone": "07539 030692",
                "phone_note": "For an informal chat.",
                "phone_note_cy": "Am sgwrs anffurfiol."},
    "lancashire": {"phone": "01772 412545"},
    "merseyside": {"phone": "07377 800254",
                   "phone_note": "Or 07572 540054. These are the service's referral lines.",
                   "phone_note_cy": "Neu 07572 540054. Dyma linellau atgyfeirio'r gwasanaeth."},
    "north-yorkshire": {"phone": "01423 546175",
                        "email": "RJNorthYorkshire@restorativesolutions.org.uk"},
    "west-yorkshire": {"phone": "0800 783 1550",
                       "phone_note": "This number was published in 2018. It may have changed.",
                       "phone_note_cy": "Cafodd y rhif hwn ei gyhoeddi yn 2018. Efallai ei fod wedi newid."},
    "humberside": {"phone": "01482 347743"},
    "cleveland": {"phone": "03302 234312"},
    "west-mercia": {"phone": "0800 952 3000",
                    "phone_note": "This is the West Mercia Victim Advice Line. Ask your care coordinator about restorative justice.",
                    "phone_note_cy": "Dyma Linell Gyngor i Ddioddefwyr West Mercia. Gofynnwch i'ch cydlynydd gofal am gyfiawnder adferol."},
    "leicestershire": {"phone": "0800 953 95 95",
                       "phone_note": "This number may be from before the service was relaunched in 2024.",
                       "phone_note_cy": "Efallai fod y rhif hwn yn dod o'r cyfnod cyn i'r gwasanaeth ail-lansio yn 2024."},
    "norfolk": {"phone": "0300 303 0165",
                "phone_note": "This is Victim Support's number.",
                "phone_note_cy": "Dyma rif Cymorth i Ddioddefwyr."},
    "suffolk": {"phone": "0300 303 0165",
                "phone_note": "This is Victim Support's number.",
                "phone_note_cy": "Dyma rif Cymorth i Ddioddefwyr."},
    "essex": {"phone": "01245 291 621",
              "phone_note": "Office hours.",
              "phone_note_cy": "Oriau swyddfa.",
              "email": "restorativejustice@essex.police.uk"},
    "hampshire": {"phone": "0800 043 8785",
                  "phone_note": "Free to call.",
                  "phone_note_cy": "Am ddim."},
    "kent": {"phone": "0800 783 1583",
             "phone_note": "Free to call.",
             "phone_note_cy": "Am ddim."},
}

# Who a service takes, from the CSV's notes column (quoted in the comment).
ELIGIBILITY = {
    # "For residents of Kent and Medway; domestic abuse and sexual offence cases are
    # taken only from victims."
    "kent": ("For people who live in Kent and Medway. Domestic abuse and sexual offence cases are taken only from victims.",
             "Ar gyfer pobl sy'n byw yng Nghaint a Medway. Dim ond gan ddioddefwyr y derbynnir achosion cam-drin domestig a throseddau rhywiol."),
    # "The police page excludes domestic violence and sexual abuse."
    "north-wales": ("North Wales Police's page says it does not take cases of domestic violence or sexual abuse.",
                    "Mae tudalen Heddlu Gogledd Cymru yn dweud nad yw'n derbyn achosion o drais domestig na cham-drin rhywiol."),
    # "Restricted to people living in Staffordshire."
    "staffordshire": ("Only for people who live in Staffordshire.",
                      "Dim ond ar gyfer pobl sy'n byw yn Swydd Stafford."),
    # "Cases involving domestic abuse, sexual offences or youth offenders may be
    # referred elsewhere. For cases that went to court, RJ starts only after sentencing."
    "essex": ("Cases of domestic abuse, sexual offences or young offenders may be passed to another service. If the case went to court, restorative justice starts only after sentencing.",
              "Efallai y caiff achosion o gam-drin domestig, troseddau rhywiol neu droseddwyr ifanc eu trosglwyddo i wasanaeth arall. Os aeth yr achos i'r llys, dim ond ar ôl y ddedfryd y bydd cyfiawnder adferol yn dechrau."),
    # "Eligible if the victim or offender lives in Hampshire or the Isle of Wight, or
    # the offence happened there. ... Youth Offending Teams handle offenders under 18."
    "hampshire": ("You can use it if the victim or the offender lives in Hampshire or the Isle of Wight, or the offence happened there. Youth Offending Teams deal with offenders under 18.",
                  "Gallwch ei ddefnyddio os yw'r dioddefwr neu'r troseddwr yn byw yn Hampshire neu ar Ynys Wyth, neu os digwyddodd y drosedd yno. Timau Troseddau Ieuenctid sy'n delio â throseddwyr dan 18 oed."),
}


def split_name(full):
    """The service's name and what the CSV says about it: the name ends at the first
    " (" or " - ". The rest loses a leading "- " or one pair of outer brackets.
    tests/directory.rs splits the same way to find both parts on the page."""
    cuts = [i for i in (full.find(" ("), full.find(" - ")) if i > 0]
    if not cuts:
        return full, ""
    cut = min(cuts)
    name, about = full[:cut], full[cut + 1:]
    if about.startswith("- "):
        about = about[2:]
    elif about.startswith("(") and about.endswith(")") and about.count("(") == 1:
        about = about[1:-1]
    return name, about


def q(s):
    """A TOML basic string (JSON's escaping is valid TOML for these texts)."""
    return json.dumps(s, ensure_ascii=False)


def sources(text):
    """The `;`-separated sources, each `URL (date or note)`."""
    out = []
    for part in text.split("; http"):
        part = part.strip()
        if not part:
            continue
        if not part.startswith("http"):
            part = "http" + part
        out.append(part)
    return out


def render(rows):
    lines = [
        "# The local restorative justice service of each police area: PUBLIC facts only.",
        "# Generated by data/services_from_csv.py from the researched table",
        "# ../shared/data/rj_services.csv (see its RJ-SERVICES.md): edit the CSV or the",
        "# script, not this file. Where requests are sent is NOT here: that is a",
        "# deployment setting (RJ_ROUTING, RJ_TRIAGE_EMAIL; see README).",
        "#",
        "# [[area]]",
        "# area = \"kent\"                     # police area slug (data/areas.toml)",
        "# commissioner = \"…\"                # who commissions the service (PCC, mayor, …)",
        "# commissioner_url = \"https://…\"    # its site",
        "# facts_from = \"2017-10\"            # newest dated source (YYYY or YYYY-MM); optional",
        "# checked_on = 2026-11-29           # optional: when the operator last confirmed the",
        "#                                   # facts with the service (never set by the script)",
        "# confidence = \"high\"               # high, medium or low (see RJ-SERVICES.md)",
        "# sources = [\"https://… (date)\"]",
        "# [[area.service]]                  # none, one, or a second with audience = \"youth\"",
        "# name = \"…\"                        # English name; name_cy = \"…\" only where known",
        "# about = \"…\"                       # what the sources say about who runs it",
        "# website = \"https://…\"             # http:// only where only that was seen",
        "# phone = \"…\"                       # only where seen verbatim; phone_note(_cy)",
        "# email = \"…\"                       # public address, only where seen verbatim",
        "# eligibility = \"…\"                 # who it takes; eligibility_cy in Welsh",
        "# audience = \"youth\"                # optional: takes cases where the person",
        "#                                   # responsible was under 18",
    ]
    for r in rows:
        slug = r["area_slug"]
        lines += ["", "[[area]]", f"area = {q(slug)}"]
        lines.append(f"commissioner = {q(r['pcc_name'])}")
        lines.append(f"commissioner_url = {q(r['pcc_url'])}")
        if r["newest_source"]:
            lines.append(f"facts_from = {q(r['newest_source'])}")
        lines.append(f"confidence = {q(r['confidence'])}")
        lines.append("sources = [")
        lines += [f"    {q(s)}," for s in sources(r["sources"])]
        lines.append("]")
        if not r["service_name"]:
            continue
        name, about = split_name(r["service_name"])
        lines += ["", "[[area.service]]", f"name = {q(name)}"]
        if about:
            lines.append(f"about = {q(about)}")
        if r["service_url"]:
            lines.append(f"website = {q(r['service_url'])}")
        for key, value in CONTACTS.get(slug, {}).items():
            lines.append(f"{key} = {q(value)}")
        if slug in ELIGIBILITY:
            en, cy = ELIGIBILITY[slug]
            lines.append(f"eligibility = {q(en)}")
            lines.append(f"eligibility_cy = {q(cy)}")
    return "\n".join(lines) + "\n"


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    path = Path(args[0]) if args else DEFAULT_CSV
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for slug, contact in CONTACTS.items():
        route = next(r["self_referral_route"] for r in rows if r["area_slug"] == slug)
        for key in ("phone", "email"):
            if key in contact and contact[key] not in route:
                sys.exit(f"{slug}: {contact[key]} is not in the CSV's self_referral_route")
    text = render(rows)
    if check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("data/services.toml is stale: run python3 data/services_from_csv.py")
        print("data/services.toml matches the CSV")
    else:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT} ({len(rows)} areas)")


if __name__ == "__main__":
    main(sys.argv[1:])
