//! The linker: turns the mentions of each clause into facts, with the indicator phrase, the
//! predicate, the subject, the period, the comparison basis and the modality; and finds the
//! phrases that refer back to an enterprise (`该公司`).
//!
//! Work is clause by clause; the state carried forward is small (the paragraph's period,
//! subject and comparison basis, the sentence's last indicator, the last enterprise named), so
//! the cost is linear in the text.
//!
//! - [`subject`]: what a clause is about and when (its subject, opening period);
//! - [`phrase`]: the noun phrases around a value (indicator cleaning, lists, the phrase after);
//! - [`clause`]: one clause's values, as a sequence of named steps over one candidate.

mod clause;
mod document;
mod phrase;
mod subject;

pub(crate) use document::{datelines, main_subject};

use crate::found::{FoundEntity, FoundFact, FoundReference};
use crate::lexicon::{Cue, WordList};
use crate::model::{EntityKind, MentionKind, Modality};
use crate::normalize::{clauses, Block, BlockKind};
use crate::span::Span;
use crate::view::View;
use clause::{is_value, link_clause, Frame, Prev};
use subject::{clause_opener, clause_period, clause_subject, names_subject};

/// Link every body block of the document. `main_subject` is the place the article is about.
pub(crate) fn link(
    ctx: &View<'_>,
    blocks: &[Block],
    datelines: &[Span],
    main_subject: Option<&str>,
    out: &mut Vec<FoundFact>,
) {
    let mut last_enterprise: Option<String> = None;
    let title_period = title_period(ctx, blocks);
    let mut prev: Option<Prev> = None;
    // the reporting period of a release (2月份, 前三季度) holds until another one is named
    let mut reporting: Option<String> = None;
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Body) {
        let mut para = Paragraph {
            period: reporting.clone().or_else(|| title_period.clone()),
            ..Paragraph::default()
        };
        // a paragraph continues the last indicator only as a row of labelled figures
        // (净利润：盈利5000万元 ⏎ 比上年同期增长：50%至80%)
        if !opens_with_label(ctx, block.span) {
            prev = None;
        }
        for &sentence in &block.sentences {
            let cues = SentenceCues::scan(ctx, sentence);
            let mut breakdown: Option<String> = None;
            for clause in labelled_clauses(ctx, sentence) {
                // a dateline is neither the subject nor the period of what follows it
                let clause = match datelines.iter().find(|d| d.overlaps(clause)) {
                    Some(d) if d.end < clause.end => Span::new(d.end, clause.end),
                    Some(_) => continue,
                    None => clause,
                };
                if let Some(p) = clause_period(ctx, clause) {
                    para.set_period(ctx, p);
                }
                let subject = clause_subject(
                    ctx,
                    clause,
                    cues.refers_back,
                    &mut last_enterprise,
                    main_subject,
                );
                let subject = para.subject_of(ctx, clause, subject);
                let comparison = para.comparison_of(ctx, &cues, clause);
                // 其中，… and 分经济类型看，… break down the indicator named before
                if let Some(head) = breakdown_opens(ctx, clause, &prev) {
                    breakdown = Some(head);
                }
                let frame = Frame {
                    sentence,
                    breakdown: breakdown.as_deref(),
                    period: para.period.as_deref(),
                    markers: &cues.markers,
                    subject,
                    comparison,
                };
                // a date inside the clause (比亚迪1至9月…) holds for the clauses after it
                if let Some(p) = link_clause(ctx, clause, &frame, &mut prev, out) {
                    para.set_period(ctx, p);
                }
            }
        }
        if let Some(p) = para.opening.take().filter(|p| is_reporting_period(p)) {
            reporting = Some(p);
        }
    }
}

/// How many characters may stand between a label's colon and its value (`净利润：盈利|5亿元`).
const LABEL_REACH: usize = 4;

/// The longest label that opens a row of figures (`比上年同期增长：`), in characters.
const LABEL_WIDTH: usize = 12;

/// The clauses of a sentence, with a label and its value joined: a clause without values that
/// ends in a colon and the clause after it that opens with a value (`净利润盈利：5亿元至6亿元`,
/// `同比上年增长：60%至77%`) are one clause.
fn labelled_clauses(ctx: &View<'_>, sentence: Span) -> Vec<Span> {
    let text = ctx.text;
    let mut out: Vec<Span> = Vec::new();
    for clause in clauses(text, sentence) {
        if let Some(last) = out.last_mut() {
            let colon = text[last.end..clause.start].starts_with([':', '：']);
            let valueless = !ctx.mentions_in(*last).any(is_value);
            let opens_with_value = ctx.mentions_in(clause).next().is_some_and(|m| {
                text[clause.start..m.span.start].chars().count() <= LABEL_REACH && is_value(m)
            });
            if colon && valueless && opens_with_value {
                last.end = clause.end;
                continue;
            }
        }
        out.push(clause);
    }
    out
}

/// The indicator a clause starts to break down: the last one named, when the clause opens
/// with 其中 or is an aspect (分经济类型看, 从行业看, 按地区分).
fn breakdown_opens(ctx: &View<'_>, clause: Span, prev: &Option<Prev>) -> Option<String> {
    let words = ctx.text[clause.range()].trim();
    let aspect = (words.starts_with('分') || words.starts_with('从') || words.starts_with('按'))
        && (words.ends_with('看') || words.ends_with('分'));
    (words.starts_with("其中") || aspect)
        .then(|| prev.as_ref().map(Prev::head))
        .flatten()
}

/// Does a paragraph open with a short label and a colon (`上年同期：盈利3300万元`)?
fn opens_with_label(ctx: &View<'_>, block: Span) -> bool {
    ctx.text[block.range()]
        .char_indices()
        .take(LABEL_WIDTH + 1)
        .any(|(_, c)| c == ':' || c == '：')
}

/// The period the article's title names (`玉环市2019年国民经济和社会发展统计公报`,
/// `关于2012年上半年业绩快报`): the period of every paragraph that names none of its own.
fn title_period(ctx: &View<'_>, blocks: &[Block]) -> Option<String> {
    let title = blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body)
        .find(|b| b.kind == BlockKind::Heading)?;
    let date = ctx
        .mentions_in(title.span)
        .find(|m| m.kind == MentionKind::Date)?;
    clause_period(ctx, Span::new(date.span.start, title.span.end))
}

/// Is a period shorter than a year (`2月份`, `前两个月`, `三季度`, `上半年`, `2月末`) or a plan's
/// five years (`“十四五”期间`): the period a release or a plan reports on, rather than the time
/// of one statement? A day (`9月10日`) is the date of an event.
fn is_reporting_period(period: &str) -> bool {
    const SPANS: [&str; 6] = ["月", "季度", "半年", "十三五", "十四五", "十五五"];
    SPANS.iter().any(|w| period.contains(w)) && !period.ends_with(['日', '号'])
}

/// Is a period a year as written (`2019年`)?
fn is_year(period: &str) -> bool {
    period
        .strip_suffix('年')
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// What a paragraph carries from clause to clause.
#[derive(Default)]
struct Paragraph<'t> {
    /// The period named last (`去年`, `2022年`).
    period: Option<String>,
    /// The period that opened the paragraph: a release's reporting period (`2019年2月份`) when
    /// the paragraph goes on to name others (`1至2月平均`).
    opening: Option<String>,
    /// A comparison basis declared for the rest of the paragraph (`同比（下同）`, `从环比看，`).
    carried: Option<&'t str>,
    /// An enterprise that opened a clause as its grammatical subject.
    subject: Option<String>,
}

impl<'t> Paragraph<'t> {
    /// A clause names its period: it holds from here on, except that a word for the year in
    /// question (全年, 当年) leaves a year named before (2019年) in force.
    fn set_period(&mut self, ctx: &View<'_>, period: String) {
        let same_year = ctx.lex.list(WordList::SameYear).contains(&period);
        let year = self.period.as_deref().is_some_and(is_year);
        if !(same_year && year) {
            if self.opening.is_none() {
                self.opening = Some(period.clone());
            }
            self.period = Some(period);
        }
    }

    /// The clause's subject, given the one it names (`named`): an enterprise that opens a clause
    /// as its grammatical subject (中国石油…有限公司实现营业收入…) stays the subject of the
    /// paragraph until another one opens, in the clauses that name no subject of their own.
    fn subject_of(
        &mut self,
        ctx: &View<'_>,
        clause: Span,
        named: Option<String>,
    ) -> Option<String> {
        if let Some(opener) = clause_opener(ctx, clause) {
            self.subject = opener;
        }
        match (&self.subject, names_subject(ctx, clause)) {
            (Some(p), false) => Some(p.clone()),
            _ => named,
        }
    }

    /// The clause's comparison basis: its own (同比), else the one carried (（下同）).
    fn comparison_of(
        &mut self,
        ctx: &View<'t>,
        cues: &SentenceCues,
        clause: Span,
    ) -> Option<&'t str> {
        let own = cues.first(Cue::Comparison, clause);
        if let Some(sp) = own {
            let after = Span::new(sp.end, clause.end);
            // 同比（下同）, or an aspect that opens what follows: 从环比看，…
            let words = ctx.text[clause.range()].trim();
            let aspect = words.starts_with('从') && words.ends_with('看');
            if aspect || cues.first(Cue::Hereafter, after).is_some() {
                self.carried = Some(&ctx.text[sp.range()]);
            }
        }
        own.map(|sp| &ctx.text[sp.range()]).or(self.carried)
    }
}

/// The cue words of one sentence, from one scan of it.
struct SentenceCues {
    cues: Vec<(Span, Cue)>,
    /// Forecast and target words in order: (position, modality).
    markers: Vec<(usize, Modality)>,
    /// Does the sentence refer back to an enterprise (该公司, 公司, 我们)?
    refers_back: bool,
}

impl SentenceCues {
    fn scan(ctx: &View<'_>, sentence: Span) -> SentenceCues {
        let cues: Vec<(Span, Cue)> = ctx
            .lex
            .cues
            .find_all(ctx.text, sentence.range())
            .map(|(s, e, c)| (Span::new(s, e), *c))
            .collect();
        SentenceCues {
            markers: modality_markers(ctx, &cues),
            // 该公司 as a whole word (not the 该行 of 应该行动); 公司 anywhere, also inside the
            // name of the company whose people speak (…有限公司总经理杨昊说：“…”)
            refers_back: cues.iter().any(|&(sp, c)| match c {
                Cue::BackReference => ctx.is_token_start(sp.start),
                Cue::Speaker => true,
                _ => false,
            }),
            cues,
        }
    }

    /// The first cue of `kind` inside `span`.
    fn first(&self, kind: Cue, span: Span) -> Option<Span> {
        self.cues
            .iter()
            .find(|(sp, c)| *c == kind && span.contains(*sp))
            .map(|&(sp, _)| sp)
    }
}

/// The forecast and target words of a sentence, in order: (position, modality).
fn modality_markers(ctx: &View<'_>, cues: &[(Span, Cue)]) -> Vec<(usize, Modality)> {
    let text = ctx.text;
    cues.iter()
        .filter_map(|&(sp, c)| {
            let m = match c {
                Cue::Forecast => Modality::Forecast,
                Cue::Target => Modality::Target,
                _ => return None,
            };
            // 计划 as a noun (行动计划、…) does not make a target
            let after = text[sp.end..].chars().next();
            if &text[sp.range()] == "计划" && !after.is_some_and(crate::chars::is_han) {
                return None;
            }
            ctx.is_token_start(sp.start).then_some((sp.start, m))
        })
        .collect()
}

/// Modality of a value at `at`: the last marker before it.
fn modality(markers: &[(usize, Modality)], at: usize) -> Modality {
    let n = markers.partition_point(|&(i, _)| i < at);
    n.checked_sub(1).map_or(Modality::Actual, |k| markers[k].1)
}

/// `该公司` and its kin (the `back_reference` list), each pointing at the last enterprise named
/// before it in the body text.
pub(crate) fn references(
    ctx: &View<'_>,
    blocks: &[Block],
    entities: &[FoundEntity],
) -> Vec<FoundReference> {
    let mut out = Vec::new();
    // entities are in order: follow the last enterprise with one pointer
    let mut next = 0;
    let mut last: Option<usize> = None;
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Body) {
        let words = ctx.lex.list(WordList::BackReference);
        let whole_words = words
            .find_all(ctx.text, block.span.range())
            .filter(|&(s, e)| ctx.is_token_start(s) && ctx.is_token_start(e));
        for (s, e) in whole_words {
            while next < entities.len() && entities[next].span.start < s {
                if entities[next].kind == EntityKind::Enterprise {
                    last = Some(next);
                }
                next += 1;
            }
            if let Some(entity) = last {
                out.push(FoundReference {
                    span: Span::new(s, e),
                    entity,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_marker_before_a_value_sets_its_modality() {
        let markers = [(10, Modality::Forecast), (30, Modality::Target)];
        let table = [
            (5, Modality::Actual),
            (10, Modality::Actual),
            (11, Modality::Forecast),
            (31, Modality::Target),
        ];
        for (at, want) in table {
            assert_eq!(modality(&markers, at), want, "at {at}");
        }
    }
}
