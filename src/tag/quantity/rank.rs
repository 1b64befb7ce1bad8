//! Ranks and ordinals: `第一`, `第四届`, `第九次`, `居全市第三位`; `十五届`, `三次会议`; `前10名`,
//! `50强`; `2号`; counts of places after a rank verb (`分列3-5位`).

use super::{reading, Numeral};
use crate::found::FoundMention;
use crate::lexicon::WordList;
use crate::model::{MentionKind, Qualifier, Rule, Value};
use crate::number::{match_number, Decimal};
use crate::span::Span;
use crate::view::View;

/// `第一`, `第18`, `第四届`, `第九次`, `第三位`, `第二套`: a rank, with the classifier after it
/// (the `ordinal_unit` list). `第一季度` is a quarter; a word jieba knows that runs past the
/// rank (第三方, 第一线) is none.
pub(super) fn ordinal(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let start = i + '第'.len_utf8();
    let n = match_number(&text[start..])?;
    let end = start + n.len;
    if text[end..].starts_with("季度") {
        return super::date::quarter(i, &n, end);
    }
    if text[end..].starts_with('季') || !n.value.is_integer() || n.value.is_negative() {
        return None;
    }
    let unit = ctx.lex.list(WordList::OrdinalUnit).longest_at(text, end);
    let e = unit.map_or(end, |(_, e)| e);
    if ctx
        .token_at(i)
        .is_some_and(|t| ctx.tokens[t].start == i && ctx.tokens[t].end > e)
    {
        return None;
    }
    Some(reading(
        MentionKind::Ordinal,
        Span::new(i, e),
        Some(Value::Number(n.value)),
        Some("rank".into()),
        Some(format!("第{}", unit.map_or("", |(w, _)| w))),
        None,
        Rule::OrdinalDi,
    ))
}

/// `前10位`, `前三名`, `前50强`: within the top N (a rank N, at most).
pub(super) fn top_n(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let at = i + '前'.len_utf8();
    let n = match_number(&text[at..])?;
    let end = at + n.len;
    let tail = ["位", "名", "强"]
        .iter()
        .find(|w| text[end..].starts_with(**w))?;
    if !n.value.is_integer() || n.value < Decimal::from_int(2) || !ctx.is_token_start(i) {
        return None;
    }
    Some(reading(
        MentionKind::Ordinal,
        Span::new(i, end + tail.len()),
        Some(Value::Number(n.value)),
        Some("rank".into()),
        Some(format!("前{tail}")),
        Some(Qualifier::Under),
        Rule::OrdinalTopN,
    ))
}

/// `50强`, `十强`, `百强县`: the top N (not 强化, 强度, 强大: the `not_rank` list).
pub(super) fn top_n_strong(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let num_end = r.end();
    let strong = text[num_end..].starts_with('强')
        && r.n.value >= Decimal::from_int(3)
        && r.n.value.is_integer()
        && !ctx.lex.list(WordList::NotRank).starts_at(text, num_end);
    strong.then(|| {
        reading(
            MentionKind::Ordinal,
            Span::new(r.start, num_end + '强'.len_utf8()),
            Some(Value::Number(r.n.value)),
            Some("rank".into()),
            Some("强".into()),
            None,
            Rule::OrdinalStrong,
        )
    })
}

/// Sessions without 第: `十五届` (a term is always counted in order, unless written 两届 or
/// after 连续, 共 …, which count terms), `三次会议` (the `session_word` list after N次).
/// `Some(Some(rank))` for a session, `Some(None)` for a party plenum's name (`二十届三中全会`,
/// `三次全会`: no mention), `None` when the number counts (`两届`, `三次`).
pub(super) fn session(ctx: &View<'_>, r: &Numeral) -> Option<Option<FoundMention>> {
    let text = &ctx.text[..ctx.span.end];
    let end = r.end();
    let written = &text[r.at..end];
    if !r.n.value.is_integer() || r.n.value < Decimal::ONE {
        return None;
    }
    let (unit, e) = if text[end..].starts_with('届') {
        let e = end + '届'.len_utf8();
        // 党的二十届三中全会, 十九届四中全会: the party's plenums are names, not ranks
        if text[..r.start].ends_with("党的") || names_a_plenum(&text[e..]) {
            return Some(None);
        }
        const COUNTING: &[&str] = &["连续", "共", "历经", "先后", "曾", "已"];
        if written == "两" || COUNTING.iter().any(|w| text[..r.start].ends_with(w)) {
            return None;
        }
        ("届", e)
    } else if text[end..].starts_with('次') {
        let e = end + '次'.len_utf8();
        if text[e..].starts_with("全会") {
            return Some(None);
        }
        ctx.lex.list(WordList::SessionWord).longest_at(text, e)?;
        ("次", e)
    } else {
        return None;
    };
    Some(Some(reading(
        MentionKind::Ordinal,
        Span::new(r.at, e),
        Some(Value::Number(r.n.value)),
        Some("rank".into()),
        Some(unit.into()),
        None,
        Rule::OrdinalSession,
    )))
}

/// After N届: the name of a party plenum (`二中全会`, `二中、三中、四中全会`, `三次全会`) — an
/// event's name, not a rank. Looked for in the next twelve characters, before any punctuation
/// but the list comma.
fn names_a_plenum(after: &str) -> bool {
    let head: String = after
        .chars()
        .take(12)
        .take_while(|&c| c == '、' || !crate::chars::is_clause_break(c) && c.is_alphanumeric())
        .collect();
    head.contains("全会") || head.contains("中、")
}

/// `2号`, `13号线`: a number in a series. Document numbers (`〔2021〕240号`) and dates
/// (`5月3号`) are read before.
pub(super) fn number_hao(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let end = r.end();
    if !text[end..].starts_with('号') || !r.n.value.is_integer() || r.n.value.is_negative() {
        return None;
    }
    // a street number (丰翔路1955号) is part of an address
    let address = ctx.lex.list(WordList::AddressWord);
    if address.words().any(|w| text[..r.start].ends_with(w)) {
        return None;
    }
    let e = end + '号'.len_utf8();
    Some(reading(
        MentionKind::Ordinal,
        Span::new(r.at, e),
        Some(Value::Number(r.n.value)),
        Some("rank".into()),
        Some("号".into()),
        None,
        Rule::OrdinalHao,
    ))
}

/// A count of places after a rank verb is a rank: `分列3-5位`, `居全国32位`, `名列10名` (the
/// `rank_verb` list right before the count, its unit 位 or 名).
pub(super) fn ranks_after_verbs(ctx: &View<'_>, ms: &mut [FoundMention]) {
    let verbs = ctx.lex.list(WordList::RankVerb);
    for m in ms.iter_mut() {
        let place = m.kind == MentionKind::Count && matches!(m.unit.as_deref(), Some("位" | "名"));
        if !place || !verbs.words().any(|w| ctx.text[..m.span.start].ends_with(w)) {
            continue;
        }
        m.kind = MentionKind::Ordinal;
        m.unit = Some("rank".into());
        m.rule = Rule::OrdinalAfterVerb;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::tagged;
    use crate::model::{MentionKind, Rule};

    #[test]
    fn ranks() {
        let table = [
            (
                "第四届董事会第九次会议",
                vec![("第四届", Rule::OrdinalDi), ("第九次", Rule::OrdinalDi)],
            ),
            ("居全市第三位", vec![("第三位", Rule::OrdinalDi)]),
            (
                "中西部地区第二套大型装置",
                vec![("第二套", Rule::OrdinalDi)],
            ),
            (
                "广州市十五届人大三次会议",
                vec![
                    ("十五届", Rule::OrdinalSession),
                    ("三次", Rule::OrdinalSession),
                ],
            ),
            ("连续两届获奖", vec![]),
            ("党的二十届三中全会", vec![]),
            ("十九届二中、三中、四中全会精神", vec![]),
            ("县委十四届三次全会", vec![]),
            ("宝山区丰翔路1955号", vec![]),
            ("分列3-5位", vec![("3-5位", Rule::OrdinalAfterVerb)]),
            ("地铁2号线", vec![("2号", Rule::OrdinalHao)]),
            ("引入第三方机构", vec![]),
        ];
        for (text, want) in table {
            let got: Vec<(String, Rule)> = tagged(text)
                .into_iter()
                .filter(|(_, k, _)| *k == MentionKind::Ordinal)
                .map(|(t, _, r)| (t, r))
                .collect();
            let want: Vec<(String, Rule)> =
                want.into_iter().map(|(t, r)| (t.to_string(), r)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
