//! The representment packet: exhibits numbered and cited in order, the review's findings, the
//! PDF read back by poppler and qpdf, and the Stripe JSON held to Stripe's limits.

use std::collections::BTreeSet;
use std::process::Command;

use arbiter_contract::*;
use arbiter_policy::compelling_evidence::check_case;
use arbiter_representment::review::{review, FindingSeverity, PacketFinding};
use arbiter_representment::{assemble, letter, render, stripe, CustomerWords, FileRef, Inputs, Packet};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn at(day: &str, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(hour, 0, 0).unwrap())
}

const DEVICE: &str = "a1b2c3d4e5f60718";
const IP: &str = "11.0.7.10";

fn address() -> BillingAddress {
    BillingAddress {
        line1: "12 Harbour Road".into(),
        city: "Lisbon".into(),
        postal_code: "10000".into(),
        country: "PT".into(),
    }
}

fn login(id: i64, when: DateTime<Utc>, device: &str, ip: &str) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 7,
        at: when,
        session_id: Some(format!("s{id}")),
        detail: ActivityDetail::Login {
            device_id: device.into(),
            device: "iPhone 15, iOS 18".into(),
            ip: ip.into(),
            ip_country: "PT".into(),
            success: true,
        },
    }
}

fn payment(id: i64, when: DateTime<Utc>, usd_cents: i64, three_ds: ThreeDsOutcome, disputed: bool) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 7,
        at: when,
        session_id: Some(format!("s{}", id - 1)),
        detail: ActivityDetail::Deposit {
            method: DepositMethod::Card,
            amount_minor: Some(usd_cents),
            currency: Some("EUR".into()),
            asset: None,
            quantity: None,
            usd_cents,
            card_fingerprint: Some("card-fp-1".into()),
            card_last4: Some("4242".into()),
            tx_hash: None,
            from_address: None,
            card_payment: Some(CardPayment {
                network: CardNetwork::Visa,
                arn: format!("7{:022}", id),
                authorization_code: "A1B2C3".into(),
                processed_on: when.date_naive(),
                three_ds,
                device_id: Some(DEVICE.into()),
                ip: Some(IP.into()),
                billing_address: Some(address()),
                disputed,
                fraud_reported: false,
            }),
            status: TransferStatus::Completed,
        },
    }
}

fn withdrawal(id: i64, when: DateTime<Utc>, address: &str) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 7,
        at: when,
        session_id: None,
        detail: ActivityDetail::Withdrawal {
            asset: "BTC".into(),
            quantity: "0.010000".into(),
            usd_cents: 91_000,
            address: address.into(),
            network: "Bitcoin".into(),
            new_address: false,
            tx_hash: Some(format!("{:064x}", id)),
            status: TransferStatus::Completed,
            locked_until: None,
            screening: None,
            travel_rule: None,
        },
    }
}

fn trade(id: i64, when: DateTime<Utc>) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 7,
        at: when,
        session_id: None,
        detail: ActivityDetail::Trade {
            pair: "BTC/USDT".into(),
            side: TradeSide::Buy,
            quantity: "0.013".into(),
            price: "91000.00".into(),
            usd_cents: 118_300,
            counterparty_customer_id: None,
        },
    }
}

/// A customer who bought 1,200 EUR of BTC by card on 2026-11-02, traded it and withdrew it to
/// their usual wallet, then disputed the payment as fraud (Visa 10.4); two earlier payments
/// on the same card, 150 and 250 days before, from the same phone and network.
fn events(three_ds: ThreeDsOutcome) -> Vec<ActivityEvent> {
    let paid = at("2026-11-02", 10);
    let own = "bc1qownwalletownwalletownwalletownwallet00";
    vec![
        login(1, paid - Duration::days(250) - Duration::minutes(3), DEVICE, IP),
        payment(2, paid - Duration::days(250), 5_000, ThreeDsOutcome::Frictionless, false),
        login(3, paid - Duration::days(150) - Duration::minutes(3), DEVICE, IP),
        payment(4, paid - Duration::days(150), 7_000, ThreeDsOutcome::Frictionless, false),
        withdrawal(5, paid - Duration::days(100), own),
        login(6, paid - Duration::days(10), DEVICE, IP),
        login(7, paid - Duration::minutes(3), DEVICE, IP),
        payment(8, paid, 120_000, three_ds, true),
        trade(9, paid + Duration::minutes(5)),
        withdrawal(10, paid + Duration::days(6), own),
    ]
}

fn case(code: &str) -> Case {
    Case {
        id: 5001,
        kind: CaseKind::Chargeback,
        customer_id: 7,
        ticket_ids: vec![100_001],
        status: CaseStatus::Investigating,
        amount_minor: 120_000,
        currency: "EUR".into(),
        amount_usd_cents: 120_000,
        card: Some(CardDispute {
            network: CardNetwork::Visa,
            reason_code: code.into(),
            stage: ChargebackStage::FirstChargeback,
            card_last4: "4242".into(),
            transaction_date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            filed_at: at("2026-11-20", 9),
            stage_began_at: None,
            arn: None,
            payment_event_id: Some(8),
        }),
        due_at: None,
        decision: None,
        outcome: None,
        recovered_usd_cents: 0,
        lost_usd_cents: 0,
        evidence: vec![],
        assignee_id: Some(1),
        queue: "payments".into(),
        summary: "Cardholder says the purchase was not theirs".into(),
        created_at: at("2026-11-20", 10),
        updated_at: at("2026-11-20", 10),
        closed_at: None,
        version: 1,
    }
}

fn customer() -> Customer {
    Customer {
        id: 7,
        account_id: "UID 48213391".into(),
        name: "Lucía".into(),
        legal_name: Some("Lucía Fernández-Núñez".into()),
        email: "lucia@example.org".into(),
        kyc_level: KycLevel::Verified,
        vip_tier: VipTier::None,
        language: "es".into(),
        country: "PT".into(),
        created_at: at("2025-01-10", 8),
        updated_at: at("2025-01-10", 8),
    }
}

fn messages() -> Vec<CustomerWords> {
    vec![CustomerWords {
        message_id: 11,
        ticket_id: 100_001,
        at: at("2026-11-03", 12),
        text: "Thanks, the BTC arrived in my wallet. Great service!".into(),
    }]
}

fn files() -> Vec<FileRef> {
    vec![FileRef {
        ticket_id: 100_001,
        name: "bank-statement.pdf".into(),
        content_type: "application/pdf".into(),
        size_bytes: 48_213,
        sha256: "ab".repeat(32),
        received_at: at("2026-11-21", 9),
    }]
}

struct Built {
    case: Case,
    events: Vec<ActivityEvent>,
    packet: Packet,
}

fn build(code: &str, three_ds: ThreeDsOutcome) -> Built {
    let case = case(code);
    let events = events(three_ds);
    let customer = customer();
    let check =
        check_case(case.card.as_ref().unwrap(), case.amount_usd_cents, &customer.account_id, &events, &BTreeSet::new());
    let (messages, files) = (messages(), files());
    let packet = assemble(&Inputs {
        case: &case,
        customer: &customer,
        events: &events,
        messages: &messages,
        files: &files,
        compelling: Some(&check),
        respond_by: Some(at("2026-12-15", 9)),
        network_deadline: Some(at("2026-12-20", 9)),
        merchant: "Arbiter Exchange",
    })
    .unwrap();
    Built { case, events, packet }
}

fn english() -> LetterPhrases {
    DisputePolicy::default().phrases("en").unwrap().clone()
}

#[test]
fn exhibits_are_numbered_in_order_and_the_draft_cites_each_in_turn() {
    let built = build("10.4", ThreeDsOutcome::Frictionless);
    let kinds: Vec<ExhibitKind> = built.packet.exhibits.iter().map(|e| e.kind).collect();
    use ExhibitKind::*;
    assert_eq!(
        kinds,
        vec![
            Payment,
            ThreeDSecure,
            LoginHistory,
            PriorPayments,
            Kyc,
            TradeFills,
            Withdrawals,
            CustomerMessages,
            Attachment
        ]
    );
    assert_eq!(built.packet.exhibits.iter().map(|e| e.number).collect::<Vec<_>>(), (1..=9).collect::<Vec<_>>());
    assert_eq!(built.packet.arn.as_deref(), Some("70000000000000000000008"));
    let withdrawals = built.packet.exhibit(Withdrawals).unwrap();
    assert!(withdrawals.rows[0].contains("the customer's own address, used before"), "{:?}", withdrawals.rows);
    assert!(withdrawals.rows[0].contains(&format!("{:064x}", 10)));

    let policy = DisputePolicy::default();
    let draft = letter::draft(&built.packet, &policy, "en").unwrap();
    assert!(draft.contains("ARN 70000000000000000000008"));
    assert!(draft.contains("Visa Compelling Evidence 3.0"), "{draft}");
    assert!(draft.contains("Exhibit 9 is a document from the customer's file (bank-statement.pdf)."));
    assert_eq!(letter::citations(&draft, "Exhibit {{n}}"), (1..=9).collect::<Vec<_>>());
    let found = review(&built.packet, &built.case, &built.events, &draft, "Exhibit {{n}}", at("2026-11-25", 9));
    assert!(found.is_empty(), "a qualifying, complete case drafts clean: {found:?}");

    // German and Spanish letters cite by their own words.
    let german = letter::draft(&built.packet, &policy, "de").unwrap();
    assert!(german.starts_with("Betreff: Visa-Rückbuchung, Grundcode 10.4"));
    assert_eq!(letter::citations(&german, "Anlage {{n}}"), (1..=9).collect::<Vec<_>>());
    let spanish = letter::draft(&built.packet, &policy, "es").unwrap();
    assert_eq!(letter::citations(&spanish, "anexo {{n}}"), (1..=9).collect::<Vec<_>>());
    // A language the company does not answer in falls back to its first.
    assert_eq!(letter::draft(&built.packet, &policy, "fr").unwrap(), draft);
}

#[test]
fn the_review_blocks_bad_citations_and_says_what_weakens_the_case() {
    let built = build("10.4", ThreeDsOutcome::NotRequested);
    let draft = letter::draft(&built.packet, &DisputePolicy::default(), "en").unwrap();
    let now = at("2026-11-25", 9);
    let found = review(&built.packet, &built.case, &built.events, &draft, "Exhibit {{n}}", now);
    assert_eq!(
        found,
        vec![
            PacketFinding::Lacks { item: "three_ds".into() },
            PacketFinding::NoLiabilityShift { three_ds: ThreeDsOutcome::NotRequested }
        ]
    );

    let edited = draft.replace("Exhibit 4", "Exhibit 12").replace("Exhibit 2 ", "Exhibit 7 ");
    let found = review(&built.packet, &built.case, &built.events, &edited, "Exhibit {{n}}", now);
    assert!(found.contains(&PacketFinding::CitesMissingExhibit { number: 12 }));
    assert!(found.contains(&PacketFinding::NotCited { number: 4 }));
    assert!(found.contains(&PacketFinding::OutOfOrder));
    assert_eq!(found[0].severity(), FindingSeverity::Blocks, "blocking findings come first");

    let found = review(&built.packet, &built.case, &built.events, " ", "Exhibit {{n}}", at("2026-12-21", 0));
    assert!(found.contains(&PacketFinding::LetterEmpty) && found.contains(&PacketFinding::PastDeadline));
    let long = "word ".repeat(4_001);
    let found = review(&built.packet, &built.case, &built.events, &long, "Exhibit {{n}}", now);
    assert!(found.contains(&PacketFinding::LetterTooLong { chars: 20_005, max: 20_000 }));
}

#[test]
fn a_history_short_of_ce3_and_crypto_sent_somewhere_new_are_said() {
    let mut built = build("10.4", ThreeDsOutcome::Frictionless);
    // Without the payment 250 days before, one earlier payment qualifies.
    built.events.retain(|e| e.id != 2);
    built.events.push(withdrawal(20, at("2026-11-03", 9), "bc1qsomewherenewsomewherenew000000000000"));
    let customer = customer();
    let check =
        check_case(built.case.card.as_ref().unwrap(), 120_000, &customer.account_id, &built.events, &BTreeSet::new());
    let packet = assemble(&Inputs {
        case: &built.case,
        customer: &customer,
        events: &built.events,
        messages: &[],
        files: &[],
        compelling: Some(&check),
        respond_by: None,
        network_deadline: None,
        merchant: "Arbiter Exchange",
    })
    .unwrap();
    let draft = letter::draft(&packet, &DisputePolicy::default(), "en").unwrap();
    assert!(!draft.contains("qualifies this dispute"), "the history is cited, not claimed: {draft}");
    let found = review(&packet, &built.case, &built.events, &draft, "Exhibit {{n}}", at("2026-11-25", 9));
    assert!(found.contains(&PacketFinding::HistoryShort {
        programme: arbiter_policy::compelling_evidence::Programme::VisaCe3,
        qualifying: 1
    }));
    assert!(found.contains(&PacketFinding::WithdrawnToNewAddresses { count: 1 }));
    assert!(stripe::evidence(&packet, &draft, &"0".repeat(64))["evidence"].get("enhanced_evidence").is_none());
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("{tool} is needed: {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_pdf_reads_back_every_exhibit_the_letter_cites_in_order_and_bookmarked() {
    let built = build("10.4", ThreeDsOutcome::Frictionless);
    let phrases = english();
    let draft = letter::draft(&built.packet, &DisputePolicy::default(), "en").unwrap();
    let label = |n| letter::label(&phrases, n);
    let doc = render::document(&built.packet, &draft, &label, "Priya Raman", at("2026-11-25", 9));
    let pdf = arbiter_report::to_pdf(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("packet.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = run("pdftotext", &[path.to_str().unwrap(), "-"]);
    let pages: Vec<&str> = text.split('\u{c}').collect();

    // The letter (page 2) cites each exhibit; each has a page of its own, in order.
    let letter_page = pages.iter().position(|p| p.contains("Rebuttal letter")).unwrap();
    let rest = pages[letter_page..].join(" ");
    let letter_text = rest.split("Exhibit 1 — ").next().unwrap();
    let cited = letter::citations(letter_text, "Exhibit {{n}}");
    assert_eq!(cited, (1..=9).collect::<Vec<_>>(), "the extracted letter cites every exhibit in order");
    let mut last_page = letter_page;
    for exhibit in &built.packet.exhibits {
        let heading = format!("Exhibit {} — {}", exhibit.number, exhibit.title);
        let page =
            pages.iter().rposition(|p| p.contains(&heading)).unwrap_or_else(|| panic!("{heading} is in the PDF"));
        assert!(page > last_page, "{heading} comes after the one before");
        last_page = page;
    }
    assert!(text.contains("Lucía Fernández-Núñez"));
    assert!(text.contains("Thanks, the BTC arrived in my wallet."));

    // The outline: cover, letter, then every exhibit, each on its page.
    let json: serde_json::Value =
        serde_json::from_str(&run("qpdf", &["--json", "--json-key=outlines", path.to_str().unwrap()])).unwrap();
    let outline: Vec<(String, u64)> = json["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["title"].as_str().unwrap().to_owned(), o["destpageposfrom1"].as_u64().unwrap()))
        .collect();
    assert_eq!(outline[0].0, "Cover sheet");
    assert_eq!(outline[1].0, "Rebuttal letter");
    assert_eq!(outline.len(), 2 + built.packet.exhibits.len());
    for (exhibit, (title, page)) in built.packet.exhibits.iter().zip(&outline[2..]) {
        assert_eq!(title, &format!("Exhibit {} — {}", exhibit.number, exhibit.title));
        assert!(pages[*page as usize - 1].contains(title.as_str()), "{title} points at its page");
    }
}

#[test]
fn the_stripe_json_has_the_ce3_block_with_exactly_two_priors_and_keeps_every_limit() {
    let built = build("10.4", ThreeDsOutcome::Frictionless);
    let draft = letter::draft(&built.packet, &DisputePolicy::default(), "en").unwrap();
    let body = stripe::evidence(&built.packet, &draft, &"c".repeat(64));
    assert_eq!(stripe::check(&body), vec![]);
    let evidence = &body["evidence"];
    assert_eq!(evidence["uncategorized_text"], draft);
    assert_eq!(evidence["uncategorized_file"], format!("arbiter_document:{}", "c".repeat(64)));
    assert_eq!(evidence["customer_purchase_ip"], IP);
    let ce3 = &evidence["enhanced_evidence"]["visa_compelling_evidence_3"];
    let priors = ce3["prior_undisputed_transactions"].as_array().unwrap();
    assert_eq!(priors.len(), 2);
    assert_eq!(priors[0]["charge"], "70000000000000000000004", "the strongest (newest) first");
    assert_eq!(ce3["disputed_transaction"]["customer_device_id"], DEVICE);
    assert_eq!(body["metadata"]["arn"], "70000000000000000000008");

    // Not a 10.4 case: no CE 3.0 block.
    let other = build("13.1", ThreeDsOutcome::Frictionless);
    let body = stripe::evidence(&other.packet, &draft, &"c".repeat(64));
    assert!(body["evidence"].get("enhanced_evidence").is_none());
    assert_eq!(stripe::check(&body), vec![]);

    // What Stripe would refuse, the check names.
    let mut bad = stripe::evidence(&built.packet, &draft, &"c".repeat(64));
    bad["evidence"]["favourite_colour"] = "blue".into();
    bad["evidence"]["customer_purchase_ip"] = "not an ip".into();
    bad["evidence"]["enhanced_evidence"]["visa_compelling_evidence_3"]["prior_undisputed_transactions"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    bad["evidence"]["enhanced_evidence"]["visa_compelling_evidence_3"]["disputed_transaction"]["customer_device_id"] =
        "short".into();
    bad["evidence"]["product_description"] = "x".repeat(20_001).into();
    let fields: BTreeSet<String> = stripe::check(&bad).into_iter().map(|b| b.field).collect();
    for field in [
        "evidence.favourite_colour",
        "evidence.customer_purchase_ip",
        "evidence.product_description",
        "evidence.enhanced_evidence.visa_compelling_evidence_3.prior_undisputed_transactions",
        "evidence.enhanced_evidence.visa_compelling_evidence_3.disputed_transaction.customer_device_id",
    ] {
        assert!(fields.contains(field), "{field} in {fields:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// However long the letter and the login history, the JSON keeps Stripe's limits.
    #[test]
    fn the_json_always_fits_stripes_limits(letter_words in 0usize..9_000, logins in 0usize..3_000, word in "[a-zé李 ]{1,12}") {
        let mut built = build("10.4", ThreeDsOutcome::Frictionless);
        let line = format!("2026-11-01 10:00 UTC · iPhone 15, iOS 18 ({DEVICE}) · {IP} (PT) {word}");
        built.packet.access_log = vec![line; logins];
        let text = word.repeat(letter_words);
        let body = stripe::evidence(&built.packet, &text, &"d".repeat(64));
        prop_assert_eq!(stripe::check(&body), vec![]);
    }
}
