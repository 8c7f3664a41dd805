//! Canned answers (macros) and help-centre articles for the demo data.
//!
//! Plain static data, no logic. Every template is written in English first and translated
//! into some of the desk languages (es, pt, de, fr, zh in Traditional script, ja, tr, ru,
//! ko, vi). Macro bodies may contain only the placeholders `{{customer.first_name}}`,
//! `{{customer.account_id}}`, `{{agent.first_name}}` and `{{ticket.id}}`; article bodies are
//! Markdown and contain no placeholders.
//!
//! Facts used consistently across macros, articles and the conversation corpus: card
//! purchases are held for up to 72 hours, security changes lock withdrawals for 24 hours,
//! spot fees are 0.10% maker/taker at VIP 0, Verification Level 1 allows 50,000 USD and
//! Level 2 2,000,000 USD of withdrawals per day, and complaints get a final answer within
//! 15 business days.

use arbiter_contract::{TicketKind, TicketStatus};

/// A macro in several languages; the first translation MUST be "en".
#[derive(Debug, Clone, Copy)]
pub struct MacroTemplate {
    /// Stable identifier shared by all translations, e.g. `chargeback_ack`.
    pub key: &'static str,
    /// Ticket kinds the macro is meant for; empty means any kind.
    pub kinds: &'static [TicketKind],
    /// Applying the macro also sets this status.
    pub set_status: Option<TicketStatus>,
    /// Applying the macro also adds these tags.
    pub add_tags: &'static [&'static str],
    pub translations: &'static [MacroText],
}

/// One translation of a macro.
#[derive(Debug, Clone, Copy)]
pub struct MacroText {
    pub lang: &'static str,
    pub title: &'static str,
    pub body: &'static str,
}

/// A help-centre article in several languages; the first translation MUST be "en".
#[derive(Debug, Clone, Copy)]
pub struct ArticleTemplate {
    /// Also the URL slug, e.g. `card-purchase-holds`.
    pub key: &'static str,
    pub tags: &'static [&'static str],
    pub translations: &'static [ArticleText],
}

/// One translation of an article; the body is Markdown.
#[derive(Debug, Clone, Copy)]
pub struct ArticleText {
    pub lang: &'static str,
    pub title: &'static str,
    pub body: &'static str,
}

const fn mt(lang: &'static str, title: &'static str, body: &'static str) -> MacroText {
    MacroText { lang, title, body }
}

const fn at(lang: &'static str, title: &'static str, body: &'static str) -> ArticleText {
    ArticleText { lang, title, body }
}

pub static MACROS: &[MacroTemplate] = &[
    // ------------------------------------------------------------------
    // Greetings and information requests
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "greeting_first_reply",
        kinds: &[],
        set_status: None,
        add_tags: &[],
        translations: &[
            mt(
                "en",
                "Greeting – first reply",
                "Hi {{customer.first_name}},\n\nThank you for contacting Arbiter Exchange Support. My name is {{agent.first_name}} and I'll be looking after your request from here. I'm reviewing your account ({{customer.account_id}}) now and will come back to you as soon as I have an update. Your reference number is {{ticket.id}}; please keep it in any further messages about this topic so we can help you faster.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Saludo – primera respuesta",
                "Hola, {{customer.first_name}}:\n\nGracias por contactar con el Soporte de Arbiter Exchange. Me llamo {{agent.first_name}} y a partir de ahora me encargo de tu solicitud. Ya estoy revisando tu cuenta ({{customer.account_id}}) y te escribiré en cuanto tenga novedades. Tu número de referencia es {{ticket.id}}; inclúyelo en cualquier mensaje sobre este tema para que podamos ayudarte más rápido.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Saudação – primeira resposta",
                "Olá, {{customer.first_name}},\n\nObrigado por entrar em contato com o Suporte da Arbiter Exchange. Meu nome é {{agent.first_name}} e, a partir de agora, vou cuidar da sua solicitação. Já estou analisando a sua conta ({{customer.account_id}}) e volto a falar com você assim que tiver uma atualização. O seu número de protocolo é {{ticket.id}}; mencione-o nas próximas mensagens sobre este assunto para agilizarmos o atendimento.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Begrüßung – erste Antwort",
                "Hallo {{customer.first_name}},\n\nvielen Dank, dass Sie sich an den Support von Arbiter Exchange gewandt haben. Mein Name ist {{agent.first_name}} und ich kümmere mich ab jetzt um Ihr Anliegen. Ich prüfe gerade Ihr Konto ({{customer.account_id}}) und melde mich, sobald ich Neuigkeiten habe. Ihre Vorgangsnummer lautet {{ticket.id}}; bitte geben Sie sie bei weiteren Nachrichten zu diesem Thema an, damit wir Ihnen schneller helfen können.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Accueil – première réponse",
                "Bonjour {{customer.first_name}},\n\nMerci d'avoir contacté le support d'Arbiter Exchange. Je m'appelle {{agent.first_name}} et je prends en charge votre demande à partir de maintenant. J'examine actuellement votre compte ({{customer.account_id}}) et je reviens vers vous dès que j'ai du nouveau. Votre numéro de référence est {{ticket.id}} ; merci de le rappeler dans vos prochains messages à ce sujet afin que nous puissions vous aider plus rapidement.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "問候 – 首次回覆",
                "{{customer.first_name}} 您好：\n\n感謝您聯繫 Arbiter Exchange 客服。我是 {{agent.first_name}}，接下來將由我負責處理您的問題。我正在查看您的帳戶（{{customer.account_id}}），一有進展會立即回覆您。您的案件編號為 {{ticket.id}}，之後若就此問題來信，請附上此編號，以便我們更快協助您。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "ご挨拶 – 初回返信",
                "{{customer.first_name}} 様\n\nArbiter Exchange サポートへお問い合わせいただき、誠にありがとうございます。担当の{{agent.first_name}}と申します。本件は今後わたくしが責任を持って対応いたします。現在、お客様のアカウント（{{customer.account_id}}）を確認しておりますので、進展があり次第ご連絡いたします。お問い合わせ番号は {{ticket.id}} です。本件に関して再度ご連絡いただく際は、よりスムーズにご案内できるよう、こちらの番号を記載くださいますようお願いいたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Karşılama – ilk yanıt",
                "Merhaba {{customer.first_name}},\n\nArbiter Exchange Destek ekibiyle iletişime geçtiğiniz için teşekkür ederiz. Ben {{agent.first_name}}, talebinizle bundan sonra ben ilgileneceğim. Şu anda hesabınızı ({{customer.account_id}}) inceliyorum ve bir gelişme olur olmaz size dönüş yapacağım. Referans numaranız {{ticket.id}}; size daha hızlı yardımcı olabilmemiz için bu konudaki sonraki mesajlarınızda lütfen bu numarayı belirtin.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Приветствие – первый ответ",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо, что обратились в службу поддержки Arbiter Exchange. Меня зовут {{agent.first_name}}, и дальше вашим запросом буду заниматься я. Сейчас я проверяю ваш аккаунт ({{customer.account_id}}) и напишу вам, как только появится новая информация. Номер вашего обращения — {{ticket.id}}; пожалуйста, указывайте его в следующих сообщениях по этому вопросу, чтобы мы могли помочь быстрее.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "인사 – 첫 답변",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\nArbiter Exchange 고객지원팀에 문의해 주셔서 감사합니다. 저는 담당자 {{agent.first_name}}입니다. 앞으로 고객님의 문의를 책임지고 처리해 드리겠습니다. 현재 고객님의 계정({{customer.account_id}})을 확인하고 있으며, 진행 상황이 확인되는 대로 바로 안내해 드리겠습니다. 문의 번호는 {{ticket.id}}입니다. 이 건과 관련해 다시 연락 주실 때 문의 번호를 함께 적어 주시면 더 빠르게 도와드릴 수 있습니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Chào hỏi – phản hồi đầu tiên",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã liên hệ Bộ phận Hỗ trợ Arbiter Exchange. Tôi là {{agent.first_name}} và từ bây giờ tôi sẽ trực tiếp xử lý yêu cầu của anh/chị. Tôi đang kiểm tra tài khoản {{customer.account_id}} và sẽ phản hồi ngay khi có thông tin mới. Mã yêu cầu của anh/chị là {{ticket.id}}; vui lòng ghi mã này trong các tin nhắn tiếp theo về vấn đề này để chúng tôi hỗ trợ nhanh hơn.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "request_txid",
        kinds: &[],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["awaiting-customer-info", "txid"],
        translations: &[
            mt(
                "en",
                "Request TXID and network details",
                "Hi {{customer.first_name}},\n\nThanks for getting in touch. To trace this transaction, could you please send me the following:\n\n- the transaction ID (TXID or hash)\n- the network you selected (for example ERC20, TRC20 or BEP20)\n- the amount and the asset sent\n- the destination address, and the memo/tag if there was one\n\nYou can find the TXID in the transaction details of the sending wallet or exchange, or under Assets > History in our app. As soon as I have these details, I'll check the transaction on the blockchain and update you.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Solicitar TXID y datos de la red",
                "Hola, {{customer.first_name}}:\n\nGracias por escribirnos. Para rastrear esta transacción, ¿podrías enviarme lo siguiente?\n\n- el ID de la transacción (TXID o hash)\n- la red que seleccionaste (por ejemplo ERC20, TRC20 o BEP20)\n- el importe y el activo enviados\n- la dirección de destino y, si lo hubo, el memo/tag\n\nEncontrarás el TXID en los detalles de la transacción del monedero o exchange de origen, o en Activos > Historial en nuestra app. En cuanto tenga estos datos, revisaré la transacción en la blockchain y te daré una respuesta.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Solicitar TXID e dados da rede",
                "Olá, {{customer.first_name}},\n\nObrigado pelo contato. Para rastrear essa transação, você pode me enviar as seguintes informações?\n\n- o ID da transação (TXID ou hash)\n- a rede selecionada (por exemplo ERC20, TRC20 ou BEP20)\n- o valor e o ativo enviados\n- o endereço de destino e o memo/tag, se houver\n\nO TXID aparece nos detalhes da transação na carteira ou corretora de origem, ou em Ativos > Histórico no nosso app. Assim que eu tiver esses dados, vou verificar a transação na blockchain e te dar um retorno.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "TXID und Netzwerkdaten anfordern",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Nachricht. Damit ich die Transaktion nachverfolgen kann, senden Sie mir bitte folgende Angaben:\n\n- die Transaktions-ID (TXID bzw. Hash)\n- das gewählte Netzwerk (zum Beispiel ERC20, TRC20 oder BEP20)\n- Betrag und Asset der Überweisung\n- die Zieladresse und, falls vorhanden, das Memo/Tag\n\nDie TXID finden Sie in den Transaktionsdetails der sendenden Wallet bzw. Börse oder in unserer App unter Vermögen > Verlauf. Sobald mir die Angaben vorliegen, prüfe ich die Transaktion auf der Blockchain und melde mich bei Ihnen.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Demande du TXID et du réseau",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre message. Afin de retrouver cette transaction, pourriez-vous m'envoyer les informations suivantes :\n\n- l'identifiant de la transaction (TXID ou hash)\n- le réseau sélectionné (par exemple ERC20, TRC20 ou BEP20)\n- le montant et l'actif envoyés\n- l'adresse de destination et, le cas échéant, le mémo/tag\n\nVous trouverez le TXID dans le détail de la transaction sur le portefeuille ou la plateforme d'envoi, ou dans Actifs > Historique dans notre application. Dès réception de ces éléments, je vérifierai la transaction sur la blockchain et reviendrai vers vous.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "索取 TXID 與網路資訊",
                "{{customer.first_name}} 您好：\n\n感謝您的來信。為了追蹤這筆交易，麻煩您提供以下資訊：\n\n- 交易雜湊（TXID）\n- 轉帳時選擇的網路（例如 ERC20、TRC20 或 BEP20）\n- 轉出的幣種與數量\n- 收款地址，以及 Memo／Tag（如有）\n\nTXID 可在轉出錢包或交易所的交易明細中找到，也可在本平台 App 的「資產 > 紀錄」中查看。收到資料後，我會立即在區塊鏈上查核這筆交易，並盡快回覆您。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "TXIDとネットワーク情報のご依頼",
                "{{customer.first_name}} 様\n\nお問い合わせいただきありがとうございます。お取引を調査するため、以下の情報をお送りいただけますでしょうか。\n\n- トランザクションID（TXIDまたはハッシュ）\n- 送金時に選択したネットワーク（例：ERC20、TRC20、BEP20）\n- 送金した通貨と数量\n- 送金先アドレス、およびメモ／タグ（ある場合）\n\nTXIDは、送金元のウォレットや取引所の取引詳細、または当社アプリの「資産 > 履歴」でご確認いただけます。情報を頂戴しましたら、ブロックチェーン上でお取引を確認のうえ、改めてご連絡いたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "TXID ve ağ bilgisi talebi",
                "Merhaba {{customer.first_name}},\n\nBize ulaştığınız için teşekkürler. Bu işlemi takip edebilmem için lütfen aşağıdaki bilgileri gönderir misiniz?\n\n- işlem kimliği (TXID veya hash)\n- seçtiğiniz ağ (örneğin ERC20, TRC20 veya BEP20)\n- gönderilen tutar ve varlık\n- alıcı adres ve varsa memo/etiket\n\nTXID'yi gönderen cüzdan veya borsadaki işlem detaylarında ya da uygulamamızda Varlıklar > Geçmiş bölümünde bulabilirsiniz. Bilgileri aldığımda işlemi blokzincirinde kontrol edip size dönüş yapacağım.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Запрос TXID и данных о сети",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за обращение. Чтобы отследить транзакцию, пришлите, пожалуйста, следующие данные:\n\n- идентификатор транзакции (TXID, хеш)\n- сеть, которую вы выбрали (например, ERC20, TRC20 или BEP20)\n- сумму и актив перевода\n- адрес получателя и мемо/тег, если он был\n\nTXID можно найти в деталях транзакции в кошельке или на бирже, с которой был отправлен перевод, либо в нашем приложении в разделе «Активы > История». Как только получу эти данные, проверю транзакцию в блокчейне и вернусь к вам с ответом.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "TXID 및 네트워크 정보 요청",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n문의해 주셔서 감사합니다. 해당 거래를 추적하기 위해 아래 정보를 보내 주시겠어요?\n\n- 트랜잭션 ID(TXID 또는 해시)\n- 전송 시 선택하신 네트워크(예: ERC20, TRC20, BEP20)\n- 전송한 자산과 수량\n- 받는 주소 및 메모/태그(있는 경우)\n\nTXID는 보내신 지갑이나 거래소의 거래 상세 내역, 또는 저희 앱의 자산 > 내역에서 확인하실 수 있습니다. 정보를 받는 즉시 블록체인에서 거래를 확인한 후 다시 안내해 드리겠습니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Yêu cầu TXID và thông tin mạng",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã liên hệ. Để tra soát giao dịch này, anh/chị vui lòng gửi giúp tôi các thông tin sau:\n\n- mã giao dịch (TXID hoặc hash)\n- mạng lưới đã chọn khi chuyển (ví dụ ERC20, TRC20 hoặc BEP20)\n- số lượng và loại tài sản đã gửi\n- địa chỉ nhận và memo/tag (nếu có)\n\nAnh/chị có thể tìm TXID trong chi tiết giao dịch của ví hoặc sàn gửi, hoặc tại mục Tài sản > Lịch sử trong ứng dụng của chúng tôi. Ngay khi nhận được thông tin, tôi sẽ kiểm tra giao dịch trên blockchain và phản hồi anh/chị.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "request_screenshot",
        kinds: &[],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["awaiting-customer-info"],
        translations: &[mt(
            "en",
            "Request screenshot or screen recording",
            "Hi {{customer.first_name}},\n\nThank you for the details so far. To look into this properly, could you please send me a screenshot of the screen where the problem appears, including any error message? It also helps to know the date and time it happened, your device, and your app version (shown under Profile > About). If the problem happens over several steps, a short screen recording is even better. Before sending, please make sure the screenshot doesn't show your password, 2FA codes or full card number. You can attach the files directly to this conversation.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    // ------------------------------------------------------------------
    // Deposits and withdrawals
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "deposit_not_credited",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["deposit", "confirmations"],
        translations: &[
            mt(
                "en",
                "Deposit not credited – waiting for confirmations",
                "Hi {{customer.first_name}},\n\nThank you for your patience. I've checked the transaction on the blockchain, and it is still waiting for the number of network confirmations we require for this asset and network. Deposits are credited automatically as soon as that number is reached; the required count is shown on the deposit page, and it usually takes between a few minutes and an hour, depending on how busy the network is. There is nothing you need to do in the meantime, and the funds are not lost. If the deposit still isn't in your balance one hour after the final confirmation, please reply to this message with the TXID and I'll trace it manually.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Depósito no acreditado – esperando confirmaciones",
                "Hola, {{customer.first_name}}:\n\nGracias por tu paciencia. He revisado la transacción en la blockchain y todavía está esperando el número de confirmaciones de red que exigimos para este activo y esta red. Los depósitos se acreditan automáticamente en cuanto se alcanza ese número; lo puedes ver en la página de depósito y suele tardar entre unos minutos y una hora, según la congestión de la red. No tienes que hacer nada mientras tanto y los fondos no se han perdido. Si una hora después de la última confirmación el depósito sigue sin aparecer en tu saldo, responde a este mensaje con el TXID y lo rastrearé manualmente.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Depósito não creditado – aguardando confirmações",
                "Olá, {{customer.first_name}},\n\nObrigado pela paciência. Verifiquei a transação na blockchain e ela ainda está aguardando o número de confirmações de rede que exigimos para esse ativo e essa rede. Os depósitos são creditados automaticamente assim que esse número é atingido; ele aparece na página de depósito e o processo costuma levar de alguns minutos a uma hora, dependendo do congestionamento da rede. Você não precisa fazer nada enquanto isso, e os fundos não foram perdidos. Se o depósito ainda não aparecer no seu saldo uma hora depois da última confirmação, responda a esta mensagem com o TXID que eu rastreio manualmente.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Einzahlung nicht gutgeschrieben – Bestätigungen ausstehend",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Geduld. Ich habe die Transaktion auf der Blockchain geprüft: Sie wartet noch auf die Anzahl an Netzwerkbestätigungen, die wir für dieses Asset und dieses Netzwerk voraussetzen. Einzahlungen werden automatisch gutgeschrieben, sobald diese Anzahl erreicht ist; sie steht auf der Einzahlungsseite, und je nach Auslastung des Netzwerks dauert das wenige Minuten bis etwa eine Stunde. Sie müssen in der Zwischenzeit nichts tun, und das Guthaben ist nicht verloren. Sollte die Einzahlung eine Stunde nach der letzten Bestätigung noch nicht in Ihrem Saldo erscheinen, antworten Sie bitte mit der TXID auf diese Nachricht, dann verfolge ich sie manuell nach.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Dépôt non crédité – confirmations en attente",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre patience. J'ai vérifié la transaction sur la blockchain : elle attend encore le nombre de confirmations réseau requis pour cet actif et ce réseau. Les dépôts sont crédités automatiquement dès que ce nombre est atteint ; il est indiqué sur la page de dépôt, et cela prend généralement de quelques minutes à une heure selon l'encombrement du réseau. Vous n'avez rien à faire en attendant, et vos fonds ne sont pas perdus. Si le dépôt n'apparaît toujours pas sur votre solde une heure après la dernière confirmation, répondez simplement à ce message avec le TXID et je le rechercherai manuellement.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "存入未入帳 – 等待區塊確認",
                "{{customer.first_name}} 您好：\n\n感謝您耐心等候。我已在區塊鏈上查核這筆交易，目前仍在等待本平台對該幣種與網路所要求的區塊確認數。確認數達標後，系統會自動入帳；所需確認數會顯示在存入頁面上，視網路壅塞程度，通常需要幾分鐘到一小時不等。這段期間您不需要進行任何操作，資金也沒有遺失。若最後一次確認後超過一小時仍未入帳，請直接回覆此信並附上 TXID，我會為您人工追查。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "入金未反映 – ブロック承認待ち",
                "{{customer.first_name}} 様\n\nお待たせしており申し訳ございません。ブロックチェーン上でお取引を確認したところ、当該通貨・ネットワークで当社が必要としている承認数にまだ達していない状態でした。必要な承認数に達すると、入金は自動的に反映されます。必要承認数は入金画面に表示されており、ネットワークの混雑状況により数分から1時間程度かかります。お客様の側で必要な操作はなく、資産が失われることもございません。最終承認から1時間が経過しても残高に反映されない場合は、本メールにTXIDを添えてご返信ください。担当者が手動で調査いたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Yatırma hesaba geçmedi – ağ onayları bekleniyor",
                "Merhaba {{customer.first_name}},\n\nSabrınız için teşekkür ederiz. İşlemi blokzincirinde kontrol ettim; bu varlık ve ağ için istediğimiz ağ onayı sayısına henüz ulaşmamış. Yatırma işlemleri bu sayıya ulaşıldığı anda otomatik olarak hesaba geçer; gerekli onay sayısı yatırma sayfasında gösterilir ve ağın yoğunluğuna göre birkaç dakika ile bir saat arasında sürer. Bu süreçte yapmanız gereken bir şey yok, fonlarınız kaybolmadı. Son onaydan bir saat sonra hâlâ bakiyenizde görünmüyorsa, TXID ile bu mesaja yanıt verin; işlemi manuel olarak takip edeceğim.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Депозит не зачислен – ожидание подтверждений",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за терпение. Мы проверили транзакцию в блокчейне: она ещё не набрала нужного нам количества подтверждений сети для этого актива и этой сети. Депозиты зачисляются автоматически, как только нужное число подтверждений достигнуто; оно указано на странице пополнения, и обычно это занимает от нескольких минут до часа в зависимости от загруженности сети. Вам ничего делать не нужно, средства не потеряны. Если через час после последнего подтверждения депозит так и не появится на балансе, ответьте на это письмо и укажите TXID — я отслежу перевод вручную.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "입금 미반영 – 블록 컨펌 대기 중",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n기다려 주셔서 감사합니다. 블록체인에서 해당 거래를 확인해 보니, 이 자산과 네트워크에 필요한 컨펌 수에 아직 도달하지 않은 상태입니다. 필요한 컨펌 수에 도달하면 입금은 자동으로 반영됩니다. 필요 컨펌 수는 입금 화면에 표시되며, 네트워크 혼잡도에 따라 보통 몇 분에서 한 시간 정도 걸립니다. 그동안 고객님께서 따로 하실 일은 없으며, 자산이 사라진 것이 아니니 안심하셔도 됩니다. 마지막 컨펌 후 한 시간이 지나도 잔고에 반영되지 않으면 TXID와 함께 이 메일에 회신해 주세요. 수동으로 추적해 드리겠습니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Nạp tiền chưa vào tài khoản – đang chờ xác nhận mạng",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã kiên nhẫn chờ đợi. Tôi đã kiểm tra giao dịch trên blockchain và giao dịch vẫn đang chờ đủ số xác nhận mạng mà chúng tôi yêu cầu cho tài sản và mạng lưới này. Khoản nạp sẽ được cộng tự động ngay khi đủ số xác nhận; con số này được hiển thị trên trang nạp và thường mất từ vài phút đến một giờ, tùy mức độ tắc nghẽn của mạng. Anh/chị không cần làm gì thêm và tiền không bị mất. Nếu sau một giờ kể từ xác nhận cuối cùng mà số dư vẫn chưa được cộng, anh/chị vui lòng trả lời thư này kèm TXID để tôi tra soát thủ công.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "deposit_wrong_network_or_memo",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["deposit", "recovery"],
        translations: &[mt(
            "en",
            "Deposit – wrong network or missing memo",
            "Hi {{customer.first_name}},\n\nThank you for the details. This deposit was sent without the required memo/tag, or on a network we don't support for this address, so our system couldn't match it to your account automatically. In many cases we can still recover it manually. To start the recovery, please reply with the TXID, the exact amount, the platform you sent it from, and a screenshot of the withdrawal record on that platform. Recoveries are handled by our wallet team, can take 2 to 4 weeks and may carry a recovery fee, which we'll confirm with you before anything is charged. Unfortunately we can't guarantee a recovery on every network, but we'll do our best.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "withdrawal_under_review",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["withdrawal", "compliance-review"],
        translations: &[
            mt(
                "en",
                "Withdrawal under review",
                "Hi {{customer.first_name}},\n\nThank you for your message. Your withdrawal is currently going through a routine security review, which we carry out on some transactions to protect your account and to meet our regulatory obligations. Your funds are safe and stay reserved for this withdrawal while the review is in progress. Most reviews are completed within 24 hours; if the team needs anything else from you, they'll contact you through the app or by email. I've added a note with your reference {{ticket.id}} and will update you as soon as the withdrawal is released.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Retiro en revisión",
                "Hola, {{customer.first_name}}:\n\nGracias por tu mensaje. Tu retiro está pasando una revisión de seguridad rutinaria, que hacemos en algunas operaciones para proteger tu cuenta y cumplir con nuestras obligaciones regulatorias. Tus fondos están seguros y siguen reservados para este retiro mientras dura la revisión. La mayoría de las revisiones se completan en menos de 24 horas; si el equipo necesita algo más, te contactará a través de la app o por correo. He añadido una nota con tu referencia {{ticket.id}} y te avisaré en cuanto se libere el retiro.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Saque em análise",
                "Olá, {{customer.first_name}},\n\nObrigado pela mensagem. O seu saque está passando por uma análise de segurança de rotina, que fazemos em algumas transações para proteger a sua conta e cumprir nossas obrigações regulatórias. Os seus fundos estão seguros e continuam reservados para esse saque durante a análise. A maioria das análises é concluída em até 24 horas; se a equipe precisar de mais alguma informação, entrará em contato pelo app ou por e-mail. Registrei uma observação com o seu protocolo {{ticket.id}} e aviso você assim que o saque for liberado.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Auszahlung in Prüfung",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Nachricht. Ihre Auszahlung durchläuft gerade eine routinemäßige Sicherheitsprüfung, die wir bei einzelnen Transaktionen durchführen, um Ihr Konto zu schützen und unsere regulatorischen Pflichten zu erfüllen. Ihr Guthaben ist sicher und bleibt für diese Auszahlung reserviert, solange die Prüfung läuft. Die meisten Prüfungen sind innerhalb von 24 Stunden abgeschlossen; falls das Team weitere Informationen benötigt, meldet es sich in der App oder per E-Mail bei Ihnen. Ich habe unter Ihrer Vorgangsnummer {{ticket.id}} einen Vermerk hinterlegt und gebe Ihnen Bescheid, sobald die Auszahlung freigegeben ist.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Retrait en cours de vérification",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre message. Votre retrait fait actuellement l'objet d'une vérification de sécurité de routine, que nous effectuons sur certaines transactions pour protéger votre compte et respecter nos obligations réglementaires. Vos fonds sont en sécurité et restent réservés pour ce retrait pendant la vérification. La plupart des vérifications sont terminées en moins de 24 heures ; si l'équipe a besoin d'informations complémentaires, elle vous contactera via l'application ou par e-mail. J'ai ajouté une note sous votre référence {{ticket.id}} et je vous préviendrai dès que le retrait sera débloqué.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "提領審核中",
                "{{customer.first_name}} 您好：\n\n感謝您的來信。您的提領目前正在進行例行安全審核，這是我們為保護您的帳戶並符合法規要求，對部分交易進行的檢查。審核期間，您的資金安全無虞，並會持續保留給這筆提領。大多數審核會在 24 小時內完成；若審核團隊需要您提供其他資料，會透過 App 或電子郵件與您聯繫。我已在您的案件 {{ticket.id}} 中加註，提領放行後會立即通知您。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "出金審査中のご案内",
                "{{customer.first_name}} 様\n\nご連絡いただきありがとうございます。お客様の出金は現在、定例のセキュリティ審査を行っております。これはお客様のアカウント保護と法令上の義務の履行のため、一部のお取引を対象に実施しているものです。審査中も資産は安全に保管されており、本出金のために確保されております。審査の多くは24時間以内に完了いたします。追加の情報が必要な場合は、担当チームよりアプリまたはメールにてご連絡いたします。お問い合わせ番号 {{ticket.id}} にて記録いたしましたので、出金が承認され次第ご連絡いたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Çekim talebi incelemede",
                "Merhaba {{customer.first_name}},\n\nMesajınız için teşekkürler. Çekim talebiniz şu anda, hesabınızı korumak ve yasal yükümlülüklerimizi yerine getirmek amacıyla bazı işlemlerde uyguladığımız rutin bir güvenlik incelemesinden geçiyor. İnceleme sürerken fonlarınız güvende ve bu çekim için ayrılmış durumda. İncelemelerin çoğu 24 saat içinde tamamlanır; ekibin sizden ek bilgiye ihtiyacı olursa uygulama veya e-posta üzerinden sizinle iletişime geçecektir. {{ticket.id}} referans numaranızla bir not ekledim; çekim onaylanır onaylanmaz size haber vereceğim.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Вывод на проверке",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за сообщение. Ваш вывод сейчас проходит плановую проверку безопасности — мы проводим её для части операций, чтобы защитить ваш аккаунт и выполнить требования регулятора. Ваши средства в безопасности и остаются зарезервированными под этот вывод на время проверки. Большинство проверок завершается в течение 24 часов; если команде понадобится дополнительная информация, с вами свяжутся через приложение или по электронной почте. В обращении {{ticket.id}} сделана соответствующая отметка, и я сообщу вам, как только вывод будет одобрен.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "출금 심사 중 안내",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n문의해 주셔서 감사합니다. 고객님의 출금은 현재 정기 보안 심사를 진행하고 있습니다. 이는 고객님의 계정을 보호하고 관련 법규상의 의무를 준수하기 위해 일부 거래에 대해 실시하는 절차입니다. 심사 중에도 자산은 안전하게 보관되며, 해당 출금을 위해 그대로 확보되어 있습니다. 대부분의 심사는 24시간 이내에 완료되며, 추가 정보가 필요한 경우 담당 팀이 앱 또는 이메일로 연락드릴 예정입니다. 문의 번호 {{ticket.id}}로 메모를 남겨 두었으며, 출금이 승인되는 즉시 알려 드리겠습니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Lệnh rút đang được xét duyệt",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã liên hệ. Lệnh rút của anh/chị hiện đang trải qua bước kiểm tra bảo mật định kỳ mà chúng tôi áp dụng cho một số giao dịch nhằm bảo vệ tài khoản và tuân thủ các quy định pháp lý. Trong thời gian xét duyệt, tiền của anh/chị vẫn an toàn và được giữ riêng cho lệnh rút này. Phần lớn các trường hợp được xét duyệt xong trong vòng 24 giờ; nếu cần thêm thông tin, đội ngũ phụ trách sẽ liên hệ qua ứng dụng hoặc email. Tôi đã ghi chú với mã yêu cầu {{ticket.id}} và sẽ báo ngay cho anh/chị khi lệnh rút được duyệt.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "withdrawal_sent_on_chain",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["withdrawal"],
        translations: &[mt(
            "en",
            "Withdrawal sent – follow it on the blockchain",
            "Hi {{customer.first_name}},\n\nGood news: your withdrawal has been processed and broadcast to the blockchain, so it has already left Arbiter Exchange. You can follow its progress by copying the TXID from Assets > History > Withdrawals and pasting it into a block explorer for the network you selected. Once the transaction has enough confirmations, the receiving platform will credit it; if it isn't showing there yet, they may simply require more confirmations than we do. If the receiving platform says they can't find it, please send them the TXID, as only they can credit it on their side.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    // ------------------------------------------------------------------
    // Holds, locks and verification
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "card_purchase_hold",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["card", "hold"],
        translations: &[
            mt(
                "en",
                "Card purchase – 72-hour hold",
                "Hi {{customer.first_name}},\n\nThank you for your question. Crypto bought with a bank card is placed on a security hold for up to 72 hours before it can be withdrawn or sent to another wallet. During this time you can still trade it on Arbiter Exchange without any restriction. The hold protects both you and us against fraudulent card payments, and it is lifted automatically, so there's nothing you need to do. You can see the exact release time under Assets > Spot by tapping the locked balance. Unfortunately, our team can't lift the hold early.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Compra con tarjeta – retención de 72 horas",
                "Hola, {{customer.first_name}}:\n\nGracias por tu consulta. Las criptomonedas compradas con tarjeta quedan retenidas por seguridad durante un máximo de 72 horas antes de poder retirarlas o enviarlas a otro monedero. Mientras tanto, puedes operar con ellas en Arbiter Exchange sin ninguna restricción. La retención nos protege a ti y a nosotros frente a pagos fraudulentos con tarjeta y se levanta automáticamente, así que no tienes que hacer nada. Puedes ver la hora exacta de liberación en Activos > Spot, tocando el saldo bloqueado. Lamentablemente, nuestro equipo no puede liberarla antes de tiempo.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Compra com cartão – bloqueio de 72 horas",
                "Olá, {{customer.first_name}},\n\nObrigado pela sua pergunta. As criptomoedas compradas com cartão ficam em bloqueio de segurança por até 72 horas antes de poderem ser sacadas ou enviadas para outra carteira. Durante esse período, você pode negociá-las normalmente na Arbiter Exchange, sem nenhuma restrição. O bloqueio protege você e a gente contra pagamentos fraudulentos com cartão e é liberado automaticamente, então você não precisa fazer nada. O horário exato da liberação aparece em Ativos > Spot, ao tocar no saldo bloqueado. Infelizmente, nossa equipe não consegue antecipar a liberação.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Kartenkauf – 72-Stunden-Sperre",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Frage. Kryptowährungen, die mit einer Bankkarte gekauft wurden, unterliegen aus Sicherheitsgründen einer Sperre von bis zu 72 Stunden, bevor sie ausgezahlt oder an eine andere Wallet gesendet werden können. Handeln können Sie damit auf Arbiter Exchange in dieser Zeit ohne Einschränkung. Die Sperre schützt Sie und uns vor betrügerischen Kartenzahlungen und wird automatisch aufgehoben, Sie müssen also nichts weiter tun. Den genauen Freigabezeitpunkt sehen Sie unter Vermögen > Spot, wenn Sie auf das gesperrte Guthaben tippen. Eine vorzeitige Freigabe durch unser Team ist leider nicht möglich.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Achat par carte – blocage de 72 heures",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre question. Les cryptomonnaies achetées par carte bancaire font l'objet d'un blocage de sécurité pouvant aller jusqu'à 72 heures avant de pouvoir être retirées ou envoyées vers un autre portefeuille. Pendant ce délai, vous pouvez les trader librement sur Arbiter Exchange. Ce blocage vous protège, tout comme nous, contre les paiements frauduleux par carte, et il est levé automatiquement : vous n'avez rien à faire. L'heure exacte de déblocage est visible dans Actifs > Spot, en touchant le solde bloqué. Malheureusement, notre équipe ne peut pas lever ce blocage de manière anticipée.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "刷卡購買 – 72 小時保留期",
                "{{customer.first_name}} 您好：\n\n感謝您的詢問。使用信用卡或金融卡購買的加密貨幣，會有最長 72 小時的安全保留期，期滿後才能提領或轉到其他錢包。保留期間，您仍可在 Arbiter Exchange 上不受限制地交易這些資產。此機制是為了保護您與本平台免受盜刷等詐騙付款影響，保留期結束後會自動解除，您不需要進行任何操作。點選「資產 > 現貨」中的鎖定餘額，即可查看確切的解除時間。很抱歉，客服團隊無法提前解除保留。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "カード購入 – 72時間の出金保留",
                "{{customer.first_name}} 様\n\nお問い合わせいただきありがとうございます。カードで購入された暗号資産には、最長72時間のセキュリティ保留期間が設けられており、その間は出金や他のウォレットへの送金ができません。保留期間中も、Arbiter Exchange 内での取引は制限なくご利用いただけます。この保留はカードの不正利用からお客様と当社を守るためのもので、期間が過ぎると自動的に解除されますので、お手続きは不要です。正確な解除時刻は「資産 > 現物」でロック中の残高をタップするとご確認いただけます。恐れ入りますが、サポートにて保留を早期に解除することはできかねます。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Kartla alım – 72 saatlik bekletme",
                "Merhaba {{customer.first_name}},\n\nSorunuz için teşekkürler. Banka kartıyla satın alınan kripto varlıklar, çekilmeden veya başka bir cüzdana gönderilmeden önce en fazla 72 saat güvenlik amacıyla bekletilir. Bu süre boyunca varlıklarınızla Arbiter Exchange'te herhangi bir kısıtlama olmadan işlem yapabilirsiniz. Bekletme, sizi ve bizi sahte kart ödemelerine karşı korur ve otomatik olarak kalkar; yapmanız gereken bir şey yok. Kesin açılış zamanını Varlıklar > Spot bölümünde kilitli bakiyeye dokunarak görebilirsiniz. Maalesef ekibimiz bekletmeyi erken kaldıramıyor.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Покупка картой – удержание на 72 часа",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за вопрос. Криптовалюта, купленная банковской картой, удерживается из соображений безопасности до 72 часов, прежде чем её можно будет вывести или отправить на другой кошелёк. В это время вы можете без ограничений торговать ею на Arbiter Exchange. Удержание защищает и вас, и нас от мошеннических платежей по картам и снимается автоматически, так что от вас ничего не требуется. Точное время снятия ограничения можно посмотреть в разделе «Активы > Спот», нажав на заблокированный баланс. К сожалению, досрочно снять удержание мы не можем.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "카드 구매 – 72시간 출금 보류",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n문의해 주셔서 감사합니다. 카드로 구매하신 가상자산은 출금하거나 다른 지갑으로 보내기 전까지 최대 72시간 동안 보안 보류가 적용됩니다. 보류 기간에도 Arbiter Exchange 안에서의 거래는 제한 없이 가능합니다. 이 보류는 카드 부정 결제로부터 고객님과 저희를 보호하기 위한 조치이며, 기간이 지나면 자동으로 해제되므로 별도로 하실 일은 없습니다. 정확한 해제 시각은 자산 > 현물에서 잠긴 잔고를 누르면 확인하실 수 있습니다. 죄송하지만 고객지원팀에서 보류를 미리 해제해 드릴 수는 없습니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Mua bằng thẻ – tạm giữ 72 giờ",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã đặt câu hỏi. Tiền mã hóa mua bằng thẻ ngân hàng sẽ được tạm giữ vì lý do bảo mật tối đa 72 giờ trước khi có thể rút hoặc chuyển sang ví khác. Trong thời gian này, anh/chị vẫn có thể giao dịch số tài sản đó trên Arbiter Exchange mà không bị hạn chế. Việc tạm giữ giúp bảo vệ cả anh/chị và chúng tôi khỏi các khoản thanh toán thẻ gian lận, và sẽ tự động được gỡ bỏ nên anh/chị không cần làm gì thêm. Anh/chị có thể xem thời điểm mở khóa chính xác tại Tài sản > Spot bằng cách chạm vào số dư đang bị khóa. Rất tiếc, bộ phận hỗ trợ không thể gỡ tạm giữ sớm hơn.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "security_withdrawal_lock",
        kinds: &[],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["security", "withdrawal-lock"],
        translations: &[
            mt(
                "en",
                "24-hour withdrawal lock after a security change",
                "Hi {{customer.first_name}},\n\nThanks for reaching out. Because the password, 2FA method, email address or phone number on your account was changed recently, withdrawals are paused for 24 hours from the time of the change. This is an automatic protection: if someone else ever got into your account, it gives you time to notice and contact us before any funds can leave. Deposits and trading are not affected, and the lock lifts on its own; our team can't shorten it. If you did not make this change yourself, please reply immediately and we'll freeze your account.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Bloqueo de retiros de 24 horas tras un cambio de seguridad",
                "Hola, {{customer.first_name}}:\n\nGracias por escribirnos. Como hace poco se cambió la contraseña, el método 2FA, el correo electrónico o el teléfono de tu cuenta, los retiros quedan pausados durante 24 horas desde el momento del cambio. Es una protección automática: si alguien llegara a entrar en tu cuenta, te da tiempo para darte cuenta y avisarnos antes de que pueda salir ningún fondo. Los depósitos y el trading no se ven afectados, y el bloqueo se levanta solo; nuestro equipo no puede acortarlo. Si no hiciste tú este cambio, responde de inmediato y congelaremos tu cuenta.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Bloqueio de saques de 24 horas após alteração de segurança",
                "Olá, {{customer.first_name}},\n\nObrigado pelo contato. Como a senha, o método de 2FA, o e-mail ou o telefone da sua conta foi alterado recentemente, os saques ficam pausados por 24 horas a partir do momento da alteração. É uma proteção automática: se alguém conseguir entrar na sua conta, você tem tempo de perceber e falar com a gente antes que qualquer valor saia. Depósitos e negociações continuam funcionando normalmente, e o bloqueio é liberado sozinho; nossa equipe não consegue encurtá-lo. Se não foi você quem fez essa alteração, responda imediatamente para bloquearmos a sua conta.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "24-Stunden-Auszahlungssperre nach Sicherheitsänderung",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Nachricht. Da vor Kurzem das Passwort, die 2FA-Methode, die E-Mail-Adresse oder die Telefonnummer Ihres Kontos geändert wurde, sind Auszahlungen ab dem Zeitpunkt der Änderung für 24 Stunden gesperrt. Das ist ein automatischer Schutz: Sollte sich jemand anderes Zugang zu Ihrem Konto verschaffen, haben Sie so Zeit, es zu bemerken und uns zu kontaktieren, bevor Guthaben abfließen kann. Einzahlungen und Handel sind davon nicht betroffen, und die Sperre endet von selbst; verkürzen können wir sie leider nicht. Falls Sie die Änderung nicht selbst vorgenommen haben, antworten Sie bitte sofort, dann frieren wir Ihr Konto ein.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Blocage des retraits de 24 heures après une modification de sécurité",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre message. Le mot de passe, la méthode 2FA, l'adresse e-mail ou le numéro de téléphone de votre compte ayant été modifié récemment, les retraits sont suspendus pendant 24 heures à compter de la modification. Il s'agit d'une protection automatique : si quelqu'un accédait à votre compte, vous auriez le temps de vous en apercevoir et de nous contacter avant que des fonds ne puissent sortir. Les dépôts et le trading ne sont pas concernés, et le blocage se lève tout seul ; notre équipe ne peut pas l'écourter. Si vous n'êtes pas à l'origine de cette modification, répondez immédiatement et nous gèlerons votre compte.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "安全設定變更後 24 小時暫停提領",
                "{{customer.first_name}} 您好：\n\n感謝您的來信。由於您的帳戶近期變更了密碼、雙重驗證（2FA）方式、電子郵件或手機號碼，自變更時起 24 小時內將暫停提領。這是系統自動啟用的保護機制：萬一有他人登入您的帳戶，您能有時間察覺並聯繫我們，避免資金被轉出。存入與交易不受影響，時間到了會自動解除，客服團隊無法縮短這段期間。如果這項變更並非您本人操作，請立即回覆，我們會馬上凍結您的帳戶。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "セキュリティ設定変更後の24時間出金制限",
                "{{customer.first_name}} 様\n\nお問い合わせいただきありがとうございます。最近、お客様のアカウントでパスワード、二段階認証（2FA）、メールアドレスまたは電話番号が変更されたため、変更時点から24時間は出金が停止されております。これは自動的に適用される保護措置で、万が一第三者にアカウントへ侵入された場合でも、資産が引き出される前にお客様が気づき、当社へご連絡いただく時間を確保するためのものです。入金とお取引には影響なく、制限は時間の経過とともに自動で解除されます。恐れ入りますが、サポートにて期間を短縮することはできかねます。お客様ご自身による変更でない場合は、至急ご返信ください。直ちにアカウントを凍結いたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Güvenlik değişikliği sonrası 24 saatlik çekim kilidi",
                "Merhaba {{customer.first_name}},\n\nBize ulaştığınız için teşekkürler. Hesabınızın şifresi, 2FA yöntemi, e-posta adresi veya telefon numarası kısa süre önce değiştirildiği için çekimler, değişiklik anından itibaren 24 saat süreyle durdurulmuştur. Bu otomatik bir korumadır: Hesabınıza başka biri girerse, herhangi bir fon çıkmadan önce durumu fark edip bize ulaşmanız için size zaman tanır. Yatırma ve alım satım işlemleri etkilenmez ve kilit kendiliğinden kalkar; ekibimiz bu süreyi kısaltamaz. Bu değişikliği siz yapmadıysanız lütfen hemen yanıt verin, hesabınızı donduralım.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Блокировка вывода на 24 часа после изменения настроек безопасности",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за обращение. Поскольку в вашем аккаунте недавно были изменены пароль, способ 2FA, адрес электронной почты или номер телефона, вывод средств приостановлен на 24 часа с момента изменения. Это автоматическая мера защиты: если кто-то посторонний получит доступ к аккаунту, у вас будет время это заметить и связаться с нами, прежде чем средства смогут уйти. Пополнения и торговля работают как обычно, а блокировка снимется сама; сократить её срок мы не можем. Если это изменение внесли не вы, немедленно ответьте на письмо — мы заморозим ваш аккаунт.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "kyc_reupload",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["kyc", "documents"],
        translations: &[
            mt(
                "en",
                "KYC – please re-upload your document",
                "Hi {{customer.first_name}},\n\nThank you for submitting your verification. Unfortunately, we couldn't approve the document you uploaded because it was blurred, cropped or partly covered. Could you please upload it again under Profile > Verification? Please make sure that:\n\n- all four corners of the document are visible\n- the photo is sharp, without flash glare or filters\n- the document is valid and not expired\n- the name matches the name on your Arbiter account\n\nResubmitted documents are usually reviewed within 24 hours. For your security, please upload documents only in the app, never by email or chat.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "KYC – vuelve a subir tu documento",
                "Hola, {{customer.first_name}}:\n\nGracias por enviar tu verificación. Lamentablemente no hemos podido aprobar el documento que subiste, porque estaba borroso, recortado o parcialmente tapado. ¿Podrías volver a subirlo en Perfil > Verificación? Asegúrate de que:\n\n- se vean las cuatro esquinas del documento\n- la foto sea nítida, sin reflejos del flash ni filtros\n- el documento esté vigente\n- el nombre coincida con el de tu cuenta de Arbiter\n\nLos documentos reenviados suelen revisarse en menos de 24 horas. Por tu seguridad, sube los documentos solo desde la app, nunca por correo ni por chat.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "KYC – envie seu documento novamente",
                "Olá, {{customer.first_name}},\n\nObrigado por enviar a sua verificação. Infelizmente não conseguimos aprovar o documento enviado, porque a imagem estava desfocada, cortada ou parcialmente coberta. Você pode enviá-lo novamente em Perfil > Verificação? Confira se:\n\n- as quatro bordas do documento aparecem\n- a foto está nítida, sem reflexo de flash nem filtros\n- o documento está dentro da validade\n- o nome é o mesmo da sua conta na Arbiter\n\nDocumentos reenviados costumam ser analisados em até 24 horas. Para a sua segurança, envie documentos somente pelo app, nunca por e-mail ou chat.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "KYC – Dokument bitte erneut hochladen",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Verifizierung. Leider konnten wir das hochgeladene Dokument nicht akzeptieren, da es unscharf, abgeschnitten oder teilweise verdeckt war. Bitte laden Sie es unter Profil > Verifizierung erneut hoch und achten Sie darauf, dass:\n\n- alle vier Ecken des Dokuments sichtbar sind\n- das Foto scharf ist, ohne Blitzreflexe oder Filter\n- das Dokument gültig und nicht abgelaufen ist\n- der Name mit dem Namen in Ihrem Arbiter-Konto übereinstimmt\n\nErneut eingereichte Dokumente werden in der Regel innerhalb von 24 Stunden geprüft. Zu Ihrer Sicherheit laden Sie Dokumente bitte nur in der App hoch, niemals per E-Mail oder Chat.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "KYC – merci de renvoyer votre document",
                "Bonjour {{customer.first_name}},\n\nMerci d'avoir soumis votre vérification. Malheureusement, nous n'avons pas pu valider le document envoyé, car il était flou, coupé ou partiellement masqué. Pourriez-vous le téléverser à nouveau dans Profil > Vérification ? Veillez à ce que :\n\n- les quatre coins du document soient visibles\n- la photo soit nette, sans reflet de flash ni filtre\n- le document soit en cours de validité\n- le nom corresponde à celui de votre compte Arbiter\n\nLes documents renvoyés sont généralement examinés sous 24 heures. Pour votre sécurité, transmettez vos documents uniquement via l'application, jamais par e-mail ou par chat.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "身分驗證 – 請重新上傳證件",
                "{{customer.first_name}} 您好：\n\n感謝您提交身分驗證。很抱歉，您上傳的證件照片模糊、裁切不完整或有部分遮擋，因此無法通過審核。麻煩您至「個人檔案 > 身分驗證」重新上傳，並請確認：\n\n- 證件四個角完整入鏡\n- 照片清晰，沒有閃光燈反光或濾鏡\n- 證件在有效期限內\n- 證件姓名與您的 Arbiter 帳戶姓名一致\n\n重新上傳的證件通常會在 24 小時內完成審核。為了您的安全，請只透過 App 上傳證件，切勿以電子郵件或聊天訊息傳送。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "本人確認 – 書類の再提出のお願い",
                "{{customer.first_name}} 様\n\n本人確認書類をご提出いただきありがとうございます。誠に恐れ入りますが、ご提出いただいた画像がぼやけている、見切れている、または一部が隠れているため、承認することができませんでした。お手数ですが、「プロフィール > 本人確認」より再度アップロードをお願いいたします。その際、以下の点をご確認ください。\n\n- 書類の四隅がすべて写っていること\n- ピントが合っており、フラッシュの反射やフィルターがないこと\n- 有効期限内の書類であること\n- Arbiter のアカウント名義と書類の氏名が一致していること\n\n再提出いただいた書類は、通常24時間以内に審査いたします。セキュリティのため、書類はアプリからのみご提出いただき、メールやチャットでは送付なさらないようお願いいたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "KYC – belgenizi yeniden yükleyin",
                "Merhaba {{customer.first_name}},\n\nDoğrulama başvurunuz için teşekkürler. Maalesef yüklediğiniz belge bulanık, kesik veya kısmen kapalı olduğu için onaylanamadı. Belgeyi Profil > Doğrulama bölümünden yeniden yükleyebilir misiniz? Lütfen şunlara dikkat edin:\n\n- belgenin dört köşesi de görünmeli\n- fotoğraf net olmalı, flaş yansıması veya filtre olmamalı\n- belgenin geçerlilik süresi dolmamış olmalı\n- belgedeki ad, Arbiter hesabınızdaki adla aynı olmalı\n\nYeniden yüklenen belgeler genellikle 24 saat içinde incelenir. Güvenliğiniz için belgeleri yalnızca uygulama üzerinden yükleyin; asla e-posta veya sohbet yoluyla göndermeyin.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "KYC – загрузите документ повторно",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо, что прошли верификацию. К сожалению, мы не смогли принять загруженный документ: изображение размыто, обрезано или частично закрыто. Пожалуйста, загрузите его ещё раз в разделе «Профиль > Верификация» и проверьте, что:\n\n- видны все четыре угла документа\n- фото чёткое, без бликов от вспышки и фильтров\n- срок действия документа не истёк\n- имя в документе совпадает с именем в аккаунте Arbiter\n\nПовторно загруженные документы обычно проверяются в течение 24 часов. В целях безопасности загружайте документы только через приложение и никогда не отправляйте их по почте или в чат.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "본인인증 – 신분증 재업로드 요청",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n본인인증을 신청해 주셔서 감사합니다. 안타깝게도 업로드하신 신분증 이미지가 흐리거나 잘렸거나 일부가 가려져 있어 승인되지 않았습니다. 번거로우시겠지만 프로필 > 인증에서 다시 업로드해 주시겠어요? 업로드 전에 아래 사항을 확인해 주세요.\n\n- 신분증 네 모서리가 모두 보일 것\n- 플래시 반사나 필터 없이 선명하게 촬영할 것\n- 유효기간이 지나지 않은 신분증일 것\n- Arbiter 계정의 이름과 신분증의 이름이 일치할 것\n\n재제출된 서류는 보통 24시간 이내에 심사됩니다. 고객님의 안전을 위해 서류는 반드시 앱에서만 제출해 주시고, 이메일이나 채팅으로는 보내지 마세요.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "KYC – vui lòng tải lại giấy tờ",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã gửi hồ sơ xác minh. Rất tiếc, chúng tôi chưa thể duyệt giấy tờ anh/chị đã tải lên vì ảnh bị mờ, bị cắt hoặc bị che một phần. Anh/chị vui lòng tải lại tại Hồ sơ > Xác minh và lưu ý:\n\n- thấy rõ đủ bốn góc của giấy tờ\n- ảnh sắc nét, không bị lóa đèn flash, không dùng bộ lọc\n- giấy tờ còn hiệu lực\n- họ tên trùng khớp với tên trên tài khoản Arbiter\n\nHồ sơ gửi lại thường được xét duyệt trong vòng 24 giờ. Vì lý do an toàn, vui lòng chỉ tải giấy tờ lên qua ứng dụng, không gửi qua email hay tin nhắn trò chuyện.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    // ------------------------------------------------------------------
    // Card chargebacks
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "chargeback_ack",
        kinds: &[TicketKind::CardChargeback],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["chargeback"],
        translations: &[
            mt(
                "en",
                "Chargeback received – what happens next",
                "Hi {{customer.first_name}},\n\nWe're writing to let you know that we have received a chargeback from your card issuer for a card purchase on your account ({{customer.account_id}}). While the dispute is open, card purchases on your account are paused and an amount equal to the disputed purchase is on hold. The card network process usually takes 30 to 75 days, and we'll inform you by email at each step. If you don't recognise this purchase, please tell us right away so we can secure your account. If the chargeback was raised by mistake, you can ask your bank to withdraw it and send us their written confirmation, quoting reference {{ticket.id}}.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Contracargo recibido – próximos pasos",
                "Hola, {{customer.first_name}}:\n\nTe escribimos para informarte de que hemos recibido un contracargo del emisor de tu tarjeta por una compra con tarjeta realizada en tu cuenta ({{customer.account_id}}). Mientras la disputa siga abierta, las compras con tarjeta de tu cuenta quedan en pausa y se retiene un importe equivalente a la compra disputada. El proceso de la red de tarjetas suele durar entre 30 y 75 días, y te informaremos por correo de cada paso. Si no reconoces esta compra, avísanos de inmediato para proteger tu cuenta. Si el contracargo se abrió por error, puedes pedirle a tu banco que lo retire y enviarnos su confirmación por escrito indicando la referencia {{ticket.id}}.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Chargeback recebido – próximos passos",
                "Olá, {{customer.first_name}},\n\nEstamos entrando em contato para informar que recebemos um chargeback do emissor do seu cartão referente a uma compra com cartão na sua conta ({{customer.account_id}}). Enquanto a contestação estiver aberta, as compras com cartão na sua conta ficam suspensas e um valor igual ao da compra contestada fica bloqueado. O processo da bandeira do cartão costuma levar de 30 a 75 dias, e vamos te informar por e-mail a cada etapa. Se você não reconhece essa compra, avise a gente imediatamente para protegermos a sua conta. Se o chargeback foi aberto por engano, você pode pedir ao seu banco que o cancele e nos enviar a confirmação por escrito, informando o protocolo {{ticket.id}}.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Rückbuchung erhalten – so geht es weiter",
                "Hallo {{customer.first_name}},\n\nwir möchten Sie darüber informieren, dass wir von Ihrer kartenausgebenden Bank eine Rückbuchung (Chargeback) für einen Kartenkauf in Ihrem Konto ({{customer.account_id}}) erhalten haben. Solange das Verfahren läuft, sind Kartenkäufe in Ihrem Konto pausiert und ein Betrag in Höhe des strittigen Kaufs ist gesperrt. Das Verfahren des Kartennetzwerks dauert in der Regel 30 bis 75 Tage; wir informieren Sie per E-Mail über jeden Schritt. Falls Sie den Kauf nicht kennen, teilen Sie uns das bitte sofort mit, damit wir Ihr Konto absichern können. Wurde die Rückbuchung versehentlich veranlasst, können Sie Ihre Bank bitten, sie zurückzuziehen, und uns deren schriftliche Bestätigung unter Angabe der Vorgangsnummer {{ticket.id}} schicken.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Rétrofacturation reçue – prochaines étapes",
                "Bonjour {{customer.first_name}},\n\nNous vous informons que nous avons reçu une rétrofacturation (chargeback) de la banque émettrice de votre carte concernant un achat par carte sur votre compte ({{customer.account_id}}). Tant que le litige est ouvert, les achats par carte sont suspendus sur votre compte et un montant égal à l'achat contesté est bloqué. La procédure du réseau de cartes prend généralement de 30 à 75 jours, et nous vous tiendrons informé(e) par e-mail à chaque étape. Si vous ne reconnaissez pas cet achat, prévenez-nous immédiatement afin que nous sécurisions votre compte. Si la rétrofacturation a été demandée par erreur, vous pouvez demander à votre banque de l'annuler et nous transmettre sa confirmation écrite en rappelant la référence {{ticket.id}}.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "已收到信用卡爭議款（退單） – 後續流程",
                "{{customer.first_name}} 您好：\n\n特此通知，我們已收到您的發卡銀行針對您帳戶（{{customer.account_id}}）一筆刷卡購買所提出的爭議款（退單）。爭議處理期間，您的帳戶將暫停刷卡購買，並保留與爭議金額相等的資產。卡組織的處理流程通常需要 30 至 75 天，每個階段我們都會以電子郵件通知您。如果您不認得這筆交易，請立即告知我們，以便保護您的帳戶。若爭議款是誤提出的，您可以請銀行撤回，並將銀行的書面確認寄給我們，註明案件編號 {{ticket.id}}。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "チャージバック受領 – 今後の流れ",
                "{{customer.first_name}} 様\n\nお客様のアカウント（{{customer.account_id}}）で行われたカード購入について、カード発行会社よりチャージバックの申し立てを受領しましたのでお知らせいたします。申し立ての処理中は、アカウントでのカード購入を一時停止し、対象のご購入金額と同額を保留させていただきます。カードブランドでの手続きには通常30日から75日ほどかかり、各段階でメールにてご案内いたします。お心当たりのないご購入の場合は、アカウント保護のため至急ご連絡ください。誤って申し立てが行われた場合は、カード発行会社に取り下げをご依頼のうえ、その書面での確認をお問い合わせ番号 {{ticket.id}} を記載してお送りください。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Harcama itirazı (chargeback) alındı – sonraki adımlar",
                "Merhaba {{customer.first_name}},\n\nHesabınızda ({{customer.account_id}}) yapılan bir kartlı alım için kartınızı veren bankadan harcama itirazı (chargeback) aldığımızı bildirmek isteriz. İtiraz süreci devam ettiği sürece hesabınızda kartla alım yapılamaz ve itiraz edilen tutara eşit bir miktar bloke edilir. Kart kuruluşunun süreci genellikle 30 ile 75 gün arasında sürer; her aşamada sizi e-postayla bilgilendireceğiz. Bu alımı tanımıyorsanız, hesabınızı güvence altına alabilmemiz için lütfen hemen bize bildirin. İtiraz yanlışlıkla açıldıysa bankanızdan geri çekmesini isteyebilir ve bankanın yazılı onayını {{ticket.id}} referans numarasıyla bize iletebilirsiniz.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Получен чарджбэк – что будет дальше",
                "Здравствуйте, {{customer.first_name}}!\n\nСообщаем, что банк-эмитент вашей карты оформил чарджбэк (опротестование платежа) по покупке картой в вашем аккаунте ({{customer.account_id}}). Пока спор открыт, покупки картой в аккаунте приостановлены, а сумма, равная оспариваемой покупке, заблокирована. Процедура платёжной системы обычно занимает от 30 до 75 дней, и о каждом этапе мы будем сообщать вам по электронной почте. Если вы не совершали эту покупку, сразу сообщите нам, чтобы мы защитили аккаунт. Если чарджбэк был оформлен по ошибке, попросите банк отозвать его и пришлите нам письменное подтверждение банка с указанием номера обращения {{ticket.id}}.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "chargeback_refund_instead",
        kinds: &[TicketKind::CardChargeback, TicketKind::Inquiry, TicketKind::Complaint],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["chargeback", "refund-offer"],
        translations: &[
            mt(
                "en",
                "Please don't file a chargeback – we can refund",
                "Hi {{customer.first_name}},\n\nThank you for telling us about the problem with your card purchase, and I'm sorry for the trouble. Before you contact your bank, please know that we can sort this out directly: if the crypto from this purchase is still in your account, we can cancel the purchase and refund the amount to your card, which is much faster than a chargeback. A chargeback takes weeks, pauses card purchases on your account and can lead to card payments being disabled permanently. If you'd like the refund, simply reply to confirm, and please keep the purchased crypto in your account until we've processed it. Refunds usually reach the card within 5 to 10 business days.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "No hace falta un contracargo – podemos reembolsarte",
                "Hola, {{customer.first_name}}:\n\nGracias por contarnos el problema con tu compra con tarjeta y perdona las molestias. Antes de contactar con tu banco, ten en cuenta que podemos resolverlo directamente: si las criptomonedas de esta compra siguen en tu cuenta, podemos cancelar la compra y devolver el importe a tu tarjeta, lo que es mucho más rápido que un contracargo. Un contracargo tarda semanas, pausa las compras con tarjeta en tu cuenta y puede hacer que se desactiven los pagos con tarjeta de forma permanente. Si quieres el reembolso, responde para confirmarlo y mantén las criptomonedas compradas en tu cuenta hasta que lo hayamos tramitado. Los reembolsos suelen llegar a la tarjeta en un plazo de 5 a 10 días hábiles.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Não precisa abrir chargeback – podemos reembolsar",
                "Olá, {{customer.first_name}},\n\nObrigado por nos contar sobre o problema com a sua compra no cartão, e desculpe pelo transtorno. Antes de falar com o seu banco, saiba que podemos resolver isso diretamente: se as criptomoedas dessa compra ainda estiverem na sua conta, podemos cancelar a compra e estornar o valor no seu cartão, o que é bem mais rápido do que um chargeback. Um chargeback leva semanas, suspende as compras com cartão na sua conta e pode levar ao bloqueio definitivo de pagamentos com cartão. Se quiser o reembolso, é só responder confirmando e manter as criptomoedas compradas na sua conta até concluirmos o processo. O estorno costuma aparecer no cartão em 5 a 10 dias úteis.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Bitte keine Rückbuchung – wir erstatten direkt",
                "Hallo {{customer.first_name}},\n\nvielen Dank, dass Sie uns über das Problem mit Ihrem Kartenkauf informieren, und entschuldigen Sie die Unannehmlichkeiten. Bevor Sie sich an Ihre Bank wenden: Wir können das direkt für Sie klären. Befinden sich die gekauften Kryptowerte noch in Ihrem Konto, können wir den Kauf stornieren und den Betrag auf Ihre Karte zurückerstatten, was deutlich schneller geht als eine Rückbuchung. Eine Rückbuchung dauert Wochen, pausiert Kartenkäufe in Ihrem Konto und kann dazu führen, dass Kartenzahlungen dauerhaft deaktiviert werden. Wenn Sie die Erstattung wünschen, bestätigen Sie das bitte kurz per Antwort und lassen Sie die gekauften Kryptowerte bis zur Bearbeitung in Ihrem Konto. Erstattungen sind in der Regel nach 5 bis 10 Werktagen auf der Karte.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Inutile de lancer une rétrofacturation – nous pouvons rembourser",
                "Bonjour {{customer.first_name}},\n\nMerci de nous avoir signalé le problème rencontré avec votre achat par carte, et toutes nos excuses pour ce désagrément. Avant de contacter votre banque, sachez que nous pouvons régler cela directement : si les cryptomonnaies issues de cet achat sont toujours sur votre compte, nous pouvons annuler l'achat et rembourser le montant sur votre carte, ce qui est bien plus rapide qu'une rétrofacturation. Une rétrofacturation prend plusieurs semaines, suspend les achats par carte sur votre compte et peut entraîner la désactivation définitive des paiements par carte. Si vous souhaitez le remboursement, il vous suffit de répondre pour le confirmer et de conserver les cryptomonnaies achetées sur votre compte jusqu'à son traitement. Le remboursement apparaît généralement sur la carte sous 5 à 10 jours ouvrés.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "無需提出退單 – 我們可直接退款",
                "{{customer.first_name}} 您好：\n\n感謝您告知刷卡購買遇到的問題，造成您的困擾，非常抱歉。在您聯繫銀行之前，想讓您知道我們可以直接為您處理：如果這筆購買的加密貨幣仍在您的帳戶中，我們可以取消交易並將款項退回您的卡片，速度遠比提出爭議款（退單）快。退單流程需要數週，期間帳戶會暫停刷卡購買，甚至可能導致永久停用卡片付款。如需退款，請直接回覆確認，並在我們處理完成前，將購買的加密貨幣保留在帳戶中。退款通常會在 5 至 10 個工作天內退回卡片。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "チャージバック前にご相談ください – 返金対応が可能です",
                "{{customer.first_name}} 様\n\nカード購入に関する問題をお知らせいただきありがとうございます。ご不便をおかけし申し訳ございません。カード会社へご連絡いただく前に、当社で直接対応できることをお伝えいたします。ご購入いただいた暗号資産がまだアカウント内にある場合、購入を取り消し、代金をカードへ返金することが可能で、チャージバックよりもはるかに早く解決できます。チャージバックは数週間を要し、その間アカウントでのカード購入が停止されるほか、カード決済が恒久的にご利用いただけなくなる場合もございます。返金をご希望の場合は、本メールにご返信いただき、処理が完了するまで購入した暗号資産をアカウント内に保持してください。返金は通常5〜10営業日でカードに反映されます。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Harcama itirazına gerek yok – iade yapabiliriz",
                "Merhaba {{customer.first_name}},\n\nKartlı alımınızla ilgili sorunu bize bildirdiğiniz için teşekkür ederiz, yaşadığınız aksaklık için özür dileriz. Bankanızla iletişime geçmeden önce bu konuyu doğrudan çözebileceğimizi bilmenizi isteriz: Bu alımdan gelen kripto varlıklar hâlâ hesabınızdaysa alımı iptal edip tutarı kartınıza iade edebiliriz; bu, harcama itirazından çok daha hızlıdır. Harcama itirazı haftalar sürer, hesabınızda kartla alımı durdurur ve kartla ödemelerin kalıcı olarak kapatılmasına yol açabilir. İade isterseniz bu mesaja onay vermeniz yeterli; lütfen işlem tamamlanana kadar satın aldığınız kripto varlıkları hesabınızda tutun. İadeler genellikle 5 ila 10 iş günü içinde kartınıza yansır.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Не оформляйте чарджбэк – мы можем вернуть деньги",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо, что рассказали о проблеме с покупкой картой, и приносим извинения за неудобства. Прежде чем обращаться в банк, знайте: мы можем решить вопрос напрямую. Если купленная криптовалюта всё ещё находится на вашем аккаунте, мы отменим покупку и вернём деньги на карту — это намного быстрее, чем чарджбэк. Чарджбэк занимает несколько недель, на это время покупки картой в аккаунте приостанавливаются, а в итоге оплата картами может быть отключена навсегда. Если хотите получить возврат, просто ответьте на это письмо с подтверждением и не выводите купленную криптовалюту, пока мы его не оформим. Обычно деньги поступают на карту в течение 5–10 рабочих дней.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "chargeback_representment",
        kinds: &[TicketKind::CardChargeback],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["chargeback", "representment"],
        translations: &[mt(
            "en",
            "Chargeback – representment submitted",
            "Hi {{customer.first_name}},\n\nWe're writing with an update on the chargeback for the card purchase on your account ({{customer.account_id}}). Our records show that the purchase was authorised with 3-D Secure and that the crypto was delivered to your account, so we have submitted this evidence to the card network to contest the chargeback; this step is called representment. Your card issuer will now review the evidence and make a decision, which can take up to 45 days. Until then, card purchases stay paused and the disputed amount remains on hold. If the chargeback was filed in error, you can still ask your bank to withdraw it, which closes the case much faster.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    // ------------------------------------------------------------------
    // Fraud, account takeover and scams
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "fraud_intake",
        kinds: &[TicketKind::FraudClaim],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["fraud", "account-frozen"],
        translations: &[
            mt(
                "en",
                "Fraud claim – account frozen, details needed",
                "Hi {{customer.first_name}},\n\nThank you for reporting this so quickly. To protect your funds, I have frozen your account ({{customer.account_id}}): trading, withdrawals and API access are blocked and all active sessions have been logged out. So that our Fraud team can investigate, please reply with:\n\n- the date and time you first noticed the activity\n- any logins, trades or withdrawals you don't recognise\n- how you think your details may have been obtained (a link, a call, a message, a download)\n- a police report reference, if you have one\n\nImportant: Arbiter staff will never ask for your password, 2FA codes or recovery phrase. Please don't share them with anyone, including someone who claims to be from our team.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Denuncia de fraude – cuenta congelada, necesitamos datos",
                "Hola, {{customer.first_name}}:\n\nGracias por avisarnos tan rápido. Para proteger tus fondos, he congelado tu cuenta ({{customer.account_id}}): el trading, los retiros y el acceso por API están bloqueados y se han cerrado todas las sesiones activas. Para que nuestro equipo de Fraude pueda investigar, responde con:\n\n- la fecha y hora en que notaste la actividad por primera vez\n- los accesos, operaciones o retiros que no reconozcas\n- cómo crees que pudieron obtener tus datos (un enlace, una llamada, un mensaje, una descarga)\n- el número de denuncia policial, si ya la has presentado\n\nImportante: el personal de Arbiter nunca te pedirá tu contraseña, tus códigos 2FA ni tu frase de recuperación. No se los facilites a nadie, aunque diga que es de nuestro equipo.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Relato de fraude – conta bloqueada, precisamos de detalhes",
                "Olá, {{customer.first_name}},\n\nObrigado por nos avisar tão rápido. Para proteger os seus fundos, bloqueei a sua conta ({{customer.account_id}}): negociações, saques e acesso via API estão suspensos e todas as sessões ativas foram encerradas. Para que a nossa equipe de Fraudes possa investigar, responda com:\n\n- a data e o horário em que você percebeu a atividade pela primeira vez\n- os acessos, operações ou saques que você não reconhece\n- como você acha que seus dados foram obtidos (um link, uma ligação, uma mensagem, um download)\n- o número do boletim de ocorrência, se já tiver registrado\n\nImportante: a equipe da Arbiter nunca pede a sua senha, os códigos de 2FA ou a frase de recuperação. Não os compartilhe com ninguém, nem com quem disser que é da nossa equipe.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Betrugsmeldung – Konto eingefroren, Angaben benötigt",
                "Hallo {{customer.first_name}},\n\nvielen Dank, dass Sie uns so schnell informiert haben. Zum Schutz Ihres Guthabens habe ich Ihr Konto ({{customer.account_id}}) eingefroren: Handel, Auszahlungen und API-Zugriff sind gesperrt, und alle aktiven Sitzungen wurden abgemeldet. Damit unser Betrugsteam ermitteln kann, senden Sie uns bitte:\n\n- Datum und Uhrzeit, zu der Ihnen die Aktivität zuerst aufgefallen ist\n- alle Anmeldungen, Trades oder Auszahlungen, die Sie nicht kennen\n- wie Ihre Daten möglicherweise in falsche Hände geraten sind (ein Link, ein Anruf, eine Nachricht, ein Download)\n- das Aktenzeichen einer Strafanzeige, falls vorhanden\n\nWichtig: Mitarbeitende von Arbiter fragen niemals nach Ihrem Passwort, Ihren 2FA-Codes oder Ihrer Wiederherstellungsphrase. Geben Sie diese bitte an niemanden weiter, auch nicht an Personen, die behaupten, zu unserem Team zu gehören.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Signalement de fraude – compte gelé, informations nécessaires",
                "Bonjour {{customer.first_name}},\n\nMerci de nous avoir alertés aussi rapidement. Pour protéger vos fonds, j'ai gelé votre compte ({{customer.account_id}}) : le trading, les retraits et l'accès API sont bloqués, et toutes les sessions actives ont été déconnectées. Afin que notre équipe Fraude puisse enquêter, merci de nous indiquer :\n\n- la date et l'heure auxquelles vous avez remarqué l'activité pour la première fois\n- les connexions, transactions ou retraits que vous ne reconnaissez pas\n- comment vos informations ont pu être obtenues selon vous (un lien, un appel, un message, un téléchargement)\n- la référence de votre dépôt de plainte, le cas échéant\n\nImportant : le personnel d'Arbiter ne vous demandera jamais votre mot de passe, vos codes 2FA ni votre phrase de récupération. Ne les communiquez à personne, même à quelqu'un qui prétend faire partie de notre équipe.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "詐騙通報 – 帳戶已凍結，需要您提供資訊",
                "{{customer.first_name}} 您好：\n\n感謝您這麼快通報。為保護您的資金，我已凍結您的帳戶（{{customer.account_id}}）：交易、提領與 API 存取皆已封鎖，所有登入中的裝置也已強制登出。為了讓反詐騙團隊展開調查，請回覆以下資訊：\n\n- 您第一次發現異常活動的日期與時間\n- 您不認得的登入、交易或提領紀錄\n- 您認為個人資料可能外洩的途徑（連結、來電、訊息、下載的檔案）\n- 若已報案，請提供報案編號\n\n重要提醒：Arbiter 的員工絕對不會向您索取密碼、2FA 驗證碼或助記詞。請勿提供給任何人，即使對方自稱是我們的客服人員。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "不正利用のご報告 – アカウント凍結と詳細のご依頼",
                "{{customer.first_name}} 様\n\n迅速にご報告いただき、ありがとうございます。お客様の資産を保護するため、アカウント（{{customer.account_id}}）を凍結いたしました。取引、出金、APIアクセスは停止され、ログイン中のすべてのセッションはログアウトされています。不正対策チームが調査を進められるよう、以下の情報をご返信ください。\n\n- 不審な動きに最初に気づいた日時\n- お心当たりのないログイン、取引、出金\n- 情報が漏れたと思われる経緯（リンク、電話、メッセージ、ダウンロードしたファイルなど）\n- 警察へ届け出済みの場合は、その受理番号\n\n重要：Arbiter の担当者が、パスワード、二段階認証コード、リカバリーフレーズをお尋ねすることは決してございません。当社スタッフを名乗る相手であっても、絶対に教えないでください。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Dolandırıcılık bildirimi – hesap donduruldu, bilgi gerekiyor",
                "Merhaba {{customer.first_name}},\n\nBu durumu bu kadar hızlı bildirdiğiniz için teşekkür ederiz. Fonlarınızı korumak için hesabınızı ({{customer.account_id}}) dondurdum: alım satım, çekim ve API erişimi engellendi, tüm aktif oturumlar kapatıldı. Dolandırıcılık ekibimizin inceleme yapabilmesi için lütfen şu bilgileri gönderin:\n\n- hareketi ilk fark ettiğiniz tarih ve saat\n- tanımadığınız girişler, işlemler veya çekimler\n- bilgilerinizin nasıl ele geçirilmiş olabileceği (bir bağlantı, arama, mesaj, indirilen bir dosya)\n- varsa suç duyurusu / şikâyet numaranız\n\nÖnemli: Arbiter çalışanları şifrenizi, 2FA kodlarınızı veya kurtarma ifadenizi asla istemez. Kendini ekibimizden biri olarak tanıtsa bile bunları kimseyle paylaşmayın.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Заявление о мошенничестве – аккаунт заморожен, нужны подробности",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо, что так быстро сообщили о проблеме. Чтобы защитить ваши средства, мы заморозили аккаунт ({{customer.account_id}}): торговля, вывод и доступ по API заблокированы, все активные сессии завершены. Чтобы наш отдел по борьбе с мошенничеством мог провести расследование, пришлите, пожалуйста:\n\n- дату и время, когда вы впервые заметили подозрительную активность\n- входы, сделки или выводы, которые вы не совершали\n- как, по-вашему, злоумышленники могли получить ваши данные (ссылка, звонок, сообщение, загруженный файл)\n- номер заявления в полицию, если вы уже его подали\n\nВажно: сотрудники Arbiter никогда не просят пароль, коды 2FA или фразу восстановления. Не сообщайте их никому, даже тому, кто представляется сотрудником нашей поддержки.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "사기 피해 접수 – 계정 동결 및 추가 정보 요청",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n신속하게 알려 주셔서 감사합니다. 고객님의 자산을 보호하기 위해 계정({{customer.account_id}})을 동결했습니다. 거래, 출금, API 접근이 모두 차단되었으며 로그인된 모든 세션이 종료되었습니다. 이상거래 대응팀이 조사를 진행할 수 있도록 아래 정보를 회신해 주세요.\n\n- 이상 활동을 처음 발견하신 날짜와 시간\n- 본인이 하지 않은 로그인, 거래 또는 출금 내역\n- 정보가 유출되었다고 생각되는 경로(링크, 전화, 메시지, 다운로드한 파일 등)\n- 경찰에 신고하셨다면 사건 접수 번호\n\n중요: Arbiter 직원은 절대로 비밀번호, 2FA 인증 코드, 복구 문구를 요청하지 않습니다. 저희 직원을 사칭하는 사람이라도 절대 알려 주지 마세요.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Báo cáo gian lận – tài khoản đã bị đóng băng, cần thêm thông tin",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã báo cho chúng tôi kịp thời. Để bảo vệ tài sản, tôi đã đóng băng tài khoản {{customer.account_id}}: giao dịch, rút tiền và truy cập API đều bị chặn, mọi phiên đăng nhập đã bị đăng xuất. Để bộ phận Chống gian lận có thể điều tra, anh/chị vui lòng trả lời kèm:\n\n- ngày giờ anh/chị phát hiện hoạt động bất thường lần đầu\n- các lần đăng nhập, giao dịch hoặc lệnh rút mà anh/chị không thực hiện\n- theo anh/chị, thông tin có thể bị lộ qua đâu (đường link, cuộc gọi, tin nhắn, tệp đã tải về)\n- số biên nhận trình báo công an, nếu đã trình báo\n\nLưu ý quan trọng: nhân viên Arbiter không bao giờ hỏi mật khẩu, mã 2FA hay cụm từ khôi phục của anh/chị. Tuyệt đối không cung cấp cho bất kỳ ai, kể cả người tự xưng là nhân viên của chúng tôi.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "account_takeover_recovery",
        kinds: &[TicketKind::FraudClaim],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["account-takeover", "recovery"],
        translations: &[
            mt(
                "en",
                "Account takeover – recovery steps",
                "Hi {{customer.first_name}},\n\nI'm sorry you're going through this; we'll help you get your account back safely. To restore access, please follow these steps:\n\n1. Secure your email account first: change its password and turn on two-factor authentication there.\n2. Complete the identity check we've sent to your registered email (photo ID and a live selfie).\n3. Once it's approved, you'll be asked to set a new password and a new 2FA method.\n4. Review your API keys, devices and withdrawal addresses, and delete anything you don't recognise.\n\nYour account stays frozen until these steps are complete, and a 24-hour withdrawal lock applies afterwards. Your case reference is {{ticket.id}}.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Cuenta comprometida – pasos para recuperarla",
                "Hola, {{customer.first_name}}:\n\nSiento mucho que estés pasando por esto; te ayudaremos a recuperar tu cuenta de forma segura. Para restablecer el acceso, sigue estos pasos:\n\n1. Protege primero tu correo electrónico: cambia su contraseña y activa allí la verificación en dos pasos.\n2. Completa la verificación de identidad que te hemos enviado a tu correo registrado (documento de identidad y selfie en vivo).\n3. Una vez aprobada, te pediremos que establezcas una nueva contraseña y un nuevo método 2FA.\n4. Revisa tus claves API, dispositivos y direcciones de retiro, y elimina todo lo que no reconozcas.\n\nTu cuenta seguirá congelada hasta que completes estos pasos y, después, se aplicará un bloqueo de retiros de 24 horas. La referencia de tu caso es {{ticket.id}}.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Conta invadida – etapas de recuperação",
                "Olá, {{customer.first_name}},\n\nSinto muito que você esteja passando por isso; vamos te ajudar a recuperar a sua conta com segurança. Para restabelecer o acesso, siga estas etapas:\n\n1. Proteja primeiro o seu e-mail: troque a senha dele e ative a autenticação de dois fatores.\n2. Conclua a verificação de identidade que enviamos para o seu e-mail cadastrado (documento com foto e selfie ao vivo).\n3. Depois da aprovação, você vai definir uma nova senha e um novo método de 2FA.\n4. Revise as suas chaves de API, dispositivos e endereços de saque e exclua tudo o que não reconhecer.\n\nA sua conta continua bloqueada até que essas etapas sejam concluídas e, depois disso, vale um bloqueio de saques de 24 horas. O protocolo do seu caso é {{ticket.id}}.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Kontoübernahme – Schritte zur Wiederherstellung",
                "Hallo {{customer.first_name}},\n\nes tut mir leid, dass Sie das durchmachen müssen; wir helfen Ihnen, Ihr Konto sicher zurückzubekommen. Um den Zugang wiederherzustellen, gehen Sie bitte so vor:\n\n1. Sichern Sie zuerst Ihr E-Mail-Konto: Ändern Sie dort das Passwort und aktivieren Sie die Zwei-Faktor-Authentifizierung.\n2. Schließen Sie die Identitätsprüfung ab, die wir an Ihre hinterlegte E-Mail-Adresse geschickt haben (Ausweis und Live-Selfie).\n3. Nach der Freigabe legen Sie ein neues Passwort und eine neue 2FA-Methode fest.\n4. Prüfen Sie Ihre API-Schlüssel, Geräte und Auszahlungsadressen und löschen Sie alles, was Sie nicht kennen.\n\nIhr Konto bleibt bis zum Abschluss dieser Schritte eingefroren; danach gilt eine 24-stündige Auszahlungssperre. Ihre Vorgangsnummer lautet {{ticket.id}}.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Compte piraté – étapes de récupération",
                "Bonjour {{customer.first_name}},\n\nJe suis désolé(e) que vous traversiez cette situation ; nous allons vous aider à récupérer votre compte en toute sécurité. Pour rétablir l'accès, veuillez suivre ces étapes :\n\n1. Sécurisez d'abord votre messagerie : changez son mot de passe et activez-y l'authentification à deux facteurs.\n2. Effectuez la vérification d'identité envoyée à votre adresse e-mail enregistrée (pièce d'identité et selfie en direct).\n3. Une fois celle-ci validée, vous définirez un nouveau mot de passe et une nouvelle méthode 2FA.\n4. Vérifiez vos clés API, vos appareils et vos adresses de retrait, et supprimez tout ce que vous ne reconnaissez pas.\n\nVotre compte reste gelé jusqu'à la fin de ces étapes, puis un blocage des retraits de 24 heures s'applique. La référence de votre dossier est {{ticket.id}}.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "帳戶遭盜用 – 復原步驟",
                "{{customer.first_name}} 您好：\n\n很遺憾您遇到這樣的狀況，我們會協助您安全地取回帳戶。請依照以下步驟恢復存取權：\n\n1. 先保護您的電子郵件信箱：變更信箱密碼，並啟用信箱的雙重驗證。\n2. 完成我們寄到您註冊信箱的身分驗證（附照片的證件與即時自拍）。\n3. 驗證通過後，系統會請您設定新密碼與新的 2FA 方式。\n4. 檢查您的 API 金鑰、登入裝置與提領地址，刪除所有您不認得的項目。\n\n完成上述步驟前，帳戶會維持凍結；完成後將套用 24 小時提領限制。您的案件編號為 {{ticket.id}}。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "アカウント乗っ取り – 復旧の手順",
                "{{customer.first_name}} 様\n\nこのような事態となり、大変ご心配のことと存じます。アカウントを安全に取り戻せるよう、当社が全力でサポートいたします。アクセスを回復するため、以下の手順をお願いいたします。\n\n1. まずメールアカウントを保護してください。パスワードを変更し、メール側でも二段階認証を有効にしてください。\n2. ご登録のメールアドレスにお送りした本人確認（顔写真付き身分証とライブセルフィー）を完了してください。\n3. 承認後、新しいパスワードと新しい二段階認証の設定をご案内いたします。\n4. APIキー、ログイン端末、出金先アドレスを確認し、心当たりのないものはすべて削除してください。\n\n上記の手順が完了するまでアカウントは凍結されたままとなり、完了後は24時間の出金制限が適用されます。お問い合わせ番号は {{ticket.id}} です。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Hesabın ele geçirilmesi – kurtarma adımları",
                "Merhaba {{customer.first_name}},\n\nBöyle bir durum yaşadığınız için çok üzgünüm; hesabınızı güvenli bir şekilde geri almanıza yardımcı olacağız. Erişiminizi geri kazanmak için lütfen şu adımları izleyin:\n\n1. Önce e-posta hesabınızı güvenceye alın: şifresini değiştirin ve orada da iki faktörlü doğrulamayı açın.\n2. Kayıtlı e-posta adresinize gönderdiğimiz kimlik doğrulamasını tamamlayın (fotoğraflı kimlik ve canlı selfie).\n3. Onaylandıktan sonra yeni bir şifre ve yeni bir 2FA yöntemi belirlemeniz istenecek.\n4. API anahtarlarınızı, cihazlarınızı ve çekim adreslerinizi kontrol edin; tanımadığınız her şeyi silin.\n\nBu adımlar tamamlanana kadar hesabınız dondurulmuş kalır, ardından 24 saatlik çekim kilidi uygulanır. Vaka referansınız {{ticket.id}}.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Взлом аккаунта – шаги по восстановлению",
                "Здравствуйте, {{customer.first_name}}!\n\nОчень сожалеем, что вы столкнулись с такой ситуацией; мы поможем безопасно вернуть доступ к аккаунту. Для этого выполните, пожалуйста, следующие шаги:\n\n1. Сначала защитите свою электронную почту: смените пароль от неё и включите двухфакторную аутентификацию.\n2. Пройдите проверку личности, ссылку на которую мы отправили на ваш зарегистрированный адрес (документ с фото и селфи в реальном времени).\n3. После одобрения вам будет предложено задать новый пароль и новый способ 2FA.\n4. Проверьте API-ключи, устройства и адреса для вывода и удалите всё, что вам незнакомо.\n\nДо завершения этих шагов аккаунт остаётся замороженным, а после действует 24-часовая блокировка вывода. Номер вашего обращения — {{ticket.id}}.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "phishing_warning",
        kinds: &[],
        set_status: None,
        add_tags: &["phishing", "security"],
        translations: &[
            mt(
                "en",
                "Phishing warning",
                "Hi {{customer.first_name}},\n\nThank you for forwarding this message to us. It did not come from Arbiter Exchange: it's a phishing attempt designed to steal your login details. Please don't click the link or reply, and delete the message. Genuine emails from us always include the anti-phishing code you set under Profile > Security, and we will never ask for your password, 2FA codes or recovery phrase, or ask you to move funds to a so-called safe wallet. If you did enter your details on that page, change your password and reset your 2FA straight away, and let us know so we can check your account.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Aviso de phishing",
                "Hola, {{customer.first_name}}:\n\nGracias por reenviarnos este mensaje. No lo ha enviado Arbiter Exchange: es un intento de phishing para robar tus datos de acceso. No hagas clic en el enlace ni respondas, y elimina el mensaje. Los correos auténticos que te enviamos siempre incluyen el código antiphishing que configuraste en Perfil > Seguridad, y nunca te pediremos tu contraseña, tus códigos 2FA ni tu frase de recuperación, ni que muevas fondos a un supuesto monedero seguro. Si llegaste a introducir tus datos en esa página, cambia tu contraseña y restablece tu 2FA cuanto antes, y avísanos para revisar tu cuenta.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Alerta de phishing",
                "Olá, {{customer.first_name}},\n\nObrigado por nos encaminhar esta mensagem. Ela não foi enviada pela Arbiter Exchange: é uma tentativa de phishing para roubar os seus dados de acesso. Não clique no link nem responda, e apague a mensagem. Os e-mails verdadeiros que enviamos sempre trazem o código antiphishing que você definiu em Perfil > Segurança, e nunca pedimos a sua senha, os códigos de 2FA ou a frase de recuperação, nem que você transfira fundos para uma suposta carteira segura. Se você chegou a digitar os seus dados nessa página, troque a senha e redefina o 2FA imediatamente, e nos avise para verificarmos a sua conta.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Phishing-Warnung",
                "Hallo {{customer.first_name}},\n\nvielen Dank, dass Sie uns diese Nachricht weitergeleitet haben. Sie stammt nicht von Arbiter Exchange, sondern ist ein Phishing-Versuch, mit dem Ihre Zugangsdaten gestohlen werden sollen. Bitte klicken Sie nicht auf den Link, antworten Sie nicht und löschen Sie die Nachricht. Echte E-Mails von uns enthalten immer den Anti-Phishing-Code, den Sie unter Profil > Sicherheit festgelegt haben, und wir fragen niemals nach Ihrem Passwort, Ihren 2FA-Codes oder Ihrer Wiederherstellungsphrase und fordern Sie nie auf, Guthaben auf eine angeblich sichere Wallet zu übertragen. Falls Sie Ihre Daten auf der Seite eingegeben haben, ändern Sie bitte sofort Ihr Passwort, setzen Sie Ihre 2FA zurück und geben Sie uns Bescheid, damit wir Ihr Konto prüfen können.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Alerte hameçonnage",
                "Bonjour {{customer.first_name}},\n\nMerci de nous avoir transféré ce message. Il ne provient pas d'Arbiter Exchange : il s'agit d'une tentative d'hameçonnage (phishing) destinée à voler vos identifiants. Ne cliquez pas sur le lien, n'y répondez pas et supprimez le message. Nos véritables e-mails contiennent toujours le code anti-phishing que vous avez défini dans Profil > Sécurité, et nous ne vous demanderons jamais votre mot de passe, vos codes 2FA ou votre phrase de récupération, ni de transférer vos fonds vers un prétendu portefeuille sécurisé. Si vous avez saisi vos informations sur cette page, changez immédiatement votre mot de passe, réinitialisez votre 2FA et prévenez-nous afin que nous vérifiions votre compte.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "釣魚詐騙警示",
                "{{customer.first_name}} 您好：\n\n感謝您將這則訊息轉寄給我們。這封信並非 Arbiter Exchange 寄出，而是企圖竊取您登入資訊的釣魚詐騙。請不要點擊連結或回覆，並直接刪除。我們寄出的正式郵件一定會附上您在「個人檔案 > 安全性」設定的防釣魚碼；我們也絕不會向您索取密碼、2FA 驗證碼或助記詞，更不會要求您把資金轉到所謂的「安全錢包」。如果您已在該頁面輸入資料，請立即變更密碼並重設 2FA，同時告知我們，以便檢查您的帳戶。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "フィッシング詐欺へのご注意",
                "{{customer.first_name}} 様\n\n不審なメッセージを転送いただき、ありがとうございます。こちらは Arbiter Exchange からのものではなく、ログイン情報を盗み取る目的のフィッシング詐欺です。リンクはクリックせず、返信もしないで、メッセージを削除してください。当社からの正規のメールには、「プロフィール > セキュリティ」で設定いただいたフィッシング対策コードが必ず記載されています。また、当社がパスワード、二段階認証コード、リカバリーフレーズをお尋ねしたり、「安全なウォレット」への資産移動をお願いしたりすることは決してございません。万が一そのページに情報を入力してしまった場合は、直ちにパスワードを変更して二段階認証を再設定し、当社までご連絡ください。アカウントの状態を確認いたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Oltalama (phishing) uyarısı",
                "Merhaba {{customer.first_name}},\n\nBu mesajı bize ilettiğiniz için teşekkür ederiz. Mesaj Arbiter Exchange'ten gelmedi; giriş bilgilerinizi çalmak için hazırlanmış bir oltalama girişimidir. Lütfen bağlantıya tıklamayın, yanıt vermeyin ve mesajı silin. Bizden gelen gerçek e-postalarda her zaman Profil > Güvenlik bölümünde belirlediğiniz oltalama karşıtı kod yer alır; ayrıca şifrenizi, 2FA kodlarınızı veya kurtarma ifadenizi asla istemeyiz ve fonlarınızı sözde güvenli bir cüzdana taşımanızı talep etmeyiz. Bilgilerinizi o sayfaya girdiyseniz hemen şifrenizi değiştirin, 2FA'nızı sıfırlayın ve hesabınızı kontrol edebilmemiz için bize haber verin.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Предупреждение о фишинге",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо, что переслали нам это сообщение. Оно отправлено не Arbiter Exchange: это фишинговая попытка украсть ваши данные для входа. Не переходите по ссылке, не отвечайте и удалите сообщение. Настоящие письма от нас всегда содержат антифишинговый код, который вы задали в разделе «Профиль > Безопасность». Мы никогда не просим пароль, коды 2FA или фразу восстановления и не предлагаем перевести средства на «безопасный кошелёк». Если вы уже ввели свои данные на той странице, немедленно смените пароль, сбросьте 2FA и сообщите нам — мы проверим ваш аккаунт.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "scam_pig_butchering",
        kinds: &[TicketKind::FraudClaim],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["scam", "investment-scam", "police-report"],
        translations: &[mt(
            "en",
            "Investment scam – support and police report",
            "Hi {{customer.first_name}},\n\nI'm truly sorry about what happened, and thank you for trusting us with it. What you describe matches a well-known investment scam, often called pig butchering: someone builds a friendship or romance over weeks, shows growing profits on a fake trading website, and then asks for more money as taxes or fees to release the balance. You are not alone, and reaching out was the right thing to do. Please don't send any more money, whatever they promise, and be wary of recovery services that contact you, as they are usually run by the same scammers. We strongly recommend filing a police report and sending us the reference number, so we can add it to case {{ticket.id}} and respond directly to the police. Meanwhile, our Fraud team will trace the transfers and, where the funds reached a cooperating platform, ask for them to be frozen.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    // ------------------------------------------------------------------
    // P2P and trade disputes
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "p2p_payment_proof",
        kinds: &[TicketKind::P2pDispute],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["p2p", "payment-proof"],
        translations: &[
            mt(
                "en",
                "P2P – please upload payment proof",
                "Hi {{customer.first_name}},\n\nThank you for opening this appeal. The crypto for this order is locked in escrow, so it can't be released or lost while we review the case. To decide the appeal, please upload the following to the appeal page within 3 hours:\n\n- the official payment receipt or bank statement showing the transfer (a screenshot of the chat is not enough)\n- the sender's and the recipient's names and account numbers as shown by the bank\n- the date, time and exact amount of the payment\n\nPlease don't cancel the order or mark it as paid again while the appeal is open. A P2P specialist will review the evidence from both sides and update you here.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "P2P – sube el comprobante de pago",
                "Hola, {{customer.first_name}}:\n\nGracias por abrir esta apelación. Las criptomonedas de esta orden están bloqueadas en custodia (escrow), así que no pueden liberarse ni perderse mientras revisamos el caso. Para resolver la apelación, sube lo siguiente en la página de la apelación en un plazo de 3 horas:\n\n- el justificante oficial del pago o el extracto bancario donde se vea la transferencia (una captura del chat no es suficiente)\n- los nombres y números de cuenta del ordenante y del beneficiario tal como aparecen en el banco\n- la fecha, la hora y el importe exacto del pago\n\nMientras la apelación esté abierta, no canceles la orden ni vuelvas a marcarla como pagada. Un especialista de P2P revisará las pruebas de ambas partes y te informará por aquí.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "P2P – envie o comprovante de pagamento",
                "Olá, {{customer.first_name}},\n\nObrigado por abrir esta apelação. As criptomoedas desta ordem estão travadas em custódia (escrow), então não podem ser liberadas nem perdidas enquanto analisamos o caso. Para decidirmos a apelação, envie os itens abaixo na página da apelação em até 3 horas:\n\n- o comprovante oficial do pagamento ou o extrato bancário mostrando a transferência (print da conversa não é suficiente)\n- os nomes e números de conta do pagador e do recebedor, como aparecem no banco\n- a data, o horário e o valor exato do pagamento\n\nEnquanto a apelação estiver aberta, não cancele a ordem nem marque como paga novamente. Um especialista de P2P vai analisar as provas das duas partes e te atualizar por aqui.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "P2P – bitte Zahlungsnachweis hochladen",
                "Hallo {{customer.first_name}},\n\nvielen Dank, dass Sie einen Einspruch eröffnet haben. Die Kryptowerte dieser Order liegen gesperrt in der Treuhand (Escrow) und können daher während unserer Prüfung weder freigegeben werden noch verloren gehen. Damit wir entscheiden können, laden Sie bitte innerhalb von 3 Stunden auf der Einspruchsseite hoch:\n\n- den offiziellen Zahlungsbeleg oder Kontoauszug mit der Überweisung (ein Screenshot des Chats reicht nicht aus)\n- Namen und Kontonummern von Auftraggeber und Empfänger, wie sie bei der Bank angezeigt werden\n- Datum, Uhrzeit und genauen Betrag der Zahlung\n\nBitte stornieren Sie die Order nicht und markieren Sie sie nicht erneut als bezahlt, solange der Einspruch offen ist. Eine P2P-Fachkraft prüft die Nachweise beider Seiten und meldet sich hier bei Ihnen.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "P2P – merci de fournir la preuve de paiement",
                "Bonjour {{customer.first_name}},\n\nMerci d'avoir ouvert ce litige. Les cryptomonnaies de cet ordre sont bloquées sous séquestre (escrow) : elles ne peuvent être ni libérées ni perdues pendant notre examen. Pour que nous puissions trancher, merci de téléverser sur la page du litige, dans un délai de 3 heures :\n\n- le justificatif officiel de paiement ou le relevé bancaire montrant le virement (une capture d'écran du chat ne suffit pas)\n- les noms et numéros de compte de l'émetteur et du bénéficiaire tels qu'affichés par la banque\n- la date, l'heure et le montant exact du paiement\n\nMerci de ne pas annuler l'ordre ni le marquer à nouveau comme payé tant que le litige est ouvert. Un spécialiste P2P examinera les éléments des deux parties et vous tiendra informé(e) ici.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "P2P – 請上傳付款證明",
                "{{customer.first_name}} 您好：\n\n感謝您提出申訴。這筆訂單的加密貨幣已由平台託管鎖定，在我們審查期間不會被放行，也不會遺失。為了判定申訴結果，請在 3 小時內於申訴頁面上傳以下資料：\n\n- 顯示該筆轉帳的銀行正式付款憑證或對帳單（聊天截圖不足以作為證明）\n- 銀行顯示的付款人與收款人姓名及帳號\n- 付款的日期、時間與確切金額\n\n申訴期間，請勿取消訂單，也不要再次標記為已付款。P2P 專員會審閱雙方提供的證據，並在此回覆您。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "P2P – 支払い証明のアップロードのお願い",
                "{{customer.first_name}} 様\n\n異議申し立てをいただきありがとうございます。本注文の暗号資産はエスクローにてロックされており、審査中に解放されたり失われたりすることはございません。判断にあたり、3時間以内に異議申し立てページへ以下の資料をアップロードしてください。\n\n- 送金が確認できる銀行の正式な振込明細または取引明細書（チャットのスクリーンショットのみでは不十分です）\n- 銀行上に表示される振込人・受取人の氏名と口座番号\n- 支払いの日時と正確な金額\n\n申し立て中は、注文のキャンセルや再度の支払い済み操作はお控えください。P2P担当者が双方の資料を確認のうえ、こちらでご連絡いたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "P2P – lütfen ödeme kanıtı yükleyin",
                "Merhaba {{customer.first_name}},\n\nİtiraz kaydı açtığınız için teşekkür ederiz. Bu emrin kripto varlıkları emanette (escrow) kilitli; yani inceleme sürerken serbest bırakılamaz veya kaybolamaz. İtirazı sonuçlandırabilmemiz için lütfen 3 saat içinde itiraz sayfasına şunları yükleyin:\n\n- transferi gösteren resmi banka dekontu veya hesap ekstresi (sohbetin ekran görüntüsü yeterli değildir)\n- bankada görünen şekliyle gönderen ve alıcının adları ile hesap numaraları\n- ödemenin tarihi, saati ve tam tutarı\n\nİtiraz açıkken lütfen emri iptal etmeyin veya yeniden ödendi olarak işaretlemeyin. Bir P2P uzmanı iki tarafın kanıtlarını inceleyip size buradan bilgi verecektir.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "P2P – загрузите подтверждение оплаты",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо, что открыли апелляцию. Криптовалюта по этому ордеру заблокирована в эскроу, поэтому во время проверки её нельзя ни выпустить, ни потерять. Чтобы мы могли принять решение, в течение 3 часов загрузите на странице апелляции:\n\n- официальную квитанцию или банковскую выписку с этим переводом (скриншота чата недостаточно)\n- имена и номера счетов отправителя и получателя так, как их показывает банк\n- дату, время и точную сумму платежа\n\nПока апелляция открыта, не отменяйте ордер и не отмечайте его повторно как оплаченный. Специалист P2P изучит доказательства обеих сторон и сообщит вам о решении здесь.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "P2P – 결제 증빙 업로드 요청",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n이의 제기를 접수해 주셔서 감사합니다. 이 주문의 가상자산은 에스크로에 잠겨 있어, 검토 중에는 지급되거나 분실될 수 없습니다. 판단을 위해 3시간 이내에 이의 제기 페이지에 아래 자료를 업로드해 주세요.\n\n- 이체 내역이 확인되는 은행의 공식 이체확인증 또는 거래내역서(채팅 캡처만으로는 부족합니다)\n- 은행에 표시된 송금인과 수취인의 이름 및 계좌번호\n- 결제 날짜, 시간 및 정확한 금액\n\n이의 제기가 진행되는 동안에는 주문을 취소하거나 다시 결제 완료로 표시하지 마세요. P2P 전문 담당자가 양측의 자료를 검토한 후 이곳으로 안내해 드리겠습니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "P2P – vui lòng tải lên bằng chứng thanh toán",
                "Chào anh/chị {{customer.first_name}},\n\nCảm ơn anh/chị đã mở khiếu nại. Số tiền mã hóa của lệnh này đang được khóa trong ký quỹ (escrow), nên không thể bị giải phóng hay thất lạc trong thời gian chúng tôi xem xét. Để có cơ sở giải quyết, anh/chị vui lòng tải lên trang khiếu nại trong vòng 3 giờ:\n\n- biên lai chuyển khoản chính thức hoặc sao kê ngân hàng thể hiện giao dịch (ảnh chụp màn hình cuộc trò chuyện là không đủ)\n- họ tên và số tài khoản của người chuyển và người nhận như hiển thị trên ngân hàng\n- ngày, giờ và số tiền chính xác của khoản thanh toán\n\nTrong thời gian khiếu nại, vui lòng không hủy lệnh hoặc đánh dấu đã thanh toán lần nữa. Chuyên viên P2P sẽ xem xét bằng chứng của cả hai bên và cập nhật cho anh/chị tại đây.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "p2p_third_party_payment",
        kinds: &[TicketKind::P2pDispute],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["p2p", "third-party-payment"],
        translations: &[
            mt(
                "en",
                "P2P – third-party payments are not allowed",
                "Hi {{customer.first_name}},\n\nThank you for your patience while we reviewed this order. The payment for this order came from a bank account that is not in the buyer's verified name on Arbiter. Our P2P rules don't allow third-party payments, because they are a common way of moving stolen money and can get the seller's bank account frozen. For this reason, the crypto will not be released. To close the appeal, the seller must return the payment to the exact account it came from and upload proof of the refund; the order will then be cancelled and the crypto returned to the seller's P2P wallet. Please note that repeated third-party payments lead to the loss of P2P access.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "P2P – no se permiten pagos de terceros",
                "Hola, {{customer.first_name}}:\n\nGracias por tu paciencia mientras revisábamos esta orden. El pago de esta orden se hizo desde una cuenta bancaria que no está a nombre del comprador verificado en Arbiter. Nuestras normas P2P no permiten pagos de terceros, porque son una vía habitual para mover dinero robado y pueden provocar que se congele la cuenta bancaria del vendedor. Por eso, las criptomonedas no se liberarán. Para cerrar la apelación, el vendedor debe devolver el pago a la misma cuenta de la que procede y subir el justificante de la devolución; después, la orden se cancelará y las criptomonedas volverán a su monedero P2P. Ten en cuenta que los pagos de terceros reiterados conllevan la pérdida del acceso a P2P.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "P2P – pagamentos de terceiros não são permitidos",
                "Olá, {{customer.first_name}},\n\nObrigado pela paciência enquanto analisávamos esta ordem. O pagamento desta ordem veio de uma conta bancária que não está no nome verificado do comprador na Arbiter. As nossas regras de P2P não permitem pagamentos de terceiros, porque eles são uma forma comum de movimentar dinheiro roubado e podem levar ao bloqueio da conta bancária do vendedor. Por isso, as criptomoedas não serão liberadas. Para encerrar a apelação, o vendedor deve devolver o pagamento exatamente para a conta de origem e enviar o comprovante da devolução; em seguida, a ordem será cancelada e as criptomoedas voltarão para a carteira P2P do vendedor. Lembramos que pagamentos de terceiros repetidos resultam na perda do acesso ao P2P.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "P2P – Zahlungen durch Dritte sind nicht erlaubt",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Geduld, während wir diese Order geprüft haben. Die Zahlung kam von einem Bankkonto, das nicht auf den bei Arbiter verifizierten Namen des Käufers lautet. Unsere P2P-Regeln erlauben keine Zahlungen durch Dritte, da sie häufig genutzt werden, um gestohlenes Geld zu verschieben, und dazu führen können, dass das Bankkonto des Verkäufers eingefroren wird. Aus diesem Grund werden die Kryptowerte nicht freigegeben. Um den Einspruch abzuschließen, muss der Verkäufer die Zahlung auf genau das Konto zurücküberweisen, von dem sie kam, und einen Nachweis der Rückzahlung hochladen; danach wird die Order storniert und die Kryptowerte gehen zurück in seine P2P-Wallet. Bitte beachten Sie, dass wiederholte Drittzahlungen zum Verlust des P2P-Zugangs führen.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "P2P – les paiements par un tiers ne sont pas autorisés",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre patience pendant l'examen de cet ordre. Le paiement de cet ordre provient d'un compte bancaire qui n'est pas au nom vérifié de l'acheteur sur Arbiter. Nos règles P2P interdisent les paiements par un tiers, car ils servent souvent à faire circuler de l'argent volé et peuvent entraîner le gel du compte bancaire du vendeur. Pour cette raison, les cryptomonnaies ne seront pas libérées. Pour clore le litige, le vendeur doit rembourser le paiement sur le compte exact dont il provient et téléverser la preuve du remboursement ; l'ordre sera alors annulé et les cryptomonnaies restituées sur son portefeuille P2P. Veuillez noter que des paiements par un tiers répétés entraînent la perte de l'accès au P2P.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "P2P – 不接受第三方付款",
                "{{customer.first_name}} 您好：\n\n感謝您在我們審查這筆訂單期間耐心等候。經查，這筆訂單的款項來自一個並非買方在 Arbiter 上驗證姓名的銀行帳戶。依照 P2P 規則，平台不接受第三方付款，因為這類付款常被用來轉移贓款，也可能導致賣方的銀行帳戶遭到凍結。因此，這筆加密貨幣將不會放行。若要結束申訴，賣方須將款項原路退回至付款來源帳戶，並上傳退款證明；之後訂單會被取消，加密貨幣將退回賣方的 P2P 錢包。請注意，多次使用第三方付款將會失去 P2P 交易資格。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "P2P – 第三者名義での支払いは認められません",
                "{{customer.first_name}} 様\n\n本注文の審査にあたり、お待ちいただきありがとうございました。確認の結果、本注文の代金は、Arbiter で本人確認済みの買い手名義ではない銀行口座から支払われていました。当社のP2Pルールでは、第三者名義での支払いを認めておりません。これは、盗まれた資金の移動によく使われる手口であり、売り手の銀行口座が凍結される原因にもなり得るためです。このため、暗号資産は解放されません。異議申し立てを終了するには、売り手が代金を送金元の口座へそのまま返金し、返金の証明をアップロードする必要がございます。その後、注文はキャンセルされ、暗号資産は売り手のP2Pウォレットへ戻されます。第三者名義での支払いを繰り返した場合、P2Pのご利用資格が停止されますのでご注意ください。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "P2P – üçüncü şahıs ödemelerine izin verilmez",
                "Merhaba {{customer.first_name}},\n\nBu emri incelerken gösterdiğiniz sabır için teşekkür ederiz. Bu emrin ödemesi, alıcının Arbiter'de doğrulanmış adına kayıtlı olmayan bir banka hesabından yapılmış. P2P kurallarımız üçüncü şahıs ödemelerine izin vermez; çünkü bu yöntem çalıntı paranın aktarılmasında sık kullanılır ve satıcının banka hesabının dondurulmasına yol açabilir. Bu nedenle kripto varlıklar serbest bırakılmayacaktır. İtirazı kapatmak için satıcının ödemeyi geldiği hesaba aynen iade etmesi ve iade dekontunu yüklemesi gerekir; ardından emir iptal edilir ve kripto varlıklar satıcının P2P cüzdanına geri döner. Tekrarlanan üçüncü şahıs ödemelerinin P2P erişiminin kaybedilmesiyle sonuçlandığını hatırlatırız.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "P2P – оплата от третьих лиц запрещена",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за терпение, пока мы проверяли этот ордер. Оплата по нему поступила со счёта, который оформлен не на верифицированное в Arbiter имя покупателя. Правила P2P запрещают оплату от третьих лиц: так часто перемещают похищенные деньги, а у продавца из-за этого может быть заблокирован банковский счёт. Поэтому криптовалюта выпущена не будет. Чтобы закрыть апелляцию, продавец должен вернуть платёж именно на тот счёт, с которого он пришёл, и загрузить подтверждение возврата; после этого ордер будет отменён, а криптовалюта вернётся на его P2P-кошелёк. Обратите внимание: за повторную оплату от третьих лиц доступ к P2P отключается.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "trade_dispute_review",
        kinds: &[TicketKind::TradeDispute],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["trade-dispute", "under-review"],
        translations: &[mt(
            "en",
            "Trade dispute – slippage, liquidation and our review",
            "Hi {{customer.first_name}},\n\nThank you for the details of this trade; I understand how frustrating an unexpected result is. Two things commonly explain a gap between the expected and the executed price. Market orders fill at the best prices available in the order book, so in fast or thin markets part of the order can fill at a worse price; this is called slippage. Futures positions are liquidated based on the mark price, not the last traded price, so a liquidation can happen even if the chart you were watching didn't touch your liquidation price. I've passed your case to our trading review team, who will check the order book, the mark price and the execution logs for your order, and if the order wasn't executed according to our rules, we will correct it. You'll receive their findings within 5 business days under reference {{ticket.id}}.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "trade_review_no_error",
        kinds: &[TicketKind::TradeDispute],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["trade-dispute", "reviewed"],
        translations: &[mt(
            "en",
            "Trade dispute – order executed correctly",
            "Hi {{customer.first_name}},\n\nThank you for waiting while our trading review team looked into your order. They checked the order book, the price feeds and the execution logs at the time of the trade, and confirmed that the order was executed correctly for its order type and the market conditions at that moment. For this reason, we're not able to reverse the trade or offer compensation. I know this isn't the answer you were hoping for. To limit the impact of fast markets in future, you can use limit orders instead of market orders, set a slippage tolerance, or use lower leverage on futures. If you have additional evidence we haven't considered, just reply and I'll pass it on to the team.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    // ------------------------------------------------------------------
    // Escalations, waiting and follow-ups
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "escalated_specialist",
        kinds: &[],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["escalated"],
        translations: &[
            mt(
                "en",
                "Escalated to a specialist team",
                "Hi {{customer.first_name}},\n\nThank you for your patience. Your request needs a closer look from one of our specialist teams, so I have escalated it together with all the details and documents you've already sent. You don't need to repeat anything or open a new ticket. The specialist team will contact you within 2 business days. In the meantime I'll keep an eye on your case ({{ticket.id}}) and let you know if anything changes.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Escalado a un equipo especializado",
                "Hola, {{customer.first_name}}:\n\nGracias por tu paciencia. Tu solicitud necesita una revisión más detallada por parte de uno de nuestros equipos especializados, así que la he escalado junto con todos los datos y documentos que ya nos enviaste. No tienes que repetir nada ni abrir un ticket nuevo. El equipo especializado se pondrá en contacto contigo en un plazo de 2 días hábiles. Mientras tanto, seguiré pendiente de tu caso ({{ticket.id}}) y te avisaré si hay cualquier novedad.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Encaminhado para uma equipe especializada",
                "Olá, {{customer.first_name}},\n\nObrigado pela paciência. A sua solicitação precisa de uma análise mais detalhada de uma das nossas equipes especializadas, por isso eu a encaminhei junto com todas as informações e documentos que você já enviou. Você não precisa repetir nada nem abrir um novo chamado. A equipe especializada vai entrar em contato em até 2 dias úteis. Enquanto isso, sigo acompanhando o seu caso ({{ticket.id}}) e aviso se houver qualquer novidade.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "An ein Fachteam weitergeleitet",
                "Hallo {{customer.first_name}},\n\nvielen Dank für Ihre Geduld. Ihr Anliegen muss von einem unserer Fachteams genauer geprüft werden, daher habe ich es mit allen Angaben und Dokumenten, die Sie uns bereits geschickt haben, weitergeleitet. Sie müssen nichts wiederholen und kein neues Ticket eröffnen. Das Fachteam meldet sich innerhalb von 2 Werktagen bei Ihnen. Bis dahin behalte ich Ihren Vorgang ({{ticket.id}}) im Blick und gebe Ihnen Bescheid, falls sich etwas ändert.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Transmis à une équipe spécialisée",
                "Bonjour {{customer.first_name}},\n\nMerci pour votre patience. Votre demande nécessite un examen approfondi par l'une de nos équipes spécialisées ; je la leur ai donc transmise avec toutes les informations et tous les documents que vous nous avez déjà envoyés. Vous n'avez rien à répéter ni de nouveau ticket à ouvrir. L'équipe spécialisée vous contactera sous 2 jours ouvrés. En attendant, je continue de suivre votre dossier ({{ticket.id}}) et vous préviendrai en cas de changement.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "已轉交專責團隊處理",
                "{{customer.first_name}} 您好：\n\n感謝您的耐心等候。您的問題需要由專責團隊進一步審查，因此我已將案件連同您先前提供的所有資料與文件一併轉交。您不需要重複說明，也不必另開新案件。專責團隊將於 2 個工作天內與您聯繫。在此期間，我會持續追蹤您的案件（{{ticket.id}}），如有任何進展會立即通知您。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "専門チームへのエスカレーションのご案内",
                "{{customer.first_name}} 様\n\nお待たせしており申し訳ございません。本件は専門チームによる詳細な確認が必要なため、これまでにお送りいただいた情報と書類をすべて添えて、専門チームへ引き継ぎいたしました。同じ内容を改めてご説明いただいたり、新たにお問い合わせいただいたりする必要はございません。専門チームより2営業日以内にご連絡いたします。その間も、わたくしがお問い合わせ（{{ticket.id}}）の状況を確認し、動きがあり次第お知らせいたします。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Uzman ekibe aktarıldı",
                "Merhaba {{customer.first_name}},\n\nSabrınız için teşekkür ederiz. Talebinizin uzman ekiplerimizden biri tarafından daha ayrıntılı incelenmesi gerekiyor; bu nedenle talebinizi, daha önce gönderdiğiniz tüm bilgi ve belgelerle birlikte ilgili ekibe aktardım. Hiçbir şeyi tekrar etmeniz veya yeni bir talep açmanız gerekmiyor. Uzman ekip 2 iş günü içinde sizinle iletişime geçecek. Bu süre boyunca talebinizi ({{ticket.id}}) takip etmeye devam edeceğim ve bir gelişme olursa size haber vereceğim.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Передано профильной команде",
                "Здравствуйте, {{customer.first_name}}!\n\nСпасибо за терпение. Ваш запрос требует более детальной проверки одной из наших профильных команд, поэтому мы передали его вместе со всеми данными и документами, которые вы уже прислали. Вам не нужно ничего повторять или создавать новое обращение. Специалисты свяжутся с вами в течение 2 рабочих дней. А я тем временем продолжу следить за вашим обращением ({{ticket.id}}) и сообщу, если что-то изменится.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
        ],
    },
    MacroTemplate {
        key: "waiting_internal_team",
        kinds: &[],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["waiting-internal"],
        translations: &[mt(
            "en",
            "Update – still waiting on the internal team",
            "Hi {{customer.first_name}},\n\nI wanted to give you a quick update on your request ({{ticket.id}}). Our internal team is still working on it, and I've asked them to give it priority. I understand that waiting is frustrating, and I'm sorry it's taking longer than we'd like. There's nothing you need to do right now; I'll write to you again as soon as I hear back, or within 3 business days at the latest.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "follow_up_reminder",
        kinds: &[],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["follow-up"],
        translations: &[mt(
            "en",
            "Follow-up – waiting for your reply",
            "Hi {{customer.first_name}},\n\nI'm following up on my previous message about your request ({{ticket.id}}). We still need the information requested there before we can continue. When you have a moment, please reply to this message with the details or attachments. If the issue has already been resolved, just let us know and I'll close the ticket. If we don't hear from you within 7 days, the ticket will be closed automatically, but you can reopen it at any time by replying.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "closing_no_reply",
        kinds: &[],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["no-reply"],
        translations: &[
            mt(
                "en",
                "Closing – no reply from customer",
                "Hi {{customer.first_name}},\n\nAs we haven't heard back from you for a while, I'm closing this ticket ({{ticket.id}}) for now. If you still need help, simply reply to this message and the conversation will reopen with its full history, so you won't need to explain everything again. Thank you for choosing Arbiter Exchange.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "es",
                "Cierre – sin respuesta del cliente",
                "Hola, {{customer.first_name}}:\n\nComo hace tiempo que no sabemos de ti, voy a cerrar este ticket ({{ticket.id}}) por ahora. Si todavía necesitas ayuda, basta con que respondas a este mensaje y la conversación se reabrirá con todo su historial, así que no tendrás que volver a explicarlo todo. Gracias por confiar en Arbiter Exchange.\n\nUn saludo,\n{{agent.first_name}}\nSoporte de Arbiter Exchange",
            ),
            mt(
                "pt",
                "Encerramento – sem resposta do cliente",
                "Olá, {{customer.first_name}},\n\nComo não recebemos retorno seu há algum tempo, vou encerrar este chamado ({{ticket.id}}) por enquanto. Se ainda precisar de ajuda, é só responder a esta mensagem que a conversa será reaberta com todo o histórico, sem que você precise explicar tudo de novo. Obrigado por escolher a Arbiter Exchange.\n\nAtenciosamente,\n{{agent.first_name}}\nSuporte Arbiter Exchange",
            ),
            mt(
                "de",
                "Abschluss – keine Rückmeldung",
                "Hallo {{customer.first_name}},\n\nda wir schon eine Weile nichts mehr von Ihnen gehört haben, schließe ich dieses Ticket ({{ticket.id}}) vorerst. Falls Sie weiterhin Hilfe benötigen, antworten Sie einfach auf diese Nachricht: Die Unterhaltung wird dann mit dem gesamten Verlauf wieder geöffnet, sodass Sie nichts erneut erklären müssen. Vielen Dank, dass Sie sich für Arbiter Exchange entschieden haben.\n\nViele Grüße\n{{agent.first_name}}\nArbiter Exchange Support",
            ),
            mt(
                "fr",
                "Clôture – sans réponse du client",
                "Bonjour {{customer.first_name}},\n\nN'ayant pas eu de nouvelles de votre part depuis un moment, je clôture ce ticket ({{ticket.id}}) pour le moment. Si vous avez encore besoin d'aide, il vous suffit de répondre à ce message : la conversation sera rouverte avec tout son historique, sans que vous ayez à tout réexpliquer. Merci d'avoir choisi Arbiter Exchange.\n\nCordialement,\n{{agent.first_name}}\nSupport Arbiter Exchange",
            ),
            mt(
                "zh",
                "結案 – 未收到回覆",
                "{{customer.first_name}} 您好：\n\n由於我們已有一段時間未收到您的回覆，此案件（{{ticket.id}}）將先行結案。若您仍需要協助，只要直接回覆此信，對話就會連同完整紀錄重新開啟，您不必再從頭說明。感謝您選擇 Arbiter Exchange。\n\n{{agent.first_name}} 敬上\nArbiter Exchange 客服團隊",
            ),
            mt(
                "ja",
                "クローズのご案内 – ご返信がない場合",
                "{{customer.first_name}} 様\n\nしばらくご返信をいただいておりませんので、本お問い合わせ（{{ticket.id}}）はいったんクローズさせていただきます。引き続きサポートが必要な場合は、本メールにご返信いただければ、これまでの経緯を含めてお問い合わせが再開されますので、改めてご説明いただく必要はございません。Arbiter Exchange をご利用いただき、誠にありがとうございます。\n\n何卒よろしくお願いいたします。\n\nArbiter Exchange サポート\n{{agent.first_name}}",
            ),
            mt(
                "tr",
                "Kapanış – müşteriden yanıt yok",
                "Merhaba {{customer.first_name}},\n\nBir süredir sizden haber alamadığımız için bu talebi ({{ticket.id}}) şimdilik kapatıyorum. Hâlâ yardıma ihtiyacınız olursa bu mesaja yanıt vermeniz yeterli; görüşme tüm geçmişiyle yeniden açılır ve her şeyi baştan anlatmanız gerekmez. Arbiter Exchange'i tercih ettiğiniz için teşekkür ederiz.\n\nSaygılarımızla,\n{{agent.first_name}}\nArbiter Exchange Destek Ekibi",
            ),
            mt(
                "ru",
                "Закрытие – нет ответа от клиента",
                "Здравствуйте, {{customer.first_name}}!\n\nМы давно не получали от вас ответа, поэтому я пока закрываю это обращение ({{ticket.id}}). Если помощь всё ещё нужна, просто ответьте на это письмо — переписка откроется снова со всей историей, и вам не придётся объяснять всё заново. Спасибо, что выбрали Arbiter Exchange.\n\nС уважением,\n{{agent.first_name}}\nСлужба поддержки Arbiter Exchange",
            ),
            mt(
                "ko",
                "종료 안내 – 고객 회신 없음",
                "{{customer.first_name}} 고객님, 안녕하세요.\n\n한동안 회신을 받지 못해 이 문의({{ticket.id}})는 우선 종료하겠습니다. 아직 도움이 필요하시면 이 메일에 회신만 해 주세요. 이전 대화 내용과 함께 문의가 다시 열리므로 처음부터 다시 설명하실 필요가 없습니다. Arbiter Exchange를 이용해 주셔서 감사합니다.\n\n감사합니다.\n{{agent.first_name}} 드림\nArbiter Exchange 고객지원팀",
            ),
            mt(
                "vi",
                "Đóng yêu cầu – không nhận được phản hồi",
                "Chào anh/chị {{customer.first_name}},\n\nVì đã một thời gian chúng tôi chưa nhận được phản hồi từ anh/chị, tôi xin phép tạm đóng yêu cầu này ({{ticket.id}}). Nếu vẫn cần hỗ trợ, anh/chị chỉ cần trả lời thư này, cuộc trò chuyện sẽ được mở lại cùng toàn bộ lịch sử, nên anh/chị không cần giải thích lại từ đầu. Cảm ơn anh/chị đã tin dùng Arbiter Exchange.\n\nTrân trọng,\n{{agent.first_name}}\nBộ phận Hỗ trợ Arbiter Exchange",
            ),
        ],
    },
    // ------------------------------------------------------------------
    // Complaints, feedback and incidents
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "complaint_ack",
        kinds: &[TicketKind::Complaint],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["complaint", "formal-complaint"],
        translations: &[mt(
            "en",
            "Complaint – acknowledgement",
            "Hi {{customer.first_name}},\n\nThank you for taking the time to tell us about your experience, and I'm sorry we didn't meet your expectations. I've registered your message as a formal complaint under reference {{ticket.id}} and passed it to our complaints team, who are independent from the team that handled your original request. They will investigate and send you a full written response within 15 business days. If the case is complex and they need more time, they'll explain why and give you a new date, no later than 35 business days from today. You can add further information at any time by replying to this message.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "feedback_forwarded_product",
        kinds: &[TicketKind::Complaint],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["feedback", "product"],
        translations: &[mt(
            "en",
            "Feedback forwarded to the product team",
            "Hi {{customer.first_name}},\n\nThank you for sharing this feedback; comments like yours really help us improve. I've forwarded your suggestion to our product team, together with the details and screenshots you sent. I can't promise if or when a change will be made, but every request is reviewed and counted, and frequently requested improvements get priority on the roadmap. New features are announced in the app and on our blog. Thanks again for helping us make Arbiter Exchange better.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "outage_apology",
        kinds: &[],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["incident", "outage"],
        translations: &[mt(
            "en",
            "Service disruption – apology",
            "Hi {{customer.first_name}},\n\nThank you for your message, and I'm very sorry for the disruption. Earlier today some of our services were unavailable or slower than usual because of a technical incident. Our engineers have resolved it, and all services are running normally again. Your funds were safe throughout, and orders that were open during the incident stayed on the order book. If you believe you suffered a loss as a direct result of the outage, please reply with the order IDs and a short description, and our trading team will review each case individually. You can find a summary of the incident on our status page.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    // ------------------------------------------------------------------
    // Account, fees and product questions
    // ------------------------------------------------------------------
    MacroTemplate {
        key: "fee_explanation",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["fees"],
        translations: &[mt(
            "en",
            "Fee explanation",
            "Hi {{customer.first_name}},\n\nThanks for your question about fees. On the spot market, the standard trading fee is 0.10% for both maker and taker orders, and it goes down as your VIP level goes up. Withdrawals carry a network fee that depends on the asset and the network; it's shown before you confirm and is paid to the blockchain, not to us. Card purchases include a processing fee, which is also shown on the confirmation screen before you pay. You can see every fee you've paid under Assets > History, and the full schedule in our Help Centre article on fees.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "tax_statement",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["tax", "statements"],
        translations: &[mt(
            "en",
            "Tax statement – where to download it",
            "Hi {{customer.first_name}},\n\nYou can download your annual statement yourself in the app under Wallet > Statements. Choose Annual tax statement, select the year and the format (PDF or CSV), and we'll email you a download link within a few minutes; for very active accounts it can take up to 24 hours. The statement lists your trades, deposits, withdrawals, card purchases and fees for the selected period. Please note that we can't give tax advice and the statement doesn't calculate gains or losses, so many customers import the CSV into a crypto tax tool or pass it to their accountant.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "api_keys_ip_whitelist",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["api", "security"],
        translations: &[mt(
            "en",
            "API keys and IP whitelist",
            "Hi {{customer.first_name}},\n\nThanks for your question about API access. You can create and manage keys under Profile > API Management. Keys with read and trading permissions work without an IP whitelist, but the withdrawal permission can only be enabled on keys restricted to specific IP addresses; this protects your funds if a key is ever leaked. Your secret key is shown only once, so store it somewhere safe, and never paste it into third-party websites or share it with anyone, including our staff. If you think a key has been exposed, delete it immediately and create a new one.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "vip_priority",
        kinds: &[],
        set_status: None,
        add_tags: &["vip", "priority"],
        translations: &[mt(
            "en",
            "VIP – priority handling",
            "Hi {{customer.first_name}},\n\nThank you for reaching out, and thank you for being a VIP client of Arbiter Exchange. Your request has been flagged for priority handling, and I'm looking after it personally. I'll keep you updated at every step, and if another team needs to be involved, I'll follow up with them directly so you don't have to. Your dedicated account manager has also been informed and is available through the VIP channel in the app.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "legal_request",
        kinds: &[],
        set_status: Some(TicketStatus::OnHold),
        add_tags: &["legal", "compliance"],
        translations: &[mt(
            "en",
            "Legal matter – referred to Legal & Compliance",
            "Hi {{customer.first_name}},\n\nThank you for your message. As it concerns a legal matter, I've referred it to our Legal & Compliance team, who handle requests of this kind and will reply to you directly in writing. I'm not able to comment on the substance of the matter through this support channel. If you're writing on behalf of a court, law enforcement agency or regulator, please send the request from your official address so that it can be verified and processed. Your reference is {{ticket.id}}.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "lost_2fa_device",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["2fa", "account-recovery"],
        translations: &[mt(
            "en",
            "Lost 2FA device – how to reset",
            "Hi {{customer.first_name}},\n\nI'm sorry to hear you've lost access to your authenticator. You can request a 2FA reset from the login page: after entering your email and password, choose Lost access to 2FA? and follow the steps. You'll be asked for a photo of your ID and a live selfie, which we compare with your verification documents; most resets are approved within 24 hours. After you set up a new authenticator, withdrawals are locked for 24 hours as a security measure. If you saved the backup key when you first set up 2FA, you can simply restore your authenticator with it instead.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "account_closure",
        kinds: &[TicketKind::Inquiry],
        set_status: Some(TicketStatus::Pending),
        add_tags: &["account-closure"],
        translations: &[mt(
            "en",
            "Account closure request",
            "Hi {{customer.first_name}},\n\nI'm sorry to hear you'd like to leave Arbiter Exchange. Before your account ({{customer.account_id}}) can be closed, please withdraw all balances, cancel open orders and close any futures positions, as closure is permanent and can't be undone. Once that's done, go to Profile > Settings > Close account and confirm with your 2FA code, or reply here to confirm that you'd like me to close it for you. Please note that we're legally required to keep your verification and transaction records for several years after closure. If something in particular made you decide to leave, I'd be grateful if you told me, so we can improve.\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
    MacroTemplate {
        key: "closing_satisfaction",
        kinds: &[],
        set_status: Some(TicketStatus::Solved),
        add_tags: &["resolved"],
        translations: &[mt(
            "en",
            "Closing – resolved, satisfaction survey",
            "Hi {{customer.first_name}},\n\nI'm glad we could sort this out for you. I'll mark this ticket as solved now; if anything else comes up, just reply to this message and it will reopen. You'll shortly receive a short survey about this conversation, and we'd really appreciate your feedback. Thank you for trading with Arbiter Exchange, and have a great day!\n\nKind regards,\n{{agent.first_name}}\nArbiter Exchange Support",
        )],
    },
];

pub static ARTICLES: &[ArticleTemplate] = &[
    ArticleTemplate {
        key: "card-purchase-holds",
        tags: &["card", "hold", "withdrawal"],
        translations: &[
            at(
                "en",
                "Card purchases: why your crypto is on hold for up to 72 hours",
                r#"When you buy crypto with a debit or credit card, it is credited to your account straight away, but it is placed on a security hold for **up to 72 hours** before it can be withdrawn or sent to an external wallet.

## What you can do during the hold

- Trade the crypto on the spot market without restrictions
- Convert it to another asset (the hold moves with it)
- Keep it in your account as usual

What you can't do is withdraw it, send it to another Arbiter user or sell it on the P2P marketplace until the hold ends.

## Why we hold card purchases

Card payments can be reversed by the cardholder's bank for weeks after the purchase. Criminals use stolen card details to buy crypto and move it out immediately, leaving the real cardholder to dispute the charge. The hold gives card networks and our fraud systems time to flag stolen cards before the crypto can leave the platform. It protects you if your own card details are ever stolen, and it keeps card payments available for everyone.

## How long will my hold last?

The hold lasts up to 72 hours from the time of purchase. For customers with a long history of card purchases without disputes, it is often shorter. To see the exact release time, go to **Assets > Spot** and tap the locked balance.

## Can support lift the hold early?

No. The hold is applied and released automatically, and our support team can't shorten it, even for VIP clients. If you need to withdraw crypto straight away, fund your account by bank transfer or crypto deposit instead; these are not subject to the card hold.

## The hold has passed, but I still can't withdraw

Check whether another restriction applies, such as the 24-hour lock after a security change or a pending verification step. If you still can't withdraw, contact support with the date and amount of the purchase.
"#,
            ),
            at(
                "es",
                "Compras con tarjeta: por qué tus criptomonedas quedan retenidas hasta 72 horas",
                r#"Cuando compras criptomonedas con una tarjeta de débito o crédito, se acreditan en tu cuenta al instante, pero quedan retenidas por seguridad durante **un máximo de 72 horas** antes de que puedas retirarlas o enviarlas a un monedero externo.

## Qué puedes hacer durante la retención

- Operar con ellas en el mercado spot sin restricciones
- Convertirlas a otro activo (la retención pasa al nuevo activo)
- Mantenerlas en tu cuenta con normalidad

## Por qué existe la retención

El banco del titular puede revertir un pago con tarjeta durante semanas. Los delincuentes usan tarjetas robadas para comprar criptomonedas y sacarlas de inmediato, y es el verdadero titular quien acaba reclamando el cargo. La retención da tiempo a las redes de tarjetas y a nuestros sistemas antifraude para detectar tarjetas robadas antes de que los fondos salgan de la plataforma.

## ¿Puede el soporte levantarla antes?

No. La retención se aplica y se libera automáticamente, y nuestro equipo no puede acortarla. Puedes ver la hora exacta de liberación en **Activos > Spot**, tocando el saldo bloqueado. Si necesitas retirar de inmediato, deposita por transferencia bancaria o en cripto: esos depósitos no tienen esta retención.
"#,
            ),
            at(
                "pt",
                "Compras com cartão: por que suas criptomoedas ficam bloqueadas por até 72 horas",
                r#"Quando você compra criptomoedas com cartão de débito ou crédito, elas são creditadas na sua conta na hora, mas ficam em bloqueio de segurança por **até 72 horas** antes de poderem ser sacadas ou enviadas para uma carteira externa.

## O que você pode fazer durante o bloqueio

- Negociar as criptomoedas no mercado spot, sem restrições
- Converter para outro ativo (o bloqueio passa para o novo ativo)
- Manter o saldo na sua conta normalmente

## Por que existe o bloqueio

Um pagamento com cartão pode ser contestado pelo banco do titular durante semanas. Criminosos usam cartões roubados para comprar criptomoedas e tirá-las da plataforma imediatamente, e quem sai prejudicado é o verdadeiro titular. O bloqueio dá tempo para as bandeiras e para os nossos sistemas antifraude identificarem cartões roubados antes que os fundos saiam da plataforma.

## O suporte pode liberar antes?

Não. O bloqueio é aplicado e liberado automaticamente, e a nossa equipe não consegue encurtá-lo. O horário exato da liberação aparece em **Ativos > Spot**, ao tocar no saldo bloqueado. Se você precisa sacar na hora, deposite por transferência bancária ou em cripto: esses depósitos não têm esse bloqueio.
"#,
            ),
            at(
                "de",
                "Kartenkäufe: Warum Ihre Kryptowerte bis zu 72 Stunden gesperrt sind",
                r#"Wenn Sie Kryptowährungen mit einer Debit- oder Kreditkarte kaufen, werden sie Ihrem Konto sofort gutgeschrieben, unterliegen aber einer Sicherheitssperre von **bis zu 72 Stunden**, bevor Sie sie auszahlen oder an eine externe Wallet senden können.

## Was während der Sperre möglich ist

- Handel am Spot-Markt ohne Einschränkungen
- Umtausch in ein anderes Asset (die Sperre geht auf das neue Asset über)
- Das Guthaben wie gewohnt im Konto halten

## Warum es die Sperre gibt

Kartenzahlungen können von der Bank des Karteninhabers noch Wochen später zurückgebucht werden. Kriminelle kaufen mit gestohlenen Kartendaten Kryptowährungen und ziehen sie sofort ab; den Schaden hat der echte Karteninhaber. Die Sperre gibt den Kartennetzwerken und unseren Betrugserkennungssystemen Zeit, gestohlene Karten zu erkennen, bevor Guthaben die Plattform verlassen kann.

## Kann der Support die Sperre früher aufheben?

Nein. Die Sperre wird automatisch gesetzt und aufgehoben, und unser Team kann sie nicht verkürzen. Den genauen Freigabezeitpunkt sehen Sie unter **Vermögen > Spot**, wenn Sie auf das gesperrte Guthaben tippen. Wenn Sie sofort auszahlen müssen, zahlen Sie per Banküberweisung oder in Krypto ein: Für diese Einzahlungen gilt die Kartensperre nicht.
"#,
            ),
            at(
                "fr",
                "Achats par carte : pourquoi vos cryptomonnaies sont bloquées jusqu'à 72 heures",
                r#"Lorsque vous achetez des cryptomonnaies par carte de débit ou de crédit, elles sont créditées immédiatement sur votre compte, mais font l'objet d'un blocage de sécurité pouvant aller **jusqu'à 72 heures** avant de pouvoir être retirées ou envoyées vers un portefeuille externe.

## Ce que vous pouvez faire pendant le blocage

- Trader ces cryptomonnaies sur le marché spot, sans restriction
- Les convertir en un autre actif (le blocage suit le nouvel actif)
- Les conserver normalement sur votre compte

## Pourquoi ce blocage existe

Un paiement par carte peut être contesté par la banque du titulaire pendant plusieurs semaines. Des fraudeurs utilisent des cartes volées pour acheter des cryptomonnaies et les retirer aussitôt, au détriment du véritable titulaire. Le blocage laisse aux réseaux de cartes et à nos systèmes antifraude le temps de repérer les cartes volées avant que les fonds ne quittent la plateforme.

## Le support peut-il lever le blocage plus tôt ?

Non. Le blocage est appliqué et levé automatiquement, et notre équipe ne peut pas l'écourter. L'heure exacte de déblocage est visible dans **Actifs > Spot**, en touchant le solde bloqué. Si vous devez retirer immédiatement, alimentez votre compte par virement bancaire ou dépôt crypto : ces dépôts ne sont pas concernés par ce blocage.
"#,
            ),
            at(
                "zh",
                "刷卡購買：為什麼加密貨幣最長會保留 72 小時",
                r#"使用金融卡或信用卡購買加密貨幣時，資產會立即存入您的帳戶，但在可提領或轉到外部錢包之前，會有**最長 72 小時**的安全保留期。

## 保留期間可以做什麼

- 在現貨市場不受限制地交易
- 兌換成其他資產（保留期會隨之轉移到新資產）
- 照常將資產存放在帳戶中

## 為什麼需要保留期

卡片付款在交易後數週內，都可能被持卡人的銀行撤銷。不法分子會利用盜來的卡片資料購買加密貨幣並立刻轉出，最後由真正的持卡人提出爭議款。保留期讓卡組織與我們的反詐騙系統有時間在資產離開平台前，辨識出遭盜用的卡片。

## 客服可以提前解除嗎？

不行。保留期由系統自動套用並解除，客服團隊無法縮短。點選**資產 > 現貨**中的鎖定餘額，即可查看確切的解除時間。如果您需要立即提領，建議改以銀行轉帳或加密貨幣存入，這些方式不受刷卡保留期限制。
"#,
            ),
            at(
                "ja",
                "カード購入：暗号資産が最長72時間保留される理由",
                r#"デビットカードまたはクレジットカードで暗号資産を購入すると、資産はすぐにアカウントへ反映されますが、出金や外部ウォレットへの送金ができるようになるまで、**最長72時間**のセキュリティ保留期間が設けられます。

## 保留期間中にできること

- 現物市場での取引（制限なし）
- 他の通貨への交換（保留は交換後の通貨に引き継がれます）
- アカウント内での通常どおりの保管

## 保留期間を設けている理由

カード決済は、購入から数週間にわたりカード発行会社によって取り消される可能性があります。不正に入手したカード情報で暗号資産を購入し、すぐに外部へ送金する手口が多く、被害を受けるのは本来のカード名義人です。保留期間を設けることで、資産がプラットフォームの外へ出る前に、カードブランドや当社の不正検知システムが盗難カードを見つけ出す時間を確保しています。

## サポートで早期に解除できますか？

できません。保留は自動的に設定・解除され、サポートで期間を短縮することはできません。正確な解除時刻は**資産 > 現物**でロック中の残高をタップするとご確認いただけます。すぐに出金が必要な場合は、銀行振込または暗号資産での入金をご利用ください。これらの入金にはカード購入の保留は適用されません。
"#,
            ),
            at(
                "tr",
                "Kartla alımlar: Kripto varlıklarınız neden 72 saate kadar bekletilir?",
                r#"Banka veya kredi kartıyla kripto satın aldığınızda varlıklar hesabınıza hemen geçer; ancak çekilebilmeleri veya harici bir cüzdana gönderilebilmeleri için **72 saate kadar** güvenlik amacıyla bekletilirler.

## Bekletme süresince neler yapabilirsiniz?

- Spot piyasada kısıtlama olmadan alım satım yapabilirsiniz
- Başka bir varlığa dönüştürebilirsiniz (bekletme yeni varlığa aktarılır)
- Varlıkları her zamanki gibi hesabınızda tutabilirsiniz

## Bekletme neden uygulanıyor?

Kartla yapılan ödemeler, kart sahibinin bankası tarafından haftalar sonra bile geri alınabilir. Dolandırıcılar çalıntı kart bilgileriyle kripto alıp hemen dışarı çıkarır; zararı ise gerçek kart sahibi görür. Bekletme, fonlar platformdan çıkmadan önce kart kuruluşlarına ve dolandırıcılık tespit sistemlerimize çalıntı kartları yakalamak için zaman tanır.

## Destek ekibi bekletmeyi erken kaldırabilir mi?

Hayır. Bekletme otomatik olarak uygulanır ve kaldırılır; ekibimiz bu süreyi kısaltamaz. Kesin açılış zamanını **Varlıklar > Spot** bölümünde kilitli bakiyeye dokunarak görebilirsiniz. Hemen çekim yapmanız gerekiyorsa hesabınıza banka havalesiyle veya kripto yatırarak para ekleyin; bu yatırmalar kart bekletmesine tabi değildir.
"#,
            ),
            at(
                "ru",
                "Покупки картой: почему криптовалюта удерживается до 72 часов",
                r#"Когда вы покупаете криптовалюту дебетовой или кредитной картой, она сразу зачисляется на аккаунт, но **до 72 часов** удерживается из соображений безопасности: в это время её нельзя вывести или отправить на внешний кошелёк.

## Что можно делать во время удержания

- Торговать на спотовом рынке без ограничений
- Обменивать на другой актив (удержание переходит на новый актив)
- Просто хранить средства на аккаунте

## Зачем нужно удержание

Банк держателя карты может отменить платёж в течение нескольких недель после покупки. Мошенники покупают криптовалюту по украденным данным карт и сразу выводят её, а пострадавшим оказывается настоящий владелец карты. Удержание даёт платёжным системам и нашим антифрод-системам время выявить украденные карты до того, как средства покинут платформу.

## Может ли поддержка снять удержание раньше?

Нет. Удержание устанавливается и снимается автоматически, и наша команда не может его сократить. Точное время снятия можно посмотреть в разделе **Активы > Спот**, нажав на заблокированный баланс. Если вывести средства нужно сразу, пополняйте счёт банковским переводом или криптовалютой — на такие депозиты это удержание не распространяется.
"#,
            ),
            at(
                "ko",
                "카드 구매: 가상자산이 최대 72시간 동안 보류되는 이유",
                r#"체크카드나 신용카드로 가상자산을 구매하면 자산은 즉시 계정에 반영되지만, 출금하거나 외부 지갑으로 보내기 전까지 **최대 72시간** 동안 보안 보류가 적용됩니다.

## 보류 기간에 가능한 것

- 현물 시장에서 제한 없이 거래
- 다른 자산으로 교환(보류는 교환한 자산으로 이어집니다)
- 평소처럼 계정에 보관

## 보류가 필요한 이유

카드 결제는 구매 후 몇 주 동안 카드사에 의해 취소될 수 있습니다. 범죄자들은 도용한 카드 정보로 가상자산을 구매한 뒤 곧바로 외부로 빼돌리고, 피해는 실제 카드 소유자에게 돌아갑니다. 보류 기간은 자산이 플랫폼을 떠나기 전에 카드사와 저희 이상거래 탐지 시스템이 도난 카드를 찾아낼 시간을 확보해 줍니다.

## 고객지원팀이 보류를 미리 풀어줄 수 있나요?

아니요. 보류는 자동으로 적용되고 해제되며, 고객지원팀이 기간을 줄일 수 없습니다. 정확한 해제 시각은 **자산 > 현물**에서 잠긴 잔고를 누르면 확인할 수 있습니다. 바로 출금해야 한다면 은행 송금이나 가상자산 입금을 이용해 주세요. 이 방식에는 카드 보류가 적용되지 않습니다.
"#,
            ),
            at(
                "vi",
                "Mua bằng thẻ: vì sao tiền mã hóa bị tạm giữ tối đa 72 giờ",
                r#"Khi anh/chị mua tiền mã hóa bằng thẻ ghi nợ hoặc thẻ tín dụng, tài sản được cộng vào tài khoản ngay lập tức, nhưng sẽ bị tạm giữ vì lý do bảo mật **tối đa 72 giờ** trước khi có thể rút hoặc chuyển sang ví bên ngoài.

## Những gì anh/chị vẫn có thể làm

- Giao dịch trên thị trường spot mà không bị hạn chế
- Chuyển đổi sang tài sản khác (việc tạm giữ chuyển theo tài sản mới)
- Giữ tài sản trong tài khoản như bình thường

## Vì sao cần tạm giữ

Ngân hàng của chủ thẻ có thể hoàn lại giao dịch thẻ trong nhiều tuần sau khi mua. Kẻ gian dùng thông tin thẻ bị đánh cắp để mua tiền mã hóa rồi rút ra ngay, và người chịu thiệt là chủ thẻ thật. Thời gian tạm giữ giúp các tổ chức thẻ và hệ thống chống gian lận của chúng tôi phát hiện thẻ bị đánh cắp trước khi tài sản rời khỏi nền tảng.

## Bộ phận hỗ trợ có thể gỡ tạm giữ sớm không?

Không. Việc tạm giữ được áp dụng và gỡ bỏ tự động, đội ngũ hỗ trợ không thể rút ngắn. Anh/chị có thể xem thời điểm mở khóa chính xác tại **Tài sản > Spot** bằng cách chạm vào số dư đang bị khóa. Nếu cần rút ngay, hãy nạp tiền bằng chuyển khoản ngân hàng hoặc nạp tiền mã hóa, vì các hình thức này không bị tạm giữ như mua bằng thẻ.
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "withdrawal-lock-after-security-changes",
        tags: &["security", "withdrawal", "withdrawal-lock"],
        translations: &[
            at(
                "en",
                "Why withdrawals are locked for 24 hours after a security change",
                r#"To protect your funds, Arbiter Exchange automatically pauses withdrawals for **24 hours** after certain changes to your account's security settings.

## Which changes trigger the lock

- Changing or resetting your password
- Enabling, disabling or changing your 2FA method, including a 2FA reset
- Changing the email address or phone number on your account
- Restoring access to an account that was frozen

## Why the lock exists

When criminals take over an account, the first thing they usually do is change the password, email or 2FA so that the real owner can't get back in, and then they try to withdraw everything. The 24-hour lock breaks that pattern: even if someone gets into your account, the funds can't leave straight away, and you receive an email about the change, which gives you time to react.

## What still works during the lock

- Deposits
- Spot and futures trading
- Converting between assets
- Transfers between your own sub-accounts

## Can the lock be removed early?

No. The lock is applied by our security systems and can't be shortened by support, whatever the reason. If you're planning a large withdrawal, make any security changes well in advance.

## I didn't make this change

If you receive an email about a security change you didn't make, act immediately:

1. Use the **Freeze my account** link in the email, or contact support straight away.
2. Secure your email account and change its password.
3. Follow the steps in our article on what to do if your account was compromised.

Because of the lock, no funds can leave your account during the first 24 hours, which gives our team time to help you secure it.
"#,
            ),
            at(
                "es",
                "Por qué los retiros se bloquean 24 horas tras un cambio de seguridad",
                r#"Para proteger tus fondos, Arbiter Exchange pausa automáticamente los retiros durante **24 horas** después de ciertos cambios en la configuración de seguridad de tu cuenta.

## Qué cambios activan el bloqueo

- Cambiar o restablecer la contraseña
- Activar, desactivar o cambiar el método 2FA, incluido un restablecimiento de 2FA
- Cambiar el correo electrónico o el teléfono de la cuenta
- Recuperar el acceso a una cuenta que estaba congelada

## Por qué existe

Cuando alguien roba una cuenta, lo primero que suele hacer es cambiar la contraseña, el correo o el 2FA para que el titular no pueda entrar, y después intenta retirarlo todo. Con el bloqueo de 24 horas, los fondos no pueden salir de inmediato y tú recibes un correo avisándote del cambio, lo que te da tiempo para reaccionar. Los depósitos y el trading siguen funcionando.

## ¿Se puede quitar antes?

No. Nuestro equipo no puede acortarlo por ningún motivo. Si no hiciste tú el cambio, usa el enlace **Congelar mi cuenta** del correo o contacta con soporte de inmediato.
"#,
            ),
            at(
                "pt",
                "Por que os saques ficam bloqueados por 24 horas após uma alteração de segurança",
                r#"Para proteger os seus fundos, a Arbiter Exchange pausa automaticamente os saques por **24 horas** depois de certas alterações nas configurações de segurança da sua conta.

## Quais alterações ativam o bloqueio

- Alterar ou redefinir a senha
- Ativar, desativar ou trocar o método de 2FA, inclusive uma redefinição de 2FA
- Alterar o e-mail ou o telefone da conta
- Recuperar o acesso a uma conta que estava bloqueada

## Por que o bloqueio existe

Quando alguém invade uma conta, geralmente a primeira coisa que faz é trocar a senha, o e-mail ou o 2FA para que o dono não consiga entrar, e depois tenta sacar tudo. Com o bloqueio de 24 horas, os fundos não saem na hora e você recebe um e-mail avisando sobre a alteração, o que te dá tempo de reagir. Depósitos e negociações continuam funcionando.

## Dá para remover antes?

Não. A nossa equipe não consegue encurtar o bloqueio por nenhum motivo. Se não foi você quem fez a alteração, use o link **Bloquear minha conta** no e-mail ou fale com o suporte imediatamente.
"#,
            ),
            at(
                "de",
                "Warum Auszahlungen nach einer Sicherheitsänderung 24 Stunden gesperrt sind",
                r#"Zum Schutz Ihres Guthabens pausiert Arbiter Exchange Auszahlungen automatisch für **24 Stunden**, nachdem bestimmte Sicherheitseinstellungen Ihres Kontos geändert wurden.

## Welche Änderungen die Sperre auslösen

- Passwort ändern oder zurücksetzen
- 2FA aktivieren, deaktivieren oder die Methode wechseln, auch bei einem 2FA-Reset
- E-Mail-Adresse oder Telefonnummer des Kontos ändern
- Zugang zu einem eingefrorenen Konto wiederherstellen

## Warum es die Sperre gibt

Wer ein fremdes Konto übernimmt, ändert meist zuerst Passwort, E-Mail oder 2FA, damit der echte Inhaber nicht mehr hineinkommt, und versucht dann, alles abzuziehen. Durch die 24-Stunden-Sperre kann das Guthaben nicht sofort abfließen, und Sie erhalten eine E-Mail über die Änderung, sodass Sie Zeit zum Reagieren haben. Einzahlungen und Handel funktionieren weiterhin.

## Kann die Sperre früher aufgehoben werden?

Nein. Unser Support kann sie aus keinem Grund verkürzen. Falls Sie die Änderung nicht selbst vorgenommen haben, nutzen Sie den Link **Konto einfrieren** in der E-Mail oder kontaktieren Sie sofort den Support.
"#,
            ),
            at(
                "fr",
                "Pourquoi les retraits sont bloqués 24 heures après une modification de sécurité",
                r#"Pour protéger vos fonds, Arbiter Exchange suspend automatiquement les retraits pendant **24 heures** après certaines modifications des paramètres de sécurité de votre compte.

## Modifications concernées

- Changement ou réinitialisation du mot de passe
- Activation, désactivation ou changement de méthode 2FA, y compris une réinitialisation
- Changement de l'adresse e-mail ou du numéro de téléphone du compte
- Rétablissement de l'accès à un compte gelé

## Pourquoi ce blocage

Lorsqu'un fraudeur prend le contrôle d'un compte, il commence généralement par changer le mot de passe, l'e-mail ou la 2FA pour empêcher le titulaire de se reconnecter, puis tente de tout retirer. Grâce au blocage de 24 heures, les fonds ne peuvent pas sortir immédiatement et vous recevez un e-mail signalant la modification, ce qui vous laisse le temps de réagir. Les dépôts et le trading restent disponibles.

## Peut-on lever le blocage plus tôt ?

Non. Notre support ne peut pas l'écourter, quelle que soit la raison. Si vous n'êtes pas à l'origine de la modification, utilisez le lien **Geler mon compte** dans l'e-mail ou contactez immédiatement le support.
"#,
            ),
            at(
                "zh",
                "為什麼變更安全設定後會暫停提領 24 小時",
                r#"為了保護您的資金，帳戶的特定安全設定變更後，Arbiter Exchange 會自動暫停提領 **24 小時**。

## 哪些變更會觸發暫停

- 變更或重設密碼
- 啟用、停用或更換 2FA 方式（包含重設 2FA）
- 變更帳戶的電子郵件或手機號碼
- 恢復已凍結帳戶的存取權

## 為什麼需要這項機制

不法分子盜用帳戶後，通常會先更改密碼、電子郵件或 2FA，讓真正的帳戶持有人無法登入，接著試圖提領所有資產。有了 24 小時暫停機制，資金無法立即被轉出，您也會收到變更通知信，因此有時間採取行動。存入與交易不受影響。

## 可以提前解除嗎？

不行。無論任何原因，客服團隊都無法縮短暫停時間。如果這項變更並非您本人操作，請點選通知信中的**凍結我的帳戶**連結，或立即聯繫客服。
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "enable-two-factor-authentication",
        tags: &["2fa", "security"],
        translations: &[
            at(
                "en",
                "How to enable two-factor authentication (2FA)",
                r#"Two-factor authentication (2FA) adds a second step when you log in or withdraw: besides your password, you need a one-time code from a device only you hold. It is the single most effective way to protect your account.

## Supported methods

- **Authenticator app** (recommended), such as Google Authenticator, Microsoft Authenticator or Authy
- **Security key**, such as a FIDO2 / WebAuthn hardware key
- **SMS codes**, available in some countries as a backup only; SIM-swap attacks make SMS the weakest option

## Setting up an authenticator app

1. Install an authenticator app on your phone.
2. In the Arbiter app, go to **Profile > Security > Authenticator App** and tap **Enable**.
3. Scan the QR code with the authenticator app.
4. **Write down the backup key** shown below the QR code and store it offline, for example on paper in a safe place. You will need it if you lose your phone.
5. Enter the 6-digit code from the authenticator app to confirm.

From then on, you'll be asked for a code when you log in on a new device, withdraw, create API keys or change security settings.

## Good to know

- Withdrawals are locked for 24 hours after you enable or change 2FA. This is a security measure.
- Codes change every 30 seconds. If a code is rejected, check that the time on your phone is set automatically.
- Never share a 2FA code with anyone. Arbiter staff will never ask for it by phone, chat, email or social media.
- Don't keep your backup key as a screenshot in a cloud photo album or in your email.

## Lost your device?

See our article on what to do if you lost your 2FA device. If you saved your backup key, you can restore your authenticator on a new phone in a few minutes.
"#,
            ),
            at(
                "es",
                "Cómo activar la verificación en dos pasos (2FA)",
                r#"La verificación en dos pasos (2FA) añade un segundo paso al iniciar sesión o retirar: además de la contraseña, necesitas un código de un solo uso generado en un dispositivo que solo tienes tú. Es la forma más eficaz de proteger tu cuenta.

## Cómo configurar una app de autenticación

1. Instala una app de autenticación en tu móvil, por ejemplo Google Authenticator o Microsoft Authenticator.
2. En la app de Arbiter, ve a **Perfil > Seguridad > App de autenticación** y toca **Activar**.
3. Escanea el código QR con la app de autenticación.
4. **Apunta la clave de respaldo** que aparece bajo el código QR y guárdala fuera de línea, por ejemplo en papel. La necesitarás si pierdes el móvil.
5. Introduce el código de 6 dígitos para confirmar.

## Ten en cuenta

- Los retiros se bloquean 24 horas después de activar o cambiar el 2FA.
- Si un código no funciona, comprueba que la hora del móvil se ajusta automáticamente.
- Nunca compartas un código 2FA. El personal de Arbiter jamás te lo pedirá.
- Los códigos por SMS son la opción menos segura; úsalos solo como respaldo.
"#,
            ),
            at(
                "pt",
                "Como ativar a autenticação de dois fatores (2FA)",
                r#"A autenticação de dois fatores (2FA) acrescenta uma segunda etapa ao login e aos saques: além da senha, você precisa de um código temporário gerado em um dispositivo que só você tem. É a forma mais eficaz de proteger a sua conta.

## Como configurar um app autenticador

1. Instale um app autenticador no celular, como Google Authenticator ou Microsoft Authenticator.
2. No app da Arbiter, vá em **Perfil > Segurança > App autenticador** e toque em **Ativar**.
3. Escaneie o QR code com o app autenticador.
4. **Anote a chave de backup** exibida abaixo do QR code e guarde offline, por exemplo em papel. Você vai precisar dela se perder o celular.
5. Digite o código de 6 dígitos para confirmar.

## Bom saber

- Os saques ficam bloqueados por 24 horas depois de ativar ou alterar o 2FA.
- Se um código for recusado, confira se o horário do celular está no modo automático.
- Nunca compartilhe um código 2FA. A equipe da Arbiter nunca vai pedir esse código.
- Códigos por SMS são a opção menos segura; use apenas como backup.
"#,
            ),
            at(
                "de",
                "So aktivieren Sie die Zwei-Faktor-Authentifizierung (2FA)",
                r#"Die Zwei-Faktor-Authentifizierung (2FA) ergänzt Anmeldung und Auszahlung um einen zweiten Schritt: Neben dem Passwort benötigen Sie einen Einmalcode von einem Gerät, das nur Sie besitzen. Sie ist der wirksamste Schutz für Ihr Konto.

## Authenticator-App einrichten

1. Installieren Sie eine Authenticator-App auf Ihrem Smartphone, etwa Google Authenticator oder Microsoft Authenticator.
2. Öffnen Sie in der Arbiter-App **Profil > Sicherheit > Authenticator-App** und tippen Sie auf **Aktivieren**.
3. Scannen Sie den QR-Code mit der Authenticator-App.
4. **Notieren Sie den Backup-Schlüssel** unter dem QR-Code und bewahren Sie ihn offline auf, zum Beispiel auf Papier. Sie brauchen ihn, falls Sie Ihr Smartphone verlieren.
5. Bestätigen Sie mit dem 6-stelligen Code.

## Gut zu wissen

- Nach dem Aktivieren oder Ändern der 2FA sind Auszahlungen 24 Stunden gesperrt.
- Wird ein Code abgelehnt, prüfen Sie, ob die Uhrzeit Ihres Smartphones automatisch eingestellt ist.
- Geben Sie 2FA-Codes niemals weiter. Mitarbeitende von Arbiter fragen nie danach.
- SMS-Codes sind die unsicherste Option und sollten nur als Backup dienen.
"#,
            ),
            at(
                "fr",
                "Comment activer l'authentification à deux facteurs (2FA)",
                r#"L'authentification à deux facteurs (2FA) ajoute une seconde étape à la connexion et aux retraits : en plus du mot de passe, il vous faut un code à usage unique généré sur un appareil que vous êtes seul(e) à détenir. C'est la protection la plus efficace pour votre compte.

## Configurer une application d'authentification

1. Installez une application d'authentification sur votre téléphone, par exemple Google Authenticator ou Microsoft Authenticator.
2. Dans l'application Arbiter, ouvrez **Profil > Sécurité > Application d'authentification** et touchez **Activer**.
3. Scannez le QR code avec l'application d'authentification.
4. **Notez la clé de secours** affichée sous le QR code et conservez-la hors ligne, par exemple sur papier. Elle vous servira si vous perdez votre téléphone.
5. Saisissez le code à 6 chiffres pour confirmer.

## Bon à savoir

- Les retraits sont bloqués 24 heures après l'activation ou la modification de la 2FA.
- Si un code est refusé, vérifiez que l'heure de votre téléphone est réglée automatiquement.
- Ne communiquez jamais un code 2FA. Le personnel d'Arbiter ne vous le demandera jamais.
- Les codes par SMS sont l'option la moins sûre ; utilisez-les seulement en secours.
"#,
            ),
            at(
                "zh",
                "如何啟用雙重驗證（2FA）",
                r#"雙重驗證（2FA）會在登入與提領時多加一道步驟：除了密碼之外，還需要輸入只有您持有的裝置所產生的一次性驗證碼。這是保護帳戶最有效的方法。

## 設定驗證器 App

1. 在手機上安裝驗證器 App，例如 Google Authenticator 或 Microsoft Authenticator。
2. 在 Arbiter App 中前往**個人檔案 > 安全性 > 驗證器 App**，點選**啟用**。
3. 使用驗證器 App 掃描 QR 碼。
4. **抄下 QR 碼下方顯示的備份金鑰**，並以離線方式妥善保存，例如寫在紙上。手機遺失時會需要它。
5. 輸入 6 位數驗證碼完成設定。

## 注意事項

- 啟用或變更 2FA 後，提領將暫停 24 小時。
- 若驗證碼無法使用，請確認手機時間設定為自動。
- 切勿將 2FA 驗證碼提供給任何人，Arbiter 員工絕不會向您索取。
- 簡訊驗證碼是安全性最低的方式，建議僅作為備用。
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "recognising-phishing-and-fake-support",
        tags: &["phishing", "security", "scam"],
        translations: &[
            at(
                "en",
                "How to recognise phishing and fake support agents",
                r#"Scammers regularly pretend to be Arbiter Exchange to steal login details, 2FA codes or funds. Knowing what we will never do is the best protection.

## Arbiter Exchange will never

- Ask for your password, 2FA codes or wallet recovery phrase
- Ask you to install remote-access software such as AnyDesk or TeamViewer
- Ask you to move funds to a “safe wallet” or a new address to protect them
- Contact you first through WhatsApp, Telegram, Instagram or other social media
- Charge a fee for support, or promise to recover lost funds in exchange for a payment

## How to check that a message really comes from us

- **Anti-phishing code:** set a personal code under **Profile > Security > Anti-phishing code**. Every genuine email from us contains it. If it's missing, the email is fake.
- **Check the address bar:** log in through the app or by typing our address yourself, never through a link in an email, text message or advert.
- **Use in-app support:** the real support team can only be reached through the Help Centre in the app or on the website. Our agents never move a conversation to a private messenger.

## Common tricks

- **Urgent security alerts** claiming your account will be closed unless you verify it within minutes
- **Fake giveaways** promising to double any crypto you send
- **Fake support accounts** replying to your public posts on social media
- **Search ads** leading to copies of our login page
- **Calls from “support”** asking you to read out a code you've just received by SMS

## If you think you've been phished

1. Change your password and reset your 2FA immediately.
2. Check **Profile > Security > Devices** and log out any device you don't recognise.
3. Delete any API keys you didn't create.
4. Contact support through the app so we can review your account.

You can also report suspicious emails and websites to us from the Help Centre, so we can get the fake pages taken down.
"#,
            ),
            at(
                "es",
                "Cómo reconocer el phishing y los falsos agentes de soporte",
                r#"Los estafadores se hacen pasar a menudo por Arbiter Exchange para robar datos de acceso, códigos 2FA o fondos. Saber lo que nunca haremos es la mejor protección.

## Arbiter Exchange nunca

- Te pedirá tu contraseña, tus códigos 2FA ni tu frase de recuperación
- Te pedirá que instales programas de acceso remoto como AnyDesk o TeamViewer
- Te pedirá que muevas fondos a un “monedero seguro” o a una dirección nueva
- Te contactará primero por WhatsApp, Telegram, Instagram u otras redes sociales
- Te cobrará por el soporte ni prometerá recuperar fondos a cambio de un pago

## Cómo comprobar que un mensaje es nuestro

- **Código antiphishing:** configúralo en **Perfil > Seguridad > Código antiphishing**. Todos nuestros correos auténticos lo incluyen; si falta, el correo es falso.
- **Inicia sesión siempre desde la app** o escribiendo tú mismo nuestra dirección, nunca desde un enlace.
- **Usa el soporte de la app:** nuestros agentes nunca trasladan la conversación a un chat privado.

## Si crees que has caído en un phishing

Cambia tu contraseña y restablece tu 2FA de inmediato, cierra las sesiones de dispositivos desconocidos en **Perfil > Seguridad > Dispositivos**, borra las claves API que no hayas creado y contacta con soporte desde la app.
"#,
            ),
            at(
                "pt",
                "Como reconhecer phishing e falsos atendentes",
                r#"Golpistas se passam com frequência pela Arbiter Exchange para roubar dados de acesso, códigos de 2FA ou fundos. Saber o que nunca fazemos é a melhor proteção.

## A Arbiter Exchange nunca vai

- Pedir a sua senha, códigos de 2FA ou frase de recuperação
- Pedir que você instale programas de acesso remoto como AnyDesk ou TeamViewer
- Pedir que você transfira fundos para uma “carteira segura” ou um endereço novo
- Entrar em contato primeiro por WhatsApp, Telegram, Instagram ou outras redes sociais
- Cobrar pelo atendimento ou prometer recuperar fundos em troca de pagamento

## Como confirmar que a mensagem é nossa

- **Código antiphishing:** defina o seu em **Perfil > Segurança > Código antiphishing**. Todos os nossos e-mails verdadeiros trazem esse código; se não tiver, é falso.
- **Entre sempre pelo app** ou digitando o nosso endereço, nunca por um link.
- **Use o suporte do app:** nossos atendentes nunca levam a conversa para um chat privado.

## Se você acha que caiu em um phishing

Troque a senha e redefina o 2FA imediatamente, desconecte dispositivos desconhecidos em **Perfil > Segurança > Dispositivos**, apague chaves de API que você não criou e fale com o suporte pelo app.
"#,
            ),
            at(
                "de",
                "Phishing und falsche Support-Mitarbeiter erkennen",
                r#"Betrüger geben sich regelmäßig als Arbiter Exchange aus, um Zugangsdaten, 2FA-Codes oder Guthaben zu stehlen. Der beste Schutz: Wissen, was wir niemals tun.

## Arbiter Exchange wird Sie niemals

- nach Ihrem Passwort, Ihren 2FA-Codes oder Ihrer Wiederherstellungsphrase fragen
- bitten, Fernwartungssoftware wie AnyDesk oder TeamViewer zu installieren
- auffordern, Guthaben auf eine „sichere Wallet“ oder eine neue Adresse zu übertragen
- zuerst über WhatsApp, Telegram, Instagram oder andere soziale Netzwerke kontaktieren
- für Support Geld verlangen oder gegen Bezahlung verlorene Gelder zurückholen wollen

## So prüfen Sie, ob eine Nachricht echt ist

- **Anti-Phishing-Code:** Legen Sie unter **Profil > Sicherheit > Anti-Phishing-Code** einen persönlichen Code fest. Jede echte E-Mail von uns enthält ihn; fehlt er, ist die E-Mail gefälscht.
- **Melden Sie sich immer über die App an** oder tippen Sie unsere Adresse selbst ein, nie über einen Link.
- **Nutzen Sie den Support in der App:** Unsere Mitarbeitenden verlagern Gespräche nie in private Messenger.

## Wenn Sie auf Phishing hereingefallen sind

Ändern Sie sofort Ihr Passwort, setzen Sie Ihre 2FA zurück, melden Sie unbekannte Geräte unter **Profil > Sicherheit > Geräte** ab, löschen Sie fremde API-Schlüssel und kontaktieren Sie den Support über die App.
"#,
            ),
            at(
                "fr",
                "Reconnaître l'hameçonnage et les faux agents du support",
                r#"Des escrocs se font régulièrement passer pour Arbiter Exchange afin de voler des identifiants, des codes 2FA ou des fonds. Savoir ce que nous ne ferons jamais est la meilleure protection.

## Arbiter Exchange ne vous demandera jamais

- votre mot de passe, vos codes 2FA ou votre phrase de récupération
- d'installer un logiciel de prise en main à distance comme AnyDesk ou TeamViewer
- de transférer vos fonds vers un « portefeuille sécurisé » ou une nouvelle adresse
- de nous répondre sur WhatsApp, Telegram, Instagram ou un autre réseau social : nous ne vous y contactons jamais en premier
- de payer pour obtenir de l'aide ou pour récupérer des fonds perdus

## Vérifier qu'un message vient bien de nous

- **Code anti-phishing :** définissez-le dans **Profil > Sécurité > Code anti-phishing**. Tous nos vrais e-mails le contiennent ; s'il manque, l'e-mail est un faux.
- **Connectez-vous toujours via l'application** ou en saisissant vous-même notre adresse, jamais via un lien.
- **Passez par le support de l'application :** nos agents ne déplacent jamais une conversation vers une messagerie privée.

## Si vous pensez avoir été piégé(e)

Changez immédiatement votre mot de passe, réinitialisez votre 2FA, déconnectez les appareils inconnus dans **Profil > Sécurité > Appareils**, supprimez les clés API que vous n'avez pas créées et contactez le support depuis l'application.
"#,
            ),
            at(
                "zh",
                "如何辨識釣魚詐騙與假冒客服",
                r#"詐騙集團經常冒充 Arbiter Exchange，企圖竊取您的登入資訊、2FA 驗證碼或資金。了解我們「絕對不會做」的事，就是最好的防護。

## Arbiter Exchange 絕對不會

- 向您索取密碼、2FA 驗證碼或助記詞
- 要求您安裝 AnyDesk、TeamViewer 等遠端操控軟體
- 要求您把資金轉到「安全錢包」或新的地址
- 主動透過 LINE、WhatsApp、Telegram、Instagram 等社群軟體聯繫您
- 收取客服費用，或承諾付費就能追回損失的資金

## 如何確認訊息真的來自我們

- **防釣魚碼：**請在**個人檔案 > 安全性 > 防釣魚碼**設定專屬代碼，我們寄出的每封正式郵件都會附上。若郵件中沒有，就是假冒的。
- **一律從 App 登入**，或自行輸入網址，切勿點擊信件或簡訊中的連結。
- **只透過 App 內的客服中心聯繫：**我們的客服人員絕不會把對話轉到私人通訊軟體。

## 如果懷疑自己遭到釣魚

請立即變更密碼並重設 2FA，到**個人檔案 > 安全性 > 裝置**登出不認得的裝置，刪除非本人建立的 API 金鑰，並透過 App 聯繫客服。
"#,
            ),
            at(
                "ja",
                "フィッシング詐欺と偽サポートの見分け方",
                r#"詐欺グループは頻繁に Arbiter Exchange を装い、ログイン情報や二段階認証コード、資産をだまし取ろうとします。当社が「決して行わないこと」を知っておくことが、最も効果的な対策です。

## Arbiter Exchange が決して行わないこと

- パスワード、二段階認証コード、リカバリーフレーズをお尋ねすること
- AnyDesk や TeamViewer などの遠隔操作ソフトのインストールをお願いすること
- 「安全なウォレット」や新しいアドレスへの資産移動をお願いすること
- LINE、WhatsApp、Telegram、Instagram などのSNSから先にご連絡すること
- サポートの費用や、資産回収のための手数料を請求すること

## 当社からの連絡かどうかを確認する方法

- **フィッシング対策コード：** **プロフィール > セキュリティ > フィッシング対策コード**で設定すると、当社からの正規メールには必ずこのコードが記載されます。記載がなければ偽物です。
- **ログインは必ずアプリから**、またはアドレスを直接入力して行い、メールやSMSのリンクは使わないでください。
- **サポートへのお問い合わせはアプリ内のヘルプセンターから：** 当社の担当者が個人的なメッセンジャーへ会話を移すことはありません。

## フィッシングの被害に遭ったかもしれない場合

直ちにパスワードを変更して二段階認証を再設定し、**プロフィール > セキュリティ > デバイス**で心当たりのない端末をログアウトさせ、ご自身で作成していないAPIキーを削除したうえで、アプリからサポートへご連絡ください。
"#,
            ),
            at(
                "tr",
                "Oltalama (phishing) ve sahte destek temsilcilerini tanıma",
                r#"Dolandırıcılar giriş bilgilerinizi, 2FA kodlarınızı veya fonlarınızı çalmak için sık sık Arbiter Exchange gibi davranır. En iyi korunma yolu, bizim asla yapmayacağımız şeyleri bilmektir.

## Arbiter Exchange asla

- Şifrenizi, 2FA kodlarınızı veya kurtarma ifadenizi istemez
- AnyDesk ya da TeamViewer gibi uzaktan erişim programları kurmanızı istemez
- Fonlarınızı “güvenli bir cüzdana” veya yeni bir adrese taşımanızı istemez
- WhatsApp, Telegram, Instagram veya başka bir sosyal medya üzerinden ilk teması kurmaz
- Destek için ücret almaz, ödeme karşılığında kayıp fonları geri getirme sözü vermez

## Bir mesajın bizden geldiğini nasıl anlarsınız?

- **Oltalama karşıtı kod:** **Profil > Güvenlik > Oltalama karşıtı kod** bölümünden kişisel bir kod belirleyin. Bizden gelen her gerçek e-postada bu kod bulunur; yoksa e-posta sahtedir.
- **Her zaman uygulama üzerinden giriş yapın** veya adresimizi kendiniz yazın; e-posta ya da SMS'teki bağlantıları kullanmayın.
- **Uygulama içi desteği kullanın:** Temsilcilerimiz görüşmeyi asla özel mesajlaşma uygulamalarına taşımaz.

## Oltalamaya düştüğünüzü düşünüyorsanız

Şifrenizi hemen değiştirin, 2FA'nızı sıfırlayın, **Profil > Güvenlik > Cihazlar** bölümünden tanımadığınız cihazların oturumunu kapatın, sizin oluşturmadığınız API anahtarlarını silin ve uygulama üzerinden destek ekibine ulaşın.
"#,
            ),
            at(
                "ru",
                "Как распознать фишинг и поддельную поддержку",
                r#"Мошенники регулярно выдают себя за Arbiter Exchange, чтобы украсть данные для входа, коды 2FA или средства. Лучшая защита — знать, чего мы никогда не делаем.

## Arbiter Exchange никогда не

- просит пароль, коды 2FA или фразу восстановления
- просит установить программы удалённого доступа, например AnyDesk или TeamViewer
- предлагает перевести средства на «безопасный кошелёк» или новый адрес
- пишет первым в WhatsApp, Telegram, Instagram или других соцсетях
- берёт плату за поддержку и не обещает вернуть потерянные средства за вознаграждение

## Как проверить, что сообщение действительно от нас

- **Антифишинговый код:** задайте его в разделе **Профиль > Безопасность > Антифишинговый код**. Он есть в каждом настоящем письме от нас; если его нет, письмо поддельное.
- **Входите только через приложение** или вводите наш адрес вручную, а не переходите по ссылкам из писем и СМС.
- **Обращайтесь в поддержку через приложение:** наши сотрудники никогда не переводят общение в личные мессенджеры.

## Если вы попались на фишинг

Немедленно смените пароль и сбросьте 2FA, завершите сеансы на незнакомых устройствах в разделе **Профиль > Безопасность > Устройства**, удалите API-ключи, которые вы не создавали, и напишите в поддержку через приложение.
"#,
            ),
            at(
                "ko",
                "피싱과 사칭 고객센터 구별하는 법",
                r#"사기범들은 로그인 정보, 2FA 인증 코드, 자산을 빼앗기 위해 Arbiter Exchange를 자주 사칭합니다. 저희가 절대 하지 않는 일을 알아 두는 것이 가장 좋은 예방법입니다.

## Arbiter Exchange는 절대로

- 비밀번호, 2FA 인증 코드, 복구 문구를 요청하지 않습니다
- AnyDesk, TeamViewer 같은 원격 제어 프로그램 설치를 요구하지 않습니다
- 자산을 보호한다며 ‘안전한 지갑’이나 새 주소로 옮기라고 하지 않습니다
- 카카오톡, 텔레그램, 인스타그램 등 메신저나 SNS로 먼저 연락하지 않습니다
- 상담 비용을 받거나, 돈을 내면 잃어버린 자산을 찾아 주겠다고 약속하지 않습니다

## 저희가 보낸 메시지인지 확인하는 방법

- **피싱 방지 코드:** **프로필 > 보안 > 피싱 방지 코드**에서 개인 코드를 설정하세요. 저희가 보내는 모든 정식 이메일에는 이 코드가 들어 있으며, 없으면 가짜입니다.
- **로그인은 항상 앱에서** 하거나 주소를 직접 입력하세요. 이메일이나 문자 속 링크는 누르지 마세요.
- **앱 안의 고객센터만 이용하세요:** 저희 상담원은 대화를 개인 메신저로 옮기지 않습니다.

## 피싱에 당한 것 같다면

즉시 비밀번호를 바꾸고 2FA를 재설정한 뒤, **프로필 > 보안 > 기기**에서 모르는 기기를 로그아웃하고, 직접 만들지 않은 API 키를 삭제한 다음 앱으로 고객지원팀에 연락해 주세요.
"#,
            ),
            at(
                "vi",
                "Cách nhận biết lừa đảo phishing và nhân viên hỗ trợ giả mạo",
                r#"Kẻ gian thường xuyên giả danh Arbiter Exchange để đánh cắp thông tin đăng nhập, mã 2FA hoặc tài sản. Biết rõ những điều chúng tôi không bao giờ làm là cách tự bảo vệ tốt nhất.

## Arbiter Exchange không bao giờ

- Hỏi mật khẩu, mã 2FA hay cụm từ khôi phục của anh/chị
- Yêu cầu cài phần mềm điều khiển từ xa như AnyDesk hoặc TeamViewer
- Yêu cầu chuyển tài sản sang “ví an toàn” hoặc một địa chỉ mới
- Chủ động liên hệ qua Zalo, Telegram, Facebook hay mạng xã hội khác
- Thu phí hỗ trợ hoặc hứa lấy lại tiền đã mất nếu anh/chị trả phí

## Cách kiểm tra tin nhắn có thật sự từ chúng tôi

- **Mã chống lừa đảo:** đặt mã riêng tại **Hồ sơ > Bảo mật > Mã chống lừa đảo**. Mọi email thật từ chúng tôi đều có mã này; nếu không có, đó là email giả.
- **Luôn đăng nhập qua ứng dụng** hoặc tự gõ địa chỉ trang web, không bấm vào đường link trong email hay tin nhắn.
- **Chỉ liên hệ hỗ trợ trong ứng dụng:** nhân viên của chúng tôi không bao giờ chuyển cuộc trò chuyện sang ứng dụng nhắn tin cá nhân.

## Nếu nghi ngờ đã bị lừa

Hãy đổi mật khẩu và đặt lại 2FA ngay, đăng xuất các thiết bị lạ tại **Hồ sơ > Bảo mật > Thiết bị**, xóa các khóa API không phải do anh/chị tạo và liên hệ bộ phận hỗ trợ qua ứng dụng.
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "compromised-account",
        tags: &["account-takeover", "security", "fraud"],
        translations: &[
            at(
                "en",
                "What to do if your account was compromised",
                r#"If you notice logins, trades or withdrawals you didn't make, or you receive emails about security changes you don't recognise, act straight away. Every minute counts.

## 1. Freeze your account

- Use the **Freeze my account** link in any security email from us, or
- Go to **Profile > Security > Freeze account**, or
- Contact support through the Help Centre and write “account compromised”.

A frozen account can't trade, withdraw or use API keys, and all sessions are logged out. Freezing is free and reversible.

## 2. Secure your email and devices

Most account takeovers start with a hacked email account or a phished password. Change your email password, enable two-factor authentication on your email, and run a malware scan on the devices you use for trading. Remove browser extensions you don't trust.

## 3. Tell us what happened

Our Fraud team will ask for:

- the date and time you first noticed the problem
- any transactions you don't recognise
- how your details may have been obtained (a link, a call, a message, a download)
- a police report reference, if you have one

## 4. Recover access

Once the account is frozen, we'll send you an identity check (photo ID and a live selfie). After it's approved, you'll set a new password and a new 2FA method, and review your API keys, devices and withdrawal addresses. A 24-hour withdrawal lock applies after recovery.

## What about funds that were already withdrawn?

Blockchain transactions can't be reversed, but our Fraud team traces the funds. If they reach an exchange that cooperates with us or with law enforcement, that exchange may freeze them. We strongly recommend filing a police report, as it helps with these requests.

## Never share these

Arbiter staff will never ask for your password, 2FA codes or recovery phrase. Anyone who does, even during a recovery, is a scammer.
"#,
            ),
            at(
                "es",
                "Qué hacer si han accedido a tu cuenta sin permiso",
                r#"Si ves inicios de sesión, operaciones o retiros que no hiciste, o recibes correos sobre cambios de seguridad que no reconoces, actúa de inmediato.

## 1. Congela tu cuenta

Usa el enlace **Congelar mi cuenta** de cualquier correo de seguridad, ve a **Perfil > Seguridad > Congelar cuenta** o escribe a soporte desde el Centro de ayuda. Una cuenta congelada no puede operar, retirar ni usar claves API, y se cierran todas las sesiones.

## 2. Protege tu correo y tus dispositivos

Cambia la contraseña de tu correo, activa allí la verificación en dos pasos y analiza tus dispositivos en busca de malware.

## 3. Cuéntanos qué ha pasado

Indícanos cuándo notaste el problema, qué movimientos no reconoces, cómo pudieron obtener tus datos y, si la tienes, la referencia de la denuncia policial.

## 4. Recupera el acceso

Te enviaremos una verificación de identidad. Cuando se apruebe, establecerás una nueva contraseña y un nuevo 2FA. Después se aplica un bloqueo de retiros de 24 horas. Las transacciones en blockchain no se pueden revertir, pero nuestro equipo de Fraude rastrea los fondos.
"#,
            ),
            at(
                "pt",
                "O que fazer se a sua conta foi invadida",
                r#"Se você notar acessos, operações ou saques que não fez, ou receber e-mails sobre alterações de segurança que não reconhece, aja imediatamente.

## 1. Bloqueie a sua conta

Use o link **Bloquear minha conta** de qualquer e-mail de segurança, vá em **Perfil > Segurança > Bloquear conta** ou fale com o suporte pela Central de Ajuda. Uma conta bloqueada não pode negociar, sacar nem usar chaves de API, e todas as sessões são encerradas.

## 2. Proteja o seu e-mail e os seus dispositivos

Troque a senha do e-mail, ative a autenticação de dois fatores nele e faça uma verificação contra malware nos seus dispositivos.

## 3. Conte o que aconteceu

Informe quando você percebeu o problema, quais movimentações não reconhece, como seus dados podem ter sido obtidos e, se tiver, o número do boletim de ocorrência.

## 4. Recupere o acesso

Vamos enviar uma verificação de identidade. Depois da aprovação, você define uma nova senha e um novo 2FA, e vale um bloqueio de saques de 24 horas. Transações em blockchain não podem ser revertidas, mas a nossa equipe de Fraudes rastreia os fundos.
"#,
            ),
            at(
                "de",
                "Was tun, wenn Ihr Konto kompromittiert wurde?",
                r#"Wenn Sie Anmeldungen, Trades oder Auszahlungen bemerken, die Sie nicht selbst vorgenommen haben, oder E-Mails zu unbekannten Sicherheitsänderungen erhalten, handeln Sie sofort.

## 1. Konto einfrieren

Nutzen Sie den Link **Konto einfrieren** in einer unserer Sicherheits-E-Mails, gehen Sie zu **Profil > Sicherheit > Konto einfrieren** oder kontaktieren Sie den Support über das Hilfe-Center. Ein eingefrorenes Konto kann weder handeln noch auszahlen oder API-Schlüssel nutzen, und alle Sitzungen werden beendet.

## 2. E-Mail-Konto und Geräte absichern

Ändern Sie das Passwort Ihres E-Mail-Kontos, aktivieren Sie dort die Zwei-Faktor-Authentifizierung und prüfen Sie Ihre Geräte auf Schadsoftware.

## 3. Schildern Sie uns den Vorfall

Teilen Sie uns mit, wann Ihnen das Problem aufgefallen ist, welche Vorgänge Sie nicht kennen, wie Ihre Daten abhandengekommen sein könnten und, falls vorhanden, das Aktenzeichen Ihrer Strafanzeige.

## 4. Zugang wiederherstellen

Wir senden Ihnen eine Identitätsprüfung. Nach der Freigabe legen Sie ein neues Passwort und eine neue 2FA fest; danach gilt eine 24-stündige Auszahlungssperre. Blockchain-Transaktionen lassen sich nicht rückgängig machen, unser Betrugsteam verfolgt die Gelder jedoch nach.
"#,
            ),
            at(
                "fr",
                "Que faire si votre compte a été piraté",
                r#"Si vous constatez des connexions, des transactions ou des retraits que vous n'avez pas effectués, ou si vous recevez des e-mails concernant des modifications de sécurité inconnues, agissez immédiatement.

## 1. Gelez votre compte

Utilisez le lien **Geler mon compte** présent dans nos e-mails de sécurité, allez dans **Profil > Sécurité > Geler le compte** ou contactez le support via le Centre d'aide. Un compte gelé ne peut ni trader, ni retirer, ni utiliser de clés API, et toutes les sessions sont déconnectées.

## 2. Sécurisez votre messagerie et vos appareils

Changez le mot de passe de votre messagerie, activez-y l'authentification à deux facteurs et analysez vos appareils à la recherche de logiciels malveillants.

## 3. Expliquez-nous ce qui s'est passé

Indiquez quand vous avez remarqué le problème, les opérations que vous ne reconnaissez pas, comment vos informations ont pu être obtenues et, le cas échéant, la référence de votre plainte.

## 4. Récupérez l'accès

Nous vous enverrons une vérification d'identité. Une fois validée, vous définirez un nouveau mot de passe et une nouvelle 2FA ; un blocage des retraits de 24 heures s'applique ensuite. Les transactions blockchain sont irréversibles, mais notre équipe Fraude retrace les fonds.
"#,
            ),
            at(
                "zh",
                "帳戶遭盜用時該怎麼辦",
                r#"如果您發現非本人操作的登入、交易或提領，或收到不認得的安全設定變更通知，請立即採取行動。

## 1. 凍結帳戶

點選我們安全通知信中的**凍結我的帳戶**連結、前往**個人檔案 > 安全性 > 凍結帳戶**，或透過客服中心聯繫客服。帳戶凍結後將無法交易、提領或使用 API 金鑰，所有登入中的裝置也會被登出。

## 2. 保護您的電子郵件與裝置

變更電子郵件信箱密碼、為信箱啟用雙重驗證，並掃描您的裝置是否有惡意程式。

## 3. 告訴我們發生了什麼事

請提供您發現異常的時間、不認得的交易紀錄、個人資料可能外洩的途徑，以及報案編號（如有）。

## 4. 恢復存取權

我們會寄送身分驗證給您。驗證通過後，您需設定新密碼與新的 2FA，之後會套用 24 小時提領限制。區塊鏈交易無法撤銷，但反詐騙團隊會追蹤資金流向。
"#,
            ),
            at(
                "ja",
                "アカウントが不正アクセスを受けた場合の対処法",
                r#"身に覚えのないログイン、取引、出金に気づいた場合や、心当たりのないセキュリティ設定の変更通知を受け取った場合は、すぐに対応してください。

## 1. アカウントを凍結する

当社のセキュリティ通知メールにある**アカウントを凍結**リンクを使うか、**プロフィール > セキュリティ > アカウント凍結**から操作するか、ヘルプセンターからサポートへご連絡ください。凍結中のアカウントでは取引・出金・APIキーの利用ができず、すべてのセッションがログアウトされます。

## 2. メールと端末を保護する

メールアカウントのパスワードを変更し、メール側でも二段階認証を有効にしたうえで、お使いの端末のマルウェアチェックを行ってください。

## 3. 状況をお知らせいただく

問題に気づいた日時、心当たりのない取引、情報が漏れたと思われる経緯、警察へ届け出済みの場合はその受理番号をお知らせください。

## 4. アクセスを回復する

本人確認のご案内をお送りします。承認後、新しいパスワードと二段階認証を設定していただき、その後24時間は出金が制限されます。ブロックチェーン上の取引は取り消せませんが、不正対策チームが資金の流れを追跡いたします。
"#,
            ),
            at(
                "tr",
                "Hesabınız ele geçirildiyse ne yapmalısınız?",
                r#"Yapmadığınız girişler, işlemler veya çekimler fark ederseniz ya da tanımadığınız güvenlik değişiklikleriyle ilgili e-postalar alırsanız hemen harekete geçin.

## 1. Hesabınızı dondurun

Güvenlik e-postalarımızdaki **Hesabımı dondur** bağlantısını kullanın, **Profil > Güvenlik > Hesabı dondur** bölümüne gidin veya Yardım Merkezi üzerinden destek ekibine yazın. Dondurulan hesapta alım satım, çekim ve API kullanımı yapılamaz; tüm oturumlar kapatılır.

## 2. E-postanızı ve cihazlarınızı güvenceye alın

E-posta şifrenizi değiştirin, e-posta hesabınızda iki faktörlü doğrulamayı açın ve cihazlarınızı kötü amaçlı yazılımlara karşı tarayın.

## 3. Bize ne olduğunu anlatın

Sorunu ne zaman fark ettiğinizi, tanımadığınız işlemleri, bilgilerinizin nasıl ele geçirilmiş olabileceğini ve varsa şikâyet/suç duyurusu numaranızı paylaşın.

## 4. Erişiminizi geri alın

Size bir kimlik doğrulaması göndereceğiz. Onaylandıktan sonra yeni bir şifre ve yeni bir 2FA belirlersiniz; ardından 24 saatlik çekim kilidi uygulanır. Blokzinciri işlemleri geri alınamaz, ancak dolandırıcılık ekibimiz fonların izini sürer.
"#,
            ),
            at(
                "ru",
                "Что делать, если ваш аккаунт взломали",
                r#"Если вы заметили входы, сделки или выводы, которые не совершали, или получили письма об изменениях настроек безопасности, о которых не знаете, действуйте немедленно.

## 1. Заморозьте аккаунт

Воспользуйтесь ссылкой **Заморозить аккаунт** в любом нашем письме о безопасности, перейдите в раздел **Профиль > Безопасность > Заморозка аккаунта** или напишите в поддержку через Справочный центр. В замороженном аккаунте нельзя торговать, выводить средства и пользоваться API-ключами, а все сеансы завершаются.

## 2. Защитите почту и устройства

Смените пароль от электронной почты, включите для неё двухфакторную аутентификацию и проверьте устройства на вредоносные программы.

## 3. Расскажите нам, что произошло

Сообщите, когда вы заметили проблему, какие операции вам незнакомы, как могли быть получены ваши данные, и номер заявления в полицию, если оно есть.

## 4. Восстановите доступ

Мы отправим вам проверку личности. После её одобрения вы зададите новый пароль и новый способ 2FA, после чего в течение 24 часов вывод будет заблокирован. Транзакции в блокчейне отменить нельзя, но наш отдел по борьбе с мошенничеством отслеживает движение средств.
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "p2p-rules-and-disputes",
        tags: &["p2p", "disputes", "payment-proof"],
        translations: &[
            at(
                "en",
                "P2P marketplace: rules, appeals and disputes",
                r#"On the P2P marketplace you buy and sell crypto directly with other users, paying by bank transfer or another local method. Arbiter Exchange holds the seller's crypto in **escrow** for the whole order, so neither side can lose it while the trade is in progress.

## The key rules

- **Pay only from an account in your own verified name.** Third-party payments, where someone else pays for you, are not allowed. They are a common way of moving stolen money and can get the seller's bank account frozen.
- **Pay the exact amount, in one transfer,** within the payment window shown on the order.
- **Don't write crypto-related words** such as “BTC” or “USDT” in the payment reference unless the ad asks you to.
- **Keep all communication in the order chat.** Never move to WhatsApp or Telegram, and never release crypto based on a screenshot alone.
- **Sellers: release only after the money is in your account,** checked in your banking app, not in an email or SMS.

## When to open an appeal

Open an appeal from the order page if:

- you paid but the seller hasn't released the crypto
- you received a payment from someone other than the buyer
- the amount received doesn't match the order

The crypto stays locked in escrow during the appeal.

## Payment proof we accept

- An official receipt or bank statement showing the transfer, the sender's and recipient's names, account numbers, date, time and amount
- A PDF exported from your banking app is best

A screenshot of a chat, or of a “payment sent” screen, is not enough on its own. Upload proof within 3 hours of being asked, or the appeal may be decided without it.

## How appeals are decided

A P2P specialist reviews the evidence from both sides, usually within 24 hours. If the payment is verified, the crypto is released to the buyer. If a third-party payment is found, the seller must return the money to the exact account it came from, and the order is cancelled. Users who break the rules repeatedly lose P2P access.
"#,
            ),
            at(
                "es",
                "Mercado P2P: normas, apelaciones y disputas",
                r#"En el mercado P2P compras y vendes criptomonedas directamente con otros usuarios. Arbiter Exchange mantiene las criptomonedas del vendedor en **custodia (escrow)** durante toda la orden, así que ninguna de las partes puede perderlas.

## Normas principales

- **Paga solo desde una cuenta a tu nombre verificado.** No se permiten pagos de terceros.
- **Paga el importe exacto en una sola transferencia** dentro del plazo indicado en la orden.
- **Mantén toda la conversación en el chat de la orden.** Nunca pases a WhatsApp o Telegram.
- **Vendedores: liberad solo cuando el dinero esté en vuestra cuenta,** comprobado en la app del banco, no en un correo o SMS.

## Cuándo abrir una apelación

Si pagaste y el vendedor no libera, si recibiste un pago de alguien que no es el comprador o si el importe no coincide. Las criptomonedas siguen en custodia durante la apelación.

## Comprobantes aceptados

El justificante oficial o extracto bancario con los nombres, números de cuenta, fecha, hora e importe. Una captura del chat no basta. Súbelo en un plazo de 3 horas cuando se te pida. Un especialista de P2P revisa las pruebas de ambas partes, normalmente en menos de 24 horas.
"#,
            ),
            at(
                "pt",
                "Mercado P2P: regras, apelações e disputas",
                r#"No mercado P2P você compra e vende criptomoedas diretamente com outros usuários. A Arbiter Exchange mantém as criptomoedas do vendedor em **custódia (escrow)** durante toda a ordem, então nenhuma das partes pode perdê-las.

## Regras principais

- **Pague somente de uma conta no seu nome verificado.** Pagamentos de terceiros não são permitidos.
- **Pague o valor exato, em uma única transferência,** dentro do prazo mostrado na ordem.
- **Mantenha toda a conversa no chat da ordem.** Nunca migre para WhatsApp ou Telegram.
- **Vendedores: liberem apenas quando o dinheiro estiver na conta,** conferido no app do banco, e não por e-mail ou SMS.

## Quando abrir uma apelação

Se você pagou e o vendedor não liberou, se recebeu um pagamento de alguém que não é o comprador ou se o valor não confere. As criptomoedas continuam em custódia durante a apelação.

## Comprovantes aceitos

O comprovante oficial ou extrato bancário com nomes, números de conta, data, horário e valor. Print de conversa não é suficiente. Envie em até 3 horas quando for solicitado. Um especialista de P2P analisa as provas das duas partes, normalmente em até 24 horas.
"#,
            ),
            at(
                "de",
                "P2P-Marktplatz: Regeln, Einsprüche und Streitfälle",
                r#"Auf dem P2P-Marktplatz kaufen und verkaufen Sie Kryptowährungen direkt mit anderen Nutzern. Arbiter Exchange hält die Kryptowerte des Verkäufers während der gesamten Order in **Treuhand (Escrow)**, sodass keine Seite sie verlieren kann.

## Die wichtigsten Regeln

- **Zahlen Sie nur von einem Konto auf Ihren eigenen verifizierten Namen.** Zahlungen durch Dritte sind nicht erlaubt.
- **Überweisen Sie den exakten Betrag in einer einzigen Zahlung** innerhalb der angezeigten Zahlungsfrist.
- **Kommunizieren Sie ausschließlich im Order-Chat.** Wechseln Sie nie zu WhatsApp oder Telegram.
- **Verkäufer: Geben Sie erst frei, wenn das Geld auf Ihrem Konto ist,** geprüft in Ihrer Banking-App, nicht per E-Mail oder SMS.

## Wann Sie Einspruch einlegen sollten

Wenn Sie bezahlt haben und der Verkäufer nicht freigibt, wenn die Zahlung nicht vom Käufer stammt oder der Betrag nicht stimmt. Die Kryptowerte bleiben während des Einspruchs in Treuhand.

## Akzeptierte Zahlungsnachweise

Offizieller Beleg oder Kontoauszug mit Namen, Kontonummern, Datum, Uhrzeit und Betrag. Ein Chat-Screenshot genügt nicht. Laden Sie den Nachweis innerhalb von 3 Stunden nach Aufforderung hoch. Eine P2P-Fachkraft prüft die Nachweise beider Seiten, meist innerhalb von 24 Stunden.
"#,
            ),
            at(
                "fr",
                "Marché P2P : règles, appels et litiges",
                r#"Sur le marché P2P, vous achetez et vendez des cryptomonnaies directement avec d'autres utilisateurs. Arbiter Exchange conserve les cryptomonnaies du vendeur sous **séquestre (escrow)** pendant toute la durée de l'ordre : aucune des deux parties ne peut les perdre.

## Les règles essentielles

- **Payez uniquement depuis un compte à votre nom vérifié.** Les paiements par un tiers sont interdits.
- **Payez le montant exact, en un seul virement,** dans le délai indiqué sur l'ordre.
- **Échangez uniquement dans le chat de l'ordre.** Ne passez jamais sur WhatsApp ou Telegram.
- **Vendeurs : ne libérez qu'une fois l'argent arrivé sur votre compte,** vérifié dans votre application bancaire, et non par e-mail ou SMS.

## Quand ouvrir un litige

Si vous avez payé et que le vendeur ne libère pas, si le paiement ne vient pas de l'acheteur ou si le montant ne correspond pas. Les cryptomonnaies restent sous séquestre pendant le litige.

## Preuves de paiement acceptées

Le justificatif officiel ou le relevé bancaire avec noms, numéros de compte, date, heure et montant. Une capture du chat ne suffit pas. Téléversez la preuve dans les 3 heures suivant la demande. Un spécialiste P2P examine les éléments des deux parties, généralement sous 24 heures.
"#,
            ),
            at(
                "zh",
                "P2P 交易市場：規則、申訴與爭議處理",
                r#"在 P2P 交易市場，您可以直接與其他使用者買賣加密貨幣。整筆訂單期間，Arbiter Exchange 會將賣方的加密貨幣**託管鎖定**，雙方都不會因此損失資產。

## 主要規則

- **只能使用您本人驗證姓名的帳戶付款。**不接受第三方付款。
- **一次轉帳付清確切金額，**並在訂單顯示的付款時限內完成。
- **所有溝通都在訂單聊天室進行。**切勿改用 LINE、WhatsApp 或 Telegram。
- **賣方：請確認款項已入帳後再放行，**並以網路銀行 App 查核，不要只看電子郵件或簡訊通知。

## 何時應提出申訴

您已付款但賣方未放行、收到的款項並非來自買方本人，或金額不符時。申訴期間，加密貨幣會持續託管鎖定。

## 接受的付款證明

顯示雙方姓名、帳號、日期、時間與金額的銀行正式轉帳憑證或對帳單。聊天截圖不足以作為證明。收到要求後，請於 3 小時內上傳。P2P 專員會審閱雙方證據，通常在 24 小時內完成。
"#,
            ),
            at(
                "ja",
                "P2Pマーケット：ルール、異議申し立て、紛争の解決",
                r#"P2Pマーケットでは、他のユーザーと直接暗号資産を売買できます。注文が完了するまで、Arbiter Exchange が売り手の暗号資産を**エスクロー**で保管するため、どちらの当事者も資産を失うことはありません。

## 主なルール

- **ご本人確認済みの名義の口座からのみお支払いください。** 第三者名義での支払いは認められません。
- **正確な金額を1回の振込で、** 注文に表示された支払期限内にお支払いください。
- **やり取りはすべて注文チャットで行ってください。** LINE、WhatsApp、Telegram などへの移行はお控えください。
- **売り手の方へ：入金を銀行アプリで確認してから解放してください。** メールやSMSの通知だけで判断しないでください。

## 異議申し立てを行うべき場合

支払ったのに売り手が解放しない場合、買い手以外から入金があった場合、金額が一致しない場合です。申し立て中も暗号資産はエスクローで保管されます。

## 受け付けている支払い証明

双方の氏名、口座番号、日時、金額が記載された銀行の正式な振込明細または取引明細書です。チャットのスクリーンショットのみでは不十分です。ご依頼から3時間以内にアップロードしてください。P2P担当者が双方の資料を確認し、通常24時間以内に判断いたします。
"#,
            ),
            at(
                "tr",
                "P2P pazaryeri: kurallar, itirazlar ve anlaşmazlıklar",
                r#"P2P pazaryerinde diğer kullanıcılarla doğrudan kripto alıp satarsınız. Arbiter Exchange, emir boyunca satıcının kripto varlıklarını **emanette (escrow)** tutar; böylece taraflardan hiçbiri varlıklarını kaybetmez.

## Temel kurallar

- **Yalnızca kendi doğrulanmış adınıza kayıtlı bir hesaptan ödeme yapın.** Üçüncü şahıs ödemelerine izin verilmez.
- **Tam tutarı tek bir transferle,** emirde gösterilen ödeme süresi içinde gönderin.
- **Tüm yazışmaları emir sohbetinde yapın.** Asla WhatsApp veya Telegram'a geçmeyin.
- **Satıcılar: para hesabınıza geçmeden serbest bırakmayın;** bunu e-posta veya SMS ile değil, banka uygulamanızdan kontrol edin.

## Ne zaman itiraz açmalısınız?

Ödeme yaptığınız hâlde satıcı serbest bırakmıyorsa, alıcı dışında birinden ödeme aldıysanız veya tutar uyuşmuyorsa. İtiraz süresince kripto varlıklar emanette kalır.

## Kabul edilen ödeme kanıtları

İsimleri, hesap numaralarını, tarihi, saati ve tutarı gösteren resmi banka dekontu veya hesap ekstresi. Sohbet ekran görüntüsü tek başına yeterli değildir. Talep edildikten sonra 3 saat içinde yükleyin. Bir P2P uzmanı iki tarafın kanıtlarını genellikle 24 saat içinde inceler.
"#,
            ),
            at(
                "ru",
                "P2P-площадка: правила, апелляции и споры",
                r#"На P2P-площадке вы покупаете и продаёте криптовалюту напрямую у других пользователей. На всё время ордера Arbiter Exchange держит криптовалюту продавца в **эскроу**, поэтому ни одна из сторон не может её потерять.

## Основные правила

- **Платите только со счёта, оформленного на ваше верифицированное имя.** Оплата от третьих лиц запрещена.
- **Переводите точную сумму одним платежом** в пределах срока, указанного в ордере.
- **Общайтесь только в чате ордера.** Никогда не переходите в WhatsApp или Telegram.
- **Продавцам: выпускайте криптовалюту только после поступления денег на счёт,** проверив это в банковском приложении, а не по письму или СМС.

## Когда открывать апелляцию

Если вы оплатили, а продавец не выпускает криптовалюту; если платёж пришёл не от покупателя; если сумма не совпадает. На время апелляции криптовалюта остаётся в эскроу.

## Какие подтверждения оплаты принимаются

Официальная квитанция или банковская выписка с именами, номерами счетов, датой, временем и суммой. Скриншота чата недостаточно. Загрузите подтверждение в течение 3 часов после запроса. Специалист P2P изучает доказательства обеих сторон, обычно в течение 24 часов.
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "chargebacks-explained",
        tags: &["chargeback", "card"],
        translations: &[
            at(
                "en",
                "Card chargebacks explained, and what they mean for your account",
                r#"A chargeback is when your bank reverses a card payment after it has been made. It exists to protect cardholders from unauthorised payments and from goods that were never delivered. Because crypto bought by card is delivered instantly, chargebacks work a little differently on a crypto exchange.

## Before you contact your bank

If something went wrong with a card purchase, **contact us first**. If the crypto is still in your account, we can usually cancel the purchase and refund your card within 5 to 10 business days, which is much faster than a chargeback and has no effect on your account.

A chargeback is **not** the right tool for market losses. If the price dropped after you bought, the purchase was still delivered as agreed.

## What happens when a chargeback arrives

1. We receive a notification from the card network through our payment provider.
2. Card purchases on your account are paused, and an amount equal to the disputed purchase is put on hold.
3. We email you to let you know and ask whether you recognise the purchase.
4. If the purchase was authorised and delivered, we submit evidence to your bank to contest the chargeback. This is called **representment**.
5. Your bank reviews the evidence and makes a decision. The whole process usually takes 30 to 75 days.

## Possible consequences

- The purchased crypto, or its value, is debited back from your account.
- If your balance isn't enough, your account may show a negative balance that must be settled before you can withdraw.
- Card payments may be disabled permanently on your account.
- Repeated chargebacks on delivered purchases can lead to the account being closed.

## If you didn't make the purchase

If a card purchase on your account wasn't made by you, tell us immediately so we can freeze the account and investigate. In that case, a chargeback through your bank is appropriate, and we won't contest it.

## If the chargeback was a mistake

Ask your bank to withdraw the dispute and send us their written confirmation. Once we receive it, card purchases can be re-enabled.
"#,
            ),
            at(
                "es",
                "Los contracargos explicados y sus consecuencias para tu cuenta",
                r#"Un contracargo es la devolución de un pago con tarjeta que hace tu banco después de realizado el pago. Sirve para proteger al titular frente a pagos no autorizados o productos no entregados.

## Antes de contactar con tu banco

Si algo salió mal con una compra con tarjeta, **escríbenos primero**. Si las criptomonedas siguen en tu cuenta, normalmente podemos cancelar la compra y reembolsar la tarjeta en 5 a 10 días hábiles, mucho más rápido que un contracargo. El contracargo **no** sirve para pérdidas de mercado.

## Qué ocurre cuando llega un contracargo

Pausamos las compras con tarjeta, retenemos un importe igual a la compra disputada y te avisamos por correo. Si la compra fue autorizada y entregada, enviamos pruebas a tu banco (**representación**). El proceso suele durar de 30 a 75 días.

## Posibles consecuencias

- Se debita de tu cuenta la criptomoneda comprada o su valor.
- Tu cuenta puede quedar con saldo negativo.
- Los pagos con tarjeta pueden desactivarse de forma permanente.

Si no hiciste tú la compra, avísanos de inmediato: en ese caso no impugnaremos el contracargo.
"#,
            ),
            at(
                "pt",
                "Chargeback explicado e suas consequências para a sua conta",
                r#"Chargeback é quando o seu banco estorna um pagamento com cartão depois de ele ter sido feito. Ele existe para proteger o titular contra pagamentos não autorizados ou produtos não entregues.

## Antes de falar com o seu banco

Se algo deu errado com uma compra no cartão, **fale com a gente primeiro**. Se as criptomoedas ainda estiverem na sua conta, normalmente conseguimos cancelar a compra e estornar no cartão em 5 a 10 dias úteis, bem mais rápido do que um chargeback. Chargeback **não** serve para perdas de mercado.

## O que acontece quando chega um chargeback

Suspendemos as compras com cartão, bloqueamos um valor igual ao da compra contestada e avisamos você por e-mail. Se a compra foi autorizada e entregue, enviamos provas ao seu banco (**reapresentação**). O processo costuma levar de 30 a 75 dias.

## Possíveis consequências

- A criptomoeda comprada, ou o valor dela, é debitada da sua conta.
- A conta pode ficar com saldo negativo.
- Pagamentos com cartão podem ser desativados de forma definitiva.

Se não foi você quem fez a compra, avise a gente imediatamente: nesse caso, não contestaremos o chargeback.
"#,
            ),
            at(
                "de",
                "Rückbuchungen (Chargebacks) erklärt und was sie für Ihr Konto bedeuten",
                r#"Bei einer Rückbuchung (Chargeback) macht Ihre Bank eine Kartenzahlung nachträglich rückgängig. Sie soll Karteninhaber vor nicht autorisierten Zahlungen und nicht gelieferten Waren schützen.

## Bevor Sie sich an Ihre Bank wenden

Wenn bei einem Kartenkauf etwas schiefgelaufen ist, **kontaktieren Sie zuerst uns**. Befinden sich die Kryptowerte noch in Ihrem Konto, können wir den Kauf meist stornieren und den Betrag innerhalb von 5 bis 10 Werktagen erstatten, viel schneller als eine Rückbuchung. Für Kursverluste ist eine Rückbuchung **nicht** vorgesehen.

## Was bei einer Rückbuchung passiert

Wir pausieren Kartenkäufe, sperren einen Betrag in Höhe des strittigen Kaufs und informieren Sie per E-Mail. War der Kauf autorisiert und geliefert, reichen wir Nachweise bei Ihrer Bank ein (**Representment**). Das Verfahren dauert meist 30 bis 75 Tage.

## Mögliche Folgen

- Die gekauften Kryptowerte oder ihr Gegenwert werden Ihrem Konto belastet.
- Ihr Konto kann einen negativen Saldo aufweisen.
- Kartenzahlungen können dauerhaft deaktiviert werden.

Haben Sie den Kauf nicht selbst getätigt, melden Sie sich sofort: In diesem Fall widersprechen wir der Rückbuchung nicht.
"#,
            ),
            at(
                "fr",
                "La rétrofacturation expliquée et ses conséquences pour votre compte",
                r#"Une rétrofacturation (chargeback) a lieu lorsque votre banque annule un paiement par carte après coup. Elle protège les titulaires contre les paiements non autorisés et les biens non livrés.

## Avant de contacter votre banque

Si un achat par carte s'est mal passé, **contactez-nous d'abord**. Si les cryptomonnaies sont toujours sur votre compte, nous pouvons généralement annuler l'achat et rembourser votre carte sous 5 à 10 jours ouvrés, bien plus vite qu'une rétrofacturation. Celle-ci n'est **pas** prévue pour les pertes liées au marché.

## Ce qui se passe à réception d'une rétrofacturation

Nous suspendons les achats par carte, bloquons un montant égal à l'achat contesté et vous prévenons par e-mail. Si l'achat a été autorisé et livré, nous transmettons des preuves à votre banque (**représentation**). La procédure dure généralement de 30 à 75 jours.

## Conséquences possibles

- Les cryptomonnaies achetées, ou leur valeur, sont débitées de votre compte.
- Votre compte peut présenter un solde négatif.
- Les paiements par carte peuvent être désactivés définitivement.

Si vous n'avez pas effectué l'achat, prévenez-nous immédiatement : dans ce cas, nous ne contesterons pas la rétrofacturation.
"#,
            ),
            at(
                "zh",
                "信用卡爭議款（退單）說明及其對帳戶的影響",
                r#"爭議款（退單）是指您的銀行在付款完成後，撤銷一筆卡片交易。這項機制是為了保護持卡人免於未經授權的付款或未收到商品的損失。

## 聯繫銀行之前

如果刷卡購買出了問題，**請先聯繫我們**。若購買的加密貨幣仍在您的帳戶中，我們通常可以取消交易，並在 5 至 10 個工作天內退款至您的卡片，比退單快得多。行情下跌造成的損失**不適用**退單。

## 收到爭議款後的流程

我們會暫停帳戶的刷卡購買、保留與爭議金額相等的資產，並以電子郵件通知您。若該筆交易經過授權且已完成交付，我們會向您的銀行提交證明（**再提示／申覆**）。整個流程通常需要 30 至 75 天。

## 可能的影響

- 購買的加密貨幣或其等值金額將從帳戶中扣回。
- 帳戶可能出現負餘額。
- 帳戶的卡片付款功能可能被永久停用。

如果這筆交易並非您本人所為，請立即通知我們；在這種情況下，我們不會對退單提出異議。
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "deposit-not-credited",
        tags: &["deposit", "confirmations", "network", "memo"],
        translations: &[
            at(
                "en",
                "My crypto deposit hasn't arrived",
                r#"Most crypto deposits are credited within minutes, but a few things can cause a delay. Here's how to work out what's happening.

## 1. Check the confirmations

A deposit is credited once the blockchain has confirmed it enough times. The number of confirmations we require is shown on the deposit page for each asset and network. Copy the TXID from the sending wallet or exchange and paste it into a block explorer for that network to see how many confirmations it has. If the network is busy, this can take longer than usual. You don't need to do anything: the deposit is credited automatically.

## 2. Check the network

You must send on the **same network** you selected on our deposit page. For example, USDT sent on TRC20 to an ERC20 deposit address won't arrive automatically. If the network is supported by us but different from the one you chose, the funds can often be recovered manually. If you sent on a network we don't support at all, recovery may not be possible.

## 3. Check the memo or tag

Some assets, such as XRP, XLM, ATOM and EOS, use a shared deposit address plus a **memo or tag** that identifies your account. If you forgot the memo or entered the wrong one, the deposit can't be matched automatically.

## 4. Check that it was actually sent

If the sending platform shows the withdrawal as pending or processing, it hasn't reached the blockchain yet. Contact them first.

## Requesting a manual recovery

If none of the above resolves it, contact support with:

- the TXID
- the asset, amount and network
- the destination address and memo/tag
- a screenshot of the withdrawal record from the sending platform

Recoveries of deposits with a missing memo or on the wrong network are handled by our wallet team, can take 2 to 4 weeks and may carry a recovery fee, which we confirm with you beforehand.
"#,
            ),
            at(
                "es",
                "Mi depósito de criptomonedas no ha llegado",
                r#"La mayoría de los depósitos se acreditan en minutos, pero algunas cosas pueden retrasarlos.

## 1. Comprueba las confirmaciones

El depósito se acredita cuando la blockchain lo confirma las veces necesarias; el número se indica en la página de depósito. Pega el TXID en un explorador de bloques de esa red para ver cuántas lleva. No tienes que hacer nada: se acredita automáticamente.

## 2. Comprueba la red

Debes enviar por la **misma red** que elegiste en nuestra página de depósito. Por ejemplo, USDT enviado por TRC20 a una dirección ERC20 no llega automáticamente. Si la red es compatible, a menudo podemos recuperarlo manualmente.

## 3. Comprueba el memo o tag

Activos como XRP, XLM o ATOM usan una dirección compartida y un **memo o tag** que identifica tu cuenta. Sin él, el depósito no puede asignarse automáticamente.

## Solicitar una recuperación

Escribe a soporte con el TXID, el activo, el importe, la red, la dirección y el memo, y una captura del retiro en la plataforma de origen. Las recuperaciones tardan de 2 a 4 semanas y pueden tener una comisión, que confirmaremos contigo antes.
"#,
            ),
            at(
                "pt",
                "Meu depósito em cripto não caiu",
                r#"A maioria dos depósitos em cripto é creditada em poucos minutos, mas algumas situações podem causar atraso.

## 1. Confira as confirmações

O depósito é creditado quando a blockchain o confirma o número de vezes exigido, mostrado na página de depósito. Cole o TXID em um explorador de blocos dessa rede para ver quantas confirmações ele já tem. Você não precisa fazer nada: o crédito é automático.

## 2. Confira a rede

Você precisa enviar pela **mesma rede** escolhida na nossa página de depósito. Por exemplo, USDT enviado pela TRC20 para um endereço ERC20 não cai automaticamente. Se a rede for suportada, muitas vezes conseguimos recuperar manualmente.

## 3. Confira o memo ou tag

Ativos como XRP, XLM ou ATOM usam um endereço compartilhado e um **memo ou tag** que identifica a sua conta. Sem ele, o depósito não é creditado automaticamente.

## Solicitar uma recuperação

Fale com o suporte informando o TXID, o ativo, o valor, a rede, o endereço e o memo, e envie um print do saque na plataforma de origem. Recuperações levam de 2 a 4 semanas e podem ter uma taxa, que confirmamos com você antes.
"#,
            ),
            at(
                "de",
                "Meine Krypto-Einzahlung ist nicht angekommen",
                r#"Die meisten Krypto-Einzahlungen werden innerhalb weniger Minuten gutgeschrieben, doch einige Dinge können sie verzögern.

## 1. Bestätigungen prüfen

Eine Einzahlung wird gutgeschrieben, sobald die Blockchain sie ausreichend oft bestätigt hat; die erforderliche Anzahl steht auf der Einzahlungsseite. Fügen Sie die TXID in einen Block-Explorer des Netzwerks ein, um den Stand zu sehen. Sie müssen nichts tun: Die Gutschrift erfolgt automatisch.

## 2. Netzwerk prüfen

Sie müssen über **dasselbe Netzwerk** senden, das Sie auf unserer Einzahlungsseite gewählt haben. USDT über TRC20 an eine ERC20-Adresse kommt zum Beispiel nicht automatisch an. Wird das Netzwerk von uns unterstützt, können wir die Einzahlung oft manuell zuordnen.

## 3. Memo oder Tag prüfen

Assets wie XRP, XLM oder ATOM nutzen eine gemeinsame Adresse plus ein **Memo bzw. Tag**, das Ihr Konto kennzeichnet. Fehlt es, kann die Einzahlung nicht automatisch zugeordnet werden.

## Manuelle Wiederherstellung beantragen

Senden Sie dem Support TXID, Asset, Betrag, Netzwerk, Zieladresse mit Memo sowie einen Screenshot der Auszahlung auf der sendenden Plattform. Wiederherstellungen dauern 2 bis 4 Wochen und können eine Gebühr kosten, die wir vorher mit Ihnen abstimmen.
"#,
            ),
            at(
                "fr",
                "Mon dépôt crypto n'est pas arrivé",
                r#"La plupart des dépôts crypto sont crédités en quelques minutes, mais certains facteurs peuvent les retarder.

## 1. Vérifiez les confirmations

Un dépôt est crédité lorsque la blockchain l'a confirmé le nombre de fois requis, indiqué sur la page de dépôt. Collez le TXID dans un explorateur de blocs du réseau concerné pour voir où il en est. Vous n'avez rien à faire : le crédit est automatique.

## 2. Vérifiez le réseau

Vous devez envoyer sur le **même réseau** que celui choisi sur notre page de dépôt. Par exemple, des USDT envoyés en TRC20 vers une adresse ERC20 n'arrivent pas automatiquement. Si le réseau est pris en charge, nous pouvons souvent récupérer les fonds manuellement.

## 3. Vérifiez le mémo ou tag

Certains actifs comme XRP, XLM ou ATOM utilisent une adresse partagée et un **mémo ou tag** qui identifie votre compte. Sans lui, le dépôt ne peut pas être attribué automatiquement.

## Demander une récupération manuelle

Contactez le support avec le TXID, l'actif, le montant, le réseau, l'adresse et le mémo, ainsi qu'une capture du retrait sur la plateforme d'envoi. Les récupérations prennent 2 à 4 semaines et peuvent entraîner des frais, que nous vous confirmons au préalable.
"#,
            ),
            at(
                "zh",
                "加密貨幣存入後尚未到帳",
                r#"大多數加密貨幣存入會在幾分鐘內入帳，但仍有幾種情況可能造成延遲。

## 1. 確認區塊確認數

存入須達到本平台要求的區塊確認數才會入帳，所需數量顯示在存入頁面上。將 TXID 貼到該網路的區塊瀏覽器，即可查看目前的確認數。您不需要進行任何操作，達標後會自動入帳。

## 2. 確認轉帳網路

轉帳時必須使用與存入頁面**相同的網路**。例如，以 TRC20 將 USDT 轉到 ERC20 存入地址，將無法自動入帳。若該網路為本平台支援的網路，通常可以人工找回。

## 3. 確認 Memo／Tag

XRP、XLM、ATOM 等幣種使用共用地址，並以 **Memo 或 Tag** 識別您的帳戶。若未填寫或填錯，系統將無法自動入帳。

## 申請人工找回

請聯繫客服並提供 TXID、幣種、數量、網路、收款地址與 Memo，以及轉出平台的提領紀錄截圖。找回作業需時 2 至 4 週，並可能收取手續費，收費前會先與您確認。
"#,
            ),
            at(
                "ja",
                "暗号資産の入金が反映されない場合",
                r#"暗号資産の入金はほとんどの場合数分で反映されますが、いくつかの理由で遅れることがあります。

## 1. 承認数を確認する

入金は、ブロックチェーン上で所定の承認数に達した時点で反映されます。必要な承認数は入金画面に表示されています。送金元で確認できるTXIDを該当ネットワークのブロックエクスプローラーに貼り付けると、現在の承認数を確認できます。お客様の操作は不要で、条件を満たすと自動的に反映されます。

## 2. ネットワークを確認する

当社の入金画面で選択したものと**同じネットワーク**で送金する必要があります。たとえば、TRC20で送ったUSDTをERC20の入金アドレスに送った場合、自動では反映されません。当社が対応しているネットワークであれば、手動で回収できる場合が多くあります。

## 3. メモ／タグを確認する

XRP、XLM、ATOM などの通貨は共通アドレスを使用しており、お客様のアカウントを識別する**メモ（タグ）**が必要です。未入力や誤りがあると、自動では反映されません。

## 手動での回収を依頼する

TXID、通貨、数量、ネットワーク、送金先アドレスとメモ、送金元での出金履歴のスクリーンショットを添えてサポートへご連絡ください。回収には2〜4週間かかり、手数料が発生する場合がございますが、事前にご確認いたします。
"#,
            ),
            at(
                "tr",
                "Kripto yatırma işlemim hesaba geçmedi",
                r#"Kripto yatırma işlemlerinin çoğu birkaç dakika içinde hesaba geçer, ancak bazı durumlar gecikmeye yol açabilir.

## 1. Onay sayısını kontrol edin

Yatırma işlemi, blokzinciri tarafından gereken sayıda onaylandığında hesaba geçer; bu sayı yatırma sayfasında gösterilir. Güncel durumu görmek için TXID'yi ilgili ağın blok gezginine yapıştırın. Yapmanız gereken bir şey yok, işlem otomatik olarak hesaba geçer.

## 2. Ağı kontrol edin

Yatırma sayfamızda seçtiğiniz **aynı ağ** üzerinden göndermeniz gerekir. Örneğin TRC20 ağıyla ERC20 adresine gönderilen USDT otomatik olarak hesaba geçmez. Ağ desteklediğimiz ağlardan biriyse fonları çoğu zaman manuel olarak kurtarabiliriz.

## 3. Memo veya etiketi kontrol edin

XRP, XLM veya ATOM gibi varlıklar ortak bir adres ve hesabınızı tanımlayan bir **memo/etiket** kullanır. Memo eksikse işlem otomatik olarak eşleştirilemez.

## Manuel kurtarma talebi

TXID, varlık, tutar, ağ, alıcı adres ve memo bilgisiyle birlikte gönderen platformdaki çekim kaydının ekran görüntüsünü destek ekibine iletin. Kurtarma işlemleri 2 ila 4 hafta sürer ve ücrete tabi olabilir; ücret önceden sizinle teyit edilir.
"#,
            ),
            at(
                "ru",
                "Криптовалютный депозит не поступил",
                r#"Большинство криптовалютных депозитов зачисляется за несколько минут, но иногда возможны задержки.

## 1. Проверьте подтверждения

Депозит зачисляется, когда блокчейн подтвердит его нужное количество раз; это число указано на странице пополнения. Вставьте TXID в обозреватель блоков нужной сети, чтобы увидеть текущее количество подтверждений. Ничего делать не нужно: зачисление происходит автоматически.

## 2. Проверьте сеть

Отправлять нужно в **той же сети**, которую вы выбрали на нашей странице пополнения. Например, USDT, отправленные через TRC20 на адрес ERC20, автоматически не зачислятся. Если сеть поддерживается нами, средства часто можно вернуть вручную.

## 3. Проверьте мемо или тег

Для таких активов, как XRP, XLM или ATOM, используется общий адрес и **мемо (тег)**, по которому определяется ваш аккаунт. Без него депозит не будет зачислен автоматически.

## Запрос на ручное восстановление

Напишите в поддержку и укажите TXID, актив, сумму, сеть, адрес и мемо, а также приложите скриншот вывода с платформы-отправителя. Восстановление занимает от 2 до 4 недель и может быть платным — о комиссии мы сообщим заранее.
"#,
            ),
            at(
                "ko",
                "가상자산 입금이 반영되지 않았어요",
                r#"대부분의 가상자산 입금은 몇 분 안에 반영되지만, 몇 가지 이유로 늦어질 수 있습니다.

## 1. 컨펌 수 확인

입금은 블록체인에서 필요한 컨펌 수에 도달하면 반영되며, 필요 컨펌 수는 입금 화면에 표시됩니다. 보낸 곳에서 확인한 TXID를 해당 네트워크의 블록 익스플로러에 붙여 넣으면 현재 컨펌 수를 볼 수 있습니다. 따로 하실 일은 없으며, 조건이 충족되면 자동으로 반영됩니다.

## 2. 네트워크 확인

저희 입금 화면에서 선택한 것과 **같은 네트워크**로 보내야 합니다. 예를 들어 TRC20으로 보낸 USDT를 ERC20 입금 주소로 보내면 자동으로 반영되지 않습니다. 저희가 지원하는 네트워크라면 수동으로 복구할 수 있는 경우가 많습니다.

## 3. 메모/태그 확인

XRP, XLM, ATOM 등은 공용 주소와 함께 계정을 식별하는 **메모(태그)**를 사용합니다. 메모가 없거나 틀리면 자동으로 반영되지 않습니다.

## 수동 복구 요청

TXID, 자산, 수량, 네트워크, 받는 주소와 메모, 보낸 플랫폼의 출금 내역 캡처를 첨부해 고객지원팀에 문의해 주세요. 복구에는 2~4주가 걸리며 수수료가 발생할 수 있고, 수수료는 미리 안내해 드립니다.
"#,
            ),
            at(
                "vi",
                "Khoản nạp tiền mã hóa chưa vào tài khoản",
                r#"Phần lớn các khoản nạp tiền mã hóa được cộng trong vài phút, nhưng một số trường hợp có thể khiến việc này chậm hơn.

## 1. Kiểm tra số xác nhận

Khoản nạp được cộng khi blockchain đã xác nhận đủ số lần yêu cầu; con số này hiển thị trên trang nạp. Dán TXID vào trình khám phá khối (block explorer) của mạng tương ứng để xem số xác nhận hiện tại. Anh/chị không cần làm gì, khoản nạp sẽ được cộng tự động.

## 2. Kiểm tra mạng lưới

Anh/chị phải gửi qua **đúng mạng lưới** đã chọn trên trang nạp của chúng tôi. Ví dụ, USDT gửi qua TRC20 đến địa chỉ nạp ERC20 sẽ không được cộng tự động. Nếu mạng đó được chúng tôi hỗ trợ, tài sản thường có thể được khôi phục thủ công.

## 3. Kiểm tra memo/tag

Các tài sản như XRP, XLM hay ATOM dùng địa chỉ chung kèm **memo (tag)** để nhận diện tài khoản của anh/chị. Thiếu memo, khoản nạp không thể được ghi nhận tự động.

## Yêu cầu khôi phục thủ công

Vui lòng liên hệ bộ phận hỗ trợ kèm TXID, loại tài sản, số lượng, mạng lưới, địa chỉ nhận và memo, cùng ảnh chụp lịch sử rút trên nền tảng gửi. Việc khôi phục mất từ 2 đến 4 tuần và có thể tính phí; chúng tôi sẽ xác nhận với anh/chị trước.
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "kyc-levels-and-limits",
        tags: &["kyc", "verification", "limits"],
        translations: &[
            at(
                "en",
                "Verification levels and account limits",
                r#"Like all regulated exchanges, Arbiter Exchange verifies the identity of its customers (Know Your Customer, or KYC). Your verification level decides what you can do and how much you can withdraw.

## Level 0 – Unverified

You've signed up with an email address and phone number.

- Explore the app and view market data
- Deposit crypto
- No trading, card purchases, P2P or withdrawals

## Level 1 – Identity

You need a valid photo ID and a live selfie. Most applications are approved within minutes; a manual review can take up to 3–5 business days when volumes are high.

- Spot and futures trading
- Card purchases up to 5,000 USD per day
- P2P marketplace
- Withdrawals up to the equivalent of **50,000 USD per day**

## Level 2 – Address and source of funds

You need a proof of address issued in the last 3 months (a bank statement or utility bill) and a short source-of-funds questionnaire. Most Level 2 reviews are done within 1 business day.

- Card purchases up to 20,000 USD per day
- Withdrawals up to the equivalent of **2,000,000 USD per day**
- Access to the VIP programme

Corporate and institutional accounts follow a separate onboarding process; contact our VIP team.

## Good to know

- Limits reset every day at 00:00 UTC.
- Limits apply to the total of all withdrawals, calculated in USD at the time of each withdrawal.
- Support can't raise a limit manually before the next level has been approved.
- Start verification under **Profile > Verification**. Upload documents only there, never by email or chat.
- We may ask for additional information at any level, for example when there is unusual activity on the account or when the law requires it. This doesn't mean you've done anything wrong.
"#,
            ),
            at(
                "es",
                "Niveles de verificación y límites de la cuenta",
                r#"Como todos los exchanges regulados, Arbiter Exchange verifica la identidad de sus clientes (KYC). Tu nivel de verificación determina qué puedes hacer y cuánto puedes retirar.

## Nivel 0 – Sin verificar

Puedes explorar la app y depositar criptomonedas, pero no operar, comprar con tarjeta, usar P2P ni retirar.

## Nivel 1 – Identidad

Necesitas un documento de identidad con foto y una selfie en vivo. Permite trading spot y de futuros, P2P, compras con tarjeta de hasta 5.000 USD al día y retiros de hasta **50.000 USD al día**.

## Nivel 2 – Domicilio y origen de los fondos

Necesitas un comprobante de domicilio de los últimos 3 meses y un breve cuestionario sobre el origen de los fondos. Permite compras con tarjeta de hasta 20.000 USD al día y retiros de hasta **2.000.000 USD al día**. La mayoría se revisa en 1 día hábil.

## Bueno saberlo

Los límites se reinician cada día a las 00:00 UTC y el soporte no puede ampliarlos manualmente antes de que se apruebe el siguiente nivel. Inicia la verificación en **Perfil > Verificación**.
"#,
            ),
            at(
                "pt",
                "Níveis de verificação e limites da conta",
                r#"Como toda corretora regulamentada, a Arbiter Exchange verifica a identidade dos clientes (KYC). O seu nível de verificação define o que você pode fazer e quanto pode sacar.

## Nível 0 – Não verificado

Você pode explorar o app e depositar cripto, mas não pode negociar, comprar com cartão, usar o P2P nem sacar.

## Nível 1 – Identidade

É preciso um documento com foto e uma selfie ao vivo. Libera negociação spot e de futuros, P2P, compras com cartão de até 5.000 USD por dia e saques de até **50.000 USD por dia**.

## Nível 2 – Endereço e origem dos recursos

É preciso um comprovante de endereço emitido nos últimos 3 meses e um breve questionário sobre a origem dos recursos. Libera compras com cartão de até 20.000 USD por dia e saques de até **2.000.000 USD por dia**. A maioria das análises leva 1 dia útil.

## Bom saber

Os limites são renovados todos os dias às 00:00 UTC, e o suporte não consegue aumentá-los manualmente antes da aprovação do próximo nível. Comece a verificação em **Perfil > Verificação**.
"#,
            ),
            at(
                "de",
                "Verifizierungsstufen und Kontolimits",
                r#"Wie alle regulierten Börsen prüft Arbiter Exchange die Identität seiner Kunden (KYC). Ihre Verifizierungsstufe bestimmt, was Sie tun können und wie viel Sie auszahlen dürfen.

## Stufe 0 – Nicht verifiziert

Sie können die App erkunden und Krypto einzahlen, aber nicht handeln, per Karte kaufen, P2P nutzen oder auszahlen.

## Stufe 1 – Identität

Benötigt werden ein gültiger Lichtbildausweis und ein Live-Selfie. Freigeschaltet werden Spot- und Futures-Handel, P2P, Kartenkäufe bis 5.000 USD pro Tag und Auszahlungen bis **50.000 USD pro Tag**.

## Stufe 2 – Adresse und Mittelherkunft

Benötigt werden ein Adressnachweis aus den letzten 3 Monaten und ein kurzer Fragebogen zur Herkunft der Mittel. Freigeschaltet werden Kartenkäufe bis 20.000 USD pro Tag und Auszahlungen bis **2.000.000 USD pro Tag**. Die meisten Prüfungen dauern 1 Werktag.

## Gut zu wissen

Die Limits werden täglich um 00:00 UTC zurückgesetzt, und der Support kann sie vor Freigabe der nächsten Stufe nicht manuell erhöhen. Starten Sie die Verifizierung unter **Profil > Verifizierung**.
"#,
            ),
            at(
                "fr",
                "Niveaux de vérification et limites du compte",
                r#"Comme toutes les plateformes régulées, Arbiter Exchange vérifie l'identité de ses clients (KYC). Votre niveau de vérification détermine ce que vous pouvez faire et combien vous pouvez retirer.

## Niveau 0 – Non vérifié

Vous pouvez découvrir l'application et déposer des cryptomonnaies, mais pas trader, acheter par carte, utiliser le P2P ni retirer.

## Niveau 1 – Identité

Il faut une pièce d'identité avec photo et un selfie en direct. Ce niveau ouvre le trading spot et futures, le P2P, les achats par carte jusqu'à 5 000 USD par jour et les retraits jusqu'à **50 000 USD par jour**.

## Niveau 2 – Adresse et origine des fonds

Il faut un justificatif de domicile de moins de 3 mois et un court questionnaire sur l'origine des fonds. Ce niveau ouvre les achats par carte jusqu'à 20 000 USD par jour et les retraits jusqu'à **2 000 000 USD par jour**. La plupart des dossiers sont examinés en 1 jour ouvré.

## Bon à savoir

Les limites sont réinitialisées chaque jour à 00:00 UTC, et le support ne peut pas les relever manuellement avant la validation du niveau suivant. Lancez la vérification dans **Profil > Vérification**.
"#,
            ),
            at(
                "zh",
                "身分驗證等級與帳戶限額",
                r#"與所有受監理的交易所一樣，Arbiter Exchange 會驗證客戶身分（KYC）。您的驗證等級決定可使用的功能與可提領的額度。

## 等級 0 – 未驗證

可瀏覽 App 並存入加密貨幣，但無法交易、刷卡購買、使用 P2P 或提領。

## 等級 1 – 身分驗證

需提供有效的附照片證件與即時自拍。開放現貨與合約交易、P2P、每日最高 5,000 美元的刷卡購買，以及每日最高 **50,000 美元**的提領額度。

## 等級 2 – 地址與資金來源

需提供近 3 個月內開立的地址證明，並填寫簡短的資金來源問卷。開放每日最高 20,000 美元的刷卡購買，以及每日最高 **2,000,000 美元**的提領額度。多數審核會在 1 個工作天內完成。

## 注意事項

限額每天於 UTC 00:00 重置；在下一等級核准前，客服無法手動提高限額。請至**個人檔案 > 身分驗證**開始驗證。
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "reporting-a-scam",
        tags: &["scam", "fraud", "police-report"],
        translations: &[
            at(
                "en",
                "How to report a scam",
                r#"If you've been tricked into sending crypto or money to someone, you're not alone, and it's not your fault. Scams are run by professional criminals. Reporting quickly gives everyone the best chance of stopping the funds.

## Common scams we see

- **Investment or romance scams** (often called pig butchering): someone you met online builds trust over weeks, shows you growing profits on a fake trading site, then asks for taxes or fees before you can withdraw.
- **Impersonation:** fake support agents, fake government officials or fake bank staff asking you to move funds.
- **Fake job offers** that pay you to complete tasks, then ask you to deposit your own money.
- **Recovery scams:** someone promises to get your lost funds back for an upfront fee.

## What to do now

1. **Stop sending money.** Don't pay any further tax, fee or deposit, whatever you're promised.
2. **Keep the evidence:** chats, emails, website addresses, wallet addresses, TXIDs and payment receipts.
3. **Report it to us** through the Help Centre and choose **Report a scam**. Include the TXIDs and the addresses you sent funds to.
4. **File a police report** and send us the reference number. We respond directly to requests from the police.
5. **Tell your bank** if you sent money by card or bank transfer.

## What we do with your report

Our Fraud team traces where the funds went. If they reached an Arbiter account, we freeze it. If they reached another exchange that cooperates with law enforcement, we share the information so that exchange can act too. We also block the addresses involved so other customers are warned.

We can't promise to recover the funds: blockchain transactions can't be reversed, and most scammers move money quickly. But every report helps us and the police stop the same people targeting others.

## Be careful of “recovery” offers

After a scam, victims are often contacted by people claiming to be lawyers, hackers or even Arbiter staff who can recover their money for a fee. These are scams too. We never charge to investigate a report.
"#,
            ),
            at(
                "es",
                "Cómo denunciar una estafa",
                r#"Si te han engañado para que envíes criptomonedas o dinero, no eres el único y no es culpa tuya. Denunciarlo pronto da la mejor oportunidad de frenar los fondos.

## Estafas habituales

- **Estafas de inversión o románticas:** alguien gana tu confianza durante semanas, te muestra beneficios falsos y luego te pide impuestos o comisiones para retirar.
- **Suplantación** de soporte, bancos u organismos públicos.
- **Falsas ofertas de empleo** y **falsos servicios de recuperación** que cobran por adelantado.

## Qué hacer ahora

1. **No envíes más dinero**, te prometan lo que te prometan.
2. **Guarda las pruebas:** chats, direcciones, TXID y justificantes.
3. **Avísanos** desde el Centro de ayuda con la opción **Denunciar una estafa**.
4. **Presenta una denuncia policial** y envíanos el número.

## Qué hacemos con tu denuncia

Nuestro equipo de Fraude rastrea los fondos, congela las cuentas de Arbiter implicadas y comparte la información con otros exchanges que colaboran con las autoridades. No podemos garantizar la recuperación, y nunca cobramos por investigar.
"#,
            ),
            at(
                "pt",
                "Como denunciar um golpe",
                r#"Se você foi enganado e enviou criptomoedas ou dinheiro para alguém, saiba que não está sozinho e que a culpa não é sua. Denunciar rápido dá a melhor chance de bloquear os fundos.

## Golpes mais comuns

- **Golpes de investimento ou românticos:** alguém ganha a sua confiança por semanas, mostra lucros falsos e depois cobra impostos ou taxas para liberar o saque.
- **Falsos atendentes**, falsos funcionários de bancos ou de órgãos públicos.
- **Falsas ofertas de emprego** e **falsos serviços de recuperação** que cobram adiantado.

## O que fazer agora

1. **Pare de enviar dinheiro**, não importa o que prometam.
2. **Guarde as provas:** conversas, endereços, TXIDs e comprovantes.
3. **Avise a gente** pela Central de Ajuda, na opção **Denunciar um golpe**.
4. **Registre um boletim de ocorrência** e envie o número para nós.

## O que fazemos com a sua denúncia

A nossa equipe de Fraudes rastreia os fundos, bloqueia contas da Arbiter envolvidas e compartilha informações com outras corretoras que colaboram com as autoridades. Não podemos garantir a recuperação, e nunca cobramos para investigar.
"#,
            ),
            at(
                "de",
                "So melden Sie einen Betrug",
                r#"Wenn Sie dazu gebracht wurden, Krypto oder Geld an Betrüger zu senden, sind Sie nicht allein, und es ist nicht Ihre Schuld. Eine schnelle Meldung bietet die beste Chance, die Gelder zu stoppen.

## Häufige Betrugsmaschen

- **Anlage- oder Liebesbetrug:** Jemand gewinnt über Wochen Ihr Vertrauen, zeigt Ihnen Scheingewinne und verlangt dann Steuern oder Gebühren für die Auszahlung.
- **Falsche Support-Mitarbeiter**, Bankangestellte oder Behördenvertreter.
- **Gefälschte Jobangebote** und **angebliche Rückholdienste**, die Vorkasse verlangen.

## Was Sie jetzt tun sollten

1. **Senden Sie kein weiteres Geld**, egal was versprochen wird.
2. **Sichern Sie Beweise:** Chats, Adressen, TXIDs und Zahlungsbelege.
3. **Melden Sie den Fall** im Hilfe-Center über **Betrug melden**.
4. **Erstatten Sie Anzeige bei der Polizei** und senden Sie uns das Aktenzeichen.

## Was wir mit Ihrer Meldung tun

Unser Betrugsteam verfolgt die Gelder, friert beteiligte Arbiter-Konten ein und teilt Informationen mit anderen Börsen, die mit den Behörden zusammenarbeiten. Eine Rückholung können wir nicht garantieren, und wir verlangen nie Geld für eine Untersuchung.
"#,
            ),
            at(
                "fr",
                "Comment signaler une arnaque",
                r#"Si l'on vous a piégé(e) pour vous faire envoyer des cryptomonnaies ou de l'argent, vous n'êtes pas seul(e) et ce n'est pas votre faute. Signaler rapidement offre les meilleures chances de bloquer les fonds.

## Arnaques courantes

- **Arnaques à l'investissement ou sentimentales :** quelqu'un gagne votre confiance pendant des semaines, affiche de faux gains puis réclame des taxes ou des frais pour débloquer le retrait.
- **Usurpation d'identité** de faux agents du support, de banques ou d'administrations.
- **Fausses offres d'emploi** et **faux services de récupération** qui demandent un paiement d'avance.

## Que faire maintenant

1. **N'envoyez plus d'argent**, quelles que soient les promesses.
2. **Conservez les preuves :** conversations, adresses, TXID et justificatifs.
3. **Signalez-le-nous** depuis le Centre d'aide via **Signaler une arnaque**.
4. **Déposez plainte** et transmettez-nous la référence.

## Ce que nous faisons de votre signalement

Notre équipe Fraude retrace les fonds, gèle les comptes Arbiter impliqués et partage les informations avec les plateformes qui coopèrent avec les autorités. Nous ne pouvons pas garantir la récupération, et nous ne facturons jamais une enquête.
"#,
            ),
            at(
                "zh",
                "如何通報詐騙",
                r#"如果您被騙而把加密貨幣或金錢轉給他人，請記得您並不孤單，這也不是您的錯。越早通報，越有機會攔截資金。

## 常見詐騙手法

- **投資或感情詐騙（俗稱「殺豬盤」）：**對方花數週取得您的信任，在假的交易網站上展示獲利，再要求您先繳稅金或手續費才能出金。
- **假冒客服**、假冒銀行或政府人員。
- **假求職**，以及聲稱可代為追回損失、要求先付費的**假追款服務**。

## 現在該怎麼做

1. **立即停止匯款**，無論對方承諾什麼。
2. **保留證據：**對話紀錄、網址、錢包地址、TXID 與付款憑證。
3. **透過客服中心的「通報詐騙」**告知我們。
4. **向警方報案**，並將報案編號提供給我們。

## 我們如何處理您的通報

反詐騙團隊會追蹤資金流向、凍結涉案的 Arbiter 帳戶，並與配合執法單位的其他交易所分享資訊。我們無法保證追回資金，也絕不會為調查收取任何費用。
"#,
            ),
        ],
    },
    ArticleTemplate {
        key: "withdrawal-status",
        tags: &["withdrawal"],
        translations: &[at(
            "en",
            "What does my withdrawal status mean?",
            r#"You can follow every withdrawal under **Assets > History > Withdrawals**. Here's what each status means and what, if anything, you need to do.

| Status | What it means | What to do |
| --- | --- | --- |
| **Awaiting confirmation** | We're waiting for you to confirm the withdrawal by email, SMS or 2FA. | Confirm it. Unconfirmed withdrawals are cancelled after 30 minutes. |
| **Under review** | The withdrawal is going through a security or compliance check. | Nothing, unless we contact you. Most reviews finish within 24 hours. |
| **Processing** | The withdrawal has been approved and is being signed and sent. | Nothing. This usually takes a few minutes. |
| **Sent** | The transaction has been broadcast to the blockchain and a TXID is available. | Follow it on a block explorer using the TXID. |
| **Completed** | The transaction has enough confirmations on the blockchain. | If the receiving platform hasn't credited it, contact them with the TXID. |
| **Failed** | The withdrawal couldn't be sent, for example because of an invalid address. | The amount, including the fee, is returned to your balance. |
| **Cancelled** | You or our system cancelled the withdrawal before it was sent. | The amount is returned to your balance. |

## Why is my withdrawal under review?

Reviews are routine and don't mean you've done anything wrong. They can be triggered by a large amount, a new withdrawal address, a recent security change, or checks we're required to carry out by law. Your funds stay reserved for the withdrawal during the review.

## The status is Completed, but my wallet shows nothing

Once the status is Completed, the funds have left Arbiter Exchange and are on the blockchain. The receiving wallet or exchange may require more confirmations than we do, or may need a memo or tag to credit your account. Send them the TXID, as only they can credit it on their side.

## Can I cancel a withdrawal?

You can cancel a withdrawal while it is **Awaiting confirmation** or **Under review**. Once it is Processing or Sent, it can't be cancelled or reversed, because blockchain transactions are final.
"#,
        )],
    },
    ArticleTemplate {
        key: "accepted-verification-documents",
        tags: &["kyc", "verification", "documents"],
        translations: &[at(
            "en",
            "Documents we accept for verification",
            r#"To verify your identity and address, we need clear photos of original, valid documents. Here's what we accept and how to make sure your upload is approved first time.

## Proof of identity (Level 1)

We accept:

- Passport
- National identity card (front and back)
- Driving licence, in countries where it is an official identity document
- Residence permit, together with your passport

We can't accept expired documents, photocopies, scans of scans, screenshots, student or work ID cards, or documents with a damaged photo or data page.

## Selfie

You'll be asked to take a short live selfie in the app. Remove sunglasses, hats and face coverings, make sure your face is evenly lit, and follow the on-screen movements. We compare the selfie with the photo on your document.

## Proof of address (Level 2)

We accept documents issued **in the last 3 months** that show your full name and residential address:

- Bank or credit card statement
- Utility bill (electricity, gas, water, internet or landline)
- Tax letter or official letter from a government authority
- Tenancy agreement signed in the last 12 months

We can't accept mobile phone bills, insurance documents, envelopes, or documents showing a PO box.

## Tips for a successful upload

- Place the document on a dark, flat surface and capture all four corners.
- Don't use the flash; avoid glare on plastic cards.
- Make sure the text is sharp and readable.
- Upload full pages of PDF statements; don't crop out parts of the document.
- The name must match the name on your Arbiter account exactly.

## Where to upload

Upload documents only in the app under **Profile > Verification**. We will never ask you to send identity documents by email, chat or social media.
"#,
        )],
    },
    ArticleTemplate {
        key: "vip-programme",
        tags: &["vip", "fees"],
        translations: &[at(
            "en",
            "The Arbiter VIP programme",
            r#"Our VIP programme rewards active traders and large holders with lower fees, higher limits and dedicated support.

## How to qualify

Your VIP level is based on **either** your 30-day trading volume **or** your average daily asset balance, whichever gives the higher level. Levels are recalculated every day at 00:00 UTC.

| Level | 30-day spot volume (USD) | or balance (USD) | Spot maker / taker |
| --- | --- | --- | --- |
| VIP 0 | below 1 million | below 100,000 | 0.10% / 0.10% |
| VIP 1 | 1 million | 100,000 | 0.08% / 0.09% |
| VIP 2 | 5 million | 500,000 | 0.06% / 0.08% |
| VIP 3 | 20 million | 2 million | 0.04% / 0.06% |
| VIP 4 | 100 million | 10 million | 0.02% / 0.04% |

Verification Level 2 is required for VIP 1 and above.

## Benefits

- **Lower trading fees** on spot and futures markets
- **Priority support:** VIP tickets are flagged and handled first, around the clock
- **A dedicated account manager** from VIP 2, reachable through the VIP channel in the app
- **Higher withdrawal limits** on request, subject to review
- **OTC desk access** for large trades from VIP 3, with quotes for block trades

## Good to know

- Your current level and your progress towards the next one are shown under **Profile > VIP**.
- If your volume or balance drops, your level is kept for a grace period of 14 days before it is lowered.
- VIP status doesn't change our security rules: holds on card purchases, withdrawal locks after security changes and compliance reviews apply to every account.
- Institutional clients and market makers can apply for custom terms through the VIP team.
"#,
        )],
    },
    ArticleTemplate {
        key: "fees-schedule",
        tags: &["fees"],
        translations: &[at(
            "en",
            "Fees schedule overview",
            r#"We aim to keep our fees simple and visible. Every fee is shown before you confirm a transaction, and you can review all fees you've paid under **Assets > History**.

## Trading fees

| Market | Maker | Taker |
| --- | --- | --- |
| Spot | 0.10% | 0.10% |
| Futures | 0.02% | 0.05% |
| Convert | included in the quoted rate | included in the quoted rate |

These are the standard rates at VIP 0. Fees go down as your VIP level rises.

A **maker** order adds liquidity to the order book, for example a limit order that doesn't fill immediately. A **taker** order removes liquidity, for example a market order.

## Deposits

- Crypto deposits: free (you only pay the network fee charged by your sending wallet)
- Bank transfers: free for SEPA, Faster Payments and most local transfer methods
- Card purchases: a processing fee of up to 3.5%, depending on your card and region, shown before you pay

## Withdrawals

Crypto withdrawals carry a **network fee**, which depends on the asset and the network and changes with blockchain congestion. It is shown on the withdrawal screen before you confirm. Choosing a cheaper network, where the receiving platform supports it, can save a lot. Bank withdrawals have a flat fee shown in the app.

## P2P

Buyers and sellers who respond to an ad pay no fee. Advertisers pay 0.10% on each completed order.

## Futures funding

Perpetual futures positions pay or receive a **funding fee** every 8 hours. This is exchanged between traders, not charged by us, and the current rate is shown on the trading screen.

## Are there hidden fees?

No. We don't charge account, inactivity or custody fees.
"#,
        )],
    },
    ArticleTemplate {
        key: "futures-liquidation",
        tags: &["futures", "liquidation", "trading"],
        translations: &[at(
            "en",
            "Futures liquidation explained",
            r#"When you trade futures with leverage, your position is backed by a small amount of margin. If the market moves against you and your margin is no longer enough to keep the position open, the position is **liquidated**: it is closed automatically to prevent further losses.

## Mark price, not last price

Liquidation is triggered by the **mark price**, not the last traded price on our order book. The mark price is based on an index of prices from several major exchanges. This protects you from being liquidated by a short price spike on a single exchange. It also means a liquidation can happen even if the chart you were watching (the last price) never touched your liquidation price.

## How the liquidation price is calculated

Your liquidation price depends on:

- your entry price
- your leverage: the higher it is, the closer the liquidation price
- the **maintenance margin** rate for the position size
- for cross margin, the other balances and positions in your futures account

You can always see your estimated liquidation price on the position panel.

## What happens during a liquidation

1. The mark price reaches your liquidation price.
2. Your open orders for that contract are cancelled.
3. The position is taken over by the liquidation engine and closed in the market.
4. If it closes at a better price than the bankruptcy price, the remainder goes to the **insurance fund**. If it closes worse, the insurance fund covers the difference, so you never owe more than your margin.

## How to reduce the risk

- Use lower leverage.
- Add margin to a position that's moving against you.
- Set a stop-loss well before your liquidation price.
- Use isolated margin to limit the risk to a single position.

## Think a liquidation was wrong?

Contact support with the contract, time and position ID. Our trading review team checks the mark price and execution logs and replies within 5 business days.
"#,
        )],
    },
    ArticleTemplate {
        key: "stop-loss-and-slippage",
        tags: &["trading", "slippage", "orders"],
        translations: &[at(
            "en",
            "Stop-loss orders and slippage",
            r#"Stop orders help you limit losses or lock in profits automatically. But in fast markets they don't always fill at the price you expect. Here's why.

## Stop-market and stop-limit orders

- A **stop-market** order becomes a market order when the stop price is reached. It will almost always fill, but the price may be worse than your stop price.
- A **stop-limit** order becomes a limit order at your chosen limit price when the stop price is reached. It will only fill at your limit price or better, so in a sharp move it may not fill at all.

For example, with a stop at 100 and a limit at 99.5, if the price drops from 100.2 to 98 in a few seconds, there may be no buyers between 100 and 99.5, and your order stays open while the price keeps falling.

## What is slippage?

Slippage is the difference between the price you expected and the price at which your order actually filled. It happens when:

- the market moves quickly, for example after news
- the order book is thin, with few orders near the current price
- your order is large compared to the available liquidity

A market order fills against the best available prices one level at a time, so a large order can move through several price levels.

## How to reduce slippage

- Use limit orders instead of market orders when you can.
- Set a **slippage tolerance** on Convert and market orders; the order is rejected if the price would move further than you allow.
- Split large orders into smaller parts.
- Leave a gap between the stop price and the limit price of stop-limit orders.
- Avoid trading thin markets during major announcements.

## Is slippage a mistake by the exchange?

Usually not. Orders are matched against the real orders available at that moment. If you believe an order wasn't executed correctly, contact support with the order ID; our trading review team will check the order book and execution logs.
"#,
        )],
    },
    ArticleTemplate {
        key: "api-key-security",
        tags: &["api", "security"],
        translations: &[at(
            "en",
            "Keeping your API keys secure",
            r#"API keys let trading bots, portfolio trackers and tax tools access your account. They are as powerful as your password, so treat them with the same care.

## Creating a key

Go to **Profile > API Management** and tap **Create API key**. You'll need to confirm with 2FA. Give each key a clear name, such as the tool it's for, so you can tell them apart later.

## Choose the minimum permissions

- **Read:** view balances, orders and history. Enough for portfolio trackers and tax tools.
- **Trade:** place and cancel orders. Needed for trading bots.
- **Withdraw:** send funds out of your account. Only enable this if you really need it.

The withdrawal permission can only be enabled on keys restricted to specific **IP addresses** (an IP whitelist). Even for read and trade keys, adding an IP whitelist is strongly recommended.

## Protect your secret key

- The secret key is shown **only once**, when you create the key. Store it in a password manager.
- Never paste it into websites, chat groups or browser extensions you don't fully trust.
- Never share it with anyone, including Arbiter staff. We will never ask for it.
- Don't commit it to code repositories, including private ones.

## Third-party bots and signal groups

Be careful with services that ask for your API key in exchange for guaranteed profits. Some use keys to trade against you or to pump illiquid coins. Only use tools you trust, and never give them the withdrawal permission.

## Housekeeping

- Keys that haven't been used for 90 days are disabled automatically.
- Review your keys regularly and delete those you no longer use.
- If you see orders you didn't place, delete all API keys immediately and contact support.
"#,
        )],
    },
    ArticleTemplate {
        key: "tax-statements",
        tags: &["tax", "statements"],
        translations: &[at(
            "en",
            "Downloading your tax statement",
            r#"Many countries tax gains from crypto. To help you or your accountant prepare your tax return, you can download a full statement of your activity on Arbiter Exchange at any time.

## How to download your statement

1. In the app or on the website, go to **Wallet > Statements**.
2. Choose **Annual tax statement** or **Custom period**.
3. Select the year or date range and the format: **PDF** for your records, **CSV** for spreadsheets and tax tools.
4. Tap **Generate**. We'll email you a secure download link, usually within a few minutes. For very active accounts it can take up to 24 hours.

Download links are valid for 7 days. Statements are available for every year since your account was opened.

## What the statement includes

- Spot trades and Convert transactions, with prices and fees
- Futures realised profit and loss, funding fees and liquidations
- Crypto deposits and withdrawals, with TXIDs
- Card purchases and bank deposits and withdrawals
- P2P orders
- Rewards, staking income and referral bonuses

## What it doesn't include

The statement lists transactions; it **doesn't calculate your gains or losses**, because the rules differ from country to country and depend on assets held elsewhere. Many customers import the CSV into a crypto tax tool or pass it to their accountant.

## Connecting a tax tool

Most crypto tax tools can import your history directly through the API. Create a key with **read permission only** under Profile > API Management; never give a tax tool trading or withdrawal permission.

## Can support give tax advice?

No. We can help you find and download your data, but we can't advise on how to declare it. Please speak to a tax adviser or your local tax authority.
"#,
        )],
    },
    ArticleTemplate {
        key: "account-closure",
        tags: &["account-closure", "account"],
        translations: &[at(
            "en",
            "Closing your account",
            r#"We're sorry to see you go. You can close your Arbiter Exchange account yourself at any time. Please read this page first, because **closure is permanent** and a closed account can't be reopened.

## Before you close your account

1. **Withdraw all your funds.** Any remaining balance below the minimum withdrawal amount can be converted to a single asset with the small-balance Convert tool.
2. **Cancel open orders** on spot and P2P, and **close all futures positions.**
3. **Delete your API keys** and disconnect any third-party tools.
4. **Download your statements** under Wallet > Statements. You won't be able to log in to do this after closure.

Accounts with an open dispute, chargeback, negative balance or ongoing compliance review can't be closed until the matter is resolved.

## How to close your account

Go to **Profile > Settings > Close account**, choose a reason, and confirm with your password and 2FA code. You'll receive a confirmation email. If you can't access your account, contact support from your registered email address.

## What happens to your data

We are legally required to keep your identity documents and transaction records for a number of years after closure, typically five, to meet anti-money-laundering rules. This data is stored securely and used only for legal and regulatory purposes. All other personal data is deleted or anonymised. You can still request a copy of your data through our privacy team.

## Would you prefer a break instead?

If you want to step away from trading for a while, you can use **Profile > Settings > Self-exclusion** to block trading for 7 days to 12 months while keeping your account and history. Withdrawals remain available during self-exclusion.

## Tell us why

If something in particular made you decide to leave, we'd really like to know. Your feedback goes straight to our product team.
"#,
        )],
    },
    ArticleTemplate {
        key: "supported-networks-and-tokens",
        tags: &["deposit", "withdrawal", "network"],
        translations: &[at(
            "en",
            "Supported networks and tokens",
            r#"Many tokens exist on more than one blockchain. USDT, for example, is available on Ethereum, Tron, BNB Smart Chain, Solana and others. When you deposit or withdraw, you must choose a network, and **both sides of the transfer must use the same one**.

## Popular assets and their networks

| Asset | Networks we support | Memo/tag needed? |
| --- | --- | --- |
| BTC | Bitcoin, Lightning | No |
| ETH | Ethereum (ERC20), Arbitrum One, Optimism, Base | No |
| USDT | Ethereum (ERC20), Tron (TRC20), BNB Smart Chain (BEP20), Solana, Polygon | No |
| USDC | Ethereum (ERC20), Solana, Base, Polygon | No |
| SOL | Solana | No |
| XRP | XRP Ledger | **Yes, destination tag** |
| XLM | Stellar | **Yes, memo** |
| TON | TON | **Yes, memo** |
| ATOM | Cosmos Hub | **Yes, memo** |

The full and current list of assets, networks, minimum amounts and required confirmations is shown on the deposit and withdrawal screens in the app.

## Choosing a network

- Check which networks the **receiving** platform supports before you withdraw.
- Fees differ a lot between networks. Tron, Solana and layer-2 networks are usually much cheaper than Ethereum mainnet.
- Addresses on different networks can look alike. An Ethereum address and a BNB Smart Chain address have the same format, so the app can't always warn you about a mismatch.

## Memos and tags

For assets that use a memo or tag, our deposit address is shared, and the memo tells us which account to credit. Always copy both. Deposits without the correct memo need a manual recovery.

## Token listings and delistings

New listings and delistings are announced in the app at least 30 days before deposits are closed. After a delisting, you can still withdraw the token for at least 90 days.

## Sent on an unsupported network?

If you sent funds on a network we don't support, contact support with the TXID. Recovery may or may not be possible, depending on the network.
"#,
        )],
    },
    ArticleTemplate {
        key: "how-we-protect-customer-funds",
        tags: &["security", "custody"],
        translations: &[at(
            "en",
            "How we protect customer funds",
            r#"Keeping your assets safe is the most important thing we do. Here's an overview of the measures behind it.

## Cold storage

The large majority of customer crypto, over 95%, is held in **cold storage**: wallets whose keys are kept offline, in geographically separated, access-controlled locations. Moving funds out of cold storage requires several authorised people to sign together (multi-signature), so no single employee can move them.

Only the amount needed for day-to-day withdrawals is kept in hot wallets, which are monitored around the clock and topped up from cold storage when needed.

## Segregation and proof of reserves

Customer assets are kept separate from the company's own funds and are never lent out or used for our own trading. Every month we publish a **proof of reserves** report, checked by an independent auditor. You can verify that your balance is included using the Merkle-tree tool under **Profile > Proof of reserves**.

## Account protection

- Two-factor authentication for logins, withdrawals and security changes
- A 24-hour withdrawal lock after security changes
- Withdrawal address whitelisting, optional for every account
- Anti-phishing codes in every email we send
- Automated monitoring that flags unusual logins and withdrawals for review

## Fraud and compliance

Our Fraud and Compliance teams screen transactions for links to stolen funds, scams and sanctioned parties. When we find them, we freeze the funds and work with law enforcement. This also helps us recover funds for victims.

## Independent checks

Our systems are tested regularly by external security firms, and we run a public bug-bounty programme that rewards researchers for responsibly reporting vulnerabilities.

## What you can do

The strongest protection combines our measures with yours: use a unique password, enable an authenticator app or security key, set an anti-phishing code, and never share codes or keys with anyone.
"#,
        )],
    },
    ArticleTemplate {
        key: "lost-2fa-device",
        tags: &["2fa", "account-recovery", "security"],
        translations: &[at(
            "en",
            "I lost my 2FA device",
            r#"If your phone was lost, stolen, reset or replaced and you can no longer generate 2FA codes, you can regain access in one of two ways.

## Option 1: Restore with your backup key

When you set up your authenticator, we showed you a **backup key** (a 16-character code) and asked you to write it down. If you have it:

1. Install an authenticator app on your new phone.
2. Choose to add an account by entering a setup key manually.
3. Enter your backup key.

The app will generate the same codes as before, and you can log in straight away. No withdrawal lock applies, because your 2FA hasn't changed.

## Option 2: Request a 2FA reset

If you don't have the backup key:

1. On the login page, enter your email and password.
2. On the 2FA screen, choose **Lost access to 2FA?**
3. Take a photo of the identity document you used for verification and a live selfie.
4. We compare them with your verification records. Most resets are approved within 24 hours; some need a manual review of up to 3 business days.
5. Once approved, you'll receive an email to set up a new authenticator.

For your security, withdrawals are locked for **24 hours** after a 2FA reset.

## If you also lost access to your phone number

If you used SMS codes and your number is no longer available, the same reset process applies. Ask your mobile operator to block the old SIM card to prevent misuse.

## If your phone was stolen

Freeze your account from the Help Centre first, then request the reset. Also change your email password, since your email may still be logged in on the stolen phone.

## Important

Our team will never ask you to send 2FA codes or your backup key. Anyone offering to reset your 2FA through social media or a messenger is a scammer.
"#,
        )],
    },
    ArticleTemplate {
        key: "change-email-or-phone",
        tags: &["account", "security"],
        translations: &[at(
            "en",
            "Changing your email address or phone number",
            r#"You can update the email address and phone number on your Arbiter Exchange account yourself. Because these are used to secure your account, the change has a few extra steps.

## Changing your email address

1. Go to **Profile > Security > Email**.
2. Enter your new email address.
3. Enter the codes we send to **both** your current and your new email address.
4. Confirm with your 2FA code.

## Changing your phone number

1. Go to **Profile > Security > Phone number**.
2. Enter the new number, including the country code.
3. Enter the codes we send by SMS to your current and your new number.
4. Confirm with your 2FA code.

## What to expect after the change

- For your security, withdrawals are locked for **24 hours**.
- We send a notification to your **old** email address or number, with a link to freeze the account if you didn't make the change.
- Your anti-phishing code, API keys and withdrawal addresses stay the same.

## No access to your old email or phone?

If you can no longer receive codes at your old address or number, choose **I can't access my current email** (or phone) during the change. You'll be asked for a photo of your identity document and a live selfie, which we compare with your verification records. Most requests are reviewed within 1 to 3 business days.

## Keep your details up to date

We use your email and phone number to send security alerts, withdrawal confirmations and important account notices. An out-of-date address could mean you miss a warning about suspicious activity. Please also make sure your email account itself is protected with a strong password and two-factor authentication, since anyone with access to your email could try to reset your Arbiter password.

## Can support change it for me?

No. Our agents can't change your email or phone number directly, and we'll never ask you to send codes by chat or email.
"#,
        )],
    },
    ArticleTemplate {
        key: "complaints-process",
        tags: &["complaint", "feedback"],
        translations: &[at(
            "en",
            "Our complaint process and response times",
            r#"We work hard to get things right, but sometimes we don't. If you're unhappy with our service, we want to hear about it and put things right where we can.

## How to make a complaint

- In the app or on the website, open the Help Centre and choose **Make a complaint**, or
- Reply to any support conversation and tell the agent you want to make a formal complaint.

Please include your account ID, what happened, the dates involved, and what you'd like us to do. Screenshots, order IDs and TXIDs help us investigate faster.

## What happens next

1. **Acknowledgement within 2 business days.** We confirm that we've received your complaint and give you a reference number.
2. **Investigation.** Your complaint is handled by our complaints team, who are independent from the team that dealt with your original request. They review the records, speak to the teams involved and may contact you for more information.
3. **Final response within 15 business days.** We send you a written response explaining what we found, whether we uphold your complaint, and any action we'll take, such as a correction or compensation.

In exceptional cases, for example when we need information from a third party, we may need more time. If so, we'll write to explain why and give you a new date, no later than **35 business days** after we received your complaint.

## If you're not satisfied

If you disagree with our final response, or we haven't replied within the deadlines above, you may be able to refer your complaint to the financial ombudsman or the regulator in your country. Our final response letter explains which body applies to you and how to contact it.

## Feedback and suggestions

Not every issue is a complaint. Ideas and suggestions about features, the app or our website can be sent through **Profile > Send feedback**, and go straight to our product team.
"#,
        )],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    const ALLOWED_PLACEHOLDERS: [&str; 4] =
        ["customer.first_name", "customer.account_id", "agent.first_name", "ticket.id"];

    const LANGUAGES: [&str; 11] = ["en", "es", "pt", "de", "fr", "zh", "ja", "tr", "ru", "ko", "vi"];

    /// The names between `{{` and `}}`; an unclosed `{{` yields the rest of the text.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let after = &rest[start + 2..];
            match after.find("}}") {
                Some(end) => {
                    names.push(&after[..end]);
                    rest = &after[end + 2..];
                }
                None => {
                    names.push(after);
                    break;
                }
            }
        }
        names
    }

    fn is_slug(key: &str) -> bool {
        !key.is_empty()
            && !key.starts_with('-')
            && !key.ends_with('-')
            && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    #[test]
    fn enough_templates() {
        assert!(MACROS.len() >= 30, "only {} macros", MACROS.len());
        assert!(ARTICLES.len() >= 24, "only {} articles", ARTICLES.len());
    }

    #[test]
    fn english_first_and_no_language_twice() {
        for m in MACROS {
            assert_eq!(m.translations.first().map(|t| t.lang), Some("en"), "{}: first translation", m.key);
            let mut langs = HashSet::new();
            for t in m.translations {
                assert!(langs.insert(t.lang), "{}: two {} translations", m.key, t.lang);
                assert!(LANGUAGES.contains(&t.lang), "{}: unknown language {}", m.key, t.lang);
                assert!(!t.title.trim().is_empty(), "{} ({}): empty title", m.key, t.lang);
                assert!(!t.body.trim().is_empty(), "{} ({}): empty body", m.key, t.lang);
            }
        }
        for a in ARTICLES {
            assert_eq!(a.translations.first().map(|t| t.lang), Some("en"), "{}: first translation", a.key);
            let mut langs = HashSet::new();
            for t in a.translations {
                assert!(langs.insert(t.lang), "{}: two {} translations", a.key, t.lang);
                assert!(LANGUAGES.contains(&t.lang), "{}: unknown language {}", a.key, t.lang);
                assert!(!t.title.trim().is_empty(), "{} ({}): empty title", a.key, t.lang);
                assert!(!t.body.trim().is_empty(), "{} ({}): empty body", a.key, t.lang);
            }
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys = HashSet::new();
        for m in MACROS {
            assert!(keys.insert(m.key), "duplicate macro key {}", m.key);
            assert!(
                m.key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "macro key {} is not snake_case",
                m.key
            );
        }
        let mut keys = HashSet::new();
        for a in ARTICLES {
            assert!(keys.insert(a.key), "duplicate article key {}", a.key);
        }
    }

    #[test]
    fn article_keys_are_slugs() {
        for a in ARTICLES {
            assert!(is_slug(a.key), "article key {} is not a URL slug", a.key);
        }
    }

    #[test]
    fn macro_placeholders_are_allowed() {
        for m in MACROS {
            for t in m.translations {
                for name in placeholders(t.body) {
                    assert!(
                        ALLOWED_PLACEHOLDERS.contains(&name),
                        "{} ({}): unknown placeholder {{{{{name}}}}}",
                        m.key,
                        t.lang
                    );
                }
                // No stray single braces, e.g. `{customer_first}` from the conversation corpus.
                let mut stripped = t.body.to_owned();
                for name in ALLOWED_PLACEHOLDERS {
                    stripped = stripped.replace(&format!("{{{{{name}}}}}"), "");
                }
                assert!(
                    !stripped.contains('{') && !stripped.contains('}'),
                    "{} ({}): stray brace in body",
                    m.key,
                    t.lang
                );
                assert!(placeholders(t.title).is_empty(), "{} ({}): placeholder in title", m.key, t.lang);
            }
        }
    }

    #[test]
    fn every_translation_keeps_the_english_placeholders() {
        for m in MACROS {
            let english: HashSet<&str> = placeholders(m.translations[0].body).into_iter().collect();
            assert!(english.contains("agent.first_name"), "{}: no sign-off with the agent's name", m.key);
            for t in &m.translations[1..] {
                let here: HashSet<&str> = placeholders(t.body).into_iter().collect();
                assert_eq!(here, english, "{} ({}): placeholders differ from English", m.key, t.lang);
            }
        }
    }

    #[test]
    fn articles_have_no_placeholders() {
        for a in ARTICLES {
            for t in a.translations {
                assert!(!t.body.contains("{{"), "{} ({}): placeholder in article body", a.key, t.lang);
                assert!(!t.title.contains("{{"), "{} ({}): placeholder in article title", a.key, t.lang);
            }
        }
    }

    #[test]
    fn english_articles_are_150_to_400_words() {
        for a in ARTICLES {
            let words = a.translations[0].body.split_whitespace().count();
            assert!((150..=400).contains(&words), "{}: {words} words", a.key);
        }
    }

    #[test]
    fn macro_language_coverage() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in MACROS {
            for t in m.translations {
                *counts.entry(t.lang).or_default() += 1;
            }
        }
        assert_eq!(counts.get("en").copied(), Some(MACROS.len()));
        for lang in ["es", "pt", "de", "fr", "zh", "ja", "tr", "ru"] {
            let n = counts.get(lang).copied().unwrap_or(0);
            assert!(n >= 15, "{lang}: only {n} macros");
        }
        for lang in ["ko", "vi"] {
            let n = counts.get(lang).copied().unwrap_or(0);
            assert!(n >= 8, "{lang}: only {n} macros");
        }
    }

    #[test]
    fn article_language_coverage() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for a in ARTICLES {
            for t in a.translations {
                *counts.entry(t.lang).or_default() += 1;
            }
        }
        assert_eq!(counts.get("en").copied(), Some(ARTICLES.len()));
        for (langs, min) in
            [(&["es", "pt", "de", "fr", "zh"][..], 10), (&["ja", "tr", "ru"][..], 5), (&["ko", "vi"][..], 3)]
        {
            for lang in langs {
                let n = counts.get(lang).copied().unwrap_or(0);
                assert!(n >= min, "{lang}: only {n} articles");
            }
        }
    }

    #[test]
    fn chinese_uses_traditional_script() {
        // Characters that only exist in Simplified Chinese.
        const SIMPLIFIED: &str = "们这为么请账认证钱币资无时过发现关还对会实验户务级额码转个后";
        let texts = MACROS
            .iter()
            .flat_map(|m| m.translations.iter().map(move |t| (m.key, t.lang, t.title, t.body)))
            .chain(ARTICLES.iter().flat_map(|a| a.translations.iter().map(move |t| (a.key, t.lang, t.title, t.body))));
        for (key, lang, title, body) in texts {
            if lang != "zh" {
                continue;
            }
            for c in title.chars().chain(body.chars()) {
                assert!(!SIMPLIFIED.contains(c), "{key} (zh): simplified character {c}");
            }
        }
    }
}
