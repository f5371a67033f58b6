//! The long form regrouped for reading: for each area, a row per measure and a column
//! per month. The commissioner's page and `rj report --format html` draw their tables
//! and charts from it, so they show exactly the long form's cells.

use super::report::{Cell, Count, LongRow, Median, Month, measures};
use std::collections::HashMap;

/// Every area's numbers over the same months.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub months: Vec<Month>,
    /// `all` (the total) first when present, then each area in the long form's order.
    pub areas: Vec<AreaTable>,
}

/// One area's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaTable {
    /// A police area's slug, or `all`.
    pub area: String,
    /// In [`measures`]' order.
    pub rows: Vec<MeasureRow>,
}

/// One measure over the months.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureRow {
    pub measure: String,
    /// A median of working days, not a count.
    pub median: bool,
    /// One per month, in [`Table::months`]' order.
    pub cells: Vec<Cell>,
}

impl Table {
    /// Regroups `rows` (from `report::long` or `long_for`) over the months `from` to
    /// `to`. A month in which the long form has no row for an area (it had no request
    /// then) is 0, and a median there is empty, as the long form would have said.
    pub fn of(rows: &[LongRow], from: Month, to: Month) -> Table {
        let mut months = Vec::new();
        let mut month = from;
        while month <= to {
            months.push(month);
            month = month.next();
        }
        let mut order: Vec<&str> = Vec::new();
        for r in rows {
            if !order.contains(&r.area.as_str()) {
                order.push(&r.area);
            }
        }
        // The total first, whatever month an area first appeared in.
        order.sort_by_key(|a| *a != "all");
        let cell: HashMap<(Month, &str, &str), Cell> = rows
            .iter()
            .map(|r| ((r.month, r.area.as_str(), r.measure.as_str()), r.value))
            .collect();
        let measures = measures();
        let areas = order
            .into_iter()
            .map(|area| AreaTable {
                area: area.to_string(),
                rows: measures
                    .iter()
                    .map(|m| {
                        let none = if m.is_median() {
                            Cell::Median(Median::None)
                        } else {
                            Cell::Count(Count::Shown(0))
                        };
                        MeasureRow {
                            measure: m.name.clone(),
                            median: m.is_median(),
                            cells: months
                                .iter()
                                .map(|month| {
                                    cell.get(&(*month, area, m.name.as_str()))
                                        .copied()
                                        .unwrap_or(none)
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Table { months, areas }
    }

    /// Leaves out the total (for a reader of one area, whose total it only repeats).
    pub fn without_total(mut self) -> Table {
        self.areas.retain(|a| a.area != "all");
        self
    }
}

impl AreaTable {
    /// The row of the measure called `name`.
    pub fn row(&self, name: &str) -> Option<&MeasureRow> {
        self.rows.iter().find(|r| r.measure == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::report::long_for;
    use crate::store::ReportEntry;

    fn entry(area: &str, month: &str) -> ReportEntry {
        ReportEntry {
            area: area.into(),
            month: month.into(),
            acknowledged_days: Some(1),
            failed: false,
            route: Some("direct".into()),
            language: Some("en".into()),
            asker: Some("harmed".into()),
            youth: false,
            contacted_days: None,
            outcome: None,
            passed_on: false,
            purged_unconfirmed: false,
        }
    }

    #[test]
    fn every_cell_is_the_long_forms_and_missing_months_are_zero() {
        let from = Month::parse("2026-01").unwrap();
        let to = Month::parse("2026-03").unwrap();
        let mut entries: Vec<ReportEntry> = (0..6).map(|_| entry("kent", "2026-01")).collect();
        entries.push(entry("essex", "2026-02"));
        let rows = crate::numbers::report::long(&entries, from, to);
        let table = Table::of(&rows, from, to);
        assert_eq!(table.months.len(), 3);
        assert_eq!(
            table
                .areas
                .iter()
                .map(|a| a.area.as_str())
                .collect::<Vec<_>>(),
            ["all", "kent", "essex"]
        );
        for r in &rows {
            let area = table.areas.iter().find(|a| a.area == r.area).unwrap();
            let i = table.months.iter().position(|m| *m == r.month).unwrap();
            assert_eq!(area.row(&r.measure).unwrap().cells[i], r.value, "{r:?}");
        }
        let kent = &table.areas[1];
        let requests = kent.row("requests").unwrap();
        assert_eq!(
            requests.cells,
            [
                Cell::Count(Count::Shown(6)),
                Cell::Count(Count::Shown(0)),
                Cell::Count(Count::Shown(0))
            ]
        );
        assert_eq!(
            kent.row("median_working_days_to_contact").unwrap().cells[1],
            Cell::Median(Median::None)
        );
    }

    #[test]
    fn a_commissioners_table_holds_their_areas_only() {
        let from = Month::parse("2026-01").unwrap();
        let entries = vec![entry("kent", "2026-01"), entry("essex", "2026-01")];
        let rows = long_for(&entries, from, from, &["essex".to_string()]);
        let table = Table::of(&rows, from, from).without_total();
        assert_eq!(table.areas.len(), 1);
        assert_eq!(table.areas[0].area, "essex");
        assert_eq!(
            table.areas[0].row("requests").unwrap().cells,
            [Cell::Count(Count::Small)]
        );
    }
}
