//! Investigation reports: one action writes the case's report — facts, timeline, evidence,
//! analysis, decision, outcome, investigator — as PDF and Markdown, queues both for the
//! company's document store (the designated place; each upload carries its SHA-256, which
//! the store checks), and saves a copy where the agent chose. Offline, the uploads wait in
//! the outbox like every action; the files wait in the desk's data folder until sent.

use std::path::{Path, PathBuf};

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{Case, CaseEvent, Evidence};
use arbiter_report::{Block, Document};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;

use crate::cases::CaseView;
use crate::desk::Desk;
use crate::error::with_detail;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// What writing a report did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ReportOutcome {
    pub pdf_name: String,
    pub pdf_sha256: String,
    pub markdown_name: String,
    pub markdown_sha256: String,
    /// The two uploads, queued for the document store.
    pub uploads: Vec<OutboxItem>,
    /// Where copies were saved on this computer.
    pub saved: Vec<String>,
}

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn words(value: &str) -> String {
    value.replace('_', " ")
}

fn wire(value: &impl Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(words)).unwrap_or_default()
}

fn money(minor: i64, currency: &str) -> String {
    let digits = match currency {
        "JPY" | "KRW" | "VND" => 0,
        _ => 2,
    };
    let value = minor as f64 / 10f64.powi(digits);
    format!("{value:.prec$} {currency}", prec = digits as usize)
}

fn usd(cents: i64) -> String {
    format!("{:.2} USD", cents as f64 / 100.0)
}

/// A change in the audit trail, in words: "stage: first chargeback → representment".
fn change(event: &CaseEvent) -> String {
    let fields = |v: &Option<serde_json::Value>| -> Vec<(String, String)> {
        v.as_ref()
            .and_then(|v| v.as_object())
            .map(|o| {
                o.iter()
                    .filter(|(_, v)| !v.is_object() && !v.is_array())
                    .map(|(k, v)| (words(k), v.as_str().map(words).unwrap_or_else(|| v.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let before = fields(&event.before);
    let after = fields(&event.after);
    if event.action == "evidence_added" {
        let title = event.after.as_ref().and_then(|a| a.get("title")).and_then(|t| t.as_str()).unwrap_or("");
        return format!("evidence “{title}”");
    }
    if event.action == "created" {
        return String::new();
    }
    after
        .iter()
        .map(|(k, v)| match before.iter().find(|(b, _)| b == k) {
            Some((_, old)) => format!("{k}: {old} → {v}"),
            None => format!("{k}: {v}"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn evidence_line(item: &Evidence, view: &CaseView) -> String {
    let answers: Vec<String> = view
        .reason
        .as_ref()
        .map(|r| r.checklist.iter().filter(|l| item.checklist.contains(&l.key)).map(|l| l.label.clone()).collect())
        .unwrap_or_default();
    let mut line = format!("#{} {} ({}), added {}", item.id, item.title, wire(&item.kind), when(item.added_at));
    if !answers.is_empty() {
        line.push_str(&format!(". Answers: {}", answers.join("; ")));
    }
    line
}

/// The report of a case, in English (the language of the company's records).
pub fn report_document(view: &CaseView, analysis: &str, investigator: &str, now: DateTime<Utc>) -> Document {
    let case: &Case = &view.case;
    let mut facts = vec![
        ("Case".to_owned(), format!("{} ({})", case.id, wire(&case.kind))),
        ("Status".to_owned(), wire(&case.status)),
        ("Summary".to_owned(), case.summary.clone()),
        (
            "Customer".to_owned(),
            match (&view.customer_name, &view.customer_account) {
                (Some(name), Some(account)) => format!("{name} ({account})"),
                (Some(name), None) => name.clone(),
                _ => format!("customer {}", case.customer_id),
            },
        ),
        (
            "Tickets".to_owned(),
            view.tickets.iter().map(|t| format!("#{} {}", t.id, t.subject)).collect::<Vec<_>>().join("\n"),
        ),
        (
            "Amount in dispute".to_owned(),
            format!("{} ({})", money(case.amount_minor, &case.currency), usd(case.amount_usd_cents)),
        ),
        ("Opened".to_owned(), when(case.created_at)),
    ];
    if let Some(card) = &case.card {
        let reason = view
            .reason
            .as_ref()
            .map(|r| format!("{} · {}", card.reason_code, r.title))
            .unwrap_or(card.reason_code.clone());
        facts.push(("Card network".to_owned(), format!("{} (card ending {})", wire(&card.network), card.card_last4)));
        facts.push(("Reason code".to_owned(), reason));
        facts.push(("Transaction date".to_owned(), card.transaction_date.to_string()));
        facts.push(("Filed with the network".to_owned(), when(card.filed_at)));
        facts.push(("Stage".to_owned(), wire(&card.stage)));
        if let Some(life) = &view.lifecycle {
            if let Some(due) = life.network_deadline {
                facts.push(("Network deadline".to_owned(), when(due)));
            }
        }
    }

    let mut timeline = Vec::new();
    if let Some(card) = &case.card {
        timeline.push(format!("{} · card transaction", card.transaction_date));
        timeline.push(format!("{} · dispute filed with {}", when(card.filed_at), wire(&card.network)));
    }
    for event in &view.events {
        let detail = change(event);
        let action = words(&event.action);
        timeline.push(if detail.is_empty() {
            format!("{} · {} · {action}", when(event.at), event.actor_name)
        } else {
            format!("{} · {} · {action}: {detail}", when(event.at), event.actor_name)
        });
    }

    let mut blocks = vec![
        Block::Heading("Case facts".into()),
        Block::Facts(facts),
        Block::Heading("Timeline".into()),
        Block::List(timeline),
        Block::Heading("Evidence".into()),
    ];
    if case.evidence.is_empty() {
        blocks.push(Block::Paragraph("No evidence was recorded.".into()));
    }
    for item in &case.evidence {
        blocks.push(Block::List(vec![evidence_line(item, view)]));
        if !item.description.trim().is_empty() {
            blocks.push(Block::Quote(item.description.clone()));
        }
    }
    if let Some(reason) = &view.reason {
        blocks.push(Block::Paragraph(format!("Evidence checklist for reason code {}:", reason.code)));
        blocks.push(Block::List(
            reason
                .checklist
                .iter()
                .map(|l| {
                    if l.evidence_ids.is_empty() {
                        format!("✗ {} — missing", l.label)
                    } else {
                        let ids: Vec<String> = l.evidence_ids.iter().map(|id| format!("#{id}")).collect();
                        format!("✓ {} — {}", l.label, ids.join(", "))
                    }
                })
                .collect(),
        ));
    }
    blocks.push(Block::Heading("Analysis".into()));
    blocks.push(Block::Paragraph(analysis.trim().to_owned()));
    blocks.push(Block::Heading("Decision".into()));
    blocks.push(Block::Facts(vec![(
        "Decision".into(),
        case.decision.map(|d| wire(&d)).unwrap_or_else(|| "not decided".into()),
    )]));
    blocks.push(Block::Heading("Outcome".into()));
    blocks.push(Block::Facts(vec![
        ("Outcome".into(), case.outcome.map(|o| wire(&o)).unwrap_or_else(|| "open".into())),
        ("Recovered".into(), usd(case.recovered_usd_cents)),
        ("Lost".into(), usd(case.lost_usd_cents)),
        ("Closed".into(), case.closed_at.map(when).unwrap_or_else(|| "not closed".into())),
    ]));
    blocks.push(Block::Heading("Investigator".into()));
    blocks.push(Block::Facts(vec![
        ("Investigator".into(), investigator.to_owned()),
        ("Case owner".into(), view.assignee_name.clone().unwrap_or_else(|| "unassigned".into())),
        ("Report written".into(), when(now)),
    ]));
    Document {
        title: format!("Investigation report — Case {}", case.id),
        footer: format!("Case {} · Investigation report · {}", case.id, when(now)),
        created: now.format("%Y%m%d%H%M%SZ").to_string(),
        blocks,
    }
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `bytes` to `path` whole or not at all (a full disk leaves no half file).
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), DeskError> {
    let fail = |e: std::io::Error| {
        DeskError::say(
            ErrorCode::Internal,
            Msg::new(&errors::NOT_WRITTEN).text("path", path.display().to_string()).text("detail", e.to_string()),
        )
    };
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes).map_err(fail)?;
    std::fs::rename(&partial, path).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        fail(e)
    })
}

impl Desk {
    /// Writes the case's report, queues it for the document store and, with `save_copy_to`
    /// (a folder, or the PDF's path), saves a copy there.
    pub async fn write_report(
        &self,
        case_id: i64,
        analysis: &str,
        save_copy_to: Option<String>,
        client_key: &str,
    ) -> Result<ReportOutcome, DeskError> {
        if analysis.trim().is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ANALYSIS_NEEDED)));
        }
        let view = self.case_view(case_id).await?;
        let investigator =
            self.session_info().await.map(|s| format!("{} <{}>", s.agent.name, s.agent.email)).unwrap_or_default();
        let now = Utc::now();
        let doc = report_document(&view, analysis, &investigator, now);
        let pdf = arbiter_report::to_pdf(&doc)
            .map_err(|e| DeskError::say(ErrorCode::Internal, with_detail(&errors::REPORT_NOT_MADE, e)))?;
        let markdown = arbiter_report::to_markdown(&doc).into_bytes();
        let stem = format!("case-{case_id}-report-{}", now.format("%Y%m%d-%H%M%S"));
        let mut saved = Vec::new();
        if let Some(target) = save_copy_to.filter(|t| !t.trim().is_empty()) {
            let target = PathBuf::from(target);
            let (pdf_path, md_path) = if target.is_dir() {
                (target.join(format!("{stem}.pdf")), target.join(format!("{stem}.md")))
            } else {
                (target.with_extension("pdf"), target.with_extension("md"))
            };
            write_whole(&pdf_path, &pdf)?;
            write_whole(&md_path, &markdown)?;
            saved = vec![pdf_path.display().to_string(), md_path.display().to_string()];
        }

        let ticket_id = view.case.ticket_ids.first().copied();
        let mut uploads = Vec::new();
        for (suffix, content_type, bytes) in [("pdf", "application/pdf", &pdf), ("md", "text/markdown", &markdown)] {
            let name = format!("{stem}.{suffix}");
            let upload = Upload { case_id: Some(case_id), ticket_id, name: &name, content_type, bytes };
            uploads.push(self.queue_upload(&format!("{client_key}-{suffix}"), upload).await?);
        }
        Ok(ReportOutcome {
            pdf_name: format!("{stem}.pdf"),
            pdf_sha256: sha256(&pdf),
            markdown_name: format!("{stem}.md"),
            markdown_sha256: sha256(&markdown),
            uploads,
            saved,
        })
    }
}

/// A file the agent attaches as evidence, as the UI read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EvidenceFile {
    pub name: String,
    pub content_type: String,
    /// The bytes, base64 (IPC carries text).
    pub content_base64: String,
}

/// The kinds of file the document store takes.
pub const EVIDENCE_TYPES: &[&str] = &[
    "application/pdf",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "application/json",
    "text/html",
    "text/markdown",
];
/// The document store's limit for one file.
pub const MAX_EVIDENCE_BYTES: usize = 20 * 1024 * 1024;

impl Desk {
    /// Attaches a file as evidence: the file goes to the document store on the case (with
    /// its SHA-256) and the evidence names it; both wait in the outbox when offline.
    pub async fn attach_evidence_file(
        &self,
        case_id: i64,
        ticket_id: Option<i64>,
        file: EvidenceFile,
        evidence: arbiter_contract::AddEvidence,
        client_key: &str,
    ) -> Result<Vec<OutboxItem>, DeskError> {
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(file.content_base64.as_bytes())
            .map_err(|e| DeskError::say(ErrorCode::InvalidInput, with_detail(&errors::FILE_UNREADABLE, e)))?;
        self.attach_evidence_bytes(case_id, ticket_id, &file.name, &file.content_type, bytes, evidence, client_key)
            .await
    }

    /// Attaches bytes as evidence (a file the agent chose, or an attachment): checked, queued
    /// for the document store on the case, and named by the evidence.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn attach_evidence_bytes(
        &self,
        case_id: i64,
        ticket_id: Option<i64>,
        name: &str,
        content_type: &str,
        bytes: Vec<u8>,
        evidence: arbiter_contract::AddEvidence,
        client_key: &str,
    ) -> Result<Vec<OutboxItem>, DeskError> {
        let invalid = |m: Msg| DeskError::say(ErrorCode::InvalidInput, m);
        let name: String = name.chars().filter(|c| !matches!(c, '/' | '\\' | '\0') && !c.is_control()).collect();
        let name = name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(invalid(Msg::new(&errors::FILE_NAME)));
        }
        let content_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if !EVIDENCE_TYPES.contains(&content_type.as_str()) {
            return Err(invalid(Msg::new(&errors::FILE_TYPE).text("type", content_type)));
        }
        if bytes.is_empty() {
            return Err(invalid(Msg::new(&errors::FILE_EMPTY)));
        }
        if bytes.len() > MAX_EVIDENCE_BYTES {
            return Err(invalid(
                Msg::new(&errors::FILE_TOO_BIG).int("max", (MAX_EVIDENCE_BYTES / (1024 * 1024)) as i64),
            ));
        }
        if evidence.title.trim().is_empty() {
            return Err(invalid(Msg::new(&errors::EVIDENCE_TITLE)));
        }
        // Checked here so nothing is queued for a case or checklist that would be refused.
        crate::cases::check_checklist(&self.case_view(case_id).await?, &evidence.checklist)?;
        let hash = sha256(&bytes);
        let upload =
            Upload { case_id: Some(case_id), ticket_id, name: &name, content_type: &content_type, bytes: &bytes };
        let first = self.queue_upload(&format!("{client_key}-file"), upload).await?;
        let mut evidence = evidence;
        evidence.kind = arbiter_contract::EvidenceKind::File;
        let mut description = evidence.description.trim().to_owned();
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&format!(
            "File “{name}” ({} KB), SHA-256 {hash}, in the document store.",
            bytes.len().div_ceil(1024)
        ));
        evidence.description = description;
        let second = self.add_case_evidence(case_id, ticket_id, evidence, client_key).await?;
        Ok(vec![first, second])
    }
}

/// A file for the document store, as queued.
pub(crate) struct Upload<'a> {
    pub case_id: Option<i64>,
    pub ticket_id: Option<i64>,
    pub name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

impl Desk {
    /// Queues a file for the document store: its bytes wait in the encrypted cache, pinned
    /// until sent (never in clear in the data folder).
    pub(crate) async fn queue_upload(&self, client_key: &str, upload: Upload<'_>) -> Result<OutboxItem, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let hash = sha256(upload.bytes);
        let sniffed = arbiter_files::sniff(upload.bytes);
        cache
            .put_file(arbiter_cache::NewFile {
                sha256: &hash,
                content: upload.bytes,
                content_type: &sniffed.content_type,
                preview: None,
                pinned: true,
            })
            .await?;
        let action = Action::UploadDocument {
            case_id: upload.case_id,
            ticket_id: upload.ticket_id,
            name: upload.name.to_owned(),
            content_type: upload.content_type.to_owned(),
            sha256: hash,
            path: None,
        };
        self.queue(client_key, action).await
    }
}
