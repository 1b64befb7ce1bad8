//! What the stages find, in the coordinates of the normalised text: the taggers' mentions and
//! entities, the linker's facts and references. The resolve step ([`crate::resolve`]) turns them
//! into the public records of [`crate::model`], with spans into the original input.

use crate::model::{EntityKind, MentionKind, Modality, Qualifier, Rule, Value};
use crate::number::Decimal;
use crate::span::Span;

/// A quantity as the quantity tagger finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundMention {
    /// Where it lies in the normalised text.
    pub span: Span,
    pub kind: MentionKind,
    pub value: Option<Value>,
    pub unit: Option<String>,
    pub unit_text: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// The unit was read from context (`利税4800万`).
    pub implicit_unit: bool,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub rule: Rule,
    /// The value resolved against the document date (`XXXX-08-25` → `2023-08-25`).
    pub resolved: Option<String>,
}

impl FoundMention {
    /// A mention with no unit, qualifier or range yet.
    pub(crate) fn new(kind: MentionKind, span: Span, value: Option<Value>, rule: Rule) -> Self {
        FoundMention {
            span,
            kind,
            value,
            unit: None,
            unit_text: None,
            qualifier: None,
            implicit_unit: false,
            low: None,
            high: None,
            rule,
            resolved: None,
        }
    }

    /// With a qualifier (or none).
    pub(crate) fn qualified(mut self, q: Option<Qualifier>) -> Self {
        self.qualifier = q;
        self
    }
}

/// An entity as the entity tagger finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundEntity {
    /// Where it lies in the normalised text.
    pub span: Span,
    pub kind: EntityKind,
    /// The canonical name (set for the whole document by the entity tagger's last pass).
    pub name: String,
    pub role: Option<String>,
    pub employer: Option<String>,
    pub full_name: Option<String>,
    pub rule: Rule,
}

impl FoundEntity {
    /// Is it an enterprise whose figures an article may report: one of the lexicon or found by
    /// its form, not an exchange or a medium named as a source (`bodies.tsv`)?
    pub(crate) fn is_reporting_enterprise(&self) -> bool {
        self.kind == EntityKind::Enterprise && self.rule != Rule::BodyLexicon
    }

    pub(crate) fn new(kind: EntityKind, name: String, span: Span, rule: Rule) -> FoundEntity {
        FoundEntity {
            span,
            kind,
            name,
            role: None,
            employer: None,
            full_name: None,
            rule,
        }
    }
}

/// A fact as the linker finds it: its values are indices into the document's mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundFact {
    pub subject: Option<String>,
    pub indicator: String,
    pub predicate: Option<String>,
    /// Index of the value in the document's mentions.
    pub value: usize,
    /// Index of the start value of a change.
    pub from: Option<usize>,
    pub period: Option<String>,
    /// The period resolved against the document date (`去年` → `2022`).
    pub period_resolved: Option<String>,
    pub comparison: Option<String>,
    pub of: Option<String>,
    pub modality: Modality,
    /// The evidence, in the normalised text.
    pub evidence: Span,
}

/// A phrase that refers back to an entity (`该公司`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundReference {
    pub span: Span,
    /// Index of the entity referred to.
    pub entity: usize,
}

/// Things with a place in the normalised text, kept sorted by it.
pub(crate) trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for FoundMention {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for FoundEntity {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Span {
    fn span(&self) -> Span {
        *self
    }
}

/// The items of `items` (sorted by start, none overlapping another, so their ends are sorted
/// too) that overlap `span`.
pub(crate) fn overlapping<T: Spanned>(items: &[T], span: Span) -> impl Iterator<Item = &T> {
    let lo = items.partition_point(|x| x.span().end <= span.start);
    items[lo..]
        .iter()
        .take_while(move |x| x.span().start < span.end)
}

/// The items of `items` (sorted by start) that lie inside `span`.
pub(crate) fn within<T: Spanned>(items: &[T], span: Span) -> impl Iterator<Item = &T> {
    let lo = items.partition_point(|x| x.span().start < span.start);
    let hi = items.partition_point(|x| x.span().start < span.end);
    items[lo..hi.max(lo)]
        .iter()
        .filter(move |x| x.span().end <= span.end)
}

/// Indices of the items of `items` (sorted by start) that lie inside `span`.
pub(crate) fn within_indices<T: Spanned>(
    items: &[T],
    span: Span,
) -> impl Iterator<Item = usize> + '_ {
    let lo = items.partition_point(|x| x.span().start < span.start);
    let hi = items.partition_point(|x| x.span().start < span.end);
    (lo..hi.max(lo)).filter(move |&i| items[i].span().end <= span.end)
}

/// Everything the stages found in one text, in normalised coordinates.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    pub mentions: Vec<FoundMention>,
    pub entities: Vec<FoundEntity>,
    pub facts: Vec<FoundFact>,
    pub references: Vec<FoundReference>,
}
