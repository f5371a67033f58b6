//! The numbers page: the report's measures as a table for each area, with bar charts
//! of the headline measures, for a commissioner's areas in the staff inbox (with a
//! month range and a CSV download), or for every area as one file (`rj report --format
//! html`). Numbers only: nothing on it is about any one request.

use crate::calendar::{Date, long_date};
use crate::components::chart::{Bar, bar_chart};
use crate::i18n::{Lang, Tr};
use crate::numbers::report::{Cell, Count, Month};
use crate::numbers::table::{AreaTable, Table};
use crate::pages::staff::{Header, document, notice};
use crate::staff::Member;
use leptos::prelude::*;

/// The measures drawn as charts, for each area (the table has them all).
pub const CHARTED: [&str; 4] = [
    "requests",
    "acknowledged_within_2_working_days",
    "contacted",
    "closed",
];

/// The month range's form: the months offered (newest first), the choice as sent
/// (kept when it is wrong), and what is wrong with it.
pub struct RangeForm {
    pub action: String,
    pub offered: Vec<Month>,
    pub from: String,
    pub to: String,
    pub error: Option<RangeError>,
}

/// Why a month range cannot be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeError {
    /// A month that is not one of those offered (or not a month).
    NotOffered,
    /// The first month is after the last.
    Backwards,
}

impl RangeError {
    fn message(self, lang: Lang) -> String {
        Tr(lang).t(match self {
            RangeError::NotOffered => "staff-numbers-error-not-offered",
            RangeError::Backwards => "staff-numbers-error-backwards",
        })
    }
}

/// A measure's name as the page says it.
pub fn measure_label(lang: Lang, measure: &str) -> String {
    let tr = Tr(lang);
    match measure.strip_prefix("closed_") {
        Some(outcome) => tr.t_args(
            "staff-measure-closed-as",
            &[(
                "outcome",
                tr.t(&format!("staff-outcome-{}", outcome.replace('_', "-")))
                    .into(),
            )],
        ),
        None => tr.t(&format!("staff-measure-{}", measure.replace('_', "-"))),
    }
}

/// "January 2026" / "Ionawr 2026".
pub fn month_spoken(lang: Lang, m: Month) -> String {
    format!("{} {}", Tr(lang).t(&format!("month-{}", m.month)), m.year)
}

fn month_short(lang: Lang, m: Month) -> String {
    Tr(lang).t(&format!("month-short-{}", m.month))
}

/// An area's heading: its name, or the total's.
fn area_title(lang: Lang, area: &str, total: &str, name: &dyn Fn(&str) -> String) -> String {
    if area == "all" {
        Tr(lang).t(total)
    } else {
        name(area)
    }
}

/// A cell as the table shows it: as the CSV, but a median with nothing to take it
/// over (empty in the CSV) is a dash, so that no box looks forgotten.
pub fn shown(cell: Cell) -> String {
    match cell.text() {
        text if text.is_empty() => NONE.to_string(),
        text => text,
    }
}

/// What an empty median shows.
pub const NONE: &str = "–";

/// A bar's height: a count shown (a median is not charted; a hidden count has none).
fn height(cell: Cell) -> Option<u64> {
    match cell {
        Cell::Count(Count::Shown(n)) => Some(n),
        Cell::Count(_) | Cell::Median(_) => None,
    }
}

/// One area: charts of the headline measures, then every measure in a table.
fn area_section(
    lang: Lang,
    table: &Table,
    area: &AreaTable,
    title: String,
    index: usize,
) -> AnyView {
    let tr = Tr(lang);
    let heading_id = format!("area-{index}");
    let charts = CHARTED
        .iter()
        .filter_map(|name| area.row(name))
        .enumerate()
        .map(|(i, row)| {
            let bars: Vec<Bar> = table
                .months
                .iter()
                .zip(&row.cells)
                .enumerate()
                .map(|(j, (month, cell))| Bar {
                    label: month_short(lang, *month),
                    // The year under the first month and under each January.
                    sublabel: (j == 0 || month.month == 1).then(|| month.year.to_string()),
                    height: height(*cell),
                    text: cell.text(),
                    spoken: month_spoken(lang, *month),
                })
                .collect();
            let caption = tr.t_args(
                "staff-numbers-chart-caption",
                &[
                    ("measure", measure_label(lang, &row.measure).into()),
                    ("area", title.clone().into()),
                ],
            );
            bar_chart(&format!("chart-{index}-{i}"), &caption, &bars)
        })
        .collect_view();
    let head = table
        .months
        .iter()
        .map(|m| view! { <th scope="col">{month_spoken(lang, *m)}</th> })
        .collect_view();
    let rows = area
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .zip(&table.months)
                .map(|(cell, month)| {
                    view! { <td data-measure=row.measure.clone() data-month=month.to_string()>{shown(*cell)}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{measure_label(lang, &row.measure)}</th>{cells}</tr> }
        })
        .collect_view();
    let caption_id = format!("{heading_id}-table");
    let caption = tr.t_args(
        "staff-numbers-table-caption",
        &[("area", title.clone().into())],
    );
    let (labelled_by, table_labelled_by) = (heading_id.clone(), caption_id.clone());
    view! {
        <section class="rj-numbers" aria-labelledby=labelled_by data-area=area.area.clone()>
            <h2 id=heading_id>{title}</h2>
            <div class="rj-numbers__charts">{charts}</div>
            <div class="rj-numbers__scroll" tabindex="0" role="group" aria-labelledby=table_labelled_by>
                <table class="rj-table rj-numbers__table">
                    <caption id=caption_id class="rj-numbers__caption">{caption}</caption>
                    <thead><tr><th scope="col">{tr.t("staff-numbers-col-measure")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The months' form: two lists and a button, GET, so it works with JavaScript off.
fn range_form(lang: Lang, form: &RangeForm) -> AnyView {
    let tr = Tr(lang);
    let options = |chosen: &str| {
        form.offered
            .iter()
            .map(|m| {
                let value = m.to_string();
                let selected = value == chosen;
                view! { <option value=value selected=selected>{month_spoken(lang, *m)}</option> }
            })
            .collect_view()
    };
    let error = form.error.map(|e| e.message(lang));
    view! {
        {notice(error, true)}
        <form method="get" action=form.action.clone() class="rj-filter">
            <div class="rj-form-group">
                <label class="rj-label" for="from">{tr.t("staff-numbers-from")}</label>
                <select class="rj-select" id="from" name="from">{options(&form.from)}</select>
            </div>
            <div class="rj-form-group">
                <label class="rj-label" for="to">{tr.t("staff-numbers-to")}</label>
                <select class="rj-select" id="to" name="to">{options(&form.to)}</select>
            </div>
            <button type="submit" class="rj-button">{tr.t("staff-numbers-show")}</button>
        </form>
    }
    .into_any()
}

/// The tables and charts of every area in `table`, under the key to the marks.
fn areas(lang: Lang, table: &Table, total: &str, name: &dyn Fn(&str) -> String) -> AnyView {
    let tr = Tr(lang);
    let (Some(first), Some(last)) = (table.months.first(), table.months.last()) else {
        return ().into_any();
    };
    let range = tr.t_args(
        "staff-numbers-range",
        &[
            ("from", month_spoken(lang, *first).into()),
            ("to", month_spoken(lang, *last).into()),
        ],
    );
    let sections = table
        .areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            area_section(
                lang,
                table,
                area,
                area_title(lang, &area.area, total, name),
                i,
            )
        })
        .collect_view();
    view! {
        <p class="rj-numbers__range">{range}</p>
        <p>{tr.t("staff-numbers-key")}</p>
        {sections}
    }
    .into_any()
}

/// What a commissioner's page shows: the form, and the numbers when the range is
/// right (a link to the same as CSV with them).
pub struct StaffNumbers<'a> {
    pub form: RangeForm,
    pub table: Option<&'a Table>,
    pub csv: String,
    pub other: String,
}

/// The commissioner's page in the staff inbox.
pub fn staff_page(
    lang: Lang,
    member: &Member,
    page: StaffNumbers<'_>,
    name: &dyn Fn(&str) -> String,
) -> String {
    let tr = Tr(lang);
    let numbers = page.table.map(|table| {
        view! {
            <p><a href=page.csv.clone() download="">{tr.t("staff-numbers-download")}</a></p>
            {areas(lang, table, "staff-numbers-all-yours", name)}
        }
    });
    let body = view! {
        <p>{tr.t("staff-numbers-intro")}</p>
        {range_form(lang, &page.form)}
        {numbers}
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-numbers-title"),
        Header {
            member: Some(member),
            other: page.other,
        },
        body,
    )
}

/// The same page for every area, as one file that needs nothing else: its styles are
/// in it, and it has no form and no link back to the site.
pub fn file(lang: Lang, table: &Table, made: Date, name: &dyn Fn(&str) -> String) -> String {
    let tr = Tr(lang);
    let title = tr.t("staff-numbers-file-title");
    let made = tr.t_args(
        "staff-numbers-made",
        &[("date", long_date(lang, made).into())],
    );
    let html = view! {
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{title.clone()}</title>
                // As it is: text in a style element is not escaped by a browser.
                <style inner_html=include_str!("../../public/css/main.css")></style>
            </head>
            <body>
                <div class="rj-width">
                    <main id="main" class="rj-main">
                        <h1>{title}</h1>
                        <p>{tr.t("staff-numbers-file-intro")}</p>
                        <p>{made}</p>
                        {areas(lang, table, "staff-numbers-all", name)}
                    </main>
                </div>
            </body>
        </html>
    }
    .to_html();
    format!("<!DOCTYPE html>{html}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::report::{Median, measures};

    #[test]
    fn every_measure_has_a_name_in_both_languages() {
        for lang in Lang::ALL {
            for m in measures() {
                let label = measure_label(lang, &m.name);
                assert!(
                    !label.is_empty() && !label.contains("staff-") && !label.contains('_'),
                    "{lang:?} {}: {label}",
                    m.name
                );
            }
        }
    }

    #[test]
    fn the_charted_measures_are_counts_of_the_report() {
        let all = measures();
        for name in CHARTED {
            let m = all.iter().find(|m| m.name == name).expect(name);
            assert!(!m.is_median(), "{name}");
        }
    }

    #[test]
    fn a_hidden_count_draws_no_bar() {
        assert_eq!(height(Cell::Count(Count::Shown(7))), Some(7));
        assert_eq!(height(Cell::Count(Count::Small)), None);
        assert_eq!(height(Cell::Count(Count::Withheld)), None);
        assert_eq!(height(Cell::Median(Median::Shown(2.0))), None);
    }
}
