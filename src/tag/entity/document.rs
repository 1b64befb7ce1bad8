//! Titled documents (`《…》`) and the party's national congresses (`党的二十大`).

use crate::found::FoundEntity;
use crate::model::{EntityKind, Rule};
use crate::span::Span;
use crate::view::View;

/// The longest title, in characters.
const MAX_TITLE_CHARS: usize = 80;

/// Titled documents `《…》`: a title of at most 80 characters with no 《 inside. An unclosed
/// 《 is skipped, not the end of the search.
pub(super) fn documents(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let block = &ctx.text[ctx.span.range()];
    let mut from = 0;
    while let Some(o) = block[from..].find('《') {
        let inner_start = from + o + '《'.len_utf8();
        from = inner_start;
        let Some(len) = block[inner_start..]
            .char_indices()
            .take(MAX_TITLE_CHARS + 1)
            .find(|&(_, c)| c == '》' || c == '《')
            .filter(|&(_, c)| c == '》')
            .map(|(o, _)| o)
        else {
            continue;
        };
        let inner_end = inner_start + len;
        if len > 0 {
            let at = ctx.span.start;
            out.push(FoundEntity::new(
                EntityKind::Document,
                block[inner_start..inner_end].to_string(),
                Span::new(
                    at + inner_start - '《'.len_utf8(),
                    at + inner_end + '》'.len_utf8(),
                ),
                Rule::DocumentTitle,
            ));
        }
        from = inner_end;
    }
}

/// Party congresses: 党的十九大, 党的二十大.
pub(super) fn party_congresses(ctx: &View<'_>, out: &mut Vec<FoundEntity>) {
    let block = &ctx.text[ctx.span.range()];
    let mut from = 0;
    while let Some(o) = block[from..].find("党的") {
        let s = from + o;
        let num_start = s + "党的".len();
        let digits: usize = block[num_start..]
            .chars()
            .take_while(|&c| {
                crate::chars::chinese_digit(c).is_some_and(|d| d > 0) && c != '两' || c == '十'
            })
            .map(char::len_utf8)
            .sum();
        let after = num_start + digits;
        if digits > 0 && block[after..].starts_with('大') {
            let span = Span::new(ctx.span.start + s, ctx.span.start + after + '大'.len_utf8());
            out.push(FoundEntity::new(
                EntityKind::Event,
                ctx.text[span.range()].to_string(),
                span,
                Rule::PartyCongress,
            ));
        }
        from = num_start;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::entities;
    use crate::model::EntityKind;

    #[test]
    fn titles_and_congresses() {
        let table: &[(&str, &[(EntityKind, &str)])] = &[
            (
                "印发《稀土产业发展规划》。",
                &[(EntityKind::Document, "稀土产业发展规划")],
            ),
            (
                "《未闭合的标题，见《行动方案》。",
                &[(EntityKind::Document, "行动方案")],
            ),
            ("学习党的二十大精神", &[(EntityKind::Event, "党的二十大")]),
            ("《》", &[]),
        ];
        for (text, want) in table {
            let got: Vec<(EntityKind, String)> = entities(text)
                .into_iter()
                .filter(|(k, _)| matches!(k, EntityKind::Document | EntityKind::Event))
                .collect();
            let want: Vec<(EntityKind, String)> =
                want.iter().map(|(k, n)| (*k, n.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
