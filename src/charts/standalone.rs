//! A chart as a file of its own: the SVG a user downloads to put in a slide deck or a report.
//!
//! On screen a chart's SVG is hidden from screen readers (its box carries the accessible name,
//! and its colours follow the page's theme through CSS). A downloaded file has neither the box
//! nor the stylesheet, so it carries its own `<title>` and is drawn in the light palette the
//! charts are written in.

/// The width, in pixels, charts are drawn at for download: a slide's or a page's width, whatever
/// the screen they were downloaded from (a phone draws its own charts at 260 px).
pub const DOWNLOAD_WIDTH: u32 = 960;

/// A white sheet under the chart, so its dark text reads on any slide.
const BACKGROUND: &str = r##"<rect width="100%" height="100%" fill="#FFFFFF"/>"##;

/// Makes a chart drawn for the screen into a file of its own: drops `aria-hidden`, puts `title`
/// (escaped) first inside the `<svg>` element, where image viewers and screen readers read an
/// SVG's name, and lays the chart on a white sheet.
///
/// # Example
///
/// ```
/// use kra_kpi::charts::standalone::standalone_svg;
///
/// let svg = r#"<svg aria-hidden="true" width="2" xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#;
/// assert_eq!(
///     standalone_svg(svg, "Sales <team> & co"),
///     r##"<svg width="2" xmlns="http://www.w3.org/2000/svg"><title>Sales &lt;team&gt; &amp; co</title><rect width="100%" height="100%" fill="#FFFFFF"/><rect/></svg>"##
/// );
/// ```
pub fn standalone_svg(svg: &str, title: &str) -> String {
    let svg = svg.replacen(r#" aria-hidden="true""#, "", 1);
    let Some(open_end) = svg.find("<svg").and_then(|start| svg[start..].find('>').map(|end| start + end + 1)) else {
        return svg;
    };
    let mut out = String::with_capacity(svg.len() + title.len() + 16);
    out.push_str(&svg[..open_end]);
    out.push_str("<title>");
    for c in title.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out.push_str("</title>");
    // On screen the page is the background; in a slide deck it might be anything.
    out.push_str(BACKGROUND);
    out.push_str(&svg[open_end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_name_stays_text() {
        let out = standalone_svg("<svg><g/></svg>", "<img src=x onerror=alert(1)>\"'");
        assert_eq!(
            out,
            format!("<svg><title>&lt;img src=x onerror=alert(1)&gt;&quot;&apos;</title>{BACKGROUND}<g/></svg>")
        );
    }

    #[test]
    fn text_that_is_not_svg_is_left_as_it_is() {
        assert_eq!(standalone_svg("no chart", "x"), "no chart");
    }
}
