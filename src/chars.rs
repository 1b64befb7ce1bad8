//! Character classes, each defined once: the characters the rules test one by one (scripts,
//! separators, scales, brackets, clause and sentence marks). Words the rules consult are data
//! (`src/data/`), not classes.

/// CJK ideographs (including 〇).
#[inline]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
}

/// Han characters, Latin letters and digits: what names and phrases are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric()
}

/// Separators between the items of a list: `包钢、包铝`, `53.6%和84.6%`, `住房和城乡建设局`.
#[inline]
pub(crate) fn is_list_separator(c: char) -> bool {
    c == '、' || is_conjunction(c)
}

/// Conjunctions that join two nouns or names: `工业和信息化部`, `A与B`.
#[inline]
pub(crate) fn is_conjunction(c: char) -> bool {
    matches!(c, '和' | '及' | '与')
}

/// Is `s` exactly one character of the class?
#[inline]
pub(crate) fn is_one(s: &str, class: fn(char) -> bool) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(class) && cs.next().is_none()
}

/// Is `s` exactly one list separator (the gap between two values of a list)?
#[inline]
pub(crate) fn is_separator_gap(s: &str) -> bool {
    is_one(s, is_list_separator)
}

/// The list separator that ends `s`, if any.
#[inline]
pub(crate) fn separator_at_end(s: &str) -> Option<char> {
    s.chars().next_back().filter(|&c| is_list_separator(c))
}

/// Scale characters inside a Chinese numeral.
#[inline]
pub(crate) fn is_scale(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// Scale characters that may end a numeral and be reported as part of the unit (`943亿元`).
#[inline]
pub(crate) fn is_big_scale(c: char) -> bool {
    matches!(c, '万' | '亿' | '萬' | '億')
}

/// The value of a Chinese digit (〇零 0, 一 1, 二两 2 … 九 9).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Characters that open a quantity without being a digit or a numeral: signs, 第 (ranks), 百/千
/// (百分之, 千分之), 翻 (翻番), 半, 数/几/上 (vague amounts), 上/下/前 (periods), 对 (对折), 负
/// (negatives). The scanner tests these before any other work.
pub(crate) fn is_quantity_lead(c: char) -> bool {
    matches!(
        c,
        '-' | '+'
            | '第'
            | '百'
            | '千'
            | '翻'
            | '半'
            | '数'
            | '几'
            | '上'
            | '下'
            | '前'
            | '对'
            | '负'
    )
}

/// Chinese characters that can start a numeral (digits, scales, financial forms).
#[inline]
pub(crate) fn is_chinese_numeral_start(c: char) -> bool {
    is_scale(c)
        || matches!(
            c,
            '〇' | '零'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '两'
                | '壹'
                | '贰'
                | '叁'
                | '肆'
                | '伍'
                | '陆'
                | '柒'
                | '捌'
                | '玖'
                | '拾'
        )
}

/// Characters that join the two ends of a range (`3-5%`, `4000万元至5200万元`).
#[inline]
pub(crate) fn is_range_connector(c: char) -> bool {
    matches!(c, '-' | '~' | '～' | '—' | '–' | '至' | '到')
}

/// Opening brackets, full- and half-width.
#[inline]
pub(crate) fn is_bracket_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

/// Closing brackets, full- and half-width.
#[inline]
pub(crate) fn is_bracket_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Brackets that enclose document numbers (`〔2021〕240号`).
#[inline]
pub(crate) fn is_doc_bracket(c: char) -> bool {
    matches!(c, '〔' | '〕' | '[' | ']' | '【' | '】')
}

/// Characters that open a new administrative level in a name (`包头市|稀土高新区`).
#[inline]
pub(crate) fn is_admin_level(c: char) -> bool {
    matches!(c, '市' | '省' | '县' | '区' | '州')
}

/// Characters that end a sentence.
#[inline]
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…')
}

/// Closing marks that stay with the sentence before them.
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'')
}

/// Clause separators inside a sentence (the list comma 、 is not one).
#[inline]
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '：' | ':' | '；' | ';' | '。' | '！' | '？' | '!' | '?' | '…'
    )
}

/// White space inside a line (ASCII, ideographic and no-break spaces).
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('稀') && is_han('〇') && !is_han('a') && !is_han('，'));
        assert!("、和及与".chars().all(is_list_separator));
        assert!(is_separator_gap("、") && !is_separator_gap("、、") && !is_separator_gap(""));
        assert_eq!(separator_at_end("包钢、"), Some('、'));
        assert!("十百千万亿".chars().all(is_scale) && !is_scale('一'));
        assert!("一两壹万".chars().all(is_chinese_numeral_start));
        assert!(is_clause_break('，') && !is_clause_break('、'));
    }
}
