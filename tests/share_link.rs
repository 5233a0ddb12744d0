#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Share links: the payload round-trips exactly; random and mutated links and payloads are
//! refused with a reason and never panic. (Decompression is the browser's; e2e/share.spec.ts
//! opens truncated and changed links in Chromium.)

use jiff::civil::{date, Date};
use kra_kpi::domain::demo::demo;
use kra_kpi::exchange::share::{link_bytes, link_fragment, payload, read_payload, ShareError};

const TODAY: Date = date(2026, 12, 2);

#[test]
fn a_payload_and_its_link_bytes_round_trip_exactly() {
    let fw = demo(TODAY, 7).unwrap();
    let text = payload(&fw, TODAY, date(2026, 11, 1));
    let shared = read_payload(&text).unwrap();
    assert_eq!((shared.framework, shared.taken, shared.review_day), (fw, TODAY, date(2026, 11, 1)));
    let bytes: Vec<u8> = (0..=255).collect();
    let fragment = link_fragment(&bytes, 50).unwrap();
    assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)), "URL-safe: {fragment}");
    assert_eq!(link_bytes(&format!("#{fragment}")).unwrap(), bytes);
}

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
fn random_and_mutated_links_and_payloads_never_panic() {
    let fw = demo(TODAY, 7).unwrap();
    let text = payload(&fw, TODAY, date(2026, 11, 1)).into_bytes();
    let link = format!("#{}", link_fragment(&text, 40).unwrap_or_default());
    let alphabet = b"AZaz09-_+/=%#.share1\n{}[]\":,kra-kpi 2026";
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut opened = 0;
    for case in 0..3000 {
        let source: &[u8] = if case % 2 == 0 { &text } else { link.as_bytes() };
        let mut bytes = source.to_vec();
        for _ in 0..1 + rng.next() % 6 {
            if bytes.is_empty() {
                break;
            }
            let i = (rng.next() as usize) % bytes.len();
            match rng.next() % 3 {
                0 => bytes[i] = alphabet[(rng.next() as usize) % alphabet.len()],
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.truncate(i),
            }
        }
        let mutated = String::from_utf8_lossy(&bytes);
        if case % 2 == 0 {
            if let Ok(shared) = read_payload(&mutated) {
                shared.framework.check_integrity().unwrap();
                opened += 1;
            }
        } else if let Ok(decoded) = link_bytes(&mutated) {
            // Whatever base64url accepts is bytes; a payload reader must still refuse garbage.
            let _ = read_payload(&String::from_utf8_lossy(&decoded));
        } else {
            assert!(matches!(
                link_bytes(&mutated),
                Err(ShareError::NotALink | ShareError::Garbled | ShareError::TooLong { .. })
            ));
        }
    }
    assert!(opened < 3000, "mutations do change payloads");
}
