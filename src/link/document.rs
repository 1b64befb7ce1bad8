//! What the whole article is about: its datelines (`本报北京10月31日电（记者汪文正）`, which name
//! neither the subject nor the period of its figures) and its main subject — the place, the
//! enterprise or the country whose figures it reports.

use crate::chars::{is_bracket_close, is_bracket_open};
use crate::lexicon::WordList;
use crate::model::{EntityKind, MentionKind};
use crate::normalize::{Block, BlockKind};
use crate::span::Span;
use crate::view::View;
use std::collections::HashMap;

/// How far into a paragraph a dateline may end (characters).
const DATELINE_REACH: usize = 40;

/// The dateline that opens a body paragraph, if any: the source and place, a date, then 电
/// (`新华社北京12月16日电`, `本报北京10月31日电`) or a source and 讯 (`本报讯`), with the
/// reporters' credit in brackets after it (`（记者汪文正）`).
pub(crate) fn dateline(ctx: &View<'_>, block: &Block) -> Option<Span> {
    let text = ctx.text;
    let head = &text[block.span.range()];
    let (o, c) = head
        .char_indices()
        .take(DATELINE_REACH)
        .find(|&(_, c)| c == '电' || c == '讯')?;
    let at = block.span.start + o;
    let dated = ctx
        .mentions_in(Span::new(block.span.start, at))
        .last()
        .is_some_and(|m| m.kind == MentionKind::Date && m.span.end == at);
    // 本报讯, 中新社讯, 人民网讯: a source (the `media_suffix` list) before 讯
    let sourced = c == '讯'
        && ctx
            .lex
            .list(WordList::MediaSuffix)
            .suffix_of(&head[..o])
            .is_some();
    if !(dated || sourced) {
        return None;
    }
    let mut end = at + c.len_utf8();
    let rest = &text[end..block.span.end];
    let rest_trimmed = rest.trim_start_matches(' ');
    if rest_trimmed.starts_with(is_bracket_open) {
        let skip = rest.len() - rest_trimmed.len();
        if let Some((k, close)) = rest_trimmed
            .char_indices()
            .take(30)
            .find(|&(_, c)| is_bracket_close(c))
        {
            end += skip + k + close.len_utf8();
        }
    }
    Some(Span::new(block.span.start, end))
}

/// The datelines of the body paragraphs, in order.
pub(crate) fn datelines(ctx: &View<'_>, blocks: &[Block]) -> Vec<Span> {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .filter_map(|b| dateline(ctx, b))
        .collect()
}

/// The article's main subject: the place or the enterprise named most often (places in the
/// body and headings, enterprises anywhere but bylines; a dateline's place does not count; a
/// country does not count when the article calls itself 全市, 全省 …; a tie goes to the place,
/// then to the name written first), else `全国` when the article reports national figures (the
/// `national` list: 全国, 我国, 国家统计局 …), else none.
pub(crate) fn main_subject(ctx: &View<'_>, blocks: &[Block], datelines: &[Span]) -> Option<String> {
    let subnational = in_body(ctx, blocks, WordList::SelfReference);
    let mut counts: HashMap<&str, (usize, bool, usize)> = HashMap::new();
    for (i, e) in ctx.entities.iter().enumerate() {
        let b = blocks.partition_point(|b| b.span.end <= e.span.start);
        let Some(block) = blocks.get(b).filter(|b| b.span.contains(e.span)) else {
            continue;
        };
        let counted = match e.kind {
            EntityKind::Place => {
                matches!(block.kind, BlockKind::Body | BlockKind::Heading)
                    && !(subnational && ctx.lex.places.get(&e.name).is_some_and(|p| p.country))
            }
            EntityKind::Enterprise => {
                e.is_reporting_enterprise() && block.kind != BlockKind::Byline
            }
            _ => false,
        };
        if !counted || datelines.iter().any(|d| d.overlaps(e.span)) {
            continue;
        }
        let c = counts
            .entry(e.name.as_str())
            .or_insert((0, e.kind == EntityKind::Place, i));
        c.0 += 1;
    }
    let best = counts
        .into_iter()
        .max_by_key(|&(_, (n, place, first))| (n, place, std::cmp::Reverse(first)))
        .map(|(name, _)| name.to_string());
    best.or_else(|| in_body(ctx, blocks, WordList::National).then(|| "全国".to_string()))
}

/// Does the body hold a word of the list (`national`: the article reports the country's
/// figures; `self_reference`: it calls its place 全市, 我省 …)?
fn in_body(ctx: &View<'_>, blocks: &[Block], list: WordList) -> bool {
    let words = ctx.lex.list(list);
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .any(|b| words.find_all(ctx.text, b.span.range()).next().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::with_analysis;

    #[test]
    fn datelines_open_paragraphs() {
        let table = [
            (
                "本报北京10月31日电（记者汪文正）财政部发布数据。",
                Some("本报北京10月31日电（记者汪文正）"),
            ),
            (
                "新华社北京12月16日电 国家统计局发布数据。",
                Some("新华社北京12月16日电"),
            ),
            ("本报讯 今年全市工业投资增长。", Some("本报讯")),
            ("国家统计局18日发布数据显示，产量增长。", None),
            ("全市电力供应充足。", None),
        ];
        for (text, want) in table {
            with_analysis(text, |ctx| {
                let block = Block {
                    kind: BlockKind::Body,
                    span: Span::new(0, ctx.text.len()),
                    sentences: Vec::new(),
                };
                let got = dateline(&ctx, &block).map(|s| &ctx.text[s.range()]);
                assert_eq!(got, want, "{text}");
            });
        }
    }

    #[test]
    fn the_main_subject() {
        let table = [
            (
                "包头市工业增长。包头市投资增长。比亚迪产量增长。",
                Some("包头市"),
            ),
            (
                "比亚迪产量增长。比亚迪销量增长。包头市投资增长。",
                Some("比亚迪"),
            ),
            (
                "本报北京10月31日电 全国一般公共预算收入增长。",
                Some("全国"),
            ),
            ("产量增长。", None),
        ];
        for (text, want) in table {
            with_analysis(text, |ctx| {
                let n = crate::normalize::normalize(text);
                let lines = datelines(&ctx, &n.blocks);
                let got = main_subject(&ctx, &n.blocks, &lines);
                assert_eq!(got.as_deref(), want, "{text}");
            });
        }
    }
}
