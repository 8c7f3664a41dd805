//! Reading a ticket's conversation: the newest part with the ticket, older parts a page at a
//! time as the agent scrolls, and one email's body for its frame — each read on its own, so
//! a thread of thousands of messages costs what is on screen.

use arbiter_cache::{ConversationCursor, ConversationPage, QuotedText, TicketView};
use arbiter_mail::SafeEmail;
use arbiter_text::Msg;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::{errors, labels};

impl Desk {
    /// A ticket with everything its screen shows and the newest part of its conversation.
    pub async fn ticket(&self, id: i64) -> Result<TicketView, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let mut view = cache.ticket_view(id).await?.ok_or_else(|| not_cached(id))?;
        mark_quotes(&mut view.conversation);
        Ok(view)
    }

    /// The `limit` entries of a ticket's conversation before `before`, oldest first.
    pub async fn older_conversation(
        &self,
        ticket_id: i64,
        before: ConversationCursor,
        limit: u32,
    ) -> Result<ConversationPage, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let mut page = cache.conversation_before(ticket_id, Some(before), limit).await?;
        mark_quotes(&mut page);
        Ok(page)
    }

    /// A message's HTML, cleaned, its quoted history folded under a summary in the agent's
    /// language; remote images only with `remote_images`.
    pub async fn email_body(
        &self,
        ticket_id: i64,
        message_id: i64,
        remote_images: bool,
    ) -> Result<SafeEmail, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let message = cache
            .message(ticket_id, message_id)
            .await?
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::MESSAGE_NOT_CACHED)))?;
        let html =
            message.html.as_deref().ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::NO_HTML)))?;
        let label = self.say(&Msg::new(&labels::EMAIL_SHOW_QUOTED));
        Ok(arbiter_mail::sanitize(html, remote_images, Some(&label)))
    }
}

fn not_cached(id: i64) -> DeskError {
    DeskError::say(ErrorCode::NotFound, Msg::new(&errors::TICKET_NOT_CACHED).int("id", id))
}

/// Notes where each message's plain text turns into quoted history, for the screen to fold.
fn mark_quotes(page: &mut ConversationPage) {
    page.quoted = page
        .messages
        .iter()
        .filter_map(|m| {
            let at = arbiter_mail::quoted::text_quote_start(&m.text)?;
            Some(QuotedText { message_id: m.id, from: arbiter_mail::quoted::utf16_offset(&m.text, at) })
        })
        .collect();
}
