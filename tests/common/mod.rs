//! Scoring against a gold annotation, with the matching rules of the team's `score.py`:
//! mentions match one-to-one on (kind, dimension, value in the dimension's base unit);
//! entities on their NFKC-folded name against gold names and aliases; facts on their value and
//! an indicator whose character-bigram Dice score (or containment) reaches 0.5. Gold items marked
//! `borderline` are neutral.

#![allow(dead_code)]

pub mod cases;

use serde_json::Value as Json;
use std::collections::{HashMap, HashSet};

pub const FIXTURE: &str = include_str!("../../fixtures/baotou-industry-2023.txt");
pub const GOLD: &str = include_str!("../../fixtures/baotou-industry-2023.gold.json");

#[derive(Debug, Clone, Copy)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub hit: usize,
    pub pred: usize,
    pub gold: usize,
}

fn prf(hit: usize, pred: usize, gold: usize) -> Prf {
    let p = if pred > 0 {
        hit as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        hit as f64 / gold as f64
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        p,
        r,
        f1,
        hit,
        pred,
        gold,
    }
}

fn neutral(x: &Json) -> bool {
    x.get("borderline").and_then(Json::as_bool).unwrap_or(false)
        || x.get("optional").and_then(Json::as_bool).unwrap_or(false)
}

/// Fold full-width forms and drop white space (the part of NFKC that matters for names).
pub fn norm_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
enum Key {
    Num(String, f64),
    Text(String, String),
}

fn unit_base(u: &str) -> Option<(&'static str, f64)> {
    Some(match u {
        "%" => ("percent", 1.0),
        "pp" => ("pp", 1.0),
        "x" => ("multiple", 1.0),
        "t" => ("mass", 1.0),
        "kg" => ("mass", 1e-3),
        "g" => ("mass", 1e-6),
        "W" => ("power", 1.0),
        "kW" => ("power", 1e3),
        "V" => ("voltage", 1.0),
        "Wh" => ("energy", 1.0),
        "kWh" => ("energy", 1e3),
        "m" => ("length", 1.0),
        "km" => ("length", 1e3),
        "m2" => ("area", 1.0),
        "m3" => ("volume", 1.0),
        "h" => ("h", 1.0),
        "d" => ("d", 1.0),
        "month" => ("month", 1.0),
        "year" => ("year", 1.0),
        "year_ad" => ("year_ad", 1.0),
        "rank" => ("rank", 1.0),
        _ => return None,
    })
}

fn key(kind: &str, value: &Json, unit: &str) -> Option<Key> {
    if value.is_null() {
        return None;
    }
    if kind == "date" {
        let s = match value {
            Json::String(s) => s.clone(),
            Json::Number(n) => n.to_string(),
            _ => return None,
        };
        let s: String = s.chars().take(10).collect::<String>().replace(".0", "");
        return Some(Key::Text("date".into(), s));
    }
    let v = match value {
        Json::Number(n) => n.as_f64()?,
        Json::String(s) => s.parse().ok()?,
        _ => return None,
    };
    Some(match kind {
        "ordinal" => Key::Num("ordinal:rank".into(), v),
        "money" => Key::Num(
            format!(
                "money:{}",
                if unit.is_empty() {
                    "CNY".to_string()
                } else {
                    unit.to_uppercase()
                }
            ),
            v,
        ),
        "count" => Key::Num("count".into(), v),
        _ => match unit_base(unit) {
            Some((dim, f)) => Key::Num(format!("{kind}:{dim}"), v * f),
            None => Key::Num(format!("{kind}:{unit}"), v),
        },
    })
}

fn mention_key(m: &Json) -> Option<Key> {
    let kind = m.get("kind").and_then(Json::as_str).unwrap_or("");
    let unit = m.get("unit").and_then(Json::as_str).unwrap_or("");
    key(kind, m.get("value").unwrap_or(&Json::Null), unit)
}

fn close(a: &Key, b: &Key) -> bool {
    match (a, b) {
        (Key::Num(ka, va), Key::Num(kb, vb)) => {
            ka == kb && (va - vb).abs() <= 1e-6 * 1f64.max(va.abs()).max(vb.abs())
        }
        (Key::Text(ka, va), Key::Text(kb, vb)) => ka == kb && va == vb,
        _ => false,
    }
}

fn match_multiset(gold: &[&Json], pred: &[Json]) -> Vec<(usize, usize)> {
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let Some(kg) = mention_key(g) else { continue };
        for (pi, p) in pred.iter().enumerate() {
            if used.contains(&pi) {
                continue;
            }
            if mention_key(p).is_some_and(|kp| close(&kp, &kg)) {
                used.insert(pi);
                pairs.push((gi, pi));
                break;
            }
        }
    }
    pairs
}

/// A range mention scores as its two ends.
fn expand_ranges(ms: &[Json]) -> Vec<Json> {
    let mut out = Vec::new();
    for m in ms {
        match (
            m.get("low").and_then(Json::as_f64),
            m.get("high").and_then(Json::as_f64),
        ) {
            (Some(lo), Some(hi)) => {
                let mut a = m.clone();
                a["value"] = serde_json::json!(lo);
                let mut b = m.clone();
                b["value"] = serde_json::json!(hi);
                out.push(a);
                out.push(b);
            }
            _ => out.push(m.clone()),
        }
    }
    out
}

pub struct MentionScore {
    pub all: Prf,
    pub qualifier_accuracy: f64,
    pub missed: Vec<String>,
    pub false_positives: Vec<String>,
}

pub fn score_mentions(gold: &Json, pred: &Json) -> MentionScore {
    let gm: Vec<&Json> = gold["mentions"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let req: Vec<&Json> = gm.iter().copied().filter(|m| !neutral(m)).collect();
    let neu: Vec<&Json> = gm.iter().copied().filter(|m| neutral(m)).collect();
    let pm: Vec<Json> = expand_ranges(
        pred["mentions"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]),
    )
    .into_iter()
    .filter(|m| m["kind"] != "number")
    .collect();
    let pairs = match_multiset(&req, &pm);
    let hit: HashSet<usize> = pairs.iter().map(|&(_, p)| p).collect();
    let rest: Vec<Json> = pm
        .iter()
        .enumerate()
        .filter(|(i, _)| !hit.contains(i))
        .map(|(_, m)| m.clone())
        .collect();
    let neutral_hits = match_multiset(&neu, &rest);
    let npred = pm.len() - neutral_hits.len();
    let q_ok = pairs
        .iter()
        .filter(|&&(g, p)| {
            let gq = req[g].get("qualifier").filter(|q| !q.is_null());
            let pq = pm[p].get("qualifier").filter(|q| !q.is_null());
            gq == pq
        })
        .count();
    let matched_g: HashSet<usize> = pairs.iter().map(|&(g, _)| g).collect();
    let neutral_p: HashSet<usize> = neutral_hits.iter().map(|&(_, p)| p).collect();
    MentionScore {
        all: prf(pairs.len(), npred, req.len()),
        qualifier_accuracy: if pairs.is_empty() {
            0.0
        } else {
            q_ok as f64 / pairs.len() as f64
        },
        missed: (0..req.len())
            .filter(|i| !matched_g.contains(i))
            .map(|i| req[i]["surface"].as_str().unwrap_or("").to_string())
            .collect(),
        false_positives: rest
            .iter()
            .enumerate()
            .filter(|(i, _)| !neutral_p.contains(i))
            .map(|(_, m)| m["text"].as_str().unwrap_or("").to_string())
            .collect(),
    }
}

pub struct EntityScore {
    pub all: Prf,
    pub enterprise: Prf,
    pub type_accuracy: f64,
    pub missed: Vec<String>,
    pub false_positives: Vec<String>,
}

pub fn score_entities(gold: &Json, pred: &Json) -> EntityScore {
    let ge: Vec<&Json> = gold["entities"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, e) in ge.iter().enumerate() {
        let mut all = vec![e["name"].as_str().unwrap_or("").to_string()];
        if let Some(a) = e["aliases"].as_array() {
            all.extend(a.iter().filter_map(Json::as_str).map(str::to_string));
        }
        for n in all {
            names.insert(norm_text(&n), i);
        }
    }
    // predicted entities, one per distinct name (first wins)
    let mut pe: Vec<(String, String)> = Vec::new();
    let mut seen = HashSet::new();
    for e in pred["entities"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let n = norm_text(
            e["name"]
                .as_str()
                .or_else(|| e["text"].as_str())
                .unwrap_or(""),
        );
        if !n.is_empty() && seen.insert(n.clone()) {
            pe.push((n, e["kind"].as_str().unwrap_or("").to_string()));
        }
    }
    let gtype = |i: usize| ge[i]["type"].as_str().unwrap_or("");
    let scope = |enterprise_only: bool| {
        let req: HashSet<usize> = (0..ge.len())
            .filter(|&i| !neutral(ge[i]) && (!enterprise_only || gtype(i) == "enterprise"))
            .collect();
        let mut found = HashSet::new();
        let mut npred = 0;
        for (n, kind) in &pe {
            if enterprise_only && kind != "enterprise" {
                continue;
            }
            match names.get(n) {
                None => npred += 1,
                Some(&g) => {
                    if neutral(ge[g]) || found.contains(&g) {
                        continue;
                    }
                    npred += 1;
                    if !enterprise_only || gtype(g) == "enterprise" {
                        found.insert(g);
                    }
                }
            }
        }
        prf(found.intersection(&req).count(), npred, req.len())
    };
    let matched: Vec<&(String, String)> =
        pe.iter().filter(|(n, _)| names.contains_key(n)).collect();
    let typed = matched
        .iter()
        .filter(|(n, k)| names.get(n).is_some_and(|&g| gtype(g) == k))
        .count();
    let found_names: HashSet<usize> = matched
        .iter()
        .filter_map(|(n, _)| names.get(n).copied())
        .collect();
    EntityScore {
        all: scope(false),
        enterprise: scope(true),
        type_accuracy: if matched.is_empty() {
            0.0
        } else {
            typed as f64 / matched.len() as f64
        },
        missed: (0..ge.len())
            .filter(|&i| !neutral(ge[i]) && !found_names.contains(&i))
            .map(|i| ge[i]["name"].as_str().unwrap_or("").to_string())
            .collect(),
        false_positives: pe
            .iter()
            .filter(|(n, _)| !names.contains_key(n))
            .map(|(n, _)| n.clone())
            .collect(),
    }
}

fn bigrams(s: &str) -> HashSet<String> {
    let c: Vec<char> = s.chars().collect();
    if c.len() < 2 {
        return std::iter::once(s.to_string()).collect();
    }
    c.windows(2).map(|w| w.iter().collect()).collect()
}

pub fn dice(a: &str, b: &str) -> f64 {
    let (a, b) = (norm_text(a), norm_text(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a.contains(&b) || b.contains(&a) {
        return 1.0;
    }
    let (x, y) = (bigrams(&a), bigrams(&b));
    2.0 * x.intersection(&y).count() as f64 / (x.len() + y.len()) as f64
}

pub fn score_facts(gold: &Json, pred: &Json) -> Prf {
    let gm: Vec<&Json> = gold["mentions"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let by_id: HashMap<&str, &Json> = gm
        .iter()
        .filter_map(|m| Some((m["id"].as_str()?, *m)))
        .collect();
    let mut by_surface: HashMap<&str, &Json> = HashMap::new();
    for m in &gm {
        if let Some(s) = m["surface"].as_str() {
            by_surface.entry(s).or_insert(m);
        }
    }
    let req: Vec<&Json> = gold["facts"]
        .as_array()
        .map(|a| a.iter().filter(|f| !neutral(f)).collect())
        .unwrap_or_default();
    let pf: &[Json] = pred["facts"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut used = HashSet::new();
    let mut hit = 0;
    for f in &req {
        let r = f
            .get("to")
            .and_then(Json::as_str)
            .or_else(|| f.get("mention").and_then(Json::as_str));
        let Some(gmention) = r.and_then(|r| by_id.get(r).or_else(|| by_surface.get(r))) else {
            continue;
        };
        let Some(gk) = mention_key(gmention) else {
            continue;
        };
        let mut inds = vec![f["indicator"].as_str().unwrap_or("").to_string()];
        if let Some(a) = f["indicator_aliases"].as_array() {
            inds.extend(a.iter().filter_map(Json::as_str).map(str::to_string));
        }
        for (pi, p) in pf.iter().enumerate() {
            if used.contains(&pi) {
                continue;
            }
            let Some(pk) = mention_key(&p["value"]) else {
                continue;
            };
            if !close(&pk, &gk) {
                continue;
            }
            let pind = p["indicator"].as_str().unwrap_or("");
            if inds.iter().map(|i| dice(pind, i)).fold(0.0, f64::max) >= 0.5 {
                used.insert(pi);
                hit += 1;
                break;
            }
        }
    }
    prf(hit, pf.len(), req.len())
}
