//! The typed IPC surface, and the TypeScript generated from it (`ui/src/lib/bindings.ts`).
//! `cargo test --test bindings` fails when the file is stale; run it with
//! `ARBITER_WRITE_BINDINGS=1` to rewrite it.

use specta_typescript::Typescript;
use tauri_specta::{collect_commands, collect_events, Builder};

use crate::commands::*;
use crate::events::{CacheChanged, LiveEvent, SyncStatusChanged};
use crate::notifications::OpenTicket;

pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            session,
            sign_in,
            sign_out,
            sync_status,
            sync_now,
            list_tickets,
            view_counts,
            ticket,
            send_reply,
            add_note,
            start_side_conversation,
            post_side_message,
            acknowledge_escalation,
            supervisor_overview,
            bulk_update_tickets,
            handovers,
            case_view,
            reason_codes,
            open_case,
            update_case,
            add_case_evidence,
            write_report,
            attach_evidence_file,
            loss_analytics,
            customer_risk,
            refresh_customer_links,
            customer_sars,
            file_sar,
            export_loss_csv,
            export_png,
            write_handover,
            acknowledge_handover,
            do_not_disturb,
            set_do_not_disturb,
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
            draft,
            save_draft,
            agents,
            macros,
            email_body,
            open_link,
            search_articles
        ])
        .events(collect_events![SyncStatusChanged, CacheChanged, LiveEvent, OpenTicket])
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
