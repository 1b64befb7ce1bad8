//! Lexicon data: unit tables, qualifiers, indicator and predicate words, organisation suffixes,
//! roles, places and enterprises. The default tables live in `src/data/`, are embedded at compile
//! time, and can be extended through [`crate::PipelineBuilder`].

use crate::error::Error;
use crate::model::{EntityKind, MentionKind, Qualifier};
use crate::number::Decimal;
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use std::collections::HashMap;

pub(crate) const UNITS: &str = include_str!("data/units.tsv");
pub(crate) const QUALIFIERS: &str = include_str!("data/qualifiers.tsv");
pub(crate) const INDICATORS: &str = include_str!("data/indicators.tsv");
pub(crate) const PREDICATES: &str = include_str!("data/predicates.tsv");
pub(crate) const PERIODS: &str = include_str!("data/periods.txt");
pub(crate) const ROLES: &str = include_str!("data/roles.txt");
pub(crate) const ORG_SUFFIXES: &str = include_str!("data/org_suffixes.tsv");
pub(crate) const PLACES: &str = include_str!("data/places.tsv");
pub(crate) const ENTERPRISES: &str = include_str!("data/enterprises.tsv");
pub(crate) const SURNAMES: &str = include_str!("data/surnames.txt");
pub(crate) const STOPWORDS: &str = include_str!("data/stopwords.tsv");
pub(crate) const SET_PHRASES: &str = include_str!("data/set_phrases.txt");
pub(crate) const WORDS: &str = include_str!("data/words.txt");

/// Characters OCR confuses with a more common one in names: 稀士 is 稀土.
const OCR_CONFUSIONS: &[(char, char)] = &[
    ('士', '土'),
    ('己', '已'),
    ('末', '未'),
    ('曰', '日'),
    ('夭', '天'),
    ('犬', '大'),
    ('釆', '采'),
    ('戍', '戌'),
];

/// `word` with its OCR-confusable characters replaced, if it has any (`包头稀士` → `包头稀土`).
pub(crate) fn ocr_variant(word: &str) -> Option<String> {
    if !word
        .chars()
        .any(|c| OCR_CONFUSIONS.iter().any(|&(a, _)| a == c))
    {
        return None;
    }
    Some(
        word.chars()
            .map(|c| {
                OCR_CONFUSIONS
                    .iter()
                    .find(|&&(a, _)| a == c)
                    .map_or(c, |&(_, b)| b)
            })
            .collect(),
    )
}

/// Data lines of a table: comments (`#`) and blank lines skipped, with 1-based line numbers.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Split a data line into exactly `n` tab-separated fields.
fn fields<'a>(table: &str, line_no: usize, line: &'a str, n: usize) -> Result<Vec<&'a str>, Error> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != n {
        return Err(Error::data(
            table,
            line_no,
            format!("expected {n} tab-separated fields, found {}", f.len()),
        ));
    }
    Ok(f)
}

/// A unit or classifier that may follow a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDef {
    /// The unit as written after the number (`千瓦`).
    pub surface: String,
    /// The mention kind it makes.
    pub kind: MentionKind,
    /// Canonical unit (`W`).
    pub unit: String,
    /// Multiplier from the written unit to the canonical one (`1000`).
    pub factor: Decimal,
}

impl UnitDef {
    /// Parse a kind name of the unit table.
    pub(crate) fn parse_kind(s: &str) -> Option<MentionKind> {
        Some(match s {
            "percent" => MentionKind::Percent,
            "percentage_point" => MentionKind::PercentagePoint,
            "money" => MentionKind::Money,
            "quantity" => MentionKind::Quantity,
            "count" => MentionKind::Count,
            "multiple" => MentionKind::Multiple,
            "date" => MentionKind::Date,
            "ordinal" => MentionKind::Ordinal,
            _ => return None,
        })
    }
}

/// Parse unit-table text (`surface<TAB>kind<TAB>unit<TAB>factor`).
pub(crate) fn parse_units(table: &str, text: &str) -> Result<Vec<UnitDef>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 4)?;
        let kind = UnitDef::parse_kind(f[1])
            .ok_or_else(|| Error::data(table, no, format!("unknown kind {:?}", f[1])))?;
        let factor: Decimal = f[3]
            .parse()
            .map_err(|_| Error::data(table, no, format!("bad factor {:?}", f[3])))?;
        out.push(UnitDef {
            surface: f[0].to_string(),
            kind,
            unit: f[2].to_string(),
            factor,
        });
    }
    Ok(out)
}

/// Where a qualifier word stands relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QualPos {
    Before,
    Between,
    After,
}

#[derive(Debug, Clone)]
pub(crate) struct QualDef {
    pub word: String,
    pub pos: QualPos,
    pub qualifier: Qualifier,
    pub in_span: bool,
}

pub(crate) fn parse_qualifiers(text: &str) -> Result<Vec<QualDef>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields("qualifiers.tsv", no, line, 4)?;
        let pos = match f[1] {
            "before" => QualPos::Before,
            "between" => QualPos::Between,
            "after" => QualPos::After,
            x => {
                return Err(Error::data(
                    "qualifiers.tsv",
                    no,
                    format!("bad position {x:?}"),
                ))
            }
        };
        let qualifier = match f[2] {
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "approx" => Qualifier::Approx,
            x => {
                return Err(Error::data(
                    "qualifiers.tsv",
                    no,
                    format!("bad qualifier {x:?}"),
                ))
            }
        };
        out.push(QualDef {
            word: f[0].to_string(),
            pos,
            qualifier,
            in_span: f[3] == "yes",
        });
    }
    // longest first, so 超过 is tried before 超
    out.sort_by_key(|q| std::cmp::Reverse(q.word.len()));
    Ok(out)
}

/// A dictionary of words with a payload, matched longest-first at a given position.
#[derive(Debug, Clone)]
pub(crate) struct Dict<T> {
    words: Vec<String>,
    values: Vec<T>,
    anchored: AhoCorasick,
}

impl<T: Clone> Dict<T> {
    pub(crate) fn new(entries: Vec<(String, T)>) -> Result<Dict<T>, Error> {
        // later entries override earlier ones with the same word (user additions win)
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut words = Vec::new();
        let mut values = Vec::new();
        for (w, v) in entries {
            if w.is_empty() {
                continue;
            }
            if let Some(&i) = index.get(&w) {
                values[i] = v;
            } else {
                index.insert(w.clone(), words.len());
                words.push(w);
                values.push(v);
            }
        }
        // small tables get a DFA (fastest to search); large ones a contiguous NFA, since a DFA
        // over thousands of CJK names would take a hundred megabytes
        let kind = if words.len() <= 800 {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let anchored = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(Some(kind))
            .build(&words)
            .map_err(|e| Error::build(format!("dictionary automaton: {e}")))?;
        Ok(Dict {
            words,
            values,
            anchored,
        })
    }

    /// The longest word starting exactly at `at`: (word, value, end).
    pub(crate) fn longest_at(&self, text: &str, at: usize) -> Option<(&str, &T, usize)> {
        if at > text.len() {
            return None;
        }
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let m = self.anchored.find(input)?;
        let i = m.pattern().as_usize();
        Some((self.words[i].as_str(), &self.values[i], m.end()))
    }

    /// All non-overlapping longest matches in `text[range]`, leftmost first.
    pub(crate) fn find_all<'s>(
        &'s self,
        text: &'s str,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, usize, &'s T)> + 's {
        let input = Input::new(text).range(range);
        self.anchored
            .find_iter(input)
            .map(move |m| (m.start(), m.end(), &self.values[m.pattern().as_usize()]))
    }

    /// Look a whole word up.
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        self.longest_at(word, 0)
            .filter(|(_, _, e)| *e == word.len())
            .map(|(_, v, _)| v)
    }

    /// The words, in insertion order.
    pub(crate) fn words(&self) -> &[String] {
        &self.words
    }
}

const NAME_START_BITS: usize = 1 << 16;

/// The bit for a word's first one or two characters.
fn name_start_bit(first: char, second: Option<char>) -> usize {
    let h = (first as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ second.map_or(0, |c| (c as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
    (h >> 48) as usize % NAME_START_BITS
}

fn name_start_bitmap<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut bits = vec![0u64; NAME_START_BITS / 64];
    let mut set = |b: usize| bits[b / 64] |= 1 << (b % 64);
    for n in names {
        let mut cs = n.chars();
        let Some(a) = cs.next() else { continue };
        let b = cs.next();
        // a token may be the name's first character alone, or start with its first two; an OCR
        // error may hide either: mark the variants' sources too
        for (x, y) in [(a, b)].into_iter().chain(confusable_sources(a, b)) {
            set(name_start_bit(x, None));
            set(name_start_bit(x, y));
        }
    }
    bits
}

/// The pairs an OCR error could have turned (a, b) into.
fn confusable_sources(a: char, b: Option<char>) -> Vec<(char, Option<char>)> {
    let back = |c: char| {
        OCR_CONFUSIONS
            .iter()
            .filter(move |&&(_, to)| to == c)
            .map(|&(from, _)| from)
    };
    let mut out: Vec<(char, Option<char>)> = back(a).map(|x| (x, b)).collect();
    if let Some(b) = b {
        out.extend(back(b).map(|y| (a, Some(y))));
    }
    out
}

impl Lexicon {
    /// Can a name begin with `word`'s first one or two characters?
    pub(crate) fn may_start_name(&self, word: &str) -> bool {
        let mut cs = word.chars();
        let Some(a) = cs.next() else { return false };
        let bit = name_start_bit(a, cs.next());
        self.name_starts
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }
}

/// Class of an indicator head word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IndicatorClass {
    Money,
    Rate,
    Amount,
}

/// Class of a predicate verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PredicateClass {
    Change,
    Level,
    Share,
    Rank,
    FromTo,
}

/// Cue words the linker looks for once per sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// 预计: the values are expected.
    Forecast,
    /// 计划, 力争: the values are targets.
    Target,
    /// 该公司, 我们: the enterprise named last is the subject.
    EnterpriseReference,
    /// 同比, 比上年: the comparison basis.
    Comparison,
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceDef {
    /// Full name (`包头市`).
    pub name: String,
}

/// A name of the gazetteer or the enterprise lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Name {
    Place(PlaceDef),
    Enterprise(EnterpriseDef),
}

/// A known enterprise: canonical (full) name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EnterpriseDef {
    pub name: String,
}

/// All word tables used by the taggers.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub units: Dict<UnitDef>,
    pub qualifiers: Vec<QualDef>,
    pub indicators: Dict<IndicatorClass>,
    pub predicates: Dict<PredicateClass>,
    pub periods: Dict<()>,
    pub roles: Dict<()>,
    pub org_suffixes: Dict<EntityKind>,
    pub places: Dict<PlaceDef>,
    pub enterprises: Dict<EnterpriseDef>,
    /// Set phrases with numerals that are not quantities (三个代表, 第三产业, 双11).
    pub set_phrases: Dict<()>,
    /// Modality, reference and comparison cue words (see `link`).
    pub cues: Dict<Cue>,
    /// Words that open an indicator phrase without being part of it (see `link`).
    pub leading_noise: Dict<()>,
    /// Places and enterprises together, looked up by whole tokens (jieba knows every name, so a
    /// name is one token or a few adjacent ones): one hash lookup per token instead of a scan.
    pub names: rustc_hash::FxHashMap<Box<str>, Name>,
    /// A bitmap of the first one or two characters of every name (and of their OCR variants'
    /// sources), for a cheap test before the hash lookups.
    pub name_starts: Vec<u64>,
    /// Every proper prefix of a name, so that a lookup over several tokens stops as soon as
    /// the tokens so far cannot begin a name.
    pub name_prefixes: rustc_hash::FxHashSet<Box<str>>,
    pub surnames: Dict<()>,
    /// Short enterprise names that are also common words (大全): they need list context.
    pub ambiguous: std::collections::HashSet<String>,
}

/// Parse a `word<TAB>class` table with a class parser.
fn parse_classed<T>(
    table: &str,
    text: &str,
    class: impl Fn(&str) -> Option<T>,
) -> Result<Vec<(String, T)>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 2)?;
        let c = class(f[1])
            .ok_or_else(|| Error::data(table, no, format!("unknown class {:?}", f[1])))?;
        out.push((f[0].to_string(), c));
    }
    Ok(out)
}

fn plain_words(text: &str) -> Vec<(String, ())> {
    data_lines(text)
        .map(|(_, l)| (l.trim().to_string(), ()))
        .collect()
}

pub(crate) fn parse_entity_kind(s: &str) -> Option<EntityKind> {
    Some(match s {
        "enterprise" => EntityKind::Enterprise,
        "government" => EntityKind::Government,
        "institution" => EntityKind::Institution,
        "place" => EntityKind::Place,
        "person" => EntityKind::Person,
        "facility" => EntityKind::Facility,
        "zone" => EntityKind::Zone,
        "document" => EntityKind::Document,
        "event" => EntityKind::Event,
        _ => return None,
    })
}

/// Short forms of a place's full name that news uses on their own: 包头市 → 包头,
/// 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西. One-character remainders are not names.
pub(crate) fn place_short_forms(name: &str) -> Vec<String> {
    const SUFFIXES: &[&str] = &[
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "特别行政区",
        "自治区",
        "自治州",
        "地区",
        "省",
        "市",
        "盟",
    ];
    let mut out = Vec::new();
    for s in SUFFIXES {
        if let Some(head) = name.strip_suffix(s) {
            if head.chars().count() >= 2 {
                out.push(head.to_string());
            }
            break;
        }
    }
    out
}

/// Parse the place gazetteer (`name<TAB>level<TAB>parent`) into word → place entries, with the
/// short forms of each name.
pub(crate) fn parse_places(table: &str, text: &str) -> Result<Vec<(String, PlaceDef)>, Error> {
    let mut full = Vec::new();
    let mut short = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 3)?;
        let name = f[0].to_string();
        // only provinces and prefecture-level cities are written short (包头, 内蒙古); the short
        // forms of county-level cities are too often everyday words (合作市 → 合作, 江山市)
        if matches!(f[1], "province" | "city") {
            for s in place_short_forms(&name) {
                short.push((s, PlaceDef { name: name.clone() }));
            }
        }
        full.push((name.clone(), PlaceDef { name }));
    }
    // full names are added last so that a full name never loses to another place's short form
    short.extend(full);
    Ok(short)
}

/// Parse the enterprise lexicon (`full name<TAB>short|names<TAB>sector`).
pub(crate) fn parse_enterprises(
    table: &str,
    text: &str,
) -> Result<Vec<(String, EnterpriseDef)>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 3)?;
        let def = EnterpriseDef {
            name: f[0].to_string(),
        };
        out.push((f[0].to_string(), def.clone()));
        for s in f[1].split('|').map(str::trim).filter(|s| !s.is_empty()) {
            out.push((s.to_string(), def.clone()));
        }
    }
    Ok(out)
}

/// Extra entries a user adds when building a pipeline.
#[derive(Debug, Clone, Default)]
pub(crate) struct Additions {
    pub units: Vec<UnitDef>,
    pub enterprises: Vec<(String, EnterpriseDef)>,
    pub places: Vec<(String, PlaceDef)>,
    pub indicators: Vec<(String, IndicatorClass)>,
    pub predicates: Vec<(String, PredicateClass)>,
}

impl Lexicon {
    /// Build the tables from the embedded data plus the user's additions.
    pub(crate) fn build(add: &Additions) -> Result<Lexicon, Error> {
        let mut units: Vec<(String, UnitDef)> = parse_units("units.tsv", UNITS)?
            .into_iter()
            .map(|u| (u.surface.clone(), u))
            .collect();
        units.extend(add.units.iter().map(|u| (u.surface.clone(), u.clone())));
        let mut indicators = parse_classed("indicators.tsv", INDICATORS, |c| match c {
            "money" => Some(IndicatorClass::Money),
            "rate" => Some(IndicatorClass::Rate),
            "amount" => Some(IndicatorClass::Amount),
            _ => None,
        })?;
        indicators.extend(add.indicators.iter().cloned());
        let mut predicates = parse_classed("predicates.tsv", PREDICATES, |c| match c {
            "change" => Some(PredicateClass::Change),
            "level" => Some(PredicateClass::Level),
            "share" => Some(PredicateClass::Share),
            "rank" => Some(PredicateClass::Rank),
            "from_to" => Some(PredicateClass::FromTo),
            _ => None,
        })?;
        predicates.extend(add.predicates.iter().cloned());
        let org_suffixes = parse_classed("org_suffixes.tsv", ORG_SUFFIXES, parse_entity_kind)?;
        let mut places = parse_places("places.tsv", PLACES)?;
        places.extend(add.places.iter().cloned());
        let mut enterprises = parse_enterprises("enterprises.tsv", ENTERPRISES)?;
        enterprises.extend(add.enterprises.iter().cloned());
        let names: Vec<(String, Name)> = places
            .iter()
            .map(|(w, d)| (w.clone(), Name::Place(d.clone())))
            .chain(
                enterprises
                    .iter()
                    .map(|(w, d)| (w.clone(), Name::Enterprise(d.clone()))),
            )
            .collect();
        use crate::link::{COMPARISONS, ENTERPRISE_REFERENCES, FORECAST, TARGET};
        let cue_words = [
            (FORECAST, Cue::Forecast),
            (TARGET, Cue::Target),
            (ENTERPRISE_REFERENCES, Cue::EnterpriseReference),
            (COMPARISONS, Cue::Comparison),
        ];
        let cues = cue_words
            .iter()
            .flat_map(|(words, c)| words.iter().map(move |w| (w.to_string(), *c)))
            .collect();
        Ok(Lexicon {
            set_phrases: Dict::new(plain_words(SET_PHRASES))?,
            cues: Dict::new(cues)?,
            leading_noise: Dict::new(
                crate::link::LEADING_NOISE
                    .iter()
                    .map(|w| (w.to_string(), ()))
                    .collect(),
            )?,
            name_starts: name_start_bitmap(names.iter().map(|(w, _)| w.as_str())),
            name_prefixes: names
                .iter()
                .flat_map(|(w, _)| {
                    w.char_indices()
                        .skip(1)
                        .map(move |(i, _)| w[..i].to_string().into_boxed_str())
                })
                .collect(),
            names: names
                .into_iter()
                .map(|(w, n)| (w.into_boxed_str(), n))
                .collect(),
            units: Dict::new(units)?,
            qualifiers: parse_qualifiers(QUALIFIERS)?,
            indicators: Dict::new(indicators)?,
            predicates: Dict::new(predicates)?,
            periods: Dict::new(plain_words(PERIODS))?,
            roles: Dict::new(plain_words(ROLES))?,
            org_suffixes: Dict::new(org_suffixes)?,
            places: Dict::new(places)?,
            enterprises: Dict::new(enterprises)?,
            surnames: Dict::new(plain_words(SURNAMES))?,
            ambiguous: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let lex = Lexicon::build(&Additions::default());
        assert!(lex.is_ok(), "{:?}", lex.err());
    }

    #[test]
    fn unit_lookup_is_longest_first() {
        let lex = Lexicon::build(&Additions::default()).ok();
        let lex = lex.as_ref();
        let hit = lex.and_then(|l| l.units.longest_at("个百分点，", 0));
        assert_eq!(
            hit.map(|(w, u, _)| (w, u.unit.as_str())),
            Some(("个百分点", "pp"))
        );
        let hit = lex.and_then(|l| l.units.longest_at("个月", 0));
        assert_eq!(hit.map(|(w, _, _)| w), Some("个月"));
    }

    #[test]
    fn bad_table_lines_are_errors_with_line_numbers() {
        let e = parse_units("u.tsv", "# c\n吨\tquantity\tt\n").err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("u.tsv line 2: expected 4 tab-separated fields, found 3".to_string())
        );
        let e = parse_units("u.tsv", "吨\tweight\tt\t1\n").err();
        assert!(e.is_some());
    }

    #[test]
    fn place_short_forms_drop_the_level() {
        assert_eq!(place_short_forms("包头市"), vec!["包头"]);
        assert_eq!(place_short_forms("内蒙古自治区"), vec!["内蒙古"]);
        assert_eq!(place_short_forms("广西壮族自治区"), vec!["广西"]);
        assert!(place_short_forms("沙市").is_empty());
    }
}
