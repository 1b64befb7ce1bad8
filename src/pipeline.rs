//! The pipeline: normalise → segment → tag → link → resolve, built once and shared.

use crate::calendar::{self, CalendarDate};
use crate::error::Error;
use crate::found::Found;
use crate::lexicon::{
    self, Additions, EnterpriseDef, IndicatorClass, Lexicon, PlaceDef, PredicateClass, UnitDef,
    WordList,
};
use crate::link;
use crate::model::{Document, MentionKind};
use crate::normalize::{normalize, BlockKind, Normalized};
use crate::number::Decimal;
use crate::resolve;
use crate::segment::{self, Hmm, Segmenter, Token};
use crate::span::Span;
use crate::tag;
use crate::view::View;
use std::sync::LazyLock;

/// Builds a [`Pipeline`]: options and lexicon additions, checked when [`build`](Self::build) runs.
///
/// ```
/// use tiqu::Pipeline;
/// let p = Pipeline::builder()
///     .enterprise("晶源新材料（内蒙古）有限公司", &["晶源"])
///     .build()?;
/// let doc = p.extract("晶源利税4800万。")?;
/// assert_eq!(doc.entities[0].name, "晶源");
/// # Ok::<(), tiqu::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    hmm: Hmm,
    date: Option<CalendarDate>,
    additions: Additions,
    tables: Vec<(String, Table)>,
    errors: Vec<Error>,
}

#[derive(Debug, Clone, Copy)]
enum Table {
    Units,
    Enterprises,
    Places,
    Words,
}

impl PipelineBuilder {
    /// The document date of every text this pipeline extracts, unless a call's [`Options`] give
    /// one (for a batch of articles from one day).
    pub fn document_date(mut self, date: CalendarDate) -> Self {
        self.date = Some(date);
        self
    }

    /// Whether jieba's HMM guesses unknown words (default: on).
    pub fn hmm(mut self, hmm: Hmm) -> Self {
        self.hmm = hmm;
        self
    }

    /// Add an enterprise by its full name and the short names the text may use.
    pub fn enterprise(mut self, full_name: &str, aliases: &[&str]) -> Self {
        let def = EnterpriseDef {
            name: full_name.to_string(),
        };
        self.additions
            .enterprises
            .push((full_name.to_string(), def.clone()));
        for a in aliases {
            self.additions
                .enterprises
                .push((a.to_string(), def.clone()));
        }
        self
    }

    /// Add enterprises from text in the format of `src/data/enterprises.tsv`
    /// (`full name<TAB>short|names<TAB>sector`).
    pub fn enterprises_tsv(mut self, text: &str) -> Self {
        self.tables.push((text.to_string(), Table::Enterprises));
        self
    }

    /// Add enterprises from a file in the format of `src/data/enterprises.tsv`.
    pub fn enterprises_file(mut self, path: impl AsRef<std::path::Path>) -> Self {
        let path = path.as_ref();
        match std::fs::read_to_string(path) {
            Ok(text) => self.tables.push((text, Table::Enterprises)),
            Err(e) => self.errors.push(Error::io(&path.display().to_string(), e)),
        }
        self
    }

    /// Add a place name (with its short form, `包头市` also finds `包头`).
    pub fn place(mut self, name: &str) -> Self {
        let def = PlaceDef {
            name: name.to_string(),
            country: false,
        };
        for s in lexicon::place_short_forms(name) {
            self.additions.places.push((s, def.clone()));
        }
        self.additions.places.push((name.to_string(), def));
        self
    }

    /// Add places from text in the format of `src/data/places.tsv` (`name<TAB>level<TAB>parent`).
    pub fn places_tsv(mut self, text: &str) -> Self {
        self.tables.push((text.to_string(), Table::Places));
        self
    }

    /// Add a unit: `surface` after a number makes a mention of `kind` whose value is the number
    /// times `factor` (a decimal string, exact) in the canonical `unit`. Dates, ranks and bare
    /// numbers have rules of their own: a unit of those kinds is an error from `build`.
    pub fn unit(mut self, surface: &str, kind: MentionKind, unit: &str, factor: &str) -> Self {
        let def = factor
            .parse::<Decimal>()
            .map_err(|_| format!("factor {factor:?} is not a decimal number"))
            .and_then(|f| UnitDef::new(surface, kind, unit, f));
        match def {
            Ok(def) => self.additions.units.push(def),
            Err(e) => self
                .errors
                .push(Error::option(format!("unit {surface:?}: {e}"))),
        }
        self
    }

    /// Add units from text in the format of `src/data/units.tsv`.
    pub fn units_tsv(mut self, text: &str) -> Self {
        self.tables.push((text.to_string(), Table::Units));
        self
    }

    /// Add an indicator head word (`产能`) of a class: a money indicator makes a bare amount
    /// after it money in 元 (`利税4800万`).
    pub fn indicator(mut self, word: &str, class: IndicatorClass) -> Self {
        self.additions.indicators.push((word.to_string(), class));
        self
    }

    /// Add a predicate verb (`跃居`) of a class.
    pub fn predicate(mut self, word: &str, class: PredicateClass) -> Self {
        self.additions.predicates.push((word.to_string(), class));
        self
    }

    /// Add a word to one of the word lists the rules consult (a cue, a noise word, a role …).
    ///
    /// ```
    /// use tiqu::{Modality, Pipeline, WordList};
    /// let p = Pipeline::builder().word(WordList::Forecast, "预估").build()?;
    /// let doc = p.extract("全年产值预估增长8%。")?;
    /// assert_eq!(doc.facts[0].modality, Modality::Forecast);
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    pub fn word(mut self, list: WordList, word: &str) -> Self {
        if word.trim().is_empty() {
            self.errors.push(Error::option(format!(
                "an empty word for the list `{list}`"
            )));
        } else {
            self.additions.words.push((word.to_string(), list));
        }
        self
    }

    /// Add words from text with lines `word<TAB>list`, `list` a [`WordList`] name
    /// (`预计<TAB>forecast`); `#` comments and blank lines are skipped.
    pub fn words_tsv(mut self, text: &str) -> Self {
        self.tables.push((text.to_string(), Table::Words));
        self
    }

    /// Build the pipeline: parses the tables, builds the dictionaries and the segmenter.
    ///
    /// # Errors
    ///
    /// The first bad addition: a malformed table line (with its line number), a factor that is
    /// not a decimal, an unknown kind or list name, a file that cannot be read.
    pub fn build(self) -> Result<Pipeline, Error> {
        if let Some(e) = self.errors.into_iter().next() {
            return Err(e);
        }
        let mut additions = self.additions;
        for (text, table) in &self.tables {
            match table {
                Table::Units => additions
                    .units
                    .extend(lexicon::parse_units("user units", text)?),
                Table::Enterprises => additions
                    .enterprises
                    .extend(lexicon::parse_enterprises("user enterprises", text)?),
                Table::Places => additions
                    .places
                    .extend(lexicon::parse_places("user places", text)?),
                Table::Words => {
                    additions
                        .words
                        .extend(lexicon::parse_word_lists("user words", text, None)?)
                }
            }
        }
        let mut lex = Lexicon::build(&additions)?;
        // short enterprise names that are everyday words other than nouns need list context
        // (大全, 联想); the user's own names are taken as given
        let user: std::collections::HashSet<&str> = additions
            .enterprises
            .iter()
            .map(|(w, _)| w.as_str())
            .collect();
        lex.ambiguous = lex
            .enterprises
            .words()
            .iter()
            .filter(|w| w.chars().count() <= 2 && !user.contains(w.as_str()))
            .filter(|w| segment::is_everyday_non_noun(w))
            .cloned()
            .collect();
        let words = lex
            .enterprises
            .words()
            .iter()
            .filter(|w| !lex.ambiguous.contains(*w))
            .map(|w| (w.as_str(), "nt"))
            .chain(lex.places.words().iter().map(|w| (w.as_str(), "ns")))
            .chain(lex.indicators.words().iter().map(|w| (w.as_str(), "n")))
            .chain(lex.list(WordList::Role).words().map(|w| (w, "n")))
            .chain(lex.list(WordList::Term).words().map(|w| (w, "n")));
        let classes = lexicon::stopwords()?;
        let seg = Segmenter::new(words, classes, self.hmm);
        Ok(Pipeline {
            lex,
            seg,
            date: self.date,
        })
    }
}

named_enum! {
    /// Which layers of the output to extract.
    #[derive(Default)]
    pub enum Scope ("scope") {
        /// Mentions only.
        Quantities = "quantities",
        /// Mentions and entities.
        Entities = "entities",
        /// Mentions, entities and facts (the default).
        #[default]
        All = "all",
    }
}

/// A built pipeline: immutable, `Send + Sync`, cheap to share by reference.
///
/// ```
/// let doc = tiqu::extract("去年全市工业投资增长87%，完成投资943亿元。")?;
/// let m = &doc.mentions[0];
/// assert_eq!((m.text.as_str(), m.unit.as_deref()), ("87%", Some("%")));
/// assert_eq!(doc.mentions[1].value, Some(tiqu::Value::Number(tiqu::Decimal::new(94300000000, 0))));
/// assert_eq!(doc.facts[0].indicator, "工业投资");
/// # Ok::<(), tiqu::Error>(())
/// ```
pub struct Pipeline {
    lex: Lexicon,
    seg: Segmenter,
    date: Option<CalendarDate>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("seg", &self.seg)
            .finish_non_exhaustive()
    }
}

static DEFAULT: LazyLock<Result<Pipeline, Error>> = LazyLock::new(|| Pipeline::builder().build());

impl Pipeline {
    /// A builder with the default options and data.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The default pipeline, built on first use and shared by the whole process.
    ///
    /// # Errors
    ///
    /// Only if the embedded tables were broken at compile time (a test guards against it).
    pub fn shared() -> Result<&'static Pipeline, Error> {
        DEFAULT.as_ref().map_err(Clone::clone)
    }

    /// The segmenter, for callers that want the tokens tiqu works on.
    pub fn segmenter(&self) -> &Segmenter {
        &self.seg
    }

    /// The lexicon, for the stages' tests.
    #[cfg(test)]
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extract mentions, entities and facts from `text`, with an empty id.
    ///
    /// # Errors
    ///
    /// An input of 4 GiB or more (offsets are 32-bit inside).
    pub fn extract(&self, text: &str) -> Result<Document, Error> {
        self.extract_with_id("", text)
    }

    /// Extract mentions, entities and facts from `text`; `id` is copied into the document.
    ///
    /// # Errors
    ///
    /// As [`Pipeline::extract`].
    pub fn extract_with_id(&self, id: &str, text: &str) -> Result<Document, Error> {
        self.extract_scoped(id, text, Scope::All)
    }

    /// Extract only the layers `scope` asks for: quantities alone skip entity tagging and
    /// linking, for callers that want numbers fast. Layers left out are empty.
    ///
    /// ```
    /// use tiqu::{Pipeline, Scope};
    /// let doc = Pipeline::shared()?.extract_scoped("", "包钢投资增长87%。", Scope::Quantities)?;
    /// assert_eq!(doc.mentions.len(), 1);
    /// assert!(doc.entities.is_empty() && doc.facts.is_empty());
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Pipeline::extract`].
    pub fn extract_scoped(&self, id: &str, text: &str, scope: Scope) -> Result<Document, Error> {
        self.extract_with(id, text, &Options::default().scope(scope))
    }

    /// Extract with [`Options`]: the layers to extract and the document date, against which
    /// relative dates and periods are resolved (`去年` → `2022`). Without a date in the options
    /// (or the builder's), the date the text states at its top is used, if any.
    ///
    /// ```
    /// use tiqu::{Options, Pipeline};
    /// let options = Options::default().date("2023-08-25".parse()?);
    /// let doc = Pipeline::shared()?.extract_with("", "今年上半年产值增长5%。", &options)?;
    /// assert_eq!(doc.date.as_deref(), Some("2023-08-25"));
    /// assert_eq!(doc.facts[0].period_resolved.as_deref(), Some("2023-H1"));
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Pipeline::extract`].
    pub fn extract_with(&self, id: &str, text: &str, options: &Options) -> Result<Document, Error> {
        let run = self.find(text, options)?;
        Ok(resolve::document(
            id,
            text,
            &run.norm.map,
            run.found,
            run.date,
        ))
    }

    /// Everything the pipeline knows about a text: the normalised text with its offset map and
    /// blocks, the tokens, where each record lies in the normalised text, and the document. For
    /// callers that want to see the intermediate layers (or debug a rule); `extract` returns
    /// only the document.
    ///
    /// ```
    /// let a = tiqu::Pipeline::shared()?.analyze("", "完成投资943亿\n\n元。")?;
    /// assert_eq!(a.normalized.text, "完成投资943亿元。");
    /// let m = &a.document.mentions[0];
    /// assert_eq!(a.normalized.map.to_original(a.mention_spans[0]), m.span());
    /// let words: Vec<&str> = a.tokens().map(|t| t.text).collect();
    /// assert_eq!(words, ["完成", "投资", "943", "亿元", "。"]);
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Pipeline::extract`].
    pub fn analyze(&self, id: &str, text: &str) -> Result<Analysis, Error> {
        let run = self.find(text, &Options::default())?;
        let mention_spans = run.found.mentions.iter().map(|m| m.span).collect();
        let entity_spans = run.found.entities.iter().map(|e| e.span).collect();
        let document = resolve::document(id, text, &run.norm.map, run.found, run.date);
        Ok(Analysis {
            mention_spans,
            entity_spans,
            normalized: run.norm,
            token_spans: run.tokens,
            document,
        })
    }

    /// The stages up to resolve: the normalised text, its tokens and what the stages found in
    /// it, in normalised coordinates, with the document date.
    pub(crate) fn find(&self, text: &str, options: &Options) -> Result<Run, Error> {
        let scope = options.scope;
        if text.len() >= u32::MAX as usize {
            return Err(Error::input_too_large(text.len()));
        }
        let norm = normalize(text);
        let t = norm.text.as_str();
        let mut tokens: Vec<Span> = Vec::with_capacity(t.len() / 4);
        let mut found = Found::default();
        for block in &norm.blocks {
            let first = tokens.len();
            self.seg.spans_into(t, block.span, &mut tokens);
            let mut view = View {
                text: t,
                span: block.span,
                lex: &self.lex,
                seg: &self.seg,
                tokens: &tokens[first..],
                mentions: &[],
                entities: &[],
            };
            let m0 = found.mentions.len();
            if matches!(
                block.kind,
                BlockKind::Body | BlockKind::Heading | BlockKind::Meta
            ) {
                tag::quantity::tag(&view, &mut found.mentions);
            }
            if scope != Scope::Quantities {
                view.mentions = &found.mentions[m0..];
                tag::entity::tag(&view, block.kind, &mut found.entities);
            }
        }
        tag::unify_names(&mut found.entities);
        let date = options
            .date
            .or(self.date)
            .or_else(|| calendar::document_date(&norm, &found.mentions));
        if let Some(anchor) = date {
            calendar::resolve_mentions(&mut found.mentions, anchor);
        }
        let doc = View {
            text: t,
            span: Span::new(0, t.len()),
            lex: &self.lex,
            seg: &self.seg,
            tokens: &tokens,
            mentions: &found.mentions,
            entities: &found.entities,
        };
        let mut facts = Vec::new();
        if scope == Scope::All {
            let lines = link::datelines(&doc, &norm.blocks);
            let main = link::main_subject(&doc, &norm.blocks, &lines);
            link::link(&doc, &norm.blocks, &lines, main.as_deref(), &mut facts);
            if let Some(anchor) = date {
                for f in &mut facts {
                    f.period_resolved = f
                        .period
                        .as_deref()
                        .and_then(|p| calendar::resolve_period(p, anchor));
                }
            }
        }
        if scope != Scope::Quantities {
            found.references = link::references(&doc, &norm.blocks, &found.entities);
        }
        found.facts = facts;
        Ok(Run {
            norm,
            tokens,
            found,
            date,
        })
    }
}

/// One run of the stages over a text (see [`Pipeline::find`]).
pub(crate) struct Run {
    pub norm: Normalized,
    pub tokens: Vec<Span>,
    pub found: Found,
    pub date: Option<CalendarDate>,
}

/// How to extract one text: the layers wanted and the document date.
///
/// ```
/// use tiqu::{Options, Scope};
/// let o = Options::default().scope(Scope::Quantities).date("2023-08-25".parse()?);
/// assert_eq!(o.scope, Scope::Quantities);
/// # Ok::<(), tiqu::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The layers to extract (all by default).
    pub scope: Scope,
    /// The document date; `None` uses the builder's, else the date the text states.
    pub date: Option<CalendarDate>,
}

impl Options {
    /// With the layers to extract.
    pub fn scope(mut self, scope: Scope) -> Options {
        self.scope = scope;
        self
    }

    /// With the document date.
    pub fn date(mut self, date: CalendarDate) -> Options {
        self.date = Some(date);
        self
    }
}

/// The layers of one run of the pipeline (see [`Pipeline::analyze`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Analysis {
    /// The normalised text, its map back to the original, its blocks and sentences.
    pub normalized: Normalized,
    /// Where each of `document.mentions` lies in the normalised text.
    pub mention_spans: Vec<Span>,
    /// Where each of `document.entities` lies in the normalised text.
    pub entity_spans: Vec<Span>,
    /// The records.
    pub document: Document,
    token_spans: Vec<Span>,
}

impl Analysis {
    /// The tokens of the normalised text, with their words.
    pub fn tokens(&self) -> impl Iterator<Item = Token<'_>> + '_ {
        self.token_spans.iter().map(|&span| Token {
            text: &self.normalized.text[span.range()],
            span,
        })
    }
}

/// The default pipeline's [`Pipeline::extract`].
///
/// # Errors
///
/// As [`Pipeline::extract`].
pub fn extract(text: &str) -> Result<Document, Error> {
    Pipeline::shared()?.extract(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }

    #[test]
    fn bad_user_data_is_an_error_not_a_panic() {
        let e = Pipeline::builder()
            .units_tsv("吨\tquantity\tt\n")
            .build()
            .err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("user units line 1: expected 4 tab-separated fields, found 3".into())
        );
        let e = Pipeline::builder()
            .unit("斤", MentionKind::Quantity, "t", "half")
            .build()
            .err();
        assert!(e.is_some());
        let e = Pipeline::builder()
            .enterprises_file("/nonexistent/tiqu.tsv")
            .build()
            .err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("/nonexistent/tiqu.tsv:")));
    }

    #[test]
    fn user_units_extend_the_table() -> Result<(), Error> {
        let p = Pipeline::builder()
            .unit("标箱", MentionKind::Count, "TEU", "1")
            .build()?;
        let doc = p.extract("集装箱吞吐量达到1200万标箱。")?;
        let m = &doc.mentions[0];
        assert_eq!(m.unit.as_deref(), Some("TEU"));
        assert_eq!(
            m.value,
            Some(crate::Value::Number(Decimal::new(12000000, 0)))
        );
        Ok(())
    }

    #[test]
    fn enterprise_variants_share_a_name() -> Result<(), Error> {
        let doc =
            extract("在弘元新材料（包头）有限公司的车间。弘元新材料包头有限公司总经理杨昊说。")?;
        let names: Vec<&str> = doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Enterprise)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, vec!["弘元新材料（包头）有限公司"; 2]);
        Ok(())
    }
}
