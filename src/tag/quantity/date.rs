//! Dates, times and periods, valued in TIMEX3 notation (ISO 8601 with `X` for what the text
//! leaves out, as Recognizers-Text, SUTime and HeidelTime write them):
//!
//! | written | value |
//! |---|---|
//! | `2016年10月19日`, `2016-10-19`, `2016/10/19`, `2016.10.19` | `2016-10-19` |
//! | `2021年3月` | `2021-03` |
//! | `8月25日`, `八月二十五日` | `XXXX-08-25` |
//! | `2日` (a dateline's day) | `XXXX-XX-02` |
//! | `九月`, `10月份`, `6月底` | `XXXX-09`, `XXXX-10`, `XXXX-06` |
//! | `14:02:11`, `3时15分`, `下午3时` | `T14:02:11`, `T03:15`, `T15` |
//! | `2020-11-05 14:02:11` | `2020-11-05T14:02:11` |
//! | `上半年`, `一季度`, `前三季度` | `XXXX-H1`, `XXXX-Q1`, `XXXX-Q1/XXXX-Q3` |
//! | `1-7月`, `前7个月`, `前7月` | `XXXX-01/XXXX-07` |
//! | `2012年1-6月`, `2012年上半年`, `2023年第三季度` | `2012-01/2012-06`, `2012-H1`, `2023-Q3` |
//! | `2022年3月1日-4月15日` | `2022-03-01` and `2022-04-15` (two mentions) |
//!
//! A year alone (`2022年`) is an integer with unit `year_ad`. A date is never a duration:
//! `30日内`, `连续7日` are lengths of time (unit `d`).

use super::{char_at, range_connector, reading, Numeral};
use crate::found::FoundMention;
use crate::lexicon::WordList;
use crate::model::{MentionKind, Qualifier, Rule, Value};
use crate::number::{match_number, NumberMatch, NumeralForm};
use crate::span::Span;
use crate::view::View;

/// What a written date gives of the calendar; TIMEX3 writes `X` for the rest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Calendar {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    /// Hour, minute, second, as far as written.
    time: Option<(u32, Option<u32>, Option<u32>)>,
}

impl Calendar {
    fn date_part(&self) -> Option<String> {
        let year = self.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        match (self.month, self.day) {
            (Some(m), Some(d)) => Some(format!("{year}-{m:02}-{d:02}")),
            (Some(m), None) => Some(format!("{year}-{m:02}")),
            (None, Some(d)) => Some(format!("{year}-XX-{d:02}")),
            (None, None) => self.year.map(|_| year),
        }
    }

    fn time_part(&self) -> Option<String> {
        let (h, m, s) = self.time?;
        Some(match (m, s) {
            (Some(m), Some(s)) => format!("T{h:02}:{m:02}:{s:02}"),
            (Some(m), None) => format!("T{h:02}:{m:02}"),
            _ => format!("T{h:02}"),
        })
    }

    /// The TIMEX3 value: `2016-10-19`, `XXXX-08-25`, `T14:02`, `2020-11-05T14:02:11`.
    fn timex(&self) -> String {
        format!(
            "{}{}",
            self.date_part().unwrap_or_default(),
            self.time_part().unwrap_or_default()
        )
    }
}

/// A date mention with a TIMEX3 text value.
fn dated(span: Span, value: String, rule: Rule) -> FoundMention {
    reading(
        MentionKind::Date,
        span,
        Some(Value::Text(value)),
        None,
        None,
        None,
        rule,
    )
}

/// An integer numeral's value in `range`.
fn int_in(n: &NumberMatch, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let v = u32::try_from(n.value.mantissa()).ok()?;
    (n.value.is_integer() && range.contains(&v)).then_some(v)
}

/// One to `max` ASCII digits at `at`: (value, end).
fn digits(text: &str, at: usize, max: usize) -> Option<(u32, usize)> {
    let n = text[at..]
        .bytes()
        .take(max + 1)
        .take_while(u8::is_ascii_digit)
        .count();
    if n == 0 || n > max {
        return None;
    }
    Some((text[at..at + n].parse().ok()?, at + n))
}

/// A month numeral (1–12, Arabic or Chinese) at `at`, then 月 (not 个月): (month, end after 月).
fn month_at(text: &str, at: usize) -> Option<(u32, usize)> {
    let n = match_number(&text[at..])?;
    let m = int_in(&n, 1..=12)?;
    let end = at + n.len;
    text[end..]
        .starts_with('月')
        .then(|| (m, end + '月'.len_utf8()))
}

/// A day numeral (1–31) at `at`, then 日 or 号: (day, end).
fn day_at(text: &str, at: usize) -> Option<(u32, usize)> {
    let n = match_number(&text[at..])?;
    let d = int_in(&n, 1..=31)?;
    let end = at + n.len;
    ["日", "号"]
        .into_iter()
        .find(|w| text[end..].starts_with(w))
        .map(|w| (d, end + w.len()))
}

/// A date or time that starts with the number `r` (Arabic or Chinese), if the text after it
/// makes one.
pub(super) fn at_number(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let after = &text[r.end()..];
    if r.n.form == NumeralForm::Arabic {
        // cheap tests first: four digits and a separator, or one or two digits and a colon
        let b = text.as_bytes();
        let digits = b[r.at..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let sep = b.get(r.at + digits).copied();
        let numeric_like = digits == 4 && matches!(sep, Some(b'-' | b'/' | b'.'));
        let clock_like = (1..=2).contains(&digits) && sep == Some(b':');
        let found = if numeric_like {
            numeric(ctx, r.at)
        } else if clock_like {
            clock(ctx, r.at)
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    if after.starts_with('年') {
        return year(ctx, r);
    }
    if after.starts_with('月') || range_connector(after).is_some() {
        if let Some(m) = months(ctx, r.at, &r.n) {
            return Some(m);
        }
    }
    if after.starts_with("季度") {
        return quarter(r.at, &r.n, r.end());
    }
    if after.starts_with('日') {
        return day(ctx, r);
    }
    if after.starts_with('时') || after.starts_with('点') {
        return time_words(ctx, r.at, r.at);
    }
    None
}

/// `2024-03-08`, `2021/3/15`, `2021.3.15`, with a time after it (`2024-03-08 05:28:21`): the
/// separators agree, the month and day are in range, no digit follows.
fn numeric(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let (year, e) = digits(text, i, 4).filter(|&(_, e)| e == i + 4)?;
    let sep = char_at(text, e).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (month, e) = digits(text, e + 1, 2)?;
    if char_at(text, e) != Some(sep) {
        return None;
    }
    let (day, e) = digits(text, e + 1, 2)?;
    if !(1800..=2200).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut cal = Calendar {
        year: i32::try_from(year).ok(),
        month: Some(month),
        day: Some(day),
        time: None,
    };
    let mut end = e;
    if let Some(c) = char_at(text, e).filter(|c| matches!(c, ' ' | 'T')) {
        if let Some((time, te)) = clock_at(text, e + c.len_utf8()) {
            cal.time = Some(time);
            end = te;
        }
    }
    if char_at(text, end).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let rule = if cal.time.is_some() {
        Rule::DateTime
    } else {
        Rule::DateNumeric
    };
    Some(dated(Span::new(i, end), cal.timex(), rule))
}

/// `HH:MM` or `HH:MM:SS` at `at` (hour 0–24, two-digit minutes and seconds below 60, no digit
/// or colon after): ((h, m, s), end).
#[allow(clippy::type_complexity)]
fn clock_at(text: &str, at: usize) -> Option<((u32, Option<u32>, Option<u32>), usize)> {
    let (h, e) = digits(text, at, 2)?;
    let two = |at: usize| digits(text, at, 2).filter(|&(v, e)| e == at + 2 && v < 60);
    let (m, e) = text[e..].starts_with(':').then(|| two(e + 1))??;
    let (s, e) = match text[e..].starts_with(':') {
        true => two(e + 1).map_or((None, e), |(s, e)| (Some(s), e)),
        false => (None, e),
    };
    let more = char_at(text, e).is_some_and(|c| c.is_ascii_digit() || c == ':');
    (h <= 24 && !more).then_some(((h, Some(m), s), e))
}

/// A clock time `14:02:11`, `9:30` (not a ratio like `6.01:55.04` or `1:2`).
fn clock(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    if text[..i].ends_with(|c: char| c.is_ascii_digit() || c == ':' || c == '.') {
        return None;
    }
    let (time, end) = clock_at(text, i)?;
    let cal = Calendar {
        time: Some(time),
        ..Calendar::default()
    };
    Some(dated(Span::new(i, end), cal.timex(), Rule::TimeClock))
}

/// Words for the part of a day before a time: 下午3时 is 15 o'clock.
const DAY_PARTS: &[(&str, u32)] = &[
    ("凌晨", 0),
    ("早上", 0),
    ("上午", 0),
    ("中午", 12),
    ("下午", 12),
    ("傍晚", 12),
    ("晚上", 12),
    ("夜间", 12),
];

/// The part of a day written at `at`, if any: (hours to add in the afternoon, end).
fn day_part_at(text: &str, at: usize) -> Option<(u32, usize)> {
    DAY_PARTS
        .iter()
        .find(|(w, _)| text[at..].starts_with(w))
        .map(|&(w, add)| (add, at + w.len()))
}

/// A time in words at `at` (the mention starts at `start`): `3时15分`, `9点30分`, `8点半`,
/// `14时`, and after a part of the day `下午3时`, `晚上8点`. A bare `N点` needs the part of the
/// day (it is an index level or a price otherwise); a bare `N时` needs it too unless 分 follows.
pub(super) fn time_words(ctx: &View<'_>, start: usize, at: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let (add, at) = match day_part_at(text, at) {
        Some((add, e)) => (Some(add), e),
        None => (None, at),
    };
    let n = match_number(&text[at..])?;
    let mut h = int_in(&n, 0..=24)?;
    let mut e = at + n.len;
    let word = ["时", "点"]
        .into_iter()
        .find(|w| text[e..].starts_with(w))?;
    e += word.len();
    let mut minute = None;
    if text[e..].starts_with('半') {
        minute = Some(30);
        e += '半'.len_utf8();
    } else if let Some(m) = match_number(&text[e..]).filter(|m| int_in(m, 0..=59).is_some()) {
        if text[e + m.len..].starts_with('分') {
            minute = int_in(&m, 0..=59);
            e += m.len + '分'.len_utf8();
        }
    }
    let mut second = None;
    if minute.is_some() {
        if let Some(s) = match_number(&text[e..]).filter(|s| int_in(s, 0..=59).is_some()) {
            if text[e + s.len..].starts_with('秒') {
                second = int_in(&s, 0..=59);
                e += s.len + '秒'.len_utf8();
            }
        }
    }
    if add.is_none() && minute.is_none() {
        return None;
    }
    if let Some(add) = add {
        if h < 12 {
            h += add;
        }
    }
    let cal = Calendar {
        time: Some((h, minute, second)),
        ..Calendar::default()
    };
    Some(dated(Span::new(start, e), cal.timex(), Rule::TimeWords))
}

/// A time in words after a part of the day (`下午3时`): the mention starts at the part of the
/// day.
pub(super) fn day_part(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    day_part_at(text, i)?;
    time_words(ctx, i, i)
}

/// A year and what follows it in one expression: `2022年`, `2022年度`, `2023年5月`,
/// `2016年10月19日`, `2012年上半年`, `2023年第三季度`, `2012年1-6月`, `2023年前7个月`, and date
/// ranges `2022年3月1日-4月15日`. Not a length of time (`1200年历史`, `3000年来`).
fn year(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let i = r.at;
    let end = r.end();
    let digits = &text[i..end];
    let year_like = match r.n.form {
        NumeralForm::Arabic => digits.len() == 4,
        NumeralForm::Chinese => {
            digits.chars().count() == 4 && !digits.chars().any(crate::chars::is_scale)
        }
        _ => false,
    };
    let year = int_in(&r.n, 1800..=2200)?;
    let after_year = end + '年'.len_utf8();
    let duration = ctx
        .lex
        .list(WordList::YearDuration)
        .starts_at(text, after_year);
    if !year_like || duration {
        return None;
    }
    let y = i32::try_from(year).ok()?;
    if text[after_year..].starts_with('度') {
        let e = after_year + '度'.len_utf8();
        return Some(year_mention(ctx, Span::new(i, e), Rule::DateYearFiscal));
    }
    if let Some(m) = year_period(ctx, y, i, after_year) {
        return Some(m);
    }
    let Some((month, e)) = month_at(text, after_year) else {
        return Some(year_mention(ctx, Span::new(i, after_year), Rule::DateYear));
    };
    let mut cal = Calendar {
        year: Some(y),
        month: Some(month),
        ..Calendar::default()
    };
    let mut e = e;
    let mut rule = Rule::DateYearMonth;
    if let Some((d, de)) = day_at(text, e) {
        cal.day = Some(d);
        e = de;
        rule = Rule::DateFull;
    }
    let e = month_part(text, e, cal.day.is_none());
    Some(dated(Span::new(i, e), cal.timex(), rule))
}

/// A year alone: an integer with unit `year_ad`, approximate when 左右/前后 follows.
fn year_mention(ctx: &View<'_>, span: Span, rule: Rule) -> FoundMention {
    let text = &ctx.text[..ctx.span.end];
    let year = match_number(&text[span.start..]).map(|n| n.value);
    let (qualifier, end) = match ["左右", "前后"]
        .iter()
        .find(|w| text[span.end..].starts_with(**w))
    {
        Some(w) => (Some(Qualifier::Approx), span.end + w.len()),
        None => (None, span.end),
    };
    reading(
        MentionKind::Date,
        Span::new(span.start, end),
        year.map(Value::Number),
        Some("year_ad".into()),
        Some("年".into()),
        qualifier,
        rule,
    )
}

/// A period inside the year `y` written right after it (at `at`): `上半年` (`2012-H1`),
/// `第三季度` / `三季度` (`2023-Q3`), `前三季度` (`2023-Q1/2023-Q3`), `1-6月` (`2012-01/2012-06`),
/// `前7个月` (`2023-01/2023-07`).
fn year_period(ctx: &View<'_>, y: i32, start: usize, at: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let at = if text[at..].starts_with('第') && !text[at..].starts_with("第一产业") {
        at + '第'.len_utf8()
    } else {
        at
    };
    let (value, end) = period_value(text, at)?;
    let value = value.replace("XXXX", &format!("{y:04}"));
    Some(dated(Span::new(start, end), value, Rule::DateYearPeriod))
}

/// A period of a year at `at`, without the year: (TIMEX3 value with `XXXX`, end).
fn period_value(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = &text[at..];
    for (w, v) in [("上半年", "XXXX-H1"), ("下半年", "XXXX-H2")] {
        if rest.starts_with(w) {
            return Some((v.to_string(), at + w.len()));
        }
    }
    if let Some(after) = rest.strip_prefix('前') {
        let n = match_number(after)?;
        let k = int_in(&n, 2..=12)?;
        let e = at + '前'.len_utf8() + n.len;
        let tail = &text[e..];
        if tail.starts_with("季度") && k <= 4 {
            return Some((format!("XXXX-Q1/XXXX-Q{k}"), e + "季度".len()));
        }
        for w in ["个月", "月"] {
            if tail.starts_with(w) && !tail.starts_with("月份以来") {
                return Some((format!("XXXX-01/XXXX-{k:02}"), e + w.len()));
            }
        }
        return None;
    }
    let n = match_number(rest)?;
    let e = at + n.len;
    if text[e..].starts_with("季度") {
        let k = int_in(&n, 1..=4)?;
        return Some((format!("XXXX-Q{k}"), e + "季度".len()));
    }
    let first = int_in(&n, 1..=12)?;
    let c = range_connector(&text[e..])?;
    let (last, me) = month_at(text, e + c)?;
    (last > first).then(|| (format!("XXXX-{first:02}/XXXX-{last:02}"), me))
}

/// After a month, the words that place a day inside it without naming it (`6月底`, `9月份`,
/// `月初`, `中旬`): the end of the mention, which keeps the month's value. Only when
/// `month_only` (no day written).
fn month_part(text: &str, at: usize, month_only: bool) -> usize {
    const PARTS: &[&str] = &["份", "底", "初", "末", "上旬", "中旬", "下旬"];
    if !month_only {
        return at;
    }
    PARTS
        .iter()
        .find(|w| text[at..].starts_with(**w))
        .map_or(at, |w| at + w.len())
}

/// The second end of a date range takes what it leaves out from the first: in
/// `2022年3月1日-4月15日` the second end is `2022-04-15`, in `3月1日至15日` it is `XXXX-03-15`.
/// Each end stays a mention of its own.
pub(super) fn complete_ranges(ctx: &View<'_>, ms: &mut [FoundMention]) {
    for k in 1..ms.len() {
        let (head, tail) = ms.split_at_mut(k);
        let (a, b) = (&head[k - 1], &mut tail[0]);
        let gap = &ctx.text[a.span.end..b.span.start];
        let joined = !gap.is_empty() && range_connector(gap) == Some(gap.len());
        if !joined || a.kind != MentionKind::Date || b.kind != MentionKind::Date {
            continue;
        }
        let (Some(Value::Text(from)), Some(Value::Text(to))) = (&a.value, &b.value) else {
            continue;
        };
        if let Some(value) = complete(from, to) {
            b.value = Some(Value::Text(value));
            b.rule = Rule::DateRange;
        }
    }
}

/// `to` with its unwritten year (and month) taken from `from`, when `to` leaves out what `from`
/// writes: (`2022-03-01`, `XXXX-04-15`) → `2022-04-15`; (`XXXX-03-01`, `XXXX-XX-15`) →
/// `XXXX-03-15`. Only dates of the same shape (day to day, month to month).
fn complete(from: &str, to: &str) -> Option<String> {
    let f: Vec<&str> = from.split('-').collect();
    let t: Vec<&str> = to.split('-').collect();
    if f.len() != t.len() || f.len() < 2 || from.contains(['T', '/', 'Q', 'H']) || to.contains('T')
    {
        return None;
    }
    let parts: Vec<&str> = t
        .iter()
        .zip(&f)
        .map(|(t, f)| if t.starts_with('X') { *f } else { *t })
        .collect();
    let value = parts.join("-");
    (value != to).then_some(value)
}

/// Months without a year, valued `XXXX-MM`: `5月`, `九月`, `10月份`, `6月底`; with a day
/// `8月25日` (`XXXX-08-25`); month ranges `1-7月`, `1至10月` (`XXXX-01/XXXX-07`).
fn months(ctx: &View<'_>, i: usize, n: &NumberMatch) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let first = int_in(n, 1..=12)?;
    let end = i + n.len;
    if !text[end..].starts_with('月') {
        // a month range: 1-7月, 1至10月
        let (value, e) = period_value(text, i)?;
        if value.contains('Q') {
            return None;
        }
        let e = month_part(text, e, true);
        return Some(dated(Span::new(i, e), value, Rule::DateMonths));
    }
    let e = end + '月'.len_utf8();
    let mut cal = Calendar {
        month: Some(first),
        ..Calendar::default()
    };
    if let Some((d, de)) = day_at(text, e) {
        cal.day = Some(d);
        return Some(dated(Span::new(i, de), cal.timex(), Rule::DateMonthDay));
    }
    let e = month_part(text, e, true);
    Some(dated(Span::new(i, e), cal.timex(), Rule::DateMonths))
}

/// `一季度`, `第四季度`: a quarter (`XXXX-Q1` … `XXXX-Q4`), from `start`; `n` is the numeral,
/// ending at `end`.
pub(super) fn quarter(start: usize, n: &NumberMatch, end: usize) -> Option<FoundMention> {
    let k = int_in(n, 1..=4)?;
    Some(dated(
        Span::new(start, end + "季度".len()),
        format!("XXXX-Q{k}"),
        Rule::DateQuarter,
    ))
}

/// `18日`: a day of an unnamed month (`XXXX-XX-18`), as datelines write it (`国家统计局18日发布`),
/// unless the words around make it a length of time (`30日内`, `连续7日`, `7日以来`).
fn day(ctx: &View<'_>, r: &Numeral) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    let d = int_in(&r.n, 1..=31)?;
    let e = r.end() + '日'.len_utf8();
    const AFTER: &[&str] = &[
        "内", "以内", "之内", "以上", "左右", "之久", "以来", "后", "多", "余",
    ];
    const BEFORE: &[&str] = &[
        "连续", "历时", "为期", "长达", "近", "最近", "过去", "每", "个",
    ];
    let duration = AFTER.iter().any(|w| text[e..].starts_with(w))
        || BEFORE.iter().any(|w| text[..r.at].ends_with(w))
        || r.qualifier.is_some();
    if duration {
        return None;
    }
    let cal = Calendar {
        day: Some(d),
        ..Calendar::default()
    };
    Some(dated(Span::new(r.at, e), cal.timex(), Rule::DateDay))
}

/// The TIMEX3 value of a period written without a year, the whole of `s`: `上半年` (`XXXX-H1`),
/// `第三季度` (`XXXX-Q3`), `前7个月` and `1-7月` (`XXXX-01/XXXX-07`), `7月份` (`XXXX-07`).
pub(crate) fn period_timex(s: &str) -> Option<String> {
    let t = s.strip_prefix('第').unwrap_or(s);
    if let Some((v, e)) = period_value(t, 0) {
        return (month_part(t, e, true) == t.len()).then_some(v);
    }
    let (m, e) = month_at(t, 0)?;
    (month_part(t, e, true) == t.len()).then(|| format!("XXXX-{m:02}"))
}

/// A period without a year at `i` (`上半年`, `下半年`, `前三季度`, `前7个月`, `前7月`).
pub(super) fn period(ctx: &View<'_>, i: usize) -> Option<FoundMention> {
    let text = &ctx.text[..ctx.span.end];
    if !ctx.is_token_start(i) {
        return None;
    }
    let (value, end) = period_value(text, i)?;
    Some(dated(Span::new(i, end), value, Rule::DatePeriod))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_values() {
        let table = [
            (
                Calendar {
                    year: Some(2016),
                    month: Some(10),
                    day: Some(19),
                    time: None,
                },
                "2016-10-19",
            ),
            (
                Calendar {
                    month: Some(8),
                    day: Some(25),
                    ..Calendar::default()
                },
                "XXXX-08-25",
            ),
            (
                Calendar {
                    day: Some(2),
                    ..Calendar::default()
                },
                "XXXX-XX-02",
            ),
            (
                Calendar {
                    month: Some(9),
                    ..Calendar::default()
                },
                "XXXX-09",
            ),
            (
                Calendar {
                    time: Some((14, Some(2), Some(11))),
                    ..Calendar::default()
                },
                "T14:02:11",
            ),
            (
                Calendar {
                    time: Some((15, None, None)),
                    ..Calendar::default()
                },
                "T15",
            ),
            (
                Calendar {
                    year: Some(2020),
                    month: Some(11),
                    day: Some(5),
                    time: Some((14, Some(2), None)),
                },
                "2020-11-05T14:02",
            ),
        ];
        for (cal, want) in table {
            assert_eq!(cal.timex(), want);
        }
    }

    #[test]
    fn clocks() {
        let table = [
            ("14:02:11", Some(((14, Some(2), Some(11)), 8))),
            ("9:30。", Some(((9, Some(30), None), 4))),
            ("25:00", None),
            ("9:3", None),
            ("1:2:3:4", None),
        ];
        for (text, want) in table {
            assert_eq!(clock_at(text, 0), want, "{text}");
        }
    }

    #[test]
    fn second_ends_of_ranges() {
        let table = [
            ("2022-03-01", "XXXX-04-15", Some("2022-04-15")),
            ("XXXX-03-01", "XXXX-XX-15", Some("XXXX-03-15")),
            ("2021-03", "XXXX-05", Some("2021-05")),
            ("2024-02-07", "2025-02-06", None),
            ("2022-03-01", "XXXX-05", None),
            ("XXXX-Q1", "XXXX-Q3", None),
        ];
        for (from, to, want) in table {
            assert_eq!(complete(from, to).as_deref(), want, "{from} {to}");
        }
    }

    #[test]
    fn periods_of_a_year() {
        let table = [
            ("上半年", Some("XXXX-H1")),
            ("前三季度", Some("XXXX-Q1/XXXX-Q3")),
            ("三季度", Some("XXXX-Q3")),
            ("1-6月", Some("XXXX-01/XXXX-06")),
            ("前7个月", Some("XXXX-01/XXXX-07")),
            ("前7月", Some("XXXX-01/XXXX-07")),
            ("7-1月", None),
            ("前1个月", None),
        ];
        for (text, want) in table {
            assert_eq!(
                period_value(text, 0).map(|(v, _)| v).as_deref(),
                want,
                "{text}"
            );
        }
    }
}
