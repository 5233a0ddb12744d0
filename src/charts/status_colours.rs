//! The status colours charts draw with: the light palette of the page's status badges
//! (`--_green` and `--_green-bg` in `style/kra-kpi.css`, and so on), so a downloaded chart and
//! the page agree. On screen the stylesheet maps each fill to the theme's own.

use plotters::style::RGBColor;

use crate::domain::scoring::Status;

/// `(ink, fill)` for `status`: dark text on a pale fill, at least 4.5:1. No reading and N/A
/// share the quiet grey.
pub fn status_colours(status: Status) -> (RGBColor, RGBColor) {
    match status {
        Status::Green => (RGBColor(0x11, 0x6b, 0x3a), RGBColor(0xe3, 0xf6, 0xea)),
        Status::Amber => (RGBColor(0x8a, 0x53, 0x00), RGBColor(0xff, 0xf4, 0xd6)),
        Status::Red => (RGBColor(0xa6, 0x1b, 0x1b), RGBColor(0xfd, 0xe8, 0xe8)),
        Status::NoData | Status::NotApplicable => (RGBColor(0x52, 0x60, 0x6d), RGBColor(0xf1, 0xf4, 0xf7)),
    }
}
