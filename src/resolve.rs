//! The resolve step: what the stages found, in the coordinates of the normalised text, becomes
//! the public records, each span moved back into the original input (and its text sliced from
//! it, so `&input[start..end] == text` always holds).

use crate::calendar::CalendarDate;
use crate::found::{Found, FoundEntity, FoundFact, FoundMention, FoundReference};
use crate::model::{Document, Entity, Fact, Mention, Reference};
use crate::span::{OffsetMap, Span};

/// The original span and text of a normalised span.
struct Origin<'a> {
    input: &'a str,
    map: &'a OffsetMap,
}

impl Origin<'_> {
    fn place(&self, span: Span) -> (usize, usize, String) {
        let o = self.map.to_original(span);
        (o.start, o.end, self.input[o.range()].to_string())
    }

    fn mention(&self, m: FoundMention) -> Mention {
        let (start, end, text) = self.place(m.span);
        Mention {
            kind: m.kind,
            text,
            start,
            end,
            value: m.value,
            unit: m.unit,
            unit_text: m.unit_text,
            qualifier: m.qualifier,
            implicit_unit: m.implicit_unit,
            low: m.low,
            high: m.high,
            rule: m.rule,
            resolved: m.resolved,
        }
    }

    fn entity(&self, e: FoundEntity) -> Entity {
        let (start, end, text) = self.place(e.span);
        Entity {
            kind: e.kind,
            name: e.name,
            text,
            start,
            end,
            role: e.role,
            employer: e.employer,
            full_name: e.full_name,
            rule: e.rule,
        }
    }

    fn fact(&self, f: FoundFact, mentions: &[Mention]) -> Option<Fact> {
        let (start, end, evidence) = self.place(f.evidence);
        Some(Fact {
            subject: f.subject,
            indicator: f.indicator,
            predicate: f.predicate,
            value: mentions.get(f.value)?.clone(),
            from: f.from.and_then(|i| mentions.get(i)).cloned(),
            period: f.period,
            period_resolved: f.period_resolved,
            comparison: f.comparison,
            of: f.of,
            modality: f.modality,
            evidence,
            start,
            end,
        })
    }

    fn reference(&self, r: &FoundReference, entities: &[Entity]) -> Option<Reference> {
        let target = entities.get(r.entity)?;
        let (start, end, text) = self.place(r.span);
        Some(Reference {
            text,
            start,
            end,
            refers_to: target.name.clone(),
            kind: target.kind,
        })
    }
}

/// The document of `input` from what the stages found in its normalised form (`map` leads back).
pub(crate) fn document(
    id: &str,
    input: &str,
    map: &OffsetMap,
    found: Found,
    date: Option<CalendarDate>,
) -> Document {
    let o = Origin { input, map };
    let mentions: Vec<Mention> = found.mentions.into_iter().map(|m| o.mention(m)).collect();
    let entities: Vec<Entity> = found.entities.into_iter().map(|e| o.entity(e)).collect();
    // a fact's values are indices into the mentions, always in range: filter_map never drops
    let facts = found
        .facts
        .into_iter()
        .filter_map(|f| o.fact(f, &mentions))
        .collect();
    let mut references: Vec<Reference> = found
        .references
        .iter()
        .filter_map(|r| o.reference(r, &entities))
        .collect();
    references.sort_by_key(|r| r.start);
    Document {
        id: id.to_string(),
        date: date.map(|d| d.to_string()),
        mentions,
        entities,
        facts,
        references,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MentionKind, Rule};
    use crate::normalize::normalize;

    #[test]
    fn spans_move_back_into_the_original() {
        let input = "完成投资943亿\n\n元。";
        let norm = normalize(input);
        let at = norm.text.find("943").unwrap_or(0);
        let span = Span::new(at, at + "943亿元".len());
        let found = Found {
            mentions: vec![FoundMention::new(
                MentionKind::Money,
                span,
                None,
                Rule::MoneyUnit,
            )],
            ..Found::default()
        };
        let doc = document("x", input, &norm.map, found, None);
        let m = &doc.mentions[0];
        assert_eq!(m.text, "943亿\n\n元");
        assert_eq!(&input[m.start..m.end], m.text);
    }
}
