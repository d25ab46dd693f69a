//! The records of LTC's document.

use serde::{Deserialize, Serialize};

use crate::domain::org::{AR, SR};

/// Whether a stage is still open, or one of the two fixed ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    /// In the pipeline.
    #[default]
    Open,
    /// Won: the contract is signed.
    Won,
    /// Lost.
    Lost,
}

/// A stage of the pipeline (SPEC §3.9).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stage {
    /// Stable id (`lead`, `validated`, …, `won`, `lost`).
    pub id: String,
    /// Chinese name, e.g. 标前引导.
    pub name_zh: String,
    /// English name, e.g. Pre-bid shaping.
    pub name_en: String,
    /// Open, won or lost.
    pub kind: StageKind,
    /// Probability of winning from this stage, percent.
    pub probability_pct: f64,
    /// The role that leads the opportunity in this stage (AR, SR, FR).
    pub lead_role: String,
    /// An opportunity longer than this many days in the stage is flagged (0: never).
    pub ageing_days: u32,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The SPEC stages: lead 5 % (AR), validated 10 % (AR), pre-bid shaping 25 % (SR), bid submitted
/// 50 % (SR), negotiation 75 % (AR), won 100 % (AR), lost 0 %; ageing thresholds ours.
pub fn default_stages() -> Vec<Stage> {
    #[rustfmt::skip]
    let rows: [(&str, &str, &str, StageKind, f64, &str, u32); 7] = [
        ("lead", "线索", "Lead", StageKind::Open, 5.0, AR, 30),
        ("validated", "机会验证", "Opportunity validated", StageKind::Open, 10.0, AR, 45),
        ("shaping", "标前引导", "Pre-bid shaping", StageKind::Open, 25.0, SR, 60),
        ("bid", "投标", "Bid submitted", StageKind::Open, 50.0, SR, 45),
        ("negotiation", "商务谈判", "Negotiation", StageKind::Open, 75.0, AR, 30),
        ("won", "赢单签约", "Won / contract", StageKind::Won, 100.0, AR, 0),
        ("lost", "丢单", "Lost", StageKind::Lost, 0.0, "", 0),
    ];
    rows.into_iter()
        .map(|(id, zh, en, kind, p, role, days)| Stage {
            id: id.to_string(),
            name_zh: zh.to_string(),
            name_en: en.to_string(),
            kind,
            probability_pct: p,
            lead_role: role.to_string(),
            ageing_days: days,
            updated_at: 0,
        })
        .collect()
}

/// The forecast category the owner puts an open opportunity in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Forecast {
    /// Will close in the period (counted in full).
    Commit,
    /// May close (counted weighted by its stage's probability).
    BestCase,
    /// In the pipeline, not in the forecast.
    #[default]
    Pipeline,
    /// Left out of the forecast and of coverage.
    Omitted,
}

impl Forecast {
    /// Every category, commit first.
    pub const ALL: [Forecast; 4] = [
        Forecast::Commit,
        Forecast::BestCase,
        Forecast::Pipeline,
        Forecast::Omitted,
    ];

    /// Identifier used in the file and the catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            Forecast::Commit => "commit",
            Forecast::BestCase => "best_case",
            Forecast::Pipeline => "pipeline",
            Forecast::Omitted => "omitted",
        }
    }

    /// The category of a [`key`](Forecast::key).
    pub fn from_key(key: &str) -> Option<Forecast> {
        Forecast::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// The date an opportunity entered a stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StageChange {
    /// Stage id.
    pub stage: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// A sales opportunity (商机) on an account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Opportunity {
    /// Stable id.
    pub id: String,
    /// Customer id.
    pub account: String,
    /// Name, e.g. 2027 数据中心扩容.
    pub name: String,
    /// The business line (Tool 2) it sells, if known.
    pub line: Option<String>,
    /// Person id of its owner.
    pub owner: Option<String>,
    /// Stage id.
    pub stage: String,
    /// Expected (or, once won, signed) amount, yuan.
    pub amount: f64,
    /// Expected close date (the signing date once won), `YYYY-MM-DD`.
    pub close_date: String,
    /// When it was created, `YYYY-MM-DD`.
    pub created: String,
    /// When it entered its current stage, `YYYY-MM-DD`.
    pub stage_entered: String,
    /// Forecast category.
    pub forecast: Forecast,
    /// The main competitor.
    pub competitor: String,
    /// The next step agreed.
    pub next_step: String,
    /// Why it was lost.
    pub lost_reason: String,
    /// Free text.
    pub notes: String,
    /// Each stage it entered, oldest first (kept short: see [`MAX_HISTORY`]).
    pub history: Vec<StageChange>,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The most stage changes kept per opportunity; older ones are dropped first.
pub const MAX_HISTORY: usize = 32;

impl Opportunity {
    /// The opportunity moved to `stage` on `date`: the stage, its entry date and the history
    /// updated (a move to the stage it is in changes nothing).
    pub fn moved(&self, stage: &str, date: &str) -> Opportunity {
        let mut next = self.clone();
        if next.stage == stage {
            return next;
        }
        next.stage = stage.to_string();
        next.stage_entered = date.to_string();
        next.history.push(StageChange {
            stage: stage.to_string(),
            date: date.to_string(),
        });
        if next.history.len() > MAX_HISTORY {
            let extra = next.history.len() - MAX_HISTORY;
            next.history.drain(..extra);
        }
        next
    }
}

/// The kinds of payment milestone Chinese B2B contracts write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// 预付款: paid on signing.
    #[default]
    Advance,
    /// 到货款: paid on delivery.
    Delivery,
    /// 验收款: paid on acceptance.
    Acceptance,
    /// 质保金: retention, paid when the warranty period ends.
    Retention,
    /// Any other instalment.
    Other,
}

impl MilestoneKind {
    /// Every kind, in contract order.
    pub const ALL: [MilestoneKind; 5] = [
        MilestoneKind::Advance,
        MilestoneKind::Delivery,
        MilestoneKind::Acceptance,
        MilestoneKind::Retention,
        MilestoneKind::Other,
    ];

    /// Identifier used in the file and the catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            MilestoneKind::Advance => "advance",
            MilestoneKind::Delivery => "delivery",
            MilestoneKind::Acceptance => "acceptance",
            MilestoneKind::Retention => "retention",
            MilestoneKind::Other => "other",
        }
    }
}

/// The event a milestone's due date counts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueBase {
    /// A fixed date ([`DueRule::date`]).
    Date,
    /// The signing of the contract.
    #[default]
    Signing,
    /// Delivery complete.
    Delivery,
    /// Acceptance (验收).
    Acceptance,
}

impl DueBase {
    /// Every base.
    pub const ALL: [DueBase; 4] = [
        DueBase::Date,
        DueBase::Signing,
        DueBase::Delivery,
        DueBase::Acceptance,
    ];

    /// Identifier used in the file and the catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            DueBase::Date => "date",
            DueBase::Signing => "signing",
            DueBase::Delivery => "delivery",
            DueBase::Acceptance => "acceptance",
        }
    }
}

/// When a milestone falls due: a date, or a number of days or months after an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DueRule {
    /// What it counts from.
    pub base: DueBase,
    /// The due date when the base is [`DueBase::Date`], `YYYY-MM-DD`.
    pub date: String,
    /// Days after the event.
    pub days: u32,
    /// Months after the event (calendar months; the 31st falls back to the month's last day).
    pub months: u32,
}

/// A payment milestone of a contract.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    /// 预付款, 到货款, 验收款, 质保金 or other.
    pub kind: MilestoneKind,
    /// Share of the contract value, percent.
    pub share_pct: f64,
    /// When it falls due.
    pub due: DueRule,
    /// Invoiced so far, yuan.
    pub invoiced: f64,
    /// Date of the (last) invoice.
    pub invoiced_date: String,
    /// Collected so far, yuan.
    pub collected: f64,
    /// Date of the (last) collection.
    pub collected_date: String,
}

/// The milestones of a new contract: 30 / 30 / 30 / 10, the advance 30 days after signing, the
/// delivery payment 30 days after delivery, the acceptance payment 30 days after acceptance and
/// the retention 12 months after acceptance.
pub fn default_milestones() -> Vec<Milestone> {
    let m = |kind, share_pct, base, days, months| Milestone {
        kind,
        share_pct,
        due: DueRule {
            base,
            date: String::new(),
            days,
            months,
        },
        ..Milestone::default()
    };
    vec![
        m(MilestoneKind::Advance, 30.0, DueBase::Signing, 30, 0),
        m(MilestoneKind::Delivery, 30.0, DueBase::Delivery, 30, 0),
        m(MilestoneKind::Acceptance, 30.0, DueBase::Acceptance, 30, 0),
        m(MilestoneKind::Retention, 10.0, DueBase::Acceptance, 0, 12),
    ]
}

/// A signed contract (合同) and its payment milestones.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contract {
    /// Stable id.
    pub id: String,
    /// Customer id.
    pub account: String,
    /// The opportunity it came from, if recorded.
    pub opportunity: Option<String>,
    /// Name or contract number.
    pub name: String,
    /// Signing date, `YYYY-MM-DD`.
    pub signed: String,
    /// Contract value, yuan.
    pub value: f64,
    /// Delivered so far, percent.
    pub delivered_pct: f64,
    /// When delivery was complete (empty: not yet).
    pub delivered: String,
    /// When the customer accepted (验收; empty: not yet).
    pub accepted: String,
    /// The payment milestones.
    pub milestones: Vec<Milestone>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// What a target is set for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The whole company (key empty).
    #[default]
    Company,
    /// One account (key: customer id).
    Account,
    /// One tier (key: tier id).
    Tier,
    /// One owner (key: person id).
    Owner,
    /// One business line (key: line id).
    Line,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 5] = [
        Scope::Company,
        Scope::Account,
        Scope::Tier,
        Scope::Owner,
        Scope::Line,
    ];

    /// Identifier used in the file and the catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            Scope::Company => "company",
            Scope::Account => "account",
            Scope::Tier => "tier",
            Scope::Owner => "owner",
            Scope::Line => "line",
        }
    }
}

/// The orders and collections target of one scope in one fiscal year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    /// Stable id.
    pub id: String,
    /// Fiscal year.
    pub year: i32,
    /// What it is set for.
    pub scope: Scope,
    /// The customer, tier, person or line id (empty for the company).
    pub key: String,
    /// Orders (订货) target, yuan.
    pub orders: Option<f64>,
    /// Collections (回款) target, yuan.
    pub collections: Option<f64>,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Target {
    /// The id of a year's target of a scope: `<year>.<scope>.<key>`.
    pub fn id_of(year: i32, scope: Scope, key: &str) -> String {
        format!("{year}.{}.{key}", scope.key())
    }
}
