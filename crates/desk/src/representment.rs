//! Answering a chargeback: the packet drafted from the local copy (arbiter_representment), the
//! letter the agent edits, the review before sending, and the submission — the PDF and the
//! Stripe-shaped JSON to the document store on the case (each with its SHA-256), the PDF as
//! evidence answering the checklist items its exhibits answer, and the case moved to its
//! representment stage, awaiting the network (its response clock stops). Queued like every
//! action, so it works offline and is sent once.

use std::collections::BTreeSet;

use arbiter_cache::OutboxItem;
use arbiter_contract::{
    AddEvidence, CaseDecision, CaseStatus, CaseUpdate, ChargebackStage, DisputePolicy, EvidenceKind, ExhibitKind,
};
use arbiter_policy::chargeback;
use arbiter_policy::compelling_evidence::{self as ce, Programme};
use arbiter_representment::review::{FindingSeverity, PacketFinding};
use arbiter_representment::{letter, render, review, stripe, CustomerWords, FileRef, Inputs, Packet};
use arbiter_text::Msg;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;

use crate::desk::Desk;
use crate::error::{with_detail, DeskError, ErrorCode};
use crate::messages::{compelling, errors, representment as say};
use crate::reports::Upload;

/// An exhibit as the screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ExhibitLine {
    pub number: u32,
    pub kind: ExhibitKind,
    /// In the letter's words: "Exhibit 3".
    pub label: String,
    pub title: String,
    pub summary: String,
}

/// One finding of the review, said in the agent's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReviewLine {
    pub finding: PacketFinding,
    pub severity: FindingSeverity,
    pub text: Msg,
}

/// The packet as drafted: the letter to edit, the exhibits it cites, what the review says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RepresentmentDraft {
    pub language: String,
    /// The languages the company answers networks in.
    pub languages: Vec<String>,
    pub letter: String,
    pub exhibits: Vec<ExhibitLine>,
    pub review: Vec<ReviewLine>,
    /// Where the case goes when the packet is sent (none: its stage stays).
    pub moves_to: Option<ChargebackStage>,
}

/// What submitting queued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RepresentmentOutcome {
    pub pdf_name: String,
    pub pdf_sha256: String,
    pub json_name: String,
    pub json_sha256: String,
    /// The uploads, the evidence and the case's move, in the order they are sent.
    pub queued: Vec<OutboxItem>,
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn programme_name(programme: Programme) -> Msg {
    Msg::new(match programme {
        Programme::VisaCe3 => &compelling::VISA_CE3,
        Programme::MastercardFirstPartyTrust => &compelling::MASTERCARD_FPT,
    })
}

/// A finding in words.
fn said(finding: &PacketFinding, label: &dyn Fn(u32) -> String) -> Msg {
    match finding {
        PacketFinding::Lacks { item } => Msg::new(&say::LACKS).msg(
            "item",
            chargeback::checklist_text(item).unwrap_or_else(|| Msg::new(&say::ITEM).text("item", item.as_str())),
        ),
        PacketFinding::PaymentUnknown => Msg::new(&say::PAYMENT_UNKNOWN),
        PacketFinding::NoLiabilityShift { three_ds } => Msg::new(&say::NO_LIABILITY_SHIFT)
            .text("result", arbiter_contract::codec::wire_name(three_ds).replace('_', " ")),
        PacketFinding::HistoryShort { programme, qualifying } => {
            Msg::new(&say::HISTORY_SHORT).count(*qualifying as usize).msg("programme", programme_name(*programme))
        }
        PacketFinding::CheckoutNotSeenBefore => Msg::new(&say::CHECKOUT_NOT_SEEN),
        PacketFinding::WithdrawnToNewAddresses { count } => Msg::new(&say::NEW_ADDRESSES).count(*count as usize),
        PacketFinding::CitesMissingExhibit { number } => Msg::new(&say::CITES_MISSING).text("exhibit", label(*number)),
        PacketFinding::NotCited { number } => Msg::new(&say::NOT_CITED).text("exhibit", label(*number)),
        PacketFinding::OutOfOrder => Msg::new(&say::OUT_OF_ORDER),
        PacketFinding::LetterEmpty => Msg::new(&say::LETTER_EMPTY),
        PacketFinding::LetterTooLong { chars, max } => {
            Msg::new(&say::LETTER_TOO_LONG).int("chars", i64::from(*chars)).int("max", i64::from(*max))
        }
        PacketFinding::PastDeadline => Msg::new(&say::PAST_DEADLINE),
    }
}

/// Everything a packet is made from, read from the local copy.
struct Material {
    view: crate::CaseView,
    events: Vec<arbiter_contract::ActivityEvent>,
    packet: Packet,
    policy: DisputePolicy,
}

impl Desk {
    async fn packet_material(&self, case_id: i64) -> Result<Material, DeskError> {
        let view = self.case_view(case_id).await?;
        let invalid = |def| DeskError::say(ErrorCode::InvalidInput, Msg::new(def));
        let Some(card) = view.case.card.clone() else { return Err(invalid(&errors::NOT_A_CHARGEBACK)) };
        if view.case.status == CaseStatus::Closed {
            return Err(invalid(&errors::PACKET_CASE_CLOSED));
        }
        let (cache, _) = self.cache_and_me().await?;
        let customer = cache.customer(view.case.customer_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::PACKET_NO_CUSTOMER).int("id", view.case.customer_id))
        })?;
        let events = cache.customer_activity(view.case.customer_id).await?;
        let others: BTreeSet<i64> = cache.disputed_payments(customer.id, case_id).await?.into_iter().collect();
        let check = ce::check_case(&card, view.case.amount_usd_cents, &customer.account_id, &events, &others);
        let (mut messages, mut files) = (Vec::new(), Vec::new());
        for ticket_id in &view.case.ticket_ids {
            for m in cache.customer_messages(*ticket_id).await? {
                if !m.text.trim().is_empty() {
                    messages.push(CustomerWords {
                        message_id: m.id,
                        ticket_id: m.ticket_id,
                        at: m.created_at,
                        text: m.text.clone(),
                    });
                }
                // Inline pictures of an email's HTML are part of the message, not documents.
                for a in m.attachments.iter().filter(|a| a.content_id.is_none()) {
                    files.push(FileRef {
                        ticket_id: m.ticket_id,
                        name: a.name.clone(),
                        content_type: a.content_type.clone(),
                        size_bytes: a.size_bytes.max(0) as u64,
                        sha256: a.sha256.clone(),
                        received_at: m.created_at,
                    });
                }
            }
        }
        let policy = cache.policies().await?.map(|p| p.disputes).unwrap_or_default();
        let lifecycle = view.lifecycle.as_ref();
        let packet = arbiter_representment::assemble(&Inputs {
            case: &view.case,
            customer: &customer,
            events: &events,
            messages: &messages,
            files: &files,
            compelling: Some(&check),
            respond_by: lifecycle.and_then(|l| l.response_due),
            network_deadline: lifecycle.and_then(|l| l.network_deadline),
            merchant: &policy.merchant_name,
        })
        .ok_or_else(|| invalid(&errors::NOT_A_CHARGEBACK))?;
        Ok(Material { view, events, packet, policy })
    }

    /// The letter's language: the one asked for if the company answers in it, else its first.
    fn letter_language(policy: &DisputePolicy, asked: Option<&str>) -> String {
        asked
            .filter(|l| policy.letter_languages.iter().any(|x| x == l))
            .map(str::to_owned)
            .or_else(|| policy.letter_languages.first().cloned())
            .unwrap_or_else(|| "en".into())
    }

    fn review_lines(material: &Material, letter_text: &str, language: &str) -> Vec<ReviewLine> {
        let label_template =
            material.policy.phrases(language).map_or_else(|| "Exhibit {{n}}".to_owned(), |p| p.exhibit_label.clone());
        let label = |n: u32| label_template.replace("{{n}}", &n.to_string());
        review::review(
            &material.packet,
            &material.view.case,
            &material.events,
            letter_text,
            &label_template,
            Utc::now(),
        )
        .into_iter()
        .map(|finding| ReviewLine { severity: finding.severity(), text: said(&finding, &label), finding })
        .collect()
    }

    /// Drafts the case's representment packet from the local copy: the letter in `language`
    /// (the company's first letter language when absent), the exhibits, and the review.
    pub async fn representment_draft(
        &self,
        case_id: i64,
        language: Option<String>,
    ) -> Result<RepresentmentDraft, DeskError> {
        let material = self.packet_material(case_id).await?;
        let language = Self::letter_language(&material.policy, language.as_deref());
        let letter_text = letter::draft(&material.packet, &material.policy, &language).unwrap_or_default();
        let phrases = material.policy.phrases(&language).cloned();
        let exhibits = material
            .packet
            .exhibits
            .iter()
            .map(|e| ExhibitLine {
                number: e.number,
                kind: e.kind,
                label: phrases.as_ref().map_or_else(|| format!("Exhibit {}", e.number), |p| letter::label(p, e.number)),
                title: e.title.clone(),
                summary: e.summary.clone(),
            })
            .collect();
        let flow = chargeback::flow(material.packet.network, &material.packet.reason_code);
        let stage = material.view.case.card.as_ref().map(|c| c.stage);
        let moves_to = stage.and_then(|s| chargeback::answer_stage(flow, s)).filter(|next| Some(*next) != stage);
        Ok(RepresentmentDraft {
            review: Self::review_lines(&material, &letter_text, &language),
            languages: material.policy.letter_languages.clone(),
            language,
            letter: letter_text,
            exhibits,
            moves_to,
        })
    }

    /// Reviews the letter as the agent has it now.
    pub async fn review_representment(
        &self,
        case_id: i64,
        language: String,
        letter_text: String,
    ) -> Result<Vec<ReviewLine>, DeskError> {
        let material = self.packet_material(case_id).await?;
        let language = Self::letter_language(&material.policy, Some(&language));
        Ok(Self::review_lines(&material, &letter_text, &language))
    }

    /// Sends the packet with the agent's letter: refused while the review finds something
    /// that blocks it; otherwise the PDF and the JSON go to the document store on the case,
    /// the PDF becomes evidence, and the case moves to its representment stage, awaiting the
    /// network.
    pub async fn submit_representment(
        &self,
        case_id: i64,
        language: String,
        letter_text: String,
        client_key: &str,
    ) -> Result<RepresentmentOutcome, DeskError> {
        let material = self.packet_material(case_id).await?;
        let language = Self::letter_language(&material.policy, Some(&language));
        let lines = Self::review_lines(&material, &letter_text, &language);
        let blocking: Vec<Msg> =
            lines.iter().filter(|l| l.severity == FindingSeverity::Blocks).map(|l| l.text.clone()).collect();
        if !blocking.is_empty() {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::PACKET_BLOCKED).list("reasons", blocking),
            ));
        }
        let prepared_by =
            self.session_info().await.map(|s| format!("{} <{}>", s.agent.name, s.agent.email)).unwrap_or_default();
        let phrases = material.policy.phrases(&language).cloned();
        let label = |n: u32| phrases.as_ref().map_or_else(|| format!("Exhibit {n}"), |p| letter::label(p, n));
        let now = Utc::now();
        let doc = render::document(&material.packet, &letter_text, &label, &prepared_by, now);
        let pdf = arbiter_report::to_pdf(&doc)
            .map_err(|e| DeskError::say(ErrorCode::Internal, with_detail(&errors::REPORT_NOT_MADE, e)))?;
        let pdf_sha256 = sha256(&pdf);
        let body = stripe::evidence(&material.packet, &letter_text, &pdf_sha256);
        if let Some(breach) = stripe::check(&body).first() {
            return Err(DeskError::say(
                ErrorCode::Internal,
                Msg::new(&errors::PACKET_JSON).text("field", breach.field.as_str()).text("rule", breach.rule.as_str()),
            ));
        }
        let json = serde_json::to_vec_pretty(&body).expect("JSON values serialize");
        let json_sha256 = sha256(&json);
        let stem = format!("case-{case_id}-representment-{}", now.format("%Y%m%d-%H%M%S"));
        let ticket_id = material.view.case.ticket_ids.first().copied();

        // The PDF as evidence answering what its exhibits answer on the reason's checklist.
        let on_checklist: Vec<String> = material
            .view
            .reason
            .as_ref()
            .map(|r| r.checklist.iter().map(|l| l.key.clone()).collect())
            .unwrap_or_default();
        let answers: BTreeSet<String> = material
            .packet
            .exhibits
            .iter()
            .flat_map(|e| e.answers.iter().cloned())
            .filter(|k| on_checklist.contains(k))
            .collect();
        let evidence = AddEvidence {
            kind: EvidenceKind::File,
            title: format!("Representment packet ({} exhibits)", material.packet.exhibits.len()),
            description: format!(
                "Cover sheet, rebuttal letter ({language}) and {} numbered exhibits; submitted to the network {}.",
                material.packet.exhibits.len(),
                now.format("%Y-%m-%d %H:%M UTC")
            ),
            reference_id: None,
            checklist: answers.into_iter().collect(),
        };
        let pdf_name = format!("{stem}.pdf");
        let mut queued = self
            .attach_evidence_bytes(
                case_id,
                ticket_id,
                &pdf_name,
                "application/pdf",
                pdf,
                evidence,
                &format!("{client_key}-pdf"),
            )
            .await?;
        let json_name = format!("{stem}.json");
        let upload = Upload {
            case_id: Some(case_id),
            ticket_id,
            name: &json_name,
            content_type: "application/json",
            bytes: &json,
        };
        queued.push(self.queue_upload(&format!("{client_key}-json"), upload).await?);

        // The case moves to its answer's stage and waits on the network.
        let card = material.view.case.card.as_ref().expect("a chargeback");
        let flow = chargeback::flow(card.network, &card.reason_code);
        let stage = chargeback::answer_stage(flow, card.stage).filter(|next| *next != card.stage);
        let update = CaseUpdate {
            status: Some(CaseStatus::AwaitingNetwork),
            stage,
            decision: Some(CaseDecision::Represent),
            ..CaseUpdate::default()
        };
        queued.push(self.update_case(case_id, ticket_id, update, &format!("{client_key}-case")).await?);
        Ok(RepresentmentOutcome { pdf_name, pdf_sha256, json_name, json_sha256, queued })
    }
}
