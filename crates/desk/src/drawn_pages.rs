//! PDF pages of attachments drawn lately, kept in memory: a page takes tens of milliseconds
//! to draw again, and agents page back and forth.

use std::collections::VecDeque;
use std::sync::Mutex;

/// Pages kept.
const DRAWN_PAGES: usize = 24;

/// A PDF page: the file's SHA-256 and the page's number.
type PageKey = (String, u32);

/// Drawn PDF pages, most recent last.
#[derive(Default)]
pub(crate) struct DrawnPages(Mutex<VecDeque<(PageKey, Vec<u8>)>>);

impl DrawnPages {
    pub(crate) fn get(&self, key: &PageKey) -> Option<Vec<u8>> {
        let pages = self.0.lock().unwrap_or_else(|e| e.into_inner());
        pages.iter().find(|(k, _)| k == key).map(|(_, png)| png.clone())
    }

    pub(crate) fn keep(&self, key: PageKey, png: Vec<u8>) {
        let mut pages = self.0.lock().unwrap_or_else(|e| e.into_inner());
        pages.retain(|(k, _)| *k != key);
        if pages.len() >= DRAWN_PAGES {
            pages.pop_front();
        }
        pages.push_back((key, png));
    }
}
