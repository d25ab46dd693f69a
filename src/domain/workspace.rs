//! The workspace document (SPEC §2): one company's plan.
//!
//! Money is stored as `f64` **yuan** everywhere (never fen), so imported amounts such as `1.2亿`
//! map directly onto the stored value. Times are milliseconds since the Unix epoch; calendar dates
//! are ISO `YYYY-MM-DD` strings.
//!
//! Every struct is `#[serde(default)]` so that a file missing a field still reads (the lenient read
//! of STYLE.md rule 4); the load path in `persist` then validates and repairs what was read.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::diagnosis::Diagnosis;
use super::engagement::Engagement;
use super::governance::Governance;
use super::kpi::Kpi;
use super::ltc::Ltc;
use super::mcr::Mcr;
use super::org::duties::Duties;
use super::org::talent::Talent;
use super::org::OrgDesign;
use super::portfolio::Portfolio;
use super::tiering::TieringConfig;
use crate::domain::sort::sort_by_key;

/// The version of the document format this build writes. A file with a higher version is refused.
///
/// History: 1 — the first format; 2 — `updated_at` on each tier, on the tiering settings and
/// `meta.settings_updated_at`, so that merging two copies can tell which side changed them last;
/// 3 — the organisation documents `org` (Tool 3), `duties` (Tool 4) and `talent` (Tool 7);
/// 4 — `governance` (Tool 5), `engagement` (the 151 programme) and `kpi` (Tool 6);
/// 5 — `portfolio` (Tool 2: business lines, market insight, business design, whitespace);
/// 6 — `ltc` (lead to cash: stages, opportunities, contracts, targets), and a KPI indicator's
/// `linked_151` becomes `linked` (the link now also reaches LTC); 7 — `mcr` (stakeholders,
/// contacts, the MCR plan, VCT checks) and the stakeholders met on a 151 log entry;
/// 8 — `diagnosis` (the SOTI statements, the respondents and their ratings, the symptom
/// checklist).
pub const SCHEMA_VERSION: u32 = 8;

/// One company's key-account plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Name, fiscal year and bookkeeping of the workspace.
    pub meta: Meta,
    /// The customers being tiered and served. Each is shared (`Rc`) so that an edit of one
    /// customer, and every undo step, copies pointers rather than 100,000 records.
    pub customers: Vec<Rc<Customer>>,
    /// How customers are put into tiers (Tool 1).
    pub tiering: TieringConfig,
    /// The company's industry lines (行业线, sales verticals) that can own accounts.
    pub industry_lines: Vec<String>,
    /// The iron-triangle organisation: roles, coverage templates, purchase process, people and
    /// their assignments to accounts (Tool 3).
    pub org: OrgDesign,
    /// Role cards and the RACI matrix (Tool 4).
    pub duties: Duties,
    /// Talent sources, growth ladders, enablement and the hiring-plan settings (Tool 7).
    pub talent: Talent,
    /// Management bodies and meetings (Tool 5).
    pub governance: Governance,
    /// The 151 programme: targets per tier and action, and the log of actions.
    pub engagement: Engagement,
    /// Scorecards, cascades and actuals (Tool 6).
    pub kpi: Kpi,
    /// Business lines, market insight, business design and whitespace (Tool 2).
    pub portfolio: Portfolio,
    /// Lead to cash: the pipeline, contracts, collections and their targets.
    pub ltc: Ltc,
    /// Client relationships: the decision chain of every account, contacts, the MCR plan and
    /// the VCT checks.
    pub mcr: Mcr,
    /// The diagnosis: the SOTI self-assessment and the symptom checklist.
    pub diagnosis: Diagnosis,
}

/// Name and bookkeeping of a workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// Stable id; also the storage key suffix.
    pub id: String,
    /// Display name, e.g. 示例集团.
    pub name: String,
    /// ISO 4217 currency of all amounts (amounts are in its main unit, e.g. yuan).
    pub currency: String,
    /// The fiscal year being planned.
    pub fiscal_year: i32,
    /// The date used as "today" for "days since" calculations (`YYYY-MM-DD`).
    pub today: String,
    /// Creation time, ms since epoch.
    pub created_at: i64,
    /// Last change of anything in the workspace, ms since epoch.
    pub updated_at: i64,
    /// Last change of the workspace settings (name, currency, fiscal year, reference date), ms
    /// since epoch; used when merging workspaces.
    pub settings_updated_at: i64,
    /// True when the workspace was created from the demo (enables "reset demo").
    pub is_demo: bool,
}

impl Default for Meta {
    fn default() -> Self {
        Meta {
            id: String::new(),
            name: String::new(),
            currency: "CNY".to_string(),
            fiscal_year: 2026,
            today: "2026-01-01".to_string(),
            created_at: 0,
            updated_at: 0,
            settings_updated_at: 0,
            is_demo: false,
        }
    }
}

/// One year of purchases from us.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct YearPurchase {
    /// Calendar or fiscal year.
    pub year: i32,
    /// What the customer bought from us that year, in yuan.
    pub annual_purchase: f64,
}

/// A manual tier assignment that wins over the rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierOverride {
    /// Id of the tier the customer is put in.
    pub tier: String,
    /// Why (shown as the explanation).
    pub reason: String,
}

/// A customer (SPEC §2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    /// Stable id.
    pub id: String,
    /// Company name.
    pub name: String,
    /// Industry (行业).
    pub industry: String,
    /// The industry line (行业线, sales vertical) that owns the account; `None` when none does.
    pub industry_line: Option<String>,
    /// Sales region.
    pub region: String,
    /// Person id of the account owner.
    pub owner: Option<String>,
    /// Annual purchase from us (年采购额), yuan.
    pub annual_purchase: f64,
    /// Our recognised revenue from the customer, yuan.
    pub revenue: f64,
    /// Gross margin in percent.
    pub gross_margin_pct: Option<f64>,
    /// The customer's total spend in our category, yuan (for share of wallet).
    pub wallet: Option<f64>,
    /// Growth in percent; derived from `history` when absent.
    pub growth_pct: Option<f64>,
    /// Rank of the customer in its industry (1 = largest).
    pub industry_rank: Option<u32>,
    /// On the named (清单制) list.
    pub on_named_list: bool,
    /// Buys from us repeatedly (复购).
    pub repeat_purchase: bool,
    /// Years we have worked with the customer.
    pub years_of_cooperation: u32,
    /// Purchases per year, any order.
    pub history: Vec<YearPurchase>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Manual tier assignment.
    pub tier_override: Option<TierOverride>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch (for merging).
    pub updated_at: i64,
}

impl Customer {
    /// Share of wallet in percent (`annual_purchase / wallet × 100`), when the wallet is known and positive.
    pub fn share_of_wallet_pct(&self) -> Option<f64> {
        match self.wallet {
            Some(w) if w > 0.0 => Some(self.annual_purchase / w * 100.0),
            _ => None,
        }
    }

    /// Growth in percent: the stored figure, or the change between the two latest years of
    /// `history` when the earlier of them is positive.
    pub fn effective_growth_pct(&self) -> Option<f64> {
        if self.growth_pct.is_some() {
            return self.growth_pct;
        }
        let mut years: Vec<&YearPurchase> = self.history.iter().collect();
        sort_by_key(&mut years, |y| y.year);
        match years.as_slice() {
            [.., prev, last] if prev.annual_purchase > 0.0 => {
                Some((last.annual_purchase / prev.annual_purchase - 1.0) * 100.0)
            }
            _ => None,
        }
    }
}

impl Workspace {
    /// The tier id of each customer (in the order of `customers`), as Tool 1 assigns it.
    pub fn tier_ids(&self) -> Vec<Option<String>> {
        self.tiering
            .assign_all(&self.customers)
            .into_iter()
            .map(|a| a.and_then(|a| self.tiering.tiers.get(a.tier).map(|t| t.id.clone())))
            .collect()
    }

    /// Each customer's tier id by customer id (a customer in no tier is left out).
    pub fn tier_map(&self) -> std::collections::HashMap<String, String> {
        self.customers
            .iter()
            .zip(self.tier_ids())
            .filter_map(|(c, t)| Some((c.id.clone(), t?)))
            .collect()
    }
}

impl Workspace {
    /// The reference day of a report: `today` when it is a date (`YYYY-MM-DD`), else the
    /// workspace's own reference date; with its day number (1 January of the fiscal year when
    /// neither is a date).
    pub fn reference_day(&self, today: &str) -> (String, i64) {
        use super::dates::day_number;
        let today = if day_number(today).is_some() {
            today.to_string()
        } else {
            self.meta.today.clone()
        };
        let day = day_number(&today)
            .or_else(|| day_number(&format!("{:04}-01-01", self.meta.fiscal_year)))
            .unwrap_or(0);
        (today, day)
    }

    /// An empty workspace with the default tiering, named `name`, created at `now_ms`.
    pub fn empty(id: &str, name: &str, now_ms: i64) -> Workspace {
        Workspace {
            meta: Meta {
                id: id.to_string(),
                name: name.to_string(),
                created_at: now_ms,
                updated_at: now_ms,
                settings_updated_at: now_ms,
                ..Meta::default()
            },
            customers: Vec::new(),
            tiering: TieringConfig::default().stamped(now_ms),
            industry_lines: Vec::new(),
            org: OrgDesign::default(),
            duties: Duties::default(),
            talent: Talent::default(),
            governance: Governance::default(),
            engagement: Engagement::default(),
            kpi: Kpi::default(),
            portfolio: Portfolio::default(),
            ltc: Ltc::default(),
            mcr: Mcr::default(),
            diagnosis: Diagnosis::default(),
        }
    }
}
