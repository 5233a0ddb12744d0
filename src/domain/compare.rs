//! Several scorecards side by side: the overall score and each KRA's score, for the review
//! period of each scorecard that contains one chosen day.
//!
//! KRAs are matched by name (ignoring case and surrounding spaces), so the same role for two
//! people, or a scorecard and its copy for next year, line up row by row; KRAs only one scorecard
//! has get a row of their own, empty in the others' columns.

use jiff::civil::Date;

use super::framework::Framework;
use super::period::Period;
use super::scoring::{score_framework_with, ScoreCache, Status};

/// One scorecard's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The scorecard's name.
    pub name: String,
    /// The label of its review period containing the chosen day ("Nov 2026", "Q3 FY2026").
    pub period: String,
    /// Its overall score and status.
    pub overall: Cell,
    /// How many of its KPIs have a reading in the period, and how many it has.
    pub reported: (usize, usize),
}

/// A score and its status.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    /// The score in percent; `None` when nothing could be scored.
    pub score: Option<f64>,
    /// Its status (status words and symbols, never colour alone, are shown for it).
    pub status: Status,
}

/// One KRA's row: its name and, per column, its score (`None`: that scorecard has no such KRA).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The KRA's name as the first scorecard that has it spells it.
    pub kra: String,
    /// One entry per column.
    pub cells: Vec<Option<Cell>>,
}

/// The comparison table.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// One per scorecard, in the order given.
    pub columns: Vec<Column>,
    /// One per distinct KRA name, in order of first appearance.
    pub rows: Vec<Row>,
}

fn same_name(a: &str, b: &str) -> bool {
    crate::case::lowercase(a.trim()) == crate::case::lowercase(b.trim())
}

/// Scores each of `scorecards` for its review period containing `day` and lines them up.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::compare::compare;
/// use kra_kpi::domain::template::sales_executive;
///
/// let (alice, mut bob) = (sales_executive(), sales_executive());
/// bob.rename("Sales executive — Bob").unwrap();
/// let table = compare(&[&alice, &bob], date(2026, 11, 15), date(2026, 12, 2));
/// assert_eq!(table.columns.len(), 2);
/// assert_eq!(table.rows.len(), alice.kras().len(), "same KRAs, one row each");
/// assert!(table.rows.iter().all(|r| r.cells.iter().all(Option::is_some)));
/// ```
pub fn compare(scorecards: &[&Framework], day: Date, today: Date) -> Comparison {
    let mut columns = Vec::with_capacity(scorecards.len());
    let mut rows: Vec<Row> = Vec::new();
    for (i, fw) in scorecards.iter().enumerate() {
        let settings = fw.settings();
        let period = Period::containing(day, settings.review_cycle, settings.fiscal_year_start);
        let card = score_framework_with(fw, &period, today, &mut ScoreCache::numbers_only());
        let reported = card.kpis.values().filter(|k| k.readings > 0).count();
        columns.push(Column {
            name: fw.name().to_owned(),
            period: period.label(),
            overall: Cell { score: card.overall, status: card.status },
            reported: (reported, fw.kpis().len()),
        });
        for kra in fw.kras() {
            let cell = card.kras.get(&kra.id).map(|s| Cell { score: s.score, status: s.status });
            let row = match rows.iter_mut().position(|r| same_name(&r.kra, &kra.name) && r.cells[i].is_none()) {
                Some(at) => &mut rows[at],
                None => {
                    rows.push(Row { kra: kra.name.clone(), cells: vec![None; scorecards.len()] });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.cells[i] = cell.or(Some(Cell { score: None, status: Status::NoData }));
        }
    }
    Comparison { columns, rows }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::demo::{demo, DEMO_SEED};
    use crate::domain::template::by_key;

    #[test]
    fn two_departments_keep_their_own_rows_and_leave_the_others_empty() {
        let sales = by_key("sales-executive").unwrap();
        let hr = by_key("hr-manager").unwrap();
        let table = compare(&[&sales, &hr], date(2026, 11, 15), date(2026, 12, 2));
        assert_eq!(table.rows.len(), sales.kras().len() + hr.kras().len());
        let first = &table.rows[0];
        assert!(first.cells[0].is_some() && first.cells[1].is_none(), "a Sales KRA has no HR score");
        let last = table.rows.last().unwrap();
        assert!(last.cells[0].is_none() && last.cells[1].is_some());
        assert_eq!(table.columns[1].reported, (0, hr.kpis().len()));
    }

    #[test]
    fn the_demo_and_its_blank_copy_line_up_with_scores_only_where_there_are_readings() {
        let today = date(2026, 12, 2);
        let demo = demo(today, DEMO_SEED).unwrap();
        let copy = demo.blank_copy("Next year").unwrap();
        let table = compare(&[&demo, &copy], date(2026, 11, 1), today);
        assert_eq!(table.columns[0].period, "Nov 2026");
        assert!(table.columns[0].overall.score.is_some(), "the demo has November readings");
        assert_eq!(table.columns[1].overall.score, None);
        assert_eq!(table.columns[1].overall.status, Status::NoData);
        assert_eq!(table.rows.len(), demo.kras().len());
        for row in &table.rows {
            assert_eq!(row.cells[1].unwrap().status, Status::NoData, "{}", row.kra);
        }
    }

    #[test]
    fn kra_names_match_ignoring_case_and_spaces_but_a_repeated_name_keeps_its_own_row() {
        use crate::domain::kra::KraDraft;
        let mut a = Framework::new("A");
        a.add_kra(KraDraft::new("Quality", 50.0)).unwrap();
        a.add_kra(KraDraft::new("quality", 50.0)).unwrap();
        let mut b = Framework::new("B");
        b.add_kra(KraDraft::new("  QUALITY ", 100.0)).unwrap();
        let table = compare(&[&a, &b], date(2026, 11, 15), date(2026, 12, 2));
        assert_eq!(table.rows.len(), 2);
        assert!(table.rows[0].cells.iter().all(Option::is_some));
        assert!(table.rows[1].cells[1].is_none());
    }
}
