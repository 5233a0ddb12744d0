//! plotters' SVG backend with text sizes estimated from the font size instead of measured in the
//! page.
//!
//! plotters measures text in a browser by appending a `<span>` with an inline `style` attribute
//! to `document.body` and reading its size. That forces a layout of the host's whole page on
//! every chart label, restyles nothing but still breaks a strict Content-Security-Policy
//! (`style-src 'self'` refuses inline style attributes), and depends on the host page's fonts.
//! The chart's labels are short (numbers, period names), so a width per character is close
//! enough to place them, and the result is the same in every page and on the host.

use plotters::prelude::{FontDesc, FontFamily, IntoFont, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};

/// Average advance of a sans-serif character, in em (digits are 0.556 em in Arial and Helvetica;
/// lower-case letters average a little less, capitals more).
const CHAR_WIDTH_EM: f64 = 0.56;
/// Line height of a label, in em.
const LINE_HEIGHT_EM: f64 = 1.2;
/// plotters' SVG backend writes a font of size `s` as `font-size="s / 1.24"`, so a chart asking
/// for 12 would get 9.7 px text.
const SVG_FONT_SCALE: f64 = 1.24;

/// The chart font, at `px` pixels as written in the SVG (and seen at the chart's drawn size).
///
/// # Example
///
/// ```
/// use kra_kpi::charts::svg_backend::font;
///
/// assert!((font(12.0).get_size() - 14.88).abs() < 1e-9); // what plotters needs to write 12
/// ```
pub fn font(px: f64) -> FontDesc<'static> {
    (FontFamily::SansSerif, px * SVG_FONT_SCALE).into_font()
}

/// The estimated `(width, height)` in pixels of `text` at `size` pixels.
///
/// # Example
///
/// ```
/// use kra_kpi::charts::svg_backend::text_size;
///
/// assert_eq!(text_size("100", 12.0), (21, 15));
/// assert_eq!(text_size("", 12.0).0, 0);
/// ```
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let chars = text.chars().count() as f64;
    ((chars * CHAR_WIDTH_EM * size).ceil() as u32, (LINE_HEIGHT_EM * size).ceil() as u32)
}

/// Every how many periods a time axis has a label, for labels at most `widest` pixels wide
/// centred on periods `slot` pixels apart: as many as fit with 8 pixels between neighbours.
/// Charts count the labelled periods back from the latest, so the latest always has one.
///
/// # Example
///
/// ```
/// use kra_kpi::charts::svg_backend::label_step;
///
/// assert_eq!(label_step(50.0, 80.0), 1, "room for every label");
/// assert_eq!(label_step(50.0, 10.0), 6, "every sixth period");
/// ```
pub fn label_step(widest: f64, slot: f64) -> usize {
    ((widest + 8.0) / slot.max(1.0)).ceil().max(1.0) as usize
}

/// `text`, cut with "…" to fit `room` pixels at `size` pixels: for names in a chart's label
/// column (the chart's table keeps them whole).
///
/// # Example
///
/// ```
/// use kra_kpi::charts::svg_backend::{fit_text, text_size};
///
/// assert_eq!(fit_text("Revenue", 12.0, 200), "Revenue");
/// let cut = fit_text(&"Customer satisfaction ".repeat(10), 12.0, 200);
/// assert!(cut.ends_with('…') && text_size(&cut, 12.0).0 <= 200);
/// ```
pub fn fit_text(text: &str, size: f64, room: i32) -> String {
    if text_size(text, size).0 as i32 <= room {
        return text.to_owned();
    }
    let keep = ((room as f64 / (CHAR_WIDTH_EM * size)) as usize).saturating_sub(1).max(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut.push('…');
    cut
}

/// Marks a drawn chart's `<svg>` as hidden from assistive technology: the UI wraps every chart
/// in an element with `role="img"` and a text alternative, and shows its figures as a table, so
/// the SVG's own texts (axis numbers, one by one) would only repeat them as noise.
///
/// # Example
///
/// ```
/// use kra_kpi::charts::svg_backend::hidden_from_screen_readers;
///
/// let svg = hidden_from_screen_readers(r#"<svg width="2"></svg>"#.into());
/// assert_eq!(svg, r#"<svg aria-hidden="true" width="2"></svg>"#);
/// ```
pub fn hidden_from_screen_readers(svg: String) -> String {
    svg.replacen("<svg ", r#"<svg aria-hidden="true" "#, 1)
}

/// An [`SVGBackend`] whose text is sized by [`text_size`]; everything else is the SVG backend's.
pub struct SvgBackend<'a>(SVGBackend<'a>);

impl<'a> SvgBackend<'a> {
    /// Draws into `buf`, `size` = (width, height) pixels.
    pub fn with_string(buf: &'a mut String, size: (u32, u32)) -> Self {
        SvgBackend(SVGBackend::with_string(buf, size))
    }
}

type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<Self::ErrorType> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<Self::ErrorType> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<Self::ErrorType> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<Self::ErrorType> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<Self::ErrorType> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<Self::ErrorType> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = text_size(text, style.size() / SVG_FONT_SCALE);
        Ok(match style.transform() {
            FontTransform::Rotate90 | FontTransform::Rotate270 => (h, w),
            _ => (w, h),
        })
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<Self::ErrorType> {
        self.0.blit_bitmap(pos, size, src)
    }
}
