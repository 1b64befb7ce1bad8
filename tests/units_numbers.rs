//! The long tail of units, numbers of every form, negatives, approximate pairs and ranges whose
//! ends share a magnitude.

mod common;

use common::cases::*;
use tiqu::MentionKind::{Count, Money, Number, Percent, Quantity};

const UNITS: &[Case] = &[
    c("气温达到25℃", "25℃", Quantity, "25", "degC", None),
    c("最高气温38摄氏度", "38摄氏度", Quantity, "38", "degC", None),
    c(
        "水温保持在摄氏30度",
        "摄氏30度",
        Quantity,
        "30",
        "degC",
        None,
    ),
    c(
        "最低气温零下15摄氏度",
        "零下15摄氏度",
        Quantity,
        "-15",
        "degC",
        None,
    ),
    c("当地气温华氏86度", "华氏86度", Quantity, "86", "degF", None),
    c("平均年龄45岁", "45岁", Quantity, "45", "year_of_age", None),
    c("年满18周岁", "18周岁", Quantity, "18", "year_of_age", None),
    c("每片含5毫克", "5毫克", Quantity, "0.000000005", "t", None),
    c("每包30g", "30g", Quantity, "0.00003", "t", None),
    c("产粮1200万斤", "1200万斤", Quantity, "6000", "t", None),
    c("储水500毫升", "500毫升", Quantity, "0.0005", "m3", None),
    c("排量1.5L", "1.5L", Quantity, "0.0015", "m3", None),
    c("容量300ml", "300ml", Quantity, "0.0003", "m3", None),
    c(
        "开挖土方50万立方",
        "50万立方",
        Quantity,
        "500000",
        "m3",
        None,
    ),
    c("身高180厘米", "180厘米", Quantity, "1.8", "m", None),
    c("直径15公分", "15公分", Quantity, "0.15", "m", None),
    c("精度达到5mm", "5mm", Quantity, "0.005", "m", None),
    c(
        "时速350公里/小时",
        "350公里/小时",
        Quantity,
        "350000",
        "m/h",
        None,
    ),
    c("存储容量2TB", "2TB", Quantity, "2000000000000", "B", None),
    c(
        "节约10万吨标准煤",
        "10万吨标准煤",
        Quantity,
        "100000",
        "tce",
        None,
    ),
    c(
        "能耗降至350千克标煤/吨",
        "350千克标煤/吨",
        Quantity,
        "0.35",
        "tce/t",
        None,
    ),
    c(
        "新建厂房2万平方米",
        "2万平方米",
        Quantity,
        "20000",
        "m2",
        None,
    ),
    c("流转土地3000亩", "3000亩", Quantity, "3000", "mu", None),
    c(
        "年产100万吨/年",
        "100万吨/年",
        Quantity,
        "1000000",
        "t/year",
        None,
    ),
    c(
        "总股本476,944,575股",
        "476,944,575股",
        Count,
        "476944575",
        "股",
        None,
    ),
    c("广东占了五席", "五席", Count, "5", "席", None),
    c("采购设备20台套", "20台套", Count, "20", "台套", None),
];

const NUMBERS: &[Case] = &[
    c("编号为一千零七的藏品", "一千零七", Number, "1007", "", None),
    c(
        "预计达到两万三千亿元",
        "两万三千亿元",
        Money,
        "2300000000000",
        "CNY",
        None,
    ),
    c("售出三百六十件", "三百六十件", Count, "360", "件", None),
    c("卖了三百六个", "三百六个", Count, "360", "个", None),
    c("月薪万二元", "万二元", Money, "12000", "CNY", None),
    c(
        "长度三千四点五米",
        "三千四点五米",
        Quantity,
        "3400.5",
        "m",
        None,
    ),
    c(
        "亏损负三十五万元",
        "负三十五万元",
        Money,
        "-350000",
        "CNY",
        None,
    ),
    c(
        "利润为负2,500万元",
        "负2,500万元",
        Money,
        "-25000000",
        "CNY",
        None,
    ),
    c("同比增长-12.5%", "-12.5%", Percent, "-12.5", "%", None),
];

const RANGES_WIDE: &[RangeCase] = &[
    r(
        "投资10-20亿元",
        "10-20亿元",
        Money,
        "1000000000",
        "2000000000",
        "CNY",
        None,
    ),
    r(
        "产能5-10万吨",
        "5-10万吨",
        Quantity,
        "50000",
        "100000",
        "t",
        None,
    ),
    r(
        "月薪2万-8万元",
        "2万-8万元",
        Money,
        "20000",
        "80000",
        "CNY",
        None,
    ),
    r(
        "售价4——6万港币",
        "4——6万港币",
        Money,
        "40000",
        "60000",
        "HKD",
        None,
    ),
    r(
        "投资三到五仟澳元",
        "三到五仟澳元",
        Money,
        "3000",
        "5000",
        "AUD",
        None,
    ),
    r(
        "损失六百到七百亿日元",
        "六百到七百亿日元",
        Money,
        "60000000000",
        "70000000000",
        "JPY",
        None,
    ),
    r(
        "降幅为-12.5%至-8.3%",
        "-12.5%至-8.3%",
        Percent,
        "-12.5",
        "-8.3",
        "%",
        None,
    ),
    r(
        "增长3~5倍",
        "3~5倍",
        tiqu::MentionKind::Multiple,
        "3",
        "5",
        "x",
        None,
    ),
    r(
        "吸纳六七千人就业",
        "六七千人",
        Count,
        "6000",
        "7000",
        "人",
        APPROX,
    ),
    r(
        "三四十家企业参展",
        "三四十家",
        Count,
        "30",
        "40",
        "家",
        APPROX,
    ),
    r(
        "投入二三十万元",
        "二三十万元",
        Money,
        "200000",
        "300000",
        "CNY",
        APPROX,
    ),
    r("来了七八个人", "七八个", Count, "7", "8", "个", APPROX),
];

const VAGUE_WIDE: &[Case] = &[
    c("来了十几万人", "十几万人", Count, "null", "人", APPROX),
    c("损失几十万元", "几十万元", Money, "null", "CNY", APPROX),
    c("二十几个项目", "二十几个", Count, "null", "个", APPROX),
];

/// More units as news writes them.
const MORE_UNITS: &[Case] = &[
    c(
        "装机容量120万千瓦",
        "120万千瓦",
        Quantity,
        "1200000000",
        "W",
        None,
    ),
    c(
        "发电量45.6亿千瓦时",
        "45.6亿千瓦时",
        Quantity,
        "4560000000000",
        "Wh",
        None,
    ),
    c("建设500kV变电站", "500kV", Quantity, "500000", "V", None),
    c(
        "产能达到133GW",
        "133GW",
        Quantity,
        "133000000000",
        "W",
        None,
    ),
    c("全长12.5公里", "12.5公里", Quantity, "12500", "m", None),
    c(
        "占地面积3.5平方公里",
        "3.5平方公里",
        Quantity,
        "3500000",
        "m2",
        None,
    ),
    c(
        "储量2亿立方米",
        "2亿立方米",
        Quantity,
        "200000000",
        "m3",
        None,
    ),
    c(
        "年产钢材1000万吨",
        "1000万吨",
        Quantity,
        "10000000",
        "t",
        None,
    ),
    c("用时1个多月", "1个多月", Quantity, "1", "month", OVER),
    c("工期两年半", "两年", Quantity, "2", "year", None),
    c("新增就业12000余人", "12000余人", Count, "12000", "人", OVER),
    c("建成5G基站3万个", "3万个", Count, "30000", "个", None),
    c("销量近万辆", "近万辆", Count, "10000", "辆", UNDER),
    c(
        "增长3倍",
        "3倍",
        tiqu::MentionKind::Multiple,
        "3",
        "x",
        None,
    ),
    c(
        "翻了一番",
        "翻了一番",
        tiqu::MentionKind::Multiple,
        "2",
        "x",
        None,
    ),
    c("引进项目202个", "202个", Count, "202", "个", None),
];

#[test]
fn more_units() {
    run("MORE_UNITS", MORE_UNITS, false);
}

#[test]
fn units() {
    run("UNITS", UNITS, false);
}

#[test]
fn numbers() {
    run("NUMBERS", NUMBERS, false);
}

#[test]
fn ranges_wide() {
    run_ranges("RANGES_WIDE", RANGES_WIDE);
}

#[test]
fn vague_wide() {
    run("VAGUE_WIDE", VAGUE_WIDE, false);
}

/// Numerals inside words and names are no quantities.
#[test]
fn numerals_in_words() {
    check_negatives(
        "NUMERALS_IN_WORDS",
        &[
            "一些企业统一了标准",
            "十分重要",
            "三峡集团发布公告",
            "一汽集团销量",
            "负责人表示",
            "负债率下降",
            "一二三产业协调发展",
        ],
        false,
    );
}

#[test]
fn units_wrapped() {
    run_wrapped("UNITS (wrapped)", UNITS);
}
