//! What a clause is about and when: its subject (an enterprise, a place, the article's main
//! place) and the period that opens it.

use crate::found::FoundEntity;
use crate::lexicon::WordList;
use crate::model::{EntityKind, MentionKind};
use crate::number::match_number;
use crate::span::Span;
use crate::view::View;

/// How far into a clause a place may start and still be its subject (three characters).
const PLACE_REACH: usize = 9;

/// A period that opens the clause (`去年`, `2022年`, `今年前7个月`), after connectives.
pub(super) fn clause_period(ctx: &View<'_>, clause: Span) -> Option<String> {
    let text = ctx.text;
    let periods = ctx.lex.list(WordList::Period);
    let at = period_start(ctx, clause);
    let head = &text[..clause.end];
    // 截至|6月底, 到|2025年: the bound opens the period
    let date_at = ctx
        .lex
        .list(WordList::PeriodBound)
        .longest_at(head, at)
        .map_or(at, |(_, e)| e);
    // a year mention or a period word, then more period words: 今年前7个月, 2023年上半年
    let mut end = ctx
        .mentions_in(clause)
        .find(|m| m.kind == MentionKind::Date && m.span.start == date_at)
        .map(|m| m.span.end)
        .or_else(|| periods.longest_at(head, date_at).map(|(_, e)| e))?;
    loop {
        if let Some((_, e)) = periods.longest_at(head, end) {
            end = e;
        } else if let Some(n) = months_after(&head[end..]) {
            end += n;
        } else if let Some(m) = ctx
            .mentions_in(Span::new(end, clause.end))
            .next()
            .filter(|m| m.kind == MentionKind::Date && m.span.start == end)
        {
            // a date right after the period word: 今年|1-6月
            end = m.span.end;
        } else {
            break;
        }
    }
    Some(text[at..end].to_string())
}

/// Where a clause's period may start: after a bullet or spaces, a section number (四、) and the
/// connectives that may open it (据悉, 其中), never at its very end.
fn period_start(ctx: &View<'_>, clause: Span) -> usize {
    let leads = ctx.lex.list(WordList::PeriodLead);
    let head = &ctx.text[clause.range()];
    let mut at = clause.start + (head.len() - head.trim_start_matches(is_bullet).len());
    // a section number: 四、2月份…
    at += crate::normalize::section_marker(&ctx.text[at..clause.end]).unwrap_or(0);
    while let Some((_, e)) = leads.longest_at(&ctx.text[..clause.end], at) {
        if e >= clause.end {
            break;
        }
        at = e;
    }
    at
}

/// Marks that open a list item (`- `, `• `, `· `) and the spaces around them.
fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '•' | '·' | '●' | '*' | ' ' | '\u{3000}')
}

/// A count of months or quarters that continues a period (`前7个月`, `前三季度`, `1-7月`): its
/// length in bytes.
fn months_after(rest: &str) -> Option<usize> {
    let lead = if rest.starts_with('前') {
        '前'.len_utf8()
    } else {
        0
    };
    let n = match_number(&rest[lead..])?;
    let tail = &rest[lead + n.len..];
    let w = ["个月", "季度", "月"]
        .into_iter()
        .find(|w| tail.starts_with(w))?;
    (lead > 0 || w == "月").then_some(lead + n.len + w.len())
}

/// The subject a clause opens with, if it opens with one: `Some(Some(name))` for an enterprise
/// directly followed by a predicate (中国石油天然气集团有限公司实现…), `Some(None)` for a place
/// (a new subject that ends an enterprise's run), `None` otherwise.
pub(super) fn clause_opener(ctx: &View<'_>, clause: Span) -> Option<Option<String>> {
    let text = ctx.text;
    // after a leading period (2023年，…)
    let mut at = clause.start;
    if let Some(m) = ctx
        .mentions_in(clause)
        .find(|m| m.kind == MentionKind::Date && m.span.start == at)
    {
        at = m.span.end;
    }
    let e = ctx
        .entities_in(clause)
        .filter(|e| e.span.start == at)
        .max_by_key(|e| e.span.len())?;
    match e.kind {
        EntityKind::Place | EntityKind::Government => Some(None),
        EntityKind::Enterprise if e.is_reporting_enterprise() => {
            // a whole word: 超 in 超大型 is no predicate
            let predicate = ctx
                .lex
                .predicates
                .longest_at(&text[..clause.end], e.span.end)
                .is_some_and(|(_, _, end)| ctx.is_token_start(end));
            predicate.then(|| Some(e.name.clone()))
        }
        _ => None,
    }
}

/// Does the clause name its own subject (an enterprise anywhere, or a place at its start)?
pub(super) fn names_subject(ctx: &View<'_>, clause: Span) -> bool {
    ctx.entities_in(clause).any(|e| {
        e.is_reporting_enterprise()
            || (e.kind == EntityKind::Place && e.span.start <= clause.start + PLACE_REACH)
    })
}

/// Is the entity part of a larger named entity (白云鄂博 in 白云鄂博稀土联合研究院)?
fn is_nested(ctx: &View<'_>, e: &FoundEntity, clause: Span) -> bool {
    ctx.entities_in(clause)
        .any(|o| o.span != e.span && o.span.contains(e.span) && o.kind != EntityKind::Place)
}

/// The subject of a clause: an enterprise named in it, an enterprise referred to (该公司), a place
/// that opens it, or the article's main place.
pub(super) fn clause_subject(
    ctx: &View<'_>,
    clause: Span,
    refers_back: bool,
    last_enterprise: &mut Option<String>,
    main_subject: Option<&str>,
) -> Option<String> {
    if let Some(e) = ctx
        .entities_in(clause)
        .find(|e| e.is_reporting_enterprise())
    {
        *last_enterprise = Some(e.name.clone());
        return Some(e.name.clone());
    }
    if last_enterprise.is_some() && refers_back {
        return last_enterprise.clone();
    }
    if let Some(e) = ctx.entities_in(clause).find(|e| {
        e.kind == EntityKind::Place
            && e.span.start <= clause.start + PLACE_REACH
            && !is_nested(ctx, e, clause)
            && !is_partner(ctx, e.span.start)
    }) {
        return Some(e.name.clone());
    }
    main_subject.map(str::to_string)
}

/// Does a preposition of trade stand before `at` (对|美国出口, 向|东盟出口, 自|日本进口)? The
/// place is a partner, part of the indicator, not the subject.
fn is_partner(ctx: &View<'_>, at: usize) -> bool {
    ctx.text[..at].ends_with(['对', '向', '自', '从', '与'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::with_analysis;

    #[test]
    fn months_continue_a_period() {
        let table = [
            ("前7个月，", Some("前7个月".len())),
            ("前三季度", Some("前三季度".len())),
            ("7月份", Some("7月".len())),
            ("7个月", None),
            ("三季度", None),
            ("工业", None),
        ];
        for (rest, want) in table {
            assert_eq!(months_after(rest), want, "{rest}");
        }
    }

    #[test]
    fn the_period_that_opens_a_clause() {
        let table = [
            ("去年全市工业投资增长87%", Some("去年")),
            ("据悉，今年前7个月产值增长", None),
            ("今年前7个月产值增长5%", Some("今年前7个月")),
            ("其中2022年产值增长5%", Some("2022年")),
            ("2023年上半年产值增长5%", Some("2023年上半年")),
            ("产值增长5%", None),
        ];
        for (text, want) in table {
            with_analysis(text, |ctx| {
                let clause = crate::normalize::clauses(ctx.text, ctx.span)[0];
                assert_eq!(clause_period(&ctx, clause).as_deref(), want, "{text}");
            });
        }
    }

    #[test]
    fn the_subject_of_a_clause() {
        let table = [
            (
                "比亚迪实现营业收入100亿元",
                Some("比亚迪"),
                Some(Some("比亚迪")),
            ),
            ("包头市工业投资增长87%", Some("包头市"), Some(None)),
            ("工业投资增长87%", Some("某地"), None),
        ];
        for (text, subject, opener) in table {
            with_analysis(text, |ctx| {
                let clause = ctx.span;
                let mut last = None;
                let got = clause_subject(&ctx, clause, false, &mut last, Some("某地"));
                assert_eq!(got.as_deref(), subject, "{text}");
                let got = clause_opener(&ctx, clause);
                assert_eq!(got.as_ref().map(|o| o.as_deref()), opener, "{text}");
            });
        }
    }
}
