//! The lenient read of the load path (STYLE.md rule 4): a migrated workspace object becomes a
//! [`Workspace`] section by section and record by record, so one bad value costs only that value.
//! Everything it has to do is reported as a [`Repair`]: values of the wrong type (default used),
//! records that are not records (skipped), fields this version does not know (dropped, counted
//! per field), and text longer than [`MAX_TEXT_CHARS`] (cut, in [`super::text_caps`]).
//!
//! Unknown fields are looked for in the envelope, the workspace, `meta`, every customer (with its
//! history entries and tier override), the tiering settings and every tier — the records a person
//! or another tool is likely to extend by hand.

use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::envelope::{LoadError, MAX_CUSTOMERS};
use super::validate::{Repair, SkippedWhy};
use crate::domain::diagnosis::Diagnosis;
use crate::domain::engagement::Engagement;
use crate::domain::governance::Governance;
use crate::domain::kpi::Kpi;
use crate::domain::ltc::Ltc;
use crate::domain::mcr::Mcr;
use crate::domain::org::duties::Duties;
use crate::domain::org::talent::Talent;
use crate::domain::org::OrgDesign;
use crate::domain::portfolio::Portfolio;
use crate::domain::tiering::{Tier, TieringConfig};
use crate::domain::workspace::{Customer, Meta, TierOverride, Workspace, YearPurchase};

/// Longest text accepted in any single field, in characters; longer text is cut and reported.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The fields of the envelope.
pub const ENVELOPE_FIELDS: &[&str] = &[
    "format",
    "schema_version",
    "app_version",
    "exported_at",
    "workspace",
];

/// The field names of a record type, taken from its serialised default (every field of our
/// records is serialised, `None` as `null`).
fn field_names<T: Serialize + Default>() -> HashSet<String> {
    match crate::domain::json::to_value(&T::default()) {
        Some(Value::Object(map)) => map.into_iter().map(|(k, _)| k).collect(),
        _ => HashSet::new(),
    }
}

/// Counts the fields of records that this version does not know, per field path.
#[derive(Default)]
pub struct UnknownFields {
    counts: BTreeMap<String, usize>,
}

impl UnknownFields {
    /// Notes every key of `obj` not in `known`, under `path` (e.g. `customers[]`).
    pub fn check<'a>(
        &mut self,
        obj: &Map<String, Value>,
        known: impl Fn(&str) -> bool + 'a,
        path: &str,
    ) {
        for key in obj.keys() {
            if !known(key) {
                *self.counts.entry(format!("{path}.{key}")).or_insert(0) += 1;
            }
        }
    }

    /// Reports what was found.
    pub fn report(self, repairs: &mut Vec<Repair>) {
        for (path, count) in self.counts {
            repairs.push(Repair::UnknownField { path, count });
        }
    }
}

struct Known {
    workspace: HashSet<String>,
    meta: HashSet<String>,
    customer: HashSet<String>,
    year: HashSet<String>,
    tier_override: HashSet<String>,
    tiering: HashSet<String>,
    tier: HashSet<String>,
}

impl Known {
    fn new() -> Known {
        Known {
            workspace: field_names::<Workspace>(),
            meta: field_names::<Meta>(),
            customer: field_names::<Customer>(),
            year: field_names::<YearPurchase>(),
            tier_override: field_names::<TierOverride>(),
            tiering: field_names::<TieringConfig>(),
            tier: field_names::<Tier>(),
        }
    }
}

/// Reads a migrated workspace object leniently.
pub fn read_workspace(
    value: Value,
    unknown: &mut UnknownFields,
    repairs: &mut Vec<Repair>,
) -> Result<Workspace, LoadError> {
    let Value::Object(mut doc) = value else {
        return Err(LoadError::NoWorkspace);
    };
    let known = Known::new();
    unknown.check(&doc, |k| known.workspace.contains(k), "workspace");
    let meta: Meta = match doc.remove("meta") {
        Some(v) => {
            if let Value::Object(m) = &v {
                unknown.check(m, |k| known.meta.contains(k), "meta");
            }
            lenient_struct(v, "meta", repairs)
        }
        None => {
            repairs.push(Repair::MissingSection("meta".into()));
            Meta::default()
        }
    };
    let customers = match doc.remove("customers") {
        Some(Value::Array(items)) => {
            if items.len() > MAX_CUSTOMERS {
                return Err(LoadError::TooManyCustomers {
                    count: items.len(),
                    max: MAX_CUSTOMERS,
                });
            }
            let mut out = Vec::with_capacity(items.len());
            let mut not_records = Skipped::default();
            let mut nameless = Skipped::default();
            for (i, item) in items.into_iter().enumerate() {
                let Value::Object(fields) = &item else {
                    not_records.add(i);
                    continue;
                };
                // A customer needs a name, as in the customer form; checked before the record
                // is read, so a file of a million `{}` costs no more than its text.
                if !has_name(fields) {
                    nameless.add(i);
                    continue;
                }
                check_customer_fields(fields, &known, unknown);
                out.push(Rc::new(lenient_struct::<Customer>(
                    item,
                    &format!("customers[{i}]"),
                    repairs,
                )));
            }
            not_records.report("customers", SkippedWhy::NotARecord, repairs);
            nameless.report("customers", SkippedWhy::NoName, repairs);
            out
        }
        Some(_) => {
            repairs.push(Repair::WrongType("customers".into()));
            Vec::new()
        }
        None => Vec::new(),
    };
    let tiering = match doc.remove("tiering") {
        Some(v) => read_tiering(v, &known, unknown, repairs),
        None => TieringConfig::default(),
    };
    let industry_lines = match doc.remove("industry_lines") {
        Some(v) => Vec::<String>::deserialize(&v).unwrap_or_else(|_| {
            repairs.push(Repair::WrongType("industry_lines".into()));
            Vec::new()
        }),
        None => Vec::new(),
    };
    let mut org_value = doc.remove("org");
    skip_nameless_people(&mut org_value, repairs);
    let org = read_section::<OrgDesign>(org_value, "org", unknown, repairs);
    let duties = read_section::<Duties>(doc.remove("duties"), "duties", unknown, repairs);
    let talent = read_section::<Talent>(doc.remove("talent"), "talent", unknown, repairs);
    let governance =
        read_section::<Governance>(doc.remove("governance"), "governance", unknown, repairs);
    let engagement =
        read_section::<Engagement>(doc.remove("engagement"), "engagement", unknown, repairs);
    let kpi = read_section::<Kpi>(doc.remove("kpi"), "kpi", unknown, repairs);
    let portfolio =
        read_section::<Portfolio>(doc.remove("portfolio"), "portfolio", unknown, repairs);
    let ltc = read_section::<Ltc>(doc.remove("ltc"), "ltc", unknown, repairs);
    let mcr = read_section::<Mcr>(doc.remove("mcr"), "mcr", unknown, repairs);
    let mut diagnosis_value = doc.remove("diagnosis");
    super::repair_diagnosis::prepare(&mut diagnosis_value, repairs);
    let diagnosis = read_section::<Diagnosis>(diagnosis_value, "diagnosis", unknown, repairs);
    let mut ws = Workspace {
        meta,
        customers,
        tiering,
        industry_lines,
        org,
        duties,
        talent,
        governance,
        engagement,
        kpi,
        portfolio,
        ltc,
        mcr,
        diagnosis,
    };
    super::text_caps::cap_texts(&mut ws, repairs);
    Ok(ws)
}

/// Leaves out the people of `org.people` without a name (a person needs one, as in the people
/// form), with one repair for all of them. Entries that are not records are left to the lenient
/// reading of the section.
fn skip_nameless_people(org: &mut Option<Value>, repairs: &mut Vec<Repair>) {
    let Some(Value::Array(people)) = org.as_mut().and_then(|o| o.get_mut("people")) else {
        return;
    };
    let mut nameless = Skipped::default();
    let mut index = 0;
    people.retain(|p| {
        let keep = !matches!(p, Value::Object(fields) if !has_name(fields));
        if !keep {
            nameless.add(index);
        }
        index += 1;
        keep
    });
    nameless.report("org.people", SkippedWhy::NoName, repairs);
}

/// True when a record has a `name` that is a string with something other than white space.
pub(crate) fn has_name(fields: &Map<String, Value>) -> bool {
    fields
        .get("name")
        .and_then(Value::as_str)
        .is_some_and(|n| !n.trim().is_empty())
}

/// Records of one list left out by the load path, counted so that one line reports them all.
#[derive(Default)]
pub(crate) struct Skipped {
    count: usize,
    first: usize,
}

impl Skipped {
    /// Counts the record at 0-based position `index`.
    pub(crate) fn add(&mut self, index: usize) {
        if self.count == 0 {
            self.first = index;
        }
        self.count += 1;
    }

    /// Appends the one repair that reports them, if any were left out.
    pub(crate) fn report(self, list: &str, why: SkippedWhy, repairs: &mut Vec<Repair>) {
        if self.count > 0 {
            repairs.push(Repair::RecordsSkipped {
                list: list.to_string(),
                why,
                count: self.count,
                first: self.first + 1,
            });
        }
    }
}

fn check_customer_fields(fields: &Map<String, Value>, known: &Known, unknown: &mut UnknownFields) {
    unknown.check(fields, |k| known.customer.contains(k), "customers[]");
    if let Some(Value::Array(years)) = fields.get("history") {
        for year in years {
            if let Value::Object(y) = year {
                unknown.check(y, |k| known.year.contains(k), "customers[].history[]");
            }
        }
    }
    if let Some(Value::Object(ov)) = fields.get("tier_override") {
        unknown.check(
            ov,
            |k| known.tier_override.contains(k),
            "customers[].tier_override",
        );
    }
}

fn read_tiering(
    value: Value,
    known: &Known,
    unknown: &mut UnknownFields,
    repairs: &mut Vec<Repair>,
) -> TieringConfig {
    if let Value::Object(fields) = &value {
        unknown.check(fields, |k| known.tiering.contains(k), "tiering");
        if let Some(Value::Array(tiers)) = fields.get("tiers") {
            for tier in tiers {
                if let Value::Object(t) = tier {
                    unknown.check(t, |k| known.tier.contains(k), "tiering.tiers[]");
                }
            }
        }
    }
    if let Ok(cfg) = TieringConfig::deserialize(&value) {
        return cfg;
    }
    let Value::Object(mut fields) = value else {
        repairs.push(Repair::WrongType("tiering".into()));
        return TieringConfig::default();
    };
    // The tiers are read one by one, so one bad tier does not cost the others.
    let tiers = fields.remove("tiers");
    let mut cfg: TieringConfig = lenient_struct(Value::Object(fields), "tiering", repairs);
    match tiers {
        Some(Value::Array(tiers)) => {
            cfg.tiers = tiers
                .into_iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    let path = format!("tiering.tiers[{i}]");
                    if t.is_object() {
                        Some(lenient_struct::<Tier>(t, &path, repairs))
                    } else {
                        repairs.push(Repair::WrongType(path));
                        None
                    }
                })
                .collect();
        }
        Some(_) => repairs.push(Repair::WrongType("tiering.tiers".into())),
        None => {}
    }
    cfg
}

/// Reads one of the organisation sections (`org`, `duties`, `talent`): a missing section gets
/// its defaults; in a list of records (people, assignments, roles, …) a field of a record that
/// does not read falls back to its default and a list entry that is not a record is dropped,
/// each reported on its own, so one bad value does not cost the rest of the person or the other
/// people; then any other field of the wrong type falls back to its default, as in
/// [`lenient_struct`]. Fields this version does not know are reported for the section itself.
fn read_section<T>(
    value: Option<Value>,
    path: &str,
    unknown: &mut UnknownFields,
    repairs: &mut Vec<Repair>,
) -> T
where
    T: serde::de::DeserializeOwned + Serialize + Default,
{
    let Some(value) = value else {
        repairs.push(Repair::MissingSection(path.to_string()));
        return T::default();
    };
    let Value::Object(fields) = value else {
        repairs.push(Repair::WrongType(path.to_string()));
        return T::default();
    };
    let known = field_names::<T>();
    unknown.check(&fields, |k| known.contains(k), path);
    let whole = Value::Object(fields);
    if let Ok(v) = T::deserialize(&whole) {
        return v;
    }
    let Value::Object(mut fields) = whole else {
        return T::default();
    };
    for (key, field) in fields.iter_mut() {
        let Value::Array(items) = field else { continue };
        let mut kept = Vec::with_capacity(items.len());
        let reads = |item: &Value| {
            let mut probe = Map::new();
            probe.insert(key.clone(), Value::Array(vec![item.clone()]));
            T::deserialize(&Value::Object(probe)).is_ok()
        };
        for (i, item) in std::mem::take(items).into_iter().enumerate() {
            if reads(&item) {
                kept.push(item);
                continue;
            }
            let Value::Object(fields) = item else {
                repairs.push(Repair::WrongType(format!("{path}.{key}[{i}]")));
                continue;
            };
            // Field by field, as in `lenient_struct`: what does not read falls back to its default.
            let mut record = Map::new();
            for (name, value) in fields {
                record.insert(name.clone(), value);
                if !reads(&Value::Object(record.clone())) {
                    record.remove(&name);
                    repairs.push(Repair::WrongType(format!("{path}.{key}[{i}].{name}")));
                }
            }
            kept.push(Value::Object(record));
        }
        *items = kept;
    }
    lenient_struct(Value::Object(fields), path, repairs)
}

/// Deserialises an object, dropping (and reporting) each field whose value has the wrong type,
/// so the rest of the record survives with that field at its default.
fn lenient_struct<T>(value: Value, path: &str, repairs: &mut Vec<Repair>) -> T
where
    T: serde::de::DeserializeOwned + Default,
{
    // Reading from a borrowed value: the common, valid record costs no copy.
    if let Ok(v) = T::deserialize(&value) {
        return v;
    }
    let Value::Object(fields) = value else {
        repairs.push(Repair::WrongType(path.to_string()));
        return T::default();
    };
    let mut kept = Map::new();
    for (key, field) in fields {
        kept.insert(key.clone(), field);
        if T::deserialize(&Value::Object(kept.clone())).is_err() {
            kept.remove(&key);
            repairs.push(Repair::WrongType(format!("{path}.{key}")));
        }
    }
    T::deserialize(&Value::Object(kept)).unwrap_or_default()
}
