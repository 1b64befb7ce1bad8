//! Shares written as fractions, all valued in percent: `百分之三点五` (3.5), `千分之八` (0.8),
//! `万分之五` (0.05), `三分之一` (33.333333333333, approximate), `二分之一` (50), `2/5` (40),
//! `1/4` (25), and discounts: `九折` (90), `8.5折` and `85折` (85), `对折` (50).
//!
//! A fraction whose decimal does not end (1/3) is rounded to twelve places and marked
//! approximate: a value is never silently inexact.

use super::{char_at, qualifier_after, reading, Numeral};
use crate::found::FoundMention;
use crate::model::{MentionKind, Qualifier, Rule, Value};
use crate::number::{match_number, Decimal, NumberMatch, NumeralForm};
use crate::span::Span;
use crate::view::View;

/// Decimal places of a fraction that does not end.
const PLACES: u32 = 12;

/// `m / n × 100` as a percentage: exact when the decimal ends, else rounded to [`PLACES`]
/// places with `approx` set. `None` for a zero or negative denominator or on overflow.
fn percent_of(m: Decimal, n: Decimal) -> Option<(Decimal, bool)> {
    if n <= Decimal::ZERO {
        return None;
    }
    // m/n = (mm / 10^ms) / (nm / 10^ns) = mm·10^ns / (nm·10^ms)
    let num = m.mantissa().checked_mul(10i128.checked_pow(n.scale())?)?;
    let den = n.mantissa().checked_mul(10i128.checked_pow(m.scale())?)?;
    let scaled = num
        .checked_mul(100)?
        .checked_mul(10i128.checked_pow(PLACES)?)?;
    let q = scaled / den;
    let r = scaled % den;
    let exact = r == 0;
    let q = if 2 * r.abs() >= den {
        q + scaled.signum()
    } else {
        q
    };
    Some((Decimal::new(q, PLACES), !exact))
}

/// A share that starts with the numeral `r`: `三分之一`, `百分之三`, `2/5`, `九折`.
pub(super) fn at_number(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let after = &text[r.end()..];
    if after.starts_with("分之") {
        return fraction_words(ctx, r);
    }
    if after.starts_with('/') && r.n.form == NumeralForm::Arabic {
        return slash(ctx, r);
    }
    if after.starts_with('折') {
        return discount(ctx, r);
    }
    None
}

/// `N分之M`: M parts of N, in percent (`百分之三点五` 3.5, `三分之一` 33.333333333333).
fn fraction_words(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let at = r.end() + "分之".len();
    let m = match_number(&text[at..])?;
    let (value, inexact) = percent_of(m.value, r.n.value)?;
    let lead = &text[r.at..at];
    finish(ctx, r, at + m.len, value, inexact, lead, Rule::PercentWords)
}

/// `2/5`, `1/4`: a proper fraction of integers (a date such as `2021/3/15` is read before, and
/// `3/2` is no share), in percent.
fn slash(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    if text[..r.at].ends_with(['/', '.']) || !r.n.value.is_integer() {
        return None;
    }
    let at = r.end() + 1;
    let d: NumberMatch = match_number(&text[at..])?;
    let e = at + d.len;
    let proper = d.form == NumeralForm::Arabic
        && d.value.is_integer()
        && r.n.value < d.value
        && d.value <= Decimal::from_int(1000);
    if !proper || char_at(text, e).is_some_and(|c| c == '/' || c.is_ascii_alphanumeric()) {
        return None;
    }
    let (value, inexact) = percent_of(r.n.value, d.value)?;
    finish(ctx, r, e, value, inexact, "/", Rule::PercentSlash)
}

/// `九折` (90 %), `8.5折` and `85折` (85 %): the share of the price paid. Not 折合 (converted
/// to), 折旧, 折算, 折射.
fn discount(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let e = r.end() + '折'.len_utf8();
    if text[e..].starts_with(['合', '旧', '算', '射', '叠', '扣', '返']) {
        return None;
    }
    let v = r.n.value;
    let value = if v > Decimal::ZERO && v < Decimal::from_int(10) {
        v.checked_mul(Decimal::from_int(10))?
    } else if v.is_integer() && v >= Decimal::from_int(10) && v < Decimal::from_int(100) {
        v
    } else {
        return None;
    };
    finish(ctx, r, e, value, false, "折", Rule::PercentDiscount)
}

/// `对折`: half the price (50 %).
pub(super) fn half_price(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    if !text[i..].starts_with("对折") || !ctx.is_token_start(i) {
        return None;
    }
    let e = i + "对折".len();
    let (q, e) = qualifier_after(ctx, e, None);
    Some(reading(
        MentionKind::Percent,
        Span::new(i, e),
        Some(Value::Number(Decimal::from_int(50))),
        Some("%".into()),
        Some("对折".into()),
        q,
        Rule::PercentDiscount,
    ))
}

/// The mention of a share ending at `end` (before a qualifier after it): approximate when its
/// decimal does not end and no qualifier says otherwise.
fn finish(
    ctx: &View<'_>,
    r: &Numeral,
    end: usize,
    value: Decimal,
    inexact: bool,
    written: &str,
    rule: Rule,
) -> Option<FoundMention> {
    let (q, end) = qualifier_after(ctx, end, r.qualifier);
    let q = q.or(inexact.then_some(Qualifier::Approx));
    Some(reading(
        MentionKind::Percent,
        Span::new(r.start, end),
        Some(Value::Number(value)),
        Some("%".into()),
        Some(written.into()),
        q,
        rule,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_of_fractions() {
        let d = Decimal::from_int;
        let table = [
            (d(1), d(3), "33.333333333333", true),
            (d(2), d(3), "66.666666666667", true),
            (d(2), d(5), "40", false),
            (d(1), d(4), "25", false),
            (Decimal::new(35, 1), d(100), "3.5", false),
            (d(5), d(10000), "0.05", false),
        ];
        for (m, n, want, inexact) in table {
            let got = percent_of(m, n).map(|(v, i)| (v.to_string(), i));
            assert_eq!(got, Some((want.to_string(), inexact)), "{m}/{n}");
        }
        assert_eq!(percent_of(d(1), Decimal::ZERO), None);
    }
}
