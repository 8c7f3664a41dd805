// The app's IPC commands, in one list. `build.rs` includes this file to give each an
// `allow-<command>` permission; `tests/ipc_surface.rs` checks that the commands registered
// with the bindings builder, the permissions in `capabilities/main.json` and the functions
// under `src-tauri/commands/` are exactly these.
pub const COMMANDS: &[&str] = &[
    // session
    "session",
    "sign_in",
    "managed_settings",
    "begin_company_sign_in",
    "complete_company_sign_in",
    "cancel_company_sign_in",
    "sign_out",
    "sync_status",
    "sync_now",
    // tickets
    "list_tickets",
    "view_counts",
    "ticket",
    "older_conversation",
    "update_ticket",
    "acknowledge_escalation",
    // links from other tools (arbiter://)
    "follow_pending_link",
    // signed updates
    "update_status",
    "check_for_update",
    "restart_to_update",
    // diagnostics for IT
    "diagnostics",
    "dismiss_crash",
    // conversation
    "send_reply",
    "add_note",
    "prepare_file",
    "start_email",
    "email_queues",
    "start_side_conversation",
    "internal_teams",
    "post_side_message",
    "forward_message",
    "macros",
    "search_articles",
    "email_body",
    "open_link",
    // attachments
    "open_attachment",
    "save_attachment",
    "kept_attachments",
    "attachment_as_evidence",
    "agents",
    // outbox
    "outbox",
    "resolve_conflict",
    "dismiss_action",
    // chats
    "chat_unread",
    "set_chat_unread",
    "chat_offers",
    "answer_offer",
    "agent_typing",
    "conversation_seen",
    "set_presence",
    "routing_policy",
    "save_routing",
    // drafts
    "draft",
    "save_draft",
    // cases
    "case_view",
    "reason_codes",
    "open_case",
    "update_case",
    "add_case_evidence",
    // reports
    "write_report",
    "representment_draft",
    "review_representment",
    "submit_representment",
    "attach_evidence_file",
    // risk
    "customer_risk",
    "refresh_customer_links",
    "customer_sars",
    "file_sar",
    // account controls
    "account_panel",
    "approvers_for",
    "request_account_action",
    "answer_action_request",
    "approvals",
    "approval_evidence",
    "export_controls_csv",
    // pre-dispute alerts
    "dispute_alerts",
    "dispute_alert",
    "answer_dispute_alert",
    "hold_for_alert",
    // analytics
    "loss_analytics",
    "export_loss_csv",
    "export_png",
    "service_report",
    "export_service_csv",
    // supervisor
    "supervisor_overview",
    "bulk_update_tickets",
    "quarantined_mail",
    "save_quarantined_mail",
    "handovers",
    "write_handover",
    "acknowledge_handover",
    // preferences
    "do_not_disturb",
    "set_do_not_disturb",
    "use_language",
    // storage
    "search",
    "storage",
    "set_retention_days",
    "resync",
    "compact_cache",
    // views
    "saved_views",
    "save_view",
    "delete_view",
];
