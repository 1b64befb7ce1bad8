//! The records tiqu produces: mentions, entities and facts, with spans into the original input.
//! These are the output contract; every type serialises with serde to the JSON shape in the README.

use crate::number::Decimal;
use crate::span::Span;
use serde::Serialize;

/// What dimension a quantity mention measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// `87%`, `百分之三点五`: unit `%`.
    Percent,
    /// `4.6个百分点`: unit `pp`.
    PercentagePoint,
    /// `943亿元`: unit an ISO currency code, value in the currency's base unit.
    Money,
    /// A physical quantity or a duration in a canonical unit (`t`, `W`, `Wh`, `V`, `h`, `year` …).
    Quantity,
    /// A count with a classifier (`432个`, `81家`): unit is the classifier.
    Count,
    /// `3倍`, `翻一番`: unit `x`.
    Multiple,
    /// A calendar date or year: `2022年` (unit `year_ad`, value 2022), `2016年10月19日`.
    Date,
    /// A rank: `第一`, `50强` (unit `rank`).
    Ordinal,
    /// A standalone number that belongs to no larger quantity.
    Number,
}

/// How a mention's value relates to the true amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 以上, 余, 多, 超, 突破, 逾: at least / more than.
    Over,
    /// 近, 不足, 不到, 以下: at most / less than.
    Under,
    /// 约, 左右, 上下: approximately.
    Approx,
}

/// The value of a mention: an exact number, or a text value (full dates as `2016-10-19`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// An exact decimal.
    Number(Decimal),
    /// A value that is not a single number.
    Text(String),
}

impl Value {
    /// The numeric value, if any.
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            Value::Text(_) => None,
        }
    }
}

/// A quantity found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// What it measures.
    pub kind: MentionKind,
    /// The original text it was read from, exactly `&input[start..end]`.
    pub text: String,
    /// Byte offset of the first byte in the original input.
    pub start: usize,
    /// Byte offset after the last byte in the original input.
    pub end: usize,
    /// The value in `unit` (the low end of a range); `null` when vague (`数十`).
    pub value: Option<Value>,
    /// Canonical unit (`%`, `pp`, `CNY`, `t`, `W`, `个`, `x`, `year_ad`, `rank` …).
    pub unit: Option<String>,
    /// The unit as written (`亿元`, `万千瓦`, `GW`).
    pub unit_text: Option<String>,
    /// Over / under / approximately.
    pub qualifier: Option<Qualifier>,
    /// True when the unit was not written but follows from the context (`利税4800万`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub implicit_unit: bool,
    /// Low end of a range (`3-5%`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<Decimal>,
    /// High end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<Decimal>,
    /// The name of the rule that found it.
    pub rule: &'static str,
    /// Where the mention lies in the normalised text ([`crate::Analysis::normalized`]).
    #[serde(skip)]
    pub norm: Span,
}

impl Mention {
    /// The span in the original input.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A company, group, branch or plant.
    Enterprise,
    /// A government body or party committee.
    Government,
    /// A research institute, laboratory, university, innovation centre.
    Institution,
    /// A country, province, city, county or district.
    Place,
    /// A person.
    Person,
    /// A project, production line, industrial park.
    Facility,
    /// A development zone or high-tech zone.
    Zone,
    /// A titled document (`《…》`).
    Document,
    /// A named event or congress.
    Event,
}

/// A named thing found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name: the fullest form the document writes; all variants of one entity in the
    /// document share it (`包头` and `包头市` are both `包头市` when the text has both).
    pub name: String,
    /// The original text, exactly `&input[start..end]`.
    pub text: String,
    /// Byte offset in the original input.
    pub start: usize,
    /// Byte offset after the end in the original input.
    pub end: usize,
    /// A person's role (`总经理`), where the text gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A person's employer (canonical name), where the text gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// The full name from the lexicon or gazetteer (an enterprise's legal name, a place's
    /// official name), where it differs from `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The name of the rule that found it.
    pub rule: &'static str,
    /// Where the entity lies in the normalised text (internal coordinates).
    #[serde(skip)]
    pub norm: Span,
}

/// Whether a fact reports what happened, a forecast, or a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened.
    Actual,
    /// 预计: expected.
    Forecast,
    /// 计划, 力争, 目标, 将: planned.
    Target,
}

/// A linked record: subject + indicator + predicate + value (+ period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// Who or what the value is about (a place or an enterprise), canonical name.
    pub subject: Option<String>,
    /// The measured indicator (`工业投资`).
    pub indicator: String,
    /// The verb linking indicator and value (`增长`, `达到`, `占`).
    pub predicate: Option<String>,
    /// The value.
    pub value: Mention,
    /// The start value of a change (`由95.5%跃升至98%`).
    pub from: Option<Mention>,
    /// The period as written (`去年`, `2022年`).
    pub period: Option<String>,
    /// Comparison basis (`同比`, `比上年`).
    pub comparison: Option<String>,
    /// The whole a share or rank refers to (`全国`, `全区`).
    pub of: Option<String>,
    /// Actual, forecast or target.
    pub modality: Modality,
    /// Evidence: the clause the fact was read from (at most 40 characters either side of the
    /// value), original text.
    pub evidence: String,
    /// Byte offset of the evidence in the original input.
    pub start: usize,
    /// Byte offset after the evidence in the original input.
    pub end: usize,
}

/// Everything extracted from one input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The caller's identifier for the text.
    pub id: String,
    /// Quantities, in order of position.
    pub mentions: Vec<Mention>,
    /// Named entities, in order of position.
    pub entities: Vec<Entity>,
    /// Linked facts, in order of position.
    pub facts: Vec<Fact>,
    /// Phrases that refer back to an entity named earlier (`该公司`).
    pub references: Vec<Reference>,
}

/// A phrase that refers back to an entity named earlier: `该公司` after `晶源新材料（内蒙古）有限公司`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The original text, exactly `&input[start..end]`.
    pub text: String,
    /// Byte offset in the original input.
    pub start: usize,
    /// Byte offset after the end in the original input.
    pub end: usize,
    /// The canonical name of the entity referred to.
    pub refers_to: String,
    /// Its kind.
    pub kind: EntityKind,
}
