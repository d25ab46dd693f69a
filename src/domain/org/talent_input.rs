//! What the talent page accepts from its inputs (SPEC §3.8): numbers typed into the sources,
//! ladder and plan settings, the plan's start month, fresh ids for added rows and a talent entry
//! for a role that has none. Pure, so the checks are tested natively and the page only shows
//! their verdict next to the input.

use super::defaults;
use super::talent::{RoleTalent, Talent};

/// Largest share a single source may have, %.
pub const MAX_SHARE_PCT: f64 = 100.0;
/// Largest lead time or ramp-up, months (ten years: anything beyond is a typing error).
pub const MAX_MONTHS: u32 = 120;
/// Largest typical years of a ladder step.
pub const MAX_YEARS: f64 = 50.0;
/// Largest hiring pace, hires started per month.
pub const MAX_HIRES_PER_MONTH: u32 = 1000;
/// Years a plan may start in.
pub const PLAN_YEARS: std::ops::RangeInclusive<i64> = 1990..=2200;

/// Why a typed value is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Nothing was typed.
    Empty,
    /// Not a number.
    NotANumber,
    /// Below zero.
    Negative,
    /// A whole number was expected.
    NotWhole,
    /// Above the largest sensible value.
    TooLarge {
        /// The largest value accepted.
        max: f64,
    },
    /// Not a month written `YYYY-MM`.
    BadMonth,
}

/// Reads a number: trims, drops a trailing `%`, accepts a full-width comma or point as a decimal
/// point only when it is the only one (`33,5` → 33.5; thousands separators make no sense here).
fn read_number(text: &str) -> Result<f64, InputError> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    let t = t.replace(['，', ',', '。', '．'], ".");
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(InputError::NotANumber),
    }
}

/// A number ≥ 0 and ≤ `max` (a share %, typical years).
pub fn parse_amount(text: &str, max: f64) -> Result<f64, InputError> {
    let v = read_number(text)?;
    if v < 0.0 {
        return Err(InputError::Negative);
    }
    if v > max {
        return Err(InputError::TooLarge { max });
    }
    Ok(v)
}

/// A whole number ≥ 0 and ≤ `max` (months, hires per month). `3.0` is accepted as 3.
pub fn parse_whole(text: &str, max: u32) -> Result<u32, InputError> {
    let v = read_number(text)?;
    if v < 0.0 {
        return Err(InputError::Negative);
    }
    if v.fract() != 0.0 {
        return Err(InputError::NotWhole);
    }
    if v > f64::from(max) {
        return Err(InputError::TooLarge {
            max: f64::from(max),
        });
    }
    Ok(v as u32)
}

/// The plan's start month, `YYYY-MM` (also `YYYY-M`, `YYYY/MM`, `YYYY.MM`), normalised to
/// `YYYY-MM`; the year within [`PLAN_YEARS`].
pub fn parse_month(text: &str) -> Result<String, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    let (y, m) = t.split_once(['-', '/', '.']).ok_or(InputError::BadMonth)?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) {
        return Err(InputError::BadMonth);
    }
    let (year, month): (i64, i64) = match (y.parse(), m.parse()) {
        (Ok(y), Ok(m)) => (y, m),
        _ => return Err(InputError::BadMonth),
    };
    if !PLAN_YEARS.contains(&year) || !(1..=12).contains(&month) {
        return Err(InputError::BadMonth);
    }
    Ok(format!("{year:04}-{month:02}"))
}

/// `prefix-<n>` with the smallest `n ≥ 1` not among `taken`, so an added row never reuses an id
/// (the workspace refuses duplicate ids, and merging goes by id).
pub fn fresh_id<'a>(prefix: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.into_iter().collect();
    (1usize..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_else(|| prefix.to_string())
}

/// Every id used inside a talent document (roles, sources, ladder steps, enablement measures).
pub fn talent_ids(talent: &Talent) -> Vec<&str> {
    talent
        .roles
        .iter()
        .flat_map(|r| {
            std::iter::once(r.id.as_str())
                .chain(r.sources.iter().map(|s| s.id.as_str()))
                .chain(r.ladder.iter().map(|s| s.id.as_str()))
                .chain(r.enablement.iter().map(|e| e.id.as_str()))
        })
        .collect()
}

/// A talent entry for `role`, which has none yet: the defaults for a built-in role (AD, AR, SR,
/// FR), otherwise an empty one to fill in. Ids already used in `talent` are avoided.
pub fn new_role_talent(role: &str, talent: &Talent) -> RoleTalent {
    let taken = talent_ids(talent);
    match defaults::talent::roles()
        .into_iter()
        .find(|r| r.role == role)
    {
        Some(mut r) if !talent_ids_clash(&r, &taken) => {
            r.updated_at = 0;
            r
        }
        _ => RoleTalent {
            id: fresh_id(&format!("talent-{}", role.to_lowercase()), taken),
            role: role.to_string(),
            ..RoleTalent::default()
        },
    }
}

fn talent_ids_clash(r: &RoleTalent, taken: &[&str]) -> bool {
    let single = Talent {
        roles: vec![r.clone()],
        ..Talent::default()
    };
    talent_ids(&single).iter().any(|id| taken.contains(id))
}

/// The sum of a role's source shares, %.
pub fn share_sum(role: &RoleTalent) -> f64 {
    role.sources.iter().map(|s| s.share_pct).sum()
}

/// An FTE figure with one or two decimals: 6.5 → "6.5", 10 → "10.0", 9.916 → "9.92". Non-finite
/// values are written as "—".
pub fn format_fte(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.2}", (x * 100.0).round() / 100.0);
    let s = s.strip_suffix('0').unwrap_or(&s).to_string();
    // −0.00 from a tiny negative rounding error reads as 0.
    if s == "-0.0" {
        "0.0".to_string()
    } else {
        s
    }
}

/// A share or other small figure without needless decimals: 50 → "50", 33.33 → "33.33".
pub fn format_plain(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.2}", (x * 100.0).round() / 100.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
