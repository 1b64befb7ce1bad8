//! The entity tagger: organisations by their suffix (`…有限公司`, `…局`, `…研究院`), enterprises
//! from the lexicon and from list context (`包钢、包铝、北重4户企业`), places from the gazetteer,
//! people after a role word or in a byline, titled documents and party congresses.

use super::Ctx;
use crate::lexicon::Name;
use crate::model::{Entity, EntityKind, Mention, MentionKind};
use crate::normalize::{is_han, BlockKind};
use crate::segment::Pos;
use crate::span::Span;

/// The longest name an organisation may have, in characters.
const MAX_NAME_CHARS: usize = 32;

/// Generic modifiers: a name made only of these and a suffix is a category, not a name
/// (`国家重点实验室`, `国家级高新区`, `新开工项目`).
const GENERIC: &[&str] = &[
    "国家级",
    "省级",
    "市级",
    "县级",
    "区级",
    "自治区级",
    "国家",
    "全国",
    "重点",
    "新开工",
    "新建",
    "各类",
    "相关",
    "有关",
    "下属",
    "该",
    "本",
    "各",
    "其",
    "这些",
    "首批",
    "大型",
    "中小",
    "一批",
    "多个",
    "部分",
    "所有",
    "我国",
    "中央",
    "地方",
    "当地",
    "我市",
    "全市",
    "全区",
    "其他",
    "有限",
    "股份",
    "集团",
    "公司",
    "企业",
    "分",
    "子",
    "总",
    "工",
    "大",
    "小",
    "新",
    "老",
    "原",
    "龙头",
    "头部",
    "科技型",
    "高新技术",
    "民营",
    "国有",
    "外资",
    "合资",
    "上市",
    "示范",
    "试点",
    "创新",
];

/// Words that separate the items of a list.
const LIST_SEPARATORS: &[&str] = &["、", "和", "及", "与"];

/// Words after which a person's name ends: 杨昊说, 李志锋如是说, 丁绣峰在会上.
const NAME_FOLLOWERS: &[&str] = &[
    "说",
    "如是说",
    "说道",
    "表示",
    "介绍",
    "指出",
    "认为",
    "告诉",
    "谈到",
    "讲道",
    "称",
    "坦言",
    "提到",
    "强调",
    "在",
    "等",
    "一行",
    "同志",
    "带领",
    "主持",
    "出席",
    "的",
    "对",
    "向",
    "也",
    "正在",
    "接受",
    "团队",
    "课题组",
    "、",
    "，",
    "。",
    "：",
    "”",
    "（",
    " ",
    "\n",
];

/// Tag the entities of one block.
pub(crate) fn tag(ctx: &Ctx<'_>, kind: BlockKind, mentions: &[Mention], out: &mut Vec<Entity>) {
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
    out[first..].sort_by_key(|e| (e.norm.start, std::cmp::Reverse(e.norm.end), e.kind));
    let mut block = out.split_off(first);
    block.dedup_by_key(|e| (e.norm, e.kind));
    out.append(&mut block);
}

/// Words that continue a short enterprise name as part of it: 中车|电机, 通威|股份.
const INDUSTRY_WORDS: &[&str] = &[
    "股份",
    "集团",
    "控股",
    "电机",
    "电气",
    "能源",
    "新能源",
    "科技",
    "材料",
    "新材料",
    "电力",
    "矿业",
    "钢铁",
    "化工",
    "重工",
    "汽车",
    "实业",
    "智能",
    "光伏",
    "风电",
    "稀土",
];

/// Modifiers that open a facility name without naming its owner (高端装备产业园).
const FACILITY_MODIFIERS: &[&str] = &[
    "高端",
    "智能",
    "现代",
    "绿色",
    "数字",
    "国际",
    "国家",
    "国家级",
    "新能源",
    "新型",
    "先进",
    "综合",
    "大型",
    "重点",
    "示范",
    "特色",
    "循环",
    "生态",
    "科技",
    "创新",
    "零碳",
    "低碳",
];

/// The owner named before a capacity: 韵升|1.5万吨高性能稀土磁材, 三吉利|3000吨钕铁硼磁体,
/// 三峡电能|固阳县30万千瓦光储一体化, 京能国际|10万千瓦光伏项目 — an enterprise, and the project
/// (owner + capacity + product) a facility.
fn capacity_owners(ctx: &Ctx<'_>, mentions: &[Mention], first: usize, out: &mut Vec<Entity>) {
    let text = ctx.text;
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Quantity) {
        if !matches!(m.unit.as_deref(), Some("t" | "W" | "Wh" | "m2" | "m3")) {
            continue;
        }
        // the tokens right before the capacity, back to a boundary
        let Some(mut ti) = m.norm.start.checked_sub(1).and_then(|p| ctx.token_at(p)) else {
            continue;
        };
        let end = m.norm.start;
        let mut start = end;
        let mut places_end = end;
        let bounded = loop {
            let tok = ctx.tokens[ti].span;
            let word = &text[tok.range()];
            if !word.chars().all(is_han)
                || matches!(
                    ctx.pos(ti),
                    Pos::Function | Pos::Verb | Pos::Modifier | Pos::Time
                )
                || LIST_SEPARATORS.contains(&word)
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
            if tok.start <= ctx.block.start || ti == 0 {
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
                || is_generic(name))
        {
            continue;
        }
        if !out[first..]
            .iter()
            .any(|e| e.kind == EntityKind::Enterprise && e.norm == owner)
        {
            out.push(entity(
                EntityKind::Enterprise,
                name.to_string(),
                owner,
                "enterprise_capacity_owner",
            ));
        }
        // the project: owner, capacity and product, up to 等 / a comma / 项目
        let mut p_end = m.norm.end;
        for (o, c) in text[m.norm.end..ctx.block.end].char_indices() {
            let here = m.norm.end + o;
            if !is_han(c)
                || text[here..].starts_with('等')
                || text[here..].starts_with("项目")
                || here - m.norm.end >= 12 * 3
            {
                break;
            }
            p_end = here + c.len_utf8();
        }
        if p_end > m.norm.end {
            if text[p_end..].starts_with("项目") {
                p_end += "项目".len();
            }
            let span = Span::new(owner.start, p_end);
            out.push(entity(
                EntityKind::Facility,
                text[span.range()].to_string(),
                span,
                "facility_capacity",
            ));
        }
    }
}

/// The owner at the head of a park's name: 龙马|高端风电装备产业园.
fn park_owners(ctx: &Ctx<'_>, first: usize, out: &mut Vec<Entity>) {
    let text = ctx.text;
    let parks: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Facility && e.name.ends_with("园"))
        .map(|e| e.norm)
        .collect();
    for park in parks {
        let Some(ti) = ctx.token_at(park.start) else {
            continue;
        };
        let tok = ctx.tokens[ti].span;
        let word = &text[tok.range()];
        let n = word.chars().count();
        let owned = out[first..]
            .iter()
            .any(|e| e.kind == EntityKind::Enterprise && park.contains(e.norm));
        if owned
            || tok.start != park.start
            || !(2..=4).contains(&n)
            || ctx.lex.places.get(word).is_some()
            || FACILITY_MODIFIERS.contains(&word)
            || is_generic(word)
            || ctx.lex.indicators.get(word).is_some()
        {
            continue;
        }
        out.push(entity(
            EntityKind::Enterprise,
            word.to_string(),
            tok,
            "enterprise_park_owner",
        ));
    }
}

fn entity(kind: EntityKind, name: String, span: Span, rule: &'static str) -> Entity {
    Entity {
        kind,
        name,
        text: String::new(),
        start: 0,
        end: 0,
        role: None,
        employer: None,
        full_name: None,
        rule,
        norm: span,
    }
}

fn is_bracket_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_bracket_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Is `stem` only generic modifiers?
fn is_generic(stem: &str) -> bool {
    let mut rest = stem;
    'outer: while !rest.is_empty() {
        for g in GENERIC {
            if let Some(r) = rest.strip_prefix(g) {
                rest = r;
                continue 'outer;
            }
        }
        return false;
    }
    true
}

/// Does a quantity mention (other than a bare number) overlap `span`?
fn overlaps_quantity(mentions: &[Mention], span: Span) -> bool {
    mentions.iter().any(|m| m.norm.overlaps(span))
}

/// Walk left from `at` over the tokens that can be part of a name; returns where the name starts
/// and the token that stopped the walk, if any.
fn walk_left(
    ctx: &Ctx<'_>,
    at: usize,
    mentions: &[Mention],
    cross_quantities: bool,
) -> (usize, Option<usize>) {
    let text = ctx.text;
    let mut start = at;
    let limit = MAX_NAME_CHARS * 3;
    while start > ctx.block.start && at - start < limit {
        let Some(c) = text[..start].chars().next_back() else {
            break;
        };
        // a bracketed part: 弘元新材料（包头）有限公司
        if is_bracket_close(c) {
            let open = text[ctx.block.start..start - c.len_utf8()]
                .char_indices()
                .rev()
                .take(12)
                .find(|&(_, o)| is_bracket_open(o) || is_bracket_close(o));
            match open {
                Some((o, oc)) if is_bracket_open(oc) => {
                    start = ctx.block.start + o;
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
        let word = &text[tok.span.range()];
        let here = Span::new(tok.span.start.max(ctx.block.start), start);
        let quantity = overlaps_quantity(mentions, here);
        // only a capacity may stand inside a name (京能国际10万千瓦光伏项目), never a count
        let crossable = mentions
            .iter()
            .filter(|m| m.norm.overlaps(here))
            .all(|m| m.kind == MentionKind::Quantity);
        let pos = ctx.pos(ti);
        let stop = matches!(
            pos,
            Pos::Function | Pos::Time | Pos::Other | Pos::Verb | Pos::Modifier
        ) || (quantity && !(cross_quantities && crossable))
            || word
                .chars()
                .any(|c| !(is_han(c) || c.is_ascii_alphanumeric()));
        if stop {
            return (start, Some(ti));
        }
        start = tok.span.start.max(ctx.block.start);
    }
    (start, None)
}

/// Organisations found by their final form: 有限公司, 集团, 局, 研究院, 高新区, 产业园 …
fn organisations(ctx: &Ctx<'_>, mentions: &[Mention], out: &mut Vec<Entity>) {
    let text = ctx.text;
    let mut found: Vec<Entity> = Vec::new();
    for (s, e, kind) in ctx.lex.org_suffixes.find_all(text, ctx.block.range()) {
        let suffix = &text[s..e];
        let single = suffix.chars().count() == 1;
        if single {
            // 局, 委, 厅, 部, 厂: only as a word of their own or the end of an organisation word,
            // never inside a word (布局, 部分, 委托, 厂房)
            let Some(ti) = ctx.token_at(s) else { continue };
            let tok = ctx.tokens[ti];
            let alone = tok.span.start == s && tok.span.end == e;
            // 统计局, 工信局 as one word; 布局, 格局 are two-character words, not bodies
            let word = &text[tok.span.range()];
            // 统计局, 工信局 as one word, but not 广大干部 (…干部 is an everyday word)
            let last_two = word
                .char_indices()
                .rev()
                .nth(1)
                .map_or(word, |(o, _)| &word[o..]);
            let org_end = tok.span.end == e
                && (ctx.pos(ti) == Pos::Org
                    || (word.chars().count() >= 3 && !crate::segment::is_common_word(last_two)));
            // 产业局局长, 一厂厂长: the head of the body follows
            let head_follows = ctx.lex.roles.longest_at(text, e).is_some();
            if !(alone || org_end || head_follows) {
                continue;
            }
        } else if !ctx.is_token_start(e)
            && text[e..].starts_with(|c: char| is_han(c))
            && ctx.lex.roles.longest_at(text, e).is_none()
        {
            // the suffix runs on into another word: 公司化, 集团化, 项目制 (but 市委|书记 is a
            // body and its head)
            let Some(ti) = ctx.token_at(e) else { continue };
            if ctx.tokens[ti].span.start < e {
                continue;
            }
        }
        // a project is named after its owner: 京能国际10万千瓦光伏项目
        let project = suffix == "项目";
        let (mut start, mut stopper) = walk_left(ctx, s, mentions, project);
        // 工业和信息化部, 住房和城乡建设局: a government body's name may join two nouns with 和
        if kind == &EntityKind::Government && start < s {
            if let Some(ti) = stopper.filter(|&ti| &text[ctx.tokens[ti].span.range()] == "和") {
                let conj = ctx.tokens[ti].span;
                let head = ti.checked_sub(1).map(|h| ctx.tokens[h].span);
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
            let gap = &text[prev.norm.end.min(s)..s];
            let joined_by_conj = stopper.is_some_and(|ti| {
                let t = ctx.tokens[ti].span;
                matches!(&text[t.range()], "和" | "与" | "及")
                    && prev.norm.end < t.start
                    && text[prev.norm.end..t.start].chars().all(is_han)
                    && text[prev.norm.end..t.start].chars().count() <= 8
            });
            let new_level = gap.starts_with(['市', '省', '县', '区', '州']);
            let adjacent = prev.norm.end <= s
                && (start <= prev.norm.end || joined_by_conj || gap.chars().count() <= 2)
                && gap
                    .chars()
                    .all(|c| is_han(c) || is_bracket_open(c) || is_bracket_close(c));
            if adjacent && !new_level && prev.norm.end <= s {
                start = prev.norm.start;
                if kind == EntityKind::Facility && prev.kind != EntityKind::Facility {
                    kind = EntityKind::Facility;
                }
                found.pop();
            } else if new_level && start < prev.norm.end {
                start = prev.norm.end;
            }
        }
        let name = &text[start..e];
        let stem = &text[start..s];
        if is_generic(stem) || stem.is_empty() {
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
        found.push(entity(
            kind,
            name.to_string(),
            Span::new(start, e),
            "org_suffix",
        ));
    }
    out.extend(found);
}

/// Names listed before a count and a generic head: `白云鄂博稀土资源研究与综合利用、特种车辆及其传动
/// 系统智能制造2个国家重点实验室` gives one institution per item (the item's text, the full name).
/// The number of items must equal the count.
fn shared_head(
    ctx: &Ctx<'_>,
    mentions: &[Mention],
    head_start: usize,
    end: usize,
    kind: EntityKind,
) -> Vec<Entity> {
    let text = ctx.text;
    let Some(count) = mentions
        .iter()
        .find(|m| m.norm.end == head_start && m.kind == MentionKind::Count)
    else {
        return Vec::new();
    };
    let n = count
        .value
        .as_ref()
        .and_then(crate::model::Value::as_decimal);
    // the list runs from the clause start to the count
    // (bounded: a list longer than 200 characters is not a list of names)
    let list_start = text[ctx.block.start..count.norm.start]
        .char_indices()
        .rev()
        .take(200)
        .find(|&(_, c)| crate::normalize::is_clause_break(c))
        .map(|(o, c)| ctx.block.start + o + c.len_utf8());
    let Some(list_start) =
        list_start.or((count.norm.start - ctx.block.start < 600).then_some(ctx.block.start))
    else {
        return Vec::new();
    };
    let list = &text[list_start..count.norm.start];
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
            entity(
                kind,
                format!("{it}{head}"),
                Span::new(at, at + it.len()),
                "org_shared_head",
            )
        })
        .collect()
}

/// `福州、厦门海关`: the organisation `福州海关` for a place listed right before a name that starts
/// with a place.
fn listed_place(ctx: &Ctx<'_>, start: usize, end: usize, kind: EntityKind) -> Option<Entity> {
    let text = ctx.text;
    let (_, _, p_end) = ctx.lex.places.longest_at(&text[..end], start)?;
    let before = text[ctx.block.start..start].strip_suffix('、')?;
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
    let at = ctx.block.start + other_start;
    Some(entity(
        kind,
        format!("{other}{rest}"),
        Span::new(at, at + other.len()),
        "org_shared_head",
    ))
}

/// Enterprises named in a list that a count of enterprises closes: 包钢、包铝、北重、英思特4户企业,
/// 大全、协鑫等15户头部企业.
fn listed_enterprises(ctx: &Ctx<'_>, mentions: &[Mention], out: &mut Vec<Entity>) {
    let text = ctx.text;
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Count) {
        if !matches!(m.unit.as_deref(), Some("户" | "家")) {
            continue;
        }
        // the count is followed (after at most four characters of modifiers) by 企业/公司
        let after: String = text[m.norm.end..ctx.block.end].chars().take(6).collect();
        let Some(pos) = after.find("企业").or_else(|| after.find("公司")) else {
            continue;
        };
        if after[..pos].chars().count() > 4 || after[..pos].chars().any(|c| !is_han(c)) {
            continue;
        }
        let mut end = m.norm.start;
        if text[..end].ends_with('等') {
            end -= '等'.len_utf8();
        }
        let mut items: Vec<Span> = Vec::new();
        loop {
            // one item: the run of name characters before `end`
            let mut s = end;
            for (o, c) in text[ctx.block.start..end].char_indices().rev().take(16) {
                if !(is_han(c) || c.is_ascii_alphanumeric())
                    || LIST_SEPARATORS.iter().any(|w| w.starts_with(c))
                {
                    break;
                }
                s = ctx.block.start + o;
            }
            // the first item of the list may carry a verb before it: 推动包铝 → 包铝
            let mut item = Span::new(s, end);
            while item.len() > 4 * 3 {
                match ctx.token_at(item.start) {
                    Some(ti) if ctx.tokens[ti].span.end < item.end => {
                        item.start = ctx.tokens[ti].span.end
                    }
                    _ => break,
                }
            }
            let n = text[item.range()].chars().count();
            if !(2..=6).contains(&n) || ctx.lex.places.get(&text[item.range()]).is_some() {
                break;
            }
            items.push(item);
            let before = &text[ctx.block.start..item.start];
            match LIST_SEPARATORS.iter().find(|w| before.ends_with(*w)) {
                Some(w) if item.start == s => end = item.start - w.len(),
                _ => break,
            }
        }
        // a list needs at least two names, or one name with 等
        if items.len() >= 2 || (items.len() == 1 && text[..m.norm.start].ends_with('等')) {
            for it in items.into_iter().rev() {
                out.push(entity(
                    EntityKind::Enterprise,
                    text[it.range()].to_string(),
                    it,
                    "enterprise_list",
                ));
            }
        }
    }
}

/// Enterprises of the lexicon (full names and the short names news uses) and places of the
/// gazetteer, in one pass over the block. `first` is where this block's entities begin in `out`.
fn names(ctx: &Ctx<'_>, first: usize, out: &mut Vec<Entity>) {
    let text = ctx.text;
    let found: Vec<Span> = out[first..]
        .iter()
        .filter(|e| e.kind == EntityKind::Enterprise)
        .map(|e| e.norm)
        .collect();
    let tokens = ctx.tokens;
    let mut i = 0;
    while i < tokens.len() {
        // most tokens cannot begin a name: a bit test before any hashing
        let first = &text[tokens[i].span.range()];
        if !ctx.lex.may_start_name(first) {
            i += 1;
            continue;
        }
        // the longest run of tokens from here that is a name
        let mut hit = None;
        let mut k = 1;
        while i + k <= tokens.len() {
            let span = Span::new(tokens[i].span.start, tokens[i + k - 1].span.end);
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
                        && ctx.seg.has_word(&text[c..next.span.end])
                });
            if let Some(c) = cut {
                e = c;
            }
        }
        let span = Span::new(s, e);
        let word = &text[s..e];
        let (kind, full, rule) = match name {
            Name::Place(def) => (EntityKind::Place, &def.name, "place_gazetteer"),
            Name::Enterprise(def) => {
                // inside an enterprise name found by its suffix: the same enterprise
                if found.iter().any(|x| x.contains(span)) || !short_name_in_context(ctx, span) {
                    continue;
                }
                (EntityKind::Enterprise, &def.name, "enterprise_lexicon")
            }
        };
        // 中车|电机, 通威|股份: an industry word right after a short name is part of it
        let (span, word) = match kind {
            EntityKind::Enterprise => match INDUSTRY_WORDS
                .iter()
                .find(|w| text[e..ctx.block.end].starts_with(**w) && ctx.is_token_start(e))
                .filter(|w| ctx.is_token_start(e + w.len()))
            {
                Some(w) => (Span::new(s, e + w.len()), &text[s..e + w.len()]),
                None => (span, word),
            },
            _ => (span, word),
        };
        let mut ent = entity(kind, word.to_string(), span, rule);
        if full != word {
            ent.full_name = Some(full.clone());
        }
        out.push(ent);
    }
}

/// A short name that is also a common word (大全) counts only in a list or before an
/// organisation word.
fn short_name_in_context(ctx: &Ctx<'_>, span: Span) -> bool {
    let text = ctx.text;
    let word = &text[span.range()];
    if word.chars().count() > 2 || !ctx.lex.ambiguous.contains(word) {
        return true;
    }
    let before = text[..span.start].chars().next_back();
    let after = &text[span.end..ctx.block.end];
    let listed =
        before.is_some_and(|c| c == '、') || after.starts_with('、') || after.starts_with('等');
    let org_next = ["集团", "公司", "股份", "项目", "产业园"]
        .iter()
        .any(|w| after.starts_with(w));
    listed || org_next
}

/// A person's name at `at`: two or three characters starting with a surname, followed by a
/// word that ends names (说, 表示, 在 …). Returns the end.
fn name_at(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    let text = &ctx.text[..ctx.block.end];
    let chars: Vec<(usize, char)> = text[at..].char_indices().take(5).collect();
    // 杨昊说: when the third character starts a follower word, the name has two characters
    let third_follows = chars
        .get(2)
        .is_some_and(|&(o, _)| NAME_FOLLOWERS.iter().any(|w| text[at + o..].starts_with(w)));
    let order: [usize; 2] = if third_follows { [2, 3] } else { [3, 2] };
    for len in order {
        if chars.len() < len || !chars[..len].iter().all(|&(_, c)| is_han(c)) {
            continue;
        }
        let end = at + chars.get(len).map_or(text.len() - at, |&(o, _)| o);
        let surname_ok = ctx
            .lex
            .surnames
            .longest_at(text, at)
            .is_some_and(|(w, _, _)| w.len() < end - at);
        let follows =
            end == text.len() || NAME_FOLLOWERS.iter().any(|w| text[end..].starts_with(w));
        if surname_ok && follows {
            return Some(end);
        }
    }
    None
}

/// People introduced by a role: 总经理杨昊说, 生产线主任杨玉红说, 包头市委书记丁绣峰在会上.
fn people(ctx: &Ctx<'_>, out: &mut Vec<Entity>) {
    for (s, e, _) in ctx.lex.roles.find_all(ctx.text, ctx.block.range()) {
        if let Some(end) = name_at(ctx, e) {
            let mut p = entity(
                EntityKind::Person,
                ctx.text[e..end].to_string(),
                Span::new(e, end),
                "person_after_role",
            );
            p.role = Some(ctx.text[s..e].to_string());
            // the employer: the organisation right before the role (弘元新材料包头有限公司总经理),
            // else the last one named in the paragraph (…十分公司…生产线主任杨玉红)
            p.employer = out
                .iter()
                .rev()
                .filter(|o| {
                    o.norm.end <= s
                        && o.norm.start >= ctx.block.start
                        && matches!(
                            o.kind,
                            EntityKind::Enterprise
                                | EntityKind::Government
                                | EntityKind::Institution
                        )
                })
                .max_by_key(|o| (o.norm.end, o.norm.len()))
                .map(|o| o.name.clone());
            out.push(p);
        }
    }
}

/// People of a byline: `□ 本报记者 刘念`, `□ 于水 侯政军 于武龙`.
fn byline_people(ctx: &Ctx<'_>, out: &mut Vec<Entity>) {
    let text = ctx.text;
    let mut pos = ctx.block.start;
    let mut role: Option<String> = None;
    for word in text[ctx.block.range()].split(' ') {
        let span = Span::new(pos, pos + word.len());
        pos += word.len() + 1;
        let trimmed = word.trim_start_matches(|c: char| !is_han(c));
        let lead = word.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some((r, _, _)) = ctx.lex.roles.longest_at(text, span.start + lead) {
            role = Some(r.to_string());
        }
        let n = trimmed.chars().count();
        // a role word such as 本报记者 is not a name
        let is_role = ctx
            .lex
            .roles
            .find_all(text, span.start + lead..span.end)
            .next()
            .is_some()
            || trimmed.starts_with("本报");
        if (2..=4).contains(&n) && trimmed.chars().all(is_han) && !is_role {
            let mut p = entity(
                EntityKind::Person,
                trimmed.to_string(),
                Span::new(span.start + lead, span.end),
                "person_byline",
            );
            p.role = role.clone();
            out.push(p);
        }
    }
}

/// Titled documents `《…》` and party congresses `党的二十大`.
fn documents(ctx: &Ctx<'_>, out: &mut Vec<Entity>) {
    let text = ctx.text;
    let block = &text[ctx.block.range()];
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
                ctx.block.start + open,
                ctx.block.start + inner_end + '》'.len_utf8(),
            );
            out.push(entity(
                EntityKind::Document,
                title.to_string(),
                span,
                "document_title",
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
            let span = Span::new(
                ctx.block.start + s,
                ctx.block.start + after + '大'.len_utf8(),
            );
            out.push(entity(
                EntityKind::Event,
                text[span.range()].to_string(),
                span,
                "party_congress",
            ));
        }
        from = num_start;
    }
}
