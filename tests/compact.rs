//! The compact form of stored copies: lossless, about a tenth of the plain size in UTF-16 units,
//! safe characters only, and damage is either salvaged (reported) or refused — never a panic.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::workspace::{Workspace, SCHEMA_VERSION};
use kam_planner::persist::compact::{is_compact, pack, unpack, CompactError, PREFIX};
use kam_planner::persist::envelope::{load_stored, to_json, to_stored, LoadError};
use kam_planner::persist::validate::Repair;
use proptest::prelude::*;

fn demo_ws() -> Workspace {
    demo::build("ws-demo", 1_763_800_000_000, DemoLocale::Zh)
}

fn utf16_units(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn a_stored_copy_reads_back_exactly_and_takes_a_fraction_of_the_space() {
    let ws = demo_ws();
    let plain = to_json(&ws, 1);
    let stored = to_stored(&ws, 1);
    assert!(is_compact(&stored));
    let loaded = load_stored(&stored).unwrap();
    assert_eq!(loaded.repairs, vec![]);
    assert_eq!(loaded.workspace, ws);
    let (a, b) = (utf16_units(&plain), utf16_units(&stored));
    assert!(b * 5 < a, "compact {b} units against plain {a}");
    // Plain stored copies (older saves, seeded data) still read.
    assert_eq!(load_stored(&plain).unwrap().workspace, ws);
}

#[test]
fn every_character_is_printable_and_one_utf16_unit() {
    let stored = to_stored(&demo_ws(), 1);
    let header: Vec<&str> = stored[PREFIX.len()..].splitn(3, ':').collect();
    assert_eq!(
        header[0],
        SCHEMA_VERSION.to_string(),
        "the schema version is in the header"
    );
    let body = header[2];
    for c in body.chars() {
        let v = c as u32;
        assert!((0x20..=0x801f).contains(&v), "U+{v:04X}");
        assert_eq!(c.len_utf16(), 1);
    }
}

#[test]
fn a_compact_copy_cut_short_keeps_the_complete_customers_or_is_refused() {
    let ws = demo_ws();
    let stored = to_stored(&ws, 1);
    let chars: Vec<char> = stored.chars().collect();
    let mut salvaged = 0;
    for cut in (0..chars.len()).step_by(211) {
        let text: String = chars[..cut].iter().collect();
        match load_stored(&text) {
            Ok(loaded) => {
                salvaged += 1;
                assert!(
                    matches!(loaded.repairs[0], Repair::Truncated { .. }),
                    "cut at {cut}"
                );
                for (a, b) in loaded.workspace.customers.iter().zip(&ws.customers) {
                    assert_eq!(a, b, "cut at {cut}");
                }
            }
            Err(e) => assert!(
                matches!(
                    e,
                    LoadError::Malformed { .. }
                        | LoadError::Damaged(_)
                        | LoadError::WrongFormat
                        | LoadError::NoWorkspace
                ),
                "cut at {cut}: {e:?}"
            ),
        }
    }
    assert!(salvaged > 10, "most cuts are salvaged ({salvaged})");
}

#[test]
fn foreign_characters_and_broken_headers_are_refused() {
    let stored = to_stored(&demo_ws(), 1);
    let mut broken: String = stored.chars().take(200).collect();
    broken.push('\u{D7FF}');
    assert!(matches!(
        unpack(&broken, 1 << 20),
        Err(CompactError::BadCharacter { .. })
    ));
    assert!(matches!(load_stored(&broken), Err(LoadError::Damaged(_))));
    assert_eq!(unpack("KAMZ1:2:abc:xyz", 10), Err(CompactError::Header));
    assert_eq!(unpack("KAMZ1:x:3:xyz", 10), Err(CompactError::Header));
    assert_eq!(unpack("KAMZ1:", 10), Err(CompactError::Header));
}

#[test]
fn a_copy_that_inflates_beyond_the_limit_is_refused() {
    let big = " ".repeat(2_000_000);
    let packed = pack(&big, 2);
    assert!(utf16_units(&packed) < 20_000, "{}", utf16_units(&packed));
    assert_eq!(
        unpack(&packed, 1_000_000),
        Err(CompactError::TooLarge { max: 1_000_000 })
    );
    assert_eq!(unpack(&packed, 2_000_000).unwrap().json.len(), 2_000_000);
}

fn stored_demo() -> &'static str {
    static STORED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STORED.get_or_init(|| to_stored(&demo_ws(), 1))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pack_then_unpack_is_the_identity(text in any::<String>()) {
        let u = unpack(&pack(&text, 2), usize::MAX).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(u.complete);
        prop_assert_eq!(u.json, text);
    }

    #[test]
    fn unpacking_anything_never_panics(body in any::<String>(), n in 0usize..100_000) {
        let _ = unpack(&format!("{PREFIX}2:{n}:{body}"), 1 << 20);
        let _ = load_stored(&format!("{PREFIX}2:{n}:{body}"));
    }

    #[test]
    fn a_flipped_character_is_refused_or_reported(pos in 0usize..4000, v in 0x20u32..0x8020) {
        let mut chars: Vec<char> = stored_demo().chars().collect();
        let at = PREFIX.len() + 10 + pos % (chars.len() - PREFIX.len() - 10);
        chars[at] = char::from_u32(v).unwrap_or(' ');
        let text: String = chars.into_iter().collect();
        if let Ok(loaded) = load_stored(&text) {
            // Deflate has no checksum: damage that still inflates to a readable workspace is
            // read like any stored copy, through the lenient read and the repairs.
            prop_assert!(loaded.workspace.customers.len() <= 250);
        }
    }
}

#[test]
fn a_compact_copy_from_a_newer_version_is_recognised_without_unpacking() {
    let next = u64::from(SCHEMA_VERSION) + 1;
    let newer = format!("{PREFIX}{next}:5:garbage");
    assert!(matches!(
        load_stored(&newer),
        Err(LoadError::NewerVersion { found, .. }) if found == next
    ));
    assert_eq!(
        kam_planner::persist::compact::peek_version(&newer),
        Some(next)
    );
    assert_eq!(
        kam_planner::persist::library::stored_schema_version(&newer),
        Some(next)
    );
}
