//! The document date and what it resolves: `去年` is 2022 in an article of 2023-08-25, `8月25日`
//! is `2023-08-25`, `1-7月` is `2023-01/2023-07`. Without a document date nothing is guessed.
//!
//! ```
//! use tiqu::{CalendarDate, Options, Pipeline};
//! let date: CalendarDate = "2023-08-25".parse()?;
//! let options = Options::default().date(date);
//! let doc = Pipeline::shared()?.extract_with("", "去年全市工业投资增长87%，8月25日开工。", &options)?;
//! assert_eq!(doc.facts[0].period_resolved.as_deref(), Some("2022"));
//! let day = doc.mentions.iter().find(|m| m.text == "8月25日");
//! assert_eq!(day.and_then(|m| m.resolved.as_deref()), Some("2023-08-25"));
//! # Ok::<(), tiqu::Error>(())
//! ```

use crate::found::FoundMention;
use crate::model::{MentionKind, Rule, Value};
use crate::normalize::{BlockKind, Normalized};
use std::fmt;
use std::str::FromStr;

/// A calendar day: the date a document was written, against which its relative dates and
/// periods are resolved. Parses from and prints as `YYYY-MM-DD`.
///
/// ```
/// let d: tiqu::CalendarDate = "2024-02-29".parse()?;
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<tiqu::CalendarDate>().is_err());
/// # Ok::<(), tiqu::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate {
    year: i32,
    month: u32,
    day: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl CalendarDate {
    /// The date, if it exists (`2023-02-29` does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(CalendarDate { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        self.day
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for CalendarDate {
    type Err = crate::Error;

    /// `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// Anything else, or a day that does not exist.
    fn from_str(s: &str) -> Result<CalendarDate, crate::Error> {
        let bad = || crate::Error::option(format!("date {s:?}: expected an existing YYYY-MM-DD"));
        let mut parts = s.splitn(3, '-');
        let mut next = |len: usize| {
            parts
                .next()
                .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let (y, m, d) = (next(4), next(2), next(2));
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => {
                CalendarDate::new(i32::try_from(y).map_err(|_| bad())?, m, d).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

/// How many bytes at the top of a document a dateline or source line may take.
const HEAD: usize = 300;

/// The document's date as the text gives it: a full date (year, month and day) in a line of
/// page furniture at the top (`2012-07-20 来源：上海证券报`, `发布时间：2011-04-01`,
/// `2020-11-05 14:02:11`), or in a heading or byline. A dateline without a year (`本报上海3月2日电`)
/// gives none: the year would be a guess.
pub(crate) fn document_date(norm: &Normalized, mentions: &[FoundMention]) -> Option<CalendarDate> {
    let head_end = norm
        .blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body || b.span.start < HEAD)
        .map(|b| b.span.end)
        .last()
        .unwrap_or(0)
        .min(HEAD.max(norm.blocks.first().map_or(0, |b| b.span.end)));
    mentions
        .iter()
        .take_while(|m| m.span.start < head_end)
        .filter(|m| matches!(m.rule, Rule::DateFull | Rule::DateNumeric | Rule::DateTime))
        .find_map(|m| match &m.value {
            Some(Value::Text(v)) => full_date(v),
            _ => None,
        })
}

/// A TIMEX3 value that is a whole day (`2012-07-20`, `2024-03-08T05:28:21`).
fn full_date(v: &str) -> Option<CalendarDate> {
    v.get(..10)?.parse().ok()
}

/// A month that lies more than six months after the document's is taken for the year before
/// (`12月` in a text of January means last December).
fn year_of_month(anchor: CalendarDate, month: u32) -> i32 {
    if month > anchor.month + 6 {
        anchor.year - 1
    } else {
        anchor.year
    }
}

/// The resolved value of a TIMEX3 value that leaves out its year (or its year and month):
/// `XXXX-08-25` → `2023-08-25`, `XXXX-XX-02` → `2023-08-02`, `XXXX-H1` → `2023-H1`,
/// `XXXX-01/XXXX-07` → `2023-01/2023-07`. `None` when the value leaves nothing out.
pub(crate) fn resolve_timex(value: &str, anchor: CalendarDate) -> Option<String> {
    if !value.contains('X') {
        return None;
    }
    let parts: Vec<String> = value
        .split('/')
        .map(|p| resolve_part(p, anchor))
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}

fn resolve_part(p: &str, anchor: CalendarDate) -> Option<String> {
    let Some(rest) = p.strip_prefix("XXXX-") else {
        return Some(p.to_string());
    };
    if let Some(day) = rest.strip_prefix("XX-") {
        return Some(format!("{:04}-{:02}-{day}", anchor.year, anchor.month));
    }
    let month: Option<u32> = rest.get(..2).and_then(|m| m.parse().ok());
    let year = match (month, rest.as_bytes().first()) {
        (Some(m), _) => year_of_month(anchor, m),
        // a quarter or half: the one that has begun by the document's month, else last year's
        (None, Some(b'Q')) => {
            let q: u32 = rest.get(1..2)?.parse().ok()?;
            year_of_month(anchor, 3 * q - 2)
        }
        (None, Some(b'H')) => {
            let h: u32 = rest.get(1..2)?.parse().ok()?;
            year_of_month(anchor, 6 * h - 5)
        }
        _ => return None,
    };
    Some(format!("{year:04}-{rest}"))
}

/// Words that name a year relative to the document's: (word, offset in years).
const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("前年", -2),
    ("去年", -1),
    ("上年", -1),
    ("上一年", -1),
    ("今年", 0),
    ("本年", 0),
    ("当年", 0),
    ("年内", 0),
    ("全年", 0),
    ("明年", 1),
    ("下一年", 1),
];

/// The resolved value of a fact's period as written: `去年` → `2022`, `今年上半年` →
/// `2023-H1`, `今年前7个月` → `2023-01/2023-07`, `1-7月` → `2023-01/2023-07`, `2022年` → `2022`,
/// `2023年上半年` → `2023-H1`. `None` for what has no calendar value here.
pub(crate) fn resolve_period(period: &str, anchor: CalendarDate) -> Option<String> {
    let (year, rest) = match RELATIVE_YEARS.iter().find(|(w, _)| period.starts_with(w)) {
        Some((w, off)) => (Some(anchor.year + off), &period[w.len()..]),
        None => match written_year(period) {
            Some((y, len)) => (Some(y), &period[len..]),
            None => (None, period),
        },
    };
    let rest = rest.trim_start_matches(['度', '的']);
    if rest.is_empty() {
        return year.map(|y| format!("{y:04}"));
    }
    let value = crate::tag::period_timex(rest)?;
    match year {
        Some(y) => Some(value.replace("XXXX", &format!("{y:04}"))),
        None => resolve_timex(&value, anchor),
    }
}

/// A four-digit year and 年 at the start of `s`: (year, length).
fn written_year(s: &str) -> Option<(i32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || !s[4..].starts_with('年') {
        return None;
    }
    Some((s[..4].parse().ok()?, 4 + '年'.len_utf8()))
}

/// Fill in the `resolved` values of the date mentions.
pub(crate) fn resolve_mentions(mentions: &mut [FoundMention], anchor: CalendarDate) {
    for m in mentions.iter_mut().filter(|m| m.kind == MentionKind::Date) {
        if let Some(Value::Text(v)) = &m.value {
            m.resolved = resolve_timex(v, anchor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CalendarDate {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn dates_parse_and_exist() {
        assert_eq!(d("2023-08-25").to_string(), "2023-08-25");
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-8-25",
            "20230825",
            "",
            "2023-08-25x",
        ] {
            assert!(bad.parse::<CalendarDate>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<CalendarDate>().is_ok());
    }

    #[test]
    fn timex_values_take_the_documents_year() {
        let a = d("2023-08-25");
        let table = [
            ("XXXX-08-25", Some("2023-08-25")),
            ("XXXX-XX-02", Some("2023-08-02")),
            ("XXXX-09", Some("2023-09")),
            ("XXXX-H1", Some("2023-H1")),
            ("XXXX-Q1/XXXX-Q3", Some("2023-Q1/2023-Q3")),
            ("XXXX-01/XXXX-07", Some("2023-01/2023-07")),
            ("2022-03-01", None),
            ("T14:02", None),
        ];
        for (v, want) in table {
            assert_eq!(resolve_timex(v, a).as_deref(), want, "{v}");
        }
        // December in a January article is last December
        assert_eq!(
            resolve_timex("XXXX-12", d("2024-01-10")).as_deref(),
            Some("2023-12")
        );
        assert_eq!(
            resolve_timex("XXXX-Q4", d("2024-01-10")).as_deref(),
            Some("2023-Q4")
        );
    }

    #[test]
    fn periods_resolve() {
        let a = d("2023-08-25");
        let table = [
            ("去年", Some("2022")),
            ("今年", Some("2023")),
            ("前年", Some("2021")),
            ("今年上半年", Some("2023-H1")),
            ("今年前7个月", Some("2023-01/2023-07")),
            ("去年前三季度", Some("2022-Q1/2022-Q3")),
            ("1-7月", Some("2023-01/2023-07")),
            ("2022年", Some("2022")),
            ("2023年上半年", Some("2023-H1")),
            ("去年同期", None),
        ];
        for (p, want) in table {
            assert_eq!(resolve_period(p, a).as_deref(), want, "{p}");
        }
    }
}
