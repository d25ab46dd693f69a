//! The last stage of the load path: restore defaults, repair references and make ids unique.
//! Every repair is reported, never made silently.

use std::collections::HashSet;

use thiserror::Error;

use crate::domain::tiering::{is_valid_color, TieringConfig, FALLBACK_COLOR};
use crate::domain::workspace::Workspace;

/// One thing the load path had to fix.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Repair {
    /// A whole section was absent; its defaults were used.
    #[error("section “{0}” was missing; defaults used")]
    MissingSection(String),
    /// A value had the wrong type; its default was used.
    #[error("“{0}” had the wrong type; default used")]
    WrongType(String),
    /// Entries of a list were left out: not records, or records without the name the list
    /// requires. One repair reports them all.
    #[error("{count} entries of “{list}” were skipped ({why}), the first at position {first}")]
    RecordsSkipped {
        /// The list, e.g. `customers` or `org.people`.
        list: String,
        /// Why they were left out.
        why: SkippedWhy,
        /// How many.
        count: usize,
        /// 1-based position of the first in the file.
        first: usize,
    },
    /// A tier colour that was not `#rgb` or `#rrggbb` was replaced.
    #[error("“{path}” was not a colour (“{value}”); {replacement} used")]
    ColorReplaced {
        /// Where, e.g. `tiering.tiers[0].color`.
        path: String,
        /// The first 40 characters of what was there.
        value: String,
        /// The colour used instead.
        replacement: String,
    },
    /// The workspace had no id; one was derived from its name.
    #[error("the workspace had no id; “{0}” assigned")]
    WorkspaceIdAssigned(String),
    /// The workspace had no name.
    #[error("the workspace had no name; “{0}” used")]
    WorkspaceNameAssigned(String),
    /// A customer had no id.
    #[error("customer “{name}” had no id; “{id}” assigned")]
    CustomerIdAssigned {
        /// The customer's name.
        name: String,
        /// The new id.
        id: String,
    },
    /// Two customers shared an id; the later one got a new id.
    #[error("customer id “{id}” was used twice; the second became “{new_id}”")]
    DuplicateCustomerId {
        /// The shared id.
        id: String,
        /// The id given to the later customer.
        new_id: String,
    },
    /// A tier override named a tier that does not exist; it was removed.
    #[error("customer “{customer}” was overridden to tier “{tier}”, which does not exist; override removed")]
    DanglingTierOverride {
        /// The customer's id.
        customer: String,
        /// The missing tier id.
        tier: String,
    },
    /// The tiering had no tiers; the five default tiers were restored.
    #[error("there were no tiers; the default tiers were restored")]
    TiersRestored,
    /// A customer named an industry line missing from the list; it was added.
    #[error("industry line “{0}” was missing from the list and was added")]
    IndustryLineAdded(String),
    /// A field this version does not know was dropped (`count` records had it).
    #[error("unknown field “{path}” (in {count} records) was dropped")]
    UnknownField {
        /// Where, e.g. `customers[].crm_id`.
        path: String,
        /// How many records had it.
        count: usize,
    },
    /// A text longer than the limit was cut.
    #[error("“{path}” had {chars} characters; cut to {max}")]
    TextCut {
        /// Where.
        path: String,
        /// Its length.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// The stored text was cut short; what was complete was read.
    #[error("the stored copy was cut short; the first {kept_bytes} of {total_bytes} bytes were read, up to the last complete record")]
    Truncated {
        /// Bytes read.
        kept_bytes: usize,
        /// Bytes stored.
        total_bytes: usize,
    },
    /// The stored copy had no usable schema version; it was read as this version.
    #[error("the stored copy had no valid schema_version; read as version {0}")]
    VersionAssumed(u64),
    /// The stored copy had no format tag; it was read as a KAM Planner document.
    #[error("the stored copy had no format tag; read as a KAM Planner document")]
    FormatAssumed,
    /// A tier had no id or a duplicate id.
    #[error("a tier id was missing or repeated; “{0}” assigned")]
    TierIdAssigned(String),
    /// A record of an organisation list had no id or a repeated one and got a new id.
    #[error("in “{list}” an id was missing or repeated; “{id}” assigned")]
    OrgIdAssigned {
        /// The list, e.g. `org.people`.
        list: String,
        /// The id given.
        id: String,
    },
    /// A second record for the same key (a role id, a customer's triangle override) was removed.
    #[error("in “{list}” “{id}” appeared twice; the second was removed")]
    OrgDuplicateRemoved {
        /// The list, e.g. `org.roles`.
        list: String,
        /// The repeated key.
        id: String,
    },
    /// A built-in role (AD, AR, SR, FR) was missing and was restored.
    #[error("built-in role “{0}” was missing and was restored")]
    BuiltInRoleRestored(String),
    /// An assignment named a person who does not exist; it was removed.
    #[error(
        "assignment “{assignment}” named person “{person}”, who does not exist; assignment removed"
    )]
    AssignmentUnknownPerson {
        /// The assignment's id.
        assignment: String,
        /// The missing person id.
        person: String,
    },
    /// An assignment named a customer that does not exist; it was removed.
    #[error("assignment “{assignment}” named customer “{customer}”, which does not exist; assignment removed")]
    AssignmentUnknownCustomer {
        /// The assignment's id.
        assignment: String,
        /// The missing customer id.
        customer: String,
    },
    /// A whitespace cell named an account or a business line that does not exist; it was removed.
    #[error("whitespace cell “{cell}” named {missing} that does not exist; removed")]
    DanglingWhitespaceCell {
        /// The cell's key (`account|line`).
        cell: String,
        /// What was missing: `account` or `business line`.
        missing: String,
    },
    /// A triangle type was set for a customer that does not exist; it was removed.
    #[error("a triangle type was set for customer “{0}”, which does not exist; removed")]
    DanglingTriangleOverride(String),
    /// A value of LTC's document was repaired.
    #[error("“{path}”: {fix:?}")]
    Ltc {
        /// Where, e.g. `ltc.opportunities.opp-3.owner`.
        path: String,
        /// What was done.
        fix: LtcFix,
    },
    /// A value of MCR's document (or a 151 entry's stakeholders) was repaired.
    #[error("“{path}”: {fix:?}")]
    Mcr {
        /// Where, e.g. `mcr.stakeholders.sh-3.owner`.
        path: String,
        /// What was done.
        fix: McrFix,
    },
    /// A value of the diagnosis's document was repaired.
    #[error("“{path}”: {fix:?}")]
    Diagnosis {
        /// Where, e.g. `diagnosis.respondents.rs-2.ratings` or `diagnosis.symptoms[3].tools`.
        path: String,
        /// What was done.
        fix: DiagnosisFix,
    },
}

/// What the load path did to a value of the diagnosis's document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiagnosisFix {
    /// A statement or symptom without text in either language was removed.
    NoText,
    /// Ratings outside 1–5 (or not whole numbers) were removed: how many.
    RatingsOutOfRange(usize),
    /// Ratings of statements that do not exist were removed: how many.
    UnknownStatements(usize),
    /// Entries of a list of dimensions or tools that this version does not know were removed
    /// (the first 40 characters of each, joined with ", ").
    UnknownValues(String),
    /// Entries named twice in a list of dimensions or tools were removed: how many.
    Repeated(usize),
    /// A list was longer than its limit: the records beyond it were cut.
    Capped {
        /// The limit.
        max: usize,
        /// How many were cut.
        cut: usize,
    },
}

/// What the load path did to a value of MCR's document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum McrFix {
    /// The record named an account (a stakeholder) that does not exist, or is not a customer,
    /// and was removed.
    Removed,
    /// A reference to something that does not exist, or a malformed date, was cleared (or the
    /// reference dropped from its list).
    Cleared,
    /// A number outside its range (support, influence, a VCT answer) was brought into it.
    Clamped,
    /// A stakeholder without a name (which every stakeholder needs) was removed.
    NoName,
    /// The reports-to lines went round in a circle through these stakeholders (names, in the
    /// order of the line); the first one's reports-to was cleared.
    CycleBroken(String),
    /// A list was longer than its limit: the records beyond it were cut.
    Capped {
        /// The limit.
        max: usize,
        /// How many were cut.
        cut: usize,
    },
}

/// What the load path did to a value of LTC's document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LtcFix {
    /// The record named an account (or a target a tier, person or line) that does not exist
    /// and was removed.
    Removed,
    /// A reference to something that does not exist, or a malformed date, was cleared.
    Cleared,
    /// An opportunity in a stage that does not exist was put in the first stage.
    FirstStage,
    /// A number outside its range (negative, over 100 %, not finite) was brought into it, or a
    /// list over its limit was cut.
    Clamped,
    /// A missing won or lost stage was added.
    Added,
}

/// Why the load path left entries of a list out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkippedWhy {
    /// The entry was not a record (an object).
    NotARecord,
    /// The record had no name, which the list requires.
    NoName,
}

impl std::fmt::Display for SkippedWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SkippedWhy::NotARecord => "not records",
            SkippedWhy::NoName => "no name",
        })
    }
}

/// Repairs a freshly read workspace, appending what it did to `repairs`.
pub fn repair(mut ws: Workspace, repairs: &mut Vec<Repair>) -> Workspace {
    if ws.meta.name.trim().is_empty() {
        let name = "KAM".to_string();
        repairs.push(Repair::WorkspaceNameAssigned(name.clone()));
        ws.meta.name = name;
    }
    if ws.meta.id.trim().is_empty() {
        let id = format!("ws-{:08x}", fnv1a(ws.meta.name.as_bytes()) as u32);
        repairs.push(Repair::WorkspaceIdAssigned(id.clone()));
        ws.meta.id = id;
    }
    repair_tiers(&mut ws.tiering, repairs);
    repair_customers(&mut ws, repairs);
    repair_industry_lines(&mut ws, repairs);
    super::repair_org::repair_org(&mut ws, repairs);
    super::repair_portfolio::repair_portfolio(&mut ws, repairs);
    super::repair_ltc::repair_ltc(&mut ws, repairs);
    super::repair_mcr::repair_mcr(&mut ws, repairs);
    super::repair_diagnosis::repair_diagnosis(&mut ws, repairs);
    ws
}

/// Every industry line a customer names must be in the list; missing ones are added.
fn repair_industry_lines(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let mut known: HashSet<String> = ws.industry_lines.iter().cloned().collect();
    for c in &ws.customers {
        if let Some(line) = c.industry_line.as_deref().map(str::trim) {
            if !line.is_empty() && known.insert(line.to_string()) {
                ws.industry_lines.push(line.to_string());
                repairs.push(Repair::IndustryLineAdded(line.to_string()));
            }
        }
    }
}

fn repair_tiers(cfg: &mut TieringConfig, repairs: &mut Vec<Repair>) {
    if cfg.tiers.is_empty() {
        *cfg = TieringConfig::default();
        repairs.push(Repair::TiersRestored);
        return;
    }
    let mut seen = HashSet::new();
    for (i, tier) in cfg.tiers.iter_mut().enumerate() {
        if tier.id.trim().is_empty() || seen.contains(&tier.id) {
            let mut n = i + 1;
            let mut id = format!("tier-{n}");
            while seen.contains(&id) {
                n += 1;
                id = format!("tier-{n}");
            }
            repairs.push(Repair::TierIdAssigned(id.clone()));
            tier.id = id;
        }
        seen.insert(tier.id.clone());
    }
    let defaults = TieringConfig::default();
    for (i, tier) in cfg.tiers.iter_mut().enumerate() {
        if is_valid_color(&tier.color) {
            continue;
        }
        let replacement = defaults
            .tiers
            .iter()
            .find(|d| d.id == tier.id)
            .map_or(FALLBACK_COLOR, |d| d.color.as_str())
            .to_string();
        repairs.push(Repair::ColorReplaced {
            path: format!("tiering.tiers[{i}].color"),
            value: tier.color.chars().take(40).collect(),
            replacement: replacement.clone(),
        });
        tier.color = replacement;
    }
}

fn repair_customers(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let tier_ids: HashSet<&str> = ws.tiering.tiers.iter().map(|t| t.id.as_str()).collect();
    let mut seen: HashSet<String> = HashSet::with_capacity(ws.customers.len());
    let mut next_n = ws.customers.len() + 1;
    for c in ws.customers.iter_mut() {
        let needs_id = c.id.trim().is_empty() || seen.contains(&c.id);
        let dangling = c
            .tier_override
            .as_ref()
            .is_some_and(|ov| !tier_ids.contains(ov.tier.as_str()));
        if !needs_id && !dangling {
            seen.insert(c.id.clone());
            continue;
        }
        // Copy the shared record only when it has to change.
        let c = std::rc::Rc::make_mut(c);
        if needs_id {
            let mut id = format!("c-{next_n:04}");
            while seen.contains(&id) {
                next_n += 1;
                id = format!("c-{next_n:04}");
            }
            next_n += 1;
            if c.id.trim().is_empty() {
                repairs.push(Repair::CustomerIdAssigned {
                    name: c.name.clone(),
                    id: id.clone(),
                });
            } else {
                repairs.push(Repair::DuplicateCustomerId {
                    id: c.id.clone(),
                    new_id: id.clone(),
                });
            }
            c.id = id;
        }
        seen.insert(c.id.clone());
        if let Some(ov) = &c.tier_override {
            if !tier_ids.contains(ov.tier.as_str()) {
                repairs.push(Repair::DanglingTierOverride {
                    customer: c.id.clone(),
                    tier: ov.tier.clone(),
                });
                c.tier_override = None;
            }
        }
    }
}

/// FNV-1a, for deterministic ids derived from text.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
