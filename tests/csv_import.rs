#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Readings from CSV: this app's own export reads back exactly, spreadsheet variants are read,
//! every bad row is refused with its reason and never changes the scorecard, and no input panics.

use jiff::civil::{date, Date};
use kra_kpi::domain::demo::demo;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency};
use kra_kpi::domain::reading_batch::{Tally, Verdict};
use kra_kpi::exchange::csv::{readings, to_csv};
use kra_kpi::exchange::csv_import::{read_readings, CsvImportError};

const TODAY: Date = date(2026, 12, 2);

fn demo_fw() -> Framework {
    demo(TODAY, 7).unwrap()
}

/// Two KRAs, each with a KPI called "Accuracy", and a quarterly KPI.
fn two_accuracies() -> Framework {
    let mut fw = Framework::new("Mine");
    let ops = fw.add_kra(KraDraft::new("Operations", 60.0)).unwrap();
    let fin = fw.add_kra(KraDraft::new("Finance", 40.0)).unwrap();
    fw.add_kpi(ops, KpiSpec::new("Accuracy", "%", Direction::HigherIsBetter, 98.0)).unwrap();
    fw.add_kpi(fin, KpiSpec::new("Accuracy", "%", Direction::HigherIsBetter, 99.0)).unwrap();
    let mut quarterly = KpiSpec::new("Audit findings", "findings", Direction::LowerIsBetter, 2.0);
    quarterly.frequency = Frequency::Quarterly;
    fw.add_kpi(fin, quarterly).unwrap();
    fw
}

fn reasons(fw: &Framework, text: &str) -> Vec<String> {
    let read = read_readings(fw, text, TODAY).unwrap();
    read.plan.entries.iter().map(|e| e.as_ref().err().map(ToString::to_string).unwrap_or_default()).collect()
}

#[test]
fn the_apps_own_export_reads_back_unchanged_into_the_same_scorecard() {
    let fw = demo_fw();
    let text = to_csv(&readings(&fw, TODAY));
    let read = read_readings(&fw, &text, TODAY).unwrap();
    assert_eq!(read.plan.tally(), Tally { added: 0, replaced: 0, unchanged: fw.reading_count(), refused: 0 });
    assert_eq!(read.plan.edit(false), None, "nothing to save");
}

#[test]
fn the_export_fills_a_blank_copy_with_the_same_readings_and_notes() {
    let mut fw = demo_fw();
    // Notes a spreadsheet would run as formulas come back as the user typed them.
    let (kpi, start) = fw.all_readings().map(|(k, d, _)| (k, d)).next().unwrap();
    let value = fw.reading(kpi, start).unwrap().value;
    fw.update_reading(kpi, start, value, "=cmd|' /C calc'!A0, \"quoted\"").unwrap();
    let text = to_csv(&readings(&fw, TODAY));

    let mut copy = fw.blank_copy("Copy").unwrap();
    let read = read_readings(&copy, &text, TODAY).unwrap();
    assert_eq!(read.plan.tally(), Tally { added: fw.reading_count(), replaced: 0, unchanged: 0, refused: 0 });
    copy.apply(read.plan.edit(false).unwrap()).unwrap();
    let mine: Vec<_> = fw.all_readings().map(|(_, d, r)| (d, r.clone())).collect();
    let theirs: Vec<_> = copy.all_readings().map(|(_, d, r)| (d, r.clone())).collect();
    assert_eq!(mine, theirs);
}

#[test]
fn a_changed_value_replaces_keeping_the_note_and_only_new_leaves_it() {
    let mut fw = two_accuracies();
    let ops_accuracy = fw.kpis()[0].id;
    fw.add_reading(ops_accuracy, date(2026, 10, 1), 97.0, "audit week").unwrap();
    let text = "KRA,KPI,Period start,Value\nOperations,Accuracy,2026-10-01,98.5\nOperations,Accuracy,2026-11-01,99\n";
    let read = read_readings(&fw, text, TODAY).unwrap();
    assert_eq!(read.plan.tally(), Tally { added: 1, replaced: 1, unchanged: 0, refused: 0 });
    assert!(matches!(read.plan.entries[0].as_ref().unwrap().verdict, Verdict::Replace { old } if old == 97.0));

    let mut only_new = fw.clone();
    only_new.apply(read.plan.edit(true).unwrap()).unwrap();
    assert_eq!(only_new.reading(ops_accuracy, date(2026, 10, 1)).unwrap().value, 97.0);
    assert_eq!(only_new.reading_count(), 2);

    let before = fw.clone();
    let applied = fw.apply(read.plan.edit(false).unwrap()).unwrap();
    let october = fw.reading(ops_accuracy, date(2026, 10, 1)).unwrap();
    assert_eq!((october.value, october.note.as_str()), (98.5, "audit week"), "no Note column keeps the note");
    fw.apply(applied.inverse).unwrap();
    assert_eq!(fw, before, "one undo takes the whole import back");
}

#[test]
fn every_bad_row_is_refused_with_its_reason() {
    let fw = two_accuracies();
    let text = "\u{feff}KRA,KPI,Period start,Value\n\
        Operations,Accuracy,2026-10-01,98\n\
        ,Accuracy,2026-10-01,98\n\
        Sales,Accuracy,2026-10-01,98\n\
        Operations,Leeds,2026-10-01,98\n\
        Operations,Audit findings,2026-10-01,1\n\
        Operations,Accuracy,01/11/2026,98\n\
        Operations,Accuracy,2027-01-01,98\n\
        Operations,Accuracy,2026-10-15,97\n\
        Operations,Accuracy,2026-09-01,NaN\n\
        Operations,Accuracy,2026-08-01,1e400\n\
        Operations,Accuracy,2026-07-01,\n\
        Operations,Accuracy,2026-06-01,ninety\n\
        Operations,Accuracy,,98\n";
    assert_eq!(
        reasons(&fw, text),
        [
            "",
            "2 KPIs are called \"Accuracy\": add a KRA column to say which",
            "no KRA is called \"Sales\"",
            "no KPI is called \"Leeds\"",
            "\"Operations\" has no KPI called \"Audit findings\"",
            "\"01/11/2026\" is not a period: write its start as YYYY-MM-DD, such as 2026-11-01",
            "Jan 2027 has not started yet",
            "a reading for Oct 2026 comes earlier in the same batch",
            "Value: \"NaN\" is not a finite number. Enter an ordinary value such as 42.",
            "Value: \"1e400\" is not a finite number. Enter an ordinary value such as 42.",
            "Value is empty. Enter a number such as 42 or 12.5.",
            "Value: \"ninety\" is not a number. Enter digits such as 42 or 12.5.",
            "no period: give the period start as YYYY-MM-DD",
        ]
    );
    let read = read_readings(&fw, text, TODAY).unwrap();
    assert_eq!(read.rows.iter().map(|r| r.row).collect::<Vec<_>>(), (2..=14).collect::<Vec<_>>());
    assert_eq!(read.plan.tally().added, 1);
}

#[test]
fn a_spreadsheet_saved_with_semicolons_decimal_commas_and_period_labels_is_read() {
    let mut fw = two_accuracies();
    let mut settings = fw.settings().clone();
    settings.fiscal_year_start = FiscalYearStart::new(4).unwrap();
    fw.set_settings(settings).unwrap();
    let text = "kpi;KRA;PERIOD;Actual;Notes\r\n\
        Accuracy;Finance;Nov 2026;98,5;'=A1\r\n\
        ;;;;\r\n\
        Audit findings;Finance;q2 fy2026-27;3;\r\n\
        Audit findings;Finance;Q3 2026;3;\r\n";
    let read = read_readings(&fw, text, TODAY).unwrap();
    assert_eq!(read.rows.len(), 3, "the empty row is skipped");
    let first = read.plan.entries[0].as_ref().unwrap();
    assert_eq!((first.proposal.value, first.note.as_str()), (98.5, "=A1"));
    assert_eq!(first.period.start(), date(2026, 11, 1));
    let second = read.plan.entries[1].as_ref().unwrap();
    assert_eq!(second.period.start(), date(2026, 7, 1), "Q2 of an April fiscal year is July to September");
    assert_eq!(
        read.plan.entries[2].as_ref().unwrap_err().to_string(),
        "\"Q3 2026\" is not a period: write its start as YYYY-MM-DD, such as 2026-11-01"
    );
}

#[test]
fn files_that_cannot_be_read_say_why() {
    let fw = two_accuracies();
    let err = |text: &str| read_readings(&fw, text, TODAY).unwrap_err();
    assert_eq!(err(""), CsvImportError::Empty);
    assert_eq!(err("\u{feff}"), CsvImportError::Empty);
    assert_eq!(err("KPI,Period start,Value\r\n"), CsvImportError::NoRows);
    assert_eq!(
        err("Name,When,Amount\nAccuracy,2026-10-01,98\n").to_string(),
        "it has no KPI or Value or Period start columns (its first row has \"Name\", \"When\", \"Amount\"); \
         the first row must name the columns KPI, Value and Period start (or Period)"
    );
    assert_eq!(
        err("{\"schema\": 2}").to_string(),
        "it has no KPI or Value or Period start columns (its first row has \"{\"schema\": 2}\"); \
         the first row must name the columns KPI, Value and Period start (or Period)"
    );
    let big = "x".repeat(10 * 1024 * 1024 + 1);
    assert!(matches!(err(&big), CsvImportError::TooLarge { .. }));
}

/// A small deterministic generator (xorshift), so the fuzz needs no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_and_mutated_files_never_panic_and_whatever_is_accepted_applies() {
    let fw = demo_fw();
    let export = to_csv(&readings(&fw, TODAY)).into_bytes();
    let alphabet = b",;\t\"'\r\n=-+@0123456789.eE KPIValueperiodstart2026-1\xff\xfe";
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..2000 {
        let bytes: Vec<u8> = if case % 2 == 0 {
            let mut b = export.clone();
            for _ in 0..1 + rng.next() % 8 {
                let i = (rng.next() as usize) % b.len();
                match rng.next() % 3 {
                    0 => b[i] = alphabet[(rng.next() as usize) % alphabet.len()],
                    1 => {
                        b.remove(i);
                    }
                    _ => b.truncate(i),
                }
                if b.is_empty() {
                    break;
                }
            }
            b
        } else {
            (0..rng.next() % 300).map(|_| alphabet[(rng.next() as usize) % alphabet.len()]).collect()
        };
        let text = String::from_utf8_lossy(&bytes);
        let Ok(read) = read_readings(&fw, &text, TODAY) else { continue };
        assert_eq!(read.rows.len(), read.plan.entries.len());
        if let Some(edit) = read.plan.edit(false) {
            let mut copy = fw.clone();
            let applied = copy.apply(edit).expect("an accepted plan applies");
            copy.check_integrity().unwrap();
            copy.apply(applied.inverse).unwrap();
            assert_eq!(copy, fw);
        }
    }
}
