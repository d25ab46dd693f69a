//! The lenient read of the load path (STYLE.md rule 4): a migrated workspace object becomes a
//! [`Workspace`] section by section and record by record, so one bad value costs only that value.
//! Everything it has to do is reported as a [`Repair`]: values of the wrong type (default used),
//! records that are not records (skipped), fields this version does not know (dropped, counted
//! per field), and text longer than [`MAX_TEXT_CHARS`] (cut).
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
    };
    cap_texts(&mut ws, repairs);
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

/// Cuts `text` to [`MAX_TEXT_CHARS`] characters, reporting it under `path()`.
fn cap(text: &mut String, path: impl FnOnce() -> String, repairs: &mut Vec<Repair>) {
    // Byte length bounds the character count from above: most text is checked in O(1).
    if text.len() <= MAX_TEXT_CHARS {
        return;
    }
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
        let chars = text.chars().count();
        text.truncate(cut);
        repairs.push(Repair::TextCut {
            path: path(),
            chars,
            max: MAX_TEXT_CHARS,
        });
    }
}

fn cap_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    cap(&mut ws.meta.name, || "meta.name".into(), repairs);
    cap(&mut ws.meta.currency, || "meta.currency".into(), repairs);
    cap(&mut ws.meta.today, || "meta.today".into(), repairs);
    for (i, line) in ws.industry_lines.iter_mut().enumerate() {
        cap(line, || format!("industry_lines[{i}]"), repairs);
    }
    for (i, tier) in ws.tiering.tiers.iter_mut().enumerate() {
        cap(&mut tier.id, || format!("tiering.tiers[{i}].id"), repairs);
        cap(
            &mut tier.name_zh,
            || format!("tiering.tiers[{i}].name_zh"),
            repairs,
        );
        cap(
            &mut tier.name_en,
            || format!("tiering.tiers[{i}].name_en"),
            repairs,
        );
        cap(
            &mut tier.color,
            || format!("tiering.tiers[{i}].color"),
            repairs,
        );
    }
    cap_org_texts(ws, repairs);
    cap_portfolio_texts(ws, repairs);
    cap_ltc_texts(ws, repairs);
    cap_mcr_texts(ws, repairs);
    for (i, c) in ws.customers.iter_mut().enumerate() {
        if !customer_has_long_text(c) {
            continue;
        }
        // Copy the shared record only when it has to change.
        let c = Rc::make_mut(c);
        let p = |field: &str| format!("customers[{i}].{field}");
        cap(&mut c.id, || p("id"), repairs);
        cap(&mut c.name, || p("name"), repairs);
        cap(&mut c.industry, || p("industry"), repairs);
        cap(&mut c.region, || p("region"), repairs);
        cap(&mut c.notes, || p("notes"), repairs);
        if let Some(line) = &mut c.industry_line {
            cap(line, || p("industry_line"), repairs);
        }
        if let Some(owner) = &mut c.owner {
            cap(owner, || p("owner"), repairs);
        }
        if let Some(ov) = &mut c.tier_override {
            cap(&mut ov.tier, || p("tier_override.tier"), repairs);
            cap(&mut ov.reason, || p("tier_override.reason"), repairs);
        }
        for (j, tag) in c.tags.iter_mut().enumerate() {
            cap(tag, || p(&format!("tags[{j}]")), repairs);
        }
    }
}

fn customer_has_long_text(c: &Customer) -> bool {
    let long = |s: &str| s.len() > MAX_TEXT_CHARS;
    long(&c.id)
        || long(&c.name)
        || long(&c.industry)
        || long(&c.region)
        || long(&c.notes)
        || c.industry_line.as_deref().is_some_and(long)
        || c.owner.as_deref().is_some_and(long)
        || c.tier_override
            .as_ref()
            .is_some_and(|ov| long(&ov.tier) || long(&ov.reason))
        || c.tags.iter().any(|t| long(t))
}

/// Cuts each of `fields` (name, text) of the record at `prefix()` (e.g. `org.people[3]`); the
/// prefix is only built when a text is cut.
fn cap_fields<const N: usize>(
    prefix: impl Fn() -> String,
    fields: [(&str, &mut String); N],
    repairs: &mut Vec<Repair>,
) {
    for (name, text) in fields {
        cap(text, || format!("{}.{name}", prefix()), repairs);
    }
}

/// The texts of the organisation documents: names, notes, ids and references of every record,
/// the texts of role cards, activities, talent sources, ladder steps and enablement.
fn cap_org_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let org = &mut ws.org;
    for (i, tier) in org.account_tiers.iter_mut().enumerate() {
        cap(tier, || format!("org.account_tiers[{i}]"), repairs);
    }
    for (i, r) in org.roles.iter_mut().enumerate() {
        let fields = [
            ("id", &mut r.id),
            ("name_zh", &mut r.name_zh),
            ("name_en", &mut r.name_en),
            ("notes", &mut r.notes),
        ];
        cap_fields(|| format!("org.roles[{i}]"), fields, repairs);
    }
    for (i, t) in org.templates.iter_mut().enumerate() {
        let fields = [("id", &mut t.id), ("tier", &mut t.tier)];
        cap_fields(|| format!("org.templates[{i}]"), fields, repairs);
        for (j, d) in t.doubles.iter_mut().enumerate() {
            let fields = [("by", &mut d.by), ("covers", &mut d.covers)];
            cap_fields(
                || format!("org.templates[{i}].doubles[{j}]"),
                fields,
                repairs,
            );
        }
    }
    for (i, s) in org.stages.iter_mut().enumerate() {
        let fields = [
            ("id", &mut s.id),
            ("name_zh", &mut s.name_zh),
            ("name_en", &mut s.name_en),
            ("notes", &mut s.notes),
        ];
        cap_fields(|| format!("org.stages[{i}]"), fields, repairs);
    }
    for (i, p) in org.people.iter_mut().enumerate() {
        let fields = [
            ("id", &mut p.id),
            ("name", &mut p.name),
            ("role", &mut p.role),
            ("level", &mut p.level),
            ("source", &mut p.source),
            ("notes", &mut p.notes),
        ];
        cap_fields(|| format!("org.people[{i}]"), fields, repairs);
    }
    for (i, a) in org.assignments.iter_mut().enumerate() {
        let fields = [
            ("id", &mut a.id),
            ("person", &mut a.person),
            ("account", &mut a.account),
            ("role", &mut a.role),
        ];
        cap_fields(|| format!("org.assignments[{i}]"), fields, repairs);
    }
    for (i, o) in org.triangle_overrides.iter_mut().enumerate() {
        let fields = [("customer", &mut o.customer), ("reason", &mut o.reason)];
        cap_fields(|| format!("org.triangle_overrides[{i}]"), fields, repairs);
    }
    for (i, c) in ws.duties.cards.iter_mut().enumerate() {
        let fields = [
            ("id", &mut c.id),
            ("role", &mut c.role),
            ("mission.zh", &mut c.mission.zh),
            ("mission.en", &mut c.mission.en),
            ("notes", &mut c.notes),
        ];
        cap_fields(|| format!("duties.cards[{i}]"), fields, repairs);
        for (list, duties) in [
            ("responsibilities", &mut c.responsibilities),
            ("key_activities", &mut c.key_activities),
        ] {
            for (j, d) in duties.iter_mut().enumerate() {
                let fields = [
                    ("id", &mut d.id),
                    ("text.zh", &mut d.text.zh),
                    ("text.en", &mut d.text.en),
                ];
                cap_fields(|| format!("duties.cards[{i}].{list}[{j}]"), fields, repairs);
            }
        }
    }
    for (i, a) in ws.duties.activities.iter_mut().enumerate() {
        let fields = [
            ("id", &mut a.id),
            ("name_zh", &mut a.name_zh),
            ("name_en", &mut a.name_en),
        ];
        cap_fields(|| format!("duties.activities[{i}]"), fields, repairs);
    }
    cap(
        &mut ws.talent.plan.start_month,
        || "talent.plan.start_month".into(),
        repairs,
    );
    for (i, r) in ws.talent.roles.iter_mut().enumerate() {
        let p = |rest: &str| format!("talent.roles[{i}]{rest}");
        cap_fields(
            || p(""),
            [("id", &mut r.id), ("role", &mut r.role)],
            repairs,
        );
        for (j, s) in r.sources.iter_mut().enumerate() {
            let fields = [
                ("id", &mut s.id),
                ("name_zh", &mut s.name_zh),
                ("name_en", &mut s.name_en),
                ("notes", &mut s.notes),
            ];
            cap_fields(|| p(&format!(".sources[{j}]")), fields, repairs);
        }
        for (j, s) in r.ladder.iter_mut().enumerate() {
            let fields = [
                ("id", &mut s.id),
                ("level", &mut s.level),
                ("title_zh", &mut s.title_zh),
                ("title_en", &mut s.title_en),
                ("criteria.zh", &mut s.criteria.zh),
                ("criteria.en", &mut s.criteria.en),
            ];
            cap_fields(|| p(&format!(".ladder[{j}]")), fields, repairs);
        }
        for (j, e) in r.enablement.iter_mut().enumerate() {
            let fields = [
                ("id", &mut e.id),
                ("name_zh", &mut e.name_zh),
                ("name_en", &mut e.name_en),
                ("description.zh", &mut e.description.zh),
                ("description.en", &mut e.description.en),
            ];
            cap_fields(|| p(&format!(".enablement[{j}]")), fields, repairs);
        }
    }
}

/// Caps the texts of Tool 2's document.
fn cap_portfolio_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let p = &mut ws.portfolio;
    for (i, l) in p.lines.iter_mut().enumerate() {
        let fields = [
            ("id", &mut l.id),
            ("industry", &mut l.industry),
            ("name", &mut l.name),
            ("control_point", &mut l.control_point),
            ("risk_management", &mut l.risk_management),
            ("notes", &mut l.notes),
        ];
        cap_fields(|| format!("portfolio.lines[{i}]"), fields, repairs);
        if let Some(o) = &mut l.owner {
            cap(o, || format!("portfolio.lines[{i}].owner"), repairs);
        }
    }
    for (i, x) in p.insights.iter_mut().enumerate() {
        let [a, b, c, d, e] = [
            &mut x.look_industry,
            &mut x.look_customers,
            &mut x.look_competition,
            &mut x.look_ourselves,
            &mut x.look_opportunities,
        ];
        let fields = [
            ("industry", &mut x.industry),
            ("control_points", &mut x.control_points),
            ("targets", &mut x.targets),
            ("strategies", &mut x.strategies),
        ];
        cap_fields(|| format!("portfolio.insights[{i}]"), fields, repairs);
        for (k, look) in [a, b, c, d, e].into_iter().enumerate() {
            let fields = [
                ("findings", &mut look.findings),
                ("evidence", &mut look.evidence),
                ("date", &mut look.date),
            ];
            cap_fields(
                || format!("portfolio.insights[{i}].look{k}"),
                fields,
                repairs,
            );
        }
    }
    for (i, o) in p.opportunities.iter_mut().enumerate() {
        let fields = [
            ("id", &mut o.id),
            ("title", &mut o.title),
            ("industry", &mut o.industry),
            ("timing", &mut o.timing),
            ("next_step", &mut o.next_step),
        ];
        cap_fields(|| format!("portfolio.opportunities[{i}]"), fields, repairs);
        if let Some(owner) = &mut o.owner {
            cap(
                owner,
                || format!("portfolio.opportunities[{i}].owner"),
                repairs,
            );
        }
    }
    for (i, d) in p.designs.iter_mut().enumerate() {
        cap(
            &mut d.industry,
            || format!("portfolio.designs[{i}].industry"),
            repairs,
        );
        for kind in crate::domain::portfolio::ElementKind::ALL {
            let el = d.element_mut(kind);
            cap(
                &mut el.text,
                || format!("portfolio.designs[{i}].{}", kind.key()),
                repairs,
            );
            if let Some(owner) = &mut el.owner {
                cap(
                    owner,
                    || format!("portfolio.designs[{i}].{}.owner", kind.key()),
                    repairs,
                );
            }
        }
    }
    for (i, c) in p.whitespace.iter_mut().enumerate() {
        let fields = [
            ("id", &mut c.id),
            ("account", &mut c.account),
            ("line", &mut c.line),
        ];
        cap_fields(|| format!("portfolio.whitespace[{i}]"), fields, repairs);
    }
}

/// The texts of LTC's document: stage names, the opportunities' and contracts' ids, references
/// and free texts (a shared record is copied only when one of its texts is too long).
fn cap_ltc_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let l = &mut ws.ltc;
    for (i, s) in l.stages.iter_mut().enumerate() {
        let fields = [
            ("id", &mut s.id),
            ("name_zh", &mut s.name_zh),
            ("name_en", &mut s.name_en),
            ("lead_role", &mut s.lead_role),
        ];
        cap_fields(|| format!("ltc.stages[{i}]"), fields, repairs);
    }
    let long = |t: &str| t.len() > MAX_TEXT_CHARS;
    for (i, o) in l.opportunities.iter_mut().enumerate() {
        let any_long = [
            &o.id,
            &o.account,
            &o.name,
            &o.stage,
            &o.competitor,
            &o.next_step,
            &o.lost_reason,
            &o.notes,
        ]
        .iter()
        .any(|t| long(t))
            || o.owner.as_deref().is_some_and(long)
            || o.line.as_deref().is_some_and(long)
            || o.history.iter().any(|h| long(&h.stage));
        if !any_long {
            continue;
        }
        let o = Rc::make_mut(o);
        let fields = [
            ("id", &mut o.id),
            ("account", &mut o.account),
            ("name", &mut o.name),
            ("stage", &mut o.stage),
            ("competitor", &mut o.competitor),
            ("next_step", &mut o.next_step),
            ("lost_reason", &mut o.lost_reason),
            ("notes", &mut o.notes),
        ];
        cap_fields(|| format!("ltc.opportunities[{i}]"), fields, repairs);
        for x in o.owner.iter_mut().chain(o.line.iter_mut()) {
            cap(x, || format!("ltc.opportunities[{i}].ref"), repairs);
        }
        for h in o.history.iter_mut() {
            cap(
                &mut h.stage,
                || format!("ltc.opportunities[{i}].history"),
                repairs,
            );
        }
    }
    for (i, c) in l.contracts.iter_mut().enumerate() {
        let any_long = [&c.id, &c.account, &c.name, &c.notes]
            .iter()
            .any(|t| long(t))
            || c.opportunity.as_deref().is_some_and(long);
        if !any_long {
            continue;
        }
        let c = Rc::make_mut(c);
        let fields = [
            ("id", &mut c.id),
            ("account", &mut c.account),
            ("name", &mut c.name),
            ("notes", &mut c.notes),
        ];
        cap_fields(|| format!("ltc.contracts[{i}]"), fields, repairs);
        if let Some(x) = c.opportunity.as_mut() {
            cap(x, || format!("ltc.contracts[{i}].opportunity"), repairs);
        }
    }
    for (i, t) in l.targets.iter_mut().enumerate() {
        let fields = [("id", &mut t.id), ("key", &mut t.key)];
        cap_fields(|| format!("ltc.targets[{i}]"), fields, repairs);
    }
}

/// The texts of MCR's document: the ids, references and free texts of stakeholders, contacts,
/// plan items and VCT checks, and the stakeholder ids a 151 entry names.
fn cap_mcr_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let m = &mut ws.mcr;
    for (i, s) in m.stakeholders.iter_mut().enumerate() {
        let fields = [
            ("id", &mut s.id),
            ("account", &mut s.account),
            ("name", &mut s.name),
            ("title", &mut s.title),
            ("department", &mut s.department),
            ("last_contact", &mut s.last_contact),
            ("notes", &mut s.notes),
        ];
        cap_fields(|| format!("mcr.stakeholders[{i}]"), fields, repairs);
        for x in s.reports_to.iter_mut().chain(s.owner.iter_mut()) {
            cap(x, || format!("mcr.stakeholders[{i}].ref"), repairs);
        }
    }
    for (i, c) in m.contacts.iter_mut().enumerate() {
        let fields = [
            ("id", &mut c.id),
            ("stakeholder", &mut c.stakeholder),
            ("date", &mut c.date),
            ("notes", &mut c.notes),
        ];
        cap_fields(|| format!("mcr.contacts[{i}]"), fields, repairs);
        for p in c.our_people.iter_mut() {
            cap(p, || format!("mcr.contacts[{i}].our_people"), repairs);
        }
    }
    for (i, p) in m.plan.iter_mut().enumerate() {
        let fields = [
            ("id", &mut p.id),
            ("account", &mut p.account),
            ("goal", &mut p.goal),
            ("actions", &mut p.actions),
            ("due", &mut p.due),
        ];
        cap_fields(|| format!("mcr.plan[{i}]"), fields, repairs);
        if let Some(o) = p.owner.as_mut() {
            cap(o, || format!("mcr.plan[{i}].owner"), repairs);
        }
    }
    for (i, v) in m.vct.iter_mut().enumerate() {
        let fields = [
            ("id", &mut v.id),
            ("account", &mut v.account),
            ("date", &mut v.date),
            ("notes", &mut v.notes),
        ];
        cap_fields(|| format!("mcr.vct[{i}]"), fields, repairs);
    }
    for (i, e) in ws.engagement.entries.iter_mut().enumerate() {
        for s in e.stakeholders.iter_mut() {
            cap(
                s,
                || format!("engagement.entries[{i}].stakeholders"),
                repairs,
            );
        }
    }
}
