//! One view of the document that the taggers and the linker share: the normalised text, the
//! part of it being worked on, the tokens, and what earlier stages found (mentions, entities),
//! with the questions every rule asks of them — which token holds this byte, does a word start
//! here, which mentions lie in this clause.

use crate::found::{within, FoundEntity, FoundMention};
use crate::lexicon::Lexicon;
use crate::segment::{Pos, Segmenter};
use crate::span::Span;

/// What a stage sees of the document (or of one block of it).
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    /// The whole normalised text.
    pub text: &'a str,
    /// The part being worked on: a block for the taggers, the whole text for the linker.
    /// Rules never read past it.
    pub span: Span,
    pub lex: &'a Lexicon,
    pub seg: &'a Segmenter,
    /// The tokens inside `span`, in order.
    pub tokens: &'a [Span],
    /// The mentions found so far inside `span`, in order.
    pub mentions: &'a [FoundMention],
    /// The entities found so far inside `span`, in order.
    pub entities: &'a [FoundEntity],
}

impl<'a> View<'a> {
    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].range()]
    }

    /// The part of speech of token `i`.
    pub(crate) fn pos(&self, i: usize) -> Pos {
        self.seg.pos(self.word(i))
    }

    /// Index of the token that contains byte `at`, if any.
    pub(crate) fn token_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= at);
        (i < self.tokens.len() && self.tokens[i].start <= at).then_some(i)
    }

    /// Is `at` a word boundary: no token runs across it? The edges of the view are boundaries,
    /// and so is any byte that no token covers.
    pub(crate) fn is_token_start(&self, at: usize) -> bool {
        if at <= self.span.start || at >= self.span.end {
            return true;
        }
        self.token_at(at).is_none_or(|i| self.tokens[i].start == at)
    }

    /// The text of the view before `at`, from its start.
    pub(crate) fn head(&self, at: usize) -> &'a str {
        &self.text[self.span.start..at.max(self.span.start)]
    }

    /// The mentions inside `span`.
    pub(crate) fn mentions_in(&self, span: Span) -> impl Iterator<Item = &'a FoundMention> + 'a {
        within(self.mentions, span)
    }

    /// The entities inside `span`.
    pub(crate) fn entities_in(&self, span: Span) -> impl Iterator<Item = &'a FoundEntity> + 'a {
        within(self.entities, span)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    /// A view over `text` (one block, tokens from the default pipeline), for the stages' tests.
    pub(crate) fn with_view<R>(text: &str, f: impl FnOnce(View<'_>) -> R) -> R {
        let p = Pipeline::shared().unwrap_or_else(|e| panic!("{e}"));
        let mut tokens = Vec::new();
        let span = Span::new(0, text.len());
        p.segmenter().spans_into(text, span, &mut tokens);
        f(View {
            text,
            span,
            lex: p.lexicon(),
            seg: p.segmenter(),
            tokens: &tokens,
            mentions: &[],
            entities: &[],
        })
    }

    /// A view over the whole of `text` (normalised) with the mentions and entities the taggers
    /// find in it, for the linker's tests.
    pub(crate) fn with_analysis<R>(text: &str, f: impl FnOnce(View<'_>) -> R) -> R {
        let p = Pipeline::shared().unwrap_or_else(|e| panic!("{e}"));
        let run = p
            .find(
                text,
                &crate::Options::default().scope(crate::Scope::Entities),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let (norm, tokens, found) = (run.norm, run.tokens, run.found);
        f(View {
            text: &norm.text,
            span: Span::new(0, norm.text.len()),
            lex: p.lexicon(),
            seg: p.segmenter(),
            tokens: &tokens,
            mentions: &found.mentions,
            entities: &found.entities,
        })
    }

    #[test]
    fn token_boundaries() {
        with_view("产品合格率跃升至98%", |v| {
            assert!(v.is_token_start(0));
            assert!(v.is_token_start(v.text.len()));
            // 合格率 is one token: no boundary inside it
            let inside = "产品合".len();
            assert!(!v.is_token_start(inside));
            assert_eq!(v.token_at(inside).map(|i| v.word(i)), Some("合格率"));
        });
    }
}
