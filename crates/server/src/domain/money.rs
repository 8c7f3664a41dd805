//! Currencies: minor-unit exponents and rough US dollar rates, for thresholds and analytics.

/// Digits after the decimal point in the currency's minor unit.
pub fn exponent(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "VND" | "CLP" => 0,
        _ => 2,
    }
}

/// The currencies the desk deals in, with units per US dollar (fixed demo rates).
pub const CURRENCIES: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("EUR", 0.92),
    ("GBP", 0.79),
    ("CHF", 0.88),
    ("BRL", 5.4),
    ("TRY", 34.0),
    ("JPY", 150.0),
    ("KRW", 1_350.0),
    ("VND", 25_000.0),
    ("MXN", 18.0),
    ("AUD", 1.52),
    ("CAD", 1.38),
    ("SGD", 1.34),
    ("INR", 84.0),
    ("HKD", 7.8),
    ("TWD", 32.0),
    ("ZAR", 18.0),
    ("NGN", 1_550.0),
    ("RUB", 95.0),
    ("KZT", 480.0),
    ("PLN", 4.0),
    ("ARS", 980.0),
    ("COP", 4_100.0),
    ("CLP", 940.0),
    ("PEN", 3.8),
    ("PHP", 57.0),
    ("MAD", 10.0),
    ("XOF", 600.0),
];

/// Units of the currency per US dollar, for a currency in [`CURRENCIES`].
pub fn per_usd(currency: &str) -> Option<f64> {
    CURRENCIES.iter().find(|(code, _)| *code == currency).map(|&(_, rate)| rate)
}

/// The amount in US cents, or `None` for an unknown currency.
pub fn usd_cents(amount_minor: i64, currency: &str) -> Option<i64> {
    let units = amount_minor as f64 / 10f64.powi(exponent(currency) as i32);
    per_usd(currency).map(|rate| (units / rate * 100.0).round() as i64)
}

/// US cents as the currency's minor units.
pub fn from_usd_cents(usd_cents: i64, currency: &str) -> i64 {
    let rate = per_usd(currency).unwrap_or(1.0);
    (usd_cents as f64 / 100.0 * rate * 10f64.powi(exponent(currency) as i32)).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_respect_minor_units() {
        assert_eq!(usd_cents(125_000, "USD"), Some(125_000));
        assert_eq!(usd_cents(15_000, "JPY"), Some(10_000));
        assert_eq!(usd_cents(1, "XXX"), None);
        assert_eq!(from_usd_cents(10_000, "JPY"), 15_000);
    }
}
