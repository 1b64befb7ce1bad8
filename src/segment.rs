//! Segmentation with jieba-rs: one dictionary, loaded once and shared, extended with tiqu's own
//! lexicon words so units, indicators and enterprise names are not split.

use crate::span::Span;
use jieba_rs::Jieba;
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// jieba's embedded dictionary, parsed once per process (about 100 ms).
static BASE: Lazy<Jieba> = Lazy::new(Jieba::new);

/// Whether jieba's HMM guesses words that are not in its dictionary (names, new terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hmm {
    /// Guess unknown words with the HMM (slower, finds 杨玉红 and 晶源).
    #[default]
    On,
    /// Dictionary words only.
    Off,
}

/// A token of the normalised text. Its part of speech is looked up on demand with
/// [`Segmenter::pos`]: the taggers need it for a few tokens only, and tagging every token would
/// double the cost of segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Where it lies in the normalised text.
    pub span: Span,
}

/// Part-of-speech classes tiqu uses from jieba's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pos {
    /// Nouns (`n`, `nz`, `vn`, `an`, `ng`, `j` abbreviations, `eng`).
    Noun,
    /// Person names (`nr`, `nrfg`, `nrt`).
    Person,
    /// Place names (`ns`).
    Place,
    /// Organisation names (`nt`).
    Org,
    /// Verbs (`v`, `vd`, `vg`…).
    Verb,
    /// Numerals and quantifiers (`m`, `mq`, `q`).
    Numeral,
    /// Prepositions, conjunctions, particles (`p`, `c`, `u`, `uj`…).
    Function,
    /// Punctuation and anything else (`x`).
    Other,
    /// Time words (`t`, `tg`).
    Time,
    /// Adjectives and adverbs (`a`, `ad`, `d`).
    Modifier,
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
    /// A segmenter over jieba's default dictionary with `words` added as (word, tag).
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

    /// Segment `text[span]`, appending tokens with spans in the coordinates of `text`.
    pub fn tokens_into(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let piece = &text[span.range()];
        out.extend(
            self.jieba
                .cut(piece, self.hmm == Hmm::On)
                .into_iter()
                .map(|t| Token {
                    span: Span::new(span.start + t.byte_start, span.start + t.byte_end),
                }),
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

    /// The jieba instance, for benchmarks and callers that want raw `cut`.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }
}

/// Is `word` in jieba's own dictionary (an everyday word)?
pub(crate) fn is_common_word(word: &str) -> bool {
    BASE.has_word(word)
}
