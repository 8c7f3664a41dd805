//! Drafts: what the agent is writing and has not sent — a reply, a report's analysis, a
//! shift handover — kept in the agent's encrypted cache (never in web storage, where it would
//! sit in the clear and be shared by everyone on the machine), so they survive a restart.

use arbiter_cache::DraftKind;
use arbiter_contract::REPLY_MAX_CHARS;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// The longest id a draft is kept under (a ticket or case number, a team's id).
const KEY_MAX_CHARS: usize = 200;

/// How long a draft of `kind` may be: what the server would take when it is sent.
fn max_chars(kind: DraftKind) -> usize {
    match kind {
        DraftKind::Reply | DraftKind::Note => REPLY_MAX_CHARS,
        // The report's analysis.
        DraftKind::Report => 20_000,
        // The handover form as JSON: a 20,000-character summary and up to 200 ticket notes
        // of 2,000 characters each, with room for the JSON around them.
        DraftKind::Handover => 512 * 1024,
        // The letter as JSON with its language: twice the longest letter a processor takes,
        // so an agent can paste and cut down (the review says when it is too long).
        DraftKind::Letter => 2 * arbiter_representment::review::MAX_LETTER_CHARS + 1_000,
    }
}

fn check_key(key: &str) -> Result<&str, DeskError> {
    let key = key.trim();
    if key.is_empty() || key.chars().count() > KEY_MAX_CHARS {
        return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::DRAFT_KEY)));
    }
    Ok(key)
}

impl Desk {
    /// The draft of `kind` kept for `key` ("" when there is none).
    pub async fn draft(&self, kind: DraftKind, key: &str) -> Result<String, DeskError> {
        let key = check_key(key)?;
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.draft_of(kind, key).await?.unwrap_or_default())
    }

    /// Keeps a draft as the agent types; an empty text removes it.
    pub async fn save_draft(&self, kind: DraftKind, key: &str, body: &str) -> Result<(), DeskError> {
        let key = check_key(key)?;
        let max = max_chars(kind);
        if body.chars().count() > max {
            let def = match kind {
                DraftKind::Reply => &errors::REPLY_TOO_LONG,
                DraftKind::Note => &errors::NOTE_TOO_LONG,
                DraftKind::Report => &errors::REPORT_TOO_LONG,
                DraftKind::Handover => &errors::HANDOVER_TOO_LONG,
                DraftKind::Letter => &errors::LETTER_TOO_LONG,
            };
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(def).int("max", max as i64)));
        }
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.save_draft_of(kind, key, body).await?)
    }
}
