//! The quantity tagger: numbers with their units, classifiers, qualifiers and ranges.
//!
//! One left-to-right pass over a block of normalised text. At each position that can start a
//! quantity (a digit, a Chinese numeral, 第, 百分之, 翻) the rules below are tried in order; a hit
//! moves the scan past it, so the work is linear in the block's length. Values come from the pure
//! functions of [`crate::number`]; units from the unit table (`src/data/units.tsv`).

mod date;

pub(crate) use date::period_timex;
mod fraction;
mod money;
mod rank;

use crate::chars::{
    chinese_digit, is_big_scale, is_bracket_close, is_bracket_open, is_chinese_numeral_start,
    is_clause_break, is_doc_bracket, is_han, is_quantity_lead, is_range_connector, is_scale,
    is_separator_gap,
};
use crate::found::FoundMention;
use crate::lexicon::{IndicatorClass, QualPos, UnitDef, WordList};
use crate::model::{MentionKind, Qualifier, Rule, Value};
use crate::number::{match_number, Decimal, NumberMatch, NumeralForm};
use crate::segment::Pos;
use crate::span::Span;
use crate::view::View;

/// The length of a range connector at the start of `s` (`3-5%`, `4000万元至5200万元`).
pub(super) fn range_connector(s: &str) -> Option<usize> {
    let mut cs = s.chars();
    let c = cs.next().filter(|&c| is_range_connector(c))?;
    // a doubled dash: 4——6万
    let doubled = matches!(c, '—' | '-') && cs.next() == Some(c);
    Some(c.len_utf8() * if doubled { 2 } else { 1 })
}

/// A mention as the tagger finds it.
pub(super) fn reading(
    kind: MentionKind,
    span: Span,
    value: Option<Value>,
    unit: Option<String>,
    unit_text: Option<String>,
    qualifier: Option<Qualifier>,
    rule: Rule,
) -> FoundMention {
    let mut m = FoundMention::new(kind, span, value, rule).qualified(qualifier);
    (m.unit, m.unit_text) = (unit, unit_text);
    m
}

/// A mention whose unit was read from context (`利税4800万`).
fn implicit(mut m: FoundMention) -> FoundMention {
    m.implicit_unit = true;
    m
}

pub(super) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

/// Tag the quantities of one block (`ctx.span`), appending mentions in order: one scan for
/// the quantities, then a unit written once for a list is shared, and set phrases are dropped.
pub(crate) fn tag(ctx: &View<'_>, out: &mut Vec<FoundMention>) {
    let first = out.len();
    scan(ctx, out);
    share_list_units(ctx, &mut out[first..]);
    money::compounds(ctx, out, first);
    rank::ranks_after_verbs(ctx, &mut out[first..]);
    date::complete_ranges(ctx, &mut out[first..]);
    drop_set_phrases(ctx, out, first);
}

/// Can a quantity start with `c`? Only a few characters can: they are tested before any other
/// work.
fn may_start_quantity(c: char) -> bool {
    c.is_ascii_digit() || is_quantity_lead(c) || is_chinese_numeral_start(c) || is_day_part_start(c)
}

/// First characters of the parts of a day before a time (上午, 下午, 晚上, 凌晨 …).
fn is_day_part_start(c: char) -> bool {
    matches!(c, '凌' | '早' | '上' | '中' | '下' | '傍' | '晚' | '夜')
}

/// The left-to-right scan: at each position that can start a quantity the rules are tried in
/// order; a hit moves the scan past it.
fn scan(ctx: &View<'_>, out: &mut Vec<FoundMention>) {
    let text = ctx.text;
    let mut i = ctx.span.start;
    let mut last_end = ctx.span.start;
    while i < ctx.span.end {
        let Some(c) = char_at(text, i) else { break };
        // digits inside an identifier (ISO9001, C919, Mate60): skip the whole identifier, unless
        // the letters are a currency code (RMB100)
        if c.is_ascii_digit()
            && char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric())
            && !(char_before(text, i).is_some_and(|p| p.is_ascii_alphabetic())
                && money::sign_before(ctx, i).is_some())
        {
            i += text[i..ctx.span.end]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(ctx.span.end - i);
            continue;
        }
        if may_start_quantity(c) {
            if let Some(r) = try_at(ctx, i, c, last_end) {
                let end = r.span.end.max(i + c.len_utf8());
                last_end = end;
                out.push(r);
                i = end;
                continue;
            }
        }
        i += c.len_utf8();
    }
}

/// A unit written once for a list: the bare numbers of `9.2、7.4个百分点`, `5.1和6.3%`, `3至5倍`
/// take the unit of the value after them (percentages, points and multiples only), and so does
/// a count in `个` before points written `个百分点` (`低0.01个和0.02个百分点`).
fn share_list_units(ctx: &View<'_>, ms: &mut [FoundMention]) {
    for k in (0..ms.len().saturating_sub(1)).rev() {
        let (a, b) = (&ms[k], &ms[k + 1]);
        let gap = &ctx.text[a.span.end..b.span.start];
        if !(is_separator_gap(gap) || gap == "至") {
            continue;
        }
        let shareable = matches!(
            b.kind,
            MentionKind::Percent | MentionKind::PercentagePoint | MentionKind::Multiple
        );
        let factor = if a.kind == MentionKind::Number && shareable {
            Decimal::ONE
        } else if let Some(f) = ge_before_points(ctx, a, b) {
            f
        } else {
            continue;
        };
        let (kind, unit, unit_text) = (b.kind, b.unit.clone(), b.unit_text.clone());
        let a = &mut ms[k];
        let value = a.value.as_ref().and_then(Value::as_decimal);
        if let Some(v) = value.and_then(|v| v.checked_mul(factor)) {
            a.value = Some(Value::Number(v));
        }
        (a.kind, a.unit, a.unit_text, a.rule) = (kind, unit, unit_text, Rule::UnitSharedInList);
    }
}

/// `0.01个` before `0.02个百分点`: the count's classifier begins the points' unit, whose factor
/// the count takes.
fn ge_before_points(ctx: &View<'_>, a: &FoundMention, b: &FoundMention) -> Option<Decimal> {
    let written = b.unit_text.as_deref()?;
    let unit = ctx.lex.units.get(written)?;
    let count = a.kind == MentionKind::Count && a.qualifier.is_none();
    let prefix = a
        .unit_text
        .as_deref()
        .is_some_and(|u| written.len() > u.len() && written.starts_with(u));
    (count && prefix && b.kind == MentionKind::PercentagePoint).then_some(unit.factor)
}

/// Set phrases with numerals are not quantities (三个代表, 第一时间, 双11): the block's mentions
/// (from `first`) that overlap one are dropped. Both lists are in order: one merge.
fn drop_set_phrases(ctx: &View<'_>, out: &mut Vec<FoundMention>, first: usize) {
    let mut phrases = ctx
        .lex
        .list(WordList::SetPhrase)
        .find_all(ctx.text, ctx.span.range())
        .map(|(s, e)| Span::new(s, e))
        .peekable();
    if phrases.peek().is_none() {
        return;
    }
    let block = out.split_off(first);
    for m in block {
        while phrases.next_if(|p| p.end <= m.span.start).is_some() {}
        if !phrases.peek().is_some_and(|p| p.overlaps(m.span)) {
            out.push(m);
        }
    }
}

/// Try every rule that can start at `i`.
fn try_at(ctx: &View<'_>, i: usize, c: char, floor: usize) -> Option<FoundMention> {
    let text = ctx.text;
    let rest = &text[i..ctx.span.end];
    if c == '第' {
        return rank::ordinal(ctx, i);
    }
    if c == '对' {
        return fraction::half_price(ctx, i);
    }
    if c == '半' {
        return half(ctx, i, floor);
    }
    if matches!(c, '上' | '下' | '前') {
        if let Some(m) = date::period(ctx, i) {
            return Some(m);
        }
    }
    if is_day_part_start(c) {
        if let Some(m) = date::day_part(ctx, i) {
            return Some(m);
        }
    }
    if c == '前' {
        return rank::top_n(ctx, i);
    }
    if matches!(c, '数' | '几' | '上') {
        return vague(ctx, i);
    }
    if c == '翻' {
        return doubling(ctx, i);
    }
    if c == '负' || rest.starts_with("零下") {
        return negative(ctx, i, floor);
    }
    // a sign, not a connector: nothing that ends a number or a mention stands right before it
    // (3-5%, 2022年3月1日-4月15日)
    let signed = matches!(c, '-' | '+')
        && rest[1..].starts_with(|d: char| d.is_ascii_digit())
        && !(i == floor && floor > ctx.span.start)
        && !char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric() || p == '%');
    if c.is_ascii_digit() || signed {
        return arabic(ctx, i, floor);
    }
    if is_chinese_numeral_start(c) {
        return chinese(ctx, i, floor);
    }
    None
}

/// `翻番`, `翻倍`, `翻一番`, `翻两番`, `翻了三番`: doubling N times (×2^N), with a trailing
/// 多 as over.
fn doubling(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let mut at = i + '翻'.len_utf8();
    if text[at..].starts_with('了') {
        at += '了'.len_utf8();
    }
    let (times, end) = if text[at..].starts_with('番') || text[at..].starts_with('倍') {
        (1u32, at + '番'.len_utf8())
    } else {
        let n = match_number(&text[at..])?;
        let e = at + n.len;
        let times = u32::try_from(n.value.mantissa())
            .ok()
            .filter(|t| n.value.is_integer() && (1..=10).contains(t))?;
        if !text[e..].starts_with('番') {
            return None;
        }
        (times, e + '番'.len_utf8())
    };
    let factor = Decimal::from_int(1i64 << times);
    let (qualifier, end) = match text[end..].starts_with('多') {
        true => (Some(Qualifier::Over), end + '多'.len_utf8()),
        false => (None, end),
    };
    Some(reading(
        MentionKind::Multiple,
        Span::new(i, end),
        Some(Value::Number(factor)),
        Some("x".into()),
        Some("番".into()),
        qualifier,
        Rule::MultipleDoubling,
    ))
}

/// `半年`, `半个月`, `半小时`: half of a duration.
fn half(ctx: &View<'_>, i: usize, floor: usize) -> Option<FoundMention> {
    if !ctx.is_token_start(i) {
        return None;
    }
    let at = i + '半'.len_utf8();
    // 半成: half of a tenth
    if ctx.text[at..ctx.span.end].starts_with('成') {
        let (q, start) = qualifier_before(ctx, i, floor);
        let (q, end) = qualifier_after(ctx, at + '成'.len_utf8(), q);
        return Some(reading(
            MentionKind::Percent,
            Span::new(start, end),
            Some(Value::Number(Decimal::from_int(5))),
            Some("%".into()),
            Some("成".into()),
            q,
            Rule::PercentTenths,
        ));
    }
    let (_, u, e) = ctx.lex.units.longest_at(&ctx.text[..ctx.span.end], at)?;
    // 半年度报告: a half-year period of reporting, not a length of time
    if !matches!(u.unit.as_str(), "year" | "month" | "d" | "h") || ctx.text[e..].starts_with('度')
    {
        return None;
    }
    let (q, start) = qualifier_before(ctx, i, floor);
    let (q, end) = qualifier_after(ctx, e, q);
    Some(reading(
        MentionKind::Quantity,
        Span::new(start, end),
        Some(Value::Number(Decimal::new(5, 1).checked_mul(u.factor)?)),
        Some(u.unit.clone()),
        Some(u.surface.clone()),
        q,
        Rule::DurationHalf,
    ))
}

/// `数十万个`, `几百亿元`, `上千家`: a vague amount — approximate, with no value invented.
fn vague(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    if !ctx.is_token_start(i) {
        return None;
    }
    let lead = text[i..].chars().next()?;
    let after = i + lead.len_utf8();
    let scale_len: usize = text[after..]
        .chars()
        .take_while(|&c| is_scale(c))
        .map(char::len_utf8)
        .sum();
    // 上 takes one scale (上千, 上万); 数 and 几 any (数十万)
    if scale_len == 0 || (lead == '上' && scale_len > '千'.len_utf8()) {
        return None;
    }
    let u_at = after + scale_len;
    let (_, unit, end) = ctx.lex.units.longest_at(text, u_at)?;
    if text[end..].starts_with(unit.surface.as_str()) && unit.surface.chars().count() == 1 {
        return None;
    }
    Some(reading(
        unit.kind,
        Span::new(i, end),
        None,
        Some(unit.unit.clone()),
        Some(format!("{}{}", &text[after..u_at], unit.surface)),
        Some(Qualifier::Approx),
        Rule::VagueAmount,
    ))
}

/// `十几万人`, `二十几个`, `一百几十家`: a numeral, 几 and more scales, then a unit — an amount
/// with no value, approximate.
fn some_more(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let at = r.end();
    if !text[at..].starts_with('几') || r.n.form != NumeralForm::Chinese {
        return None;
    }
    let after = at + '几'.len_utf8();
    let scale_len: usize = text[after..]
        .chars()
        .take_while(|&c| is_scale(c))
        .map(char::len_utf8)
        .sum();
    let u_at = after + scale_len;
    let (_, unit, end) = ctx.lex.units.longest_at(text, u_at)?;
    Some(reading(
        unit.kind,
        Span::new(r.start, end),
        None,
        Some(unit.unit.clone()),
        Some(format!("{}{}", &text[after..u_at], unit.surface)),
        Some(Qualifier::Approx),
        Rule::VagueAmount,
    ))
}

/// A qualifier word ending at `at` (`超`, `突破`, `近`): the qualifier and where the mention
/// starts (before the word when the word is part of the surface).
fn qualifier_before(ctx: &View<'_>, at: usize, floor: usize) -> (Option<Qualifier>, usize) {
    let head = &ctx.text[floor.max(ctx.span.start)..at];
    // one test of the last character before the words themselves
    let may_end = |h: &str| {
        h.chars()
            .next_back()
            .is_some_and(|c| ctx.lex.qualifier_before_ends.contains(&c))
    };
    let ends = may_end(head);
    let words = ctx
        .lex
        .qualifiers
        .iter()
        .filter(|q| ends && q.pos == QualPos::Before);
    for q in words {
        if head.ends_with(q.word.as_str()) {
            let qs = at - q.word.len();
            // the word must stand on its own, not end a longer word (节约 is not 约); jieba may
            // glue an adverb to it (已近 → 已|近)
            let glued_to_adverb = ctx.token_at(qs).is_some_and(|t| {
                let tok = ctx.tokens[t];
                tok.end == at
                    && tok.start < qs
                    && matches!(
                        ctx.seg.pos(&ctx.text[tok.start..qs]),
                        Pos::Modifier | Pos::Function | Pos::Verb
                    )
            });
            if !ctx.is_token_start(qs) && !glued_to_adverb {
                continue;
            }
            return (Some(q.qualifier), if q.in_span { qs } else { at });
        }
    }
    // 至少可吸纳5000人: a qualifying adverb, then a modal and a verb, then the number
    let mut s = at;
    for _ in 0..2 {
        let Some(t) = s.checked_sub(1).and_then(|p| ctx.token_at(p)) else {
            break;
        };
        let tok = ctx.tokens[t];
        if tok.start < floor.max(ctx.span.start)
            || !matches!(
                ctx.seg.pos(&ctx.text[tok.range()]),
                Pos::Verb | Pos::Modifier | Pos::Function
            )
        {
            break;
        }
        s = tok.start;
        let head = &ctx.text[floor.max(ctx.span.start)..s];
        if !may_end(head) {
            continue;
        }
        if let Some(q) = ctx
            .lex
            .qualifiers
            .iter()
            .find(|q| q.pos == QualPos::Before && !q.in_span && head.ends_with(q.word.as_str()))
        {
            return (Some(q.qualifier), at);
        }
    }
    (None, at)
}

/// A qualifier word right after a quantity (`以上`, `左右`): keeps an earlier qualifier.
fn qualifier_after(
    ctx: &View<'_>,
    at: usize,
    before: Option<Qualifier>,
) -> (Option<Qualifier>, usize) {
    let rest = &ctx.text[at..ctx.span.end];
    for q in ctx
        .lex
        .qualifiers
        .iter()
        .filter(|q| q.pos == QualPos::After)
    {
        if rest.starts_with(q.word.as_str()) {
            // 多 and 余 after a unit only when no noun follows as part of a word (多元, 余额)
            if matches!(q.word.as_str(), "多" | "余")
                && ctx.text[at + q.word.len()..ctx.span.end]
                    .chars()
                    .next()
                    .is_some_and(|c| is_han(c) && !is_clause_break(c))
                && !ctx.is_token_start(at + q.word.len())
            {
                continue;
            }
            return (before.or(Some(q.qualifier)), at + q.word.len());
        }
    }
    (before, at)
}

/// A number's unit as read after it.
pub(super) struct UnitRead<'a> {
    /// The number (shortened when its last scale character starts the unit: `0.9百|分点`).
    pub num: NumberMatch,
    /// A qualifier between number and unit (`12000余人`, `30余亿元`, `1个多月`).
    qualifier: Option<Qualifier>,
    /// A scale between the qualifier and the unit (`30余亿元`: 亿).
    pub scale: Decimal,
    /// The scale as written.
    scale_text: &'a str,
    pub unit: &'a UnitDef,
    /// The denominator of a rate: `元/吨`, `万元/人`, `千克标煤/吨`.
    pub per: Option<&'a UnitDef>,
    /// Where the unit ends.
    pub end: usize,
}

/// Read the unit after the number `n` at `i`: directly (`87%`, `30万|千瓦`), after 余/多/来 and a
/// scale (`12000余人`, `30余亿元`, `两千多万元`), inside 个…月 (`1个多月`), or starting at the
/// number's last scale character (`0.9百分点`).
pub(super) fn read_unit<'a>(ctx: &'a View<'_>, i: usize, n: NumberMatch) -> Option<UnitRead<'a>> {
    let text = &ctx.text[..ctx.span.end];
    if let Some(r) = unit_after_between(ctx, i, n)? {
        return Some(r);
    }
    // a unit of Latin letters may stand after one space: 100 USD, 5 kg
    let direct = ctx.lex.units.longest_at(text, i + n.len).or_else(|| {
        let at = i + n.len;
        let (_, u, e) = ctx.lex.units.longest_at(text, at + 1)?;
        let latin = u.surface.chars().all(|c| c.is_ascii_alphabetic());
        (text[at..].starts_with(" ") && latin).then_some((u.surface.as_str(), u, e))
    });
    if let Some(r) = unit_in_scale(ctx, i, n, direct.map(|(_, _, e)| e)) {
        return Some(r);
    }
    let (_, unit, end) = direct?;
    if let Some(r) = unit_around_duo(ctx, n, unit, end) {
        return Some(r);
    }
    Some(per_unit(ctx, UnitRead::plain(n, unit, end)))
}

impl<'a> UnitRead<'a> {
    /// The unit right after the number, with no qualifier or scale between.
    fn plain(num: NumberMatch, unit: &'a UnitDef, end: usize) -> UnitRead<'a> {
        UnitRead {
            num,
            qualifier: None,
            scale: Decimal::ONE,
            scale_text: "",
            unit,
            per: None,
            end,
        }
    }
}

/// 余/多/来, then an optional scale, then the unit: `12000余人`, `30余亿元`, `两千多万元`.
/// `Some(None)` when no such word follows the number; `None` when one does but its scale is
/// not a numeral (the number then has no unit at all).
fn unit_after_between<'a>(
    ctx: &'a View<'_>,
    i: usize,
    n: NumberMatch,
) -> Option<Option<UnitRead<'a>>> {
    let text = &ctx.text[..ctx.span.end];
    let num_end = i + n.len;
    let between = ctx
        .lex
        .qualifiers
        .iter()
        .filter(|q| q.pos == QualPos::Between);
    for q in between {
        if !text[num_end..].starts_with(q.word.as_str()) {
            continue;
        }
        let after = num_end + q.word.len();
        let scale_len: usize = text[after..]
            .chars()
            .take_while(|&c| is_scale(c))
            .map(char::len_utf8)
            .sum();
        let scale = match scale_len {
            0 => Decimal::ONE,
            _ => {
                match_number(&text[after..after + scale_len])
                    .filter(|m| m.len == scale_len)?
                    .value
            }
        };
        let u_at = after + scale_len;
        if let Some((_, unit, end)) = ctx.lex.units.longest_at(text, u_at) {
            let r = UnitRead {
                qualifier: Some(q.qualifier),
                scale,
                scale_text: &text[after..u_at],
                ..UnitRead::plain(n, unit, end)
            };
            return Some(Some(per_unit(ctx, r)));
        }
    }
    Some(None)
}

/// `0.9百分点`: the number swallowed the first character of the unit, which is read from the
/// number's last scale character when that gives a longer unit than the one after the number
/// (ending at `direct`).
fn unit_in_scale<'a>(
    ctx: &'a View<'_>,
    i: usize,
    n: NumberMatch,
    direct: Option<usize>,
) -> Option<UnitRead<'a>> {
    let text = &ctx.text[..ctx.span.end];
    if !n.ends_with_scale {
        return None;
    }
    let num_end = i + n.len;
    let sc = text[i..num_end]
        .char_indices()
        .next_back()
        .map(|(o, _)| i + o)
        .filter(|&sc| sc > i)?;
    let (_, unit, end) = ctx.lex.units.longest_at(text, sc)?;
    let longer = direct.is_none_or(|e| end > e);
    let short = match_number(&text[i..sc]).filter(|m| m.len == sc - i)?;
    longer.then(|| per_unit(ctx, UnitRead::plain(short, unit, end)))
}

/// `1个多月`, `1个多百分点`: 多 or 余 inside a unit that starts with 个 (`unit` ends at `end`).
fn unit_around_duo<'a>(
    ctx: &'a View<'_>,
    n: NumberMatch,
    unit: &'a UnitDef,
    end: usize,
) -> Option<UnitRead<'a>> {
    let text = &ctx.text[..ctx.span.end];
    if unit.surface != "个" {
        return None;
    }
    for w in ["多", "余"] {
        if !text[end..].starts_with(w) {
            continue;
        }
        let rest = &text[end + w.len()..];
        let joined: String = std::iter::once('个').chain(rest.chars().take(6)).collect();
        if let Some((_, u2, e2)) = ctx.lex.units.longest_at(&joined, 0) {
            if u2.surface.chars().count() > 1 {
                let e2 = end + w.len() + e2 - '个'.len_utf8();
                return Some(UnitRead {
                    qualifier: Some(Qualifier::Over),
                    ..UnitRead::plain(n, u2, e2)
                });
            }
        }
    }
    None
}

/// `元/吨`, `万元/人`, `千克标煤/吨`: a rate's denominator after the unit.
fn per_unit<'a>(ctx: &'a View<'_>, mut r: UnitRead<'a>) -> UnitRead<'a> {
    let text = &ctx.text[..ctx.span.end];
    let after = &text[r.end..];
    let sep = if after.starts_with('/') {
        1
    } else if after.starts_with('每') {
        '每'.len_utf8()
    } else {
        return r;
    };
    if let Some((_, per, e)) = ctx.lex.units.longest_at(text, r.end + sep) {
        let rate_of = matches!(per.kind, MentionKind::Quantity | MentionKind::Count);
        if rate_of && matches!(r.unit.kind, MentionKind::Money | MentionKind::Quantity) {
            r.per = Some(per);
            r.end = e;
        }
    }
    r
}

/// `每桶`, `每升`, `每吨` right before a number at `at`: the unit a rate is per, and where 每
/// starts. Money and physical quantities only take it (each caller checks its kind).
fn per_before<'a>(ctx: &'a View<'_>, at: usize) -> Option<(&'a UnitDef, usize)> {
    let text = &ctx.text[..ctx.span.end];
    let head = ctx.head(at);
    let head = &head[head.char_indices().rev().nth(15).map_or(0, |(o, _)| o)..];
    let o = head.rfind('每')?;
    let p = at - head.len() + o;
    let (_, per, e) = ctx.lex.units.longest_at(text, p + '每'.len_utf8())?;
    let rate_of = matches!(per.kind, MentionKind::Quantity | MentionKind::Count);
    (e == at && rate_of).then_some((per, p))
}

/// The name of the unit a rate is per: its canonical unit, `share` for shares (元/股).
fn per_name(ctx: &View<'_>, per: &UnitDef) -> String {
    if ctx.lex.list(WordList::ShareWord).contains(&per.surface) {
        "share".to_string()
    } else {
        per.unit.clone()
    }
}

/// `1 / d`, when it is a finite decimal (d's mantissa has no prime factors but 2 and 5).
fn reciprocal(d: Decimal) -> Option<Decimal> {
    let m = d.mantissa();
    if m <= 0 {
        return None;
    }
    (0..=18u32).find_map(|k| {
        let p = 10i128.checked_pow(k)?;
        (p % m == 0)
            .then(|| Decimal::new(p / m, k))?
            .checked_mul_pow10(d.scale() as i32)
    })
}

/// An Arabic (or mixed: `1.5万`) number at `i`.
fn arabic(ctx: &View<'_>, i: usize, floor: usize) -> Option<FoundMention> {
    let text = ctx.text;
    // part of an identifier or a longer token: A4, G20, v1.2 (but RMB100 is money)
    let sign = money::sign_before(ctx, i).is_some();
    if char_before(text, i).is_some_and(|p| p.is_ascii_alphabetic() || p == '.' || p == '_')
        && !sign
    {
        return None;
    }
    let n = match_number(&text[i..ctx.span.end])?;
    // document numbers 〔2021〕, list markers at a block start ("1、", "2.")
    let end = i + n.len;
    if char_before(text, i).is_some_and(is_doc_bracket)
        || char_at(text, end).is_some_and(is_doc_bracket)
    {
        return None;
    }
    if i == ctx.span.start
        && char_at(text, end).is_some_and(|c| matches!(c, '、' | '.' | ' ' | '）' | ')'))
    {
        return None;
    }
    let before = qualifier_before(ctx, i, floor);
    let r = Numeral {
        at: i,
        n,
        start: before.1,
        qualifier: before.0,
    };
    if sign {
        if let Some(m) = money::signed_amount(ctx, &r) {
            return Some(m);
        }
    }
    if let Some(m) = fraction::at_number(ctx, &r).or_else(|| date::at_number(ctx, &r)) {
        return Some(m);
    }
    quantity(ctx, i, n, before)
}

/// A Chinese numeral at `i` (`三亿元`, `两个`, `千亿元`).
fn chinese(ctx: &View<'_>, i: usize, floor: usize) -> Option<FoundMention> {
    let text = ctx.text;
    let n = match_number(&text[i..ctx.span.end])?;
    // a lone financial numeral is mostly an ordinary word: 陆续, 队伍
    if n.form == NumeralForm::Financial && text[i..i + n.len].chars().count() == 1 {
        return None;
    }
    // inside a word (统一, 之一, 进一步): the numeral must start a token, unless a qualifier
    // stands right before it (超千亿元, where jieba may glue 超 to the numeral)
    let before = qualifier_before(ctx, i, floor);
    if !ctx.is_token_start(i) && before.0.is_none() {
        return None;
    }
    let r = Numeral {
        at: i,
        n,
        start: before.1,
        qualifier: before.0,
    };
    if let Some(m) = approx_pair(ctx, &r).or_else(|| some_more(ctx, &r)) {
        return Some(m);
    }
    if let Some(m) = fraction::at_number(ctx, &r).or_else(|| date::at_number(ctx, &r)) {
        return Some(m);
    }
    quantity(ctx, i, n, before)
}

/// `负三十五万`, `负2,500`, `零下15摄氏度`: the quantity after the word, negated (its value and
/// both ends of a range), with the word in its span. Not 负责, 负债 (no numeral follows).
fn negative(ctx: &View<'_>, i: usize, floor: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let lead = if text[i..].starts_with("零下") {
        "零下"
    } else {
        "负"
    };
    let at = i + lead.len();
    let c = char_at(text, at)?;
    let mut m = if c.is_ascii_digit() {
        arabic(ctx, at, floor)?
    } else if is_chinese_numeral_start(c) {
        chinese(ctx, at, floor)?
    } else {
        return None;
    };
    if m.span.start != at
        || !matches!(
            m.kind,
            MentionKind::Quantity | MentionKind::Money | MentionKind::Number | MentionKind::Percent
        )
    {
        return None;
    }
    let neg = |d: Decimal| d.checked_neg();
    m.value = match m.value {
        Some(Value::Number(d)) => Some(Value::Number(neg(d)?)),
        other => other,
    };
    (m.low, m.high) = match (m.low, m.high) {
        (Some(l), Some(h)) => (Some(neg(h)?), Some(neg(l)?)),
        other => other,
    };
    m.span.start = i;
    Some(m)
}

/// `六七千`, `三四十`, `二三十万`, `七八个`: two neighbouring digits give an approximate range
/// (6000–7000): the second digit with what follows is the high end, the first digit takes its
/// magnitude. Not 一二 (first and second: 一二三产业).
fn approx_pair(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let mut cs = text[r.at..].chars();
    let (a, b) = (cs.next()?, cs.next()?);
    // neighbouring digits from 二 up: 一二 is first and second, 两 stands alone
    let digit = |c: char| chinese_digit(c).filter(|&d| d >= 2 && c != '两');
    let (da, db) = (digit(a)?, digit(b)?);
    if db != da + 1 {
        return None;
    }
    let at = r.at + a.len_utf8();
    let high = match_number(&text[at..])?;
    let written = &text[at..at + high.len];
    let magnitude = match &written[b.len_utf8()..] {
        "" => Decimal::ONE,
        rest => match_number(rest).filter(|m| m.len == rest.len())?.value,
    };
    let low = Decimal::from(da).checked_mul(magnitude)?;
    let mut m = quantity(ctx, at, high, (None, at))?;
    let unit = read_unit(ctx, at, high);
    if m.span.start != at || m.low.is_some() || unit.as_ref().is_some_and(|u| u.per.is_some()) {
        return None;
    }
    let factor = match unit {
        Some(u) => u.scale.checked_mul(u.unit.factor)?,
        None => Decimal::ONE,
    };
    m.low = Some(low.checked_mul(factor)?);
    m.high = m.value.as_ref().and_then(Value::as_decimal);
    m.value = m.low.map(Value::Number);
    m.qualifier = Some(Qualifier::Approx);
    m.span.start = r.start;
    m.rule = Rule::RangeApprox;
    Some(m)
}

/// The unit text as written: the number's trailing 万/亿 plus the unit (`亿元`, `万千瓦`).
fn unit_text(ctx: &View<'_>, i: usize, n: &NumberMatch, unit: &str) -> String {
    let digits = &ctx.text[i..i + n.len];
    let scale: String = digits
        .chars()
        .rev()
        .take_while(|&c| is_big_scale(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if n.form == NumeralForm::Chinese && scale.len() == digits.len() {
        // a bare scale (千亿元): the whole numeral is the amount
        return format!("{digits}{unit}");
    }
    format!("{scale}{unit}")
}

/// A number followed (or not) by a unit: the core rule.
/// `before` is the qualifier before the number and where the mention starts (see
/// [`qualifier_before`]), computed once by the caller.
fn quantity(
    ctx: &View<'_>,
    i: usize,
    n: NumberMatch,
    before: (Option<Qualifier>, usize),
) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let (q_before, start) = before;
    let Some(read) = read_unit(ctx, i, n) else {
        let bare_scale = is_bare_scale(text, i, &n);
        let r = Numeral {
            at: i,
            n,
            start,
            qualifier: q_before,
        };
        return unitless(ctx, &r, bare_scale);
    };
    if not_a_quantity(ctx, i, &read) {
        return None;
    }
    if matches!(read.unit.surface.as_str(), "次" | "届") && read.qualifier.is_none() {
        let r = Numeral {
            at: i,
            n: read.num,
            start,
            qualifier: q_before,
        };
        if let Some(session) = rank::session(ctx, &r) {
            return session;
        }
    }
    let n = read.num;
    let unit = read.unit;
    // a lone scale character (万元, 千瓦) is an amount only with a qualifier: 超千亿元
    let (q_after, end) = qualifier_after(ctx, read.end, read.qualifier.or(q_before));
    if is_bare_scale(text, i, &n)
        && text[i..i + n.len].chars().count() == 1
        && !text[i..].starts_with('十')
        && q_after.is_none()
    {
        return None;
    }
    let mut value = n.value.checked_mul(read.scale)?.checked_mul(unit.factor)?;
    let mut unit_text = format!(
        "{}{}",
        read.scale_text,
        unit_text(ctx, i, &n, &unit.surface)
    );
    let mut unit_name = unit.unit.clone();
    let mut start = start;
    let mut q_after = q_after;
    // a rate: 500元/吨 → CNY/t, 1.2万元/人 → CNY/人; written first: 每桶91.16美元 → USD/bbl
    let per = match read.per {
        Some(per) => Some(per),
        None if matches!(unit.kind, MentionKind::Money | MentionKind::Quantity) => {
            per_before(ctx, start).map(|(per, at)| {
                let (q, s) = qualifier_before(ctx, at, ctx.span.start);
                (start, q_after) = (s, q_after.or(q));
                unit_text = format!("每{}{unit_text}", per.surface);
                per
            })
        }
        None => None,
    };
    if let Some(per) = per {
        value = value.checked_mul(reciprocal(per.factor)?)?;
        unit_name = format!("{}/{}", unit.unit, per_name(ctx, per));
        if read.per.is_some() {
            unit_text = format!("{unit_text}/{}", per.surface);
        }
    }
    let rule = if per.is_some() {
        Rule::RateUnit
    } else {
        unit.rule
    };
    // 负增长2.3%: a growth below zero
    if unit.kind == MentionKind::Percent && text[..start].ends_with("负增长") {
        value = value.checked_neg()?;
    }
    let mut m = reading(
        unit.kind,
        Span::new(start, end),
        Some(Value::Number(value)),
        Some(unit_name),
        Some(unit_text),
        q_after,
        rule,
    );
    range_tail(ctx, &mut m);
    Some(m)
}

/// A number and a unit that still make no quantity: a reduplicated classifier (一台台, rhetoric),
/// the indefinite article (一个, 一批) or 一 after a determiner (前一交易日), a number glued to Latin letters that are not a unit (5G,
/// 3D), a set phrase that jieba knows as one word (三个代表, 八项规定).
fn not_a_quantity(ctx: &View<'_>, i: usize, read: &UnitRead<'_>) -> bool {
    let text = &ctx.text[..ctx.span.end];
    let (n, unit, unit_end) = (&read.num, read.unit, read.end);
    let chinese = n.form == NumeralForm::Chinese;
    let reduplicated =
        unit.surface.chars().count() == 1 && text[unit_end..].starts_with(unit.surface.as_str());
    let one = chinese && &text[i..i + n.len] == "一";
    let article = one && unit.kind == MentionKind::Count;
    // 前一交易日, 上一年度, 同一天: 一 after a determiner picks one out, it counts nothing
    let determiner = one
        && ["前", "上", "下", "后", "次", "同", "每", "这", "那"]
            .iter()
            .any(|w| text[..i].ends_with(w));
    let glued = text[unit_end..].starts_with(|c: char| c.is_ascii_alphanumeric())
        && unit.surface.chars().all(|c| c.is_ascii_alphabetic());
    let set_phrase = chinese
        && ctx.token_at(i).is_some_and(|t| {
            let tok = ctx.tokens[t];
            tok.start == i && tok.end > unit_end
        });
    reduplicated || article || determiner || glued || set_phrase
}

/// A Chinese numeral made only of scale characters (十, 千亿, 万).
fn is_bare_scale(text: &str, i: usize, n: &NumberMatch) -> bool {
    n.form == NumeralForm::Chinese && text[i..i + n.len].chars().all(is_scale)
}

/// A number read at `at`: its numeral, the qualifier before it, and where its mention starts
/// (before the qualifier when the qualifier is part of the surface: 超|千亿元).
pub(super) struct Numeral {
    pub at: usize,
    pub n: NumberMatch,
    pub start: usize,
    pub qualifier: Option<Qualifier>,
}

impl Numeral {
    pub(super) fn end(&self) -> usize {
        self.at + self.n.len
    }
}

/// A number without a unit, tried in order: tenths (`三成`), a top-N rank (`50强`), a range whose first end borrows the second's
/// unit (`3-5%`), implicit money or a plain number.
fn unitless(ctx: &View<'_>, r: &Numeral, bare_scale: bool) -> Option<FoundMention> {
    if let Some(m) = tenths(ctx, r) {
        return Some(m);
    }
    if let Some(m) = rank::top_n_strong(ctx, r) {
        return Some(m);
    }
    if let Some(m) = range_from_bare(ctx, r.at, &r.n, r.start) {
        return Some(m);
    }
    if let Some(m) = index_points(ctx, r).or_else(|| celsius_words(ctx, r)) {
        return Some(m);
    }
    bare_number(ctx, r, bare_scale)
}

/// `三成`, `八成以上`: tenths, as a percentage (not 成为, 成本: 成 must not start a longer word).
fn tenths(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let num_end = r.end();
    let ten = Decimal::from_int(10);
    if !ctx.text[num_end..ctx.span.end].starts_with('成')
        || r.n.value > ten
        || r.n.value.is_negative()
    {
        return None;
    }
    let c_end = num_end + '成'.len_utf8();
    let word_after = ctx
        .token_at(num_end)
        .is_some_and(|t| ctx.tokens[t].start == num_end && ctx.tokens[t].end > c_end);
    if word_after {
        return None;
    }
    let (q, end) = qualifier_after(ctx, c_end, r.qualifier);
    Some(reading(
        MentionKind::Percent,
        Span::new(r.start, end),
        Some(Value::Number(r.n.value.checked_mul(ten)?)),
        Some("%".into()),
        Some("成".into()),
        q,
        Rule::PercentTenths,
    ))
}

/// An index level or move in points: `收报3325.11点`, `跌8.05点`, `3300点` — an Arabic number
/// and 点 that is neither a clock time (`3点15分`, `下午3点`: the time rules come first) nor a
/// word (`一点`): it has decimals, is at least 100, or follows an index verb (涨, 跌, 收报 …).
fn index_points(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let end = r.end();
    if r.n.form != NumeralForm::Arabic || !text[end..].starts_with('点') {
        return None;
    }
    let e = end + '点'.len_utf8();
    if text[e..].starts_with(|c: char| c.is_ascii_digit() || is_chinese_numeral_start(c)) {
        return None;
    }
    let verbs = ctx.lex.list(WordList::IndexVerb);
    let moved = verbs.words().any(|w| text[..r.start].ends_with(w));
    let level = !r.n.value.is_integer() || r.n.value >= Decimal::from_int(100);
    if !(level || moved) {
        return None;
    }
    let (q, e) = qualifier_after(ctx, e, r.qualifier);
    Some(reading(
        MentionKind::Quantity,
        Span::new(r.start, e),
        Some(Value::Number(r.n.value)),
        Some("point".into()),
        Some("点".into()),
        q,
        Rule::IndexPoint,
    ))
}

/// `摄氏30度`, `华氏86度`: a temperature written around the number.
fn celsius_words(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let (scale, unit) = [("摄氏", "degC"), ("华氏", "degF")]
        .into_iter()
        .find(|(w, _)| text[..r.at].ends_with(w))?;
    if !text[r.end()..].starts_with('度') {
        return None;
    }
    let start = r.at - scale.len();
    let (q, end) = qualifier_after(ctx, r.end() + '度'.len_utf8(), r.qualifier);
    Some(reading(
        MentionKind::Quantity,
        Span::new(start, end),
        Some(Value::Number(r.n.value)),
        Some(unit.into()),
        Some(format!("{scale}度")),
        q,
        Rule::PhysicalUnit,
    ))
}

/// A number alone: money in 元 after a money indicator when it carries 万/亿 or is at least
/// 1000 (`利税4800万`), else a plain number (Arabic only: a lone Chinese numeral is a word).
/// Not part of a name or code (5G, 3D打印) or a document number (240号).
fn bare_number(ctx: &View<'_>, r: &Numeral, bare_scale: bool) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let n = &r.n;
    let num_end = r.end();
    let scaled = n.ends_with_scale && !bare_scale;
    // 一千零七, 三百六: a numeral spelled with digits and scales above 十 is a number of its own
    // (二十 in 党的二十大 is part of a name)
    let written = &text[r.at..num_end];
    let spelled = n.form == NumeralForm::Chinese
        && written.chars().count() >= 2
        && written.chars().any(|c| is_scale(c) && c != '十')
        && !written.chars().all(is_scale);
    if n.form == NumeralForm::Chinese && !scaled && !spelled || bare_scale {
        return None;
    }
    if let Some(m) = rank::number_hao(ctx, r) {
        return Some(m);
    }
    if text[num_end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let (q_after, end) = qualifier_after(ctx, num_end, r.qualifier);
    if let Some((unit, scale, written)) = declared_unit(ctx, r.start) {
        let value = n.value.checked_mul(scale)?.checked_mul(unit.factor)?;
        return Some(implicit(reading(
            unit.kind,
            Span::new(r.start, end),
            Some(Value::Number(value)),
            Some(unit.unit.clone()),
            Some(written.to_string()),
            q_after,
            Rule::UnitDeclared,
        )));
    }
    if (scaled || n.value >= Decimal::from_int(1000)) && money_context(ctx, r.at) {
        let unit_text = unit_text(ctx, r.at, n, "");
        return Some(implicit(reading(
            MentionKind::Money,
            Span::new(r.start, end),
            Some(Value::Number(n.value)),
            Some("CNY".into()),
            (!unit_text.is_empty()).then_some(unit_text),
            q_after,
            Rule::MoneyImplicitYuan,
        )));
    }
    if n.form == NumeralForm::Chinese && !spelled {
        return None;
    }
    Some(reading(
        MentionKind::Number,
        Span::new(r.start, end),
        Some(Value::Number(n.value)),
        None,
        None,
        q_after,
        Rule::Number,
    ))
}

/// The unit a label declares for the bare number in the cell right after it:
/// `营业收入（万元）|4,393.49`, `预测数值(元)|11.56亿~12.76亿`, `单位(万吨): 7160`. Only the
/// first value cell after the label takes it (the other columns of a table may have units of
/// their own, as `同比增长%` has). The bracket's content is a unit of the table with an optional
/// scale before it (万元, 百万美元). Returns the unit, the scale and the declaration as
/// written.
fn declared_unit<'a>(ctx: &'a View<'_>, at: usize) -> Option<(&'a UnitDef, Decimal, &'a str)> {
    let text = ctx.text;
    let head = ctx.head(at);
    // back over the cell's own text before the number (a range's first end: 11.56亿~)
    let in_cell = |c: char| {
        c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | '~' | '～' | '至' | '万' | '亿')
    };
    let mut chars = head
        .char_indices()
        .rev()
        .take(40)
        .skip_while(|&(_, c)| in_cell(c));
    let mut separators = 0;
    let (close, c) = loop {
        let (o, c) = chars.next()?;
        match c {
            ' ' => {}
            '|' | ':' | '：' if separators == 0 => separators += 1,
            _ => break (o, c),
        }
    };
    if !is_bracket_close(c) {
        return None;
    }
    let inner_end = ctx.span.start + close;
    let (open, _) = ctx
        .head(inner_end)
        .char_indices()
        .rev()
        .take(12)
        .find(|&(_, c)| is_bracket_open(c))?;
    let inner = &text[ctx.span.start + open..inner_end];
    let inner = &inner[inner.chars().next().map_or(0, char::len_utf8)..];
    let (unit, scale) = ctx.lex.declared_unit(inner)?;
    Some((unit, scale, inner))
}

/// The second end of a range after `at`: a number and its unit.
fn second_end<'a>(ctx: &'a View<'_>, at: usize) -> Option<(NumberMatch, &'a UnitDef, usize)> {
    let text = &ctx.text[..ctx.span.end];
    let conn = range_connector(&text[at..])?;
    let s = at + conn;
    let n = match_number(&text[s..])?;
    let (_, u, e) = ctx.lex.units.longest_at(text, s + n.len)?;
    Some((n, u, e))
}

/// `3-5%`: the first end borrows the second end's unit.
fn range_from_bare(
    ctx: &View<'_>,
    i: usize,
    n: &NumberMatch,
    start: usize,
) -> Option<FoundMention> {
    let (n2, u, e) = second_end(ctx, i + n.len)?;
    // 10-20亿元, 5-10万吨, 六百到七百亿: the first end takes the magnitude the second writes
    let text = ctx.text;
    let s2 = e - u.surface.len() - n2.len;
    let first = &text[i..i + n.len];
    let scale = if first.chars().any(is_big_scale) {
        Decimal::ONE
    } else {
        trailing_magnitude(&text[s2..s2 + n2.len], n.ends_with_scale).unwrap_or(Decimal::ONE)
    };
    let low = n.value.checked_mul(scale)?.checked_mul(u.factor)?;
    let high = n2.value.checked_mul(u.factor)?;
    let (q_after, end) = qualifier_after(ctx, e, None);
    // 2021—2025年: a range of calendar years, not of durations
    let years = u.unit == "year" && is_year(n) && is_year(&n2);
    let mut m = reading(
        if years { MentionKind::Date } else { u.kind },
        Span::new(start, end),
        Some(Value::Number(low)),
        Some(if years {
            "year_ad".into()
        } else {
            u.unit.clone()
        }),
        Some(u.surface.clone()),
        q_after,
        Rule::RangeSharedUnit,
    );
    m.low = Some(low);
    m.high = Some(high);
    Some(m)
}

/// The magnitude a range's second end writes for both ends: its trailing 万/亿 (`10-20亿元`,
/// `六百到七百亿`), and, when the first end has no scale of its own, its 百/千 after a single
/// digit (`三到五千`, `3-5千万`) — not 十 (`一到二十` is 1 to 20). `first_small` says whether the
/// first end ends with a 十/百/千 of its own; a first end with 万 or 亿 takes nothing.
fn trailing_magnitude(second: &str, first_small: bool) -> Option<Decimal> {
    let big_at = second
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_big_scale(c))
        .last()
        .map_or(second.len(), |(o, _)| o);
    let head = &second[..big_at];
    let small_at = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| matches!(c, '百' | '千' | '佰' | '仟'))
        .last()
        .map_or(head.len(), |(o, _)| o);
    let one_digit = head[..small_at].chars().count() == 1
        || head[..small_at].bytes().all(|b| b.is_ascii_digit());
    let cut = if !first_small && small_at < head.len() && one_digit {
        small_at
    } else {
        big_at
    };
    if cut == second.len() || cut == 0 {
        return None;
    }
    match_number(&second[cut..])
        .filter(|m| m.len == second.len() - cut)
        .map(|m| m.value)
}

/// A four-digit Arabic integer that can be a calendar year.
fn is_year(n: &NumberMatch) -> bool {
    n.form == NumeralForm::Arabic
        && n.len == 4
        && n.value.is_integer()
        && (1800..=2200).contains(&n.value.mantissa())
}

/// `4000万元至5200万元`, `3%~5%`: extend a mention with a second end of the same kind.
fn range_tail(ctx: &View<'_>, m: &mut FoundMention) {
    if m.qualifier.is_some() {
        return;
    }
    let Some((n2, u, e)) = second_end(ctx, m.span.end) else {
        return;
    };
    if Some(u.unit.as_str()) != m.unit.as_deref() || u.kind != m.kind {
        return;
    }
    let (Some(low), Some(high)) = (
        m.value.as_ref().and_then(Value::as_decimal),
        n2.value.checked_mul(u.factor),
    ) else {
        return;
    };
    let (q_after, end) = qualifier_after(ctx, e, None);
    m.span = Span::new(m.span.start, end);
    m.low = Some(low);
    m.high = Some(high);
    m.qualifier = q_after;
    m.rule = Rule::Range;
}

/// Is a money indicator (利税, 产值, 营业收入 …) in the clause before `at`, with no other number
/// in between?
fn money_context(ctx: &View<'_>, at: usize) -> bool {
    let text = ctx.text;
    let mut start = at;
    for (n, (o, c)) in ctx.head(at).char_indices().rev().enumerate() {
        if n >= 12 || is_clause_break(c) || c.is_ascii_digit() {
            break;
        }
        start = ctx.span.start + o;
    }
    // the nearest indicator before the number decides
    ctx.lex
        .indicators
        .find_all(text, start..at)
        .last()
        .is_some_and(|(_, _, class)| *class == IndicatorClass::Money)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::with_view;

    /// (text, kind, rule) of every mention the tagger finds in `text`, one block.
    pub(super) fn tagged(text: &str) -> Vec<(String, MentionKind, Rule)> {
        with_view(text, |ctx| {
            let mut out = Vec::new();
            tag(&ctx, &mut out);
            out.iter()
                .map(|m| (text[m.span.range()].to_string(), m.kind, m.rule))
                .collect()
        })
    }

    /// A text and the mentions expected in it: (surface, kind, rule).
    type Case = (&'static str, &'static [(&'static str, MentionKind, Rule)]);

    #[test]
    fn the_scan_tries_each_rule() {
        use MentionKind as K;
        let table: &[Case] = &[
            ("增长87%", &[("87%", K::Percent, Rule::PercentSign)]),
            ("完成投资943亿元", &[("943亿元", K::Money, Rule::MoneyUnit)]),
            (
                "占三成以上",
                &[("三成以上", K::Percent, Rule::PercentTenths)],
            ),
            ("进入50强", &[("50强", K::Ordinal, Rule::OrdinalStrong)]),
            ("强化50强化", &[("50", K::Number, Rule::Number)]),
            ("增长3-5%", &[("3-5%", K::Percent, Rule::RangeSharedUnit)]),
            ("1-7月", &[("1-7月", K::Date, Rule::DateMonths)]),
            ("一季度", &[("一季度", K::Date, Rule::DateQuarter)]),
            (
                "利税4800万",
                &[("4800万", K::Money, Rule::MoneyImplicitYuan)],
            ),
            ("编号1234", &[("1234", K::Number, Rule::Number)]),
            ("ISO9001认证", &[]),
            ("一个企业", &[]),
            ("一台台设备", &[]),
            ("5G基站", &[]),
        ];
        for (text, want) in table {
            let want: Vec<(String, MentionKind, Rule)> = want
                .iter()
                .map(|(t, k, r)| (t.to_string(), *k, *r))
                .collect();
            assert_eq!(tagged(text), want, "{text}");
        }
    }

    #[test]
    fn units_written_once_for_a_list() {
        let got = tagged("分别提高9.2、7.4个百分点");
        let rules: Vec<Rule> = got.iter().map(|(_, _, r)| *r).collect();
        assert_eq!(rules, [Rule::UnitSharedInList, Rule::PercentagePoint]);
        assert!(got
            .iter()
            .all(|(_, k, _)| *k == MentionKind::PercentagePoint));
    }

    #[test]
    fn set_phrases_are_no_quantities() {
        assert!(tagged("坚持三个代表重要思想").is_empty());
        assert_eq!(tagged("三个代表，增长5%").len(), 1);
    }

    #[test]
    fn units_read_around_qualifiers_and_scales() {
        let table = [
            ("12000余人", "12000余人", Some(Qualifier::Over)),
            ("30余亿元", "30余亿元", Some(Qualifier::Over)),
            ("1个多月", "1个多月", Some(Qualifier::Over)),
            ("0.9百分点", "0.9百分点", None),
        ];
        for (text, surface, q) in table {
            with_view(text, |ctx| {
                let mut out = Vec::new();
                tag(&ctx, &mut out);
                assert_eq!(out.len(), 1, "{text}");
                assert_eq!(&text[out[0].span.range()], surface, "{text}");
                assert_eq!(out[0].qualifier, q, "{text}");
            });
        }
    }

    #[test]
    fn reciprocals_are_exact_or_absent() {
        let table = [
            (Decimal::from_int(1000), Some(Decimal::new(1, 3))),
            (Decimal::from_int(4), Some(Decimal::new(25, 2))),
            (Decimal::from_int(3), None),
            (Decimal::ZERO, None),
        ];
        for (d, want) in table {
            assert_eq!(reciprocal(d), want, "{d}");
        }
    }

    #[test]
    fn range_connectors() {
        for (s, want) in [
            ("-5", Some(1)),
            ("至5", Some(3)),
            ("～5", Some(3)),
            ("5", None),
        ] {
            assert_eq!(range_connector(s), want, "{s}");
        }
    }
}
