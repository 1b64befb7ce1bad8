//! Segmentation with jieba-rs: one dictionary, loaded once and shared, extended with tiqu's own
//! lexicon words so units, indicators and enterprise names are not split.
//!
//! ```
//! let p = tiqu::Pipeline::shared()?;
//! let words: Vec<&str> = p.segmenter().cut("去年全市工业投资增长87%").iter().map(|t| t.text).collect();
//! assert_eq!(words, ["去年", "全市", "工业", "投资", "增长", "87%"]);
//! # Ok::<(), tiqu::Error>(())
//! ```

use crate::span::Span;
use jieba_rs::Jieba;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::LazyLock;

/// jieba's embedded dictionary, parsed once per process (about 100 ms).
static BASE: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Whether jieba's HMM guesses words that are not in its dictionary (names, new terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Hmm {
    /// Guess unknown words with the HMM (slower, finds 杨玉红 and 晶源).
    #[default]
    On,
    /// Dictionary words only.
    Off,
}

/// A token: a word of the text and where it lies. Its part of speech is looked up on demand
/// with [`Segmenter::pos`]: the taggers need it for a few tokens only, and tagging every token
/// would double the cost of segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Token<'a> {
    /// The word.
    pub text: &'a str,
    /// Where it lies in the text that was cut.
    pub span: Span,
}

named_enum! {
    /// Part-of-speech classes tiqu uses from jieba's tags.
    pub enum Pos ("part of speech") {
        /// Nouns (`n`, `nz`, `vn`, `an`, `ng`, `j` abbreviations, `eng`).
        Noun = "noun",
        /// Person names (`nr`, `nrfg`, `nrt`).
        Person = "person",
        /// Place names (`ns`).
        Place = "place",
        /// Organisation names (`nt`).
        Org = "org",
        /// Verbs (`v`, `vd`, `vg`…).
        Verb = "verb",
        /// Numerals and quantifiers (`m`, `mq`, `q`).
        Numeral = "numeral",
        /// Prepositions, conjunctions, particles (`p`, `c`, `u`, `uj`…).
        Function = "function",
        /// Punctuation and anything else (`x`).
        Other = "other",
        /// Time words (`t`, `tg`).
        Time = "time",
        /// Adjectives and adverbs (`a`, `ad`, `d`).
        Modifier = "modifier",
    }
}

impl Pos {
    /// The class of a jieba tag or of a stop-word table class.
    pub(crate) fn from_tag(tag: &str) -> Pos {
        match tag {
            "nr" | "nrfg" | "nrt" => Pos::Person,
            "ns" | "nsf" => Pos::Place,
            "nt" => Pos::Org,
            "t" | "tg" => Pos::Time,
            "m" | "mq" | "q" => Pos::Numeral,
            "p" | "c" | "u" | "uj" | "ul" | "uz" | "ug" | "uv" | "ud" | "y" | "e" | "r" | "rr"
            | "rz" | "function" | "pronoun" => Pos::Function,
            "verb" => Pos::Verb,
            "adverb" => Pos::Modifier,
            "time" => Pos::Time,
            "x" | "w" => Pos::Other,
            t if t.starts_with('v') && t != "vn" => Pos::Verb,
            t if t.starts_with('a') && t != "an" => Pos::Modifier,
            t if t.starts_with('d') => Pos::Modifier,
            _ => Pos::Noun,
        }
    }
}

/// A segmenter: jieba's dictionary plus the words tiqu adds.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
    hmm: Hmm,
    /// Parts of speech of tiqu's lexicon words, which win over jieba's (jieba tags 包头 a verb).
    overrides: FxHashMap<Box<str>, Pos>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").field("hmm", &self.hmm).finish()
    }
}

impl Segmenter {
    /// A segmenter over jieba's default dictionary with `words` added as (word, tag), and the
    /// parts of speech of `classes` (stop words: word, class) for [`Segmenter::pos`].
    pub(crate) fn new<'a>(
        words: impl IntoIterator<Item = (&'a str, &'a str)>,
        classes: impl IntoIterator<Item = (&'a str, &'a str)>,
        hmm: Hmm,
    ) -> Segmenter {
        let mut jieba = BASE.clone();
        let mut overrides = FxHashMap::default();
        for (w, class) in classes {
            overrides.insert(w.into(), Pos::from_tag(class));
        }
        // lexicon words win over stop words
        for (w, tag) in words {
            if !jieba.has_word(w) {
                jieba.add_word(w, None, Some(tag));
            }
            overrides.insert(w.into(), Pos::from_tag(tag));
        }
        Segmenter {
            jieba,
            hmm,
            overrides,
        }
    }

    /// Cut `text` into tokens.
    pub fn cut<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut spans = Vec::new();
        self.spans_into(text, Span::new(0, text.len()), &mut spans);
        spans
            .into_iter()
            .map(|span| Token {
                text: &text[span.range()],
                span,
            })
            .collect()
    }

    /// Segment `text[span]`, appending token spans in the coordinates of `text`.
    pub(crate) fn spans_into(&self, text: &str, span: Span, out: &mut Vec<Span>) {
        let piece = &text[span.range()];
        out.extend(
            self.jieba
                .cut(piece, self.hmm == Hmm::On)
                .into_iter()
                .map(|t| Span::new(span.start + t.byte_start, span.start + t.byte_end)),
        );
    }

    /// The part of speech of a word, as far as the taggers need it: tiqu's lexicon words
    /// (places, enterprises, indicators), then the stop-word table (`src/data/stopwords.tsv`:
    /// function words, verbs, adverbs, time words, pronouns); anything else counts as a noun.
    /// A table lookup, not jieba's tagger, which would double the cost of segmentation.
    pub fn pos(&self, word: &str) -> Pos {
        match self.overrides.get(word) {
            Some(&p) => p,
            None => Pos::Noun,
        }
    }

    /// Is `word` in the dictionary (jieba's and tiqu's words)?
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }
}

/// Is `word` in jieba's own dictionary (an everyday word)?
pub(crate) fn is_common_word(word: &str) -> bool {
    BASE.has_word(word)
}

/// Is `word` a word of jieba's dictionary that is no noun (联想 a verb, 大全 an adverb): a short
/// name spelt like it needs context to be a name. Nouns (华为, 腾讯, 包钢) read as names.
pub(crate) fn is_everyday_non_noun(word: &str) -> bool {
    if !BASE.has_word(word) {
        return false;
    }
    match BASE.tag(word, false).as_slice() {
        [t] if t.word == word => !t.tag.starts_with('n'),
        _ => true,
    }
}
