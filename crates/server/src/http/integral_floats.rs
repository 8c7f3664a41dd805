//! JSON Schema counts `-599214.0` as an integer; serde does not. Before a body is read, its
//! float literals that are whole numbers in i64's range are rewritten as integer literals,
//! so integer fields take them. Everything else is copied as it is: integers of any size
//! (an out-of-range one still fails its field), real fractions, strings, invalid JSON.

use std::borrow::Cow;

/// The body with integral float literals written as integers.
pub fn rewrite(json: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    let mut in_string = false;
    while i < json.len() {
        let b = json[i];
        if in_string {
            match b {
                b'\\' => i += 2,
                b'"' => {
                    in_string = false;
                    i += 1;
                }
                _ => i += 1,
            }
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let end = i + json[i..]
                .iter()
                .take_while(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                .count();
            if let Some(integer) = whole_number(&json[i..end]) {
                let buffer = out.get_or_insert_with(|| Vec::with_capacity(json.len()));
                buffer.extend_from_slice(&json[copied..i]);
                buffer.extend_from_slice(integer.to_string().as_bytes());
                copied = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    match out {
        Some(mut buffer) => {
            buffer.extend_from_slice(&json[copied..]);
            Cow::Owned(buffer)
        }
        None => Cow::Borrowed(json),
    }
}

/// A float literal (with a fraction or an exponent) that is a whole number within i64.
pub fn whole_number(token: &[u8]) -> Option<i64> {
    if !token.iter().any(|c| matches!(c, b'.' | b'e' | b'E')) {
        return None; // an integer literal already, whatever its size
    }
    let value: f64 = std::str::from_utf8(token).ok()?.parse().ok()?;
    // 2^63 is exactly representable; anything at or beyond it does not fit an i64.
    let fits = value.is_finite() && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&value);
    (fits && value.fract() == 0.0).then_some(value as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(json: &str) -> String {
        String::from_utf8(rewrite(json.as_bytes()).into_owned()).unwrap()
    }

    #[test]
    fn whole_floats_become_integers_and_nothing_else_changes() {
        assert_eq!(rewritten(r#"{"a": -599214.0, "b": [1.5, 2e0, 3E2]}"#), r#"{"a": -599214, "b": [1.5, 2, 300]}"#);
        assert_eq!(
            rewritten(r#"{"big": -9223372036854775809, "huge": 1e300}"#),
            r#"{"big": -9223372036854775809, "huge": 1e300}"#
        );
        assert_eq!(
            rewritten(r#"{"s": "3.0 \" 4.0", "t": "\\", "n": 5.0}"#),
            r#"{"s": "3.0 \" 4.0", "t": "\\", "n": 5}"#
        );
        assert!(matches!(rewrite(br#"{"a": 1, "b": "x"}"#), Cow::Borrowed(_)), "untouched bodies are not copied");
        assert_eq!(rewritten("[1.0"), "[1", "invalid JSON stays invalid");
    }
}
