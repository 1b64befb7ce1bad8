//! Byte spans and the offset map between the normalised text and the original input.

use serde::Serialize;

/// A half-open range of byte offsets, `start..end`, that indexes a `str`.
///
/// Inside the pipeline spans point into the normalised text; every span reported to users has
/// been moved back into the original input with [`OffsetMap::to_original`].
///
/// ```
/// use tiqu::Span;
/// let text = "增长87%";
/// let span = Span::new(6, 9);
/// assert_eq!(&text[span.range()], "87%");
/// assert_eq!(span.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted pair is clamped to an empty span at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps byte offsets of the normalised text back to the original input.
///
/// Every character of the normalised text comes from exactly one character of the original
/// (a folded full-width digit, a kept character, or the line break a paragraph join replaced),
/// so the map stores, for every normalised byte, the original character it came from. Built once
/// by the normaliser, in one linear pass.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// For each byte of the normalised text: start of the original character.
    src_start: Vec<u32>,
    /// For each byte of the normalised text: end of the original character.
    src_end: Vec<u32>,
}

impl OffsetMap {
    /// An empty map with room for `capacity` normalised bytes.
    pub(crate) fn with_capacity(capacity: usize) -> OffsetMap {
        OffsetMap {
            src_start: Vec::with_capacity(capacity),
            src_end: Vec::with_capacity(capacity),
        }
    }

    /// Record that a normalised character of `len` bytes came from `original`.
    pub(crate) fn push(&mut self, len: usize, original: Span) {
        // Offsets are stored as u32; the pipeline rejects inputs of 4 GiB or more before this.
        let (s, e) = (original.start as u32, original.end as u32);
        self.src_start.extend(std::iter::repeat_n(s, len));
        self.src_end.extend(std::iter::repeat_n(e, len));
    }

    /// Number of normalised bytes mapped.
    pub fn len(&self) -> usize {
        self.src_start.len()
    }

    /// True when nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.src_start.is_empty()
    }

    /// Move a span of the normalised text into the original input. The result starts at the
    /// original character of the span's first byte and ends after the original character of its
    /// last byte, so it covers everything the normaliser removed in between (spaces, line wraps).
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self
                .src_start
                .get(span.start)
                .copied()
                .or_else(|| self.src_end.last().copied())
                .unwrap_or(0) as usize;
            return Span::new(at, at);
        }
        let start = self.src_start.get(span.start).copied();
        let end = self.src_end.get(span.end - 1).copied();
        match (start, end) {
            (Some(s), Some(e)) => Span::new(s as usize, e as usize),
            _ => {
                let last = self.src_end.last().copied().unwrap_or(0) as usize;
                Span::new(last, last)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let a = Span::new(2, 5);
        assert_eq!(a.len(), 3);
        assert!(a.contains(Span::new(3, 5)));
        assert!(!a.contains(Span::new(1, 5)));
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(2, 9));
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
    }

    #[test]
    fn map_covers_removed_text() {
        // original "ab\n\nc", normalised "abc"
        let mut m = OffsetMap::with_capacity(3);
        m.push(1, Span::new(0, 1));
        m.push(1, Span::new(1, 2));
        m.push(1, Span::new(4, 5));
        assert_eq!(m.to_original(Span::new(1, 3)), Span::new(1, 5));
        assert_eq!(m.to_original(Span::new(0, 0)), Span::new(0, 0));
        assert_eq!(m.to_original(Span::new(9, 12)), Span::new(5, 5));
    }
}
