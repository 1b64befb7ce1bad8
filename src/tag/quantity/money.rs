//! Money as news writes it beyond `数字+元`: a sign or code before the amount (`￥450`, `$35`,
//! `US$2.5M`, `HK$100`, `€20`, `RMB 100`, `USD 100`; the table `src/data/currency_symbols.tsv`),
//! magnitude suffixes after a sign (`$3.5M`, `$2.5B`, `￥20k`, `￥50w`), and colloquial compounds
//! (`八块五毛` 8.5, `八块五` 8.5, `5元3角2分` 5.32, `三美元又五美分` 3.05).

use super::{char_at, qualifier_after, read_unit, reading, Numeral};
use crate::found::FoundMention;
use crate::model::{MentionKind, Rule, Value};
use crate::number::{match_number, Decimal};
use crate::span::Span;
use crate::view::View;

/// The longest sign, in characters (`US$`, `RMB`).
const LONGEST_SIGN: usize = 3;

/// A currency sign or code that ends right before `at` (one space may stand between): its ISO
/// code and where it starts. A sign of letters must not continue a word (`AUSD`).
pub(super) fn sign_before<'a>(ctx: &'a View<'_>, at: usize) -> Option<(&'a str, usize)> {
    let head = ctx.head(at);
    let head = head.strip_suffix(' ').unwrap_or(head);
    // most numbers have no sign before them: one test of the last character first
    let last = head.chars().next_back()?;
    if !ctx.lex.currency_sign_ends.contains(&last) {
        return None;
    }
    let end = ctx.span.start + head.len();
    let mut starts = [0usize; LONGEST_SIGN];
    let mut n = 0;
    for (o, _) in head.char_indices().rev().take(LONGEST_SIGN) {
        starts[n] = o;
        n += 1;
    }
    // the longest sign first: US$ before $
    for &o in starts[..n].iter().rev() {
        let sign = &head[o..];
        let Some(code) = ctx.lex.currency_signs.get(sign) else {
            continue;
        };
        let start = end - sign.len();
        let lettered = sign.starts_with(|c: char| c.is_ascii_alphabetic());
        let glued = head[..o].ends_with(|c: char| c.is_ascii_alphabetic());
        if !(lettered && glued) {
            return Some((code.as_str(), start));
        }
    }
    None
}

/// Magnitude suffixes after an amount with a sign: `k` thousand, `w` ten thousand (万), `M`
/// million, `B`/`bn` billion.
fn magnitude(text: &str, at: usize) -> Option<(Decimal, usize)> {
    const SUFFIXES: &[(&str, i64)] = &[
        ("bn", 1_000_000_000),
        ("k", 1_000),
        ("K", 1_000),
        ("w", 10_000),
        ("W", 10_000),
        ("M", 1_000_000),
        ("B", 1_000_000_000),
    ];
    let (w, f) = SUFFIXES.iter().find(|(w, _)| text[at..].starts_with(w))?;
    let e = at + w.len();
    // a suffix, not the start of a word or a unit (5MW, 3Mbps)
    let word = char_at(text, e).is_some_and(|c| c.is_ascii_alphanumeric());
    (!word).then(|| (Decimal::from_int(*f), e))
}

/// An amount after a currency sign: `￥450`, `$35`, `US$2.5M`, `RMB 100`, `$35亿` (3.5e9), with a
/// unit of the same currency after it taken in (`￥450元`).
pub(super) fn signed_amount(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let (code, start) = sign_before(ctx, r.start)?;
    let mut value = r.n.value;
    let mut end = r.end();
    let mut written = text[start..r.start].trim_end().to_string();
    if let Some((f, e)) = magnitude(text, end) {
        value = value.checked_mul(f)?;
        written.push_str(&text[end..e]);
        end = e;
    } else if let Some(u) = read_unit(ctx, r.at, r.n) {
        if u.unit.kind == MentionKind::Money && u.unit.unit == code && u.per.is_none() {
            value = u
                .num
                .value
                .checked_mul(u.scale)?
                .checked_mul(u.unit.factor)?;
            end = u.end;
        }
    }
    let (q, end) = qualifier_after(ctx, end, r.qualifier);
    Some(reading(
        MentionKind::Money,
        Span::new(start.min(r.start), end),
        Some(Value::Number(value)),
        Some(code.to_string()),
        Some(written),
        q,
        Rule::MoneySign,
    ))
}

/// What follows a yuan amount in speech: `五毛`/`3角` (tenths), then `2分` (hundredths), or a
/// lone digit after 块 (`八块五`): the amount to add and where it ends.
fn jiao_fen(text: &str, at: usize, kuai: bool) -> Option<(Decimal, usize)> {
    let tenth = Decimal::new(1, 1);
    let hundredth = Decimal::new(1, 2);
    let n = match_number(&text[at..])
        .filter(|n| n.value.is_integer() && n.value < Decimal::from_int(10))?;
    let e = at + n.len;
    let tail = &text[e..];
    if tail.starts_with('角') || tail.starts_with('毛') {
        let mut add = n.value.checked_mul(tenth)?;
        let mut end = e + '角'.len_utf8();
        if let Some(f) = match_number(&text[end..])
            .filter(|f| f.value.is_integer() && f.value < Decimal::from_int(10))
        {
            if text[end + f.len..].starts_with('分') {
                add = add.checked_add(f.value.checked_mul(hundredth)?)?;
                end += f.len + '分'.len_utf8();
            }
        }
        return Some((add, end));
    }
    // 八块五: a lone digit that nothing follows but punctuation or the end
    let alone = tail.chars().next().is_none_or(|c| !c.is_alphanumeric());
    if kuai && alone && n.len <= 3 {
        return Some((n.value.checked_mul(tenth)?, e));
    }
    None
}

/// Colloquial compounds, over the block's mentions in order: a yuan amount (元, 块, 块钱) with
/// tenths and hundredths after it (`八块五毛`, `5元3角2分`, `八块五`), and two amounts of one
/// currency joined by 又 (`三美元又五美分`). The parts become one mention; mentions inside the
/// new span are dropped.
pub(super) fn compounds(ctx: &View<'_>, ms: &mut Vec<FoundMention>, first: usize) {
    let text = &ctx.text[..ctx.span.end];
    let mut k = first;
    while k < ms.len() {
        let m = &ms[k];
        let kuai = m.unit_text.as_deref().is_some_and(|u| u.ends_with('块'));
        let yuan = (m.kind == MentionKind::Money
            && m.unit.as_deref() == Some("CNY")
            && m.unit_text
                .as_deref()
                .is_some_and(|u| matches!(u, "元" | "块钱")))
            || (m.kind == MentionKind::Count && kuai);
        let value = m.value.as_ref().and_then(Value::as_decimal);
        let mut grown = None;
        if let (true, Some(v), None) = (yuan, value, m.low) {
            if let Some((add, e)) = jiao_fen(text, m.span.end, kuai) {
                grown = v.checked_add(add).map(|v| (v, e, "CNY".to_string()));
            }
        }
        if grown.is_none() {
            grown = joined_by_you(ctx, ms, k);
        }
        if let Some((v, e, code)) = grown {
            let m = &mut ms[k];
            m.kind = MentionKind::Money;
            m.value = Some(Value::Number(v));
            m.unit = Some(code);
            m.unit_text = Some(text[m.span.start..e].to_string());
            m.rule = Rule::MoneyCompound;
            m.span.end = e;
            let end = e;
            let inside = ms[k + 1..]
                .iter()
                .take_while(|x| x.span.start < end)
                .count();
            ms.drain(k + 1..k + 1 + inside);
        }
        k += 1;
    }
}

/// `三美元又五美分`: the amount at `k` and the next one, of the same currency, joined by 又.
fn joined_by_you(
    ctx: &View<'_>,
    ms: &[FoundMention],
    k: usize,
) -> Option<(Decimal, usize, String)> {
    let (a, b) = (ms.get(k)?, ms.get(k + 1)?);
    let same = a.kind == MentionKind::Money && b.kind == MentionKind::Money && a.unit == b.unit;
    if !same || &ctx.text[a.span.end..b.span.start] != "又" || a.low.is_some() || b.low.is_some() {
        return None;
    }
    let v = a
        .value
        .as_ref()?
        .as_decimal()?
        .checked_add(b.value.as_ref()?.as_decimal()?)?;
    Some((v, b.span.end, a.unit.clone()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes() {
        assert_eq!(
            magnitude("3.5M", 3),
            Some((Decimal::from_int(1_000_000), 4))
        );
        assert_eq!(magnitude("20k元", 2), Some((Decimal::from_int(1000), 3)));
        assert_eq!(magnitude("5MW", 1), None);
        assert_eq!(
            magnitude("2.5bn", 3),
            Some((Decimal::from_int(1_000_000_000), 5))
        );
    }

    #[test]
    fn tenths_and_hundredths() {
        let t = "3角2分";
        assert_eq!(jiao_fen(t, 0, false), Some((Decimal::new(32, 2), t.len())));
        assert_eq!(
            jiao_fen("五毛钱", 0, true),
            Some((Decimal::new(5, 1), "五毛".len()))
        );
        assert_eq!(
            jiao_fen("五。", 0, true),
            Some((Decimal::new(5, 1), "五".len()))
        );
        assert_eq!(jiao_fen("五个", 0, true), None);
        assert_eq!(jiao_fen("五", 0, false), None);
    }
}
