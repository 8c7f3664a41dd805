//! Storage conventions shared by the server's database and the desk's cache: times as Unix
//! milliseconds, unit enums as their wire names, lists as JSON.

use chrono::{DateTime, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub fn to_ms(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

pub fn from_ms(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

/// A unit enum's wire name: `TicketStatus::OnHold` → `on_hold`.
pub fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("not a unit enum: {other:?}"),
    }
}

/// The unit enum value with this wire name.
pub fn from_wire_name<T: DeserializeOwned>(name: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TicketStatus;

    #[test]
    fn enums_round_trip_through_their_wire_names() {
        assert_eq!(wire_name(&TicketStatus::OnHold), "on_hold");
        assert_eq!(from_wire_name::<TicketStatus>("on_hold").unwrap(), TicketStatus::OnHold);
        assert!(from_wire_name::<TicketStatus>("bogus").is_err());
    }

    #[test]
    fn times_round_trip_at_millisecond_precision() {
        let t: DateTime<Utc> = "2026-11-24T10:11:12.345Z".parse().unwrap();
        assert_eq!(from_ms(to_ms(t)), t);
    }
}
