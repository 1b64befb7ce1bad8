//! Ranks and ordinals, shares written as fractions, and discounts.

mod common;

use common::cases::*;
use tiqu::MentionKind::{Count, Ordinal, Percent};

const RANKS: &[Case] = &[
    c("居全市第三位", "第三位", Ordinal, "3", "rank", None),
    c("升至第86位", "第86位", Ordinal, "86", "rank", None),
    c(
        "第四届董事会第九次会议",
        "第四届",
        Ordinal,
        "4",
        "rank",
        None,
    ),
    c(
        "第四届董事会第九次会议",
        "第九次",
        Ordinal,
        "9",
        "rank",
        None,
    ),
    c(
        "中西部地区第二套大型PTA装置",
        "第二套",
        Ordinal,
        "2",
        "rank",
        None,
    ),
    c(
        "成为全国第一家上市的民营银行",
        "第一家",
        Ordinal,
        "1",
        "rank",
        None,
    ),
    c("第七次全国人口普查", "第七次", Ordinal, "7", "rank", None),
    c("分获第一名和第三名", "第一名", Ordinal, "1", "rank", None),
    c("分获第一名和第三名", "第三名", Ordinal, "3", "rank", None),
    c(
        "广州市十五届人大三次会议开幕",
        "十五届",
        Ordinal,
        "15",
        "rank",
        None,
    ),
    c(
        "广州市十五届人大三次会议开幕",
        "三次",
        Ordinal,
        "3",
        "rank",
        None,
    ),
    c("市民可乘坐地铁2号线前往", "2号", Ordinal, "2", "rank", None),
    c("3号高炉顺利出铁", "3号", Ordinal, "3", "rank", None),
    c("进入全国前10名", "前10名", Ordinal, "10", "rank", UNDER),
    c("跻身前三位", "前三位", Ordinal, "3", "rank", UNDER),
    c("进入50强", "50强", Ordinal, "50", "rank", None),
    c("位居百强县第12位", "第12位", Ordinal, "12", "rank", None),
    c("第3年实现盈利", "第3年", Ordinal, "3", "rank", None),
    c("连续两届获评", "两届", Count, "2", "届", None),
];

const RANK_RANGES: &[RangeCase] = &[r(
    "三家企业分列3-5位",
    "3-5位",
    Ordinal,
    "3",
    "5",
    "rank",
    None,
)];

const SHARES: &[Case] = &[
    c(
        "GDP比重保持在三分之一左右",
        "三分之一左右",
        Percent,
        "33.333333333333",
        "%",
        APPROX,
    ),
    c("占二分之一", "二分之一", Percent, "50", "%", None),
    c("约占全国的四分之一", "四分之一", Percent, "25", "%", None),
    c(
        "不良率控制在万分之五",
        "万分之五",
        Percent,
        "0.05",
        "%",
        None,
    ),
    c("增长千分之三", "千分之三", Percent, "0.3", "%", None),
    c(
        "增长百分之三点五",
        "百分之三点五",
        Percent,
        "3.5",
        "%",
        None,
    ),
    c("占全国的2/5", "2/5", Percent, "40", "%", None),
    c("约1/4的企业", "约1/4", Percent, "25", "%", APPROX),
    c("占三成", "三成", Percent, "30", "%", None),
    c("降了半成", "半成", Percent, "5", "%", None),
    c("全场商品打九折", "九折", Percent, "90", "%", None),
    c("会员享受85折", "85折", Percent, "85", "%", None),
    c("部分商品8.5折", "8.5折", Percent, "85", "%", None),
    c("清仓商品对折出售", "对折", Percent, "50", "%", None),
];

#[test]
fn ranks() {
    run("RANKS", RANKS, false);
}

#[test]
fn rank_ranges() {
    run_ranges("RANK_RANGES", RANK_RANGES);
}

#[test]
fn shares() {
    run("SHARES", SHARES, false);
}

/// Names with numerals: no rank, no share.
#[test]
fn no_ranks() {
    check_negatives(
        "NO_RANKS",
        &[
            "引入第三方评估机构",
            "深入学习党的二十届三中全会精神",
            "十九届二中、三中、四中全会",
            "坚持在第一线工作",
            "宝山区丰翔路1955号",
            "折合人民币",
            "3/2",
        ],
        true,
    );
}

#[test]
fn ranks_wrapped() {
    run_wrapped("RANKS (wrapped)", RANKS);
}

#[test]
fn shares_wrapped() {
    run_wrapped("SHARES (wrapped)", SHARES);
}
