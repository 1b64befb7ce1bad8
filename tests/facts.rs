//! Facts beyond the fixture: sentences and the records a reader expects from them.

use tiqu::{extract, Document, Fact, Modality};

fn doc(text: &str) -> Document {
    match extract(text) {
        Ok(d) => d,
        Err(e) => panic!("{text}: {e}"),
    }
}

/// (indicator, value as written) of every fact, in order.
fn pairs(d: &Document) -> Vec<(&str, &str)> {
    d.facts
        .iter()
        .map(|f| (f.indicator.as_str(), f.value.text.as_str()))
        .collect()
}

/// The fact whose value is written as `value`.
fn fact<'a>(d: &'a Document, value: &str) -> &'a Fact {
    match d.facts.iter().find(|f| f.value.text == value) {
        Some(f) => f,
        None => panic!(
            "no fact with value {value}: {:?}",
            d.facts
                .iter()
                .map(|f| (&f.indicator, &f.value.text))
                .collect::<Vec<_>>()
        ),
    }
}

#[test]
fn indicator_predicate_value_period_subject() {
    let d = doc("去年全市工业投资增长87%，制造业投资增长73.4%。");
    let f = fact(&d, "87%");
    assert_eq!(f.indicator, "工业投资");
    assert_eq!(f.predicate.as_deref(), Some("增长"));
    assert_eq!(f.period.as_deref(), Some("去年"));
    let f = fact(&d, "73.4%");
    assert_eq!(f.indicator, "制造业投资");
    assert_eq!(
        f.period.as_deref(),
        Some("去年"),
        "the period carries through the sentence"
    );
}

#[test]
fn the_subject_is_the_place_the_article_is_about() {
    let d = doc("包头市经济稳步增长。去年全市规上工业增加值增长10.5%。包头市还新增企业81家。");
    assert_eq!(fact(&d, "10.5%").subject.as_deref(), Some("包头市"));
}

#[test]
fn distributive_lists_give_one_fact_per_item() {
    let d = doc("多晶硅料、单晶拉棒、切片、组件产能分别达到30万吨、133GW、46GW和8GW。");
    assert_eq!(
        pairs(&d),
        vec![
            ("多晶硅料产能", "30万吨"),
            ("单晶拉棒产能", "133GW"),
            ("切片产能", "46GW"),
            ("组件产能", "8GW")
        ]
    );
}

#[test]
fn two_item_lists_with_he() {
    let d = doc("战略性新兴产业、高技术制造业增加值分别增长53.6%和84.6%。");
    assert_eq!(fact(&d, "53.6%").indicator, "战略性新兴产业增加值");
    assert_eq!(fact(&d, "84.6%").indicator, "高技术制造业增加值");
}

#[test]
fn a_change_from_to() {
    let d = doc("经过智能化改造，产品综合合格率由95.5%跃升至98%以上。");
    let f = fact(&d, "98%以上");
    assert_eq!(f.indicator, "产品综合合格率");
    assert_eq!(f.from.as_ref().map(|m| m.text.as_str()), Some("95.5%"));
    assert!(
        d.facts.iter().all(|f| f.value.text != "95.5%"),
        "the start is not a fact of its own"
    );
}

#[test]
fn shares_and_ranks_name_the_whole() {
    let d = doc("稀土储量占到全国的84%，新能源装机容量位居全区第一。");
    let f = fact(&d, "84%");
    assert_eq!(f.indicator, "稀土储量");
    assert_eq!(f.of.as_deref(), Some("全国"));
    let f = fact(&d, "第一");
    assert_eq!(f.of.as_deref(), Some("全区"));
    assert_eq!(f.indicator, "新能源装机容量");
}

#[test]
fn comparison_basis() {
    let d = doc("一季度，全省规上工业增加值同比增长6.5%，增速比上年同期加快0.8个百分点。");
    let f = fact(&d, "6.5%");
    assert_eq!(f.comparison.as_deref(), Some("同比"));
    let f = fact(&d, "0.8个百分点");
    assert_eq!(f.indicator, "规上工业增加值增速");
    assert_eq!(f.comparison.as_deref(), Some("比上年同期"));
    assert_eq!(f.predicate.as_deref(), Some("加快"));
}

#[test]
fn comparison_carried_by_xia_tong() {
    let d = doc("今年前7个月，全市外贸进出口总额同比（下同）增长12.1%。其中，出口增长15.3%。");
    assert_eq!(fact(&d, "15.3%").comparison.as_deref(), Some("同比"));
    assert_eq!(fact(&d, "15.3%").period.as_deref(), Some("今年前7个月"));
}

#[test]
fn modality_forecast_and_target() {
    let d = doc("公司预计2023年可实现产值三亿元。全市计划实施工业数字化改造项目200个以上。去年营业收入增长5%。");
    assert_eq!(fact(&d, "三亿元").modality, Modality::Forecast);
    assert_eq!(fact(&d, "200个以上").modality, Modality::Target);
    assert_eq!(fact(&d, "5%").modality, Modality::Actual);
}

#[test]
fn the_company_named_last_is_the_subject_of_gongsi() {
    let d = doc("在晶源新材料（内蒙古）有限公司的生产一线，该公司销售总监说：“公司预计2023年可实现产值三亿元，利税4800万”。");
    let f = fact(&d, "4800万");
    assert_eq!(f.indicator, "利税");
    assert_eq!(f.subject.as_deref(), Some("晶源新材料（内蒙古）有限公司"));
}

#[test]
fn a_counted_noun_after_the_value() {
    let d = doc("支持2个国家重点实验室开展核心技术研究。");
    assert_eq!(fact(&d, "2个").indicator, "国家重点实验室");
}

#[test]
fn verb_object_value() {
    let d = doc("实施工业技改项目202个，完成投资112.6亿元。");
    let f = fact(&d, "202个");
    assert_eq!(
        (f.indicator.as_str(), f.predicate.as_deref()),
        ("工业技改项目", Some("实施"))
    );
    let f = fact(&d, "112.6亿元");
    assert_eq!(
        (f.indicator.as_str(), f.predicate.as_deref()),
        ("投资", Some("完成"))
    );
}

#[test]
fn every_fact_points_at_its_evidence() {
    let text = "去年全市工业投资增长87%，\n\n完成投资943亿\n\n元。";
    let d = doc(text);
    for f in &d.facts {
        assert_eq!(text.get(f.start..f.end), Some(f.evidence.as_str()));
        assert!(f.evidence.contains(&f.value.text));
    }
}

#[test]
fn parallel_lists_of_values_and_growth_rates() {
    let d = doc("出口额和进口额分别为120亿元和80亿元，分别增长5.2%和3.1%。");
    assert_eq!(
        pairs(&d),
        vec![
            ("出口额", "120亿元"),
            ("进口额", "80亿元"),
            ("出口额", "5.2%"),
            ("进口额", "3.1%")
        ]
    );
}

#[test]
fn a_change_of_a_growth_rate() {
    let d = doc("全市规上工业增加值增长6.8%，增速比上半年加快0.3个百分点。");
    let f = fact(&d, "0.3个百分点");
    assert_eq!(f.indicator, "规上工业增加值增速");
    assert_eq!(f.comparison.as_deref(), Some("比上半年"));
    assert_eq!(f.value.kind, tiqu::MentionKind::PercentagePoint);
}

#[test]
fn a_named_subject_and_a_date_inside_the_clause() {
    let d = doc("比亚迪1至9月新能源汽车销量达到208万辆，同比增长约80%。");
    let f = fact(&d, "208万辆");
    assert_eq!(f.indicator, "新能源汽车销量");
    assert_eq!(f.subject.as_deref(), Some("比亚迪"));
    assert_eq!(f.period.as_deref(), Some("1至9月"));
    let f = fact(&d, "约80%");
    assert_eq!(
        f.subject.as_deref(),
        Some("比亚迪"),
        "the subject holds for the sentence"
    );
    assert_eq!(f.period.as_deref(), Some("1至9月"));
    assert_eq!(f.comparison.as_deref(), Some("同比"));
}

#[test]
fn an_enterprise_opening_a_paragraph_stays_its_subject() {
    let d = doc("2023年，中国石油天然气集团有限公司实现营业收入3.2万亿元，同比下降5.1%；实现利润总额2108亿元，同比增长18.7%。深圳市完成固定资产投资9500亿元。");
    let f = fact(&d, "2108亿元");
    assert_eq!(f.subject.as_deref(), Some("中国石油天然气集团有限公司"));
    assert_eq!(f.indicator, "利润总额");
    assert_eq!(f.period.as_deref(), Some("2023年"));
    assert_eq!(fact(&d, "9500亿元").subject.as_deref(), Some("深圳市"));
}

#[test]
fn xia_tong_after_the_value_and_the_country_as_subject() {
    let d = doc("全市固定资产投资比上年增长11.5%（下同）。其中，工业投资增长40%以上。据海关统计，我国货物贸易进出口总值增长0.2%。");
    assert_eq!(fact(&d, "40%以上").comparison.as_deref(), Some("比上年"));
    let f = fact(&d, "0.2%");
    assert_eq!(f.indicator, "货物贸易进出口总值");
    assert_eq!(f.subject.as_deref(), Some("中国"));
}
