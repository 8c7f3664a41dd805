//! The agent's saved views: named filters kept in the (encrypted) cache, per agent.

use arbiter_cache::{SavedView, TicketFilter};

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

const MAX_NAME_CHARS: usize = 80;
const MAX_VALUES: usize = 50;

impl Desk {
    pub async fn saved_views(&self) -> Result<Vec<SavedView>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.saved_views().await?)
    }

    /// Creates a view (no `id`) or updates one.
    pub async fn save_view(
        &self,
        id: Option<String>,
        name: &str,
        filter: TicketFilter,
    ) -> Result<SavedView, DeskError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::VIEW_NAME).int("max", MAX_NAME_CHARS as i64),
            ));
        }
        let lists = [
            filter.statuses.len(),
            filter.queues.len(),
            filter.kinds.len(),
            filter.channels.len(),
            filter.languages.len(),
            filter.tags.len(),
            filter.priorities.len(),
        ];
        if lists.iter().any(|n| *n > MAX_VALUES) {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::FILTER_VALUES).int("max", MAX_VALUES as i64),
            ));
        }
        let (cache, _) = self.cache_and_me().await?;
        let id = match id {
            Some(id) => {
                if cache.saved_view(&id).await?.is_none() {
                    return Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::VIEW_GONE)));
                }
                id
            }
            None => new_id(),
        };
        let view = SavedView { id, name: name.to_owned(), filter };
        cache.save_view(&view).await?;
        Ok(view)
    }

    pub async fn delete_view(&self, id: &str) -> Result<(), DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        if cache.delete_view(id).await? {
            Ok(())
        } else {
            Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::VIEW_GONE)))
        }
    }
}

fn new_id() -> String {
    use rand::Rng;
    let bytes: [u8; 8] = rand::rng().random();
    format!("v{}", hex::encode(bytes))
}

impl Desk {
    /// The team roster, for assigning.
    pub async fn agents(&self) -> Result<Vec<arbiter_contract::Agent>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.agents().await?)
    }
}
