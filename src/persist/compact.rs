//! The compact form of a stored copy: the envelope JSON, deflated, written 15 bits per character.
//!
//! localStorage holds about 5 million UTF-16 units per origin, and a save needs room for the new
//! copy beside the old one. Plain JSON of a customer takes about 500 units, so plain copies would
//! stop fitting at a few thousand customers; deflated and packed they take about a tenth of that.
//! Exported files stay plain JSON; only browser storage uses this form, and the load path reads
//! both (a compact copy starts with [`PREFIX`]).
//!
//! Each character carries 15 bits as `U+0020 + value` (U+0020..=U+801F): printable, never a
//! surrogate, one UTF-16 unit each. The header gives the schema version of the document inside
//! (so a newer copy is recognised without unpacking it) and the length of the deflated stream:
//! `KAMZ1:<schema_version>:<bytes>:` then the characters.

use std::io::{Read, Write};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

/// Marks a compact stored copy.
pub const PREFIX: &str = "KAMZ1:";

const OFFSET: u32 = 0x20;
const BITS: u32 = 15;

/// Why a compact copy could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompactError {
    /// The header is missing or unreadable.
    #[error("the compact header is damaged")]
    Header,
    /// A character outside the packing alphabet.
    #[error("character {position} is not part of a compact copy")]
    BadCharacter {
        /// Its position after the header.
        position: usize,
    },
    /// The inflated text would exceed the limit.
    #[error("the stored copy inflates to more than {max} bytes")]
    TooLarge {
        /// The limit.
        max: usize,
    },
    /// The inflated bytes are not UTF-8 text.
    #[error("the stored copy is not text")]
    NotText,
}

/// What was unpacked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    /// The JSON text (all of it, or what could be inflated before the stream broke off).
    pub json: String,
    /// False when the stream was cut short or damaged, so `json` is only a beginning.
    pub complete: bool,
}

/// True when `text` is a compact copy.
pub fn is_compact(text: &str) -> bool {
    text.starts_with(PREFIX)
}

/// The schema version in a compact copy's header, read without unpacking.
pub fn peek_version(text: &str) -> Option<u64> {
    let body = text.strip_prefix(PREFIX)?;
    body.split(':').next()?.parse().ok()
}

/// Packs the JSON text of a document of `schema_version`.
pub fn pack(json: &str, schema_version: u32) -> String {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::fast());
    // Writing to a Vec cannot fail.
    let bytes = match encoder
        .write_all(json.as_bytes())
        .and_then(|_| encoder.finish())
    {
        Ok(b) => b,
        Err(_) => return json.to_string(),
    };
    let mut out = String::with_capacity(PREFIX.len() + 12 + bytes.len() * 8 / 15 * 3 + 3);
    out.push_str(PREFIX);
    out.push_str(&schema_version.to_string());
    out.push(':');
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut nbits) = (0u32, 0u32);
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        nbits += 8;
        while nbits >= BITS {
            nbits -= BITS;
            push_unit(&mut out, (acc >> nbits) & 0x7fff);
        }
        acc &= (1 << nbits) - 1;
    }
    if nbits > 0 {
        push_unit(&mut out, (acc << (BITS - nbits)) & 0x7fff);
    }
    out
}

fn push_unit(out: &mut String, v: u32) {
    if let Some(c) = char::from_u32(OFFSET + v) {
        out.push(c);
    }
}

/// Unpacks a compact copy, inflating at most `max` bytes. A copy cut short yields the text up to
/// where it breaks off, with `complete: false`, so the load path can salvage it.
pub fn unpack(text: &str, max: usize) -> Result<Unpacked, CompactError> {
    let body = text.strip_prefix(PREFIX).ok_or(CompactError::Header)?;
    let (version, body) = body.split_once(':').ok_or(CompactError::Header)?;
    version.parse::<u64>().map_err(|_| CompactError::Header)?;
    let (len, data) = body.split_once(':').ok_or(CompactError::Header)?;
    let declared: usize = len.parse().map_err(|_| CompactError::Header)?;
    let mut bytes = Vec::with_capacity(declared.min(data.len() * 2));
    let (mut acc, mut nbits) = (0u32, 0u32);
    for (position, c) in data.chars().enumerate() {
        let v = (c as u32)
            .checked_sub(OFFSET)
            .filter(|v| *v <= 0x7fff)
            .ok_or(CompactError::BadCharacter { position })?;
        acc = (acc << BITS) | v;
        nbits += BITS;
        while nbits >= 8 {
            nbits -= 8;
            if bytes.len() < declared {
                bytes.push((acc >> nbits) as u8);
            }
        }
        acc &= (1 << nbits) - 1;
    }
    let mut complete = bytes.len() == declared;
    let mut decoder = DeflateDecoder::new(&bytes[..]);
    let mut json = Vec::new();
    let mut chunk = [0u8; 64 * 1024];
    loop {
        match decoder.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                if json.len() + n > max {
                    return Err(CompactError::TooLarge { max });
                }
                json.extend_from_slice(&chunk[..n]);
            }
            Err(_) => {
                complete = false;
                break;
            }
        }
    }
    let json = match String::from_utf8(json) {
        Ok(s) => s,
        // A stream cut inside a character: keep the whole characters before it.
        Err(e) if !complete => {
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).map_err(|_| CompactError::NotText)?
        }
        Err(_) => return Err(CompactError::NotText),
    };
    Ok(Unpacked { json, complete })
}
