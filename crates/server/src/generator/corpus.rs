//! Conversation templates for the demo data generator.
//!
//! Plain static data, no logic: support situations at Arbiter Exchange
//! ([`Scenario`]), each told as one scripted conversation ([`Script`]) per
//! language, plus customer name data per language ([`LOCALES`]).
//!
//! Texts contain placeholders such as `{customer_first}` or `{txid}` that the
//! generator fills in; [`PLACEHOLDERS`] lists every allowed one. Subjects never
//! contain placeholders. The first script of every scenario is English; system
//! turns (transfers, uploads, account actions) are always written in English,
//! because they are agent-side events.

use arbiter_contract::{Channel, TicketKind};

/// Who speaks a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Customer,
    Agent,
    System,
}

/// One message of a conversation.
#[derive(Debug, Clone, Copy)]
pub struct Turn {
    pub who: Who,
    pub text: &'static str,
}

/// One conversation script in one language.
#[derive(Debug, Clone, Copy)]
pub struct Script {
    pub lang: &'static str,
    pub subject: &'static str,
    pub turns: &'static [Turn],
}

/// Base priority of a scenario (the generator may bump it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

/// One support situation, told in several languages.
#[derive(Debug, Clone, Copy)]
pub struct Scenario {
    /// Stable identifier, e.g. `chargeback_not_recognized`.
    pub key: &'static str,
    pub kind: TicketKind,
    pub channel: Channel,
    /// One of: general, payments, disputes, fraud, p2p, feedback.
    pub queue: &'static str,
    pub priority: Priority,
    pub tags: &'static [&'static str],
    /// The first one is always `en`.
    pub scripts: &'static [Script],
}

/// Every placeholder that may appear in a text, without braces.
pub const PLACEHOLDERS: &[&str] = &[
    "customer_first",
    "customer_name",
    "agent_first",
    "account_id",
    "ticket_id",
    "amount",
    "currency",
    "crypto_amount",
    "asset",
    "network",
    "txid",
    "address",
    "card_last4",
    "date",
    "order_id",
    "reason_code",
    "card_network",
    "pair",
    "price",
    "device",
    "city",
    "country_name",
];

const fn c(text: &'static str) -> Turn {
    Turn { who: Who::Customer, text }
}

const fn a(text: &'static str) -> Turn {
    Turn { who: Who::Agent, text }
}

const fn s(text: &'static str) -> Turn {
    Turn { who: Who::System, text }
}

pub static SCENARIOS: &[Scenario] = &[
    // ------------------------------------------------------------------
    // Inquiries
    // ------------------------------------------------------------------
    Scenario {
        key: "kyc_verification_stuck",
        kind: TicketKind::Inquiry,
        channel: Channel::Email,
        queue: "general",
        priority: Priority::Normal,
        tags: &["kyc", "verification", "onboarding"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Verification pending for 5 days??",
                turns: &[
                    c("Hello,\n\nI submitted my ID and selfie for verification last week and its still showing \"Under review\". I already deposited {amount} {currency} by bank transfer and now I can't trade or withdraw anything. Your website says verification takes a few minutes. What is going on?\n\nMy account is {account_id}.\n\n{customer_name}"),
                    a("Hi {customer_first},\n\nThank you for reaching out, and I'm sorry for the wait. I've checked your account ({account_id}): your identity document was received on {date}, but the automatic check could not read the date of birth because of glare on the photo, so the application was passed to manual review. Manual reviews are currently taking 3 to 5 business days because of high volume.\n\nTo speed this up, you can re-upload a clearer photo of the front of your ID under Profile > Verification > Identity. Please make sure all four corners are visible, there is no flash reflection, and the document is not expired.\n\nYour deposit is safe in your account in the meantime. I've added a note to your application with the reference {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("Ok I uploaded it again just now, without flash. Its the same passport. Please let me know if you need anything else, I need to access my money this week."),
                    a("Hi {customer_first},\n\nThanks, the new photo is clear and I've asked the verification team to prioritise your file. You should receive an email as soon as the review is complete, usually within 24 hours for re-submitted documents.\n\nIf we also need a proof of address, the request will appear in the app with instructions, so there is no need to send documents by email. For your security, please never send ID documents to anyone who contacts you outside of the app or this email thread.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "es",
                subject: "Mi verificación lleva 5 días en revisión",
                turns: &[
                    c("Hola:\n\nSubí mi documento de identidad y la selfie la semana pasada y sigue poniendo \"En revisión\". Ya hice una transferencia de {amount} {currency} y ahora no puedo ni operar ni retirar nada. En la web dice que la verificación tarda unos minutos. ¿Qué está pasando?\n\nMi cuenta es {account_id}.\n\n{customer_name}"),
                    a("Hola, {customer_first}:\n\nGracias por escribirnos y perdona la espera. He revisado tu cuenta ({account_id}): recibimos tu documento el {date}, pero el control automático no pudo leer la fecha de nacimiento por un reflejo en la foto, así que la solicitud pasó a revisión manual. Ahora mismo las revisiones manuales tardan entre 3 y 5 días hábiles por el volumen de solicitudes.\n\nPara agilizarlo, puedes volver a subir una foto más nítida del anverso del documento en Perfil > Verificación > Identidad. Asegúrate de que se vean las cuatro esquinas, sin flash, y de que el documento no esté vencido.\n\nMientras tanto, tu depósito está seguro en tu cuenta. He añadido una nota a tu solicitud con la referencia {ticket_id}.\n\nUn saludo,\n{agent_first}\nSoporte de Arbiter Exchange"),
                    c("Listo, ya la volví a subir sin flash. Es el mismo documento. Avísenme si necesitan algo más, necesito mi plata esta semana."),
                    a("Hola, {customer_first}:\n\nGracias, la nueva foto se ve perfectamente y he pedido al equipo de verificación que dé prioridad a tu expediente. Recibirás un correo en cuanto termine la revisión, normalmente en menos de 24 horas para documentos reenviados.\n\nSi también necesitamos un comprobante de domicilio, la solicitud te aparecerá en la app con las instrucciones, así que no hace falta enviar documentos por correo. Por tu seguridad, nunca envíes documentos de identidad a nadie que te contacte fuera de la app o de este hilo.\n\nUn saludo,\n{agent_first}\nSoporte de Arbiter Exchange"),
                ],
            },
            Script {
                lang: "fr",
                subject: "Vérification d'identité bloquée depuis une semaine",
                turns: &[
                    c("Bonjour,\n\nJ'ai envoyé ma pièce d'identité et mon selfie il y a une semaine et mon compte affiche toujours « En cours d'examen ». J'ai déjà déposé {amount} {currency} par virement et je ne peux ni trader ni retirer. Sur votre site c'est écrit que ça prend quelques minutes... Vous pouvez m'expliquer ?\n\nCompte : {account_id}\n\n{customer_name}"),
                    a("Bonjour {customer_first},\n\nMerci pour votre message et toutes nos excuses pour cette attente. J'ai vérifié votre compte ({account_id}) : votre pièce d'identité a bien été reçue le {date}, mais le contrôle automatique n'a pas pu lire la date de naissance à cause d'un reflet sur la photo. Votre dossier est donc passé en vérification manuelle, qui prend actuellement 3 à 5 jours ouvrés en raison d'un volume important de demandes.\n\nPour accélérer le traitement, vous pouvez envoyer une nouvelle photo, plus nette, du recto de votre pièce dans Profil > Vérification > Identité. Les quatre coins doivent être visibles, sans flash, et le document doit être en cours de validité.\n\nVos fonds restent en sécurité sur votre compte en attendant. J'ai ajouté une note à votre dossier sous la référence {ticket_id}.\n\nCordialement,\n{agent_first}\nSupport Arbiter Exchange"),
                    c("C'est fait, j'ai renvoyé la photo sans flash. Merci de me tenir au courant, j'ai vraiment besoin d'accéder à mon argent cette semaine."),
                    a("Bonjour {customer_first},\n\nMerci, la nouvelle photo est parfaitement lisible et j'ai demandé à l'équipe de vérification de traiter votre dossier en priorité. Vous recevrez un e-mail dès que l'examen sera terminé, en général sous 24 heures pour un document renvoyé.\n\nSi un justificatif de domicile est nécessaire, la demande apparaîtra directement dans l'application. N'envoyez jamais vos documents d'identité à une personne qui vous contacte en dehors de l'application ou de cet échange d'e-mails.\n\nCordialement,\n{agent_first}\nSupport Arbiter Exchange"),
                ],
            },
            Script {
                lang: "vi",
                subject: "Xác minh danh tính bị treo nhiều ngày",
                turns: &[
                    c("Chào Arbiter,\n\nTôi đã tải lên CCCD và ảnh selfie từ tuần trước mà đến giờ vẫn báo \"Đang xét duyệt\". Tôi đã nạp {amount} {currency} rồi mà giờ không giao dịch hay rút được gì cả. Trên web ghi là xác minh chỉ mất vài phút. Sao lâu vậy ạ?\n\nTài khoản của tôi: {account_id}\n\n{customer_name}"),
                    a("Chào anh/chị {customer_first},\n\nCảm ơn anh/chị đã liên hệ và xin lỗi vì để anh/chị phải chờ lâu. Tôi đã kiểm tra tài khoản {account_id}: giấy tờ của anh/chị được nhận vào ngày {date}, nhưng hệ thống tự động không đọc được ngày sinh do ảnh bị lóa, nên hồ sơ đã được chuyển sang xét duyệt thủ công. Hiện tại việc xét duyệt thủ công mất 3–5 ngày làm việc do lượng hồ sơ lớn.\n\nĐể nhanh hơn, anh/chị có thể tải lại ảnh mặt trước giấy tờ rõ nét hơn tại Hồ sơ > Xác minh > Danh tính. Vui lòng đảm bảo thấy đủ bốn góc, không dùng đèn flash và giấy tờ còn hạn.\n\nSố tiền đã nạp vẫn an toàn trong tài khoản. Mã yêu cầu của anh/chị là {ticket_id}.\n\nTrân trọng,\n{agent_first}\nBộ phận Hỗ trợ Arbiter Exchange"),
                    c("Mình vừa tải lại ảnh, không bật flash rồi nhé. Mong bên bạn duyệt sớm giúp mình, tuần này mình cần dùng tiền."),
                    a("Chào anh/chị {customer_first},\n\nẢnh mới đã rõ nét, tôi đã đề nghị bộ phận xác minh ưu tiên hồ sơ của anh/chị. Anh/chị sẽ nhận được email ngay khi có kết quả, thường trong vòng 24 giờ với hồ sơ gửi lại.\n\nLưu ý: Arbiter Exchange không bao giờ yêu cầu gửi giấy tờ tùy thân qua Zalo, Telegram hay Facebook. Vui lòng chỉ tải giấy tờ lên trong ứng dụng.\n\nTrân trọng,\n{agent_first}\nBộ phận Hỗ trợ Arbiter Exchange"),
                ],
            },
        ],
    },
    Scenario {
        key: "deposit_not_credited",
        kind: TicketKind::Inquiry,
        channel: Channel::Chat,
        queue: "payments",
        priority: Priority::Normal,
        tags: &["deposit", "on-chain", "confirmations"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Deposit not showing",
                turns: &[
                    c("hi i sent {crypto_amount} {asset} to my deposit address 2 hours ago and its not in my balance"),
                    a("Hi {customer_first}, I'm {agent_first} and I'll help you with this. Could you share the transaction ID (TXID) and the network you selected when sending?"),
                    c("network {network}. txid {txid}"),
                    c("the wallet says completed"),
                    a("Thank you. I can see the transaction on the explorer. It has 8 of the 12 confirmations we require for {asset} on {network}, so it's still on its way. Once it reaches 12 confirmations it will be credited automatically, normally within 20–30 minutes."),
                    c("ok so i dont need to do anything?"),
                    a("Nothing at all. If it isn't in your balance one hour after the last confirmation, just reply here with the same TXID and we'll trace it manually. Your reference is {ticket_id}."),
                ],
            },
            Script {
                lang: "pt",
                subject: "Depósito não caiu",
                turns: &[
                    c("oi, mandei {crypto_amount} {asset} pro meu endereço de depósito faz 2 horas e não caiu no saldo"),
                    a("Olá, {customer_first}! Aqui é {agent_first}, vou te ajudar. Pode me passar o ID da transação (TXID) e a rede que você escolheu no envio?"),
                    c("rede {network}. txid {txid}"),
                    c("na carteira aparece como concluído"),
                    a("Obrigado! Encontrei a transação no explorer. Ela está com 8 das 12 confirmações que exigimos para {asset} na rede {network}, então ainda está a caminho. Assim que chegar a 12 confirmações, o crédito é automático, normalmente em 20 a 30 minutos."),
                    c("então não preciso fazer nada?"),
                    a("Nada mesmo. Se não aparecer no saldo uma hora depois da última confirmação, é só responder aqui com o mesmo TXID que a gente rastreia manualmente. Seu protocolo é {ticket_id}."),
                ],
            },
            Script {
                lang: "zh",
                subject: "充值還沒到帳",
                turns: &[
                    c("你好 我兩個小時前轉了 {crypto_amount} {asset} 到我的充值地址 到現在還沒入帳"),
                    a("{customer_name} 您好，我是客服 {agent_first}，很高興為您服務。請提供交易哈希（TXID）以及您轉出時選擇的網路。"),
                    c("網路是 {network}，TXID：{txid}"),
                    c("錢包那邊顯示已完成"),
                    a("謝謝您。我已在區塊瀏覽器上查到這筆交易，目前有 8 個確認，{asset} 在 {network} 網路上需要 12 個確認才會入帳。達到 12 個確認後系統會自動入帳，通常再等 20–30 分鐘即可。"),
                    c("所以我不用做什麼？"),
                    a("是的，不需要任何操作。如果最後一個確認後一小時仍未到帳，請直接在此回覆相同的 TXID，我們會人工追查。您的案件編號是 {ticket_id}。"),
                ],
            },
        ],
    },
    Scenario {
        key: "withdrawal_pending_security_lock",
        kind: TicketKind::Inquiry,
        channel: Channel::Chat,
        queue: "general",
        priority: Priority::Normal,
        tags: &["withdrawal", "security-hold"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Withdrawal stuck on pending",
                turns: &[
                    c("Why is my withdrawal still pending??? been 3 hours"),
                    c("{crypto_amount} {asset} to {address}"),
                    a("Hi {customer_first}, thanks for waiting. Let me check that for you, one moment please."),
                    a("I see the withdrawal. It's on hold because the password on your account was changed yesterday. For security, withdrawals are locked for 24 hours after a password, 2FA or email change, so nobody who gets into an account can empty it straight away."),
                    c("I changed it myself!! I forgot the old one"),
                    a("I understand, and sorry for the inconvenience. The lock is applied automatically and can't be lifted manually, even when the change was made by you. It ends on {date} at the same time you changed the password, and the withdrawal will then be processed without you having to submit it again."),
                    c("fine. thx"),
                ],
            },
            Script {
                lang: "de",
                subject: "Auszahlung hängt auf „Ausstehend“",
                turns: &[
                    c("Warum ist meine Auszahlung immer noch ausstehend??? seit 3 Stunden"),
                    c("{crypto_amount} {asset} an {address}"),
                    a("Hallo {customer_first}, danke für Ihre Geduld. Ich schaue mir das gleich an, einen Moment bitte."),
                    a("Ich sehe die Auszahlung. Sie ist angehalten, weil gestern das Passwort Ihres Kontos geändert wurde. Aus Sicherheitsgründen sind Auszahlungen nach einer Änderung von Passwort, 2FA oder E-Mail-Adresse 24 Stunden gesperrt, damit niemand ein übernommenes Konto sofort leerräumen kann."),
                    c("Das war ich selbst!! Ich hatte das alte vergessen"),
                    a("Das verstehe ich, und entschuldigen Sie die Unannehmlichkeiten. Die Sperre wird automatisch gesetzt und kann auch dann nicht manuell aufgehoben werden, wenn Sie die Änderung selbst vorgenommen haben. Sie endet am {date} zur gleichen Uhrzeit wie die Passwortänderung. Danach wird die Auszahlung automatisch ausgeführt, Sie müssen sie nicht neu beauftragen."),
                    c("ok. danke"),
                ],
            },
            Script {
                lang: "ja",
                subject: "出金が「処理中」のまま進まない",
                turns: &[
                    c("出金がずっと処理中のままなんですが？？もう3時間です"),
                    c("{crypto_amount} {asset} を {address} に送ってます"),
                    a("{customer_name}様、お待たせしております。サポート担当の{agent_first}です。ただいま確認いたしますので、少々お待ちください。"),
                    a("出金を確認いたしました。昨日アカウントのパスワードが変更されたため、出金が保留となっております。セキュリティ上の理由により、パスワード・2段階認証・メールアドレスの変更後24時間は出金が制限されます。"),
                    c("変更したのは自分です！前のパスワードを忘れたので"),
                    a("ご不便をおかけし申し訳ございません。この制限はお客様ご本人による変更であっても自動的に適用され、手動で解除することができません。{date}、パスワード変更と同じ時刻に制限が解除され、その後出金は自動的に処理されます。再度申請していただく必要はございません。"),
                    c("わかりました。ありがとうございます"),
                ],
            },
        ],
    },
    Scenario {
        key: "trading_fees_question",
        kind: TicketKind::Inquiry,
        channel: Channel::Email,
        queue: "general",
        priority: Priority::Low,
        tags: &["fees", "trading", "convert"],
        scripts: &[Script {
            lang: "en",
            subject: "Question about trading fees",
            turns: &[
                c("Hi there,\n\nI bought {asset} for {amount} {currency} yesterday and the amount I received seems lower than what I expected from the price on the chart. Can you explain what fees I paid? I couldn't find a clear breakdown in the app.\n\nThanks,\n{customer_first}"),
                a("Hi {customer_first},\n\nThanks for your question. There are three things that can make the amount differ from the chart price:\n\n1. Trading fee: spot trades on {pair} are charged 0.10% for both maker and taker orders at your current VIP level. This is deducted from the asset you receive.\n2. Spread: if you used the Buy Crypto (Convert) screen, the quote includes a spread instead of a fee. The quote is locked for 10 seconds before you confirm.\n3. Card fee: card purchases carry a 1.8% processing fee, shown on the confirmation screen before payment.\n\nYou can see the exact fee for every trade under Orders > Trade History, in the Fee column, and download a full CSV from the same page.\n\nIf you trade regularly, placing limit orders on the spot market is usually the cheapest option.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                c("Thanks, that makes sense. It was the Convert screen. I'll use the spot market next time."),
            ],
        }],
    },
    Scenario {
        key: "enable_2fa_authenticator",
        kind: TicketKind::Inquiry,
        channel: Channel::Chat,
        queue: "general",
        priority: Priority::Low,
        tags: &["2fa", "security", "how-to"],
        scripts: &[
            Script {
                lang: "en",
                subject: "How to set up 2FA",
                turns: &[
                    c("hello how do I turn on google authenticator? i only have sms now"),
                    a("Hi {customer_first}! Happy to help. In the app go to Profile > Security > Authenticator App and tap Enable. You'll see a QR code and a 16-character setup key."),
                    a("Scan the QR code with Google Authenticator, then enter the 6-digit code it shows, plus the SMS code we send you to confirm. Please write down the setup key and keep it offline: it's the only way to restore the authenticator if you lose your phone."),
                    c("done it worked. should I send you the key just in case?"),
                    a("No, please don't share it with anyone, including us. Arbiter Exchange staff will never ask for your password, 2FA codes or the setup key. Also note that withdrawals are paused for 24 hours after a 2FA change, that's normal."),
                    c("ok good to know thanks"),
                ],
            },
            Script {
                lang: "ru",
                subject: "Как подключить Google Authenticator",
                turns: &[
                    c("здравствуйте, как включить google authenticator? сейчас только смс"),
                    a("Здравствуйте, {customer_first}! В приложении откройте Профиль > Безопасность > Приложение-аутентификатор и нажмите «Включить». Появится QR-код и ключ настройки из 16 символов."),
                    a("Отсканируйте QR-код в Google Authenticator, затем введите 6-значный код из приложения и код из SMS для подтверждения. Обязательно запишите ключ настройки и храните его офлайн: только с ним можно восстановить аутентификатор, если телефон потеряется."),
                    c("всё, получилось. может вам ключ скинуть на всякий случай?"),
                    a("Нет, пожалуйста, никому его не сообщайте, в том числе нам. Сотрудники Arbiter Exchange никогда не запрашивают пароль, коды 2FA или ключ настройки. И учтите: после изменения 2FA вывод средств приостанавливается на 24 часа — это нормально."),
                    c("ясно, спасибо"),
                ],
            },
        ],
    },
    Scenario {
        key: "tax_statement_request",
        kind: TicketKind::Inquiry,
        channel: Channel::Email,
        queue: "general",
        priority: Priority::Low,
        tags: &["tax", "statements"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Need transaction history for my tax return",
                turns: &[
                    c("Hello,\n\nMy accountant needs a full statement of my transactions for last year for my tax return. I've traded on spot and also used Earn. Is there an official document you can provide, with the exchange's name on it?\n\nRegards,\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for contacting us. You can generate the statement yourself:\n\n1. Log in on the website and open Wallet > Statements.\n2. Choose Annual statement, select the year and tick Spot, Earn, and Deposits & Withdrawals.\n3. Click Generate. The PDF (with the company details) and a CSV of every transaction will be emailed to you within about an hour.\n\nPlease note that we can't give tax advice, and the statement shows transactions only, not a gain/loss calculation. Many customers import the CSV into a crypto tax tool or pass it to their accountant.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("Thank you. I generated it but the Earn rewards are listed as many small lines per day, is there a summary?"),
                    a("Dear {customer_first},\n\nEarn rewards are paid daily, so they appear as individual lines. The PDF has a summary table per asset at the end (section 4, Rewards received), which is what most accountants use. The CSV keeps the daily detail in case it's needed.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "ja",
                subject: "確定申告用の取引履歴が必要です",
                turns: &[
                    c("お世話になっております。\n\n確定申告のため、昨年1年分の取引明細を税理士から求められています。現物取引とEarnを利用しました。取引所名が記載された正式な書類を発行していただくことは可能でしょうか。\n\nよろしくお願いいたします。\n{customer_name}"),
                    a("{customer_name}様\n\nArbiter Exchangeサポートの{agent_first}です。お問い合わせいただきありがとうございます。\n\n年間取引報告書は、以下の手順でお客様ご自身で発行いただけます。\n\n1. ウェブサイトにログインし、「ウォレット」>「報告書」を開きます。\n2. 「年間取引報告書」を選択し、対象年を選んで「現物」「Earn」「入出金」にチェックを入れます。\n3. 「作成」をクリックすると、会社情報入りのPDFと全取引のCSVが、1時間程度でご登録のメールアドレスに届きます。\n\nなお、弊社では税務に関するアドバイスは行っておりません。また、報告書には取引の記録のみが記載され、損益計算は含まれませんので、あらかじめご了承ください。CSVを損益計算ツールに取り込むか、税理士の方にお渡しいただく方法が一般的です。\n\n今後ともArbiter Exchangeをよろしくお願いいたします。\nArbiter Exchange サポートチーム\n{agent_first}"),
                    c("ありがとうございます。作成できましたが、Earnの報酬が1日ごとに細かく何行も記載されています。まとめた表はありますか？"),
                    a("{customer_name}様\n\nEarnの報酬は毎日付与されるため、1件ずつ記載されております。PDFの末尾（第4項「受取報酬」）に銘柄ごとの集計表がございますので、そちらをご利用ください。日ごとの明細が必要な場合に備え、CSVには詳細を残しております。\n\n今後ともArbiter Exchangeをよろしくお願いいたします。\nArbiter Exchange サポートチーム\n{agent_first}"),
                ],
            },
            Script {
                lang: "zh",
                subject: "報稅需要交易紀錄",
                turns: &[
                    c("您好：\n\n我的會計師要我提供去年一整年的交易明細，用來申報所得稅。我有做現貨交易，也有用 Earn 理財。請問貴公司可以提供有交易所名稱的正式文件嗎？\n\n謝謝\n{customer_name}"),
                    a("{customer_name} 您好：\n\n感謝您的來信。您可以依照以下步驟自行產生年度報表：\n\n1. 登入網站後，前往「錢包」>「報表」。\n2. 選擇「年度報表」，選取年份，並勾選「現貨」、「Earn」及「充提紀錄」。\n3. 點選「產生」，含公司資訊的 PDF 報表及所有交易的 CSV 檔，約一小時內會寄到您的註冊信箱。\n\n提醒您，我們無法提供稅務建議，報表僅列出交易紀錄，不包含損益計算。許多用戶會將 CSV 匯入加密貨幣稅務工具，或直接交給會計師處理。\n\nArbiter Exchange 客服團隊\n{agent_first} 敬上"),
                    c("謝謝，報表已經產生了。不過 Earn 的收益每天都列成很多筆小額紀錄，有沒有彙總？"),
                    a("{customer_name} 您好：\n\nEarn 收益為每日發放，因此會逐筆列出。PDF 最後（第 4 節「已收取收益」）有依幣種彙總的表格，一般會計師會使用這份彙總。CSV 則保留每日明細，以備不時之需。\n\nArbiter Exchange 客服團隊\n{agent_first} 敬上"),
                ],
            },
        ],
    },
    Scenario {
        key: "api_key_signature_error",
        kind: TicketKind::Inquiry,
        channel: Channel::Email,
        queue: "general",
        priority: Priority::Low,
        tags: &["api", "developer", "ip-whitelist"],
        scripts: &[
            Script {
                lang: "en",
                subject: "API key keeps returning invalid signature",
                turns: &[
                    c("Hi,\n\nI created an API key for my trading bot but every request returns error -1022 invalid signature. I am using HMAC SHA256 like in the docs. Also, do I need to whitelist an IP? The key page says withdrawals are disabled unless I add IPs.\n\nThanks"),
                    a("Hi {customer_first},\n\nThanks for the details. Error -1022 almost always means the signed string doesn't match what the server receives. The usual causes are:\n\n- the query parameters are signed in a different order or encoding than they are sent,\n- the timestamp is added after the signature is calculated,\n- the secret key has a trailing space from copy-pasting.\n\nSign the exact final query string (including timestamp and recvWindow) and send it unchanged.\n\nAbout IP restrictions: trading permission works without a whitelist, but withdrawal permission can only be enabled on keys restricted to specific IP addresses. This protects you if the key is ever leaked. Keys without an IP restriction that have been inactive for 90 days are deleted automatically.\n\nPlease never share your secret key with anyone, including our support team.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("It was the timestamp order, works now. Thank you!"),
                ],
            },
            Script {
                lang: "ko",
                subject: "API 키 서명 오류(-1022) 및 IP 화이트리스트 문의",
                turns: &[
                    c("안녕하세요.\n\n트레이딩 봇용으로 API 키를 만들었는데, 요청할 때마다 -1022 invalid signature 오류가 납니다. 문서대로 HMAC SHA256을 사용하고 있습니다. 그리고 IP 화이트리스트를 꼭 등록해야 하나요? API 키 페이지에 IP를 추가하지 않으면 출금이 비활성화된다고 나와서요.\n\n감사합니다."),
                    a("{customer_name} 고객님, 안녕하세요.\nArbiter Exchange 고객지원팀 {agent_first}입니다.\n\n-1022 오류는 대부분 서명한 문자열과 서버가 실제로 받은 문자열이 일치하지 않을 때 발생합니다. 주요 원인은 다음과 같습니다.\n\n- 서명할 때와 전송할 때 쿼리 파라미터의 순서나 인코딩이 다른 경우\n- 서명을 계산한 뒤에 timestamp를 추가한 경우\n- 시크릿 키를 복사·붙여넣기 하면서 끝에 공백이 포함된 경우\n\ntimestamp와 recvWindow를 포함한 최종 쿼리 문자열에 서명하신 뒤, 그대로 전송해 주세요.\n\nIP 제한 관련: 거래 권한은 화이트리스트 없이도 사용 가능하지만, 출금 권한은 특정 IP로 제한된 키에서만 활성화할 수 있습니다. 키가 유출되더라도 자산을 보호하기 위한 조치입니다. 또한 IP 제한이 없는 키는 90일 동안 사용하지 않으면 자동으로 삭제됩니다.\n\n시크릿 키는 저희 고객지원팀을 포함해 누구에게도 공유하지 마세요.\n\n감사합니다.\nArbiter Exchange 고객지원팀\n{agent_first} 드림"),
                    c("timestamp 순서 문제였네요. 이제 잘 됩니다. 감사합니다!"),
                ],
            },
        ],
    },
    Scenario {
        key: "account_limits_upgrade",
        kind: TicketKind::Inquiry,
        channel: Channel::Chat,
        queue: "general",
        priority: Priority::Normal,
        tags: &["limits", "kyc", "withdrawal"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Withdrawal limit too low",
                turns: &[
                    c("hey why is my daily withdrawal limit so low? I need to move {crypto_amount} {asset} today"),
                    a("Hi {customer_first}, I'm {agent_first}. Your account is at Verification Level 1, which has a daily withdrawal limit equivalent to 50,000 USD. Level 2 raises it to 2,000,000 USD per day."),
                    c("how do I get level 2"),
                    a("Go to Profile > Verification and start Level 2. You'll need a proof of address issued in the last 3 months (bank statement or utility bill) and a short source-of-funds questionnaire. Most Level 2 reviews are done within 1 business day."),
                    c("and today?? the transfer is urgent"),
                    a("I'm afraid the limit can't be raised manually before the review is complete. You can withdraw up to the remaining limit today and the rest once Level 2 is approved. Limits reset daily at 00:00 UTC."),
                ],
            },
            Script {
                lang: "tr",
                subject: "Günlük çekim limitim çok düşük",
                turns: &[
                    c("selam günlük çekim limitim neden bu kadar düşük? bugün {crypto_amount} {asset} çekmem lazım"),
                    a("Merhaba {customer_first}, ben {agent_first}. Hesabınız 1. Seviye doğrulamada; bu seviyede günlük çekim limiti 50.000 USD karşılığıdır. 2. Seviye ile günlük limit 2.000.000 USD'ye çıkar."),
                    c("2. seviyeye nasıl geçerim"),
                    a("Profil > Doğrulama bölümünden 2. Seviye'yi başlatabilirsiniz. Son 3 ay içinde düzenlenmiş bir adres belgesi (banka ekstresi, fatura veya e-Devlet'ten alınan ikametgâh belgesi) ve kısa bir fon kaynağı formu gerekiyor. 2. Seviye incelemelerinin çoğu 1 iş günü içinde tamamlanıyor."),
                    c("peki bugün?? transfer acil"),
                    a("Maalesef inceleme tamamlanmadan limit manuel olarak artırılamıyor. Bugün kalan limitiniz kadar çekim yapabilir, geri kalanını 2. Seviye onaylandıktan sonra çekebilirsiniz. Limitler her gün 00:00 UTC'de sıfırlanır."),
                ],
            },
        ],
    },
    Scenario {
        key: "deposit_wrong_network",
        kind: TicketKind::Inquiry,
        channel: Channel::Email,
        queue: "payments",
        priority: Priority::Normal,
        tags: &["deposit", "wrong-network", "recovery"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Sent crypto on the wrong network - please help",
                turns: &[
                    c("Hello,\n\nI made a mistake. I sent {crypto_amount} {asset} to my Arbiter deposit address but I chose the {network} network in my other wallet, and the deposit page was for another network. The transaction is confirmed but nothing arrived. TXID: {txid}\n\nIs the money lost?? This is a lot of money for me. Please help.\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for the details, and I understand how worrying this is. In many cases funds sent on an unsupported network can be recovered, because the address belongs to Arbiter Exchange on both networks. Whether recovery is possible depends on the token and network combination, so I have opened a recovery request with our wallet team under reference {ticket_id}.\n\nPlease note:\n\n- Recovery can take 2 to 4 weeks, as it requires manual work on our cold-storage systems.\n- If the recovery succeeds, a fee equivalent to 50 USD is deducted from the amount.\n- We will contact you only through this email thread or the Arbiter app. Please ignore anyone on social media offering to recover your funds: they are scammers.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("Thank you so much. Is there anything I need to do?"),
                    a("Dear {customer_first},\n\nNo further action is needed for now. Please keep the sending wallet and don't delete the transaction record, in case we need you to confirm ownership of the source address. We'll write to you as soon as the wallet team has a result.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "ru",
                subject: "Перевод не в той сети — деньги пропали?",
                turns: &[
                    c("Здравствуйте!\n\nСлучилась ошибка: перевод {crypto_amount} {asset} на мой адрес пополнения в Arbiter ушёл в сети {network}, а адрес на странице депозита был для другой сети. Транзакция подтверждена, но на баланс ничего не пришло. TXID: {txid}\n\nДеньги пропали?? Для меня это очень большая сумма. Помогите, пожалуйста.\n\n{customer_name}"),
                    a("Здравствуйте, {customer_first}!\n\nСпасибо за подробности — понимаем, как это тревожно. Во многих случаях средства, отправленные через неподдерживаемую сеть, можно восстановить, поскольку адрес принадлежит Arbiter Exchange в обеих сетях. Возможность восстановления зависит от конкретного токена и сети, поэтому мы создали заявку для команды кошельков, номер {ticket_id}.\n\nОбратите внимание:\n\n- Восстановление может занять от 2 до 4 недель, так как требует ручной работы с холодным хранилищем.\n- При успешном восстановлении удерживается комиссия в размере эквивалента 50 USD.\n- Мы связываемся с вами только в этой переписке или через приложение Arbiter. Игнорируйте любых «специалистов» из соцсетей, которые предлагают вернуть средства: это мошенники.\n\nС уважением,\n{agent_first}\nСлужба поддержки Arbiter Exchange"),
                    c("Огромное спасибо! Мне нужно что-то делать?"),
                    a("Здравствуйте, {customer_first}!\n\nПока ничего делать не нужно. Пожалуйста, сохраните кошелёк, с которого был перевод, и не удаляйте историю транзакции — возможно, понадобится подтвердить владение адресом отправителя. Мы напишем, как только команда кошельков получит результат.\n\nС уважением,\n{agent_first}\nСлужба поддержки Arbiter Exchange"),
                ],
            },
        ],
    },
    // ------------------------------------------------------------------
    // Complaints and feedback
    // ------------------------------------------------------------------
    Scenario {
        key: "marketing_emails_after_unsubscribe",
        kind: TicketKind::Complaint,
        channel: Channel::Email,
        queue: "feedback",
        priority: Priority::Low,
        tags: &["marketing", "unsubscribe", "privacy"],
        scripts: &[
            Script {
                lang: "en",
                subject: "STOP sending me promo emails",
                turns: &[
                    c("I have clicked unsubscribe THREE times and I still get your \"Trade now and win\" emails every day, sometimes twice. This is spam and I'm pretty sure it's illegal. Remove me from every list now or I will report you to the data protection authority.\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nI'm sorry about this, and you're right to be annoyed. I have checked your account ({account_id}) and found that you had unsubscribed from the newsletter, but the trading competition emails were sent from a separate campaign list that did not respect that setting. That's our mistake.\n\nI have now turned off all marketing communication on your account, including campaigns and partner offers, and reported the issue to our marketing team so it's fixed for everyone. It can take up to 48 hours for campaigns that are already scheduled to stop.\n\nYou'll still receive essential service emails (security alerts, withdrawal confirmations), which we're required to send.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("Fine. If I get one more after Friday I'm closing my account."),
                    a("Dear {customer_first},\n\nUnderstood. I've set a reminder on your case ({ticket_id}) to check on Friday that no campaign emails have gone out to you. If you receive one, just reply to this email and I'll escalate it directly.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "fr",
                subject: "ARRÊTEZ de m'envoyer vos e-mails promotionnels",
                turns: &[
                    c("J'ai cliqué TROIS fois sur « se désabonner » et je reçois toujours vos e-mails « Tradez et gagnez » tous les jours, parfois deux fois. C'est du spam, et à ma connaissance c'est illégal. Retirez-moi de toutes vos listes immédiatement, sinon je porte plainte auprès de l'autorité de protection des données.\n\n{customer_name}"),
                    a("Bonjour {customer_first},\n\nToutes nos excuses, votre agacement est parfaitement légitime. J'ai vérifié votre compte ({account_id}) : votre désinscription de la newsletter était bien enregistrée, mais les e-mails du concours de trading partaient d'une liste de campagne distincte qui ne tenait pas compte de ce réglage. C'est une erreur de notre part.\n\nJ'ai désactivé toutes les communications marketing sur votre compte, y compris les campagnes et les offres partenaires, et signalé le problème à notre équipe marketing pour qu'il soit corrigé pour tout le monde. Les campagnes déjà programmées peuvent mettre jusqu'à 48 heures à s'arrêter.\n\nVous continuerez à recevoir les e-mails indispensables au service (alertes de sécurité, confirmations de retrait), que nous sommes tenus de vous envoyer.\n\nCordialement,\n{agent_first}\nSupport Arbiter Exchange"),
                    c("Bon. Si j'en reçois encore un après vendredi, je ferme mon compte."),
                    a("Bonjour {customer_first},\n\nC'est noté. J'ai programmé un rappel sur votre dossier ({ticket_id}) pour vérifier vendredi qu'aucun e-mail de campagne ne vous a été envoyé. Si vous en recevez un, répondez simplement à ce message et je le transmettrai directement en priorité.\n\nCordialement,\n{agent_first}\nSupport Arbiter Exchange"),
                ],
            },
            Script {
                lang: "ja",
                subject: "宣伝メールの配信を停止してください",
                turns: &[
                    c("配信停止の手続きを3回もしたのに、「今すぐ取引して賞品をゲット」というメールが毎日、多い日は2通も届きます。完全に迷惑メールですし、法律的にも問題があるのではないでしょうか。すぐにすべての配信リストから外してください。改善されない場合は消費生活センターに相談します。\n\n{customer_name}"),
                    a("{customer_name}様\n\nArbiter Exchangeサポートの{agent_first}です。ご不快な思いをおかけし、誠に申し訳ございません。\n\nお客様のアカウント（{account_id}）を確認したところ、ニュースレターの配信停止は正しく登録されておりましたが、トレーディングキャンペーンのメールは別の配信リストから送信されており、その設定が反映されておりませんでした。弊社の不手際でございます。\n\nただいま、キャンペーンや提携先からのご案内を含むすべてのマーケティングメールを停止いたしました。また、他のお客様にも同様のことが起きないよう、マーケティング担当部署へ報告済みです。すでに予約済みの配信が完全に止まるまで、最大48時間ほどかかる場合がございます。\n\nなお、セキュリティ通知や出金確認など、サービス上必要なメールは引き続き送信されますので、ご了承ください。\n\n今後ともArbiter Exchangeをよろしくお願いいたします。\nArbiter Exchange サポートチーム\n{agent_first}"),
                    c("わかりました。金曜日以降にまた届いたら、アカウントを解約します。"),
                    a("{customer_name}様\n\n承知いたしました。金曜日にキャンペーンメールが送信されていないことを確認するよう、お問い合わせ（{ticket_id}）にリマインダーを設定いたしました。万が一届いた場合は、このメールにそのままご返信ください。担当部署へ直ちにエスカレーションいたします。\n\n今後ともArbiter Exchangeをよろしくお願いいたします。\nArbiter Exchange サポートチーム\n{agent_first}"),
                ],
            },
        ],
    },
    Scenario {
        key: "app_outage_during_volatility",
        kind: TicketKind::Complaint,
        channel: Channel::Chat,
        queue: "feedback",
        priority: Priority::High,
        tags: &["outage", "app", "volatility", "compensation"],
        scripts: &[
            Script {
                lang: "en",
                subject: "App down during crash",
                turns: &[
                    c("YOUR APP WAS DOWN FOR 40 MINUTES WHILE THE MARKET WAS DUMPING"),
                    c("i couldnt close my position. this happens every time theres volatility"),
                    a("Hi {customer_first}, I'm really sorry. We had a service disruption on {date} between 14:05 and 14:47 UTC that affected logins and order placement in the mobile app. The website and API were partly affected too."),
                    c("so who pays for my losses?"),
                    a("I understand how frustrating that is. Our engineering team has published an incident report on the status page, and we're reviewing affected accounts. If you had open positions or orders you could not manage during that window, I can open a compensation review for you. Could you tell me which pair and roughly when you tried to act?"),
                    c("{pair}, around 14:15, wanted to close long at {price}"),
                    a("Thank you. I've opened case {ticket_id} with those details. The review team will check the logs for your account and reply by email within 5 business days. I can't promise the outcome, but every request is assessed individually."),
                ],
            },
            Script {
                lang: "pt",
                subject: "App fora do ar durante a queda",
                turns: &[
                    c("O APP DE VOCÊS FICOU 40 MINUTOS FORA DO AR ENQUANTO O MERCADO DESPENCAVA"),
                    c("não consegui fechar minha posição. toda vez que tem volatilidade é isso"),
                    a("Olá, {customer_first}, sinto muito mesmo. Tivemos uma instabilidade em {date}, entre 14h05 e 14h47 UTC, que afetou o login e o envio de ordens no app. O site e a API também foram parcialmente afetados."),
                    c("e quem paga meu prejuízo?"),
                    a("Entendo sua frustração. Nossa equipe de engenharia publicou um relatório do incidente na página de status e estamos analisando as contas afetadas. Se você tinha posições ou ordens que não conseguiu gerenciar nesse intervalo, posso abrir uma análise de compensação. Pode me dizer o par e mais ou menos a hora em que tentou operar?"),
                    c("{pair}, lá pelas 14h15, queria fechar o long em {price}"),
                    a("Obrigado. Abri o caso {ticket_id} com esses detalhes. A equipe responsável vai verificar os logs da sua conta e responder por e-mail em até 5 dias úteis. Não posso garantir o resultado, mas cada pedido é analisado individualmente."),
                ],
            },
            Script {
                lang: "tr",
                subject: "Düşüş sırasında uygulama çöktü",
                turns: &[
                    c("PİYASA ÇAKILIRKEN UYGULAMANIZ 40 DAKİKA ÇALIŞMADI"),
                    c("pozisyonumu kapatamadım. ne zaman volatilite olsa aynı şey"),
                    a("Merhaba {customer_first}, gerçekten çok üzgünüm. {date} tarihinde 14:05–14:47 UTC arasında mobil uygulamada giriş ve emir iletimini etkileyen bir kesinti yaşadık. Web sitesi ve API de kısmen etkilendi."),
                    c("zararımı kim karşılayacak peki?"),
                    a("Ne kadar sinir bozucu olduğunu anlıyorum. Mühendislik ekibimiz durum sayfasında olay raporunu yayınladı ve etkilenen hesapları inceliyoruz. O süre içinde yönetemediğiniz açık pozisyon veya emirleriniz varsa sizin için bir tazminat incelemesi başlatabilirim. Hangi paritede ve yaklaşık saat kaçta işlem yapmaya çalıştınız?"),
                    c("{pair}, 14:15 gibi, longu {price} seviyesinden kapatmak istiyordum"),
                    a("Teşekkürler. {ticket_id} numaralı talebi bu bilgilerle açtım. İnceleme ekibi hesabınızın kayıtlarını kontrol edip 5 iş günü içinde e-posta ile dönüş yapacak. Sonucu garanti edemem ama her talep ayrı ayrı değerlendiriliyor."),
                ],
            },
            Script {
                lang: "ko",
                subject: "급락 중 앱 접속 장애",
                turns: &[
                    c("시장 폭락하는데 앱이 40분 동안 먹통이었어요"),
                    c("포지션 정리도 못 했어요. 변동성 클 때마다 이래요"),
                    a("{customer_name} 고객님, 정말 죄송합니다. {date} 14:05~14:47(UTC) 사이에 모바일 앱의 로그인과 주문 접수에 영향을 준 서비스 장애가 있었습니다. 웹사이트와 API도 일부 영향을 받았습니다."),
                    c("그럼 제 손실은 누가 보상해 주나요?"),
                    a("얼마나 답답하셨을지 충분히 이해합니다. 엔지니어링팀이 상태 페이지에 장애 보고서를 게시했고, 영향을 받은 계정을 검토하고 있습니다. 해당 시간 동안 관리하지 못한 포지션이나 주문이 있으셨다면 보상 검토를 접수해 드릴 수 있습니다. 어떤 거래쌍이었고, 대략 몇 시쯤 주문하려고 하셨나요?"),
                    c("거래쌍은 {pair}, 14시 15분쯤 {price}에 롱 정리하려고 했어요"),
                    a("감사합니다. 해당 내용으로 {ticket_id} 건을 접수했습니다. 검토팀에서 고객님 계정의 로그를 확인한 뒤 영업일 기준 5일 이내에 이메일로 안내드릴 예정입니다. 결과를 확답드릴 수는 없지만, 모든 요청은 개별적으로 검토됩니다."),
                ],
            },
        ],
    },
    Scenario {
        key: "withdrawal_fees_too_high",
        kind: TicketKind::Complaint,
        channel: Channel::Email,
        queue: "feedback",
        priority: Priority::Normal,
        tags: &["fees", "withdrawal", "pricing"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Your withdrawal fees are a rip-off",
                turns: &[
                    c("Hello,\n\nI withdrew {crypto_amount} {asset} yesterday and you charged a withdrawal fee that is way higher than the actual network fee. I checked on the explorer, the real fee was a fraction of that. Other exchanges charge much less. Why should I stay with you?\n\n{customer_first}"),
                    a("Hi {customer_first},\n\nThank you for the honest feedback. Our withdrawal fees are fixed per network and reviewed regularly, but they are set above the average on-chain fee so that withdrawals still go through quickly when the network is congested. On quiet days, like yesterday, that means the fee you pay can be noticeably higher than what the transaction actually cost on-chain.\n\nA few ways to pay less:\n\n- Choose a cheaper network when the asset supports it, for example {network} where available. Always check that the receiving wallet supports the same network.\n- Withdraw in fewer, larger amounts, as the fee is fixed per withdrawal.\n- Transfers to other Arbiter users via Pay are free.\n\nI've shared your feedback with the product team responsible for fees. I can't refund the fee, but comments like yours are taken into account in the next review.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("I appreciate the answer, but I still think it's too much. Please make sure it gets to someone."),
                ],
            },
            Script {
                lang: "de",
                subject: "Ihre Auszahlungsgebühren sind Abzocke",
                turns: &[
                    c("Hallo,\n\ngestern habe ich {crypto_amount} {asset} ausgezahlt und Sie haben eine Gebühr berechnet, die deutlich über der tatsächlichen Netzwerkgebühr liegt. Ich habe im Explorer nachgeschaut – die echte Gebühr war nur ein Bruchteil davon. Andere Börsen verlangen viel weniger. Warum sollte ich bei Ihnen bleiben?\n\n{customer_first}"),
                    a("Hallo {customer_first},\n\nvielen Dank für Ihr offenes Feedback. Unsere Auszahlungsgebühren sind pro Netzwerk festgelegt und werden regelmäßig überprüft. Sie liegen bewusst über der durchschnittlichen On-Chain-Gebühr, damit Auszahlungen auch bei ausgelastetem Netzwerk zügig bestätigt werden. An ruhigen Tagen wie gestern kann die Gebühr deshalb spürbar höher sein als die tatsächlichen Kosten der Transaktion.\n\nSo können Sie Gebühren sparen:\n\n- Wählen Sie, sofern das Asset es unterstützt, ein günstigeres Netzwerk, zum Beispiel {network}. Prüfen Sie dabei immer, ob die Empfangs-Wallet dasselbe Netzwerk unterstützt.\n- Zahlen Sie seltener, dafür größere Beträge aus, da die Gebühr pro Auszahlung fix ist.\n- Überweisungen an andere Arbiter-Nutzer über Pay sind kostenlos.\n\nIch habe Ihr Feedback an das zuständige Produktteam weitergegeben. Die Gebühr kann ich leider nicht erstatten, aber Rückmeldungen wie Ihre fließen in die nächste Überprüfung ein.\n\nMit freundlichen Grüßen\n{agent_first}\nArbiter Exchange Support"),
                    c("Danke für die ausführliche Antwort, auch wenn ich es weiterhin zu teuer finde. Bitte sorgen Sie dafür, dass das wirklich ankommt."),
                ],
            },
        ],
    },
    Scenario {
        key: "website_login_loop",
        kind: TicketKind::Complaint,
        channel: Channel::Chat,
        queue: "feedback",
        priority: Priority::Normal,
        tags: &["website", "bug", "login"],
        scripts: &[Script {
            lang: "en",
            subject: "Website keeps logging me out",
            turns: &[
                c("your website keeps sending me back to the login page after i enter the code"),
                c("tried 10 times"),
                a("Hi {customer_first}, sorry about that! Which browser are you using, and does it happen in the app too?"),
                c("chrome on windows. app works fine"),
                a("Thanks. We've had a few reports of this since yesterday's update; it's caused by an old session cookie. Could you try clearing cookies for the Arbiter site, or log in from a private/incognito window?"),
                c("incognito works. still annoying, fix your site"),
                a("Fair point, and thanks for your patience. I've added your report to the bug ticket so the web team can see how many people are affected. Clearing cookies once in your normal window should fix it for good."),
            ],
        }],
    },
    Scenario {
        key: "slow_support_response",
        kind: TicketKind::Complaint,
        channel: Channel::Email,
        queue: "feedback",
        priority: Priority::Normal,
        tags: &["support-experience", "escalation", "withdrawal"],
        scripts: &[Script {
            lang: "en",
            subject: "Nobody answers me - 3rd email",
            turns: &[
                c("This is my third email about the same problem and I keep getting automatic replies. My case is {ticket_id}. I've been waiting 9 days for a simple answer about my locked withdrawal. I am a customer since 2019 and this is the worst service I have ever had.\n\nI want a human to read this.\n\n{customer_name}"),
                a("Dear {customer_first},\n\nI'm a real person, and I've read your previous emails. I'm sorry it has taken this long; nine days without a proper answer is not the service we want to give you.\n\nHere is where things stand: your withdrawal of {crypto_amount} {asset} was held for a routine compliance review because the destination address was new and the amount was above your usual activity. The review was completed this morning and the withdrawal has been released. You should see it on-chain within the next hour.\n\nI've also passed on feedback about the automatic replies you received, as they should have been followed by an answer from an agent.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                c("Received it. Thank you {agent_first}, finally someone who answers properly."),
            ],
        }],
    },
    Scenario {
        key: "app_redesign_feedback",
        kind: TicketKind::Complaint,
        channel: Channel::Chat,
        queue: "feedback",
        priority: Priority::Low,
        tags: &["app", "ux", "feedback"],
        scripts: &[Script {
            lang: "en",
            subject: "New app design",
            turns: &[
                c("who designed the new app?? i cant find the trade history anymore"),
                a("Hi {customer_first}, thanks for the feedback! In the new version the trade history moved to Assets > History > Trades. You can also type 'history' in the search at the top."),
                c("found it. 4 taps instead of 1. also the dark mode is gone"),
                a("Dark mode is still there, it's now under Profile > Settings > Appearance. I'll pass on your feedback about the trade history: the design team is reviewing all comments on the new version this month."),
                c("ok thanks"),
            ],
        }],
    },
    Scenario {
        key: "referral_bonus_not_paid",
        kind: TicketKind::Complaint,
        channel: Channel::Email,
        queue: "feedback",
        priority: Priority::Normal,
        tags: &["marketing", "promotion", "referral"],
        scripts: &[Script {
            lang: "en",
            subject: "Referral bonus never paid - misleading promotion",
            turns: &[
                c("Hi,\n\nYour ad said \"Invite a friend, you both get 50 USDT\". My friend signed up with my link on {date}, got verified and deposited. Neither of us got anything. This feels like false advertising.\n\nMy account: {account_id}\n\n{customer_first}"),
                a("Hi {customer_first},\n\nThanks for writing to us. I've checked the referral, and your friend's account is correctly linked to yours. The reward is paid once the invited friend completes a first trade of at least 100 USD within 30 days of signing up; a deposit alone doesn't qualify. Your friend has deposited but hasn't traded yet, so the reward is still pending, and there are 12 days left.\n\nI agree the conditions should be clearer in the ad itself and not only on the terms page, and I've passed this on to our marketing team.\n\nOnce the trade is done, the vouchers are credited to both of you within 72 hours under Rewards Hub.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                c("OK, I didn't see that condition anywhere in the ad. I'll tell him. Thanks for checking."),
            ],
        }],
    },
    // ------------------------------------------------------------------
    // Trade disputes
    // ------------------------------------------------------------------
    Scenario {
        key: "stop_loss_not_triggered",
        kind: TicketKind::TradeDispute,
        channel: Channel::Email,
        queue: "disputes",
        priority: Priority::High,
        tags: &["stop-loss", "volatility", "order-execution"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Stop-loss did not trigger - I want compensation",
                turns: &[
                    c("Hello,\n\nI had a stop-limit order on {pair} with the stop at {price}. During the drop on {date} the price went way below my stop and the order NEVER filled. I lost much more than I should have. This is your system's failure and I want the difference refunded.\n\nOrder number: {order_id}\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for contacting us, and I'm sorry about the loss. I've looked at order {order_id} in detail.\n\nThe order was a stop-limit order. When the last traded price reached your stop price of {price}, the order was triggered correctly and a limit sell order was placed on the order book. However, a stop-limit order will only fill at your limit price or better. During the drop the price moved through your limit within a few seconds, so there were no buyers at your limit and the order stayed open, unfilled.\n\nThis is how stop-limit orders work on all exchanges, which is why we show a warning when the limit price is very close to the stop price. A stop-market order would have filled, but at the available market price, which can be significantly lower during fast moves.\n\nI've attached the trigger time and an order book snapshot to your case, {ticket_id}. Since the system executed the order exactly as it was set, we are not able to offer compensation in this case.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("So it's my fault? Nobody explains this when you place the order. I want this reviewed by someone else."),
                    a("Dear {customer_first},\n\nI understand, and you're entitled to a second review. I've escalated case {ticket_id} to the Trading Disputes team, who will check the matching engine logs independently. They will reply within 5 business days.\n\nIn the meantime, if you'd like protection that always executes, you can use a stop-market order or set the limit price a few percent below the stop price.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "es",
                subject: "El stop-loss no se ejecutó: exijo una compensación",
                turns: &[
                    c("Buenas:\n\nTenía una orden stop-limit en {pair} con el stop en {price}. Durante la caída del {date} el precio bajó muy por debajo de mi stop y la orden NUNCA se ejecutó. Perdí mucho más de lo que debía. Es un fallo de su sistema y quiero que me devuelvan la diferencia.\n\nNúmero de orden: {order_id}\n\n{customer_name}"),
                    a("Hola, {customer_first}:\n\nGracias por escribirnos y siento mucho la pérdida. He revisado en detalle la orden {order_id}.\n\nEra una orden stop-limit. Cuando el último precio negociado alcanzó tu precio stop de {price}, la orden se activó correctamente y se colocó una orden límite de venta en el libro. Sin embargo, una orden stop-limit solo se ejecuta a tu precio límite o mejor. Durante la caída, el precio atravesó tu límite en pocos segundos, no hubo compradores a ese precio y la orden quedó abierta sin ejecutarse.\n\nAsí funcionan las órdenes stop-limit en todos los exchanges, y por eso mostramos un aviso cuando el precio límite está muy cerca del stop. Una orden stop-market sí se habría ejecutado, aunque al precio de mercado disponible, que en movimientos bruscos puede ser bastante peor.\n\nHe adjuntado a tu caso, {ticket_id}, la hora de activación y una captura del libro de órdenes. Como el sistema ejecutó la orden tal y como estaba configurada, en este caso no podemos ofrecer una compensación.\n\nUn saludo,\n{agent_first}\nSoporte de Arbiter Exchange"),
                    c("¿O sea que la culpa es mía? Nadie explica esto cuando pones la orden. Quiero que lo revise otra persona."),
                    a("Hola, {customer_first}:\n\nLo entiendo, y tienes derecho a una segunda revisión. He escalado el caso {ticket_id} al equipo de Disputas de Trading, que revisará los registros del motor de emparejamiento de forma independiente. Te responderán en un plazo de 5 días hábiles.\n\nMientras tanto, si quieres una protección que se ejecute siempre, puedes usar una orden stop-market o fijar el precio límite unos puntos porcentuales por debajo del stop.\n\nUn saludo,\n{agent_first}\nSoporte de Arbiter Exchange"),
                ],
            },
            Script {
                lang: "ru",
                subject: "Стоп-лосс не сработал — требую компенсацию",
                turns: &[
                    c("Здравствуйте.\n\nУ меня стоял стоп-лимит ордер по {pair}, стоп на {price}. Во время падения {date} цена ушла сильно ниже стопа, а ордер ТАК И НЕ исполнился. В итоге убыток намного больше, чем должен был быть. Это сбой вашей системы, прошу вернуть разницу.\n\nНомер ордера: {order_id}\n\n{customer_name}"),
                    a("Здравствуйте, {customer_first}!\n\nСпасибо за обращение, нам очень жаль, что так вышло. Мы подробно проверили ордер {order_id}.\n\nЭто был стоп-лимит ордер. Когда цена последней сделки достигла вашей стоп-цены {price}, ордер сработал корректно, и в стакан был выставлен лимитный ордер на продажу. Однако стоп-лимит исполняется только по вашей лимитной цене или лучше. Во время падения цена прошла ваш лимит за несколько секунд, покупателей по этой цене не оказалось, и ордер остался открытым.\n\nТак стоп-лимит ордера работают на всех биржах, поэтому мы показываем предупреждение, если лимитная цена слишком близко к стопу. Стоп-маркет ордер исполнился бы, но по доступной рыночной цене, которая при резких движениях может быть значительно хуже.\n\nВремя срабатывания и снимок стакана приложены к обращению {ticket_id}. Поскольку система исполнила ордер в соответствии с заданными параметрами, компенсация в данном случае невозможна.\n\nС уважением,\n{agent_first}\nСлужба поддержки Arbiter Exchange"),
                    c("То есть это моя вина? Об этом никто не предупреждает при выставлении ордера. Прошу повторную проверку."),
                    a("Здравствуйте, {customer_first}!\n\nПонимаем вас, и вы вправе запросить повторную проверку. Обращение {ticket_id} передано в отдел торговых споров: коллеги независимо проверят логи торгового движка и ответят в течение 5 рабочих дней.\n\nЕсли вам нужна защита, которая исполняется всегда, используйте стоп-маркет ордер или ставьте лимитную цену на несколько процентов ниже стоп-цены.\n\nС уважением,\n{agent_first}\nСлужба поддержки Arbiter Exchange"),
                ],
            },
        ],
    },
    Scenario {
        key: "market_order_slippage",
        kind: TicketKind::TradeDispute,
        channel: Channel::Chat,
        queue: "disputes",
        priority: Priority::Normal,
        tags: &["slippage", "market-order"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Market order filled at terrible price",
                turns: &[
                    c("I placed a market buy and it filled WAY above the price I saw"),
                    c("order {order_id}"),
                    a("Hi {customer_first}, I'm {agent_first}. Let me look at that order, one moment."),
                    a("Thanks for waiting. Your market order on {pair} was large compared to the liquidity on the order book at that moment, so it filled against several price levels. The average fill price was {price}, about 1.8% above the best ask when you submitted."),
                    c("1.8%?? nobody told me that"),
                    a("I understand. For market orders the app shows an estimated slippage warning when the order is larger than the visible depth. For large trades, a limit order or splitting the order avoids this. The order was executed correctly at the prices available, so I can't reverse it, but I've added a note so a dispute specialist double-checks the fills."),
                    c("ok. please send me the result by email"),
                    a("Will do. Your reference is {ticket_id}, and the specialist will email you within 2 business days."),
                ],
            },
            Script {
                lang: "zh",
                subject: "市價單成交價差太多",
                turns: &[
                    c("我下了市價買單，結果成交價比我看到的高超多"),
                    c("訂單 {order_id}"),
                    a("{customer_name} 您好，我是 {agent_first}。我來查看這筆訂單，請稍候。"),
                    a("感謝您耐心等候。您在 {pair} 的市價單相對於當時掛單簿上的流動性較大，因此分別與多個價位的掛單成交。平均成交價為 {price}，比您下單時的最佳賣價高約 1.8%。"),
                    c("1.8%？？根本沒人跟我說"),
                    a("理解您的感受。當市價單數量超過可見深度時，App 會顯示預估滑價提醒。大額交易建議使用限價單或分批下單，以避免滑價。這筆訂單是依當時可成交的價格正確執行，因此無法撤銷，但我已在您的帳戶加註，請交易爭議專員再次核對成交明細。"),
                    c("好，結果請寄 email 給我"),
                    a("沒問題。您的案件編號是 {ticket_id}，專員會在 2 個工作天內以 email 回覆您。"),
                ],
            },
            Script {
                lang: "ko",
                subject: "시장가 주문이 너무 불리한 가격에 체결됨",
                turns: &[
                    c("시장가로 매수했는데 제가 본 가격보다 훨씬 높게 체결됐어요"),
                    c("주문번호 {order_id}"),
                    a("{customer_name} 고객님, 상담원 {agent_first}입니다. 해당 주문 확인해 보겠습니다. 잠시만 기다려 주세요."),
                    a("기다려 주셔서 감사합니다. 고객님의 {pair} 시장가 주문은 당시 호가창의 유동성에 비해 규모가 커서 여러 가격대에 나뉘어 체결되었습니다. 평균 체결가는 {price}로, 주문 시점의 최우선 매도호가보다 약 1.8% 높았습니다."),
                    c("1.8%요?? 그런 얘기 아무도 안 해줬는데요"),
                    a("당황스러우셨을 것 같습니다. 주문 수량이 호가창 잔량보다 클 경우 앱에서 예상 슬리피지 경고가 표시됩니다. 큰 금액을 거래하실 때는 지정가 주문을 이용하시거나 주문을 나누시면 이를 피할 수 있습니다. 이번 주문은 당시 체결 가능한 가격으로 정상 처리되어 취소는 어렵지만, 분쟁 담당자가 체결 내역을 다시 확인하도록 메모를 남겨 두었습니다."),
                    c("네, 결과는 이메일로 보내주세요"),
                    a("알겠습니다. 접수번호는 {ticket_id}이며, 담당자가 영업일 기준 2일 이내에 이메일로 안내드리겠습니다."),
                ],
            },
        ],
    },
    Scenario {
        key: "futures_liquidation_mark_price",
        kind: TicketKind::TradeDispute,
        channel: Channel::Email,
        queue: "disputes",
        priority: Priority::High,
        tags: &["futures", "liquidation", "mark-price"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Liquidated but the price never reached my liquidation price",
                turns: &[
                    c("Hi,\n\nMy {pair} perpetual long was liquidated on {date}. My liquidation price was shown as {price} and the chart in your app NEVER touched that level, not even with a wick. I lost my whole margin. Explain this or give my money back.\n\n{customer_first}"),
                    a("Hi {customer_first},\n\nThank you for reaching out. I've reviewed the liquidation of your {pair} position.\n\nLiquidations on Arbiter Futures are triggered by the mark price, not the last traded price shown on the default chart. The mark price is based on an index of several spot exchanges, to protect traders from manipulation on a single exchange. On {date} the mark price reached your liquidation price of {price} at 03:12:41 UTC, while the last price on our order book stayed slightly above it.\n\nYou can switch the chart to Mark Price in the chart settings to see this. I've attached the mark price and index data for that minute to your case ({ticket_id}).\n\nI'm sorry the outcome was so painful. Based on the data, the liquidation was executed correctly, so we can't reverse it. To reduce liquidation risk in future, lowering leverage or adding margin moves the liquidation price further away.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("I didn't know the chart was different from the mark price. I still think it's unfair but ok. Isn't there an insurance fund for this?"),
                    a("Hi {customer_first},\n\nThe insurance fund covers cases where a position is closed at a worse price than its bankruptcy price, so that other traders aren't affected. It doesn't refund liquidated margin to the liquidated trader. I'm sorry I don't have better news.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "de",
                subject: "Liquidiert, obwohl der Kurs meinen Liquidationspreis nie erreicht hat",
                turns: &[
                    c("Hallo,\n\nmeine {pair}-Perpetual-Long-Position wurde am {date} liquidiert. Als Liquidationspreis wurde {price} angezeigt, und der Chart in Ihrer App hat dieses Niveau NIE erreicht, nicht mal mit einem Docht. Meine komplette Margin ist weg. Erklären Sie mir das oder geben Sie mir mein Geld zurück.\n\n{customer_first}"),
                    a("Hallo {customer_first},\n\nvielen Dank für Ihre Nachricht. Ich habe die Liquidation Ihrer {pair}-Position geprüft.\n\nLiquidationen bei Arbiter Futures werden durch den Mark-Preis ausgelöst, nicht durch den zuletzt gehandelten Preis, den der Standard-Chart zeigt. Der Mark-Preis basiert auf einem Index mehrerer Spot-Börsen und schützt so vor Manipulation an einer einzelnen Börse. Am {date} erreichte der Mark-Preis um 03:12:41 UTC Ihren Liquidationspreis von {price}, während der letzte Preis in unserem Orderbuch knapp darüber blieb.\n\nSie können den Chart in den Chart-Einstellungen auf „Mark-Preis“ umstellen, um das nachzuvollziehen. Die Mark- und Indexpreisdaten für diese Minute habe ich Ihrem Vorgang ({ticket_id}) beigefügt.\n\nEs tut mir leid, dass das Ergebnis so schmerzhaft ist. Nach den vorliegenden Daten wurde die Liquidation korrekt ausgeführt, daher können wir sie nicht rückgängig machen. Um das Liquidationsrisiko künftig zu senken, können Sie einen geringeren Hebel nutzen oder Margin nachschießen – beides verschiebt den Liquidationspreis weiter weg.\n\nMit freundlichen Grüßen\n{agent_first}\nArbiter Exchange Support"),
                    c("Dass der Chart nicht dem Mark-Preis entspricht, wusste ich nicht. Ich finde es trotzdem unfair. Gibt es dafür nicht einen Versicherungsfonds?"),
                    a("Hallo {customer_first},\n\nder Versicherungsfonds deckt Fälle ab, in denen eine Position zu einem schlechteren Preis als dem Bankrottpreis geschlossen wird, damit andere Trader nicht belastet werden. Eine Erstattung der liquidierten Margin an den betroffenen Trader ist damit leider nicht vorgesehen. Es tut mir leid, dass ich keine besseren Nachrichten habe.\n\nMit freundlichen Grüßen\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "tr",
                subject: "Fiyat likidasyon seviyeme hiç gelmediği halde likide oldum",
                turns: &[
                    c("Merhaba,\n\n{pair} perpetual long pozisyonum {date} tarihinde likide edildi. Likidasyon fiyatım {price} olarak görünüyordu ve uygulamanızdaki grafik bu seviyeye HİÇ değmedi, iğne bile atmadı. Tüm teminatım gitti. Ya bunu açıklayın ya da paramı iade edin.\n\n{customer_first}"),
                    a("Merhaba {customer_first},\n\nBize ulaştığınız için teşekkür ederiz. {pair} pozisyonunuzun likidasyonunu inceledim.\n\nArbiter Futures'ta likidasyonlar, varsayılan grafikte gösterilen son işlem fiyatına göre değil, işaret fiyatına (mark price) göre tetiklenir. İşaret fiyatı, tek bir borsadaki manipülasyona karşı koruma sağlamak için birden fazla spot borsanın fiyatlarından oluşan bir endekse dayanır. {date} tarihinde işaret fiyatı saat 03:12:41 UTC'de {price} olan likidasyon fiyatınıza ulaştı; emir defterimizdeki son fiyat ise bunun biraz üzerinde kaldı.\n\nGrafik ayarlarından \"İşaret Fiyatı\" görünümüne geçerek bunu kontrol edebilirsiniz. O dakikaya ait işaret ve endeks fiyatı verilerini talebinize ({ticket_id}) ekledim.\n\nSonucun bu kadar can sıkıcı olmasından dolayı üzgünüm. Verilere göre likidasyon doğru şekilde gerçekleşti, bu nedenle geri alamıyoruz. İleride likidasyon riskini azaltmak için kaldıracı düşürebilir veya teminat ekleyebilirsiniz; ikisi de likidasyon fiyatını uzaklaştırır.\n\nSaygılarımızla,\n{agent_first}\nArbiter Exchange Destek Ekibi"),
                    c("Grafiğin işaret fiyatından farklı olduğunu bilmiyordum. Yine de adil bulmuyorum ama tamam. Bunun için bir sigorta fonu yok mu?"),
                    a("Merhaba {customer_first},\n\nSigorta fonu, bir pozisyon iflas fiyatından daha kötü bir fiyattan kapandığında diğer yatırımcıların zarar görmemesi için kullanılır. Likide olan yatırımcıya teminat iadesi yapmaz. Daha iyi bir haber veremediğim için üzgünüm.\n\nSaygılarımızla,\n{agent_first}\nArbiter Exchange Destek Ekibi"),
                ],
            },
            Script {
                lang: "vi",
                subject: "Bị thanh lý dù giá chưa chạm giá thanh lý",
                turns: &[
                    c("Chào Arbiter,\n\nVị thế long {pair} hợp đồng vĩnh cửu của tôi bị thanh lý vào ngày {date}. Giá thanh lý hiển thị là {price}, nhưng biểu đồ trên app của các bạn KHÔNG HỀ chạm mức đó, râu nến cũng không. Tôi mất sạch ký quỹ. Đề nghị giải thích hoặc hoàn tiền cho tôi.\n\n{customer_first}"),
                    a("Chào anh/chị {customer_first},\n\nCảm ơn anh/chị đã liên hệ. Tôi đã kiểm tra việc thanh lý vị thế {pair} của anh/chị.\n\nTrên Arbiter Futures, việc thanh lý được kích hoạt theo giá đánh dấu (mark price), không phải giá khớp gần nhất hiển thị trên biểu đồ mặc định. Giá đánh dấu được tính từ chỉ số giá của nhiều sàn giao ngay, nhằm tránh thao túng giá trên một sàn duy nhất. Vào ngày {date}, lúc 03:12:41 UTC, giá đánh dấu đã chạm mức thanh lý {price} của anh/chị, trong khi giá khớp gần nhất trên sổ lệnh của chúng tôi vẫn cao hơn một chút.\n\nAnh/chị có thể chuyển biểu đồ sang \"Giá đánh dấu\" trong phần cài đặt biểu đồ để kiểm tra. Tôi đã đính kèm dữ liệu giá đánh dấu và giá chỉ số của phút đó vào yêu cầu {ticket_id}.\n\nTôi rất tiếc về kết quả này. Theo dữ liệu, lệnh thanh lý đã được thực hiện đúng nên chúng tôi không thể hoàn tác. Để giảm rủi ro thanh lý, anh/chị có thể giảm đòn bẩy hoặc nạp thêm ký quỹ để giá thanh lý xa hơn.\n\nTrân trọng,\n{agent_first}\nBộ phận Hỗ trợ Arbiter Exchange"),
                    c("Tôi không biết biểu đồ khác với giá đánh dấu. Vẫn thấy không công bằng nhưng thôi. Có quỹ bảo hiểm nào bù cho trường hợp này không?"),
                    a("Chào anh/chị {customer_first},\n\nQuỹ bảo hiểm được dùng khi một vị thế bị đóng ở mức giá tệ hơn giá phá sản, để các nhà giao dịch khác không bị ảnh hưởng. Quỹ không hoàn lại ký quỹ cho người bị thanh lý. Rất tiếc vì không thể mang đến tin tốt hơn.\n\nTrân trọng,\n{agent_first}\nBộ phận Hỗ trợ Arbiter Exchange"),
                ],
            },
        ],
    },
    Scenario {
        key: "unrecognized_trade_api_bot",
        kind: TicketKind::TradeDispute,
        channel: Channel::Chat,
        queue: "disputes",
        priority: Priority::High,
        tags: &["unrecognized-trade", "api", "account-security"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Trade I didn't make",
                turns: &[
                    c("there are trades in my account I didnt do!! someone sold my {asset}"),
                    a("Hi {customer_first}, I'm {agent_first}. I understand this is alarming, let's look at it right away. First, for your safety: please don't share your password or any 2FA code with anyone, including me."),
                    a("Can you tell me the order number or the time of the trades?"),
                    c("{order_id} last night around 2am. sold everything for USDT"),
                    a("Thank you. That order was placed through an API key created 5 days ago, not from the app. Did you recently create an API key or connect a trading bot or copy-trading service?"),
                    c("oh. yes i connected a bot from a telegram group. but i didnt tell it to sell"),
                    a("That explains it: the key gave the bot permission to trade. I've deleted that API key now, so it can't place any more orders. Withdrawals weren't enabled on it, so your funds are still in your account, in USDT. I'm transferring you to our Trade Disputes team to review the activity, reference {ticket_id}."),
                    s("Chat transferred to Trade Disputes team."),
                ],
            },
            Script {
                lang: "ja",
                subject: "身に覚えのない取引",
                turns: &[
                    c("アカウントに自分がしていない取引があります！！誰かが私の{asset}を売ってる"),
                    a("{customer_name}様、サポート担当の{agent_first}です。ご不安なことと存じます。すぐに確認いたします。まず安全のため、パスワードや2段階認証コードは私を含め誰にもお伝えにならないでください。"),
                    a("該当する注文番号、または取引のおおよその時刻を教えていただけますか？"),
                    c("{order_id} 昨日の夜中2時ごろです。全部USDTに売られてます"),
                    a("ありがとうございます。こちらの注文はアプリからではなく、5日前に作成されたAPIキー経由で発注されております。最近、APIキーを作成されたり、自動売買ボットやコピートレードのサービスを連携されたりしましたでしょうか？"),
                    c("あ…Telegramのグループで紹介されたボットを連携しました。でも売れなんて指示してない"),
                    a("原因はそちらと考えられます。そのAPIキーによってボットに取引権限が付与されておりました。ただいま該当のAPIキーを削除いたしましたので、これ以上注文が出されることはございません。このキーでは出金できない設定だったため、資産はUSDTとしてアカウント内に残っております。取引紛争チームにて内容を確認いたします。受付番号は{ticket_id}です。"),
                    s("Chat transferred to Trade Disputes team."),
                ],
            },
        ],
    },
    Scenario {
        key: "price_wick_stop_hunt",
        kind: TicketKind::TradeDispute,
        channel: Channel::Chat,
        queue: "disputes",
        priority: Priority::Normal,
        tags: &["price-spike", "wick", "market-surveillance"],
        scripts: &[Script {
            lang: "en",
            subject: "Weird price spike only on Arbiter",
            turns: &[
                c("hi, {pair} had a huge wick on your exchange at 09:31, other exchanges didnt. my stop loss got hit"),
                a("Hi {customer_first}, thanks for reporting this. Could you share the order number of the stop that was triggered?"),
                c("{order_id}"),
                a("Thanks. I can confirm there was a short spike on our {pair} spot market at 09:31 UTC, when a large market sell order cleared several price levels. Your stop was triggered by real trades at that level, so it executed as designed."),
                c("so a whale can just hunt my stop and thats it?"),
                a("I understand the frustration. I've escalated the event to our Market Surveillance team ({ticket_id}), who check whether the order was part of abusive trading. If they find manipulation, affected users are contacted. They will update you within 7 business days."),
            ],
        }],
    },
    Scenario {
        key: "order_cancel_race",
        kind: TicketKind::TradeDispute,
        channel: Channel::Email,
        queue: "disputes",
        priority: Priority::Normal,
        tags: &["order-cancel", "app-bug", "order-execution"],
        scripts: &[Script {
            lang: "en",
            subject: "I cancelled my order but it got filled anyway",
            turns: &[
                c("Hello support,\n\nOn {date} I had a limit buy for {asset} at {price}. I pressed cancel in the app, it showed \"Cancelled\", and a minute later I got a notification that it was filled. Now I hold a position I didn't want. Order {order_id}.\n\nPlease reverse it.\n\n{customer_name}"),
                a("Dear {customer_first},\n\nThank you for the detailed report. I checked order {order_id} in our logs: the cancel request from your app reached the matching engine 240 milliseconds after the order had already been fully filled. The app briefly showed \"Cancelled\" because it updated the screen before receiving confirmation from the engine. That's a display bug, and I've reported it to the app team.\n\nBecause the trade was completed before the cancellation, it can't be reversed: the other side of the trade was another customer. I'm sorry for the confusion the app caused.\n\nI've recorded your case as {ticket_id} so it is included in the review of this display issue.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                c("So your app lies to me and I have to pay for it? Not acceptable. Please escalate."),
                a("Dear {customer_first},\n\nI understand. I've escalated your case to the Trading Disputes team for a formal review, including the display issue. You'll receive their answer by email within 5 business days.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
            ],
        }],
    },
    // ------------------------------------------------------------------
    // Card chargebacks
    // ------------------------------------------------------------------
    Scenario {
        key: "chargeback_not_recognized",
        kind: TicketKind::CardChargeback,
        channel: Channel::Email,
        queue: "payments",
        priority: Priority::High,
        tags: &["card", "chargeback", "not-recognized", "recurring-buy"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Unknown charge from Arbiter on my card",
                turns: &[
                    c("Hello,\n\nThere is a charge of {amount} {currency} from ARBITER*EXCH on my {card_network} card ending {card_last4} on {date}. I don't remember buying anything. Was my account hacked? I'm going to dispute it with my bank if I don't hear back today.\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for contacting us so quickly; I understand an unexpected charge is worrying.\n\nI've checked your account ({account_id}). The charge is a Recurring Buy of {asset} that was set up in the app on your {device} and has been running monthly since then. The last purchase on {date} was paid with the card ending {card_last4}, and the {crypto_amount} {asset} it bought is in your Spot wallet. I can't see any signs of unauthorised access: all logins in the last 90 days came from your usual devices.\n\nIf you no longer want the plan, you can cancel it under Buy Crypto > Recurring Buy > Manage.\n\nPlease don't open a dispute with your bank for this transaction. A chargeback on a purchase that was delivered is treated as a payment reversal: the crypto is debited back, card purchases are disabled, and the account may be restricted until any negative balance is settled.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                    c("Oh no, I completely forgot about that plan. I already called the bank this morning and they opened a dispute. What should I do now?"),
                    a("Dear {customer_first},\n\nNo problem, this happens. Please call your bank again and ask them to withdraw (cancel) the dispute for the {amount} {currency} charge from {date}, and cancel the Recurring Buy so it doesn't charge again. If the bank has already given you a provisional credit, they will simply reverse it.\n\nOnce the bank confirms, reply here with the date of your call and I'll add it to your case ({ticket_id}) so our payments team doesn't treat it as a fraud chargeback.\n\nKind regards,\n{agent_first}\nArbiter Exchange Support"),
                ],
            },
            Script {
                lang: "pt",
                subject: "Cobrança desconhecida da Arbiter no meu cartão",
                turns: &[
                    c("Olá,\n\nApareceu uma cobrança de {amount} {currency} de ARBITER*EXCH no meu cartão {card_network} final {card_last4}, em {date}. Não lembro de ter comprado nada. Minha conta foi invadida? Se não tiver resposta hoje vou contestar com o banco.\n\n{customer_name}"),
                    a("Olá, {customer_first},\n\nObrigado por entrar em contato tão rápido; entendo que uma cobrança inesperada preocupa.\n\nVerifiquei sua conta ({account_id}). A cobrança é de uma Compra Recorrente de {asset} configurada pelo app no seu {device}, que vem sendo executada todo mês desde então. A última compra, em {date}, foi paga com o cartão final {card_last4}, e os {crypto_amount} {asset} comprados estão na sua carteira Spot. Não encontrei sinais de acesso não autorizado: todos os logins dos últimos 90 dias vieram dos seus dispositivos habituais.\n\nSe não quiser mais o plano, é possível cancelá-lo em Comprar Cripto > Compra Recorrente > Gerenciar.\n\nPor favor, não abra uma contestação no banco para essa transação. Um chargeback de uma compra que foi entregue é tratado como estorno: a cripto é debitada de volta, as compras com cartão são desativadas e a conta pode ser restringida até que um eventual saldo negativo seja quitado.\n\nAtenciosamente,\n{agent_first}\nSuporte Arbiter Exchange"),
                    c("Nossa, esqueci completamente desse plano. Só que já liguei no banco hoje cedo e eles abriram a contestação. E agora?"),
                    a("Olá, {customer_first},\n\nSem problemas, isso acontece. Ligue novamente para o banco e peça para retirar (cancelar) a contestação da cobrança de {amount} {currency} de {date}, e cancele a Compra Recorrente para que não haja novas cobranças. Se o banco já tiver feito um crédito provisório, ele simplesmente será revertido.\n\nQuando o banco confirmar, responda aqui com a data da ligação que eu incluo no seu caso ({ticket_id}), para que nossa equipe de pagamentos não trate isso como chargeback por fraude.\n\nAtenciosamente,\n{agent_first}\nSuporte Arbiter Exchange"),
                ],
            },
        ],
    },
    Scenario {
        key: "card_purchase_crypto_not_received",
        kind: TicketKind::CardChargeback,
        channel: Channel::Chat,
        queue: "payments",
        priority: Priority::Normal,
        tags: &["card", "crypto-not-received", "card-hold"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Paid by card, no crypto",
                turns: &[
                    c("I paid {amount} {currency} with my card 1 hour ago and I don't have my {asset}"),
                    c("money is already gone from my bank account"),
                    a("Hi {customer_first}, I'm {agent_first}, thanks for reaching out. Let me check the payment for you."),
                    a("I found it. The payment was approved and {crypto_amount} {asset} has been credited to your Spot wallet. As this is your first card purchase, the funds are on a security hold: crypto bought by card can't be withdrawn or sent for up to 72 hours, but you can trade it right away."),
                    c("72 hours?? I want to send it to my wallet now. If I don't get it I'll do a chargeback"),
                    a("I understand the wait is frustrating. The hold protects card holders against stolen card use, and it ends automatically on {date}. A chargeback would reverse the purchase and block card payments on your account, and your bank would see that the crypto was delivered, so it's not the quickest way to get your funds. The fastest route is to wait for the hold to end, then withdraw."),
                    c("ok fine. where can I see when exactly it ends"),
                    a("In Assets > Spot, tap {asset} and you'll see 'Available to withdraw' with the exact release time. Anything else I can help with?"),
                ],
            },
            Script {
                lang: "es",
                subject: "Pagué con tarjeta y no tengo las criptos",
                turns: &[
                    c("pagué {amount} {currency} con la tarjeta hace una hora y no me llegó el {asset}"),
                    c("la plata ya salió de mi cuenta del banco"),
                    a("Hola, {customer_first}, soy {agent_first}. Gracias por escribirnos, reviso el pago ahora mismo."),
                    a("Ya lo encontré. El pago se aprobó y tienes {crypto_amount} {asset} acreditados en tu billetera Spot. Como es tu primera compra con tarjeta, los fondos tienen una retención de seguridad: lo comprado con tarjeta no se puede retirar ni enviar durante un máximo de 72 horas, aunque sí puedes operar con ello desde ya."),
                    c("72 horas?? quiero mandarlo a mi wallet ya. si no, hago un contracargo con el banco"),
                    a("Entiendo que la espera es molesta. La retención protege a los titulares de tarjetas contra el uso de tarjetas robadas y termina automáticamente el {date}. Un contracargo anularía la compra y bloquearía los pagos con tarjeta en tu cuenta, y el banco vería que las criptos sí se entregaron, así que no es la vía más rápida. Lo más rápido es esperar a que termine la retención y luego retirar."),
                    c("bueno ok. dónde veo cuándo termina exactamente"),
                    a("En Activos > Spot, toca {asset} y verás «Disponible para retirar» con la hora exacta de liberación. ¿Te puedo ayudar con algo más?"),
                ],
            },
        ],
    },
    Scenario {
        key: "duplicate_card_charge",
        kind: TicketKind::CardChargeback,
        channel: Channel::Chat,
        queue: "payments",
        priority: Priority::Normal,
        tags: &["card", "duplicate-charge", "authorization-hold"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Charged twice",
                turns: &[
                    c("hi I was charged twice for the same purchase!! {amount} {currency} two times on my card ending {card_last4}"),
                    a("Hi {customer_first}, I'm sorry about that, let me check. Could you tell me the date of the purchase?"),
                    c("{date}, the first payment showed an error so I tried again"),
                    a("Thanks. I can see one successful purchase and one that failed with a 3-D Secure timeout. The failed one was never captured: what you see in your banking app is a temporary authorisation hold, not a charge."),
                    c("but the money is gone from my available balance"),
                    a("Yes, the bank keeps the amount reserved until the authorisation expires. We've already sent the release request, and depending on your bank it disappears within 3–7 business days. If it's still there after 7 days, reply to the confirmation email for case {ticket_id} and we'll send you a release letter for your bank."),
                    c("ok thanks for explaining"),
                ],
            },
            Script {
                lang: "fr",
                subject: "Débité deux fois",
                turns: &[
                    c("bonjour j'ai été débité deux fois pour le même achat !! {amount} {currency} deux fois sur ma carte qui finit par {card_last4}"),
                    a("Bonjour {customer_first}, toutes nos excuses pour ce souci, je regarde tout de suite. Pouvez-vous me donner la date de l'achat ?"),
                    c("le {date}, le premier paiement a affiché une erreur donc j'ai réessayé"),
                    a("Merci. Je vois un achat réussi et un second qui a échoué à cause d'un délai dépassé lors de la validation 3-D Secure. Le second n'a jamais été encaissé : ce que vous voyez dans votre appli bancaire est une pré-autorisation temporaire, pas un débit."),
                    c("mais l'argent n'est plus dispo sur mon compte"),
                    a("Oui, la banque bloque le montant jusqu'à l'expiration de l'autorisation. Nous avons déjà envoyé la demande de libération ; selon votre banque, le montant réapparaît sous 3 à 7 jours ouvrés. S'il est toujours bloqué après 7 jours, répondez à l'e-mail de confirmation du dossier {ticket_id} et nous vous enverrons une attestation pour votre banque."),
                    c("ok merci pour l'explication"),
                ],
            },
        ],
    },
    Scenario {
        key: "chargeback_notice_received",
        kind: TicketKind::CardChargeback,
        channel: Channel::Email,
        queue: "payments",
        priority: Priority::High,
        tags: &["card", "chargeback", "representment", "issuer-notice"],
        scripts: &[Script {
            lang: "en",
            subject: "Chargeback received on your card purchase",
            turns: &[
                s("Chargeback notification from acquirer: {card_network} dispute, reason code {reason_code}, amount {amount} {currency}, card ending {card_last4}, original transaction {date}. Crypto delivered: {crypto_amount} {asset} to {account_id}. Response deadline: 20 days."),
                a("Dear {customer_first},\n\nWe're writing because we have received a chargeback from your card issuer for a card purchase of {amount} {currency} made on {date} with the {card_network} card ending {card_last4}. The bank reported the dispute under reason code {reason_code}.\n\nAccording to our records, this purchase was completed from your account and {crypto_amount} {asset} was delivered to your Spot wallet. While we review the chargeback, card purchases on your account have been paused and an amount equal to the purchase has been placed on hold.\n\nIf you did not authorise this purchase, please reply and let us know, so we can secure your account. If you did make it, please contact your bank to withdraw the dispute and send us any confirmation they provide. Otherwise we will submit evidence of the delivery to your bank (representment).\n\nPlease reply within 7 days.\n\nKind regards,\n{agent_first}\nArbiter Exchange Payments Team"),
                c("I did buy it. I opened the dispute because the price dropped right after and my friend told me the bank would refund me. I didn't know it would block my account. I'll cancel it with the bank, sorry."),
                a("Dear {customer_first},\n\nThank you for your honesty. Please note that a chargeback is only meant for unauthorised or undelivered purchases, not for market losses, and disputing a delivered purchase can lead to card payments being permanently disabled on your account.\n\nOnce your bank confirms the dispute is withdrawn, please forward the confirmation to this email. We will then release the hold and review card payments on your account. Your case reference is {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter Exchange Payments Team"),
            ],
        }],
    },
    Scenario {
        key: "chargeback_negative_balance_restriction",
        kind: TicketKind::CardChargeback,
        channel: Channel::Email,
        queue: "payments",
        priority: Priority::High,
        tags: &["card", "chargeback", "negative-balance", "account-restricted"],
        scripts: &[Script {
            lang: "en",
            subject: "Why is my account frozen??",
            turns: &[
                c("WHY IS MY ACCOUNT FROZEN?! I can't withdraw or trade anything. Nobody told me anything. Fix this immediately.\n\n{customer_name}"),
                a("Dear {customer_first},\n\nI'm sorry for the stress this has caused; let me explain what happened.\n\nOn {date} we received a chargeback from your bank for a card purchase of {amount} {currency} (card ending {card_last4}). The bank returned the money to your card, but the {asset} from that purchase had already been sold and withdrawn, so your account now has a negative balance. When this happens, the account is restricted automatically until the balance is settled. We sent a notification to your registered email when the chargeback arrived; it may have ended up in your spam folder.\n\nThere are two ways to resolve this:\n\n1. If the chargeback was a mistake, ask your bank to withdraw it and send us their confirmation.\n2. Repay the negative balance by depositing the amount to your account; the restriction is lifted automatically once the balance is positive.\n\nYour case reference is {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter Exchange Payments Team"),
                c("I never asked for any chargeback! My bank's fraud system blocked the card after that purchase and sent me a new card. They must have done it automatically."),
                a("Dear {customer_first},\n\nThank you, that's helpful, and it does happen when a bank reissues a card after a fraud alert. Please ask your bank for written confirmation that the transaction on {date} was authorised by you and that they will withdraw the dispute; a short email or letter is enough. Once we receive it, our payments team will review the account within 2 business days.\n\nKind regards,\n{agent_first}\nArbiter Exchange Payments Team"),
            ],
        }],
    },
    Scenario {
        key: "card_refund_demand_after_price_drop",
        kind: TicketKind::CardChargeback,
        channel: Channel::Chat,
        queue: "payments",
        priority: Priority::Normal,
        tags: &["card", "chargeback-threat", "refund", "possible-scam"],
        scripts: &[Script {
            lang: "en",
            subject: "Refund my card purchase",
            turns: &[
                c("I want a refund for my card purchase yesterday. {amount} {currency}"),
                a("Hi {customer_first}, I'm {agent_first}. Could you tell me why you'd like a refund? Was there a problem with the purchase?"),
                c("the price dropped 15% right after i bought. i was told it would go up. just refund it or i'll call my bank and do a chargeback"),
                a("I understand that's disappointing. Crypto purchases are executed at the quoted price and the {crypto_amount} {asset} was delivered to your wallet, so the purchase can't be cancelled or refunded once completed."),
                a("To be transparent: a chargeback is meant for unauthorised or undelivered payments. For a delivered purchase we would send the evidence to your bank, and in the meantime card payments on the account would be disabled and the amount debited from your balance."),
                c("who told me it would go up then?? someone on instagram said to buy here and send it to him to trade"),
                a("Thank you for telling me that. Arbiter Exchange never gives investment advice or contacts customers on Instagram. Please don't send any funds to this person. I'm transferring you to our Fraud team to check this isn't a scam, reference {ticket_id}."),
                s("Chat transferred to Fraud team."),
            ],
        }],
    },
    Scenario {
        key: "stolen_card_cardholder_report",
        kind: TicketKind::CardChargeback,
        channel: Channel::Email,
        queue: "payments",
        priority: Priority::High,
        tags: &["card", "stolen-card", "chargeback", "police-report"],
        scripts: &[Script {
            lang: "en",
            subject: "Someone used my card on your site",
            turns: &[
                c("To whom it may concern,\n\nI received an SMS from my bank about a payment of {amount} {currency} to Arbiter Exchange with my {card_network} card ending {card_last4}. I don't have an account with you and I have never bought crypto. My card has been cancelled and my bank is disputing the payment, but I want to know how you allow this without checking the card owner.\n\n{customer_name}"),
                a("Dear {customer_first},\n\nThank you for letting us know, and I'm sorry this happened to you.\n\nI have located the transaction from {date}. For privacy and legal reasons I can't share details of the account that made the payment, but I can confirm that the card ending {card_last4} is now blocked on our platform, the account involved has been frozen, and our Fraud team is investigating. Card payments on Arbiter Exchange go through 3-D Secure and name checks, but unfortunately criminals sometimes obtain the bank's confirmation codes through phishing.\n\nAs your bank has already opened a dispute, the refund will reach you through the chargeback process, and we won't contest it. If you file a police report, please send us the reference number; we respond directly to police requests.\n\nYour reference with us is {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter Exchange Payments Team"),
                c("Thank you for the quick and clear answer. I have filed a report with the police in {city}, the reference is on the attached document."),
                s("Customer attached police_report.pdf"),
            ],
        }],
    },
    // ------------------------------------------------------------------
    // Fraud claims
    // ------------------------------------------------------------------
    Scenario {
        key: "sim_swap_account_takeover",
        kind: TicketKind::FraudClaim,
        channel: Channel::Chat,
        queue: "fraud",
        priority: Priority::Urgent,
        tags: &["account-takeover", "sim-swap", "unauthorized-withdrawal"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Account hacked - SIM swap",
                turns: &[
                    c("HELP my phone lost signal yesterday and now I got emails that my password was changed and a withdrawal was made!!!"),
                    c("my operator says someone moved my number to a new sim"),
                    a("Hi {customer_first}, I'm {agent_first} from the security team. I'm freezing your account right now so nothing else can be moved. Please stay in this chat."),
                    s("Account {account_id} frozen by agent. Active sessions terminated."),
                    a("Done: your account is frozen and all sessions are logged out. I can see a withdrawal of {crypto_amount} {asset} to {address} on {date}. Before we go further I need to verify your identity, so please complete the face verification link I've just sent to your email. Never share codes or passwords with anyone, including us."),
                    c("ok done. can you get the money back??"),
                    a("Thank you, verification passed. I've escalated this to our Fraud team with reference {ticket_id}. We'll trace the funds and, if they reach an exchange that cooperates, ask them to freeze them. I can't promise recovery, but the sooner we act the better. Please also file a police report and ask your mobile operator for a written statement about the SIM swap; both help the investigation."),
                    c("ok. thank you for acting fast"),
                ],
            },
            Script {
                lang: "es",
                subject: "Me hackearon la cuenta (duplicado de SIM)",
                turns: &[
                    c("AYUDA ayer mi celular se quedó sin señal y ahora me llegan correos de que cambiaron mi contraseña y hicieron un retiro!!!"),
                    c("la operadora dice que alguien pasó mi número a otra sim"),
                    a("Hola, {customer_first}, soy {agent_first}, del equipo de seguridad. Estoy congelando tu cuenta ahora mismo para que no se pueda mover nada más. Por favor, no salgas del chat."),
                    s("Account {account_id} frozen by agent. Active sessions terminated."),
                    a("Listo: tu cuenta está congelada y se cerraron todas las sesiones. Veo un retiro de {crypto_amount} {asset} a la dirección {address} el {date}. Antes de seguir necesito verificar tu identidad: completa la verificación facial del enlace que te acabo de enviar por correo. Nunca compartas códigos ni contraseñas con nadie, tampoco con nosotros."),
                    c("ya lo hice. pueden recuperar la plata??"),
                    a("Gracias, la verificación es correcta. He escalado el caso al equipo de Fraude con la referencia {ticket_id}. Vamos a rastrear los fondos y, si llegan a un exchange que colabore, le pediremos que los congele. No puedo prometerte que se recuperen, pero cuanto antes actuemos, mejor. Te recomiendo también hacer la denuncia policial y pedir a tu operadora un documento sobre el duplicado de la SIM."),
                    c("ok. gracias por actuar tan rápido"),
                ],
            },
            Script {
                lang: "ru",
                subject: "Взлом аккаунта после перевыпуска SIM-карты",
                turns: &[
                    c("ПОМОГИТЕ вчера пропала связь на телефоне а сейчас пришли письма что сменили пароль и сделали вывод!!!"),
                    c("оператор говорит кто-то перевыпустил мою симку"),
                    a("Здравствуйте, {customer_first}! Меня зовут {agent_first}, я из службы безопасности. Прямо сейчас замораживаю ваш аккаунт, чтобы больше ничего нельзя было вывести. Пожалуйста, не закрывайте чат."),
                    s("Account {account_id} frozen by agent. Active sessions terminated."),
                    a("Готово: аккаунт заморожен, все сессии завершены. Вижу вывод {crypto_amount} {asset} на адрес {address} от {date}. Прежде чем продолжить, нужно подтвердить вашу личность — пройдите, пожалуйста, проверку по лицу по ссылке, которая только что пришла вам на почту. Никому не сообщайте пароли и коды, в том числе нам."),
                    c("готово. деньги можно вернуть??"),
                    a("Спасибо, проверка пройдена. Обращение передано в отдел по борьбе с мошенничеством, номер {ticket_id}. Мы отследим средства и, если они попадут на биржу, которая с нами сотрудничает, попросим их заморозить. Гарантировать возврат не могу, но чем быстрее мы действуем, тем выше шансы. Также рекомендую подать заявление в полицию и взять у оператора письменную справку о перевыпуске SIM-карты."),
                    c("ок. спасибо что так быстро"),
                ],
            },
        ],
    },
    Scenario {
        key: "phishing_site_credentials",
        kind: TicketKind::FraudClaim,
        channel: Channel::Email,
        queue: "fraud",
        priority: Priority::Urgent,
        tags: &["phishing", "account-takeover", "security-lock"],
        scripts: &[
            Script {
                lang: "en",
                subject: "I think I entered my login on a fake Arbiter site",
                turns: &[
                    c("Hi,\n\nI got an email saying my account would be suspended unless I verified it. I clicked the link and logged in, it asked for my 2FA code too. Only after that I noticed the address was arbiter-secure-verify dot com. Now I can't log in and I don't know what happened to my balance. Please help, I had about {amount} {currency} in there.\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for contacting us immediately. I have frozen your account ({account_id}) so that no further logins, trades or withdrawals are possible.\n\nUnfortunately the page you used was a phishing site that forwarded your password and 2FA code to criminals in real time. Our logs show that someone logged in from {city}, {country_name} a few minutes after you did, changed your email address and tried to withdraw. Because the email change triggered our 24-hour withdrawal lock, the withdrawal was blocked and your funds are still in the account.\n\nNext steps:\n\n1. We'll send a secure account recovery link to this email address. It includes an identity check with your ID and a selfie.\n2. After recovery, set a new password you haven't used anywhere else and reset your 2FA. We recommend a passkey or an authenticator app instead of SMS.\n3. Check your email account for forwarding rules you didn't create; phishers often add them.\n\nPlease remember: Arbiter Exchange will never threaten to suspend your account by email or ask you to log in through a link. Always type the address yourself or use the app.\n\nYour case reference is {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter Security Team"),
                    c("Thank you so much, I was shaking when I wrote to you. I completed the recovery link. Anything else?"),
                    a("Dear {customer_first},\n\nThe recovery is complete and your account has been unfrozen, with your own email address restored. The 24-hour withdrawal lock after the security changes still applies and expires on {date}. We have also reported the phishing domain so it can be taken down.\n\nKind regards,\n{agent_first}\nArbiter Security Team"),
                ],
            },
            Script {
                lang: "de",
                subject: "Ich habe meine Zugangsdaten auf einer gefälschten Arbiter-Seite eingegeben",
                turns: &[
                    c("Hallo,\n\nich habe eine E-Mail bekommen, dass mein Konto gesperrt wird, wenn ich es nicht verifiziere. Ich habe auf den Link geklickt und mich eingeloggt, es wurde auch nach dem 2FA-Code gefragt. Erst danach habe ich gesehen, dass die Adresse arbiter-secure-verify punkt com war. Jetzt komme ich nicht mehr rein und weiß nicht, was mit meinem Guthaben ist. Bitte helfen Sie mir, da waren ungefähr {amount} {currency} drauf.\n\n{customer_name}"),
                    a("Hallo {customer_first},\n\nvielen Dank, dass Sie sich sofort gemeldet haben. Ich habe Ihr Konto ({account_id}) eingefroren, sodass keine Logins, Trades oder Auszahlungen mehr möglich sind.\n\nLeider handelte es sich um eine Phishing-Seite, die Ihr Passwort und Ihren 2FA-Code in Echtzeit an Kriminelle weitergeleitet hat. Laut unseren Protokollen hat sich wenige Minuten nach Ihnen jemand aus {city}, {country_name} eingeloggt, Ihre E-Mail-Adresse geändert und eine Auszahlung versucht. Da die E-Mail-Änderung unsere 24-stündige Auszahlungssperre ausgelöst hat, wurde die Auszahlung blockiert – Ihr Guthaben ist noch vollständig im Konto.\n\nDie nächsten Schritte:\n\n1. Wir senden Ihnen an diese Adresse einen sicheren Link zur Kontowiederherstellung mit Identitätsprüfung (Ausweis und Selfie).\n2. Vergeben Sie danach ein neues Passwort, das Sie nirgendwo sonst verwenden, und richten Sie die 2FA neu ein. Wir empfehlen einen Passkey oder eine Authenticator-App statt SMS.\n3. Prüfen Sie Ihr E-Mail-Postfach auf Weiterleitungsregeln, die Sie nicht selbst angelegt haben.\n\nBitte denken Sie daran: Arbiter Exchange droht niemals per E-Mail mit einer Kontosperrung und fordert Sie nie auf, sich über einen Link anzumelden. Geben Sie die Adresse immer selbst ein oder nutzen Sie die App.\n\nIhre Vorgangsnummer lautet {ticket_id}.\n\nMit freundlichen Grüßen\n{agent_first}\nArbiter Security Team"),
                    c("Vielen Dank, ich war total aufgelöst. Ich habe die Wiederherstellung abgeschlossen. Muss ich noch etwas tun?"),
                    a("Hallo {customer_first},\n\ndie Wiederherstellung ist abgeschlossen und Ihr Konto ist mit Ihrer eigenen E-Mail-Adresse wieder freigeschaltet. Die 24-stündige Auszahlungssperre nach den Sicherheitsänderungen gilt weiterhin und endet am {date}. Die Phishing-Domain haben wir zur Abschaltung gemeldet.\n\nMit freundlichen Grüßen\n{agent_first}\nArbiter Security Team"),
                ],
            },
        ],
    },
    Scenario {
        key: "unauthorized_withdrawal_malware",
        kind: TicketKind::FraudClaim,
        channel: Channel::Chat,
        queue: "fraud",
        priority: Priority::Urgent,
        tags: &["unauthorized-withdrawal", "malware", "account-security"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Withdrawal I didn't make",
                turns: &[
                    c("I just got an email that {crypto_amount} {asset} was withdrawn from my account. IT WASN'T ME"),
                    a("Hi {customer_first}, I'm {agent_first}. I'm securing your account first, one moment."),
                    s("Account {account_id} frozen by agent."),
                    a("Your account is frozen now. The withdrawal went to {address} on the {network} network, TXID {txid}. It was confirmed with your password, the email code and your authenticator code, from a device we haven't seen before ({device})."),
                    c("thats not my phone. I have the authenticator on my phone and nobody has it"),
                    a("Understood. Have you recently installed any remote-access app (like AnyDesk or TeamViewer) or a browser extension, or entered your codes on a site other than Arbiter?"),
                    c("I installed a wallet extension in chrome yesterday... oh no"),
                    a("That may be how the codes were captured. Please remove the extension and scan the computer. I've opened a Fraud case, {ticket_id}; the team will trace the funds and contact you by email within 24 hours. Please don't pay anyone who offers to recover your crypto, that is always a scam."),
                ],
            },
            Script {
                lang: "fr",
                subject: "Retrait que je n'ai pas fait",
                turns: &[
                    c("je viens de recevoir un mail comme quoi {crypto_amount} {asset} ont été retirés de mon compte. CE N'EST PAS MOI"),
                    a("Bonjour {customer_first}, je suis {agent_first}. Je sécurise d'abord votre compte, un instant."),
                    s("Account {account_id} frozen by agent."),
                    a("Votre compte est maintenant gelé. Le retrait a été envoyé à l'adresse {address} sur le réseau {network}, TXID {txid}. Il a été validé avec votre mot de passe, le code e-mail et le code de votre application d'authentification, depuis un appareil inconnu ({device})."),
                    c("c'est pas mon téléphone. l'appli d'authentification est sur mon tel et personne d'autre n'y a accès"),
                    a("Entendu. Avez-vous récemment installé un logiciel de prise en main à distance (AnyDesk, TeamViewer...) ou une extension de navigateur, ou saisi vos codes sur un autre site qu'Arbiter ?"),
                    c("j'ai installé une extension de wallet sur chrome hier... oh non"),
                    a("C'est peut-être par là que vos codes ont été interceptés. Supprimez cette extension et lancez une analyse antivirus. J'ai ouvert un dossier fraude, {ticket_id} : l'équipe va tracer les fonds et vous contactera par e-mail sous 24 h. Ne payez jamais quelqu'un qui vous propose de récupérer vos cryptos, c'est toujours une arnaque."),
                ],
            },
            Script {
                lang: "ko",
                subject: "제가 하지 않은 출금",
                turns: &[
                    c("방금 제 계정에서 {crypto_amount} {asset} 출금됐다는 메일 받았어요. 저 아니에요!!"),
                    a("{customer_name} 고객님, 상담원 {agent_first}입니다. 먼저 계정부터 보호 조치하겠습니다. 잠시만 기다려 주세요."),
                    s("Account {account_id} frozen by agent."),
                    a("계정이 동결되었습니다. 해당 출금은 {network} 네트워크의 {address} 주소로 전송되었고, TXID는 {txid}입니다. 고객님의 비밀번호, 이메일 인증 코드, OTP 코드로 승인되었으며, 이전에 사용된 적 없는 기기({device})에서 요청되었습니다."),
                    c("제 폰 아니에요. OTP 앱은 제 폰에만 있고 아무도 못 써요"),
                    a("알겠습니다. 최근에 원격 제어 프로그램(AnyDesk, TeamViewer 등)이나 브라우저 확장 프로그램을 설치하셨거나, Arbiter가 아닌 다른 사이트에 인증 코드를 입력하신 적이 있으신가요?"),
                    c("어제 크롬에 지갑 확장 프로그램 하나 깔았는데... 설마"),
                    a("그 경로로 인증 코드가 유출되었을 가능성이 있습니다. 해당 확장 프로그램을 삭제하시고 PC 백신 검사를 진행해 주세요. 사기 대응 건({ticket_id})을 접수했으며, 담당팀이 자금 흐름을 추적한 뒤 24시간 이내에 이메일로 연락드릴 예정입니다. 자금을 되찾아 주겠다며 비용을 요구하는 사람에게는 절대 돈을 보내지 마세요. 100% 사기입니다."),
                ],
            },
        ],
    },
    Scenario {
        key: "pig_butchering_investment_scam",
        kind: TicketKind::FraudClaim,
        channel: Channel::Email,
        queue: "fraud",
        priority: Priority::High,
        tags: &["scam", "investment-scam", "pig-butchering", "romance-scam"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Can't withdraw from investment platform, they want more fees",
                turns: &[
                    c("Dear Arbiter team,\n\nFor the past 2 months I have been investing with a financial mentor I met on a dating app. He taught me to buy USDT on Arbiter and send it to a trading platform, and my balance there has grown to over 80,000 USD. Now I want to withdraw, and the platform says I must pay a 20% tax first. I've already sent {crypto_amount} {asset} from my Arbiter account. He says I should pay the tax quickly or my account will be frozen.\n\nCan you confirm whether this platform is legitimate? I don't know what to do. The address I send to is {address}.\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for writing to us before sending anything else. I'm very sorry to tell you that what you describe matches a well-known investment scam, sometimes called \"pig butchering\". The scammer builds trust over weeks, shows growing profits on a fake trading website, and then asks for \"taxes\" or \"fees\" to release the money. No real platform requires you to pay tax in advance to withdraw, and the balance shown on that website does not exist.\n\nPlease do not send any more funds to {address} or anywhere else the mentor tells you.\n\nWe have:\n\n- flagged the address in our systems and reported it to our blockchain analytics partner;\n- opened a fraud case with reference {ticket_id}.\n\nWe strongly recommend reporting this to the police and keeping all your conversations with this person. Please be careful: scammers often contact victims afterwards pretending to be \"recovery agents\" or lawyers. They are scammers too.\n\nI know this is very hard news. If you have any questions, just reply to this email.\n\nKind regards,\n{agent_first}\nArbiter Exchange Fraud Team"),
                    c("I can't believe it. He seemed so genuine, we talked every day. Is there any chance to get back what I already sent? It was most of my savings."),
                    a("Dear {customer_first},\n\nI'm truly sorry. I'll be honest with you: once crypto has been sent to an external address, we cannot reverse the transaction. Our Fraud team is tracing where the funds went, and if they reach an exchange that cooperates with law enforcement, that exchange may freeze them. This usually requires a police report, so please file one and send us the reference number.\n\nPlease also stop all contact with the mentor and don't send him any more money, whatever he says.\n\nKind regards,\n{agent_first}\nArbiter Exchange Fraud Team"),
                ],
            },
            Script {
                lang: "pt",
                subject: "Não consigo sacar da plataforma de investimento, pedem mais taxas",
                turns: &[
                    c("Prezada equipe Arbiter,\n\nHá 2 meses venho investindo com um mentor financeiro que conheci num app de relacionamento. Ele me ensinou a comprar USDT na Arbiter e enviar para uma plataforma de trading, e meu saldo lá já passa de 80 mil dólares. Agora quero sacar, e a plataforma diz que preciso pagar 20% de imposto antes. Já enviei {crypto_amount} {asset} da minha conta Arbiter. Ele diz que tenho que pagar rápido, senão a conta será bloqueada.\n\nVocês podem confirmar se essa plataforma é confiável? Não sei o que fazer. O endereço para onde envio é {address}.\n\n{customer_name}"),
                    a("Olá, {customer_first},\n\nObrigado por nos escrever antes de enviar qualquer outro valor. Infelizmente, o que você descreve corresponde a um golpe de investimento muito conhecido, chamado \"pig butchering\". O golpista ganha sua confiança durante semanas, mostra lucros crescentes num site de trading falso e depois pede \"impostos\" ou \"taxas\" para liberar o dinheiro. Nenhuma plataforma séria exige pagamento antecipado de imposto para sacar, e o saldo mostrado nesse site não existe.\n\nPor favor, não envie mais nada para {address} nem para qualquer outro endereço indicado pelo mentor.\n\nDo nosso lado, nós:\n\n- sinalizamos o endereço nos nossos sistemas e o reportamos ao nosso parceiro de análise de blockchain;\n- abrimos um caso de fraude com o protocolo {ticket_id}.\n\nRecomendamos fortemente registrar uma ocorrência na polícia e guardar todas as conversas com essa pessoa. Cuidado também: é comum os golpistas voltarem a procurar as vítimas se passando por \"empresas de recuperação\" ou advogados. Também são golpistas.\n\nSei que esta notícia é muito difícil. Se tiver qualquer dúvida, é só responder a este e-mail.\n\nAtenciosamente,\n{agent_first}\nEquipe Antifraude Arbiter Exchange"),
                    c("Não consigo acreditar. Ele parecia tão sincero, a gente conversava todo dia. Tem alguma chance de recuperar o que já mandei? Era quase toda a minha poupança."),
                    a("Olá, {customer_first},\n\nSinto muito, de verdade. Quero ser transparente com você: depois que a cripto é enviada para um endereço externo, não conseguimos reverter a transação. Nossa equipe antifraude está rastreando o destino dos fundos e, se eles chegarem a uma exchange que coopere com as autoridades, ela poderá congelá-los. Normalmente isso exige um registro policial, então, por favor, registre a ocorrência e nos envie o número.\n\nE, por favor, corte o contato com o mentor e não envie mais nenhum valor, diga ele o que disser.\n\nAtenciosamente,\n{agent_first}\nEquipe Antifraude Arbiter Exchange"),
                ],
            },
            Script {
                lang: "zh",
                subject: "投資平台無法出金，還要我再繳稅金",
                turns: &[
                    c("Arbiter 客服您好：\n\n這兩個月我跟一位在交友軟體上認識的「投資導師」學投資。他教我在 Arbiter 買 USDT，再轉到一個交易平台，現在那邊的帳戶餘額已經超過 8 萬美元。我想出金，平台卻說要先繳 20% 的稅金才能提領。我已經從 Arbiter 帳戶轉出了 {crypto_amount} {asset}，他一直催我趕快繳，不然帳戶會被凍結。\n\n請問這個平台是合法的嗎？我真的不知道該怎麼辦。我轉帳的地址是 {address}。\n\n{customer_name}"),
                    a("{customer_name} 您好：\n\n謝謝您在繼續轉帳之前先聯絡我們。很遺憾地告訴您，您描述的情況與常見的「殺豬盤」投資詐騙完全吻合：詐騙者會花數週時間建立信任，在假的交易網站上顯示不斷增加的獲利，最後再以「稅金」或「手續費」為由要求付款。正規平台不會要求您先繳稅才能出金，該網站顯示的餘額並不存在。\n\n請不要再轉任何款項到 {address}，或對方提供的任何其他地址。\n\n我們已經：\n\n- 在系統中標記該地址，並通報給我們的區塊鏈分析合作夥伴；\n- 建立詐騙案件，編號為 {ticket_id}。\n\n強烈建議您向當地警方報案，並保留與對方的所有對話紀錄。也請提高警覺：詐騙集團常會在事後假冒「追回資金公司」或律師再次聯絡受害者，那同樣是詐騙。\n\n我知道這個消息很難接受。如有任何問題，請直接回覆此信。\n\nArbiter Exchange 反詐騙團隊\n{agent_first} 敬上"),
                    c("我真的不敢相信，他看起來那麼真誠，我們每天都聊天。已經轉出去的錢還有機會拿回來嗎？那幾乎是我全部的積蓄。"),
                    a("{customer_name} 您好：\n\n真的非常遺憾。坦白說，加密貨幣一旦轉到外部地址，我們無法撤回該筆交易。我們的反詐騙團隊正在追蹤資金流向，如果資金流入願意配合執法單位的交易所，對方有可能凍結這些資金，但通常需要警方的報案資料，因此請您盡快報案，並將報案編號回覆給我們。\n\n也請立即停止與這位「導師」聯絡，不論他怎麼說，都不要再匯任何款項。\n\nArbiter Exchange 反詐騙團隊\n{agent_first} 敬上"),
                ],
            },
        ],
    },
    Scenario {
        key: "fake_support_telegram",
        kind: TicketKind::FraudClaim,
        channel: Channel::Chat,
        queue: "fraud",
        priority: Priority::High,
        tags: &["scam", "impersonation", "telegram"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Telegram support asked me to move funds",
                turns: &[
                    c("hi is this the real support? someone from Arbiter Support on telegram says my account is compromised and i have to move my funds to a safe wallet"),
                    a("Hi {customer_first}, yes, you're in the official support chat inside the Arbiter app. Arbiter Exchange does not provide support via Telegram, WhatsApp or phone calls. The person you're talking to is a scammer."),
                    c("but he knew my email and my UID"),
                    a("Scammers often get email addresses from data leaks and ask for the UID in a friendly way first. Have you sent any funds or shared any codes with him?"),
                    c("i sent {crypto_amount} {asset} to the safe wallet 10 min ago... he said to send the rest now"),
                    a("Please don't send anything else and stop replying to him. I'm securing your account and opening a Fraud case ({ticket_id}) with the address you sent to, so our team can flag it and trace the funds. Can you paste the address here?"),
                    c("{address}"),
                    s("Chat transferred to Fraud team."),
                ],
            },
            Script {
                lang: "tr",
                subject: "Telegram'daki destek fonlarımı taşımamı istedi",
                turns: &[
                    c("merhaba bu gerçek destek mi? telegramda Arbiter Support diye biri hesabımın ele geçirildiğini, fonlarımı güvenli cüzdana taşımam gerektiğini söylüyor"),
                    a("Merhaba {customer_first}, evet, şu anda Arbiter uygulamasının içindeki resmi destek sohbetindesiniz. Arbiter Exchange Telegram, WhatsApp veya telefon üzerinden destek vermez. Konuştuğunuz kişi bir dolandırıcı."),
                    c("ama mailimi ve UID'mi biliyordu"),
                    a("Dolandırıcılar e-posta adreslerini genelde veri sızıntılarından alır, UID'yi de önce samimi bir şekilde sorarlar. Bu kişiye herhangi bir fon gönderdiniz veya kod paylaştınız mı?"),
                    c("10 dk önce güvenli cüzdana {crypto_amount} {asset} gönderdim... kalanını da şimdi göndermemi söyledi"),
                    a("Lütfen başka hiçbir şey göndermeyin ve ona cevap vermeyi bırakın. Hesabınızı güvenceye alıyorum ve gönderdiğiniz adresle bir dolandırıcılık kaydı ({ticket_id}) açıyorum; böylece ekibimiz adresi işaretleyip fonların izini sürebilir. Adresi buraya yapıştırabilir misiniz?"),
                    c("{address}"),
                    s("Chat transferred to Fraud team."),
                ],
            },
            Script {
                lang: "vi",
                subject: "Hỗ trợ trên Telegram bảo tôi chuyển tiền",
                turns: &[
                    c("chào, đây có phải hỗ trợ thật không? có người tên Arbiter Support trên telegram nói tài khoản mình bị xâm nhập, bảo mình chuyển hết tiền sang ví an toàn"),
                    a("Chào anh/chị {customer_first}, đúng rồi ạ, anh/chị đang trò chuyện với bộ phận hỗ trợ chính thức trong ứng dụng Arbiter. Arbiter Exchange không hỗ trợ qua Telegram, Zalo, WhatsApp hay gọi điện. Người đang nhắn với anh/chị là kẻ lừa đảo."),
                    c("nhưng nó biết email với UID của mình"),
                    a("Kẻ gian thường lấy email từ các vụ rò rỉ dữ liệu và hỏi UID một cách thân thiện trước. Anh/chị đã gửi tiền hoặc chia sẻ mã xác thực nào cho người đó chưa ạ?"),
                    c("mình gửi {crypto_amount} {asset} vào ví an toàn 10 phút trước rồi... nó bảo gửi nốt phần còn lại"),
                    a("Anh/chị đừng gửi thêm gì nữa và ngừng trả lời người đó nhé. Em đang bảo vệ tài khoản và mở hồ sơ lừa đảo ({ticket_id}) với địa chỉ anh/chị đã gửi tới, để đội ngũ bên em gắn cờ và truy vết dòng tiền. Anh/chị dán địa chỉ ví đó vào đây giúp em được không?"),
                    c("{address}"),
                    s("Chat transferred to Fraud team."),
                ],
            },
        ],
    },
    Scenario {
        key: "email_changed_not_me",
        kind: TicketKind::FraudClaim,
        channel: Channel::Email,
        queue: "fraud",
        priority: Priority::Urgent,
        tags: &["account-takeover", "security-change", "credential-stuffing"],
        scripts: &[Script {
            lang: "en",
            subject: "Email changed on my account - not me!!!",
            turns: &[
                c("I just got a notification that the email address on my account was changed. I DID NOT DO THIS. I can still log in on my phone app but not on the web. Please freeze everything now!\n\nAccount {account_id}"),
                a("Dear {customer_first},\n\nThank you for alerting us so quickly. Your account has been frozen: trading, withdrawals and API access are blocked and all sessions have been logged out.\n\nThe email change was made on {date} from a browser on a {device} in {city}, {country_name}, after a successful login with your password and SMS code. Because security changes lock withdrawals for 24 hours, no funds have left your account.\n\nTo restore access we need to confirm your identity. Please complete the verification link we've sent to your original email address. Please do not send your password or any verification codes by email; we will never ask for them.\n\nYour case reference is {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter Security Team"),
                c("Done, I did the selfie. I think it was a password I used on another site that got hacked. Can you also remove SMS and use the authenticator?"),
                a("Dear {customer_first},\n\nThank you, your identity is confirmed and your original email address has been restored. When you log in, you'll be asked to set a new password, and you can then enable the authenticator under Profile > Security. Using a unique password for Arbiter is the best protection against this kind of attack.\n\nThe account will be unfrozen once the new password is set; the 24-hour withdrawal lock applies after that.\n\nKind regards,\n{agent_first}\nArbiter Security Team"),
            ],
        }],
    },
    Scenario {
        key: "recovery_scam_follow_up",
        kind: TicketKind::FraudClaim,
        channel: Channel::Email,
        queue: "fraud",
        priority: Priority::Normal,
        tags: &["scam", "recovery-scam", "impersonation"],
        scripts: &[Script {
            lang: "en",
            subject: "Recovery company says they can get my crypto back",
            turns: &[
                c("Hello,\n\nLast month I lost funds to a fake investment site and reported it to you. Now a company called ChainTrace Recovery contacted me saying they work with Arbiter Exchange and can recover my {asset} if I pay a 10% fee upfront. They sent me a letter with your logo. Is this real?\n\n{customer_first}"),
                a("Dear {customer_first},\n\nThank you for checking with us first. We do not work with any recovery company, and we never ask victims to pay a fee to get funds back. The letter with our logo is fake. This is a recovery scam: criminals target people who have already lost money, often using information from the first scam.\n\nPlease don't pay them or share any personal documents, and stop responding. Any update on your original case will come only from this email thread or through the app.\n\nKind regards,\n{agent_first}\nArbiter Exchange Fraud Team"),
                c("Thanks. I'll block them. Could you add their details to my case?"),
                a("Dear {customer_first},\n\nOf course. I've added the company name and the letter to case {ticket_id} and passed them on to our Fraud team, who share this kind of information with law enforcement.\n\nKind regards,\n{agent_first}\nArbiter Exchange Fraud Team"),
            ],
        }],
    },
    // ------------------------------------------------------------------
    // P2P disputes
    // ------------------------------------------------------------------
    Scenario {
        key: "p2p_buyer_marked_paid_no_money",
        kind: TicketKind::P2pDispute,
        channel: Channel::Chat,
        queue: "p2p",
        priority: Priority::High,
        tags: &["p2p", "payment-not-received", "seller", "appeal"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Buyer marked as paid but no money",
                turns: &[
                    c("buyer clicked paid on order {order_id} 40 mins ago but no money in my bank"),
                    c("he keeps messaging me to release"),
                    a("Hi {customer_first}, I'm {agent_first} from the P2P team. Please do NOT release the {asset} until you see {amount} {currency} in your own bank account. Screenshots from the buyer are not proof of payment."),
                    c("he sent me a screenshot of the transfer tho"),
                    a("Screenshots are easy to edit. Please open your banking app directly and check for an incoming payment. Instant transfers usually arrive within minutes, but some banks hold first-time payments for review."),
                    c("nothing there"),
                    a("Thank you. I've opened an appeal on order {order_id}, so the {crypto_amount} {asset} stays locked in escrow and can't be lost. I've asked the buyer to upload their bank's official payment confirmation within 3 hours. If the payment isn't confirmed, the order will be cancelled and the {asset} returned to you. You'll be notified in the order chat."),
                ],
            },
            Script {
                lang: "pt",
                subject: "Comprador marcou como pago mas o dinheiro não chegou",
                turns: &[
                    c("o comprador clicou em pago na ordem {order_id} faz 40 min e não caiu nada na minha conta"),
                    c("ele fica mandando mensagem pra eu liberar"),
                    a("Olá, {customer_first}, aqui é {agent_first}, da equipe P2P. Por favor, NÃO libere o {asset} até ver {amount} {currency} na sua própria conta bancária. Print enviado pelo comprador não é comprovante de pagamento."),
                    c("mas ele me mandou print da transferência"),
                    a("Prints são muito fáceis de editar. Abra o app do seu banco e confira se o pagamento entrou. Transferências instantâneas costumam cair em segundos, mas alguns bancos seguram transferências de remetentes novos para análise."),
                    c("não tem nada lá"),
                    a("Obrigado. Abri uma contestação na ordem {order_id}, então os {crypto_amount} {asset} continuam bloqueados no escrow e não correm risco. Pedi ao comprador que envie o comprovante oficial do banco em até 3 horas. Se o pagamento não for confirmado, a ordem será cancelada e o {asset} volta pra você. Você será avisado no chat da ordem."),
                ],
            },
            Script {
                lang: "vi",
                subject: "Người mua bấm đã thanh toán nhưng chưa nhận được tiền",
                turns: &[
                    c("người mua bấm đã thanh toán lệnh {order_id} 40 phút rồi mà tài khoản ngân hàng mình chưa thấy tiền"),
                    c("nó cứ nhắn hối mình giải phóng coin"),
                    a("Chào anh/chị {customer_first}, em là {agent_first} bên hỗ trợ P2P. Anh/chị tuyệt đối KHÔNG giải phóng {asset} cho đến khi thấy đủ {amount} {currency} trong tài khoản ngân hàng của chính mình nhé. Ảnh chụp màn hình người mua gửi không phải là bằng chứng thanh toán."),
                    c("nhưng nó gửi bill chuyển khoản rồi mà"),
                    a("Bill chuyển khoản rất dễ bị chỉnh sửa. Anh/chị vui lòng mở trực tiếp app ngân hàng để kiểm tra. Chuyển khoản nhanh 24/7 thường đến trong vài giây đến vài phút."),
                    c("không có gì hết"),
                    a("Cảm ơn anh/chị. Em đã mở khiếu nại cho lệnh {order_id}, nên {crypto_amount} {asset} vẫn được khóa an toàn trong ký quỹ. Người mua phải tải lên xác nhận chính thức từ ngân hàng trong vòng 3 giờ. Nếu không xác nhận được thanh toán, lệnh sẽ bị hủy và {asset} được hoàn lại cho anh/chị. Mã hỗ trợ: {ticket_id}."),
                ],
            },
        ],
    },
    Scenario {
        key: "p2p_seller_not_releasing",
        kind: TicketKind::P2pDispute,
        channel: Channel::Chat,
        queue: "p2p",
        priority: Priority::High,
        tags: &["p2p", "seller-not-releasing", "buyer", "appeal"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Seller not releasing my crypto",
                turns: &[
                    c("I paid the seller {amount} {currency} an hour ago and he still didnt release. he's not answering the chat"),
                    c("order {order_id}"),
                    a("Hi {customer_first}, thanks for contacting us. I can see the order is marked as paid and the seller's {crypto_amount} {asset} is locked in escrow, so it's safe and the seller can't move it."),
                    a("Could you upload proof of payment in the order chat? A PDF receipt or a screenshot from your banking app showing the recipient name and reference works best."),
                    s("Customer uploaded payment_receipt.pdf"),
                    a("Thank you. I've opened an appeal and asked the seller to respond. If the seller doesn't confirm within the appeal window, a P2P specialist will check your evidence and release the {asset} to you if the payment is verified. This usually takes 2–6 hours."),
                    c("what if the seller says he didnt get it"),
                    a("Then we'll ask both of you for bank statements. The seller can't post new P2P ads while the appeal is open. Your reference is {ticket_id}."),
                ],
            },
            Script {
                lang: "es",
                subject: "El vendedor no libera mis criptos",
                turns: &[
                    c("le pagué {amount} {currency} al vendedor hace una hora y todavía no libera. no contesta el chat"),
                    c("orden {order_id}"),
                    a("Hola, {customer_first}, gracias por contactarnos. Veo que la orden está marcada como pagada y los {crypto_amount} {asset} del vendedor están bloqueados en garantía (escrow), así que están seguros y el vendedor no puede moverlos."),
                    a("¿Puedes subir el comprobante de pago en el chat de la orden? Lo ideal es el PDF o una captura de tu app bancaria donde se vea el nombre del destinatario y la referencia."),
                    s("Customer uploaded comprobante_pago.pdf"),
                    a("Gracias. He abierto una apelación y le he pedido al vendedor que responda. Si no confirma dentro del plazo de la apelación, un especialista de P2P revisará tus pruebas y, si el pago se verifica, te liberará el {asset}. Suele tardar entre 2 y 6 horas."),
                    c("y si el vendedor dice que no le llegó?"),
                    a("Entonces pediremos extractos bancarios a los dos. Mientras la apelación esté abierta, el vendedor no puede publicar anuncios P2P nuevos. Tu referencia es {ticket_id}."),
                ],
            },
            Script {
                lang: "tr",
                subject: "Satıcı kriptoyu serbest bırakmıyor",
                turns: &[
                    c("satıcıya 1 saat önce {amount} {currency} gönderdim hala serbest bırakmadı. chatte cevap da vermiyor"),
                    c("emir no {order_id}"),
                    a("Merhaba {customer_first}, bize ulaştığınız için teşekkürler. Emrin ödendi olarak işaretlendiğini ve satıcının {crypto_amount} {asset} tutarının emanet hesabında kilitli olduğunu görüyorum. Yani varlıklar güvende, satıcı bunları hareket ettiremez."),
                    a("Emir sohbetine ödeme dekontunu yükleyebilir misiniz? Alıcı adının ve açıklamanın göründüğü banka dekontu (PDF) en iyisi olur."),
                    s("Customer uploaded dekont.pdf"),
                    a("Teşekkürler. İtiraz kaydı açtım ve satıcıdan yanıt istedim. Satıcı itiraz süresi içinde onay vermezse bir P2P uzmanı belgelerinizi inceleyecek ve ödeme doğrulanırsa {asset} size aktarılacak. Bu genelde 2–6 saat sürüyor."),
                    c("ya satıcı para gelmedi derse?"),
                    a("O durumda her iki taraftan da banka hesap dökümü isteyeceğiz. İtiraz açık olduğu sürece satıcı yeni P2P ilanı açamaz. Talep numaranız: {ticket_id}."),
                ],
            },
        ],
    },
    Scenario {
        key: "p2p_third_party_payment",
        kind: TicketKind::P2pDispute,
        channel: Channel::Email,
        queue: "p2p",
        priority: Priority::High,
        tags: &["p2p", "third-party-payment", "triangulation"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Payment received from a different name than the buyer",
                turns: &[
                    c("Hello,\n\nI'm a P2P merchant. On order {order_id} the buyer's verified name on Arbiter is a man's name, but the {amount} {currency} arrived in my bank account from a company with a different name. I haven't released yet. The buyer is pressuring me and says it's his business account. What should I do?\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nThank you for checking with us before releasing; you've done exactly the right thing.\n\nOur P2P rules require the payment to come from an account in the buyer's own verified name. Payments from a third party are a common sign of triangulation fraud: a scammer sells a fake item to someone else and tells that victim to pay you, while the scammer collects your crypto. When the victim realises, they report the transfer to their bank and you lose both the money and the crypto.\n\nPlease:\n\n1. Do not release the {asset}.\n2. Open an appeal on order {order_id} and choose \"Payment from third party\".\n3. Return the {amount} {currency} to the account it came from (that account only) and upload proof of the refund to the appeal.\n\nOnce the refund is confirmed, we will cancel the order and unlock your {asset}. We have restricted the buyer's P2P access while we investigate.\n\nYour case reference is {ticket_id}.\n\nKind regards,\n{agent_first}\nArbiter P2P Team"),
                    c("Thank you. I sent the money back to the company account and uploaded the receipt to the appeal. The buyer is now insulting me in the chat."),
                    a("Dear {customer_first},\n\nThank you, we have received the refund proof, cancelled the order and returned the {crypto_amount} {asset} to your P2P wallet. The buyer's account has been suspended pending investigation, so you won't receive further messages from them.\n\nKind regards,\n{agent_first}\nArbiter P2P Team"),
                ],
            },
            Script {
                lang: "fr",
                subject: "Paiement reçu d'un autre nom que celui de l'acheteur",
                turns: &[
                    c("Bonjour,\n\nJe suis marchand P2P. Sur l'ordre {order_id}, le nom vérifié de l'acheteur sur Arbiter est celui d'un homme, mais les {amount} {currency} sont arrivés sur mon compte bancaire depuis une société avec un autre nom. Je n'ai pas encore libéré. L'acheteur me met la pression et dit que c'est le compte de son entreprise. Que dois-je faire ?\n\n{customer_name}"),
                    a("Bonjour {customer_first},\n\nMerci de nous avoir contactés avant de libérer les fonds : c'est exactement le bon réflexe.\n\nNos règles P2P exigent que le paiement provienne d'un compte au nom vérifié de l'acheteur. Un paiement par un tiers est un signe classique de fraude par triangulation : un escroc vend un faux produit à une autre personne et lui demande de vous payer, pendant qu'il récupère vos cryptos. Quand la victime s'en rend compte, elle conteste le virement auprès de sa banque et vous perdez à la fois l'argent et les cryptos.\n\nVoici ce que nous vous demandons :\n\n1. Ne libérez pas les {asset}.\n2. Ouvrez un litige sur l'ordre {order_id} en choisissant « Paiement par un tiers ».\n3. Remboursez les {amount} {currency} sur le compte d'origine, et uniquement celui-ci, puis joignez la preuve du remboursement au litige.\n\nDès que le remboursement sera confirmé, nous annulerons l'ordre et débloquerons vos {asset}. L'accès P2P de l'acheteur est suspendu pendant notre enquête.\n\nVotre référence : {ticket_id}.\n\nCordialement,\n{agent_first}\nÉquipe P2P Arbiter"),
                    c("Merci. J'ai renvoyé l'argent sur le compte de la société et ajouté le justificatif au litige. L'acheteur m'insulte maintenant dans le chat."),
                    a("Bonjour {customer_first},\n\nMerci, nous avons bien reçu la preuve de remboursement. L'ordre est annulé et les {crypto_amount} {asset} ont été restitués sur votre portefeuille P2P. Le compte de l'acheteur est suspendu le temps de l'enquête, vous ne recevrez donc plus de messages de sa part.\n\nCordialement,\n{agent_first}\nÉquipe P2P Arbiter"),
                ],
            },
        ],
    },
    Scenario {
        key: "p2p_bank_reversal_after_release",
        kind: TicketKind::P2pDispute,
        channel: Channel::Email,
        queue: "p2p",
        priority: Priority::Urgent,
        tags: &["p2p", "bank-reversal", "chargeback", "seller"],
        scripts: &[
            Script {
                lang: "en",
                subject: "Bank reversed the P2P payment after I released",
                turns: &[
                    c("Hello,\n\nOn {date} I sold {crypto_amount} {asset} on P2P, order {order_id}. I received {amount} {currency} in my bank and released. Today my bank took the money back; they say the sender reported the transfer as fraud. So I have no money and no crypto. And the buyer's account is still active on your platform! I need you to freeze him and return my crypto.\n\n{customer_name}"),
                    a("Dear {customer_first},\n\nI'm sorry this happened, and thank you for reporting it quickly. I've opened a P2P fraud case ({ticket_id}) and our team has frozen the buyer's account, including any assets still in it.\n\nTo continue, we need:\n\n1. The letter or message from your bank confirming the reversal and its reason.\n2. A bank statement showing the original incoming payment and the reversal.\n3. A police report, if you have filed one.\n\nPlease understand that the crypto you released was transferred to the buyer, and we can't guarantee its return. If the buyer's account still holds funds, they will be used to compensate you once the investigation is complete, in line with our P2P terms. Investigations like this usually take 10 to 15 business days.\n\nKind regards,\n{agent_first}\nArbiter P2P Team"),
                    c("I've attached the bank letter and the statement. The police report will be ready next week."),
                    s("Customer attached bank_letter.pdf, statement.pdf"),
                ],
            },
            Script {
                lang: "ru",
                subject: "Банк отозвал платёж по P2P-сделке после разблокировки криптовалюты",
                turns: &[
                    c("Здравствуйте.\n\n{date} по P2P-ордеру {order_id} была продажа {crypto_amount} {asset}. Деньги {amount} {currency} поступили на счёт, после чего криптовалюта была отпущена покупателю. А сегодня банк списал эти деньги обратно — говорят, отправитель заявил о мошенничестве. В итоге ни денег, ни крипты. А аккаунт покупателя у вас до сих пор активен! Требую заблокировать его и вернуть мне криптовалюту.\n\n{customer_name}"),
                    a("Здравствуйте, {customer_first}!\n\nНам очень жаль, что так произошло, спасибо, что быстро сообщили. Мы открыли дело о мошенничестве в P2P ({ticket_id}), и аккаунт покупателя уже заморожен вместе со всеми активами на нём.\n\nДля продолжения расследования нам нужны:\n\n1. Письмо или сообщение от банка, подтверждающее возврат платежа и его причину.\n2. Выписка по счёту, где видны исходное поступление и его списание.\n3. Талон-уведомление из полиции, если вы уже подали заявление.\n\nОбратите внимание: отпущенная криптовалюта уже передана покупателю, и мы не можем гарантировать её возврат. Если на аккаунте покупателя остались средства, после завершения расследования они будут направлены на компенсацию в соответствии с правилами P2P. Обычно такое расследование занимает 10–15 рабочих дней.\n\nС уважением,\n{agent_first}\nКоманда P2P Arbiter Exchange"),
                    c("Письмо банка и выписку прикладываю. Талон из полиции будет на следующей неделе."),
                    s("Customer attached bank_letter.pdf, statement.pdf"),
                ],
            },
        ],
    },
    Scenario {
        key: "p2p_order_cancelled_after_payment",
        kind: TicketKind::P2pDispute,
        channel: Channel::Chat,
        queue: "p2p",
        priority: Priority::High,
        tags: &["p2p", "order-cancelled", "payment-timer", "buyer"],
        scripts: &[Script {
            lang: "en",
            subject: "Order cancelled but I already paid",
            turns: &[
                c("the order timer ran out and cancelled but I already sent the money!! order {order_id}"),
                a("Hi {customer_first}, don't worry, we'll sort this out. Did you tap 'Transferred, notify seller' before the timer ended?"),
                c("no i forgot, i just paid in my bank app"),
                a("Okay. Because the order was cancelled, the seller's {asset} went back to their balance, but your payment of {amount} {currency} is in their bank account. I'll contact the seller through the order and ask them to either refund you or open a new order for you. Please upload your bank receipt here."),
                s("Customer uploaded receipt.jpg"),
                a("Thanks. The seller has 24 hours to respond. If they don't, our P2P team will handle it using your receipt and their bank details. Next time, please tap 'Transferred, notify seller' right after paying so the timer stops. Reference: {ticket_id}."),
                c("ok pls keep me updated"),
            ],
        }],
    },
    Scenario {
        key: "p2p_bank_account_frozen",
        kind: TicketKind::P2pDispute,
        channel: Channel::Email,
        queue: "p2p",
        priority: Priority::High,
        tags: &["p2p", "bank-freeze", "aml", "seller"],
        scripts: &[Script {
            lang: "en",
            subject: "My bank account is frozen because of a P2P buyer",
            turns: &[
                c("Hi,\n\nAfter selling {asset} on P2P (order {order_id}), my bank froze my account and asked me to explain an incoming payment of {amount} {currency}. They say it came from a fraud. I can't pay my rent. I need an official document from Arbiter proving this was a legitimate crypto sale.\n\n{customer_name}"),
                a("Dear {customer_first},\n\nI'm sorry you're dealing with this. We can help by providing a transaction confirmation for the order.\n\nI've generated an official P2P transaction confirmation for order {order_id}, showing the date, the amount, the asset sold and the buyer's verified name as registered on Arbiter. It has been sent to your registered email as a signed PDF. You can give it to your bank together with your chat history with the buyer.\n\nWe can't contact your bank on your behalf, but if your bank or the police send us an official request, we will respond to them directly. We've also opened an internal review of the buyer's account ({ticket_id}).\n\nKind regards,\n{agent_first}\nArbiter P2P Team"),
                c("Received the PDF, thank you. The bank says it may take 2 weeks. Can you tell me who the buyer really is?"),
                a("Dear {customer_first},\n\nI understand why you'd like to know. For privacy reasons we can only share the buyer's verified name, which is already on the confirmation. Further details can only be released to law enforcement on official request. If you file a police report, please share the reference with us and we'll add it to the case.\n\nKind regards,\n{agent_first}\nArbiter P2P Team"),
            ],
        }],
    },
];

/// Customer name data and agent sign-off for one language.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    /// Language tag, as used in [`Script::lang`].
    pub lang: &'static str,
    /// Share of customers in percent; the weights of all locales sum to 100.
    pub weight: u32,
    /// Countries where customers of this language live (ISO 3166-1 alpha-2).
    pub countries: &'static [&'static str],
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    /// Family name is written first (zh, ja, ko, vi).
    pub family_name_first: bool,
    /// Written between the two name parts: empty for zh/ja/ko, a space otherwise.
    pub name_separator: &'static str,
    /// Closing of an agent email in this language; uses `{agent_first}`.
    pub email_sign_off: &'static str,
}

impl Locale {
    /// Full name in the order and spacing customary for the language.
    pub fn full_name(&self, first: &str, last: &str) -> String {
        if self.family_name_first {
            format!("{last}{}{first}", self.name_separator)
        } else {
            format!("{first}{}{last}", self.name_separator)
        }
    }
}

pub static LOCALES: &[Locale] = &[
    Locale {
        lang: "en",
        weight: 40,
        countries: &["US", "GB", "AU", "CA", "NG", "IN", "SG", "PH", "ZA", "IE"],
        first_names: &[
            "James",
            "Emily",
            "Michael",
            "Sarah",
            "David",
            "Olivia",
            "Daniel",
            "Jessica",
            "Liam",
            "Chloe",
            "Joshua",
            "Grace",
            "Sean",
            "Aoife",
            "Chinedu",
            "Ngozi",
            "Tunde",
            "Rahul",
            "Priya",
            "Ananya",
            "Wei Jie",
            "Kimberly",
            "Mark Anthony",
            "Thabo",
            "Lerato",
            "Ryan",
            "Hannah",
            "Connor",
        ],
        last_names: &[
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Taylor",
            "Wilson",
            "Thompson",
            "Campbell",
            "Murphy",
            "O'Brien",
            "Walsh",
            "Okafor",
            "Adeyemi",
            "Okonkwo",
            "Sharma",
            "Patel",
            "Singh",
            "Reyes",
            "Santos",
            "Dela Cruz",
            "Tan",
            "Lim",
            "Nkosi",
            "van der Merwe",
            "Mitchell",
            "Nguyen",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "Kind regards,\n{agent_first}\nArbiter Exchange Support",
    },
    Locale {
        lang: "es",
        weight: 12,
        countries: &["ES", "MX", "AR", "CO", "CL", "PE"],
        first_names: &[
            "Alejandro",
            "Lucía",
            "Carlos",
            "María",
            "Javier",
            "Sofía",
            "Diego",
            "Valentina",
            "Andrés",
            "Camila",
            "Pablo",
            "Daniela",
            "Sergio",
            "Paula",
            "Mateo",
            "Isabella",
            "Fernando",
            "Gabriela",
            "Luis",
            "Carmen",
            "Juan Pablo",
            "Martina",
        ],
        last_names: &[
            "García",
            "Rodríguez",
            "Martínez",
            "López",
            "González",
            "Hernández",
            "Pérez",
            "Sánchez",
            "Ramírez",
            "Torres",
            "Flores",
            "Rivera",
            "Gómez",
            "Díaz",
            "Morales",
            "Vargas",
            "Castillo",
            "Romero",
            "Suárez",
            "Herrera",
            "Rojas",
            "Jiménez",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "Un saludo,\n{agent_first}\nSoporte de Arbiter Exchange",
    },
    Locale {
        lang: "pt",
        weight: 8,
        countries: &["BR", "PT"],
        first_names: &[
            "João", "Maria", "Pedro", "Ana", "Lucas", "Beatriz", "Gabriel", "Juliana", "Rafael", "Fernanda", "Matheus",
            "Camila", "Bruno", "Larissa", "Thiago", "Mariana", "Felipe", "Letícia", "Diogo", "Inês", "Tiago", "Rita",
        ],
        last_names: &[
            "Silva",
            "Santos",
            "Oliveira",
            "Souza",
            "Rodrigues",
            "Ferreira",
            "Alves",
            "Pereira",
            "Lima",
            "Gomes",
            "Costa",
            "Ribeiro",
            "Martins",
            "Carvalho",
            "Almeida",
            "Lopes",
            "Barbosa",
            "Araújo",
            "Rocha",
            "Fernandes",
            "Moreira",
            "Cardoso",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "Atenciosamente,\n{agent_first}\nSuporte Arbiter Exchange",
    },
    Locale {
        lang: "de",
        weight: 6,
        countries: &["DE", "AT", "CH"],
        first_names: &[
            "Lukas",
            "Anna",
            "Jonas",
            "Laura",
            "Felix",
            "Lea",
            "Maximilian",
            "Sophie",
            "Leon",
            "Marie",
            "Tobias",
            "Julia",
            "Florian",
            "Katharina",
            "Matthias",
            "Lena",
            "Stefan",
            "Sabine",
            "Niklas",
            "Johanna",
            "Fabian",
            "Vanessa",
        ],
        last_names: &[
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Schulz",
            "Hoffmann",
            "Koch",
            "Bauer",
            "Richter",
            "Klein",
            "Wolf",
            "Schröder",
            "Neumann",
            "Gruber",
            "Huber",
            "Steiner",
            "Keller",
            "Brunner",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "Mit freundlichen Grüßen\n{agent_first}\nArbiter Exchange Support",
    },
    Locale {
        lang: "fr",
        weight: 6,
        countries: &["FR", "BE", "CA", "SN", "MA"],
        first_names: &[
            "Camille",
            "Julien",
            "Léa",
            "Thomas",
            "Chloé",
            "Nicolas",
            "Manon",
            "Antoine",
            "Inès",
            "Maxime",
            "Sarah",
            "Mathieu",
            "Élodie",
            "Guillaume",
            "Gabrielle",
            "Olivier",
            "Aurélie",
            "Amadou",
            "Fatou",
            "Mamadou",
            "Youssef",
            "Salma",
        ],
        last_names: &[
            "Martin",
            "Bernard",
            "Dubois",
            "Thomas",
            "Robert",
            "Richard",
            "Petit",
            "Durand",
            "Leroy",
            "Moreau",
            "Lefebvre",
            "Girard",
            "Lambert",
            "Peeters",
            "Tremblay",
            "Gagnon",
            "Roy",
            "Diop",
            "Ndiaye",
            "Fall",
            "El Amrani",
            "Benali",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "Cordialement,\n{agent_first}\nSupport Arbiter Exchange",
    },
    Locale {
        lang: "tr",
        weight: 6,
        countries: &["TR"],
        first_names: &[
            "Mehmet", "Ayşe", "Mustafa", "Fatma", "Ahmet", "Zeynep", "Emre", "Elif", "Burak", "Merve", "Can", "Esra",
            "Murat", "Büşra", "Oğuz", "Selin", "Hakan", "Gizem", "Serkan", "Derya", "Kerem", "İrem",
        ],
        last_names: &[
            "Yılmaz",
            "Kaya",
            "Demir",
            "Şahin",
            "Çelik",
            "Yıldız",
            "Yıldırım",
            "Öztürk",
            "Aydın",
            "Özdemir",
            "Arslan",
            "Doğan",
            "Kılıç",
            "Aslan",
            "Çetin",
            "Kara",
            "Koç",
            "Kurt",
            "Özkan",
            "Şimşek",
            "Polat",
            "Erdoğan",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "Saygılarımızla,\n{agent_first}\nArbiter Exchange Destek Ekibi",
    },
    Locale {
        lang: "ru",
        weight: 6,
        countries: &["RU", "KZ"],
        first_names: &[
            "Александр",
            "Дмитрий",
            "Максим",
            "Сергей",
            "Андрей",
            "Алексей",
            "Иван",
            "Артём",
            "Анна",
            "Мария",
            "Елена",
            "Ольга",
            "Наталья",
            "Екатерина",
            "Татьяна",
            "Ирина",
            "Юлия",
            "Айгерим",
            "Динара",
            "Нурлан",
            "Ержан",
            "Асель",
        ],
        // Surnames that do not change with gender, so any first name fits.
        last_names: &[
            "Шевченко",
            "Коваленко",
            "Бондаренко",
            "Ткаченко",
            "Кравченко",
            "Лысенко",
            "Руденко",
            "Павленко",
            "Марченко",
            "Савченко",
            "Кузьменко",
            "Литвиненко",
            "Черных",
            "Седых",
            "Белых",
            "Долгих",
            "Русских",
            "Ким",
            "Пак",
            "Цой",
            "Мельник",
            "Гончаренко",
        ],
        family_name_first: false,
        name_separator: " ",
        email_sign_off: "С уважением,\n{agent_first}\nСлужба поддержки Arbiter Exchange",
    },
    Locale {
        lang: "zh",
        weight: 4,
        countries: &["TW", "HK", "SG"],
        first_names: &[
            "志明", "淑芬", "家豪", "怡君", "俊傑", "雅婷", "建宏", "美玲", "冠宇", "佳穎", "承恩", "詩涵", "宗翰",
            "欣怡", "柏翰", "心怡", "嘉偉", "曉雯", "偉倫", "子軒", "文傑", "嘉欣",
        ],
        last_names: &[
            "陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪", "曾", "邱", "廖",
            "賴", "周", "梁", "何",
        ],
        family_name_first: true,
        name_separator: "",
        email_sign_off: "Arbiter Exchange 客服團隊\n{agent_first} 敬上",
    },
    Locale {
        lang: "ja",
        weight: 4,
        countries: &["JP"],
        first_names: &[
            "翔太",
            "大輔",
            "健太",
            "拓也",
            "直樹",
            "陽菜",
            "美咲",
            "結衣",
            "さくら",
            "葵",
            "蓮",
            "悠真",
            "陽斗",
            "彩",
            "真由美",
            "恵",
            "裕子",
            "浩",
            "誠",
            "和也",
            "奈々",
            "亮",
        ],
        last_names: &[
            "佐藤",
            "鈴木",
            "高橋",
            "田中",
            "伊藤",
            "渡辺",
            "山本",
            "中村",
            "小林",
            "加藤",
            "吉田",
            "山田",
            "佐々木",
            "山口",
            "松本",
            "井上",
            "木村",
            "林",
            "斎藤",
            "清水",
            "森",
            "池田",
        ],
        family_name_first: true,
        name_separator: "",
        email_sign_off:
            "今後ともArbiter Exchangeをよろしくお願いいたします。\nArbiter Exchange サポートチーム\n{agent_first}",
    },
    Locale {
        lang: "vi",
        weight: 4,
        countries: &["VN"],
        // Middle + given name; Vietnamese address people by these.
        first_names: &[
            "Minh Anh",
            "Văn Hùng",
            "Thị Lan",
            "Quốc Bảo",
            "Ngọc Hân",
            "Đức Huy",
            "Thu Trang",
            "Hoàng Nam",
            "Thanh Hương",
            "Tuấn Anh",
            "Bảo Ngọc",
            "Minh Khoa",
            "Thị Mai",
            "Văn Long",
            "Gia Huy",
            "Phương Linh",
            "Hữu Phước",
            "Kim Ngân",
            "Quang Vinh",
            "Thảo Vy",
            "Đức Thắng",
            "Hải Yến",
        ],
        last_names: &[
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Trịnh", "Cao",
        ],
        family_name_first: true,
        name_separator: " ",
        email_sign_off: "Trân trọng,\n{agent_first}\nBộ phận Hỗ trợ Arbiter Exchange",
    },
    Locale {
        lang: "ko",
        weight: 4,
        countries: &["KR"],
        first_names: &[
            "민준", "서연", "지훈", "지민", "현우", "수빈", "도윤", "하은", "준호", "예린", "성민", "유진", "동현",
            "지은", "태현", "미나", "승우", "혜진", "재원", "은지", "민석", "소영",
        ],
        last_names: &[
            "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송",
            "전", "홍", "유", "고",
        ],
        family_name_first: true,
        name_separator: "",
        email_sign_off: "감사합니다.\nArbiter Exchange 고객지원팀\n{agent_first} 드림",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    const QUEUES: &[&str] = &["general", "payments", "disputes", "fraud", "p2p", "feedback"];
    const KINDS: [TicketKind; 6] = [
        TicketKind::Inquiry,
        TicketKind::Complaint,
        TicketKind::TradeDispute,
        TicketKind::CardChargeback,
        TicketKind::FraudClaim,
        TicketKind::P2pDispute,
    ];
    const CHANNELS: [Channel; 2] = [Channel::Email, Channel::Chat];

    /// The names between braces in `text`, or an error for unbalanced braces.
    fn placeholders(text: &str) -> Result<Vec<&str>, String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(pos) = rest.find(['{', '}']) {
            if rest[pos..].starts_with('}') {
                return Err(format!("stray closing brace in {text:?}"));
            }
            let after = &rest[pos + 1..];
            let close = after.find('}').ok_or_else(|| format!("unclosed brace in {text:?}"))?;
            let name = &after[..close];
            if name.contains('{') {
                return Err(format!("nested brace in {text:?}"));
            }
            out.push(name);
            rest = &after[close + 1..];
        }
        Ok(out)
    }

    fn all_scripts() -> impl Iterator<Item = (&'static Scenario, &'static Script)> {
        SCENARIOS.iter().flat_map(|sc| sc.scripts.iter().map(move |script| (sc, script)))
    }

    #[test]
    fn first_script_is_english() {
        assert!(SCENARIOS.len() >= 40, "only {} scenarios", SCENARIOS.len());
        for sc in SCENARIOS {
            let first = sc.scripts.first().unwrap_or_else(|| panic!("{}: no scripts", sc.key));
            assert_eq!(first.lang, "en", "{}: first script is {}", sc.key, first.lang);
        }
    }

    #[test]
    fn scripts_have_enough_turns() {
        for (sc, script) in all_scripts() {
            assert!(script.turns.len() >= 2, "{}/{}: fewer than 2 turns", sc.key, script.lang);
        }
    }

    #[test]
    fn english_scripts_are_well_shaped() {
        for sc in SCENARIOS {
            let en = &sc.scripts[0];
            assert!((3..=8).contains(&en.turns.len()), "{}: {} English turns", sc.key, en.turns.len());
            assert_ne!(en.turns[0].who, Who::Agent, "{}: starts with the agent", sc.key);
            assert!(en.turns.iter().any(|t| t.who == Who::Agent), "{}: no agent turn", sc.key);
        }
    }

    #[test]
    fn placeholders_are_known() {
        for (sc, script) in all_scripts() {
            for turn in script.turns {
                assert!(!turn.text.trim().is_empty(), "{}/{}: empty turn", sc.key, script.lang);
                let names = placeholders(turn.text).unwrap_or_else(|e| panic!("{}/{}: {e}", sc.key, script.lang));
                for name in names {
                    assert!(PLACEHOLDERS.contains(&name), "{}/{}: unknown placeholder {{{name}}}", sc.key, script.lang);
                }
            }
            assert!(!script.subject.trim().is_empty(), "{}/{}: empty subject", sc.key, script.lang);
            assert!(
                !script.subject.contains(['{', '}']),
                "{}/{}: subjects must not contain placeholders",
                sc.key,
                script.lang
            );
        }
        for locale in LOCALES {
            let names = placeholders(locale.email_sign_off).unwrap();
            assert_eq!(names, ["agent_first"], "{}: sign-off placeholders", locale.lang);
        }
    }

    #[test]
    fn every_kind_and_channel_is_covered() {
        let mut counts: HashMap<(TicketKind, Channel), usize> = HashMap::new();
        for sc in SCENARIOS {
            *counts.entry((sc.kind, sc.channel)).or_default() += 1;
        }
        for kind in KINDS {
            for channel in CHANNELS {
                let n = counts.get(&(kind, channel)).copied().unwrap_or(0);
                assert!(n >= 3, "{kind:?}/{channel:?}: only {n} scenarios");
            }
        }
    }

    #[test]
    fn every_language_has_scripts() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, script) in all_scripts() {
            *counts.entry(script.lang).or_default() += 1;
        }
        for lang in ["es", "pt", "de", "fr", "tr", "ru", "zh", "ja", "vi", "ko"] {
            let n = counts.get(lang).copied().unwrap_or(0);
            assert!(n >= 4, "{lang}: only {n} scripts");
        }
        let known: HashSet<&str> = LOCALES.iter().map(|l| l.lang).collect();
        for lang in counts.keys() {
            assert!(known.contains(lang), "script language {lang} has no locale");
        }
    }

    #[test]
    fn scenarios_are_consistent() {
        let mut keys = HashSet::new();
        for sc in SCENARIOS {
            assert!(keys.insert(sc.key), "duplicate key {}", sc.key);
            assert!(QUEUES.contains(&sc.queue), "{}: unknown queue {}", sc.key, sc.queue);
            assert!(!sc.tags.is_empty(), "{}: no tags", sc.key);
            let mut langs = HashSet::new();
            for script in sc.scripts {
                assert!(langs.insert(script.lang), "{}: two {} scripts", sc.key, script.lang);
            }
        }
    }

    #[test]
    fn locales_are_complete() {
        let total: u32 = LOCALES.iter().map(|l| l.weight).sum();
        assert_eq!(total, 100);
        let mut langs = HashSet::new();
        for locale in LOCALES {
            assert!(langs.insert(locale.lang), "duplicate locale {}", locale.lang);
            assert!(!locale.countries.is_empty(), "{}: no countries", locale.lang);
            for country in locale.countries {
                assert!(
                    country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()),
                    "{}: bad country code {country}",
                    locale.lang
                );
            }
            assert!(locale.first_names.len() >= 20, "{}: too few first names", locale.lang);
            assert!(locale.last_names.len() >= 20, "{}: too few last names", locale.lang);
        }
        let ja = LOCALES.iter().find(|l| l.lang == "ja").unwrap();
        assert_eq!(ja.full_name("翔太", "佐藤"), "佐藤翔太");
        let vi = LOCALES.iter().find(|l| l.lang == "vi").unwrap();
        assert_eq!(vi.full_name("Minh Anh", "Nguyễn"), "Nguyễn Minh Anh");
        let en = LOCALES.iter().find(|l| l.lang == "en").unwrap();
        assert_eq!(en.full_name("Sarah", "Walsh"), "Sarah Walsh");
    }
}
