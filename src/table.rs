//! Facts as a table: one row per fact, the columns a spreadsheet or a database loads. The
//! command line's `--format tsv|csv` writes these rows.
//!
//! ```
//! let doc = tiqu::extract("去年全市工业投资增长87%。")?;
//! let rows = tiqu::table::fact_rows(&doc);
//! let col = |name| tiqu::table::FACT_COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
//! assert_eq!(rows[0][col("indicator")], "工业投资");
//! assert_eq!(rows[0][col("value")], "87");
//! assert_eq!(rows[0][col("unit")], "%");
//! # Ok::<(), tiqu::Error>(())
//! ```

use crate::model::{Document, Fact, Mention, Value};

/// The columns of a fact row, in order.
pub const FACT_COLUMNS: [&str; 17] = [
    "id",
    "subject",
    "indicator",
    "predicate",
    "value",
    "unit",
    "kind",
    "qualifier",
    "value_text",
    "from_value",
    "period",
    "comparison",
    "of",
    "modality",
    "evidence",
    "start",
    "end",
];

/// A mention's value as a cell: the exact decimal or the text value, empty when vague.
fn value_cell(m: &Mention) -> String {
    match &m.value {
        Some(Value::Number(d)) => d.to_string(),
        Some(Value::Text(t)) => t.clone(),
        None => String::new(),
    }
}

/// One fact as a row of [`FACT_COLUMNS`]; `id` is the document's.
pub fn fact_row(id: &str, f: &Fact) -> [String; 17] {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        id.to_string(),
        opt(&f.subject),
        f.indicator.clone(),
        opt(&f.predicate),
        value_cell(&f.value),
        opt(&f.value.unit),
        f.value.kind.to_string(),
        f.value.qualifier.map(|q| q.to_string()).unwrap_or_default(),
        f.value.text.clone(),
        f.from.as_ref().map(value_cell).unwrap_or_default(),
        opt(&f.period),
        opt(&f.comparison),
        opt(&f.of),
        f.modality.to_string(),
        f.evidence.clone(),
        f.start.to_string(),
        f.end.to_string(),
    ]
}

/// Every fact of the document as a row of [`FACT_COLUMNS`].
pub fn fact_rows(doc: &Document) -> Vec<[String; 17]> {
    doc.facts.iter().map(|f| fact_row(&doc.id, f)).collect()
}
