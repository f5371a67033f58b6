//! The report's measures (issue 27): what staff record in the inbox reaches the
//! commissioners' record (`report_entries`) and the long form, with small counts
//! suppressed; the long form's numbers equal the wide form's; the record holds none of
//! the person's answers; `docs/measures.md` lists exactly the code's measures; the real
//! `rj report --long` and `rj report --measures` print them. Each
//! database test runs on SQLite and on a real PostgreSQL (`common::postgres`).

use crate::common;

use rj::areas::directory::{Audience, Routed, Via};
use rj::calendar::WorkingDays;
use rj::numbers::report::{self, Month};
use rj::referral::form::{Answer3, ContactLanguage, ContactMethod, Referral, Relationship};
use rj::referral::reference::Reference;
use rj::staff::{Outcome, PassTo};
use rj::store::{DataKeys, DatabaseUrl, NewRequest, Store, Submitted};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Tuesday 3 November 2026, 10:00 UTC.
const TUESDAY: i64 = 1_793_700_000;
const DAY: i64 = 86_400;

/// Strings no column of the record may hold: each is typed into a field of the form.
const DISTINCTIVE: [&str; 7] = [
    "Zebedee Quillfeather",
    "01632 960 417",
    "zebedee.quill@example.com",
    "after 7pm on Wednesdays only",
    "CRIMEREF-QX-7741",
    "needs a Makaton signer",
    "the blue bicycle by the canal",
];

/// Typed by triage when passing a request on outside the site.
const OUTSIDE: &str = "Xylophone Mediation Example";

fn referral(area: &str, relationship: Relationship, welsh: bool, youth: bool) -> Referral {
    Referral {
        area: area.into(),
        relationship,
        full_name: DISTINCTIVE[0].into(),
        contact_method: ContactMethod::Email,
        phone: Some(DISTINCTIVE[1].into()),
        email: Some(rj::mail::address::EmailAddress::parse(DISTINCTIVE[2]).unwrap()),
        voicemail_ok: true,
        say_rj_ok: true,
        safe_times: Some(DISTINCTIVE[3].into()),
        contact_language: if welsh {
            ContactLanguage::Cy
        } else {
            ContactLanguage::En
        },
        reported: Answer3::Yes,
        crime_reference: Some(DISTINCTIVE[4].into()),
        responsible_under_18: if youth {
            Answer3::Yes
        } else {
            Answer3::NotSure
        },
        support_needs: Some(DISTINCTIVE[5].into()),
        message: Some(DISTINCTIVE[6].into()),
        confirmation_email: true,
    }
}

static SEED: AtomicU64 = AtomicU64::new(11);

fn random() -> u64 {
    let n = SEED.fetch_add(1, Ordering::Relaxed);
    n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 5
}

/// One test's database.
struct TestDb {
    url: DatabaseUrl,
    postgres: bool,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/rj.db", dir.path().display());
        TestDb {
            url: DatabaseUrl::parse(&url).unwrap(),
            postgres: false,
            _dir: Some(dir),
        }
    }

    fn postgres(name: &str) -> Option<TestDb> {
        let server = common::postgres::server()?;
        Some(TestDb {
            url: DatabaseUrl::parse(&server.new_database(name)).unwrap(),
            postgres: true,
            _dir: None,
        })
    }

    /// Every value of every column of `report_entries`, as text, by column.
    async fn record_as_text(&self) -> BTreeMap<String, Vec<String>> {
        let mut out = BTreeMap::new();
        // The test server has no passwords, so the printed address is the whole address.
        if self.postgres {
            let pool = sqlx::PgPool::connect(&self.url.to_string()).await.unwrap();
            let columns: Vec<String> = sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_name = 'report_entries'",
            )
            .fetch_all(&pool)
            .await
            .unwrap();
            for c in columns {
                let values: Vec<Option<String>> =
                    sqlx::query_scalar(&format!("SELECT {c}::text FROM report_entries"))
                        .fetch_all(&pool)
                        .await
                        .unwrap();
                out.insert(c, values.into_iter().flatten().collect());
            }
        } else {
            let pool = sqlx::SqlitePool::connect(&self.url.to_string())
                .await
                .unwrap();
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info('report_entries')")
                    .fetch_all(&pool)
                    .await
                    .unwrap();
            for c in columns {
                let values: Vec<Option<String>> =
                    sqlx::query_scalar(&format!("SELECT CAST({c} AS TEXT) FROM report_entries"))
                        .fetch_all(&pool)
                        .await
                        .unwrap();
                out.insert(c, values.into_iter().flatten().collect());
            }
        }
        out
    }
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::TestDb::sqlite()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(db) = super::TestDb::postgres(stringify!($name)) {
                        super::$name(db).await;
                    }
                }
            )*
        }
    };
}

on_both_backends!(what_staff_record_is_counted_suppressed_and_holds_nothing_personal);

async fn send(store: &Store, key: &str, referral: &Referral, via: Via) -> Reference {
    let request = NewRequest {
        idempotency_key: key,
        referral,
        routed: Some(Routed {
            via,
            audience: Audience::All,
        }),
        hit: None,
        webhook: None,
        now: TUESDAY,
    };
    match store.submit(request, random).await.unwrap() {
        Submitted::New(reference) => reference,
        other => panic!("{other:?}"),
    }
}

/// The long CSV as `(month, area, measure) -> value`.
fn long_cells(csv: &str) -> BTreeMap<(String, String, String), String> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("month,area,measure,value"));
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            assert_eq!(cells.len(), 4, "{l}");
            (
                (cells[0].into(), cells[1].into(), cells[2].into()),
                cells[3].into(),
            )
        })
        .collect()
}

async fn what_staff_record_is_counted_suppressed_and_holds_nothing_personal(db: TestDb) {
    let store = Store::open(&db.url, DataKeys::generate()).await.unwrap();
    let calendar = WorkingDays::weekdays();
    // Kent, straight to its service: 7 requests, 5 asking for Welsh, 5 from the person
    // harmed (then a parent and a supporter), 5 with the youth flag.
    let mut kent = Vec::new();
    for i in 0..7 {
        let relationship = match i {
            5 => Relationship::Parent,
            6 => Relationship::Supporter,
            _ => Relationship::Harmed,
        };
        let r = referral("kent", relationship, i < 5, i < 5);
        kent.push(send(&store, &format!("kent-{i}"), &r, Via::Direct).await);
    }
    // Essex, through triage: one passed on outside the site, one never received.
    let passed = send(
        &store,
        "essex-0",
        &referral("essex", Relationship::Family, false, false),
        Via::Triage,
    )
    .await;
    let forgotten = send(
        &store,
        "essex-1",
        &referral("essex", Relationship::Harmed, false, false),
        Via::Triage,
    )
    .await;

    // What staff record, through the store methods the inbox's handlers call.
    let thursday = TUESDAY + 2 * DAY;
    let next_tuesday = TUESDAY + 7 * DAY;
    for r in kent.iter().chain([&passed]) {
        store.acknowledge(*r, thursday, &calendar).await.unwrap();
    }
    for r in &kent[..6] {
        assert!(
            store
                .record_contacted(*r, next_tuesday, &calendar)
                .await
                .unwrap()
        );
    }
    // A second Contacted changes nothing.
    assert!(
        !store
            .record_contacted(kent[0], next_tuesday + DAY, &calendar)
            .await
            .unwrap()
    );
    for r in &kent[..5] {
        assert!(
            store
                .record_closed(*r, Outcome::DirectMeeting, next_tuesday)
                .await
                .unwrap()
        );
    }
    assert!(
        store
            .record_closed(kent[5], Outcome::Withdrew, next_tuesday)
            .await
            .unwrap()
    );
    assert!(
        store
            .record_passed_on(passed, &PassTo::Outside(OUTSIDE.into()), thursday)
            .await
            .unwrap()
    );
    // Only triage's requests can be passed on.
    assert!(
        !store
            .record_passed_on(kent[6], &PassTo::Outside(OUTSIDE.into()), thursday)
            .await
            .unwrap()
    );
    let purged = store.purge(TUESDAY + 40 * DAY).await.unwrap();
    assert_eq!(purged, [forgotten]);

    let november = Month::parse("2026-11").unwrap();
    let entries = store.report_entries("2026-11", "2026-11").await.unwrap();
    assert_eq!(entries.len(), 9);
    let cells = long_cells(&report::long_csv(&report::long(
        &entries, november, november,
    )));
    let cell = |area: &str, measure: &str| {
        cells
            .get(&("2026-11".into(), area.into(), measure.into()))
            .unwrap_or_else(|| panic!("no {area} {measure}"))
            .as_str()
    };
    for (measure, value) in [
        ("requests", "7"),
        ("acknowledged_within_2_working_days", "7"),
        ("median_working_days_to_acknowledgement", "2"),
        ("failed", "0"),
        ("route_direct", "7"),
        ("route_triage", "0"),
        // Withheld beside a hidden part of the same split: 7 − 5 would give it back.
        ("language_cy", "[c]"),
        ("language_en", "<5"),
        ("asked_by_person_harmed", "[c]"),
        ("asked_by_family", "<5"),
        ("asked_by_someone_else", "<5"),
        ("youth", "5"),
        ("contacted", "6"),
        ("median_working_days_to_contact", "5"),
        ("closed", "6"),
        ("closed_direct_meeting", "[c]"),
        ("closed_withdrew", "<5"),
        ("closed_not_suitable", "0"),
        ("passed_on", "0"),
        ("purged_unconfirmed", "0"),
    ] {
        assert_eq!(cell("kent", measure), value, "kent {measure}");
    }
    for (measure, value) in [
        ("requests", "<5"),
        ("route_triage", "<5"),
        ("asked_by_family", "<5"),
        ("passed_on", "<5"),
        ("purged_unconfirmed", "<5"),
        ("failed", "<5"),
        ("median_working_days_to_acknowledgement", "<5"),
        ("contacted", "0"),
        ("median_working_days_to_contact", ""),
    ] {
        assert_eq!(cell("essex", measure), value, "essex {measure}");
    }
    // All areas: withheld wherever an area's count is hidden (secondary suppression).
    for (measure, value) in [
        ("requests", "[c]"),
        ("route_direct", "7"),
        ("route_triage", "[c]"),
        ("language_cy", "[c]"),
        ("language_en", "[c]"),
        ("contacted", "6"),
        ("median_working_days_to_contact", "5"),
        ("closed_direct_meeting", "[c]"),
        ("closed_withdrew", "[c]"),
        ("youth", "5"),
        ("passed_on", "[c]"),
        ("purged_unconfirmed", "[c]"),
    ] {
        assert_eq!(cell("all", measure), value, "all {measure}");
    }
    // The JSON has the same rows, small counts as strings, medians as numbers.
    let json: serde_json::Value = serde_json::from_str(&report::long_json(
        &report::long(&entries, november, november),
        november,
        november,
    ))
    .unwrap();
    assert_eq!(json["schema"], "rj-report-long/1");
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), cells.len());
    let find = |area: &str, measure: &str| {
        rows.iter()
            .find(|r| r["area"] == area && r["measure"] == measure)
            .map(|r| r["value"].clone())
            .unwrap()
    };
    assert_eq!(find("kent", "contacted"), 6);
    assert_eq!(find("kent", "median_working_days_to_contact"), 5.0);
    assert_eq!(find("essex", "passed_on"), "<5");
    assert_eq!(find("all", "requests"), "[c]");
    assert_eq!(
        find("essex", "median_working_days_to_contact"),
        serde_json::Value::Null
    );
    let measures = report::measures();
    assert_eq!(
        cells.len(),
        3 * measures.len(),
        "all, essex and kent, every measure"
    );

    // The long form's numbers are the wide form's, measure by column.
    let wide = report::csv(&report::lines(&entries, november, november, |s| {
        s.to_string()
    }));
    let mut wide_lines = wide.lines();
    let header: Vec<&str> = wide_lines.next().unwrap().split(',').collect();
    let mut compared = 0;
    for line in wide_lines {
        let row: Vec<&str> = line.split(',').collect();
        for (column, value) in header.iter().zip(&row).skip(3) {
            assert_eq!(cell(row[1], column), *value, "{} {column}", row[1]);
            compared += 1;
        }
    }
    assert_eq!(compared, 3 * 4);

    // The record holds nothing the person typed, no reference, nothing staff typed,
    // and no date or time finer than the month.
    let record = db.record_as_text().await;
    let mut columns: Vec<&str> = record.keys().map(String::as_str).collect();
    columns.sort_unstable();
    assert_eq!(
        columns,
        [
            "acknowledged_days",
            "area",
            "asker",
            "contacted_days",
            "failed",
            "language",
            "month",
            "outcome",
            "passed_on",
            "purged_unconfirmed",
            "referral_id",
            "route",
            "youth"
        ],
        "a new column must be shown here to hold no personal data"
    );
    let mut forbidden: Vec<String> = DISTINCTIVE.iter().map(|s| s.to_lowercase()).collect();
    forbidden.push(OUTSIDE.to_lowercase());
    forbidden.extend(
        kent.iter()
            .chain([&passed, &forgotten])
            .map(|r| r.to_string().to_lowercase()),
    );
    forbidden.push("2026-11-03".into());
    for at in [TUESDAY, thursday, next_tuesday] {
        forbidden.push(at.to_string());
    }
    // Pieces too: a surname, a phone number without its spaces.
    forbidden.extend([
        "quillfeather".into(),
        "01632960417".into(),
        "xylophone".into(),
    ]);
    let mut scanned = 0;
    for (column, values) in &record {
        for value in values {
            let value = value.to_lowercase();
            for f in &forbidden {
                assert!(
                    !value.contains(f.as_str()),
                    "report_entries.{column} holds {f:?}"
                );
            }
            scanned += 1;
        }
    }
    assert!(scanned >= 9 * 8, "{scanned} values scanned");
}

/// `docs/measures.md` holds the code's list of measures, generated (`rj report
/// --measures --format markdown`), so neither can name a measure the other lacks.
#[test]
fn the_docs_define_exactly_the_codes_measures() {
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/measures.md")).unwrap();
    let (_, rest) = page
        .split_once("<!-- measures: begin -->\n")
        .expect("docs/measures.md has its measures block");
    let (block, _) = rest.split_once("<!-- measures: end -->").unwrap();
    let named: Vec<&str> = block
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`'))
        .map(|(name, _)| name)
        .collect();
    let measures = report::measures();
    let code: Vec<&str> = measures.iter().map(|m| m.name.as_str()).collect();
    for name in &code {
        assert!(
            named.contains(name),
            "{name} is not in docs/measures.md: run `rj report --measures --format markdown`"
        );
    }
    for name in &named {
        assert!(
            code.contains(name),
            "docs/measures.md names {name}, which the report does not count"
        );
    }
    assert_eq!(
        block,
        report::measures_markdown(),
        "docs/measures.md's table is out of date: paste `rj report --measures --format markdown`"
    );
    // And every outcome in the inbox's fixed list has its measure.
    for o in Outcome::ALL {
        let name = format!("closed_{}", o.as_str().replace('-', "_"));
        assert!(code.contains(&name.as_str()), "{name}");
    }
}

/// The real binary: `rj report --long` prints the long form of what is stored, the same
/// numbers as the wide form's columns, and `rj report --measures` the code's list.
#[tokio::test]
async fn rj_report_prints_the_long_form_and_the_measures() {
    let db = TestDb::sqlite();
    let dir = db._dir.as_ref().unwrap().path().to_path_buf();
    // A test key (32 bytes, base64), the binary's as well.
    const DATA_KEY: &str = "dGhlLXRlc3RzLWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=";
    let keys = DataKeys::parse(DATA_KEY, None).unwrap();
    let store = Store::open(&db.url, keys).await.unwrap();
    for i in 0..6 {
        let r = referral("kent", Relationship::Harmed, i % 2 == 0, false);
        let reference = send(&store, &format!("cli-{i}"), &r, Via::Direct).await;
        store
            .record_closed(reference, Outcome::Indirect, TUESDAY + DAY)
            .await
            .unwrap();
    }
    drop(store);
    let rj = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rj"))
            .args(args)
            .env("RJ_DATABASE_URL", db.url.to_string())
            .env("RJ_DATA_KEY", DATA_KEY)
            .env("RJ_MAIL_DIR", dir.join("mail"))
            .env("RUST_LOG", "error")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "rj {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let long = rj(&["report", "--from", "2026-11", "--to", "2026-11", "--long"]);
    let cells = long_cells(&long);
    assert_eq!(
        cells[&("2026-11".into(), "kent".into(), "closed_indirect".into())],
        "6"
    );
    assert_eq!(
        cells[&("2026-11".into(), "all".into(), "language_cy".into())],
        "[c]"
    );
    assert_eq!(
        cells[&("2026-11".into(), "kent".into(), "language_en".into())],
        "<5"
    );
    let wide = rj(&["report", "--from", "2026-11", "--to", "2026-11"]);
    assert!(wide.contains("\n2026-11,kent,Kent,6,0,,0\n"), "{wide}");
    assert_eq!(
        cells[&("2026-11".into(), "kent".into(), "requests".into())],
        "6"
    );
    assert_eq!(rj(&["report", "--measures"]), report::measures_text());
    assert_eq!(
        rj(&["report", "--measures", "--format", "markdown"]),
        report::measures_markdown()
    );
}
