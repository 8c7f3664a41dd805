//! Attachments with their bytes, through the desk core: an email with files arrives at the
//! real reference server (its mail intake), the desk opens each from its encrypted cache.

use std::sync::Arc;
use std::time::Duration;

use arbiter_cache::InboxView;
use arbiter_contract::{AddEvidence, CaseKind, CreateCase, EvidenceKind};
use arbiter_desk::{AttachmentContent, Desk, DeskPaths, ErrorCode, MemoryStore, NoEvents, SyncState};
use arbiter_server::domain::mail_intake::{receive, SupportAddress};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use base64::Engine as _;
use sha2::{Digest, Sha256};

async fn wait(desk: &Desk, what: &str, done: impl Fn(&arbiter_desk::SyncStatus) -> bool) {
    for _ in 0..400 {
        if done(&desk.sync_status()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}: {:?}", desk.sync_status());
}

async fn signed_in(dir: &std::path::Path, url: &str) -> Desk {
    let paths = DeskPaths { config_dir: dir.join("config"), data_dir: dir.join("data") };
    let desk = Desk::new(paths, Arc::new(MemoryStore::default()), Arc::new(NoEvents));
    desk.start().await.unwrap();
    desk.sign_in(url, "demo-ava").await.unwrap();
    wait(&desk, "online", |s| s.state == SyncState::Online).await;
    desk
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A photo-sized PNG (3000 × 2000, noisy so it does not compress to nothing).
fn photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([(x * 7 + y) as u8, (x ^ y) as u8, (x.wrapping_mul(y) >> 3) as u8])
    });
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png
}

/// A two-page PDF, written out with its cross-reference table.
fn statement_pdf() -> Vec<u8> {
    let page = |n: usize| format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {n} 0 R >>");
    let content = "0 0 0 rg 72 600 300 100 re f";
    let stream = format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len());
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>".to_string(),
        page(5),
        page(5),
        stream,
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

/// A multipart email from `from` with `files` (name, claimed type, bytes).
fn email_with(from: &str, subject: &str, files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut mail = format!(
        "From: {from}\r\nTo: disputes@exchange.example\r\nSubject: {subject}\r\nMessage-ID: <{}@example.com>\r\n\
         Date: Fri, 04 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Here are the documents you asked for.\r\n",
        uuid::Uuid::new_v4()
    );
    for (name, content_type, bytes) in files {
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        let lines: Vec<&str> = encoded.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap()).collect();
        mail.push_str(&format!(
            "--b\r\nContent-Type: {content_type}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            lines.join("\r\n")
        ));
    }
    mail.push_str("--b--\r\n");
    mail.into_bytes()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachments_open_from_the_encrypted_cache_as_the_desk_drew_them() {
    let dir = tempfile::tempdir().unwrap();
    let options = GeneratorOptions { seed: 5, tickets: 120, now: chrono::Utc::now() };
    let pool = demo_database(dir.path().join("server.db").to_str().unwrap(), &options).await.unwrap();
    let server = RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), &Default::default()).await.unwrap();
    let url = server.base_url();
    let desk = signed_in(&dir.path().join("desk"), &url).await;

    // One of Ava's own email tickets still open; its customer writes to it with five files.
    let mine = desk.list_tickets(InboxView::Mine, None, 50).await.unwrap();
    let open_email = mine
        .iter()
        .find(|t| {
            t.channel == arbiter_contract::Channel::Email
                && !matches!(t.status, arbiter_contract::TicketStatus::Solved | arbiter_contract::TicketStatus::Closed)
        })
        .expect("Ava has an open email ticket");
    let ticket = desk.ticket(open_email.id).await.unwrap();
    let customer = ticket.customer.clone().expect("the ticket's customer is cached");
    let photo = photo();
    let pdf = statement_pdf();
    let (letter, _, _) = encoding_rs::WINDOWS_1251.encode("Заявление: прошу вернуть средства.\n");
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00 not really a statement".to_vec();
    let fake = b"GIF89a\x01\x00\x01\x00 then nothing an image decoder could use".to_vec();
    let files: [(&str, &str, &[u8]); 5] = [
        ("card-photo.png", "image/png", &photo),
        ("statement.pdf", "application/pdf", &pdf),
        ("letter.txt", "text/plain", &letter),
        ("invoice.pdf", "application/pdf", &zip),
        ("avatar.gif", "image/gif", &fake),
    ];
    let mailbox =
        SupportAddress { address: "disputes@exchange.example".into(), queue: "disputes".into(), language: "en".into() };
    let subject = format!("Re: your request [#{}]", ticket.ticket.id);
    receive(&server.state, &mailbox, &[], email_with(&customer.email, &subject, &files)).await.unwrap();

    // A second desk of the same agent, started now, fetches the small ones ahead.
    let ahead = signed_in(&dir.path().join("ahead"), &url).await;

    desk.sync_now().await.unwrap();
    let mut message = None;
    for _ in 0..100 {
        let view = desk.ticket(ticket.ticket.id).await.unwrap();
        message = view.conversation.messages.iter().rev().find(|m| m.attachments.len() == 5).cloned();
        if message.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let message = message.expect("the email reached the desk");
    let (t, m) = (ticket.ticket.id, message.id);

    // The photo: drawn again by the desk, no larger than a screen.
    // The window asks for the picture as it opens the file (both fetch it: one download).
    let photo_sha = sha(&photo);
    let (opened, first_picture) =
        tokio::join!(desk.open_attachment(t, m, &photo_sha), desk.attachment_picture(t, m, &photo_sha, 0));
    let opened = opened.unwrap();
    assert!(first_picture.is_ok(), "{first_picture:?}");
    assert_eq!(opened.content, AttachmentContent::Image { width: 1600, height: 1067 });
    assert_eq!(opened.content_type, "image/png");
    assert_eq!(opened.disguised_as, None);
    let png = desk.attachment_picture(t, m, &sha(&photo), 0).await.unwrap();
    assert_ne!(png, photo, "the window gets the desk's drawing, not the sender's file");
    let drawn = image::load_from_memory(&png).unwrap();
    assert_eq!((drawn.width(), drawn.height()), (1600, 1067));

    // The PDF: two pages, each drawn as a picture.
    let opened = desk.open_attachment(t, m, &sha(&pdf)).await.unwrap();
    assert_eq!(opened.content, AttachmentContent::Pdf { pages: 2 });
    let page = image::load_from_memory(&desk.attachment_picture(t, m, &sha(&pdf), 1).await.unwrap()).unwrap();
    assert_eq!(page.width(), arbiter_files::PDF_PAGE_WIDTH);
    let missing = desk.attachment_picture(t, m, &sha(&pdf), 2).await.unwrap_err();
    assert_eq!(missing.code, ErrorCode::InvalidInput, "{missing:?}");

    // Text in Windows-1251 reads as Russian.
    let opened = desk.open_attachment(t, m, &sha(&letter)).await.unwrap();
    assert_eq!(
        opened.content,
        AttachmentContent::Text {
            text: "Заявление: прошу вернуть средства.\n".into(), truncated: false
        }
    );

    // A "PDF" that is a zip is told by its bytes: saved only, and the claim is shown.
    let opened = desk.open_attachment(t, m, &sha(&zip)).await.unwrap();
    assert_eq!(opened.content_type, "application/zip");
    assert_eq!(opened.disguised_as.as_deref(), Some("pdf"));
    assert_eq!(opened.content, AttachmentContent::Other { problem: None });
    assert!(desk.attachment_picture(t, m, &sha(&zip), 0).await.is_err());
    // An image that is not one: a clear reason, never a crash, and it can still be saved.
    let opened = desk.open_attachment(t, m, &sha(&fake)).await.unwrap();
    assert!(matches!(opened.content, AttachmentContent::Other { problem: Some(_) }), "{opened:?}");
    let saved = dir.path().join("invoice-copy.zip");
    desk.save_attachment(t, m, &sha(&zip), saved.to_str().unwrap()).await.unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), zip);

    // Only a message's own attachments can be asked for.
    let foreign = desk.open_attachment(t, m, &sha(b"something else")).await.unwrap_err();
    assert_eq!(foreign.code, ErrorCode::NotFound);

    // Evidence in one action: the statement goes to the document store on a new case.
    let mut case_id = ticket.ticket.case_id;
    if case_id.is_none() {
        let case = CreateCase {
            kind: CaseKind::Dispute,
            ticket_id: t,
            amount_minor: 50_000,
            currency: "USD".into(),
            card: None,
            summary: "Withdrawal the customer says they did not make.".into(),
        };
        desk.open_case(case, "case-for-evidence").await.unwrap();
        wait(&desk, "the case is sent", |s| s.outbox_pending == 0).await;
        desk.sync_now().await.unwrap();
        for _ in 0..100 {
            case_id = desk.ticket(t).await.unwrap().ticket.case_id;
            if case_id.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let case_id = case_id.expect("the ticket links to its case");
    let evidence = AddEvidence {
        kind: EvidenceKind::File,
        title: "Bank statement from the customer".into(),
        description: String::new(),
        reference_id: None,
        checklist: vec![],
    };
    let queued = desk.attachment_as_evidence(case_id, t, m, &sha(&pdf), evidence, "statement-evidence").await.unwrap();
    assert_eq!(queued.len(), 2);
    wait(&desk, "the evidence is sent", |s| s.outbox_pending == 0).await;
    desk.sync_now().await.unwrap();
    let mut documents = Vec::new();
    for _ in 0..100 {
        documents = desk.case_view(case_id).await.unwrap().documents;
        if documents.iter().any(|d| d.sha256 == sha(&pdf)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(documents.iter().any(|d| d.sha256 == sha(&pdf) && d.name == "statement.pdf"), "{documents:?}");

    // Files go out with a reply: kept encrypted when attached, uploaded just before it is sent.
    let prepared = desk
        .prepare_file("refund-confirmation.pdf", &base64::engine::general_purpose::STANDARD.encode(&letter))
        .await
        .unwrap();
    assert_eq!(prepared.size_bytes, letter.len() as i64);
    let file = |p: &arbiter_desk::PreparedFile| arbiter_contract::OutgoingFile {
        sha256: p.sha256.clone(),
        name: p.name.clone(),
    };
    let eleven = vec![file(&prepared); 11];
    assert_eq!(desk.send_reply(t, "Too many.", eleven, "too-many").await.unwrap_err().code, ErrorCode::InvalidInput);
    let gone = arbiter_contract::OutgoingFile { sha256: sha(b"never attached"), name: "x.pdf".into() };
    let refused = desk.send_reply(t, "Gone.", vec![gone], "gone").await.unwrap_err();
    assert!(refused.message.contains("attach it again"), "{refused:?}");
    assert_eq!(desk.prepare_file("empty.txt", "").await.unwrap_err().code, ErrorCode::InvalidInput);
    desk.send_reply(t, "Here is the confirmation.", vec![file(&prepared)], "reply-with-file").await.unwrap();
    wait(&desk, "the reply is sent", |s| s.outbox_pending == 0).await;
    desk.sync_now().await.unwrap();
    let mut sent = None;
    for _ in 0..100 {
        let view = desk.ticket(t).await.unwrap();
        sent = view.conversation.messages.iter().find(|m| m.text == "Here is the confirmation.").cloned();
        if sent.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let sent = sent.expect("the reply is on the server");
    let names: Vec<(&str, &str)> = sent.attachments.iter().map(|a| (a.name.as_str(), a.sha256.as_str())).collect();
    assert_eq!(names, vec![("refund-confirmation.pdf", prepared.sha256.as_str())]);

    // The desk fetched ahead opens the small ones without the server; not the photo (over
    // the 2 MB it fetches ahead), which says it waits for the server.
    let small = [sha(&pdf), sha(&letter), sha(&zip), sha(&fake)];
    for _ in 0..200 {
        if ahead.kept_attachments(small.to_vec()).await.unwrap().len() == small.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(ahead.kept_attachments(small.to_vec()).await.unwrap().len(), small.len());

    // Bytes that are not what the hash names (a damaged store, a meddling proxy) are refused
    // and not kept.
    sqlx::query("UPDATE file_chunks SET content = zeroblob(length(content)) WHERE sha256 = ? AND seq = 0")
        .bind(sha(&photo))
        .execute(&server.db().pool)
        .await
        .unwrap();
    let damaged = ahead.open_attachment(t, m, &sha(&photo)).await.unwrap_err();
    assert_eq!(damaged.code, ErrorCode::Malformed, "{damaged:?}");
    assert!(ahead.kept_attachments(vec![sha(&photo)]).await.unwrap().is_empty());
    server.kill().await;
    let opened = ahead.open_attachment(t, m, &sha(&letter)).await.unwrap();
    assert!(matches!(opened.content, AttachmentContent::Text { .. }));
    assert_eq!(ahead.open_attachment(t, m, &sha(&pdf)).await.unwrap().content, AttachmentContent::Pdf { pages: 2 });
    let offline = ahead.open_attachment(t, m, &sha(&photo)).await.unwrap_err();
    assert_eq!(offline.code, ErrorCode::Offline, "{offline:?}");
    // The first desk opened the photo before: it is still there.
    assert!(matches!(desk.open_attachment(t, m, &sha(&photo)).await.unwrap().content, AttachmentContent::Image { .. }));

    // Nothing of the files is in clear on disk: the cache is encrypted.
    for root in [dir.path().join("desk"), dir.path().join("ahead")] {
        for entry in walk(&root) {
            let bytes = std::fs::read(&entry).unwrap();
            for needle in [&b"PK\x03\x04\x14"[..], &b"%PDF-1.4"[..], &photo[..64]] {
                assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{} holds a file in clear", entry.display());
            }
        }
    }
}

fn walk(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// An HTML email with an inline image (`cid:`): its frame shows the picture as the desk drew
/// it, as a `data:` URL, and nothing of the `cid:` reference or the sender's bytes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_images_show_in_the_email_as_the_desk_drew_them() {
    let dir = tempfile::tempdir().unwrap();
    let options = GeneratorOptions { seed: 5, tickets: 60, now: chrono::Utc::now() };
    let pool = demo_database(dir.path().join("server.db").to_str().unwrap(), &options).await.unwrap();
    let server = RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), &Default::default()).await.unwrap();
    let desk = signed_in(&dir.path().join("desk"), &server.base_url()).await;
    let mine = desk.list_tickets(InboxView::Mine, None, 5).await.unwrap();
    let ticket = desk.ticket(mine[0].id).await.unwrap();
    let customer = ticket.customer.clone().unwrap();

    // Encoded unlike the desk would (no filter, fast), so its drawing is told from these bytes.
    let logo = {
        use image::codecs::png::{CompressionType, FilterType, PngEncoder};
        use image::ImageEncoder;
        let picture = image::RgbaImage::from_fn(120, 40, |x, y| image::Rgba([x as u8, y as u8, 200, 255 - x as u8]));
        let mut png = Vec::new();
        PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::NoFilter)
            .write_image(&picture, 120, 40, image::ExtendedColorType::Rgba8)
            .unwrap();
        png
    };
    let encoded = base64::engine::general_purpose::STANDARD.encode(&logo);
    let raw = format!(
        "From: {}\r\nTo: disputes@exchange.example\r\nSubject: Re: your request [#{}]\r\nMessage-ID: <{}@example.com>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n--r\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n<p>See the screenshot:</p><img src=\"cid:shot-1@example.com\" alt=\"shot\">\r\n\
         --r\r\nContent-Type: image/png\r\nContent-ID: <shot-1@example.com>\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}\r\n--r--\r\n",
        customer.email,
        ticket.ticket.id,
        uuid::Uuid::new_v4()
    );
    let mailbox =
        SupportAddress { address: "disputes@exchange.example".into(), queue: "disputes".into(), language: "en".into() };
    receive(&server.state, &mailbox, &[], raw.into_bytes()).await.unwrap();
    desk.sync_now().await.unwrap();
    let mut message = None;
    for _ in 0..100 {
        let view = desk.ticket(ticket.ticket.id).await.unwrap();
        message = view
            .conversation
            .messages
            .iter()
            .rev()
            .find(|m| m.attachments.iter().any(|a| a.content_id.is_some()))
            .cloned();
        if message.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let message = message.expect("the email with an inline image reached the desk");
    let body = desk.email_body(ticket.ticket.id, message.id, false).await.unwrap();
    assert!(body.document.contains("<img src=\"data:image/png;base64,"), "{}", body.document);
    assert!(!body.document.contains("cid:"));
    assert!(!body.document.contains(&encoded), "the desk's drawing, not the sender's bytes");
    assert_eq!(body.blocked_images, 0);
}
