//! One clause's values, linked into facts. Each run of values (one value, or a `分别` list
//! joined by 、/和) becomes a [`Candidate`] that a sequence of named steps fills in:
//!
//! 1. [`value_run`]: the values of the run;
//! 2. [`split_at_predicate`]: the predicate before the first value, and the phrase that holds
//!    the indicator (before the predicate, or its object: 完成|投资|943亿元);
//! 3. [`change_start`]: `由95.5%跃升至98%` takes its start value;
//! 4. [`limit_reach`]: the phrase is at most 40 characters;
//! 5. [`opening_subject_and_period`]: names and dates that open the phrase;
//! 6. [`read_indicator`]: the cleaned indicator, a subject it implies (我国, a ranked name);
//! 7. [`indicator_fallbacks`]: the noun after a count, or the previous indicator;
//! 8. [`emit`]: one fact per value (or per list item), unless the value is a threshold.

use super::phrase::{
    clean_indicator, is_attributive, is_place_phrase, only_names, phrase_after, predicate_before,
    split_list, Pred,
};
use crate::chars::{is_list_separator, is_separator_gap, is_word_char};
use crate::found::{within_indices, FoundFact, FoundMention};
use crate::lexicon::{PredicateClass, WordList};
use crate::model::{EntityKind, MentionKind, Modality, Qualifier, Rule};
use crate::segment::Pos;
use crate::span::Span;
use crate::view::View;

/// What a clause inherits from its sentence and paragraph.
pub(super) struct Frame<'a> {
    /// The sentence of the clause.
    pub sentence: Span,
    /// The indicator the clause breaks down (after 其中 or 分…看).
    pub breakdown: Option<&'a str>,
    pub period: Option<&'a str>,
    pub markers: &'a [(usize, Modality)],
    pub subject: Option<String>,
    /// The comparison basis named in the clause (同比, 比上年) or carried to it.
    pub comparison: Option<&'a str>,
}

/// The last fact's indicator, predicate and subject: a clause without an indicator of its own
/// (`，同比增长约80%`) continues it.
#[derive(Debug, Clone)]
pub(super) struct Prev {
    indicator: String,
    predicate: Option<String>,
    subject: Option<String>,
    /// The indicators of the run's facts, one per value (`产量`, `销量` of `产量和销量分别…`).
    items: Vec<String>,
    /// What a count counts (`工业行业大类` of `调查的40个工业行业大类`), for the counts of its
    /// parts after it (`价格上涨的有15个`).
    counted: Option<String>,
    /// The sentence of the last fact.
    sentence: Span,
}

impl Prev {
    /// The indicator a breakdown after this fact breaks down.
    pub(super) fn head(&self) -> String {
        self.indicator.clone()
    }
}

/// Is this mention a value that a fact can carry?
pub(super) fn is_value(m: &FoundMention) -> bool {
    !matches!(m.kind, MentionKind::Number | MentionKind::Date)
}

/// One run of values and what the steps read about it.
#[derive(Debug)]
struct Candidate<'t> {
    /// Indices of the run's values in the document's mentions.
    run: Vec<usize>,
    pred: Option<Pred>,
    /// The phrase that holds the indicator.
    phrase: Span,
    predicate: Option<String>,
    /// The whole a share or rank refers to.
    of: Option<String>,
    /// The start value of a change.
    from: Option<usize>,
    /// A date that opens the phrase (比亚迪|1至9月|…).
    period: Option<&'t str>,
    indicator: String,
    comparison: Option<&'t str>,
    subject: Option<String>,
    /// The phrase is only names (包钢、包铝4户企业).
    names_before: bool,
    /// The indicator is a lone function word, verb or adverb (连续两年).
    trivial: bool,
    /// Indicators taken over from the previous run, one per value (`较去年同期分别上升11.4%和
    /// 13.8%` after `产量和销量分别达到…`).
    inherited: Vec<String>,
    /// Names listed before the indicator, each a subject of its own (`华为、腾讯营业收入均超千亿元`).
    subjects: Vec<String>,
}

/// Link the values of one clause; returns a period the clause names inside (比亚迪1至9月…).
pub(super) fn link_clause<'a>(
    ctx: &View<'a>,
    clause: Span,
    frame: &Frame<'a>,
    prev: &mut Option<Prev>,
    out: &mut Vec<FoundFact>,
) -> Option<String> {
    let values: Vec<usize> = within_indices(ctx.mentions, clause)
        .filter(|&i| is_value(&ctx.mentions[i]))
        .collect();
    let clause_facts = out.len();
    let mut found_period = None;
    let mut floor = clause.start;
    let mut i = 0;
    while i < values.len() {
        let run = value_run(ctx, &values[i..]);
        i += run.len();
        let mut c = split_at_predicate(ctx, floor, run);
        change_start(ctx, clause, &mut c, out, clause_facts);
        limit_reach(ctx, &mut c);
        opening_subject_and_period(ctx, &mut c);
        if let Some(p) = c.period {
            found_period = Some(p.to_string());
        }
        read_indicator(ctx, frame, &mut c);
        group_count(ctx, clause, prev, &mut c);
        indicator_fallbacks(ctx, clause, frame, prev, &mut c);
        segment_of_breakdown(ctx, frame, &mut c);
        measure_of_verb(ctx, prev, &mut c);
        capacity(ctx, clause, &mut c);
        let last = &ctx.mentions[c.run[c.run.len() - 1]];
        let more_values = i < values.len();
        // an attributive value stays inside the next indicator: 新开工亿元以上项目432个
        if !(c.run.len() == 1 && is_attributive(ctx, last, clause)) {
            floor = last.span.end;
        }
        if !c.indicator.is_empty() && !is_threshold(ctx, clause, &c, more_values) {
            let emitted = out.len();
            emit(ctx, clause, frame, &c, out);
            let counted = counted_noun(ctx, &c);
            let mut items: Vec<String> =
                out[emitted..].iter().map(|f| f.indicator.clone()).collect();
            // single figures in a row (汽车产量A，销量B，) are a list for a 分别 after them
            if let Some(p) = prev.as_ref().filter(|p| p.sentence == frame.sentence) {
                if c.run.len() == 1 && !p.items.is_empty() && !p.items.contains(&c.indicator) {
                    items = p.items.iter().cloned().chain(items).collect();
                }
            }
            *prev = Some(Prev {
                indicator: c.indicator,
                predicate: c.predicate,
                subject: c.subject,
                items,
                counted,
                sentence: frame.sentence,
            });
        }
    }
    found_period
}

/// Step 1: the run of values that starts `values`: one value, or several joined by one
/// separator each (`30万吨、133GW、46GW和8GW`).
fn value_run(ctx: &View<'_>, values: &[usize]) -> Vec<usize> {
    let mut run = vec![values[0]];
    for &next in &values[1..] {
        let last = &ctx.mentions[run[run.len() - 1]];
        let gap = &ctx.text[last.span.end..ctx.mentions[next].span.start];
        if !is_separator_gap(gap) {
            break;
        }
        run.push(next);
    }
    run
}

/// Step 2: the predicate before the run's first value, and the phrase holding the indicator:
/// the text before the predicate (工业投资|增长|87%), or the predicate's object (完成|投资|943亿元)
/// unless the object is the whole of a share (占|全区的|11.8%), which becomes `of`.
fn split_at_predicate<'t>(ctx: &View<'t>, floor: usize, run: Vec<usize>) -> Candidate<'t> {
    let text = ctx.text;
    let first = ctx.mentions[run[0]].span.start;
    let pred = predicate_before(ctx, floor, first);
    let (phrase, predicate, of) = match pred {
        Some(p) => {
            let mut mid = Span::new(p.span.end, first);
            // a colon or space between the predicate and the value is no object (盈利：5亿元)
            if !text[mid.range()].contains(is_word_char) {
                mid = Span::new(first, first);
            }
            let of_phrase = matches!(p.class, PredicateClass::Share | PredicateClass::Rank)
                || text[mid.range()].ends_with('的')
                || is_place_phrase(ctx, mid);
            let predicate = Some(text[p.span.range()].to_string());
            if mid.is_empty() || of_phrase {
                let of =
                    (!mid.is_empty()).then(|| text[mid.range()].trim_end_matches('的').to_string());
                (Span::new(floor, p.span.start), predicate, of)
            } else {
                (mid, predicate, None)
            }
        }
        None => (Span::new(floor, first), None, None),
    };
    Candidate {
        run,
        pred,
        phrase,
        predicate,
        of,
        from: None,
        period: None,
        indicator: String::new(),
        comparison: None,
        subject: None,
        names_before: false,
        trivial: false,
        inherited: Vec::new(),
        subjects: Vec::new(),
    }
}

/// Step 3: `由95.5%跃升至98%`: the value before 由/从…至 is where the change started; the
/// indicator is what precedes 由, and a fact already made of the start value in this clause
/// (from `clause_facts` on) is dropped.
fn change_start(
    ctx: &View<'_>,
    clause: Span,
    c: &mut Candidate<'_>,
    out: &mut Vec<FoundFact>,
    clause_facts: usize,
) {
    let Some(p) = c.pred.filter(|p| p.class == PredicateClass::FromTo) else {
        return;
    };
    let Some(first) = within_indices(ctx.mentions, clause)
        .filter(|&i| ctx.mentions[i].span.end <= p.span.start && is_value(&ctx.mentions[i]))
        .last()
    else {
        return;
    };
    let before = &ctx.text[clause.start..ctx.mentions[first].span.start];
    if let Some(head) = before
        .strip_suffix('由')
        .or_else(|| before.strip_suffix('从'))
    {
        c.phrase = Span::new(clause.start, clause.start + head.len());
        c.from = Some(first);
        let tail = out.split_off(clause_facts);
        out.extend(tail.into_iter().filter(|f| f.value != first));
    }
}

/// The longest indicator phrase, in characters: an indicator is a phrase, not a page.
const PHRASE_REACH: usize = 40;

/// Step 4: the phrase is at most [`PHRASE_REACH`] characters, counted back from its end, and
/// no more than the cell of a flattened table it ends in (`营业总收入(万元)|4,393.49`).
fn limit_reach(ctx: &View<'_>, c: &mut Candidate<'_>) {
    if let Some(k) = ctx.text[c.phrase.range()].rfind('|') {
        c.phrase.start += k + 1;
    }
    let reach = ctx.text[c.phrase.range()]
        .char_indices()
        .rev()
        .nth(PHRASE_REACH)
        .map(|(o, _)| c.phrase.start + o);
    if let Some(r) = reach {
        c.phrase.start = r;
    }
}

/// Step 5: names and dates that open the phrase are its subject and period, not the
/// indicator: 比亚迪|1至9月|新能源汽车销量.
fn opening_subject_and_period<'t>(ctx: &View<'t>, c: &mut Candidate<'t>) {
    // a section number opens no indicator: 四、|2月份…
    let head = &ctx.text[c.phrase.range()];
    if let Some(n) = crate::normalize::section_marker(head).filter(|&n| n < head.len()) {
        c.phrase.start += n;
    }
    listed_subjects(ctx, c);
    loop {
        let at = c.phrase.start;
        let end = c.phrase.end;
        let opens = |s: Span| s.start == at && s.end < end;
        if let Some(e) = ctx.entities_in(c.phrase).find(|e| {
            opens(e.span)
                && matches!(
                    e.kind,
                    EntityKind::Enterprise | EntityKind::Place | EntityKind::Government
                )
        }) {
            c.phrase.start = e.span.end;
            continue;
        }
        if let Some(m) = ctx
            .mentions_in(c.phrase)
            .find(|m| m.kind == MentionKind::Date && opens(m.span))
        {
            c.period = Some(&ctx.text[m.span.range()]);
            c.phrase.start = m.span.end;
            continue;
        }
        // a noise word before a date (公司|上半年营业收入, 全市|今年…): the date still opens it
        let noise = ctx
            .lex
            .list(WordList::LeadingNoise)
            .longest_at(ctx.text, at);
        if let Some((_, e)) = noise.filter(|&(_, e)| e < end) {
            let dated = ctx.mentions_in(Span::new(e, end)).next().is_some_and(|m| {
                m.kind == MentionKind::Date && m.span.start == e && m.span.end < end
            });
            if dated {
                c.phrase.start = e;
                continue;
            }
        }
        break;
    }
}

/// Step 5a: names listed at the start of the phrase (华为、腾讯、阿里巴巴|营业收入, 包钢、包铝|2户
/// 企业|产值) are one subject each; a count of them after the list is its size, not part of
/// the indicator.
fn listed_subjects(ctx: &View<'_>, c: &mut Candidate<'_>) {
    let text = ctx.text;
    let mut at = c.phrase.start;
    let mut names = Vec::new();
    while let Some(e) = ctx.entities_in(Span::new(at, c.phrase.end)).find(|e| {
        e.span.start == at
            && matches!(
                e.kind,
                EntityKind::Enterprise | EntityKind::Place | EntityKind::Government
            )
    }) {
        names.push(e.name.clone());
        at = e.span.end;
        match text[at..c.phrase.end].chars().next() {
            Some(sep) if is_list_separator(sep) => at += sep.len_utf8(),
            _ => break,
        }
    }
    // A、B等15户企业: a group, counted as one
    let group = text[at..c.phrase.end].starts_with('等');
    if names.len() < 2 || at >= c.phrase.end || group || is_list_separator_before(text, at) {
        return;
    }
    c.subjects = names;
    c.phrase.start = at;
    if let Some(m) = ctx
        .mentions_in(c.phrase)
        .find(|m| m.kind == MentionKind::Count && m.span.start == at && m.span.end < c.phrase.end)
    {
        c.phrase.start = m.span.end;
    }
}

/// Does the text before `at` end in a list separator (a list that runs on past its names)?
fn is_list_separator_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(is_list_separator)
}

/// Step 6: the cleaned indicator and the comparison at its end; the subject it implies: 我国
/// (the country), or a name ranked in a whole (稀土高新区进入国家级高新区50强: the name is the
/// subject, `<whole>排名` the indicator).
fn read_indicator<'t>(ctx: &View<'t>, frame: &Frame<'_>, c: &mut Candidate<'t>) {
    let text = ctx.text;
    let raw = &text[c.phrase.range()];
    let (cleaned, comparison) = clean_indicator(ctx, raw);
    // a lone 有 or 为 names nothing, nor does a period alone (上年同期：盈利3300万元)
    let cleaned = if ctx.lex.list(WordList::LeadingWord).contains(cleaned)
        || ctx.lex.list(WordList::Period).contains(cleaned)
    {
        ""
    } else {
        cleaned
    };
    c.indicator = cleaned.to_string();
    c.comparison = comparison;
    c.names_before = only_names(ctx, c.phrase);
    c.subject = frame.subject.clone();
    if raw.starts_with("我国") {
        c.subject = Some("中国".to_string());
    }
    let is_name = c.names_before
        || ctx
            .entities_in(c.phrase)
            .any(|e| &text[e.span.range()] == cleaned);
    if let (true, Some(p), Some(whole)) = (is_name, c.pred, c.of.as_deref()) {
        if p.class == PredicateClass::Rank && !cleaned.is_empty() {
            c.subject = Some(cleaned.to_string());
            c.indicator = format!("{whole}排名");
        }
    }
    c.trivial = !c.indicator.is_empty()
        && matches!(
            ctx.seg.pos(&c.indicator),
            Pos::Modifier | Pos::Function | Pos::Verb | Pos::Time
        );
}

/// Step 6b: a count of the members of a group. `41个工业大类中有35个增长`: the group (工业大类)
/// with what the members do (增长的工业大类); `价格上涨的有15个`: the members of the group
/// counted before (价格上涨的工业行业大类); `从调查的40个工业行业大类看`: the noun after the
/// count with its attribute (调查的工业行业大类).
fn group_count(ctx: &View<'_>, clause: Span, prev: &Option<Prev>, c: &mut Candidate<'_>) {
    let text = ctx.text;
    let value = &ctx.mentions[c.run[0]];
    if c.run.len() != 1 || value.kind != MentionKind::Count {
        return;
    }
    let trim = |s: &str| s.trim_end_matches([' ', '，', ',']).len();
    let from = c
        .pred
        .map_or(c.phrase.start, |p| p.span.start.min(c.phrase.start));
    let pre = &text[from..value.span.start];
    let pre = &pre[..trim(pre)];
    let counted = prev.as_ref().and_then(|p| p.counted.as_deref());
    if let Some(head) = pre.strip_suffix('有') {
        let head = &head[..trim(head)];
        let group = ["当中", "中"]
            .iter()
            .find_map(|w| head.strip_suffix(w))
            .filter(|_| !head.ends_with("其中"));
        let indicator = if let Some(group) = group.or(head.is_empty().then_some("")) {
            // the group: named before 中 (after any value: 41个|工业大类中有), or counted by
            // the clause before (600家重点企业中，|有420家…)
            let after_values = ctx
                .mentions_in(Span::new(from, from + group.len()))
                .filter(|m| is_value(m))
                .last()
                .map_or(0, |m| m.span.end - from);
            let (group, _) = clean_indicator(ctx, &group[after_values..]);
            let Some(group) = Some(group).filter(|g| !g.is_empty()).or(counted) else {
                return;
            };
            let after = text[value.span.end..clause.end].trim_end_matches(is_end_punct);
            let what = ctx.lex.list(WordList::LeadingNoise).strip_leading(after);
            if what.is_empty() || what.chars().count() > 12 {
                group.to_string()
            } else {
                format!("{what}的{group}")
            }
        } else if let Some(desc) = head.strip_suffix('的') {
            // 价格上涨的有15个: members of the group counted before
            let Some(noun) = counted else {
                return;
            };
            let (desc, _) = clean_indicator(ctx, desc);
            format!("{desc}的{noun}")
        } else {
            return;
        };
        c.indicator = indicator;
        c.predicate = Some("有".to_string());
        c.trivial = false;
    } else if let Some(desc) = pre.strip_suffix('的') {
        // 从|调查的|40个|工业行业大类|看
        let Some(noun) = phrase_after(ctx, value.span.end, clause) else {
            return;
        };
        let (desc, _) = clean_indicator(ctx, desc.strip_prefix('从').unwrap_or(desc));
        if !desc.is_empty() {
            c.indicator = format!("{desc}的{noun}");
        }
    }
}

/// What a count fact counts: the head of its indicator (调查的|工业行业大类).
fn counted_noun(ctx: &View<'_>, c: &Candidate<'_>) -> Option<String> {
    let value = &ctx.mentions[c.run[c.run.len() - 1]];
    (value.kind == MentionKind::Count && !c.indicator.is_empty()).then(|| {
        c.indicator
            .rsplit('的')
            .next()
            .unwrap_or_default()
            .to_string()
    })
}

/// Punctuation that ends a clause's text.
fn is_end_punct(ch: char) -> bool {
    matches!(ch, '。' | '；' | ';' | '，' | ',' | '！' | '？' | ' ')
}

/// Step 7: when the phrase before the value names no indicator (empty, a lone adverb, only
/// names, or a list before a count: X等37个|项目, 包钢、包铝4户|企业), the noun after the value
/// is the indicator; failing that the previous fact's; a leading verb becomes the predicate
/// (实施|工业技改项目|202个).
fn indicator_fallbacks<'a>(
    ctx: &View<'a>,
    clause: Span,
    frame: &Frame<'a>,
    prev: &Option<Prev>,
    c: &mut Candidate<'a>,
) {
    let raw = &ctx.text[c.phrase.range()];
    let last = &ctx.mentions[c.run[c.run.len() - 1]];
    let listed_count = last.kind == MentionKind::Count
        && (raw.ends_with(|ch: char| is_list_separator(ch) || ch == '等') || raw.contains('、'));
    // a rate noun alone (增幅, 增长幅度) measures the indicator named before it: the same
    // growth (同比增长幅度为12.5%), or in points a change of its rate (增速加快0.8个百分点)
    let mut rate_noun = None;
    if ctx.lex.list(WordList::RateNoun).contains(&c.indicator) {
        rate_noun = Some(std::mem::take(&mut c.indicator));
    }
    // a contribution in points (影响CPI上涨0.63个百分点) is the previous indicator's
    if last.kind == MentionKind::PercentagePoint
        && ctx
            .lex
            .list(WordList::Contribution)
            .starts_at(&c.indicator, 0)
    {
        if let Some(p) = prev {
            c.predicate = Some(format!(
                "{}{}",
                c.indicator,
                c.predicate.as_deref().unwrap_or_default()
            ));
            // of the item, not of its rate (食品价格涨幅 → 食品价格)
            let rates = ctx.lex.list(WordList::RateNoun);
            c.indicator = rates
                .suffix_of(&p.indicator)
                .map(|r| &p.indicator[..p.indicator.len() - r.len()])
                .filter(|base| !base.is_empty())
                .unwrap_or(&p.indicator)
                .to_string();
            c.subject = p.subject.clone().or(c.subject.take());
        }
    }
    if c.indicator.is_empty()
        || c.trivial
        || (c.names_before && c.subject == frame.subject)
        || listed_count
    {
        if let Some(after) = phrase_after(ctx, last.span.end, clause) {
            c.indicator = after;
        } else if c.names_before || c.trivial {
            c.indicator.clear();
        }
    }
    if c.indicator.is_empty() {
        if let Some(p) = prev.clone() {
            let points = last.kind == MentionKind::PercentagePoint;
            c.indicator = match rate_noun.as_deref() {
                Some(r) if points => format!("{}{r}", p.indicator),
                _ => p.indicator,
            };
            c.predicate = c.predicate.take().or(p.predicate);
            c.subject = p.subject.or(c.subject.take());
            if p.items.len() >= c.run.len() && c.run.len() > 1 && !points {
                c.inherited = p.items[p.items.len() - c.run.len()..].to_vec();
            }
        } else if let Some(r) = rate_noun {
            c.indicator = r;
        }
    } else if c.predicate.is_none() {
        if let Some((w, _, e)) = ctx.lex.predicates.longest_at(&c.indicator, 0) {
            if e < c.indicator.len() {
                c.predicate = Some(w.to_string());
                c.indicator = c.indicator[e..].to_string();
            }
        }
    }
    if c.comparison.is_none() {
        c.comparison = frame.comparison;
    }
}

/// Step 7a: a segment of a breakdown names no measure of its own: 其中，城市|上涨1.5% after
/// 居民消费价格 → 城市居民消费价格; 分经济类型看，国有控股企业|增长2.1% → 国有控股企业增加值.
fn segment_of_breakdown(ctx: &View<'_>, frame: &Frame<'_>, c: &mut Candidate<'_>) {
    let Some(head) = frame.breakdown else {
        return;
    };
    // a count counts the segment's members (其中，规上工业企业81家)
    if ctx.mentions[c.run[0]].kind == MentionKind::Count {
        return;
    }
    // the size of the segment is no part of it (其中，100户|大企业|增长6%)
    let size = ctx
        .mentions_in(c.phrase)
        .find(|m| m.kind == MentionKind::Count && m.span.start == c.phrase.start)
        .map(|m| &ctx.text[m.span.range()]);
    let ind = size
        .and_then(|s| c.indicator.strip_prefix(s))
        .unwrap_or(&c.indicator);
    let segment = ctx
        .lex
        .list(WordList::Segment)
        .suffix_of(ind)
        .map(|w| &ind[..ind.len() - w.len()])
        .is_some_and(|rest| {
            ctx.lex
                .indicators
                .find_all(rest, 0..rest.len())
                .next()
                .is_none()
        });
    if segment && !head.is_empty() && !head.contains(ind) {
        c.indicator = format!("{ind}{head}");
    }
}

/// Step 7b: a verb of production or sales with its object names the measure of a physical
/// quantity or a count: 汽车|生产|1562.1万辆 → 汽车产量, 累计|销售客车 → 客车累计销量, 生产钢材 →
/// 钢材产量; without an object the previous indicator's (汽车产量…，销售1565.3万辆 → 汽车销量);
/// a verb that joins two (产销) gives one measure per value of a list.
fn measure_of_verb(ctx: &View<'_>, prev: &Option<Prev>, c: &mut Candidate<'_>) {
    let value = &ctx.mentions[c.run[c.run.len() - 1]];
    if !matches!(value.kind, MentionKind::Quantity | MentionKind::Count) || !c.inherited.is_empty()
    {
        return;
    }
    // the verb read as the predicate names the measure itself: 项目|占地|500亩 → 占地面积
    if let Some(m) = c
        .predicate
        .as_deref()
        .and_then(|p| ctx.lex.measures.iter().find(|m| m.verb == p))
    {
        c.indicator = m.noun.clone();
        c.predicate = None;
        return;
    }
    let ind = c.indicator.as_str();
    let found = ctx.lex.measures.iter().find_map(|m| {
        if let Some(object) = ind.strip_suffix(m.verb.as_str()) {
            Some((m, object))
        } else {
            ind.strip_prefix(m.verb.as_str()).map(|object| (m, object))
        }
    });
    let Some((m, object)) = found else {
        return;
    };
    // the object, else the one the previous indicator measured (汽车|产量)
    let object = if object.is_empty() {
        let Some(p) = prev else {
            return;
        };
        let last = p.items.last().unwrap_or(&p.indicator);
        let measured = ctx
            .lex
            .measures
            .iter()
            .flat_map(|m| std::iter::once(&m.noun).chain(&m.parts))
            .find_map(|n| last.strip_suffix(n.as_str()));
        match measured {
            Some(o) if !o.is_empty() => o.to_string(),
            _ => return,
        }
    } else {
        object.to_string()
    };
    // an adverb read as the predicate stays with the measure: 累计|销售客车 → 客车累计销量
    let modifier = match c.predicate.as_deref() {
        Some(p) if ctx.seg.pos(p) == Pos::Modifier => c.predicate.take().unwrap_or_default(),
        _ => String::new(),
    };
    if c.run.len() > 1 && m.parts.len() == c.run.len() {
        c.inherited = m
            .parts
            .iter()
            .map(|part| format!("{object}{modifier}{part}"))
            .collect();
    }
    c.indicator = format!("{object}{modifier}{}", m.noun);
}

/// Step 7c: a capacity that describes the product after it (建设年产|2万吨|高纯纳米氢氧化锂项目,
/// 建设|200万吨/年|氧化钙生产线) measures the product's capacity: 高纯纳米氢氧化锂年产能,
/// 氧化钙生产线产能.
fn capacity(ctx: &View<'_>, clause: Span, c: &mut Candidate<'_>) {
    let text = ctx.text;
    let value = &ctx.mentions[c.run[c.run.len() - 1]];
    if value.kind != MentionKind::Quantity || c.run.len() > 1 {
        return;
    }
    let annual = text[..value.span.start].ends_with("年产");
    let per_year = value
        .unit_text
        .as_deref()
        .is_some_and(|u| u.ends_with("/年"));
    if !(annual || per_year) {
        return;
    }
    let Some(product) = phrase_after(ctx, value.span.end, clause) else {
        return;
    };
    let product = ["生产项目", "制造项目", "项目"]
        .iter()
        .find_map(|w| product.strip_suffix(w))
        .unwrap_or(&product);
    if product.chars().count() >= 2 {
        let measure = if annual { "年产能" } else { "产能" };
        c.indicator = format!("{product}{measure}");
        c.predicate = None;
    }
}

/// A value that is no fact of its own: a threshold inside a category (亿元|以上|项目432个: a lone
/// qualified value that is an attribute of the noun after it, with more values to come), or the
/// name of a ranking (`2020中国民营企业500强`, `前10强`): a top-N rank is a fact only after a
/// rank verb (进入50强, 位列前十位); an anniversary (成立70周年), an occasion and no measure; or
/// the number of an edition, a session or a line (第四届董事会, 十五届人大三次会议, 13号线).
fn is_threshold(ctx: &View<'_>, clause: Span, c: &Candidate<'_>, more_values: bool) -> bool {
    let v = &ctx.mentions[c.run[0]];
    let category = c.run.len() == 1
        && matches!(v.qualifier, Some(Qualifier::Over | Qualifier::Under))
        && is_attributive(ctx, v, clause)
        && more_values;
    let ranking = matches!(v.rule, Rule::OrdinalStrong | Rule::OrdinalTopN)
        && c.pred.is_none_or(|p| p.class != PredicateClass::Rank);
    // the size of a list of names or of a group the clause goes on to measure (包钢、包铝2户企业
    // 产值分别增长…, 其中，100户大企业增长6%)
    let list_size = c.run.len() == 1
        && v.kind == MentionKind::Count
        && more_values
        && is_attributive(ctx, v, clause)
        && (c.names_before
            || clean_indicator(ctx, &ctx.text[c.phrase.range()])
                .0
                .is_empty())
        && !holds_members(ctx, v, clause);
    let anniversary = v.unit_text.as_deref() == Some("周年");
    let edition = v.kind == MentionKind::Ordinal
        && ctx
            .lex
            .list(WordList::Edition)
            .suffix_of(&ctx.text[v.span.range()])
            .is_some();
    category || ranking || anniversary || edition || list_size
}

/// Is a count the size of a group whose members the clause counts next (41个工业大类|中有|35个)?
fn holds_members(ctx: &View<'_>, v: &FoundMention, clause: Span) -> bool {
    let next = ctx
        .mentions_in(Span::new(v.span.end, clause.end))
        .find(|m| is_value(m))
        .map_or(clause.end, |m| m.span.start);
    ctx.text[v.span.end..next].contains('中')
}

/// The evidence around a run: the clause, at most 40 characters either side of the values.
fn evidence(ctx: &View<'_>, clause: Span, first: Span, last: Span) -> Span {
    let text = ctx.text;
    Span::new(
        text[clause.start..first.start]
            .char_indices()
            .rev()
            .nth(39)
            .map_or(clause.start, |(o, _)| clause.start + o),
        text[last.end..clause.end]
            .char_indices()
            .nth(40)
            .map_or(clause.end, |(o, _)| last.end + o),
    )
}

/// Step 8: one fact per value; a list of values takes one item of a list of indicators each
/// (多晶硅料、单晶拉棒…产能分别达到30万吨、133GW), and a rank shared by a list of names gives
/// one fact per name.
fn emit(
    ctx: &View<'_>,
    clause: Span,
    frame: &Frame<'_>,
    c: &Candidate<'_>,
    out: &mut Vec<FoundFact>,
) {
    let first = &ctx.mentions[c.run[0]];
    let last = &ctx.mentions[c.run[c.run.len() - 1]];
    let rank_list = c.pred.is_some_and(|p| p.class == PredicateClass::Rank) && c.run.len() == 1;
    let items = if !c.inherited.is_empty() {
        c.inherited.clone()
    } else if c.run.len() > 1 || rank_list {
        split_list(ctx, &c.indicator)
    } else {
        vec![c.indicator.clone()]
    };
    let pairs: Vec<(String, usize)> = if items.len() == c.run.len() {
        items.into_iter().zip(c.run.iter().copied()).collect()
    } else if rank_list {
        items.into_iter().map(|it| (it, c.run[0])).collect()
    } else {
        c.run.iter().map(|&m| (c.indicator.clone(), m)).collect()
    };
    // listed subjects: one value each (分别), or the one value for all of them (均)
    let subjects: Vec<Option<String>> = if c.subjects.len() == pairs.len() {
        c.subjects.iter().cloned().map(Some).collect()
    } else {
        vec![c.subject.clone(); pairs.len()]
    };
    let pairs: Vec<(Option<String>, (String, usize))> = if c.subjects.len() > 1 && pairs.len() == 1
    {
        c.subjects
            .iter()
            .map(|s| (Some(s.clone()), pairs[0].clone()))
            .collect()
    } else {
        subjects.into_iter().zip(pairs).collect()
    };
    let modality = super::modality(frame.markers, first.span.start);
    let evidence = evidence(ctx, clause, first.span, last.span);
    for (k, (subject, (indicator, value))) in pairs.into_iter().enumerate() {
        out.push(FoundFact {
            subject,
            indicator,
            predicate: c.predicate.clone(),
            value,
            from: if k == 0 { c.from } else { None },
            period: c.period.or(frame.period).map(str::to_string),
            period_resolved: None,
            comparison: c.comparison.map(str::to_string),
            of: c.of.clone(),
            modality,
            evidence,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::with_analysis;

    /// The candidate the steps up to `read_indicator` make of the clause's first run.
    fn first_candidate(text: &str, check: impl FnOnce(&View<'_>, &Candidate<'_>)) {
        with_analysis(text, |ctx| {
            let values: Vec<usize> = within_indices(ctx.mentions, ctx.span)
                .filter(|&i| is_value(&ctx.mentions[i]))
                .collect();
            let mut c = split_at_predicate(&ctx, ctx.span.start, value_run(&ctx, &values));
            limit_reach(&ctx, &mut c);
            opening_subject_and_period(&ctx, &mut c);
            let frame = Frame {
                sentence: ctx.span,
                breakdown: None,
                period: None,
                markers: &[],
                subject: None,
                comparison: None,
            };
            read_indicator(&ctx, &frame, &mut c);
            check(&ctx, &c);
        });
    }

    #[test]
    fn runs_of_values() {
        let table = [
            ("分别达到30万吨、133GW、46GW和8GW", 4),
            ("分别增长53.6%和84.6%", 2),
            ("增长5%，利润12亿元", 1),
        ];
        for (text, want) in table {
            with_analysis(text, |ctx| {
                let values: Vec<usize> = within_indices(ctx.mentions, ctx.span).collect();
                assert_eq!(value_run(&ctx, &values).len(), want, "{text}");
            });
        }
    }

    #[test]
    fn the_predicate_splits_the_phrase() {
        let table = [
            ("工业投资增长87%", "工业投资", Some("增长"), None),
            ("完成投资943亿元", "投资", Some("完成"), None),
            ("占全区的11.8%", "", Some("占"), Some("全区")),
            (
                "比亚迪1至9月新能源汽车销量达到10万辆",
                "新能源汽车销量",
                Some("达到"),
                None,
            ),
        ];
        for (text, indicator, predicate, of) in table {
            first_candidate(text, |_, c| {
                assert_eq!(c.indicator, indicator, "{text}");
                assert_eq!(c.predicate.as_deref(), predicate, "{text}");
                assert_eq!(c.of.as_deref(), of, "{text}");
            });
        }
    }

    #[test]
    fn names_and_dates_open_the_phrase() {
        first_candidate(
            "比亚迪1至9月新能源汽车销量达到10万辆",
            |_, c| {
                assert_eq!(c.period, Some("1至9月"));
            },
        );
        first_candidate("我国货物贸易进出口总值增长5%", |_, c| {
            assert_eq!(c.subject.as_deref(), Some("中国"));
            assert_eq!(c.indicator, "货物贸易进出口总值");
        });
    }

    #[test]
    fn a_ranked_name_is_the_subject() {
        first_candidate("稀土高新区居全区第一", |_, c| {
            assert_eq!(c.subject.as_deref(), Some("稀土高新区"));
            assert_eq!(c.indicator, "全区排名");
        });
    }

    #[test]
    fn evidence_is_bounded() {
        let long = "很".repeat(60);
        let text = format!("{long}增长5%{long}");
        with_analysis(&text, |ctx| {
            let m = ctx.mentions[0].span;
            let e = evidence(&ctx, ctx.span, m, m);
            assert_eq!(ctx.text[e.start..m.start].chars().count(), 40);
            assert_eq!(ctx.text[m.end..e.end].chars().count(), 40);
        });
    }
}
