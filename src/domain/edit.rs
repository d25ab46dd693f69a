//! Edits of a workspace: the actions the UI reducer applies. Each is a pure function of the old
//! document, the edit and the time of the edit; nothing here reads a clock or storage.

use std::collections::HashSet;
use std::rc::Rc;

use thiserror::Error;

use super::diagnosis::{self, Diagnosis};
use super::engagement::{self, Engagement};
use super::governance::{self, Governance};
use super::kpi::{self, Kpi};
use super::ltc::{self, Contract, Ltc, Opportunity};
use super::mcr::{self, Mcr};
use super::org::duties::Duties;
use super::org::stamp;
use super::org::talent::Talent;
use super::org::OrgDesign;
use super::portfolio::{self, Portfolio};
use super::tiering::{is_valid_color, TieringConfig};
use super::workspace::{Customer, TierOverride, Workspace};

/// Longest workspace name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// One change a user makes to the open workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Give the workspace a new name.
    Rename(String),
    /// Change the fiscal year being planned.
    SetFiscalYear(i32),
    /// Change the date used as "today" (`YYYY-MM-DD`).
    SetToday(String),
    /// Replace the content with a freshly built demo, keeping the workspace's id, name and
    /// creation time ("reset demo").
    ResetDemo(Box<Workspace>),
    /// Replace the whole content with a workspace read from a file (replace or merge), keeping
    /// the open workspace's id and creation time. One undoable step.
    ReplaceContent(Box<Workspace>),
    /// Replace the tiering configuration (rules, scores, tiers, thresholds).
    SetTiering(Box<TieringConfig>),
    /// Replace the list of industry lines.
    SetIndustryLines(Vec<String>),
    /// Add a customer (new id) or replace the one with its id. Checked by the caller with
    /// `customers::check`; an empty name is refused here too.
    UpsertCustomer(Box<Customer>),
    /// Remove the customers with these ids.
    DeleteCustomers(Vec<String>),
    /// Set (or with `None` clear) the tier override of the customers with these ids.
    SetTierOverride {
        /// Customer ids.
        ids: Vec<String>,
        /// The override; its tier must exist and its reason must not be empty.
        value: Option<TierOverride>,
    },
    /// Replace Tool 3's document (roles, templates, process, people, assignments, settings).
    /// Records that are new or changed get the time of the edit.
    SetOrg(Box<OrgDesign>),
    /// Replace Tool 4's document (role cards, RACI matrix).
    SetDuties(Box<Duties>),
    /// Replace Tool 7's document (sources, ladders, enablement, plan settings).
    SetTalent(Box<Talent>),
    /// Replace Tool 5's document (bodies, meetings).
    SetGovernance(Box<Governance>),
    /// Replace the 151 programme (targets, log).
    SetEngagement(Box<Engagement>),
    /// Replace Tool 6's document (scorecards, cascades, actuals).
    SetKpi(Box<Kpi>),
    /// Replace Tool 2's document (business lines, target mix, insight, design, whitespace).
    SetPortfolio(Box<Portfolio>),
    /// Replace LTC's document (stages, opportunities, contracts, targets, settings). Checked
    /// with `ltc::check`; records that are new or changed get the time of the edit.
    SetLtc(Box<Ltc>),
    /// Replace MCR's document (stakeholders, contacts, plan, VCT checks, settings). Checked with
    /// `mcr::check` (and every stakeholder's account must exist); records that are new or
    /// changed get the time of the edit.
    SetMcr(Box<Mcr>),
    /// Replace the diagnosis document (statements, respondents, symptoms). Refused unless it
    /// passes `diagnosis::check`; records that are new or changed get the time of the edit.
    SetDiagnosis(Box<Diagnosis>),
    /// Move an opportunity to a stage on a date (`YYYY-MM-DD`); its history records the move.
    MoveOpportunity {
        /// Opportunity id.
        id: String,
        /// Stage id.
        stage: String,
        /// The day of the move.
        date: String,
    },
    /// Add an opportunity (new id) or replace the one with its id.
    UpsertOpportunity(Box<Opportunity>),
    /// Add a contract (new id) or replace the one with its id.
    UpsertContract(Box<Contract>),
    /// Add imported customers. Those without an id, or with one already taken, get
    /// `<id_prefix><n>`; industry lines they name are added to the list.
    AddCustomers {
        /// The customers.
        customers: Vec<Customer>,
        /// Prefix of generated ids (unique per import, e.g. `imp-m3k9x2-`).
        id_prefix: String,
        /// Remove every existing customer first (an import that replaces the list).
        replace: bool,
    },
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    /// The name was empty after trimming.
    #[error("the name must not be empty")]
    EmptyName,
    /// The name was longer than [`MAX_NAME_CHARS`].
    #[error("the name is longer than {max} characters")]
    NameTooLong {
        /// The limit.
        max: usize,
    },
    /// The fiscal year was outside 2000–2100.
    #[error("the fiscal year must be between 2000 and 2100, not {0}")]
    FiscalYearOutOfRange(i32),
    /// The date was not a real `YYYY-MM-DD` date.
    #[error("“{0}” is not a date of the form YYYY-MM-DD")]
    BadDate(String),
    /// A tiering configuration without tiers.
    #[error("there must be at least one tier")]
    NoTiers,
    /// An override to a tier that does not exist.
    #[error("there is no tier “{0}”")]
    UnknownTier(String),
    /// An override without a reason.
    #[error("an override needs a reason")]
    MissingReason,
    /// A customer without a name.
    #[error("a customer needs a name")]
    MissingCustomerName,
    /// A person without a name.
    #[error("a person needs a name")]
    MissingPersonName,
    /// An FTE, capacity or share that is not a finite number.
    #[error("“{0}” is not a finite number")]
    NotFinite(String),
    /// Two records of one list share an id.
    #[error("the id “{0}” is used twice")]
    DuplicateId(String),
    /// A colour not written `#rgb` or `#rrggbb`.
    #[error("“{0}” is not a colour of the form #rrggbb")]
    BadColor(String),
    /// LTC's document would hold what it must not (see `ltc::check`).
    #[error("{0}")]
    Ltc(#[from] ltc::LtcRefusal),
    /// MCR's document would hold what it must not (see `mcr::check`).
    #[error("{0}")]
    Mcr(#[from] mcr::McrRefusal),
    /// The diagnosis document would hold what it must not (see `diagnosis::check`).
    #[error("{0}")]
    Diagnosis(#[from] diagnosis::DiagnosisRefusal),
    /// An edit named an opportunity, stage or account that does not exist.
    #[error("“{0}” does not exist")]
    Unknown(String),
}

/// Checks a workspace name and returns it trimmed.
pub fn checked_name(name: &str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(EditError::NameTooLong {
            max: MAX_NAME_CHARS,
        });
    }
    Ok(name.to_string())
}

/// True when `s` is a real calendar date `YYYY-MM-DD` (leap years respected).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Applies `edit` at time `now_ms`. `Ok(None)` means the edit changes nothing (so the caller can
/// keep the same document and not record an undo step).
pub fn apply(ws: &Workspace, edit: &Edit, now_ms: i64) -> Result<Option<Workspace>, EditError> {
    let mut next = match edit {
        Edit::Rename(name) => {
            let name = checked_name(name)?;
            if name == ws.meta.name {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.meta.name = name;
            next.meta.settings_updated_at = now_ms;
            next
        }
        Edit::SetFiscalYear(year) => {
            if !(2000..=2100).contains(year) {
                return Err(EditError::FiscalYearOutOfRange(*year));
            }
            if *year == ws.meta.fiscal_year {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.meta.fiscal_year = *year;
            next.meta.settings_updated_at = now_ms;
            next
        }
        Edit::SetToday(date) => {
            let date = date.trim();
            if !is_iso_date(date) {
                return Err(EditError::BadDate(date.to_string()));
            }
            if date == ws.meta.today {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.meta.today = date.to_string();
            next.meta.settings_updated_at = now_ms;
            next
        }
        Edit::SetTiering(config) => {
            if config.tiers.is_empty() {
                return Err(EditError::NoTiers);
            }
            if let Some(t) = config.tiers.iter().find(|t| !is_valid_color(&t.color)) {
                return Err(EditError::BadColor(t.color.clone()));
            }
            if **config == ws.tiering {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.tiering = stamp_tiering(&ws.tiering, config, now_ms);
            next
        }
        Edit::SetIndustryLines(lines) => {
            let mut seen = HashSet::new();
            let lines: Vec<String> = lines
                .iter()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty() && seen.insert(l.clone()))
                .collect();
            if lines == ws.industry_lines {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.industry_lines = lines;
            next
        }
        Edit::UpsertCustomer(customer) => {
            if customer.name.trim().is_empty() {
                return Err(EditError::MissingCustomerName);
            }
            let mut next = ws.clone();
            let mut c = (**customer).clone();
            c.updated_at = now_ms;
            add_line(&mut next.industry_lines, c.industry_line.as_deref());
            match next.customers.iter().position(|x| x.id == c.id) {
                Some(i) if *next.customers[i] == c => return Ok(None),
                Some(i) => next.customers[i] = Rc::new(c),
                None => next.customers.push(Rc::new(c)),
            }
            next
        }
        Edit::DeleteCustomers(ids) => {
            let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
            let mut next = ws.clone();
            next.customers.retain(|c| !ids.contains(c.id.as_str()));
            if next.customers.len() == ws.customers.len() {
                return Ok(None);
            }
            // The account teams of a deleted customer go with it (undo brings both back).
            next.org
                .assignments
                .retain(|a| !ids.contains(a.account.as_str()));
            next.org
                .triangle_overrides
                .retain(|o| !ids.contains(o.customer.as_str()));
            // So do its whitespace cells, its opportunities, contracts and account targets.
            next.portfolio
                .whitespace
                .retain(|c| !ids.contains(c.account.as_str()));
            let l = &mut next.ltc;
            l.opportunities
                .retain(|o| !ids.contains(o.account.as_str()));
            l.contracts.retain(|c| !ids.contains(c.account.as_str()));
            l.targets
                .retain(|t| t.scope != ltc::Scope::Account || !ids.contains(t.key.as_str()));
            let opps: HashSet<&str> = l.opportunities.iter().map(|o| o.id.as_str()).collect();
            let dangling: Vec<usize> = (0..l.contracts.len())
                .filter(|&i| {
                    l.contracts[i]
                        .opportunity
                        .as_deref()
                        .is_some_and(|o| !opps.contains(o))
                })
                .collect();
            for i in dangling {
                Rc::make_mut(&mut l.contracts[i]).opportunity = None;
            }
            // And its decision chain with its contacts, MCR plan and VCT checks.
            prune_mcr(&mut next, now_ms);
            next
        }
        Edit::SetOrg(org) => {
            check_org(org)?;
            if **org == ws.org {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.org = stamp::stamp_org(&ws.org, org, now_ms);
            // A person removed no longer owns relationships or plan items, nor was at contacts.
            if next.org.people.len() != ws.org.people.len()
                || next
                    .org
                    .people
                    .iter()
                    .zip(&ws.org.people)
                    .any(|(a, b)| a.id != b.id)
            {
                prune_mcr(&mut next, now_ms);
            }
            next
        }
        Edit::SetDuties(duties) => {
            if **duties == ws.duties {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.duties = stamp::stamp_duties(&ws.duties, duties, now_ms);
            next
        }
        Edit::SetGovernance(doc) => {
            if **doc == ws.governance {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.governance = governance::stamp(&ws.governance, doc, now_ms);
            next
        }
        Edit::SetEngagement(doc) => {
            if **doc == ws.engagement {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.engagement = engagement::stamp(&ws.engagement, doc, now_ms);
            next
        }
        Edit::SetPortfolio(doc) => {
            if **doc == ws.portfolio {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.portfolio = portfolio::stamp(&ws.portfolio, doc, now_ms);
            next
        }
        Edit::SetLtc(doc) => {
            ltc::check(doc)?;
            if **doc == ws.ltc {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.ltc = ltc::stamp(&ws.ltc, doc, now_ms);
            next
        }
        Edit::SetMcr(doc) => {
            mcr::check(doc)?;
            if let Some(s) = doc
                .stakeholders
                .iter()
                .find(|s| !ws.customers.iter().any(|c| c.id == s.account))
            {
                return Err(EditError::Unknown(s.account.clone()));
            }
            if **doc == ws.mcr {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.mcr = mcr::stamp(&ws.mcr, doc, now_ms);
            // A 151 entry names only stakeholders that exist: one deleted here leaves the entries.
            let ids: HashSet<&str> = doc.stakeholders.iter().map(|s| s.id.as_str()).collect();
            for e in &mut next.engagement.entries {
                if e.stakeholders.iter().any(|s| !ids.contains(s.as_str())) {
                    e.stakeholders.retain(|s| ids.contains(s.as_str()));
                    e.updated_at = now_ms;
                }
            }
            next
        }
        Edit::SetDiagnosis(doc) => {
            diagnosis::check(doc)?;
            if **doc == ws.diagnosis {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.diagnosis = diagnosis::stamp(&ws.diagnosis, doc, now_ms);
            next
        }
        Edit::MoveOpportunity { id, stage, date } => {
            if ws.ltc.stage(stage).is_none() {
                return Err(EditError::Unknown(stage.clone()));
            }
            if !is_iso_date(date) {
                return Err(EditError::BadDate(date.clone()));
            }
            let Some(i) = ws.ltc.opportunities.iter().position(|o| &o.id == id) else {
                return Err(EditError::Unknown(id.clone()));
            };
            if ws.ltc.opportunities[i].stage == *stage {
                return Ok(None);
            }
            let mut moved = ws.ltc.opportunities[i].moved(stage, date);
            if ws
                .ltc
                .stage(stage)
                .is_some_and(|s| s.kind != ltc::StageKind::Open)
            {
                moved.close_date = date.clone();
            }
            moved.updated_at = now_ms;
            let mut next = ws.clone();
            next.ltc.opportunities[i] = Rc::new(moved);
            next
        }
        Edit::UpsertOpportunity(o) => {
            if !ws.customers.iter().any(|c| c.id == o.account) {
                return Err(EditError::Unknown(o.account.clone()));
            }
            let mut doc = ltc::Ltc {
                opportunities: vec![Rc::new((**o).clone())],
                contracts: Vec::new(),
                targets: Vec::new(),
                ..ws.ltc.clone()
            };
            ltc::check(&doc)?;
            let mut o = doc.opportunities.remove(0);
            let pos = ws.ltc.opportunities.iter().position(|x| x.id == o.id);
            if pos.is_some_and(|i| ltc_same(&*ws.ltc.opportunities[i], &*o)) {
                return Ok(None);
            }
            Rc::make_mut(&mut o).updated_at = now_ms;
            let mut next = ws.clone();
            match pos {
                Some(i) => next.ltc.opportunities[i] = o,
                None => next.ltc.opportunities.push(o),
            }
            next
        }
        Edit::UpsertContract(c) => {
            if !ws.customers.iter().any(|x| x.id == c.account) {
                return Err(EditError::Unknown(c.account.clone()));
            }
            let doc = ltc::Ltc {
                opportunities: Vec::new(),
                contracts: vec![Rc::new((**c).clone())],
                targets: Vec::new(),
                ..ws.ltc.clone()
            };
            ltc::check(&doc)?;
            let pos = ws.ltc.contracts.iter().position(|x| x.id == c.id);
            let mut c = (**c).clone();
            if pos.is_some_and(|i| ltc_same(&*ws.ltc.contracts[i], &c)) {
                return Ok(None);
            }
            c.updated_at = now_ms;
            let mut next = ws.clone();
            match pos {
                Some(i) => next.ltc.contracts[i] = Rc::new(c),
                None => next.ltc.contracts.push(Rc::new(c)),
            }
            next
        }
        Edit::SetKpi(doc) => {
            if **doc == ws.kpi {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.kpi = kpi::stamp(&ws.kpi, doc, now_ms);
            next
        }
        Edit::SetTalent(talent) => {
            for role in &talent.roles {
                for s in &role.sources {
                    finite(s.share_pct, &s.id)?;
                }
                for step in &role.ladder {
                    finite(step.typical_years, &step.id)?;
                }
            }
            if **talent == ws.talent {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.talent = stamp::stamp_talent(&ws.talent, talent, now_ms);
            next
        }
        Edit::SetTierOverride { ids, value } => {
            if let Some(ov) = value {
                if ws.tiering.index_of(&ov.tier).is_none() {
                    return Err(EditError::UnknownTier(ov.tier.clone()));
                }
                if ov.reason.trim().is_empty() {
                    return Err(EditError::MissingReason);
                }
            }
            let value = value.as_ref().map(|ov| TierOverride {
                tier: ov.tier.clone(),
                reason: ov.reason.trim().to_string(),
            });
            let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
            let mut next = ws.clone();
            let mut changed = false;
            for c in next.customers.iter_mut() {
                if ids.contains(c.id.as_str()) && c.tier_override != value {
                    let c = Rc::make_mut(c);
                    c.tier_override = value.clone();
                    c.updated_at = now_ms;
                    changed = true;
                }
            }
            if !changed {
                return Ok(None);
            }
            next
        }
        Edit::AddCustomers {
            customers,
            id_prefix,
            replace,
        } => {
            if customers.is_empty() {
                return Ok(None);
            }
            let mut next = ws.clone();
            if *replace {
                // As deleting them would: their account teams go with them (undo brings both back).
                next.customers.clear();
                next.org.assignments.clear();
                next.org.triangle_overrides.clear();
            }
            let mut taken: HashSet<String> = next.customers.iter().map(|c| c.id.clone()).collect();
            let mut n = 1usize;
            next.customers.reserve(customers.len());
            for c in customers {
                if c.name.trim().is_empty() {
                    return Err(EditError::MissingCustomerName);
                }
                let mut c = c.clone();
                if c.id.trim().is_empty() || taken.contains(&c.id) {
                    while taken.contains(&format!("{id_prefix}{n}")) {
                        n += 1;
                    }
                    c.id = format!("{id_prefix}{n}");
                }
                taken.insert(c.id.clone());
                c.updated_at = now_ms;
                add_line(&mut next.industry_lines, c.industry_line.as_deref());
                next.customers.push(Rc::new(c));
            }
            next
        }
        Edit::ReplaceContent(content) => {
            let mut next = (**content).clone();
            next.meta.id = ws.meta.id.clone();
            next.meta.created_at = ws.meta.created_at;
            if next == *ws {
                return Ok(None);
            }
            next
        }
        Edit::ResetDemo(demo) => {
            let mut next = (**demo).clone();
            next.meta.id = ws.meta.id.clone();
            next.meta.name = ws.meta.name.clone();
            next.meta.created_at = ws.meta.created_at;
            next.meta.is_demo = true;
            next
        }
    };
    next.meta.updated_at = now_ms.max(ws.meta.updated_at);
    Ok(Some(next))
}

/// Refuses an organisation document that no view should produce: a person without a name, a
/// number that is not finite, or an id used twice in one list (references would be ambiguous).
/// Removes from MCR what belongs to a customer that no longer exists (stakeholders, their
/// contacts, plan items, VCT checks), clears owners and our people who are no longer people,
/// and drops from the 151 log the stakeholders that are gone; what changes gets `now_ms`.
fn prune_mcr(ws: &mut Workspace, now_ms: i64) {
    let customers: HashSet<&str> = ws.customers.iter().map(|c| c.id.as_str()).collect();
    let people: HashSet<&str> = ws.org.people.iter().map(|p| p.id.as_str()).collect();
    let m = &mut ws.mcr;
    m.stakeholders
        .retain(|s| customers.contains(s.account.as_str()));
    m.plan.retain(|p| customers.contains(p.account.as_str()));
    m.vct.retain(|v| customers.contains(v.account.as_str()));
    let kept: HashSet<String> = m.stakeholders.iter().map(|s| s.id.clone()).collect();
    m.contacts.retain(|c| kept.contains(&c.stakeholder));
    let gone = |o: &Option<String>| o.as_deref().is_some_and(|p| !people.contains(p));
    for s in &mut m.stakeholders {
        if s.reports_to.as_ref().is_some_and(|b| !kept.contains(b)) {
            s.reports_to = None;
            s.updated_at = now_ms;
        }
        if gone(&s.owner) {
            s.owner = None;
            s.updated_at = now_ms;
        }
    }
    for p in &mut m.plan {
        if gone(&p.owner) {
            p.owner = None;
            p.updated_at = now_ms;
        }
    }
    for c in &mut m.contacts {
        if c.our_people.iter().any(|p| !people.contains(p.as_str())) {
            c.our_people.retain(|p| people.contains(p.as_str()));
            c.updated_at = now_ms;
        }
    }
    for e in &mut ws.engagement.entries {
        if e.stakeholders.iter().any(|s| !kept.contains(s)) {
            e.stakeholders.retain(|s| kept.contains(s));
            e.updated_at = now_ms;
        }
    }
}

fn check_org(org: &OrgDesign) -> Result<(), EditError> {
    for p in &org.people {
        if p.name.trim().is_empty() {
            return Err(EditError::MissingPersonName);
        }
        finite(p.capacity_fte, &p.id)?;
    }
    for a in &org.assignments {
        finite(a.fte, &a.id)?;
    }
    for row in &org.templates {
        for fte in row.fte.values() {
            finite(*fte, &row.id)?;
        }
    }
    finite(org.understaffed_below_pct, "understaffed_below_pct")?;
    unique(org.roles.iter().map(|r| r.id.as_str()))?;
    unique(org.people.iter().map(|p| p.id.as_str()))?;
    unique(org.assignments.iter().map(|a| a.id.as_str()))?;
    unique(org.templates.iter().map(|t| t.id.as_str()))?;
    unique(org.stages.iter().map(|t| t.id.as_str()))?;
    unique(org.triangle_overrides.iter().map(|o| o.customer.as_str()))
}

/// True when two records hold the same content, their change times aside.
fn ltc_same<T: stamp::Entity>(a: &T, b: &T) -> bool {
    stamp::same_content(a, b)
}

fn finite(x: f64, what: &str) -> Result<(), EditError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(EditError::NotFinite(what.to_string()))
    }
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> Result<(), EditError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(EditError::DuplicateId(id.to_string()));
        }
    }
    Ok(())
}

/// The new tiering with `updated_at` set to `now_ms` on each tier that is new, changed or moved
/// (the order of tiers is part of what they mean) and on the settings when they changed;
/// unchanged parts keep their time.
fn stamp_tiering(old: &TieringConfig, new: &TieringConfig, now_ms: i64) -> TieringConfig {
    let mut next = new.clone();
    if !old.same_settings(new) {
        next.updated_at = now_ms;
    }
    for (i, tier) in next.tiers.iter_mut().enumerate() {
        let unchanged = old.tiers.get(i).is_some_and(|t| t.same_content(tier));
        if !unchanged {
            tier.updated_at = now_ms;
        }
    }
    next
}

/// Adds an industry line to the list when it is new.
fn add_line(lines: &mut Vec<String>, line: Option<&str>) {
    if let Some(line) = line.map(str::trim).filter(|l| !l.is_empty()) {
        if !lines.iter().any(|l| l == line) {
            lines.push(line.to_string());
        }
    }
}
