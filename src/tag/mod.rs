//! Taggers: find quantities and entities in the blocks of the normalised text.

pub(crate) mod entity;
pub(crate) mod quantity;

use crate::lexicon::Lexicon;
use crate::segment::{Pos, Segmenter, Token};
use crate::span::Span;

/// What a tagger sees of one block: the normalised text, the block's span, the lexicon and the
/// block's tokens (sorted by position).
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub block: Span,
    pub lex: &'a Lexicon,
    pub tokens: &'a [Token],
    pub seg: &'a Segmenter,
}

impl Ctx<'_> {
    /// Part of speech of token `i`.
    pub(crate) fn pos(&self, i: usize) -> Pos {
        self.seg.pos(&self.text[self.tokens[i].span.range()])
    }

    /// Index of the token that contains byte `at`, if any.
    pub(crate) fn token_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= at);
        (i < self.tokens.len() && self.tokens[i].span.start <= at).then_some(i)
    }

    /// Does a token start exactly at `at`? (The block's start and end count as boundaries.)
    pub(crate) fn is_token_start(&self, at: usize) -> bool {
        if at <= self.block.start || at >= self.block.end {
            return true;
        }
        match self.token_at(at) {
            Some(i) => self.tokens[i].span.start == at,
            None => true,
        }
    }
}
