//! Text files, decoded to UTF-8 in whatever charset they came in.

/// The most characters shown of a text file (the whole file can be saved).
pub const MAX_TEXT_CHARS: usize = 500_000;

/// The text and whether it was cut at [`MAX_TEXT_CHARS`]. UTF-8 (with or without a BOM) is
/// taken as it is; anything else is decoded by the charset its bytes suggest.
pub fn read_text(bytes: &[u8]) -> (String, bool) {
    let text = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
                detector.feed(bytes, true);
                detector.guess(None, chardetng::Utf8Detection::Allow).decode_without_bom_handling(bytes).0.into_owned()
            }
        },
    };
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => (text[..cut].to_owned(), true),
        None => (text, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_decoded_and_long_text_cut() {
        assert_eq!(read_text("привет".as_bytes()), ("привет".into(), false));
        assert_eq!(read_text(b"\xef\xbb\xbfhello"), ("hello".into(), false));
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Здравствуйте, мой вывод средств задержан уже неделю");
        assert_eq!(read_text(&cp1251).0, "Здравствуйте, мой вывод средств задержан уже неделю");
        let (long, cut) = read_text("ä".repeat(MAX_TEXT_CHARS + 5).as_bytes());
        assert!(cut);
        assert_eq!(long.chars().count(), MAX_TEXT_CHARS);
    }
}
