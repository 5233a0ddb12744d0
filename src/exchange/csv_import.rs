//! Readings from a CSV file: read with `csv-core`, matched to the scorecard's KPIs by name, and
//! checked as a [`BatchPlan`] so the user sees what will be added, replaced and refused before
//! anything is saved.
//!
//! The file this app exports ([`super::csv::readings`]) reads back as it was written: the
//! columns are found by their header names (`KRA`, `KPI`, `Period start` or `Period`, `Value`,
//! `Note`; case and order do not matter, other columns are ignored), the `'` the export puts
//! before formula-like text is taken off again, and a file saved by a spreadsheet with `;`
//! between fields and decimal commas (`12,5`) is read too.

use std::collections::HashMap;
use std::fmt;

use jiff::civil::Date;

use super::file::MAX_FILE_BYTES;
use crate::domain::format::num;
use crate::domain::framework::Framework;
use crate::domain::input::parse_number;
use crate::domain::iso_date;
use crate::domain::kpi_names::KpiNames;
use crate::domain::period::{Frequency, Period};
use crate::domain::reading_batch::{BatchPlan, Proposal, Refusal};

/// Why a CSV file could not be read at all (a single bad row only refuses that row).
#[derive(Clone, Debug, PartialEq)]
pub enum CsvImportError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// No header row.
    Empty,
    /// The header lacks columns the import needs.
    MissingColumns {
        /// The columns needed and not found.
        missing: Vec<&'static str>,
        /// The header as found.
        found: Vec<String>,
    },
    /// A header and no data rows.
    NoRows,
}

impl fmt::Display for CsvImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvImportError::TooLarge { bytes } => write!(
                f,
                "it is {} MB, more than the {} MB a file may have",
                num(*bytes as f64 / 1_048_576.0),
                MAX_FILE_BYTES / 1_048_576
            ),
            CsvImportError::Empty => write!(f, "the file is empty"),
            CsvImportError::MissingColumns { missing, found } => {
                let found: Vec<String> =
                    found.iter().filter(|h| !h.trim().is_empty()).take(12).map(|h| format!("\"{h}\"")).collect();
                write!(f, "it has no {} column", missing.join(" or "))?;
                if missing.len() > 1 {
                    write!(f, "s")?;
                }
                if found.is_empty() {
                    write!(f, " (its first row is empty)")?;
                } else {
                    write!(f, " (its first row has {})", found.join(", "))?;
                }
                write!(f, "; the first row must name the columns KPI, Value and Period start (or Period)")
            }
            CsvImportError::NoRows => write!(f, "it has a header row but no readings"),
        }
    }
}

/// One data row as written in the file, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// The row's number as a spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// The KRA cell (empty without a KRA column).
    pub kra: String,
    /// The KPI cell.
    pub kpi: String,
    /// The period as written (its start date or its label).
    pub period: String,
    /// The value cell.
    pub value: String,
}

/// A CSV file read against a framework: each data row as written, and what saving it would do
/// (`plan.entries[i]` is `rows[i]`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvReadings {
    /// The data rows, in file order (empty rows skipped).
    pub rows: Vec<CsvRow>,
    /// The checked readings.
    pub plan: BatchPlan,
}

/// Reads readings from CSV `text` for the KPIs of `fw`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::reading_batch::Tally;
/// use kra_kpi::exchange::csv_import::read_readings;
///
/// let mut fw = Framework::new("Mine");
/// let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
/// fw.add_kpi(kra, KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
///
/// let text = "KPI,Period start,Value\nLeads,2026-10-01,42\nLeeds,2026-10-01,40\nLeads,Nov 2026,abc\n";
/// let read = read_readings(&fw, text, date(2026, 12, 2)).unwrap();
/// assert_eq!(read.plan.tally(), Tally { added: 1, replaced: 0, unchanged: 0, refused: 2 });
/// assert_eq!(read.plan.entries[1].as_ref().unwrap_err().to_string(), "no KPI is called \"Leeds\"");
/// assert_eq!(read.rows[2].row, 4);
/// ```
pub fn read_readings(fw: &Framework, text: &str, today: Date) -> Result<CsvReadings, CsvImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(CsvImportError::TooLarge { bytes: text.len() as u64 });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = guess_delimiter(text);
    let mut records = parse(text.as_bytes(), delimiter).into_iter();
    let header = records.next().ok_or(CsvImportError::Empty)?;
    let columns = Columns::find(&header)?;
    let matcher = KpiNames::new(fw);
    let mut labels = PeriodLabels::new(today);
    let mut rows = Vec::new();
    let mut proposals = Vec::new();
    for (index, record) in records.enumerate() {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: Option<usize>| column.and_then(|c| record.get(c)).map_or("", |s| s.trim());
        let row = CsvRow {
            row: index + 2,
            kra: restore(cell(columns.kra)).to_owned(),
            kpi: restore(cell(Some(columns.kpi))).to_owned(),
            period: match cell(columns.start) {
                "" => cell(columns.label),
                start => start,
            }
            .to_owned(),
            value: cell(Some(columns.value)).to_owned(),
        };
        let proposal = (|| {
            let kpi = matcher.find(&row.kra, &row.kpi)?;
            let frequency = fw.kpi(kpi).map_or(Frequency::Monthly, |k| k.spec.frequency);
            let day = match (cell(columns.start), cell(columns.label)) {
                (start, _) if !start.is_empty() => {
                    iso_date::parse(start).ok_or_else(|| Refusal::BadPeriod { input: start.to_owned() })?
                }
                (_, label) => {
                    labels.find(fw, frequency, label).ok_or_else(|| Refusal::BadPeriod { input: label.to_owned() })?
                }
            };
            let value = decimal(&row.value, delimiter);
            let value = parse_number("Value", &value).map_err(Refusal::BadValue)?;
            let note = columns.note.map(|c| restore(record.get(c).map_or("", |s| s.trim())).to_owned());
            Ok(Proposal { kpi, day, value, note })
        })();
        rows.push(row);
        proposals.push(proposal);
    }
    if rows.is_empty() {
        return Err(CsvImportError::NoRows);
    }
    Ok(CsvReadings { rows, plan: BatchPlan::check(fw, proposals, today) })
}

/// Text as the user wrote it: the `'` that [`super::csv::neutralise`] put before formula-like
/// text is taken off.
fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// A value with a decimal comma (`12,5`) written with a point, when fields are separated by
/// `;` (as spreadsheets do where the comma is the decimal mark).
fn decimal(value: &str, delimiter: u8) -> String {
    if delimiter == b';' && value.matches(',').count() == 1 && !value.contains('.') {
        value.replace(',', ".")
    } else {
        value.to_owned()
    }
}

/// The field separator: whichever of `,`, `;` and tab the first row has most of, outside quotes.
fn guess_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Every record of `input`, fields decoded as UTF-8 (invalid bytes replaced).
fn parse(input: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    use csv_core::ReadRecordResult::*;
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut records = Vec::new();
    let (mut output, mut ends) = (vec![0u8; 1024], vec![0usize; 16]);
    let (mut out_len, mut ends_len) = (0, 0);
    let mut input = input;
    loop {
        let (result, read, written, ended) = reader.read_record(input, &mut output[out_len..], &mut ends[ends_len..]);
        input = &input[read..];
        out_len += written;
        ends_len += ended;
        match result {
            // The whole input was given at once: the next call, with nothing left, ends it.
            InputEmpty => {}
            OutputFull => output.resize(output.len() * 2, 0),
            OutputEndsFull => ends.resize(ends.len() * 2, 0),
            Record => {
                let mut start = 0;
                let fields = ends[..ends_len]
                    .iter()
                    .map(|&end| {
                        let field = String::from_utf8_lossy(&output[start..end]).into_owned();
                        start = end;
                        field
                    })
                    .collect();
                records.push(fields);
                (out_len, ends_len) = (0, 0);
            }
            End => return records,
        }
    }
}

/// Where the columns the import reads are.
struct Columns {
    kra: Option<usize>,
    kpi: usize,
    start: Option<usize>,
    label: Option<usize>,
    value: usize,
    note: Option<usize>,
}

impl Columns {
    fn find(header: &[String]) -> Result<Columns, CsvImportError> {
        let names: Vec<String> = header.iter().map(|h| crate::case::lowercase(restore(h.trim()))).collect();
        let find = |accepted: &[&str]| names.iter().position(|n| accepted.contains(&n.as_str()));
        let kpi = find(&["kpi", "kpi name"]);
        let value = find(&["value", "actual", "reading"]);
        let start = find(&["period start", "date", "day"]);
        let label = find(&["period"]);
        let mut missing = Vec::new();
        if kpi.is_none() {
            missing.push("KPI");
        }
        if value.is_none() {
            missing.push("Value");
        }
        if start.is_none() && label.is_none() {
            missing.push("Period start");
        }
        match (kpi, value) {
            (Some(kpi), Some(value)) if missing.is_empty() => Ok(Columns {
                kra: find(&["kra", "kra name"]),
                kpi,
                start,
                label,
                value,
                note: find(&["note", "notes", "comment"]),
            }),
            _ => Err(CsvImportError::MissingColumns { missing, found: header.to_vec() }),
        }
    }
}

/// Period labels ("Nov 2026", "Q3 FY2026-27", "2026-W48") read back to their periods, for files
/// with a `Period` column and no start date: each frequency's labels from 50 years back to
/// today's period, made the first time that frequency is needed.
struct PeriodLabels {
    today: Date,
    made: HashMap<Frequency, HashMap<String, Date>>,
}

impl PeriodLabels {
    fn new(today: Date) -> PeriodLabels {
        PeriodLabels { today, made: HashMap::new() }
    }

    fn find(&mut self, fw: &Framework, frequency: Frequency, label: &str) -> Option<Date> {
        if label.is_empty() {
            return None;
        }
        let today = self.today;
        let fiscal = fw.settings().fiscal_year_start;
        let labels = self.made.entry(frequency).or_insert_with(|| {
            let first = Date::new(today.year().saturating_sub(50), 1, 1).unwrap_or(today);
            let mut period = Period::containing(first, frequency, fiscal);
            let mut labels = HashMap::new();
            while period.start() <= today {
                labels.insert(crate::case::lowercase(&period.label()), period.start());
                period = period.next();
            }
            labels
        });
        labels.get(&crate::case::lowercase(label.trim())).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_the_most_common_separator_of_the_first_row() {
        assert_eq!(guess_delimiter("KPI;Value;Period start\n1,5;2"), b';');
        assert_eq!(guess_delimiter("\"a,b,c\";x;y\n"), b';');
        assert_eq!(guess_delimiter("KPI\tValue\tPeriod\n"), b'\t');
        assert_eq!(guess_delimiter("KPI,Value\n"), b',');
        assert_eq!(guess_delimiter("KPI\n"), b',');
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let records = parse(b"a,\"b, \"\"c\"\"\",\"line\r\nbreak\"\r\n1,2,3", b',');
        assert_eq!(records, vec![vec!["a", "b, \"c\"", "line\r\nbreak"], vec!["1", "2", "3"]]);
    }

    #[test]
    fn long_fields_and_many_columns_grow_the_buffers() {
        let long = "x".repeat(5000);
        let wide = vec!["y"; 40].join(",");
        let records = parse(format!("{long}\n{wide}\n").as_bytes(), b',');
        assert_eq!(records[0], vec![long]);
        assert_eq!(records[1].len(), 40);
    }

    #[test]
    fn neutralised_text_is_restored_but_other_quotes_stay() {
        assert_eq!(restore("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(restore("'-5 on last month"), "-5 on last month");
        assert_eq!(restore("'tis the season"), "'tis the season");
    }

    #[test]
    fn decimal_commas_only_with_semicolons() {
        assert_eq!(decimal("12,5", b';'), "12.5");
        assert_eq!(decimal("1,234.5", b';'), "1,234.5");
        assert_eq!(decimal("12,5", b','), "12,5");
    }
}
