//! Fingerprints of pages, so a rebuild after an edit renders only pages whose template input changed.
//!
//! A page's fingerprint is a hash of all its template receives
//! ([`TemplateInput`]), taken from the very view it is rendered from: what a
//! page shows cannot change without its fingerprint changing, and a page kind
//! or a view field added later is covered without a word here. Only an
//! article's body is taken by the version of its rendering, not by its HTML
//! (see [`super::views::BodyHtml`]). The theme and the interface strings a template reads
//! change only with a full load, after which every page is rendered anyway.
//! `tests/live.rs` checks that rebuilds from fingerprints give the same bytes
//! as a fresh build, after random sequences of edits.
//!
//! The view is taken through serde, as templates receive it, but written
//! into a compact encoding instead of JSON: hundreds of pages are
//! fingerprinted after one edit, and escaping their text as JSON cost more
//! than hashing it. The encoding is unambiguous, so two different views
//! never give the same bytes: every value starts with a tag saying what it
//! is, texts carry their length, and sequences, maps and structs are closed
//! by a tag no value starts with. The bytes are hashed at once, which is
//! faster than feeding a hasher piece by piece, and with rustc-hash's byte
//! hash rather than SipHash: a listing page's view is kilobytes, and SipHash
//! was more than half of taking its fingerprint (2.8 M of 4.9 M instructions
//! for the listing pages of one save, under callgrind). The byte hash passes
//! the SMHasher3 tests on its 64 bits, so two views that differ still give
//! two numbers.

use std::hash::{Hash, Hasher};

use serde::Serialize;
use serde::ser::{self, SerializeMap, SerializeSeq, SerializeStruct};

use super::views::{KindView, TemplateInput};

/// What page `input` is made from, as one number; `None` if it could not be taken.
pub(crate) fn of(input: &mut TemplateInput<'_>) -> Option<u64> {
    let mut hasher = rustc_hash::FxHasher::default();
    (input.template, input.lang).hash(&mut hasher);
    // The body by its version: hashing every body's HTML after each edit would
    // read the whole site's text.
    let body = match &mut input.kind {
        KindView::Article { article } => {
            article.body.version.hash(&mut hasher);
            Some(std::mem::take(&mut article.body.html))
        }
        _ => None,
    };
    let written = ENCODED.with_borrow_mut(|encoded| {
        encoded.clear();
        let mut encoder = Encoder(encoded);
        // Views are plain data that always serialise; were one to fail, the
        // page would only be rendered again.
        let written =
            (input.page.serialize(&mut encoder)).and_then(|()| input.kind.serialize(&mut encoder));
        hasher.write(encoded);
        written
    });
    if let (KindView::Article { article }, Some(body)) = (&mut input.kind, body) {
        article.body.html = body;
    }
    written.ok().map(|()| hasher.finish())
}

thread_local! {
    /// The encoding of the view being fingerprinted, kept from page to page
    /// so that its memory is not asked for again each time.
    static ENCODED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What each encoded value starts with.
#[repr(u8)]
enum Tag {
    Bool,
    Signed,
    Unsigned,
    Signed128,
    Unsigned128,
    Float,
    Char,
    Str,
    Bytes,
    None,
    Some,
    Unit,
    UnitStruct,
    UnitVariant,
    NewtypeStruct,
    NewtypeVariant,
    Seq,
    Tuple,
    TupleStruct,
    TupleVariant,
    Map,
    Struct,
    StructVariant,
    /// A struct's field, by name, before its value.
    Field,
    /// A field left out (`skip_serializing_if`), by name.
    Skipped,
    /// The end of a sequence, tuple, map or struct: no value starts with it.
    End,
}

/// Writes a view into its unambiguous encoding.
struct Encoder<'b>(&'b mut Vec<u8>);

impl Encoder<'_> {
    fn tag(&mut self, tag: Tag) {
        self.0.push(tag as u8);
    }

    fn number(&mut self, number: u64) {
        self.0.extend_from_slice(&number.to_le_bytes());
    }

    fn text(&mut self, text: &[u8]) {
        self.number(text.len() as u64);
        self.0.extend_from_slice(text);
    }

    /// A value's tag and a name of a type, field or variant.
    ///
    /// Such names are strings of this program, never of the site, so each is
    /// taken by where it is and its length, not copied for every field of
    /// every page: the same place and length hold the same text. The same
    /// name kept in two places would only make a page be rendered again; a
    /// fingerprint is compared only with one taken by the same program.
    fn named(&mut self, tag: Tag, name: &'static str) {
        self.tag(tag);
        self.number(name.as_ptr() as u64);
        self.number(name.len() as u64);
    }

    fn variant(&mut self, tag: Tag, name: &'static str, index: u32, variant: &'static str) {
        self.named(tag, name);
        self.number(u64::from(index));
        self.number(variant.as_ptr() as u64);
        self.number(variant.len() as u64);
    }
}

/// Why a view could not be encoded: only a view's own `Serialize` can say so.
#[derive(Debug)]
pub(crate) struct Unencodable(String);

impl std::fmt::Display for Unencodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unencodable {}

impl ser::Error for Unencodable {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Unencodable(message.to_string())
    }
}

impl<'e, 'b> ser::Serializer for &'e mut Encoder<'b> {
    type Ok = ();
    type Error = Unencodable;
    type SerializeSeq = &'e mut Encoder<'b>;
    type SerializeTuple = &'e mut Encoder<'b>;
    type SerializeTupleStruct = &'e mut Encoder<'b>;
    type SerializeTupleVariant = &'e mut Encoder<'b>;
    type SerializeMap = &'e mut Encoder<'b>;
    type SerializeStruct = &'e mut Encoder<'b>;
    type SerializeStructVariant = &'e mut Encoder<'b>;

    fn serialize_bool(self, v: bool) -> Result<(), Unencodable> {
        self.tag(Tag::Bool);
        self.0.push(u8::from(v));
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Unencodable> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Unencodable> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Unencodable> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Unencodable> {
        self.tag(Tag::Signed);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Unencodable> {
        self.tag(Tag::Signed128);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Unencodable> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Unencodable> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Unencodable> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Unencodable> {
        self.tag(Tag::Unsigned);
        self.number(v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Unencodable> {
        self.tag(Tag::Unsigned128);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Unencodable> {
        self.serialize_f64(v.into())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Unencodable> {
        self.tag(Tag::Float);
        self.number(v.to_bits());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Unencodable> {
        self.tag(Tag::Char);
        self.number(u64::from(v));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unencodable> {
        self.tag(Tag::Str);
        self.text(v.as_bytes());
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unencodable> {
        self.tag(Tag::Bytes);
        self.text(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Unencodable> {
        self.tag(Tag::None);
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Unencodable> {
        self.tag(Tag::Some);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unencodable> {
        self.tag(Tag::Unit);
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Unencodable> {
        self.named(Tag::UnitStruct, name);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), Unencodable> {
        self.variant(Tag::UnitVariant, name, index, variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unencodable> {
        self.named(Tag::NewtypeStruct, name);
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unencodable> {
        self.variant(Tag::NewtypeVariant, name, index, variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Unencodable> {
        self.tag(Tag::Seq);
        Ok(self)
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self, Unencodable> {
        self.tag(Tag::Tuple);
        Ok(self)
    }

    fn serialize_tuple_struct(self, name: &'static str, _len: usize) -> Result<Self, Unencodable> {
        self.named(Tag::TupleStruct, name);
        Ok(self)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unencodable> {
        self.variant(Tag::TupleVariant, name, index, variant);
        Ok(self)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Unencodable> {
        self.tag(Tag::Map);
        Ok(self)
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Self, Unencodable> {
        self.named(Tag::Struct, name);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unencodable> {
        self.variant(Tag::StructVariant, name, index, variant);
        Ok(self)
    }
}

/// Sequences, tuples and their kin: each element as itself, then the end tag.
macro_rules! elements_then_end {
    ($($kind:path => $add:ident),* $(,)?) => {$(
        impl $kind for &mut Encoder<'_> {
            type Ok = ();
            type Error = Unencodable;

            fn $add<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unencodable> {
                value.serialize(&mut **self)
            }

            fn end(self) -> Result<(), Unencodable> {
                self.tag(Tag::End);
                Ok(())
            }
        }
    )*};
}

elements_then_end! {
    SerializeSeq => serialize_element,
    ser::SerializeTuple => serialize_element,
    ser::SerializeTupleStruct => serialize_field,
    ser::SerializeTupleVariant => serialize_field,
}

impl SerializeMap for &mut Encoder<'_> {
    type Ok = ();
    type Error = Unencodable;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Unencodable> {
        key.serialize(&mut **self)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unencodable> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Unencodable> {
        self.tag(Tag::End);
        Ok(())
    }
}

impl SerializeStruct for &mut Encoder<'_> {
    type Ok = ();
    type Error = Unencodable;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unencodable> {
        self.named(Tag::Field, key);
        value.serialize(&mut **self)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Unencodable> {
        self.named(Tag::Skipped, key);
        Ok(())
    }

    fn end(self) -> Result<(), Unencodable> {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Encoder<'_> {
    type Ok = ();
    type Error = Unencodable;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unencodable> {
        self.named(Tag::Field, key);
        value.serialize(&mut **self)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Unencodable> {
        self.named(Tag::Skipped, key);
        Ok(())
    }

    fn end(self) -> Result<(), Unencodable> {
        self.tag(Tag::End);
        Ok(())
    }
}
