//! The linker: turns the mentions of each clause into facts, with the indicator phrase, the
//! predicate, the subject, the period, the comparison basis and the modality.
//!
//! Work is clause by clause; the state carried forward is small (the paragraph's period, the
//! previous indicator of the sentence, the last enterprise named), so the cost is linear in the
//! text.

use crate::lexicon::{Cue, Lexicon, PredicateClass};
use crate::model::{Entity, EntityKind, Fact, Mention, MentionKind, Modality, Qualifier};
use crate::normalize::{clauses, is_han, Block, BlockKind};
use crate::segment::Pos;
use crate::segment::Token;
use crate::span::Span;

/// Words that open an indicator phrase without being part of it (adverbs, connectives, self
/// references). Tried longest first.
pub(crate) const LEADING_NOISE: &[&str] = &[
    "进一步",
    "据了解",
    "实现了",
    "其中",
    "同时",
    "此外",
    "另外",
    "目前",
    "已经",
    "正在",
    "全年",
    "当年",
    "据悉",
    "预计",
    "计划",
    "力争",
    "争取",
    "目标",
    "全力",
    "着力",
    "积极",
    "加快",
    "仍将",
    "今年",
    "去年",
    "明年",
    "年内",
    "全市",
    "我市",
    "全区",
    "全省",
    "我省",
    "全县",
    "全国",
    "我国",
    "累计",
    "总计",
    "合计",
    "成为",
    "可以",
    "能够",
    "公司",
    "我们",
    "该公司",
    "已",
    "仅",
    "还",
    "并",
    "共",
    "均",
    "也",
    "将",
    "可",
    "再",
    "又",
    "都",
    "正",
    "使",
    "让",
    "拟",
    "仍",
    "在",
    "约",
    "达",
    "为",
    "的",
    "是",
    "和",
    "及",
    "与",
    "、",
];

/// Words that end an indicator phrase without being part of it.
const TRAILING_NOISE: &[&str] = &[
    "分别", "均", "也", "已", "共", "将", "可", "的", "还", "仍", "和", "及", "与", "、", "等",
];

/// Comparison bases, longest first.
pub(crate) const COMPARISONS: &[&str] = &[
    "比去年同期",
    "比上年同期",
    "与上年相比",
    "与去年相比",
    "较上年",
    "较去年",
    "比上年",
    "比去年",
    "同比",
    "环比",
];

/// Words that mark a forecast or a target.
pub(crate) const FORECAST: &[&str] = &["预计", "预期", "有望"];
pub(crate) const TARGET: &[&str] = &["计划", "力争", "目标", "争取", "争创", "将", "拟", "确保"];

/// Words that refer to the subject the article is about.
const SELF_REFERENCES: &[&str] = &[
    "全市", "我市", "本市", "全区", "全省", "我省", "全县", "我区",
];

/// Words that refer back to the enterprise named last.
pub(crate) const ENTERPRISE_REFERENCES: &[&str] = &["该公司", "该企业", "公司", "我们"];

/// What the linker needs of the document.
pub(crate) struct LinkCtx<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub tokens: &'a [Token],
    pub seg: &'a crate::segment::Segmenter,
    pub mentions: &'a [Mention],
    pub entities: &'a [Entity],
    /// The place the article is about (the most often named place).
    pub main_subject: Option<String>,
}

impl<'a> LinkCtx<'a> {
    /// The mentions that lie inside `span` (mentions are sorted by position).
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &'a Mention> + 'a {
        let lo = self.mentions.partition_point(|m| m.norm.start < span.start);
        let hi = self.mentions.partition_point(|m| m.norm.start < span.end);
        self.mentions[lo..hi.max(lo)]
            .iter()
            .filter(move |m| m.norm.end <= span.end)
    }

    /// The entities that lie inside `span` (entities are sorted by position).
    fn entities_in(&self, span: Span) -> impl Iterator<Item = &'a Entity> + 'a {
        let lo = self.entities.partition_point(|e| e.norm.start < span.start);
        let hi = self.entities.partition_point(|e| e.norm.start < span.end);
        self.entities[lo..hi.max(lo)]
            .iter()
            .filter(move |e| e.norm.end <= span.end)
    }

    /// Does a token start at `at`? (Predicates must not start inside a word: 成为, 增速.)
    fn is_token_start(&self, at: usize) -> bool {
        let i = self.tokens.partition_point(|t| t.span.end <= at);
        match self.tokens.get(i) {
            Some(t) if t.span.start <= at => t.span.start == at,
            _ => true,
        }
    }
}

fn strip_prefixes<'t>(mut s: &'t str, words: &[&str]) -> &'t str {
    'outer: loop {
        for w in words {
            if let Some(r) = s.strip_prefix(w) {
                if !r.is_empty() {
                    s = r;
                    continue 'outer;
                }
            }
        }
        return s;
    }
}

fn strip_suffixes<'t>(mut s: &'t str, words: &[&str]) -> &'t str {
    'outer: loop {
        for w in words {
            if let Some(r) = s.strip_suffix(w) {
                s = r;
                continue 'outer;
            }
        }
        return s;
    }
}

/// Is this mention a value that a fact can carry?
fn is_value(m: &Mention) -> bool {
    !matches!(m.kind, MentionKind::Number | MentionKind::Date)
}

/// Link every body block of the document.
pub(crate) fn link(ctx: &LinkCtx<'_>, blocks: &[Block], out: &mut Vec<Fact>) {
    let mut last_enterprise: Option<String> = None;
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Body) {
        let mut period: Option<String> = None;
        let mut carried: Option<&str> = None;
        let mut paragraph_subject: Option<String> = None;
        for &sentence in &block.sentences {
            let mut prev: Option<Prev> = None;
            // one scan of the sentence for its cue words
            let cues: Vec<(Span, Cue)> = ctx
                .lex
                .cues
                .find_all(ctx.text, sentence.range())
                .map(|(s, e, c)| (Span::new(s, e), *c))
                .collect();
            let markers = modality_markers(ctx, &cues);
            let refers_back = cues.iter().any(|(_, c)| *c == Cue::EnterpriseReference);
            for clause in clauses(ctx.text, sentence) {
                if let Some(p) = clause_period(ctx, clause) {
                    period = Some(p);
                }
                let mut subject = clause_subject(ctx, clause, refers_back, &mut last_enterprise);
                // an enterprise that opens a clause as its grammatical subject (中国石油…有限公司
                // 实现营业收入…) stays the subject of the paragraph until another one opens
                if let Some(opener) = clause_opener(ctx, clause) {
                    paragraph_subject = opener;
                }
                if let (Some(p), false) = (&paragraph_subject, names_subject(ctx, clause)) {
                    subject = Some(p.clone());
                }
                let own = cues
                    .iter()
                    .find(|(sp, c)| *c == Cue::Comparison && clause.contains(*sp))
                    .map(|&(sp, _)| sp);
                // 同比（下同）: the basis holds for the rest of the paragraph
                if let Some(sp) = own {
                    let after = &ctx.text[sp.end..clause.end];
                    if ["（下同）", "(下同)"].iter().any(|w| after.contains(w)) {
                        carried = Some(&ctx.text[sp.range()]);
                    }
                }
                let comparison = own.map(|sp| &ctx.text[sp.range()]).or(carried);
                let frame = Frame {
                    period: period.as_deref(),
                    markers: &markers,
                    subject,
                    comparison,
                };
                // a date inside the clause (比亚迪1至9月…) holds for the clauses after it
                if let Some(p) = link_clause(ctx, clause, &frame, &mut prev, out) {
                    period = Some(p);
                }
            }
        }
    }
}

/// The forecast and target words of a sentence, in order: (position, modality).
fn modality_markers(ctx: &LinkCtx<'_>, cues: &[(Span, Cue)]) -> Vec<(usize, Modality)> {
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
            if &text[sp.range()] == "计划" && !after.is_some_and(is_han) {
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

/// A period that opens the clause (`去年`, `2022年`, `今年前7个月`), after connectives.
fn clause_period(ctx: &LinkCtx<'_>, clause: Span) -> Option<String> {
    let text = ctx.text;
    let rest = strip_prefixes(
        &text[clause.range()],
        &["据悉", "据了解", "仅", "其中", "同时", "在", "而"],
    );
    let at = clause.end - rest.len();
    let head = &text[..clause.end];
    // a year mention or a period word, then more period words: 今年前7个月, 2023年上半年
    let mut end = ctx
        .mentions_in(clause)
        .find(|m| m.kind == MentionKind::Date && m.norm.start == at)
        .map(|m| m.norm.end)
        .or_else(|| ctx.lex.periods.longest_at(head, at).map(|(_, _, e)| e))?;
    loop {
        if let Some((_, _, e)) = ctx.lex.periods.longest_at(head, end) {
            end = e;
            continue;
        }
        // 前7个月, 前三季度, 1-7月
        let rest = &head[end..];
        let lead = if rest.starts_with('前') {
            '前'.len_utf8()
        } else {
            0
        };
        let Some(n) = crate::number::match_number(&rest[lead..]) else {
            break;
        };
        let tail = &rest[lead + n.len..];
        match ["个月", "季度", "月"]
            .iter()
            .find(|w| tail.starts_with(**w))
        {
            Some(w) if lead > 0 || *w == "月" => end += lead + n.len + w.len(),
            _ => break,
        }
    }
    Some(text[at..end].to_string())
}

/// The subject a clause opens with, if it opens with one: `Some(Some(name))` for an enterprise
/// directly followed by a predicate (中国石油天然气集团有限公司实现…), `Some(None)` for a place
/// (a new subject that ends an enterprise's run), `None` otherwise.
fn clause_opener(ctx: &LinkCtx<'_>, clause: Span) -> Option<Option<String>> {
    let text = ctx.text;
    // after a leading period (2023年，…) or connective
    let mut at = clause.start;
    if let Some(m) = ctx
        .mentions_in(clause)
        .find(|m| m.kind == MentionKind::Date && m.norm.start == at)
    {
        at = m.norm.end;
    }
    let e = ctx
        .entities_in(clause)
        .filter(|e| e.norm.start == at)
        .max_by_key(|e| e.norm.len())?;
    match e.kind {
        EntityKind::Place | EntityKind::Government => Some(None),
        EntityKind::Enterprise => {
            let after = e.norm.end;
            // a whole word: 超 in 超大型 is no predicate
            let predicate = ctx
                .lex
                .predicates
                .longest_at(&text[..clause.end], after)
                .is_some_and(|(_, _, e)| ctx.is_token_start(e));
            predicate.then(|| Some(e.name.clone()))
        }
        _ => None,
    }
}

/// Does the clause name its own subject (an enterprise anywhere, or a place at its start)?
fn names_subject(ctx: &LinkCtx<'_>, clause: Span) -> bool {
    ctx.entities_in(clause).any(|e| {
        e.kind == EntityKind::Enterprise
            || (e.kind == EntityKind::Place && e.norm.start <= clause.start + 9)
    })
}

/// Is the entity part of a larger named entity (白云鄂博 in 白云鄂博稀土联合研究院)?
fn is_nested(ctx: &LinkCtx<'_>, e: &Entity, clause: Span) -> bool {
    ctx.entities_in(clause)
        .any(|o| o.norm != e.norm && o.norm.contains(e.norm) && o.kind != EntityKind::Place)
}

/// The subject of a clause: an enterprise named in it, an enterprise referred to (该公司), a place
/// that opens it, or the article's main place.
fn clause_subject(
    ctx: &LinkCtx<'_>,
    clause: Span,
    refers_back: bool,
    last_enterprise: &mut Option<String>,
) -> Option<String> {
    if let Some(e) = ctx
        .entities_in(clause)
        .find(|e| e.kind == EntityKind::Enterprise)
    {
        *last_enterprise = Some(e.name.clone());
        return Some(e.name.clone());
    }
    if last_enterprise.is_some() && refers_back {
        return last_enterprise.clone();
    }
    if let Some(e) = ctx.entities_in(clause).find(|e| {
        e.kind == EntityKind::Place
            && e.norm.start <= clause.start + 9
            && !is_nested(ctx, e, clause)
    }) {
        return Some(e.name.clone());
    }
    ctx.main_subject.clone()
}

/// The last fact's indicator, predicate and subject: a clause without an indicator of its own
/// (`，同比增长约80%`) continues it.
#[derive(Clone)]
struct Prev {
    indicator: String,
    predicate: Option<String>,
    subject: Option<String>,
}

/// What a clause inherits from its sentence and paragraph.
struct Frame<'a> {
    period: Option<&'a str>,
    markers: &'a [(usize, Modality)],
    subject: Option<String>,
    /// The comparison basis named in the clause (同比, 比上年).
    comparison: Option<&'a str>,
}

/// A predicate found before a value: its span and class.
#[derive(Clone, Copy)]
struct Pred {
    span: Span,
    class: PredicateClass,
}

/// The nearest predicate before `at` (ending at most 16 characters before it, starting at or
/// after `floor`) whose both ends are token boundaries: 增长87%, 跃升至98%, 占全区的11.8%.
fn predicate_before(ctx: &LinkCtx<'_>, floor: usize, at: usize) -> Option<Pred> {
    const REACH: usize = 16 * 3;
    const LONGEST: usize = 6 * 3;
    let text = ctx.text;
    let tokens = ctx.tokens;
    // token starts in [floor, at], nearest first
    let first =
        tokens.partition_point(|t| t.span.start < floor.max(at.saturating_sub(REACH + LONGEST)));
    let last = tokens.partition_point(|t| t.span.start < at);
    let starts: Vec<usize> = tokens[first..last]
        .iter()
        .map(|t| t.span.start)
        .filter(|&s| s >= floor)
        .collect();
    let ends = std::iter::once(at).chain(starts.iter().rev().copied().filter(|&e| at - e <= REACH));
    for end in ends {
        // the longest predicate ending here: try the farthest start first
        for &s in starts.iter().filter(|&&s| s < end && end - s <= LONGEST) {
            if let Some(class) = ctx.lex.predicates.get(&text[s..end]) {
                return Some(Pred {
                    span: Span::new(s, end),
                    class: *class,
                });
            }
        }
    }
    None
}

/// Clean an indicator phrase: drop connectives, self references, leading places and years, and
/// noise at both ends. Returns the phrase and a comparison basis found at its end (`较原来的设备`).
fn clean_indicator<'t>(ctx: &LinkCtx<'_>, s: &'t str) -> (&'t str, Option<&'t str>) {
    let mut s = s.trim_matches(|c: char| !(is_han(c) || c.is_ascii_alphanumeric()));
    let mut comparison = None;
    loop {
        let before = s;
        while let Some((_, _, e)) = ctx.lex.leading_noise.longest_at(s, 0) {
            if e >= s.len() {
                break;
            }
            s = &s[e..];
        }
        // a period, a year or a place at the start: 2022年包头市稀土产值 → 稀土产值
        if let Some((w, _, _)) = ctx.lex.periods.longest_at(s, 0) {
            if w.len() < s.len() {
                s = &s[w.len()..];
            }
        }
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 && s[4..].starts_with('年') {
            let cut = if s[4..].starts_with("年度") {
                4 + "年度".len()
            } else {
                4 + "年".len()
            };
            if cut < s.len() {
                s = &s[cut..];
            }
        }
        if let Some((_, _, e)) = ctx.lex.places.longest_at(s, 0) {
            if e < s.len() {
                s = &s[e..];
            }
        }
        s = strip_suffixes(s, TRAILING_NOISE);
        for c in COMPARISONS {
            if let Some(r) = s.strip_suffix(c) {
                s = r;
            }
        }
        // 精细化程度较原来的设备 → 精细化程度, compared with 原来的设备
        if let Some(i) = s.find(['较', '比']) {
            // not the words 比例, 比重, 较大 …
            const WORDS: &[&str] = &[
                "比例", "比重", "比率", "比值", "比较", "较大", "较高", "较快", "较多", "较好",
            ];
            if i > 0 && s.len() - i > 3 && !WORDS.iter().any(|w| s[i..].starts_with(w)) {
                comparison = Some(&s[i..]);
                s = &s[..i];
            }
        }
        s = s.trim_matches(|c: char| !(is_han(c) || c.is_ascii_alphanumeric()));
        if s == before {
            return (s, comparison);
        }
    }
}

/// The noun phrase right after `at` (skipping attributive quantities): 支持2个|国家重点实验室|开展,
/// 2个500kV|输变电通道.
fn phrase_after(ctx: &LinkCtx<'_>, at: usize, clause: Span) -> Option<String> {
    let text = ctx.text;
    let mut start = at;
    while let Some(m) = ctx
        .mentions_in(Span::new(start, clause.end))
        .find(|m| m.norm.start == start)
    {
        start = m.norm.end;
    }
    let mut end = start;
    for (o, c) in text[start..clause.end].char_indices() {
        let here = start + o;
        if !is_han(c) && !c.is_ascii_alphabetic() {
            break;
        }
        const STOPS: &[&str] = &[
            "等", "的", "正", "在", "开展", "被", "将", "已", "加快", "落地", "投产", "成功",
            "积极", "提前", "并网", "进入", "入选", "通过", "获得",
        ];
        if here > start
            && (STOPS.iter().any(|w| text[here..].starts_with(w)) && ctx.is_token_start(here))
        {
            break;
        }
        if here > start
            && ctx.is_token_start(here)
            && ctx
                .lex
                .predicates
                .longest_at(text, here)
                .is_some_and(|(_, _, e)| ctx.is_token_start(e))
        {
            break;
        }
        end = here + c.len_utf8();
        if end - start >= 16 * 3 {
            break;
        }
    }
    let (s, _) = clean_indicator(ctx, &text[start..end]);
    (s.chars().count() >= 2).then(|| s.to_string())
}

/// Split a list of indicators (`多晶硅料、单晶拉棒、切片、组件产能`), sharing the last item's head
/// word with items that lack one.
fn split_list(ctx: &LinkCtx<'_>, s: &str) -> Vec<String> {
    let items: Vec<&str> = s
        .split(['、', '和', '及', '与'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let Some(last) = items.last() else {
        return Vec::new();
    };
    // the head indicator of the last item (产能, 增加值), for the items that lack any head
    let head = (1..last.len())
        .filter(|&i| last.is_char_boundary(i))
        .find(|&i| ctx.lex.indicators.get(&last[i..]).is_some())
        .map(|i| &last[i..]);
    items
        .iter()
        .map(|x| match head {
            Some(h)
                if !x.ends_with(h)
                    && ctx.lex.indicators.find_all(x, 0..x.len()).next().is_none() =>
            {
                format!("{x}{h}")
            }
            _ => x.to_string(),
        })
        .collect()
}

/// Is `text[span]` made only of entity names, separators and 等 (包钢、包铝、北重、英思特)?
fn only_names(ctx: &LinkCtx<'_>, span: Span) -> bool {
    let mut covered = vec![false; span.len()];
    for e in ctx.entities_in(span) {
        for b in &mut covered[e.norm.start - span.start..e.norm.end - span.start] {
            *b = true;
        }
    }
    let mut any = false;
    for (o, c) in ctx.text[span.range()].char_indices() {
        if covered[o] {
            any = true;
        } else if !matches!(c, '、' | '和' | '及' | '与' | '等') {
            return false;
        }
    }
    any
}

/// Is the mention an attribute of the noun after it (亿元以上|项目, 1.5万吨|高性能稀土磁材)?
fn is_attributive(ctx: &LinkCtx<'_>, m: &Mention, clause: Span) -> bool {
    let after = &ctx.text[m.norm.end..clause.end];
    after.starts_with(|c: char| is_han(c))
        && !["、", "和", "及", "与", "等", "的"]
            .iter()
            .any(|w| after.starts_with(w))
        && ctx
            .lex
            .predicates
            .longest_at(ctx.text, m.norm.end)
            .is_none()
}

/// Link the values of one clause; returns a period the clause names inside (比亚迪1至9月…).
fn link_clause(
    ctx: &LinkCtx<'_>,
    clause: Span,
    frame: &Frame<'_>,
    prev: &mut Option<Prev>,
    out: &mut Vec<Fact>,
) -> Option<String> {
    let text = ctx.text;
    let values: Vec<&Mention> = ctx.mentions_in(clause).filter(|m| is_value(m)).collect();
    let mut found_period = None;
    let mut floor = clause.start;
    let mut i = 0;
    while i < values.len() {
        let v = values[i];
        // a run of values joined by 、/和 (分别 lists)
        let mut run = vec![v];
        let mut j = i + 1;
        while j < values.len() {
            let gap = &text[run[run.len() - 1].norm.end..values[j].norm.start];
            if matches!(gap, "、" | "和" | "及" | "与") {
                run.push(values[j]);
                j += 1;
            } else {
                break;
            }
        }
        let last = run[run.len() - 1];
        let pred = predicate_before(ctx, floor, v.norm.start);
        let (mut indicator_span, mut predicate, of) = match pred {
            Some(p) => {
                let mid = Span::new(p.span.end, v.norm.start);
                let of_phrase = matches!(p.class, PredicateClass::Share | PredicateClass::Rank)
                    || text[mid.range()].ends_with('的')
                    || is_place_phrase(ctx, mid);
                let predicate = Some(text[p.span.range()].to_string());
                if mid.is_empty() || of_phrase {
                    let of = (!mid.is_empty())
                        .then(|| text[mid.range()].trim_end_matches('的').to_string());
                    (Span::new(floor, p.span.start), predicate, of)
                } else {
                    // verb + object + value: 完成投资943亿元, 实施工业技改项目202个
                    (mid, predicate, None)
                }
            }
            None => (Span::new(floor, v.norm.start), None, None),
        };
        // 由95.5%跃升至98%: the value before 由…至 is where the change started
        let mut from: Option<Mention> = None;
        if let Some(p) = pred.filter(|p| p.class == PredicateClass::FromTo) {
            if let Some(first) = ctx
                .mentions_in(clause)
                .filter(|m| m.norm.end <= p.span.start && is_value(m))
                .last()
            {
                let before = &text[clause.start..first.norm.start];
                if let Some(head) = before
                    .strip_suffix('由')
                    .or_else(|| before.strip_suffix('从'))
                {
                    indicator_span = Span::new(clause.start, clause.start + head.len());
                    from = Some(first.clone());
                    out.retain(|f| f.value.norm != first.norm);
                }
            }
        }
        // an indicator is a phrase, not a page: look at most 40 characters back
        let reach = text[indicator_span.range()]
            .char_indices()
            .rev()
            .nth(40)
            .map(|(o, _)| indicator_span.start + o);
        if let Some(r) = reach {
            indicator_span.start = r;
        }
        // names and dates that open the phrase are its subject and period, not the indicator:
        // 比亚迪|1至9月|新能源汽车销量
        let mut local_period = None;
        loop {
            let at = indicator_span.start;
            let inside = |s: Span| s.start == at && s.end < indicator_span.end;
            if let Some(e) = ctx.entities_in(indicator_span).find(|e| {
                inside(e.norm)
                    && matches!(
                        e.kind,
                        EntityKind::Enterprise | EntityKind::Place | EntityKind::Government
                    )
            }) {
                indicator_span.start = e.norm.end;
                continue;
            }
            if let Some(m) = ctx
                .mentions_in(indicator_span)
                .find(|m| m.kind == MentionKind::Date && inside(m.norm))
            {
                local_period = Some(&text[m.norm.range()]);
                found_period = local_period.map(str::to_string);
                indicator_span.start = m.norm.end;
                continue;
            }
            break;
        }
        let (cleaned, mut comparison) = clean_indicator(ctx, &text[indicator_span.range()]);
        let mut indicator = cleaned.to_string();
        // X等37个项目, 2个|国家重点实验室, 包钢、包铝4户|企业: the counted noun follows the value
        let raw = &text[indicator_span.range()];
        let names_before = only_names(ctx, indicator_span);
        // 稀土高新区进入国家级高新区50强: the name is the subject, the rank is the indicator
        let mut subject = frame.subject.clone();
        // 我国货物贸易进出口总值: the country is the subject
        if raw.starts_with("我国") {
            subject = Some("中国".to_string());
        }
        let is_name = names_before
            || ctx
                .entities_in(indicator_span)
                .any(|e| &text[e.norm.range()] == cleaned);
        if let (true, Some(p), Some(whole)) = (is_name, pred, of.as_deref()) {
            if p.class == PredicateClass::Rank && !cleaned.is_empty() {
                subject = Some(cleaned.to_string());
                indicator = format!("{whole}排名");
            }
        }
        // a lone adverb is no indicator (连续两年): look after the value
        let trivial = !indicator.is_empty()
            && matches!(
                ctx.seg.pos(&indicator),
                Pos::Modifier | Pos::Function | Pos::Verb | Pos::Time
            );
        if indicator.is_empty()
            || trivial
            || (names_before && subject == frame.subject)
            || (last.kind == MentionKind::Count
                && (raw.ends_with(['等', '和', '及', '与', '、']) || raw.contains('、')))
        {
            if let Some(after) = phrase_after(ctx, last.norm.end, clause) {
                indicator = after;
            } else if names_before || trivial {
                indicator.clear();
            }
        }
        if indicator.is_empty() {
            if let Some(p) = prev.clone() {
                indicator = p.indicator;
                predicate = predicate.or(p.predicate);
                subject = p.subject.or(subject);
            }
        } else if predicate.is_none() {
            // a leading verb is the predicate: 实施工业技改项目202个, 新增规上工业企业81家
            if let Some((w, _, e)) = ctx.lex.predicates.longest_at(&indicator, 0) {
                if e < indicator.len() {
                    predicate = Some(w.to_string());
                    indicator = indicator[e..].to_string();
                }
            }
        }
        if comparison.is_none() {
            comparison = frame.comparison;
        }
        // a threshold inside a category (亿元以上项目432个) is not a value of its own
        let threshold = run.len() == 1
            && matches!(v.qualifier, Some(Qualifier::Over | Qualifier::Under))
            && is_attributive(ctx, last, clause)
            && values.get(j).is_some();
        if !indicator.is_empty() && !threshold {
            let rank_list = pred.is_some_and(|p| p.class == PredicateClass::Rank) && run.len() == 1;
            let items = if run.len() > 1 || rank_list {
                split_list(ctx, &indicator)
            } else {
                vec![indicator.clone()]
            };
            let modality = modality(frame.markers, v.norm.start);
            // the evidence is the clause, at most 40 characters either side of the values
            let evidence = Span::new(
                text[clause.start..v.norm.start]
                    .char_indices()
                    .rev()
                    .nth(39)
                    .map_or(clause.start, |(o, _)| clause.start + o),
                text[last.norm.end..clause.end]
                    .char_indices()
                    .nth(40)
                    .map_or(clause.end, |(o, _)| last.norm.end + o),
            );
            let pairs: Vec<(String, &Mention)> = if items.len() == run.len() {
                items.into_iter().zip(run.iter().copied()).collect()
            } else if rank_list {
                items.into_iter().map(|it| (it, v)).collect()
            } else {
                run.iter().map(|m| (indicator.clone(), *m)).collect()
            };
            for (k, (ind, value)) in pairs.into_iter().enumerate() {
                out.push(Fact {
                    subject: subject.clone(),
                    indicator: ind,
                    predicate: predicate.clone(),
                    value: value.clone(),
                    from: if k == 0 { from.clone() } else { None },
                    period: local_period.or(frame.period).map(str::to_string),
                    comparison: comparison.map(str::to_string),
                    of: of.clone(),
                    modality,
                    evidence: String::new(),
                    start: evidence.start,
                    end: evidence.end,
                });
            }
            *prev = Some(Prev {
                indicator,
                predicate,
                subject,
            });
        }
        // an attributive value stays inside the next indicator: 新开工亿元以上项目432个
        if !(run.len() == 1 && is_attributive(ctx, last, clause)) {
            floor = last.norm.end;
        }
        i = j;
    }
    found_period
}

/// Is `text[span]` a place or a self reference (全区, 内蒙古自治区) — the whole of a share?
fn is_place_phrase(ctx: &LinkCtx<'_>, span: Span) -> bool {
    let phrase = ctx.text[span.range()].trim_end_matches('的');
    if phrase.is_empty() {
        return false;
    }
    SELF_REFERENCES.contains(&phrase)
        || phrase == "全国"
        || ctx.entities_in(span).any(|e| {
            e.kind == EntityKind::Place
                && e.norm.start == span.start
                && e.norm.len() >= phrase.len()
        })
}
