//! Files an agent attaches to a reply or a note: kept in the encrypted cache from the moment
//! they are attached, pinned there once the reply is queued, uploaded just before it is sent
//! (offline, they wait with it). The limits are the API's (`MAX_OUTGOING_*`).

use arbiter_cache::{Cache, NewFile};
use arbiter_contract::{OutgoingFile, MAX_OUTGOING_BYTES, MAX_OUTGOING_FILES};
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;

use crate::desk::Desk;
use crate::error::{with_detail, DeskError, ErrorCode};
use crate::messages::errors;

/// A file attached to a reply or a note, as the composer shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PreparedFile {
    pub sha256: String,
    pub name: String,
    pub size_bytes: i64,
    /// Told from the bytes.
    pub content_type: String,
}

impl Desk {
    /// Keeps a file the agent attached (base64 from the window) until its reply is sent.
    pub async fn prepare_file(&self, name: &str, content_base64: &str) -> Result<PreparedFile, DeskError> {
        use base64::Engine as _;
        let invalid = |m: Msg| DeskError::say(ErrorCode::InvalidInput, m);
        let name: String = name.chars().filter(|c| !matches!(c, '/' | '\\' | '\0') && !c.is_control()).collect();
        let name = name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(invalid(Msg::new(&errors::FILE_NAME)));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content_base64.as_bytes())
            .map_err(|e| invalid(with_detail(&errors::FILE_UNREADABLE, e)))?;
        if bytes.is_empty() {
            return Err(invalid(Msg::new(&errors::FILE_EMPTY)));
        }
        if bytes.len() as i64 > MAX_OUTGOING_BYTES {
            return Err(invalid(too_big()));
        }
        let (cache, _) = self.cache_and_me().await?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let sniffed = arbiter_files::sniff(&bytes);
        cache
            .put_file(NewFile {
                sha256: &sha256,
                content: &bytes,
                content_type: &sniffed.content_type,
                preview: None,
                pinned: false,
            })
            .await?;
        Ok(PreparedFile { sha256, name, size_bytes: bytes.len() as i64, content_type: sniffed.content_type })
    }
}

fn too_big() -> Msg {
    Msg::new(&errors::FILES_TOO_BIG).int("max", MAX_OUTGOING_BYTES / (1024 * 1024))
}

/// Checks the files a reply or a note names (how many, all still kept, how big together)
/// and pins them, so they wait in the cache until sent.
pub(crate) async fn hold_files(cache: &Cache, files: &[OutgoingFile]) -> Result<(), DeskError> {
    let invalid = |m: Msg| DeskError::say(ErrorCode::InvalidInput, m);
    if files.len() > MAX_OUTGOING_FILES {
        return Err(invalid(Msg::new(&errors::FILES_TOO_MANY).int("max", MAX_OUTGOING_FILES as i64)));
    }
    let mut total = 0;
    for file in files {
        let kept = cache.stored_file(&file.sha256).await?;
        let kept = kept.ok_or_else(|| invalid(Msg::new(&errors::FILE_GONE).text("name", file.name.clone())))?;
        total += kept.size_bytes;
    }
    if total > MAX_OUTGOING_BYTES {
        return Err(invalid(too_big()));
    }
    for file in files {
        cache.pin_file(&file.sha256).await?;
    }
    Ok(())
}
