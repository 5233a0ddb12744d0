//! Scores by KRA and review period as a grid of coloured cells: where a scorecard has been
//! strong or weak, at a glance, for a slide or a printed report.
//!
//! Each cell carries its status symbol and score as text, so the grid reads in grey print and
//! for colour-blind readers; on screen the same grid is an HTML table (see
//! `ui::score_heatmap`), and this drawing is what "Download SVG" gives.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::status_colours::status_colours;
use super::svg_backend::{fit_text, font, hidden_from_screen_readers, text_size, SvgBackend};
use crate::domain::format::num;
use crate::domain::score_history::{PeriodScore, ScoreHistory};

const FONT: f64 = 12.0;
const MARGIN: i32 = 12;
const ROW: i32 = 30;
/// Room for the period labels above the grid: two lines ("Oct 2026", "so far").
const HEADER: i32 = 36;
const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);

/// What a cell says: "✓ 92 %", or "—" when the period had no score.
///
/// # Example
///
/// ```
/// use kra_kpi::charts::heatmap::cell_text;
/// use kra_kpi::domain::score_history::PeriodScore;
/// use kra_kpi::domain::scoring::Status;
///
/// assert_eq!(cell_text(PeriodScore { score: Some(91.6), status: Status::Green }), "✓ 91.6 %");
/// assert_eq!(cell_text(PeriodScore { score: None, status: Status::NoData }), "—");
/// ```
pub fn cell_text(s: PeriodScore) -> String {
    match s.score {
        Some(score) => format!("{} {} %", s.status.symbol(), num(score)),
        None => "—".to_owned(),
    }
}

/// Draws `history` as an SVG heatmap `width` pixels wide: a row for the overall score and one
/// per KRA, a column per period, oldest first. Names too long for the label column are cut
/// with "…" (the table on screen keeps them whole).
///
/// Returns the SVG text, or the plotting error as text.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::heatmap::heatmap_svg;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::score_history::score_history;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 60.0, "").unwrap(); // target 50
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let svg = heatmap_svg(&score_history(&fw, &october, 3, date(2026, 11, 23)), 960).unwrap();
/// assert!(svg.contains("Oct 2026") && svg.contains("Overall") && svg.contains("✓ 100 %"));
/// ```
pub fn heatmap_svg(history: &ScoreHistory, width: u32) -> Result<String, String> {
    if history.periods.is_empty() {
        return Err("no scored period to draw".into());
    }
    let rows = 1 + history.kras.len() as i32;
    let height = (MARGIN * 2 + HEADER + rows * ROW) as u32;
    let mut svg = String::new();
    draw(history, &mut svg, (width, height)).map_err(|e| e.to_string())?;
    Ok(hidden_from_screen_readers(svg))
}

/// The width at which [`heatmap_svg`] writes every cell's score, not only its status symbol,
/// and every KRA name whole (within two fifths of the width); at least `min`. For a download,
/// where a wider image costs nothing and a slide reader cannot open the table.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::heatmap::{heatmap_svg, heatmap_width_for_scores};
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::score_history::score_history;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 60.0, "").unwrap(); // target 50
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let history = score_history(&fw, &october, 12, date(2026, 11, 23));
/// let width = heatmap_width_for_scores(&history, 960);
/// assert!(width >= 960);
/// assert!(heatmap_svg(&history, width).unwrap().contains("✓ 100 %"));
/// ```
pub fn heatmap_width_for_scores(history: &ScoreHistory, min: u32) -> u32 {
    let label = widest_name(history) + 12;
    // A wide score with its symbol (scores above 999.99 % would need caps no one sets), and the
    // 4 px `draw` keeps free in a cell, on both sides.
    let cell = text_size("✓ 888.88 %", FONT).0 as i32 + 8;
    let columns = history.periods.len() as i32;
    // `draw` caps the label column at two fifths of the width.
    let needed = (2 * MARGIN + label + columns * cell).max(label * 5 / 2);
    (needed.max(0) as u32).max(min)
}

/// The width of the longest row name ("Overall" or a KRA's).
fn widest_name(history: &ScoreHistory) -> i32 {
    let names = std::iter::once("Overall").chain(history.kras.iter().map(|(_, n)| n.as_str()));
    names.map(|n| text_size(n, FONT).0 as i32).max().unwrap_or(0)
}

fn draw(history: &ScoreHistory, svg: &mut String, size: (u32, u32)) -> Result<(), Box<dyn std::error::Error>> {
    let root = SvgBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE)?;
    let width = size.0 as i32;
    let names: Vec<&str> = std::iter::once("Overall").chain(history.kras.iter().map(|(_, n)| n.as_str())).collect();
    let label_width = (widest_name(history) + 12).min(width * 2 / 5);
    let columns = history.periods.len() as i32;
    let cell = ((width - 2 * MARGIN - label_width) / columns).max(1);
    let left = |c: i32| MARGIN + label_width + c * cell;
    let top = |r: i32| MARGIN + HEADER + r * ROW;

    let centred = font(FONT).color(&INK).pos(Pos::new(HPos::Center, VPos::Center));
    for (c, p) in history.periods.iter().enumerate() {
        let x = left(c as i32) + cell / 2;
        root.draw(&Text::new(p.label.clone(), (x, MARGIN + 10), centred.clone()))?;
        let note = if p.in_progress {
            "so far"
        } else if p.closed {
            "closed"
        } else {
            ""
        };
        if !note.is_empty() {
            root.draw(&Text::new(note, (x, MARGIN + 26), centred.clone()))?;
        }
    }
    let name_style = font(FONT).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
    for (r, name) in names.iter().enumerate() {
        let r = r as i32;
        let y = top(r) + ROW / 2;
        root.draw(&Text::new(fit_text(name, FONT, label_width - 12), (MARGIN, y), name_style.clone()))?;
        for (c, p) in history.periods.iter().enumerate() {
            let score = if r == 0 { p.overall } else { p.kras[(r - 1) as usize] };
            let (ink, fill) = status_colours(score.status);
            let (x0, y0) = (left(c as i32), top(r));
            // Inset by a pixel, so the sheet shows between cells as a white grid.
            root.draw(&Rectangle::new([(x0 + 1, y0 + 1), (x0 + cell - 1, y0 + ROW - 1)], fill.filled()))?;
            let text = cell_text(score);
            // A cell too narrow for "✓ 100 %" keeps the symbol, which carries the status.
            let text = if text_size(&text, FONT).0 as i32 + 4 > cell { score.status.symbol().to_owned() } else { text };
            let style = font(FONT).color(&ink).pos(Pos::new(HPos::Center, VPos::Center));
            root.draw(&Text::new(text, (x0 + cell / 2, y0 + ROW / 2), style))?;
        }
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::period::{Frequency, Period};
    use crate::domain::score_history::score_history;
    use crate::domain::template::sales_executive;

    #[test]
    fn every_kra_and_period_gets_a_cell_with_its_status_in_text() {
        let mut fw = sales_executive();
        fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 60.0, "").unwrap();
        let nov = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
        let history = score_history(&fw, &nov, 4, date(2026, 11, 23));
        let svg = heatmap_svg(&history, 960).unwrap();
        let cells = svg.matches("<rect").count();
        // A white sheet, then a fill per cell.
        assert_eq!(history.periods.len(), 2, "from the first reading's period to November");
        assert_eq!(cells, 1 + (1 + history.kras.len()) * 2, "{svg}");
        assert!(svg.contains("so far"), "November is in progress on 23 November");
        assert!(svg.contains('—'), "periods with no reading say so");
        assert!(svg.contains("✓ 100 %"), "60 leads against a target of 50 is capped at 100 %: {svg}");
    }
}
