//! What the risk rules say, as message keys with their English (arbiter_text): the desk's UI
//! says them in the agent's language; `Finding::explanation` keeps the English.

/// Every message of the risk rules.
pub fn all() -> Vec<&'static arbiter_text::Def> {
    [rules::ALL, findings::ALL, labels::ALL].concat()
}

/// The rules' default names (a company's own names are shown as it wrote them).
pub mod rules {
    arbiter_text::messages! {
        RULE_1 = "risk.ruleName.1": "Card deposit then external withdrawal";
        RULE_2 = "risk.ruleName.2": "Security change then withdrawal (account takeover)";
        RULE_3 = "risk.ruleName.3": "New device, new country and new withdrawal address in one session";
        RULE_4 = "risk.ruleName.4": "Linked accounts (shared device, IP, wallet or card)";
        RULE_5 = "risk.ruleName.5": "Rapid cash-out after first deposit";
        RULE_6 = "risk.ruleName.6": "Risky P2P counterparty or third-party payer";
        RULE_7 = "risk.ruleName.7": "Wash trading between linked accounts or self-trades";
        RULE_8 = "risk.ruleName.8": "Structuring just under a reporting threshold";
        RULE_9 = "risk.ruleName.9": "Withdrawal to a lookalike of a known address (address poisoning)";
        RULE_10 = "risk.ruleName.10": "Withdrawal to a high-risk address (screening)";
        /// A rule name a company wrote itself.
        OWN_NAME = "risk.ruleName.own": "{{name}}";
    }
}

/// Why each rule fired.
pub mod findings {
    arbiter_text::messages! {
        CARD_THEN_WITHDRAWAL = "risk.finding.cardThenWithdrawal": "Card deposit of {{amount}} (card ··{{last4}}) withdrawn {{after}} later: {{out}} to {{address}}";
        CHANGE_THEN_OUT = "risk.finding.changeThenOut": "{{change}} changed (from {{country}}), then {{what}} {{after}} later";
        WITHDRAWAL_TO = "risk.finding.withdrawalTo": "a withdrawal of {{amount}} to {{address}}";
        WITHDRAWAL_TO_NEW = "risk.finding.withdrawalToNew": "a withdrawal of {{amount}} to a new address {{address}}";
        NEW_ADDRESS = "risk.finding.newAddress": "a new withdrawal address";
        NEW_DEVICE_COUNTRY = "risk.finding.newDeviceCountry": "One session from a new device ({{device}}) in a new country ({{country}}) added or used a new withdrawal address";
        SHARES = "risk.finding.shares": "Shares {{items}}";
        SHARED_WITH = "risk.finding.sharedWith": one "a {{what}} with {{count}} other account", other "a {{what}} with {{count}} other accounts";
        KIND_LABEL = "risk.finding.kindLabel": "{{kind}} ({{label}})";
        CASH_OUT = "risk.finding.cashOut": "{{share}} % of the first deposit ({{amount}}) withdrawn within {{within}}";
        CASH_OUT_LARGE = "risk.finding.cashOutLarge": "{{share}} % of the first deposit ({{amount}}) withdrawn within {{within}}; a first deposit of {{large}} or more does not fit a new account";
        P2P = "risk.finding.p2p": "P2P {{side}} of {{amount}}: {{why}}";
        P2P_SALE = "risk.finding.p2pSale": "sale";
        P2P_PURCHASE = "risk.finding.p2pPurchase": "purchase";
        YOUNG_COUNTERPARTY = "risk.finding.youngCounterparty": "the counterparty's account is {{days}} days old";
        FEW_TRADES = "risk.finding.fewTrades": "the counterparty has {{trades}} completed trades";
        OTHER_PAYER = "risk.finding.otherPayer": "paid by {{payer}}, not {{expected}}";
        /// Joins the reasons of one P2P order.
        AND = "risk.finding.and": "{{first}}, {{second}}";
        /// Joins the P2P orders' reasons.
        REASONS = "risk.finding.reasons": "{{first}}; {{second}}";
        WASH = "risk.finding.wash": "{{count}} trade(s) worth {{amount}} with {{with}}";
        WITH_ITSELF = "risk.finding.withItself": "itself";
        WITH_LINKED = "risk.finding.withLinked": "linked account(s) {{ids}}";
        POISONING = "risk.finding.poisoning": "A withdrawal of {{amount}} to {{address}}, a new address that imitates {{imitated}} used before (same first {{start}} and last {{end}} characters)";
        POISONING_DUST = "risk.finding.poisoningDust": "{{lookalike}}; {{dust}} came in from it {{before}} before, the usual bait";
        SCREENED = "risk.finding.screened": "A withdrawal of {{amount}} to {{address}}, rated {{rating}} by {{source}}: {{exposure}}";
        STRUCTURING = "risk.finding.structuring": "{{count}} deposits between {{floor}} and {{threshold}} within {{within}} ({{total}} in all)";
    }
}

/// Names of what accounts share, and of security changes.
pub mod labels {
    arbiter_text::messages! {
        DEVICE = "risk.label.device": "device";
        IP = "risk.label.ip": "IP address";
        WALLET = "risk.label.wallet": "withdrawal wallet";
        CARD = "risk.label.card": "card";
        CARD_ENDING = "risk.label.cardEnding": "card ··{{last4}}";
        WALLET_ON = "risk.label.walletOn": "{{asset}} on {{network}}";
        AS_SHOWN = "risk.label.asShown": "{{label}}";
        CHANGE_PASSWORD = "risk.change.password": "Password";
        CHANGE_TWO_FACTOR = "risk.change.twoFactor": "2FA";
        CHANGE_EMAIL = "risk.change.email": "Email";
        CHANGE_PHONE = "risk.change.phone": "Phone";
        CHANGE_API_KEY = "risk.change.apiKey": "API key";
        CHANGE_WITHDRAWAL_ADDRESS = "risk.change.withdrawalAddress": "Withdrawal address";
        RATING_LOW = "risk.rating.low": "low";
        RATING_MEDIUM = "risk.rating.medium": "medium";
        RATING_HIGH = "risk.rating.high": "high";
        RATING_SEVERE = "risk.rating.severe": "severe";
        SANCTIONS = "risk.exposure.sanctions": "sanctions";
        MIXER = "risk.exposure.mixer": "mixer";
        DARKNET_MARKET = "risk.exposure.darknetMarket": "darknet market";
        SCAM = "risk.exposure.scam": "scam";
        STOLEN_FUNDS = "risk.exposure.stolenFunds": "stolen funds";
        GAMBLING = "risk.exposure.gambling": "gambling";
        EXCHANGE = "risk.exposure.exchange": "exchange";
        DIRECT = "risk.exposure.direct": "{{share}} % direct {{category}} exposure";
        INDIRECT = "risk.exposure.indirect": "{{share}} % indirect {{category}} exposure";
    }
}
