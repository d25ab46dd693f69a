//! MCR's figures (SPEC §3.10): the relationship score, decision-maker coverage, the last contact
//! of each stakeholder, the red flags of an account, and the health of every account and tier.
//!
//! - **Relationship score**: `s = Σ support·influence / Σ influence` lies in −1…3; it is scaled so
//!   that neutral stays 0: `s × 100` below zero (everyone opposed → −100), `s / 3 × 100` above
//!   (everyone a coach → 100). No stakeholders, no score.
//! - **Decision-maker coverage**: the share of decision makers with support ≥ 1.
//! - **Last contact**: the latest of the date entered on the stakeholder, the contact log's
//!   entries with them and the done 151 actions that name them.
//! - **Red flags**: a decision maker at support ≤ 0; no coach (decision role 教练 or support 3);
//!   a stakeholder without an owner; a stakeholder not contacted for more than
//!   `settings.stale_days` (90) days before the reference date, or never; single-threaded (two
//!   key stakeholders or more, all owned by one person: the account is that person's asset);
//!   a level mismatch (对等: a decision maker owned by someone who plays neither AR nor AD on
//!   the account); a key account without any stakeholder.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{DecisionRole, ItemStatus, Layer, Mcr, PlanItem, Stakeholder, VctCheck, SUPPORT_MAX};
use crate::domain::dates::day_number;
use crate::domain::engagement::Status;
use crate::domain::org::{AD, AR};
use crate::domain::workspace::Workspace;

/// The relationship score of a set of stakeholders, −100…100 (see the module doc); `None` for
/// an empty set.
pub fn score<'a>(list: impl IntoIterator<Item = &'a Stakeholder>) -> Option<f64> {
    let (mut weighted, mut total) = (0.0, 0.0);
    for s in list {
        let w = f64::from(s.influence);
        weighted += f64::from(s.support) * w;
        total += w;
    }
    if total <= 0.0 {
        return None;
    }
    let s = weighted / total;
    Some(if s < 0.0 {
        (s * 100.0).max(-100.0)
    } else {
        (s / f64::from(SUPPORT_MAX) * 100.0).min(100.0)
    })
}

/// How many decision makers there are and how many support us.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Decision makers with support ≥ 1.
    pub covered: usize,
    /// Decision makers.
    pub total: usize,
}

impl Coverage {
    /// The share in percent; `None` without decision makers.
    pub fn pct(&self) -> Option<f64> {
        (self.total > 0).then(|| self.covered as f64 * 100.0 / self.total as f64)
    }

    fn add(&mut self, other: Coverage) {
        self.covered += other.covered;
        self.total += other.total;
    }
}

/// The decision-maker coverage of a set of stakeholders.
pub fn coverage<'a>(list: impl IntoIterator<Item = &'a Stakeholder>) -> Coverage {
    let mut c = Coverage::default();
    for s in list {
        if s.role == DecisionRole::DecisionMaker {
            c.total += 1;
            if s.support >= 1 {
                c.covered += 1;
            }
        }
    }
    c
}

/// The last contact of every stakeholder who has one, as a day number, by stakeholder id.
pub fn last_contacts(ws: &Workspace) -> HashMap<String, i64> {
    let mut out: HashMap<String, i64> = HashMap::new();
    let mut put = |id: &str, date: &str| {
        if let Some(d) = day_number(date) {
            let e = out.entry(id.to_string()).or_insert(d);
            *e = (*e).max(d);
        }
    };
    for s in &ws.mcr.stakeholders {
        put(&s.id, &s.last_contact);
    }
    for c in &ws.mcr.contacts {
        put(&c.stakeholder, &c.date);
    }
    for e in &ws.engagement.entries {
        if e.status == Status::Done {
            for s in &e.stakeholders {
                put(s, &e.date);
            }
        }
    }
    out
}

/// A red flag of an account's relationships.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// A key account with no stakeholder recorded: its decision chain is unknown.
    NoStakeholders,
    /// Decision makers at support ≤ 0 (stakeholder ids).
    DecisionMakerAgainst(Vec<String>),
    /// No coach.
    NoCoach,
    /// Stakeholders without an owner (ids).
    NoOwner(Vec<String>),
    /// Stakeholders not contacted within the threshold, or never (ids).
    Stale(Vec<String>),
    /// Every key stakeholder (two or more) owned by this one person.
    SingleThread(String),
    /// Decision makers owned by someone who plays neither AR nor AD on the account (ids).
    LevelMismatch(Vec<String>),
}

impl Flag {
    /// Identifier used in catalogue keys, class names and test ids.
    pub fn key(&self) -> &'static str {
        match self {
            Flag::NoStakeholders => "no_stakeholders",
            Flag::DecisionMakerAgainst(_) => "decision_maker_against",
            Flag::NoCoach => "no_coach",
            Flag::NoOwner(_) => "no_owner",
            Flag::Stale(_) => "stale",
            Flag::SingleThread(_) => "single_thread",
            Flag::LevelMismatch(_) => "level_mismatch",
        }
    }

    /// The stakeholder ids the flag names (none for the account-wide ones).
    pub fn stakeholders(&self) -> &[String] {
        match self {
            Flag::DecisionMakerAgainst(v)
            | Flag::NoOwner(v)
            | Flag::Stale(v)
            | Flag::LevelMismatch(v) => v,
            _ => &[],
        }
    }
}

/// What the flags of an account are judged against.
pub struct FlagContext<'a> {
    /// The reference day ("today").
    pub today: Option<i64>,
    /// Stale after this many days.
    pub stale_days: u32,
    /// Last contact per stakeholder ([`last_contacts`]).
    pub last: &'a HashMap<String, i64>,
    /// The role each person plays on each account: `(person, account)` → role ids.
    pub roles_on: HashMap<(&'a str, &'a str), Vec<&'a str>>,
    /// Each person's home role.
    pub home_role: HashMap<&'a str, &'a str>,
}

impl<'a> FlagContext<'a> {
    /// The context of a workspace, given its last contacts.
    pub fn new(ws: &'a Workspace, last: &'a HashMap<String, i64>) -> FlagContext<'a> {
        let mut roles_on: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
        for a in &ws.org.assignments {
            roles_on
                .entry((a.person.as_str(), a.account.as_str()))
                .or_default()
                .push(a.role.as_str());
        }
        FlagContext {
            today: day_number(&ws.meta.today),
            stale_days: ws.mcr.settings.stale_days,
            last,
            roles_on,
            home_role: ws
                .org
                .people
                .iter()
                .map(|p| (p.id.as_str(), p.role.as_str()))
                .collect(),
        }
    }

    /// True when `person` plays AR or AD on `account` (their assignments there, else their home
    /// role).
    fn at_level(&self, person: &str, account: &str) -> bool {
        let senior = |r: &str| r == AR || r == AD;
        match self.roles_on.get(&(person, account)) {
            Some(roles) => roles.iter().any(|r| senior(r)),
            None => self.home_role.get(person).is_some_and(|r| senior(r)),
        }
    }

    /// Days since the stakeholder's last contact (`None` when never contacted or no today).
    pub fn days_since(&self, id: &str) -> Option<i64> {
        Some(self.today? - self.last.get(id)?)
    }

    fn is_stale(&self, id: &str) -> bool {
        match (self.today, self.last.get(id)) {
            (Some(today), Some(last)) => today - last > i64::from(self.stale_days),
            (_, None) => true,
            (None, Some(_)) => false,
        }
    }
}

/// The red flags of one account's stakeholders, in a fixed order. `key_account`: whether an
/// account with no stakeholder gets [`Flag::NoStakeholders`].
pub fn flags(
    account: &str,
    list: &[&Stakeholder],
    ctx: &FlagContext<'_>,
    key_account: bool,
) -> Vec<Flag> {
    let mut out = Vec::new();
    if list.is_empty() {
        if key_account {
            out.push(Flag::NoStakeholders);
        }
        return out;
    }
    let ids = |pred: &dyn Fn(&Stakeholder) -> bool| -> Vec<String> {
        list.iter()
            .filter(|s| pred(s))
            .map(|s| s.id.clone())
            .collect()
    };
    let against = ids(&|s| s.role == DecisionRole::DecisionMaker && s.support <= 0);
    if !against.is_empty() {
        out.push(Flag::DecisionMakerAgainst(against));
    }
    if !list.iter().any(|s| s.is_coach()) {
        out.push(Flag::NoCoach);
    }
    let no_owner = ids(&|s| s.owner.as_deref().is_none_or(str::is_empty));
    if !no_owner.is_empty() {
        out.push(Flag::NoOwner(no_owner));
    }
    let stale = ids(&|s| ctx.is_stale(&s.id));
    if !stale.is_empty() {
        out.push(Flag::Stale(stale));
    }
    let key: Vec<&&Stakeholder> = list.iter().filter(|s| s.layer == Layer::Key).collect();
    if key.len() >= 2 {
        let owners: HashSet<Option<&str>> = key.iter().map(|s| s.owner.as_deref()).collect();
        if let [Some(owner)] = owners.into_iter().collect::<Vec<_>>()[..] {
            if !owner.is_empty() {
                out.push(Flag::SingleThread(owner.to_string()));
            }
        }
    }
    let level = ids(&|s| {
        s.role == DecisionRole::DecisionMaker
            && s.owner
                .as_deref()
                .is_some_and(|o| !o.is_empty() && !ctx.at_level(o, account))
    });
    if !level.is_empty() {
        out.push(Flag::LevelMismatch(level));
    }
    out
}

/// The relationship health of one account.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountHealth {
    /// Customer id.
    pub account: String,
    /// Customer name.
    pub name: String,
    /// Tier id, if the customer is in one.
    pub tier: Option<String>,
    /// Position of the tier (0 = top); tierless accounts last.
    pub tier_rank: usize,
    /// Number of stakeholders.
    pub stakeholders: usize,
    /// Relationship score −100…100.
    pub score: Option<f64>,
    /// Decision-maker coverage.
    pub coverage: Coverage,
    /// True when a coach is among the stakeholders.
    pub has_coach: bool,
    /// The red flags.
    pub flags: Vec<Flag>,
}

impl AccountHealth {
    /// True when the account has this flag.
    pub fn has(&self, key: &str) -> bool {
        self.flags.iter().any(|f| f.key() == key)
    }
}

/// The health of one account from its stakeholders.
pub fn account_health(
    ws: &Workspace,
    account: &str,
    tiers: &HashMap<String, String>,
    ctx: &FlagContext<'_>,
) -> AccountHealth {
    let list: Vec<&Stakeholder> = ws.mcr.of_account(account).collect();
    let tier = tiers.get(account).cloned();
    let key_account = tier.as_deref().is_some_and(|t| ws.org.is_account_tier(t));
    let tier_rank = tier
        .as_deref()
        .and_then(|t| ws.tiering.tiers.iter().position(|x| x.id == t))
        .unwrap_or(usize::MAX);
    AccountHealth {
        account: account.to_string(),
        name: ws
            .customers
            .iter()
            .find(|c| c.id == account)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| account.to_string()),
        tier,
        tier_rank,
        stakeholders: list.len(),
        score: score(list.iter().copied()),
        coverage: coverage(list.iter().copied()),
        has_coach: list.iter().any(|s| s.is_coach()),
        flags: flags(account, &list, ctx, key_account),
    }
}

/// The health of every account that is a key account (its tier is one of the organisation's
/// account tiers) or has stakeholders: top tier first, within a tier the accounts without a
/// coach first, then the lowest score first.
pub fn health(ws: &Workspace) -> Vec<AccountHealth> {
    let tiers = ws.tier_map();
    let last = last_contacts(ws);
    let ctx = FlagContext::new(ws, &last);
    let with_stakeholders: HashSet<&str> = ws
        .mcr
        .stakeholders
        .iter()
        .map(|s| s.account.as_str())
        .collect();
    let mut out: Vec<AccountHealth> = ws
        .customers
        .iter()
        .filter(|c| {
            with_stakeholders.contains(c.id.as_str())
                || tiers.get(&c.id).is_some_and(|t| ws.org.is_account_tier(t))
        })
        .map(|c| account_health(ws, &c.id, &tiers, &ctx))
        .collect();
    out.sort_by(|a, b| {
        (a.tier_rank, a.has_coach)
            .cmp(&(b.tier_rank, b.has_coach))
            .then(
                a.score
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&b.score.unwrap_or(f64::NEG_INFINITY)),
            )
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// The relationship health of a tier.
#[derive(Clone, Debug, PartialEq)]
pub struct TierHealth {
    /// Tier id.
    pub tier: String,
    /// Accounts of the tier in the health list.
    pub accounts: usize,
    /// Mean score of the accounts that have one.
    pub mean_score: Option<f64>,
    /// Decision-maker coverage over all of the tier's decision makers.
    pub coverage: Coverage,
    /// Accounts with at least one flag.
    pub flagged: usize,
    /// Accounts without a coach.
    pub without_coach: usize,
}

/// The health of each tier that has accounts in `health`, in tier order.
pub fn tier_health(health: &[AccountHealth]) -> Vec<TierHealth> {
    let mut by_tier: BTreeMap<usize, TierHealth> = BTreeMap::new();
    let mut scores: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    for h in health {
        let Some(tier) = &h.tier else { continue };
        let t = by_tier.entry(h.tier_rank).or_insert_with(|| TierHealth {
            tier: tier.clone(),
            accounts: 0,
            mean_score: None,
            coverage: Coverage::default(),
            flagged: 0,
            without_coach: 0,
        });
        t.accounts += 1;
        t.coverage.add(h.coverage);
        t.flagged += usize::from(!h.flags.is_empty());
        t.without_coach += usize::from(!h.has_coach);
        if let Some(s) = h.score {
            scores.entry(h.tier_rank).or_default().push(s);
        }
    }
    by_tier
        .into_iter()
        .map(|(rank, mut t)| {
            if let Some(v) = scores.get(&rank) {
                t.mean_score = Some(v.iter().sum::<f64>() / v.len() as f64);
            }
            t
        })
        .collect()
}

/// The pooled decision-maker coverage, in percent, of the accounts `take` accepts (`None`
/// without decision makers among them): the figure KPI indicators of kind stakeholder coverage
/// take.
pub fn pooled_coverage_pct(mcr: &Mcr, take: impl Fn(&str) -> bool) -> Option<f64> {
    coverage(mcr.stakeholders.iter().filter(|s| take(&s.account))).pct()
}

/// True when an MCR plan item is past its due date (before the reference day `today`) and not
/// done.
pub fn plan_item_overdue(item: &PlanItem, today: Option<i64>) -> bool {
    item.status != ItemStatus::Done
        && matches!((day_number(&item.due), today), (Some(d), Some(t)) if d < t)
}

/// The VCT checks of an account, oldest first (same day: by id).
pub fn vct_history<'a>(checks: &'a [VctCheck], account: &str) -> Vec<&'a VctCheck> {
    let mut v: Vec<&VctCheck> = checks.iter().filter(|c| c.account == account).collect();
    v.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    v
}

/// A relationship score as shown: signed and rounded ("+31", "−12", "0"), a dash without one.
pub fn score_text(score: Option<f64>) -> String {
    match score {
        Some(s) if s > 0.0 => format!("+{:.0}", s),
        Some(s) if s < 0.0 => format!("−{:.0}", -s),
        Some(_) => "0".to_string(),
        None => "—".to_string(),
    }
}
