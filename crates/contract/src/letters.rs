//! The default rebuttal letters: one template per family of reason codes in each language the
//! reference company answers card networks in (English, German, Spanish), and the sentences
//! that cite each kind of exhibit. A company edits them as policy data.

use crate::entities::{DisputePolicy, ExhibitArgument, ExhibitKind, LetterPhrases, RebuttalTemplate};
use crate::ReasonCategory::{self, Authorization, ConsumerDispute, Fraud, ProcessingError};

fn template(family: ReasonCategory, language: &str, opening: &str, closing: &str) -> RebuttalTemplate {
    RebuttalTemplate { family, language: language.into(), opening: opening.into(), closing: closing.into() }
}

fn phrases(language: &str, label: &str, history: &str, arguments: [(ExhibitKind, &str); 9]) -> LetterPhrases {
    LetterPhrases {
        language: language.into(),
        exhibit_label: label.into(),
        history: history.into(),
        arguments: arguments
            .into_iter()
            .map(|(exhibit, text)| ExhibitArgument { exhibit, text: text.into() })
            .collect(),
    }
}

const EN_CLOSING: &str = "For these reasons we ask that the chargeback be reversed and the amount of {{amount}} returned to {{merchant}}. The exhibits are numbered in the order this letter cites them.\n\nYours faithfully,\n{{merchant}} Disputes Team";
const DE_CLOSING: &str = "Aus diesen Gründen bitten wir, die Rückbuchung aufzuheben und den Betrag von {{amount}} an {{merchant}} zurückzuerstatten. Die Anlagen sind in der Reihenfolge nummeriert, in der dieses Schreiben sie anführt.\n\nMit freundlichen Grüßen\n{{merchant}} Disputes Team";
const ES_CLOSING: &str = "Por estos motivos solicitamos que se revierta el contracargo y se devuelva el importe de {{amount}} a {{merchant}}. Los anexos están numerados en el orden en que esta carta los cita.\n\nAtentamente,\nEquipo de Disputas de {{merchant}}";

use ExhibitKind::*;

pub(crate) fn dispute_policy() -> DisputePolicy {
    DisputePolicy {
        merchant_name: "Arbiter Exchange".into(),
        letter_languages: vec!["en".into(), "de".into(), "es".into()],
        representment_cost_usd_cents: 2_500,
        advice_min_decided: 5,
        templates: vec![
            template(
                Fraud,
                "en",
                "Re: {{network}} chargeback, reason code {{code}} ({{title}}), ARN {{arn}}, {{amount}} on {{date}} — our case {{case}}.\n\nThe cardholder says they did not authorise this purchase. Our records show that the account holder, {{customer}} (account {{account}}), made it themselves from their own verified account, on a device and network they had used before, and received and used the crypto it bought.",
                EN_CLOSING,
            ),
            template(
                Authorization,
                "en",
                "Re: {{network}} chargeback, reason code {{code}} ({{title}}), ARN {{arn}}, {{amount}} on {{date}} — our case {{case}}.\n\nThe issuer says the payment lacked a valid authorization. It was authorised by the issuer at the time of purchase, for the amount and currency processed, as the payment record shows.",
                EN_CLOSING,
            ),
            template(
                ProcessingError,
                "en",
                "Re: {{network}} chargeback, reason code {{code}} ({{title}}), ARN {{arn}}, {{amount}} on {{date}} — our case {{case}}.\n\nThe cardholder says the payment was processed in error. It was processed once, for the amount the cardholder approved, and no other payment covers the same purchase.",
                EN_CLOSING,
            ),
            template(
                ConsumerDispute,
                "en",
                "Re: {{network}} chargeback, reason code {{code}} ({{title}}), ARN {{arn}}, {{amount}} on {{date}} — our case {{case}}.\n\nThe cardholder says they did not receive what they paid for. The crypto bought was credited to their account at once and they used it afterwards, as the exhibits show.",
                EN_CLOSING,
            ),
            template(
                Fraud,
                "de",
                "Betreff: {{network}}-Rückbuchung, Grundcode {{code}} ({{title}}), ARN {{arn}}, {{amount}} vom {{date}} — unser Vorgang {{case}}.\n\nDer Karteninhaber gibt an, diesen Kauf nicht autorisiert zu haben. Unsere Unterlagen zeigen, dass der Kontoinhaber, {{customer}} (Konto {{account}}), ihn selbst über sein verifiziertes Konto getätigt hat, von einem Gerät und Netz, das er schon zuvor genutzt hatte, und die gekauften Kryptowerte erhalten und verwendet hat.",
                DE_CLOSING,
            ),
            template(
                Authorization,
                "de",
                "Betreff: {{network}}-Rückbuchung, Grundcode {{code}} ({{title}}), ARN {{arn}}, {{amount}} vom {{date}} — unser Vorgang {{case}}.\n\nDer Kartenherausgeber gibt an, dass keine gültige Autorisierung vorlag. Die Zahlung wurde zum Kaufzeitpunkt vom Herausgeber für den verarbeiteten Betrag und die Währung autorisiert, wie der Zahlungsbeleg zeigt.",
                DE_CLOSING,
            ),
            template(
                ProcessingError,
                "de",
                "Betreff: {{network}}-Rückbuchung, Grundcode {{code}} ({{title}}), ARN {{arn}}, {{amount}} vom {{date}} — unser Vorgang {{case}}.\n\nDer Karteninhaber gibt an, die Zahlung sei fehlerhaft verarbeitet worden. Sie wurde einmal verarbeitet, über den vom Karteninhaber genehmigten Betrag, und keine andere Zahlung deckt denselben Kauf.",
                DE_CLOSING,
            ),
            template(
                ConsumerDispute,
                "de",
                "Betreff: {{network}}-Rückbuchung, Grundcode {{code}} ({{title}}), ARN {{arn}}, {{amount}} vom {{date}} — unser Vorgang {{case}}.\n\nDer Karteninhaber gibt an, die bezahlte Leistung nicht erhalten zu haben. Die gekauften Kryptowerte wurden sofort seinem Konto gutgeschrieben und danach von ihm verwendet, wie die Anlagen zeigen.",
                DE_CLOSING,
            ),
            template(
                Fraud,
                "es",
                "Ref.: contracargo de {{network}}, código de motivo {{code}} ({{title}}), ARN {{arn}}, {{amount}} del {{date}} — nuestro caso {{case}}.\n\nEl titular afirma no haber autorizado esta compra. Nuestros registros muestran que el titular de la cuenta, {{customer}} (cuenta {{account}}), la realizó desde su propia cuenta verificada, con un dispositivo y una red que ya había usado, y recibió y utilizó las criptomonedas compradas.",
                ES_CLOSING,
            ),
            template(
                Authorization,
                "es",
                "Ref.: contracargo de {{network}}, código de motivo {{code}} ({{title}}), ARN {{arn}}, {{amount}} del {{date}} — nuestro caso {{case}}.\n\nEl emisor afirma que el pago no tenía una autorización válida. El emisor lo autorizó en el momento de la compra, por el importe y la moneda procesados, como muestra el registro del pago.",
                ES_CLOSING,
            ),
            template(
                ProcessingError,
                "es",
                "Ref.: contracargo de {{network}}, código de motivo {{code}} ({{title}}), ARN {{arn}}, {{amount}} del {{date}} — nuestro caso {{case}}.\n\nEl titular afirma que el pago se procesó por error. Se procesó una sola vez, por el importe que el titular aprobó, y ningún otro pago cubre la misma compra.",
                ES_CLOSING,
            ),
            template(
                ConsumerDispute,
                "es",
                "Ref.: contracargo de {{network}}, código de motivo {{code}} ({{title}}), ARN {{arn}}, {{amount}} del {{date}} — nuestro caso {{case}}.\n\nEl titular afirma no haber recibido lo que pagó. Las criptomonedas compradas se abonaron de inmediato en su cuenta y las utilizó después, como muestran los anexos.",
                ES_CLOSING,
            ),
        ],
        phrases: vec![
            phrases(
                "en",
                "Exhibit {{n}}",
                "The cardholder's own history qualifies this dispute under {{programme}}: {{exhibit}} lists earlier undisputed payments with the same card, 120 to 365 days before this one, that share the account and the device or IP address with it.",
                [
                    (Payment, "{{exhibit}} is the payment as processed: authorization code, ARN, amount and date."),
                    (ThreeDSecure, "{{exhibit}} is the 3-D Secure result: the issuer authenticated the cardholder at checkout."),
                    (LoginHistory, "{{exhibit}} shows the logins around the purchase: the device and IP address of the checkout were the account holder's own."),
                    (PriorPayments, "{{exhibit}} lists the cardholder's earlier payments with the same card and what each shares with this one."),
                    (Kyc, "{{exhibit}} is the account holder's verified identity, matching the cardholder."),
                    (TradeFills, "{{exhibit}} shows the crypto bought with the payment credited and traded in the account."),
                    (Withdrawals, "{{exhibit}} shows the crypto withdrawn to the account holder's own address, with each on-chain transaction hash."),
                    (CustomerMessages, "{{exhibit}} quotes the account holder's own messages to us about the purchase."),
                    (Attachment, "{{exhibit}} is a document from the customer's file."),
                ],
            ),
            phrases(
                "de",
                "Anlage {{n}}",
                "Die eigene Vorgeschichte des Karteninhabers qualifiziert diesen Fall für {{programme}}: {{exhibit}} führt frühere, unbestrittene Zahlungen mit derselben Karte auf, 120 bis 365 Tage vor dieser, die Konto und Gerät oder IP-Adresse mit ihr teilen.",
                [
                    (Payment, "{{exhibit}} ist die Zahlung wie verarbeitet: Autorisierungscode, ARN, Betrag und Datum."),
                    (ThreeDSecure, "{{exhibit}} ist das 3-D-Secure-Ergebnis: Der Herausgeber hat den Karteninhaber beim Kauf authentifiziert."),
                    (LoginHistory, "{{exhibit}} zeigt die Anmeldungen rund um den Kauf: Gerät und IP-Adresse des Kaufs gehörten dem Kontoinhaber."),
                    (PriorPayments, "{{exhibit}} führt die früheren Zahlungen des Karteninhabers mit derselben Karte auf und was jede mit dieser teilt."),
                    (Kyc, "{{exhibit}} ist die verifizierte Identität des Kontoinhabers, die mit dem Karteninhaber übereinstimmt."),
                    (TradeFills, "{{exhibit}} zeigt, dass die gekauften Kryptowerte dem Konto gutgeschrieben und gehandelt wurden."),
                    (Withdrawals, "{{exhibit}} zeigt die Auszahlung der Kryptowerte an die eigene Adresse des Kontoinhabers, mit dem Transaktions-Hash jeder Überweisung."),
                    (CustomerMessages, "{{exhibit}} zitiert die eigenen Nachrichten des Kontoinhabers an uns zu diesem Kauf."),
                    (Attachment, "{{exhibit}} ist ein Dokument aus der Kundenakte."),
                ],
            ),
            phrases(
                "es",
                "anexo {{n}}",
                "El propio historial del titular califica esta disputa para {{programme}}: el {{exhibit}} enumera pagos anteriores no disputados con la misma tarjeta, de 120 a 365 días antes de este, que comparten con él la cuenta y el dispositivo o la dirección IP.",
                [
                    (Payment, "El {{exhibit}} es el pago tal como se procesó: código de autorización, ARN, importe y fecha."),
                    (ThreeDSecure, "El {{exhibit}} es el resultado de 3-D Secure: el emisor autenticó al titular en la compra."),
                    (LoginHistory, "El {{exhibit}} muestra los accesos en torno a la compra: el dispositivo y la IP de la compra eran los del titular de la cuenta."),
                    (PriorPayments, "El {{exhibit}} enumera los pagos anteriores del titular con la misma tarjeta y lo que cada uno comparte con este."),
                    (Kyc, "El {{exhibit}} es la identidad verificada del titular de la cuenta, que coincide con el titular de la tarjeta."),
                    (TradeFills, "El {{exhibit}} muestra las criptomonedas compradas abonadas y operadas en la cuenta."),
                    (Withdrawals, "El {{exhibit}} muestra las criptomonedas retiradas a una dirección propia del titular, con el hash de cada transacción en la cadena."),
                    (CustomerMessages, "El {{exhibit}} cita los propios mensajes del titular sobre la compra."),
                    (Attachment, "El {{exhibit}} es un documento del expediente del cliente."),
                ],
            ),
        ],
    }
}
