//! Reading the options object a host page passes to `mount()`.
//!
//! Every option is checked: a misspelt name or a wrong type is refused with a message that
//! names it, rather than silently ignored (a portal that typed `storagekey` would otherwise
//! share one scorecard between all its employees).

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::iso_date;
use crate::ui::mount::{Storage, Theme, WidgetOptions};

/// The option names `mount()` accepts.
pub const OPTION_NAMES: &[&str] =
    &["storageKey", "storage", "data", "template", "readOnly", "theme", "today", "locale", "shareLinks"];

/// Why an options object was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// The options are not an object.
    NotAnObject,
    /// A name `mount()` does not know.
    Unknown(String),
    /// A known option with a value of the wrong type or out of its range.
    Invalid {
        /// The option's name.
        name: &'static str,
        /// What it must be.
        expected: &'static str,
    },
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionError::NotAnObject => {
                f.write_str("the options must be an object, for example { storageKey: \"my-app:scorecard\" }")
            }
            OptionError::Unknown(name) => {
                write!(f, "unknown option \"{name}\"; the options are: {}", OPTION_NAMES.join(", "))
            }
            OptionError::Invalid { name, expected } => write!(f, "the option \"{name}\" must be {expected}"),
        }
    }
}

impl std::error::Error for OptionError {}

/// Reads `value` (an object, `undefined` or `null`) into [`WidgetOptions`].
pub fn parse(value: &JsValue) -> Result<WidgetOptions, OptionError> {
    let mut options = WidgetOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let object: &js_sys::Object = value.dyn_ref().filter(|_| value.is_object()).ok_or(OptionError::NotAnObject)?;
    let mut key = None;
    let mut storage = None;
    for name in js_sys::Object::keys(object).iter() {
        let name = name.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(object, &JsValue::from_str(&name)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        match name.as_str() {
            "storageKey" => {
                let k = text(&v, "storageKey", "a non-empty string")?;
                if k.trim().is_empty() {
                    return Err(OptionError::Invalid { name: "storageKey", expected: "a non-empty string" });
                }
                key = Some(k);
            }
            "storage" => {
                storage = Some(match text(&v, "storage", "\"local\" or \"none\"")?.as_str() {
                    "local" => true,
                    "none" => false,
                    _ => return Err(OptionError::Invalid { name: "storage", expected: "\"local\" or \"none\"" }),
                })
            }
            "data" => {
                options.data = Some(match v.as_string() {
                    Some(s) => s,
                    None if v.is_object() => {
                        js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string()).ok_or(OptionError::Invalid {
                            name: "data",
                            expected: "saved-format JSON (a string or an object)",
                        })?
                    }
                    None => {
                        return Err(OptionError::Invalid {
                            name: "data",
                            expected: "saved-format JSON (a string or an object)",
                        })
                    }
                })
            }
            "template" => options.template = Some(text(&v, "template", "a template name such as \"sales-executive\"")?),
            "readOnly" => {
                options.read_only =
                    v.as_bool().ok_or(OptionError::Invalid { name: "readOnly", expected: "true or false" })?
            }
            "shareLinks" => {
                options.share_links =
                    v.as_bool().ok_or(OptionError::Invalid { name: "shareLinks", expected: "true or false" })?
            }
            "theme" => {
                let expected = "\"light\", \"dark\" or \"auto\"";
                options.theme = Theme::parse(&text(&v, "theme", expected)?)
                    .ok_or(OptionError::Invalid { name: "theme", expected })?;
            }
            "today" => {
                let expected = "a date written YYYY-MM-DD";
                options.today = Some(
                    iso_date::parse(&text(&v, "today", expected)?)
                        .ok_or(OptionError::Invalid { name: "today", expected })?,
                );
            }
            "locale" => {
                let expected = "a BCP 47 language tag such as \"en-IN\"";
                let tag = text(&v, "locale", expected)?;
                let well_formed = (2..=35).contains(&tag.len())
                    && tag.split('-').all(|part| {
                        !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
                    });
                if !well_formed {
                    return Err(OptionError::Invalid { name: "locale", expected });
                }
                options.locale = Some(tag);
            }
            _ => return Err(OptionError::Unknown(name)),
        }
    }
    options.storage = match (storage, key) {
        (Some(false), Some(_)) => {
            return Err(OptionError::Invalid { name: "storageKey", expected: "left out when storage is \"none\"" })
        }
        (Some(false), None) => Storage::None,
        (_, Some(key)) => Storage::Local(key),
        (_, None) => options.storage,
    };
    Ok(options)
}

fn text(v: &JsValue, name: &'static str, expected: &'static str) -> Result<String, OptionError> {
    v.as_string().ok_or(OptionError::Invalid { name, expected })
}
