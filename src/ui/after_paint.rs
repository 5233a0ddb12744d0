//! Work that can wait until the browser has painted what is already changed.

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `work` once the next frame has been painted: in a task queued from that frame's
/// animation-frame callback, so it runs after the frame's style, layout and paint.
///
/// For work whose result the user does not need in the same frame as an edit's scores: a
/// chart's redrawing, the scores over time, the reminders of missing readings. Run straight
/// from an effect, it would hold back the frame that shows the edit; here it follows one frame
/// later instead, and the scores come first. An animation-frame callback alone would not do: it
/// runs before that frame's layout and paint.
///
/// In a page that is not painting (a hidden tab) the browser holds animation frames back, and
/// `work` waits until the page is shown again.
///
/// # Example
///
/// ```no_run
/// use kra_kpi::ui::after_paint::after_paint;
/// use kra_kpi::ui::var::Var;
/// use leptos::prelude::*;
///
/// let drawn = Var::new(false);
/// after_paint(move || drawn.set(true));
/// ```
pub fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}
