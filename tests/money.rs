//! Money in all its forms: currency names (the longest wins: 台币 is never the classifier 台),
//! signs and codes before or after the amount, magnitude suffixes, colloquial compounds,
//! thousands separators, amounts without 元 where the context is monetary, per-share amounts,
//! rates written either way, and market prices.

mod common;

use common::cases::*;
use tiqu::MentionKind::{Money, Percent, PercentagePoint, Quantity};

const CURRENCIES: &[Case] = &[
    c(
        "出口额达到12亿美元",
        "12亿美元",
        Money,
        "1200000000",
        "USD",
        None,
    ),
    c("融资2.5万台币", "2.5万台币", Money, "25000", "TWD", None),
    c(
        "募资3亿新台币",
        "3亿新台币",
        Money,
        "300000000",
        "TWD",
        None,
    ),
    c("售价500港币", "500港币", Money, "500", "HKD", None),
    c(
        "收购价80亿港元",
        "80亿港元",
        Money,
        "8000000000",
        "HKD",
        None,
    ),
    c(
        "投资1000万澳元",
        "1000万澳元",
        Money,
        "10000000",
        "AUD",
        None,
    ),
    c(
        "合同金额5亿泰铢",
        "5亿泰铢",
        Money,
        "500000000",
        "THB",
        None,
    ),
    c("罚款200万卢布", "200万卢布", Money, "2000000", "RUB", None),
    c(
        "营收30万亿韩元",
        "30万亿韩元",
        Money,
        "30000000000000",
        "KRW",
        None,
    ),
    c(
        "估值1.2万亿日元",
        "1.2万亿日元",
        Money,
        "1200000000000",
        "JPY",
        None,
    ),
    c(
        "订单价值6000万新加坡元",
        "6000万新加坡元",
        Money,
        "60000000",
        "SGD",
        None,
    ),
    c("年薪20万瑞郎", "20万瑞郎", Money, "200000", "CHF", None),
    c(
        "出资5000万欧元",
        "5000万欧元",
        Money,
        "50000000",
        "EUR",
        None,
    ),
    c("亏损3亿英镑", "3亿英镑", Money, "300000000", "GBP", None),
    c("上涨14美分", "14美分", Money, "0.14", "USD", None),
    c("奖金100美金", "100美金", Money, "100", "USD", None),
    c(
        "净利润5000万元人民币",
        "5000万元人民币",
        Money,
        "50000000",
        "CNY",
        None,
    ),
    c("花了三块钱", "三块钱", Money, "3", "CNY", None),
    c(
        "投资400亿卢比",
        "400亿卢比",
        Money,
        "40000000000",
        "INR",
        None,
    ),
    c(
        "贷款2万亿印尼盾",
        "2万亿印尼盾",
        Money,
        "2000000000000",
        "IDR",
        None,
    ),
];

const SIGNS_AND_CODES: &[Case] = &[
    c("门票￥450", "￥450", Money, "450", "CNY", None),
    c("售价¥99", "¥99", Money, "99", "CNY", None),
    c("每杯$35", "$35", Money, "35", "USD", None),
    c("融资US$2.5M", "US$2.5M", Money, "2500000", "USD", None),
    c("估值$2.5B", "$2.5B", Money, "2500000000", "USD", None),
    c("收入HK$100万", "HK$100万", Money, "1000000", "HKD", None),
    c("票价€20", "€20", Money, "20", "EUR", None),
    c("售价£5", "£5", Money, "5", "GBP", None),
    c(
        "注册资本RMB 100万",
        "RMB 100万",
        Money,
        "1000000",
        "CNY",
        None,
    ),
    c("报价USD 100", "USD 100", Money, "100", "USD", None),
    c("报价100 USD", "100 USD", Money, "100", "USD", None),
    c("售价RMB100", "RMB100", Money, "100", "CNY", None),
    c("月薪￥20k", "￥20k", Money, "20000", "CNY", None),
    c("年薪￥50w", "￥50w", Money, "500000", "CNY", None),
    c("售价￥450元", "￥450元", Money, "450", "CNY", None),
    c("新台币NT$300", "NT$300", Money, "300", "TWD", None),
];

const COLLOQUIAL_AND_SEPARATORS: &[Case] = &[
    c("每斤八块五毛", "八块五毛", Money, "8.5", "CNY", None),
    c("一瓶水卖两块五。", "两块五", Money, "2.5", "CNY", None),
    c("单价5元3角2分", "5元3角2分", Money, "5.32", "CNY", None),
    c(
        "共计三美元又五美分",
        "三美元又五美分",
        Money,
        "3.05",
        "USD",
        None,
    ),
    c(
        "营收2,418.60亿元",
        "2,418.60亿元",
        Money,
        "241860000000",
        "CNY",
        None,
    ),
    c(
        "合同金额56，380.00元",
        "56，380.00元",
        Money,
        "56380",
        "CNY",
        None,
    ),
    c(
        "净利润1,135.10万元",
        "1,135.10万元",
        Money,
        "11351000",
        "CNY",
        None,
    ),
];

const MONEY_BY_CONTEXT: &[Case] = &[
    c(
        "项目总投资45.6亿，建设期三年",
        "45.6亿",
        Money,
        "4560000000",
        "CNY",
        None,
    ),
    c(
        "营收增至88.2亿，同比增长",
        "88.2亿",
        Money,
        "8820000000",
        "CNY",
        None,
    ),
    c("实现利税4800万", "4800万", Money, "48000000", "CNY", None),
    c(
        "预测数值(元)|11.56亿~12.76亿",
        "11.56亿",
        Money,
        "1156000000",
        "CNY",
        None,
    ),
    c(
        "营业总收入（万元）|4,393.49|4,421.19",
        "4,393.49",
        Money,
        "43934900",
        "CNY",
        None,
    ),
];

const RATES_AND_PRICES: &[Case] = &[
    c(
        "报收于每桶91.16美元",
        "每桶91.16美元",
        Money,
        "91.16",
        "USD/bbl",
        None,
    ),
    c(
        "期货报75.3美元/桶",
        "75.3美元/桶",
        Money,
        "75.3",
        "USD/bbl",
        None,
    ),
    c(
        "约合每升0.73美元",
        "每升0.73美元",
        Money,
        "730",
        "USD/m3",
        APPROX,
    ),
    c(
        "报收于每加仑2.78美元",
        "每加仑2.78美元",
        Money,
        "2.78",
        "USD/gal",
        None,
    ),
    c(
        "收于每百万英国热量单位4.23美元",
        "每百万英国热量单位4.23美元",
        Money,
        "4.23",
        "USD/MMBtu",
        None,
    ),
    c(
        "螺纹钢价格3850元/吨",
        "3850元/吨",
        Money,
        "3850",
        "CNY/t",
        None,
    ),
    c(
        "金价452元/克",
        "452元/克",
        Money,
        "452000000",
        "CNY/t",
        None,
    ),
    c(
        "平均价格3.44元/股",
        "3.44元/股",
        Money,
        "3.44",
        "CNY/share",
        None,
    ),
    c(
        "平均价格0.26美元/股",
        "0.26美元/股",
        Money,
        "0.26",
        "USD/share",
        None,
    ),
    c(
        "释放6000万桶原油",
        "6000万桶",
        Quantity,
        "60000000",
        "bbl",
        None,
    ),
];

const FINANCE: &[Case] = &[
    c(
        "下调25个基点",
        "25个基点",
        PercentagePoint,
        "0.25",
        "pp",
        None,
    ),
    c("上调10基点", "10基点", PercentagePoint, "0.1", "pp", None),
    c(
        "下降0.75个千分点",
        "0.75个千分点",
        PercentagePoint,
        "0.075",
        "pp",
        None,
    ),
    c(
        "沪指收于3050.12点",
        "3050.12点",
        Quantity,
        "3050.12",
        "point",
        None,
    ),
    c(
        "较前一交易日跌8.05点",
        "8.05点",
        Quantity,
        "8.05",
        "point",
        None,
    ),
    c("上涨15.3点", "15.3点", Quantity, "15.3", "point", None),
    c("盘中跌破3300点", "3300点", Quantity, "3300", "point", UNDER),
    c("涨5点", "5点", Quantity, "5", "point", None),
    c("GDP负增长2.3%", "2.3%", Percent, "-2.3", "%", None),
];

/// More amounts as reports write them.
const MORE_MONEY: &[Case] = &[
    c(
        "实现营业收入115,591.79万元",
        "115,591.79万元",
        Money,
        "1155917900",
        "CNY",
        None,
    ),
    c(
        "下降4,000万元左右",
        "4,000万元左右",
        Money,
        "40000000",
        "CNY",
        APPROX,
    ),
    c(
        "每10股派发现金股利3.33元",
        "3.33元",
        Money,
        "3.33",
        "CNY",
        None,
    ),
    c("超千亿元", "超千亿元", Money, "100000000000", "CNY", OVER),
    c(
        "近5000万美元",
        "近5000万美元",
        Money,
        "50000000",
        "USD",
        UNDER,
    ),
    c("逾3亿欧元", "逾3亿欧元", Money, "300000000", "EUR", OVER),
    c(
        "约合6.5亿美元",
        "6.5亿美元",
        Money,
        "650000000",
        "USD",
        APPROX,
    ),
    c("融资20亿港币", "20亿港币", Money, "2000000000", "HKD", None),
    c(
        "售价1.2万元/平方米",
        "1.2万元/平方米",
        Money,
        "12000",
        "CNY/m2",
        None,
    ),
    c(
        "电价0.5元/千瓦时",
        "0.5元/千瓦时",
        Money,
        "0.0005",
        "CNY/Wh",
        None,
    ),
    c(
        "人均可支配收入4.2万元",
        "4.2万元",
        Money,
        "42000",
        "CNY",
        None,
    ),
    c("投资三亿元", "三亿元", Money, "300000000", "CNY", None),
    c(
        "亏损1.5亿美元",
        "1.5亿美元",
        Money,
        "150000000",
        "USD",
        None,
    ),
    c(
        "注册资本5000万元人民币",
        "5000万元人民币",
        Money,
        "50000000",
        "CNY",
        None,
    ),
    c("估值$35亿", "$35亿", Money, "3500000000", "USD", None),
];

#[test]
fn more_money() {
    run("MORE_MONEY", MORE_MONEY, false);
}

#[test]
fn currencies() {
    run("CURRENCIES", CURRENCIES, false);
}

#[test]
fn signs_and_codes() {
    run("SIGNS_AND_CODES", SIGNS_AND_CODES, false);
}

#[test]
fn colloquial_and_separators() {
    run(
        "COLLOQUIAL_AND_SEPARATORS",
        COLLOQUIAL_AND_SEPARATORS,
        false,
    );
}

#[test]
fn money_by_context() {
    run("MONEY_BY_CONTEXT", MONEY_BY_CONTEXT, true);
}

#[test]
fn rates_and_prices() {
    run("RATES_AND_PRICES", RATES_AND_PRICES, false);
}

#[test]
fn finance() {
    run("FINANCE", FINANCE, false);
}

/// No money where the text has none: a time, a word, a model name.
#[test]
fn no_money() {
    check_negatives(
        "NO_MONEY",
        &["一点也不奇怪", "三桶油业绩分化", "华为Mate60热销"],
        true,
    );
}

#[test]
fn currencies_wrapped() {
    run_wrapped("CURRENCIES (wrapped)", CURRENCIES);
}

#[test]
fn signs_and_codes_wrapped() {
    run_wrapped("SIGNS_AND_CODES (wrapped)", SIGNS_AND_CODES);
}

#[test]
fn rates_and_prices_wrapped() {
    run_wrapped("RATES_AND_PRICES (wrapped)", RATES_AND_PRICES);
}
