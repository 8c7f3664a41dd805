//! The language a customer wrote in, told from the text alone (whatlang: trigram statistics
//! compiled into the crate, no model to download).

use whatlang::{Detector, Lang};

/// The BCP 47 primary language tag of `text`, when whatlang is reliably sure; `None` for
/// short or mixed text (the mailbox's default applies).
pub fn detect_language(text: &str) -> Option<String> {
    // A reply's quoted history is usually in the desk's language, not the customer's.
    let own: String = text
        .lines()
        .take_while(|line| !line.trim_start().starts_with('>') && !is_attribution(line))
        .collect::<Vec<_>>()
        .join("\n");
    let sample: String = if own.trim().chars().count() >= 12 { own } else { text.to_string() };
    let sample: String = sample.chars().take(2_000).collect();
    if sample.trim().chars().count() < 12 {
        return None;
    }
    // Only languages with a BCP 47 tag here: fewer look-alikes (Spanish vs Galician) to
    // confuse a short message with.
    // whatlang's confidence is low for a two-line email even when its first answer is right
    // (Russian over Ukrainian at 0.05); its first answer is taken, and the agent can change
    // the ticket's language.
    let info = Detector::with_allowlist(KNOWN.iter().map(|(lang, _)| *lang).collect()).detect(&sample)?;
    tag(info.lang()).map(str::to_string)
}

fn is_attribution(line: &str) -> bool {
    let line = line.trim();
    (line.starts_with("On ") && line.ends_with("wrote:")) || line == "-----Original Message-----"
}

/// The languages told apart, with their ISO 639-1 tags: those a global exchange answers in.
/// Close neighbours it does not (Bulgarian beside Russian, Danish beside Norwegian) are left
/// out, as short messages in the common language would be taken for them.
const KNOWN: &[(Lang, &str)] = &[
    (Lang::Eng, "en"),
    (Lang::Cmn, "zh"),
    (Lang::Spa, "es"),
    (Lang::Por, "pt"),
    (Lang::Rus, "ru"),
    (Lang::Jpn, "ja"),
    (Lang::Kor, "ko"),
    (Lang::Deu, "de"),
    (Lang::Fra, "fr"),
    (Lang::Ita, "it"),
    (Lang::Tur, "tr"),
    (Lang::Vie, "vi"),
    (Lang::Tha, "th"),
    (Lang::Ind, "id"),
    (Lang::Ara, "ar"),
    (Lang::Hin, "hi"),
    (Lang::Ukr, "uk"),
    (Lang::Pol, "pl"),
    (Lang::Nld, "nl"),
    (Lang::Ces, "cs"),
    (Lang::Ell, "el"),
    (Lang::Heb, "he"),
    (Lang::Hun, "hu"),
    (Lang::Pes, "fa"),
];

fn tag(lang: Lang) -> Option<&'static str> {
    KNOWN.iter().find(|(l, _)| *l == lang).map(|(_, tag)| *tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_told_from_the_customers_own_words() {
        assert_eq!(
            detect_language("My withdrawal has been pending for three days, please help me.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language("Mi retiro lleva tres días pendiente, por favor ayúdenme con esto.").as_deref(),
            Some("es")
        );
        assert_eq!(detect_language("我的提现已经三天没有到账了，请帮我查一下。").as_deref(), Some("zh"));
        assert_eq!(detect_language("Мой вывод средств висит уже три дня, помогите пожалуйста.").as_deref(), Some("ru"));
        assert_eq!(
            detect_language("Meine Auszahlung hängt seit drei Tagen.\n\nOn Mon, Support wrote:\n> Thank you for your message, we are looking into it").as_deref(),
            Some("de")
        );
        assert_eq!(detect_language("ok"), None);
    }
}
