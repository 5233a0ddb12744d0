//! Scoring: from readings to an achievement percentage per KPI, rolled up to KRAs and the whole
//! framework for one review period.
//!
//! All scores are percentages (100.0 means "on target"). Every function here is pure and
//! returns finite numbers for any finite input: zero and negative targets have defined results,
//! documented on [`achievement::achievement`].

pub mod achievement;
pub mod aggregation;
pub mod coverage;
pub mod method;
pub mod pace;
pub mod scorecard;
pub mod settings;
pub mod status;
mod words;
pub(crate) use scorecard::score_kpi_as;
pub(crate) use words::Words;

pub use aggregation::Aggregation;
pub use coverage::Coverage;
pub use method::{Bands, LowerRatio, ScoringMethod, Thresholds};
pub use pace::Pace;
pub use scorecard::{
    explain_kpi, explain_kra, explain_overall, score_framework, score_framework_with, score_kpi, Explanation, KpiScore,
    KraScore, ScoreCache, Scorecard,
};
pub use settings::ScoringSettings;
pub use status::Status;
