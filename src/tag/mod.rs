//! Taggers: find quantities and entities in the blocks of the normalised text. Each works on a
//! [`View`](crate::view::View) of one block and appends what it finds, in normalised
//! coordinates, to the document's list; [`unify_names`] then gives the variants of one
//! entity one name across the document.

pub(crate) mod entity;
pub(crate) mod quantity;
mod unify;

pub(crate) use quantity::period_timex;
pub(crate) use unify::unify_names;
