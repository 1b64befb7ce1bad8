//! The entity tagger: organisations by their suffix (`…有限公司`, `…局`, `…研究院`), enterprises
//! from the lexicon and from list context (`包钢、包铝、北重4户企业`), places from the gazetteer,
//! people after a role word or in a byline, titled documents and party congresses.

use crate::chars::{
    is_admin_level, is_bracket_close, is_bracket_open, is_clause_break, is_han, is_list_separator,
    is_word_char, separator_at_end,
};
use crate::found::{FoundEntity, FoundMention};
use crate::lexicon::{Name, WordList};
use crate::model::{EntityKind, MentionKind, Rule};
use crate::normalize::BlockKind;
use crate::segment::Pos;
use crate::span::Span;
use crate::view::View;

/// The longest name an organisation may have, in characters.
const MAX_NAME_CHARS: usize = 32;

/// Tag the entities of one block.
pub(crate) fn tag(ctx: &View<'_>, kind: BlockKind, out: &mut Vec<FoundEntity>) {
    let mentions = ctx.mentions;
    let first = out.len();
    match kind {
        BlockKind::Byline => byline_people(ctx, out),
        BlockKind::Body | BlockKind::Heading | BlockKind::Caption => {
            organisations(ctx, mentions, out);
            listed_enterprises(ctx, mentions, out);
            names(ctx, first, out);
            capacity_owners(ctx, mentions, first, out);
            park_owners(ctx, first, out);
            people(ctx, out);
            documents(ctx, out);
        }
    }
    // in order; the same name found by two rules is one entity
    out[first..].sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end), e.kind));
    let mut block = out.split_off(first);
    block.dedup_by_key(|e| (e.span, e.kind));
    out.append(&mut block);
}

/// The owner named before a capacity: 韵升|1.5万吨高性能稀土磁材, 三吉利|3000吨钕铁硼磁体,
/// 三峡电能|固阳县30万千瓦光储一体化, 京能国际|10万千瓦光伏项目 — an enterprise, and the project
/// (owner + capacity + product) a facility.
fn capacity_owners(
    ctx: &View<'_>,
    mentions: &[FoundMention],
    first: usize,
    out: &mut Vec<FoundEntity>,
) {
    let text = ctx.text;
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Quantity) {
        if !matches!(m.unit.as_deref(), Some("t" | "W" | "Wh" | "m2" | "m3")) {
            continue;
        }
        // the tokens right before the capacity, back to a boundary
        let Some(mut ti) = m.span.start.checked_sub(1).and_then(|p| ctx.token_at(p)) else {
            continue;
        };
        let end = m.span.start;
        let mut start = end;
        let mut places_end = end;
        let bounded = loop {
            let tok = ctx.tokens[ti];
            let word = &text[tok.range()];
            if !word.chars().all(is_han)
                || matches!(
                    ctx.pos(ti),
                    Pos::Function | Pos::Verb | Pos::Modifier | Pos::Time
                )
                || word.chars().all(is_list_separator)
                || word == "等"
            {
                break true;
            }
            if end - tok.start > 8 * 3 {
                break false;
            }
            // a place right before the capacity is where, not who: 三峡电能|固阳县
            if places_end == tok.end && ctx.lex.places.get(word).is_some() {
                places_end = tok.start;
            }
            start = tok.start;
            if tok.start <= ctx.span.start || ti == 0 {
                break true;
            }
            ti -= 1;
        };
        let owner = Span::new(start, places_end);
        let name = &text[owner.range()];
        let n = name.chars().count();
        let known = ctx.lex.enterprises.get(name).is_some();
        if !bounded || !(2..=6).contains(&n) || ctx.lex.places.get(name).is_some() {
            continue;
        }
        if !known
            && (ctx
                .lex
                .indicators
                .find_all(name, 0..name.len())
                .next()
                .is_some()
                || is_generic(ctx, name))
        {
            continue;
        }
        if !out[first..]
            .iter()
            .any(|e| e.kind == EntityKind::Enterprise && e.span == owner)
        {
            out.push(FoundEntity::new(
                EntityKind::Enterprise,
                name.to_string(),
                owner,
                Rule::EnterpriseCapacityOwner,
            ));
        }
        // the project: owner, capacity and product, up to 等 / a comma / 项目
        let mut p_end = m.span.end;
        for (o, c) in text[m.span.end..ctx.span.end].char_indices() {
            let here = m.span.end + o;
            if !is_han(c)
                || text[here..].starts_with('等')
                || text[here..].starts_with("项目")
                || here - m.span.end >= 12 * 3
            {
                break;
            }
            p_end = here + c.len_utf8();
        }
        if p_end > m.span.end {
            if text[p_end..].starts_with("项目") {
                p_end += "项目".len();
            }
            let span = Span::new(owner.start, p_end);
            out.push(FoundEntity::new(
                EntityKind::Facility,
                text[span.range()].to_string(),
                span,
                Rule::FacilityCapacity,
            ));
        }
    }
}

/// The owner at the head of a park's name: 龙马|高端风电装备产业园.
fn park_owners(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let parks: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Facility && e.name.ends_with("园"))
        .map(|e| e.span)
        .collect();
    for park in parks {
        let Some(ti) = ctx.token_at(park.start) else {
            continue;
        };
        let tok = ctx.tokens[ti];
        let word = &text[tok.range()];
        let n = word.chars().count();
        let owned = out[first..]
            .iter()
            .any(|e| e.kind == EntityKind::Enterprise && park.contains(e.span));
        if owned
            || tok.start != park.start
            || !(2..=4).contains(&n)
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
    }
}

/// Is `stem` only generic modifiers (国家级|重点)?
fn is_generic(ctx: &View<'_>, stem: &str) -> bool {
    let generic = ctx.lex.list(WordList::Generic);
    let mut at = 0;
    while at < stem.len() {
        match generic.longest_at(stem, at) {
            Some((_, e)) => at = e,
            None => return false,
        }
    }
    true
}

/// Does a person's name end at `at`: the end of the text, punctuation or white space, or a
/// word that follows names (说, 表示, 在)?
fn ends_name(ctx: &View<'_>, text: &str, at: usize) -> bool {
    match text[at..].chars().next() {
        None => true,
        Some(c) if c.is_whitespace() || matches!(c, '、' | '”' | '（') || is_clause_break(c) => {
            true
        }
        Some(_) => ctx.lex.list(WordList::NameFollower).starts_at(text, at),
    }
}

/// Does a quantity mention (other than a bare number) overlap `span`?
fn overlaps_quantity(mentions: &[FoundMention], span: Span) -> bool {
    mentions.iter().any(|m| m.span.overlaps(span))
}

/// Walk left from `at` over the tokens that can be part of a name; returns where the name starts
/// and the token that stopped the walk, if any.
fn walk_left(
    ctx: &View<'_>,
    at: usize,
    mentions: &[FoundMention],
    cross_quantities: bool,
) -> (usize, Option<usize>) {
    let text = ctx.text;
    let mut start = at;
    let limit = MAX_NAME_CHARS * 3;
    while start > ctx.span.start && at - start < limit {
        let Some(c) = text[..start].chars().next_back() else {
            break;
        };
        // a bracketed part: 弘元新材料（包头）有限公司
        if is_bracket_close(c) {
            let open = text[ctx.span.start..start - c.len_utf8()]
                .char_indices()
                .rev()
                .take(12)
                .find(|&(_, o)| is_bracket_open(o) || is_bracket_close(o));
            match open {
                Some((o, oc)) if is_bracket_open(oc) => {
                    start = ctx.span.start + o;
                    continue;
                }
                _ => break,
            }
        }
        if !(is_han(c) || c.is_ascii_alphabetic() || (cross_quantities && c.is_ascii_digit())) {
            break;
        }
        let Some(ti) = ctx.token_at(start - c.len_utf8()) else {
            break;
        };
        let tok = ctx.tokens[ti];
        let word = &text[tok.range()];
        let here = Span::new(tok.start.max(ctx.span.start), start);
        let quantity = overlaps_quantity(mentions, here);
        // only a capacity may stand inside a name (京能国际10万千瓦光伏项目), never a count
        let crossable = mentions
            .iter()
            .filter(|m| m.span.overlaps(here))
            .all(|m| m.kind == MentionKind::Quantity);
        let pos = ctx.pos(ti);
        let stop = matches!(
            pos,
            Pos::Function | Pos::Time | Pos::Other | Pos::Verb | Pos::Modifier
        ) || (quantity && !(cross_quantities && crossable))
            || word.chars().any(|c| !(is_word_char(c)));
        if stop {
            return (start, Some(ti));
        }
        start = tok.start.max(ctx.span.start);
    }
    (start, None)
}

/// Organisations found by their final form: 有限公司, 集团, 局, 研究院, 高新区, 产业园 …
fn organisations(ctx: &View<'_>, mentions: &[FoundMention], out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let mut found: Vec<FoundEntity> = Vec::new();
    for (s, e, kind) in ctx.lex.org_suffixes.find_all(text, ctx.span.range()) {
        let suffix = &text[s..e];
        let single = suffix.chars().count() == 1;
        if single {
            // 局, 委, 厅, 部, 厂: only as a word of their own or the end of an organisation word,
            // never inside a word (布局, 部分, 委托, 厂房)
            let Some(ti) = ctx.token_at(s) else { continue };
            let tok = ctx.tokens[ti];
            let alone = tok.start == s && tok.end == e;
            // 统计局, 工信局 as one word; 布局, 格局 are two-character words, not bodies
            let word = &text[tok.range()];
            // 统计局, 工信局 as one word, but not 广大干部 (…干部 is an everyday word)
            let last_two = word
                .char_indices()
                .rev()
                .nth(1)
                .map_or(word, |(o, _)| &word[o..]);
            let org_end = tok.end == e
                && (ctx.pos(ti) == Pos::Org
                    || (word.chars().count() >= 3 && !crate::segment::is_common_word(last_two)));
            // 产业局局长, 一厂厂长: the head of the body follows
            let head_follows = ctx.lex.list(WordList::Role).starts_at(text, e);
            if !(alone || org_end || head_follows) {
                continue;
            }
        } else if !ctx.is_token_start(e)
            && text[e..].starts_with(|c: char| is_han(c))
            && !ctx.lex.list(WordList::Role).starts_at(text, e)
        {
            // the suffix runs on into another word: 公司化, 集团化, 项目制 (but 市委|书记 is a
            // body and its head)
            let Some(ti) = ctx.token_at(e) else { continue };
            if ctx.tokens[ti].start < e {
                continue;
            }
        }
        // a project is named after its owner: 京能国际10万千瓦光伏项目
        let project = suffix == "项目";
        let (mut start, mut stopper) = walk_left(ctx, s, mentions, project);
        // 工业和信息化部, 住房和城乡建设局: a government body's name may join two nouns with 和
        if kind == &EntityKind::Government && start < s {
            if let Some(ti) = stopper.filter(|&ti| &text[ctx.tokens[ti].range()] == "和") {
                let conj = ctx.tokens[ti];
                let head = ti.checked_sub(1).map(|h| ctx.tokens[h]);
                if let Some(h) = head.filter(|h| {
                    let w = &text[h.range()];
                    h.end == conj.start
                        && (2..=4).contains(&w.chars().count())
                        && w.chars().all(is_han)
                        && ctx.pos(ti - 1) == Pos::Noun
                }) {
                    if conj.end == start {
                        let (s2, st2) = walk_left(ctx, h.end, mentions, false);
                        start = s2.min(h.start);
                        stopper = st2;
                    }
                }
            }
        }
        if project {
            match (start..s)
                .filter(|&p| text.is_char_boundary(p) && ctx.is_token_start(p))
                .find(|&p| {
                    ctx.lex
                        .enterprises
                        .longest_at(text, p)
                        .is_some_and(|(_, _, e)| e <= s)
                }) {
                Some(p) => start = p,
                None => continue,
            }
        }
        let mut kind = *kind;
        // an organisation right before this one is its parent: 内蒙古一机集团|十分公司,
        // 国家发展改革委|办公厅, 包头稀土高新区|稀土和高新技术产业局
        if let Some(prev) = found.last() {
            let gap = &text[prev.span.end.min(s)..s];
            let joined_by_conj = stopper.is_some_and(|ti| {
                let t = ctx.tokens[ti];
                matches!(&text[t.range()], "和" | "与" | "及")
                    && prev.span.end < t.start
                    && text[prev.span.end..t.start].chars().all(is_han)
                    && text[prev.span.end..t.start].chars().count() <= 8
            });
            let new_level = gap.starts_with(is_admin_level);
            let adjacent = prev.span.end <= s
                && (start <= prev.span.end || joined_by_conj || gap.chars().count() <= 2)
                && gap
                    .chars()
                    .all(|c| is_han(c) || is_bracket_open(c) || is_bracket_close(c));
            if adjacent && !new_level && prev.span.end <= s {
                start = prev.span.start;
                if kind == EntityKind::Facility && prev.kind != EntityKind::Facility {
                    kind = EntityKind::Facility;
                }
                found.pop();
            } else if new_level && start < prev.span.end {
                start = prev.span.end;
            }
        }
        let name = &text[start..e];
        let stem = &text[start..s];
        if is_generic(ctx, stem) || stem.is_empty() {
            // X、Y2个国家重点实验室: a list of names shares the generic head
            found.extend(shared_head(ctx, mentions, start, e, kind));
            continue;
        }
        if stem.chars().count() < 2 || name.chars().count() > MAX_NAME_CHARS {
            continue;
        }
        // 福州、厦门海关: a place listed before shares the rest of the name
        if let Some(other) = listed_place(ctx, start, e, kind) {
            found.push(other);
        }
        found.push(FoundEntity::new(
            kind,
            name.to_string(),
            Span::new(start, e),
            Rule::OrgSuffix,
        ));
    }
    out.extend(found);
}

/// Names listed before a count and a generic head: `白云鄂博稀土资源研究与综合利用、特种车辆及其传动
/// 系统智能制造2个国家重点实验室` gives one institution per item (the item's text, the full name).
/// The number of items must equal the count.
fn shared_head(
    ctx: &View<'_>,
    mentions: &[FoundMention],
    head_start: usize,
    end: usize,
    kind: EntityKind,
) -> Vec<FoundEntity> {
    let text = ctx.text;
    let Some(count) = mentions
        .iter()
        .find(|m| m.span.end == head_start && m.kind == MentionKind::Count)
    else {
        return Vec::new();
    };
    let n = count
        .value
        .as_ref()
        .and_then(crate::model::Value::as_decimal);
    // the list runs from the clause start to the count
    // (bounded: a list longer than 200 characters is not a list of names)
    let list_start = text[ctx.span.start..count.span.start]
        .char_indices()
        .rev()
        .take(200)
        .find(|&(_, c)| is_clause_break(c))
        .map(|(o, c)| ctx.span.start + o + c.len_utf8());
    let Some(list_start) =
        list_start.or((count.span.start - ctx.span.start < 600).then_some(ctx.span.start))
    else {
        return Vec::new();
    };
    let list = &text[list_start..count.span.start];
    let items: Vec<(usize, &str)> = list
        .split('、')
        .scan(list_start, |at, item| {
            let here = *at;
            *at += item.len() + '、'.len_utf8();
            Some((here, item))
        })
        .collect();
    let head = &text[head_start..end];
    let valid = items.len() >= 2
        && n.is_some_and(|n| n == crate::number::Decimal::from_int(items.len() as i64))
        && items
            .iter()
            .all(|(_, it)| it.chars().count() >= 2 && it.chars().all(is_han));
    if !valid {
        return Vec::new();
    }
    items
        .into_iter()
        .map(|(at, it)| {
            FoundEntity::new(
                kind,
                format!("{it}{head}"),
                Span::new(at, at + it.len()),
                Rule::OrgSharedHead,
            )
        })
        .collect()
}

/// `福州、厦门海关`: the organisation `福州海关` for a place listed right before a name that starts
/// with a place.
fn listed_place(ctx: &View<'_>, start: usize, end: usize, kind: EntityKind) -> Option<FoundEntity> {
    let text = ctx.text;
    let (_, _, p_end) = ctx.lex.places.longest_at(&text[..end], start)?;
    let before = text[ctx.span.start..start].strip_suffix('、')?;
    // the place before the 、: the longest of its last few characters that is a place
    let other_start = before
        .char_indices()
        .rev()
        .take(8)
        .map(|(o, _)| o)
        .filter(|&o| ctx.lex.places.get(&before[o..]).is_some())
        .last()?;
    let other = &before[other_start..];
    let rest = &text[p_end..end];
    let at = ctx.span.start + other_start;
    Some(FoundEntity::new(
        kind,
        format!("{other}{rest}"),
        Span::new(at, at + other.len()),
        Rule::OrgListedPlace,
    ))
}

/// Enterprises named in a list that a count of enterprises closes: 包钢、包铝、北重、英思特4户企业,
/// 大全、协鑫等15户头部企业.
fn listed_enterprises(ctx: &View<'_>, mentions: &[FoundMention], out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Count) {
        if !matches!(m.unit.as_deref(), Some("户" | "家")) {
            continue;
        }
        // the count is followed (after at most four characters of modifiers) by 企业/公司
        let after: String = text[m.span.end..ctx.span.end].chars().take(6).collect();
        let Some(pos) = after.find("企业").or_else(|| after.find("公司")) else {
            continue;
        };
        if after[..pos].chars().count() > 4 || after[..pos].chars().any(|c| !is_han(c)) {
            continue;
        }
        let mut end = m.span.start;
        if text[..end].ends_with('等') {
            end -= '等'.len_utf8();
        }
        let mut items: Vec<Span> = Vec::new();
        loop {
            // one item: the run of name characters before `end`
            let mut s = end;
            for (o, c) in text[ctx.span.start..end].char_indices().rev().take(16) {
                if !(is_word_char(c)) || is_list_separator(c) {
                    break;
                }
                s = ctx.span.start + o;
            }
            // the first item of the list may carry a verb before it: 推动包铝 → 包铝
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
            let before = &text[ctx.span.start..item.start];
            match separator_at_end(before) {
                Some(w) if item.start == s => end = item.start - w.len_utf8(),
                _ => break,
            }
        }
        // a list needs at least two names, or one name with 等
        if items.len() >= 2 || (items.len() == 1 && text[..m.span.start].ends_with('等')) {
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

/// Enterprises of the lexicon (full names and the short names news uses) and places of the
/// gazetteer, in one pass over the block. `first` is where this block's entities begin in `out`.
fn names(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let found: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Enterprise)
        .map(|e| e.span)
        .collect();
    let tokens = ctx.tokens;
    let mut i = 0;
    while i < tokens.len() {
        // most tokens cannot begin a name: a bit test before any hashing
        let first = &text[tokens[i].range()];
        if !ctx.lex.may_start_name(first) {
            i += 1;
            continue;
        }
        // the longest run of tokens from here that is a name
        let mut hit = None;
        let mut k = 1;
        while i + k <= tokens.len() {
            let span = Span::new(tokens[i].start, tokens[i + k - 1].end);
            let word = &text[span.range()];
            // a one-character OCR error keeps a known name: 北方稀士 is 北方稀土
            let fixed = crate::lexicon::ocr_variant(word);
            let key = fixed.as_deref().unwrap_or(word);
            if let Some(n) = ctx.lex.names.get(word).or_else(|| {
                (key.chars().count() >= 3)
                    .then(|| ctx.lex.names.get(key))
                    .flatten()
            }) {
                hit = Some((k, span, n));
            }
            if !ctx.lex.name_prefixes.contains(word) && !ctx.lex.name_prefixes.contains(key) {
                break;
            }
            k += 1;
        }
        let Some((k, span, name)) = hit else {
            i += 1;
            continue;
        };
        i += k;
        let (s, mut e) = (span.start, span.end);
        // 明阳智能|制造 is 明阳|智能制造: a shorter name of the same enterprise, when the rest of
        // the name and the next token make an everyday word
        if let (Name::Enterprise(def), Some(next)) = (name, tokens.get(i)) {
            let cut = text[s..e]
                .char_indices()
                .skip(2)
                .map(|(o, _)| s + o)
                .find(|&c| {
                    ctx.lex
                        .enterprises
                        .get(&text[s..c])
                        .is_some_and(|d| d.name == def.name)
                        && ctx.seg.has_word(&text[c..next.end])
                });
            if let Some(c) = cut {
                e = c;
            }
        }
        let span = Span::new(s, e);
        let word = &text[s..e];
        let (kind, full, rule) = match name {
            Name::Place(def) => (EntityKind::Place, &def.name, Rule::PlaceGazetteer),
            Name::Enterprise(def) => {
                // inside an enterprise name found by its suffix: the same enterprise
                if found.iter().any(|x| x.contains(span)) || !short_name_in_context(ctx, span) {
                    continue;
                }
                (EntityKind::Enterprise, &def.name, Rule::EnterpriseLexicon)
            }
        };
        // 中车|电机, 通威|股份: an industry word right after a short name is part of it
        let (span, word) = match kind {
            EntityKind::Enterprise => match ctx
                .lex
                .list(WordList::IndustryWord)
                .longest_at(&text[..ctx.span.end], e)
                .filter(|&(_, end)| ctx.is_token_start(e) && ctx.is_token_start(end))
            {
                Some((_, end)) => (Span::new(s, end), &text[s..end]),
                None => (span, word),
            },
            _ => (span, word),
        };
        let mut ent = FoundEntity::new(kind, word.to_string(), span, rule);
        if full != word {
            ent.full_name = Some(full.clone());
        }
        out.push(ent);
    }
}

/// A short name that is also a common word (大全) counts only in a list or before an
/// organisation word.
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
    let org_next = ctx.lex.list(WordList::OrgHead).starts_at(text, span.end);
    listed || org_next
}

/// A person's name at `at`: two or three characters starting with a surname, followed by a
/// word that ends names (说, 表示, 在 …). Returns the end.
fn name_at(ctx: &View<'_>, at: usize) -> Option<usize> {
    let text = &ctx.text[..ctx.span.end];
    let chars: Vec<(usize, char)> = text[at..].char_indices().take(5).collect();
    // 杨昊说: when the third character starts a follower word, the name has two characters
    let third_follows = chars
        .get(2)
        .is_some_and(|&(o, _)| ends_name(ctx, text, at + o));
    let order: [usize; 2] = if third_follows { [2, 3] } else { [3, 2] };
    for len in order {
        if chars.len() < len || !chars[..len].iter().all(|&(_, c)| is_han(c)) {
            continue;
        }
        let end = at + chars.get(len).map_or(text.len() - at, |&(o, _)| o);
        let surname_ok = ctx
            .lex
            .list(WordList::Surname)
            .longest_at(text, at)
            .is_some_and(|(w, _)| w.len() < end - at);
        let follows = ends_name(ctx, text, end);
        if surname_ok && follows {
            return Some(end);
        }
    }
    None
}

/// People introduced by a role: 总经理杨昊说, 生产线主任杨玉红说, 包头市委书记丁绣峰在会上.
fn people(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    for (s, e) in ctx
        .lex
        .list(WordList::Role)
        .find_all(ctx.text, ctx.span.range())
    {
        if let Some(end) = name_at(ctx, e) {
            let mut p = FoundEntity::new(
                EntityKind::Person,
                ctx.text[e..end].to_string(),
                Span::new(e, end),
                Rule::PersonAfterRole,
            );
            p.role = Some(ctx.text[s..e].to_string());
            // the employer: the organisation right before the role (弘元新材料包头有限公司总经理),
            // else the last one named in the paragraph (…十分公司…生产线主任杨玉红)
            p.employer = out
                .iter()
                .rev()
                .filter(|o| {
                    o.span.end <= s
                        && o.span.start >= ctx.span.start
                        && matches!(
                            o.kind,
                            EntityKind::Enterprise
                                | EntityKind::Government
                                | EntityKind::Institution
                        )
                })
                .max_by_key(|o| (o.span.end, o.span.len()))
                .map(|o| o.name.clone());
            out.push(p);
        }
    }
}

/// People of a byline: `□ 本报记者 刘念`, `□ 于水 侯政军 于武龙`.
fn byline_people(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let mut pos = ctx.span.start;
    let mut role: Option<String> = None;
    for word in text[ctx.span.range()].split(' ') {
        let span = Span::new(pos, pos + word.len());
        pos += word.len() + 1;
        let trimmed = word.trim_start_matches(|c: char| !is_han(c));
        let lead = word.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some((r, _)) = ctx
            .lex
            .list(WordList::Role)
            .longest_at(text, span.start + lead)
        {
            role = Some(r.to_string());
        }
        let n = trimmed.chars().count();
        // a role word such as 本报记者 is not a name
        let is_role = ctx
            .lex
            .list(WordList::Role)
            .find_all(text, span.start + lead..span.end)
            .next()
            .is_some()
            || trimmed.starts_with("本报");
        if (2..=4).contains(&n) && trimmed.chars().all(is_han) && !is_role {
            let mut p = FoundEntity::new(
                EntityKind::Person,
                trimmed.to_string(),
                Span::new(span.start + lead, span.end),
                Rule::PersonByline,
            );
            p.role = role.clone();
            out.push(p);
        }
    }
}

/// Titled documents `《…》` and party congresses `党的二十大`.
fn documents(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let block = &text[ctx.span.range()];
    let mut from = 0;
    while let Some(o) = block[from..].find('《') {
        let open = from + o;
        let inner_start = open + '《'.len_utf8();
        // a title is at most 80 characters: look no further for its end
        let Some(c) = block[inner_start..]
            .char_indices()
            .take(81)
            .find(|&(_, c)| c == '》')
            .map(|(o, _)| o)
        else {
            break;
        };
        let inner_end = inner_start + c;
        let title = &block[inner_start..inner_end];
        if !title.is_empty() && title.chars().count() <= 80 && !title.contains('《') {
            let span = Span::new(
                ctx.span.start + open,
                ctx.span.start + inner_end + '》'.len_utf8(),
            );
            out.push(FoundEntity::new(
                EntityKind::Document,
                title.to_string(),
                span,
                Rule::DocumentTitle,
            ));
        }
        from = inner_end;
    }
    // 党的十九大, 党的二十大: the party's national congresses
    let mut from = 0;
    while let Some(o) = block[from..].find("党的") {
        let s = from + o;
        let num_start = s + "党的".len();
        let digits: String = block[num_start..]
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect();
        let after = num_start + digits.len();
        if !digits.is_empty() && block[after..].starts_with('大') {
            let span = Span::new(ctx.span.start + s, ctx.span.start + after + '大'.len_utf8());
            out.push(FoundEntity::new(
                EntityKind::Event,
                text[span.range()].to_string(),
                span,
                Rule::PartyCongress,
            ));
        }
        from = num_start;
    }
}
