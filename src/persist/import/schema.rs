//! Table kinds described by data, and how a file's headers are matched to their fields.
//!
//! A [`TableSpec`] lists the fields a kind of table has (customers, people, KPI actuals, …):
//! each [`FieldSpec`] carries its labels in both languages, the header spellings it is known by,
//! whether it is required, how its cells are read ([`ValueKind`]) and two example values for the
//! template. [`detect`] proposes a [`ColumnUse`] for every header of a file, with the reason for
//! each guess ([`GuessHow`]) so that the wizard can show why a column was picked.

use super::table::header_key;
use crate::domain::values::half_width;

/// How the cells of a field are read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueKind {
    /// Text of at most [`super::MAX_TEXT_CHARS`] characters.
    Text,
    /// An amount in yuan (`1,200,000`, `120万`, `1.2亿`, `¥1.2M`), scaled by a unit in the header
    /// (`（万元）`); negative amounts only when `negative` is true.
    Amount {
        /// Negative amounts are allowed.
        negative: bool,
    },
    /// A percentage in points (`35%`, `35`, `0.35` is 0.35 %).
    Percent,
    /// A whole number of at least 0.
    WholeNumber,
    /// Yes or no (是/否, Y/N, yes/no, true/false, 1/0, √/×); empty is no.
    YesNo,
    /// A list separated by `,` `;` `、` `|` or line breaks.
    Tags,
    /// A capacity in FTE (`1`, `0.5`, `50%`); empty is 1.
    Capacity,
    /// A plain number (`85`, `85%`, `1,200`).
    Number,
    /// A name or id the table kind resolves itself (a role, a person).
    Choice,
}

/// One field of a table kind.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSpec {
    /// Stable id (`annual_purchase`, `role`, an indicator's name).
    pub id: String,
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// Header spellings that name this field, in [`header_key`] form.
    pub aliases: Vec<String>,
    /// Every spelling as written ([`FieldSpec::aliases`] then [`FieldSpec::weak_aliases`]), to name
    /// the one a fuzzy match found.
    pub spellings: Vec<String>,
    /// Spellings that name this field only when no column named it by an alias, and otherwise the
    /// next field that lists them (`销售额` is the annual purchase of a workbook without a 采购额
    /// column, and the revenue of one with it), in [`header_key`] form.
    pub weak_aliases: Vec<String>,
    /// A row without a value here is invalid, and a mapping without a column for it is refused.
    pub required: bool,
    /// Values must differ between rows (ids).
    pub unique: bool,
    /// How cells are read.
    pub kind: ValueKind,
    /// Two example values, for the template.
    pub examples: [String; 2],
}

impl FieldSpec {
    /// A field with no aliases, optional, not unique, with empty examples.
    pub fn new(id: &str, label_zh: &str, label_en: &str, kind: ValueKind) -> FieldSpec {
        FieldSpec {
            id: id.to_string(),
            label_zh: label_zh.to_string(),
            label_en: label_en.to_string(),
            aliases: Vec::new(),
            spellings: Vec::new(),
            weak_aliases: Vec::new(),
            required: false,
            unique: false,
            kind,
            examples: [String::new(), String::new()],
        }
    }

    /// With these aliases (any spelling; reduced to [`header_key`] form).
    pub fn aliases(mut self, aliases: &[&str]) -> FieldSpec {
        self.aliases = aliases.iter().map(|a| header_key(a)).collect();
        self.spellings
            .splice(0..0, aliases.iter().map(|a| a.to_string()));
        self
    }

    /// With these weak aliases (see [`FieldSpec::weak_aliases`]).
    pub fn weak(mut self, aliases: &[&str]) -> FieldSpec {
        self.weak_aliases = aliases.iter().map(|a| header_key(a)).collect();
        self.spellings.extend(aliases.iter().map(|a| a.to_string()));
        self
    }

    /// Required.
    pub fn required(mut self) -> FieldSpec {
        self.required = true;
        self
    }

    /// Unique across rows.
    pub fn unique(mut self) -> FieldSpec {
        self.unique = true;
        self
    }

    /// With two example values.
    pub fn examples(mut self, a: &str, b: &str) -> FieldSpec {
        self.examples = [a.to_string(), b.to_string()];
        self
    }

    /// The label in Chinese (`zh = true`) or English.
    pub fn label(&self, zh: bool) -> &str {
        if zh {
            &self.label_zh
        } else {
            &self.label_en
        }
    }
}

/// A kind of table the import wizard reads.
#[derive(Clone, Debug, PartialEq)]
pub struct TableSpec {
    /// Stable id (`customers`, `people`, `kpi_actuals`).
    pub id: &'static str,
    /// The fields, in the order the mapping menu and the template list them.
    pub fields: Vec<FieldSpec>,
    /// The field whose older years a column headed with a year feeds (`2024年采购额` → history):
    /// of several such columns the newest is the field itself, the others [`ColumnUse::Year`].
    pub yearly: Option<usize>,
    /// The field that names a row, used to skip totals lines (合计, 总计, total, …).
    pub label_field: Option<usize>,
}

impl TableSpec {
    /// The index of the field with id `id`.
    pub fn field(&self, id: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.id == id)
    }
}

/// What a column of the file is imported into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnUse {
    /// Not imported.
    Ignore,
    /// The field at this index of [`TableSpec::fields`].
    Field(usize),
    /// An earlier year of the [`TableSpec::yearly`] field.
    Year(i32),
}

/// Why [`detect`] proposed what it did for a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuessHow {
    /// No field recognised.
    Unknown,
    /// The header is a known spelling of the field.
    Alias,
    /// The header is a spelling shared by several fields; this was the first one still free.
    Shared,
    /// After removing filler words, the header contains the spelling `alias`.
    Fuzzy {
        /// The spelling found.
        alias: String,
    },
    /// A year in the header: the newest column of the yearly field.
    NewestYear {
        /// The year.
        year: i32,
    },
    /// A year in the header, older than another column's: history.
    OlderYear {
        /// The year.
        year: i32,
    },
    /// The field was already taken by an earlier column.
    Taken,
}

/// A proposed use of one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess {
    /// The proposal.
    pub column_use: ColumnUse,
    /// Why.
    pub how: GuessHow,
}

/// A year written in a header (`2025年销售额`, `FY2024 revenue`, `销售额2023`): a run of exactly
/// four digits between 1990 and 2100.
pub fn header_year(header: &str) -> Option<i32> {
    let text = half_width(header);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let year: i32 = chars[start..i].iter().collect::<String>().parse().ok()?;
                if (1990..=2100).contains(&year) {
                    return Some(year);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Filler words removed before a fuzzy match, longest first.
const FILLER: &[&str] = &[
    "本年度",
    "上年度",
    "全年",
    "本年",
    "今年",
    "去年",
    "当年",
    "年度",
    "累计",
    "合计",
    "总额",
    "客户",
    "金额",
    "数据",
    "信息",
    "fy",
    "total",
    "annual",
    "customer",
    "the",
    "of",
];

/// The header key without filler words.
fn fuzzy_key(key: &str) -> String {
    let mut key = key.to_string();
    for f in FILLER {
        key = key.replace(f, "");
    }
    key
}

/// Every field a header names, strongest first: (field, how, is weak).
fn candidates(spec: &TableSpec, header: &str) -> Vec<(usize, GuessHow, bool)> {
    let key = header_key(header);
    if key.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, f) in spec.fields.iter().enumerate() {
        if f.aliases.contains(&key) {
            out.push((i, GuessHow::Alias, false));
        }
    }
    for (i, f) in spec.fields.iter().enumerate() {
        if f.weak_aliases.contains(&key) {
            out.push((i, GuessHow::Shared, true));
        }
    }
    if out.is_empty() {
        // Fuzzy: the longest spelling (at least two characters) that the header, without filler
        // words, equals or contains.
        let fuzzy = fuzzy_key(&key);
        // Ranked by the length of the reduced spelling, then by the header holding it as written.
        let mut best: Option<(usize, &str, (usize, bool))> = None;
        for (i, f) in spec.fields.iter().enumerate() {
            for (n, a) in f.aliases.iter().chain(&f.weak_aliases).enumerate() {
                let written = f.spellings.get(n).map_or(a.as_str(), String::as_str);
                let fa = fuzzy_key(a);
                let len = fa.chars().count();
                if fa.is_empty() || fuzzy.is_empty() {
                    continue;
                }
                let hit = fa == fuzzy || (len >= 2 && fa.len() >= 3 && fuzzy.contains(fa.as_str()));
                let rank = (len, key.contains(a.as_str()));
                if hit && best.is_none_or(|(_, _, b)| rank > b) {
                    best = Some((i, written, rank));
                }
            }
        }
        if let Some((i, alias, _)) = best {
            out.push((
                i,
                GuessHow::Fuzzy {
                    alias: alias.to_string(),
                },
                false,
            ));
        }
    }
    out
}

/// Proposes a use for every header. In order: exact spellings ([`FieldSpec::aliases`]), the
/// first column winning a field; then shared spellings ([`FieldSpec::weak_aliases`]), each to the
/// first of its fields still free; then fuzzy matches. Before them, the columns with a year in the
/// header that name the [`TableSpec::yearly`] field (by exact spellings, or by shared ones when no
/// column uses an exact one): when no such column lacks a year, the newest is the field and the
/// older ones are [`ColumnUse::Year`]; otherwise all of them are years.
pub fn detect(spec: &TableSpec, headers: &[String]) -> Vec<Guess> {
    let unknown = Guess {
        column_use: ColumnUse::Ignore,
        how: GuessHow::Unknown,
    };
    let mut out = vec![unknown; headers.len()];
    let all: Vec<Vec<(usize, GuessHow, bool)>> =
        headers.iter().map(|h| candidates(spec, h)).collect();
    let years: Vec<Option<i32>> = headers.iter().map(|h| header_year(h)).collect();
    let mut taken = vec![false; spec.fields.len()];

    if let Some(y) = spec.yearly {
        yearly_columns(y, &all, &years, &mut out, &mut taken);
    }
    let passes: [fn(&GuessHow, bool) -> bool; 3] = [
        |how, weak| !weak && *how == GuessHow::Alias,
        |_, weak| weak,
        |how, _| matches!(how, GuessHow::Fuzzy { .. }),
    ];
    for pass in passes {
        for (i, cands) in all.iter().enumerate() {
            if out[i].column_use != ColumnUse::Ignore {
                continue;
            }
            let fields: Vec<(usize, &GuessHow)> = cands
                .iter()
                .filter(|(_, how, weak)| pass(how, *weak))
                .map(|(f, how, _)| (*f, how))
                .collect();
            match fields.iter().find(|(f, _)| !taken[*f]) {
                Some((f, how)) => {
                    taken[*f] = true;
                    out[i] = Guess {
                        column_use: ColumnUse::Field(*f),
                        how: (*how).clone(),
                    };
                }
                None if !fields.is_empty() => out[i].how = GuessHow::Taken,
                None => {}
            }
        }
    }
    out
}

/// The year rule of [`detect`] for the yearly field `y`.
fn yearly_columns(
    y: usize,
    all: &[Vec<(usize, GuessHow, bool)>],
    years: &[Option<i32>],
    out: &mut [Guess],
    taken: &mut [bool],
) {
    let names = |i: usize, weak: bool| all[i].iter().any(|(f, _, w)| *f == y && *w == weak);
    let strong = (0..all.len()).any(|i| names(i, false));
    let in_set = |i: usize| names(i, !strong);
    let yearless = (0..all.len()).any(|i| years[i].is_none() && in_set(i));
    let newest = (0..all.len())
        .filter(|&i| years[i].is_some() && in_set(i))
        .max_by_key(|&i| (years[i], std::cmp::Reverse(i)));
    let newest_year = newest.and_then(|i| years[i]);
    let mut seen: Vec<i32> = Vec::new();
    for i in 0..all.len() {
        let (Some(year), true) = (years[i], in_set(i)) else {
            continue;
        };
        if !yearless && Some(i) == newest {
            out[i] = Guess {
                column_use: ColumnUse::Field(y),
                how: GuessHow::NewestYear { year },
            };
            taken[y] = true;
        } else if (yearless || Some(year) != newest_year) && !seen.contains(&year) {
            seen.push(year);
            out[i] = Guess {
                column_use: ColumnUse::Year(year),
                how: GuessHow::OlderYear { year },
            };
        }
    }
}

/// Just the uses of [`detect`].
pub fn detect_uses(spec: &TableSpec, headers: &[String]) -> Vec<ColumnUse> {
    detect(spec, headers)
        .into_iter()
        .map(|g| g.column_use)
        .collect()
}
