//! # tiqu (提取)
//!
//! Turns Chinese news and economic-report text — often OCR'd from a newspaper page — into
//! structured, verifiable records: **mentions** (every quantity, normalised to exact values in
//! canonical units), **entities** (enterprises, government bodies, institutions, places, people)
//! and **facts** (subject + indicator + predicate + value + period). Every record carries the byte
//! span of the original text it came from.
//!
//! ```
//! let doc = tiqu::extract("去年全市工业投资增长87%，完成投资943亿\n\n元。")?;
//!
//! let pct = &doc.mentions[0];
//! assert_eq!(pct.text, "87%");
//! assert_eq!(pct.unit.as_deref(), Some("%"));
//!
//! // a mention that crosses a line wrap points at the original text, wrap included
//! let money = &doc.mentions[1];
//! assert_eq!(money.text, "943亿\n\n元");
//! assert_eq!(serde_json::to_string(&money.value)?, "94300000000");
//!
//! let fact = &doc.facts[0];
//! assert_eq!((fact.indicator.as_str(), fact.predicate.as_deref()), ("工业投资", Some("增长")));
//! assert_eq!(fact.period.as_deref(), Some("去年"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The data flow, one module per arrow:
//!
//! ```text
//! &str ─► normalize (text′ + OffsetMap) ─► segment (jieba tokens over text′)
//!      ─► tag (quantities, entities) ─► link (facts, clause by clause)
//!      ─► resolve (spans back to the original) ─► Document (serde)
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

mod calendar;
mod chars;
mod error;
mod found;
mod lexicon;
mod link;
pub mod model;
pub mod normalize;
pub mod number;
mod pipeline;
mod resolve;
pub mod segment;
mod span;
pub mod table;
mod tag;
mod view;

pub use calendar::CalendarDate;
pub use error::Error;
pub use lexicon::{IndicatorClass, PredicateClass, WordList};
pub use model::{
    Document, Entity, EntityKind, Fact, Mention, MentionKind, Modality, Qualifier, Reference, Rule,
    Value,
};
pub use number::{parse_number, Decimal};
pub use pipeline::{extract, Analysis, Options, Pipeline, PipelineBuilder, Scope};
pub use segment::{Hmm, Token};
pub use span::{OffsetMap, Span};
