//! The noun phrases around a value: the predicate before it, the indicator phrase cleaned of
//! noise, lists of indicators, the phrase after a count, and the tests the clause steps ask
//! (is this span only names, is this value an attribute of the noun after it).

use crate::chars::{is_han, is_list_separator, is_word_char};
use crate::found::FoundMention;
use crate::lexicon::{PredicateClass, WordList};
use crate::model::EntityKind;
use crate::span::Span;
use crate::view::View;

/// A predicate found before a value: its span and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pred {
    pub span: Span,
    pub class: PredicateClass,
}

/// How far before a value a predicate may end (16 characters), and its longest length (6).
const PREDICATE_REACH: usize = 16 * 3;
const PREDICATE_LONGEST: usize = 6 * 3;

/// The nearest predicate before `at` (ending at most 16 characters before it, starting at or
/// after `floor`) whose both ends are token boundaries: 增长87%, 跃升至98%, 占全区的11.8%.
pub(super) fn predicate_before(ctx: &View<'_>, floor: usize, at: usize) -> Option<Pred> {
    let text = ctx.text;
    let tokens = ctx.tokens;
    // token starts in [floor, at], nearest first
    let lowest = floor.max(at.saturating_sub(PREDICATE_REACH + PREDICATE_LONGEST));
    let first = tokens.partition_point(|t| t.start < lowest);
    let last = tokens.partition_point(|t| t.start < at);
    let mut starts: Vec<usize> = tokens[first..last]
        .iter()
        .map(|t| t.start)
        .filter(|&s| s >= floor)
        .collect();
    // a word of the segmenter's that ends in a predicate right before the value: 价格上涨|0.7%
    if let Some(t) = last.checked_sub(1).and_then(|i| tokens.get(i)) {
        if t.end == at && t.start >= floor {
            let inner = text[t.range()]
                .char_indices()
                .skip(1)
                .map(|(o, _)| t.start + o);
            let n = starts.partition_point(|&s| s <= t.start);
            let inner: Vec<usize> = inner.collect();
            starts.splice(n..n, inner);
        }
    }
    let ends = std::iter::once(at).chain(
        starts
            .iter()
            .rev()
            .copied()
            .filter(|&e| at - e <= PREDICATE_REACH),
    );
    for end in ends {
        // the longest predicate ending here: try the farthest start first
        for &s in starts
            .iter()
            .filter(|&&s| s < end && end - s <= PREDICATE_LONGEST)
        {
            if let Some(class) = ctx.lex.predicates.get(&text[s..end]) {
                return Some(Pred {
                    span: Span::new(s, end),
                    class: *class,
                });
            }
        }
    }
    None
}

/// `s` without anything but words at either end.
fn trim_to_words(s: &str) -> &str {
    s.trim_matches(|c: char| !is_word_char(c))
}

/// `s` without a bracket at its end that declares a unit (`营业总收入（万元）`, `产量(单位:万吨)`).
fn without_unit_bracket<'t>(ctx: &View<'_>, s: &'t str) -> &'t str {
    let Some(inner) = s.strip_suffix([')', '）']) else {
        return s;
    };
    let Some(open) = inner.rfind(['(', '（']) else {
        return s;
    };
    let content = &inner[open..];
    let content = &content[content.chars().next().map_or(0, char::len_utf8)..];
    match ctx.lex.declared_unit(content) {
        Some(_) => &s[..open],
        None => s,
    }
}

/// Clean an indicator phrase: drop connectives, self references, leading places and years, and
/// noise at both ends. Returns the phrase and a comparison basis found at its end (`较原来的设备`).
pub(super) fn clean_indicator<'t>(ctx: &View<'_>, s: &'t str) -> (&'t str, Option<&'t str>) {
    let mut s = trim_to_words(without_unit_bracket(ctx, s.trim()));
    let mut comparison = None;
    loop {
        let before = s;
        s = ctx.lex.list(WordList::LeadingNoise).strip_leading(s);
        s = strip_leading_word(ctx, s);
        // a comparison basis that opens the phrase (较去年同期|分别上升): kept as the basis
        if let Some((w, e)) = ctx.lex.list(WordList::Comparison).longest_at(s, 0) {
            if e < s.len() {
                comparison = comparison.or(Some(&s[..w.len()]));
                s = &s[e..];
            }
        }
        s = strip_opening_when(ctx, s);
        s = ctx.lex.list(WordList::TrailingNoise).strip_trailing(s);
        if let Some(c) = ctx.lex.list(WordList::Comparison).suffix_of(s) {
            s = &s[..s.len() - c.len()];
        }
        if let Some((head, basis)) = split_basis(ctx, s) {
            (s, comparison) = (head, Some(basis));
        }
        s = trim_to_words(s);
        if s == before {
            return (s, comparison);
        }
    }
}

/// `s` without a word of the `leading_word` list at its start (有|规上企业), unless the word
/// begins a longer word of the dictionary there (有色金属, 有效投资, 为民).
fn strip_leading_word<'t>(ctx: &View<'_>, s: &'t str) -> &'t str {
    let Some((_, e)) = ctx.lex.list(WordList::LeadingWord).longest_at(s, 0) else {
        return s;
    };
    let glued = s[e..]
        .char_indices()
        .skip(1)
        .map(|(o, _)| e + o)
        .chain(std::iter::once(s.len()))
        .take(3)
        .any(|end| ctx.seg.has_word(&s[..end]));
    if e < s.len() && !glued {
        &s[e..]
    } else {
        s
    }
}

/// A period, a year or a place at the start of a phrase is when and where, not what:
/// 2022年包头市稀土产值 → 稀土产值. Never drops the whole phrase.
fn strip_opening_when<'t>(ctx: &View<'_>, mut s: &'t str) -> &'t str {
    if let Some((w, _)) = ctx.lex.list(WordList::Period).longest_at(s, 0) {
        if w.len() < s.len() {
            s = &s[w.len()..];
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 && s[4..].starts_with('年') {
        let cut = if s[4..].starts_with("年度") {
            4 + "年度".len()
        } else {
            4 + "年".len()
        };
        if cut < s.len() {
            s = &s[cut..];
        }
    }
    if let Some((_, _, e)) = ctx.lex.places.longest_at(s, 0) {
        if e < s.len() {
            s = &s[e..];
        }
    }
    s
}

/// A comparison basis inside a phrase, after 较 or 比: 精细化程度较原来的设备 → (精细化程度,
/// 较原来的设备); not the words 比例, 比重, 较大 … (the `not_basis` list).
fn split_basis<'t>(ctx: &View<'_>, s: &'t str) -> Option<(&'t str, &'t str)> {
    let i = s.find(['较', '比'])?;
    let basis = &s[i..];
    let word = ctx.lex.list(WordList::NotBasis).starts_at(basis, 0);
    (i > 0 && basis.len() > 3 && !word).then(|| (&s[..i], basis))
}

/// The longest phrase read after a value (16 characters).
const PHRASE_AFTER_REACH: usize = 16 * 3;

/// The noun phrase right after `at` (skipping attributive quantities): 支持2个|国家重点实验室|开展,
/// 2个500kV|输变电通道.
pub(super) fn phrase_after(ctx: &View<'_>, at: usize, clause: Span) -> Option<String> {
    let text = ctx.text;
    let mut start = at;
    while let Some(m) = ctx
        .mentions_in(Span::new(start, clause.end))
        .find(|m| m.span.start == start)
    {
        start = m.span.end;
    }
    let stops = ctx.lex.list(WordList::PhraseStop);
    let mut end = start;
    for (o, c) in text[start..clause.end].char_indices() {
        let here = start + o;
        if !is_han(c) && !c.is_ascii_alphabetic() {
            break;
        }
        let boundary = here > start && ctx.is_token_start(here);
        let stop = stops.starts_at(text, here)
            || ctx
                .lex
                .predicates
                .longest_at(text, here)
                .is_some_and(|(_, _, e)| ctx.is_token_start(e));
        if boundary && stop {
            break;
        }
        end = here + c.len_utf8();
        if end - start >= PHRASE_AFTER_REACH {
            break;
        }
    }
    let (s, _) = clean_indicator(ctx, &text[start..end]);
    (s.chars().count() >= 2).then(|| s.to_string())
}

/// Split a list of indicators (`多晶硅料、单晶拉棒、切片、组件产能`), sharing the last item's head
/// word with items that lack one.
pub(super) fn split_list(ctx: &View<'_>, s: &str) -> Vec<String> {
    let items: Vec<&str> = s
        .split(is_list_separator)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let Some(last) = items.last() else {
        return Vec::new();
    };
    // the head indicator of the last item (产能, 增加值), for the items that lack any head
    let head = (1..last.len())
        .filter(|&i| last.is_char_boundary(i))
        .find(|&i| ctx.lex.indicators.get(&last[i..]).is_some())
        .map(|i| &last[i..]);
    items
        .iter()
        .map(|x| match head {
            Some(h)
                if !x.ends_with(h)
                    && ctx.lex.indicators.find_all(x, 0..x.len()).next().is_none() =>
            {
                format!("{x}{h}")
            }
            _ => x.to_string(),
        })
        .collect()
}

/// Is `text[span]` made only of entity names, separators and 等 (包钢、包铝、北重、英思特)?
pub(super) fn only_names(ctx: &View<'_>, span: Span) -> bool {
    let mut covered = vec![false; span.len()];
    for e in ctx.entities_in(span) {
        for b in &mut covered[e.span.start - span.start..e.span.end - span.start] {
            *b = true;
        }
    }
    let mut any = false;
    for (o, c) in ctx.text[span.range()].char_indices() {
        if covered[o] {
            any = true;
        } else if !(is_list_separator(c) || c == '等') {
            return false;
        }
    }
    any
}

/// Is the mention an attribute of the noun after it (亿元以上|项目, 1.5万吨|高性能稀土磁材)?
pub(super) fn is_attributive(ctx: &View<'_>, m: &FoundMention, clause: Span) -> bool {
    let after = &ctx.text[m.span.end..clause.end];
    after
        .chars()
        .next()
        .is_some_and(|c| is_han(c) && !is_list_separator(c) && !matches!(c, '等' | '的'))
        && ctx
            .lex
            .predicates
            .longest_at(ctx.text, m.span.end)
            .is_none()
}

/// Is `text[span]` a place or a self reference (全区, 内蒙古自治区, 全国) — the whole of a share?
pub(super) fn is_place_phrase(ctx: &View<'_>, span: Span) -> bool {
    let phrase = ctx.text[span.range()].trim_end_matches('的');
    if phrase.is_empty() {
        return false;
    }
    ctx.lex.list(WordList::SelfReference).contains(phrase)
        || ctx.lex.list(WordList::Whole).contains(phrase)
        || ctx.entities_in(span).any(|e| {
            e.kind == EntityKind::Place
                && e.span.start == span.start
                && e.span.len() >= phrase.len()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::{with_analysis, with_view};

    #[test]
    fn indicators_lose_their_noise() {
        let table = [
            ("去年全市工业投资", "工业投资", None),
            ("2022年包头市稀土产值", "稀土产值", None),
            ("其中规上工业增加值同比", "规上工业增加值", None),
            ("精细化程度较原来的设备", "精细化程度", Some("较原来的设备")),
            ("第三产业比重", "第三产业比重", None),
            ("营业收入分别", "营业收入", None),
            ("较去年同期分别上升", "分别上升", Some("较去年同期")),
            ("营业总收入(万元)", "营业总收入", None),
        ];
        with_view("", |ctx| {
            for (raw, want, basis) in table {
                assert_eq!(clean_indicator(&ctx, raw), (want, basis), "{raw}");
            }
        });
    }

    #[test]
    fn lists_share_the_last_head() {
        let table = [
            (
                "多晶硅料、单晶拉棒、组件产能",
                vec!["多晶硅料产能", "单晶拉棒产能", "组件产能"],
            ),
            (
                "战略性新兴产业、高技术制造业增加值",
                vec!["战略性新兴产业增加值", "高技术制造业增加值"],
            ),
            ("出口额和进口额", vec!["出口额", "进口额"]),
        ];
        with_view("", |ctx| {
            for (raw, want) in table {
                assert_eq!(split_list(&ctx, raw), want, "{raw}");
            }
        });
    }

    #[test]
    fn predicates_before_a_value() {
        let table = [
            ("工业投资增长87%", Some(("增长", PredicateClass::Change))),
            ("合格率跃升至98%", Some(("跃升至", PredicateClass::FromTo))),
            ("占全区的11.8%", Some(("占", PredicateClass::Share))),
            ("工业投资87%", None),
        ];
        for (text, want) in table {
            with_view(text, |ctx| {
                let at = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                let got = predicate_before(&ctx, 0, at).map(|p| (&text[p.span.range()], p.class));
                assert_eq!(got, want, "{text}");
            });
        }
    }

    #[test]
    fn the_phrase_after_a_count() {
        let table = [
            ("支持2个国家重点实验室开展研究", Some("国家重点实验室")),
            ("建成2个500kV输变电通道", Some("输变电通道")),
            ("达到2个", None),
        ];
        for (text, want) in table {
            with_analysis(text, |ctx| {
                let m = &ctx.mentions[0];
                let got = phrase_after(&ctx, m.span.end, ctx.span);
                assert_eq!(got.as_deref(), want, "{text}");
            });
        }
    }

    #[test]
    fn wholes_and_names() {
        let table = [
            ("全区的", true),
            ("全国", true),
            ("内蒙古自治区的", true),
            ("工业的", false),
        ];
        for (text, want) in table {
            with_analysis(text, |ctx| {
                assert_eq!(is_place_phrase(&ctx, ctx.span), want, "{text}");
            });
        }
        with_analysis("包钢、包铝等", |ctx| {
            assert!(only_names(&ctx, ctx.span))
        });
        with_analysis("包钢、工业", |ctx| {
            assert!(!only_names(&ctx, ctx.span))
        });
    }
}
