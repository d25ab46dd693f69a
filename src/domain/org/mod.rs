//! Organisation design for key accounts (SPEC §3.4, §3.5, §3.8): the iron triangle (铁三角) that
//! staffs each account (Tool 3), the responsibilities of its roles with their RACI matrix (Tool 4)
//! and where the people come from and how they grow (Tool 7).
//!
//! This module holds the document of Tool 3, [`OrgDesign`]: the roles, the coverage templates
//! (FTE per role by tier × triangle type), the customer's purchase process × roles, the people and
//! their assignments to accounts. Tool 4's document is [`duties::Duties`], Tool 7's
//! [`talent::Talent`]; the calculations live next to them:
//!
//! - [`triangle`]: the triangle type of an account (expansion / growth / mature) and why;
//! - [`staffing`]: accounts, required and assigned FTE, loads, gaps, with every figure explained;
//! - [`process`]: the one-lead-per-stage check of the purchase process;
//! - [`duties`]: role cards and the RACI checks;
//! - [`talent`] and [`plan`]: sources, ladders, enablement and the month-by-month hiring plan;
//! - [`defaults`]: the SPEC defaults in Chinese and English; [`demo`]: the demo's people.
//!
//! Like the rest of the workspace every struct reads leniently (`#[serde(default)]`), every entity
//! has a stable string `id` and an `updated_at` (ms since epoch) for merging, and FTE figures are
//! `f64` (1.0 = one full-time person).

pub mod board;
pub mod defaults;
pub mod demo;
pub mod duties;
pub mod duties_edit;
pub mod people;
pub mod plan;
pub mod plan_table;
pub mod process;
pub mod roles;
pub mod staffing;
pub mod stages;
pub mod stamp;
pub mod talent;
pub mod talent_input;
pub mod triangle;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use triangle::{TriangleRules, TriangleType};

/// Role id of the account director (系统部部长 / 客户群总监).
pub const AD: &str = "AD";
/// Role id of the account responsible (客户责任人).
pub const AR: &str = "AR";
/// Role id of the solution responsible (解决方案责任人).
pub const SR: &str = "SR";
/// Role id of the fulfilment responsible (交付履行责任人).
pub const FR: &str = "FR";
/// The built-in roles, in the order they are shown.
pub const BUILT_IN_ROLES: [&str; 4] = [AD, AR, SR, FR];

/// Below this, two FTE figures are taken as equal: sums such as 75 × 0.1 are not exact in binary.
pub const FTE_EPSILON: f64 = 1e-6;

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Bilingual {
    /// 简体中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// A text from its Chinese and English wording.
    pub fn new(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }
}

/// A role of the account team: one of the built-in AD, AR, SR, FR or a custom one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleDef {
    /// Stable id; the built-in roles use their code (`AD`, `AR`, `SR`, `FR`).
    pub id: String,
    /// Chinese name, e.g. 客户责任人.
    pub name_zh: String,
    /// English name, e.g. Account responsible.
    pub name_en: String,
    /// True for the four roles of the method (they cannot be deleted).
    pub built_in: bool,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// One person in role `by` also carries duties of role `covers` on the account, which is why the
/// template asks for less of `covers` (SPEC §3.4: in a strategic expansion account "AR doubles as
/// FR", so FR is 0.5 instead of 1). Shown with the template; it does not change any sum.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Doubling {
    /// The role that doubles (e.g. `AR`).
    pub by: String,
    /// The role whose duties it takes on (e.g. `FR`).
    pub covers: String,
}

/// One row of the coverage template: the FTE each role should give one account of a tier and
/// triangle type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoverageRow {
    /// Stable id, `<tier>.<triangle>` for the defaults (e.g. `strategic.expansion`).
    pub id: String,
    /// Tier id.
    pub tier: String,
    /// Triangle type.
    pub triangle: TriangleType,
    /// FTE per role id; a role not listed needs 0.
    pub fte: BTreeMap<String, f64>,
    /// Roles that double as others on such accounts (informational).
    pub doubles: Vec<Doubling>,
    /// The FTE is served from a shared pool (one person for many small accounts) rather than by a
    /// named person per account; informational, the sums are the same.
    pub pooled: bool,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl CoverageRow {
    /// FTE of `role` for one account (0 when not listed).
    pub fn fte_of(&self, role: &str) -> f64 {
        self.fte.get(role).copied().unwrap_or(0.0)
    }
}

/// A role's part in one stage of the customer's purchase process.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Involvement {
    /// Not involved (—).
    #[default]
    None,
    /// Takes part (参与).
    Participate,
    /// Leads the stage (主导); exactly one role per stage.
    Lead,
}

/// One stage of the customer's purchase process (业务调研 … 交付验收), with each role's part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurchaseStage {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Part per role id; a role not listed is not involved.
    pub cells: BTreeMap<String, Involvement>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl PurchaseStage {
    /// The part `role` plays in the stage.
    pub fn involvement(&self, role: &str) -> Involvement {
        self.cells.get(role).copied().unwrap_or_default()
    }
}

/// A member of the account teams.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role id (their home role; an assignment may ask them to play another).
    pub role: String,
    /// Level on the role's growth ladder (e.g. `L3`), free text.
    pub level: String,
    /// How much of a full-time person they can give the accounts (1.0 = full time).
    pub capacity_fte: f64,
    /// Where they came from (a talent source id such as `rd_transfer`, or free text).
    pub source: String,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for Person {
    /// A full-time person (capacity 1.0) with nothing else filled in.
    fn default() -> Self {
        Person {
            id: String::new(),
            name: String::new(),
            role: String::new(),
            level: String::new(),
            capacity_fte: 1.0,
            source: String::new(),
            notes: String::new(),
            updated_at: 0,
        }
    }
}

/// A person working on an account in a role for a share of their time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assignment {
    /// Stable id.
    pub id: String,
    /// Person id.
    pub person: String,
    /// Customer id of the account.
    pub account: String,
    /// Role id played on the account (usually the person's own role).
    pub role: String,
    /// FTE given to the account in that role.
    pub fte: f64,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// A triangle type set by hand for one account; it wins over the derived one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriangleOverride {
    /// Customer id; also the key (one override per customer, the first one counts).
    pub customer: String,
    /// The type given.
    pub triangle: TriangleType,
    /// Why (shown as the explanation).
    pub reason: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// Tool 3's document: roles, coverage templates, purchase process, people and assignments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrgDesign {
    /// Roles, built-in first.
    pub roles: Vec<RoleDef>,
    /// Coverage template rows (tier × triangle type → FTE per role).
    pub templates: Vec<CoverageRow>,
    /// The customer's purchase process, in order.
    pub stages: Vec<PurchaseStage>,
    /// The people of the account teams.
    pub people: Vec<Person>,
    /// Who works on which account, in which role, for how much.
    pub assignments: Vec<Assignment>,
    /// Tier ids whose customers are accounts (get a triangle and appear on the staffing board).
    pub account_tiers: Vec<String>,
    /// Triangle types set by hand.
    pub triangle_overrides: Vec<TriangleOverride>,
    /// Thresholds of the triangle-type derivation.
    pub triangle_rules: TriangleRules,
    /// An account whose covered FTE is below this share of its required FTE, in percent, is
    /// under-staffed (SPEC §3.4: 80).
    pub understaffed_below_pct: f64,
    /// Last change of the settings (account tiers, thresholds), ms since epoch.
    pub updated_at: i64,
}

impl Default for OrgDesign {
    /// The SPEC defaults: four roles, the coverage template, six purchase stages, accounts from
    /// the strategic, value and potential tiers, no people yet.
    fn default() -> Self {
        OrgDesign {
            roles: defaults::roles(),
            templates: defaults::templates(),
            stages: defaults::stages(),
            people: Vec::new(),
            assignments: Vec::new(),
            account_tiers: ["strategic", "value", "potential"]
                .map(String::from)
                .to_vec(),
            triangle_overrides: Vec::new(),
            triangle_rules: TriangleRules::default(),
            understaffed_below_pct: 80.0,
            updated_at: 0,
        }
    }
}

impl OrgDesign {
    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&RoleDef> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The template row for accounts of `tier` and `triangle` (the first, if several).
    pub fn template(&self, tier: &str, triangle: TriangleType) -> Option<&CoverageRow> {
        self.templates
            .iter()
            .find(|t| t.tier == tier && t.triangle == triangle)
    }

    /// The hand-set triangle type of a customer, if any.
    pub fn triangle_override(&self, customer: &str) -> Option<&TriangleOverride> {
        self.triangle_overrides
            .iter()
            .find(|o| o.customer == customer)
    }

    /// True when customers of this tier are accounts.
    pub fn is_account_tier(&self, tier: &str) -> bool {
        self.account_tiers.iter().any(|t| t == tier)
    }
}
