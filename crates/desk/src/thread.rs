//! Reading a ticket's conversation: the newest part with the ticket, older parts a page at a
//! time as the agent scrolls, and one email's body for its frame — each read on its own, so
//! a thread of thousands of messages costs what is on screen.

use std::collections::HashMap;

use arbiter_cache::{ConversationCursor, ConversationPage, QuotedText, TicketView};
use arbiter_mail::SafeEmail;
use arbiter_text::Msg;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::{errors, labels};

/// The most bytes of inline pictures put in one email's frame (the rest stay attachments).
const INLINE_PICTURES_MAX_BYTES: usize = 8 * 1024 * 1024;

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
        let inline = self.inline_pictures(&message).await;
        Ok(arbiter_mail::sanitize_with_inline(html, remote_images, Some(&label), &inline))
    }

    /// The email's inline images (`cid:` parts) as the desk drew them, as `data:` URLs by
    /// Content-ID: kept files at once, others fetched now; one that cannot be had (offline,
    /// not a picture) is simply left out of the frame and stays in the attachments list.
    async fn inline_pictures(&self, message: &arbiter_contract::Message) -> HashMap<String, String> {
        use base64::Engine as _;
        let mut inline = HashMap::new();
        let mut total = 0usize;
        for file in message.attachments.iter().filter(|f| f.content_type.starts_with("image/")) {
            let Some(content_id) = file.content_id.as_deref() else { continue };
            let Ok((_, cache, _)) = self.kept_attachment(message.ticket_id, message.id, &file.sha256).await else {
                continue;
            };
            let Ok(Some(preview)) = cache.file_preview(&file.sha256).await else { continue };
            total += preview.png.len();
            if total > INLINE_PICTURES_MAX_BYTES {
                break;
            }
            let mime = if preview.png.starts_with(&[0xFF, 0xD8]) { "image/jpeg" } else { "image/png" };
            let data = base64::engine::general_purpose::STANDARD.encode(&preview.png);
            inline.insert(content_id.trim_matches(['<', '>', ' ']).to_owned(), format!("data:{mime};base64,{data}"));
        }
        inline
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
