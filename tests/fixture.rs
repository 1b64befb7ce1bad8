//! The golden fixture end to end: exact offsets, a reviewed snapshot, and scores against the gold.

mod common;

use common::{score_entities, score_facts, score_mentions, FIXTURE, GOLD};
use std::fmt::Write;
use tiqu::{Document, Pipeline};

fn doc() -> Document {
    match Pipeline::shared().and_then(|p| p.extract_with_id("baotou-industry-2023", FIXTURE)) {
        Ok(d) => d,
        Err(e) => panic!("extract failed: {e}"),
    }
}

fn json(doc: &Document) -> serde_json::Value {
    serde_json::to_value(doc).unwrap_or_default()
}

fn gold() -> serde_json::Value {
    serde_json::from_str(GOLD).unwrap_or_default()
}

#[test]
fn every_span_slices_the_original_exactly() {
    let d = doc();
    assert!(!d.mentions.is_empty() && !d.entities.is_empty() && !d.facts.is_empty());
    for m in &d.mentions {
        assert_eq!(FIXTURE.get(m.start..m.end), Some(m.text.as_str()), "{m:?}");
    }
    for e in &d.entities {
        assert_eq!(FIXTURE.get(e.start..e.end), Some(e.text.as_str()), "{e:?}");
    }
    for f in &d.facts {
        assert_eq!(
            FIXTURE.get(f.start..f.end),
            Some(f.evidence.as_str()),
            "{f:?}"
        );
        assert_eq!(
            FIXTURE.get(f.value.start..f.value.end),
            Some(f.value.text.as_str())
        );
    }
}

#[test]
fn a_mention_across_a_line_wrap_keeps_the_wrap() {
    let d = doc();
    let m = d.mentions.iter().find(|m| m.text == "943亿\n\n元");
    assert!(m.is_some(), "943亿⏎⏎元 not found as one mention");
    let m = d
        .mentions
        .iter()
        .find(|m| m.text.starts_with("10 亿 元 以 上"));
    assert_eq!(m.map(|m| m.qualifier), Some(Some(tiqu::Qualifier::Over)));
}

/// One line per record, as a reviewer reads it.
fn render(d: &Document) -> String {
    let mut s = String::new();
    let show = |t: &str| t.replace('\n', "⏎");
    for m in &d.mentions {
        let value = serde_json::to_string(&m.value).unwrap_or_default();
        let range = match (m.low, m.high) {
            (Some(l), Some(h)) => format!(" range {l}..{h}"),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "M {:<16} {}..{} {:?} {} {}{}{}{} rule={}",
            show(&m.text),
            m.start,
            m.end,
            m.kind,
            value,
            m.unit.as_deref().unwrap_or("-"),
            m.qualifier.map(|q| format!(" {q:?}")).unwrap_or_default(),
            if m.implicit_unit { " implicit" } else { "" },
            range,
            m.rule
        );
    }
    for e in &d.entities {
        let _ = writeln!(
            s,
            "E {:?} {} [{}] {}..{}{}{}{} rule={}",
            e.kind,
            e.name,
            show(&e.text),
            e.start,
            e.end,
            e.role
                .as_deref()
                .map(|r| format!(" role={r}"))
                .unwrap_or_default(),
            e.employer
                .as_deref()
                .map(|r| format!(" employer={r}"))
                .unwrap_or_default(),
            e.full_name
                .as_deref()
                .map(|r| format!(" full={r}"))
                .unwrap_or_default(),
            e.rule
        );
    }
    for r in &d.references {
        let _ = writeln!(
            s,
            "R {} {}..{} → {:?} {}",
            r.text, r.start, r.end, r.kind, r.refers_to
        );
    }
    for f in &d.facts {
        let _ = writeln!(
            s,
            "F {} | {} | {} | {}{} | period={} cmp={} of={} {:?}",
            f.subject.as_deref().unwrap_or("-"),
            f.indicator,
            f.predicate.as_deref().unwrap_or("-"),
            f.from
                .as_ref()
                .map(|m| format!("{} → ", show(&m.text)))
                .unwrap_or_default(),
            show(&f.value.text),
            f.period.as_deref().unwrap_or("-"),
            f.comparison.as_deref().unwrap_or("-"),
            f.of.as_deref().unwrap_or("-"),
            f.modality
        );
    }
    s
}

#[test]
fn fixture_snapshot() {
    insta::assert_snapshot!(render(&doc()));
}

#[test]
fn mentions_score_against_gold() {
    let s = score_mentions(&gold(), &json(&doc()));
    println!(
        "mentions {:?}\nmissed {:?}\nfalse {:?}",
        s.all, s.missed, s.false_positives
    );
    assert!(
        s.all.f1 >= 0.97,
        "mentions F1 {:.3} < 0.97: {:?}",
        s.all.f1,
        s.all
    );
    assert!(
        s.qualifier_accuracy >= 0.95,
        "qualifier accuracy {:.3}",
        s.qualifier_accuracy
    );
}

#[test]
fn entities_score_against_gold() {
    let s = score_entities(&gold(), &json(&doc()));
    println!(
        "all {:?}\nenterprise {:?}\ntype accuracy {:.3}\nmissed {:?}\nfalse {:?}",
        s.all, s.enterprise, s.type_accuracy, s.missed, s.false_positives
    );
    assert!(
        s.enterprise.f1 >= 0.95,
        "enterprise F1 {:.3}",
        s.enterprise.f1
    );
    assert!(s.all.f1 >= 0.9, "entity F1 {:.3}", s.all.f1);
    assert!(
        s.type_accuracy >= 0.9,
        "type accuracy {:.3}",
        s.type_accuracy
    );
}

#[test]
fn facts_score_against_gold() {
    let s = score_facts(&gold(), &json(&doc()));
    println!("facts {s:?}");
    assert!(s.f1 >= 0.9, "facts F1 {:.3}: {s:?}", s.f1);
}

#[test]
fn the_scorer_can_fail() {
    // an empty prediction scores zero everywhere: the floors above are not vacuous
    let empty = serde_json::json!({"mentions": [], "entities": [], "facts": []});
    assert_eq!(score_mentions(&gold(), &empty).all.f1, 0.0);
    assert_eq!(score_entities(&gold(), &empty).enterprise.f1, 0.0);
    assert_eq!(score_facts(&gold(), &empty).f1, 0.0);
}
