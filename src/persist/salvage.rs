//! Salvage of a truncated JSON document — a stored copy cut short by a crash or a full disk.
//!
//! The text is scanned once; the last point where it could be cut and closed into valid JSON is
//! remembered, and the text is cut there and closed. Records inside arrays (customers, tiers,
//! history years, …) are kept whole or not at all: a cut is only allowed where no array element
//! is open, so no customer is ever half-restored with defaults standing in for lost figures.
//! Settings objects that are not array elements (such as `meta` or `tiering.score`) may be
//! partial; the lenient read then fills their missing fields with defaults and reports them.

/// What was salvaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Salvaged {
    /// The cut and closed text.
    pub text: String,
    /// Bytes of the original that were kept.
    pub kept_bytes: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
}

#[derive(Clone, Copy)]
struct Open {
    kind: Kind,
    /// Inside an array element (a record that must be kept whole).
    atomic: bool,
}

/// Cuts `text` at its last safe point and closes every open object and array. `None` when the
/// text does not start a JSON object or no safe point exists; the result may be the whole text
/// closed, if it was cut right after a complete value.
pub fn salvage_truncated(text: &str) -> Option<Salvaged> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut atomic_open = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut started = false;
    // (cut position, closers for the stack at that point)
    let mut best: Option<(usize, Vec<Kind>)> = None;
    let snapshot = |stack: &[Open]| stack.iter().map(|o| o.kind).collect::<Vec<_>>();
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if !started {
                    if b != b'{' {
                        return None;
                    }
                    started = true;
                }
                let parent_atomic = stack.last().is_some_and(|o| o.atomic);
                let parent_array = stack.last().is_some_and(|o| o.kind == Kind::Array);
                let atomic = parent_atomic || parent_array;
                stack.push(Open {
                    kind: if b == b'{' { Kind::Object } else { Kind::Array },
                    atomic,
                });
                if atomic {
                    atomic_open += 1;
                } else {
                    best = Some((i + 1, snapshot(&stack)));
                }
            }
            b'}' | b']' => {
                let open = stack.pop()?;
                if open.atomic {
                    atomic_open -= 1;
                }
                if stack.is_empty() {
                    // The document is complete; it was not truncated structurally.
                    return None;
                }
                if atomic_open == 0 {
                    best = Some((i + 1, snapshot(&stack)));
                }
            }
            b',' if atomic_open == 0 && !stack.is_empty() => {
                best = Some((i, snapshot(&stack)));
            }
            _ => {}
        }
    }
    let (cut, open) = best?;
    let mut out = String::with_capacity(cut + open.len());
    out.push_str(text.get(..cut)?);
    for kind in open.iter().rev() {
        out.push(match kind {
            Kind::Object => '}',
            Kind::Array => ']',
        });
    }
    Some(Salvaged {
        text: out,
        kept_bytes: cut,
    })
}
