//! The entity tagger's document pass: the variants of one entity share one name.
//!
//! `弘元新材料包头有限公司` and `弘元新材料(包头)有限公司` take the fullest form written,
//! `弘元新材料（包头）有限公司`; short names of one lexicon enterprise take its fullest form in the
//! document; a name with a one-character OCR error takes the corrected form when the document
//! writes the corrected name elsewhere; employers take the name of their organisation.

use crate::chars::{is_bracket_close, is_bracket_open};
use crate::found::FoundEntity;
use crate::model::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Give every entity of the document its canonical name.
pub(crate) fn unify_names(entities: &mut [FoundEntity]) {
    let names = Names::collect(entities);
    let fixed = names.apply(entities);
    names.canonical_employers(entities, &fixed);
}

/// `s` without brackets: the variants `X（包头）有限公司`, `X(包头)有限公司`, `X包头有限公司` agree.
fn without_brackets(s: &str) -> String {
    s.chars()
        .filter(|&c| !(is_bracket_open(c) || is_bracket_close(c)))
        .collect()
}

/// What identifies one organisation or place across its variants: its lexicon name, else its
/// name without brackets. People, facilities and documents keep their names.
fn key(e: &FoundEntity) -> Option<String> {
    match e.kind {
        EntityKind::Enterprise
        | EntityKind::Government
        | EntityKind::Institution
        | EntityKind::Zone
        | EntityKind::Place => Some(match &e.full_name {
            Some(full) => full.clone(),
            None => without_brackets(&e.name),
        }),
        _ => None,
    }
}

/// Is `a` a better written form than `b`: longer, or as long and with full-width brackets?
fn fuller(a: &str, b: &str) -> bool {
    let (na, nb) = (a.chars().count(), b.chars().count());
    na > nb || (na == nb && a.contains('（') && !b.contains('（'))
}

/// The document's names: the best form of each key, and the key of each written name.
struct Names {
    best: HashMap<String, String>,
    key_of: HashMap<String, String>,
}

impl Names {
    fn collect(entities: &[FoundEntity]) -> Names {
        let mut best: HashMap<String, String> = HashMap::default();
        let mut key_of: HashMap<String, String> = HashMap::default();
        for e in entities {
            if let Some(k) = key(e) {
                if !key_of.contains_key(&e.name) {
                    key_of.insert(e.name.clone(), k.clone());
                }
                match best.get_mut(&k) {
                    Some(b) if fuller(&e.name, b) => e.name.clone_into(b),
                    Some(_) => {}
                    None => {
                        best.insert(k, e.name.clone());
                    }
                }
            }
        }
        Names { best, key_of }
    }

    /// Rename every variant to its best form; a name with an OCR error (包头稀士高新区) takes the
    /// corrected form when that holds a name the document writes correctly (稀土高新区).
    /// Returns the corrections made (written name → corrected name).
    fn apply(&self, entities: &mut [FoundEntity]) -> HashMap<String, String> {
        let known: Vec<&String> = self.best.values().collect();
        let mut fixed: HashMap<String, String> = HashMap::default();
        for e in entities.iter_mut() {
            if let Some(name) = key(e).and_then(|k| self.best.get(&k)) {
                if *name != e.name {
                    name.clone_into(&mut e.name);
                }
            }
            if let Some(corrected) = crate::lexicon::ocr_variant(&e.name) {
                if known
                    .iter()
                    .any(|k| corrected.contains(k.as_str()) && !e.name.contains(k.as_str()))
                {
                    fixed.insert(e.name.clone(), corrected.clone());
                    e.name = corrected;
                }
            }
        }
        fixed
    }

    /// Employers take the canonical name of their organisation.
    fn canonical_employers(&self, entities: &mut [FoundEntity], fixed: &HashMap<String, String>) {
        for e in entities.iter_mut() {
            if let Some(emp) = e.employer.take() {
                let canonical = self
                    .key_of
                    .get(&emp)
                    .and_then(|k| self.best.get(k))
                    .or_else(|| self.best.get(&without_brackets(&emp)))
                    .cloned()
                    .unwrap_or(emp);
                e.employer = Some(fixed.get(&canonical).cloned().unwrap_or(canonical));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rule;
    use crate::span::Span;

    fn ent(kind: EntityKind, name: &str) -> FoundEntity {
        FoundEntity::new(kind, name.to_string(), Span::default(), Rule::OrgSuffix)
    }

    #[test]
    fn variants_share_the_fullest_name() {
        let mut es = vec![
            ent(EntityKind::Enterprise, "弘元新材料包头有限公司"),
            ent(EntityKind::Enterprise, "弘元新材料（包头）有限公司"),
            ent(EntityKind::Enterprise, "弘元新材料(包头)有限公司"),
            ent(EntityKind::Person, "杨昊"),
        ];
        es[3].employer = Some("弘元新材料包头有限公司".into());
        unify_names(&mut es);
        for e in &es[..3] {
            assert_eq!(e.name, "弘元新材料（包头）有限公司");
        }
        assert_eq!(
            es[3].employer.as_deref(),
            Some("弘元新材料（包头）有限公司")
        );
    }

    #[test]
    fn an_ocr_error_takes_the_name_written_elsewhere() {
        let mut es = vec![
            ent(EntityKind::Zone, "稀土高新区"),
            ent(EntityKind::Zone, "包头稀士高新区"),
        ];
        unify_names(&mut es);
        assert_eq!(es[1].name, "包头稀土高新区");
        let mut alone = vec![ent(EntityKind::Zone, "稀士高新区")];
        unify_names(&mut alone);
        assert_eq!(
            alone[0].name, "稀士高新区",
            "no correct form written elsewhere"
        );
    }

    #[test]
    fn fuller_forms() {
        assert!(fuller("包头市", "包头"));
        assert!(fuller("X（包头）", "X(包头)"));
        assert!(!fuller("X(包头)", "X（包头）"));
    }
}
