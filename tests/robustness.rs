//! Any input, however odd: no panic, and every reported span slices the original exactly.

use proptest::prelude::*;

/// Pieces that exercise every stage: numerals, units, qualifiers, names, wraps, spaces,
/// full-width forms, brackets and stray bytes of other scripts.
const PIECES: &[&str] = &[
    "943亿",
    "元",
    "1.5万吨",
    "30万千瓦",
    "87%",
    "８７％",
    "百分之三点五",
    "个百分点",
    "以上",
    "余",
    "约",
    "近",
    "超",
    "突破",
    "第一",
    "50强",
    "翻一番",
    "3倍",
    "2022年",
    "年度",
    "10月",
    "19日",
    "-",
    "至",
    "~",
    "，",
    "。",
    "、",
    "：",
    "“",
    "”",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "\n",
    "\n\n",
    " ",
    "　",
    "\r\n",
    "□",
    "本报记者",
    "刘 念",
    "包头市",
    "内蒙古",
    "有限公司",
    "集团",
    "分公司",
    "局",
    "委",
    "研究院",
    "产业园",
    "项目",
    "包钢",
    "通威",
    "大全",
    "总经理",
    "杨昊",
    "说",
    "该公司",
    "增长",
    "达到",
    "分别",
    "和",
    "占",
    "全区",
    "的",
    "由",
    "跃升至",
    "同比",
    "（下同）",
    "今年",
    "前7个月",
    "计划",
    "预计",
    "一",
    "二",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "两",
    "零",
    "〇",
    "壹",
    "5G",
    "ISO9001",
    "〔2021〕",
    "240号",
    "1,135.10",
    "0.",
    ".5",
    "e",
    "🙂",
    "ä",
    "\u{0301}",
    "\t",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_the_original_and_nothing_panics(input in text()) {
        let doc = tiqu::extract(&input).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for m in &doc.mentions {
            prop_assert_eq!(input.get(m.start..m.end), Some(m.text.as_str()));
        }
        for e in &doc.entities {
            prop_assert_eq!(input.get(e.start..e.end), Some(e.text.as_str()));
        }
        for f in &doc.facts {
            prop_assert_eq!(input.get(f.start..f.end), Some(f.evidence.as_str()));
        }
        for r in &doc.references {
            prop_assert_eq!(input.get(r.start..r.end), Some(r.text.as_str()));
        }
        // mentions are in order and do not overlap
        for w in doc.mentions.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "{:?} overlaps {:?}", w[0].text, w[1].text);
        }
    }

    #[test]
    fn any_unicode_is_handled(input in "\\PC{0,200}") {
        prop_assert!(tiqu::extract(&input).is_ok());
    }
}

#[test]
fn a_long_line_without_punctuation_is_linear_enough() {
    // one 300 KB sentence with no clause break: every rule must stay local
    let piece =
        "全市工业投资增长87%完成投资943亿元新增规上工业企业81家包钢、包铝等2户企业投产《规划";
    let text = piece.repeat(2000);
    let doc = match tiqu::extract(&text) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        doc.mentions.iter().filter(|m| m.text == "943亿元").count(),
        2000
    );
    assert_eq!(
        doc.entities.iter().filter(|e| e.text == "包铝").count(),
        2000
    );
}

#[test]
fn a_long_input_is_linear_enough() {
    // 200 copies of the fixture's opening: finishes, and finds every copy's quantities
    let one = "去年全市工业投资增长87%，完成投资943亿\n\n元，新增规上工业企业81家。\n";
    let text = one.repeat(200);
    let doc = match tiqu::extract(&text) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(doc.mentions.len(), 600);
    assert_eq!(doc.facts.len(), 600);
}
