//! Lexicon data: unit tables, qualifiers, indicator and predicate words, organisation suffixes,
//! places, enterprises and the word lists the rules consult (cues, phrase noise, organisation
//! modifiers, name followers …). The default tables live in `src/data/`, are embedded at compile
//! time, and can be extended through [`crate::PipelineBuilder`].
//!
//! This module is the bottom layer of the crate's rules: it knows tables, not stages. The
//! taggers and the linker ask it questions (`is this word a predicate?`, `which cue starts
//! here?`); it never calls them.

use crate::error::Error;
use crate::model::{EntityKind, MentionKind, Qualifier, Rule};
use crate::number::Decimal;
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;
use std::sync::LazyLock;

const UNITS: &str = include_str!("data/units.tsv");
const QUALIFIERS: &str = include_str!("data/qualifiers.tsv");
const INDICATORS: &str = include_str!("data/indicators.tsv");
const PREDICATES: &str = include_str!("data/predicates.tsv");
const ORG_SUFFIXES: &str = include_str!("data/org_suffixes.tsv");
const PLACES: &str = include_str!("data/places.tsv");
const ENTERPRISES: &str = include_str!("data/enterprises.tsv");
const STOPWORDS: &str = include_str!("data/stopwords.tsv");
const OCR_CONFUSIONS: &str = include_str!("data/ocr_confusions.tsv");
const PLACE_SUFFIXES: &str = include_str!("data/place_suffixes.txt");
const CURRENCY_SIGNS: &str = include_str!("data/currency_symbols.tsv");
const MEASURE_VERBS: &str = include_str!("data/measure_verbs.tsv");
const BODIES: &str = include_str!("data/bodies.tsv");

/// The word-list tables: grouped files (`word<TAB>list`) and plain files of one list each.
const WORD_TABLES: &[(&str, &str, Option<WordList>)] = &[
    ("cues.tsv", include_str!("data/cues.tsv"), None),
    (
        "phrase_noise.tsv",
        include_str!("data/phrase_noise.tsv"),
        None,
    ),
    ("org_words.tsv", include_str!("data/org_words.tsv"), None),
    (
        "quantity_words.tsv",
        include_str!("data/quantity_words.tsv"),
        None,
    ),
    (
        "name_followers.txt",
        include_str!("data/name_followers.txt"),
        Some(WordList::NameFollower),
    ),
    (
        "roles.txt",
        include_str!("data/roles.txt"),
        Some(WordList::Role),
    ),
    (
        "periods.txt",
        include_str!("data/periods.txt"),
        Some(WordList::Period),
    ),
    (
        "surnames.txt",
        include_str!("data/surnames.txt"),
        Some(WordList::Surname),
    ),
    (
        "set_phrases.txt",
        include_str!("data/set_phrases.txt"),
        Some(WordList::SetPhrase),
    ),
    (
        "words.txt",
        include_str!("data/words.txt"),
        Some(WordList::Term),
    ),
];

named_enum! {
    /// A word list the rules consult, named as in the files of `src/data/` and in
    /// [`crate::PipelineBuilder::word`]. Each list's file header says what the rules do with it.
    ///
    /// ```
    /// use tiqu::WordList;
    /// assert_eq!("forecast".parse::<WordList>()?, WordList::Forecast);
    /// assert_eq!(WordList::LeadingNoise.to_string(), "leading_noise");
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    pub enum WordList ("word list") {
        /// 预计: the values after it are expected (`cues.tsv`).
        Forecast = "forecast",
        /// 力争, 计划: the values after it are targets.
        Target = "target",
        /// 同比, 比上年: a comparison basis.
        Comparison = "comparison",
        /// （下同）: the basis holds for the rest of the paragraph.
        Hereafter = "hereafter",
        /// 该公司: refers back to the enterprise named last (and makes a reference record).
        BackReference = "back_reference",
        /// 公司, 我们: an enterprise speaking of itself.
        Speaker = "speaker",
        /// 全市, 我市: the place the article is about.
        SelfReference = "self_reference",
        /// 全国: a whole that is no named place.
        Whole = "whole",
        /// Words that make an article's figures national (全国, 我国, 国家统计局): its subject is
        /// 全国 when it names no place or enterprise of its own.
        National = "national",
        /// Words for the year a text is about (全年, 当年): a year named before stays the period.
        SameYear = "same_year",
        /// Words that open an indicator phrase without being part of it (`phrase_noise.tsv`).
        LeadingNoise = "leading_noise",
        /// Words that open an indicator phrase without being part of it when the segmenter reads
        /// them as a word of their own (有|规上企业, not 有色金属).
        LeadingWord = "leading_word",
        /// Words that end an indicator phrase without being part of it.
        TrailingNoise = "trailing_noise",
        /// Words that end the noun phrase read after a value.
        PhraseStop = "phrase_stop",
        /// Connectives that may stand before a clause's opening period.
        PeriodLead = "period_lead",
        /// Words that make the date after them a point or an end (截至6月底, 到2025年): part of
        /// the period.
        PeriodBound = "period_bound",
        /// Words starting with 比/较 that are no comparison basis (比重, 较快).
        NotBasis = "not_basis",
        /// Verbs of a contribution in points (影响CPI上涨0.63个百分点, 拉动增长): the points belong to
        /// the indicator named before.
        Contribution = "contribution",
        /// Nouns that end a segment of a breakdown (城市, 国有控股企业): after 其中 or 分…看 such a
        /// phrase measures the indicator it breaks down (城市居民消费价格).
        Segment = "segment",
        /// Nouns of a rate that alone name no indicator (增幅, 增长幅度): the one before them.
        RateNoun = "rate_noun",
        /// Modifiers that make a name a category (国家重点实验室) (`org_words.tsv`).
        Generic = "generic",
        /// Endings of a news medium's name (网, 日报, 新闻, 财经): the source before 讯 (`忠州新闻网讯`)
        /// or before a reporter (`洪观新闻记者`) is a medium (`org_words.tsv`).
        MediaSuffix = "media_suffix",
        /// Verbs before a project's name (建设|年产2万吨X项目, 实施|X产业化项目): the name runs from
        /// them to 项目 (`org_words.tsv`).
        ProjectVerb = "project_verb",
        /// Words that open a project's name before its capacity (年产|2万吨X项目).
        ProjectLead = "project_lead",
        /// Words that never enter a name: roles and relations before one (控股股东|上海建材,
        /// 投资方|X公司, 代表|县委) (`org_words.tsv`).
        NotInName = "not_in_name",
        /// Words that continue a short enterprise name (中车|电机).
        IndustryWord = "industry_word",
        /// Modifiers that open a facility's name without naming its owner.
        FacilityModifier = "facility_modifier",
        /// Organisation words that make an ambiguous short name a name (大全|集团).
        OrgHead = "org_head",
        /// Words after which a person's name ends (说, 表示) (`name_followers.txt`).
        NameFollower = "name_follower",
        /// Roles that introduce a person (总经理) (`roles.txt`).
        Role = "role",
        /// Relative and named periods (去年, 上半年) (`periods.txt`).
        Period = "period",
        /// Surnames (`surnames.txt`).
        Surname = "surname",
        /// Set phrases with numerals that are not quantities (三个代表) (`set_phrases.txt`).
        SetPhrase = "set_phrase",
        /// Words after N年 that make it a length of time (历史, 之久) (`quantity_words.tsv`).
        YearDuration = "year_duration",
        /// Classifiers after which an ordinal numbers an edition, a session or a line (第四届,
        /// 第九次, 13号): part of a name, no fact (`quantity_words.tsv`).
        Edition = "edition",
        /// Words starting with 强 after which N强 is no rank (强化).
        NotRank = "not_rank",
        /// Index verbs before a number and 点 (涨, 跌, 收报): index points.
        IndexVerb = "index_verb",
        /// Classifiers after 第N that belong to the rank (届, 次, 位, 套).
        OrdinalUnit = "ordinal_unit",
        /// Words after N次 that make it a session (会议, 全会): `三次会议`.
        SessionWord = "session_word",
        /// Verbs before a count of places that make it a rank (分列, 居): `分列3-5位`.
        RankVerb = "rank_verb",
        /// Words before N号 that make it a street number (路, 街): `丰翔路1955号`.
        AddressWord = "address_word",
        /// Count classifiers that a rate is per as shares (股): `3.44元/股` is `CNY/share`.
        ShareWord = "share_word",
        /// Terms the segmenter keeps whole (碳中和) (`words.txt`).
        Term = "term",
    }
}

/// Parse word-list text: `word<TAB>list` lines, or one word per line for a plain table of `list`.
pub(crate) fn parse_word_lists(
    table: &str,
    text: &str,
    list: Option<WordList>,
) -> Result<Vec<(String, WordList)>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        match list {
            Some(l) => out.push((line.trim().to_string(), l)),
            None => {
                let f = fields(table, no, line, 2)?;
                if f[0].trim().is_empty() {
                    return Err(Error::data(table, no, "empty word"));
                }
                let l = f[1]
                    .parse()
                    .map_err(|e: Error| Error::data(table, no, e.to_string()))?;
                out.push((f[0].to_string(), l));
            }
        }
    }
    Ok(out)
}

/// Characters OCR confuses with a more common one in names (`ocr_confusions.tsv`).
static OCR: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    data_lines(OCR_CONFUSIONS)
        .filter_map(|(_, l)| {
            let (a, b) = l.split_once('\t')?;
            Some((a.chars().next()?, b.chars().next()?))
        })
        .collect()
});

/// `word` with its OCR-confusable characters replaced, if it has any (`包头稀士` → `包头稀土`).
pub(crate) fn ocr_variant(word: &str) -> Option<String> {
    let ocr = &*OCR;
    let fix = |c: char| ocr.iter().find(|&&(a, _)| a == c).map(|&(_, b)| b);
    if !word.chars().any(|c| fix(c).is_some()) {
        return None;
    }
    Some(word.chars().map(|c| fix(c).unwrap_or(c)).collect())
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
pub(crate) struct UnitDef {
    /// The unit as written after the number (`千瓦`).
    pub surface: String,
    /// The mention kind it makes.
    pub kind: MentionKind,
    /// Canonical unit (`W`).
    pub unit: String,
    /// Multiplier from the written unit to the canonical one (`1000`).
    pub factor: Decimal,
    /// The rule its mentions carry.
    pub rule: Rule,
}

impl UnitDef {
    /// A unit of `kind`; dates, ranks and bare numbers have rules of their own, not units.
    pub(crate) fn new(
        surface: &str,
        kind: MentionKind,
        unit: &str,
        factor: Decimal,
    ) -> Result<UnitDef, String> {
        if surface.is_empty() {
            return Err("a unit needs a surface".into());
        }
        let rule = match kind {
            MentionKind::Percent => Rule::PercentSign,
            MentionKind::PercentagePoint => Rule::PercentagePoint,
            MentionKind::Money => Rule::MoneyUnit,
            MentionKind::Quantity => Rule::PhysicalUnit,
            MentionKind::Count => Rule::CountClassifier,
            MentionKind::Multiple => Rule::MultipleBei,
            MentionKind::Date | MentionKind::Ordinal | MentionKind::Number => {
                return Err(format!(
                    "a unit cannot make a mention of kind `{kind}` (dates and ranks have rules of their own)"
                ))
            }
        };
        Ok(UnitDef {
            surface: surface.to_string(),
            kind,
            unit: unit.to_string(),
            factor,
            rule,
        })
    }
}

/// Parse unit-table text (`surface<TAB>kind<TAB>unit<TAB>factor`).
pub(crate) fn parse_units(table: &str, text: &str) -> Result<Vec<UnitDef>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 4)?;
        let kind: MentionKind = f[1]
            .parse()
            .map_err(|e: Error| Error::data(table, no, e.to_string()))?;
        let factor: Decimal = f[3]
            .parse()
            .map_err(|_| Error::data(table, no, format!("bad factor {:?}", f[3])))?;
        out.push(UnitDef::new(f[0], kind, f[2], factor).map_err(|e| Error::data(table, no, e))?);
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
        let qualifier: Qualifier = f[2]
            .parse()
            .map_err(|e: Error| Error::data("qualifiers.tsv", no, e.to_string()))?;
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
    first: FirstChars,
}

/// The characters words of a table begin with, as a bitmap over the Basic Multilingual Plane:
/// most positions of a text begin no word, and one bit test is cheaper than a search.
#[derive(Debug, Clone)]
struct FirstChars {
    bmp: Vec<u64>,
    /// Does any word begin beyond the BMP?
    astral: bool,
}

impl FirstChars {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> FirstChars {
        let mut f = FirstChars {
            bmp: vec![0; 1 << 10],
            astral: false,
        };
        for c in words.filter_map(|w| w.chars().next()) {
            match usize::try_from(u32::from(c)) {
                Ok(u) if u < 1 << 16 => f.bmp[u / 64] |= 1 << (u % 64),
                _ => f.astral = true,
            }
        }
        f
    }

    fn may_start(&self, c: char) -> bool {
        match usize::try_from(u32::from(c)) {
            Ok(u) if u < 1 << 16 => self.bmp[u / 64] & (1 << (u % 64)) != 0,
            _ => self.astral,
        }
    }
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
            first: FirstChars::new(words.iter().map(String::as_str)),
            words,
            values,
            anchored,
        })
    }

    /// The longest word starting exactly at `at`: (word, value, end).
    pub(crate) fn longest_at(&self, text: &str, at: usize) -> Option<(&str, &T, usize)> {
        let c = text.get(at..)?.chars().next()?;
        if !self.first.may_start(c) {
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
        OCR.iter()
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

named_enum! {
    /// The class of an indicator head word (`src/data/indicators.tsv`).
    pub enum IndicatorClass ("indicator class") {
        /// A money amount (投资, 产值): a bare 万/亿 amount after it is money in 元 (利税4800万).
        Money = "money",
        /// A ratio or share (占比, 增速).
        Rate = "rate",
        /// Anything else (产量, 装机).
        Amount = "amount",
    }
}

named_enum! {
    /// The class of a predicate verb (`src/data/predicates.tsv`).
    pub enum PredicateClass ("predicate class") {
        /// 增长, 下降: a change.
        Change = "change",
        /// 达到, 完成: a level.
        Level = "level",
        /// 占: a share of a whole.
        Share = "share",
        /// 居, 排名: a rank in a whole.
        Rank = "rank",
        /// 由…至, 跃升至: a change from one value to another.
        FromTo = "from_to",
    }
}

/// Cue words the linker looks for once per sentence (the lists of `cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// 预计: the values are expected.
    Forecast,
    /// 计划, 力争: the values are targets.
    Target,
    /// 同比, 比上年: the comparison basis.
    Comparison,
    /// （下同）: a basis that holds for the rest of the paragraph.
    Hereafter,
    /// 该公司: the enterprise named last, with a reference record.
    BackReference,
    /// 公司, 我们: the enterprise named last.
    Speaker,
}

impl Cue {
    fn of(list: WordList) -> Option<Cue> {
        Some(match list {
            WordList::Forecast => Cue::Forecast,
            WordList::Target => Cue::Target,
            WordList::Comparison => Cue::Comparison,
            WordList::Hereafter => Cue::Hereafter,
            WordList::BackReference => Cue::BackReference,
            WordList::Speaker => Cue::Speaker,
            _ => return None,
        })
    }
}

/// A word list: whole-word lookups, the longest word at a position, and suffix tests.
#[derive(Debug, Clone)]
pub(crate) struct WordSet {
    /// The words, longest first (for suffix tests).
    by_length: Vec<String>,
    set: FxHashSet<Box<str>>,
    dict: Dict<()>,
}

impl WordSet {
    fn new(words: Vec<String>) -> Result<WordSet, Error> {
        // an empty word matches everywhere and strips nothing: it is no word
        let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let set: FxHashSet<Box<str>> = words.iter().map(|w| w.as_str().into()).collect();
        let mut by_length: Vec<String> = set.iter().map(|w| w.to_string()).collect();
        by_length.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let dict = Dict::new(words.into_iter().map(|w| (w, ())).collect())?;
        Ok(WordSet {
            by_length,
            set,
            dict,
        })
    }

    /// Is `word` in the list?
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// The longest word of the list starting at `at`: (word, end).
    pub(crate) fn longest_at<'s>(&'s self, text: &str, at: usize) -> Option<(&'s str, usize)> {
        self.dict.longest_at(text, at).map(|(w, _, e)| (w, e))
    }

    /// Does a word of the list start at `at`?
    pub(crate) fn starts_at(&self, text: &str, at: usize) -> bool {
        self.longest_at(text, at).is_some()
    }

    /// All non-overlapping longest matches in `text[range]`: (start, end).
    pub(crate) fn find_all<'s>(
        &'s self,
        text: &'s str,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        self.dict.find_all(text, range).map(|(s, e, _)| (s, e))
    }

    /// The longest word of the list that ends `s`.
    pub(crate) fn suffix_of(&self, s: &str) -> Option<&str> {
        self.by_length
            .iter()
            .find(|w| s.ends_with(w.as_str()))
            .map(String::as_str)
    }

    /// `s` without words of the list at its start, dropped repeatedly (longest first); never
    /// drops the whole of `s`.
    pub(crate) fn strip_leading<'t>(&self, mut s: &'t str) -> &'t str {
        while let Some((_, e)) = self.longest_at(s, 0) {
            if e >= s.len() {
                break;
            }
            s = &s[e..];
        }
        s
    }

    /// `s` without words of the list at its end, dropped repeatedly.
    pub(crate) fn strip_trailing<'t>(&self, mut s: &'t str) -> &'t str {
        while let Some(w) = self.suffix_of(s) {
            s = &s[..s.len() - w.len()];
        }
        s
    }

    /// The words, longest first.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.by_length.iter().map(String::as_str)
    }
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceDef {
    /// Full name (`包头市`).
    pub name: String,
    /// A country (`中国`, `美国`), not a division of one.
    pub country: bool,
}

/// A name of the gazetteer or the enterprise lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Name {
    Place(PlaceDef),
    Enterprise(EnterpriseDef),
    Body(BodyDef),
}

/// A named body of `bodies.tsv`: a government body, an association, an exchange, a medium.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BodyDef {
    /// Full name (`国家发展和改革委员会`).
    pub name: String,
    pub kind: EntityKind,
}

/// Parse the table of named bodies (`full name<TAB>kind<TAB>short|names`).
fn parse_bodies(table: &str, text: &str) -> Result<Vec<(String, BodyDef)>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 3)?;
        let kind: EntityKind = f[1]
            .parse()
            .map_err(|e: Error| Error::data(table, no, e.to_string()))?;
        let def = BodyDef {
            name: f[0].to_string(),
            kind,
        };
        out.push((f[0].to_string(), def.clone()));
        for s in f[2].split('|').map(str::trim).filter(|s| !s.is_empty()) {
            out.push((s.to_string(), def.clone()));
        }
    }
    Ok(out)
}

/// A known enterprise: canonical (full) name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EnterpriseDef {
    pub name: String,
}

/// All word tables used by the taggers and the linker.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub units: Dict<UnitDef>,
    pub qualifiers: Vec<QualDef>,
    /// The last characters of the qualifier words that stand before a number.
    pub qualifier_before_ends: Vec<char>,
    pub indicators: Dict<IndicatorClass>,
    pub predicates: Dict<PredicateClass>,
    pub org_suffixes: Dict<EntityKind>,
    pub places: Dict<PlaceDef>,
    pub enterprises: Dict<EnterpriseDef>,
    /// The cue words of a sentence (forecast, target, comparison, references), in one automaton.
    pub cues: Dict<Cue>,
    /// Currency signs and codes written before an amount (`￥`, `US$`, `RMB`) → ISO code.
    pub currency_signs: Dict<String>,
    /// The last characters of the currency signs, for a cheap test before the lookups.
    pub currency_sign_ends: Vec<char>,
    /// Verbs of production and sales and the measure they name (生产 → 产量), longest first.
    pub measures: Vec<Measure>,
    /// Every word list, indexed by [`WordList`] (see [`Lexicon::list`]).
    lists: Vec<WordSet>,
    /// Places and enterprises together, looked up by whole tokens (jieba knows every name, so a
    /// name is one token or a few adjacent ones): one hash lookup per token instead of a scan.
    pub names: FxHashMap<Box<str>, Name>,
    /// A bitmap of the first one or two characters of every name (and of their OCR variants'
    /// sources), for a cheap test before the hash lookups.
    pub name_starts: Vec<u64>,
    /// Every proper prefix of a name, so that a lookup over several tokens stops as soon as
    /// the tokens so far cannot begin a name.
    pub name_prefixes: FxHashSet<Box<str>>,
    /// Short enterprise names that are also common words (大全): they need list context.
    pub ambiguous: FxHashSet<String>,
}

/// A verb of production or sales and the measure it names (`measure_verbs.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Measure {
    /// 销售
    pub verb: String,
    /// 销量
    pub noun: String,
    /// What the verb joins, one per value of a list (产销 → 产量, 销量).
    pub parts: Vec<String>,
}

/// Parse the measure-verb table (`verb<TAB>measure[<TAB>part|part…]`), longest verb first.
fn parse_measures(table: &str, text: &str) -> Result<Vec<Measure>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(verb), Some(noun)) = (f.first(), f.get(1)) else {
            return Err(Error::data(table, no, "expected verb<TAB>measure"));
        };
        if verb.is_empty() || noun.is_empty() || f.len() > 3 {
            return Err(Error::data(
                table,
                no,
                "expected verb<TAB>measure[<TAB>parts]",
            ));
        }
        let parts = f
            .get(2)
            .map(|p| p.split('|').map(str::to_string).collect())
            .unwrap_or_default();
        out.push(Measure {
            verb: verb.to_string(),
            noun: noun.to_string(),
            parts,
        });
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.verb.len()));
    Ok(out)
}

/// Parse a `word<TAB>class` table whose classes are named values.
fn parse_classed<T: std::str::FromStr<Err = Error>>(
    table: &str,
    text: &str,
) -> Result<Vec<(String, T)>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 2)?;
        let c = f[1]
            .parse()
            .map_err(|e: Error| Error::data(table, no, e.to_string()))?;
        out.push((f[0].to_string(), c));
    }
    Ok(out)
}

/// The administrative suffixes news drops from place names (`place_suffixes.txt`), in order.
static PLACE_SUFFIX_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(PLACE_SUFFIXES).map(|(_, l)| l.trim()).collect());

/// Short forms of a place's full name that news uses on their own: 包头市 → 包头,
/// 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西. One-character remainders are not names.
pub(crate) fn place_short_forms(name: &str) -> Vec<String> {
    PLACE_SUFFIX_LIST
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|head| head.chars().count() >= 2)
        .map(|head| vec![head.to_string()])
        .unwrap_or_default()
}

/// Parse the place gazetteer (`name<TAB>level<TAB>parent`) into word → place entries, with the
/// short forms of each name.
pub(crate) fn parse_places(table: &str, text: &str) -> Result<Vec<(String, PlaceDef)>, Error> {
    let mut full = Vec::new();
    let mut short = Vec::new();
    for (no, line) in data_lines(text) {
        let f = fields(table, no, line, 3)?;
        let name = f[0].to_string();
        let country = f[1] == "country";
        // only provinces and prefecture-level cities are written short (包头, 内蒙古); the short
        // forms of county-level cities are too often everyday words (合作市 → 合作, 江山市)
        if matches!(f[1], "province" | "city") {
            for s in place_short_forms(&name) {
                short.push((
                    s,
                    PlaceDef {
                        name: name.clone(),
                        country,
                    },
                ));
            }
        }
        full.push((name.clone(), PlaceDef { name, country }));
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

/// The stop-word table (`stopwords.tsv`): word and part-of-speech class (`function`, `verb`,
/// `adverb`, `time`, `pronoun`), for the segmenter's part-of-speech lookups.
pub(crate) fn stopwords() -> Result<Vec<(&'static str, &'static str)>, Error> {
    let mut out = Vec::new();
    for (no, line) in data_lines(STOPWORDS) {
        match line.split_once('\t') {
            Some((w, c)) if matches!(c, "function" | "verb" | "adverb" | "time" | "pronoun") => {
                out.push((w, c))
            }
            _ => return Err(Error::data("stopwords.tsv", no, "expected word<TAB>class")),
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
    pub words: Vec<(String, WordList)>,
}

impl Lexicon {
    /// Build the tables from the embedded data plus the user's additions.
    pub(crate) fn build(add: &Additions) -> Result<Lexicon, Error> {
        let mut units: Vec<(String, UnitDef)> = parse_units("units.tsv", UNITS)?
            .into_iter()
            .map(|u| (u.surface.clone(), u))
            .collect();
        units.extend(add.units.iter().map(|u| (u.surface.clone(), u.clone())));
        let mut indicators = parse_classed("indicators.tsv", INDICATORS)?;
        indicators.extend(add.indicators.iter().cloned());
        let mut predicates = parse_classed("predicates.tsv", PREDICATES)?;
        predicates.extend(add.predicates.iter().cloned());
        let mut places = parse_places("places.tsv", PLACES)?;
        places.extend(add.places.iter().cloned());
        let mut enterprises = parse_enterprises("enterprises.tsv", ENTERPRISES)?;
        enterprises.extend(add.enterprises.iter().cloned());
        let (lists, cues) = word_lists(&add.words)?;
        let bodies = parse_bodies("bodies.tsv", BODIES)?;
        let names = NameIndex::new(&places, &enterprises, &bodies);
        let mut signs = Vec::new();
        for (no, line) in data_lines(CURRENCY_SIGNS) {
            let f = fields("currency_symbols.tsv", no, line, 2)?;
            signs.push((f[0].to_string(), f[1].to_string()));
        }
        let mut currency_sign_ends: Vec<char> = signs
            .iter()
            .filter_map(|(w, _)| w.chars().next_back())
            .collect();
        currency_sign_ends.sort_unstable();
        currency_sign_ends.dedup();
        let qualifiers = parse_qualifiers(QUALIFIERS)?;
        let mut qualifier_before_ends: Vec<char> = qualifiers
            .iter()
            .filter(|q| q.pos == QualPos::Before)
            .filter_map(|q| q.word.chars().next_back())
            .collect();
        qualifier_before_ends.sort_unstable();
        qualifier_before_ends.dedup();
        Ok(Lexicon {
            qualifier_before_ends,
            currency_sign_ends,
            currency_signs: Dict::new(signs)?,
            cues: Dict::new(cues)?,
            measures: parse_measures("measure_verbs.tsv", MEASURE_VERBS)?,
            lists,
            names: names.names,
            name_starts: names.starts,
            name_prefixes: names.prefixes,
            units: Dict::new(units)?,
            qualifiers,
            indicators: Dict::new(indicators)?,
            predicates: Dict::new(predicates)?,
            org_suffixes: Dict::new(parse_classed("org_suffixes.tsv", ORG_SUFFIXES)?)?,
            places: Dict::new(places)?,
            enterprises: Dict::new(enterprises)?,
            ambiguous: Default::default(),
        })
    }

    /// A word list.
    pub(crate) fn list(&self, list: WordList) -> &WordSet {
        &self.lists[list as usize]
    }

    /// The unit a bracket's content declares (`万元`, `单位：万吨`, `百万美元`, `%`): the unit and
    /// the scale before it. Counts and years declare nothing.
    pub(crate) fn declared_unit(&self, inner: &str) -> Option<(&UnitDef, Decimal)> {
        let inner = inner
            .strip_prefix("单位")
            .map_or(inner, |r| r.trim_start_matches([':', '：']));
        let (k, unit) = inner
            .char_indices()
            .find_map(|(k, _)| self.units.get(&inner[k..]).map(|u| (k, u)))?;
        let scale = match k {
            0 => Decimal::ONE,
            _ => {
                crate::number::match_number(&inner[..k])
                    .filter(|m| m.len == k)?
                    .value
            }
        };
        let declares = unit.kind != MentionKind::Count && unit.unit != "year";
        declares.then_some((unit, scale))
    }
}

/// The word lists, indexed by [`WordList`], and the words of the linker's cue lists.
type WordLists = (Vec<WordSet>, Vec<(String, Cue)>);

/// Every word list from the embedded tables plus `added`, indexed by [`WordList`], and the cue
/// words of the linker's cue lists.
fn word_lists(added: &[(String, WordList)]) -> Result<WordLists, Error> {
    let mut words: Vec<Vec<String>> = vec![Vec::new(); WordList::ALL.len()];
    for (table, text, list) in WORD_TABLES {
        for (w, l) in parse_word_lists(table, text, *list)? {
            words[l as usize].push(w);
        }
    }
    for (w, l) in added {
        words[*l as usize].push(w.clone());
    }
    let cues = WordList::ALL
        .iter()
        .filter_map(|&l| Some((l, Cue::of(l)?)))
        .flat_map(|(l, c)| words[l as usize].iter().map(move |w| (w.clone(), c)))
        .collect();
    let lists = words
        .into_iter()
        .map(WordSet::new)
        .collect::<Result<_, _>>()?;
    Ok((lists, cues))
}

/// Places and enterprises as one index of whole names (see [`Lexicon::names`]).
struct NameIndex {
    names: FxHashMap<Box<str>, Name>,
    starts: Vec<u64>,
    prefixes: FxHashSet<Box<str>>,
}

impl NameIndex {
    fn new(
        places: &[(String, PlaceDef)],
        enterprises: &[(String, EnterpriseDef)],
        bodies: &[(String, BodyDef)],
    ) -> NameIndex {
        // later entries win: a body's name over a place's short form, an enterprise the user
        // adds over everything
        let all: Vec<(&str, Name)> = places
            .iter()
            .map(|(w, d)| (w.as_str(), Name::Place(d.clone())))
            .chain(
                bodies
                    .iter()
                    .map(|(w, d)| (w.as_str(), Name::Body(d.clone()))),
            )
            .chain(
                enterprises
                    .iter()
                    .map(|(w, d)| (w.as_str(), Name::Enterprise(d.clone()))),
            )
            .collect();
        NameIndex {
            starts: name_start_bitmap(all.iter().map(|(w, _)| *w)),
            prefixes: all
                .iter()
                .flat_map(|(w, _)| w.char_indices().skip(1).map(move |(i, _)| w[..i].into()))
                .collect(),
            names: all.into_iter().map(|(w, n)| (w.into(), n)).collect(),
        }
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
