//! Fetching attachments into the encrypted cache: checked against their SHA-256, sniffed,
//! an image's preview drawn, kept, and the cache evicted down to its budget. Used when an
//! attachment is opened and, ahead, for the agent's own tickets.

use arbiter_cache::{Cache, NewFile, Preview, StoredFile};
use arbiter_client::{ApiClient, ClientError};
use arbiter_files::{FileKind, Sniffed};
use arbiter_text::Msg;
use sha2::{Digest, Sha256};

use crate::error::{with_detail, DeskError, ErrorCode};
use crate::messages::errors;

/// Attachments at most this big are fetched ahead for the agent's own open tickets.
pub const PREFETCH_MAX_BYTES: i64 = 2 * 1024 * 1024;
/// Attachments fetched ahead per pass.
const PREFETCH_BATCH: u32 = 50;

pub(crate) enum FetchError {
    Client(ClientError),
    Desk(DeskError),
}

/// Fetches an attachment, checks it against its hash, draws an image's preview, and keeps
/// both; then evicts down to the budget.
pub(crate) async fn fetch_file(
    client: &ApiClient,
    cache: &Cache,
    sha256: &str,
    budget_bytes: i64,
) -> Result<StoredFile, FetchError> {
    let bytes = client.attachment(sha256).await.map_err(FetchError::Client)?;
    let kept = blocking(move || prepare(bytes)).await.map_err(FetchError::Desk)?;
    let Prepared { bytes, sniffed, preview, sha256: actual } = kept;
    if actual != sha256 {
        return Err(FetchError::Desk(DeskError::say(ErrorCode::Malformed, Msg::new(&errors::ATTACHMENT_MISMATCH))));
    }
    cache
        .put_file(NewFile {
            sha256,
            content: &bytes,
            content_type: &sniffed.content_type,
            preview: preview.as_ref(),
            pinned: false,
        })
        .await
        .map_err(|e| FetchError::Desk(e.into()))?;
    if let Err(error) = cache.evict_files(budget_bytes).await {
        tracing::warn!(%error, "evicting attachments over the budget failed");
    }
    Ok(StoredFile {
        sha256: sha256.to_owned(),
        content_type: sniffed.content_type,
        size_bytes: bytes.len() as i64,
        preview_size: preview.as_ref().map(|p| (p.width, p.height)),
    })
}

struct Prepared {
    bytes: Vec<u8>,
    sniffed: Sniffed,
    preview: Option<Preview>,
    sha256: String,
}

/// Hashing, sniffing and drawing: the CPU part of keeping a file, off the async runtime.
fn prepare(bytes: Vec<u8>) -> Prepared {
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let sniffed = arbiter_files::sniff(&bytes);
    let preview =
        (sniffed.kind == FileKind::Image).then(|| arbiter_files::draw_image(&bytes)).and_then(|drawn| match drawn {
            Ok(drawn) => Some(Preview { png: drawn.png, width: drawn.width, height: drawn.height }),
            Err(error) => {
                tracing::info!(%error, "an image attachment could not be drawn");
                None
            }
        });
    Prepared { bytes, sniffed, preview, sha256 }
}

/// One pass of fetching ahead: small attachments of the agent's own open tickets not kept
/// yet. Stops when the server cannot be reached. How many were fetched.
pub async fn prefetch_attachments(client: &ApiClient, cache: &Cache, agent_id: i64, budget_bytes: i64) -> usize {
    let wanted = match cache.files_to_prefetch(agent_id, PREFETCH_MAX_BYTES, PREFETCH_BATCH).await {
        Ok(wanted) => wanted,
        Err(error) => {
            tracing::warn!(%error, "listing attachments to fetch ahead failed");
            return 0;
        }
    };
    let mut fetched = 0;
    for file in wanted {
        match fetch_file(client, cache, &file.sha256, budget_bytes).await {
            Ok(_) => fetched += 1,
            Err(FetchError::Client(ClientError::Network(_) | ClientError::RateLimited { .. })) => break,
            Err(FetchError::Client(error)) => tracing::debug!(sha256 = %file.sha256, %error, "not fetched ahead"),
            Err(FetchError::Desk(error)) => tracing::warn!(sha256 = %file.sha256, error = %error.message, "not kept"),
        }
    }
    fetched
}

/// Runs CPU work (hashing, decoding, drawing) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, DeskError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| DeskError::say(ErrorCode::Internal, with_detail(&errors::FILE_UNREADABLE, e)))
}

/// Fetches under way, one gate per file: a second caller (the window asking for the picture
/// while the same file is being opened) waits for the first instead of downloading it again.
#[derive(Default)]
pub(crate) struct InFlight(
    std::sync::Mutex<std::collections::HashMap<String, std::sync::Weak<tokio::sync::Mutex<()>>>>,
);

impl InFlight {
    /// The gate for `sha256`; whoever holds its lock is the one fetching it.
    pub(crate) fn gate(&self, sha256: &str) -> std::sync::Arc<tokio::sync::Mutex<()>> {
        let mut gates = self.0.lock().unwrap_or_else(|e| e.into_inner());
        gates.retain(|_, gate| gate.strong_count() > 0);
        if let Some(gate) = gates.get(sha256).and_then(std::sync::Weak::upgrade) {
            return gate;
        }
        let gate = std::sync::Arc::new(tokio::sync::Mutex::new(()));
        gates.insert(sha256.to_owned(), std::sync::Arc::downgrade(&gate));
        gate
    }
}

#[cfg(test)]
mod tests {
    use super::InFlight;

    #[tokio::test]
    async fn a_file_has_one_gate_while_anyone_holds_it() {
        let fetching = InFlight::default();
        let first = fetching.gate("a");
        let held = first.lock().await;
        assert!(std::sync::Arc::ptr_eq(&first, &fetching.gate("a")), "a second caller waits on the same gate");
        assert!(fetching.gate("a").try_lock().is_err());
        assert!(fetching.gate("b").try_lock().is_ok(), "another file is not held up");
        drop(held);
        drop(first);
        assert!(fetching.gate("a").try_lock().is_ok());
        assert_eq!(fetching.0.lock().unwrap().len(), 1, "gates nobody holds are dropped");
    }
}
