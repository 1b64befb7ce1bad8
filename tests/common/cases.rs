//! Table-driven quantity cases and their checker, shared by the quantity test files: one short
//! news clause per case, the mention it must contain (found by its exact original text), and
//! the kind, canonical value, unit and qualifier a careful Chinese reader agrees on. Every table
//! reports all of its failing cases in one message.

#![allow(dead_code)]

use tiqu::MentionKind::Number;
use tiqu::{Mention, MentionKind, Qualifier, Value};

pub const OVER: Option<Qualifier> = Some(Qualifier::Over);
pub const UNDER: Option<Qualifier> = Some(Qualifier::Under);
pub const APPROX: Option<Qualifier> = Some(Qualifier::Approx);

/// One expected mention.
pub struct Case {
    /// A short realistic clause that contains the mention once.
    pub input: &'static str,
    /// The mention's exact original text, `&input[start..end]`.
    pub text: &'static str,
    pub kind: MentionKind,
    /// The value's Display string (`Decimal`), or the text value of a full date.
    pub value: &'static str,
    /// Canonical unit, `""` for none.
    pub unit: &'static str,
    pub qualifier: Option<Qualifier>,
}

pub const fn c(
    input: &'static str,
    text: &'static str,
    kind: MentionKind,
    value: &'static str,
    unit: &'static str,
    qualifier: Option<Qualifier>,
) -> Case {
    Case {
        input,
        text,
        kind,
        value,
        unit,
        qualifier,
    }
}

/// One expected range mention: `value` must be the low end.
pub struct RangeCase {
    pub input: &'static str,
    pub text: &'static str,
    pub kind: MentionKind,
    pub low: &'static str,
    pub high: &'static str,
    pub unit: &'static str,
    pub qualifier: Option<Qualifier>,
}

pub const fn r(
    input: &'static str,
    text: &'static str,
    kind: MentionKind,
    low: &'static str,
    high: &'static str,
    unit: &'static str,
    qualifier: Option<Qualifier>,
) -> RangeCase {
    RangeCase {
        input,
        text,
        kind,
        low,
        high,
        unit,
        qualifier,
    }
}

// ---------------------------------------------------------------------------------------------
// The checker.
// ---------------------------------------------------------------------------------------------

/// A decimal's Display string without trailing fractional zeros ("1135.10" → "1135.1").
fn canon(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn show_value(v: &Option<Value>) -> String {
    match v {
        Some(Value::Number(d)) => canon(&d.to_string()),
        Some(Value::Text(s)) => s.clone(),
        Some(other) => format!("{other:?}"),
        None => "null".to_string(),
    }
}

fn describe(m: &Mention) -> String {
    let mut s = format!(
        "{:?} {:?} value={} unit={}",
        m.text,
        m.kind,
        show_value(&m.value),
        m.unit.as_deref().unwrap_or("-"),
    );
    if let Some(q) = m.qualifier {
        s.push_str(&format!(" {q:?}"));
    }
    if m.implicit_unit {
        s.push_str(" implicit");
    }
    if m.low.is_some() || m.high.is_some() {
        s.push_str(&format!(" range={:?}..{:?}", m.low, m.high));
    }
    s.push_str(&format!(" rule={}", m.rule));
    s
}

pub fn describe_all(ms: &[Mention]) -> String {
    if ms.is_empty() {
        return "(no mentions)".to_string();
    }
    ms.iter().map(describe).collect::<Vec<_>>().join("; ")
}

pub fn mentions(input: &str) -> Result<Vec<Mention>, String> {
    tiqu::extract(input)
        .map(|d| d.mentions)
        .map_err(|e| format!("extract failed: {e}"))
}

/// What one expected mention must look like.
struct Expect<'a> {
    input: &'a str,
    text: &'a str,
    kind: MentionKind,
    value: String,
    unit: &'a str,
    qualifier: Option<Qualifier>,
    implicit: bool,
    range: Option<(String, String)>,
}

/// `None` when the case passes, else one line describing what went wrong.
fn check(e: &Expect<'_>) -> Option<String> {
    let head = format!("{:?} in {:?}", e.text, e.input);
    if e.input.matches(e.text).count() != 1 {
        return Some(format!(
            "{head}: BAD CASE, the text must occur exactly once"
        ));
    }
    let ms = match mentions(e.input) {
        Ok(ms) => ms,
        Err(err) => return Some(format!("{head}: {err}")),
    };
    let Some(m) = ms.iter().find(|m| m.text == e.text) else {
        return Some(format!(
            "{head}: no mention with this text; got {}",
            describe_all(&ms)
        ));
    };
    let mut wrong = Vec::new();
    if m.kind != e.kind {
        wrong.push(format!("kind {:?} (want {:?})", m.kind, e.kind));
    }
    let got_value = show_value(&m.value);
    let want_value = canon(&e.value);
    if got_value != want_value {
        wrong.push(format!("value {got_value} (want {want_value})"));
    }
    let got_unit = m.unit.as_deref().unwrap_or("");
    if got_unit != e.unit {
        wrong.push(format!("unit {got_unit:?} (want {:?})", e.unit));
    }
    if m.qualifier != e.qualifier {
        wrong.push(format!(
            "qualifier {:?} (want {:?})",
            m.qualifier, e.qualifier
        ));
    }
    if m.implicit_unit != e.implicit {
        wrong.push(format!(
            "implicit_unit {} (want {})",
            m.implicit_unit, e.implicit
        ));
    }
    let got_range = match (m.low, m.high) {
        (None, None) => None,
        (l, h) => Some((
            l.map_or("-".into(), |d| canon(&d.to_string())),
            h.map_or("-".into(), |d| canon(&d.to_string())),
        )),
    };
    let want_range = e.range.as_ref().map(|(l, h)| (canon(l), canon(h)));
    if got_range != want_range {
        wrong.push(format!("range {got_range:?} (want {want_range:?})"));
    }
    if e.input.get(m.start..m.end) != Some(e.text) {
        wrong.push(format!(
            "span {}..{} slices {:?}",
            m.start,
            m.end,
            e.input.get(m.start..m.end)
        ));
    }
    if wrong.is_empty() {
        None
    } else {
        Some(format!("{head}: {}", wrong.join(", ")))
    }
}

pub fn report(table: &str, total: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{table}: {} of {total} cases fail:\n  {}\n",
        failures.len(),
        failures.join("\n  ")
    );
}

pub fn run(table: &str, cases: &[Case], implicit: bool) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|k| {
            check(&Expect {
                input: k.input,
                text: k.text,
                kind: k.kind,
                value: k.value.to_string(),
                unit: k.unit,
                qualifier: k.qualifier,
                implicit,
                range: None,
            })
        })
        .collect();
    report(table, cases.len(), &failures);
}

/// Run a table of range cases.
pub fn run_ranges(table: &str, cases: &[RangeCase]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|k| {
            check(&Expect {
                input: k.input,
                text: k.text,
                kind: k.kind,
                value: k.low.to_string(),
                unit: k.unit,
                qualifier: k.qualifier,
                implicit: false,
                range: Some((k.low.to_string(), k.high.to_string())),
            })
        })
        .collect();
    report(table, cases.len(), &failures);
}

/// Check inputs that must yield no mention (or, with `numbers_allowed`, none but bare numbers).
pub fn check_negatives(table: &str, inputs: &[&str], numbers_allowed: bool) {
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|input| match mentions(input) {
            Err(e) => Some(format!("{input:?}: {e}")),
            Ok(ms) => {
                let bad: Vec<Mention> = ms
                    .into_iter()
                    .filter(|m| !(numbers_allowed && m.kind == Number))
                    .collect();
                (!bad.is_empty()).then(|| format!("{input:?}: unexpected {}", describe_all(&bad)))
            }
        })
        .collect();
    report(table, inputs.len(), &failures);
}

/// Prose without numerals that opens a hard-wrapped column in [`run_wrapped`].
const FILLER: &str = "据了解这是本报记者从有关部门获悉的最新情况全文如下所述请读者留意相关报道";

/// Column width of [`run_wrapped`], in characters.
const COLUMN: usize = 12;

/// `text` hard-wrapped like a newspaper column: a line break and a blank line after every
/// [`COLUMN`] characters.
fn hard_wrap(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 && i % COLUMN == 0 {
            out.push_str("\n\n");
        }
        out.push(c);
    }
    out
}

/// The same cases as OCR'd newspaper text gives them: a column of filler prose, then the case,
/// hard-wrapped every [`COLUMN`] characters so that a line ends right after the mention's first
/// character. The mention must come out the same, its text being the original with the break
/// in it.
pub fn run_wrapped(table: &str, cases: &[Case]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|k| {
            let at = k.input.find(k.text)?;
            let before = k.input[..at].chars().count();
            let mut first_two = k.text.chars().take(2);
            // a break inside a word of Latin letters reads as a space between two words
            let latin = first_two.by_ref().all(|c| c.is_ascii_alphabetic());
            if k.text.chars().count() < 2 || latin {
                return None;
            }
            // filler so that the mention's first character ends a line, after four full lines
            let pad = (COLUMN * 5 - (before + 1) % COLUMN) % COLUMN + COLUMN * 4;
            let filler: String = FILLER.chars().cycle().take(pad).collect();
            let input = hard_wrap(&format!("{filler}{}", k.input));
            let start = filler.chars().count() + before;
            // the mention's text in the wrapped input: its characters and the breaks inside
            let text = hard_wrap(&format!("{filler}{}", &k.input[..at + k.text.len()]));
            let skip = hard_wrap(&format!("{filler}{}", &k.input[..at])).len();
            let wrapped = if start % COLUMN == 0 {
                text[skip + 2..].to_string()
            } else {
                text[skip..].to_string()
            };
            check(&Expect {
                input: &input,
                text: &wrapped,
                kind: k.kind,
                value: k.value.to_string(),
                unit: k.unit,
                qualifier: k.qualifier,
                implicit: false,
                range: None,
            })
        })
        .collect();
    report(table, cases.len(), &failures);
}
