//! Account controls: every action's effect and refusals, lapsing, and the four-eyes
//! authorization matrix (who needs whose approval, and who may give it).

use arbiter_contract::*;
use arbiter_policy::controls::*;
use chrono::{DateTime, Duration, Utc};

fn now() -> DateTime<Utc> {
    "2026-12-07T10:00:00Z".parse().unwrap()
}

fn control(reason: &str) -> Control {
    Control {
        reason: reason.into(),
        note: "seen on the risk tab".into(),
        placed_by: PlacedBy::Agent { agent_id: 9, request_id: 1 },
        placed_at: now(),
        expires_at: None,
    }
}

fn fresh() -> AccountControls {
    AccountControls { customer_id: 42, version: 1, updated_at: now() - Duration::days(1), ..Default::default() }
}

const PENDING: [PendingWithdrawal; 2] =
    [PendingWithdrawal { id: 501, usd_cents: 250_000 }, PendingWithdrawal { id: 502, usd_cents: 1_500_000 }];

fn agent(id: i64, role: AgentRole, team: &str, teams: &[&str]) -> Agent {
    Agent {
        id,
        name: format!("agent {id}"),
        email: format!("a{id}@exchange.example"),
        role,
        team: team.into(),
        teams: teams.iter().map(|t| t.to_string()).collect(),
        languages: vec!["en".into()],
        presence: Presence::Online,
        presence_since: now(),
    }
}

#[test]
fn each_action_places_or_lifts_its_control_and_bumps_the_version() {
    let c = fresh();
    let frozen = apply(&c, &AccountAction::Freeze, control("account_takeover"), &PENDING, now()).unwrap();
    assert_eq!(frozen.frozen.as_ref().unwrap().reason, "account_takeover");
    assert_eq!((frozen.version, frozen.updated_at), (2, now()));
    let unfrozen = apply(&frozen, &AccountAction::Unfreeze, control("resolved"), &PENDING, now()).unwrap();
    assert!(unfrozen.frozen.is_none());

    let held = apply(&c, &AccountAction::HoldWithdrawal { withdrawal_id: 502 }, control("card_fraud"), &PENDING, now())
        .unwrap();
    assert_eq!(held.held_withdrawals.len(), 1);
    let released =
        apply(&held, &AccountAction::ReleaseWithdrawal { withdrawal_id: 502 }, control("resolved"), &PENDING, now())
            .unwrap();
    assert!(released.held_withdrawals.is_empty());

    let blocked = apply(
        &c,
        &AccountAction::BlockAddress { address: " bc1qscamaddress ".into() },
        control("scam_victim"),
        &PENDING,
        now(),
    )
    .unwrap();
    assert_eq!(blocked.blocked_addresses[0].address, "bc1qscamaddress", "kept trimmed");
    let revoked = apply(&c, &AccountAction::RevokeSessions, control("account_takeover"), &PENDING, now()).unwrap();
    assert_eq!(revoked.sessions_revoked_at, Some(now()));
    for (action, check) in [
        (
            AccountAction::HoldWithdrawals,
            (|c: &AccountControls| c.withdrawals_held.is_some()) as fn(&AccountControls) -> bool,
        ),
        (AccountAction::BlockTrading, |c| c.trading_blocked.is_some()),
        (AccountAction::ForceReset, |c| c.reset_required.is_some()),
        (AccountAction::RequireKyc, |c| c.kyc_required.is_some()),
    ] {
        assert!(check(&apply(&c, &action, control("account_takeover"), &PENDING, now()).unwrap()), "{action:?}");
    }
}

#[test]
fn what_the_state_forbids_is_refused() {
    let c = fresh();
    let refused = |c: &AccountControls, action: AccountAction| {
        apply(c, &action, control("account_takeover"), &PENDING, now()).unwrap_err()
    };
    assert_eq!(refused(&c, AccountAction::Unfreeze), Refusal::NotInForce(ActionKind::Unfreeze));
    assert_eq!(refused(&c, AccountAction::ReleaseWithdrawals), Refusal::NotInForce(ActionKind::ReleaseWithdrawals));
    assert_eq!(
        refused(&c, AccountAction::HoldWithdrawal { withdrawal_id: 999 }),
        Refusal::NoSuchPendingWithdrawal(999)
    );
    assert_eq!(refused(&c, AccountAction::BlockAddress { address: "bc1 q".into() }), Refusal::BadAddress);
    assert_eq!(refused(&c, AccountAction::BlockAddress { address: "x".repeat(129) }), Refusal::BadAddress);
    let frozen = apply(&c, &AccountAction::Freeze, control("account_takeover"), &PENDING, now()).unwrap();
    assert_eq!(refused(&frozen, AccountAction::Freeze), Refusal::AlreadyInForce(ActionKind::Freeze));
    let mut expired = control("account_takeover");
    expired.expires_at = Some(now() - Duration::minutes(1));
    assert_eq!(apply(&c, &AccountAction::Freeze, expired, &PENDING, now()).unwrap_err(), Refusal::ExpiryInThePast);
    assert!(refused(&c, AccountAction::Unfreeze).to_string().contains("nothing to lift"));
}

#[test]
fn controls_with_an_expiry_lift_by_themselves() {
    let mut timed = control("chargeback_pending");
    timed.expires_at = Some(now() + Duration::hours(72));
    let mut c = apply(&fresh(), &AccountAction::HoldWithdrawals, timed, &PENDING, now()).unwrap();
    c = apply(&c, &AccountAction::BlockTrading, control("card_fraud"), &PENDING, now()).unwrap();
    assert!(!lapse(&mut c, now() + Duration::hours(71)));
    assert!(lapse(&mut c, now() + Duration::hours(72)));
    assert!(c.withdrawals_held.is_none() && c.trading_blocked.is_some());
}

#[test]
fn who_must_approve_follows_the_policy_and_sanctions_are_compliance_s() {
    let policy = default_policy();
    let c = fresh();
    let need =
        |c: &AccountControls, action: AccountAction, vip: bool| approvers_needed(&policy, c, &action, &PENDING, vip);
    let lead_or_risk = vec![Approver::TeamSupervisor, Approver::Risk];
    // Stopping money needs nobody; lifting a freeze needs a lead or risk.
    assert!(need(&c, AccountAction::Freeze, false).is_empty());
    assert!(need(&c, AccountAction::HoldWithdrawal { withdrawal_id: 501 }, false).is_empty());
    assert_eq!(need(&c, AccountAction::Unfreeze, false), lead_or_risk);
    // Releasing 2,500 USD is the agent's call; 15,000 USD (over 10,000) is not.
    let held = apply(&c, &AccountAction::HoldWithdrawal { withdrawal_id: 501 }, control("card_fraud"), &PENDING, now())
        .unwrap();
    let held =
        apply(&held, &AccountAction::HoldWithdrawal { withdrawal_id: 502 }, control("card_fraud"), &PENDING, now())
            .unwrap();
    assert!(need(&held, AccountAction::ReleaseWithdrawal { withdrawal_id: 501 }, false).is_empty());
    assert_eq!(need(&held, AccountAction::ReleaseWithdrawal { withdrawal_id: 502 }, false), lead_or_risk);
    // Anything on a VIP.
    assert_eq!(need(&c, AccountAction::Freeze, true), lead_or_risk);
    // Lifting a sanctions hit: compliance only, even when other rules name others.
    let sanctioned = apply(&c, &AccountAction::Freeze, control(SANCTIONS_HIT), &PENDING, now()).unwrap();
    assert_eq!(need(&sanctioned, AccountAction::Unfreeze, true), vec![Approver::Compliance]);
    let mut lax = policy.clone();
    lax.approvals.clear();
    assert_eq!(
        approvers_needed(&lax, &sanctioned, &AccountAction::Unfreeze, &PENDING, false),
        vec![Approver::Compliance],
        "whatever the policy says"
    );
    assert!(approvers_needed(&lax, &c, &AccountAction::Freeze, &PENDING, true).is_empty());
}

#[test]
fn the_approval_matrix_requester_never_team_leads_risk_and_compliance_as_named() {
    let haruto = agent(9, AgentRole::Agent, "fraud", &["fraud"]);
    let olga = agent(10, AgentRole::Supervisor, "fraud", &["fraud"]);
    let daniel = agent(11, AgentRole::Agent, "fraud", &["fraud"]);
    let marcus = agent(2, AgentRole::Supervisor, "disputes", &["disputes"]);
    let tomasz = agent(27, AgentRole::Agent, "risk", &["risk"]);
    let fatima = agent(26, AgentRole::Supervisor, "compliance", &["compliance"]);
    let request = |approvers: Vec<Approver>, by: &Agent| ActionRequest {
        id: 1,
        customer_id: 42,
        action: AccountAction::Unfreeze,
        reason: "resolved".into(),
        note: String::new(),
        expires_at: None,
        requested_by: by.id,
        requested_at: now(),
        approvers,
        status: RequestStatus::AwaitingApproval,
        approval: None,
        before: None,
        after: None,
        lapses_at: None,
        version: 1,
    };
    let lead_or_risk = request(vec![Approver::TeamSupervisor, Approver::Risk], &haruto);
    let compliance = request(vec![Approver::Compliance], &haruto);
    // (approver, may approve lead_or_risk, may approve compliance)
    let matrix = [
        (&haruto, false, false), // the requester
        (&daniel, false, false), // a peer
        (&olga, true, false),    // the requester's team lead
        (&marcus, false, false), // another team's lead
        (&tomasz, true, false),  // risk
        (&fatima, false, true),  // compliance
    ];
    for (approver, first, second) in matrix {
        assert_eq!(may_answer(&lead_or_risk, approver, &haruto).is_ok(), first, "{} on lead-or-risk", approver.name);
        assert_eq!(may_answer(&compliance, approver, &haruto).is_ok(), second, "{} on compliance", approver.name);
    }
    assert_eq!(may_answer(&lead_or_risk, &haruto, &haruto), Err(Refusal::OwnRequest));
    // A supervisor asking: never their own approval, even as a lead.
    let by_olga = request(vec![Approver::TeamSupervisor], &olga);
    assert_eq!(may_answer(&by_olga, &olga, &olga), Err(Refusal::OwnRequest));
    let mut answered = lead_or_risk.clone();
    answered.status = RequestStatus::Applied;
    assert_eq!(may_answer(&answered, &olga, &haruto), Err(Refusal::NotAwaiting(RequestStatus::Applied)));
}

#[test]
fn reasons_come_from_the_policy() {
    let policy = default_policy();
    assert!(check_reason(&policy, "account_takeover").is_ok());
    assert_eq!(check_reason(&policy, "because"), Err(Refusal::UnknownReason("because".into())));
}

#[test]
fn a_takeover_suggests_holding_withdrawals_revoking_sessions_and_a_reset_for_a_policy_reason() {
    let (actions, reason) = suggested_for_rule(2);
    assert_eq!(actions, vec![AccountAction::HoldWithdrawals, AccountAction::RevokeSessions, AccountAction::ForceReset]);
    assert_eq!(reason, "account_takeover");
    let policy = default_policy();
    for rule in 1..=8 {
        let (actions, reason) = suggested_for_rule(rule);
        assert!(!actions.is_empty(), "rule {rule}");
        assert!(check_reason(&policy, reason).is_ok(), "rule {rule}'s reason {reason} is the policy's");
    }
}
