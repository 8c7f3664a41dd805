//! Short, generic turns that real conversations are full of: "any update?", "still
//! checking", "thanks", "glad to help". Per language; English is the fallback.

pub struct Fillers {
    pub followup: &'static str,
    pub holding: &'static str,
    pub thanks: &'static str,
    pub closing: &'static str,
}

pub fn fillers(lang: &str) -> &'static Fillers {
    FILLERS.iter().find(|(l, _)| *l == lang).map_or(&FILLERS[0].1, |(_, f)| f)
}

static FILLERS: &[(&str, Fillers)] = &[
    ("en", Fillers {
        followup: "Hi, any update on this? It's been a while.",
        holding: "Thanks for your patience, {customer_first}. I'm still waiting on the specialist team and will update you as soon as I hear back.",
        thanks: "Ok that's sorted, thank you for your help!",
        closing: "You're welcome, {customer_first}! If anything else comes up, just reply here. Have a great day.",
    }),
    ("es", Fillers {
        followup: "Hola, ¿hay alguna novedad? Ya pasó bastante tiempo.",
        holding: "Gracias por tu paciencia, {customer_first}. Sigo esperando respuesta del equipo especializado y te aviso en cuanto la tenga.",
        thanks: "Listo, ya está resuelto. ¡Muchas gracias por la ayuda!",
        closing: "¡De nada, {customer_first}! Si necesitas algo más, responde a este mensaje. Que tengas un buen día.",
    }),
    ("pt", Fillers {
        followup: "Oi, alguma novidade? Já faz um tempo.",
        holding: "Obrigado pela paciência, {customer_first}. Ainda estou aguardando a equipe especializada e te aviso assim que tiver retorno.",
        thanks: "Pronto, resolvido. Muito obrigado pela ajuda!",
        closing: "Por nada, {customer_first}! Se precisar de mais alguma coisa, é só responder aqui. Tenha um ótimo dia.",
    }),
    ("de", Fillers {
        followup: "Hallo, gibt es schon Neuigkeiten? Es ist schon eine Weile her.",
        holding: "Danke für Ihre Geduld, {customer_first}. Ich warte noch auf die Rückmeldung des Fachteams und melde mich, sobald ich etwas höre.",
        thanks: "Alles erledigt, vielen Dank für die Hilfe!",
        closing: "Gern geschehen, {customer_first}! Wenn noch etwas ist, antworten Sie einfach hier. Einen schönen Tag noch.",
    }),
    ("fr", Fillers {
        followup: "Bonjour, du nouveau ? Ça fait un moment.",
        holding: "Merci pour votre patience, {customer_first}. J'attends encore le retour de l'équipe spécialisée et je reviens vers vous dès que possible.",
        thanks: "C'est réglé, merci beaucoup pour votre aide !",
        closing: "Avec plaisir, {customer_first} ! Pour toute autre question, répondez simplement à ce message. Bonne journée.",
    }),
    ("tr", Fillers {
        followup: "Merhaba, bir gelişme var mı? Epey zaman geçti.",
        holding: "Sabrınız için teşekkürler {customer_first}. Uzman ekipten yanıt bekliyorum, haber alır almaz size dönüş yapacağım.",
        thanks: "Tamamdır, sorun çözüldü. Yardımınız için çok teşekkürler!",
        closing: "Rica ederim {customer_first}! Başka bir konuda yardıma ihtiyacınız olursa buradan yazmanız yeterli. İyi günler.",
    }),
    ("ru", Fillers {
        followup: "Здравствуйте, есть новости? Прошло уже много времени.",
        holding: "Спасибо за терпение, {customer_first}. Я всё ещё жду ответа профильной команды и сообщу, как только он придёт.",
        thanks: "Всё решилось, большое спасибо за помощь!",
        closing: "Рады помочь, {customer_first}! Если появятся вопросы, просто ответьте на это сообщение. Хорошего дня.",
    }),
    ("zh", Fillers {
        followup: "您好，請問有進度了嗎？已經等了一段時間。",
        holding: "{customer_name}您好，感謝您的耐心等候。我仍在等待專責團隊的回覆，一有消息會立即通知您。",
        thanks: "好的，問題解決了，謝謝你們的協助！",
        closing: "不客氣，{customer_name}！如有其他問題，直接回覆此訊息即可。祝您有美好的一天。",
    }),
    ("ja", Fillers {
        followup: "こんにちは、その後進捗はありますか？しばらく経っています。",
        holding: "{customer_name}様、お待たせしており申し訳ございません。専門チームからの回答を待っており、分かり次第ご連絡いたします。",
        thanks: "解決しました。ご対応ありがとうございました！",
        closing: "どういたしまして、{customer_name}様。他にご不明な点があれば、このメッセージにご返信ください。",
    }),
    ("ko", Fillers {
        followup: "안녕하세요, 진행 상황이 있나요? 시간이 꽤 지났어요.",
        holding: "{customer_name}님, 기다려 주셔서 감사합니다. 전문 팀의 답변을 기다리고 있으며 소식이 오는 대로 바로 알려 드리겠습니다.",
        thanks: "해결됐어요. 도와주셔서 감사합니다!",
        closing: "별말씀을요, {customer_name}님! 다른 문의가 있으시면 이 메시지에 답장해 주세요. 좋은 하루 보내세요.",
    }),
    ("vi", Fillers {
        followup: "Chào bạn, có cập nhật gì chưa? Đã khá lâu rồi.",
        holding: "Cảm ơn anh/chị {customer_first} đã kiên nhẫn. Tôi vẫn đang chờ phản hồi từ bộ phận chuyên trách và sẽ báo ngay khi có kết quả.",
        thanks: "Ổn rồi, cảm ơn bạn đã hỗ trợ!",
        closing: "Không có gì, anh/chị {customer_first}! Nếu cần hỗ trợ thêm, chỉ cần trả lời tin nhắn này. Chúc anh/chị một ngày tốt lành.",
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_corpus_language_has_fillers() {
        for locale in super::super::corpus::LOCALES {
            assert_eq!(std::ptr::eq(fillers(locale.lang), &FILLERS[0].1), locale.lang == "en", "{}", locale.lang);
        }
    }
}
