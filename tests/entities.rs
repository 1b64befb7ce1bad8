//! Entities beyond the fixture: a table of sentences and the entities a reader finds in them.

use tiqu::{extract, EntityKind};

/// (sentence, kind, canonical name, text as written)
const CASES: &[(&str, EntityKind, &str, &str)] = &[
    (
        "在弘元新材料（包头）有限公司的车间里",
        EntityKind::Enterprise,
        "弘元新材料（包头）有限公司",
        "弘元新材料（包头）有限公司",
    ),
    (
        "记者从包头市统计局获悉，一季度经济平稳",
        EntityKind::Government,
        "包头市统计局",
        "包头市统计局",
    ),
    (
        "国家市场监管总局近日发布通知",
        EntityKind::Government,
        "国家市场监管总局",
        "国家市场监管总局",
    ),
    (
        "山钢股份莱芜分公司完成技术改造",
        EntityKind::Enterprise,
        "山钢股份莱芜分公司",
        "山钢股份莱芜分公司",
    ),
    (
        "清华大学与当地政府签署协议",
        EntityKind::Institution,
        "清华大学",
        "清华大学",
    ),
    (
        "中国科学院金属研究所发布成果",
        EntityKind::Institution,
        "中国科学院金属研究所",
        "中国科学院金属研究所",
    ),
    (
        "鄂尔多斯市新增光伏装机200万千瓦",
        EntityKind::Place,
        "鄂尔多斯市",
        "鄂尔多斯市",
    ),
    (
        "去年宁德时代营业收入增长22%",
        EntityKind::Enterprise,
        "宁德时代",
        "宁德时代",
    ),
    (
        "北方稀士发布年度业绩预告",
        EntityKind::Enterprise,
        "北方稀士",
        "北方稀士",
    ),
    (
        "包钢、包铝、北重3户企业入选名单",
        EntityKind::Enterprise,
        "北重",
        "北重",
    ),
    (
        "大全、协鑫等15户头部企业落地开工",
        EntityKind::Enterprise,
        "协鑫",
        "协鑫",
    ),
    (
        "公司总经理张伟说，订单已排满",
        EntityKind::Person,
        "张伟",
        "张伟",
    ),
    (
        "《关于加快发展先进制造业的若干意见》印发",
        EntityKind::Document,
        "关于加快发展先进制造业的若干意见",
        "《关于加快发展先进制造业的若干意见》",
    ),
    (
        "苏州工业园区实现地区生产总值3500亿元",
        EntityKind::Zone,
        "苏州工业园区",
        "苏州工业园区",
    ),
    (
        "京能国际10万千瓦光伏项目提前并网发电",
        EntityKind::Facility,
        "京能国际10万千瓦光伏项目",
        "京能国际10万千瓦光伏项目",
    ),
    (
        "韵升1.5万吨高性能稀土磁材等项目正在建设",
        EntityKind::Enterprise,
        "韵升",
        "韵升",
    ),
    (
        "党的二十大擘画了宏伟蓝图",
        EntityKind::Event,
        "党的二十大",
        "党的二十大",
    ),
];

#[test]
fn entity_table() {
    let mut failures = Vec::new();
    for &(input, kind, name, text) in CASES {
        let doc = match extract(input) {
            Ok(d) => d,
            Err(e) => panic!("{input}: {e}"),
        };
        let found = doc
            .entities
            .iter()
            .any(|e| e.kind == kind && e.name == name && e.text == text);
        if !found {
            let got: Vec<String> = doc
                .entities
                .iter()
                .map(|e| format!("{:?} {} [{}]", e.kind, e.name, e.text))
                .collect();
            failures.push(format!(
                "{input}: want {kind:?} {name} [{text}], got {got:?}"
            ));
        }
        for e in &doc.entities {
            assert_eq!(input.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Words that look like organisations but are not: no entity may be found in them.
const NOT_ENTITIES: &[&str] = &[
    "双方将在光伏逆变器等领域开展合作",
    "要进一步优化产业布局",
    "全市广大干部群众积极参与",
    "我们要坚持以人民为中心",
    "部分企业已经复工复产",
];

#[test]
fn no_entity_in_ordinary_words() {
    for input in NOT_ENTITIES {
        let doc = match extract(input) {
            Ok(d) => d,
            Err(e) => panic!("{input}: {e}"),
        };
        let orgs: Vec<&str> = doc
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Place)
            .map(|e| e.text.as_str())
            .collect();
        assert!(orgs.is_empty(), "{input}: {orgs:?}");
    }
}

#[test]
fn a_person_has_role_and_employer() -> Result<(), tiqu::Error> {
    let doc = extract("弘元新材料包头有限公司总经理杨昊说，今年销售收入可突破500亿元。")?;
    let p = doc.entities.iter().find(|e| e.kind == EntityKind::Person);
    assert_eq!(p.map(|p| p.name.as_str()), Some("杨昊"));
    assert_eq!(p.and_then(|p| p.role.as_deref()), Some("总经理"));
    assert_eq!(
        p.and_then(|p| p.employer.as_deref()),
        Some("弘元新材料包头有限公司")
    );
    Ok(())
}

#[test]
fn an_ocr_error_keeps_a_known_name() -> Result<(), tiqu::Error> {
    let doc = extract("北方稀士发布公告，稀土高新区企业……包头稀士高新区管委会表示")?;
    let e = doc.entities.iter().find(|e| e.text == "北方稀士");
    assert_eq!(e.map(|e| e.kind), Some(EntityKind::Enterprise));
    assert!(e
        .and_then(|e| e.full_name.as_deref())
        .is_some_and(|f| f.contains("北方稀土")));
    Ok(())
}

#[test]
fn the_company_refers_back() -> Result<(), tiqu::Error> {
    let doc = extract("在晶源新材料（内蒙古）有限公司的生产一线，该公司销售总监吕海红说道。")?;
    assert_eq!(doc.references.len(), 1);
    assert_eq!(doc.references[0].text, "该公司");
    assert_eq!(doc.references[0].refers_to, "晶源新材料（内蒙古）有限公司");
    Ok(())
}

#[test]
fn user_enterprises_are_found() -> Result<(), tiqu::Error> {
    let p = tiqu::Pipeline::builder()
        .enterprises_tsv("包头市英思特稀磁新材料股份有限公司\t英思特|英思特稀磁\tmaterials\n")
        .enterprise("某某新能源科技有限公司", &["某某科技"])
        .build()?;
    let doc = p.extract("英思特稀磁与某某科技签约。")?;
    let names: Vec<&str> = doc.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(
        names.contains(&"英思特稀磁") && names.contains(&"某某科技"),
        "{names:?}"
    );
    Ok(())
}

/// A paragraph without names that sets up a newspaper column before a case.
const LEAD: &str =
    "据了解这是本报记者从有关部门获悉的最新情况全文如下所述请读者留意相关报道有关内容以发布为准本文所述情况均来自公开渠道。";

/// `text` hard-wrapped as a newspaper column (14 Chinese characters wide) after [`LEAD`].
fn column(text: &str) -> String {
    let mut lines = Vec::new();
    for para in [LEAD, text] {
        let chars: Vec<char> = para.chars().collect();
        lines.extend(chars.chunks(14).map(|c| c.iter().collect::<String>()));
    }
    lines.join("\n\n") + "\n"
}

/// A text, the entities a reader finds in it and the names that are none.
type Class = (
    &'static str,
    &'static [(EntityKind, &'static str)],
    &'static [&'static str],
);

/// Classes of entities, checked as written and as a column.
const CLASSES: &[Class] = &[
    // people credited in brackets, listed after a role, before 报道 or 陪同
    (
        "全市经济社会高质量发展。（记者 游笑春 林侃）",
        &[(EntityKind::Person, "游笑春"), (EntityKind::Person, "林侃")],
        &[],
    ),
    (
        "本报讯 记者唐天才、特约记者程舢报道：全市产量增长。",
        &[(EntityKind::Person, "唐天才"), (EntityKind::Person, "程舢")],
        &[],
    ),
    (
        "公司独立董事窦林平、卫龙宝、叶慧芬采取通讯表决。",
        &[
            (EntityKind::Person, "窦林平"),
            (EntityKind::Person, "卫龙宝"),
            (EntityKind::Person, "叶慧芬"),
        ],
        &[],
    ),
    (
        "油价本周下跌9%。（何晓光）",
        &[(EntityKind::Person, "何晓光")],
        &[],
    ),
    // named bodies: government, associations, media, exchanges, by full or short name
    (
        "据海关总署统计，中国证监会和国家发改委联合发文。",
        &[
            (EntityKind::Government, "海关总署"),
            (EntityKind::Government, "中国证监会"),
            (EntityKind::Government, "国家发改委"),
        ],
        &["据海关总署"],
    ),
    (
        "新华社北京12月16日电 据中国汽车工业协会统计，汽车销量增长。",
        &[
            (EntityKind::Institution, "新华社"),
            (EntityKind::Institution, "中国汽车工业协会"),
        ],
        &["据中国汽车工业协会"],
    ),
    (
        "今年在国家发展改革委办公厅发出的通知上",
        &[(EntityKind::Government, "国家发展改革委办公厅")],
        &["国家发展改革委"],
    ),
    // the other items of a list that names two enterprises are enterprises
    (
        "它们分别是华为、正威、碧桂园、美的、TCL、比亚迪。",
        &[
            (EntityKind::Enterprise, "美的"),
            (EntityKind::Enterprise, "TCL"),
            (EntityKind::Enterprise, "碧桂园"),
        ],
        &["它们分别是华为"],
    ),
    ("苹果、香蕉、葡萄价格上涨。", &[], &["苹果", "香蕉"]),
    // local bodies, by place or by level alone; a preposition glued to one is no part of it
    (
        "广州市人大常委会主任陈建华主持，广州市政协主席出席。",
        &[
            (EntityKind::Government, "广州市人大常委会"),
            (EntityKind::Government, "广州市政协"),
            (EntityKind::Person, "陈建华"),
        ],
        &[],
    ),
    (
        "日前，省政府印发规划。记者从省工商联获悉，58家企业入围。",
        &[
            (EntityKind::Government, "省政府"),
            (EntityKind::Institution, "省工商联"),
        ],
        &["从省工商联"],
    ),
    // projects named by what they build, and the next ones of the list; a kind of project is none
    (
        "集团总投资17亿元建设年产100万千瓦发电设备制造项目、年产5万套太阳能光伏标准化模块生产项目。",
        &[
            (EntityKind::Facility, "年产100万千瓦发电设备制造项目"),
            (EntityKind::Facility, "年产5万套太阳能光伏标准化模块生产项目"),
        ],
        &[],
    ),
    (
        "全市实施工业技改项目202个，完成投资112.6亿元。",
        &[],
        &["工业技改项目"],
    ),
    // a unit named after its company names the company; a hotel is a facility
    (
        "招标单位：中铁城市发展投资集团有限公司成都轨道交通工程指挥部",
        &[(EntityKind::Enterprise, "中铁城市发展投资集团有限公司")],
        &[],
    ),
    (
        "签约仪式在重庆雾都宾馆举行。",
        &[(EntityKind::Facility, "重庆雾都宾馆")],
        &[],
    ),
    // known short names in ordinary sentences; everyday words that are no nouns need context;
    // a central bank is no enterprise; a short name inside a longer one is part of it
    (
        "包钢今年产量增长。华为发布新手机。腾讯营收增长。",
        &[
            (EntityKind::Enterprise, "包钢"),
            (EntityKind::Enterprise, "华为"),
            (EntityKind::Enterprise, "腾讯"),
        ],
        &[],
    ),
    ("大家要联想到市场的变化。", &[], &["联想"]),
    (
        "中国人民银行发布数据。",
        &[(EntityKind::Government, "中国人民银行")],
        &[],
    ),
    (
        "韵升、三吉利3000吨钕铁硼磁体项目正在加快建设。",
        &[(EntityKind::Enterprise, "三吉利")],
        &["吉利"],
    ),
    // the medium that credits a report
    (
        "忠州新闻网讯 （记者 杨忠明）12月8日，全县签约项目12个。",
        &[
            (EntityKind::Institution, "忠州新闻网"),
            (EntityKind::Person, "杨忠明"),
        ],
        &[],
    ),
    (
        "推动公共交通服务提质增效。（熊孝慧 洪观新闻记者 邬靓）",
        &[
            (EntityKind::Person, "熊孝慧"),
            (EntityKind::Institution, "洪观新闻"),
            (EntityKind::Person, "邬靓"),
        ],
        &[],
    ),
    ("本报讯 全市产量增长。", &[], &["本报"]),
    // two bodies joined by 和 stay two; a body's name may hold 和
    (
        "贯彻落实中央、省委和台州市委一系列决策部署。",
        &[(EntityKind::Government, "台州市委")],
        &["省委和台州市委"],
    ),
    (
        "工业和信息化部发布通知。",
        &[(EntityKind::Government, "工业和信息化部")],
        &[],
    ),
    // a word or a unit in brackets is no name
    ("全市产量增长5%（同比）", &[], &["同比"]),
    ("营业收入增长（万元）", &[], &["万元"]),
    (
        "【责任编辑：伊宁倩】",
        &[(EntityKind::Person, "伊宁倩")],
        &[],
    ),
    // roles, relations, prepositions and credits never enter a name
    (
        "控股股东上海建材（集团）有限公司累计增持股份。",
        &[(EntityKind::Enterprise, "上海建材（集团）有限公司")],
        &["控股股东上海建材（集团）有限公司"],
    ),
    (
        "公司全资子公司中国成达工程公司持有股权。",
        &[(EntityKind::Enterprise, "中国成达工程公司")],
        &["全资子公司", "子公司中国成达工程公司"],
    ),
    (
        "本报北京10月31日电（记者汪文正）财政部发布数据。",
        &[
            (EntityKind::Person, "汪文正"),
            (EntityKind::Government, "财政部"),
        ],
        &["（记者汪文正）财政部"],
    ),
    (
        "（一）横店集团得邦照明股份有限公司董事会会议召开情况",
        &[(EntityKind::Enterprise, "横店集团得邦照明股份有限公司")],
        &["（一）横店集团得邦照明股份有限公司"],
    ),
    (
        "上海耀皮集团股份有限公司关于控股股东增持股份的公告",
        &[(EntityKind::Enterprise, "上海耀皮集团股份有限公司")],
        &["上海耀皮集团股份有限公司关于控股"],
    ),
];

#[test]
fn people_and_name_boundaries() {
    let mut failures = Vec::new();
    for &(text, want, none) in CLASSES {
        for input in [text.to_string(), column(text)] {
            let doc = match extract(&input) {
                Ok(d) => d,
                Err(e) => panic!("{input}: {e}"),
            };
            let got: Vec<(EntityKind, &str)> = doc
                .entities
                .iter()
                .map(|e| (e.kind, e.name.as_str()))
                .collect();
            for w in want {
                if !got.contains(w) {
                    failures.push(format!("{input:?}: {w:?} not in {got:?}"));
                }
            }
            for n in none {
                if got.iter().any(|(_, g)| g == n) {
                    failures.push(format!("{input:?}: {n} found in {got:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_name_the_user_adds_is_found_even_when_it_is_an_everyday_word() -> Result<(), tiqu::Error> {
    let p = tiqu::Pipeline::builder()
        .enterprise("联想控股股份有限公司", &["联想"])
        .build()?;
    let doc = p.extract("联想发布年度业绩。")?;
    assert!(
        doc.entities
            .iter()
            .any(|e| e.kind == EntityKind::Enterprise && e.text == "联想"),
        "{:?}",
        doc.entities
    );
    Ok(())
}
