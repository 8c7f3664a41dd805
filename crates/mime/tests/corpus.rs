//! Real-world shapes of mail (several languages and charsets, Outlook, Gmail and Apple Mail
//! structures, forwards, bounces, auto-replies) and the bad mail a public address receives.

use arbiter_mime::*;

fn corpus(name: &str) -> InboundMail {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    read(&std::fs::read(path).unwrap())
}

#[test]
fn iso_2022_jp_is_decoded_and_told_japanese() {
    let mail = corpus("ja-iso2022jp.eml");
    assert_eq!(mail.subject, "出金の件について");
    assert!(mail.text.contains("出金が三日間保留になっています"), "{}", mail.text);
    assert_eq!(mail.language.as_deref(), Some("ja"));
    assert_eq!(mail.message_id, "jp-1@mail.example.jp");
    assert_eq!(mail.from.unwrap().address, "tanaka@example.jp");
    assert!(mail.warnings.is_empty(), "{:?}", mail.warnings);
}

#[test]
fn gb18030_outlook_mail_keeps_both_parts() {
    let mail = corpus("zh-gb18030-outlook.eml");
    assert_eq!(mail.subject, "重复扣款");
    assert_eq!(mail.from.as_ref().unwrap().name.as_deref(), Some("王伟"));
    assert!(mail.text.contains("我的银行卡被扣款两次"));
    assert!(mail.html.as_deref().unwrap().contains("<p>您好"));
    assert_eq!(mail.language.as_deref(), Some("zh"));
    assert_eq!(mail.kind, MailKind::Ordinary);
}

#[test]
fn windows_1251_reply_threads_by_its_headers_and_subject() {
    let mail = corpus("ru-windows1251-reply.eml");
    assert!(mail.text.starts_with("Здравствуйте! Деньги так и не пришли"), "{}", mail.text);
    assert_eq!(mail.subject, "Re: Вывод средств [#4242]");
    assert_eq!(ticket_number_in_subject(&mail.subject), Some(4242));
    assert_eq!(mail.in_reply_to, vec!["ticket-4242-reply-1@exchange.example"]);
    assert_eq!(mail.references, vec!["ru-1@mail.example.ru", "ticket-4242-reply-1@exchange.example"]);
    assert_eq!(mail.language.as_deref(), Some("ru"));
}

#[test]
fn apple_mail_inline_image_and_pdf_come_with_their_bytes_and_sniffed_types() {
    let mail = corpus("en-applemail-inline-image.eml");
    assert!(mail.html.as_deref().unwrap().contains("cid:shot-1@apple"));
    assert_eq!(mail.attachments.len(), 2, "{:?}", mail.attachments.iter().map(|a| &a.name).collect::<Vec<_>>());
    let image = &mail.attachments[0];
    assert_eq!((image.name.as_str(), image.content_type.as_str()), ("screenshot.png", "image/png"));
    assert_eq!(image.content_id.as_deref(), Some("shot-1@apple"));
    assert!(image.inline);
    assert!(image.bytes.starts_with(b"\x89PNG"));
    let pdf = &mail.attachments[1];
    assert_eq!(pdf.name, "bank statement.pdf");
    assert_eq!(pdf.declared_type, "application/octet-stream");
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(!pdf.inline);
    assert_eq!(pdf.bytes, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    assert_eq!(mail.message_id, "7E1A-APPLE@example.com");
}

#[test]
fn a_forwarded_email_is_kept_whole_as_an_attachment() {
    let mail = corpus("en-gmail-forward.eml");
    assert_eq!(mail.text.trim(), "See what my bank wrote.");
    assert_eq!(mail.attachments.len(), 1);
    let forwarded = &mail.attachments[0];
    assert_eq!(forwarded.name, "Your card dispute.eml");
    let inner = String::from_utf8(forwarded.bytes.clone()).unwrap();
    assert!(inner.contains("Message-ID: <bank-77@bank.example>") && inner.contains("opened a dispute for 29.99 EUR"));
}

#[test]
fn a_wrong_charset_label_is_read_by_what_the_bytes_are() {
    let mail = corpus("ru-wrong-charset-label.eml");
    assert!(mail.text.starts_with("Добрый день, мой аккаунт заблокирован"), "{}", mail.text);
    assert_eq!(mail.warnings, vec![Warning::CharsetGuessed { declared: "utf-8".into(), used: "windows-1251".into() }]);
}

#[test]
fn a_delivery_report_is_a_bounce_of_the_desks_own_message() {
    let mail = corpus("bounce-postfix-dsn.eml");
    let MailKind::Bounce(bounce) = mail.kind else { panic!("{:?}", mail.kind) };
    assert_eq!(bounce.original_message_id.as_deref(), Some("ticket-4242-reply-9@exchange.example"));
    assert_eq!(bounce.recipient.as_deref(), Some("gone@example.com"));
    assert_eq!(bounce.status.as_deref(), Some("5.1.1"));
    assert!(bounce.diagnostic.unwrap().contains("User unknown"));
    assert!(!bounce.transient);
}

#[test]
fn an_out_of_office_is_an_auto_reply() {
    let mail = corpus("auto-reply-ooo.eml");
    assert_eq!(mail.kind, MailKind::AutoReply { reason: "Auto-Submitted: auto-replied".into() });
}

#[test]
fn a_header_injection_attempt_stays_one_header() {
    let mail = corpus("header-injection.eml");
    assert_eq!(mail.subject, "Refund Bcc: victim@example.org");
    assert!(mail.warnings.contains(&Warning::ControlCharactersInHeader { header: "Subject".into() }));
    assert!(!reply_subject(&mail.subject, 1).contains(['\r', '\n']));
}

#[test]
fn truncated_mime_keeps_what_could_be_read() {
    let mail = corpus("malformed-truncated.eml");
    assert!(mail.text.contains("My account was hacked"));
    assert_eq!(mail.from.unwrap().address, "cut@example.com");
}

#[test]
fn garbage_is_read_as_text_with_warnings() {
    let mail = read(b"\x00\x01\x02 not an email at all \xff\xfe");
    assert!(mail.warnings.contains(&Warning::NoSender));
    assert!(mail.message_id.ends_with("@no-message-id.invalid"));
    // The same bytes twice are the same message (a re-delivery is recognised).
    assert_eq!(read(b"\x00\x01\x02 not an email at all \xff\xfe").message_id, mail.message_id);
    let empty = read(b"");
    assert!(empty.text.is_empty());
}

fn multipart(parts: &[String]) -> Vec<u8> {
    let mut raw = String::from(
        "From: Big <big@example.com>\r\nTo: support@exchange.example\r\nSubject: Big\r\nMessage-ID: <big@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n",
    );
    for part in parts {
        raw.push_str("--B\r\n");
        raw.push_str(part);
        raw.push_str("\r\n");
    }
    raw.push_str("--B--\r\n");
    raw.into_bytes()
}

#[test]
fn five_hundred_attachments_keep_the_first_hundred_and_say_so() {
    let mut parts = vec!["Content-Type: text/plain\r\n\r\nSee the files.".to_string()];
    for i in 0..500 {
        parts.push(format!("Content-Type: text/plain; name=\"f{i}.txt\"\r\nContent-Disposition: attachment; filename=\"f{i}.txt\"\r\n\r\nfile {i}"));
    }
    let mail = read(&multipart(&parts));
    assert_eq!(mail.attachments.len(), MAX_ATTACHMENTS);
    assert_eq!(mail.attachments[99].name, "f99.txt");
    assert!(mail.warnings.contains(&Warning::TooManyAttachments { dropped: 400 }));
}

#[test]
fn a_five_megabyte_html_body_becomes_an_attachment() {
    let html = format!("<html><body>{}</body></html>", "<p>row of a statement</p>".repeat(200_000));
    let mail = read(&multipart(&[format!("Content-Type: text/html; charset=utf-8\r\n\r\n{html}")]));
    assert!(mail.html.is_none());
    assert!(mail.text.starts_with("row of a statement"));
    assert!(mail.warnings.iter().any(|w| matches!(w, Warning::HtmlTooLarge { .. })));
    assert_eq!(mail.attachments[0].name, "message.html");
    assert_eq!(mail.attachments[0].bytes.len(), html.len());
}

#[test]
fn a_thirty_megabyte_message_keeps_its_attachment_or_says_why_not() {
    // 20 MB of attachment: base64 makes the message about 27 MB.
    let bytes: Vec<u8> = (0..20 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let mut encoded = String::new();
    for chunk in base64_lines(&bytes) {
        encoded.push_str(&chunk);
    }
    let mail = read(&multipart(&[
        "Content-Type: text/plain\r\n\r\nThe video of the scam call.".to_string(),
        format!("Content-Type: application/octet-stream; name=call.bin\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=call.bin\r\n\r\n{encoded}"),
    ]));
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.attachments[0].bytes, bytes);
    // Over the per-file limit, the file is named in a warning (the raw message keeps it).
    let big: Vec<u8> = vec![7; MAX_ATTACHMENT_BYTES + 1];
    let encoded: String = base64_lines(&big).concat();
    let mail = read(&multipart(&[format!(
        "Content-Type: application/octet-stream; name=huge.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}"
    )]));
    assert!(mail.attachments.is_empty());
    assert!(mail.warnings.contains(&Warning::AttachmentTooLarge { name: "huge.bin".into(), bytes: big.len() as i64 }));
}

#[test]
fn a_zip_bomb_is_an_opaque_file_never_opened() {
    // 42.zip's first bytes: an archive stays an archive, whatever it claims to be.
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00";
    let encoded: String = base64_lines(zip).concat();
    let mail = read(&multipart(&[format!(
        "Content-Type: image/png; name=photo.png\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}"
    )]));
    assert_eq!(mail.attachments[0].content_type, "application/zip");
    assert_eq!(mail.attachments[0].declared_type, "image/png");
}

/// Base64 in MIME's 76-character lines.
fn base64_lines(bytes: &[u8]) -> Vec<String> {
    use base64::Engine as _;
    bytes.chunks(57).map(|line| base64::engine::general_purpose::STANDARD.encode(line) + "\r\n").collect()
}

#[test]
fn a_quarantined_message_says_who_and_what_from_its_headers() {
    let raw = b"From: =?UTF-8?B?5byg5Lyf?= <zhang.wei@example.cn>\r\nSubject: =?UTF-8?Q?Refund=0D=0ABcc:_x@evil.example?=\r\n\r\nbody";
    let (from, subject) = arbiter_mime::sender_and_subject(raw);
    assert_eq!(from.as_deref(), Some("张伟 <zhang.wei@example.cn>"));
    assert_eq!(subject.as_deref(), Some("Refund Bcc: x@evil.example"));
    assert_eq!(arbiter_mime::sender_and_subject(b"not a message at all"), (None, None));
}
