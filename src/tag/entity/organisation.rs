//! Organisations by their final form (有限公司, 集团, 局, 研究院, 高新区, 产业园 …). For each suffix
//! the steps are:
//!
//! 1. [`suffix_ends_a_name`]: the suffix ends a name, not a longer word (布局, 公司化);
//! 2. [`walk_left`]: the name runs left over the words that can be part of it;
//! 3. [`join_government_nouns`]: 工业和信息化部 joins two nouns with 和;
//! 4. [`project_owner`]: a project starts at its owner (京能国际10万千瓦光伏项目);
//! 5. [`attach_parent`]: an organisation right before is its parent (一机集团|十分公司);
//! 6. [`finish`]: a generic stem makes a shared head (X、Y2个国家重点实验室), a listed place
//!    shares the name (福州、厦门海关), the rest is one organisation.

use super::{is_generic, mentions_overlapping, only_capacities, MAX_NAME_CHARS};
use crate::chars::{
    chinese_digit, is_admin_level, is_bracket_close, is_bracket_open, is_clause_break,
    is_conjunction, is_han, is_one, is_word_char,
};
use crate::found::FoundEntity;
use crate::lexicon::{Name, WordList};
use crate::model::{EntityKind, MentionKind, Rule};
use crate::number::Decimal;
use crate::segment::Pos;
use crate::span::Span;
use crate::view::View;

/// Organisations found by their final form, appended to `out`.
pub(super) fn organisations(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let mut found: Vec<FoundEntity> = Vec::new();
    for (s, e, &kind) in ctx.lex.org_suffixes.find_all(text, ctx.span.range()) {
        if !suffix_ends_a_name(ctx, s, e) {
            continue;
        }
        // a project is named after its owner: 京能国际10万千瓦光伏项目
        let project = &text[s..e] == "项目";
        let (mut start, mut stopper) = walk_left(ctx, s, project);
        if kind == EntityKind::Government && start < s {
            (start, stopper) = join_government_nouns(ctx, start, stopper);
        }
        let quoted = text[..start].ends_with(['“', '"', '「', '‘']);
        if is_bare_form(&text[s..e]) && !quoted && !has_proper_part(ctx, start, s) {
            continue;
        }
        if project {
            match project_owner(ctx, start, s).or_else(|| named_project(ctx, start, stopper, e)) {
                Some(p) => start = p,
                None => continue,
            }
        }
        let mut org = Org {
            start,
            suffix: s,
            end: e,
            kind,
        };
        attach_parent(ctx, &mut found, &mut org, stopper);
        finish(ctx, &org, &mut found);
    }
    out.extend(found);
}

/// A form that names no legal entity of its own (公司, 子公司, 集团, 控股): any noun phrase can stand
/// before it.
fn is_bare_form(suffix: &str) -> bool {
    matches!(suffix, "公司" | "子公司" | "集团" | "控股")
}

/// Does `text[start..end]`, the words before a bare form, hold a name: a word that is no
/// everyday word (天士力, 宇通), an organisation or person word, or an enterprise the lexicon
/// knows, or a place with the trade after it (南昌|轨道交通|集团)? A place alone (美国|公司) is
/// where, not who.
/// 影响|公司, 具体内容|详见|公司, 三大|钢铁|集团 hold none. A quoted name (“正章公司”) needs no
/// such word.
fn has_proper_part(ctx: &View<'_>, start: usize, end: usize) -> bool {
    let text = ctx.text;
    let enterprise = |w: &str| matches!(ctx.lex.names.get(w), Some(Name::Enterprise(_)));
    if enterprise(&text[start..end]) {
        return true;
    }
    let first = ctx.tokens.partition_point(|t| t.end <= start);
    ctx.tokens[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.start < end)
        .any(|(k, t)| {
            let word = &text[t.start.max(start)..t.end.min(end)];
            matches!(ctx.pos(first + k), Pos::Org | Pos::Person)
                || enterprise(word)
                || (word.chars().all(is_han) && !crate::segment::is_common_word(word))
                // a place and the trade after it: 南昌|轨道交通|集团, 中国|盐业|总公司
                || (ctx.lex.places.get(word).is_some() && t.end < end)
        })
}

/// An organisation being read: where its name starts, where its suffix starts and ends.
#[derive(Debug, Clone, Copy)]
struct Org {
    start: usize,
    suffix: usize,
    end: usize,
    kind: EntityKind,
}

/// Step 1: does the suffix `text[s..e]` end a name? A one-character suffix (局, 委, 厅, 部, 厂)
/// must be a word of its own, end an organisation word (统计局, 工信局; not 布局, 广大干部) or
/// be followed by the body's head (产业局|局长); a longer one must not run on into another word
/// (公司化, 集团化; but 市委|书记).
fn suffix_ends_a_name(ctx: &View<'_>, s: usize, e: usize) -> bool {
    let text = ctx.text;
    let head_follows = ctx.lex.list(WordList::Role).starts_at(text, e);
    if text[s..e].chars().count() == 1 {
        let Some(ti) = ctx.token_at(s) else {
            return false;
        };
        let tok = ctx.tokens[ti];
        let alone = tok.start == s && tok.end == e;
        let word = &text[tok.range()];
        let last_two = word
            .char_indices()
            .rev()
            .nth(1)
            .map_or(word, |(o, _)| &word[o..]);
        let org_end = tok.end == e
            && (ctx.pos(ti) == Pos::Org
                || (word.chars().count() >= 3 && !crate::segment::is_common_word(last_two)));
        return alone || org_end || head_follows;
    }
    let runs_on = !ctx.is_token_start(e) && text[e..].starts_with(is_han) && !head_follows;
    !runs_on
}

/// Step 2: walk left from `at` over the tokens that can be part of a name; returns where the
/// name starts and the token that stopped the walk, if any. A bracketed part is taken whole
/// (弘元新材料（包头）有限公司); only a project's name may hold a capacity (`cross_quantities`).
pub(super) fn walk_left(
    ctx: &View<'_>,
    at: usize,
    cross_quantities: bool,
) -> (usize, Option<usize>) {
    let text = ctx.text;
    let mut start = at;
    let limit = MAX_NAME_CHARS * 3;
    while start > ctx.span.start && at - start < limit {
        let Some(c) = text[..start].chars().next_back() else {
            break;
        };
        if is_bracket_close(c) {
            match bracket_open_before(ctx, start - c.len_utf8()) {
                Some(open) => {
                    start = open;
                    continue;
                }
                None => break,
            }
        }
        if !(is_han(c) || c.is_ascii_alphabetic() || (cross_quantities && c.is_ascii_digit())) {
            break;
        }
        let Some(ti) = ctx.token_at(start - c.len_utf8()) else {
            break;
        };
        let tok = ctx.tokens[ti];
        let here = Span::new(tok.start.max(ctx.span.start), start);
        let quantity = mentions_overlapping(ctx.mentions, here).next().is_some();
        let crossable = cross_quantities && only_capacities(ctx, here);
        let stop = matches!(
            ctx.pos(ti),
            Pos::Function | Pos::Time | Pos::Other | Pos::Verb | Pos::Modifier
        ) || ctx
            .lex
            .list(WordList::NotInName)
            .contains(&text[tok.range()])
            || (quantity && !crossable)
            || !text[tok.range()].chars().all(is_word_char);
        if stop {
            return (start, Some(ti));
        }
        start = here.start;
    }
    (start, None)
}

/// The opening bracket that matches a closing one ending at `close` (at most 12 characters
/// back, with no other bracket between).
fn bracket_open_before(ctx: &View<'_>, close: usize) -> Option<usize> {
    let (o, c) = ctx.text[ctx.span.start..close]
        .char_indices()
        .rev()
        .take(12)
        .find(|&(_, o)| is_bracket_open(o) || is_bracket_close(o))?;
    let open = ctx.span.start + o;
    let inner = &ctx.text[open + c.len_utf8()..close];
    // a credit (（记者汪文正）) or a list number (（一）) is no part of a name
    let credit = ctx
        .lex
        .list(WordList::Role)
        .find_all(inner, 0..inner.len())
        .next()
        .is_some();
    let number = inner
        .chars()
        .all(|c| chinese_digit(c).is_some() || c == '十' || c.is_ascii_digit());
    (is_bracket_open(c) && !credit && !number).then_some(open)
}

/// Step 3: 工业和信息化部, 住房和城乡建设局: a government body's name may join two nouns with 和.
/// When the walk stopped at 和 right before the name, the noun before 和 (two to four
/// characters) and what precedes it join the name.
fn join_government_nouns(
    ctx: &View<'_>,
    start: usize,
    stopper: Option<usize>,
) -> (usize, Option<usize>) {
    let text = ctx.text;
    let Some(ti) = stopper.filter(|&ti| &text[ctx.tokens[ti].range()] == "和") else {
        return (start, stopper);
    };
    let conj = ctx.tokens[ti];
    let Some(h) = ti.checked_sub(1).map(|h| ctx.tokens[h]) else {
        return (start, stopper);
    };
    let w = &text[h.range()];
    let noun = h.end == conj.start
        && (2..=4).contains(&w.chars().count())
        && w.chars().all(is_han)
        && ctx.pos(ti - 1) == Pos::Noun;
    // two bodies listed (省委和台州市委): the one before 和 is complete, and the one after it
    // opens with its place
    let complete = ctx
        .lex
        .org_suffixes
        .find_all(w, 0..w.len())
        .any(|(_, e, _)| e == w.len());
    let placed = ctx
        .entities
        .iter()
        .any(|e| e.kind == EntityKind::Place && e.span.start == start);
    let placed = placed || ctx.lex.places.longest_at(text, start).is_some();
    if !noun || complete || placed || conj.end != start {
        return (start, stopper);
    }
    let (s2, st2) = walk_left(ctx, h.end, false);
    (s2.min(h.start), st2)
}

/// Step 4: a project's name starts at its owner, an enterprise of the lexicon between `start`
/// and the suffix at `s`; without one it is no named project.
fn project_owner(ctx: &View<'_>, start: usize, s: usize) -> Option<usize> {
    let text = ctx.text;
    (start..s)
        .filter(|&p| text.is_char_boundary(p) && ctx.is_token_start(p))
        .find(|&p| {
            ctx.lex
                .enterprises
                .longest_at(text, p)
                .is_some_and(|(_, _, e)| e <= s)
        })
}

/// The longest name of a project without a known owner, in characters.
const PROJECT_CHARS: usize = 24;

/// Step 4b: a project no known owner opens is named by what follows the verb that builds it:
/// 建设|年产2万吨高纯纳米氢氧化锂项目, 总投资50亿元建设|碳酸钙循环经济产业化项目. Returns where
/// the name starts.
fn named_project(
    ctx: &View<'_>,
    start: usize,
    stopper: Option<usize>,
    end: usize,
) -> Option<usize> {
    let text = ctx.text;
    let mut start = start;
    let mut ti = stopper?;
    // 年产 opens the name (the walk stopped at it)
    if ctx
        .lex
        .list(WordList::ProjectLead)
        .contains(&text[ctx.tokens[ti].range()])
    {
        start = ctx.tokens[ti].start;
        ti = ti.checked_sub(1)?;
    }
    let verb = ctx.tokens.get(ti).filter(|t| t.end == start)?;
    let n = text[start..end].chars().count();
    // the next project of a list (…项目、|年产5万套…项目和|年产2万辆…项目)
    let listed =
        matches!(&text[verb.range()], "、" | "和" | "及") && text[..verb.start].ends_with("项目");
    // one project, not a kind of them: a capacity in its name (年产…) or an investment right
    // before the verb (总投资50亿元|建设), and no count after it (实施工业技改项目|202个)
    let name = Span::new(start, end);
    let capacity =
        mentions_overlapping(ctx.mentions, name).next().is_some() && only_capacities(ctx, name);
    let invested = ctx
        .mentions
        .iter()
        .any(|m| m.kind == MentionKind::Money && m.span.end == verb.start);
    let counted = ctx
        .mentions
        .iter()
        .any(|m| m.span.start == end && m.kind == MentionKind::Count);
    let ok = (ctx
        .lex
        .list(WordList::ProjectVerb)
        .contains(&text[verb.range()])
        || listed)
        && (6..=PROJECT_CHARS).contains(&n)
        && (capacity || invested)
        && !counted;
    ok.then_some(start)
}

/// Step 5: an organisation right before this one is its parent: 内蒙古一机集团|十分公司,
/// 国家发展改革委|办公厅, 包头稀土高新区|稀土和高新技术产业局 — the two become one name (the
/// parent is taken out of `found`). A new administrative level (…市|…局) starts a name of its
/// own instead.
fn attach_parent(
    ctx: &View<'_>,
    found: &mut Vec<FoundEntity>,
    org: &mut Org,
    stopper: Option<usize>,
) {
    let text = ctx.text;
    let s = org.suffix;
    let Some(prev) = found.last() else {
        return;
    };
    let gap = &text[prev.span.end.min(s)..s];
    let joined_by_conj = stopper.is_some_and(|ti| {
        let t = ctx.tokens[ti];
        let between = &text[prev.span.end.min(t.start)..t.start];
        is_one(&text[t.range()], is_conjunction)
            && prev.span.end < t.start
            && between.chars().all(is_han)
            && between.chars().count() <= 8
    });
    let new_level = gap.starts_with(is_admin_level);
    let adjacent = prev.span.end <= s
        && (org.start <= prev.span.end || joined_by_conj || gap.chars().count() <= 2)
        && gap
            .chars()
            .all(|c| is_han(c) || is_bracket_open(c) || is_bracket_close(c));
    if adjacent && !new_level {
        org.start = prev.span.start;
        if org.kind == EntityKind::Facility && prev.kind != EntityKind::Facility {
            org.kind = EntityKind::Facility;
        }
        found.pop();
    } else if new_level && org.start < prev.span.end {
        org.start = prev.span.end;
    }
}

/// Step 6: record the organisation. A generic stem (国家重点|实验室) is a category: names listed
/// before a count share it; a stem of one character or a name of more than
/// [`MAX_NAME_CHARS`] is no name; a place listed before shares the rest of the name.
fn finish(ctx: &View<'_>, org: &Org, found: &mut Vec<FoundEntity>) {
    let text = ctx.text;
    let mut org = *org;
    // a preposition glued to the name by the segmenter (从省|工商联): no part of it
    if let Some(c) = text[org.start..org.suffix].chars().next() {
        let w = &text[org.start..org.start + c.len_utf8()];
        let glued =
            ctx.seg.pos(w) == Pos::Function || ctx.lex.list(WordList::NotInName).contains(w);
        if glued && org.start + c.len_utf8() < org.suffix {
            org.start += c.len_utf8();
        }
    }
    let org = &org;
    let name = &text[org.start..org.end];
    let stem = &text[org.start..org.suffix];
    if stem.is_empty() || is_generic(ctx, stem) {
        found.extend(shared_head(ctx, org.start, org.end, org.kind));
        return;
    }
    // 省政府, 市政府, 省工商联: a level alone names the body of the article's place
    let level_alone = org.kind != EntityKind::Enterprise && stem.chars().all(is_admin_level);
    if (stem.chars().count() < 2 && !level_alone) || name.chars().count() > MAX_NAME_CHARS {
        return;
    }
    if let Some(other) = listed_place(ctx, org.start, org.end, org.kind) {
        found.push(other);
    }
    // a branch or a unit named after its company (X有限公司成都…分公司, …指挥部): the company
    // is named too
    {
        let legal = ctx
            .lex
            .org_suffixes
            .find_all(text, org.start..org.suffix)
            .filter(|&(_, e, &k)| k == EntityKind::Enterprise && e < org.suffix)
            .filter(|&(s, e, _)| text[s..e].ends_with("有限公司"))
            .last();
        if let Some((_, e, _)) = legal {
            found.push(FoundEntity::new(
                EntityKind::Enterprise,
                text[org.start..e].to_string(),
                Span::new(org.start, e),
                Rule::OrgSuffix,
            ));
        }
    }
    found.push(FoundEntity::new(
        org.kind,
        name.to_string(),
        Span::new(org.start, org.end),
        Rule::OrgSuffix,
    ));
}

/// The longest list of names before a shared head, in characters.
const LIST_REACH: usize = 200;

/// Names listed before a count and a generic head: `白云鄂博稀土资源研究与综合利用、特种车辆及其传动
/// 系统智能制造2个国家重点实验室` gives one institution per item (the item's text, the full name).
/// The number of items must equal the count.
fn shared_head(
    ctx: &View<'_>,
    head_start: usize,
    end: usize,
    kind: EntityKind,
) -> Vec<FoundEntity> {
    let text = ctx.text;
    let before = Span::new(head_start.saturating_sub(1), head_start);
    let Some(count) = mentions_overlapping(ctx.mentions, before)
        .find(|m| m.span.end == head_start && m.kind == MentionKind::Count)
    else {
        return Vec::new();
    };
    let n = count
        .value
        .as_ref()
        .and_then(crate::model::Value::as_decimal);
    // the list runs from the clause start to the count
    let list_start = text[ctx.span.start..count.span.start]
        .char_indices()
        .rev()
        .take(LIST_REACH)
        .find(|&(_, c)| is_clause_break(c))
        .map(|(o, c)| ctx.span.start + o + c.len_utf8());
    let near_start = count.span.start - ctx.span.start < LIST_REACH * 3;
    let Some(list_start) = list_start.or(near_start.then_some(ctx.span.start)) else {
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
        && n == i64::try_from(items.len()).ok().map(Decimal::from)
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

#[cfg(test)]
mod tests {
    use super::super::tests::entities;
    use crate::model::EntityKind;

    /// (text, the organisations the tagger must find in it, by kind and name).
    const TABLE: &[(&str, &[(EntityKind, &str)])] = &[
        (
            "弘元新材料（包头）有限公司投产",
            &[(EntityKind::Enterprise, "弘元新材料（包头）有限公司")],
        ),
        (
            "工业和信息化部发布通知",
            &[(EntityKind::Government, "工业和信息化部")],
        ),
        (
            "内蒙古一机集团十分公司的车间",
            &[(EntityKind::Enterprise, "内蒙古一机集团十分公司")],
        ),
        (
            "针对全资子公司“正章公司”原厂房，天士力公司决定",
            &[
                (EntityKind::Enterprise, "正章公司"),
                (EntityKind::Enterprise, "天士力公司"),
            ],
        ),
        (
            "福州、厦门海关联合发布",
            &[
                (EntityKind::Government, "福州海关"),
                (EntityKind::Government, "厦门海关"),
            ],
        ),
        (
            "目前，稀土资源、特种车辆2个国家重点实验室",
            &[
                (EntityKind::Institution, "稀土资源国家重点实验室"),
                (EntityKind::Institution, "特种车辆国家重点实验室"),
            ],
        ),
    ];

    #[test]
    fn organisations_by_their_suffix() {
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
    fn words_that_end_like_organisations_are_not_names() {
        for text in [
            "优化产业布局",
            "推进公司化改革",
            "国家重点实验室建设",
            // everyday words before a bare 公司 or 集团 name nothing
            "剔除该因素影响公司利润增长",
            "具体内容详见公司于同日披露的公告",
            "美国公司纷纷回购公司股票",
        ] {
            let got = entities(text);
            assert!(
                got.iter().all(|(k, _)| *k == EntityKind::Place),
                "{text}: {got:?}"
            );
        }
    }
}
