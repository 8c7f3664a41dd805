//! Email bodies for the sandboxed frame, and opening a link the agent confirmed.

use arbiter_mail::SafeEmail;

use crate::desk::Desk;
use crate::error::with_detail;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

impl Desk {
    /// A message's HTML, cleaned; remote images only with `remote_images`.
    pub async fn email_body(
        &self,
        ticket_id: i64,
        message_id: i64,
        remote_images: bool,
    ) -> Result<SafeEmail, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let view = cache.ticket_view(ticket_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::TICKET_NOT_CACHED).int("id", ticket_id))
        })?;
        let message = view
            .messages
            .iter()
            .find(|m| m.id == message_id)
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::MESSAGE_NOT_CACHED)))?;
        let html =
            message.html.as_deref().ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::NO_HTML)))?;
        Ok(arbiter_mail::sanitize(html, remote_images))
    }

    /// Opens an `https` or `mailto` link in the system's browser or mail client.
    pub fn open_link(&self, url: &str) -> Result<(), DeskError> {
        let url = arbiter_mail::openable(url)
            .ok_or_else(|| DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ONLY_SAFE_LINKS)))?;
        open::that_detached(url.as_str())
            .map_err(|e| DeskError::say(ErrorCode::Internal, with_detail(&errors::LINK_NOT_OPENED, e)))
    }
}
