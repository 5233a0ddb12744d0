#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! CSV exports: what a spreadsheet user opens is RFC 4180 with a byte-order mark, hostile text
//! cannot run as a formula, and numbers stay numbers.

use jiff::civil::date;
use kra_kpi::domain::demo::demo;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::exchange::csv::{readings, review_scorecard, to_csv};

/// Reads CSV text back into rows of fields with csv-core's reader, as a spreadsheet would.
fn parse(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
    let mut reader = csv_core::Reader::new();
    let (mut input, mut rows, mut row) = (body.as_bytes(), Vec::new(), Vec::new());
    let mut field = vec![0u8; body.len() + 1];
    loop {
        let (result, nin, nout) = reader.read_field(input, &mut field);
        input = &input[nin..];
        match result {
            csv_core::ReadFieldResult::Field { record_end } => {
                row.push(String::from_utf8(field[..nout].to_vec()).unwrap());
                if record_end {
                    rows.push(std::mem::take(&mut row));
                }
            }
            csv_core::ReadFieldResult::End => break,
            csv_core::ReadFieldResult::InputEmpty => {}
            csv_core::ReadFieldResult::OutputFull => panic!("field buffer too small"),
        }
    }
    rows
}

fn hostile() -> Framework {
    let mut fw = Framework::new("Mine");
    let kra = fw.add_kra(KraDraft::new("=cmd|' /C calc'!A0", 100.0)).unwrap();
    let kpi =
        fw.add_kpi(kra, KpiSpec::new("<img src=x onerror=alert(1)>", "₹", Direction::HigherIsBetter, 10.0)).unwrap();
    fw.add_reading(kpi, date(2026, 9, 1), -5.0, "+1 on \"last\" month,\r\nsee @boss").unwrap();
    fw.add_reading(kpi, date(2026, 10, 1), 0.1, "").unwrap();
    fw
}

#[test]
fn every_reading_is_a_row_with_its_own_score() {
    let fw = demo(date(2026, 11, 23), 7).unwrap();
    let rows = parse(&to_csv(&readings(&fw, date(2026, 12, 2))));
    assert_eq!(rows.len(), 1 + fw.reading_count());
    assert!(rows.iter().all(|r| r.len() == 10), "every row has all ten columns");
    assert_eq!(rows[0][7], "Score (%)");
    for row in &rows[1..] {
        let score: f64 = row[7].parse().expect("every reading of the demo has a score");
        assert!(score.is_finite());
        assert!(["Green", "Amber", "Red"].contains(&row[8].as_str()), "{row:?}");
    }
}

#[test]
fn formulas_are_neutralised_and_numbers_stay_numbers() {
    let text = to_csv(&readings(&hostile(), date(2026, 12, 2)));
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let rows = parse(&text);
    assert_eq!(rows[1][0], "'=cmd|' /C calc'!A0");
    assert_eq!(rows[1][1], "<img src=x onerror=alert(1)>");
    assert_eq!(rows[1][2], "₹");
    assert_eq!(rows[1][5], "-5", "a negative value is a number, not neutralised text");
    assert_eq!(rows[1][9], "'+1 on \"last\" month,\r\nsee @boss", "quotes, comma and line break survive");
    assert_eq!(rows[2][5], "0.1");
    assert_eq!(rows[2][9], "");
}

#[test]
fn the_review_scorecard_lists_overall_then_each_kra_with_its_kpis() {
    let fw = hostile();
    let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
    let rows = parse(&to_csv(&review_scorecard(&fw, &october, date(2026, 12, 2))));
    let level: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(level, ["Level", "Overall", "KRA", "KPI"]);
    assert_eq!(rows[1][0], "Oct 2026");
    assert_eq!(rows[3][2], "'=cmd|' /C calc'!A0");
    assert_eq!(&rows[3][6..], ["0.1", "10", "1", "Red"]);
    assert_eq!(rows[1][8], "1");
}

#[test]
fn a_range_or_tolerance_is_written_as_the_goal_not_a_target_of_zero() {
    let mut fw = Framework::new("Me");
    let kra = fw.add_kra(KraDraft::new("Health", 100.0)).unwrap();
    let sleep = KpiSpec::new("Sleep", "hours", Direction::KeepWithinRange { min: 7.0, max: 8.0 }, 0.0);
    let sleep = fw.add_kpi(kra, sleep).unwrap();
    let staff =
        fw.add_kpi(kra, KpiSpec::new("Headcount", "people", Direction::HitValue { tolerance: 5.0 }, 100.0)).unwrap();
    fw.add_reading(sleep, date(2026, 10, 3), 7.5, "").unwrap();
    fw.add_reading(staff, date(2026, 10, 3), 98.0, "").unwrap();
    let rows = parse(&to_csv(&readings(&fw, date(2026, 12, 2))));
    let target = rows[0].iter().position(|h| h == "Target").unwrap();
    assert_eq!(rows[1][target], "7–8");
    assert_eq!(rows[2][target], "100 ± 5");
    let october = Period::containing(date(2026, 10, 3), Frequency::Monthly, fw.settings().fiscal_year_start);
    let review = parse(&to_csv(&review_scorecard(&fw, &october, date(2026, 12, 2))));
    let target = review[0].iter().position(|h| h == "Target").unwrap();
    assert_eq!(
        review.iter().filter(|r| r[1] == "KPI").map(|r| r[target].as_str()).collect::<Vec<_>>(),
        ["7–8", "100 ± 5"]
    );
}

mod writer {
    //! The export's writer is the crate's own (issue 9: csv-core's pulls in core's `f64`
    //! parser); it must write what csv-core's writer wrote, and read back as written.
    use super::parse;
    use kra_kpi::exchange::csv::{neutralise, to_csv, Cell};
    use proptest::prelude::*;

    /// The rows as csv-core's writer (default, "necessary" quoting) writes them: the export's
    /// implementation until issue 9.
    fn by_csv_core(rows: &[Vec<Cell>]) -> String {
        let mut writer = csv_core::WriterBuilder::new().terminator(csv_core::Terminator::CRLF).build();
        let mut out = "\u{feff}".as_bytes().to_vec();
        let mut buffer = Vec::new();
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                let text = match cell {
                    Cell::Text(t) => neutralise(t),
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                };
                buffer.resize(2 * text.len() + 4, 0);
                if i > 0 {
                    let (_, n) = writer.delimiter(&mut buffer);
                    out.extend_from_slice(&buffer[..n]);
                }
                let (_, _, n) = writer.field(text.as_bytes(), &mut buffer);
                out.extend_from_slice(&buffer[..n]);
            }
            buffer.resize(4, 0);
            let (_, n) = writer.terminator(&mut buffer);
            out.extend_from_slice(&buffer[..n]);
        }
        let (_, n) = writer.finish(&mut buffer);
        out.extend_from_slice(&buffer[..n]);
        String::from_utf8(out).unwrap()
    }

    fn cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            "[a-z ,\"\r\n=+@\t'₹é-]{0,8}".prop_map(Cell::Text),
            proptest::num::f64::NORMAL.prop_map(Cell::Number),
            (-1000i32..1000).prop_map(|n| Cell::Number(f64::from(n) / 8.0)),
            Just(Cell::Empty),
        ]
    }

    proptest! {
        #[test]
        fn writes_what_csv_core_wrote_and_reads_back(rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..5), 0..6)) {
            let text = to_csv(&rows);
            prop_assert_eq!(&text, &by_csv_core(&rows));
            let read = parse(&text);
            prop_assert_eq!(read.len(), rows.len());
            for (row, back) in rows.iter().zip(&read) {
                let expected: Vec<String> = row.iter().map(|c| match c {
                    Cell::Text(t) => neutralise(t),
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                }).collect();
                prop_assert_eq!(back, &expected);
            }
        }
    }
}
