// Each app command gets an `allow-<command>` permission; capabilities/main.json grants the
// main window exactly these, so the IPC surface is the list below and nothing else.
const COMMANDS: &[&str] = &[
    "session",
    "sign_in",
    "sign_out",
    "sync_status",
    "sync_now",
    "list_tickets",
    "view_counts",
    "ticket",
    "send_reply",
    "add_note",
    "start_side_conversation",
    "post_side_message",
    "acknowledge_escalation",
    "supervisor_overview",
    "bulk_update_tickets",
    "handovers",
    "case_view",
    "reason_codes",
    "open_case",
    "update_case",
    "add_case_evidence",
    "write_report",
    "attach_evidence_file",
    "loss_analytics",
    "customer_risk",
    "export_loss_csv",
    "export_png",
    "write_handover",
    "acknowledge_handover",
    "do_not_disturb",
    "set_do_not_disturb",
    "update_ticket",
    "outbox",
    "resolve_conflict",
    "dismiss_action",
    "search",
    "storage",
    "set_retention_days",
    "resync",
    "compact_cache",
    "saved_views",
    "save_view",
    "delete_view",
    "draft",
    "save_draft",
    "agents",
    "macros",
    "email_body",
    "open_link",
    "search_articles",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
