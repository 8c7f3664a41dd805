//! One rating scale over the KYT providers' own: a rating from an address's exposures (what
//! the reference server's screening answers), and a provider's rating read onto the scale
//! (Chainalysis's alert levels, TRM's and Elliptic's 0–10 risk scores).

use arbiter_contract::{Exposure, ExposureCategory, ScreeningRating};

/// The rating of an exposure to `category`, direct, at full share.
pub fn category_rating(category: ExposureCategory) -> ScreeningRating {
    match category {
        ExposureCategory::Sanctions => ScreeningRating::Severe,
        ExposureCategory::Mixer
        | ExposureCategory::DarknetMarket
        | ExposureCategory::Scam
        | ExposureCategory::StolenFunds => ScreeningRating::High,
        ExposureCategory::Gambling => ScreeningRating::Medium,
        ExposureCategory::Exchange => ScreeningRating::Low,
    }
}

fn one_lower(rating: ScreeningRating) -> ScreeningRating {
    match rating {
        ScreeningRating::Severe => ScreeningRating::High,
        ScreeningRating::High => ScreeningRating::Medium,
        _ => ScreeningRating::Low,
    }
}

/// An address's rating from its exposures: a direct exposure counts in full; an indirect one
/// (funds that passed through others first) one step lower from a quarter of the flow,
/// two steps lower from 5 %, and not at all below that.
pub fn rating(exposures: &[Exposure]) -> ScreeningRating {
    exposures
        .iter()
        .map(|e| {
            let full = category_rating(e.category);
            match (e.direct, e.share_percent) {
                (true, _) => full,
                (false, 25..) => one_lower(full),
                (false, 5..) => one_lower(one_lower(full)),
                (false, _) => ScreeningRating::Low,
            }
        })
        .max()
        .unwrap_or(ScreeningRating::Low)
}

/// A provider's own rating on the one scale: alert levels by name (`Severe`, `HIGH` …) or a
/// risk score out of ten (`7.5/10`, `9`). `None` when it reads as neither.
pub fn normalise(provider_rating: &str) -> Option<ScreeningRating> {
    let text = provider_rating.trim();
    match text.to_ascii_lowercase().as_str() {
        "severe" | "critical" => return Some(ScreeningRating::Severe),
        "high" => return Some(ScreeningRating::High),
        "medium" | "moderate" => return Some(ScreeningRating::Medium),
        "low" | "none" => return Some(ScreeningRating::Low),
        _ => {}
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let score: f64 = compact.strip_suffix("/10").unwrap_or(&compact).parse().ok()?;
    match score {
        s if !(0.0..=10.0).contains(&s) => None,
        s if s >= 9.0 => Some(ScreeningRating::Severe),
        s if s >= 7.0 => Some(ScreeningRating::High),
        s if s >= 4.0 => Some(ScreeningRating::Medium),
        _ => Some(ScreeningRating::Low),
    }
}

/// The rating's number in rule 10's `min_rating` (1 low … 4 severe).
pub fn level(rating: ScreeningRating) -> u8 {
    match rating {
        ScreeningRating::Low => 1,
        ScreeningRating::Medium => 2,
        ScreeningRating::High => 3,
        ScreeningRating::Severe => 4,
    }
}

/// The address has the shape its network's addresses have (the known networks checked
/// exactly; any other: 20–100 letters and digits). What a screening refuses before looking.
pub fn address_fits(network: &str, address: &str) -> bool {
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    match network {
        "ERC20" | "Ethereum" | "BEP20" | "Polygon" | "Arbitrum" => {
            address.len() == 42 && (address.starts_with("0x") || address.starts_with("0X")) && hex(&address[2..])
        }
        "Bitcoin" => match address.get(..4) {
            Some("bc1q" | "bc1p") => {
                (42..=62).contains(&address.len()) && alnum(address) && address == address.to_ascii_lowercase()
            }
            _ => (26..=35).contains(&address.len()) && matches!(address.as_bytes()[0], b'1' | b'3') && alnum(address),
        },
        "TRC20" => address.len() == 34 && address.starts_with('T') && alnum(address),
        _ => (20..=100).contains(&address.len()) && alnum(address),
    }
}
