//! The entity tagger: organisations by their suffix (`…有限公司`, `…局`, `…研究院`), enterprises
//! from the lexicon and from list context (`包钢、包铝、北重4户企业`), places from the gazetteer,
//! people after a role word or in a byline, titled documents and party congresses.
//!
//! - [`organisation`]: names by their final form, with their parents and shared heads;
//! - [`enterprise`]: lexicon names and places, listed enterprises, owners of capacities and parks;
//! - [`person`]: people after a role, in bylines;
//! - [`document`]: titled documents and party congresses.

mod document;
mod enterprise;
mod organisation;
mod person;

use crate::found::{FoundEntity, FoundMention};
use crate::lexicon::WordList;
use crate::model::MentionKind;
use crate::normalize::BlockKind;
use crate::span::Span;
use crate::view::View;

/// The longest name an organisation may have, in characters.
const MAX_NAME_CHARS: usize = 32;

/// Tag the entities of one block (`ctx.span`; `ctx.mentions` are the block's mentions).
pub(crate) fn tag(ctx: &View<'_>, kind: BlockKind, out: &mut Vec<FoundEntity>) {
    let first = out.len();
    match kind {
        BlockKind::Byline => person::byline_people(ctx, out),
        BlockKind::Body | BlockKind::Heading | BlockKind::Caption | BlockKind::Meta => {
            organisation::organisations(ctx, out);
            enterprise::listed_enterprises(ctx, out);
            enterprise::names(ctx, first, out);
            enterprise::list_mates(ctx, first, out);
            enterprise::capacity_owners(ctx, first, out);
            enterprise::park_owners(ctx, first, out);
            person::people(ctx, first, out);
            person::credits(ctx, out);
            person::news_source(ctx, out);
            document::documents(ctx, out);
            document::party_congresses(ctx, out);
        }
    }
    // in order; the same name found by two rules is one entity
    out[first..].sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end), e.kind));
    let mut block = out.split_off(first);
    block.dedup_by_key(|e| (e.span, e.kind));
    out.append(&mut block);
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

/// The mentions that overlap `span`.
fn mentions_overlapping<'a>(
    mentions: &'a [FoundMention],
    span: Span,
) -> impl Iterator<Item = &'a FoundMention> + 'a {
    crate::found::overlapping(mentions, span)
}

/// Do only capacities overlap `span`, if anything does: physical quantities, and counts a
/// year's output (`年产|5万套`), never money?
fn only_capacities(ctx: &View<'_>, span: Span) -> bool {
    let leads = ctx.lex.list(WordList::ProjectLead);
    mentions_overlapping(ctx.mentions, span).all(|m| {
        m.kind == MentionKind::Quantity
            || (m.kind == MentionKind::Count
                && leads.suffix_of(&ctx.text[..m.span.start]).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use crate::view::tests::with_analysis;

    /// (kind, name) of the entities the tagger finds in `text`.
    pub(super) fn entities(text: &str) -> Vec<(EntityKind, String)> {
        with_analysis(text, |ctx| {
            ctx.entities
                .iter()
                .map(|e| (e.kind, e.name.clone()))
                .collect()
        })
    }

    #[test]
    fn generic_stems() {
        crate::view::tests::with_view("", |ctx| {
            for (stem, want) in [
                ("国家级重点", true),
                ("国家", true),
                ("包头", false),
                ("", true),
            ] {
                assert_eq!(is_generic(&ctx, stem), want, "{stem}");
            }
        });
    }

    #[test]
    fn one_entity_per_name_and_kind() {
        let got = entities("包钢、包铝、北重、英思特4户企业");
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names.iter().filter(|n| n.contains("包钢")).count(),
            1,
            "{names:?}"
        );
    }
}
