//! Byte spans and the offset map between the normalised text and the original input.

use serde::{Deserialize, Serialize};

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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(from = "SpanFields")]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

/// A span as JSON writes it; read through [`Span::new`], so an inverted pair is clamped.
#[derive(Deserialize)]
struct SpanFields {
    start: usize,
    end: usize,
}

impl From<SpanFields> for Span {
    fn from(f: SpanFields) -> Span {
        Span::new(f.start, f.end)
    }
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
/// (a kept character, a folded full-width digit, or the line break a paragraph join replaced).
/// The map is a sorted list of segments: a *copied* segment is a stretch of text the normaliser
/// copied unchanged (a normalised byte maps to the same byte of the original, shifted), any
/// other segment is one normalised character standing for one original character of another
/// length. Built once by the normaliser, in one linear pass; looked up by binary search.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    /// Normalised bytes mapped so far.
    len: usize,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    /// First normalised byte.
    norm: u32,
    /// Normalised length in bytes.
    norm_len: u32,
    /// First original byte.
    orig: u32,
    /// Original length in bytes.
    orig_len: u32,
    /// True when the normalised bytes are the original bytes, one for one.
    copied: bool,
}

impl OffsetMap {
    /// An empty map with room for `capacity` segments.
    pub(crate) fn with_capacity(capacity: usize) -> OffsetMap {
        OffsetMap {
            segments: Vec::with_capacity(capacity),
            len: 0,
        }
    }

    /// Record that one normalised character of `len` bytes stands for `original`.
    pub(crate) fn push(&mut self, len: usize, original: Span) {
        if len == original.len() {
            return self.push_copied(len, original.start);
        }
        // offsets are stored as u32: the pipeline rejects inputs of 4 GiB or more before this
        self.segments.push(Segment {
            norm: self.len as u32,
            norm_len: len as u32,
            orig: original.start as u32,
            orig_len: original.len() as u32,
            copied: false,
        });
        self.len += len;
    }

    /// Record that the next `len` normalised bytes are a copy of the original from `orig`.
    pub(crate) fn push_copied(&mut self, len: usize, orig: usize) {
        if len == 0 {
            return;
        }
        match self.segments.last_mut() {
            // extend a copied run that continues in both texts
            Some(last)
                if last.copied
                    && (last.norm + last.norm_len) as usize == self.len
                    && (last.orig + last.orig_len) as usize == orig =>
            {
                last.norm_len += len as u32;
                last.orig_len += len as u32;
            }
            _ => self.segments.push(Segment {
                norm: self.len as u32,
                norm_len: len as u32,
                orig: orig as u32,
                orig_len: len as u32,
                copied: true,
            }),
        }
        self.len += len;
    }

    /// Number of normalised bytes mapped.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The segment holding normalised byte `at`.
    fn segment(&self, at: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| (s.norm + s.norm_len) as usize <= at);
        self.segments.get(i).filter(|s| s.norm as usize <= at)
    }

    /// Original offset where the character at normalised byte `at` starts.
    fn start_of(&self, at: usize) -> Option<usize> {
        self.segment(at).map(|s| match s.copied {
            true => s.orig as usize + (at - s.norm as usize),
            false => s.orig as usize,
        })
    }

    /// Original offset where the character holding normalised byte `at` ends.
    fn end_of(&self, at: usize) -> Option<usize> {
        self.segment(at).map(|s| match s.copied {
            true => s.orig as usize + (at - s.norm as usize) + 1,
            false => (s.orig + s.orig_len) as usize,
        })
    }

    fn end_of_all(&self) -> usize {
        self.segments
            .last()
            .map_or(0, |s| (s.orig + s.orig_len) as usize)
    }

    /// Move a span of the normalised text into the original input. The result starts at the
    /// original character of the span's first byte and ends after the original character of its
    /// last byte, so it covers everything the normaliser removed in between (spaces, line wraps).
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self
                .start_of(span.start)
                .unwrap_or_else(|| self.end_of_all());
            return Span::new(at, at);
        }
        match (self.start_of(span.start), self.end_of(span.end - 1)) {
            (Some(s), Some(e)) => Span::new(s, e),
            _ => {
                let last = self.end_of_all();
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
