//! Key Result Areas: a role's broad, long-term responsibilities.

use serde::{Deserialize, Serialize};

use super::error::ValidationError;
use super::id::Id;
use super::input::{check_name, check_weight};

/// A Key Result Area, e.g. "Improve customer service".
///
/// KRAs are qualitative; their KPIs make them measurable. A qualitative rating belongs to one
/// review period, so it lives in that period's [`Review`](super::review::Review), not here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kra {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The role or person who owns the KRA.
    #[serde(default)]
    pub owner: String,
    /// Relative weight within the framework (normalised when scoring).
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub weight: f64,
}

impl Kra {
    /// A KRA with id `id` made from an already validated draft.
    pub(crate) fn new(id: Id, draft: KraDraft) -> Kra {
        let KraDraft { name, description, owner, weight } = draft;
        Kra { id, name, description, owner, weight }
    }
}

/// The editable fields of a KRA, validated before they reach the framework.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::kra::KraDraft;
///
/// let draft = KraDraft::new("Build client relationships", 40.0);
/// assert!(draft.validate().is_ok());
/// assert!(KraDraft::new(" ", 40.0).validate().is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct KraDraft {
    pub name: String,
    pub description: String,
    pub owner: String,
    pub weight: f64,
}

impl KraDraft {
    /// A draft with a name and weight and nothing else.
    pub fn new(name: &str, weight: f64) -> KraDraft {
        KraDraft { name: name.to_owned(), description: String::new(), owner: String::new(), weight }
    }

    /// The same draft with an owner.
    pub fn owner(mut self, owner: &str) -> KraDraft {
        self.owner = owner.to_owned();
        self
    }

    /// The same draft with a description.
    pub fn description(mut self, description: &str) -> KraDraft {
        self.description = description.to_owned();
        self
    }

    /// Checks every field; the returned draft has its text trimmed.
    pub fn validate(&self) -> Result<KraDraft, ValidationError> {
        Ok(KraDraft {
            name: check_name("KRA name", &self.name)?,
            description: self.description.trim().to_owned(),
            owner: self.owner.trim().to_owned(),
            weight: check_weight(self.weight)?,
        })
    }

    /// The draft of an existing KRA, for editing.
    pub fn of(kra: &Kra) -> KraDraft {
        KraDraft {
            name: kra.name.clone(),
            description: kra.description.clone(),
            owner: kra.owner.clone(),
            weight: kra.weight,
        }
    }
}
