//! The domain API over HTTP on loopback, on SQLite and PostgreSQL: who may see and do what,
//! conflicts, the audit log, scope changes in the feed, cases, reports and documents.

mod common;

use arbiter_contract::*;
use arbiter_server::RunningServer;
use common::{http, key, AVA, FATIMA, HARUTO, MARCUS, OLGA};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct Api<'a> {
    server: &'a RunningServer,
}

impl Api<'_> {
    async fn call(
        &self,
        method: Method,
        token: &str,
        path: &str,
        body: Option<Value>,
        if_match: Option<i64>,
    ) -> (StatusCode, Value) {
        let mut request =
            http().request(method.clone(), format!("{}{path}", self.server.base_url())).bearer_auth(token);
        if method != Method::GET {
            request = request.header("Idempotency-Key", key());
        }
        if let Some(version) = if_match {
            request = request.header("If-Match", format!("\"{version}\""));
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    async fn get(&self, token: &str, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, token, path, None, None).await
    }

    async fn feed(&self, token: &str, after: i64) -> ChangePage {
        let mut all = ChangePage {
            feed_id: String::new(),
            changes: vec![],
            next_cursor: after,
            has_more: true,
            head: 0,
            horizon: 0,
        };
        while all.has_more {
            let (status, page) = self.get(token, &format!("/v1/changes?after={}&limit=5000", all.next_cursor)).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            let page: ChangePage = serde_json::from_value(page).unwrap();
            all.changes.extend(page.changes);
            all.next_cursor = page.next_cursor;
            all.has_more = page.has_more;
            all.head = page.head;
            all.feed_id = page.feed_id;
        }
        all
    }

    async fn server_customer(&self, id: i64) -> Customer {
        let data: String = sqlx::query_scalar("SELECT data FROM customers WHERE id = $1")
            .bind(id)
            .fetch_one(&self.server.db().pool)
            .await
            .unwrap();
        serde_json::from_str(&data).unwrap()
    }

    async fn one(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.server.db().pool).await.unwrap()
    }
}

async fn each_database(test: impl AsyncFn(&Api<'_>)) {
    for db in common::databases().await {
        let server = common::server(&db, 300).await;
        test(&Api { server: &server }).await;
    }
}

/// A fraud-queue ticket nobody in disputes works on, and a disputes-queue ticket.
async fn tickets(api: &Api<'_>) -> (i64, i64) {
    let fraud = api
        .one("SELECT MIN(id) FROM tickets WHERE queue = 'fraud' AND status <> 'closed' AND (assignee_id IS NULL OR assignee_id > 4)")
        .await;
    let disputes = api.one("SELECT MIN(id) FROM tickets WHERE queue = 'disputes' AND status <> 'closed'").await;
    (fraud, disputes)
}

#[tokio::test]
async fn supervisor_only_endpoints_answer_403_to_agents() {
    each_database(async |api| {
        let policy: PolicySet = serde_json::from_value(api.get(AVA, "/v1/policies").await.1).unwrap();
        let update = json!({ "sla": policy.sla, "escalation": policy.escalation, "risk": policy.risk });
        let (_, disputes) = tickets(api).await;
        let bulk = json!({ "ticket_ids": [disputes], "update": { "priority": "high" } });
        let cases: [(Method, &str, Option<Value>, Option<i64>); 4] = [
            (Method::GET, "/v1/supervisor/overview", None, None),
            (Method::GET, "/v1/audit", None, None),
            (Method::POST, "/v1/tickets/bulk", Some(bulk), None),
            (Method::PUT, "/v1/policies", Some(update), Some(policy.version)),
        ];
        for (method, path, body, if_match) in cases {
            let (status, error) = api.call(method.clone(), AVA, path, body.clone(), if_match).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "agent on {method} {path}: {error}");
            assert_eq!(error["code"], "forbidden");
            let (status, answer) = api.call(method.clone(), MARCUS, path, body, if_match).await;
            assert!(status.is_success(), "supervisor on {method} {path}: {status} {answer}");
        }
        let overview: SupervisorOverview =
            serde_json::from_value(api.get(MARCUS, "/v1/supervisor/overview").await.1).unwrap();
        assert_eq!(overview.queues.iter().map(|q| q.queue.as_str()).collect::<Vec<_>>(), vec!["disputes"]);
        assert!(overview.agents.iter().any(|a| a.name == "Ava Chen"));
        let disputes = &overview.queues[0];
        assert_eq!(disputes.open_escalations_by_level.iter().sum::<i64>(), disputes.open_escalations);
        assert_eq!(disputes.oldest_escalation_at.is_some(), disputes.open_escalations > 0);
        // At risk: waiting on us, due within 30 min, not yet missed.
        assert!(
            disputes.sla_at_risk + disputes.sla_breached
                <= disputes.new + disputes.open + disputes.pending + disputes.on_hold
        );
        let now = chrono::Utc::now();
        let expected = api
            .feed(MARCUS, 0)
            .await
            .changes
            .into_iter()
            .filter_map(|c| match c.entity {
                Entity::Ticket(t) if t.queue == "disputes" => Some(t),
                _ => None,
            })
            .filter(|t| matches!(t.status, TicketStatus::New | TicketStatus::Open))
            .filter(|t| !arbiter_policy::sla::breached(&t.sla, now))
            .filter(|t| {
                arbiter_policy::sla::soonest_due(&t.sla).is_some_and(|d| d - now <= chrono::Duration::minutes(30))
            })
            .count() as i64;
        assert_eq!(disputes.sla_at_risk, expected);
        // Policies moved to version 2 with the supervisor as author.
        let policy: PolicySet = serde_json::from_value(api.get(AVA, "/v1/policies").await.1).unwrap();
        assert_eq!(policy.version, 2);
        assert_eq!(policy.updated_by, Some(2));
    })
    .await;
}

#[tokio::test]
async fn nobody_sees_outside_their_scope() {
    each_database(async |api| {
        let (fraud, disputes) = tickets(api).await;
        let matrix = [
            (AVA, fraud, false),
            (AVA, disputes, true),
            (MARCUS, fraud, false),
            (MARCUS, disputes, true),
            (HARUTO, fraud, true),
            (HARUTO, disputes, false),
            (OLGA, fraud, true),
        ];
        for (token, ticket, visible) in matrix {
            let (status, _) = api.get(token, &format!("/v1/tickets/{ticket}")).await;
            assert_eq!(status == StatusCode::OK, visible, "{token} GET ticket {ticket}: {status}");
            let (status, _) = api
                .call(
                    Method::POST,
                    token,
                    &format!("/v1/tickets/{ticket}/notes"),
                    Some(json!({"body": "checked"})),
                    None,
                )
                .await;
            assert_eq!(status == StatusCode::CREATED, visible, "{token} note on {ticket}: {status}");
            if !visible {
                assert_eq!(status, StatusCode::NOT_FOUND, "out of scope looks like absent");
            }
        }
        // The feed holds exactly what the caller may see.
        let feed = api.feed(AVA, 0).await;
        let mut tickets_seen = std::collections::BTreeSet::new();
        for change in &feed.changes {
            match &change.entity {
                Entity::Ticket(t) => {
                    assert!(t.queue == "disputes" || t.assignee_id == Some(1), "ticket {} is not Ava's to see", t.id);
                    tickets_seen.insert(t.id);
                }
                Entity::Sar(s) => assert_eq!(s.investigator_id, 1, "only her own reports"),
                _ => {}
            }
        }
        for change in &feed.changes {
            if let Entity::Message(m) = &change.entity {
                assert!(tickets_seen.contains(&m.ticket_id), "message {} of an unseen ticket", m.id);
            }
        }
        let expected = api.one("SELECT COUNT(*) FROM tickets WHERE queue = 'disputes' OR assignee_id = 1").await;
        assert_eq!(tickets_seen.len() as i64, expected);
        // Everyone gets the shared reference data.
        for kind in [EntityKind::Agent, EntityKind::Team, EntityKind::Macro, EntityKind::Article, EntityKind::Policy] {
            assert!(feed.changes.iter().any(|c| c.entity.kind() == kind), "{kind:?} in the feed");
        }
    })
    .await;
}

#[tokio::test]
async fn stale_updates_get_409_with_the_current_state() {
    each_database(async |api| {
        let (_, ticket) = tickets(api).await;
        let (_, detail) = api.get(AVA, &format!("/v1/tickets/{ticket}")).await;
        let version = detail["ticket"]["version"].as_i64().unwrap();
        let path = format!("/v1/tickets/{ticket}");

        let (status, error) = api.call(Method::PATCH, AVA, &path, Some(json!({"priority": "urgent"})), None).await;
        assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{error}");
        assert_eq!(error["code"], "precondition_required");

        let (status, updated) = api
            .call(
                Method::PATCH,
                AVA,
                &path,
                Some(json!({"priority": "urgent", "tags": [" VIP ", "vip"]})),
                Some(version),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{updated}");
        assert_eq!(updated["version"], version + 1);
        assert_eq!(updated["tags"], json!(["vip"]));

        // Someone else's change based on the old version loses, and sees why.
        let (status, error) =
            api.call(Method::PATCH, MARCUS, &path, Some(json!({"status": "pending"})), Some(version)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(error["code"], "conflict");
        assert_eq!(error["current"]["kind"], "ticket");
        assert_eq!(error["current"]["data"]["priority"], "urgent");
        assert_eq!(error["current"]["data"]["version"], version + 1);

        // Bad values are refused, not silent changes: the document's rules with 400, the
        // domain's (a queue or agent that must exist, a change that changes something) with 422.
        for bad in [json!({"tags": ["x".repeat(41)]}), json!({"priority": "whenever"})] {
            let (status, error) = api.call(Method::PATCH, AVA, &path, Some(bad.clone()), Some(version + 1)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {error}");
        }
        for bad in [json!({"queue": "compliance"}), json!({"queue": "nope"}), json!({"assignee_id": 999}), json!({})] {
            let (status, error) = api.call(Method::PATCH, AVA, &path, Some(bad.clone()), Some(version + 1)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {error}");
        }
    })
    .await;
}

#[tokio::test]
async fn every_mutation_lands_in_the_audit_log_with_its_actor() {
    each_database(async |api| {
        let (_, ticket) = tickets(api).await;
        let (_, detail) = api.get(AVA, &format!("/v1/tickets/{ticket}")).await;
        let version = detail["ticket"]["version"].as_i64().unwrap();
        api.call(Method::POST, AVA, &format!("/v1/tickets/{ticket}/replies"), Some(json!({"body": "On it."})), None)
            .await;
        let (_, updated) = api
            .call(
                Method::PATCH,
                AVA,
                &format!("/v1/tickets/{ticket}"),
                Some(json!({"status": "pending"})),
                Some(version + 1),
            )
            .await;
        assert_eq!(updated["status"], "pending", "{updated}");
        let (status, entries) = api.get(MARCUS, &format!("/v1/audit?entity_kind=ticket&entity_id={ticket}")).await;
        assert_eq!(status, StatusCode::OK);
        let entries: Vec<AuditEntry> = serde_json::from_value(entries).unwrap();
        let update = entries.iter().find(|e| e.action == "ticket.update").expect("the update is audited");
        assert_eq!(update.actor_id, 1);
        assert_eq!(update.before.as_ref().unwrap()["status"], detail["ticket"]["status"]);
        assert_eq!(update.after.as_ref().unwrap()["status"], "pending");
        assert!(update.idempotency_key.is_some());
        let (_, replies) = api.get(MARCUS, "/v1/audit?actor_id=1").await;
        assert!(replies.as_array().unwrap().iter().any(|e| e["action"] == "ticket.reply"));
    })
    .await;
}

#[tokio::test]
async fn a_ticket_moving_queues_leaves_one_feed_and_arrives_in_another() {
    each_database(async |api| {
        let ticket_id = api
            .one("SELECT MIN(id) FROM tickets WHERE queue = 'disputes' AND (assignee_id IS NULL OR assignee_id <> 1) AND status <> 'closed'")
            .await;
        let ava_before = api.feed(AVA, 0).await;
        let haruto_before = api.feed(HARUTO, 0).await;
        let messages: Vec<i64> = ava_before
            .changes
            .iter()
            .filter_map(|c| match &c.entity {
                Entity::Message(m) if m.ticket_id == ticket_id => Some(m.id),
                _ => None,
            })
            .collect();
        assert!(!messages.is_empty());
        assert!(!haruto_before.changes.iter().any(|c| matches!(&c.entity, Entity::Ticket(t) if t.id == ticket_id)));

        let (_, detail) = api.get(MARCUS, &format!("/v1/tickets/{ticket_id}")).await;
        let version = detail["ticket"]["version"].as_i64().unwrap();
        let (status, moved) = api
            .call(Method::PATCH, MARCUS, &format!("/v1/tickets/{ticket_id}"), Some(json!({"queue": "fraud", "assignee_id": null})), Some(version))
            .await;
        assert_eq!(status, StatusCode::OK, "{moved}");

        // Ava's feed, from where she was: the ticket and its messages are gone.
        let ava_after = api.feed(AVA, ava_before.next_cursor).await;
        let dropped: Vec<(EntityKind, i64)> = ava_after
            .changes
            .iter()
            .filter_map(|c| match &c.entity {
                Entity::Deleted(t) => Some((t.entity, t.id)),
                _ => None,
            })
            .collect();
        assert!(dropped.contains(&(EntityKind::Ticket, ticket_id)));
        for id in &messages {
            assert!(dropped.contains(&(EntityKind::Message, *id)), "message {id} dropped");
        }
        assert!(!ava_after.changes.iter().any(|c| matches!(&c.entity, Entity::Ticket(t) if t.id == ticket_id)));

        // Haruto's feed, from where he was: the ticket arrives with its whole conversation.
        let haruto_after = api.feed(HARUTO, haruto_before.next_cursor).await;
        assert!(haruto_after.changes.iter().any(|c| matches!(&c.entity, Entity::Ticket(t) if t.id == ticket_id && t.queue == "fraud")));
        for id in &messages {
            assert!(haruto_after.changes.iter().any(|c| matches!(&c.entity, Entity::Message(m) if m.id == *id)), "message {id} arrives");
        }
        assert!(haruto_after.changes.iter().any(|c| matches!(&c.entity, Entity::Customer(_))));
        let (status, _) = api.get(HARUTO, &format!("/v1/tickets/{ticket_id}")).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = api.get(AVA, &format!("/v1/tickets/{ticket_id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_chargeback_case_runs_its_lifecycle_with_an_audit_trail() {
    each_database(async |api| {
        let ticket = api.one("SELECT MIN(id) FROM tickets WHERE queue = 'disputes' AND data NOT LIKE '%\"case_id\":5%' AND status <> 'closed'").await;
        let (status, detail) = api.get(AVA, &format!("/v1/tickets/{ticket}")).await;
        assert_eq!(status, StatusCode::OK);
        if !detail["ticket"]["case_id"].is_null() {
            return; // this seed's first disputes ticket already has a case; covered elsewhere
        }
        let create = json!({
            "kind": "chargeback", "ticket_id": ticket, "amount_minor": 1_250_000, "currency": "EUR",
            "card": {"network": "visa", "reason_code": "10.4", "card_last4": "4242",
                     "transaction_date": "2026-10-02", "filed_at": "2026-11-01T00:00:00Z"},
            "summary": "Cardholder says the BTC purchase was not theirs."
        });
        let (status, case) = api.call(Method::POST, AVA, "/v1/cases", Some(create.clone()), None).await;
        assert_eq!(status, StatusCode::CREATED, "{case}");
        let case: Case = serde_json::from_value(case).unwrap();
        assert!(case.amount_usd_cents > 1_000_000, "12,500 EUR is over 10,000 USD");
        // Visa: 30 days from filing, less the policy's 5 days of margin.
        assert_eq!(case.due_at.unwrap().to_rfc3339(), "2026-11-26T00:00:00+00:00");
        let (_, linked) = api.get(AVA, &format!("/v1/tickets/{ticket}")).await;
        assert_eq!(linked["ticket"]["case_id"], case.id);

        let path = format!("/v1/cases/{}", case.id);
        let (status, with_evidence) = api
            .call(Method::POST, AVA, &format!("{path}/evidence"), Some(json!({"kind": "file", "title": "3DS log", "description": "frictionless, approved", "reference_id": null})), Some(case.version))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{with_evidence}");
        let version = with_evidence["version"].as_i64().unwrap();
        // Visa fraud (10.4) follows allocation: contested, it goes straight to pre-arbitration.
        let (status, refused) = api
            .call(Method::PATCH, AVA, &path, Some(json!({"stage": "representment"})), Some(version))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(refused["message"].as_str().unwrap().contains("PreArbitration"), "{refused}");
        let (status, decided) = api
            .call(Method::PATCH, AVA, &path, Some(json!({"decision": "represent", "stage": "pre_arbitration", "status": "awaiting_network"})), Some(version))
            .await;
        assert_eq!(status, StatusCode::OK, "{decided}");
        let decided: Case = serde_json::from_value(decided).unwrap();
        let card = decided.card.unwrap();
        assert!(card.stage_began_at.unwrap() > card.filed_at, "the new stage's clock starts now");
        // We answered: the network acts next, so nothing is due from us.
        assert_eq!(decided.due_at, None, "the response clock stops while the network acts");
        let (status, _) = api.call(Method::PATCH, AVA, &path, Some(json!({"outcome": "represented_won"})), Some(version)).await;
        assert_eq!(status, StatusCode::CONFLICT, "based on a stale version");

        let (status, events) = api.get(AVA, &format!("{path}/events")).await;
        assert_eq!(status, StatusCode::OK);
        let actions: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, vec!["created", "evidence_added", "decided"]);
        let decided_event = &events.as_array().unwrap()[2];
        assert_eq!(decided_event["before"]["stage"], "first_chargeback");
        assert_eq!(decided_event["after"]["stage"], "pre_arbitration");
        assert_eq!(decided_event["actor_name"], "Ava Chen");
        // The issuer answers the pre-arbitration: the case is ours again, due 30 days from the
        // stage's start less the margin.
        let (status, back) = api
            .call(Method::PATCH, AVA, &path, Some(json!({"status": "investigating"})), Some(decided.version))
            .await;
        assert_eq!(status, StatusCode::OK, "{back}");
        let due = serde_json::from_value::<Case>(back).unwrap().due_at.unwrap();
        assert!((due - (card.stage_began_at.unwrap() + chrono::Duration::days(25))).num_seconds().abs() < 2);
        let (status, _) = api.get(HARUTO, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "other teams do not see the case");
        let (status, again) = api.call(Method::POST, AVA, "/v1/cases", Some(create), None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "one case per ticket: {again}");
    })
    .await;
}

#[tokio::test]
async fn an_outcome_must_fit_the_kind_of_case() {
    each_database(async |api| {
        let ticket = api
            .one("SELECT MAX(id) FROM tickets WHERE queue = 'disputes' AND status <> 'closed' AND data LIKE '%\"case_id\":null%'")
            .await;
        let create = json!({
            "kind": "fraud_claim", "ticket_id": ticket, "amount_minor": 50_000, "currency": "USD", "card": null,
            "summary": "The customer says someone else withdrew their BTC."
        });
        let (status, case) = api.call(Method::POST, AVA, "/v1/cases", Some(create), None).await;
        assert_eq!(status, StatusCode::CREATED, "{case}");
        let case: Case = serde_json::from_value(case).unwrap();
        let path = format!("/v1/cases/{}", case.id);
        // A fraud claim is confirmed or a false positive; it is never "represented".
        let (status, refused) = api
            .call(Method::PATCH, AVA, &path, Some(json!({"outcome": "represented_won", "status": "closed"})), Some(case.version))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["code"], "unprocessable");
        let message = refused["message"].as_str().unwrap();
        assert!(message.contains("fraud_claim") && message.contains("confirmed_fraud, false_positive"), "{message}");
        let (_, unchanged) = api.get(AVA, &path).await;
        assert_eq!(unchanged["version"], case.version, "nothing was stored");
        assert_eq!(unchanged["outcome"], Value::Null);
        // Every outcome the policy allows for the kind is taken.
        for outcome in arbiter_policy::cases::outcomes(CaseKind::FraudClaim) {
            let (_, now) = api.get(AVA, &path).await;
            let version = now["version"].as_i64().unwrap();
            let (status, closed) = api
                .call(Method::PATCH, AVA, &path, Some(json!({"outcome": outcome, "status": "closed"})), Some(version))
                .await;
            assert_eq!(status, StatusCode::OK, "{closed}");
            assert_eq!(closed["outcome"], json!(outcome));
        }
    })
    .await;
}

#[tokio::test]
async fn a_suspicious_activity_report_goes_from_draft_to_acknowledged() {
    each_database(async |api| {
        let customer = api.one("SELECT MIN(customer_id) FROM tickets WHERE queue = 'fraud'").await;
        let (status, sar) = api
            .call(Method::POST, HARUTO, "/v1/sars", Some(json!({"subject_customer_id": customer, "rules_fired": [2], "narrative": "draft", "risk_score": 95.0, "case_id": null})), None)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{sar}");
        let id = sar["id"].as_i64().unwrap();
        let path = format!("/v1/sars/{id}");
        let (status, _) = api.call(Method::POST, HARUTO, &format!("{path}/submit"), None, Some(1)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a narrative is needed");
        let (status, _) = api.call(Method::PATCH, AVA, &path, Some(json!({"narrative": "x"})), Some(1)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another agent's draft is invisible");
        let narrative = "Password changed from a new device, then the balance was withdrawn to a new address 3 hours later.";
        let (status, edited) = api.call(Method::PATCH, HARUTO, &path, Some(json!({"narrative": narrative})), Some(1)).await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        let (status, submitted) = api.call(Method::POST, HARUTO, &format!("{path}/submit"), None, Some(2)).await;
        assert_eq!(status, StatusCode::OK, "{submitted}");
        assert_eq!(submitted["status"], "submitted");
        let (status, _) = api.call(Method::POST, OLGA, &format!("{path}/acknowledge"), None, Some(3)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "only compliance acknowledges");
        let (status, _) = api.call(Method::POST, HARUTO, &format!("{path}/acknowledge"), None, Some(3)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "agents cannot");
        let (status, done) = api.call(Method::POST, FATIMA, &format!("{path}/acknowledge"), None, Some(3)).await;
        assert_eq!(status, StatusCode::OK, "{done}");
        assert_eq!(done["status"], "acknowledged");
    })
    .await;
}

#[tokio::test]
async fn the_document_store_checks_content_hashes() {
    each_database(async |api| {
        let content = b"%PDF-1.7\n% investigation report\n".repeat(200);
        let sha = {
            use sha2::{Digest, Sha256};
            hex::encode(Sha256::digest(&content))
        };
        let upload = |claimed: &str, content_type: &str| {
            http()
                .post(format!("{}/v1/documents?name=case-report.pdf", api.server.base_url()))
                .bearer_auth(AVA)
                .header("Idempotency-Key", key())
                .header("Content-Type", content_type.to_owned())
                .header("X-Content-SHA256", claimed.to_owned())
                .body(content.clone())
                .send()
        };
        let response = upload(&"0".repeat(64), "application/pdf").await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "a damaged upload is refused");
        let response = upload("not a hash", "application/pdf").await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "a malformed hash breaks the document");
        let response = upload(&sha, "application/x-msdownload").await.unwrap();
        assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let response = upload(&sha, "application/pdf").await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let document: Document = response.json().await.unwrap();
        assert_eq!(document.sha256, sha);
        assert_eq!(document.size_bytes, content.len() as i64);
        let response = http()
            .get(format!("{}/v1/documents/{}/content", api.server.base_url(), document.id))
            .bearer_auth(AVA)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["x-content-sha256"], sha.as_str());
        assert_eq!(response.bytes().await.unwrap().as_ref(), content.as_slice());
        let (status, _) = api.get(HARUTO, &format!("/v1/documents/{}", document.id)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another agent's loose document is private");
    })
    .await;
}

#[tokio::test]
async fn escalations_are_acknowledged_once() {
    each_database(async |api| {
        let (_, ticket) = tickets(api).await;
        let (status, escalation) = api
            .call(Method::POST, AVA, &format!("/v1/tickets/{ticket}/escalations"), Some(json!({"level": "l2", "reason": "manual", "detail": "customer threatens legal action", "target_team": null})), None)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{escalation}");
        let id = escalation["id"].as_i64().unwrap();
        let (_, detail) = api.get(AVA, &format!("/v1/tickets/{ticket}")).await;
        assert_eq!(detail["ticket"]["escalation_level"], "l2");
        let (status, taken) = api.call(Method::POST, MARCUS, &format!("/v1/escalations/{id}/acknowledge"), None, Some(1)).await;
        assert_eq!(status, StatusCode::OK, "{taken}");
        assert_eq!(taken["acknowledged_by"], 2);
        let (status, error) = api.call(Method::POST, AVA, &format!("/v1/escalations/{id}/acknowledge"), None, Some(1)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(error["current"]["data"]["acknowledged_by"], 2);
        let (status, _) = api.call(Method::POST, HARUTO, &format!("/v1/escalations/{id}/acknowledge"), None, Some(2)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_shift_handover_is_written_by_one_lead_and_acknowledged_by_the_next() {
    const KOFI: &str = "demo-kofi"; // disputes, the other shift's lead
    each_database(async |api| {
        let active = "status IN ('new', 'open', 'pending', 'on_hold')";
        // An unassigned ticket: listed whatever it is, because the lead notes it.
        let quiet = api
            .one(&format!("SELECT MIN(id) FROM tickets WHERE queue = 'disputes' AND {active} AND assignee_id IS NULL"))
            .await;
        let shift_start = chrono::Utc::now() - chrono::Duration::hours(8);
        let body = json!({
            "team": "disputes",
            "shift_started_at": shift_start,
            "summary": "Quiet night. Two chargebacks due tomorrow; watch the P2P spike.",
            "notes": [{ "ticket_id": quiet, "note": "Customer calls back at 09:00 UTC." }],
        });

        // Agents have no handovers; a lead writes only for the teams they lead.
        assert_eq!(api.get(AVA, "/v1/handovers").await.0, StatusCode::FORBIDDEN);
        let (status, _) = api.call(Method::POST, AVA, "/v1/handovers", Some(body.clone()), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let mut elsewhere = body.clone();
        elsewhere["team"] = json!("fraud");
        assert_eq!(
            api.call(Method::POST, MARCUS, "/v1/handovers", Some(elsewhere), None).await.0,
            StatusCode::FORBIDDEN
        );
        let mut empty = body.clone();
        empty["summary"] = json!("   ");
        assert_eq!(api.call(Method::POST, MARCUS, "/v1/handovers", Some(empty), None).await.0, StatusCode::BAD_REQUEST);

        let (status, written) = api.call(Method::POST, MARCUS, "/v1/handovers", Some(body), None).await;
        assert_eq!(status, StatusCode::CREATED, "{written}");
        let handover: Handover = serde_json::from_value(written).unwrap();
        assert_eq!((handover.team.as_str(), handover.author_name.as_str()), ("disputes", "Marcus Oyelaran"));
        assert_eq!(handover.version, 1);
        // The numbers are the board's.
        let overview: SupervisorOverview =
            serde_json::from_value(api.get(MARCUS, "/v1/supervisor/overview").await.1).unwrap();
        let board = &overview.queues[0];
        let totals = &handover.totals;
        assert_eq!(
            (totals.new, totals.open, totals.pending, totals.on_hold, totals.unassigned),
            (board.new, board.open, board.pending, board.on_hold, board.unassigned)
        );
        assert!(handover.agents.iter().any(|a| a.name == "Ava Chen"));
        // Every assigned active ticket of the queue is there, per agent, unassigned last.
        let assigned = api
            .one(&format!(
                "SELECT COUNT(*) FROM tickets WHERE queue = 'disputes' AND {active} AND assignee_id IS NOT NULL"
            ))
            .await;
        let listed = handover.items.iter().filter(|i| i.assignee_id.is_some()).count() as i64;
        assert_eq!(listed, assigned);
        let first_unassigned = handover.items.iter().position(|i| i.assignee_id.is_none()).unwrap();
        assert!(handover.items[first_unassigned..].iter().all(|i| i.assignee_id.is_none()));
        assert!(handover
            .items
            .iter()
            .filter(|i| i.assignee_id.is_none())
            .all(|i| i.note.is_some() || i.escalation_level > EscalationLevel::L0 || i.priority >= Priority::High));
        let noted = handover.items.iter().find(|i| i.ticket_id == quiet).expect("the noted ticket");
        assert_eq!(noted.note.as_deref(), Some("Customer calls back at 09:00 UTC."));
        assert!(handover
            .items
            .iter()
            .filter(|i| i.assignee_id == Some(1))
            .all(|i| i.assignee_name.as_deref() == Some("Ava Chen")));

        // The author cannot acknowledge; another team's lead does not see it; the next one does.
        let ack = format!("/v1/handovers/{}/acknowledge", handover.id);
        assert_eq!(api.call(Method::POST, MARCUS, &ack, None, Some(1)).await.0, StatusCode::FORBIDDEN);
        assert_eq!(api.call(Method::POST, OLGA, &ack, None, Some(1)).await.0, StatusCode::NOT_FOUND);
        let (_, theirs) = api.get(OLGA, "/v1/handovers").await;
        assert_eq!(theirs, json!([]));
        let (status, listed) = api.get(KOFI, "/v1/handovers?team=disputes").await;
        assert_eq!(status, StatusCode::OK);
        let listed: Vec<Handover> = serde_json::from_value(listed).unwrap();
        assert_eq!(listed, vec![handover.clone()]);
        let (status, done) = api.call(Method::POST, KOFI, &ack, None, Some(1)).await;
        assert_eq!(status, StatusCode::OK, "{done}");
        let done: Handover = serde_json::from_value(done).unwrap();
        assert_eq!(done.acknowledged_by_name.as_deref(), Some("Kofi Boateng"));
        assert!(done.acknowledged_at.is_some());
        assert_eq!(done.version, 2);
        let (status, again) = api.call(Method::POST, KOFI, &ack, None, Some(1)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{again}");
        assert!(again["message"].as_str().unwrap().contains("Kofi Boateng"), "{again}");
        // Both steps are in the audit log.
        let (_, audit) = api.get(MARCUS, &format!("/v1/audit?entity_kind=handover&entity_id={}", handover.id)).await;
        let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, vec!["handover.acknowledge", "handover.create"]);
    })
    .await;
}

/// Every `(kind, value, customer, event)` row of the identifier index.
async fn identifier_index(api: &Api<'_>) -> std::collections::BTreeSet<(String, String, i64, i64)> {
    sqlx::query_as::<_, (String, String, i64, i64)>(
        "SELECT kind, value, customer_id, event_id FROM activity_identifiers",
    )
    .fetch_all(&api.server.db().pool)
    .await
    .unwrap()
    .into_iter()
    .collect()
}

async fn all_activity(api: &Api<'_>) -> Vec<ActivityEvent> {
    sqlx::query_scalar::<_, String>("SELECT data FROM activity_events ORDER BY at, id")
        .fetch_all(&api.server.db().pool)
        .await
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

#[tokio::test]
async fn linked_accounts_are_served_whichever_queue_they_are_in() {
    each_database(async |api| {
        // The index holds exactly the identifiers the risk engine links by — as the generator
        // wrote it, and as the migration rebuilds it for data stored before it existed.
        let events = all_activity(api).await;
        let expected: std::collections::BTreeSet<_> = events
            .iter()
            .flat_map(|e| {
                arbiter_server::store::links::identifier_rows(e)
                    .into_iter()
                    .map(|(kind, value)| (kind.to_owned(), value, e.customer_id, e.id))
            })
            .collect();
        assert!(expected.len() > 1_000);
        assert_eq!(identifier_index(api).await, expected);
        let pool = &api.server.db().pool;
        sqlx::query("DELETE FROM activity_identifiers").execute(pool).await.unwrap();
        let migration = match api.server.db().backend {
            arbiter_server::db::Backend::Sqlite => include_str!("../migrations/sqlite/0004_activity_identifiers.sql"),
            arbiter_server::db::Backend::Postgres => {
                include_str!("../migrations/postgres/0004_activity_identifiers.sql")
            }
        };
        let backfill = &migration[migration.find("INSERT").unwrap()..];
        for statement in backfill.split(';').filter(|s| !s.trim().is_empty()) {
            sqlx::query(statement).execute(pool).await.unwrap();
        }
        assert_eq!(identifier_index(api).await, expected, "the migration's backfill");

        // A fraud-queue customer, and two accounts Haruto (fraud) cannot see that share
        // their device and their withdrawal wallet.
        let (fraud_ticket, _) = tickets(api).await;
        let customer = api.one(&format!("SELECT customer_id FROM tickets WHERE id = {fraud_ticket}")).await;
        let outside = |n: i64| {
            format!(
                "SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM tickets WHERE queue = 'fraud' \
                 OR assignee_id = 9) ORDER BY id LIMIT 1 OFFSET {n}"
            )
        };
        let (first, second) = (api.one(&outside(0)).await, api.one(&outside(1)).await);
        let next = api.one("SELECT MAX(id) FROM activity_events").await;
        let now = chrono::Utc::now();
        let login = |id: i64, who: i64, device_id: &str| ActivityEvent {
            id,
            customer_id: who,
            at: now - chrono::Duration::hours(10 - (id - next)),
            session_id: None,
            detail: ActivityDetail::Login {
                device_id: device_id.into(),
                device: "iPhone 15".into(),
                ip: format!("10.0.0.{}", id - next),
                ip_country: "PT".into(),
                success: true,
            },
        };
        let withdrawal = |id: i64, who: i64| ActivityEvent {
            id,
            customer_id: who,
            at: now - chrono::Duration::hours(10 - (id - next)),
            session_id: None,
            detail: ActivityDetail::Withdrawal {
                asset: "BTC".into(),
                quantity: "0.1".into(),
                usd_cents: 900_000,
                address: "bc1q-shared-mule-wallet".into(),
                network: "Bitcoin".into(),
                new_address: true,
                tx_hash: None,
                status: TransferStatus::Completed,
                locked_until: None,
                screening: None,
                travel_rule: None,
            },
        };
        let planted = [
            login(next + 1, customer, "device-shared-3"),
            login(next + 2, first, "device-shared-3"),
            login(next + 3, first, "device-shared-3"), // a later use of the same device
            withdrawal(next + 4, customer),
            withdrawal(next + 5, second),
        ];
        let mut tx = pool.begin().await.unwrap();
        for e in &planted {
            arbiter_server::store::entities::put_activity(&mut tx, e).await.unwrap();
            arbiter_server::store::entities::put_activity(&mut tx, e).await.unwrap();
            // twice: no double rows
        }
        tx.commit().await.unwrap();

        let (status, body) = api.get(HARUTO, &format!("/v1/customers/{customer}/links")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let links: CustomerLinks = serde_json::from_value(body).unwrap();
        assert_eq!(links.customer_id, customer);
        assert!(!links.truncated);
        // The same accounts the engine links over all the data.
        let everything = all_activity(api).await;
        let engine = arbiter_risk::Links::from_events(&everything);
        let mine: Vec<&ActivityEvent> = everything.iter().filter(|e| e.customer_id == customer).collect();
        let want: std::collections::BTreeSet<i64> =
            engine.of_customer(customer, &mine).iter().flat_map(|l| l.customer_ids.clone()).collect();
        let got: std::collections::BTreeSet<i64> = links.accounts.iter().map(|a| a.customer_id).collect();
        assert_eq!(got, want);
        assert!(got.contains(&first) && got.contains(&second));
        let named = links.accounts.iter().find(|a| a.customer_id == first).unwrap();
        assert_eq!(named.account_id, api.server_customer(first).await.account_id);
        // What each shares, once, with when they last used it; together with the customer's
        // own events that links the same accounts the engine does.
        let of = |who: i64| {
            links
                .shared
                .iter()
                .filter(|s| s.customer_id == who)
                .map(|s| (s.kind, s.value.clone(), s.last_used_at.timestamp_millis()))
                .collect::<Vec<_>>()
        };
        let at = |id: i64| planted.iter().find(|e| e.id == id).unwrap().at.timestamp_millis();
        assert_eq!(of(first), vec![(LinkKind::Device, "device-shared-3".to_owned(), at(next + 3))]);
        assert_eq!(of(second), vec![(LinkKind::Wallet, "bc1q-shared-mule-wallet".to_owned(), at(next + 5))]);
        assert!(links.shared.iter().all(|s| s.customer_id != customer && got.contains(&s.customer_id)));
        let mut partial = arbiter_risk::Links::from_events(mine.iter().copied());
        for s in &links.shared {
            partial.add_use(s.kind, &s.value, s.customer_id);
        }
        assert_eq!(partial.of_customer(customer, &mine), engine.of_customer(customer, &mine));
        // Cut to the most linked accounts, saying so.
        let mut conn = pool.acquire().await.unwrap();
        let (one, cut) = arbiter_server::store::links::linked(&mut conn, customer, 1).await.unwrap();
        assert!(cut);
        let kept: std::collections::BTreeSet<i64> = one.iter().map(|s| s.customer_id).collect();
        assert_eq!(kept.len(), 1);
        assert!(one.iter().all(|s| of(s.customer_id).contains(&(
            s.kind,
            s.value.clone(),
            s.last_used_at.timestamp_millis()
        ))));
        let (all_of_them, cut) = arbiter_server::store::links::linked(&mut conn, customer, got.len()).await.unwrap();
        assert!(!cut);
        assert_eq!(all_of_them, links.shared);
        drop(conn); // the in-memory database has one connection
                    // Their supervisor too; not for a customer the caller cannot see, nor one that is not.
        assert_eq!(api.get(OLGA, &format!("/v1/customers/{customer}/links")).await.0, StatusCode::OK);
        assert_eq!(api.get(HARUTO, &format!("/v1/customers/{first}/links")).await.0, StatusCode::NOT_FOUND);
        assert_eq!(api.get(HARUTO, "/v1/customers/987654321/links").await.0, StatusCode::NOT_FOUND);
    })
    .await;
}
