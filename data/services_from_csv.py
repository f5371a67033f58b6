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
                    "phone_note_cy": "Dyma Linell Gyngor i Ddioddefwyr Gorllewin Mersia. Gofynnwch i'ch cydlynydd gofal am gyfiawnder adferol."},
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
             "Ar gyfer pobl sy'n byw yng Nghaint a Medway. Dim ond gan ddioddefwyr y mae'r gwasanaeth yn derbyn achosion o gam-drin domestig a throseddau rhywiol."),
    # "The police page excludes domestic violence and sexual abuse."
    "north-wales": ("North Wales Police's page says it does not take cases of domestic violence or sexual abuse.",
                    "Mae tudalen Heddlu Gogledd Cymru yn dweud nad yw'n derbyn achosion o drais domestig na cham-drin rhywiol."),
    # "Restricted to people living in Staffordshire."
    "staffordshire": ("Only for people who live in Staffordshire.",
                      "Dim ond ar gyfer pobl sy'n byw yn Swydd Stafford."),
    # "Cases involving domestic abuse, sexual offences or youth offenders may be
    # referred elsewhere. For cases that went to court, RJ starts only after sentencing."
    "essex": ("Cases of domestic abuse, sexual offences or young offenders may be passed to another service. If the case went to court, restorative justice starts only after sentencing.",
              "Efallai y bydd achosion o gam-drin domestig neu droseddau rhywiol, ac achosion lle mae'r troseddwr yn ifanc, yn cael eu trosglwyddo i wasanaeth arall. Os aeth yr achos i'r llys, dim ond ar ôl y ddedfryd y bydd cyfiawnder adferol yn dechrau."),
    # "Eligible if the victim or offender lives in Hampshire or the Isle of Wight, or
    # the offence happened there. ... Youth Offending Teams handle offenders under 18."
    "hampshire": ("You can use it if the victim or the offender lives in Hampshire or the Isle of Wight, or the offence happened there. Youth Offending Teams deal with offenders under 18.",
                  "Gallwch ei ddefnyddio os yw'r dioddefwr neu'r troseddwr yn byw yn Hampshire neu ar Ynys Wyth, neu os digwyddodd y drosedd yno. Timau Troseddau Ieuenctid sy'n delio â throseddwyr dan 18 oed."),
}


# The public face of each CSV service: its own short name where the CSV's split gives
# less (or more), and who runs it, as the CSV's service_name states it (quoted). The
# rest of the CSV's text is kept as `notes`, which the site never shows.
PUBLIC = {
    # "Victim Support - London Victim and Witness Service (MOPAC-commissioned; ...)"
    "metropolitan": {"name": "London Victim and Witness Service", "provider": "Victim Support"},
    "cumbria": {"provider": "Remedi"},  # "provided by Remedi"
    "lancashire": {"provider": "Lancashire Constabulary"},  # "in-house police team"
    "merseyside": {"provider": "Restorative Solutions CIC"},
    "greater-manchester": {"provider": "Remedi"},  # "delivered by Remedi"
    "cheshire": {"provider": "Remedi"},  # "provided by Remedi"
    "durham": {"provider": "Durham Agency Against Crime"},  # "hosted by Durham Agency Against Crime"
    "north-yorkshire": {"provider": "Restorative Solutions CIC"},
    "west-yorkshire": {"provider": "Restorative Solutions CIC"},
    "south-yorkshire": {"provider": "Remedi"},  # "run by Remedi"
    "humberside": {"provider": "Remedi"},  # "Remedi Humberside"
    "cleveland": {"provider": "Safer Communities"},  # "run by Safer Communities"
    "west-midlands": {"provider": "Remedi"},  # "delivered by Remedi"
    "staffordshire": {"provider": "Citizens Advice Stoke and North Staffs"},
    "west-mercia": {"provider": "West Mercia Police"},  # "run by West Mercia Police"
    "warwickshire": {"provider": "Victim Support"},  # "delivered by Victim Support"
    "nottinghamshire": {"provider": "Remedi"},
    "lincolnshire": {"provider": "Restorative Solutions CIC"},
    "cambridgeshire": {"provider": "Cambridgeshire Constabulary"},  # "Constabulary-led"
    "norfolk": {"provider": "Victim Support"},
    "suffolk": {"provider": "Victim Support"},
    "essex": {"provider": "Office of the Essex Police, Fire and Crime Commissioner"},
    "thames-valley": {"provider": "Thames Valley Partnership"},
    "hampshire": {"provider": "Restorative Solutions CIC"},
    "kent": {"provider": "Restorative Solutions with SALUS"},
    "devon-and-cornwall": {"provider": "Shekinah"},  # "Shekinah's restorative justice service"
    "avon-and-somerset": {"provider": "Resolve West"},  # "part of Resolve West"
    # "Restorative Together / Wiltshire Police Restorative Justice team"
    "wiltshire": {"name": "Wiltshire Police Restorative Justice team", "provider": "Wiltshire Police"},
    # "North Wales Police restorative justice (in-house; ...)". No Welsh name for the
    # service is published: the force's Welsh page keeps the English heading
    # (rj-services-four-areas-2026-12.md, section 5), so the name stays English. Its
    # Welsh page and the force's Welsh name are published.
    "north-wales": {"provider": "North Wales Police", "provider_cy": "Heddlu Gogledd Cymru",
                    "about": "North Wales Police's own restorative justice team.",
                    "about_cy": "Tîm cyfiawnder adferol Heddlu Gogledd Cymru ei hun.",
                    "website_cy": "https://www.north-wales.police.uk/advice-and-support/restorative-justice/?lang=cy-gb"},
}

# The four areas the CSV has no service for, from the newer research
# ../shared/data/rj-services-four-areas-2026-12.md (FOUR_AREAS_MD): only what its
# sources support. Every web address here must appear in that file verbatim (checked
# by main). Youth justice services are listed with public facts only; phone numbers and
# addresses the research found on old or professional pages are left out.
FOUR_AREAS = {
    "gwent": {
        "confidence": "low",  # "Confidence: low" (adult); no adult service is listed
        "facts_from": "2024",
        "rj_page": "https://gwent.pcc.police.uk/en/transparency/know-your-rights/victims-of-crime/restorative-justice",
        "sources": [
            "https://gwent.pcc.police.uk/en/transparency/know-your-rights/victims-of-crime/restorative-justice (undated: the commissioner's restorative justice page)",
            "https://www.caerphilly.gov.uk/services/children-and-families/services-for-young-people/youth-offending?lang=en-GB (undated)",
            "https://www.justiceinspectorates.gov.uk/hmiprobation/media/press-releases/2022/09/bgc-yot/ (Sep 2022)",
            "https://www.torfaen.gov.uk/en/CrimeEmergencies/Youth-Offending/Youth-Offending.aspx (last modified 5 Dec 2018)",
            "https://yjresourcehub.uk/victims-and-restorative-justice-policy-and-practice-guidance-from-newport-youth-justice-service/ (undated)",
        ],
        "notes": "No named adult RJ provider found; 'Restorative Justice Gwent' not found; no Welsh RJ page found. Connect Gwent (victims' hub) may be the route, RJ role unconfirmed: ask the OPCC or Connect Gwent. Youth: high confidence that the three services exist; contacts from older pages.",
        "services": [
            {"name": "Blaenau Gwent and Caerphilly Youth Offending Service", "audience": "youth", "confidence": "high",
             "about": "Works with young people aged 8 to 17 who have offended, and supports their victims.",
             "about_cy": "Mae'n gweithio gyda phobl ifanc 8 i 17 oed sydd wedi troseddu, ac yn cefnogi eu dioddefwyr.",
             "website": "https://www.caerphilly.gov.uk/services/children-and-families/services-for-young-people/youth-offending?lang=en-GB"},
            {"name": "Monmouthshire and Torfaen Youth Offending Service", "audience": "youth", "confidence": "high",
             "about": "Asks victims of youth crime what they want, and can offer a meeting, a letter or reparation.",
             "about_cy": "Mae'n holi dioddefwyr troseddau gan bobl ifanc beth maen nhw eisiau, a gall gynnig cyfarfod, llythyr neu wneud iawn.",
             "website": "https://www.torfaen.gov.uk/en/CrimeEmergencies/Youth-Offending/Youth-Offending.aspx",
             "notes": "Tel 01495 768300 and a public email are on a Torfaen page last modified Dec 2018: not shown until confirmed."},
            {"name": "Newport Youth Justice Service", "audience": "youth", "confidence": "high",
             "about": "Offers restorative options to every victim of a young person's crime.",
             "about_cy": "Mae'n cynnig ffyrdd adferol i bob dioddefwr trosedd gan berson ifanc.",
             "notes": "The only contact seen is a practitioner's email on a professionals' hub: not public, not shown."},
        ],
    },
    "south-wales": {
        "confidence": "medium",  # "medium (route); low (provider/currency)"
        "facts_from": "2024-08",
        "sources": [
            "https://www.southwalesvictimfocus.org.uk/what-we-do/help-to-access-restorative-justice-services/ (undated; mentions the CRC, so probably before mid-2021)",
            "https://www.ffocwsdioddefwyrdecymru.org.uk/what-we-do/help-to-access-restorative-justice-services/ (undated: the same page in Welsh)",
            "https://www.southwalescommissioner.org.uk/victims-of-crime/ (undated; Victims Strategy 2021-2026)",
            "https://volunteercardiff.co.uk/cardiff-youth-justice-service (undated)",
            "https://www.gov.wales/written-statement-written-statement-western-bay-youth-justice-and-early-intervention-service (30 Apr 2019)",
            "https://bridgend.gov.uk/cy/preswylwyr/plant-a-phobl-ifanc/gwasanaeth-cyfiawnder-ieuenctid-pen-y-bont-ar-ogwr/mynd-i-ch-biwro (undated)",
            "https://www.valeofglamorgan.gov.uk/en/our_council/press_and_communications/latest_news/2022/September/Vale-of-Glamorgan-Youth-Offending-Service-receives-positive-inspection-report.aspx (6 Sep 2022)",
            "https://justiceinspectorates.gov.uk/hmiprobation/media/press-releases/2024/08/cwmtaf (Aug 2024)",
        ],
        "notes": "Victim Focus: operator not confirmed (do not assume Victim Support); page mentions the CRC (abolished 2021), so check the site is live and get its phone number. Link to the commissioner inferred. 'Restorative Justice South Wales' not found. Youth: medium that each offers victims RJ (stated for Cardiff and Bridgend).",
        "services": [
            {"name": "South Wales Victim Focus", "name_cy": "Ffocws Dioddefwyr De Cymru",
             "about": "Helps victims take part in restorative justice, and supports them all the way through.",
             "about_cy": "Mae'n helpu dioddefwyr i gymryd rhan mewn cyfiawnder adferol, ac yn eu cefnogi drwy'r cyfan.",
             "website": "https://www.southwalesvictimfocus.org.uk/what-we-do/help-to-access-restorative-justice-services/",
             "website_cy": "https://www.ffocwsdioddefwyrdecymru.org.uk/what-we-do/help-to-access-restorative-justice-services/"},
            {"name": "Cardiff Youth Justice Service", "name_cy": "Gwasanaeth Cyfiawnder Ieuenctid Caerdydd",
             "audience": "youth", "confidence": "high",
             "about": "Supports victims of youth crime and offers restorative ways to deal with it.",
             "about_cy": "Mae'n cefnogi dioddefwyr troseddau gan bobl ifanc ac yn cynnig ffyrdd adferol o ddelio â nhw.",
             "website": "https://volunteercardiff.co.uk/cardiff-youth-justice-service",
             "website_cy": "https://volunteercardiff.co.uk/?lang=cy&p=6165"},
            {"name": "Swansea Youth Justice Service", "audience": "youth", "confidence": "high"},
            {"name": "Neath Port Talbot Youth Justice Service", "audience": "youth", "confidence": "high"},
            {"name": "Bridgend Youth Justice Service", "name_cy": "Gwasanaeth Cyfiawnder Ieuenctid Pen-y-bont ar Ogwr",
             "audience": "youth", "confidence": "high",
             "about": "Its restorative team asks victims for their views.",
             "about_cy": "Mae ei dîm adferol yn gofyn i ddioddefwyr am eu barn.",
             "website_cy": "https://bridgend.gov.uk/cy/preswylwyr/plant-a-phobl-ifanc/gwasanaeth-cyfiawnder-ieuenctid-pen-y-bont-ar-ogwr/mynd-i-ch-biwro"},
            {"name": "Vale of Glamorgan Youth Offending Service", "audience": "youth", "confidence": "high"},
            {"name": "Cwm Taf Youth Justice Service", "audience": "youth", "confidence": "high",
             "about": "Covers Rhondda Cynon Taf and Merthyr Tydfil.",
             "about_cy": "Mae'n gweithio yn Rhondda Cynon Taf a Merthyr Tudful."},
        ],
    },
    "dyfed-powys": {
        "confidence": "medium",  # "medium for commissioner and Welsh page name"
        "facts_from": "2024-03",
        "rj_page": "https://www.dyfedpowys-pcc.org.uk/en/your-neighbourhood/restorative-justice/",
        "rj_page_cy": "https://www.dyfedpowys-pcc.org.uk/cy/eich-ardal/cyfiawnder-adferol/",
        "sources": [
            "https://www.dyfedpowys-pcc.org.uk/en/your-neighbourhood/restorative-justice/ (undated; quotes 2018 figures; contact details cut off in the stored copy)",
            "https://www.dyfedpowys-pcc.org.uk/cy/eich-ardal/cyfiawnder-adferol/ (undated: the Welsh page, 'Cyfiawnder Adferol')",
            "https://www.dyfedpowys-pcc.org.uk/en/news/carmarthenshire-youth-justice-team-rated-outstanding/ (2024: OPCC funds the regional restorative justice project)",
            "https://justiceinspectorates.gov.uk/hmiprobation/media/press-releases/2024/03/carmarthenshire2024 (Mar 2024)",
            "https://ceredigion.gov.uk./resident/wellbeing-and-care/support-for-children-young-people-and-families/ceredigion-youth-service/yjs (undated)",
            "https://cms.pembrokeshire.gov.uk/pembrokeshire-youth/youth-justice-team-yjt (undated)",
        ],
        "notes": "Adult provider low-medium: Carmarthenshire YJT runs the OPCC-funded regional RJ project, adult scope unconfirmed; Goleudy (PCC victim service) RJ role unconfirmed. Ask the OPCC who takes adult-victim RJ requests. Powys YJS source is a third-party copy of an old inspection report.",
        "services": [
            {"name": "Carmarthenshire Youth Justice Team", "audience": "youth", "confidence": "high",
             "about": "Runs the restorative justice project the commissioner funds for the region.",
             "about_cy": "Mae'n rhedeg y prosiect cyfiawnder adferol y mae'r comisiynydd yn ei ariannu ar gyfer y rhanbarth."},
            {"name": "Ceredigion Youth Justice and Prevention Service", "audience": "youth", "confidence": "high",
             "about": "Helps people harmed by young people's crime to repair the harm.",
             "about_cy": "Mae'n helpu pobl a gafodd eu niweidio gan droseddau pobl ifanc i unioni'r niwed.",
             "website": "https://ceredigion.gov.uk./resident/wellbeing-and-care/support-for-children-young-people-and-families/ceredigion-youth-service/yjs"},
            {"name": "Pembrokeshire Youth Justice Team", "audience": "youth", "confidence": "high",
             "about": "Has a victim liaison officer, and supports restorative justice.",
             "about_cy": "Mae ganddo swyddog cyswllt dioddefwyr, ac mae'n cefnogi cyfiawnder adferol.",
             "website": "https://cms.pembrokeshire.gov.uk/pembrokeshire-youth/youth-justice-team-yjt"},
            {"name": "Powys Youth Justice Service", "audience": "youth", "confidence": "high"},
        ],
    },
    "city-of-london": {
        "confidence": "low",  # "Confidence: low" (adult); "high" on the youth arrangement
        "facts_from": "2022-10",
        "sources": [
            "https://londonvws.org.uk/rights-information/your-rights/restorative-justice/ (undated: works with CALM Mediation)",
            "https://www.calmmediation.org/restorative-justice/harmed/ (undated: victims who live or work in London)",
            "https://www.cityoflondon.police.uk/contact-city-police/victim-and-witness-support/Pages/default.aspx (undated: refers victims to Victim Support)",
            "https://democracy.cityoflondon.gov.uk/mgAi.aspx?ID=130241 (2022: the City commissions Tower Hamlets' youth justice service)",
            "https://democracy.towerhamlets.gov.uk/mgAi.aspx?ID=136416 (24 Oct 2022)",
        ],
        "notes": "No City-specific RJ service. The City is outside MOPAC's 32 boroughs: confirm with City of London Police victim care and CALM whether City cases are accepted and funded. CALM's eligibility wording differs between page versions. Youth victim contact route not captured.",
        "services": [
            {"name": "London Victim and Witness Service", "provider": "Victim Support, with CALM Mediation",
             "about": "London's victim service can ask CALM Mediation to contact you about restorative justice. We have not confirmed that it takes cases from the City of London.",
             "about_cy": "Gall gwasanaeth dioddefwyr Llundain ofyn i <en>CALM Mediation</en> gysylltu â chi am gyfiawnder adferol. Dydyn ni ddim wedi cadarnhau ei fod yn derbyn achosion o Ddinas Llundain.",
             "website": "https://londonvws.org.uk/rights-information/your-rights/restorative-justice/"},
            {"name": "Tower Hamlets and City of London Youth Justice Service", "audience": "youth", "confidence": "high",
             "about": "The City of London asks Tower Hamlets Council to run its youth justice service.",
             "about_cy": "Mae Dinas Llundain yn gofyn i Gyngor <en>Tower Hamlets</en> redeg ei gwasanaeth cyfiawnder ieuenctid."},
        ],
    },
}

# The commissioner's restorative justice page where the CSV's sources name one.
RJ_PAGES = {
    # The PCC's RJ page (CSV sources) and its Welsh page, titled "Cyfiawnder Adferol"
    # (rj-services-four-areas-2026-12.md, section 5).
    "north-wales": ("https://www.northwales-pcc.gov.uk/restorative-justice",
                    "https://www.northwales-pcc.gov.uk/cy/cyfiawnder-adferol"),
}

FOUR_AREAS_MD = HERE.parent.parent / "shared" / "data" / "rj-services-four-areas-2026-12.md"


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


HEADER = """\
# The local restorative justice services of each police area: PUBLIC facts only.
# Generated by data/services_from_csv.py from the researched table
# ../shared/data/rj_services.csv (see its RJ-SERVICES.md) and, for the four areas it
# has no service for, ../shared/data/rj-services-four-areas-2026-12.md: edit those or
# the script, not this file. Where requests are sent is NOT here: that is a
# deployment setting (RJ_ROUTING, RJ_TRIAGE_EMAIL; see README).
#
# [[area]]
# area = "kent"                     # police area slug (data/areas.toml)
# commissioner = "…"                # who commissions the service (PCC, mayor, …)
# commissioner_url = "https://…"    # its site
# rj_page = "https://…"             # optional: its page about restorative justice;
# rj_page_cy = "https://…"          #   rj_page_cy its Welsh page, only where published
# facts_from = "2017-10"            # newest dated source (YYYY or YYYY-MM); optional
# checked_on = 2026-11-29           # optional: when the operator last confirmed the
#                                   # facts with the service (never set by the script)
# confidence = "high"               # high, medium or low (see RJ-SERVICES.md)
# sources = ["https://… (date)"]
# notes = "…"                       # research caveats: NEVER shown on the site
# [[area.service]]                  # none, one for everyone, and any with audience = "youth"
# name = "…"                        # the service's own short public name
# name_cy = "…"                     # its Welsh name, only where it publishes one
# provider = "…"                    # who runs it (provider_cy where published)
# about = "…"                       # one public line about it; about_cy in Welsh (the
#                                   # line is not shown on Welsh pages without it)
# notes = "…"                       # research caveats: NEVER shown on the site
# confidence = "high"               # optional: this service's, if not the area's
# website = "https://…"             # http:// only where only that was seen;
# website_cy = "https://…"          #   website_cy its Welsh page, only where published
# phone = "…"                       # only where seen verbatim; phone_note(_cy)
# email = "…"                       # public address, only where seen verbatim
# eligibility = "…"                 # who it takes; eligibility_cy in Welsh
# audience = "youth"                # optional: takes cases where the person
#                                   # responsible was under 18
"""

# The order keys are written in, for a service.
SERVICE_KEYS = ["name", "name_cy", "provider", "provider_cy", "about", "about_cy", "notes",
                "confidence", "website", "website_cy", "phone", "phone_note", "phone_note_cy",
                "email", "eligibility", "eligibility_cy", "audience"]


def csv_service(r):
    """The CSV's service for everyone, in the directory's fields."""
    slug = r["area_slug"]
    name, notes = split_name(r["service_name"])
    service = {"name": name}
    if notes:
        service["notes"] = notes
    if r["service_url"]:
        service["website"] = r["service_url"]
    service.update(CONTACTS.get(slug, {}))
    if slug in ELIGIBILITY:
        service["eligibility"], service["eligibility_cy"] = ELIGIBILITY[slug]
    service.update(PUBLIC.get(slug, {}))
    return service


def render(rows):
    lines = HEADER.rstrip("\n").split("\n")
    for r in rows:
        slug = r["area_slug"]
        extra = FOUR_AREAS.get(slug, {})
        lines += ["", "[[area]]", f"area = {q(slug)}"]
        lines.append(f"commissioner = {q(r['pcc_name'])}")
        lines.append(f"commissioner_url = {q(r['pcc_url'])}")
        rj_page, rj_page_cy = RJ_PAGES.get(slug, (extra.get("rj_page"), extra.get("rj_page_cy")))
        if rj_page:
            lines.append(f"rj_page = {q(rj_page)}")
        if rj_page_cy:
            lines.append(f"rj_page_cy = {q(rj_page_cy)}")
        facts_from = extra.get("facts_from", r["newest_source"])
        if facts_from:
            lines.append(f"facts_from = {q(facts_from)}")
        lines.append(f"confidence = {q(extra.get('confidence', r['confidence']))}")
        lines.append("sources = [")
        lines += [f"    {q(s)}," for s in sources(r["sources"]) + extra.get("sources", [])]
        lines.append("]")
        notes = " ".join(n for n in (r["notes"], extra.get("notes", "")) if n)
        if notes:
            lines.append(f"notes = {q(notes)}")
        services = ([csv_service(r)] if r["service_name"] else []) + extra.get("services", [])
        for service in services:
            unknown = set(service) - set(SERVICE_KEYS)
            if unknown:
                sys.exit(f"{slug}: unknown service keys {sorted(unknown)}")
            lines += ["", "[[area.service]]"]
            lines += [f"{key} = {q(service[key])}" for key in SERVICE_KEYS if key in service]
    return "\n".join(lines) + "\n"


def web_addresses(value):
    """Every web address in a service or area entry (its sources' addresses too)."""
    if isinstance(value, dict):
        return [a for v in value.values() for a in web_addresses(v)]
    if isinstance(value, list):
        return [a for v in value for a in web_addresses(v)]
    if isinstance(value, str) and value.startswith("http"):
        return [value.split(" ")[0]]
    return []


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
    if FOUR_AREAS_MD.exists():
        research = FOUR_AREAS_MD.read_text(encoding="utf-8")
        for slug, extra in FOUR_AREAS.items():
            for address in web_addresses(extra):
                if address not in research:
                    sys.exit(f"{slug}: {address} is not in {FOUR_AREAS_MD.name}")
    for slug, pages in RJ_PAGES.items():
        seen = next(r["sources"] for r in rows if r["area_slug"] == slug)
        research = FOUR_AREAS_MD.read_text(encoding="utf-8") if FOUR_AREAS_MD.exists() else ""
        for address in pages:
            if address not in seen and address not in research:
                sys.exit(f"{slug}: {address} is in neither the CSV nor the research")
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
