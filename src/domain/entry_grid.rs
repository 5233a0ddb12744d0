//! The bulk-entry grid's rules: which periods it shows, how a block pasted from a spreadsheet is
//! split into cells, and how a cell's text becomes a value.
//!
//! The grid itself (`ui::entry_grid`) is a table of KPIs × periods; what the user typed or
//! pasted goes through [`cell_value`], and the changed cells become a
//! [`BatchPlan`](super::reading_batch::BatchPlan), saved as one undoable edit.

use jiff::civil::Date;

use super::error::ValidationError;
use super::input::parse_reading;
use super::period::{FiscalYearStart, Frequency, Period};

/// How many periods of each frequency the grid shows, ending with today's: about a year of
/// monthly or weekly readings, two years of quarters, three of half-years, five of years.
pub fn period_count(frequency: Frequency) -> usize {
    match frequency {
        Frequency::Weekly | Frequency::Monthly => 12,
        Frequency::Quarterly => 8,
        Frequency::HalfYearly => 6,
        Frequency::Annual => 5,
    }
}

/// The grid's columns for `frequency`: the last [`period_count`] periods, oldest first, the last
/// one containing `today`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::entry_grid::recent_periods;
/// use kra_kpi::domain::period::{FiscalYearStart, Frequency};
///
/// let months = recent_periods(Frequency::Monthly, FiscalYearStart::JANUARY, date(2026, 12, 2));
/// assert_eq!(months.len(), 12);
/// assert_eq!(months[0].label(), "Jan 2026");
/// assert_eq!(months[11].label(), "Dec 2026");
/// ```
pub fn recent_periods(frequency: Frequency, fiscal: FiscalYearStart, today: Date) -> Vec<Period> {
    let mut period = Period::containing(today, frequency, fiscal);
    let mut periods = vec![period];
    for _ in 1..period_count(frequency) {
        period = period.previous();
        periods.push(period);
    }
    periods.reverse();
    periods
}

/// A block copied from Excel, Google Sheets or LibreOffice (tab-separated rows) split into
/// rows of cells. A single trailing line break (spreadsheets add one) makes no extra row; a
/// cell the spreadsheet put in quotes (`"a ""b"""`) is unquoted.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::entry_grid::paste_block;
///
/// assert_eq!(paste_block("1\t2\r\n3\t4\r\n"), vec![vec!["1", "2"], vec!["3", "4"]]);
/// assert_eq!(paste_block("42"), vec![vec!["42"]]);
/// ```
pub fn paste_block(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\n')
        .map(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            line.split('\t').map(unquote).collect()
        })
        .collect()
}

/// A cell spreadsheets quoted (`"a ""b"""`) as written; anything else unchanged.
fn unquote(cell: &str) -> String {
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => cell.to_owned(),
    }
}

/// The value a cell's text gives: `None` for an empty cell, otherwise what
/// [`parse_reading`] reads (spreadsheet formatting such as `1,234,567.5` and `92.5%` included).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::entry_grid::cell_value;
///
/// assert_eq!(cell_value(" "), Ok(None));
/// assert_eq!(cell_value("1,250,000"), Ok(Some(1_250_000.0)));
/// assert!(cell_value("n/a").is_err());
/// ```
pub fn cell_value(text: &str) -> Result<Option<f64>, ValidationError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_reading(text).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn refusals_quote_what_was_typed() {
        assert_eq!(
            cell_value("1,2,3%").unwrap_err().to_string(),
            "Value: \"1,2,3%\" is not a number. Enter digits such as 42 or 12.5."
        );
        assert!(matches!(cell_value("inf"), Err(ValidationError::NotFinite { .. })));
        assert_eq!(cell_value("-1,000"), Ok(Some(-1000.0)));
    }

    #[test]
    fn quoted_and_ragged_blocks() {
        assert_eq!(paste_block("\"a \"\"b\"\"\"\t\n\t7"), vec![vec!["a \"b\"", ""], vec!["", "7"]]);
        assert_eq!(paste_block(""), vec![vec![""]]);
    }

    #[test]
    fn quarters_follow_the_fiscal_year() {
        let quarters = recent_periods(Frequency::Quarterly, FiscalYearStart::new(4).unwrap(), date(2026, 12, 2));
        assert_eq!(quarters.len(), 8);
        assert_eq!(quarters[7].label(), "Q3 FY2026-27");
        assert_eq!(quarters[0].label(), "Q4 FY2024-25");
    }
}
