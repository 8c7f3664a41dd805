//! The agent switching language: the desk takes the UI's catalogue for the keys Rust sends
//! (kept in `speech.rs`, which the session holds) and tells the shell to re-say the tray.

use std::collections::HashMap;

use arbiter_text::Msg;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;

/// Far more entries than Rust declares: not a catalogue the UI sent.
const MAX_ENTRIES: usize = 10_000;
const MAX_TEXT_CHARS: usize = 2_000;

impl Desk {
    /// The UI's catalogue for the keys Rust sends, in the agent's language now: desktop
    /// notifications and the tray speak it from here on.
    pub fn use_language(&self, messages: HashMap<String, String>) -> Result<(), DeskError> {
        let sane = messages.len() <= MAX_ENTRIES
            && messages.iter().all(|(k, v)| k.len() <= 200 && v.chars().count() <= MAX_TEXT_CHARS);
        if !sane {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::NOT_A_CATALOGUE)));
        }
        self.speech.replace(messages);
        self.status.events().language_changed();
        Ok(())
    }

    /// `msg` in the agent's language.
    pub fn say(&self, msg: &Msg) -> String {
        self.speech.say(msg)
    }
}
