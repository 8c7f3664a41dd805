//! Reporting a suspicious account to compliance: a SAR-style record prefilled from the
//! customer's risk (the rules that fired, their events, the linked accounts, the score) with
//! the investigator's narrative, kept as a draft or submitted (draft → submitted →
//! acknowledged by compliance). Queued like every action, so it can be written offline.

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{CreateSar, CustomerId, Entity, EntityKind, Sar, SarUpdate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// What the investigator reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SarDraft {
    pub customer_id: CustomerId,
    pub linked_customer_ids: Vec<CustomerId>,
    pub activity_event_ids: Vec<i64>,
    pub rules_fired: Vec<i64>,
    pub risk_score: Option<f64>,
    pub narrative: String,
    pub case_id: Option<i64>,
}

/// The server's minimum for a narrative that goes to compliance.
const MIN_NARRATIVE: usize = 20;

impl Desk {
    /// The reports about this customer the desk holds (drafts, submitted, acknowledged),
    /// newest first.
    pub async fn customer_sars(&self, customer_id: CustomerId) -> Result<Vec<Sar>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let mut sars: Vec<Sar> = cache
            .entities_of_kind(EntityKind::Sar)
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::Sar(sar) if sar.subject_customer_id == customer_id => Some(sar),
                _ => None,
            })
            .collect();
        sars.sort_by_key(|s| std::cmp::Reverse((s.updated_at, s.id)));
        Ok(sars)
    }

    /// Files a report: a new draft, or changes to an existing draft (`sar_id`), sent on to
    /// compliance when `submit`.
    pub async fn file_sar(
        &self,
        sar_id: Option<i64>,
        ticket_id: Option<i64>,
        draft: SarDraft,
        submit: bool,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let narrative = draft.narrative.trim().to_owned();
        if submit && narrative.chars().count() < MIN_NARRATIVE {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::SAR_NARRATIVE)));
        }
        let (cache, _) = self.cache_and_me().await?;
        if cache.customer(draft.customer_id).await?.is_none() {
            return Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::CUSTOMER_NOT_CACHED)));
        }
        let action = match sar_id {
            Some(id) => {
                let existing = self
                    .customer_sars(draft.customer_id)
                    .await?
                    .into_iter()
                    .find(|s| s.id == id)
                    .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::SAR_NOT_CACHED)))?;
                if existing.status != arbiter_contract::SarStatus::Draft {
                    return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::SAR_SENT)));
                }
                Action::FileSar {
                    customer_id: draft.customer_id,
                    ticket_id,
                    sar_id: Some(id),
                    base_version: existing.version,
                    create: None,
                    update: Some(SarUpdate {
                        linked_customer_ids: Some(draft.linked_customer_ids),
                        activity_event_ids: Some(draft.activity_event_ids),
                        rules_fired: Some(draft.rules_fired),
                        risk_score: draft.risk_score,
                        narrative: Some(narrative),
                    }),
                    submit,
                }
            }
            None => Action::FileSar {
                customer_id: draft.customer_id,
                ticket_id,
                sar_id: None,
                base_version: 0,
                create: Some(CreateSar {
                    subject_customer_id: draft.customer_id,
                    linked_customer_ids: draft.linked_customer_ids,
                    activity_event_ids: draft.activity_event_ids,
                    rules_fired: draft.rules_fired,
                    risk_score: draft.risk_score,
                    narrative,
                    case_id: draft.case_id,
                }),
                update: None,
                submit,
            },
        };
        self.queue(client_key, action).await
    }
}
