#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Importing a scorecard file: every file a user might pick by mistake, or an attacker might
//! craft, is refused with a reason in plain words; everything the app exported comes back.

use jiff::civil::date;
use kra_kpi::domain::demo::demo;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::summary::Summary;
use kra_kpi::exchange::file::{check_size, export, file_name, import, ImportError, MAX_FILE_BYTES};
use serde_json::{json, Value};

fn sample() -> Framework {
    let mut fw = Framework::new("Sales executive");
    let kra = fw.add_kra(KraDraft::new("Revenue", 60.0)).unwrap();
    let kpi = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
    fw.add_reading(kpi, date(2026, 10, 1), 42.0, "good month").unwrap();
    fw
}

/// The message a user sees for `text`, or a panic if it was imported.
fn refusal(text: &str) -> String {
    match import(text) {
        Err(e) => e.to_string(),
        Ok(fw) => panic!("imported {:?} from {text}", fw.name()),
    }
}

fn edited(damage: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export(&sample())).unwrap();
    damage(&mut v);
    v.to_string()
}

#[test]
fn an_exported_demo_comes_back_with_the_same_summary() {
    let fw = demo(date(2026, 11, 23), 7).unwrap();
    let back = import(&export(&fw)).unwrap();
    assert_eq!(back, fw);
    assert_eq!(Summary::of(&back), Summary::of(&fw));
}

#[test]
fn a_byte_order_mark_from_a_windows_editor_is_accepted() {
    let text = format!("\u{feff}{}", export(&sample()));
    assert_eq!(import(&text), Ok(sample()));
}

#[test]
fn older_formats_are_migrated_on_import() {
    let schema1 = include_str!("fixtures/schema1_sales.json");
    let fw = import(schema1).expect("a schema-1 file imports");
    assert!(!fw.kras().is_empty());
}

#[test]
fn text_that_is_not_json_is_refused() {
    assert!(refusal("name,value\nLeads,42").starts_with("it is not a JSON file ("), "{}", refusal("x"));
    let truncated = &export(&sample())[..40];
    assert!(refusal(truncated).starts_with("it is not a JSON file ("));
}

#[test]
fn another_programs_json_is_refused_as_not_ours() {
    let message = "it is a JSON file, but not a kra-kpi scorecard (it was written by another program)";
    assert_eq!(refusal(r#"{"users":[{"name":"a"}]}"#), message);
    assert_eq!(refusal("[1,2,3]"), message);
    assert_eq!(refusal(r#"{"app":"excel","schema":3,"framework":{}}"#), message);
}

#[test]
fn a_newer_schema_is_refused_naming_both_versions() {
    let text = edited(|v| v["schema"] = json!(99));
    assert_eq!(
        refusal(&text),
        "it was saved by a newer version of kra-kpi (file format 99; this version reads formats up to 4)"
    );
}

#[test]
fn a_file_over_ten_megabytes_is_refused_before_and_after_reading() {
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(
        check_size(12 * 1024 * 1024).unwrap_err().to_string(),
        "the file is 12 MB, and files over 10 MB are not imported"
    );
    let padded = format!("{}{}", export(&sample()), " ".repeat(MAX_FILE_BYTES as usize));
    assert!(matches!(import(&padded), Err(ImportError::TooLarge { .. })));
}

#[test]
fn deep_nesting_is_refused_without_reaching_the_decoder() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(refusal(&text), "it is not a kra-kpi scorecard file (its data is nested more than 32 levels deep)");
    let nested_name = edited(|v| {
        let mut deep = json!(1);
        for _ in 0..40 {
            deep = json!([deep]);
        }
        v["framework"]["extra"] = deep;
    });
    assert_eq!(import(&nested_name), Err(ImportError::TooDeep));
}

#[test]
fn duplicate_ids_are_refused_as_damage() {
    let text = edited(|v| {
        let kra = v["framework"]["kras"][0].clone();
        v["framework"]["kras"].as_array_mut().unwrap().push(kra);
    });
    let message = refusal(&text);
    assert!(message.starts_with("the file is damaged (") && message.contains("id"), "{message}");
}

#[test]
fn a_kpi_of_a_missing_kra_is_refused_as_damage() {
    let text = edited(|v| v["framework"]["kpis"][0]["kra"] = json!(999));
    assert_eq!(refusal(&text), "the file is damaged (KPI \"Leads converted\" belongs to a missing KRA)");
}

#[test]
fn readings_of_a_missing_kpi_are_refused_as_damage() {
    let text = edited(|v| v["framework"]["readings"][0]["kpi"] = json!(999));
    assert_eq!(refusal(&text), "the file is damaged (readings belong to a missing KPI (id 999))");
}

#[test]
fn numbers_beyond_the_range_of_a_double_are_refused() {
    let text = export(&sample()).replacen("42.0", "1e400", 1);
    let message = refusal(&text);
    assert!(message.starts_with("the file is damaged (number out of range"), "{message}");
}

#[test]
fn nan_written_as_a_string_is_refused() {
    let text = edited(|v| v["framework"]["readings"][0]["values"][0] = json!("NaN"));
    let message = refusal(&text);
    assert!(message.starts_with("the file is damaged (invalid type: string \"NaN\""), "{message}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(refusal(""), "the file is empty");
    assert_eq!(refusal("\u{feff}\n "), "the file is empty");
}

#[test]
fn export_file_names_carry_the_scorecard_and_the_day() {
    assert_eq!(file_name("Sales executive", date(2026, 12, 2), "json"), "Sales executive 2026-12-02.json");
    assert_eq!(
        file_name("<img src=x onerror=alert(1)>", date(2026, 12, 2), "json"),
        "img src=x onerror=alert(1) 2026-12-02.json"
    );
    let long = "x".repeat(500);
    assert_eq!(file_name(&long, date(2026, 12, 2), "csv").chars().count(), 100 + " 2026-12-02.csv".len());
}

/// A small, fast, reproducible generator (xorshift), so the fuzz test needs no extra crate.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Thousands of random and mutated files: each one is imported or refused, never a panic, and
/// whatever imports is a sound framework that exports again.
#[test]
fn random_and_mutated_files_never_panic() {
    let seed = export(&demo(date(2026, 11, 23), 3).unwrap());
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    let alphabet = br#"{}[]",:0123456789.eE-+ntrufalse\ "#;
    let (mut imported, mut refused) = (0, 0);
    for round in 0..3000 {
        let mut bytes = seed.as_bytes().to_vec();
        if round % 3 == 0 {
            // Pure noise, from the JSON alphabet so the decoder gets past the first byte.
            bytes = (0..noise.below(200)).map(|_| alphabet[noise.below(alphabet.len())]).collect();
        } else {
            for _ in 0..1 + noise.below(4) {
                if bytes.is_empty() {
                    break; // truncated to nothing: an empty file is tried as it is
                }
                let at = noise.below(bytes.len());
                match noise.below(4) {
                    0 => bytes[at] = alphabet[noise.below(alphabet.len())],
                    1 => drop(bytes.remove(at)),
                    2 => bytes.insert(at, alphabet[noise.below(alphabet.len())]),
                    _ => bytes.truncate(at),
                }
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        match import(&text) {
            Ok(fw) => {
                imported += 1;
                assert_eq!(fw.check_integrity(), Ok(()));
                assert_eq!(import(&export(&fw)), Ok(fw));
            }
            Err(e) => {
                refused += 1;
                assert!(!e.to_string().is_empty());
            }
        }
    }
    assert!(refused > 2000, "most mutations break the file: {refused} refused, {imported} imported");
}
