//! CSV exports for spreadsheets: every reading, and the scorecard of one review period.
//!
//! The text is RFC 4180 (comma-separated, CRLF line ends, fields quoted when they need it) and
//! starts with a UTF-8 byte-order mark, so Excel opens names such as "₹ revenue" or "Zoë" with
//! the right characters instead of guessing a code page.
//!
//! Writing is done here, not by `csv-core` (which reads the imports): its writer decides each
//! field's quoting by a style chosen at run time, one of which quotes text that does not parse
//! as a number, so every build that writes with it carries core's `f64` parser and its 10 KB
//! table, about 11 KiB of the gzipped download (issue 9). The rules it would apply with the
//! default style are the four lines of `push_field` and the empty-row case in [`to_csv`].
//!
//! Text cells are neutralised against CSV injection (OWASP): a spreadsheet runs a cell that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so such text gets a
//! leading `'`, which spreadsheets show as text. Numbers are written as numbers, negative ones
//! included: they are produced here, never taken from what a user typed as text.

use jiff::civil::Date;

use crate::domain::direction::Direction;
use crate::domain::format::{hundredths, plain};
use crate::domain::framework::Framework;
use crate::domain::iso_date;
use crate::domain::kpi::Kpi;
use crate::domain::period::Period;
use crate::domain::scoring::{score_framework_with, score_kpi_as, KpiScore, ScoreCache, Words};

/// One cell of a CSV row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text from the user or the app, neutralised on writing.
    Text(String),
    /// A number, written in full precision (`42`, `0.1`, `-3.5`).
    Number(f64),
    /// Nothing: no value for this cell.
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// A score or share, rounded as on screen (two decimals at most).
    fn rounded(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Number(hundredths(v)))
    }
}

/// Text as it is safe to put in a spreadsheet cell: unchanged, or with a leading `'` when a
/// spreadsheet would otherwise read it as a formula.
///
/// # Example
///
/// ```
/// use kra_kpi::exchange::csv::neutralise;
///
/// assert_eq!(neutralise("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
/// assert_eq!(neutralise("-5 on last month"), "'-5 on last month");
/// assert_eq!(neutralise("Leads converted"), "Leads converted");
/// ```
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes rows as CSV text, with the byte-order mark and a CRLF after every row.
///
/// # Example
///
/// ```
/// use kra_kpi::exchange::csv::{to_csv, Cell};
///
/// let rows = vec![
///     vec![Cell::Text("KPI".into()), Cell::Text("Value".into())],
///     vec![Cell::Text("Calls, \"outbound\"".into()), Cell::Number(-3.5)],
///     vec![Cell::Text("@SUM(A1)".into()), Cell::Empty],
/// ];
/// assert_eq!(to_csv(&rows), "\u{feff}KPI,Value\r\n\"Calls, \"\"outbound\"\"\",-3.5\r\n'@SUM(A1),\r\n");
/// ```
pub fn to_csv(rows: &[Vec<Cell>]) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("\u{feff}");
    for row in rows {
        let row_start = out.len();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match cell {
                Cell::Text(t) => push_field(&mut out, &neutralise(t)),
                // Digits, `-` and `.` (or `NaN`, `inf`): never quoted.
                Cell::Number(n) => {
                    let _ = write!(out, "{n}");
                }
                Cell::Empty => {}
            }
        }
        // A row of nothing at all would be a blank line, which readers skip: write it as one
        // empty quoted field instead, as csv-core and Python's csv module do.
        if out.len() == row_start {
            out.push_str("\"\"");
        }
        out.push_str("\r\n");
    }
    out
}

/// Appends one field, in double quotes (each inner quote doubled) when it holds a comma, a
/// quote or a line break, as RFC 4180 requires, and as it is otherwise.
fn push_field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Every reading of every KPI, one row each, in KRA and KPI order and then by period: the KRA,
/// KPI, unit, period, its first day, the value, the period's target, the score and status the
/// reading earns on its own (as if its period were reviewed), and the note.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::exchange::csv::{readings, to_csv};
///
/// let mut fw = Framework::new("Mine");
/// let kra = fw.add_kra(KraDraft::new("Revenue", 100.0)).unwrap();
/// let kpi = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// fw.add_reading(kpi, date(2026, 10, 9), 42.0, "=HYPERLINK(\"x\")").unwrap();
/// let text = to_csv(&readings(&fw, date(2026, 12, 2)));
/// let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
/// assert_eq!(lines[0], "KRA,KPI,Unit,Period,Period start,Value,Target,Score (%),Status,Note");
/// assert_eq!(lines[1], "Revenue,Leads converted,leads,Oct 2026,2026-10-01,42,50,84,Amber,\"'=HYPERLINK(\"\"x\"\")\"");
/// ```
pub fn readings(fw: &Framework, today: Date) -> Vec<Vec<Cell>> {
    let header = ["KRA", "KPI", "Unit", "Period", "Period start", "Value", "Target", "Score (%)", "Status", "Note"];
    let mut rows = vec![header.into_iter().map(Cell::text).collect()];
    for kra in fw.kras() {
        for kpi in fw.kpis_of(kra.id) {
            for (&start, reading) in fw.readings_of(kpi.id) {
                let period = fw.period_of(kpi, start);
                let score = score_kpi_as(fw, kpi, &period, today, Words::NumbersOnly);
                rows.push(vec![
                    Cell::text(&kra.name),
                    Cell::text(&kpi.spec.name),
                    Cell::text(&kpi.spec.unit),
                    Cell::text(period.label()),
                    Cell::text(iso_date::format(start)),
                    Cell::Number(reading.value),
                    target_cell(kpi, score.target),
                    Cell::rounded(score.score),
                    Cell::text(score.status.label()),
                    Cell::text(&reading.note),
                ]);
            }
        }
    }
    rows
}

/// The scorecard of `review` as a table: the overall score first, then each KRA followed by its
/// KPIs, with weight shares, values, targets, scores and statuses as the screen shows them.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::template::sales_executive;
/// use kra_kpi::exchange::csv::{review_scorecard, Cell};
///
/// let fw = sales_executive();
/// let november = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let rows = review_scorecard(&fw, &november, date(2026, 12, 2));
/// assert_eq!(rows.len(), 2 + fw.kras().len() + fw.kpis().len());
/// assert_eq!(rows[1][1], Cell::Text("Overall".into()));
/// assert_eq!(rows[1][9], Cell::Text("No reading".into()));
/// ```
pub fn review_scorecard(fw: &Framework, review: &Period, today: Date) -> Vec<Vec<Cell>> {
    let card = score_framework_with(fw, review, today, &mut ScoreCache::numbers_only());
    let header =
        ["Period", "Level", "KRA", "KPI", "Unit", "Weight share (%)", "Value", "Target", "Score (%)", "Status"];
    let period = || Cell::text(review.label());
    let mut rows = vec![header.into_iter().map(Cell::text).collect()];
    rows.push(vec![
        period(),
        Cell::text("Overall"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Number(100.0),
        Cell::Empty,
        Cell::Empty,
        Cell::rounded(card.overall),
        Cell::text(card.status.label()),
    ]);
    for kra in fw.kras() {
        let Some(k) = card.kras.get(&kra.id) else { continue };
        rows.push(vec![
            period(),
            Cell::text("KRA"),
            Cell::text(&kra.name),
            Cell::Empty,
            Cell::Empty,
            Cell::rounded(Some(k.weight_share)),
            Cell::Empty,
            Cell::Empty,
            Cell::rounded(k.score),
            Cell::text(k.status.label()),
        ]);
        for kpi in fw.kpis_of(kra.id) {
            let Some(s): Option<&KpiScore> = card.kpis.get(&kpi.id).map(|s| &**s) else { continue };
            rows.push(vec![
                period(),
                Cell::text("KPI"),
                Cell::text(&kra.name),
                Cell::text(&kpi.spec.name),
                Cell::text(&kpi.spec.unit),
                Cell::rounded(Some(s.weight_share)),
                Cell::number(s.value),
                target_cell(kpi, s.target),
                Cell::rounded(s.score),
                Cell::text(s.status.label()),
            ]);
        }
    }
    rows
}

/// The Target cell: a number for a one-sided KPI; for a range or a tolerance, which no single
/// number states, the goal as text without its unit ("7–8", "100 ± 5"; the Unit column has it).
fn target_cell(kpi: &Kpi, target: f64) -> Cell {
    match kpi.spec.direction {
        Direction::HigherIsBetter | Direction::LowerIsBetter => Cell::Number(target),
        Direction::KeepWithinRange { min, max } => Cell::text(format!("{}–{}", plain(min), plain(max))),
        Direction::HitValue { tolerance } => Cell::text(format!("{} ± {}", plain(target), plain(tolerance))),
    }
}
