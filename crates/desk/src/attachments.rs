//! Attachments with their bytes: fetched from the company API when opened (or ahead, for the
//! agent's own tickets), checked against their SHA-256, kept in the encrypted cache under a
//! budget, and shown only as something the desk drew itself (images and PDF pages as fresh
//! PNGs, text as text). Anything else is only saved where the agent chose.

use arbiter_cache::{Cache, StoredFile};
use arbiter_client::ClientError;
use arbiter_contract::Attachment;
use arbiter_files::FileKind;
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::file_fetch::{blocking, fetch_file, FetchError};
use crate::messages::errors;

/// What an opened attachment shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AttachmentContent {
    /// An image, drawn again by the desk: ask for it with `attachment_picture`.
    Image {
        width: u32,
        height: u32,
    },
    /// A PDF: ask for each page with `attachment_picture`.
    Pdf {
        pages: u32,
    },
    Text {
        text: String,
        truncated: bool,
    },
    /// Only saved (after the agent confirms): an archive, an office file, a program, or a
    /// picture or PDF that could not be read (`problem` says why).
    Other {
        problem: Option<String>,
    },
}

/// An attachment, opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct OpenedAttachment {
    pub sha256: String,
    pub name: String,
    pub size_bytes: i64,
    /// The type told from the bytes.
    pub content_type: String,
    /// The name's extension, when it says the file is something its bytes are not (an
    /// "invoice.pdf" that is an archive): a classic disguise, shown to the agent.
    pub disguised_as: Option<String>,
    pub content: AttachmentContent,
}

impl Desk {
    /// Opens an attachment of a message: its bytes from the cache, or from the server (then
    /// kept), and what the desk can show of them.
    pub async fn open_attachment(
        &self,
        ticket_id: i64,
        message_id: i64,
        sha256: &str,
    ) -> Result<OpenedAttachment, DeskError> {
        let (attachment, cache, file) = self.kept_attachment(ticket_id, message_id, sha256).await?;
        let content = match kind_of(&file.content_type) {
            // The preview's size is enough here; its bytes are read when the window asks.
            FileKind::Image => match file.preview_size {
                Some((width, height)) => AttachmentContent::Image { width, height },
                None => AttachmentContent::Other { problem: Some(self.say(&Msg::new(&errors::IMAGE_UNREADABLE))) },
            },
            FileKind::Pdf => {
                let bytes = content_of(&cache, sha256).await?;
                match blocking(move || arbiter_files::pdf_page_count(&bytes)).await? {
                    Ok(pages) if pages > 0 => AttachmentContent::Pdf { pages },
                    Ok(_) => AttachmentContent::Other { problem: Some(self.say(&Msg::new(&errors::PDF_EMPTY))) },
                    Err(error) => AttachmentContent::Other { problem: Some(error.to_string()) },
                }
            }
            FileKind::Text => {
                let bytes = content_of(&cache, sha256).await?;
                let (text, truncated) = blocking(move || arbiter_files::read_text(&bytes)).await?;
                AttachmentContent::Text { text, truncated }
            }
            FileKind::Other => AttachmentContent::Other { problem: None },
        };
        Ok(OpenedAttachment {
            sha256: file.sha256,
            disguised_as: arbiter_files::disguise(&attachment.name, &file.content_type),
            name: attachment.name,
            size_bytes: file.size_bytes,
            content_type: file.content_type,
            content,
        })
    }

    /// The PNG the desk drew of an image attachment, or of page `page` (from 0) of a PDF.
    pub async fn attachment_picture(
        &self,
        ticket_id: i64,
        message_id: i64,
        sha256: &str,
        page: u32,
    ) -> Result<Vec<u8>, DeskError> {
        let (_, cache, file) = self.kept_attachment(ticket_id, message_id, sha256).await?;
        let not_shown = |detail: String| {
            DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ATTACHMENT_NOT_SHOWN).text("detail", detail))
        };
        match kind_of(&file.content_type) {
            FileKind::Image => match cache.file_preview(sha256).await? {
                Some(preview) => Ok(preview.png),
                None => Err(not_shown(self.say(&Msg::new(&errors::IMAGE_UNREADABLE)))),
            },
            FileKind::Pdf => {
                let key = (sha256.to_owned(), page);
                if let Some(png) = self.drawn_pages.get(&key) {
                    return Ok(png);
                }
                let bytes = content_of(&cache, sha256).await?;
                let drawn = blocking(move || arbiter_files::draw_pdf_page(&bytes, page))
                    .await?
                    .map_err(|e| not_shown(e.to_string()))?;
                self.drawn_pages.keep(key, drawn.png.clone());
                Ok(drawn.png)
            }
            FileKind::Text | FileKind::Other => Err(not_shown(file.content_type)),
        }
    }

    /// Saves an attachment's bytes, as sent, at `path` (from the save dialog, after the agent
    /// confirmed). The desk never opens it.
    pub async fn save_attachment(
        &self,
        ticket_id: i64,
        message_id: i64,
        sha256: &str,
        path: &str,
    ) -> Result<(), DeskError> {
        let (_, cache, _) = self.kept_attachment(ticket_id, message_id, sha256).await?;
        let bytes = content_of(&cache, sha256).await?;
        let path = std::path::PathBuf::from(path);
        blocking(move || crate::reports::write_whole(&path, &bytes)).await?
    }

    /// Adds an attachment to a case as evidence in one action: its bytes go to the document
    /// store on the case with their SHA-256, and the evidence names them.
    #[allow(clippy::too_many_arguments)]
    pub async fn attachment_as_evidence(
        &self,
        case_id: i64,
        ticket_id: i64,
        message_id: i64,
        sha256: &str,
        evidence: arbiter_contract::AddEvidence,
        client_key: &str,
    ) -> Result<Vec<arbiter_cache::OutboxItem>, DeskError> {
        let (attachment, cache, file) = self.kept_attachment(ticket_id, message_id, sha256).await?;
        let bytes = content_of(&cache, sha256).await?;
        self.attach_evidence_bytes(
            case_id,
            Some(ticket_id),
            &attachment.name,
            &file.content_type,
            bytes,
            evidence,
            client_key,
        )
        .await
    }

    /// Which of a ticket's attachments are kept, so open at once and offline.
    pub async fn kept_attachments(&self, hashes: Vec<String>) -> Result<Vec<String>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.kept_files(&hashes).await?)
    }

    /// The attachment named by the message (or by one of the ticket's notes or side
    /// messages), with its bytes kept in the cache (fetched now when they are not). Only the
    /// ticket's own files can be asked for.
    pub(crate) async fn kept_attachment(
        &self,
        ticket_id: i64,
        message_id: i64,
        sha256: &str,
    ) -> Result<(Attachment, Cache, StoredFile), DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let message = cache.message(ticket_id, message_id).await?;
        let of_message = message.and_then(|m| m.attachments.into_iter().find(|a| a.sha256 == sha256));
        // Notes and side messages (a forward, a bank's answer) carry files of the ticket too.
        let attachment = match of_message {
            Some(attachment) => attachment,
            None => cache
                .ticket_file(ticket_id, sha256)
                .await?
                .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::ATTACHMENT_UNKNOWN)))?,
        };
        if let Some(file) = cache.stored_file(sha256).await? {
            // For eviction; the agent does not wait for it.
            let (cache_, sha256_) = (cache.clone(), sha256.to_owned());
            tokio::spawn(async move {
                if let Err(error) = cache_.touch_file(&sha256_).await {
                    tracing::debug!(%error, "marking an attachment used failed");
                }
            });
            return Ok((attachment, cache, file));
        }
        // One download per file: who comes second finds it kept when the first is done.
        let gate = self.fetching.gate(sha256);
        let _fetching = gate.lock().await;
        if let Some(file) = cache.stored_file(sha256).await? {
            return Ok((attachment, cache, file));
        }
        let client = match self.client_and_cache().await {
            Ok((client, _)) => client,
            Err(error) => return Err(offline(error.message)),
        };
        let file =
            fetch_file(&client, &cache, sha256, self.settings.get().file_budget_bytes()).await.map_err(|error| {
                match error {
                    FetchError::Client(e @ (ClientError::Network(_) | ClientError::RateLimited { .. })) => {
                        offline(e.to_string())
                    }
                    FetchError::Client(e) => DeskError::from(e),
                    FetchError::Desk(e) => e,
                }
            })?;
        Ok((attachment, cache, file))
    }
}

fn offline(detail: String) -> DeskError {
    DeskError::say(ErrorCode::Offline, Msg::new(&errors::ATTACHMENT_OFFLINE).text("detail", detail))
}

/// The desk's reading of a sniffed type.
fn kind_of(content_type: &str) -> FileKind {
    match content_type {
        "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/bmp" => FileKind::Image,
        "application/pdf" => FileKind::Pdf,
        "text/plain" => FileKind::Text,
        _ => FileKind::Other,
    }
}

async fn content_of(cache: &Cache, sha256: &str) -> Result<Vec<u8>, DeskError> {
    cache
        .file_content(sha256)
        .await?
        .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::ATTACHMENT_UNKNOWN)))
}
