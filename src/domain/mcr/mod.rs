//! MCR — manage client relationship (管理客户关系, SPEC §3.10): the decision chain of every key
//! account (its stakeholders with their decision role, support, influence, relationship layer
//! and our owner), the log of contacts, the MCR plan in its two phases 营 and 赢, and the VCT
//! checks with their history.
//!
//! The calculations (relationship score, decision-maker coverage, the red flags, the health of
//! every account and tier) are in [`calc`]; the reports-to tree, its cycles and its layout as an
//! org chart in [`layout`]; the demo's document, with its planted problems, comes from [`demo()`].

pub mod calc;
mod demo;
pub mod layout;

pub use demo::demo;

use serde::{Deserialize, Serialize};

use super::org::stamp::{entity, stamp_list};

/// The lowest support (opposed).
pub const SUPPORT_MIN: i32 = -1;
/// The highest support (coach).
pub const SUPPORT_MAX: i32 = 3;
/// The lowest influence.
pub const INFLUENCE_MIN: u32 = 1;
/// The highest influence.
pub const INFLUENCE_MAX: u32 = 5;
/// The lowest and highest answer of a VCT question.
pub const VCT_RANGE: (u8, u8) = (1, 5);

/// A stakeholder's part in the customer's buying decision (决策角色).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRole {
    /// 决策者: signs off the decision.
    DecisionMaker,
    /// 评估者: evaluates the offers (technical or business).
    Evaluator,
    /// 采购者: runs the purchase.
    Buyer,
    /// 使用者: uses what is bought.
    User,
    /// 影响者: sways the decision without a formal part.
    #[default]
    Influencer,
    /// 守门人: controls access to the others.
    Gatekeeper,
    /// 教练: guides us from inside.
    Coach,
}

impl DecisionRole {
    /// Every role, decision maker first.
    pub const ALL: [DecisionRole; 7] = [
        DecisionRole::DecisionMaker,
        DecisionRole::Evaluator,
        DecisionRole::Buyer,
        DecisionRole::User,
        DecisionRole::Influencer,
        DecisionRole::Gatekeeper,
        DecisionRole::Coach,
    ];

    /// Identifier used in the file, in catalogue keys, class names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            DecisionRole::DecisionMaker => "decision_maker",
            DecisionRole::Evaluator => "evaluator",
            DecisionRole::Buyer => "buyer",
            DecisionRole::User => "user",
            DecisionRole::Influencer => "influencer",
            DecisionRole::Gatekeeper => "gatekeeper",
            DecisionRole::Coach => "coach",
        }
    }

    /// The role of a [`key`](DecisionRole::key).
    pub fn from_key(key: &str) -> Option<DecisionRole> {
        DecisionRole::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// The layer of the relationship (关键 / 普遍 / 组织).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// 关键客户关系: the people who decide.
    Key,
    /// 普遍客户关系: the broad base of users and evaluators.
    #[default]
    Broad,
    /// 组织客户关系: company to company.
    Organisational,
}

impl Layer {
    /// Every layer, key first.
    pub const ALL: [Layer; 3] = [Layer::Key, Layer::Broad, Layer::Organisational];

    /// Identifier used in the file, in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Layer::Key => "key",
            Layer::Broad => "broad",
            Layer::Organisational => "organisational",
        }
    }

    /// The layer of a [`key`](Layer::key).
    pub fn from_key(key: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// A person of the customer who takes part in, or sways, the buying decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stakeholder {
    /// Stable id.
    pub id: String,
    /// Customer id of the account.
    pub account: String,
    /// Name.
    pub name: String,
    /// Job title (职务).
    pub title: String,
    /// Department (部门).
    pub department: String,
    /// Id of the stakeholder of the same account this one reports to (上级), if any.
    pub reports_to: Option<String>,
    /// Part in the decision.
    pub role: DecisionRole,
    /// Support for us: −1 opposed, 0 neutral, 1 support, 2 strong support, 3 coach.
    pub support: i32,
    /// Influence on the decision, 1–5.
    pub influence: u32,
    /// Relationship layer.
    pub layer: Layer,
    /// Person id of our owner of the relationship, if anyone.
    pub owner: Option<String>,
    /// The last contact entered by hand (`YYYY-MM-DD`, empty when unknown); the contact log and
    /// the 151 log may hold later ones (see [`calc::last_contacts`]).
    pub last_contact: String,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for Stakeholder {
    /// A neutral influencer of influence 3 in the broad layer.
    fn default() -> Self {
        Stakeholder {
            id: String::new(),
            account: String::new(),
            name: String::new(),
            title: String::new(),
            department: String::new(),
            reports_to: None,
            role: DecisionRole::Influencer,
            support: 0,
            influence: 3,
            layer: Layer::Broad,
            owner: None,
            last_contact: String::new(),
            notes: String::new(),
            updated_at: 0,
        }
    }
}

impl Stakeholder {
    /// True for a coach: the decision role 教练 or support 3.
    pub fn is_coach(&self) -> bool {
        self.role == DecisionRole::Coach || self.support >= SUPPORT_MAX
    }
}

/// How a contact happened.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// A meeting in person.
    #[default]
    Meeting,
    /// A call or video call.
    Call,
    /// A visit to us, a reference site or an event.
    Visit,
    /// A meal or informal meeting.
    Social,
    /// Messages or mail.
    Message,
}

impl ContactKind {
    /// Every kind.
    pub const ALL: [ContactKind; 5] = [
        ContactKind::Meeting,
        ContactKind::Call,
        ContactKind::Visit,
        ContactKind::Social,
        ContactKind::Message,
    ];

    /// Identifier used in the file, in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            ContactKind::Meeting => "meeting",
            ContactKind::Call => "call",
            ContactKind::Visit => "visit",
            ContactKind::Social => "social",
            ContactKind::Message => "message",
        }
    }

    /// The kind of a [`key`](ContactKind::key).
    pub fn from_key(key: &str) -> Option<ContactKind> {
        ContactKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One contact with a stakeholder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// Stable id.
    pub id: String,
    /// Stakeholder id.
    pub stakeholder: String,
    /// The day (`YYYY-MM-DD`).
    pub date: String,
    /// How.
    pub kind: ContactKind,
    /// Person ids of our people who were there.
    pub our_people: Vec<String>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The two phases of the MCR process: 营 (shape the relationship through strategy and plans)
/// and 赢 (win it through management, contact and satisfaction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// 营: customer-group strategy, the account's strategic plan and business plan.
    Operate,
    /// 赢: the customer management plan, contact and communication, expectations and
    /// satisfaction, customer information.
    Win,
}

impl Phase {
    /// Both phases, 营 first.
    pub const ALL: [Phase; 2] = [Phase::Operate, Phase::Win];

    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Phase::Operate => "operate",
            Phase::Win => "win",
        }
    }
}

/// The area of an MCR plan item; it fixes the phase (SPEC §3.10).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PlanArea {
    /// 营 · 客户群战略.
    GroupStrategy,
    /// 营 · 系统部战略规划.
    StrategicPlan,
    /// 营 · 系统部业务计划.
    BusinessPlan,
    /// 赢 · 客户管理计划.
    #[default]
    ManagementPlan,
    /// 赢 · 接触与沟通.
    Contact,
    /// 赢 · 期望与满意度.
    Expectations,
    /// 赢 · 客户信息.
    Information,
}

impl PlanArea {
    /// Every area, the 营 ones first.
    pub const ALL: [PlanArea; 7] = [
        PlanArea::GroupStrategy,
        PlanArea::StrategicPlan,
        PlanArea::BusinessPlan,
        PlanArea::ManagementPlan,
        PlanArea::Contact,
        PlanArea::Expectations,
        PlanArea::Information,
    ];

    /// Identifier used in the file, in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            PlanArea::GroupStrategy => "group_strategy",
            PlanArea::StrategicPlan => "strategic_plan",
            PlanArea::BusinessPlan => "business_plan",
            PlanArea::ManagementPlan => "management_plan",
            PlanArea::Contact => "contact",
            PlanArea::Expectations => "expectations",
            PlanArea::Information => "information",
        }
    }

    /// The area of a [`key`](PlanArea::key).
    pub fn from_key(key: &str) -> Option<PlanArea> {
        PlanArea::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The phase the area belongs to.
    pub fn phase(self) -> Phase {
        match self {
            PlanArea::GroupStrategy | PlanArea::StrategicPlan | PlanArea::BusinessPlan => {
                Phase::Operate
            }
            _ => Phase::Win,
        }
    }
}

/// Where a plan item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not started.
    #[default]
    Open,
    /// Under way.
    InProgress,
    /// Done.
    Done,
}

impl ItemStatus {
    /// Every status.
    pub const ALL: [ItemStatus; 3] = [ItemStatus::Open, ItemStatus::InProgress, ItemStatus::Done];

    /// Identifier used in the file, in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            ItemStatus::Open => "open",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Done => "done",
        }
    }

    /// The status of a [`key`](ItemStatus::key).
    pub fn from_key(key: &str) -> Option<ItemStatus> {
        ItemStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One item of an account's MCR plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanItem {
    /// Stable id.
    pub id: String,
    /// Customer id of the account.
    pub account: String,
    /// The area (and so the phase).
    pub area: PlanArea,
    /// What is to be achieved.
    pub goal: String,
    /// How.
    pub actions: String,
    /// Person id of who owns it, if anyone.
    pub owner: Option<String>,
    /// Due day (`YYYY-MM-DD`, empty when none).
    pub due: String,
    /// Where it stands.
    pub status: ItemStatus,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The five VCT questions (SPEC §3.10), in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VctQuestion {
    /// Do we create value for the customer?
    ValueForCustomer,
    /// Does the customer create value for us?
    ValueForUs,
    /// Does information flow both ways?
    Information,
    /// Do we learn the competitors' moves?
    Competitors,
    /// Is there trust?
    Trust,
}

impl VctQuestion {
    /// The five questions in order.
    pub const ALL: [VctQuestion; 5] = [
        VctQuestion::ValueForCustomer,
        VctQuestion::ValueForUs,
        VctQuestion::Information,
        VctQuestion::Competitors,
        VctQuestion::Trust,
    ];

    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            VctQuestion::ValueForCustomer => "value_customer",
            VctQuestion::ValueForUs => "value_us",
            VctQuestion::Information => "information",
            VctQuestion::Competitors => "competitors",
            VctQuestion::Trust => "trust",
        }
    }

    /// Position in [`VctQuestion::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The answers of one VCT check of an account on a day. Every check is kept, so the trend shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VctCheck {
    /// Stable id.
    pub id: String,
    /// Customer id of the account.
    pub account: String,
    /// The day of the check (`YYYY-MM-DD`).
    pub date: String,
    /// The answers 1–5 in the order of [`VctQuestion::ALL`]; 0 for a question not answered.
    pub answers: [u8; 5],
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl VctCheck {
    /// The answer to one question (`None` when not answered).
    pub fn answer(&self, q: VctQuestion) -> Option<u8> {
        let a = self.answers[q.index()];
        (VCT_RANGE.0..=VCT_RANGE.1).contains(&a).then_some(a)
    }

    /// The mean of the answered questions.
    pub fn mean(&self) -> Option<f64> {
        let v: Vec<f64> = VctQuestion::ALL
            .iter()
            .filter_map(|q| self.answer(*q))
            .map(f64::from)
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }
}

/// The settings of the tool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct McrSettings {
    /// A stakeholder not contacted for more than this many days is flagged (SPEC: 90).
    pub stale_days: u32,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for McrSettings {
    fn default() -> Self {
        McrSettings {
            stale_days: 90,
            updated_at: 0,
        }
    }
}

/// MCR's document inside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mcr {
    /// The stakeholders of every account.
    pub stakeholders: Vec<Stakeholder>,
    /// The contact log.
    pub contacts: Vec<Contact>,
    /// The MCR plan items of every account.
    pub plan: Vec<PlanItem>,
    /// The VCT checks of every account, any order.
    pub vct: Vec<VctCheck>,
    /// The stale-contact threshold.
    pub settings: McrSettings,
}

entity!(Stakeholder, id);
entity!(Contact, id);
entity!(PlanItem, id);
entity!(VctCheck, id);

impl Mcr {
    /// The stakeholder with this id.
    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The stakeholders of one account, in document order.
    pub fn of_account<'a>(&'a self, account: &'a str) -> impl Iterator<Item = &'a Stakeholder> {
        self.stakeholders
            .iter()
            .filter(move |s| s.account == account)
    }

    /// An id not used by any record of the list yet: `<prefix>1`, `<prefix>2`, …
    pub fn next_id(&self, prefix: &str) -> String {
        let taken = |id: &str| {
            self.stakeholders.iter().any(|s| s.id == id)
                || self.contacts.iter().any(|c| c.id == id)
                || self.plan.iter().any(|p| p.id == id)
                || self.vct.iter().any(|v| v.id == id)
        };
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }
}

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(old: &Mcr, new: &Mcr, now_ms: i64) -> Mcr {
    let mut next = new.clone();
    stamp_list(&old.stakeholders, &mut next.stakeholders, now_ms);
    stamp_list(&old.contacts, &mut next.contacts, now_ms);
    stamp_list(&old.plan, &mut next.plan, now_ms);
    stamp_list(&old.vct, &mut next.vct, now_ms);
    next.settings.updated_at = if same_settings(&old.settings, &next.settings) {
        old.settings.updated_at
    } else {
        now_ms
    };
    next
}

/// True when two settings are the same apart from when they were last changed.
pub fn same_settings(a: &McrSettings, b: &McrSettings) -> bool {
    a.stale_days == b.stale_days
}

/// Why an MCR document cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum McrRefusal {
    /// Support outside −1…3 or influence outside 1–5.
    #[error("the support of {0} must be between −1 and 3 and its influence between 1 and 5")]
    OutOfRange(String),
    /// A VCT answer outside 0–5.
    #[error("the answers of the VCT check {0} must be between 1 and 5")]
    BadAnswer(String),
    /// Two records of one kind share an id.
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    /// A date that is not `YYYY-MM-DD`.
    #[error("“{date}” of {what} is not a date of the form YYYY-MM-DD")]
    BadDate {
        /// The id of the record holding it.
        what: String,
        /// The text.
        date: String,
    },
    /// A stakeholder without a name.
    #[error("a stakeholder needs a name")]
    MissingName,
    /// A stakeholder reporting to one of another account, or to itself.
    #[error("{0} reports to someone who is not a stakeholder of the same account")]
    BadReportsTo(String),
    /// Reports-to lines that go round in a circle.
    #[error("the reports-to lines go round in a circle: {0}")]
    Cycle(String),
}

/// Checks what the document must never hold: values out of range, malformed dates, ids used
/// twice, nameless stakeholders, reports-to lines that leave the account or go round in a
/// circle. The views call it before dispatching an edit.
pub fn check(mcr: &Mcr) -> Result<(), McrRefusal> {
    use std::collections::{HashMap, HashSet};
    let date = |d: &str, what: &str| {
        if d.is_empty() || crate::domain::dates::day_number(d).is_some() {
            Ok(())
        } else {
            Err(McrRefusal::BadDate {
                what: what.to_string(),
                date: d.to_string(),
            })
        }
    };
    fn unique<'a>(seen: &mut HashSet<&'a str>, id: &'a str) -> Result<(), McrRefusal> {
        if seen.insert(id) {
            Ok(())
        } else {
            Err(McrRefusal::DuplicateId(id.to_string()))
        }
    }
    let mut seen = HashSet::new();
    let account_of: HashMap<&str, &str> = mcr
        .stakeholders
        .iter()
        .map(|s| (s.id.as_str(), s.account.as_str()))
        .collect();
    for s in &mcr.stakeholders {
        unique(&mut seen, &s.id)?;
        if s.name.trim().is_empty() {
            return Err(McrRefusal::MissingName);
        }
        if !(SUPPORT_MIN..=SUPPORT_MAX).contains(&s.support)
            || !(INFLUENCE_MIN..=INFLUENCE_MAX).contains(&s.influence)
        {
            return Err(McrRefusal::OutOfRange(s.name.clone()));
        }
        if let Some(boss) = &s.reports_to {
            if boss == &s.id || account_of.get(boss.as_str()) != Some(&s.account.as_str()) {
                return Err(McrRefusal::BadReportsTo(s.name.clone()));
            }
        }
        date(&s.last_contact, &s.id)?;
    }
    if let Some(cycle) = layout::cycles(&mcr.stakeholders).into_iter().next() {
        let names: Vec<&str> = cycle
            .iter()
            .filter_map(|i| mcr.stakeholders.get(*i))
            .map(|s| s.name.as_str())
            .collect();
        return Err(McrRefusal::Cycle(names.join(" → ")));
    }
    let mut seen = HashSet::new();
    for c in &mcr.contacts {
        unique(&mut seen, &c.id)?;
        date(&c.date, &c.id)?;
    }
    let mut seen = HashSet::new();
    for p in &mcr.plan {
        unique(&mut seen, &p.id)?;
        date(&p.due, &p.id)?;
    }
    let mut seen = HashSet::new();
    for v in &mcr.vct {
        unique(&mut seen, &v.id)?;
        date(&v.date, &v.id)?;
        if v.answers.iter().any(|a| *a > VCT_RANGE.1) {
            return Err(McrRefusal::BadAnswer(v.id.clone()));
        }
    }
    Ok(())
}
