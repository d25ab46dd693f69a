//! The fuzzers' guarantee, bounded so that it runs in every `cargo test`: 10,000 inputs per reader
//! (CSV import, .xlsx import, workspace load), half of them random and half the fixture files and
//! the committed fuzz corpus mutated (bytes flipped, cut, inserted, deleted, repeated, spliced
//! from another seed, parser tokens inserted). Nothing may panic, and the invariants of
//! `support/pipeline.rs` hold: every data row counted once, every added customer passes the
//! customer check, every loaded or imported workspace exports and loads back unchanged. The long
//! runs are `make fuzz` (see README.md, "Fuzzing").

mod support;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config;
use support::pipeline::{check_import, check_load, in_envelope, some_version, Reader};
use support::xlsx_parts::workbook_of_input;

/// Inputs per reader; `FUZZ_PROPS_CASES=100000 cargo test --test fuzz_props` runs longer.
const CASES: u32 = 10_000;

fn config() -> Config {
    let cases = std::env::var("FUZZ_PROPS_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    Config {
        cases,
        // No regression files are written: failures are turned into tests/fuzz_regressions.rs.
        failure_persistence: None,
        ..Config::default()
    }
}

/// The files of `dirs` (relative to the crate), in name order, as seeds.
fn read_seeds(dirs: &[&str], keep: &impl Fn(&Path) -> bool) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && keep(p))
        .collect();
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    assert!(!seeds.is_empty(), "no seed files in {dirs:?}");
    seeds
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}

/// The seeds of one reader: the fixture files (tests/fixtures, including the inputs the fuzzers
/// found) and those plus the committed fuzz corpus.
struct Seeds {
    fixtures: Vec<Vec<u8>>,
    all: Vec<Vec<u8>>,
}

impl Seeds {
    fn read(fixture_dirs: &[&str], corpus: &str, keep: impl Fn(&Path) -> bool) -> Seeds {
        let fixtures = read_seeds(fixture_dirs, &keep);
        let mut all = fixtures.clone();
        all.extend(read_seeds(&[corpus], &keep));
        Seeds { fixtures, all }
    }
}

fn csv_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let fixtures = ["tests/fixtures/import", "tests/fixtures/fuzz"];
        Seeds::read(&fixtures, "fuzz/corpus/csv_import", |p| {
            !has_extension(p, &["xlsx", "parts"])
        })
    })
}

fn xlsx_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
        let fixtures = ["tests/fixtures/import", "tests/fixtures/fuzz"];
        Seeds::read(&fixtures, "fuzz/corpus/xlsx_import", |p| {
            p.starts_with(&corpus) || has_extension(p, &["xlsx", "parts"])
        })
    })
}

fn json_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let fixtures = ["tests/fixtures", "tests/fixtures/migrations"];
        Seeds::read(&fixtures, "fuzz/corpus/load_json", |p| {
            !has_extension(p, &["csv", "tsv", "txt", "xlsx", "parts"])
        })
    })
}

/// Bits of syntax the readers look for, inserted by [`Mutation::Token`].
const TOKENS: &[&str] = &[
    ",",
    ";",
    "\t",
    "\"",
    "\r\n",
    "\n",
    "\r",
    "\u{feff}",
    "客户名称",
    "年采购额(万元)",
    "毛利率",
    "行业排名",
    "复购",
    "合作年限",
    "标签",
    "合计",
    "万",
    "亿",
    "¥",
    "%",
    "1,200,000",
    "1.2e6",
    "(1,000)",
    "-",
    "N/A",
    "是",
    "'=",
    "１２３",
    "\u{3000}",
    "<c r=\"",
    "\" t=\"s\"",
    "<v>",
    "</v>",
    "<row r=\"",
    "<is><t>",
    "</t></is>",
    "<si><t>",
    "</t></si>",
    "\" s=\"1\"",
    "<f>",
    "&amp;",
    "XFD1048576",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    "\"customers\"",
    "\"tiering\"",
    "\"meta\"",
    "\"annual_purchase\"",
    "\"tier_override\"",
    "\"industry_line\"",
    "\"tiers\"",
    "\"id\"",
    "\"name\"",
    "\"schema_version\"",
    "1e308",
    "-0.0",
    "0.1",
    "18446744073709551616",
];

/// One change to a seed. Positions and lengths are taken modulo the input's length.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Repeat(usize, usize, u8),
    Splice(usize, usize, usize, usize),
    Token(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        4 => (at, 1..=255u8).prop_map(|(i, x)| Mutation::Flip(i, x)),
        1 => at.prop_map(Mutation::Truncate),
        2 => (at, prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (at, 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (at, 1..64usize, 2..8u8).prop_map(|(i, n, k)| Mutation::Repeat(i, n, k)),
        2 => (at, any::<usize>(), any::<usize>(), 1..512usize)
            .prop_map(|(i, s, from, n)| Mutation::Splice(i, s, from, n)),
        3 => (at, any::<usize>()).prop_map(|(i, t)| Mutation::Token(i, t)),
    ]
}

fn apply(mut input: Vec<u8>, mutations: &[Mutation], seeds: &[Vec<u8>]) -> Vec<u8> {
    let pos = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    for m in mutations {
        let len = input.len();
        match m {
            Mutation::Flip(i, x) if len > 0 => input[i % len] ^= x,
            Mutation::Flip(..) => {}
            Mutation::Truncate(i) => input.truncate(pos(*i, len)),
            Mutation::Insert(i, bytes) => {
                let at = pos(*i, len);
                input.splice(at..at, bytes.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let at = pos(*i, len);
                input.drain(at..(at + n).min(len));
            }
            Mutation::Repeat(i, n, k) => {
                let at = pos(*i, len);
                let chunk = input[at..(at + n).min(len)].to_vec();
                for _ in 1..*k {
                    input.splice(at..at, chunk.iter().copied());
                }
            }
            Mutation::Splice(i, s, from, n) => {
                let other = &seeds[s % seeds.len()];
                let start = pos(*from, other.len());
                let piece = &other[start..(start + n).min(other.len())];
                let at = pos(*i, len);
                input.splice(at..at, piece.iter().copied());
            }
            Mutation::Token(i, t) => {
                let at = pos(*i, len);
                input.splice(at..at, TOKENS[t % TOKENS.len()].bytes());
            }
        }
    }
    input
}

/// One of `pool` with up to `most` mutations, splicing from `donors`.
fn mutated(
    pool: &'static [Vec<u8>],
    donors: &'static [Vec<u8>],
    most: usize,
) -> impl Strategy<Value = Vec<u8>> {
    (0..pool.len(), prop::collection::vec(mutation(), 0..=most))
        .prop_map(move |(i, ms)| apply(pool[i].clone(), &ms, donors))
}

/// Text made of parser tokens and short random strings.
fn token_soup() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => (0..TOKENS.len()).prop_map(|t| TOKENS[t].as_bytes().to_vec()),
        1 => "[ -~0-9.,万亿%¥-]{0,8}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

/// Random bytes, token soup, any seed mutated up to eight times, and a fixture mutated up to
/// twice (so that the known hard cases, the fuzzers' finds among them, are always near), in equal
/// shares.
fn input(seeds: &'static Seeds) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        token_soup(),
        mutated(&seeds.all, &seeds.all, 8),
        mutated(&seeds.fixtures, &seeds.all, 2),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn csv_import_keeps_its_invariants(bytes in input(csv_seeds())) {
        check_import(&bytes, Reader::Csv);
    }

    #[test]
    fn xlsx_import_keeps_its_invariants(bytes in input(xlsx_seeds())) {
        check_import(&workbook_of_input(&bytes), Reader::Any);
    }

    #[test]
    fn workspace_load_keeps_its_invariants(bytes in input(json_seeds())) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = check_load(&text);
        let _ = check_load(&in_envelope(&text, some_version(bytes.len())));
    }
}
