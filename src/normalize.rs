//! Normalisation of OCR'd newspaper text: reflow of hard-wrapped columns, removal of spurious
//! spaces, full-width folding, block kinds (body, heading, byline, caption) and sentence
//! boundaries. One linear pass over the lines; the result carries an [`OffsetMap`] back to the
//! original input.
//!
//! ```
//! use tiqu::normalize::{normalize, BlockKind};
//! let n = normalize("完成 税 收 10 亿 元 以 上\n\n，解决就业１２０００余人。");
//! assert_eq!(n.text, "完成税收10亿元以上，解决就业12000余人。");
//! assert_eq!(n.blocks[0].kind, BlockKind::Body);
//! ```

pub use crate::chars::is_clause_break;
use crate::chars::{chinese_digit, is_closing, is_han, is_scale, is_sentence_end, is_space};
use crate::span::{OffsetMap, Span};
use std::sync::LazyLock;

/// Page furniture words (`src/data/page_furniture.tsv`).
struct Furniture {
    byline_starts: Vec<&'static str>,
    caption_credits: Vec<&'static str>,
    caption_starts: Vec<&'static str>,
    meta_labels: Vec<&'static str>,
    /// The first characters of the words that open a line of furniture, and the last ones of
    /// the credits that end one: most lines are tested against these alone.
    firsts: Vec<char>,
    lasts: Vec<char>,
}

impl Furniture {
    fn may_open(&self, line: &str) -> bool {
        line.chars()
            .next()
            .is_some_and(|c| self.firsts.contains(&c))
    }

    fn may_close(&self, line: &str) -> bool {
        line.chars()
            .next_back()
            .is_some_and(|c| self.lasts.contains(&c))
    }
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let mut f = Furniture {
        byline_starts: Vec::new(),
        caption_credits: Vec::new(),
        caption_starts: Vec::new(),
        meta_labels: Vec::new(),
        firsts: Vec::new(),
        lasts: Vec::new(),
    };
    let table = include_str!("data/page_furniture.tsv");
    for (_, line) in crate::lexicon::data_lines(table) {
        match line.split_once('\t') {
            Some((w, "byline_start")) => f.byline_starts.push(w),
            Some((w, "caption_credit")) => f.caption_credits.push(w),
            Some((w, "caption_start")) => f.caption_starts.push(w),
            Some((w, "meta_label")) => f.meta_labels.push(w),
            // the embedded table is checked by a test: no other lines
            _ => {}
        }
    }
    let openers = f
        .byline_starts
        .iter()
        .chain(&f.caption_starts)
        .chain(&f.meta_labels);
    f.firsts = openers.filter_map(|w| w.chars().next()).collect();
    f.lasts = f
        .caption_credits
        .iter()
        .filter_map(|w| w.chars().next_back())
        .collect();
    f
});

named_enum! {
    /// What a block of the normalised text is.
    pub enum BlockKind ("block kind") {
        /// Running text: parsed for quantities, entities and facts.
        Body = "body",
        /// A short title line without sentence punctuation.
        Heading = "heading",
        /// A byline (`□ 本报记者 刘念`): only names are taken from it.
        Byline = "byline",
        /// A photo caption or credit (`… 包头市发展改革委提供`): names are taken, no facts.
        Caption = "caption",
        /// A source or date line (`2012-07-20 来源：上海证券报`, `发布时间：2011-04-01`): its dates
        /// and names are taken (the document date comes from it), no facts.
        Meta = "meta",
    }
}

/// A paragraph-level unit of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it lies in the normalised text.
    pub span: Span,
    /// Its sentences, in the normalised text.
    pub sentences: Vec<Span>,
}

/// The normalised text, its map back to the original, and its blocks.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Normalized {
    /// Normalised text: blocks joined by `\n`.
    pub text: String,
    /// Byte offsets of `text` back to the original input.
    pub map: OffsetMap,
    /// Blocks in order.
    pub blocks: Vec<Block>,
}

/// One physical line of the input.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// The line without surrounding white space.
    content: Span,
    /// Display width of the content: wide (CJK) characters count 2, others 1.
    width: usize,
    kind: LineKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Text,
    Byline,
    Caption,
    Meta,
}

/// Characters that make a line end a paragraph when the line is short.
fn ends_paragraph(c: char) -> bool {
    is_sentence_end(c) || is_closing(c) || c == '：'
}

/// Fold full-width digits, Latin letters and the signs used in numbers to ASCII.
pub fn fold(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '％' => '%',
        '．' => '.',
        '＋' => '+',
        '－' | '−' => '-',
        '／' => '/',
        '＆' => '&',
        _ => c,
    }
}

/// Display width of a line, for layout decisions: ASCII is one column, anything else two per
/// three bytes (CJK characters, CJK punctuation and full-width forms are three bytes wide in
/// UTF-8 and two columns on the page). Counted on bytes: it runs on every line.
fn width(text: &str) -> usize {
    let ascii = text.bytes().filter(u8::is_ascii).count();
    ascii + (text.len() - ascii) * 2 / 3
}

/// Does `s` hold a character that [`fold`] changes? Full-width digits, letters and number signs
/// are `EF BC xx` / `EF BD xx` in UTF-8 (the full-width comma and brackets are too, and stay);
/// the minus sign is `E2 88 92`.
fn needs_fold(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        0xEF => match (b.get(i + 1), b.get(i + 2)) {
            // the full-width comma only as a thousands separator (56，380.00元)
            (Some(0xBC), Some(0x8C)) => thousands_comma(s, i),
            (Some(0xBC), Some(&c)) => {
                matches!(c, 0x85 | 0x86 | 0x8B | 0x8D | 0x8E | 0x8F | 0x90..=0x99 | 0xA1..=0xBA)
            }
            (Some(0xBD), Some(&c)) => (0x81..=0x9A).contains(&c),
            _ => false,
        },
        0xE2 => b.get(i + 1) == Some(&0x88) && b.get(i + 2) == Some(&0x92),
        _ => false,
    })
}

/// Is the full-width comma at byte `at` of `s` a thousands separator: a digit before it, exactly
/// three digits after it (ASCII or full-width), then no digit (`56，380.00元`)?
fn thousands_comma(s: &str, at: usize) -> bool {
    let digit = |c: char| fold(c).is_ascii_digit();
    let before = s[..at].chars().next_back().is_some_and(digit);
    let mut after = s[at + '，'.len_utf8()..].chars();
    before
        && after.by_ref().take(3).filter(|&c| digit(c)).count() == 3
        && !after.next().is_some_and(digit)
}

/// The character the normaliser writes for `c` at byte `at` of the line `s`: [`fold`], and a
/// thousands separator for a full-width comma between digit groups.
fn fold_at(s: &str, at: usize, c: char) -> char {
    if c == '，' && thousands_comma(s, at) {
        ','
    } else {
        fold(c)
    }
}

/// Byline markers and words (`width` is the content's display width).
fn is_byline(content: &str, width: usize) -> bool {
    let first = content.chars().next();
    if matches!(first, Some('□' | '■' | '◆' | '◇' | '●' | '○' | '△' | '▲')) {
        return true;
    }
    let starts = &FURNITURE.byline_starts;
    // a role word followed only by names: "本报记者 刘念", "记者 张三 李四" (not "记者从…获悉")
    width <= 40
        && FURNITURE.may_open(content)
        && starts.iter().any(|s| {
            content.strip_prefix(s).is_some_and(|rest| {
                let names: Vec<&str> = rest.split(is_space).filter(|w| !w.is_empty()).collect();
                !names.is_empty()
                    && names.len() <= 6
                    && names
                        .iter()
                        .all(|n| n.chars().count() <= 4 && n.chars().all(is_han))
                    && (rest.starts_with(is_space) || s.ends_with('/') || s.ends_with('／'))
            })
        })
}

/// Source and date lines: a label (`来源：`, `发布时间：` — the `meta_label` list) or a numeric date
/// (`2012-07-20 来源：上海证券报`, `2020-11-05 14:02:11`) at the start of a short line.
fn is_meta(content: &str) -> bool {
    let labelled = FURNITURE.may_open(content)
        && FURNITURE.meta_labels.iter().any(|w| {
            content
                .strip_prefix(w)
                .is_some_and(|r| r.starts_with([':', '：', ' ', '\u{3000}']))
        });
    let b = content.as_bytes();
    let dated = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/')
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b[4]
        && b[8..10].iter().all(u8::is_ascii_digit)
        && !b.get(10).is_some_and(u8::is_ascii_digit);
    (labelled || dated) && content.chars().count() <= 40
}

/// Photo captions and credits: a line ending in a credit word after a space, or starting with 图为.
fn is_caption(content: &str) -> bool {
    let credits = &FURNITURE.caption_credits;
    let trimmed = content.trim_end_matches(|c: char| is_space(c) || c == '）' || c == ')');
    let credit_end = FURNITURE.may_close(trimmed)
        && credits.iter().any(|w| {
            trimmed.strip_suffix(w).is_some_and(|head| {
                // the credit follows a space or opening bracket: "… 包头市发展改革委提供", "（记者 张三 摄）"
                head.rfind(|c: char| is_space(c) || c == '（' || c == '(')
                    .is_some_and(|i| head[i..].chars().count() <= 16)
            })
        });
    credit_end
        || FURNITURE.may_open(content)
            && FURNITURE
                .caption_starts
                .iter()
                .any(|w| content.starts_with(w))
}

fn split_lines(input: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for raw in input.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches(is_space).len();
        let trimmed = body.trim_matches(is_space);
        let content = Span::new(pos + lead, pos + lead + trimmed.len());
        let width = width(trimmed);
        let kind = if trimmed.is_empty() {
            LineKind::Blank
        } else if is_byline(trimmed, width) {
            LineKind::Byline
        } else if is_caption(trimmed) {
            LineKind::Caption
        } else if is_meta(trimmed) {
            LineKind::Meta
        } else {
            LineKind::Text
        };
        lines.push(Line {
            content,
            width,
            kind,
        });
        pos += raw.len();
    }
    lines
}

/// Layout facts about the text lines: the column width, if the text is hard-wrapped, and whether
/// blank lines are only spacing (every line followed by a blank one) rather than paragraph breaks.
#[derive(Debug, Clone, Copy)]
struct Layout {
    column: Option<usize>,
    blank_is_spacing: bool,
}

fn layout(lines: &[Line]) -> Layout {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| l.width)
        .collect();
    widths.sort_unstable();
    let column = if widths.len() >= 4 {
        let w = widths[widths.len() * 3 / 4];
        let near = widths.iter().filter(|&&x| x + 5 >= w && x <= w + 2).count();
        (w <= 120 && near * 2 >= widths.len()).then_some(w)
    } else {
        None
    };
    // gaps between consecutive non-blank lines, and how many of them hold a blank line
    let (mut gaps, mut blank_gaps, mut seen_text, mut blank_run) = (0usize, 0usize, false, false);
    for l in lines {
        if l.kind == LineKind::Blank {
            blank_run = true;
        } else {
            if seen_text {
                gaps += 1;
                blank_gaps += usize::from(blank_run);
            }
            seen_text = true;
            blank_run = false;
        }
    }
    Layout {
        column,
        blank_is_spacing: column.is_some() && gaps >= 4 && blank_gaps * 10 >= gaps * 7,
    }
}

/// The longest label (characters) before the colon that opens a row (`上年同期：盈利3300万元`).
const LABEL_WIDTH: usize = 12;

/// Groups of line indices, each one block of the output.
fn paragraphs(input: &str, lines: &[Line], layout: Layout) -> Vec<(BlockKind, Vec<usize>)> {
    let mut out: Vec<(BlockKind, Vec<usize>)> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    // a paragraph of one short line without sentence punctuation is a heading
    let flush = |current: &mut Vec<usize>, out: &mut Vec<(BlockKind, Vec<usize>)>| {
        if current.is_empty() {
            return;
        }
        let single = current.len() == 1 && layout.column.is_none();
        let kind = if single && is_heading(&input[lines[current[0]].content.range()], 40) {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
        out.push((kind, std::mem::take(current)));
    };
    // the article's first line, when it reads as a title (玉环市2019年国民经济和社会发展统计公报)
    // and the line after it is longer, is no sentence cut short even though it holds a number
    let title = lines
        .iter()
        .position(|l| l.kind == LineKind::Text)
        .filter(|&t| is_heading(&input[lines[t].content.range()], 40));
    for (i, line) in lines.iter().enumerate() {
        let text = &input[line.content.range()];
        // a line break inside a number or before punctuation is a wrap, whatever the layout:
        // "943亿⏎⏎元", "……项目⏎，"
        let section = line.kind == LineKind::Text && is_section_title(text);
        let continues = !section
            && current.last().is_some_and(|&p| {
                let prev_text = &input[lines[p].content.range()];
                if is_section_title(prev_text) {
                    return false;
                }
                let prev = prev_text.chars().next_back();
                let next = text.chars().next().map(fold);
                // a line that stops mid-sentence: it holds a number or a comma, and no sentence end
                let title = title == Some(p) && width(text) > width(prev_text);
                // a line that opens with a short label and a colon starts a row of its own
                // (净利润：盈利5000万元 ⏎ 比上年同期增长：50%至80%)
                let label_row = text
                    .find([':', '：'])
                    .is_some_and(|i| (1..=LABEL_WIDTH).contains(&text[..i].chars().count()));
                let fragment = !title
                    && !label_row
                    && prev.is_some_and(|c| !ends_paragraph(c) && !matches!(c, '，' | '、'))
                    && prev_text.contains(|c: char| {
                        fold(c).is_ascii_digit() || matches!(c, '，' | '、' | '；')
                    })
                    && next.is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric());
                breaks_inside(prev, next) || fragment
            });
        match line.kind {
            LineKind::Blank => {
                if !layout.blank_is_spacing && layout.column.is_some() {
                    flush(&mut current, &mut out);
                }
            }
            LineKind::Byline | LineKind::Caption | LineKind::Meta => {
                flush(&mut current, &mut out);
                let kind = match line.kind {
                    LineKind::Byline => BlockKind::Byline,
                    LineKind::Caption => BlockKind::Caption,
                    _ => BlockKind::Meta,
                };
                out.push((kind, vec![i]));
            }
            LineKind::Text if section && layout.column.is_none_or(|c| line.width + 5 < c) => {
                flush(&mut current, &mut out);
                out.push((BlockKind::Heading, vec![i]));
            }
            LineKind::Text => {
                let last = text.chars().next_back().unwrap_or(' ');
                let Some(column) = layout.column else {
                    // not a column: every line is a paragraph of its own, unless it continues
                    // a number or a sentence cut by a wrap
                    if !continues {
                        flush(&mut current, &mut out);
                    }
                    current.push(i);
                    continue;
                };
                let full = line.width + 5 >= column;
                if line.width > column + 8 {
                    // far wider than the column: a caption or a line set apart
                    flush(&mut current, &mut out);
                    out.push((BlockKind::Body, vec![i]));
                } else if current.is_empty() && !full && is_heading(text, column * 3 / 4) {
                    out.push((BlockKind::Heading, vec![i]));
                } else {
                    current.push(i);
                    // a numbered section title wrapped over lines ends at its first short line
                    // (二、前两个月人民币贷款增加6.37 ⏎ 万亿元)
                    let title = current
                        .first()
                        .is_some_and(|&f| is_section_title(&input[lines[f].content.range()]))
                        && !ends_paragraph(last);
                    if !full && title {
                        out.push((BlockKind::Heading, std::mem::take(&mut current)));
                    } else if !full && ends_paragraph(last) {
                        flush(&mut current, &mut out);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut out);
    // a heading heads what follows it: a last line without a sentence end is running text
    // (营业收入同比增长12.5%)
    if let Some(last) = out.last_mut().filter(|(k, _)| *k == BlockKind::Heading) {
        last.0 = BlockKind::Body;
    }
    out
}

/// Does a line break between `prev` and `next` cut a number or a sentence (a digit or 万/亿
/// before it, a comma or closing mark after it)?
fn breaks_inside(prev: Option<char>, next: Option<char>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    let p = fold(p);
    let chinese_digit = |c: char| chinese_digit(c).is_some() || c == '十';
    (p.is_ascii_digit() || is_scale(p) || p == '.')
        && !is_sentence_end(n)
        && (n.is_ascii_digit() || is_han(n) || matches!(n, '%' | '.'))
        // 二⏎〇二三年, 九⏎月: a Chinese numeral cut before its next digit or its date word
        || chinese_digit(p) && (chinese_digit(n) || matches!(n, '月' | '日' | '年' | '号' | '季'))
        || matches!(n, '，' | '、' | '。' | '；' | '：' | '）' | '”' | '%') && !is_sentence_end(p)
}

/// The length of a section number opening `text`: `一、`, `（一）`, `(2)`, `3、`, `4.` (not
/// `4.5`), `第三章`.
pub(crate) fn section_marker(text: &str) -> Option<usize> {
    let numeral = |c: char| chinese_digit(c).is_some() || c == '十' || c.is_ascii_digit();
    let mut cs = text.char_indices().peekable();
    let (_, first) = *cs.peek()?;
    if matches!(first, '（' | '(') {
        cs.next();
        let mut n = 0;
        while cs.next_if(|&(_, c)| numeral(c)).is_some() {
            n += 1;
        }
        let (o, c) = cs.next()?;
        return (n > 0 && n <= 3 && matches!(c, '）' | ')')).then(|| o + c.len_utf8());
    }
    let mut n = 0;
    while cs.next_if(|&(_, c)| numeral(c)).is_some() {
        n += 1;
    }
    let (o, c) = cs.next()?;
    let after = text[o + c.len_utf8()..].chars().next();
    let marker = match c {
        '、' => true,
        '.' | '．' => first.is_ascii_digit() && !after.is_some_and(|a| a.is_ascii_digit()),
        _ => false,
    };
    (n > 0 && n <= 3 && marker).then(|| o + c.len_utf8())
}

/// A numbered section title: a section number, then a short line without a sentence end
/// (`一、广义货币增长8.7%`, `（二）主营业务的影响`). It stands alone: no line joins it.
fn is_section_title(text: &str) -> bool {
    section_marker(text).is_some_and(|n| {
        let rest = &text[n..];
        width(rest) <= 60 && !rest.chars().any(is_sentence_end)
    })
}

/// A short line with no sentence punctuation inside or at its end.
fn is_heading(text: &str, max_width: usize) -> bool {
    width(text) <= max_width
        && !text
            .chars()
            .any(|c| is_sentence_end(c) || matches!(c, '，' | ',' | '、' | '：' | ':' | '“' | '”'))
}

/// Builds the normalised text and its map.
struct Writer<'a> {
    input: &'a str,
    text: String,
    map: OffsetMap,
}

impl Writer<'_> {
    fn push(&mut self, c: char, original: Span) {
        self.text.push(c);
        self.map.push(c.len_utf8(), original);
    }

    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Append one line's content: folds characters and drops spaces that only pad CJK text.
    fn push_line(&mut self, content: Span, byline: bool) {
        let s = &self.input[content.range()];
        if !byline && !s.contains(is_space) && !needs_fold(s) {
            // the common case: the line is copied as it is
            self.text.push_str(s);
            self.map.push_copied(s.len(), content.start);
            return;
        }
        if !byline && !s.contains(is_space) {
            // nothing to drop; copy runs of characters that need no folding in one piece, fold
            // the others one by one
            let mut run = 0;
            for (off, c) in s.char_indices() {
                let f = fold_at(s, off, c);
                if f == c {
                    continue;
                }
                self.text.push_str(&s[run..off]);
                self.map.push_copied(off - run, content.start + run);
                let at = content.start + off;
                self.push(f, Span::new(at, at + c.len_utf8()));
                run = off + c.len_utf8();
            }
            self.text.push_str(&s[run..]);
            self.map.push_copied(s.len() - run, content.start + run);
            return;
        }
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (off, c) = chars[i];
            let at = content.start + off;
            if !is_space(c) {
                self.push(fold_at(s, off, c), Span::new(at, at + c.len_utf8()));
                i += 1;
                continue;
            }
            // a run of spaces: keep one only between two Latin/digit characters, or in a byline
            // between two names (runs of single characters are a padded name: "刘 念" → 刘念)
            let mut j = i;
            while j < chars.len() && is_space(chars[j].1) {
                j += 1;
            }
            let prev = self.last();
            let next = chars.get(j).map(|&(_, c)| fold(c));
            let keep = match (prev, next) {
                (Some(_), Some(_)) if byline => !byline_pad(&chars, i, j),
                // "Windows 10", "China Daily", "表1 2019年", "2020-11-05 14:02:11"; but a
                // thousands group ("1 000") or OCR-spaced digits ("1 2 0") are one number
                (Some(p), Some(n)) if p.is_ascii_digit() && n.is_ascii_digit() => {
                    !self.joins_digits(&chars[j..])
                }
                (Some(p), Some(n)) => p.is_ascii_alphanumeric() && n.is_ascii_alphanumeric(),
                _ => false,
            };
            if keep {
                let first = content.start + chars[i].0;
                self.push(' ', Span::new(first, first + chars[i].1.len_utf8()));
            }
            i = j;
        }
    }
}

impl Writer<'_> {
    /// Do the digits written last and the digits of `next` form one number across a space: a
    /// thousands group ("3 000": one to three digits, then exactly three) or OCR-spaced single
    /// digits ("1 2 0")?
    fn joins_digits(&self, next: &[(usize, char)]) -> bool {
        let before = self
            .text
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        let after = next
            .iter()
            .take_while(|(_, c)| fold(*c).is_ascii_digit())
            .count();
        let group = (1..=3).contains(&before)
            && after == 3
            && !next
                .get(3)
                .is_some_and(|&(_, c)| c == '.' || c == ':' || c == '-');
        group || (before == 1 && after == 1)
    }
}

/// In a byline, the spaces between `i..j` pad a name when the characters on both sides stand
/// alone between spaces (or the line's marker): `于 水` → 于水.
fn byline_pad(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let single_before = i >= 1
        && is_han(chars[i - 1].1)
        && (i < 2 || is_space(chars[i - 2].1) || !is_han(chars[i - 2].1));
    let single_after =
        j < chars.len() && is_han(chars[j].1) && (j + 1 >= chars.len() || is_space(chars[j + 1].1));
    single_before && single_after
}

/// Normalise `input`: see the module docs.
pub fn normalize(input: &str) -> Normalized {
    let lines = split_lines(input);
    let layout = layout(&lines);
    let groups = paragraphs(input, &lines, layout);
    let mut w = Writer {
        input,
        text: String::with_capacity(input.len()),
        map: OffsetMap::with_capacity(lines.len() * 2 + 16),
    };
    let mut blocks = Vec::with_capacity(groups.len());
    for (kind, idx) in groups {
        if !w.text.is_empty() {
            // the block break stands for the line break after the previous block
            let prev_line = &lines[idx[0].saturating_sub(1)];
            let brk = prev_line.content.end;
            let brk_end = input[brk..]
                .char_indices()
                .nth(1)
                .map_or(input.len(), |(o, _)| brk + o);
            w.push('\n', Span::new(brk, brk_end.max(brk)));
        }
        let start = w.text.len();
        for (n, &li) in idx.iter().enumerate() {
            let line = lines[li];
            if n > 0 {
                let prev = w.last();
                let next = input[line.content.range()].chars().next().map(fold);
                if let (Some(p), Some(nx)) = (prev, next) {
                    if p.is_ascii_alphabetic() && nx.is_ascii_alphabetic() {
                        let brk = lines[idx[n - 1]].content.end;
                        w.push(' ', Span::new(brk, brk + 1));
                    }
                }
            }
            // bylines and captions keep the spaces that separate names and credits
            w.push_line(
                line.content,
                matches!(kind, BlockKind::Byline | BlockKind::Caption),
            );
        }
        let span = Span::new(start, w.text.len());
        let sentences = sentences(&w.text, span);
        blocks.push(Block {
            kind,
            span,
            sentences,
        });
    }
    Normalized {
        text: w.text,
        map: w.map,
        blocks,
    }
}

/// Sentences of `text[span]`: each ends after a run of sentence-ending marks and the closing
/// quotes or brackets that follow them.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let mut in_end = false;
    // a span that does not slice `text` has no sentences
    let Some(piece) = text.get(span.range()) else {
        return out;
    };
    for (off, c) in piece.char_indices() {
        let at = span.start + off;
        if is_sentence_end(c) || (in_end && is_closing(c)) {
            in_end = true;
            continue;
        }
        if in_end {
            out.push(Span::new(start, at));
            start = at;
            in_end = false;
        }
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
    out
}

/// Clauses of a sentence: split after each clause separator.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    // a span that does not slice `text` has no clauses
    let Some(piece) = text.get(sentence.range()) else {
        return out;
    };
    let digit_at = |o: usize| piece.as_bytes().get(o).is_some_and(u8::is_ascii_digit);
    for (off, c) in piece.char_indices() {
        // inside a number a comma or colon groups digits (14,063.75, 14:02): no break
        let in_number = matches!(c, ',' | ':') && off > 0 && digit_at(off - 1) && digit_at(off + 1);
        if is_clause_break(c) && !in_number {
            let end = sentence.start + off;
            if end > start {
                out.push(Span::new(start, end));
            }
            start = end + c.len_utf8();
        }
    }
    if start < sentence.end {
        out.push(Span::new(start, sentence.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_furniture_line_has_a_known_list() {
        let table = include_str!("data/page_furniture.tsv");
        let lines = crate::lexicon::data_lines(table).count();
        let f = &*FURNITURE;
        let read = f.byline_starts.len()
            + f.caption_credits.len()
            + f.caption_starts.len()
            + f.meta_labels.len();
        assert_eq!(read, lines);
    }

    #[test]
    fn commas_and_colons_inside_numbers_break_no_clause() {
        let text = "实现营业收入14,063.75万元,同比减少15.48%,于14:02发布";
        let got: Vec<&str> = clauses(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(
            got,
            ["实现营业收入14,063.75万元", "同比减少15.48%", "于14:02发布"]
        );
    }

    #[test]
    fn numbered_section_titles_stand_alone() {
        let n = normalize("一、广义货币增长8.7%\n2月末,广义货币余额299.56万亿元。\n（二）主营业务的影响\n公司加大销售力度。");
        let kinds: Vec<(&str, BlockKind)> = texts(&n);
        assert_eq!(
            kinds,
            [
                ("一、广义货币增长8.7%", BlockKind::Heading),
                ("2月末,广义货币余额299.56万亿元。", BlockKind::Body),
                ("（二）主营业务的影响", BlockKind::Heading),
                ("公司加大销售力度。", BlockKind::Body),
            ]
        );
        for (text, want) in [
            ("一、", Some(6)),
            ("（一）", Some(9)),
            ("3.", Some(2)),
            ("3.5", None),
            ("2019年", None),
        ] {
            assert_eq!(section_marker(text), want, "{text}");
        }
    }

    #[test]
    fn source_and_date_lines_stand_apart() {
        for line in [
            "发布时间:2011-04-01",
            "2012-07-20 来源:上海证券报",
            "2020-11-05 14:02:11",
        ] {
            let n = normalize(&format!("{line}\n\n今年一季度产量增长8%。"));
            let kinds: Vec<BlockKind> = n.blocks.iter().map(|b| b.kind).collect();
            assert_eq!(kinds, [BlockKind::Meta, BlockKind::Body], "{line}");
        }
    }

    fn texts(n: &Normalized) -> Vec<(&str, BlockKind)> {
        n.blocks
            .iter()
            .map(|b| (&n.text[b.span.range()], b.kind))
            .collect()
    }

    #[test]
    fn spaces_between_cjk_digits_and_units_are_removed() {
        assert_eq!(normalize("税 收 10 亿 元 以 上").text, "税收10亿元以上");
        assert_eq!(normalize("2023 年可实现").text, "2023年可实现");
        assert_eq!(normalize("新增企业 97 家").text, "新增企业97家");
        assert_eq!(normalize("，解 决 就业").text, "，解决就业");
    }

    #[test]
    fn spaces_between_latin_words_are_kept() {
        assert_eq!(normalize("Windows  10 系统").text, "Windows 10系统");
        assert_eq!(normalize("China Daily 报道").text, "China Daily报道");
        // digit groups split by OCR spacing are one number
        assert_eq!(normalize("1 000").text, "1000");
        // two numbers are not: a table number and a year, a date and a time
        assert_eq!(normalize("表1 2019年").text, "表1 2019年");
        assert_eq!(normalize("2020-11-05 14:02:11").text, "2020-11-05 14:02:11");
    }

    #[test]
    fn full_width_commas_between_digit_groups_are_thousands_separators() {
        assert_eq!(normalize("56，380.00元").text, "56,380.00元");
        assert_eq!(normalize("１２，３４５元").text, "12,345元");
        assert_eq!(normalize("2019，2020年").text, "2019，2020年");
        assert_eq!(normalize("增长5，是").text, "增长5，是");
    }

    #[test]
    fn full_width_forms_are_folded() {
        let n = normalize("增长８７．５％，ＧＤＰ");
        assert_eq!(n.text, "增长87.5%，GDP");
        // the folded span maps back to the full-width original
        let s = n
            .text
            .find("87.5%")
            .map(|i| Span::new(i, i + 5))
            .unwrap_or_default();
        let o = n.map.to_original(s);
        assert_eq!(&"增长８７．５％，ＧＤＰ"[o.range()], "８７．５％");
    }

    #[test]
    fn the_byte_test_for_folding_agrees_with_fold() {
        let chars = (0x2000u32..0x2300)
            .chain(0xFF00..0xFF70)
            .chain(0x3000..0x3010);
        for c in chars
            .filter_map(char::from_u32)
            .chain("abc，。、（）好".chars())
        {
            let s = c.to_string();
            assert_eq!(needs_fold(&s), fold(c) != c, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn hard_wrapped_column_is_reflowed() {
        let input = "工业兴则经济兴、工业强则地区\n\n强。党的二十大擘画了全面建成社会\n\n主义现代化强国的宏伟蓝图，包头市\n\n亿元以上项目432个，完成投资943亿\n\n元，新增规上工业企业81家。\n\n推进产业转型升级\n\n今年在国家发展改革委办公厅发\n\n出的通知上，包头市获通报表扬，成\n\n为连续两年获得表彰。\n\n好。\n";
        let n = normalize(input);
        let t = texts(&n);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[0].0.contains("地区强。党的二十大"));
        assert!(t[0].0.contains("943亿元，新增"));
        assert_eq!(t[1], ("推进产业转型升级", BlockKind::Heading));
        assert!(t[2].0.starts_with("今年在"));
        assert!(t[2].0.ends_with("获通报表扬，成为连续两年获得表彰。"));
        // the money that crosses the wrap maps back over the blank line
        let at = n.text.find("943亿元").unwrap_or(0);
        let o = n.map.to_original(Span::new(at, at + "943亿元".len()));
        assert_eq!(&input[o.range()], "943亿\n\n元");
    }

    #[test]
    fn a_wrapped_section_title_ends_at_its_short_line() {
        let input = "末，广义货币余额299.56万亿元，同\n\n比增长8.7%。狭义货币余额66.59万\n\n亿元，同比增长1.2%。\n\n二、前两个月人民币贷款增加6.37\n\n万亿元\n\n2月末，本外币贷款余额248.67万亿\n\n元，同比增长9.7%。\n";
        let n = normalize(input);
        let t = texts(&n);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(
            t[1],
            ("二、前两个月人民币贷款增加6.37万亿元", BlockKind::Heading)
        );
        assert!(t[2].0.starts_with("2月末，本外币贷款余额"), "{t:?}");
    }

    #[test]
    fn single_spaced_paragraphs_break_on_blank_lines() {
        let input = "第一段第一行文字很长很长很长的内容\n第一段第二行文字很长很长很长的内容\n\n第二段第一行文字很长很长很长的内容\n第二段第二行文字很长很长很长的内容\n";
        let n = normalize(input);
        assert_eq!(n.blocks.len(), 2);
    }

    #[test]
    fn unwrapped_text_keeps_one_paragraph_per_line() {
        let input = "今年一季度，全省规模以上工业增加值同比增长6.5%，比上年同期加快0.8个百分点，其中制造业增长7.1%。\n标题\n出口总额达到1200亿元。\n";
        let n = normalize(input);
        let t = texts(&n);
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].1, BlockKind::Heading);
    }

    #[test]
    fn a_wrap_inside_a_number_joins_short_texts_too() {
        let n = normalize("完成投资943亿\n\n元，增长１２\n.5%。\n");
        assert_eq!(n.text, "完成投资943亿元，增长12.5%。");
        assert_eq!(n.blocks.len(), 1);
        // a heading stays apart, and a sentence break is not joined
        let n = normalize("推进产业转型升级\n今年增长5%。\n明年增长6%。");
        let t = texts(&n);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0].1, BlockKind::Heading);
    }

    #[test]
    fn bylines_and_captions_are_marked() {
        let n = normalize(" □ 于 水 侯政军 于武龙\n\n□ 本报记者 刘 念\n\n正文。\n\n弘元新材料(包头)有限公司截段、切方车间 包头市发展改革委提供\n");
        let t = texts(&n);
        assert_eq!(t[0], ("□ 于水 侯政军 于武龙", BlockKind::Byline));
        assert_eq!(t[1], ("□ 本报记者 刘念", BlockKind::Byline));
        assert_eq!(t.last().map(|x| x.1), Some(BlockKind::Caption));
    }

    #[test]
    fn crlf_and_empty_input() {
        assert_eq!(normalize("").text, "");
        assert!(normalize("").blocks.is_empty());
        assert_eq!(normalize("甲。\r\n乙。\r\n").text, "甲。\n乙。");
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let t = "“经过改造，合格率提高。”主任说。下一句";
        let s = sentences(t, Span::new(0, t.len()));
        let parts: Vec<&str> = s.iter().map(|s| &t[s.range()]).collect();
        assert_eq!(
            parts,
            vec!["“经过改造，合格率提高。”", "主任说。", "下一句"]
        );
    }

    #[test]
    fn clauses_split_on_commas_not_list_commas() {
        let t = "包钢、包铝等4户企业，投资增长87%；好";
        let c = clauses(t, Span::new(0, t.len()));
        let parts: Vec<&str> = c.iter().map(|s| &t[s.range()]).collect();
        assert_eq!(parts, vec!["包钢、包铝等4户企业", "投资增长87%", "好"]);
    }

    #[test]
    fn every_normalised_char_maps_into_the_original() {
        let input = "  税 收 １０ 亿\n\n元 以 上 。\r\n\n\nabc def\n";
        let n = normalize(input);
        for (i, c) in n.text.char_indices() {
            let o = n.map.to_original(Span::new(i, i + c.len_utf8()));
            let orig = &input[o.range()];
            assert!(
                fold(orig.chars().next().unwrap_or(' ')) == c || c == '\n' || c == ' ',
                "{c:?} from {orig:?}"
            );
        }
    }
}
