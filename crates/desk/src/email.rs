//! Opening a link the agent confirmed in an email (its body is read in `thread.rs`).

use crate::desk::Desk;
use crate::error::with_detail;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

impl Desk {
    /// Opens an `https` or `mailto` link in the system's browser or mail client.
    pub fn open_link(&self, url: &str) -> Result<(), DeskError> {
        let url = arbiter_mail::openable(url)
            .ok_or_else(|| DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ONLY_SAFE_LINKS)))?;
        open::that_detached(url.as_str())
            .map_err(|e| DeskError::say(ErrorCode::Internal, with_detail(&errors::LINK_NOT_OPENED, e)))
    }
}
