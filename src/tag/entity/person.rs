//! People: names after a role word (总经理杨昊说, 包头市委书记丁绣峰在会上) with the role and the
//! employer the text gives, the names of a byline (□ 本报记者 刘念) and of a credit (（记者 张秀云）);
//! and the news media that credit a report (忠州新闻网讯, 洪观新闻记者).

use crate::chars::{is_clause_break, is_han};
use crate::found::FoundEntity;
use crate::lexicon::WordList;
use crate::model::{EntityKind, Rule};
use crate::span::Span;
use crate::view::View;

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

/// People introduced by a role: 总经理杨昊说, 生产线主任杨玉红说, 包头市委书记丁绣峰在会上, and
/// the names listed after it (独立董事窦林平、卫龙宝、叶慧芬).
pub(super) fn people(ctx: &View<'_>, first: usize, out: &mut Vec<FoundEntity>) {
    for (s, e) in ctx
        .lex
        .list(WordList::Role)
        .find_all(ctx.text, ctx.span.range())
    {
        let mut at = e;
        while let Some(end) = name_at(ctx, at) {
            person_with_role(ctx, first, (s, e), Span::new(at, end), out);
            match ctx.text[end..ctx.span.end].chars().next() {
                Some('、') => at = end + '、'.len_utf8(),
                _ => break,
            }
        }
    }
}

/// A person named at `name` after the role `text[s..e]`, with the employer the text gives: the
/// organisation right before the role (弘元新材料包头有限公司总经理), else the last one named in
/// the paragraph (…十分公司…生产线主任杨玉红); on a tie the organisation named first.
fn person_with_role(
    ctx: &View<'_>,
    first: usize,
    (s, e): (usize, usize),
    name: Span,
    out: &mut Vec<FoundEntity>,
) {
    let mut p = FoundEntity::new(
        EntityKind::Person,
        ctx.text[name.range()].to_string(),
        name,
        Rule::PersonAfterRole,
    );
    p.role = Some(ctx.text[s..e].to_string());
    p.employer = out[first..]
        .iter()
        .rev()
        .filter(|o| {
            o.span.end <= s
                && matches!(
                    o.kind,
                    EntityKind::Enterprise | EntityKind::Government | EntityKind::Institution
                )
        })
        .max_by_key(|o| (o.span.end, o.span.len()))
        .map(|o| o.name.clone());
    out.push(p);
}

/// The longest credit in brackets, in characters.
const CREDIT_CHARS: usize = 24;

/// People credited in brackets: `（记者 张秀云）`, `（记者 游笑春 林侃）`, `（熊孝慧 洪观新闻记者 邬靓）`,
/// `【责任编辑：伊宁倩】`, and a lone name closing a report (`（文武）`). The normaliser drops the
/// spaces between names, so a run of names is split where each part starts with a surname.
pub(super) fn credits(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let text = &ctx.text[..ctx.span.end];
    let roles = ctx.lex.list(WordList::Role);
    let mut from = ctx.span.start;
    while let Some(o) = text[from..].find(['（', '(', '【']) {
        let open = from + o;
        let inner = open + text[open..].chars().next().map_or(1, char::len_utf8);
        from = inner;
        let Some(c) = text[inner..]
            .char_indices()
            .take(CREDIT_CHARS + 1)
            .find(|&(_, c)| matches!(c, '）' | ')' | '】'))
        else {
            continue;
        };
        let close = inner + c.0;
        let content = Span::new(inner, close);
        let credited = roles.find_all(text, content.range()).next().is_some();
        let last = text[close..].chars().nth(1).is_none();
        if !(credited || last) {
            continue;
        }
        // the names between the roles, the separators and the names of organisations
        let mut role: Option<String> = None;
        let mut at = inner;
        while at < close {
            if let Some((r, e)) = roles.longest_at(text, at).filter(|&(_, e)| e <= close) {
                role = Some(r.to_string());
                at = e;
                continue;
            }
            let run_end = text[at..close]
                .char_indices()
                .find(|&(k, c)| !is_han(c) || roles.starts_at(text, at + k))
                .map_or(close, |(k, _)| at + k);
            let run = Span::new(at, run_end);
            if run.is_empty() {
                at += text[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let named = ctx
                .entities
                .iter()
                .chain(out.iter())
                .any(|e| e.span.overlaps(run));
            // without a role, a word of the dictionary or of the units (万元) is no name
            let word = &text[run.range()];
            let plain = role.is_none()
                && (crate::segment::is_common_word(word)
                    || ctx.lex.units.get(word).is_some()
                    || ctx.seg.has_word(word));
            if !named && !plain {
                // names, then the medium the reporter works for: 熊孝慧|洪观新闻|记者
                let (names, medium) = names_and_medium(ctx, run);
                if let Some(m) = medium {
                    out.push(FoundEntity::new(
                        EntityKind::Institution,
                        text[m.range()].to_string(),
                        m,
                        Rule::MediaSource,
                    ));
                }
                for name in names {
                    let mut p = FoundEntity::new(
                        EntityKind::Person,
                        text[name.range()].to_string(),
                        name,
                        Rule::PersonCredit,
                    );
                    p.role = role.clone();
                    out.push(p);
                }
            }
            at = run_end;
        }
    }
}

/// How far into a paragraph a source's 讯 may stand (characters).
const SOURCE_REACH: usize = 16;

/// The medium named as the source at the top of a paragraph: `忠州新闻网讯`, `据新浪财经讯` (not
/// `本报讯`).
pub(super) fn news_source(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let text = &ctx.text[ctx.span.range()];
    let Some((o, _)) = text
        .char_indices()
        .take(SOURCE_REACH)
        .find(|&(_, c)| c == '讯')
    else {
        return;
    };
    let head = text[..o].trim_start_matches(['据', ' ']);
    let start = ctx.span.start + (o - head.len());
    let span = Span::new(start, ctx.span.start + o);
    let n = head.chars().count();
    let medium = ctx
        .lex
        .list(WordList::MediaSuffix)
        .suffix_of(head)
        .is_some()
        && head.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
        && !head.starts_with("本报")
        && (3..=10).contains(&n);
    let known = out.iter().any(|e| e.span.overlaps(span));
    if medium && !known {
        out.push(FoundEntity::new(
            EntityKind::Institution,
            head.to_string(),
            span,
            Rule::MediaSource,
        ));
    }
}

/// A run of a credit split into names, or into names and a medium after them (熊孝慧洪观新闻 →
/// 熊孝慧, 洪观新闻).
fn names_and_medium(ctx: &View<'_>, run: Span) -> (Vec<Span>, Option<Span>) {
    let names = split_names(ctx, run);
    if !names.is_empty() {
        return (names, None);
    }
    let text = ctx.text;
    let media = ctx.lex.list(WordList::MediaSuffix);
    if media.suffix_of(&text[run.range()]).is_none() {
        return (Vec::new(), None);
    }
    // the longest run of names that leaves a medium of at least three characters
    let cuts: Vec<usize> = text[run.range()]
        .char_indices()
        .map(|(k, _)| run.start + k)
        .skip(2)
        .filter(|&c| text[c..run.end].chars().count() >= 3)
        .collect();
    for &cut in cuts.iter().rev() {
        let medium = Span::new(cut, run.end);
        let names = split_names(ctx, Span::new(run.start, cut));
        if !names.is_empty() {
            return (names, Some(medium));
        }
    }
    (Vec::new(), None)
}

/// A run of Han characters split into names of two or three characters, each starting with a
/// surname (游笑春林侃 → 游笑春, 林侃); nothing when it cannot be.
fn split_names(ctx: &View<'_>, run: Span) -> Vec<Span> {
    let text = ctx.text;
    let chars: Vec<usize> = text[run.range()]
        .char_indices()
        .map(|(k, _)| run.start + k)
        .chain(std::iter::once(run.end))
        .collect();
    let n = chars.len() - 1;
    let surnames = ctx.lex.list(WordList::Surname);
    // best[i]: a split of the first i characters (three-character names first)
    let mut best: Vec<Option<Vec<Span>>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for i in 0..n {
        let Some(done) = best[i].clone() else {
            continue;
        };
        if surnames.longest_at(&text[..run.end], chars[i]).is_none() {
            continue;
        }
        for len in [3, 2] {
            if i + len <= n && best[i + len].is_none() {
                let mut next = done.clone();
                next.push(Span::new(chars[i], chars[i + len]));
                best[i + len] = Some(next);
            }
        }
    }
    best[n].take().unwrap_or_default()
}

/// People of a byline: `□ 本报记者 刘念`, `□ 于水 侯政军 于武龙`.
pub(super) fn byline_people(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
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

#[cfg(test)]
mod tests {
    use super::super::tests::entities;
    use crate::model::EntityKind;
    use crate::view::tests::with_analysis;

    #[test]
    fn people_after_a_role() {
        let table = [
            ("总经理杨昊说，产量增长。", Some("杨昊")),
            ("生产线主任杨玉红介绍，产品合格。", Some("杨玉红")),
            ("包头市委书记丁绣峰在会上指出", Some("丁绣峰")),
            ("总经理办公室", None),
        ];
        for (text, want) in table {
            let got = entities(text);
            let person = got.iter().find(|(k, _)| *k == EntityKind::Person);
            assert_eq!(person.map(|(_, n)| n.as_str()), want, "{text}: {got:?}");
        }
    }

    #[test]
    fn employers_and_roles() {
        with_analysis(
            "弘元新材料包头有限公司总经理杨昊说，产量增长。",
            |ctx| {
                let p = ctx.entities.iter().find(|e| e.kind == EntityKind::Person);
                assert_eq!(p.and_then(|p| p.role.as_deref()), Some("总经理"));
                assert_eq!(
                    p.and_then(|p| p.employer.as_deref()),
                    Some("弘元新材料包头有限公司")
                );
            },
        );
    }

    #[test]
    fn bylines() {
        let got = entities("□ 本报记者 刘念\n\n产量增长。");
        assert!(
            got.contains(&(EntityKind::Person, "刘念".to_string())),
            "{got:?}"
        );
    }
}
