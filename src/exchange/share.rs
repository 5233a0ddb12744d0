//! Read-only share links with no server: a snapshot of the scorecard in the URL's fragment.
//!
//! A link is `<page>#share=1.<data>`, where `<data>` is the [payload](payload) compressed with
//! raw DEFLATE (by the browser's own `CompressionStream`, see `ui::share_codec`) and written in
//! base64url. The fragment never reaches a server: the snapshot travels only inside the link.
//!
//! Opening a link goes back through the same steps: [`link_bytes`] (is it a link, is it too
//! long, is it valid base64url), decompression, then [`read_payload`], whose scorecard goes
//! through the scorecard file import ([`super::file::import`]): the same decoder as saved data.
//! Every failure is a typed [`ShareError`] with a message; nothing here can panic on any input.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jiff::civil::Date;

use super::file::{export, import, ImportError};
use crate::domain::edit::Edit;
use crate::domain::framework::Framework;
use crate::domain::iso_date;
use crate::domain::period::Period;

/// What starts a share link's fragment (after `#`), with the format's version.
pub const FRAGMENT_PREFIX: &str = "share=1.";

/// Links up to this many characters work everywhere: every browser, and chat and e-mail apps
/// that cut long links.
pub const SAFE_LINK_CHARS: usize = 2_000;

/// The longest link made or opened. Current browsers open far longer URLs, but some chat and
/// e-mail apps cut links well before this; a scorecard that needs more is sent as a file.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The first line of a payload.
const MAGIC: &str = "kra-kpi share 1";

/// A shared snapshot as opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// The scorecard.
    pub framework: Framework,
    /// The day the snapshot was taken.
    pub taken: Date,
    /// A day inside the review period the link opens on.
    pub review_day: Date,
}

/// Why a share link could not be opened (or made).
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// The fragment is not a share link of this format.
    NotALink,
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// The link's length.
        chars: usize,
    },
    /// Characters that base64url does not have, or a cut-off end.
    Garbled,
    /// The data did not decompress (changed or cut short on the way).
    Damaged,
    /// It decompressed, but is not a share payload.
    NotASnapshot,
    /// The scorecard inside could not be read.
    Scorecard(ImportError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "it is not a kra-kpi share link"),
            ShareError::TooLong { chars } => write!(
                f,
                "it is {chars} characters long, more than the {MAX_LINK_CHARS} a share link may have; send the scorecard as a file instead"
            ),
            ShareError::Garbled => write!(f, "the link is incomplete or was changed (it has characters a share link cannot have)"),
            ShareError::Damaged => write!(f, "the link is incomplete or was changed (its data cannot be unpacked)"),
            ShareError::NotASnapshot => write!(f, "the link's data is not a kra-kpi snapshot"),
            ShareError::Scorecard(e) => write!(f, "the scorecard in it cannot be opened: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The text a link carries (before compression): a first line naming the format, the day taken,
/// the day of the review period to open on, then the scorecard as its file export.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::template::sales_executive;
/// use kra_kpi::exchange::share::{payload, read_payload};
///
/// let fw = sales_executive();
/// let text = payload(&fw, date(2026, 12, 2), date(2026, 11, 1));
/// let shared = read_payload(&text).unwrap();
/// assert_eq!(shared.framework, fw);
/// assert_eq!(shared.taken, date(2026, 12, 2));
/// ```
pub fn payload(framework: &Framework, taken: Date, review_day: Date) -> String {
    format!("{MAGIC}\n{}\n{}\n{}", iso_date::format(taken), iso_date::format(review_day), export(framework))
}

/// Reads a payload back (see [`payload`]).
pub fn read_payload(text: &str) -> Result<Shared, ShareError> {
    let mut lines = text.splitn(4, '\n');
    if lines.next() != Some(MAGIC) {
        return Err(ShareError::NotASnapshot);
    }
    let mut day = || lines.next().and_then(iso_date::parse).ok_or(ShareError::NotASnapshot);
    let (taken, review_day) = (day()?, day()?);
    let scorecard = lines.next().ok_or(ShareError::NotASnapshot)?;
    let framework = import(scorecard).map_err(ShareError::Scorecard)?;
    Ok(Shared { framework, taken, review_day })
}

/// The fragment (without `#`) for compressed payload bytes, or [`ShareError::TooLong`] when the
/// link would be longer than [`MAX_LINK_CHARS`] with a page address of `base_chars`.
///
/// # Example
///
/// ```
/// use kra_kpi::exchange::share::{link_bytes, link_fragment};
///
/// let fragment = link_fragment(&[0xfb, 0xff, 0x00], 40).unwrap();
/// assert_eq!(fragment, "share=1.-_8A");
/// assert_eq!(link_bytes(&format!("#{fragment}")).unwrap(), vec![0xfb, 0xff, 0x00]);
/// ```
pub fn link_fragment(compressed: &[u8], base_chars: usize) -> Result<String, ShareError> {
    let fragment = format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed));
    let chars = base_chars + 1 + fragment.len();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    Ok(fragment)
}

/// Whether a URL fragment (`location.hash`, with or without its `#`) is meant as a share link,
/// so the page shows the snapshot (or why it cannot) instead of the viewer's own scorecard.
pub fn is_share_fragment(hash: &str) -> bool {
    hash.strip_prefix('#').unwrap_or(hash).starts_with("share=")
}

/// The compressed bytes in a share link's fragment (`location.hash`, with or without `#`).
pub fn link_bytes(hash: &str) -> Result<Vec<u8>, ShareError> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars: hash.len() });
    }
    let data = hash.strip_prefix(FRAGMENT_PREFIX).ok_or(ShareError::NotALink)?;
    // Some apps percent-encode or append characters; none of them is base64url.
    URL_SAFE_NO_PAD.decode(data.trim_end()).map_err(|_| ShareError::Garbled)
}

/// A copy of `fw` with only the readings whose own period overlaps `review`: a snapshot of one
/// review period, for a shorter link.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::demo::demo;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::exchange::share::period_snapshot;
///
/// let fw = demo(date(2026, 12, 2), 7).unwrap();
/// let november = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let snapshot = period_snapshot(&fw, &november);
/// assert_eq!(snapshot.reading_count(), 6);
/// assert_eq!(snapshot.kpis(), fw.kpis());
/// ```
pub fn period_snapshot(fw: &Framework, review: &Period) -> Framework {
    let outside: Vec<Edit> = fw
        .all_readings()
        .filter(|(kpi, start, _)| {
            fw.kpi(*kpi).is_none_or(|k| {
                let own = fw.period_of(k, *start);
                own.end() <= review.start() || review.end() <= own.start()
            })
        })
        .map(|(kpi, period_start, _)| Edit::DeleteReading { kpi, period_start })
        .collect();
    let mut copy = fw.clone();
    // Deleting readings that exist cannot fail; were it to, the whole scorecard is shared.
    if copy.apply(Edit::Batch { edits: outside }).is_err() {
        return fw.clone();
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_that_are_not_links_say_so() {
        assert_eq!(link_bytes("#share=2.AAAA"), Err(ShareError::NotALink));
        assert_eq!(link_bytes(""), Err(ShareError::NotALink));
        assert_eq!(link_bytes("#share=1.a+b/"), Err(ShareError::Garbled));
        assert_eq!(link_bytes("#share=1.A"), Err(ShareError::Garbled), "one character is never whole bytes");
        assert!(matches!(link_bytes(&format!("#share=1.{}", "A".repeat(40_000))), Err(ShareError::TooLong { .. })));
        assert!(is_share_fragment("#share=x") && is_share_fragment("share=1.") && !is_share_fragment("#top"));
    }

    #[test]
    fn payloads_must_be_whole() {
        assert_eq!(read_payload(""), Err(ShareError::NotASnapshot));
        assert_eq!(read_payload("kra-kpi share 1\n2026-12-02"), Err(ShareError::NotASnapshot));
        assert_eq!(read_payload("kra-kpi share 1\n2026-12-02\n2026-13-01\n{}"), Err(ShareError::NotASnapshot));
        assert!(matches!(
            read_payload("kra-kpi share 1\n2026-12-02\n2026-11-01\n{\"a\":1}"),
            Err(ShareError::Scorecard(_))
        ));
    }

    #[test]
    fn a_link_too_long_is_refused_when_made() {
        assert!(link_fragment(&[0; 30_000], 30).is_err());
        assert!(link_fragment(&[0; 1_000], 30).is_ok());
    }
}
