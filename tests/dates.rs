//! Dates, times and periods in TIMEX3 notation: full and partial dates, numeric dates, clock
//! times and times in words, periods of a year with and without the year, ranges whose second
//! end takes what it leaves out from the first, and lengths of time that are not dates.

mod common;

use common::cases::*;
use tiqu::MentionKind::{Date, Quantity};

const FULL_AND_PARTIAL: &[Case] = &[
    c(
        "2016年10月19日，项目开工",
        "2016年10月19日",
        Date,
        "2016-10-19",
        "",
        None,
    ),
    c(
        "截止2024年8月7日，累计增持",
        "2024年8月7日",
        Date,
        "2024-08-07",
        "",
        None,
    ),
    c(
        "二〇二三年五月八日召开大会",
        "二〇二三年五月八日",
        Date,
        "2023-05-08",
        "",
        None,
    ),
    c(
        "2021年3月，新厂投产",
        "2021年3月",
        Date,
        "2021-03",
        "",
        None,
    ),
    c(
        "8月25日，市长调研企业",
        "8月25日",
        Date,
        "XXXX-08-25",
        "",
        None,
    ),
    c(
        "记者6月19日从公司获悉",
        "6月19日",
        Date,
        "XXXX-06-19",
        "",
        None,
    ),
    c(
        "确保10月1日出第一块板",
        "10月1日",
        Date,
        "XXXX-10-01",
        "",
        None,
    ),
    c(
        "十月二十五日召开会议",
        "十月二十五日",
        Date,
        "XXXX-10-25",
        "",
        None,
    ),
    c("5月3号正式营业", "5月3号", Date, "XXXX-05-03", "", None),
    c("九月，全市出口回升", "九月", Date, "XXXX-09", "", None),
    c("10月份以来订单增多", "10月份", Date, "XXXX-10", "", None),
    c("八月份用电量创新高", "八月份", Date, "XXXX-08", "", None),
    c(
        "截至6月底，装机容量达到",
        "6月底",
        Date,
        "XXXX-06",
        "",
        None,
    ),
    c("预计3月中旬完工", "3月中旬", Date, "XXXX-03", "", None),
    c(
        "国家统计局18日数据显示",
        "18日",
        Date,
        "XXXX-XX-18",
        "",
        None,
    ),
    c("海关总署11日公布数据", "11日", Date, "XXXX-XX-11", "", None),
    c(
        "（记者潘清）23日沪深股指涨跌互现",
        "23日",
        Date,
        "XXXX-XX-23",
        "",
        None,
    ),
    c("本报上海3月2日电", "3月2日", Date, "XXXX-03-02", "", None),
];

const NUMERIC_AND_TIMES: &[Case] = &[
    c(
        "发布时间:2011-04-01",
        "2011-04-01",
        Date,
        "2011-04-01",
        "",
        None,
    ),
    c(
        "日期 2021/3/15 公告",
        "2021/3/15",
        Date,
        "2021-03-15",
        "",
        None,
    ),
    c("于2021.3.15签约", "2021.3.15", Date, "2021-03-15", "", None),
    c(
        "2012-07-20 来源：上海证券报",
        "2012-07-20",
        Date,
        "2012-07-20",
        "",
        None,
    ),
    c(
        "2024-03-08 05:28:21 发布",
        "2024-03-08 05:28:21",
        Date,
        "2024-03-08T05:28:21",
        "",
        None,
    ),
    c(
        "2020-11-05 14:02:11 来源：新华网",
        "2020-11-05 14:02:11",
        Date,
        "2020-11-05T14:02:11",
        "",
        None,
    ),
    c("会议于14:30开始", "14:30", Date, "T14:30", "", None),
    c("更新于09:23:48", "09:23:48", Date, "T09:23:48", "", None),
    c(
        "凌晨3时15分发生地震",
        "凌晨3时15分",
        Date,
        "T03:15",
        "",
        None,
    ),
    c("3时15分发生地震", "3时15分", Date, "T03:15", "", None),
    c("下午3时开幕", "下午3时", Date, "T15", "", None),
    c("晚上8点举行晚会", "晚上8点", Date, "T20", "", None),
    c("上午9点30分签约", "上午9点30分", Date, "T09:30", "", None),
    c("下午2点半召开", "下午2点半", Date, "T14:30", "", None),
];

const PERIODS_WITH_YEARS: &[Case] = &[
    c(
        "2012年上半年，公司营收增长",
        "2012年上半年",
        Date,
        "2012-H1",
        "",
        None,
    ),
    c(
        "2023年下半年将投产",
        "2023年下半年",
        Date,
        "2023-H2",
        "",
        None,
    ),
    c(
        "2023年第三季度营收增长",
        "2023年第三季度",
        Date,
        "2023-Q3",
        "",
        None,
    ),
    c(
        "2023年一季度GDP增长",
        "2023年一季度",
        Date,
        "2023-Q1",
        "",
        None,
    ),
    c(
        "2023年前三季度GDP增长",
        "2023年前三季度",
        Date,
        "2023-Q1/2023-Q3",
        "",
        None,
    ),
    c(
        "2012年1-6月，实现营收",
        "2012年1-6月",
        Date,
        "2012-01/2012-06",
        "",
        None,
    ),
    c(
        "2023年1至10月产量增长",
        "2023年1至10月",
        Date,
        "2023-01/2023-10",
        "",
        None,
    ),
    c(
        "2023年前7个月出口增长",
        "2023年前7个月",
        Date,
        "2023-01/2023-07",
        "",
        None,
    ),
    c(
        "2022年度报告显示",
        "2022年度",
        Date,
        "2022",
        "year_ad",
        None,
    ),
    c(
        "2019年，全市经济平稳",
        "2019年",
        Date,
        "2019",
        "year_ad",
        None,
    ),
    c(
        "预计2025年左右投产",
        "2025年左右",
        Date,
        "2025",
        "year_ad",
        APPROX,
    ),
];

const PERIODS_WITHOUT_YEARS: &[Case] = &[
    c("上半年全市营收增长", "上半年", Date, "XXXX-H1", "", None),
    c("下半年将加快建设", "下半年", Date, "XXXX-H2", "", None),
    c(
        "前三季度GDP增长5.2%",
        "前三季度",
        Date,
        "XXXX-Q1/XXXX-Q3",
        "",
        None,
    ),
    c("一季度用电量增长", "一季度", Date, "XXXX-Q1", "", None),
    c("第四季度订单增加", "第四季度", Date, "XXXX-Q4", "", None),
    c(
        "前7个月销量近万辆",
        "前7个月",
        Date,
        "XXXX-01/XXXX-07",
        "",
        None,
    ),
    c(
        "今年前7月累计销量近万辆",
        "前7月",
        Date,
        "XXXX-01/XXXX-07",
        "",
        None,
    ),
    c("1-7月外贸增长", "1-7月", Date, "XXXX-01/XXXX-07", "", None),
    c(
        "1~5月份利润增长",
        "1~5月份",
        Date,
        "XXXX-01/XXXX-05",
        "",
        None,
    ),
    c(
        "1至10月产量增长",
        "1至10月",
        Date,
        "XXXX-01/XXXX-10",
        "",
        None,
    ),
];

/// Each end of a date range is a mention; the second takes the year (and month) of the first.
const RANGE_ENDS: &[Case] = &[
    c(
        "2022年3月1日-4月15日开展检查",
        "2022年3月1日",
        Date,
        "2022-03-01",
        "",
        None,
    ),
    c(
        "2022年3月1日-4月15日开展检查",
        "4月15日",
        Date,
        "2022-04-15",
        "",
        None,
    ),
    c(
        "实施情况:2024年2月7日至8月7日,累计增持",
        "8月7日",
        Date,
        "2024-08-07",
        "",
        None,
    ),
    c("3月1日至15日开展检查", "15日", Date, "XXXX-03-15", "", None),
    c("2021年3月至5月完成", "5月", Date, "2021-05", "", None),
    c(
        "自2024年2月7日至2025年2月6日",
        "2025年2月6日",
        Date,
        "2025-02-06",
        "",
        None,
    ),
];

/// Lengths of time that look like dates.
const DURATIONS: &[Case] = &[
    c("须在30日内完成", "30日", Quantity, "30", "d", None),
    c("连续7日上涨", "7日", Quantity, "7", "d", None),
    c("前40个交易日均价", "40个交易日", Quantity, "40", "d", None),
    c("15个工作日内办结", "15个工作日", Quantity, "15", "d", None),
    c("历时3年建成", "3年", Quantity, "3", "year", None),
    c("已有1200年历史", "1200年", Quantity, "1200", "year", None),
    c("用了18个月", "18个月", Quantity, "18", "month", None),
    c("24小时不间断生产", "24小时", Quantity, "24", "h", None),
];

/// More of the forms news writes dates in.
const MORE_DATES: &[Case] = &[
    c(
        "2023年12月31日前完成",
        "2023年12月31日",
        Date,
        "2023-12-31",
        "",
        None,
    ),
    c(
        "2024年2月29日发布",
        "2024年2月29日",
        Date,
        "2024-02-29",
        "",
        None,
    ),
    c(
        "2019年2月份CPI上涨",
        "2019年2月份",
        Date,
        "2019-02",
        "",
        None,
    ),
    c("2022年底建成", "2022年", Date, "2022", "year_ad", None),
    c(
        "12月8日，2017年忠县招商会举行",
        "12月8日",
        Date,
        "XXXX-12-08",
        "",
        None,
    ),
    c(
        "7月10日从省能源局获悉",
        "7月10日",
        Date,
        "XXXX-07-10",
        "",
        None,
    ),
    c("11月初开工", "11月初", Date, "XXXX-11", "", None),
    c("4月下旬投产", "4月下旬", Date, "XXXX-04", "", None),
    c("二月份出口下降", "二月份", Date, "XXXX-02", "", None),
    c("十二月召开年会", "十二月", Date, "XXXX-12", "", None),
    c("三季度GDP增长4.9%", "三季度", Date, "XXXX-Q3", "", None),
    c(
        "2021年第四季度营收增长",
        "2021年第四季度",
        Date,
        "2021-Q4",
        "",
        None,
    ),
    c(
        "2020年1—9月实现营收",
        "2020年1—9月",
        Date,
        "2020-01/2020-09",
        "",
        None,
    ),
    c(
        "2018年前11个月出口增长",
        "2018年前11个月",
        Date,
        "2018-01/2018-11",
        "",
        None,
    ),
    c(
        "前两个月出口增长",
        "前两个月",
        Date,
        "XXXX-01/XXXX-02",
        "",
        None,
    ),
    c(
        "于2020/1/5正式实施",
        "2020/1/5",
        Date,
        "2020-01-05",
        "",
        None,
    ),
    c(
        "更新时间：2022-03-18 10:15",
        "2022-03-18 10:15",
        Date,
        "2022-03-18T10:15",
        "",
        None,
    ),
    c(
        "北京时间6月25日凌晨消息",
        "6月25日",
        Date,
        "XXXX-06-25",
        "",
        None,
    ),
    c("中午12时30分开始", "中午12时30分", Date, "T12:30", "", None),
    c("夜间10点关闭", "夜间10点", Date, "T22", "", None),
];

#[test]
fn more_dates() {
    run("MORE_DATES", MORE_DATES, false);
}

#[test]
fn full_and_partial_dates() {
    run("FULL_AND_PARTIAL", FULL_AND_PARTIAL, false);
}

#[test]
fn numeric_dates_and_times() {
    run("NUMERIC_AND_TIMES", NUMERIC_AND_TIMES, false);
}

#[test]
fn periods_with_years() {
    run("PERIODS_WITH_YEARS", PERIODS_WITH_YEARS, false);
}

#[test]
fn periods_without_years() {
    run("PERIODS_WITHOUT_YEARS", PERIODS_WITHOUT_YEARS, false);
}

#[test]
fn range_ends() {
    run("RANGE_ENDS", RANGE_ENDS, false);
}

#[test]
fn durations_are_not_dates() {
    run("DURATIONS", DURATIONS, false);
}

/// No date where the text has none: ratios, scores, index levels, a year range's ends are
/// years, not a date.
#[test]
fn no_dates() {
    check_negatives(
        "NO_DATES",
        &[
            "三次产业结构比例为6.01:55.04:38.95",
            "比分3:1",
            "一点也不",
            "三点建议",
        ],
        true,
    );
}

/// (text, date given, [(mention text, resolved)], [(fact value text, period_resolved)]).
type Resolution = (
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, Option<&'static str>)],
    &'static [(&'static str, Option<&'static str>)],
);

const RESOLUTIONS: &[Resolution] = &[
    (
        "8月25日，市长调研。去年全市工业投资增长87%，今年上半年增长12%。",
        Some("2023-08-25"),
        &[("8月25日", Some("2023-08-25"))],
        &[("87%", Some("2022")), ("12%", Some("2023-H1"))],
    ),
    (
        "1-7月，全市外贸进出口增长12%；前三季度GDP增长5.2%。",
        Some("2023-10-20"),
        &[
            ("1-7月", Some("2023-01/2023-07")),
            ("前三季度", Some("2023-Q1/2023-Q3")),
        ],
        &[
            ("12%", Some("2023-01/2023-07")),
            ("5.2%", Some("2023-Q1/2023-Q3")),
        ],
    ),
    (
        "国家统计局9日发布数据，12月份CPI上涨2%。",
        Some("2024-01-09"),
        &[("9日", Some("2024-01-09")), ("12月份", Some("2023-12"))],
        &[],
    ),
    (
        "2012-07-20 来源：上海证券报\n\n公司上半年营业收入增长5%，去年同期增长3%。",
        None,
        &[("上半年", Some("2012-H1"))],
        &[("5%", Some("2012-H1"))],
    ),
    (
        "发布时间:2011-04-01\n\n今年一季度产量增长8%。",
        None,
        &[("一季度", Some("2011-Q1"))],
        &[("8%", Some("2011-Q1"))],
    ),
    (
        "本报上海3月2日电 今年前两个月出口增长6%。",
        None,
        &[("3月2日", None)],
        &[("6%", None)],
    ),
    ("去年全市工业投资增长87%。", None, &[], &[("87%", None)]),
];

#[test]
fn dates_resolve_against_the_document_date() {
    let p = match tiqu::Pipeline::shared() {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let mut failures = Vec::new();
    for (text, date, mentions, facts) in RESOLUTIONS {
        let mut options = tiqu::Options::default();
        if let Some(d) = date {
            options = options.date(d.parse().unwrap_or_else(|e| panic!("{e}")));
        }
        let doc = match p.extract_with("", text, &options) {
            Ok(d) => d,
            Err(e) => panic!("{text}: {e}"),
        };
        for (surface, want) in *mentions {
            let got = doc.mentions.iter().find(|m| m.text == *surface);
            match got {
                Some(m) if m.resolved.as_deref() == *want => {}
                Some(m) => failures.push(format!(
                    "{text}: {surface} resolved {:?}, want {want:?}",
                    m.resolved
                )),
                None => failures.push(format!("{text}: no mention {surface}")),
            }
        }
        for (value, want) in *facts {
            let got = doc.facts.iter().find(|f| f.value.text == *value);
            match got {
                Some(f) if f.period_resolved.as_deref() == *want => {}
                Some(f) => failures.push(format!(
                    "{text}: fact {value} period {:?} resolved {:?}, want {want:?}",
                    f.period, f.period_resolved
                )),
                None => failures.push(format!("{text}: no fact {value}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn full_and_partial_dates_wrapped() {
    run_wrapped("FULL_AND_PARTIAL (wrapped)", FULL_AND_PARTIAL);
}

#[test]
fn periods_with_years_wrapped() {
    run_wrapped("PERIODS_WITH_YEARS (wrapped)", PERIODS_WITH_YEARS);
}
