//! Exact decimal numbers and recognition of Arabic, Chinese, financial and mixed numerals.
//!
//! [`match_number`] finds the longest numeral at the start of a string ("943亿", "一万五千亿",
//! "1,135.10", "三点五", "壹仟贰佰", "3万4000"); [`parse_number`] parses a whole string as one
//! numeral. Values are exact [`Decimal`]s (an `i128` mantissa and a power-of-ten scale): no
//! floating point is involved in computing them.
//!
//! Grammar summary (see the tests for the full table):
//!
//! * Arabic: optional sign directly before a digit, digits, optional thousands groups (only when
//!   the leading group has 1–3 digits and does not start with `0`; each `,ddd` must be followed
//!   by a non-digit), optional `.d+`. ASCII only.
//! * Mixed: an Arabic literal followed by scale characters (`1.5万`, `3千万`, `1.2万亿`), with an
//!   optional integer Arabic tail after 万/亿 (`3万4000`, `1亿2000万`; a single tail digit is the
//!   colloquial abbreviation: `3万4` = 34000).
//! * Chinese / financial: the usual section grammar (十百千 inside a section, 万 and 亿 as
//!   section markers, 零/〇 placeholders), bare leading scales (`十二`, `千亿`, `万`),
//!   abbreviated tails (`一万五` = 15000), 点 fractions (`十二点零五`, `一点五亿`) and
//!   digit-by-digit runs (`二〇二三` = 2023). 两 is a digit only before a scale character or
//!   when it stands alone at the start (`两个` = 2).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

// ---------------------------------------------------------------------------------------------
// Decimal
// ---------------------------------------------------------------------------------------------

/// An exact decimal number: value = mantissa / 10^scale.
///
/// Always normalised: there are no trailing zeros in the fractional part (73.40 is stored as
/// mantissa 734, scale 1) and zero is mantissa 0, scale 0. Because of this, the derived
/// equality and hash are numeric equality and hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// `m * 10^n`, exact, or `None` on overflow (`0 * 10^n` is always `Some(0)`).
fn scale_up(m: i128, n: u32) -> Option<i128> {
    if m == 0 || n == 0 {
        return Some(m);
    }
    m.checked_mul(10i128.checked_pow(n)?)
}

/// Small exact integers used by the numeral parser.
fn dec(v: u8) -> Decimal {
    Decimal::from_int(i64::from(v))
}

/// 10^e as a decimal (`None` only if it does not fit, which the parser never asks for).
fn pow10(e: u32) -> Option<Decimal> {
    Some(Decimal {
        mantissa: 10i128.checked_pow(e)?,
        scale: 0,
    })
}

const TEN_THOUSAND: Decimal = Decimal {
    mantissa: 10_000,
    scale: 0,
};

impl Decimal {
    /// The number 0.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };
    /// The number 1.
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        scale: 0,
    };

    /// `mantissa / 10^scale`, normalised (trailing fractional zeros are removed).
    pub fn new(mantissa: i128, scale: u32) -> Decimal {
        if mantissa == 0 {
            return Decimal::ZERO;
        }
        let (mut m, mut s) = (mantissa, scale);
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        Decimal {
            mantissa: m,
            scale: s,
        }
    }

    /// An integer value.
    pub fn from_int(v: i64) -> Decimal {
        Decimal {
            mantissa: i128::from(v),
            scale: 0,
        }
    }

    /// The normalised mantissa (value = mantissa / 10^scale).
    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The normalised scale: the number of digits after the decimal point.
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// True if the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// True if the value is below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Exact product, or `None` if it cannot be represented.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        if m == 0 {
            return Some(Decimal::ZERO);
        }
        Some(Decimal::new(m, self.scale.checked_add(other.scale)?))
    }

    /// Exact sum, or `None` if it cannot be represented.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let s = self.scale.max(other.scale);
        let a = scale_up(self.mantissa, s - self.scale)?;
        let b = scale_up(other.mantissa, s - other.scale)?;
        Some(Decimal::new(a.checked_add(b)?, s))
    }

    /// Exact negation, or `None` if it cannot be represented.
    pub fn checked_neg(self) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa.checked_neg()?,
            scale: self.scale,
        })
    }

    /// Multiply by 10^exp; exp may be negative. Exact: 1.5 * 10^-3 = 0.0015.
    pub fn checked_mul_pow10(self, exp: i32) -> Option<Decimal> {
        if self.mantissa == 0 {
            return Some(Decimal::ZERO);
        }
        let e = exp.unsigned_abs();
        if exp >= 0 {
            if self.scale >= e {
                Some(Decimal::new(self.mantissa, self.scale - e))
            } else {
                Some(Decimal {
                    mantissa: scale_up(self.mantissa, e - self.scale)?,
                    scale: 0,
                })
            }
        } else {
            Some(Decimal::new(self.mantissa, self.scale.checked_add(e)?))
        }
    }

    /// The nearest `f64`. Exact arithmetic where both the mantissa and the power of ten are
    /// exact in an `f64` (|mantissa| ≤ 2^53, scale ≤ 22: one correctly rounded division, which
    /// covers the values of news text); beyond that, the digits are parsed from a buffer on the
    /// stack, correctly rounded too.
    pub fn to_f64(self) -> f64 {
        const EXACT: i128 = 1 << 53;
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if self.mantissa == 0 {
            return 0.0;
        }
        if self.scale == 0 {
            // an i128 converts with correct rounding
            return self.mantissa as f64;
        }
        if (-EXACT..=EXACT).contains(&self.mantissa) && self.scale <= 22 {
            return self.mantissa as f64 / POW10[self.scale as usize];
        }
        // |mantissa| < 2^127 < 10^39, so with more than 400 fractional digits the value is
        // below the smallest subnormal f64
        if self.scale > 400 {
            return if self.mantissa < 0 { -0.0 } else { 0.0 };
        }
        // sign, 39 digits, 'e', '-', three exponent digits
        let mut buf = [0u8; 48];
        let digits = self.mantissa.unsigned_abs();
        let mut n = 0;
        if self.mantissa < 0 {
            buf[n] = b'-';
            n += 1;
        }
        let mut tmp = [0u8; 40];
        let mut k = 0;
        let mut d = digits;
        while d > 0 {
            tmp[k] = b'0' + (d % 10) as u8;
            d /= 10;
            k += 1;
        }
        for i in (0..k).rev() {
            buf[n] = tmp[i];
            n += 1;
        }
        buf[n] = b'e';
        buf[n + 1] = b'-';
        n += 2;
        let (h, t, u) = (self.scale / 100, self.scale / 10 % 10, self.scale % 10);
        for x in [h, t, u] {
            buf[n] = b'0' + x as u8;
            n += 1;
        }
        std::str::from_utf8(&buf[..n])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(0.0)
    }
}

macro_rules! decimal_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Decimal {
            fn from(v: $t) -> Decimal {
                Decimal { mantissa: i128::from(v), scale: 0 }
            }
        }
    )*};
}

decimal_from_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl From<i128> for Decimal {
    fn from(v: i128) -> Decimal {
        Decimal {
            mantissa: v,
            scale: 0,
        }
    }
}

/// Error returned when a [`Decimal`] does not convert to an integer type: it has a fractional
/// part, or it is out of the type's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TryFromDecimalError(());

impl fmt::Display for TryFromDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the decimal is not an integer in the target type's range")
    }
}

impl std::error::Error for TryFromDecimalError {}

macro_rules! int_try_from_decimal {
    ($($t:ty),*) => {$(
        impl TryFrom<Decimal> for $t {
            type Error = TryFromDecimalError;

            /// The integer value, if the decimal has no fractional part and fits.
            fn try_from(d: Decimal) -> Result<$t, TryFromDecimalError> {
                if d.scale != 0 {
                    return Err(TryFromDecimalError(()));
                }
                <$t>::try_from(d.mantissa).map_err(|_| TryFromDecimalError(()))
            }
        }
    )*};
}

int_try_from_decimal!(i32, i64, i128, u32, u64, u128, usize);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        if scale == 0 {
            f.write_str(&digits)
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            f.write_str(int)?;
            f.write_str(".")?;
            f.write_str(frac)
        } else {
            f.write_str("0.")?;
            for _ in digits.len()..scale {
                f.write_str("0")?;
            }
            f.write_str(&digits)
        }
    }
}

/// Compares |a| and |b| (both non-zero).
fn cmp_magnitude(a: Decimal, b: Decimal) -> Ordering {
    let ua = a.mantissa.unsigned_abs();
    let ub = b.mantissa.unsigned_abs();
    match a.scale.cmp(&b.scale) {
        Ordering::Equal => ua.cmp(&ub),
        // a has fewer fractional digits: compare ua * 10^d with ub. If that product does not
        // fit a u128 it is certainly larger than ub.
        Ordering::Less => match 10u128
            .checked_pow(b.scale - a.scale)
            .and_then(|p| ua.checked_mul(p))
        {
            Some(x) => x.cmp(&ub),
            None => Ordering::Greater,
        },
        Ordering::Greater => match 10u128
            .checked_pow(a.scale - b.scale)
            .and_then(|p| ub.checked_mul(p))
        {
            Some(y) => ua.cmp(&y),
            None => Ordering::Less,
        },
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let sa = self.mantissa.signum();
        let sb = other.mantissa.signum();
        if sa != sb {
            return sa.cmp(&sb);
        }
        if sa == 0 {
            return Ordering::Equal;
        }
        let mag = cmp_magnitude(*self, *other);
        if sa < 0 {
            mag.reverse()
        } else {
            mag
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.scale == 0 {
            if let Ok(v) = i64::try_from(self.mantissa) {
                return serializer.serialize_i64(v);
            }
            if let Ok(v) = u64::try_from(self.mantissa) {
                return serializer.serialize_u64(v);
            }
        }
        serializer.serialize_f64(self.to_f64())
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    /// A JSON number: integers within 64 bits exactly, other numbers by the shortest decimal
    /// form of their `f64`. [`Serialize`](serde::Serialize) writes integers beyond 64 bits and
    /// decimals of more than 17 significant digits as `f64`, so those do not read back exactly.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::from(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                if !v.is_finite() {
                    return Err(E::custom("a decimal is finite"));
                }
                // Display writes the shortest digits that read back as `v`, never an exponent
                format!("{v}").parse().map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Error returned when a string is not a valid [`Decimal`] literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDecimalError {
    kind: ParseErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParseErrorKind {
    Empty,
    Invalid,
    Overflow,
}

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            ParseErrorKind::Empty => "cannot parse a decimal from an empty string",
            ParseErrorKind::Invalid => "invalid decimal literal",
            ParseErrorKind::Overflow => "decimal literal out of range",
        })
    }
}

impl std::error::Error for ParseDecimalError {}

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    /// ASCII literal: optional sign, digits with optional valid thousands groups, optional
    /// `.d+` ("1,135.10", "0.5", "-64.14", "+3"). "12.", ".5", "1,2" are errors.
    fn from_str(s: &str) -> Result<Decimal, ParseDecimalError> {
        let err = |kind| ParseDecimalError { kind };
        if s.is_empty() {
            return Err(err(ParseErrorKind::Empty));
        }
        match scan_arabic(s.as_bytes()) {
            Ok(lit) if lit.len == s.len() => {
                if lit.negative {
                    lit.value.checked_neg().ok_or(err(ParseErrorKind::Overflow))
                } else {
                    Ok(lit.value)
                }
            }
            Ok(_) | Err(ScanError::NoDigits) => Err(err(ParseErrorKind::Invalid)),
            Err(ScanError::Overflow) => Err(err(ParseErrorKind::Overflow)),
        }
    }
}

/// Accumulates decimal digits exactly; trailing fractional zeros never cause an overflow.
#[derive(Debug, Default, Clone, Copy)]
struct DigitAcc {
    mantissa: i128,
    scale: u32,
    /// fractional zeros seen but not yet applied
    zeros: u32,
}

impl DigitAcc {
    fn push_int(&mut self, d: u8) -> Option<()> {
        self.mantissa = self.mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
        Some(())
    }

    fn push_frac(&mut self, d: u8) -> Option<()> {
        if d == 0 {
            self.zeros = self.zeros.checked_add(1)?;
            return Some(());
        }
        let shift = self.zeros.checked_add(1)?;
        self.mantissa = scale_up(self.mantissa, shift)?.checked_add(i128::from(d))?;
        self.scale = self.scale.checked_add(shift)?;
        self.zeros = 0;
        Some(())
    }

    fn finish(self) -> Decimal {
        Decimal::new(self.mantissa, self.scale)
    }
}

// ---------------------------------------------------------------------------------------------
// Arabic literals
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct ArabicLit {
    /// bytes consumed
    len: usize,
    /// magnitude
    value: Decimal,
    negative: bool,
    /// a fractional part was consumed
    has_point: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScanError {
    NoDigits,
    Overflow,
}

/// Longest ASCII decimal literal at the start of `b`.
fn scan_arabic(b: &[u8]) -> Result<ArabicLit, ScanError> {
    let digit_at = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    let mut negative = false;
    match b.first() {
        Some(b'-') => {
            negative = true;
            i = 1;
        }
        Some(b'+') => i = 1,
        _ => {}
    }
    let int_start = i;
    let mut acc = DigitAcc::default();
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        acc.push_int(c - b'0').ok_or(ScanError::Overflow)?;
        i += 1;
    }
    if i == int_start {
        return Err(ScanError::NoDigits);
    }
    // Thousands groups: only after a plausible leading group ("1,234", not "12345,678" or
    // "0,123"), and each ",ddd" must end at a non-digit ("1,2345" stops before the comma).
    if i - int_start <= 3 && b.get(int_start) != Some(&b'0') {
        while b.get(i) == Some(&b',')
            && digit_at(i + 1)
            && digit_at(i + 2)
            && digit_at(i + 3)
            && !digit_at(i + 4)
        {
            for &c in b.get(i + 1..i + 4).unwrap_or(&[]) {
                acc.push_int(c - b'0').ok_or(ScanError::Overflow)?;
            }
            i += 4;
        }
    }
    let mut has_point = false;
    if b.get(i) == Some(&b'.') && digit_at(i + 1) {
        has_point = true;
        i += 1;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            acc.push_frac(c - b'0').ok_or(ScanError::Overflow)?;
            i += 1;
        }
    }
    Ok(ArabicLit {
        len: i,
        value: acc.finish(),
        negative,
        has_point,
    })
}

// ---------------------------------------------------------------------------------------------
// Numeral matching
// ---------------------------------------------------------------------------------------------

named_enum! {
    /// Which script a numeral was written in.
    pub enum NumeralForm ("numeral form") {
        /// Only ASCII digits, with optional sign, decimal point and thousands commas
        /// ("1,135.10").
        Arabic = "arabic",
        /// Chinese digits and scales: 一二三…十百千万亿, 两, 〇/零, 点 ("一万五千", "二〇二三").
        Chinese = "chinese",
        /// Uses at least one financial character 壹贰叁肆伍陆柒捌玖拾佰仟 ("壹仟贰佰").
        Financial = "financial",
        /// Arabic digits combined with Chinese scale characters ("1.5万", "943亿", "3万4000").
        Mixed = "mixed",
    }
}

/// A numeral found at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct NumberMatch {
    /// Byte length of the numeral in the input.
    pub len: usize,
    /// Exact value.
    pub value: Decimal,
    /// Script the numeral was written in.
    pub form: NumeralForm,
    /// The numeral ends with a scale character 十/百/千/万/亿 (or 萬/億/拾/佰/仟), e.g. "30万",
    /// "千", "1200亿"; useful when deciding between splits such as 30万|千瓦.
    pub ends_with_scale: bool,
}

/// Character classes of the Chinese numeral grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// 〇零一…九 and the financial digits; the flag marks financial characters.
    Digit(u8, bool),
    /// 两 / 兩
    Liang,
    /// 十百千 (exponent 1..=3) and 拾佰仟 (financial).
    Small(u32, bool),
    /// 万萬 (4), 亿億 (8)
    Big(u32),
    /// 点 / 點
    Point,
    /// 廿 (20) and 卅 (30): a digit followed by 十
    Tens(u8),
    Other,
}

fn classify(c: char) -> Class {
    match c {
        '〇' | '零' => Class::Digit(0, false),
        '一' => Class::Digit(1, false),
        '二' => Class::Digit(2, false),
        '三' => Class::Digit(3, false),
        '四' => Class::Digit(4, false),
        '五' => Class::Digit(5, false),
        '六' => Class::Digit(6, false),
        '七' => Class::Digit(7, false),
        '八' => Class::Digit(8, false),
        '九' => Class::Digit(9, false),
        '壹' => Class::Digit(1, true),
        '贰' | '貳' => Class::Digit(2, true),
        '叁' | '參' => Class::Digit(3, true),
        '肆' => Class::Digit(4, true),
        '伍' => Class::Digit(5, true),
        '陆' | '陸' => Class::Digit(6, true),
        '柒' => Class::Digit(7, true),
        '捌' => Class::Digit(8, true),
        '玖' => Class::Digit(9, true),
        '两' | '兩' => Class::Liang,
        '十' => Class::Small(1, false),
        '百' => Class::Small(2, false),
        '千' => Class::Small(3, false),
        '拾' => Class::Small(1, true),
        '佰' => Class::Small(2, true),
        '仟' => Class::Small(3, true),
        '万' | '萬' => Class::Big(4),
        '亿' | '億' => Class::Big(8),
        '点' | '點' => Class::Point,
        '廿' => Class::Tens(2),
        '卅' => Class::Tens(3),
        _ => Class::Other,
    }
}

fn is_scale(c: Option<Class>) -> bool {
    matches!(c, Some(Class::Small(..)) | Some(Class::Big(_)))
}

/// The most recent scale character and whether it directly followed a digit (or, for 十,
/// started the number). A digit after a "direct" scale at the very end of a numeral is the
/// abbreviated next-lower unit (一万五 = 15000); after a chain such as 千万 it is not accepted.
#[derive(Debug, Clone, Copy)]
struct ScaleCtx {
    e: u32,
    direct: bool,
    /// A bare leading 万 (万二 = 12000, but 万一 is the word "in case").
    bare: bool,
}

/// A value waiting for the next scale character (or for the end of the numeral).
#[derive(Debug, Clone, Copy)]
enum Pending {
    None,
    /// One Chinese digit; `after` is set when it directly follows a scale character; `liang`
    /// when it was written 两 (only valid before a scale, or alone).
    Digit {
        v: u8,
        after: Option<ScaleCtx>,
        liang: bool,
    },
    /// An ASCII integer after 万/亿 ("3万4000").
    Tail {
        v: Decimal,
        single: bool,
        after: ScaleCtx,
    },
    /// An arbitrary multiplier: an Arabic head ("1.5") or a Chinese integer+fraction ("十二点五").
    Multi(Decimal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Digit,
    Zero,
    Small,
    Big,
    Frac,
    Arabic,
}

/// Parser state; every step is O(1) except the digit runs it consumes, so a match is linear.
#[derive(Debug, Clone, Copy)]
struct State {
    /// started with an ASCII literal
    arabic: bool,
    negative: bool,
    /// value of the part ending in 亿
    yi: Decimal,
    has_yi: bool,
    /// value of the part ending in 万, inside the current 亿 block
    wan: Decimal,
    has_wan: bool,
    /// value below 万 built from digits and 十百千
    section: Decimal,
    /// the last 十百千 exponent in the current section (they must decrease)
    sec_small: Option<u32>,
    pending: Pending,
    last: Last,
    last_scale: Option<ScaleCtx>,
    frac_seen: bool,
    /// nothing more may be consumed
    closed: bool,
    fin: bool,
    scale_seen: bool,
    ends_scale: bool,
}

impl State {
    fn new() -> State {
        State {
            arabic: false,
            negative: false,
            yi: Decimal::ZERO,
            has_yi: false,
            wan: Decimal::ZERO,
            has_wan: false,
            section: Decimal::ZERO,
            sec_small: None,
            pending: Pending::None,
            last: Last::Start,
            last_scale: None,
            frac_seen: false,
            closed: false,
            fin: false,
            scale_seen: false,
            ends_scale: false,
        }
    }

    /// Consumes the character `c` at byte `pos` (and possibly more); returns the new position,
    /// or `None` if the numeral cannot continue here.
    fn step(&mut self, s: &str, pos: usize, c: char, next: Option<char>) -> Option<usize> {
        let end = pos + c.len_utf8();
        if c.is_ascii_digit() {
            return self.tail(s, pos);
        }
        match classify(c) {
            Class::Digit(v, fin) => {
                self.digit(v, false)?;
                self.fin |= fin;
                self.ends_scale = false;
            }
            Class::Liang => {
                let next_class = next.map(classify);
                if is_scale(next_class) {
                    self.digit(2, true)?;
                } else if self.last == Last::Start
                    && !self.arabic
                    && !matches!(next_class, Some(Class::Digit(..)) | Some(Class::Liang))
                {
                    // 两 standing alone ("两个", "两点"): 2, and nothing more.
                    self.pending = Pending::Digit {
                        v: 2,
                        after: None,
                        liang: true,
                    };
                    self.last = Last::Digit;
                    self.closed = true;
                } else {
                    return None;
                }
                self.ends_scale = false;
            }
            Class::Small(e, fin) => {
                // After a Chinese fraction a small scale only starts a chain (一点五千万), so
                // that 三点五十分 (3:50) reads 三点五.
                if self.last == Last::Frac && !matches!(next.map(classify), Some(Class::Big(_))) {
                    return None;
                }
                self.small(e)?;
                self.fin |= fin;
                self.ends_scale = true;
            }
            Class::Big(e) => {
                self.big(e)?;
                self.ends_scale = true;
            }
            Class::Point => return self.point(s, end),
            Class::Tens(v) => {
                self.digit(v, false)?;
                self.small(1)?;
                self.ends_scale = false;
            }
            Class::Other => return None,
        }
        Some(end)
    }

    fn digit(&mut self, v: u8, liang: bool) -> Option<()> {
        if self.arabic || self.closed || self.frac_seen {
            return None;
        }
        if v == 0 {
            match self.last {
                Last::Start => {
                    self.pending = Pending::Digit {
                        v: 0,
                        after: None,
                        liang: false,
                    };
                    self.last = Last::Digit;
                }
                Last::Small | Last::Big | Last::Zero => self.last = Last::Zero,
                _ => return None,
            }
            return Some(());
        }
        let after = match self.last {
            Last::Start | Last::Zero => None,
            Last::Small | Last::Big => self.last_scale,
            _ => return None,
        };
        self.pending = Pending::Digit { v, after, liang };
        self.last = Last::Digit;
        Some(())
    }

    fn small(&mut self, e: u32) -> Option<()> {
        if self.closed {
            return None;
        }
        if self.sec_small.is_some_and(|p| e >= p) {
            return None;
        }
        let unit = pow10(e)?;
        match self.pending {
            Pending::Digit { v, .. } => {
                if v == 0 {
                    return None;
                }
                self.section = self.section.checked_add(dec(v).checked_mul(unit)?)?;
            }
            Pending::Tail { v, .. } => {
                if self.section != Decimal::ZERO {
                    return None;
                }
                let x = v.checked_mul(unit)?;
                if x >= TEN_THOUSAND {
                    return None;
                }
                self.section = x;
            }
            Pending::Multi(v) => {
                if self.section != Decimal::ZERO {
                    return None;
                }
                self.section = v.checked_mul(unit)?;
            }
            Pending::None => match self.last {
                Last::Start => self.section = unit,
                // 一千零十: a bare 十 after 零 means 一十
                Last::Zero if e == 1 => self.section = self.section.checked_add(unit)?,
                _ => return None,
            },
        }
        let direct = matches!(
            self.last,
            Last::Start | Last::Digit | Last::Arabic | Last::Frac | Last::Zero
        );
        self.sec_small = Some(e);
        self.pending = Pending::None;
        self.last_scale = Some(ScaleCtx {
            e,
            direct,
            bare: false,
        });
        self.last = Last::Small;
        self.scale_seen = true;
        Some(())
    }

    fn big(&mut self, e: u32) -> Option<()> {
        if self.closed || self.last == Last::Zero {
            return None;
        }
        let pv = match self.pending {
            Pending::None => Decimal::ZERO,
            Pending::Digit { v, .. } => {
                if v == 0 {
                    return None;
                }
                dec(v)
            }
            Pending::Tail { v, .. } | Pending::Multi(v) => v,
        };
        let has_pending = !matches!(self.pending, Pending::None);
        let mut below = self.section.checked_add(pv)?;
        let something = has_pending
            || self.sec_small.is_some()
            || self.section != Decimal::ZERO
            || (e == 8 && self.has_wan);
        if !something {
            if self.last == Last::Start {
                below = Decimal::ONE; // bare 万 / 亿
            } else {
                return None; // 三亿万, 三万万
            }
        }
        let unit = pow10(e)?;
        if e == 4 {
            if self.has_wan || (self.has_yi && below >= TEN_THOUSAND) {
                return None;
            }
            self.wan = below.checked_mul(unit)?;
            self.has_wan = true;
        } else {
            if self.has_yi {
                return None;
            }
            // 亿 multiplies everything accumulated so far: 一万五千亿 = (1万 + 5千) 亿
            below = self.wan.checked_add(below)?;
            self.yi = below.checked_mul(unit)?;
            self.has_yi = true;
            self.wan = Decimal::ZERO;
            self.has_wan = false;
        }
        let direct = match self.last {
            Last::Digit | Last::Arabic | Last::Frac => true,
            // a bare leading 万 is not "direct": 万一 is 万, not 11000
            _ => false,
        };
        let bare = self.last == Last::Start;
        self.section = Decimal::ZERO;
        self.sec_small = None;
        self.pending = Pending::None;
        self.last_scale = Some(ScaleCtx { e, direct, bare });
        self.last = Last::Big;
        self.scale_seen = true;
        Some(())
    }

    /// 点 followed by Chinese digits; `frac_start` is the byte after 点.
    fn point(&mut self, s: &str, frac_start: usize) -> Option<usize> {
        if self.arabic || self.closed || self.frac_seen {
            return None;
        }
        let units = match (self.last, self.pending) {
            (
                Last::Digit,
                Pending::Digit {
                    v, after, liang, ..
                },
            ) => {
                if liang {
                    return None;
                }
                match after {
                    None => dec(v),
                    Some(a) if a.e == 1 => dec(v),
                    // the abbreviated tail, as everyday speech reads it: 一百二点五 = 120.5,
                    // 三千四点五 = 3400.5
                    Some(a) if a.direct => dec(v).checked_mul(pow10(a.e - 1)?)?,
                    Some(_) => return None,
                }
            }
            (Last::Small, Pending::None) => Decimal::ZERO,
            _ => return None,
        };
        let mut acc = DigitAcc::default();
        let mut fin = false;
        let mut end = frac_start;
        for c in s.get(frac_start..)?.chars() {
            match classify(c) {
                Class::Digit(d, f) => {
                    acc.push_frac(d)?;
                    fin |= f;
                    end += c.len_utf8();
                }
                _ => break,
            }
        }
        if end == frac_start {
            return None; // 三点钟
        }
        let value = self.section.checked_add(units)?.checked_add(acc.finish())?;
        self.pending = Pending::Multi(value);
        self.section = Decimal::ZERO;
        self.sec_small = None;
        self.frac_seen = true;
        // scales after the fraction multiply the whole number, so only when there is no
        // 万/亿 part before it (三万五千点五 ends there)
        if self.has_yi || self.has_wan {
            self.closed = true;
        }
        self.last = Last::Frac;
        self.fin |= fin;
        self.ends_scale = false;
        Some(end)
    }

    /// ASCII digits after 万/亿 in a numeral that started with an Arabic literal.
    fn tail(&mut self, s: &str, pos: usize) -> Option<usize> {
        if !self.arabic || self.last != Last::Big || self.frac_seen || self.closed {
            return None;
        }
        let after = self.last_scale?;
        let mut acc = DigitAcc::default();
        let mut n = 0usize;
        for &b in s.as_bytes().get(pos..)? {
            if !b.is_ascii_digit() {
                break;
            }
            acc.push_int(b - b'0')?;
            n += 1;
        }
        if n == 0 {
            return None;
        }
        self.pending = Pending::Tail {
            v: acc.finish(),
            single: n == 1,
            after,
        };
        self.last = Last::Arabic;
        self.ends_scale = false;
        Some(pos + n)
    }

    /// Value of the numeral if it ended here, or `None` if it cannot end here.
    fn value(&self) -> Option<Decimal> {
        if matches!(self.last, Last::Start | Last::Zero) {
            return None;
        }
        // after a Chinese fraction a small scale must be followed by 万/亿 (一点五千万)
        if self.last == Last::Small && self.frac_seen && !self.arabic {
            return None;
        }
        let pv = match self.pending {
            Pending::None => Decimal::ZERO,
            Pending::Digit { liang: true, .. } if !self.closed => return None,
            Pending::Digit { v, after: None, .. } => dec(v),
            Pending::Digit {
                v,
                after: Some(ctx),
                ..
            } => {
                if !(ctx.direct || ctx.bare && v >= 2) {
                    return None; // 一千万五, 万一
                }
                // abbreviated tail: 一万五 = 15000, 三千五 = 3500, 十五 = 15
                dec(v).checked_mul(pow10(ctx.e.saturating_sub(1))?)?
            }
            Pending::Tail { v, single, after } => {
                if single {
                    if !after.direct {
                        return None;
                    }
                    v.checked_mul(pow10(after.e.saturating_sub(1))?)? // 3万4 = 34000
                } else {
                    if v >= pow10(after.e)? {
                        return None; // 3万40000
                    }
                    v
                }
            }
            Pending::Multi(v) => v,
        };
        let total = self
            .yi
            .checked_add(self.wan)?
            .checked_add(self.section)?
            .checked_add(pv)?;
        if self.negative {
            total.checked_neg()
        } else {
            Some(total)
        }
    }

    fn form(&self) -> NumeralForm {
        if self.fin {
            NumeralForm::Financial
        } else if self.arabic {
            if self.scale_seen {
                NumeralForm::Mixed
            } else {
                NumeralForm::Arabic
            }
        } else {
            NumeralForm::Chinese
        }
    }

    fn accept(&self, len: usize) -> Option<NumberMatch> {
        Some(NumberMatch {
            len,
            value: self.value()?,
            form: self.form(),
            ends_with_scale: self.ends_scale,
        })
    }
}

/// A run of two or more Chinese digits read digit by digit (二〇二三 = 2023). Not a run when
/// it is followed by a scale character (三四十 is a range; the caller then gets 三).
fn digit_run(s: &str) -> Option<NumberMatch> {
    let mut mantissa: i128 = 0;
    let mut n = 0usize;
    let mut fin = false;
    let mut end = 0usize;
    let mut next = None;
    for c in s.chars() {
        match classify(c) {
            Class::Digit(d, f) => {
                mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
                fin |= f;
                n += 1;
                end += c.len_utf8();
            }
            other => {
                next = Some(other);
                break;
            }
        }
    }
    if n < 2 || is_scale(next) {
        return None;
    }
    Some(NumberMatch {
        len: end,
        value: Decimal::new(mantissa, 0),
        form: if fin {
            NumeralForm::Financial
        } else {
            NumeralForm::Chinese
        },
        ends_with_scale: false,
    })
}

/// Longest numeral at the start of `s` (it is `s[..len]`), or `None`.
///
/// Digits must be ASCII or Chinese (callers fold full-width digits first). Bare scales are
/// numerals ("十" = 10, "万" = 10000, "千亿" = 1e11); callers decide whether they are
/// quantities. Never panics; runs in time linear in the matched length.
pub fn match_number(s: &str) -> Option<NumberMatch> {
    let bytes = s.as_bytes();
    let first = *bytes.first()?;
    let mut st = State::new();
    let mut best = None;
    let mut pos = 0;
    if first.is_ascii_digit()
        || ((first == b'-' || first == b'+') && bytes.get(1).is_some_and(u8::is_ascii_digit))
    {
        let lit = scan_arabic(bytes).ok()?;
        st.arabic = true;
        st.negative = lit.negative;
        st.frac_seen = lit.has_point;
        st.pending = Pending::Multi(lit.value);
        st.last = Last::Arabic;
        pos = lit.len;
        best = st.accept(pos);
    } else if let Some(m) = digit_run(s) {
        return Some(m);
    }
    while let Some(c) = s.get(pos..).and_then(|r| r.chars().next()) {
        let next = s.get(pos + c.len_utf8()..).and_then(|r| r.chars().next());
        match st.step(s, pos, c, next) {
            Some(p) => {
                pos = p;
                if let Some(m) = st.accept(pos) {
                    best = Some(m);
                }
            }
            None => break,
        }
    }
    best
}

/// Parses the whole of `s` as one numeral: "943亿" = 94300000000, "一万五千亿" =
/// 1500000000000, "三点五" = 3.5, "1.5万" = 15000, "二〇二三" = 2023, "1,135.10" = 1135.1.
/// `None` unless [`match_number`] consumes all of `s`.
pub fn parse_number(s: &str) -> Option<Decimal> {
    match_number(s)
        .filter(|m| m.len == s.len())
        .map(|m| m.value)
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected value as displayed, expected matched prefix — its byte length is the
    /// expected `len`).
    const CASES: &[(&str, &str, &str)] = &[
        // --- Arabic ---
        ("0", "0", "0"),
        ("7", "7", "7"),
        ("42", "42", "42"),
        ("2023年", "2023", "2023"),
        ("007", "7", "007"),
        ("100", "100", "100"),
        ("-64.14", "-64.14", "-64.14"),
        ("-64.14%", "-64.14", "-64.14"),
        ("+3", "3", "+3"),
        ("-0", "0", "-0"),
        ("0.5", "0.5", "0.5"),
        ("73.40", "73.4", "73.40"),
        ("1.000", "1", "1.000"),
        ("0.0015", "0.0015", "0.0015"),
        ("3.14%", "3.14", "3.14"),
        ("1,135.10", "1135.1", "1,135.10"),
        ("1,234,567", "1234567", "1,234,567"),
        ("1,000,000元", "1000000", "1,000,000"),
        ("1,234元", "1234", "1,234"),
        ("1,234,", "1234", "1,234"),
        ("1,2", "1", "1"),
        ("1,2345", "1", "1"),
        ("1,234,56", "1234", "1,234"),
        ("1,234,5678", "1234", "1,234"),
        ("12345,678", "12345", "12345"),
        ("0,123", "0", "0"),
        ("12.", "12", "12"),
        ("12.5.6", "12.5", "12.5"),
        ("3.万", "3", "3"),
        ("5-6", "5", "5"),
        ("3 万", "3", "3"),
        ("-5元", "-5", "-5"),
        ("12%。", "12", "12"),
        ("3五", "3", "3"),
        ("3点5", "3", "3"),
        (
            "99999999999999999999999999999999999999",
            "99999999999999999999999999999999999999",
            "99999999999999999999999999999999999999",
        ),
        (
            "0.000000000000000000000000000000000000000000001",
            "0.000000000000000000000000000000000000000000001",
            "0.000000000000000000000000000000000000000000001",
        ),
        // --- Mixed ---
        ("1.5万", "15000", "1.5万"),
        ("943亿", "94300000000", "943亿"),
        ("943亿元", "94300000000", "943亿"),
        ("112.6亿", "11260000000", "112.6亿"),
        ("1200亿", "120000000000", "1200亿"),
        ("8亿人", "800000000", "8亿"),
        ("3万4000", "34000", "3万4000"),
        ("3万4000元", "34000", "3万4000"),
        ("3万4", "34000", "3万4"),
        ("3万04", "30004", "3万04"),
        ("1亿2", "120000000", "1亿2"),
        ("1亿2000万", "120000000", "1亿2000万"),
        ("12亿3456万7890", "1234567890", "12亿3456万7890"),
        ("1亿2千万", "120000000", "1亿2千万"),
        ("2万5千", "25000", "2万5千"),
        ("1万2千5百", "12000", "1万2千"),
        ("1万25千", "10025", "1万25"),
        ("1.2万亿", "1200000000000", "1.2万亿"),
        ("20万亿", "20000000000000", "20万亿"),
        ("3千万", "30000000", "3千万"),
        ("2百万", "2000000", "2百万"),
        ("5千瓦", "5000", "5千"),
        ("1.5千米", "1500", "1.5千"),
        ("30万千瓦", "300000", "30万"),
        ("1,200万", "12000000", "1,200万"),
        ("1,234.5万", "12345000", "1,234.5万"),
        ("100.5万", "1005000", "100.5万"),
        ("0.5万", "5000", "0.5万"),
        ("-1.5万", "-15000", "-1.5万"),
        ("-3万4000", "-34000", "-3万4000"),
        ("3千5", "3000", "3千"),
        ("3万40000", "30000", "3万"),
        ("3万4000.5", "34000", "3万4000"),
        ("1.5万3000", "15000", "1.5万"),
        ("3万零400", "30000", "3万"),
        ("3万四千", "30000", "3万"),
        ("1千万5", "10000000", "1千万"),
        ("1千万5000", "10005000", "1千万5000"),
        ("1亿20000万", "100020000", "1亿20000"),
        ("3万4000万", "34000", "3万4000"),
        ("5亿亿", "500000000", "5亿"),
        ("5万万", "50000", "5万"),
        ("1萬", "10000", "1萬"),
        ("3億", "300000000", "3億"),
        // --- Chinese ---
        ("一", "1", "一"),
        ("九", "9", "九"),
        ("十", "10", "十"),
        ("十二", "12", "十二"),
        ("十五个", "15", "十五"),
        ("二十", "20", "二十"),
        ("二十五", "25", "二十五"),
        ("一十二", "12", "一十二"),
        ("一百", "100", "一百"),
        ("一百零五", "105", "一百零五"),
        ("一百一十", "110", "一百一十"),
        ("一百一", "110", "一百一"),
        ("一百二十三", "123", "一百二十三"),
        ("一千二百三十四", "1234", "一千二百三十四"),
        ("一千二百三", "1230", "一千二百三"),
        ("一千零一", "1001", "一千零一"),
        ("一千零一夜", "1001", "一千零一"),
        ("一千零一十", "1010", "一千零一十"),
        ("一千零十", "1010", "一千零十"),
        ("三千零五十", "3050", "三千零五十"),
        ("两千", "2000", "两千"),
        ("两千零二十三", "2023", "两千零二十三"),
        ("两百五", "250", "两百五"),
        ("两万", "20000", "两万"),
        ("两亿", "200000000", "两亿"),
        ("一万两千", "12000", "一万两千"),
        ("三千五", "3500", "三千五"),
        ("一万五", "15000", "一万五"),
        ("一万五个", "15000", "一万五"),
        ("一亿五", "150000000", "一亿五"),
        ("三亿五", "350000000", "三亿五"),
        ("一万二千三", "12300", "一万二千三"),
        ("二十万", "200000", "二十万"),
        ("十万", "100000", "十万"),
        ("十万五千", "105000", "十万五千"),
        ("一万零五", "10005", "一万零五"),
        ("一万零五百", "10500", "一万零五百"),
        ("一万零十", "10010", "一万零十"),
        ("一亿零五十万", "100500000", "一亿零五十万"),
        ("三亿零五百万", "305000000", "三亿零五百万"),
        ("三亿五千万", "350000000", "三亿五千万"),
        ("一千万", "10000000", "一千万"),
        ("一千万五千", "10005000", "一千万五千"),
        ("五十万亿", "50000000000000", "五十万亿"),
        ("一万亿", "1000000000000", "一万亿"),
        (
            "十二亿三千四百五十六万七千八百九十",
            "1234567890",
            "十二亿三千四百五十六万七千八百九十",
        ),
        ("九千九百九十九亿", "999900000000", "九千九百九十九亿"),
        ("千亿", "100000000000", "千亿"),
        ("百万", "1000000", "百万"),
        ("万", "10000", "万"),
        ("亿", "100000000", "亿"),
        ("萬", "10000", "萬"),
        ("三億", "300000000", "三億"),
        ("十十", "10", "十"),
        ("百分之五", "100", "百"),
        ("〇", "0", "〇"),
        ("零", "0", "零"),
        ("零万", "0", "零"),
        ("零十", "0", "零"),
        // decimal point
        ("三点五", "3.5", "三点五"),
        ("十二点零五", "12.05", "十二点零五"),
        ("三十五点五", "35.5", "三十五点五"),
        ("十点五", "10.5", "十点五"),
        ("一百点五", "100.5", "一百点五"),
        ("一百二十点五", "120.5", "一百二十点五"),
        ("零点五", "0.5", "零点五"),
        ("零零零", "0", "零零零"),
        ("〇点二五", "0.25", "〇点二五"),
        ("零点零零一", "0.001", "零点零零一"),
        ("三点五零", "3.5", "三点五零"),
        ("一点五亿", "150000000", "一点五亿"),
        ("十二点五万", "125000", "十二点五万"),
        ("一点二万亿", "1200000000000", "一点二万亿"),
        ("一点五千万", "15000000", "一点五千万"),
        ("一点五千米", "1.5", "一点五"),
        ("一点五千亿", "150000000000", "一点五千亿"),
        ("〇点零仟亿", "0", "〇点零仟亿"),
        ("三点五十分", "3.5", "三点五"),
        ("三万五千点五", "35000.5", "三万五千点五"),
        ("三万五千点五万", "35000.5", "三万五千点五"),
        ("三点钟", "3", "三"),
        ("一点", "1", "一"),
        ("一点点", "1", "一"),
        ("一万点五", "10000", "一万"),
        ("一百二点五", "120.5", "一百二点五"),
        ("三千四点五", "3400.5", "三千四点五"),
        ("万二", "12000", "万二"),
        ("万一", "10000", "万"),
        ("三点五点六", "3.5", "三点五"),
        // digit-by-digit
        ("二〇二三", "2023", "二〇二三"),
        ("二〇二三年", "2023", "二〇二三"),
        ("一九九八年", "1998", "一九九八"),
        ("二零零八", "2008", "二零零八"),
        ("一二", "12", "一二"),
        ("零零七", "7", "零零七"),
        ("一二点五", "12", "一二"),
        ("一二两", "12", "一二"),
        ("三四十", "3", "三"),
        ("一两万", "1", "一"),
        ("七八百万", "7", "七"),
        // 两
        ("两", "2", "两"),
        ("两个", "2", "两"),
        ("两点", "2", "两"),
        ("两点五", "2", "两"),
        ("二两", "2", "二"),
        ("十两", "10", "十"),
        ("一百两", "100", "一百"),
        ("三万两", "30000", "三万"),
        ("一百两千", "100", "一百"),
        ("兩千", "2000", "兩千"),
        // grammar stops
        ("三万千瓦", "30000", "三万"),
        ("一百二千", "120", "一百二"),
        ("二十万五", "200000", "二十万"),
        ("一千万五", "10000000", "一千万"),
        ("十万五", "100000", "十万"),
        ("一亿亿", "100000000", "一亿"),
        ("三万五千万", "35000", "三万五千"),
        ("三亿万", "300000000", "三亿"),
        ("亿万富翁", "100000000", "亿"),
        ("万一", "10000", "万"),
        ("一百零", "100", "一百"),
        ("一亿零", "100000000", "一亿"),
        ("一百零万", "100", "一百"),
        ("一万二三千", "12000", "一万二"),
        ("三五", "35", "三五"),
        ("十几", "10", "十"),
        ("三3", "3", "三"),
        // 廿 / 卅
        ("廿", "20", "廿"),
        ("廿三", "23", "廿三"),
        ("卅", "30", "卅"),
        ("一百廿三", "123", "一百廿三"),
        // financial
        ("壹仟贰佰", "1200", "壹仟贰佰"),
        ("壹拾", "10", "壹拾"),
        ("拾", "10", "拾"),
        ("玖仟玖佰玖拾玖", "9999", "玖仟玖佰玖拾玖"),
        ("壹万贰仟", "12000", "壹万贰仟"),
        ("壹佰零伍", "105", "壹佰零伍"),
        ("叁拾萬", "300000", "叁拾萬"),
        ("貳億", "200000000", "貳億"),
        ("壹贰叁", "123", "壹贰叁"),
        ("伍元", "5", "伍"),
        ("陆仟", "6000", "陆仟"),
        ("肆佰捌拾柒点伍", "487.5", "肆佰捌拾柒点伍"),
        ("3仟", "3000", "3仟"),
    ];

    /// Inputs with no numeral at the start.
    const NO_MATCH: &[&str] = &[
        "",
        "abc",
        "-",
        "+",
        "-a",
        "--5",
        "+-5",
        "- 5",
        ".5",
        ",5",
        "-三",
        "点五",
        "第一",
        "两三个",
        "两两",
        "两一",
        "元",
        "１２",
        "－5",
        "1234567890123456789012345678901234567890",
    ];

    /// Regressions against other recognisers and earlier mistakes.
    const REGRESSIONS: &[(&str, &str, &str)] = &[
        // Microsoft Recognizers-Text read this as 1万 + 5000亿.
        ("一万五千亿", "1500000000000", "一万五千亿"),
        ("30万千瓦", "300000", "30万"),
        ("一万五千亿元", "1500000000000", "一万五千亿"),
        ("三十万千瓦", "300000", "三十万"),
        ("1.2万亿元", "1200000000000", "1.2万亿"),
        ("两千五百万", "25000000", "两千五百万"),
        ("一千五百亿", "150000000000", "一千五百亿"),
        ("二〇二三年一月", "2023", "二〇二三"),
        ("三点五十分", "3.5", "三点五"),
    ];

    fn check(table: &[(&str, &str, &str)]) {
        for &(input, value, prefix) in table {
            assert!(
                input.starts_with(prefix),
                "bad test row {input:?} / {prefix:?}"
            );
            let m = match_number(input)
                .unwrap_or_else(|| panic!("no match for {input:?}, expected {value}"));
            assert_eq!(
                (m.value.to_string().as_str(), m.len),
                (value, prefix.len()),
                "input {input:?} (expected prefix {prefix:?}, got {:?})",
                input.get(..m.len)
            );
            assert_eq!(
                parse_number(prefix),
                Some(m.value),
                "parse_number({prefix:?})"
            );
            if prefix.len() != input.len() {
                assert_eq!(parse_number(input), None, "parse_number({input:?})");
            }
        }
    }

    #[test]
    fn table_cases() {
        assert!(CASES.len() >= 150, "only {} cases", CASES.len());
        check(CASES);
    }

    #[test]
    fn regressions() {
        check(REGRESSIONS);
    }

    #[test]
    fn no_match() {
        for &input in NO_MATCH {
            assert_eq!(match_number(input), None, "input {input:?}");
            assert_eq!(parse_number(input), None, "input {input:?}");
        }
    }

    #[test]
    fn parse_number_examples() {
        let p = |s: &str| parse_number(s).map(|d| d.to_string());
        assert_eq!(p("943亿").as_deref(), Some("94300000000"));
        assert_eq!(p("一万五千亿").as_deref(), Some("1500000000000"));
        assert_eq!(p("三点五").as_deref(), Some("3.5"));
        assert_eq!(p("两千").as_deref(), Some("2000"));
        assert_eq!(p("1.5万").as_deref(), Some("15000"));
        assert_eq!(p("3万4000").as_deref(), Some("34000"));
        assert_eq!(p("十二").as_deref(), Some("12"));
        assert_eq!(p("一千二百三十四").as_deref(), Some("1234"));
        assert_eq!(p("〇").as_deref(), Some("0"));
        assert_eq!(p("零").as_deref(), Some("0"));
        assert_eq!(p("二〇二三").as_deref(), Some("2023"));
        assert_eq!(p("壹仟贰佰").as_deref(), Some("1200"));
        assert_eq!(p("1,135.10").as_deref(), Some("1135.1"));
        assert_eq!(p("-64.14").as_deref(), Some("-64.14"));
        assert_eq!(p("1.2万亿").as_deref(), Some("1200000000000"));
        assert_eq!(p("万").as_deref(), Some("10000"));
        assert_eq!(p("两个"), None);
        assert_eq!(p("30万千瓦"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn forms_and_scale_flag() {
        let cases: &[(&str, NumeralForm, bool)] = &[
            ("1,135.10", NumeralForm::Arabic, false),
            ("-5", NumeralForm::Arabic, false),
            ("1.5万", NumeralForm::Mixed, true),
            ("943亿", NumeralForm::Mixed, true),
            ("3万4000", NumeralForm::Mixed, false),
            ("3千万", NumeralForm::Mixed, true),
            ("30万千瓦", NumeralForm::Mixed, true),
            ("一万五千", NumeralForm::Chinese, true),
            ("一万五", NumeralForm::Chinese, false),
            ("千", NumeralForm::Chinese, true),
            ("二〇二三", NumeralForm::Chinese, false),
            ("三点五", NumeralForm::Chinese, false),
            ("两个", NumeralForm::Chinese, false),
            ("廿", NumeralForm::Chinese, false),
            ("壹仟贰佰", NumeralForm::Financial, true),
            ("壹万", NumeralForm::Financial, true),
            ("一万贰仟", NumeralForm::Financial, true),
            ("壹贰", NumeralForm::Financial, false),
            ("三点伍", NumeralForm::Financial, false),
            ("3仟", NumeralForm::Financial, true),
        ];
        for &(input, form, ends) in cases {
            let m = match_number(input).unwrap_or_else(|| panic!("no match for {input:?}"));
            assert_eq!((m.form, m.ends_with_scale), (form, ends), "input {input:?}");
        }
        // the form describes only the matched prefix
        let m = match_number("1.5千米");
        assert_eq!(m.map(|m| m.form), Some(NumeralForm::Mixed));
        let m = match_number("三伍");
        assert_eq!(m.map(|m| m.form), Some(NumeralForm::Financial));
        let m = match_number("三万伍");
        assert_eq!(m.map(|m| m.form), Some(NumeralForm::Financial));
        let m = match_number("一点五千米");
        assert_eq!(
            m.map(|m| (m.form, m.ends_with_scale)),
            Some((NumeralForm::Chinese, false))
        );
    }

    #[test]
    fn form_serializes_snake_case() {
        let json = serde_json::to_string(&[
            NumeralForm::Arabic,
            NumeralForm::Chinese,
            NumeralForm::Financial,
            NumeralForm::Mixed,
        ]);
        assert_eq!(
            json.ok().as_deref(),
            Some(r#"["arabic","chinese","financial","mixed"]"#)
        );
    }

    // --- Decimal ---

    fn d(s: &str) -> Decimal {
        s.parse()
            .unwrap_or_else(|e| panic!("test literal {s:?} does not parse: {e}"))
    }

    #[test]
    fn decimal_new_normalises() {
        assert_eq!(Decimal::new(7340, 2), Decimal::new(734, 1));
        assert_eq!(
            (
                Decimal::new(7340, 2).mantissa(),
                Decimal::new(7340, 2).scale()
            ),
            (734, 1)
        );
        assert_eq!(
            (Decimal::new(0, 7).mantissa(), Decimal::new(0, 7).scale()),
            (0, 0)
        );
        assert_eq!(Decimal::new(100, 2), Decimal::ONE);
        assert_eq!(Decimal::new(1000, 0).scale(), 0);
        assert_eq!(Decimal::new(1000, 0).mantissa(), 1000);
        assert_eq!(Decimal::from_int(-5), Decimal::new(-50, 1));
        assert_eq!(Decimal::from_int(i64::MIN).mantissa(), i128::from(i64::MIN));
        assert_eq!(Decimal::ZERO, Decimal::new(0, 0));
        assert!(Decimal::new(15, 1)
            .checked_mul_pow10(1)
            .is_some_and(Decimal::is_integer));
        assert!(!Decimal::new(15, 1).is_integer());
        assert!(Decimal::new(-1, 3).is_negative());
        assert!(!Decimal::ZERO.is_negative());
        assert!(!d("-0").is_negative());
    }

    #[test]
    fn decimal_display() {
        let cases: &[(Decimal, &str)] = &[
            (Decimal::new(734, 1), "73.4"),
            (Decimal::new(7340, 2), "73.4"),
            (Decimal::new(-6414, 2), "-64.14"),
            (Decimal::new(15, 4), "0.0015"),
            (Decimal::new(-15, 4), "-0.0015"),
            (Decimal::new(-5, 1), "-0.5"),
            (Decimal::new(5, 1), "0.5"),
            (Decimal::new(0, 5), "0"),
            (Decimal::new(1, 0), "1"),
            (Decimal::new(100, 0), "100"),
            (Decimal::new(943, 0), "943"),
            (Decimal::new(123_456, 3), "123.456"),
            (Decimal::new(1, 20), "0.00000000000000000001"),
            (
                Decimal::new(i128::MIN, 0),
                "-170141183460469231731687303715884105728",
            ),
            (
                Decimal::new(i128::MAX, 38),
                "1.70141183460469231731687303715884105727",
            ),
        ];
        for &(v, s) in cases {
            assert_eq!(v.to_string(), s);
            if v.mantissa() != i128::MIN {
                assert_eq!(s.parse::<Decimal>(), Ok(v), "round trip {s}");
            }
        }
        assert_eq!(format!("{:>6}|", Decimal::new(5, 1)), "0.5|");
    }

    #[test]
    fn decimal_from_str() {
        let ok: &[(&str, &str)] = &[
            ("1,135.10", "1135.1"),
            ("0.5", "0.5"),
            ("-64.14", "-64.14"),
            ("+3", "3"),
            ("-0", "0"),
            ("000.000", "0"),
            ("007", "7"),
            ("1,234,567.890", "1234567.89"),
            ("100", "100"),
            ("1.000000000000000000000000000000000000000000000000000", "1"),
            (
                "-170141183460469231731687303715884105727",
                "-170141183460469231731687303715884105727",
            ),
        ];
        for &(input, want) in ok {
            assert_eq!(
                input.parse::<Decimal>().map(|v| v.to_string()).as_deref(),
                Ok(want)
            );
        }
        let bad = [
            "",
            "-",
            "+",
            "12.",
            ".5",
            "1,2",
            "1,2345",
            "1234,567",
            "1,,234",
            "1,234,56",
            "0,123",
            "abc",
            "1e5",
            " 1",
            "1 ",
            "--1",
            "+-1",
            "１",
            "1.2.3",
            "1.",
            "-.5",
            "1_000",
            "0x10",
            "170141183460469231731687303715884105728",
            "1234567890123456789012345678901234567890",
            "-170141183460469231731687303715884105728",
        ];
        for input in bad {
            assert!(
                input.parse::<Decimal>().is_err(),
                "{input:?} should not parse"
            );
        }
        let e = "12.".parse::<Decimal>();
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err("invalid decimal literal".to_string())
        );
        let e = "".parse::<Decimal>().map_err(|e| e.to_string());
        assert_eq!(
            e,
            Err("cannot parse a decimal from an empty string".to_string())
        );
        let e = "1234567890123456789012345678901234567890".parse::<Decimal>();
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err("decimal literal out of range".to_string())
        );
        let boxed: Box<dyn std::error::Error> = Box::new(ParseDecimalError {
            kind: ParseErrorKind::Invalid,
        });
        assert_eq!(boxed.to_string(), "invalid decimal literal");
    }

    #[test]
    fn decimal_pow10_exact() {
        let p = |v: &str, e: i32| d(v).checked_mul_pow10(e).map(|x| x.to_string());
        assert_eq!(p("943", 8).as_deref(), Some("94300000000"));
        assert_eq!(p("112.6", 8).as_deref(), Some("11260000000"));
        assert_eq!(p("1.5", 4).as_deref(), Some("15000"));
        assert_eq!(p("1.5", -3).as_deref(), Some("0.0015"));
        assert_eq!(p("100", -1).as_deref(), Some("10"));
        assert_eq!(p("100", -3).as_deref(), Some("0.1"));
        assert_eq!(p("0.0015", 4).as_deref(), Some("15"));
        assert_eq!(p("0.0015", 2).as_deref(), Some("0.15"));
        assert_eq!(p("-1.25", 2).as_deref(), Some("-125"));
        assert_eq!(p("7", 0).as_deref(), Some("7"));
        assert_eq!(p("0", 1000).as_deref(), Some("0"));
        assert_eq!(p("0", i32::MIN).as_deref(), Some("0"));
        assert_eq!(
            p("1", 38).as_deref(),
            Some("100000000000000000000000000000000000000")
        );
        assert_eq!(p("1", 39), None);
        assert_eq!(p("2", i32::MAX), None);
        assert_eq!(Decimal::new(1, u32::MAX).checked_mul_pow10(-1), None);
        assert_eq!(
            Decimal::new(1, u32::MAX).checked_mul_pow10(i32::MAX),
            Some(Decimal::new(1, u32::MAX - i32::MAX.unsigned_abs()))
        );
        // 112.6 * 10^8 is exact, unlike 112.6_f64 * 1e8
        assert_eq!(
            d("112.6").checked_mul_pow10(8),
            Some(Decimal::from_int(11_260_000_000))
        );
    }

    #[test]
    fn decimal_arithmetic() {
        let add = |a: &str, b: &str| d(a).checked_add(d(b)).map(|x| x.to_string());
        let mul = |a: &str, b: &str| d(a).checked_mul(d(b)).map(|x| x.to_string());
        assert_eq!(add("0.1", "0.2").as_deref(), Some("0.3"));
        assert_eq!(add("1", "-1").as_deref(), Some("0"));
        assert_eq!(add("1.25", "0.75").as_deref(), Some("2"));
        assert_eq!(add("-64.14", "64").as_deref(), Some("-0.14"));
        assert_eq!(add("0", "0.0015").as_deref(), Some("0.0015"));
        assert_eq!(mul("1.5", "1.5").as_deref(), Some("2.25"));
        assert_eq!(mul("-0.5", "4").as_deref(), Some("-2"));
        assert_eq!(mul("0", "-3.5").as_deref(), Some("0"));
        assert_eq!(mul("12000", "100000000").as_deref(), Some("1200000000000"));
        let max = Decimal::new(i128::MAX, 0);
        assert_eq!(max.checked_add(Decimal::ONE), None);
        assert_eq!(max.checked_mul(Decimal::from_int(2)), None);
        assert_eq!(Decimal::new(i128::MIN, 0).checked_neg(), None);
        assert_eq!(d("-64.14").checked_neg(), Some(d("64.14")));
        assert_eq!(Decimal::ONE.checked_add(Decimal::new(1, 45)), None);
        assert_eq!(
            Decimal::ZERO.checked_add(Decimal::new(1, 45)),
            Some(Decimal::new(1, 45))
        );
    }

    #[test]
    fn decimal_serde_json() {
        let j = |v: Decimal| serde_json::to_string(&v).unwrap_or_default();
        assert_eq!(j(d("94300000000")), "94300000000");
        assert_eq!(j(d("73.4")), "73.4");
        assert_eq!(j(d("73.40")), "73.4");
        assert_eq!(j(d("-64.14")), "-64.14");
        assert_eq!(j(d("0.5")), "0.5");
        assert_eq!(j(d("0.0015")), "0.0015");
        assert_eq!(j(Decimal::ZERO), "0");
        assert_eq!(j(d("-5")), "-5");
        assert_eq!(j(Decimal::from_int(i64::MIN)), "-9223372036854775808");
        assert_eq!(
            j(Decimal::new(i128::from(u64::MAX), 0)),
            "18446744073709551615"
        );
        // beyond u64: falls back to f64
        assert_eq!(j(Decimal::new(10i128.pow(20), 0)), "1e+20");
        assert_eq!(
            j(Decimal::new(i128::from(u64::MAX) + 1, 0)),
            "1.8446744073709552e+19"
        );
        let m = match_number("943亿").map(|m| m.value);
        assert_eq!(m.map(j).as_deref(), Some("94300000000"));
    }

    #[test]
    fn decimal_to_f64() {
        assert_eq!(d("73.4").to_f64().to_bits(), 73.4f64.to_bits());
        assert_eq!(d("-64.14").to_f64().to_bits(), (-64.14f64).to_bits());
        assert_eq!(
            d("94300000000").to_f64().to_bits(),
            94_300_000_000f64.to_bits()
        );
        assert_eq!(Decimal::ZERO.to_f64().to_bits(), 0f64.to_bits());
        assert_eq!(Decimal::new(1, 1000).to_f64().to_bits(), 0f64.to_bits());
        assert_eq!(Decimal::new(-1, 1000).to_f64().to_bits(), (-0f64).to_bits());
        assert_eq!(Decimal::new(5, 320).to_f64().to_bits(), 5e-320f64.to_bits());
    }

    #[test]
    fn decimal_ord() {
        let sorted = [
            "-94300000000",
            "-2",
            "-1.5",
            "-0.0015",
            "0",
            "0.0015",
            "0.5",
            "1",
            "1.5",
            "73.4",
            "94300000000",
        ];
        for (i, a) in sorted.iter().enumerate() {
            for (j, b) in sorted.iter().enumerate() {
                assert_eq!(d(a).cmp(&d(b)), i.cmp(&j), "{a} vs {b}");
                assert_eq!(d(a).partial_cmp(&d(b)), Some(i.cmp(&j)), "{a} vs {b}");
            }
        }
        let mut v: Vec<Decimal> = sorted.iter().rev().map(|s| d(s)).collect();
        v.sort();
        assert_eq!(v.iter().map(|x| x.to_string()).collect::<Vec<_>>(), sorted);
        // extreme scales and mantissas
        let tiny = Decimal::new(1, 60);
        let huge = Decimal::new(i128::MAX, 0);
        let min = Decimal::new(i128::MIN, 0);
        assert!(tiny < huge && min < tiny && min < huge);
        assert!(Decimal::new(-1, 60) > min);
        assert!(Decimal::new(i128::MAX, 38) > Decimal::new(17, 1));
        assert!(Decimal::new(i128::MAX, 38) < Decimal::new(18, 1));
        assert!(Decimal::new(i128::MIN, 38) < Decimal::new(-17, 1));
        assert!(Decimal::new(i128::MIN, 38) > Decimal::new(-18, 1));
        assert_eq!(d("73.40").cmp(&d("73.4")), Ordering::Equal);
        let set: std::collections::HashSet<Decimal> =
            ["73.4", "73.40", "073.400"].iter().map(|s| d(s)).collect();
        assert_eq!(set.len(), 1);
    }

    // --- robustness ---

    /// Deterministic xorshift generator.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const ALPHABET: &[char] = &[
        '0', '1', '2', '5', '9', '0', '3', '.', ',', '-', '+', ' ', 'a', '%', '〇', '零', '一',
        '二', '三', '五', '九', '两', '兩', '十', '百', '千', '万', '亿', '萬', '億', '点', '點',
        '壹', '贰', '叁', '伍', '玖', '拾', '佰', '仟', '廿', '卅', '个', '瓦', '元', '年', '．',
        '１', '，',
    ];

    #[test]
    fn random_inputs_never_panic_and_are_consistent() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut matched = 0usize;
        for _ in 0..6000 {
            let n = rng.below(14);
            let s: String = (0..n)
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect();
            let m = match_number(&s);
            let whole = parse_number(&s);
            let Some(m) = m else {
                assert_eq!(whole, None, "{s:?}");
                continue;
            };
            matched += 1;
            assert!(
                m.len > 0 && m.len <= s.len() && s.is_char_boundary(m.len),
                "{s:?}"
            );
            let prefix = &s[..m.len];
            // the match does not depend on what follows it
            assert_eq!(match_number(prefix), Some(m), "{s:?} vs prefix {prefix:?}");
            assert_eq!(whole, (m.len == s.len()).then_some(m.value), "{s:?}");
            // Display is a valid literal of the same value
            assert_eq!(m.value.to_string().parse::<Decimal>(), Ok(m.value), "{s:?}");
            if m.form == NumeralForm::Arabic {
                assert_eq!(prefix.parse::<Decimal>(), Ok(m.value), "{s:?}");
            }
        }
        assert!(matched > 1000, "generator too weak: {matched}");
    }

    #[test]
    fn random_ascii_literals() {
        let mut rng = Rng(12345);
        let chars = b"0123456789012345,.-+ e";
        for _ in 0..4000 {
            let n = rng.below(12);
            let s: String = (0..n)
                .map(|_| char::from(chars[rng.below(chars.len())]))
                .collect();
            if let Ok(v) = s.parse::<Decimal>() {
                assert_eq!(
                    match_number(&s).map(|m| (m.len, m.value)),
                    Some((s.len(), v)),
                    "{s:?}"
                );
                assert_eq!(v.to_string().parse::<Decimal>(), Ok(v), "{s:?}");
            }
        }
    }

    #[test]
    fn long_inputs_are_fast_and_safe() {
        let pieces = [
            "一二三",
            "万",
            "十",
            "零",
            "9",
            "9,999",
            "1万",
            "点五",
            "两",
            "壹",
        ];
        for p in pieces {
            let s = p.repeat(50_000);
            let _ = match_number(&s);
            let _ = parse_number(&s);
        }
        let s = format!("0.{}1", "0".repeat(100_000));
        assert_eq!(match_number(&s).map(|m| m.len), Some(s.len()));
        assert_eq!(match_number(&s).map(|m| m.value.scale()), Some(100_001));
        let s = format!("一点{}", "零".repeat(100_000));
        assert_eq!(parse_number(&s), Some(Decimal::ONE));
    }
}
