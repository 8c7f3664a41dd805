//! The agent's language, for what the desk's shell shows outside the window (desktop
//! notifications, the tray): the UI hands over its catalogue of the keys Rust sends, and
//! messages are rendered with it. Until it has, they are English.

use std::collections::HashMap;
use std::sync::RwLock;

use arbiter_text::Msg;

/// The catalogue in use (key → template, plural forms as `_one` / `_other` keys).
#[derive(Default)]
pub struct Speech {
    messages: RwLock<HashMap<String, String>>,
}

impl Speech {
    /// `msg` in the agent's language (English for keys the catalogue lacks).
    pub fn say(&self, msg: &Msg) -> String {
        let messages = self.messages.read().expect("speech lock");
        let lookup = |key: &str| messages.get(key).cloned();
        let separator =
            messages.get("list.separator").cloned().unwrap_or_else(|| arbiter_text::ENGLISH_LIST_SEPARATOR.into());
        msg.render(&lookup, &separator)
    }

    pub(crate) fn replace(&self, messages: HashMap<String, String>) {
        *self.messages.write().expect("speech lock") = messages;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::alerts;

    #[test]
    fn english_until_the_ui_says_otherwise_then_its_language() {
        let speech = Speech::default();
        let waiting = Msg::new(&alerts::TRAY_WAITING).count(3);
        assert_eq!(speech.say(&waiting), "Arbiter · 3 escalations waiting");
        speech
            .replace(HashMap::from([("tray.waiting_other".to_owned(), "Arbiter · {{count}} 个升级待处理".to_owned())]));
        assert_eq!(speech.say(&waiting), "Arbiter · 3 个升级待处理");
        assert_eq!(speech.say(&Msg::new(&alerts::TRAY_QUIT)), "Quit Arbiter", "a key the catalogue lacks is English");
    }
}
