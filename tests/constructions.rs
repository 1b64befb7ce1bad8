//! Facts, construction by construction: each case is a text, as written and hard-wrapped like
//! a newspaper column, and every fact a reader takes from it, written `subject|indicator|predicate|value|period|comparison` (`-` for none), with
//! ` [forecast]` or ` [target]` after a fact that is not actual. The whole list must match: a
//! missing fact and an extra one both fail.

use tiqu::{extract, Fact, Modality};

/// One fact as a row of the table.
fn row(f: &Fact) -> String {
    let cell = |s: Option<&str>| s.unwrap_or("-").to_string();
    let mut r = [
        cell(f.subject.as_deref()),
        f.indicator.clone(),
        cell(f.predicate.as_deref()),
        // as written, without the line breaks of a wrapped column
        f.value.text.split_whitespace().collect(),
        cell(f.period.as_deref()),
        cell(f.comparison.as_deref()),
    ]
    .join("|");
    if f.modality != Modality::Actual {
        r.push_str(&format!(" [{}]", f.modality));
    }
    r
}

/// A paragraph without figures, names or dates that sets up the column before a case.
const LEAD: &str =
    "据了解这是本报记者从有关部门获悉的最新情况全文如下所述请读者留意相关报道有关内容以发布为准本文所述情况均来自公开渠道。";

/// `text` as a newspaper column prints it, after a paragraph of [`LEAD`]: every paragraph
/// hard-wrapped at the width of 14 Chinese characters (a Latin letter or a digit is half as
/// wide), a blank line after every line.
fn column(text: &str) -> String {
    let mut lines = Vec::new();
    for para in std::iter::once(LEAD).chain(text.split('\n')) {
        let mut line = String::new();
        let mut width = 0;
        for c in para.chars() {
            let w = if c.is_ascii() { 1 } else { 2 };
            if width + w > 28 {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
            line.push(c);
            width += w;
        }
        lines.push(line);
    }
    lines.join("\n\n") + "\n"
}

/// Check every case of a table, as written and wrapped like a newspaper column; report all the
/// cases that fail at once.
fn check(table: &[(&str, &[&str])]) {
    check_layouts(table, true);
}

/// Check every case of a table as written only (a title line, rows of a table: layouts that a
/// column does not keep).
fn check_as_written(table: &[(&str, &[&str])]) {
    check_layouts(table, false);
}

fn check_layouts(table: &[(&str, &[&str])], wrapped: bool) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let inputs = if wrapped {
            vec![text.to_string(), column(text)]
        } else {
            vec![text.to_string()]
        };
        for input in inputs {
            let got: Vec<String> = match extract(&input) {
                Ok(d) => d.facts.iter().map(row).collect(),
                Err(e) => vec![format!("error: {e}")],
            };
            if got != *want {
                failures.push(format!("{input:?}\n  want {want:#?}\n  got  {got:#?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_main_subject() {
    // the title names the place (a title line is no part of a column); 新中国 names no place;
    // an anniversary is no fact
    check_as_written(&[(
        "台州市2022年国民经济统计公报\n2022年是新中国成立73周年。全市实现生产总值6040亿元，比上年增长3.9%。",
        &[
            "台州市|生产总值|实现|6040亿元|2022年|-",
            "台州市|生产总值|比上年增长|3.9%|2022年|比上年",
        ],
    )]);
    check(&[
        // a country named in passing is not the subject of an article about a city
        (
            "全市坚持以中国式现代化为指引。中国经济稳中向好，温州市生产总值增长6%。全市出口增长8%。",
            &[
                "温州市|生产总值|增长|6%|-|-",
                "温州市|出口|增长|8%|-|-",
            ],
        ),
        // a monetary release that names no place reports the country's figures
        (
            "2月末，广义货币(M2)余额299.56万亿元，同比增长8.7%。",
            &[
                "全国|广义货币(M2)余额|-|299.56万亿元|2月末|-",
                "全国|广义货币(M2)余额|同比增长|8.7%|2月末|同比",
            ],
        ),
    ]);
}

#[test]
fn periods() {
    // the title's year is the period of paragraphs that name none; 全年 is that year
    check_as_written(&[(
        "玉环市2019年国民经济和社会发展统计公报\n全市实现生产总值617.50亿元，比上年增长5.2%。\n全年蔬菜播种面积3938公顷，增长1.4%。",
        &[
            "玉环市|生产总值|实现|617.50亿元|2019年|-",
            "玉环市|生产总值|比上年增长|5.2%|2019年|比上年",
            "玉环市|蔬菜播种面积|-|3938公顷|2019年|-",
            "玉环市|蔬菜播种面积|增长|1.4%|2019年|-",
        ],
    )]);
    check(&[
        // a bound before the date is part of the period, which holds for the list after it
        (
            "截至9月底，全省电力装机达到7020万千瓦，其中水电2298万千瓦、风电898.7万千瓦。",
            &[
                "-|电力装机|达到|7020万千瓦|截至9月底|-",
                "-|水电|-|2298万千瓦|截至9月底|-",
                "-|风电|-|898.7万千瓦|截至9月底|-",
            ],
        ),
        // a release's reporting period holds in the paragraphs after it, with an aspect's
        // comparison basis (从环比看)
        (
            "2月份，全国居民消费价格同比上涨1.5%。\n从环比看，食品价格上涨3.2%，服务价格上涨0.7%。",
            &[
                "全国|居民消费价格|上涨|1.5%|2月份|同比",
                "全国|食品价格|上涨|3.2%|2月份|环比",
                "全国|服务价格|上涨|0.7%|2月份|环比",
            ],
        ),
        // the period that opens a release's paragraph is its reporting period, not one named
        // later in it (1至2月平均)
        (
            "数据显示，2019年2月份，全国工业生产者出厂价格同比上涨0.1%。1至2月平均，工业生产者出厂价格上涨0.1%。\n董雅秀说，PPI环比降幅收窄。其中，生活资料价格下降0.1%。",
            &[
                "全国|工业生产者出厂价格|上涨|0.1%|2019年2月份|同比",
                "全国|工业生产者出厂价格|上涨|0.1%|1至2月|-",
                "全国|生活资料价格|下降|0.1%|2019年2月份|-",
            ],
        ),
        // a section number before the period
        (
            "四、2月份银行间人民币市场同业拆借月加权平均利率为1.85%。",
            &["-|银行间人民币市场同业拆借月加权平均利率|为|1.85%|2月份|-"],
        ),
        // a year or an event's day holds in its own paragraph only
        (
            "去年工业投资增长87%。\n全市新增规上企业81家。",
            &["-|工业投资|增长|87%|去年|-", "-|规上企业|新增|81家|-|-"],
        ),
        (
            "9月10日，全市举行签约仪式，签约项目12个。\n全市引进项目35个。",
            &["-|项目|签约|12个|9月10日|-", "-|项目|引进|35个|-|-"],
        ),
        // a bullet before the period
        (
            "进展情况：\n- 截止2024年8月7日，公司累计增持股份6,013,600股。",
            &["-|增持股份|累计|6,013,600股|截止2024年8月7日|-"],
        ),
        (
            "到2025年，全省规上工业增加值年均增长6%，绿色工厂达到300家。",
            &[
                "-|规上工业增加值|年均增长|6%|到2025年|-",
                "-|绿色工厂|达到|300家|到2025年|-",
            ],
        ),
    ]);
}

#[test]
fn counts_of_a_group() {
    check(&[
        (
            "从调查的40个工业行业大类看，价格上涨的有15个，持平的有8个，下降的有17个。",
            &[
                "-|调查的工业行业大类|-|40个|-|-",
                "-|价格上涨的工业行业大类|有|15个|-|-",
                "-|持平的工业行业大类|有|8个|-|-",
                "-|下降的工业行业大类|有|17个|-|-",
            ],
        ),
        (
            "3月份，41个工业大类中有35个增长。",
            &[
                "-|工业大类|-|41个|3月份|-",
                "-|增长的工业大类|有|35个|3月份|-",
            ],
        ),
        (
            "全省600家重点企业中，有420家实现盈利。",
            &[
                "-|重点企业|-|600家|-|-",
                "-|实现盈利的重点企业|有|420家|-|-",
            ],
        ),
        // 有 and 为 are no indicators, but 有色金属 and 有效投资 are words of their own
        ("全市有规上企业520家。", &["-|规上企业|-|520家|-|-"]),
        (
            "有色金属产量增长5%，有效投资增长3%。",
            &["-|有色金属产量|增长|5%|-|-", "-|有效投资|增长|3%|-|-"],
        ),
    ]);
}

#[test]
fn points_of_a_contribution() {
    check(&[(
        "2月份，食品价格上涨3.2%，涨幅比上月扩大1.6个百分点，影响CPI上涨约0.63个百分点。",
        &[
            "-|食品价格|上涨|3.2%|2月份|-",
            "-|食品价格涨幅|扩大|1.6个百分点|2月份|比上月",
            "-|食品价格|影响CPI上涨|约0.63个百分点|2月份|-",
        ],
    )]);
}

#[test]
fn labelled_figures() {
    // rows of labels continue the indicator (rows are no column)
    check_as_written(&[(
        "归属于上市公司股东的净利润：盈利5000万元至6000万元\n比上年同期增长：50%至80%\n上年同期：盈利3300万元",
        &[
            "-|归属于上市公司股东的净利润|盈利|5000万元至6000万元|-|-",
            "-|归属于上市公司股东的净利润|增长|50%至80%|-|比上年同期",
            "-|归属于上市公司股东的净利润|盈利|3300万元|上年同期|-",
        ],
    )]);
    // a label, a colon and its figures
    check(&[
        (
            "预计2023年1-12月扣除非经常性损益后的净利润盈利:115,591.79万元至127,591.79万元,同比上年增长:60%至77%。",
            &[
                "-|扣除非经常性损益后的净利润|盈利|115,591.79万元至127,591.79万元|2023年1-12月|- [forecast]",
                "-|扣除非经常性损益后的净利润|增长|60%至77%|2023年1-12月|同比 [forecast]",
            ],
        ),
        // a paragraph that opens with no label starts afresh
        (
            "营业收入：5亿元。\n全市新增规上企业30家。\n8家。",
            &["-|营业收入|-|5亿元|-|-", "-|规上企业|新增|30家|-|-"],
        ),
    ]);
}

#[test]
fn measures_of_production_and_sales() {
    check(&[
        (
            "1-6月，汽车产销分别完成1562.1万辆和1565.3万辆，同比分别增长12.5%和11.4%。",
            &[
                "-|汽车产量|完成|1562.1万辆|1-6月|-",
                "-|汽车销量|完成|1565.3万辆|1-6月|-",
                "-|汽车产量|增长|12.5%|1-6月|同比",
                "-|汽车销量|增长|11.4%|1-6月|同比",
            ],
        ),
        // figures one after another are the list a 分别 refers to
        (
            "1-6月，汽车生产1562.1万辆，销售1565.3万辆，同比分别增长12.5%和11.4%。",
            &[
                "-|汽车产量|-|1562.1万辆|1-6月|-",
                "-|汽车销量|-|1565.3万辆|1-6月|-",
                "-|汽车产量|增长|12.5%|1-6月|同比",
                "-|汽车销量|增长|11.4%|1-6月|同比",
            ],
        ),
        (
            "7月份公司销售客车3,675辆，同比增长80.15%；1-7月累计销售客车18,809辆。",
            &[
                "-|客车销量|-|3,675辆|7月份|-",
                "-|客车销量|同比增长|80.15%|7月份|同比",
                "-|客车累计销量|-|18,809辆|1-7月|-",
            ],
        ),
        // capacities of the product after them, the land a project takes
        (
            "公司投资10亿元建设年产2万吨高纯纳米氢氧化锂项目，占地100亩。",
            &[
                "-|投资|-|10亿元|-|-",
                "-|高纯纳米氢氧化锂年产能|-|2万吨|-|-",
                "-|占地面积|-|100亩|-|-",
            ],
        ),
        (
            "项目主要建设200万吨/年氧化钙生产线、80万吨/年纳米碳酸钙生产线。",
            &[
                "-|氧化钙生产线产能|-|200万吨/年|-|-",
                "-|纳米碳酸钙生产线产能|-|80万吨/年|-|-",
            ],
        ),
        ("公司年产钢材500万吨。", &["-|钢材年产量|-|500万吨|-|-"]),
        // money after 销售 is no 销量; 生产 inside a noun is no verb
        (
            "全年生产钢材1.2亿吨，销售收入12亿元，安全生产事故3起。",
            &[
                "-|钢材产量|-|1.2亿吨|全年|-",
                "-|销售收入|-|12亿元|全年|-",
                "-|安全生产事故|-|3起|全年|-",
            ],
        ),
    ]);
}

#[test]
fn figures_that_are_no_facts() {
    check(&[
        // the number of a session, an edition or a line is part of a name
        ("第四届董事会第九次会议决议公告。", &[]),
        ("广州市十五届人大三次会议上午开幕。", &[]),
        ("成都轨道交通13号线项目中标。", &[]),
        // an anniversary is an occasion
        ("2019年是新中国成立70周年。", &[]),
        // a rank is a fact
        ("全市经济总量居全省第三位。", &["-|经济总量|居|第三位|-|-"]),
    ]);
}

#[test]
fn lists_of_subjects_and_breakdowns() {
    check(&[
        // one value for every name listed (均), one each (分别)
        (
            "华为、腾讯、阿里巴巴营业收入均超千亿元。",
            &[
                "华为|营业收入|-|超千亿元|-|-",
                "腾讯|营业收入|-|超千亿元|-|-",
                "阿里巴巴|营业收入|-|超千亿元|-|-",
            ],
        ),
        (
            "包钢、包铝2户企业产值分别增长5%和6%。",
            &["包钢|企业产值|增长|5%|-|-", "包铝|企业产值|增长|6%|-|-"],
        ),
        // a breakdown measures the indicator it breaks down; the size of a group is no fact
        (
            "规上工业增加值增长5%。分经济类型看，国有控股企业增长2.1%，股份制企业增长5.3%。",
            &[
                "-|规上工业增加值|增长|5%|-|-",
                "-|国有控股企业规上工业增加值|增长|2.1%|-|-",
                "-|股份制企业规上工业增加值|增长|5.3%|-|-",
            ],
        ),
        (
            "2019年2月份，全国居民消费价格同比上涨1.5%。其中，城市上涨1.5%，农村上涨1.4%；食品价格上涨0.7%。",
            &[
                "全国|居民消费价格|上涨|1.5%|2019年2月份|同比",
                "全国|城市居民消费价格|上涨|1.5%|2019年2月份|-",
                "全国|农村居民消费价格|上涨|1.4%|2019年2月份|-",
                "全国|食品价格|上涨|0.7%|2019年2月份|-",
            ],
        ),
        (
            "全市规上工业增加值增长5.3%。其中，100户大企业增长6%。",
            &[
                "-|规上工业增加值|增长|5.3%|-|-",
                "-|大企业规上工业增加值|增长|6%|-|-",
            ],
        ),
        // a trade partner is part of the indicator
        (
            "1-7月，全省对美国出口增长5%。",
            &["-|对美国出口|增长|5%|1-7月|-"],
        ),
        // a text that ends without a sentence end keeps its fact
        ("营业收入同比增长12.5%", &["-|营业收入|同比增长|12.5%|-|同比"]),
    ]);
}
