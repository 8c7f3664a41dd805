//! Everything the desk says to people, as message keys with their English (arbiter_text): the
//! UI says them in the agent's language. `ALL` lists every block for the generated English
//! catalogue (`ui/src/lib/i18n/rust.en.ts`).

/// Every message the desk declares, block by block.
pub fn all() -> Vec<&'static arbiter_text::Def> {
    [
        errors::ALL,
        client::ALL,
        sync::ALL,
        alerts::ALL,
        labels::ALL,
        analytics::ALL,
        withdrawals::ALL,
        compelling::ALL,
        representment::ALL,
        advice::ALL,
        updates::ALL,
        diagnostics::ALL,
        sso::ALL,
    ]
    .concat()
}

/// Errors of the desk's own checks, by what went wrong.
pub mod errors {
    arbiter_text::messages! {
        NOT_SIGNED_IN = "error.notSignedIn": "Sign in first.";
        ENTER_TOKEN = "error.enterToken": "Enter your API token.";
        SIGN_IN_TO_SYNC = "error.signInToSync": "Sign in again to sync.";
        NO_STORED_TOKEN = "error.noStoredToken": "No token is stored for this server. Sign in again.";
        KEYRING_TASK = "error.keyringTask": "keyring task failed: {{detail}}";
        KEYRING_READ = "error.keyringRead": "read";
        KEYRING_STORE = "error.keyringStore": "store";
        KEYRING_REMOVE = "error.keyringRemove": "remove";
        KEYRING = "error.keyring": "could not {{action}} the token in the system keyring: {{detail}}";
        KEYRING_LOCKED = "error.keyringLocked": "could not {{action}} the token in the system keyring: {{detail}} (is the keyring locked?)";
        KEYRING_MISSING = "error.keyringMissing": "could not {{action}} the token in the system keyring: {{detail}} (is a keyring service such as GNOME Keyring or KWallet running?)";
        CACHE_ASIDE = "error.cacheAside": "cannot move the unreadable cache aside: {{detail}}";
        CACHE_DATABASE = "error.cache.database": "the local cache could not be read or written: {{detail}}";
        CACHE_MIGRATION = "error.cache.migration": "the local cache could not be upgraded: {{detail}}";
        CACHE_FOLDER = "error.cache.folder": "the local cache folder is not usable: {{detail}}";
        CACHE_MISSING = "error.cache.missing": "not in the local cache: {{detail}}";
        CACHE_UNREADABLE = "error.cache.unreadable": "the local cache cannot be opened: {{detail}}";
        CACHE_DAMAGED = "error.cache.damaged": "something stored in the local cache is damaged: {{detail}}";
        SETTINGS_NOT_SAVED = "error.settingsNotSaved": "cannot save settings: {{detail}}";
        VIEW_GONE = "error.viewGone": "This view no longer exists.";
        VIEW_NAME = "error.viewName": "A view needs a name of 1 to {{max}} characters.";
        FILTER_VALUES = "error.filterValues": "At most {{max}} values per filter.";
        TICKET_NOT_CACHED = "error.ticketNotCached": "Ticket #{{id}} is not in the local copy.";
        CASE_NOT_CACHED = "error.caseNotCached": "Case {{id}} is not in the local copy.";
        MANAGED_UNUSABLE = "error.managedUnusable": "The company configuration in {{path}} is not used: {{detail}}";
        MANAGED_SERVER = "error.managedServer": "Your company has set the server to {{url}}.";
        LINK_UNREADABLE = "error.linkUnreadable": "“{{link}}” is not a link to an Arbiter ticket or case (arbiter://ticket/123, arbiter://case/45).";
        LINK_TICKET_HIDDEN = "error.linkTicketHidden": "Ticket #{{id}} is not among the tickets you can see, or has not reached your desk yet.";
        LINK_CASE_HIDDEN = "error.linkCaseHidden": "Case {{id}} is not among the cases you can see, or has not reached your desk yet.";
        CUSTOMER_NOT_CACHED = "error.customerNotCached": "That customer is not in the local copy.";
        UNKNOWN_REASON_CODE = "error.unknownReasonCode": "Choose one of the policy's reasons for the action.";
        REQUEST_NOT_CACHED = "error.requestNotCached": "That request is not in the local copy.";
        ALERT_NOT_CACHED = "error.alertNotCached": "That alert is not in the local copy.";
        ALERT_ANSWER_QUEUED = "error.alertAnswerQueued": "Your answer to this alert is already on its way; an answer is sent once.";
        ALERT_ANSWERED = "error.alertAnswered": "This alert was answered already; an answer sent is final.";
        ALERT_EXPIRED = "error.alertExpired": "The programme's deadline for this alert has passed; it can no longer be answered.";
        ALERT_OUTCOME_UNFIT = "error.alertOutcomeUnfit": "That answer does not fit this kind of alert.";
        ALERT_NOTE_TOO_LONG = "error.alertNoteTooLong": "A note on an alert is at most {{max}} characters.";
        ANSWER_NEEDS_REASON = "error.answerNeedsReason": "Say why you approve or decline: the requester and the audit log read it.";
        NOT_ONE_ADDRESS = "error.notOneAddress": "{{to}} is not one email address.";
        CUSTOMER_NO_EMAIL = "error.customerNoEmail": "{{name}} has no email address on file.";
        NOT_YOUR_QUEUE = "error.notYourQueue": "A new conversation belongs to one of your queues: {{queues}}.";
        MESSAGE_NOT_CACHED = "error.messageNotCached": "This message is not in the local copy.";
        NO_HTML = "error.noHtml": "This message has no formatted version.";
        SIDE_NOT_CACHED = "error.sideNotCached": "That side conversation is not in the local copy.";
        ESCALATION_NOT_CACHED = "error.escalationNotCached": "That escalation is not in the local copy.";
        ESCALATION_TAKEN = "error.escalationTaken": "That escalation was already taken.";
        ACTION_GONE = "error.actionGone": "That action is no longer waiting.";
        SAR_NOT_CACHED = "error.sarNotCached": "That report is not in the local copy.";
        SAR_SENT = "error.sarSent": "That report was already sent to compliance.";
        SAR_NARRATIVE = "error.sarNarrative": "Write the narrative (at least a sentence) before sending the report to compliance.";
        ONLY_SAFE_LINKS = "error.onlySafeLinks": "Only https and mailto links open from the desk.";
        LINK_NOT_OPENED = "error.linkNotOpened": "The link could not be opened: {{detail}}";
        REPLY_EMPTY = "error.replyEmpty": "The reply is empty.";
        NOTE_EMPTY = "error.noteEmpty": "The note is empty.";
        MESSAGE_EMPTY = "error.messageEmpty": "The message is empty.";
        REPLY_TOO_LONG = "error.replyTooLong": "A reply may hold at most {{max}} characters.";
        NOTE_TOO_LONG = "error.noteTooLong": "A note may hold at most {{max}} characters.";
        MESSAGE_TOO_LONG = "error.messageTooLong": "A message may hold at most {{max}} characters.";
        REPORT_TOO_LONG = "error.reportTooLong": "A report's analysis may hold at most {{max}} characters.";
        HANDOVER_TOO_LONG = "error.handoverTooLong": "A handover may hold at most {{max}} characters.";
        DRAFT_KEY = "error.draftKey": "A draft belongs to a ticket, a case or a team.";
        CLIENT_KEY = "error.clientKey": "The action's client key is not valid.";
        CHANGE_EMPTY = "error.changeEmpty": "The change is empty.";
        NOTHING_TO_CHANGE = "error.nothingToChange": "Nothing to change.";
        SIDE_TEAMS = "error.sideTeams": "Side conversations go to {{teams}}.";
        SUBJECT_LENGTH = "error.subjectLength": "The subject must hold 1 to {{max}} characters.";
        SEARCH_TOO_LONG = "error.searchTooLong": "Search text may hold at most {{max}} characters.";
        RETENTION = "error.retention": "Retention must be between 1 and 3650 days.";
        CASE_SUMMARY = "error.caseSummary": "Say in a sentence what the case is about.";
        AMOUNT_NEGATIVE = "error.amountNegative": "The amount cannot be negative.";
        CHARGEBACK_NEEDS_CARD = "error.chargebackNeedsCard": "A chargeback needs its card network details.";
        ONLY_CHARGEBACKS_CARRY_CARD = "error.onlyChargebacksCarryCard": "Only chargebacks carry card network details.";
        TICKET_HAS_CASE = "error.ticketHasCase": "This ticket already belongs to case {{id}}.";
        ONLY_CHARGEBACKS_HAVE_STAGES = "error.onlyChargebacksHaveStages": "Only chargebacks have network stages.";
        STAGE_NOT_ALLOWED = "error.stageNotAllowed": "The network does not allow {{stage}} after {{from}}.";
        OUTCOME_NOT_ALLOWED = "error.outcomeNotAllowed": "That outcome does not fit this kind of case.";
        OUTCOME_FIRST = "error.outcomeFirst": "Record the outcome before closing the case.";
        EVIDENCE_TITLE = "error.evidenceTitle": "Give the evidence a title.";
        NOT_ON_CHECKLIST = "error.notOnChecklist": "{{item}} is not on this case's checklist.";
        CARD_LAST4 = "error.cardLast4": "The card's last four digits are four digits.";
        REASON_CODE = "error.reasonCode": "Give the network's reason code.";
        ANALYSIS_NEEDED = "error.analysisNeeded": "Write the analysis: what the evidence shows and why.";
        FILE_NAME = "error.fileName": "Give the file a plain name of at most 200 characters.";
        FILE_TYPE = "error.fileType": "The document store takes PDF, images (PNG, JPEG) and text files, not {{type}}.";
        FILE_UNREADABLE = "error.fileUnreadable": "The file could not be read: {{detail}}";
        FILE_EMPTY = "error.fileEmpty": "The file is empty.";
        FILE_TOO_BIG = "error.fileTooBig": "Files may be at most {{max}} MB.";
        NOT_WRITTEN = "error.notWritten": "Could not write {{path}}: {{detail}}";
        NOT_PREPARED = "error.notPrepared": "Could not prepare {{path}}: {{detail}}";
        REPORT_NOT_MADE = "error.reportNotMade": "The report could not be laid out: {{detail}}";
        NOT_A_CHARGEBACK = "error.notAChargeback": "Only chargeback cases are answered with a representment packet.";
        PACKET_CASE_CLOSED = "error.packetCaseClosed": "The case is closed: there is nothing left to answer.";
        PACKET_NO_CUSTOMER = "error.packetNoCustomer": "Customer {{id}} is not in the local copy yet; sync, then build the packet.";
        LETTER_TOO_LONG = "error.letterTooLong": "The letter is too long to keep as a draft (at most {{max}} characters).";
        PACKET_BLOCKED = "error.packetBlocked": "The packet cannot be sent yet: {{reasons}}";
        PACKET_JSON = "error.packetJson": "The processor's evidence could not be written within its limits ({{field}}: {{rule}}).";
        NOT_PNG = "error.notPng": "That is not a PNG image.";
        EXPORT_FAILED = "error.exportFailed": "the export failed: {{detail}}";
        EXPORT_EXTENSION = "error.exportExtension": "This export is saved as a .{{extension}} file.";
        SUPERVISORS_ONLY = "error.supervisorsOnly": "The supervisor console is for supervisors.";
        CHOOSE_CHANGE = "error.chooseChange": "Choose what to change.";
        SELECT_TICKETS = "error.selectTickets": "Select 1 to {{max}} tickets.";
        HANDOVER_WORDS = "error.handoverWords": "Write a few words for the next shift.";
        NOT_A_CATALOGUE = "error.notACatalogue": "That is not a catalogue of the desk's messages.";
        UNREAD_COUNT = "error.unreadCount": "An unread count is a number of messages.";
        LINKS_UNUSABLE = "error.linksUnusable": "The company API's answer on linked accounts was not usable: {{why}}.";
        LINKS_OTHER_CUSTOMER = "error.linksOtherCustomer": "it is about another customer";
        LINKS_TOO_LARGE = "error.linksTooLarge": "it is far larger than the API's limits";
        ATTACHMENT_UNKNOWN = "error.attachmentUnknown": "This message has no such attachment.";
        ATTACHMENT_OFFLINE = "error.attachmentOffline": "This attachment is not on this computer yet; it opens once the desk reaches the server ({{detail}}).";
        ATTACHMENT_MISMATCH = "error.attachmentMismatch": "The server sent a file that does not match the attachment's SHA-256; it was not kept.";
        ATTACHMENT_NOT_SHOWN = "error.attachmentNotShown": "This file cannot be shown ({{detail}}); it can still be saved.";
        IMAGE_UNREADABLE = "error.imageUnreadable": "the image is damaged or not an image";
        PDF_EMPTY = "error.pdfEmpty": "the PDF has no pages";
        FILES_TOO_MANY = "error.filesTooMany": "A message carries at most {{max}} files.";
        FILES_TOO_BIG = "error.filesTooBig": "The files of a message may be at most {{max}} MB together.";
        FILE_GONE = "error.fileGone": "{{name}} is no longer on this computer; attach it again.";
    }
}

/// What the company API answered, or failed to: the server's own words go in `detail`.
pub mod client {
    arbiter_text::messages! {
        INVALID_URL = "error.client.invalidUrl": "the server address is not valid: {{detail}}";
        NETWORK = "error.client.network": "the server could not be reached: {{detail}}";
        UNAUTHORIZED = "error.client.unauthorized": "the server did not accept the token: {{detail}}";
        RATE_LIMITED = "error.client.rateLimited": "the server asked us to slow down";
        SERVER = "error.client.server": "the server failed ({{status}}): {{detail}}";
        REJECTED = "error.client.rejected": "the server refused the request ({{status}}): {{detail}}";
        MALFORMED = "error.client.malformed": "the server sent something that is not a valid answer: {{detail}}";
    }
}

/// The sync status's explanations.
pub mod sync {
    arbiter_text::messages! {
        TOKEN_REFUSED = "sync.message.tokenRefused": "The server no longer accepts your token ({{detail}}). Sign in again.";
    }
}

/// Desktop notifications.
pub mod alerts {
    arbiter_text::messages! {
        ESCALATION_TITLE = "alert.escalationTitle": "{{level}} escalation · {{place}}";
        PLACE_TICKET = "alert.placeTicket": "#{{id}} {{subject}}";
        PLACE_TICKET_ID = "alert.placeTicketId": "#{{id}}";
        PLACE_CASE = "alert.placeCase": "case {{id}}";
        REASON_LINE = "alert.reasonLine": "{{reason}}: {{detail}}";
        DUE_IN = "alert.dueIn": "due in {{span}}";
        OVER = "alert.over": "{{span}} over";
        ASSIGNED_TITLE = "alert.assignedTitle": "Assigned to you · #{{id}} {{subject}}";
        A_CUSTOMER = "alert.aCustomer": "A customer";
        /// Someone's name, as it is.
        NAME = "alert.name": "{{name}}";
        OFFER_TITLE = "alert.offerTitle": "Chat for you · {{customer}}";
        OFFER_BODY = "alert.offerBody": "{{subject}} · {{language}} · accept within {{seconds}} s";
        HANDOVER_TITLE = "alert.handoverTitle": "Shift handover · {{team}}";
        HANDOVER_BODY = "alert.handoverBody": "{{author}}: {{words}}";
        APPROVAL_TITLE = "alert.approvalTitle": "Approval needed · {{action}}";
        APPROVAL_BODY = "alert.approvalBody": "{{requester}} asks to act on {{customer}}: {{reason}}";
        DISPUTE_ALERT_TITLE = "alert.disputeAlertTitle": "Pre-dispute alert · card {{card}} · {{amount}}";
        DISPUTE_ALERT_BODY = "alert.disputeAlertBody": "{{customer}} · {{reason}} · answer within {{span}}";
        /// Joins the parts of a notification's line ("Lucas Moreau · due in 12 min").
        PARTS = "alert.parts": "{{first}} · {{second}}";
        /// Joins a notification's title and its lines.
        LINES = "alert.lines": "{{first}}\n{{second}}";
        OPEN = "alert.open": "Open";
        TRAY_OPEN = "tray.open": "Open Arbiter";
        TRAY_QUIT = "tray.quit": "Quit Arbiter";
        TRAY_IDLE = "tray.idle": "Arbiter";
        TRAY_WAITING = "tray.waiting": one "Arbiter · {{count}} escalation waiting", other "Arbiter · {{count}} escalations waiting";
    }
}

/// Names of the contract's values that the desk's sentences use.
pub mod labels {
    arbiter_text::messages! {
        EMAIL_SHOW_QUOTED = "email.showQuoted": "Show quoted text";
        REASON_SLA_BREACH = "reason.sla_breach": "SLA missed";
        REASON_SLA_BREACH_PROLONGED = "reason.sla_breach_prolonged": "SLA missed twice over";
        REASON_HIGH_VALUE = "reason.high_value_dispute": "High-value dispute";
        REASON_VIP = "reason.vip_customer": "VIP customer";
        REASON_SENSITIVE = "reason.sensitive_language": "Legal or media language";
        REASON_REPEAT = "reason.repeat_contact": "Repeat contact";
        REASON_FRAUD_SCORE = "reason.fraud_score": "Fraud score";
        REASON_CHARGEBACK_DEADLINE = "reason.chargeback_deadline": "Chargeback deadline";
        REASON_MANUAL = "reason.manual": "Escalated by hand";
        STAGE_INQUIRY = "stage.inquiry": "Inquiry";
        STAGE_FIRST_CHARGEBACK = "stage.first_chargeback": "Chargeback";
        STAGE_REPRESENTMENT = "stage.representment": "Representment";
        STAGE_PRE_ARBITRATION = "stage.pre_arbitration": "Pre-arbitration";
        STAGE_ARBITRATION = "stage.arbitration": "Arbitration";
        STAGE_WON = "stage.won": "Won";
        STAGE_LOST = "stage.lost": "Lost";
    }
}

/// The rows of loss analytics.
pub mod analytics {
    arbiter_text::messages! {
        ALL_CASES = "analytics.row.all": "All";
        MONTH = "analytics.row.month": "{{month}}";
        REASON = "analytics.row.reason": "{{network}} {{code}} · {{title}}";
        UNKNOWN_REASON = "analytics.row.unknownReason": "{{network}} {{code}}";
        FRAUD_CLAIM = "analytics.row.fraudClaim": "Fraud claim";
        DISPUTE = "analytics.row.dispute": "Trade or P2P dispute";
        CHARGEBACK = "analytics.row.chargeback": "Chargeback";
        NETWORK = "analytics.row.network": "{{network}}";
        NO_NETWORK = "analytics.row.noNetwork": "No card network";
        CHANNEL_EMAIL = "analytics.row.email": "email";
        CHANNEL_CHAT = "analytics.row.chat": "chat";
        CHANNEL_UNKNOWN = "analytics.row.unknownChannel": "unknown";
        CHARGEBACKS = "analytics.row.chargebacks": "Chargebacks";
        FRAUD_CLAIMS = "analytics.row.fraudClaims": "Fraud claims";
        DISPUTES = "analytics.row.disputes": "Disputes";
    }
}

/// What the desk says about a waiting withdrawal: why it is held, its screening, its Travel
/// Rule state, and a lookalike address.
pub mod withdrawals {
    arbiter_text::messages! {
        FROZEN = "withdrawal.held.frozen": "The account is frozen ({{reason}}).";
        ALL_HELD = "withdrawal.held.all": "All withdrawals are held ({{reason}}).";
        THIS_HELD = "withdrawal.held.this": "This withdrawal is held ({{reason}}).";
        ADDRESS_BLOCKED = "withdrawal.held.address": "The address is blocked ({{reason}}).";
        LOCK = "withdrawal.held.lock": "Security lock after a password, 2FA, email or phone change: {{left}} left.";
        TRAVEL_MISSING = "withdrawal.held.travelMissing": "Travel Rule: the beneficiary data for {{vasp}} is not complete yet.";
        TRAVEL_REJECTED = "withdrawal.held.travelRejected": "Travel Rule: {{vasp}} rejected the beneficiary data.";
        OWNERSHIP = "withdrawal.held.ownership": "Travel Rule: a self-hosted wallet over the threshold needs the customer's proof of ownership.";
        SCREENING_SEVERE = "withdrawal.held.screening": "The address screened severe ({{entity}}): the exchange does not send there.";
        UNKNOWN_ENTITY = "withdrawal.entity.unknown": "entity unknown";
        OTHER_EXCHANGE = "withdrawal.vasp.unknown": "the receiving exchange";
        SCREENED = "withdrawal.screened": "Screening {{rating}} ({{source}}): {{exposures}}";
        SCREENED_CLEAN = "withdrawal.screenedClean": "Screening {{rating}} ({{source}}): no known exposure";
        ENTITY = "withdrawal.entityIs": "{{exposure}} — {{entity}}";
        TRAVEL_SENT = "withdrawal.travel.sent": "Travel Rule: beneficiary data sent to {{vasp}}";
        TRAVEL_MISSING_SHORT = "withdrawal.travel.missing": "Travel Rule: beneficiary data missing ({{vasp}})";
        TRAVEL_REJECTED_SHORT = "withdrawal.travel.rejected": "Travel Rule: rejected by {{vasp}}";
        TRAVEL_PROVEN = "withdrawal.travel.proven": "Travel Rule: self-hosted wallet, ownership proven";
        TRAVEL_PROOF_MISSING = "withdrawal.travel.proofMissing": "Travel Rule: self-hosted wallet, ownership proof missing";
        TRAVEL_NOT_REQUIRED = "withdrawal.travel.notRequired": "Travel Rule: self-hosted wallet under the threshold";
        POISONING = "withdrawal.poisoning": "Lookalike address: imitates {{imitated}}, which the customer used before (same first {{start}} and last {{end}} characters). Likely address poisoning.";
        POISONING_DUST = "withdrawal.poisoningDust": "Lookalike address: imitates {{imitated}}, which the customer used before (same first {{start}} and last {{end}} characters), and {{dust}} came in from it shortly before. Likely address poisoning.";
    }
}

use arbiter_contract::{ChargebackStage, EscalationReason};
use arbiter_text::Msg;

/// A duration as `arbiter_policy::escalation::span` writes it ("12 min", "3 h 5 min", "2 d").
pub fn span(d: chrono::Duration) -> Msg {
    use arbiter_text::common::*;
    let s = d.num_seconds().max(0);
    match s {
        0..60 => Msg::new(&SECONDS).int("n", s),
        60..3600 => Msg::new(&MINUTES).int("n", s / 60),
        3600..86_400 if (s % 3600) / 60 == 0 => Msg::new(&HOURS).int("n", s / 3600),
        3600..86_400 => Msg::new(&HOURS_MINUTES).int("h", s / 3600).int("m", (s % 3600) / 60),
        _ if (s % 86_400) / 3600 == 0 => Msg::new(&DAYS).int("n", s / 86_400),
        _ => Msg::new(&DAYS_HOURS).int("d", s / 86_400).int("h", (s % 86_400) / 3600),
    }
}

/// The name of an escalation's reason.
pub fn reason(reason: EscalationReason) -> Msg {
    use labels::*;
    Msg::new(match reason {
        EscalationReason::SlaBreach => &REASON_SLA_BREACH,
        EscalationReason::SlaBreachProlonged => &REASON_SLA_BREACH_PROLONGED,
        EscalationReason::HighValueDispute => &REASON_HIGH_VALUE,
        EscalationReason::VipCustomer => &REASON_VIP,
        EscalationReason::SensitiveLanguage => &REASON_SENSITIVE,
        EscalationReason::RepeatContact => &REASON_REPEAT,
        EscalationReason::FraudScore => &REASON_FRAUD_SCORE,
        EscalationReason::ChargebackDeadline => &REASON_CHARGEBACK_DEADLINE,
        EscalationReason::Manual => &REASON_MANUAL,
    })
}

/// The name of a chargeback's network stage.
pub fn stage(stage: ChargebackStage) -> Msg {
    use labels::*;
    Msg::new(match stage {
        ChargebackStage::Inquiry => &STAGE_INQUIRY,
        ChargebackStage::FirstChargeback => &STAGE_FIRST_CHARGEBACK,
        ChargebackStage::Representment => &STAGE_REPRESENTMENT,
        ChargebackStage::PreArbitration => &STAGE_PRE_ARBITRATION,
        ChargebackStage::Arbitration => &STAGE_ARBITRATION,
        ChargebackStage::Won => &STAGE_WON,
        ChargebackStage::Lost => &STAGE_LOST,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_span_reads_as_the_policy_writes_it() {
        for seconds in [0, 59, 60, 3599, 3600, 3660, 7200, 86_399, 86_400, 90_000, 200_000] {
            let d = chrono::Duration::seconds(seconds);
            assert_eq!(super::span(d).english(), arbiter_policy::escalation::span(d), "{seconds} s");
        }
    }

    #[test]
    fn every_key_is_declared_once() {
        let mut keys: Vec<&str> = super::all().iter().map(|d| d.key).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count, "a message key is declared twice");
    }
}

/// What the case screen says about compelling evidence from the card's history.
pub mod compelling {
    arbiter_text::messages! {
        VISA_CE3 = "ce.programme.visaCe3": "Visa Compelling Evidence 3.0";
        MASTERCARD_FPT = "ce.programme.mastercardFpt": "Mastercard First-Party Trust";
        QUALIFIES = "ce.qualifies": "Qualifies for {{programme}}: {{count}} earlier undisputed payments on this card match the disputed one.";
        DOES_NOT_QUALIFY = "ce.doesNotQualify": "Does not qualify for {{programme}} yet.";
        NOT_COVERED = "ce.notCovered": "{{network}} {{code}} is not a reason code the compelling-evidence programmes cover.";
        NOT_COVERED_BUT_MATCHES = "ce.notCoveredButMatches": "{{network}} {{code}} is not a reason code the programmes cover, but the card's history meets their rule: cite it in the letter.";
        PAYMENT_UNKNOWN = "ce.missing.paymentUnknown": "The disputed payment is not in the account's history the desk holds.";
        NO_DEVICE_OR_IP = "ce.missing.noDeviceOrIp": "The disputed payment recorded neither an IP address nor a device, so no earlier payment can match it.";
        TOO_FEW = "ce.missing.tooFew": one "{{count}} earlier payment qualifies; {{needed}} are needed.", other "{{count}} earlier payments qualify; {{needed}} are needed.";
        NEAR_NO_DEVICE = "ce.missing.nearNoDevice": one "{{count}} payment in the window matches on the account and address but not the IP or device.", other "{{count}} payments in the window match on the account and address but not the IP or device.";
        NEAR_TOO_RECENT = "ce.missing.nearTooRecent": one "{{count}} payment is less than 120 days older than the disputed one.", other "{{count}} payments are less than 120 days older than the disputed one.";
        NEAR_TOO_OLD = "ce.missing.nearTooOld": one "{{count}} payment is more than 365 days older.", other "{{count}} payments are more than 365 days older.";
        NEAR_DISPUTED = "ce.missing.nearDisputed": one "{{count}} earlier payment was disputed itself and cannot count.", other "{{count}} earlier payments were disputed themselves and cannot count.";
        NEAR_FRAUD = "ce.missing.nearFraud": one "{{count}} earlier payment was reported as fraud and cannot count.", other "{{count}} earlier payments were reported as fraud and cannot count.";
        NEAR_FEW_ELEMENTS = "ce.missing.nearFewElements": one "{{count}} payment in the window shares fewer than two elements.", other "{{count}} payments in the window share fewer than two elements.";
    }
}

/// What the review of a representment packet says.
pub mod representment {
    arbiter_text::messages! {
        LACKS = "packet.lacks": "The checklist lacks: {{item}}.";
        ITEM = "packet.item": "{{item}}";
        PAYMENT_UNKNOWN = "packet.paymentUnknown": "The disputed payment is not in the account's history: nothing in the packet proves the purchase.";
        NO_LIABILITY_SHIFT = "packet.noLiabilityShift": "3-D Secure was {{result}}: no liability shift to the issuer on a fraud code.";
        HISTORY_SHORT = "packet.historyShort": one "Only {{count}} earlier payment qualifies for {{programme}}; it takes two.", other "Only {{count}} earlier payments qualify for {{programme}}; it takes two.";
        CHECKOUT_NOT_SEEN = "packet.checkoutNotSeen": "The checkout's device and IP address had not been seen on the account before the payment.";
        NEW_ADDRESSES = "packet.newAddresses": one "{{count}} withdrawal after the payment went to an address the customer had not used before.", other "{{count}} withdrawals after the payment went to addresses the customer had not used before.";
        CITES_MISSING = "packet.citesMissing": "The letter cites {{exhibit}}, which the packet does not have.";
        NOT_CITED = "packet.notCited": "{{exhibit}} is not cited in the letter.";
        OUT_OF_ORDER = "packet.outOfOrder": "The letter cites the exhibits out of their order.";
        LETTER_EMPTY = "packet.letterEmpty": "The letter is empty.";
        LETTER_TOO_LONG = "packet.letterTooLong": "The letter has {{chars}} characters; processors take {{max}}.";
        PAST_DEADLINE = "packet.pastDeadline": "The network's deadline has passed.";
    }
}

/// Represent or accept: the recommendation on an open chargeback.
pub mod advice {
    arbiter_text::messages! {
        COMPELLING = "advice.compelling": "Represent: the card's own history qualifies this case, and the programme moves the liability to the issuer. {{network}} {{code}} so far: won {{won}} of {{decided}} represented.";
        WIN_RATE = "advice.winRate": "Represent: {{network}} {{code}} chargebacks were won {{won}} of {{decided}} times ({{rate}} %); on {{amount}} that is {{expected}} expected after {{cost}} of work.";
        NOT_WORTH_IT = "advice.notWorthIt": "Accept: {{network}} {{code}} chargebacks were won {{won}} of {{decided}} times ({{rate}} %); on {{amount}} representing is not worth {{cost}} of work. {{accepted}} were accepted before.";
        TOO_LITTLE = "advice.tooLittle": one "Weigh the evidence: only {{count}} {{network}} {{code}} chargeback has been decided, too few to go by.", other "Weigh the evidence: only {{count}} {{network}} {{code}} chargebacks have been decided, too few to go by.";
    }
}

/// Signed updates: what the banner says at each step.
pub mod updates {
    arbiter_text::messages! {
        NO_SIGNING_KEY = "updates.noSigningKey": "This build of Arbiter was made without an update signing key, so it does not update itself. Your IT team installs new versions.";
        NOT_CONFIGURED = "updates.notConfigured": "Your company has not set where Arbiter looks for updates. Your IT team installs new versions.";
        ADDRESS_UNUSABLE = "updates.addressUnusable": "The update address {{url}} is not used: it must be https (or http to this computer).";
        REPLY_OPEN = "updates.replyOpen": "Send or discard the reply you are writing first; the update installs when you restart.";
        OUTBOX_PENDING = "updates.outboxPending": one "{{count}} action is still on its way to the server; restart when it has arrived.", other "{{count}} actions are still on their way to the server; restart when they have arrived.";
        MANIFEST_FAILED = "updates.manifestFailed": "Could not check for updates: {{detail}}. Arbiter {{current}} keeps running.";
        SIGNATURE_REFUSED = "updates.signatureRefused": "The update to {{version}} was refused: its signature does not match this app's signing key, so it may have been tampered with. Arbiter {{current}} keeps running; tell your IT team.";
        DOWNLOAD_FAILED = "updates.downloadFailed": "The update to {{version}} did not download: {{detail}}. Arbiter {{current}} keeps running and tries again later.";
        NOTHING_READY = "updates.nothingReady": "No update is ready to install.";
        INSTALL_FAILED = "updates.installFailed": "The update to {{version}} could not be installed: {{detail}}. Arbiter {{current}} keeps running.";
    }
}

/// Signing in with the company's identity provider.
pub mod sso {
    arbiter_text::messages! {
        NOT_CONFIGURED = "sso.notConfigured": "Your company has not set up single sign-on for Arbiter; sign in with a token.";
        UNREACHABLE = "sso.unreachable": "Could not reach your company's sign-in service: {{detail}}";
        DISCOVERY_UNREADABLE = "sso.discoveryUnreadable": "Your company's sign-in service is not set up as Arbiter expects: {{detail}}";
        NO_LISTENER = "sso.noListener": "Could not wait for the browser's answer on this computer: {{detail}}";
        REFUSED = "sso.refused": "Your company's sign-in service refused the sign-in: {{detail}}";
        TIMED_OUT = "sso.timedOut": "Sign-in in the browser did not finish within 10 minutes. Try again.";
        CANCELLED = "sso.cancelled": "Sign-in cancelled.";
        NOT_STARTED = "sso.notStarted": "Start signing in first.";
        API_REFUSED = "sso.apiRefused": "You signed in, but the company API does not accept your company account: {{detail}}";
    }
}

/// Diagnostics for the company's IT.
pub mod diagnostics {
    arbiter_text::messages! {
        NOT_MARKED = "diagnostics.notMarked": "Could not set the crash note aside: {{detail}}";
    }
}
