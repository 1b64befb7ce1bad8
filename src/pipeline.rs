//! The pipeline: normalise → segment → tag → link → resolve, built once and shared.

use crate::error::Error;
use crate::lexicon::{self, Additions, EnterpriseDef, Lexicon, PlaceDef, UnitDef};
use crate::link::{self, LinkCtx};
use crate::model::{Document, Entity, EntityKind, MentionKind, Reference};
use crate::normalize::{normalize, BlockKind, Normalized};
use crate::number::Decimal;
use crate::segment::{self, Hmm, Segmenter, Token};
use crate::span::Span;
use crate::tag::{self, Ctx};
use once_cell::sync::Lazy;
use std::collections::HashMap;

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
    additions: Additions,
    tables: Vec<(String, Table)>,
    errors: Vec<Error>,
}

#[derive(Debug, Clone, Copy)]
enum Table {
    Units,
    Enterprises,
    Places,
}

impl PipelineBuilder {
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
            Err(e) => self.errors.push(Error::io(&path.display().to_string(), &e)),
        }
        self
    }

    /// Add a place name (with its short form, `包头市` also finds `包头`).
    pub fn place(mut self, name: &str) -> Self {
        let def = PlaceDef {
            name: name.to_string(),
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
    /// times `factor` (a decimal string, exact) in the canonical `unit`.
    pub fn unit(mut self, surface: &str, kind: MentionKind, unit: &str, factor: &str) -> Self {
        match factor.parse::<Decimal>() {
            Ok(factor) if !surface.is_empty() && kind != MentionKind::Number => {
                self.additions.units.push(UnitDef {
                    surface: surface.to_string(),
                    kind,
                    unit: unit.to_string(),
                    factor,
                })
            }
            _ => self.errors.push(Error::option(format!(
                "unit {surface:?}: factor {factor:?} must be a decimal number and kind not `number`"
            ))),
        }
        self
    }

    /// Add units from text in the format of `src/data/units.tsv`.
    pub fn units_tsv(mut self, text: &str) -> Self {
        self.tables.push((text.to_string(), Table::Units));
        self
    }

    /// Build the pipeline: parses the tables, builds the dictionaries and the segmenter.
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
            }
        }
        let mut lex = Lexicon::build(&additions)?;
        // short enterprise names that are everyday words need list context (大全)
        lex.ambiguous = lex
            .enterprises
            .words()
            .iter()
            .filter(|w| w.chars().count() <= 2 && segment::is_common_word(w))
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
            .chain(lex.roles.words().iter().map(|w| (w.as_str(), "n")))
            .chain(lexicon::data_lines(lexicon::WORDS).map(|(_, w)| (w.trim(), "n")));
        let mut classes = Vec::new();
        for (no, line) in lexicon::data_lines(lexicon::STOPWORDS) {
            match line.split_once('\t') {
                Some((w, c))
                    if matches!(c, "function" | "verb" | "adverb" | "time" | "pronoun") =>
                {
                    classes.push((w, c))
                }
                _ => return Err(Error::data("stopwords.tsv", no, "expected word<TAB>class")),
            }
        }
        let seg = Segmenter::new(words, classes, self.hmm);
        Ok(Pipeline { lex, seg })
    }
}

/// Which layers of the output to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Mentions only.
    Quantities,
    /// Mentions and entities.
    Entities,
    /// Mentions, entities and facts.
    #[default]
    All,
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
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("seg", &self.seg)
            .finish_non_exhaustive()
    }
}

static DEFAULT: Lazy<Result<Pipeline, Error>> = Lazy::new(|| Pipeline::builder().build());

impl Pipeline {
    /// A builder with the default options and data.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The default pipeline, built on first use and shared by the whole process.
    pub fn shared() -> Result<&'static Pipeline, Error> {
        DEFAULT.as_ref().map_err(Clone::clone)
    }

    /// The segmenter, for callers that want jieba's tokens (and for benchmarks).
    pub fn segmenter(&self) -> &Segmenter {
        &self.seg
    }

    /// Extract mentions, entities and facts from `text`, with an empty id.
    pub fn extract(&self, text: &str) -> Result<Document, Error> {
        self.extract_with_id("", text)
    }

    /// Extract mentions, entities and facts from `text`; `id` is copied into the document.
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
    pub fn extract_scoped(&self, id: &str, text: &str, scope: Scope) -> Result<Document, Error> {
        self.run(id, text, scope).map(|a| a.document)
    }

    /// Everything the pipeline knows about a text: the normalised text with its offset map and
    /// blocks, the tokens, and the document. For callers that want to see the intermediate
    /// layers (or debug a rule); `extract` returns only the document.
    ///
    /// ```
    /// let a = tiqu::Pipeline::shared()?.analyze("", "完成投资943亿\n\n元。")?;
    /// assert_eq!(a.normalized.text, "完成投资943亿元。");
    /// let m = &a.document.mentions[0];
    /// assert_eq!(a.normalized.map.to_original(m.norm), tiqu::Span::new(m.start, m.end));
    /// assert!(!a.tokens.is_empty());
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    pub fn analyze(&self, id: &str, text: &str) -> Result<Analysis, Error> {
        self.run(id, text, Scope::All)
    }

    fn run(&self, id: &str, text: &str, scope: Scope) -> Result<Analysis, Error> {
        if text.len() >= u32::MAX as usize {
            return Err(Error::input_too_large(text.len()));
        }
        let norm = normalize(text);
        let t = norm.text.as_str();
        let mut tokens: Vec<Token> = Vec::with_capacity(t.len() / 4);
        let mut mentions = Vec::new();
        let mut entities: Vec<Entity> = Vec::new();
        for block in &norm.blocks {
            let first = tokens.len();
            self.seg.tokens_into(t, block.span, &mut tokens);
            let ctx = Ctx {
                text: t,
                block: block.span,
                lex: &self.lex,
                tokens: &tokens[first..],
                seg: &self.seg,
            };
            let m0 = mentions.len();
            if matches!(block.kind, BlockKind::Body | BlockKind::Heading) {
                tag::quantity::tag(&ctx, &mut mentions);
            }
            if scope != Scope::Quantities {
                tag::entity::tag(&ctx, block.kind, &mentions[m0..], &mut entities);
            }
        }
        for m in &mut mentions {
            let o = norm.map.to_original(m.norm);
            (m.start, m.end, m.text) = (o.start, o.end, text[o.range()].to_string());
        }
        canonical_names(&mut entities);
        for e in &mut entities {
            let o = norm.map.to_original(e.norm);
            (e.start, e.end, e.text) = (o.start, o.end, text[o.range()].to_string());
        }
        let main_subject = main_place(&entities, &norm.blocks);
        let mut facts = Vec::new();
        if scope == Scope::All {
            link::link(
                &LinkCtx {
                    text: t,
                    lex: &self.lex,
                    tokens: &tokens,
                    seg: &self.seg,
                    mentions: &mentions,
                    entities: &entities,
                    main_subject,
                },
                &norm.blocks,
                &mut facts,
            );
        }
        for f in &mut facts {
            let o = norm.map.to_original(Span::new(f.start, f.end));
            (f.start, f.end, f.evidence) = (o.start, o.end, text[o.range()].to_string());
        }
        let references = if scope == Scope::Quantities {
            Vec::new()
        } else {
            references(text, &norm, &entities)
        };
        Ok(Analysis {
            document: Document {
                id: id.to_string(),
                references,
                mentions,
                entities,
                facts,
            },
            normalized: norm,
            tokens,
        })
    }
}

/// The layers of one run of the pipeline (see [`Pipeline::analyze`]).
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The normalised text, its map back to the original, its blocks and sentences.
    pub normalized: Normalized,
    /// jieba's tokens over the normalised text.
    pub tokens: Vec<Token>,
    /// The records.
    pub document: Document,
}

/// The place the article is about: the place named most often in body text (ties: the first).
fn main_place(entities: &[Entity], blocks: &[crate::normalize::Block]) -> Option<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        // the block holding the entity (blocks are in order)
        let b = blocks.partition_point(|b| b.span.end <= e.norm.start);
        let in_body = blocks
            .get(b)
            .is_some_and(|b| b.kind == BlockKind::Body && b.span.contains(e.norm));
        if e.kind == EntityKind::Place && in_body {
            let c = counts.entry(e.name.as_str()).or_insert((0, i));
            c.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first)))
        .map(|(name, _)| name.to_string())
}

/// Give the variants of one organisation one name: `弘元新材料包头有限公司` and
/// `弘元新材料(包头)有限公司` take the fullest form written, `弘元新材料（包头）有限公司`; short names
/// of one lexicon enterprise take its fullest form in the document.
fn canonical_names(entities: &mut [Entity]) {
    fn key(e: &Entity) -> Option<String> {
        match e.kind {
            EntityKind::Enterprise
            | EntityKind::Government
            | EntityKind::Institution
            | EntityKind::Zone
            | EntityKind::Place => Some(match &e.full_name {
                Some(full) => full.clone(),
                None => e
                    .name
                    .chars()
                    .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
                    .collect(),
            }),
            _ => None,
        }
    }
    let mut best: HashMap<String, String> = HashMap::new();
    // each written name's key, for the employers that name an organisation as written
    let mut key_of: HashMap<String, String> = HashMap::new();
    for e in entities.iter() {
        if let Some(k) = key(e) {
            key_of.entry(e.name.clone()).or_insert_with(|| k.clone());
            let b = best.entry(k).or_insert_with(|| e.name.clone());
            let full_width = |s: &str| s.contains('（');
            if e.name.chars().count() > b.chars().count()
                || (e.name.chars().count() == b.chars().count()
                    && full_width(&e.name)
                    && !full_width(b))
            {
                *b = e.name.clone();
            }
        }
    }
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
            .collect()
    };
    // a one-character OCR error (包头稀士高新区): the corrected form, when it holds a name the
    // document writes correctly elsewhere (稀土高新区)
    let known: Vec<String> = best.values().cloned().collect();
    let mut fixed_names: HashMap<String, String> = HashMap::new();
    for e in entities.iter_mut() {
        if let Some(name) = key(e).and_then(|k| best.get(&k)) {
            e.name = name.clone();
        }
        if let Some(fixed) = crate::lexicon::ocr_variant(&e.name) {
            if known
                .iter()
                .any(|k| fixed.contains(k.as_str()) && !e.name.contains(k.as_str()))
            {
                fixed_names.insert(e.name.clone(), fixed.clone());
                e.name = fixed;
            }
        }
    }
    // employers take the canonical name of their organisation
    for e in entities.iter_mut() {
        if let Some(emp) = e.employer.take() {
            let canonical = key_of
                .get(&emp)
                .and_then(|k| best.get(k))
                .or_else(|| best.get(&strip(&emp)))
                .cloned()
                .unwrap_or(emp);
            e.employer = Some(fixed_names.get(&canonical).cloned().unwrap_or(canonical));
        }
    }
}

/// Words that refer back to the enterprise named last.
const BACK_REFERENCES: &[&str] = &["该公司", "该企业", "该集团", "该厂", "该行"];

/// `该公司` and its kin, each pointing at the last enterprise named before it in the body text.
fn references(
    input: &str,
    norm: &crate::normalize::Normalized,
    entities: &[Entity],
) -> Vec<Reference> {
    let t = norm.text.as_str();
    let mut out = Vec::new();
    for block in norm.blocks.iter().filter(|b| b.kind == BlockKind::Body) {
        let body = &t[block.span.range()];
        // every back reference starts with 该: one scan for it
        for (o, _) in body.match_indices('该') {
            let Some(w) = BACK_REFERENCES.iter().find(|w| body[o..].starts_with(**w)) else {
                continue;
            };
            let at = block.span.start + o;
            let before = entities.partition_point(|e| e.norm.start < at);
            let target = entities[..before]
                .iter()
                .rev()
                .find(|e| e.kind == EntityKind::Enterprise);
            if let Some(e) = target {
                let span = norm.map.to_original(Span::new(at, at + w.len()));
                out.push(Reference {
                    text: input[span.range()].to_string(),
                    start: span.start,
                    end: span.end,
                    refers_to: e.name.clone(),
                    kind: e.kind,
                });
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The default pipeline's [`Pipeline::extract`].
pub fn extract(text: &str) -> Result<Document, Error> {
    Pipeline::shared()?.extract(text)
}

#[cfg(test)]
mod tests {
    use super::*;

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
