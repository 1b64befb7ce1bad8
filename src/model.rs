//! The records tiqu produces: mentions, entities and facts, with spans into the original input.
//! These are the output contract; every type serialises with serde to the JSON shape in the
//! README and reads back from it (records written by the command line can be loaded again).
//!
//! ```
//! let doc = tiqu::extract("去年全市工业投资增长87%。")?;
//! let json = serde_json::to_string(&doc)?;
//! let back: tiqu::Document = serde_json::from_str(&json)?;
//! assert_eq!(back, doc);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::number::Decimal;
use crate::span::Span;
use serde::{Deserialize, Serialize};

named_enum! {
    /// What dimension a quantity mention measures.
    pub enum MentionKind ("mention kind") {
        /// `87%`, `百分之三点五`: unit `%`.
        Percent = "percent",
        /// `4.6个百分点`: unit `pp`.
        PercentagePoint = "percentage_point",
        /// `943亿元`: unit an ISO currency code, value in the currency's base unit.
        Money = "money",
        /// A physical quantity or a duration in a canonical unit (`t`, `W`, `Wh`, `V`, `h`,
        /// `year` …).
        Quantity = "quantity",
        /// A count with a classifier (`432个`, `81家`): unit is the classifier.
        Count = "count",
        /// `3倍`, `翻一番`: unit `x`.
        Multiple = "multiple",
        /// A calendar date or year: `2022年` (unit `year_ad`, value 2022), `2016年10月19日`.
        Date = "date",
        /// A rank: `第一`, `50强` (unit `rank`).
        Ordinal = "ordinal",
        /// A standalone number that belongs to no larger quantity.
        Number = "number",
    }
}

named_enum! {
    /// How a mention's value relates to the true amount.
    pub enum Qualifier ("qualifier") {
        /// 以上, 余, 多, 超, 突破, 逾: at least / more than.
        Over = "over",
        /// 近, 不足, 不到, 以下: at most / less than.
        Under = "under",
        /// 约, 左右, 上下: approximately.
        Approx = "approx",
    }
}

named_enum! {
    /// What kind of thing an entity is.
    pub enum EntityKind ("entity kind") {
        /// A company, group, branch or plant.
        Enterprise = "enterprise",
        /// A government body or party committee.
        Government = "government",
        /// A research institute, laboratory, university, innovation centre.
        Institution = "institution",
        /// A country, province, city, county or district.
        Place = "place",
        /// A person.
        Person = "person",
        /// A project, production line, industrial park.
        Facility = "facility",
        /// A development zone or high-tech zone.
        Zone = "zone",
        /// A titled document (`《…》`).
        Document = "document",
        /// A named event or congress.
        Event = "event",
    }
}

named_enum! {
    /// Whether a fact reports what happened, a forecast, or a target.
    pub enum Modality ("modality") {
        /// Reported as having happened.
        Actual = "actual",
        /// 预计: expected.
        Forecast = "forecast",
        /// 计划, 力争, 目标, 将: planned.
        Target = "target",
    }
}

named_enum! {
    /// The rule that found a mention or an entity: one name, one code path. [`Rule::sample`]
    /// gives a text the rule finds something in (the crate's tests check each one).
    ///
    /// ```
    /// let doc = tiqu::extract(tiqu::Rule::PercentWords.sample())?;
    /// assert_eq!(doc.mentions[0].rule, tiqu::Rule::PercentWords);
    /// assert_eq!(tiqu::Rule::PercentWords.to_string(), "percent_words");
    /// # Ok::<(), tiqu::Error>(())
    /// ```
    pub enum Rule ("rule") {
        /// A number and `%`, `％`: `87%`.
        PercentSign = "percent_sign",
        /// `百分之三点五`, `千分之八`, `三分之一`: N分之M.
        PercentWords = "percent_words",
        /// A proper fraction: `2/5` (40 %).
        PercentSlash = "percent_slash",
        /// A discount: `九折` (90 %), `对折` (50 %).
        PercentDiscount = "percent_discount",
        /// `三成`: tenths.
        PercentTenths = "percent_tenths",
        /// `4.6个百分点`.
        PercentagePoint = "percentage_point",
        /// An index level or move in points: `收报3325.11点`.
        IndexPoint = "index_point",
        /// A number and a currency unit: `943亿元`.
        MoneyUnit = "money_unit",
        /// A bare 万/亿 amount after a money indicator: `利税4800万`.
        MoneyImplicitYuan = "money_implicit_yuan",
        /// An amount after a currency sign or code: `￥450`, `US$2.5M`, `RMB 100`.
        MoneySign = "money_sign",
        /// A colloquial compound amount: `八块五毛`, `5元3角2分`, `三美元又五美分`.
        MoneyCompound = "money_compound",
        /// A number and a physical or time unit: `30万千瓦`, `18个月`.
        PhysicalUnit = "physical_unit",
        /// A rate: `6万元/吨`.
        RateUnit = "rate_unit",
        /// A number and a classifier: `432个`.
        CountClassifier = "count_classifier",
        /// `3倍`.
        MultipleBei = "multiple_bei",
        /// `翻一番`.
        MultipleDoubling = "multiple_doubling",
        /// `半年`, `半个月`.
        DurationHalf = "duration_half",
        /// A vague amount without a value: `数十万个`.
        VagueAmount = "vague_amount",
        /// Two ends with their units: `4000万元至5200万元`.
        Range = "range",
        /// Two ends, the first borrowing the second's unit: `3-5%`.
        RangeSharedUnit = "range_shared_unit",
        /// Two neighbouring digits, an approximate range: `六七千人` (6000–7000).
        RangeApprox = "range_approx",
        /// A unit written once for a list: the `9.2` of `9.2、7.4个百分点`.
        UnitSharedInList = "unit_shared_in_list",
        /// A unit declared by a table's label for the bare numbers after it:
        /// `营业收入（万元）|4,393.49`.
        UnitDeclared = "unit_declared",
        /// `2022年`.
        DateYear = "date_year",
        /// `2024-03-08`, `2021/3/15`.
        DateNumeric = "date_numeric",
        /// A date with a clock time: `2024-03-08 05:28:21`.
        DateTime = "date_time",
        /// A clock time: `14:02:11`.
        TimeClock = "time_clock",
        /// A time in words: `3时15分`, `下午3时`.
        TimeWords = "time_words",
        /// A month and day without a year: `8月25日`.
        DateMonthDay = "date_month_day",
        /// A day without a month: `18日` in a dateline.
        DateDay = "date_day",
        /// A year with a period inside it: `2012年上半年`, `2012年1-6月`, `2023年第三季度`.
        DateYearPeriod = "date_year_period",
        /// The second end of a date range, completed from the first: the `4月15日` of
        /// `2022年3月1日-4月15日` (`2022-04-15`).
        DateRange = "date_range",
        /// `2022年度`.
        DateYearFiscal = "date_year_fiscal",
        /// `2023年5月`.
        DateYearMonth = "date_year_month",
        /// `2016年10月19日`.
        DateFull = "date_full",
        /// `上半年`, `前三季度`, `前7个月`.
        DatePeriod = "date_period",
        /// `一季度`, `第四季度`.
        DateQuarter = "date_quarter",
        /// `1-7月`, `5月`.
        DateMonths = "date_months",
        /// `第一`, `第18`.
        OrdinalDi = "ordinal_di",
        /// `前10位`, `前三名`.
        OrdinalTopN = "ordinal_top_n",
        /// `50强`.
        OrdinalStrong = "ordinal_strong",
        /// A session without 第: `十五届`, `三次会议`.
        OrdinalSession = "ordinal_session",
        /// A number in a series: `2号`, `13号线`.
        OrdinalHao = "ordinal_hao",
        /// A count of places after a rank verb: `分列3-5位`.
        OrdinalAfterVerb = "ordinal_after_verb",
        /// A number that belongs to no larger quantity.
        Number = "number",
        /// An organisation by its final form: `…有限公司`, `…局`, `…研究院`.
        OrgSuffix = "org_suffix",
        /// Names listed before a count and a generic head: `X、Y2个国家重点实验室`.
        OrgSharedHead = "org_shared_head",
        /// A place listed before an organisation named after a place: the `福州` of `福州、厦门海关`.
        OrgListedPlace = "org_listed_place",
        /// An enterprise of the lexicon, by full or short name.
        EnterpriseLexicon = "enterprise_lexicon",
        /// Enterprises listed before a count of enterprises: `包钢、包铝4户企业`.
        EnterpriseList = "enterprise_list",
        /// The owner named before a capacity: `韵升1.5万吨…`.
        EnterpriseCapacityOwner = "enterprise_capacity_owner",
        /// The owner at the head of a park's name: `龙马高端风电装备产业园`.
        EnterpriseParkOwner = "enterprise_park_owner",
        /// A project named by owner, capacity and product.
        FacilityCapacity = "facility_capacity",
        /// A place of the gazetteer.
        PlaceGazetteer = "place_gazetteer",
        /// A named body of the lexicon: a government body, an association, an exchange, a
        /// medium (`海关总署`, `新华社`).
        BodyLexicon = "body_lexicon",
        /// A person after a role: `总经理杨昊说`.
        PersonAfterRole = "person_after_role",
        /// A news medium named as the source of a report: `忠州新闻网讯`, `（熊孝慧 洪观新闻记者）`.
        MediaSource = "media_source",
        /// A person in a byline: `□ 本报记者 刘念`.
        PersonByline = "person_byline",
        /// A person credited in brackets: `（记者 张秀云）`, `【责任编辑：伊宁倩】`, `（文武）` ending a
        /// report.
        PersonCredit = "person_credit",
        /// A titled document: `《…》`.
        DocumentTitle = "document_title",
        /// `党的二十大`.
        PartyCongress = "party_congress",
    }
}

impl Rule {
    /// A short text in which this rule finds something (used by the tests and the docs).
    pub fn sample(self) -> &'static str {
        match self {
            Rule::PercentSign => "增长87%。",
            Rule::PercentWords => "增长百分之三点五。",
            Rule::PercentSlash => "占全国的2/5。",
            Rule::PercentDiscount => "商品打九折出售。",
            Rule::PercentTenths => "占三成。",
            Rule::PercentagePoint => "提高4.6个百分点。",
            Rule::MoneyUnit => "完成投资943亿元。",
            Rule::MoneyImplicitYuan => "实现利税4800万。",
            Rule::MoneySign => "售价为$35。",
            Rule::MoneyCompound => "每斤八块五毛。",
            Rule::PhysicalUnit => "装机30万千瓦。",
            Rule::RateUnit => "价格6万元/吨。",
            Rule::CountClassifier => "新增企业81家。",
            Rule::MultipleBei => "增长3倍。",
            Rule::MultipleDoubling => "产值翻一番。",
            Rule::DurationHalf => "用了半年。",
            Rule::VagueAmount => "带动数十万人就业。",
            Rule::Range => "投资4000万元至5200万元。",
            Rule::RangeSharedUnit => "增长3-5%。",
            Rule::RangeApprox => "吸纳六七千人就业。",
            Rule::UnitSharedInList => "分别提高9.2、7.4个百分点。",
            Rule::UnitDeclared => "营业总收入（万元）|4,393.49|4,421.19",
            Rule::DateYear => "2022年，产值增长。",
            Rule::DateNumeric => "发布时间：2011-04-01",
            Rule::DateTime => "2024-03-08 05:28:21 发布",
            Rule::TimeClock => "14:02:11发布。",
            Rule::TimeWords => "下午3时开幕。",
            Rule::DateMonthDay => "8月25日开工。",
            Rule::DateDay => "国家统计局18日发布数据。",
            Rule::DateYearPeriod => "2012年上半年产值增长。",
            Rule::DateRange => "2022年3月1日-4月15日开展检查。",
            Rule::IndexPoint => "沪指收报3325.11点。",
            Rule::DateYearFiscal => "2022年度产值增长。",
            Rule::DateYearMonth => "2023年5月投产。",
            Rule::DateFull => "2016年10月19日开工。",
            Rule::DatePeriod => "上半年产值增长。",
            Rule::DateQuarter => "一季度产值增长。",
            Rule::DateMonths => "1-7月产值增长。",
            Rule::OrdinalDi => "居全国第一。",
            Rule::OrdinalTopN => "进入全国前10位。",
            Rule::OrdinalStrong => "进入50强。",
            Rule::OrdinalSession => "市十五届人大三次会议开幕。",
            Rule::OrdinalHao => "地铁2号线开通。",
            Rule::OrdinalAfterVerb => "三家企业分列3-5位。",
            Rule::Number => "编号为1234。",
            Rule::OrgSuffix => "内蒙古一机集团有限公司投产。",
            Rule::OrgSharedHead => "建成稀土资源、特种车辆2个国家重点实验室。",
            Rule::OrgListedPlace => "福州、厦门海关联合发布。",
            Rule::EnterpriseLexicon => "比亚迪产量增长。",
            Rule::EnterpriseList => "推动包钢、包铝、北重4户企业上市。",
            Rule::EnterpriseCapacityOwner => "金鼎1万吨高纯稀土项目开工。",
            Rule::EnterpriseParkOwner => "龙马高端风电装备产业园开工。",
            Rule::FacilityCapacity => "金鼎1万吨高纯稀土项目开工。",
            Rule::PlaceGazetteer => "包头市产值增长。",
            Rule::PersonAfterRole => "总经理杨昊说，产量增长。",
            Rule::PersonByline => "□ 本报记者 刘念\n\n产量增长。",
            Rule::BodyLexicon => "据海关总署统计，出口增长。",
            Rule::MediaSource => "忠州新闻网讯 全县产量增长。",
            Rule::PersonCredit => "全市产量增长。（记者 张秀云）",
            Rule::DocumentTitle => "印发《稀土产业发展规划》。",
            Rule::PartyCongress => "学习党的二十大精神。",
        }
    }
}

/// The value of a mention: an exact number, or a text value (full dates as `2016-10-19`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implicit_unit: bool,
    /// Low end of a range (`3-5%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<Decimal>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Decimal>,
    /// The rule that found it.
    pub rule: Rule,
    /// A date's value resolved against the document date, where the text leaves out the year
    /// (`8月25日` → `2023-08-25`); absent without a document date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
}

impl Mention {
    /// The span in the original input.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A named thing found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A person's employer (canonical name), where the text gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// The full name from the lexicon or gazetteer (an enterprise's legal name, a place's
    /// official name), where it differs from `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The rule that found it.
    pub rule: Rule,
}

impl Entity {
    /// The span in the original input.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A linked record: subject + indicator + predicate + value (+ period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// The period resolved against the document date, in TIMEX3 (`去年` → `2022`, `今年上半年`
    /// → `2023-H1`); absent without a document date or a calendar value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_resolved: Option<String>,
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

/// A phrase that refers back to an entity named earlier: `该公司` after `晶源新材料（内蒙古）有限公司`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

/// Everything extracted from one input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The caller's identifier for the text.
    pub id: String,
    /// The document date (`2023-08-25`): the one given, or the one the text states at its top
    /// (a source line or dateline with a year). Relative dates and periods are resolved
    /// against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Quantities, in order of position.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Named entities, in order of position.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Linked facts, in order of position.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Phrases that refer back to an entity named earlier (`该公司`).
    #[serde(default)]
    pub references: Vec<Reference>,
}
