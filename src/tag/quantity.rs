//! The quantity tagger: numbers with their units, classifiers, qualifiers and ranges.
//!
//! One left-to-right pass over a block of normalised text. At each position that can start a
//! quantity (a digit, a Chinese numeral, 第, 百分之, 翻) the rules below are tried in order; a hit
//! moves the scan past it, so the work is linear in the block's length. Values come from the pure
//! functions of [`crate::number`]; units from the unit table (`src/data/units.tsv`).

use super::Ctx;
use crate::lexicon::{IndicatorClass, QualPos, UnitDef};
use crate::model::{Mention, MentionKind, Qualifier, Value};
use crate::normalize::{is_clause_break, is_han};
use crate::number::{match_number, Decimal, NumberMatch, NumeralForm};
use crate::span::Span;

/// Chinese characters that can start a numeral.
fn is_chinese_numeral_start(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
    )
}

/// Scale characters that may end a numeral and be reported as part of the unit (`943亿元`).
fn is_big_scale(c: char) -> bool {
    matches!(c, '万' | '亿' | '萬' | '億')
}

/// Brackets that enclose document numbers (`〔2021〕240号`).
fn is_doc_bracket(c: char) -> bool {
    matches!(c, '〔' | '〕' | '[' | ']' | '【' | '】')
}

/// Characters that join the two ends of a range (`3-5%`, `4000万元至5200万元`).
fn range_connector(s: &str) -> Option<usize> {
    ["-", "~", "～", "—", "–", "至", "到"]
        .iter()
        .find(|c| s.starts_with(*c))
        .map(|c| c.len())
}

/// A number with its unit, before it becomes a mention.
#[derive(Debug, Clone)]
struct Reading {
    kind: MentionKind,
    span: Span,
    value: Option<Value>,
    unit: Option<String>,
    unit_text: Option<String>,
    qualifier: Option<Qualifier>,
    implicit_unit: bool,
    rule: &'static str,
}

impl Reading {
    fn into_mention(self) -> Mention {
        Mention {
            kind: self.kind,
            text: String::new(),
            start: 0,
            end: 0,
            value: self.value,
            unit: self.unit,
            unit_text: self.unit_text,
            qualifier: self.qualifier,
            implicit_unit: self.implicit_unit,
            low: None,
            high: None,
            rule: self.rule,
            norm: self.span,
        }
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

/// Tag the quantities of one block (`ctx.block`), appending mentions in order.
pub(crate) fn tag(ctx: &Ctx<'_>, out: &mut Vec<Mention>) {
    let text = ctx.text;
    let mut i = ctx.block.start;
    let mut last_end = ctx.block.start;
    while i < ctx.block.end {
        let Some(c) = char_at(text, i) else { break };
        // only a few characters can start a quantity: test them before any other work
        let candidate = c.is_ascii_digit()
            || matches!(c, '-' | '+' | '第' | '百' | '翻')
            || is_chinese_numeral_start(c);
        if !candidate {
            i += c.len_utf8();
            continue;
        }
        if let Some(r) = try_at(ctx, i, c, last_end) {
            let end = r.norm.end.max(i + c.len_utf8());
            last_end = end;
            out.push(r);
            i = end;
            continue;
        }
        i += c.len_utf8();
    }
}

/// Try every rule that can start at `i`.
fn try_at(ctx: &Ctx<'_>, i: usize, c: char, floor: usize) -> Option<Mention> {
    let text = ctx.text;
    let rest = &text[i..ctx.block.end];
    if c == '第' {
        return ordinal(ctx, i);
    }
    if rest.starts_with("百分之") {
        return percent_words(ctx, i, floor);
    }
    if c == '翻' {
        return doubling(ctx, i);
    }
    let signed = matches!(c, '-' | '+')
        && rest[1..].starts_with(|d: char| d.is_ascii_digit())
        && !char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric() || p == '%');
    if c.is_ascii_digit() || signed {
        return arabic(ctx, i, floor);
    }
    if is_chinese_numeral_start(c) {
        return chinese(ctx, i, floor);
    }
    None
}

/// `第一`, `第18`: a rank.
fn ordinal(ctx: &Ctx<'_>, i: usize) -> Option<Mention> {
    let start = i + '第'.len_utf8();
    let n = match_number(&ctx.text[start..ctx.block.end])?;
    let end = start + n.len;
    let after = &ctx.text[end..ctx.block.end];
    // 第一季度 is a period, not a rank
    if after.starts_with("季度")
        || after.starts_with('季')
        || !n.value.is_integer()
        || n.value.is_negative()
    {
        return None;
    }
    Some(
        Reading {
            kind: MentionKind::Ordinal,
            span: Span::new(i, end),
            value: Some(Value::Number(n.value)),
            unit: Some("rank".into()),
            unit_text: Some("第".into()),
            qualifier: None,
            implicit_unit: false,
            rule: "ordinal_di",
        }
        .into_mention(),
    )
}

/// `百分之三点五`: a percentage written in words.
fn percent_words(ctx: &Ctx<'_>, i: usize, floor: usize) -> Option<Mention> {
    let start = i + "百分之".len();
    let n = match_number(&ctx.text[start..ctx.block.end])?;
    let end = start + n.len;
    let (qualifier, qstart) = qualifier_before(ctx, i, floor);
    let (q_after, end) = qualifier_after(ctx, end, qualifier);
    Some(
        Reading {
            kind: MentionKind::Percent,
            span: Span::new(qstart, end),
            value: Some(Value::Number(n.value)),
            unit: Some("%".into()),
            unit_text: Some("百分之".into()),
            qualifier: q_after,
            implicit_unit: false,
            rule: "percent_words",
        }
        .into_mention(),
    )
}

/// `翻番`, `翻一番`, `翻两番`: doubling (×2), quadrupling (×4).
fn doubling(ctx: &Ctx<'_>, i: usize) -> Option<Mention> {
    let rest = &ctx.text[i..ctx.block.end];
    let (len, factor) = if rest.starts_with("翻番") {
        ("翻番".len(), 2)
    } else if rest.starts_with("翻一番") || rest.starts_with("翻了一番") {
        (
            if rest.starts_with("翻一番") {
                "翻一番".len()
            } else {
                "翻了一番".len()
            },
            2,
        )
    } else if rest.starts_with("翻两番") || rest.starts_with("翻了两番") {
        (
            if rest.starts_with("翻两番") {
                "翻两番".len()
            } else {
                "翻了两番".len()
            },
            4,
        )
    } else {
        return None;
    };
    Some(
        Reading {
            kind: MentionKind::Multiple,
            span: Span::new(i, i + len),
            value: Some(Value::Number(Decimal::from_int(factor))),
            unit: Some("x".into()),
            unit_text: Some("番".into()),
            qualifier: None,
            implicit_unit: false,
            rule: "multiple_doubling",
        }
        .into_mention(),
    )
}

/// A qualifier word ending at `at` (`超`, `突破`, `近`): the qualifier and where the mention
/// starts (before the word when the word is part of the surface).
fn qualifier_before(ctx: &Ctx<'_>, at: usize, floor: usize) -> (Option<Qualifier>, usize) {
    let head = &ctx.text[floor.max(ctx.block.start)..at];
    for q in ctx
        .lex
        .qualifiers
        .iter()
        .filter(|q| q.pos == QualPos::Before)
    {
        if head.ends_with(q.word.as_str()) {
            let qs = at - q.word.len();
            // the word must stand on its own, not end a longer word (节约 is not 约)
            if !ctx.is_token_start(qs) {
                continue;
            }
            return (Some(q.qualifier), if q.in_span { qs } else { at });
        }
    }
    (None, at)
}

/// A qualifier word right after a quantity (`以上`, `左右`): keeps an earlier qualifier.
fn qualifier_after(
    ctx: &Ctx<'_>,
    at: usize,
    before: Option<Qualifier>,
) -> (Option<Qualifier>, usize) {
    let rest = &ctx.text[at..ctx.block.end];
    for q in ctx
        .lex
        .qualifiers
        .iter()
        .filter(|q| q.pos == QualPos::After)
    {
        if rest.starts_with(q.word.as_str()) {
            // 多 and 余 after a unit only when no noun follows as part of a word (多元, 余额)
            if matches!(q.word.as_str(), "多" | "余")
                && ctx.text[at + q.word.len()..ctx.block.end]
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

/// A qualifier between the number and its unit (`12000余人`, `100多个`).
fn qualifier_between<'a>(
    ctx: &'a Ctx<'_>,
    at: usize,
) -> Option<(Qualifier, usize, &'a UnitDef, usize)> {
    let rest = &ctx.text[at..ctx.block.end];
    for q in ctx
        .lex
        .qualifiers
        .iter()
        .filter(|q| q.pos == QualPos::Between)
    {
        if rest.starts_with(q.word.as_str()) {
            let u_at = at + q.word.len();
            if let Some((_, u, u_end)) = ctx.lex.units.longest_at(&ctx.text[..ctx.block.end], u_at)
            {
                return Some((q.qualifier, u_at, u, u_end));
            }
        }
    }
    None
}

/// An Arabic (or mixed: `1.5万`) number at `i`.
fn arabic(ctx: &Ctx<'_>, i: usize, floor: usize) -> Option<Mention> {
    let text = ctx.text;
    // part of an identifier or a longer token: A4, G20, v1.2
    if char_before(text, i).is_some_and(|p| p.is_ascii_alphabetic() || p == '.' || p == '_') {
        return None;
    }
    let n = match_number(&text[i..ctx.block.end])?;
    // document numbers 〔2021〕, list markers at a block start ("1、", "2.")
    let end = i + n.len;
    if char_before(text, i).is_some_and(is_doc_bracket)
        || char_at(text, end).is_some_and(is_doc_bracket)
    {
        return None;
    }
    if i == ctx.block.start
        && char_at(text, end).is_some_and(|c| matches!(c, '、' | '.' | ' ' | '）' | ')'))
    {
        return None;
    }
    if let Some(m) = date(ctx, i, &n) {
        return Some(m);
    }
    quantity(ctx, i, n, floor)
}

/// A Chinese numeral at `i` (`三亿元`, `两个`, `千亿元`).
fn chinese(ctx: &Ctx<'_>, i: usize, floor: usize) -> Option<Mention> {
    let text = ctx.text;
    let n = match_number(&text[i..ctx.block.end])?;
    // a lone financial numeral is mostly an ordinary word: 陆续, 队伍
    if n.form == NumeralForm::Financial && text[i..i + n.len].chars().count() == 1 {
        return None;
    }
    // inside a word (统一, 之一, 进一步): the numeral must start a token, unless a qualifier or
    // a range connector stands right before it
    let (q, _) = qualifier_before(ctx, i, floor);
    if !ctx.is_token_start(i) && q.is_none() {
        return None;
    }
    if let Some(m) = date(ctx, i, &n) {
        return Some(m);
    }
    quantity(ctx, i, n, floor)
}

/// `2022年`, `2022年度`, `2016年10月19日`, `二〇二三年`.
fn date(ctx: &Ctx<'_>, i: usize, n: &NumberMatch) -> Option<Mention> {
    let text = &ctx.text[..ctx.block.end];
    let end = i + n.len;
    if !text[end..].starts_with('年') || !n.value.is_integer() {
        return None;
    }
    let digits = &text[i..end];
    let year_like = match n.form {
        NumeralForm::Arabic => digits.len() == 4,
        NumeralForm::Chinese => {
            digits.chars().count() == 4 && !digits.contains(['十', '百', '千', '万'])
        }
        _ => false,
    };
    let year = n.value.mantissa();
    if !year_like || !(1000..=2200).contains(&year) {
        return None;
    }
    let mut e = end + '年'.len_utf8();
    let mut value = Value::Number(n.value);
    let mut unit = Some("year_ad".to_string());
    let mut rule = "date_year";
    if text[e..].starts_with('度') {
        e += '度'.len_utf8();
        rule = "date_year_fiscal";
    } else if let Some(month) = match_number(&text[e..]) {
        let m_end = e + month.len;
        let mv = month.value.mantissa();
        if month.value.is_integer() && (1..=12).contains(&mv) && text[m_end..].starts_with('月') {
            e = m_end + '月'.len_utf8();
            value = Value::Text(format!("{year:04}-{mv:02}"));
            unit = None;
            rule = "date_year_month";
            if let Some(day) = match_number(&text[e..]) {
                let d_end = e + day.len;
                let dv = day.value.mantissa();
                if day.value.is_integer()
                    && (1..=31).contains(&dv)
                    && (text[d_end..].starts_with('日') || text[d_end..].starts_with('号'))
                {
                    e = d_end + '日'.len_utf8();
                    value = Value::Text(format!("{year:04}-{mv:02}-{dv:02}"));
                    rule = "date_full";
                }
            }
        }
    }
    Some(
        Reading {
            kind: MentionKind::Date,
            span: Span::new(i, e),
            value: Some(value),
            unit,
            unit_text: Some("年".into()),
            qualifier: None,
            implicit_unit: false,
            rule,
        }
        .into_mention(),
    )
}

/// The unit text as written: the number's trailing 万/亿 plus the unit (`亿元`, `万千瓦`).
fn unit_text(ctx: &Ctx<'_>, i: usize, n: &NumberMatch, unit: &str) -> String {
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
fn quantity(ctx: &Ctx<'_>, i: usize, n: NumberMatch, floor: usize) -> Option<Mention> {
    let text = &ctx.text[..ctx.block.end];
    let num_end = i + n.len;
    let (q_before, start) = qualifier_before(ctx, i, floor);
    let bare_scale = n.form == NumeralForm::Chinese
        && text[i..num_end]
            .chars()
            .all(|c| matches!(c, '十' | '百' | '千' | '万' | '亿'));
    // the unit, possibly after 余/多/来
    let (mut qualifier, unit, unit_end) = match qualifier_between(ctx, num_end) {
        Some((q, _, u, e)) => (Some(q), Some(u), e),
        None => match ctx.lex.units.longest_at(text, num_end) {
            Some((_, u, e)) => (q_before, Some(u), e),
            None => (q_before, None, num_end),
        },
    };
    if qualifier.is_none() {
        qualifier = q_before;
    }
    let Some(unit) = unit else {
        return unitless(ctx, i, n, start, qualifier, bare_scale);
    };
    // reduplicated classifiers are rhetoric, not counts: 一台台, 一项项
    if unit.surface.chars().count() == 1 && text[unit_end..].starts_with(unit.surface.as_str()) {
        return None;
    }
    // "一个", "一批", "一次": the indefinite article, not the number one
    if n.form == NumeralForm::Chinese
        && &text[i..num_end] == "一"
        && unit.kind == MentionKind::Count
    {
        return None;
    }
    // an Arabic number glued to Latin letters that are not a unit: 5G, 3D
    if text[unit_end..].starts_with(|c: char| c.is_ascii_alphanumeric())
        && unit.surface.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    // a bare scale (千亿元, 亿元以上) is an amount only with a qualifier: 超千亿元
    let (q_after, end) = qualifier_after(ctx, unit_end, qualifier);
    if bare_scale && q_after.is_none() {
        return None;
    }
    let value = n.value.checked_mul(unit.factor)?;
    let mut m = Reading {
        kind: unit.kind,
        span: Span::new(start, end),
        value: Some(Value::Number(value)),
        unit: Some(unit.unit.clone()),
        unit_text: Some(unit_text(ctx, i, &n, &unit.surface)),
        qualifier: q_after,
        implicit_unit: false,
        rule: rule_for(unit.kind),
    }
    .into_mention();
    range_tail(ctx, &mut m, &n);
    Some(m)
}

fn rule_for(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Percent => "percent_sign",
        MentionKind::PercentagePoint => "percentage_point",
        MentionKind::Money => "money_unit",
        MentionKind::Quantity => "physical_unit",
        MentionKind::Count => "count_classifier",
        MentionKind::Multiple => "multiple_bei",
        MentionKind::Date => "date_unit",
        MentionKind::Ordinal => "ordinal",
        MentionKind::Number => "number",
    }
}

/// A number without a unit: a rank (`50强`), implicit money (`利税4800万`), a range's first end
/// (`3-5%`), or a plain number.
fn unitless(
    ctx: &Ctx<'_>,
    i: usize,
    n: NumberMatch,
    start: usize,
    qualifier: Option<Qualifier>,
    bare_scale: bool,
) -> Option<Mention> {
    let text = &ctx.text[..ctx.block.end];
    let num_end = i + n.len;
    // 50强: the top 50
    if text[num_end..].starts_with('强')
        && !bare_scale
        && n.value >= Decimal::from_int(3)
        && n.value.is_integer()
    {
        let after = text[num_end + '强'.len_utf8()..].chars().next();
        if !after
            .is_some_and(|c| matches!(c, '国' | '省' | '市' | '县' | '区' | '化' | '度' | '大'))
        {
            return Some(
                Reading {
                    kind: MentionKind::Ordinal,
                    span: Span::new(start, num_end + '强'.len_utf8()),
                    value: Some(Value::Number(n.value)),
                    unit: Some("rank".into()),
                    unit_text: Some("强".into()),
                    qualifier: None,
                    implicit_unit: false,
                    rule: "ordinal_top_n",
                }
                .into_mention(),
            );
        }
    }
    // a range whose first end has no unit: 3-5%, 3至5年
    if let Some(m) = range_from_bare(ctx, i, &n, start) {
        return Some(m);
    }
    let scaled = n.ends_with_scale && !bare_scale;
    if n.form == NumeralForm::Chinese && !scaled || bare_scale {
        return None;
    }
    // part of a name or code: 5G, 3D打印; a document number: 240号
    if text[num_end..].starts_with(|c: char| c.is_ascii_alphabetic())
        || text[num_end..].starts_with('号')
    {
        return None;
    }
    let (q_after, end) = qualifier_after(ctx, num_end, qualifier);
    if (scaled || n.value >= Decimal::from_int(1000)) && ctx.money_context(i) {
        let unit_text = unit_text(ctx, i, &n, "");
        return Some(
            Reading {
                kind: MentionKind::Money,
                span: Span::new(start, end),
                value: Some(Value::Number(n.value)),
                unit: Some("CNY".into()),
                unit_text: (!unit_text.is_empty()).then_some(unit_text),
                qualifier: q_after,
                implicit_unit: true,
                rule: "money_implicit_yuan",
            }
            .into_mention(),
        );
    }
    if n.form == NumeralForm::Chinese {
        return None;
    }
    Some(
        Reading {
            kind: MentionKind::Number,
            span: Span::new(start, end),
            value: Some(Value::Number(n.value)),
            unit: None,
            unit_text: None,
            qualifier: q_after,
            implicit_unit: false,
            rule: "number",
        }
        .into_mention(),
    )
}

/// The second end of a range after `at`: a number and its unit.
fn second_end<'a>(ctx: &'a Ctx<'_>, at: usize) -> Option<(NumberMatch, &'a UnitDef, usize)> {
    let text = &ctx.text[..ctx.block.end];
    let conn = range_connector(&text[at..])?;
    let s = at + conn;
    let n = match_number(&text[s..])?;
    let (_, u, e) = ctx.lex.units.longest_at(text, s + n.len)?;
    Some((n, u, e))
}

/// `3-5%`: the first end borrows the second end's unit.
fn range_from_bare(ctx: &Ctx<'_>, i: usize, n: &NumberMatch, start: usize) -> Option<Mention> {
    let (n2, u, e) = second_end(ctx, i + n.len)?;
    if u.kind == MentionKind::Count && n2.form == NumeralForm::Chinese {
        return None;
    }
    let low = n.value.checked_mul(u.factor)?;
    let high = n2.value.checked_mul(u.factor)?;
    let (q_after, end) = qualifier_after(ctx, e, None);
    let mut m = Reading {
        kind: u.kind,
        span: Span::new(start, end),
        value: Some(Value::Number(low)),
        unit: Some(u.unit.clone()),
        unit_text: Some(u.surface.clone()),
        qualifier: q_after,
        implicit_unit: false,
        rule: "range",
    }
    .into_mention();
    m.low = Some(low);
    m.high = Some(high);
    Some(m)
}

/// `4000万元至5200万元`, `3%~5%`: extend a mention with a second end of the same kind.
fn range_tail(ctx: &Ctx<'_>, m: &mut Mention, _n: &NumberMatch) {
    if m.qualifier.is_some() {
        return;
    }
    let Some((n2, u, e)) = second_end(ctx, m.norm.end) else {
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
    m.norm = Span::new(m.norm.start, end);
    m.low = Some(low);
    m.high = Some(high);
    m.qualifier = q_after;
    m.rule = "range";
}

impl Ctx<'_> {
    /// Is a money indicator (利税, 产值, 营业收入 …) in the clause before `at`, with no other
    /// number in between?
    pub(crate) fn money_context(&self, at: usize) -> bool {
        let text = self.text;
        let mut start = at;
        for (n, (o, c)) in text[self.block.start..at].char_indices().rev().enumerate() {
            if n >= 12 || is_clause_break(c) || c.is_ascii_digit() {
                break;
            }
            start = self.block.start + o;
        }
        // the nearest indicator before the number decides
        self.lex
            .indicators
            .find_all(text, start..at)
            .last()
            .is_some_and(|(_, _, class)| *class == IndicatorClass::Money)
    }
}
