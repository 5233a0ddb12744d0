//! Whether scoring writes out its explanations.
//!
//! Every score comes with the words behind it (a summary, the steps, the formula with its
//! numbers filled in). Writing them is most of the cost of scoring: each number goes through the
//! locale's formatter. A scorecard of a thousand KPIs shows those words only for the one KPI
//! whose "Explain" someone opens, so the UI scores without them
//! ([`ScoreCache::numbers_only`](super::ScoreCache::numbers_only)) and asks for one KPI's or
//! KRA's words when they are wanted ([`explain_kpi`](super::explain_kpi),
//! [`explain_kra`](super::explain_kra)).

/// Whether to write the words behind each number, or leave them empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Words {
    /// Summaries, steps and formulas are written.
    #[default]
    Explained,
    /// Only the numbers: every summary, step list and formula is left empty.
    NumbersOnly,
}

impl Words {
    /// `words()` when explaining, else an empty string (and `words` is never called).
    pub(crate) fn say(self, words: impl FnOnce() -> String) -> String {
        match self {
            Words::Explained => words(),
            Words::NumbersOnly => String::new(),
        }
    }
}

/// The steps behind one number, written only when explaining.
#[derive(Debug)]
pub(crate) struct Steps {
    words: Words,
    list: Vec<String>,
}

impl Steps {
    /// No steps yet.
    pub(crate) fn new(words: Words) -> Steps {
        Steps { words, list: Vec::new() }
    }

    /// Adds the step `step()` writes, when explaining.
    pub(crate) fn add(&mut self, step: impl FnOnce() -> String) {
        if self.words == Words::Explained {
            self.list.push(step());
        }
    }

    /// The steps written (none when not explaining).
    pub(crate) fn into_vec(self) -> Vec<String> {
        self.list
    }
}
