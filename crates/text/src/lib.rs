//! What Rust says to people — desk errors, alerts, sync status, risk findings, checklist
//! labels, the tray — leaves Rust as a message key with arguments ([`Msg`]), and the UI says
//! it in the agent's language (`ui/src/lib/i18n`). Each crate declares its messages with
//! [`messages!`]: the key and its English. That English is the only copy: the UI's English
//! catalogue takes it from a generated file (`ui/src/lib/i18n/rust.en.ts`), and the other
//! languages must translate every key or the UI's type check fails.
//!
//! English is also rendered here ([`Msg::english`]) for logs, tests, and anything shown
//! before the UI has said which language it speaks; [`Msg::render`] renders with another
//! catalogue (the desktop notifications use the one the UI hands the shell).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;

/// A message as declared: its key and its English.
#[derive(Debug, PartialEq, Eq)]
pub struct Def {
    pub key: &'static str,
    pub english: English,
}

/// A message's English: one sentence, or singular and plural forms chosen by the `count`
/// argument (i18next's `_one` / `_other` keys).
#[derive(Debug, PartialEq, Eq)]
pub enum English {
    One(&'static str),
    Plural { one: &'static str, other: &'static str },
}

impl Def {
    /// The catalogue entries this message needs: `(key, English)`, with `_one` and `_other`
    /// keys for plurals.
    pub fn entries(&self) -> Vec<(String, &'static str)> {
        match self.english {
            English::One(text) => vec![(self.key.to_owned(), text)],
            English::Plural { one, other } => {
                vec![(format!("{}_one", self.key), one), (format!("{}_other", self.key), other)]
            }
        }
    }
}

/// Something Rust says: a key the UI translates, and the values it fills in.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct Msg {
    pub key: String,
    #[serde(default)]
    pub args: BTreeMap<String, Arg>,
    /// Where the English comes from (not sent: the UI has its own catalogue).
    #[serde(skip)]
    #[specta(skip)]
    def: Option<&'static Def>,
}

impl PartialEq for Msg {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.args == other.args
    }
}

impl Eq for Msg {}

/// A value a message fills in: a number, a text (a name, an amount, an address: shown as
/// is), another message, or a list of messages (joined by the language's `list.separator`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(untagged)]
pub enum Arg {
    Int(i64),
    Text(String),
    Msg(Box<Msg>),
    List(Vec<Msg>),
}

/// What joins a list argument in English (the UI's `list.separator`).
pub const ENGLISH_LIST_SEPARATOR: &str = "; ";

impl Msg {
    pub fn new(def: &'static Def) -> Self {
        Msg { key: def.key.to_owned(), args: BTreeMap::new(), def: Some(def) }
    }

    /// Fills `{{name}}` with a text shown as is.
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_owned(), Arg::Text(value.into()));
        self
    }

    /// Fills `{{name}}` with a number (`count` also picks the plural form).
    pub fn int(mut self, name: &str, value: i64) -> Self {
        self.args.insert(name.to_owned(), Arg::Int(value));
        self
    }

    /// Fills `{{count}}`, which picks the plural form.
    pub fn count(self, value: usize) -> Self {
        self.int("count", value as i64)
    }

    /// Fills `{{name}}` with another message, said in the same language.
    pub fn msg(mut self, name: &str, value: Msg) -> Self {
        self.args.insert(name.to_owned(), Arg::Msg(Box::new(value)));
        self
    }

    /// Fills `{{name}}` with messages joined by the language's list separator.
    pub fn list(mut self, name: &str, values: Vec<Msg>) -> Self {
        self.args.insert(name.to_owned(), Arg::List(values));
        self
    }

    /// The message in English, as declared.
    pub fn english(&self) -> String {
        self.render(&|key| english_of(self, key), ENGLISH_LIST_SEPARATOR)
    }

    /// The message from a catalogue: `lookup` gives a key's template (`None` when the
    /// catalogue lacks it: then the English is used); `separator` joins lists.
    pub fn render(&self, lookup: &dyn Fn(&str) -> Option<String>, separator: &str) -> String {
        let count = match self.args.get("count") {
            Some(Arg::Int(n)) => Some(*n),
            _ => None,
        };
        let template = count
            .and_then(|n| {
                let form = if n == 1 { "one" } else { "other" };
                lookup(&format!("{}_{form}", self.key)).or_else(|| lookup(&format!("{}_other", self.key)))
            })
            .or_else(|| lookup(&self.key))
            .or_else(|| english_of(self, &self.key))
            .unwrap_or_else(|| self.key.clone());
        fill(&template, |name| {
            self.args.get(name).map(|arg| match arg {
                Arg::Int(n) => n.to_string(),
                Arg::Text(text) => text.clone(),
                Arg::Msg(inner) => inner.render(lookup, separator),
                Arg::List(items) => {
                    items.iter().map(|m| m.render(lookup, separator)).collect::<Vec<_>>().join(separator)
                }
            })
        })
    }
}

/// The English of `key` if it is `msg`'s own (or one of its plural forms).
fn english_of(msg: &Msg, key: &str) -> Option<String> {
    let def = msg.def?;
    def.entries().into_iter().find(|(k, _)| k == key).map(|(_, text)| text.to_owned()).or_else(|| {
        // Asked for the plain key of a plural message: its "other" form.
        match def.english {
            English::Plural { other, .. } if key == def.key => Some(other.to_owned()),
            English::One(text) if key == def.key => Some(text.to_owned()),
            _ => None,
        }
    })
}

/// Replaces each `{{name}}` with `value(name)`; unknown names stay as written.
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{{names}}` a template fills in, sorted.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        names.push(after[..end].trim().to_owned());
        rest = &after[end + 2..];
    }
    names.sort();
    names
}

/// Declares messages: `NAME = "area.key": "English with {{arg}}";` or, for plurals,
/// `NAME = "area.key": one "{{count}} thing", other "{{count}} things";`. Also declares
/// `ALL`, every message of the block, for the generated catalogue.
#[macro_export]
macro_rules! messages {
    (@acc [$($done:tt)*]) => {
        /// Every message declared here, for the UI's generated English catalogue.
        pub static ALL: &[&$crate::Def] = &[$($done)*];
    };
    (@acc [$($done:tt)*] $(#[$m:meta])* $name:ident = $key:literal : one $one:literal , other $other:literal ; $($rest:tt)*) => {
        $(#[$m])*
        pub static $name: $crate::Def =
            $crate::Def { key: $key, english: $crate::English::Plural { one: $one, other: $other } };
        $crate::messages!(@acc [$($done)* &$name,] $($rest)*);
    };
    (@acc [$($done:tt)*] $(#[$m:meta])* $name:ident = $key:literal : $text:literal ; $($rest:tt)*) => {
        $(#[$m])*
        pub static $name: $crate::Def = $crate::Def { key: $key, english: $crate::English::One($text) };
        $crate::messages!(@acc [$($done)* &$name,] $($rest)*);
    };
    ($($body:tt)*) => { $crate::messages!(@acc [] $($body)*); };
}

/// Messages every crate's sentences use: the list separator and spans of time.
pub mod common {
    crate::messages! {
        /// Joins a list argument ("a card …; a device …").
        LIST_SEPARATOR = "list.separator": "; ";
        SECONDS = "time.seconds": "{{n}} s";
        MINUTES = "time.minutes": "{{n}} min";
        HOURS = "time.hours": "{{n}} h";
        HOURS_MINUTES = "time.hoursMinutes": "{{h}} h {{m}} min";
        DAYS = "time.days": "{{n}} d";
        DAYS_HOURS = "time.daysHours": "{{d}} d {{h}} h";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    messages! {
        GREETING = "test.greeting": "Hello {{name}}, {{what}}";
        THINGS = "test.things": one "{{count}} thing", other "{{count}} things";
        ITEM = "test.item": "a {{kind}}";
    }

    #[test]
    fn english_fills_arguments_and_plural_forms() {
        assert_eq!(Msg::new(&THINGS).count(1).english(), "1 thing");
        assert_eq!(Msg::new(&THINGS).count(3).english(), "3 things");
        let msg = Msg::new(&GREETING)
            .text("name", "Ava")
            .list("what", vec![Msg::new(&ITEM).text("kind", "card"), Msg::new(&ITEM).text("kind", "device")]);
        assert_eq!(msg.english(), "Hello Ava, a card; a device");
        assert_eq!(ALL.len(), 3);
    }

    #[test]
    fn another_catalogue_renders_what_it_has_and_english_the_rest() {
        let zh = |key: &str| match key {
            "test.things_other" => Some("{{count}} 件".to_owned()),
            "test.item" => Some("一个{{kind}}".to_owned()),
            _ => None,
        };
        assert_eq!(Msg::new(&THINGS).count(1).render(&zh, "；"), "1 件", "Chinese has no singular form");
        let msg = Msg::new(&GREETING).text("name", "Ava").list("what", vec![Msg::new(&ITEM).text("kind", "卡")]);
        assert_eq!(msg.render(&zh, "；"), "Hello Ava, 一个卡");
    }

    #[test]
    fn it_crosses_as_a_key_and_arguments() {
        let msg = Msg::new(&GREETING).text("name", "Ava").msg("what", Msg::new(&THINGS).count(2));
        let json = serde_json::to_value(&msg).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"key": "test.greeting", "args": {"name": "Ava", "what": {"key": "test.things", "args": {"count": 2}}}})
        );
        let back: Msg = serde_json::from_value(json).unwrap();
        assert_eq!(back, msg);
    }

    #[test]
    fn templates_name_their_placeholders() {
        assert_eq!(placeholders("{{b}} and {{a}}"), vec!["a", "b"]);
        assert_eq!(fill("x {{missing}} y", |_| None), "x {{missing}} y");
    }
}
