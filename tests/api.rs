//! The public API: every rule has a sample it finds, names parse and print alike, records read
//! back from their JSON, the builder's word lists and classes take effect, decimals convert.

use tiqu::{
    Decimal, Document, EntityKind, IndicatorClass, MentionKind, Modality, Pipeline, PredicateClass,
    Qualifier, Rule, Scope, WordList,
};

fn extract(p: &Pipeline, text: &str) -> Document {
    match p.extract(text) {
        Ok(d) => d,
        Err(e) => panic!("{text}: {e}"),
    }
}

fn shared() -> &'static Pipeline {
    match Pipeline::shared() {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn every_rule_finds_its_sample() {
    let p = shared();
    for &rule in Rule::ALL {
        let doc = extract(p, rule.sample());
        let used = doc.mentions.iter().map(|m| m.rule);
        let used: Vec<Rule> = used.chain(doc.entities.iter().map(|e| e.rule)).collect();
        assert!(
            used.contains(&rule),
            "{rule}: its sample {:?} gives {used:?}",
            rule.sample()
        );
    }
}

#[test]
fn names_print_and_parse_alike() {
    fn check<T>(all: &[T])
    where
        T: Copy
            + std::fmt::Display
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug
            + serde::Serialize,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for &x in all {
            let name = x.to_string();
            assert_eq!(name.parse::<T>().ok(), Some(x), "{name}");
            let json = serde_json::to_string(&x).unwrap_or_default();
            assert_eq!(json, format!("\"{name}\""));
        }
    }
    check(MentionKind::ALL);
    check(EntityKind::ALL);
    check(Qualifier::ALL);
    check(Modality::ALL);
    check(Rule::ALL);
    check(WordList::ALL);
    check(IndicatorClass::ALL);
    check(PredicateClass::ALL);
    check(Scope::ALL);
    let err = "percentage"
        .parse::<MentionKind>()
        .err()
        .map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.contains("unknown mention kind \"percentage\"")));
}

#[test]
fn documents_read_back_from_their_json() {
    let doc = extract(
        shared(),
        include_str!("../fixtures/baotou-industry-2023.txt"),
    );
    let json = serde_json::to_string(&doc).unwrap_or_default();
    let back: Document = match serde_json::from_str(&json) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(back, doc);
    // fields written only when set may be absent; unknown rules are errors
    let m = r#"{"kind":"percent","text":"5%","start":0,"end":2,"value":5,"unit":"%","unit_text":"%","qualifier":null,"rule":"percent_sign"}"#;
    assert!(serde_json::from_str::<tiqu::Mention>(m).is_ok());
    let bad = m.replace("percent_sign", "percent_magic");
    assert!(serde_json::from_str::<tiqu::Mention>(&bad).is_err());
}

#[test]
fn the_builder_extends_word_lists_and_classes() -> Result<(), tiqu::Error> {
    let text = "全年产值预估增长8%。";
    assert_eq!(
        extract(shared(), text).facts[0].modality,
        Modality::Actual,
        "预估 is no cue by default"
    );
    let p = Pipeline::builder()
        .word(WordList::Forecast, "预估")
        .build()?;
    assert_eq!(extract(&p, text).facts[0].modality, Modality::Forecast);
    let p = Pipeline::builder()
        .words_tsv("# cues\n预估\tforecast\n")
        .build()?;
    assert_eq!(extract(&p, text).facts[0].modality, Modality::Forecast);
    let e = Pipeline::builder()
        .words_tsv("预估\tforecasts\n")
        .build()
        .err();
    let e = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        e.starts_with("user words line 1: unknown word list \"forecasts\""),
        "{e}"
    );

    let text = "全年吞吐额8000万。";
    let implicit = |p: &Pipeline| extract(p, text).mentions[0].kind;
    assert_eq!(implicit(shared()), MentionKind::Number);
    let p = Pipeline::builder()
        .indicator("吞吐额", IndicatorClass::Money)
        .build()?;
    assert_eq!(implicit(&p), MentionKind::Money);

    let p = Pipeline::builder()
        .predicate("跃居", PredicateClass::Rank)
        .build()?;
    let d = extract(&p, "该市经济总量跃居全省第二。");
    assert_eq!(d.facts[0].predicate.as_deref(), Some("跃居"));
    Ok(())
}

#[test]
fn units_of_kinds_with_rules_of_their_own_are_errors() {
    for kind in [MentionKind::Date, MentionKind::Ordinal, MentionKind::Number] {
        let e = Pipeline::builder().unit("届", kind, "x", "1").build().err();
        assert!(e.is_some(), "{kind}");
    }
}

#[test]
fn decimals_convert_without_strings() {
    let d = Decimal::new(94300000000, 0);
    assert_eq!(i64::try_from(d).ok(), Some(94300000000));
    assert_eq!(u32::try_from(d).ok(), None, "out of range");
    assert_eq!(i64::try_from(Decimal::new(734, 1)).ok(), None, "fractional");
    assert_eq!(Decimal::new(734, 1).to_f64(), 73.4);
    assert_eq!(Decimal::new(-5, 3).to_f64(), -0.005);
    assert_eq!(Decimal::from(7u8), Decimal::from_int(7));
    // beyond the exact fast path: still the correctly rounded value
    let big = Decimal::new(123456789012345678901234567, 20);
    assert_eq!(
        Some(big.to_f64()),
        "1234567.89012345678901234567".parse::<f64>().ok()
    );
    let json = serde_json::to_string(&Decimal::new(734, 1)).unwrap_or_default();
    let back: Decimal = serde_json::from_str(&json).unwrap_or(Decimal::ZERO);
    assert_eq!(back, Decimal::new(734, 1));
}

#[test]
fn analysis_shows_tokens_and_normalised_spans() -> Result<(), tiqu::Error> {
    let a = shared().analyze("", "完成投资943亿\n\n元。")?;
    let words: Vec<&str> = a.tokens().map(|t| t.text).collect();
    assert_eq!(words.concat(), a.normalized.text);
    assert_eq!(a.mention_spans.len(), a.document.mentions.len());
    assert_eq!(a.entity_spans.len(), a.document.entities.len());
    Ok(())
}

/// Regressions found in review: an empty word is an error (it used to make extraction loop
/// forever), 该行 inside 应该行动 refers to nothing, an inverted span read from JSON is clamped,
/// a span that does not slice the text has no sentences.
#[test]
fn review_regressions() {
    let e = Pipeline::builder()
        .words_tsv("\ttrailing_noise\n")
        .build()
        .err();
    assert!(e.is_some_and(|e| e.to_string().contains("empty word")));
    assert!(Pipeline::builder()
        .word(WordList::TrailingNoise, " ")
        .build()
        .is_err());

    let doc = extract(shared(), "包钢集团发布年报。目前应该行动起来，投资增长8%。");
    assert!(doc.references.is_empty(), "{:?}", doc.references);

    let span: tiqu::Span = serde_json::from_str(r#"{"start":5,"end":2}"#).unwrap_or_default();
    assert_eq!(span, tiqu::Span::new(5, 5));

    assert!(tiqu::normalize::sentences("增长", tiqu::Span::new(1, 9)).is_empty());
    assert!(tiqu::normalize::clauses("增长", tiqu::Span::new(0, 99)).is_empty());
}
