//! Enterprises and places by name: the lexicon and the gazetteer, enterprises listed before a
//! count of enterprises, the owners named before a capacity or at the head of a park's name.

use super::{is_generic, mentions_overlapping};
use crate::chars::{is_han, is_list_separator, is_word_char, separator_at_end};
use crate::found::FoundEntity;
use crate::lexicon::{Name, WordList};
use crate::model::{EntityKind, MentionKind, Rule};
use crate::segment::Pos;
use crate::span::Span;
use crate::view::View;

/// Is there an enterprise of this block (`out[first..]`) whose span is `span`?
fn has_enterprise_at(out: &[FoundEntity], span: Span) -> bool {
    out.iter()
        .any(|e| e.kind == EntityKind::Enterprise && e.span == span)
}

/// Enterprises named in a list that a count of enterprises closes: 包钢、包铝、北重、英思特4户企业,
/// 大全、协鑫等15户头部企业. A list needs two names, or one name and 等.
pub(super) fn listed_enterprises(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    for m in ctx.mentions.iter().filter(|m| counts_enterprises(ctx, m)) {
        let with_deng = text[..m.span.start].ends_with('等');
        let end = m.span.start - if with_deng { '等'.len_utf8() } else { 0 };
        let items = list_items(ctx, end);
        if items.len() >= 2 || (items.len() == 1 && with_deng) {
            for it in items.into_iter().rev() {
                out.push(FoundEntity::new(
                    EntityKind::Enterprise,
                    text[it.range()].to_string(),
                    it,
                    Rule::EnterpriseList,
                ));
            }
        }
    }
}

/// The longest item of a list of enterprises that is taken by its company (characters).
const LIST_ITEM_CHARS: usize = 8;

/// The unknown items of a list that names two enterprises or more: 华为、正威、美的、TCL、比亚迪
/// (美的 and TCL are enterprises too). An item is a run of word characters between separators
/// (、), at most eight characters, with no figure in it.
pub(super) fn list_mates(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    let text = &ctx.text[..ctx.span.end];
    let known: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Enterprise)
        .map(|e| e.span)
        .collect();
    let mut done: Vec<Span> = Vec::new();
    for &k in &known {
        if done.iter().any(|d| d.contains(k)) {
            continue;
        }
        let items = list_around(ctx, text, k);
        let named = items.iter().filter(|i| known.contains(i)).count();
        if named >= 2 {
            for it in &items {
                // a place inside the item is where the company is (广州|晶东)
                let taken = out.iter().any(|e| {
                    e.span.overlaps(*it)
                        && !(e.kind == EntityKind::Place && it.contains(e.span) && e.span != *it)
                });
                if !taken && mentions_overlapping(ctx.mentions, *it).next().is_none() {
                    out.push(FoundEntity::new(
                        EntityKind::Enterprise,
                        text[it.range()].to_string(),
                        *it,
                        Rule::EnterpriseList,
                    ));
                }
            }
        }
        if let (Some(a), Some(b)) = (items.first(), items.last()) {
            done.push(Span::new(a.start, b.end));
        }
    }
}

/// The items of the 、-list around the name at `k`, in order (the name itself among them).
fn list_around(ctx: &View<'_>, text: &str, k: Span) -> Vec<Span> {
    let item_ok = |s: Span| {
        let n = text[s.range()].chars().count();
        (2..=LIST_ITEM_CHARS).contains(&n)
    };
    let mut items = vec![k];
    // rightwards: 、item while items are short words
    let mut at = k.end;
    while text[at..].starts_with('、') {
        let start = at + '、'.len_utf8();
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| !(is_han(c) || c.is_ascii_alphanumeric()))
            .map_or(text.len(), |(o, _)| start + o);
        let it = Span::new(start, end);
        if !item_ok(it) {
            break;
        }
        items.push(it);
        at = end;
    }
    // leftwards: item、 where the item opens after a separator or punctuation
    let mut at = k.start;
    while text[ctx.span.start..at].ends_with('、') {
        let end = at - '、'.len_utf8();
        let start = text[ctx.span.start..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(is_han(c) || c.is_ascii_alphanumeric()))
            .map_or(ctx.span.start, |(o, c)| ctx.span.start + o + c.len_utf8());
        // the first item may carry the words that open the list (它们分别是|鼎龙实业)
        let opened = ["分别是", "包括", "分别为", "是", "为", "有"]
            .iter()
            .find_map(|w| text[start..end].rfind(w).map(|o| start + o + w.len()))
            .unwrap_or(start);
        let it = Span::new(opened, end);
        if !item_ok(it) {
            break;
        }
        items.insert(0, it);
        at = start;
        if opened > start {
            break;
        }
    }
    items
}

/// Is `m` a count of enterprises: 户 or 家, then (after at most four characters of modifiers)
/// 企业 or 公司?
fn counts_enterprises(ctx: &View<'_>, m: &crate::found::FoundMention) -> bool {
    if m.kind != MentionKind::Count || !matches!(m.unit.as_deref(), Some("户" | "家")) {
        return false;
    }
    let after: String = ctx.text[m.span.end..ctx.span.end].chars().take(6).collect();
    let Some(pos) = after.find("企业").or_else(|| after.find("公司")) else {
        return false;
    };
    after[..pos].chars().count() <= 4 && after[..pos].chars().all(is_han)
}

/// The items of a list of names that ends at `end`, last first: runs of name characters joined
/// by separators; the first item may carry a verb before it (推动|包铝).
fn list_items(ctx: &View<'_>, mut end: usize) -> Vec<Span> {
    let text = ctx.text;
    let mut items: Vec<Span> = Vec::new();
    loop {
        let mut s = end;
        for (o, c) in ctx.head(end).char_indices().rev().take(16) {
            if !is_word_char(c) || is_list_separator(c) {
                break;
            }
            s = ctx.span.start + o;
        }
        let mut item = Span::new(s, end);
        while item.len() > 4 * 3 {
            match ctx.token_at(item.start) {
                Some(ti) if ctx.tokens[ti].end < item.end => item.start = ctx.tokens[ti].end,
                _ => break,
            }
        }
        let n = text[item.range()].chars().count();
        if !(2..=6).contains(&n) || ctx.lex.places.get(&text[item.range()]).is_some() {
            break;
        }
        items.push(item);
        match separator_at_end(ctx.head(item.start)) {
            Some(w) if item.start == s => end = item.start - w.len_utf8(),
            _ => break,
        }
    }
    items
}

/// Enterprises of the lexicon (full names and the short names news uses) and places of the
/// gazetteer, in one pass over the block's tokens. `first` is where this block's entities
/// begin in `out`.
pub(super) fn names(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    // enterprises found by their suffix, in order of start, and all organisations so found
    let mut by_suffix: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Enterprise)
        .map(|e| e.span)
        .collect();
    by_suffix.sort();
    let mut orgs: Vec<Span> = out[first..]
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntityKind::Enterprise | EntityKind::Government | EntityKind::Institution
            )
        })
        .map(|e| e.span)
        .collect();
    orgs.sort();
    let mut i = 0;
    while i < ctx.tokens.len() {
        let Some((k, span, name)) = name_at_token(ctx, i) else {
            i += 1;
            continue;
        };
        i += k;
        let (kind, full, rule) = match name {
            Name::Place(def) => (EntityKind::Place, &def.name, Rule::PlaceGazetteer),
            // the name found by its form (中国人民银行 by 银行) is the body: its kind wins
            Name::Body(def) if orgs.contains(&span) => {
                for e in out[first..].iter_mut().filter(|e| e.span == span) {
                    e.kind = def.kind;
                    e.rule = Rule::BodyLexicon;
                }
                continue;
            }
            // inside a longer name found by its form (国家发展改革委|办公厅): part of it
            Name::Body(_) if inside_any(&orgs, span) => continue,
            Name::Body(def) => (def.kind, &def.name, Rule::BodyLexicon),
            Name::Enterprise(def) => {
                let span = shorter_alias(ctx, span, &def.name, i);
                // inside an enterprise name found by its suffix: the same enterprise
                if inside_any(&by_suffix, span) || !short_name_in_context(ctx, span) {
                    continue;
                }
                let span = with_industry_word(ctx, span);
                let mut ent = FoundEntity::new(
                    EntityKind::Enterprise,
                    text[span.range()].to_string(),
                    span,
                    Rule::EnterpriseLexicon,
                );
                ent.full_name = (def.name != ent.name).then(|| def.name.clone());
                out.push(ent);
                continue;
            }
        };
        let mut ent = FoundEntity::new(kind, text[span.range()].to_string(), span, rule);
        ent.full_name = (*full != ent.name).then(|| full.clone());
        out.push(ent);
    }
}

/// The longest run of tokens from token `i` that is a name of the lexicon or the gazetteer:
/// (number of tokens, span, name). A one-character OCR error keeps a known name of three or
/// more characters (北方稀士 is 北方稀土).
fn name_at_token<'l>(ctx: &View<'l>, i: usize) -> Option<(usize, Span, &'l Name)> {
    let text = ctx.text;
    let tokens = ctx.tokens;
    // most tokens cannot begin a name: a bit test before any hashing
    if !ctx.lex.may_start_name(ctx.word(i)) {
        return None;
    }
    let mut hit = None;
    let mut k = 1;
    while i + k <= tokens.len() {
        let span = Span::new(tokens[i].start, tokens[i + k - 1].end);
        let word = &text[span.range()];
        let fixed = crate::lexicon::ocr_variant(word);
        let key = fixed.as_deref().unwrap_or(word);
        let found = ctx.lex.names.get(word).or_else(|| {
            (key.chars().count() >= 3)
                .then(|| ctx.lex.names.get(key))
                .flatten()
        });
        if let Some(n) = found {
            hit = Some((k, span, n));
        }
        if !ctx.lex.name_prefixes.contains(word) && !ctx.lex.name_prefixes.contains(key) {
            break;
        }
        k += 1;
    }
    hit
}

/// 明阳智能|制造 is 明阳|智能制造: a shorter name of the same enterprise (`full`), when the rest
/// of the name and the next token (`next`, an index) make an everyday word.
fn shorter_alias(ctx: &View<'_>, span: Span, full: &str, next: usize) -> Span {
    let text = ctx.text;
    let Some(next) = ctx.tokens.get(next) else {
        return span;
    };
    let cut = text[span.range()]
        .char_indices()
        .skip(2)
        .map(|(o, _)| span.start + o)
        .find(|&c| {
            ctx.lex
                .enterprises
                .get(&text[span.start..c])
                .is_some_and(|d| d.name == full)
                && ctx.seg.has_word(&text[c..next.end])
        });
    cut.map_or(span, |c| Span::new(span.start, c))
}

/// Does a span of `sorted` (sorted by start) contain `span`? Organisation names nest at most a
/// few deep, so the few spans that start last at or before `span` are the ones to look at.
fn inside_any(sorted: &[Span], span: Span) -> bool {
    let n = sorted.partition_point(|s| s.start <= span.start);
    sorted[..n].iter().rev().take(8).any(|s| s.contains(span))
}

/// 中车|电机, 通威|股份: an industry word right after a short name is part of it.
fn with_industry_word(ctx: &View<'_>, span: Span) -> Span {
    let words = ctx.lex.list(WordList::IndustryWord);
    match words.longest_at(&ctx.text[..ctx.span.end], span.end) {
        Some((_, end)) if ctx.is_token_start(span.end) && ctx.is_token_start(end) => {
            Span::new(span.start, end)
        }
        _ => span,
    }
}

/// A short name that is also a common word (大全) counts only in a list or before an
/// organisation word (the `org_head` list).
fn short_name_in_context(ctx: &View<'_>, span: Span) -> bool {
    let text = ctx.text;
    let word = &text[span.range()];
    if word.chars().count() > 2 || !ctx.lex.ambiguous.contains(word) {
        return true;
    }
    let before = text[..span.start].chars().next_back();
    let after = &text[span.end..ctx.span.end];
    let listed =
        before.is_some_and(|c| c == '、') || after.starts_with('、') || after.starts_with('等');
    listed || ctx.lex.list(WordList::OrgHead).starts_at(text, span.end)
}

/// Units of a capacity that names its owner (a plant's output, power, area, volume).
fn is_capacity(m: &crate::found::FoundMention) -> bool {
    m.kind == MentionKind::Quantity
        && matches!(m.unit.as_deref(), Some("t" | "W" | "Wh" | "m2" | "m3"))
}

/// The owner named before a capacity: 韵升|1.5万吨高性能稀土磁材, 三吉利|3000吨钕铁硼磁体,
/// 三峡电能|固阳县30万千瓦光储一体化, 京能国际|10万千瓦光伏项目 — an enterprise, and the project
/// (owner + capacity + product) a facility.
pub(super) fn capacity_owners(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    for m in ctx.mentions.iter().filter(|m| is_capacity(m)) {
        let Some(owner) = owner_before(ctx, m.span.start) else {
            continue;
        };
        let product = product_end(ctx, m.span.end);
        // a name the lexicon does not know owns a capacity only when a product follows it
        // (三吉利|3000吨钕铁硼磁体), and is not a common noun (水电|2298万千瓦, 储能|244.5万千瓦)
        let known = ctx.lex.enterprises.get(&text[owner.range()]).is_some();
        if !known && (product.is_none() || is_common_noun(ctx, owner)) {
            continue;
        }
        if !has_enterprise_at(&out[first..], owner) {
            // a short name inside the owner's name is part of it (三|吉利 of 三吉利)
            let mut k = first;
            while k < out.len() {
                let inner = out[k].span;
                if out[k].kind == EntityKind::Enterprise && owner.contains(inner) && inner != owner
                {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
            out.push(FoundEntity::new(
                EntityKind::Enterprise,
                text[owner.range()].to_string(),
                owner,
                Rule::EnterpriseCapacityOwner,
            ));
        }
        if let Some(end) = product {
            let span = Span::new(owner.start, end);
            out.push(FoundEntity::new(
                EntityKind::Facility,
                text[span.range()].to_string(),
                span,
                Rule::FacilityCapacity,
            ));
        }
    }
}

/// Is the span one word of the segmenter's dictionary tagged as a common noun (水电, 储能)?
fn is_common_noun(ctx: &View<'_>, span: Span) -> bool {
    ctx.token_at(span.start).is_some_and(|ti| {
        ctx.tokens[ti] == span
            && ctx.pos(ti) == Pos::Noun
            && ctx.seg.has_word(&ctx.text[span.range()])
    })
}

/// The owner named right before a capacity at `end`: the nouns back to a boundary (at most
/// eight characters), without a place right before the capacity (三峡电能|固阳县: where, not
/// who); two to six characters, no place, no indicator and not generic unless the lexicon knows
/// it.
fn owner_before(ctx: &View<'_>, end: usize) -> Option<Span> {
    let text = ctx.text;
    let mut ti = end.checked_sub(1).and_then(|p| ctx.token_at(p))?;
    let mut start = end;
    let mut places_end = end;
    loop {
        let tok = ctx.tokens[ti];
        let word = &text[tok.range()];
        let boundary = !word.chars().all(is_han)
            || matches!(
                ctx.pos(ti),
                Pos::Function | Pos::Verb | Pos::Modifier | Pos::Time
            )
            || word.chars().all(is_list_separator)
            || word == "等"
            || mentions_overlapping(ctx.mentions, tok).next().is_some();
        if boundary {
            break;
        }
        if end - tok.start > 8 * 3 {
            return None;
        }
        if places_end == tok.end && ctx.lex.places.get(word).is_some() {
            places_end = tok.start;
        }
        start = tok.start;
        if tok.start <= ctx.span.start || ti == 0 {
            break;
        }
        ti -= 1;
    }
    let owner = Span::new(start, places_end);
    let name = &text[owner.range()];
    let known = ctx.lex.enterprises.get(name).is_some();
    let names_an_indicator = ctx
        .lex
        .indicators
        .find_all(name, 0..name.len())
        .next()
        .is_some();
    let ok = (2..=6).contains(&name.chars().count())
        && ctx.lex.places.get(name).is_none()
        && (known || !(names_an_indicator || is_generic(ctx, name)));
    ok.then_some(owner)
}

/// Where the product after a capacity ends (up to 等, a non-Han character or 项目, which is
/// included; at most twelve characters), if there is one.
fn product_end(ctx: &View<'_>, at: usize) -> Option<usize> {
    let text = ctx.text;
    let mut end = at;
    for (o, c) in text[at..ctx.span.end].char_indices() {
        let here = at + o;
        if !is_han(c)
            || text[here..].starts_with('等')
            || text[here..].starts_with("项目")
            || here - at >= 12 * 3
        {
            break;
        }
        end = here + c.len_utf8();
    }
    if end == at {
        return None;
    }
    if text[end..].starts_with("项目") {
        end += "项目".len();
    }
    Some(end)
}

/// The owner at the head of a park's name: 龙马|高端风电装备产业园.
pub(super) fn park_owners(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let parks: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Facility && e.name.ends_with('园'))
        .map(|e| e.span)
        .collect();
    // enterprises of this block, in order of start: the owner of a park lies inside it
    let mut enterprises: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Enterprise)
        .map(|e| e.span)
        .collect();
    enterprises.sort();
    for park in parks {
        let Some(ti) = ctx.token_at(park.start) else {
            continue;
        };
        let tok = ctx.tokens[ti];
        let word = &text[tok.range()];
        let owned = crate::found::within(&enterprises, park).next().is_some();
        if owned
            || tok.start != park.start
            || !(2..=4).contains(&word.chars().count())
            || ctx.lex.places.get(word).is_some()
            || ctx.lex.list(WordList::FacilityModifier).contains(word)
            || is_generic(ctx, word)
            || ctx.lex.indicators.get(word).is_some()
        {
            continue;
        }
        out.push(FoundEntity::new(
            EntityKind::Enterprise,
            word.to_string(),
            tok,
            Rule::EnterpriseParkOwner,
        ));
        let at = enterprises.partition_point(|s| *s < tok);
        enterprises.insert(at, tok);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::entities;
    use super::*;

    const TABLE: &[(&str, &[(EntityKind, &str)])] = &[
        (
            "其中，包钢、包铝、北重、英思特4户企业上市",
            &[
                (EntityKind::Enterprise, "包钢"),
                (EntityKind::Enterprise, "包铝"),
                (EntityKind::Enterprise, "北重"),
                (EntityKind::Enterprise, "英思特"),
            ],
        ),
        (
            "韵升1.5万吨高性能稀土磁材项目开工",
            &[
                (EntityKind::Enterprise, "韵升"),
                (EntityKind::Facility, "韵升1.5万吨高性能稀土磁材项目"),
            ],
        ),
        (
            "龙马高端风电装备产业园开工",
            &[(EntityKind::Enterprise, "龙马")],
        ),
        ("通威股份产量增长", &[(EntityKind::Enterprise, "通威股份")]),
        ("包头市的工业", &[(EntityKind::Place, "包头市")]),
    ];

    #[test]
    fn enterprises_by_name_list_and_ownership() {
        for (text, want) in TABLE {
            let got = entities(text);
            for w in *want {
                assert!(
                    got.iter().any(|(k, n)| (k, n.as_str()) == (&w.0, w.1)),
                    "{text}: {w:?} not in {got:?}"
                );
            }
        }
    }

    #[test]
    fn spans_inside_others() {
        let sorted = [Span::new(0, 30), Span::new(3, 9), Span::new(40, 50)];
        assert!(inside_any(&sorted, Span::new(3, 6)));
        assert!(inside_any(&sorted, Span::new(12, 15)));
        assert!(!inside_any(&sorted, Span::new(33, 36)));
    }
}
