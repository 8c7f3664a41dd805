//! The particulars of one ticket (amounts, assets, addresses, cards…) that fill a script's
//! placeholders, rolled so that they agree with each other and with the customer.

use arbiter_contract::Customer;
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;

pub struct Facts {
    customer_first: String,
    customer_name: String,
    account_id: String,
    ticket_id: String,
    amount: String,
    pub amount_usd: f64,
    pub currency: &'static str,
    crypto_amount: String,
    asset: &'static str,
    network: &'static str,
    txid: String,
    address: String,
    pub card_last4: String,
    date: String,
    /// The disputed transaction's date.
    pub transaction_date: chrono::NaiveDate,
    order_id: String,
    pub reason_code: &'static str,
    pub card_network: &'static str,
    pair: String,
    price: String,
    device: &'static str,
    city: &'static str,
    country_name: &'static str,
}

const HEX: &[u8] = b"0123456789abcdef";
const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BECH32: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn random_string<R: Rng>(rng: &mut R, alphabet: &[u8], len: usize) -> String {
    (0..len).map(|_| *alphabet.choose(rng).expect("alphabet") as char).collect()
}

/// Thousands separators and two decimals: 1,250.00.
fn money(value: f64) -> String {
    let cents = (value * 100.0).round() as i64;
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{:02}", cents % 100)
}

pub(super) fn place_of(country: &str) -> (&'static str, &'static str) {
    match country {
        "US" => ("Austin", "the United States"),
        "GB" => ("Manchester", "the United Kingdom"),
        "AU" => ("Melbourne", "Australia"),
        "CA" => ("Toronto", "Canada"),
        "NG" => ("Lagos", "Nigeria"),
        "IN" => ("Bengaluru", "India"),
        "SG" => ("Singapore", "Singapore"),
        "PH" => ("Manila", "the Philippines"),
        "ZA" => ("Cape Town", "South Africa"),
        "IE" => ("Dublin", "Ireland"),
        "ES" => ("Valencia", "Spain"),
        "MX" => ("Guadalajara", "Mexico"),
        "AR" => ("Córdoba", "Argentina"),
        "CO" => ("Medellín", "Colombia"),
        "CL" => ("Santiago", "Chile"),
        "PE" => ("Lima", "Peru"),
        "BR" => ("São Paulo", "Brazil"),
        "PT" => ("Porto", "Portugal"),
        "DE" => ("Hamburg", "Germany"),
        "AT" => ("Vienna", "Austria"),
        "CH" => ("Zurich", "Switzerland"),
        "FR" => ("Lyon", "France"),
        "BE" => ("Brussels", "Belgium"),
        "SN" => ("Dakar", "Senegal"),
        "MA" => ("Casablanca", "Morocco"),
        "TR" => ("Istanbul", "Türkiye"),
        "RU" => ("Kazan", "Russia"),
        "KZ" => ("Almaty", "Kazakhstan"),
        "TW" => ("Taipei", "Taiwan"),
        "HK" => ("Hong Kong", "Hong Kong"),
        "CN" => ("Shenzhen", "China"),
        "JP" => ("Osaka", "Japan"),
        "VN" => ("Ho Chi Minh City", "Vietnam"),
        "KR" => ("Busan", "South Korea"),
        _ => ("Lisbon", "Portugal"),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Facts {
    pub fn roll<R: Rng>(rng: &mut R, ticket_id: i64, customer: &Customer, created_at: DateTime<Utc>) -> Self {
        let currency = super::activity::local_currency(&customer.country);
        // Most disputes are small; a few are large enough to climb the escalation matrix.
        let base: f64 = match rng.random_range(0..1000) {
            0..=7 => 140_000.0,
            8..=59 => *[12_000.0, 25_000.0, 40_000.0].choose(rng).expect("amounts"),
            _ => *[49.0, 120.0, 250.0, 500.0, 750.0, 1_000.0, 1_500.0, 2_500.0, 5_000.0].choose(rng).expect("amounts"),
        };
        let usd = (base * rng.random_range(0.8..1.25)).round();
        let (asset, network, usd_price) = *[
            ("BTC", "Bitcoin", 91_000.0),
            ("ETH", "ERC20", 3_300.0),
            ("USDT", "TRC20", 1.0),
            ("USDT", "ERC20", 1.0),
            ("USDC", "ERC20", 1.0),
            ("SOL", "Solana", 180.0),
            ("XRP", "XRP Ledger", 2.2),
        ]
        .choose(rng)
        .expect("assets");
        let address = match network {
            "Bitcoin" => format!("bc1q{}", random_string(rng, BECH32, 38)),
            "ERC20" => format!("0x{}", random_string(rng, HEX, 40)),
            "TRC20" => format!("T{}", random_string(rng, BASE58, 33)),
            "XRP Ledger" => format!("r{}", random_string(rng, BASE58, 33)),
            _ => random_string(rng, BASE58, 44),
        };
        let txid = match network {
            "ERC20" => format!("0x{}", random_string(rng, HEX, 64)),
            "Solana" => random_string(rng, BASE58, 87),
            _ => random_string(rng, HEX, 64),
        };
        let card_network = *["Visa", "Mastercard"].choose(rng).expect("networks");
        let reason_code = if card_network == "Visa" {
            *["10.4", "13.1", "12.6.1", "11.3", "13.3"].choose(rng).expect("codes")
        } else {
            *["4837", "4853", "4834", "4863", "4808"].choose(rng).expect("codes")
        };
        let when = created_at - Duration::days(rng.random_range(0..20));
        let base = *["BTC", "ETH", "SOL", "XRP"].choose(rng).expect("bases");
        let pair_price = match base {
            "BTC" => 91_000.0,
            "ETH" => 3_300.0,
            "SOL" => 180.0,
            _ => 2.2,
        } * rng.random_range(0.9..1.1);
        let (city, country_name) = place_of(&customer.country);
        // Vietnamese names put the family name first and people go by the last part.
        let mut words = customer.name.split_whitespace();
        let given = if customer.language == "vi" { words.next_back() } else { words.next() };
        let first = given.unwrap_or(&customer.name).to_owned();
        Self {
            customer_first: first,
            customer_name: customer.name.clone(),
            account_id: customer.account_id.clone(),
            ticket_id: format!("#{ticket_id}"),
            amount: money(usd * crate::domain::money::per_usd(currency).unwrap_or(1.0)),
            amount_usd: usd,
            currency,
            crypto_amount: format!("{:.4}", usd / usd_price),
            asset,
            network,
            txid,
            address,
            card_last4: format!("{:04}", rng.random_range(0..10_000)),
            date: format!("{} {}", chrono::Datelike::day(&when), MONTHS[chrono::Datelike::month0(&when) as usize]),
            transaction_date: when.date_naive(),
            order_id: format!("{}", rng.random_range(2_000_000_000u64..9_999_999_999)),
            reason_code,
            card_network,
            pair: format!("{base}/USDT"),
            price: money(pair_price),
            device: *[
                "iPhone 15, iOS 18",
                "Pixel 8, Android 15",
                "Samsung Galaxy S24, Android 14",
                "Windows 11, Chrome",
                "MacBook Air, Safari",
                "Xiaomi 14, Android 14",
            ]
            .choose(rng)
            .expect("devices"),
            city,
            country_name,
        }
    }

    /// Replaces every `{placeholder}` in `template`; unknown ones are left as written.
    pub fn fill(&self, template: &str, agent_first: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match self.value(name, agent_first) {
                        Some(value) => out.push_str(value),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn value<'a>(&'a self, name: &str, agent_first: &'a str) -> Option<&'a str> {
        Some(match name {
            "customer_first" => &self.customer_first,
            "customer_name" => &self.customer_name,
            "agent_first" => agent_first,
            "account_id" => &self.account_id,
            "ticket_id" => &self.ticket_id,
            "amount" => &self.amount,
            "currency" => self.currency,
            "crypto_amount" => &self.crypto_amount,
            "asset" => self.asset,
            "network" => self.network,
            "txid" => &self.txid,
            "address" => &self.address,
            "card_last4" => &self.card_last4,
            "date" => &self.date,
            "order_id" => &self.order_id,
            "reason_code" => self.reason_code,
            "card_network" => self.card_network,
            "pair" => &self.pair,
            "price" => &self.price,
            "device" => self.device,
            "city" => self.city,
            "country_name" => self.country_name,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_corpus_placeholder_has_a_value() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let customer = Customer {
            id: 1,
            account_id: "UID 1".into(),
            name: "Nguyễn Minh Anh".into(),
            email: "a@example.com".into(),
            language: "vi".into(),
            country: "VN".into(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            legal_name: None,
            kyc_level: arbiter_contract::KycLevel::Basic,
            vip_tier: arbiter_contract::VipTier::None,
        };
        let facts = Facts::roll(&mut rng, 1, &customer, Utc::now());
        for name in crate::generator::corpus::PLACEHOLDERS {
            assert!(facts.value(name, "Ava").is_some(), "no value for {{{name}}}");
        }
        assert_eq!(facts.fill("{customer_first}", "Ava"), "Anh");
    }

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(1250.0), "1,250.00");
        assert_eq!(money(49.5), "49.50");
        assert_eq!(money(1_234_567.891), "1,234,567.89");
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let customer = Customer {
            id: 1,
            account_id: "UID 12345678".into(),
            name: "Ana Souza".into(),
            email: "ana@example.com".into(),
            language: "pt".into(),
            country: "BR".into(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            legal_name: None,
            kyc_level: arbiter_contract::KycLevel::Basic,
            vip_tier: arbiter_contract::VipTier::None,
        };
        let facts = Facts::roll(&mut rng, 100_001, &customer, Utc::now());
        let text = facts.fill("Olá {customer_first}, ticket {ticket_id} {unknown} {agent_first} {", "Ava");
        assert_eq!(text, "Olá Ana, ticket #100001 {unknown} Ava {");
        assert!(facts.fill("{amount} {currency}", "x").ends_with("BRL"));
    }
}
