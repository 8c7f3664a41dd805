//! The report as a PDF, written by hand: A4 pages of wrapped text in DejaVu Sans (regular and
//! bold), each font subset to the glyphs used and embedded as a CID font with a ToUnicode map,
//! so every character — accents, Cyrillic, Arabic — can be copied and extracted exactly.
//! Characters the font has no glyph for (e.g. Chinese) print as a box but still extract as
//! themselves, and the Markdown copy shows them. Output is deterministic: the same document
//! gives the same bytes, hence the same hash.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ttf_parser::Face;

use crate::{Block, Document, ReportError};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 56.0;
const RIGHT: f32 = PAGE_W - 56.0;
const TOP: f32 = PAGE_H - 60.0;
const BOTTOM: f32 = 70.0;
const FACT_LABEL_W: f32 = 140.0;

/// A font in use: its metrics, and the characters written with it, each given a CID in
/// order of first use.
struct Font {
    face: Face<'static>,
    data: &'static [u8],
    name: &'static str,
    cids: BTreeMap<char, u16>,
}

impl Font {
    fn new(data: &'static [u8], name: &'static str) -> Result<Self, ReportError> {
        let face = Face::parse(data, 0).map_err(|e| ReportError::Font(e.to_string()))?;
        Ok(Font { face, data, name, cids: BTreeMap::new() })
    }

    fn gid(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Advance of `c` in thousandths of the font size.
    fn advance(&self, c: char) -> f32 {
        let units = self.face.glyph_hor_advance(ttf_parser::GlyphId(self.gid(c))).unwrap_or(0) as f32;
        units * 1000.0 / self.face.units_per_em() as f32
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size / 1000.0
    }

    /// The text as a PDF hex string of 2-byte CIDs.
    fn encode(&mut self, text: &str) -> String {
        let mut out = String::from("<");
        for c in text.chars() {
            let next = self.cids.len() as u16 + 1;
            let cid = *self.cids.entry(c).or_insert(next);
            let _ = write!(out, "{cid:04X}");
        }
        out.push('>');
        out
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Face2 {
    Regular,
    Bold,
}

/// One thing drawn on a page.
enum Op {
    Text { face: Face2, size: f32, x: f32, y: f32, grey: f32, text: String },
    Rule { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, grey: f32 },
}

struct Layout<'f> {
    fonts: [&'f Font; 2],
    pages: Vec<Vec<Op>>,
    y: f32,
    /// Bookmarks: title, page index, height on the page.
    marks: Vec<(String, usize, f32)>,
}

/// One piece of text on a row: its face, size, left edge and grey level.
type Cell = (Face2, f32, f32, f32, String);

impl Layout<'_> {
    fn font(&self, face: Face2) -> &Font {
        self.fonts[face as usize]
    }

    /// Starts a new page unless `height` more fits on this one.
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.pages.push(Vec::new());
            self.y = TOP;
        }
    }

    /// Sets one row of `height`, its cells side by side; returns its baseline.
    fn row(&mut self, height: f32, cells: Vec<Cell>) -> f32 {
        self.ensure(height);
        self.y -= height;
        let y = self.y;
        let page = self.pages.last_mut().expect("a page");
        for (face, size, x, grey, text) in cells {
            page.push(Op::Text { face, size, x, y, grey, text });
        }
        y
    }

    /// Wraps `text` to `width` and sets it from `x`, a row per line.
    fn text(&mut self, face: Face2, size: f32, x: f32, width: f32, grey: f32, text: &str) {
        for line in wrap(self.font(face), text, size, width) {
            self.row(size * 1.4, vec![(face, size, x, grey, line)]);
        }
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, grey: f32) {
        self.pages.last_mut().expect("a page").push(Op::Rule { x1, y1, x2, y2, width, grey });
    }

    fn gap(&mut self, points: f32) {
        self.y -= points;
    }
}

/// Keeps printable characters: control characters go, tabs become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Splits text into lines no wider than `width`: at spaces where it can, inside a word
/// (long addresses, languages written without spaces) where it must.
fn wrap(font: &Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in clean(text).split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if font.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone may still be too wide: cut it.
            for c in word.chars() {
                if font.width(&format!("{line}{c}"), size) > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

/// The pages' drawings, and the bookmarks (title, page index, height).
type Laid = (Vec<Vec<Op>>, Vec<(String, usize, f32)>);

fn lay_out(doc: &Document, fonts: [&Font; 2]) -> Laid {
    use Face2::{Bold, Regular};
    let mut layout = Layout { fonts, pages: vec![Vec::new()], y: TOP, marks: Vec::new() };
    let width = RIGHT - LEFT;
    layout.text(Bold, 17.0, LEFT, width, 0.0, &doc.title);
    layout.gap(6.0);
    let y = layout.y;
    layout.rule(LEFT, y, RIGHT, y, 0.8, 0.6);
    layout.gap(4.0);
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                layout.gap(12.0);
                layout.ensure(13.0 * 1.4 + 30.0); // a heading stays with what follows
                layout.text(Bold, 13.0, LEFT, width, 0.0, text);
                layout.gap(3.0);
            }
            Block::Paragraph(text) => {
                layout.text(Regular, 10.0, LEFT, width, 0.0, text);
                layout.gap(4.0);
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    // The label beside its value; the longer of the two sets the rows.
                    let labels = wrap(layout.font(Bold), label, 9.5, FACT_LABEL_W - 8.0);
                    let values = wrap(layout.font(Regular), value, 10.0, width - FACT_LABEL_W);
                    let rows = labels.len().max(values.len());
                    if rows as f32 * 14.0 < TOP - BOTTOM {
                        layout.ensure(rows as f32 * 14.0);
                    }
                    for i in 0..rows {
                        let mut cells = Vec::new();
                        if let Some(l) = labels.get(i) {
                            cells.push((Bold, 9.5, LEFT, 0.25, l.clone()));
                        }
                        if let Some(v) = values.get(i) {
                            cells.push((Regular, 10.0, LEFT + FACT_LABEL_W, 0.0, v.clone()));
                        }
                        layout.row(14.0, cells);
                    }
                    layout.gap(2.0);
                }
                layout.gap(4.0);
            }
            Block::List(items) => {
                for item in items {
                    for (i, line) in wrap(layout.font(Regular), item, 10.0, width - 14.0).into_iter().enumerate() {
                        let mut cells = vec![(Regular, 10.0, LEFT + 14.0, 0.0, line)];
                        if i == 0 {
                            cells.push((Regular, 10.0, LEFT + 3.0, 0.0, "•".to_owned()));
                        }
                        layout.row(14.0, cells);
                    }
                    layout.gap(3.0);
                }
                layout.gap(3.0);
            }
            Block::Quote(text) => {
                for line in wrap(layout.font(Regular), text, 9.5, width - 14.0) {
                    let y = layout.row(13.3, vec![(Regular, 9.5, LEFT + 14.0, 0.3, line)]);
                    layout.rule(LEFT + 4.0, y + 10.0, LEFT + 4.0, y - 3.3, 2.0, 0.7);
                }
                layout.gap(6.0);
            }
            Block::PageBreak => {
                if layout.y < TOP {
                    layout.pages.push(Vec::new());
                    layout.y = TOP;
                }
            }
            Block::Bookmark(title) => {
                // Points at the top of what follows (a heading stays with what follows).
                layout.ensure(13.0 * 1.4 + 42.0);
                let page = layout.pages.len() - 1;
                layout.marks.push((title.clone(), page, (layout.y + 4.0).min(PAGE_H)));
            }
        }
    }
    (layout.pages, layout.marks)
}

/// The report as PDF bytes.
pub fn to_pdf(doc: &Document) -> Result<Vec<u8>, ReportError> {
    let mut regular = Font::new(REGULAR, "DejaVuSans")?;
    let mut bold = Font::new(BOLD, "DejaVuSans-Bold")?;
    let (mut pages, marks) = lay_out(doc, [&regular, &bold]);
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        let footer = format!("{} · Page {} of {}", doc.footer, index + 1, total);
        page.push(Op::Text { face: Face2::Regular, size: 8.0, x: LEFT, y: 40.0, grey: 0.4, text: footer });
    }

    // Content streams first: they decide which characters each font needs.
    let mut contents = Vec::with_capacity(pages.len());
    for page in &pages {
        let mut stream = String::new();
        for op in page {
            match op {
                Op::Text { face, size, x, y, grey, text } => {
                    let font = if *face == Face2::Bold { &mut bold } else { &mut regular };
                    let name = if *face == Face2::Bold { "F2" } else { "F1" };
                    let hex = font.encode(text);
                    let _ =
                        writeln!(stream, "BT {grey:.2} g /{name} {size:.1} Tf 1 0 0 1 {x:.2} {y:.2} Tm {hex} Tj ET");
                }
                Op::Rule { x1, y1, x2, y2, width, grey } => {
                    let _ = writeln!(stream, "{grey:.2} G {width:.2} w {x1:.2} {y1:.2} m {x2:.2} {y2:.2} l S");
                }
            }
        }
        contents.push(stream.into_bytes());
    }

    let mut pdf = Writer::default();
    let catalog = pdf.reserve();
    let pages_id = pdf.reserve();
    let font_ids = [font_objects(&mut pdf, &regular, "AAAAAA")?, font_objects(&mut pdf, &bold, "AAAAAB")?];
    let mut kids = Vec::new();
    let mut page_ids = Vec::new();
    for content in &contents {
        let content_id = pdf.stream("", content);
        let page = pdf.object(format!(
            "<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] \
             /Resources << /Font << /F1 {} 0 R /F2 {} 0 R >> >> /Contents {content_id} 0 R >>",
            font_ids[0], font_ids[1]
        ));
        kids.push(format!("{page} 0 R"));
        page_ids.push(page);
    }
    pdf.set(pages_id, format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), kids.len()));
    let outlines = outline(&mut pdf, &marks, &page_ids);
    pdf.set(
        catalog,
        match outlines {
            Some(id) => format!("<< /Type /Catalog /Pages {pages_id} 0 R /Outlines {id} 0 R /PageMode /UseOutlines >>"),
            None => format!("<< /Type /Catalog /Pages {pages_id} 0 R >>"),
        },
    );
    let info = pdf.object(format!(
        "<< /Title {} /Producer (Arbiter) /CreationDate (D:{}) >>",
        utf16_text(&doc.title),
        doc.created
    ));
    Ok(pdf.finish(catalog, info))
}

/// The bookmarks as a flat outline (one entry each, in order); its root's object number.
fn outline(pdf: &mut Writer, marks: &[(String, usize, f32)], pages: &[usize]) -> Option<usize> {
    if marks.is_empty() {
        return None;
    }
    let root = pdf.reserve();
    let ids: Vec<usize> = marks.iter().map(|_| pdf.reserve()).collect();
    for (i, (title, page, y)) in marks.iter().enumerate() {
        let mut body = format!(
            "<< /Title {} /Parent {root} 0 R /Dest [{} 0 R /XYZ {LEFT} {y:.2} null]",
            utf16_text(title),
            pages[*page]
        );
        if i > 0 {
            body.push_str(&format!(" /Prev {} 0 R", ids[i - 1]));
        }
        if let Some(next) = ids.get(i + 1) {
            body.push_str(&format!(" /Next {next} 0 R"));
        }
        body.push_str(" >>");
        pdf.set(ids[i], body);
    }
    pdf.set(
        root,
        format!("<< /Type /Outlines /First {} 0 R /Last {} 0 R /Count {} >>", ids[0], ids[ids.len() - 1], ids.len()),
    );
    Some(root)
}

/// The Type0 font and everything it needs; returns the Type0 font's object number.
fn font_objects(pdf: &mut Writer, font: &Font, tag: &str) -> Result<usize, ReportError> {
    let chars: Vec<(char, u16)> = {
        let mut by_cid: Vec<(char, u16)> = font.cids.iter().map(|(c, cid)| (*c, *cid)).collect();
        by_cid.sort_by_key(|(_, cid)| *cid);
        by_cid
    };
    let mut remapper = subsetter::GlyphRemapper::new();
    let new_gids: Vec<u16> = chars.iter().map(|(c, _)| remapper.remap(font.gid(*c))).collect();
    let subset = subsetter::subset(font.data, 0, &remapper).map_err(|e| ReportError::Font(format!("{e:?}")))?;
    let file = pdf.stream(&format!("/Length1 {}", subset.len()), &subset);

    // CID → glyph in the subset (CID 0 stays .notdef).
    let mut cid_to_gid = vec![0u8, 0u8];
    for gid in &new_gids {
        cid_to_gid.extend_from_slice(&gid.to_be_bytes());
    }
    let cid_map = pdf.stream("", &cid_to_gid);

    let widths: Vec<String> = chars.iter().map(|(c, _)| format!("{:.0}", font.advance(*c))).collect();
    let units = font.face.units_per_em() as f32;
    let scale = |v: i16| (v as f32 * 1000.0 / units).round() as i32;
    let bbox = font.face.global_bounding_box();
    let base = format!("{tag}+{}", font.name);
    let descriptor = pdf.object(format!(
        "<< /Type /FontDescriptor /FontName /{base} /Flags 32 /FontBBox [{} {} {} {}] /ItalicAngle 0 \
         /Ascent {} /Descent {} /CapHeight {} /StemV 80 /FontFile2 {file} 0 R >>",
        scale(bbox.x_min),
        scale(bbox.y_min),
        scale(bbox.x_max),
        scale(bbox.y_max),
        scale(font.face.ascender()),
        scale(font.face.descender()),
        scale(font.face.capital_height().unwrap_or(font.face.ascender())),
    ));
    let cid_font = pdf.object(format!(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
         /FontDescriptor {descriptor} 0 R /DW 1000 /W [1 [{}]] /CIDToGIDMap {cid_map} 0 R >>",
        widths.join(" ")
    ));
    let to_unicode = pdf.stream("", to_unicode_cmap(&chars).as_bytes());
    Ok(pdf.object(format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H \
         /DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>"
    )))
}

/// Maps each CID back to its character, so text can be copied and extracted.
fn to_unicode_cmap(chars: &[(char, u16)]) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for group in chars.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", group.len());
        for (c, cid) in group {
            let mut units = [0u16; 2];
            let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect();
            let _ = writeln!(cmap, "<{cid:04X}> <{hex}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

/// A PDF text string in UTF-16 (for metadata, which may hold any character).
fn utf16_text(text: &str) -> String {
    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}>")
}

/// Numbered objects, then the cross-reference table.
#[derive(Default)]
struct Writer {
    objects: Vec<Option<Vec<u8>>>,
}

impl Writer {
    fn reserve(&mut self) -> usize {
        self.objects.push(None);
        self.objects.len()
    }

    fn set(&mut self, id: usize, body: String) {
        self.objects[id - 1] = Some(body.into_bytes());
    }

    fn object(&mut self, body: String) -> usize {
        let id = self.reserve();
        self.set(id, body);
        id
    }

    /// A compressed stream with `extra` dictionary entries.
    fn stream(&mut self, extra: &str, data: &[u8]) -> usize {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, 6);
        let mut body = format!("<< /Length {} /Filter /FlateDecode {extra} >>\nstream\n", packed.len()).into_bytes();
        body.extend_from_slice(&packed);
        body.extend_from_slice(b"\nendstream");
        let id = self.reserve();
        self.objects[id - 1] = Some(body);
        id
    }

    fn finish(self, root: usize, info: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (index, body) in self.objects.into_iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
            out.extend_from_slice(&body.expect("every reserved object is set"));
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
        for offset in &offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                offsets.len() + 1
            )
            .as_bytes(),
        );
        out
    }
}
