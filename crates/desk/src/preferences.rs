//! The agent's preferences the desk acts on: do-not-disturb for desktop alerts.

use crate::desk::Desk;
use crate::error::DeskError;

impl Desk {
    /// Whether desktop alerts below L2 are held.
    pub fn do_not_disturb(&self) -> bool {
        self.settings.get().do_not_disturb
    }

    /// Holds (or lets through) desktop alerts below L2; L2 and above always come through.
    pub async fn set_do_not_disturb(&self, on: bool) -> Result<(), DeskError> {
        self.settings.update(|s| s.do_not_disturb = on).await
    }
}
