//! The typed IPC surface, and the TypeScript generated from it (`ui/src/lib/bindings.ts`).
//! `cargo test --test bindings` fails when the file is stale; run it with
//! `ARBITER_WRITE_BINDINGS=1` to rewrite it.

use specta_typescript::Typescript;
use tauri_specta::{collect_commands, collect_events, Builder};

use crate::commands::{
    alerts::*, analytics::*, attachments::*, cases::*, chats::*, controls::*, conversation::*, diagnostics::*,
    drafts::*, links::*, outbox::*, preferences::*, reports::*, risk::*, service_report::*, session::*, storage::*,
    supervisor::*, tickets::*, updates::*, views::*,
};
use crate::deep_links::LinkArrived;
use crate::events::{CacheChanged, LiveEvent, SyncStatusChanged};
use crate::notifications::OpenTicket;
use crate::updates::UpdateChanged;

pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            session,
            sign_in,
            managed_settings,
            begin_company_sign_in,
            complete_company_sign_in,
            cancel_company_sign_in,
            sign_out,
            sync_status,
            sync_now,
            list_tickets,
            view_counts,
            older_conversation,
            ticket,
            send_reply,
            add_note,
            prepare_file,
            start_email,
            email_queues,
            start_side_conversation,
            internal_teams,
            post_side_message,
            forward_message,
            acknowledge_escalation,
            follow_pending_link,
            update_status,
            check_for_update,
            restart_to_update,
            diagnostics,
            dismiss_crash,
            supervisor_overview,
            bulk_update_tickets,
            quarantined_mail,
            save_quarantined_mail,
            handovers,
            case_view,
            reason_codes,
            open_case,
            update_case,
            add_case_evidence,
            write_report,
            representment_draft,
            review_representment,
            submit_representment,
            attach_evidence_file,
            open_attachment,
            save_attachment,
            kept_attachments,
            attachment_as_evidence,
            loss_analytics,
            customer_risk,
            refresh_customer_links,
            customer_sars,
            file_sar,
            account_panel,
            approvers_for,
            request_account_action,
            answer_action_request,
            approvals,
            approval_evidence,
            export_controls_csv,
            dispute_alerts,
            dispute_alert,
            answer_dispute_alert,
            hold_for_alert,
            export_loss_csv,
            export_png,
            service_report,
            export_service_csv,
            write_handover,
            acknowledge_handover,
            do_not_disturb,
            set_do_not_disturb,
            use_language,
            update_ticket,
            outbox,
            resolve_conflict,
            dismiss_action,
            search,
            storage,
            set_retention_days,
            resync,
            compact_cache,
            saved_views,
            save_view,
            delete_view,
            chat_unread,
            set_chat_unread,
            chat_offers,
            answer_offer,
            agent_typing,
            conversation_seen,
            set_presence,
            routing_policy,
            save_routing,
            draft,
            save_draft,
            agents,
            macros,
            email_body,
            open_link,
            search_articles
        ])
        .events(collect_events![SyncStatusChanged, CacheChanged, LiveEvent, OpenTicket, LinkArrived, UpdateChanged])
        // Ids and times in ms stay far below 2^53.
        .dangerously_cast_bigints_to_number()
        // One type per struct: our types read and write the same JSON.
        .disable_serde_phases()
}

/// The bindings as TypeScript source.
pub fn typescript() -> String {
    let dir = std::env::temp_dir().join(format!("arbiter-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bindings.ts");
    builder()
        .export(
            Typescript::default()
                .header("// Generated from the Rust commands by src-tauri/bindings.rs. Do not edit.\n"),
            &path,
        )
        .expect("export TypeScript bindings");
    let source = std::fs::read_to_string(&path).expect("read bindings");
    let _ = std::fs::remove_dir_all(&dir);
    source
}

/// The domain rules the UI's in-memory desk (`ui/src/lib/backend/fake.ts`) applies, written
/// from arbiter_policy so the Chromium flows run the real rules, not a hand-kept copy.
/// `cargo test --test bindings` fails when `ui/src/lib/backend/rules.generated.ts` is stale.
pub fn domain_rules() -> String {
    use arbiter_contract::{CardNetwork, CaseKind, CaseOutcome, ChargebackStage, TicketKind};
    use arbiter_policy::{cases, chargeback, teams};
    use serde_json::{json, Map, Value};

    fn key<T: serde::Serialize>(value: &T) -> String {
        arbiter_contract::codec::wire_name(value)
    }
    fn table<K: serde::Serialize + Copy, V: serde::Serialize>(keys: &[K], f: impl Fn(K) -> V) -> Value {
        let map: Map<String, Value> = keys.iter().map(|k| (key(k), json!(f(*k)))).collect();
        Value::Object(map)
    }
    let ticket_kinds = [
        TicketKind::Inquiry,
        TicketKind::Complaint,
        TicketKind::TradeDispute,
        TicketKind::CardChargeback,
        TicketKind::FraudClaim,
        TicketKind::P2pDispute,
    ];
    let case_kinds = [CaseKind::Dispute, CaseKind::Chargeback, CaseKind::FraudClaim];
    let outcomes = [
        CaseOutcome::ConfirmedFraud,
        CaseOutcome::FalsePositive,
        CaseOutcome::Refunded,
        CaseOutcome::RepresentedWon,
        CaseOutcome::RepresentedLost,
        CaseOutcome::ResolvedInFavourOfCustomer,
        CaseOutcome::ResolvedInFavourOfExchange,
    ];
    let stages = [
        ChargebackStage::Inquiry,
        ChargebackStage::FirstChargeback,
        ChargebackStage::Representment,
        ChargebackStage::PreArbitration,
        ChargebackStage::Arbitration,
        ChargebackStage::Won,
        ChargebackStage::Lost,
    ];
    let flows = [
        chargeback::DisputeFlow::Allocation,
        chargeback::DisputeFlow::Collaboration,
        chargeback::DisputeFlow::Mastercard,
    ];
    let networks = [CardNetwork::Visa, CardNetwork::Mastercard];

    let pretty = |value: Value| serde_json::to_string_pretty(&value).expect("JSON");
    let sections = [
        (
            "Which case a ticket opens (null: none).",
            "CASE_KIND_OF",
            "Record<TicketKind, CaseKind | null>",
            table(&ticket_kinds, cases::case_kind_for),
        ),
        (
            "The outcomes each kind of case can end in.",
            "OUTCOMES",
            "Record<CaseKind, CaseOutcome[]>",
            table(&case_kinds, cases::outcomes),
        ),
        (
            "The network stage a chargeback's outcome means.",
            "OUTCOME_STAGE",
            "Record<CaseOutcome, ChargebackStage | null>",
            table(&outcomes, cases::outcome_stage),
        ),
        (
            "The statuses an open case moves between.",
            "WORKING_STATUSES",
            "CaseStatus[]",
            json!(cases::WORKING_STATUSES),
        ),
        (
            "The internal teams a side conversation can go to.",
            "INTERNAL_TEAMS",
            "string[]",
            json!(teams::INTERNAL_TEAMS),
        ),
        (
            "The reason-code catalog with its evidence checklists.",
            "REASON_CODES",
            "ReasonCodeInfo[]",
            json!(arbiter_desk::reason_codes()),
        ),
        (
            "The stages of each flow, before won or lost.",
            "PATHS",
            "Record<DisputeFlow, ChargebackStage[]>",
            table(&flows, chargeback::path),
        ),
        (
            "Where a dispute at each stage may go next, per flow.",
            "NEXT_STAGES",
            "Record<DisputeFlow, Record<ChargebackStage, ChargebackStage[]>>",
            table(&flows, |flow| table(&stages, |stage| chargeback::next_stages(flow, stage))),
        ),
        (
            "Days the network allows at each stage (null: decided).",
            "DAYS_TO_ACT",
            "Record<CardNetwork, Record<ChargebackStage, number | null>>",
            table(&networks, |network| table(&stages, |stage| chargeback::days_to_act(network, stage))),
        ),
        (
            "A chargeback due within this many hours is at risk.",
            "AT_RISK_HOURS",
            "number",
            json!(chargeback::AT_RISK_HOURS),
        ),
        (
            "Conversation entries a ticket opens with; older ones come a page at a time.",
            "CONVERSATION_WINDOW",
            "number",
            json!(arbiter_cache::CONVERSATION_WINDOW),
        ),
        (
            "The response margin before the network's deadline when policies have not synced.",
            "DEFAULT_MARGIN_DAYS",
            "number",
            json!(chargeback::DEFAULT_MARGIN_DAYS),
        ),
    ];
    let mut out = String::from(
        "// Generated from arbiter_policy by src-tauri/bindings.rs for the in-memory desk. Do not edit:\n\
         // `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings` rewrites it.\n\
         import type {\n  CardNetwork,\n  CaseKind,\n  CaseOutcome,\n  CaseStatus,\n  ChargebackStage,\n  DisputeFlow,\n  ReasonCodeInfo,\n  TicketKind,\n} from \"../bindings\";\n",
    );
    for (doc, name, ty, value) in sections {
        out.push_str(&format!("\n/** {doc} */\nexport const {name}: {ty} = {};\n", pretty(value)));
    }
    out
}

/// Every message Rust sends the UI (the desk's, the risk rules', the shell's, and the names of
/// the reason-code catalog), with its English: `ui/src/lib/i18n/rust.en.ts`. The UI's English
/// catalogue takes these from there, and the other languages must translate every one of them
/// (the type check fails otherwise), so Rust cannot send a key the UI cannot say.
pub fn rust_messages() -> String {
    let mut entries: Vec<(String, String)> = Vec::new();
    let defs = [
        arbiter_text::common::ALL.to_vec(),
        arbiter_desk::messages::all(),
        arbiter_risk::messages::all(),
        arbiter_policy::chargeback::messages(),
    ]
    .concat();
    for def in defs {
        entries.extend(def.entries().into_iter().map(|(key, text)| (key, text.to_owned())));
    }
    let mut seen = std::collections::BTreeMap::new();
    for (key, text) in &entries {
        if let Some(other) = seen.insert(key.clone(), text.clone()) {
            assert_eq!(&other, text, "{key} has two different English texts");
        }
    }
    let mut out = String::from(
        "// Generated from the Rust messages by src-tauri/bindings.rs. Do not edit:\n\
         // `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings` rewrites it.\n\
         // What Rust sends the UI, in English; en.ts takes these, and every other language\n\
         // must translate them (the type check fails otherwise).\n\n\
         export const rustEn = {\n",
    );
    for (key, text) in &seen {
        out.push_str(&format!(
            "  {}: {},\n",
            serde_json::to_string(key).unwrap(),
            serde_json::to_string(text).unwrap()
        ));
    }
    out.push_str("} as const;\n\n/** A key Rust may send. */\nexport type RustMessageKey = keyof typeof rustEn;\n");
    out
}
