//! Diagnosis (诊断, SPEC §3.11): find the root cause before choosing the tool. Every problem of
//! a sales organisation falls on a few elements of the SOTI model — Strategy 销售战略,
//! Organization 组织阵型, Tactic 打法套路, Incentives 人才培养与激励.
//!
//! The document holds the SOTI statements (editable, both languages), the respondents who rated
//! them 1–5, and the symptom checklist with each symptom's root causes and tools. [`calc`] turns
//! them into dimension scores, the spread between respondents, the weakest dimension and the
//! ranking of tools to open first; [`signals`] reads what every tool already computes and places
//! each finding on its dimension, so the self-assessment can be set beside the data's evidence.

pub mod calc;
mod defaults;
mod demo;
pub mod signals;

pub use defaults::{default_statements, default_symptoms};
pub use demo::demo;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::org::stamp::{entity, stamp_list};

/// The lowest and highest rating of a statement.
pub const RATING_RANGE: (u8, u8) = (1, 5);

/// A dimension of the SOTI model.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Soti {
    /// 销售战略: which customers and businesses, with which goals.
    #[default]
    Strategy,
    /// 组织阵型: who faces the customer, with which roles and rhythm.
    Organization,
    /// 打法套路: how opportunities, relationships and sales actions are run.
    Tactic,
    /// 人才培养与激励: how people are assessed, paid and grown.
    Incentives,
}

impl Soti {
    /// The four dimensions in the order of the name.
    pub const ALL: [Soti; 4] = [
        Soti::Strategy,
        Soti::Organization,
        Soti::Tactic,
        Soti::Incentives,
    ];

    /// Identifier used in the file, in catalogue keys, class names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Soti::Strategy => "strategy",
            Soti::Organization => "organization",
            Soti::Tactic => "tactic",
            Soti::Incentives => "incentives",
        }
    }

    /// The dimension of a [`key`](Soti::key).
    pub fn from_key(key: &str) -> Option<Soti> {
        Soti::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The letter of the dimension in "SOTI".
    pub fn letter(self) -> char {
        match self {
            Soti::Strategy => 'S',
            Soti::Organization => 'O',
            Soti::Tactic => 'T',
            Soti::Incentives => 'I',
        }
    }

    /// Position in [`Soti::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tools that address the dimension (SPEC §3.11): S → tools 1–2, O → 3–5, T → LTC,
    /// MCR and the 151 programme, I → 6–7.
    pub fn tools(self) -> &'static [Tool] {
        match self {
            Soti::Strategy => &[Tool::Tiering, Tool::Portfolio],
            Soti::Organization => &[Tool::Team, Tool::Roles, Tool::Rhythm],
            Soti::Tactic => &[Tool::Ltc, Tool::Mcr, Tool::Engagement],
            Soti::Incentives => &[Tool::Kpi, Tool::Talent],
        }
    }
}

/// A tool of the workspace a diagnosis can point to. The keys are the ids of their views.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Tool 1: customer tiering (with the concentration analytics).
    #[default]
    Tiering,
    /// Tool 2: business portfolio and business design.
    Portfolio,
    /// Tool 3: iron-triangle organisation.
    Team,
    /// Tool 4: role responsibilities.
    Roles,
    /// Tool 5: routine management mechanism.
    Rhythm,
    /// Tool 5's 151 programme.
    Engagement,
    /// Lead to cash.
    Ltc,
    /// Manage client relationship.
    Mcr,
    /// Tool 6: differentiated KPI targets.
    Kpi,
    /// Tool 7: talent sources and growth paths.
    Talent,
}

impl Tool {
    /// Every tool, in the order of the method.
    pub const ALL: [Tool; 10] = [
        Tool::Tiering,
        Tool::Portfolio,
        Tool::Team,
        Tool::Roles,
        Tool::Rhythm,
        Tool::Engagement,
        Tool::Ltc,
        Tool::Mcr,
        Tool::Kpi,
        Tool::Talent,
    ];

    /// Identifier used in the file and the id of the tool's view (`#/<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Tool::Tiering => "tiering",
            Tool::Portfolio => "portfolio",
            Tool::Team => "team",
            Tool::Roles => "roles",
            Tool::Rhythm => "rhythm",
            Tool::Engagement => "engagement",
            Tool::Ltc => "ltc",
            Tool::Mcr => "mcr",
            Tool::Kpi => "kpi",
            Tool::Talent => "talent",
        }
    }

    /// The tool of a [`key`](Tool::key).
    pub fn from_key(key: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The dimension the tool works on.
    pub fn dimension(self) -> Soti {
        Soti::ALL
            .into_iter()
            .find(|d| d.tools().contains(&self))
            .unwrap_or_default()
    }
}

/// A statement of the self-assessment, rated 1 (not at all true) to 5 (fully true).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Statement {
    /// Stable id.
    pub id: String,
    /// The dimension it assesses.
    pub dimension: Soti,
    /// The text in Chinese.
    pub zh: String,
    /// The text in English.
    pub en: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// One person's (or one anonymous) answers to the self-assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Respondent {
    /// Stable id.
    pub id: String,
    /// Name or role; empty for an anonymous respondent.
    pub name: String,
    /// Statement id → rating 1–5; a statement not rated is absent.
    pub ratings: BTreeMap<String, u8>,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Respondent {
    /// The rating of a statement, when it is in range.
    pub fn rating(&self, statement: &str) -> Option<u8> {
        self.ratings
            .get(statement)
            .copied()
            .filter(|r| (RATING_RANGE.0..=RATING_RANGE.1).contains(r))
    }
}

/// Where a symptom comes from in the source.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SymptomGroup {
    /// The questions every company brings (销售组织能力跟不上、协同差 …).
    #[default]
    Organisation,
    /// The usual problems of key-account management.
    KeyAccounts,
    /// The three curses 进不来 / 做不大 / 留不住.
    Curse,
}

impl SymptomGroup {
    /// Every group, in the order of the source.
    pub const ALL: [SymptomGroup; 3] = [
        SymptomGroup::Organisation,
        SymptomGroup::KeyAccounts,
        SymptomGroup::Curse,
    ];

    /// Identifier used in the file, in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            SymptomGroup::Organisation => "organisation",
            SymptomGroup::KeyAccounts => "key_accounts",
            SymptomGroup::Curse => "curse",
        }
    }
}

/// A symptom of the checklist, with the root causes it points to and the tools that treat it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Symptom {
    /// Stable id.
    pub id: String,
    /// Where it comes from.
    pub group: SymptomGroup,
    /// The text in Chinese.
    pub zh: String,
    /// The text in English.
    pub en: String,
    /// The root causes (SOTI dimensions), most likely first.
    pub causes: Vec<Soti>,
    /// The tools that treat it, first choice first.
    pub tools: Vec<Tool>,
    /// Ticked: the company has this symptom.
    pub ticked: bool,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The diagnosis's document inside the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Diagnosis {
    /// The statements of the self-assessment.
    pub statements: Vec<Statement>,
    /// The respondents and their ratings.
    pub respondents: Vec<Respondent>,
    /// The symptom checklist.
    pub symptoms: Vec<Symptom>,
}

impl Default for Diagnosis {
    /// The default statements and symptoms, nobody has answered yet.
    fn default() -> Self {
        Diagnosis {
            statements: default_statements(),
            respondents: Vec::new(),
            symptoms: default_symptoms(),
        }
    }
}

entity!(Statement, id);
entity!(Respondent, id);
entity!(Symptom, id);

impl Diagnosis {
    /// The statement with this id.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }

    /// An id not used by any record yet: `<prefix>1`, `<prefix>2`, …
    pub fn next_id(&self, prefix: &str) -> String {
        let taken = |id: &str| {
            self.statements.iter().any(|s| s.id == id)
                || self.respondents.iter().any(|r| r.id == id)
                || self.symptoms.iter().any(|s| s.id == id)
        };
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }
}

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(old: &Diagnosis, new: &Diagnosis, now_ms: i64) -> Diagnosis {
    let mut next = new.clone();
    stamp_list(&old.statements, &mut next.statements, now_ms);
    stamp_list(&old.respondents, &mut next.respondents, now_ms);
    stamp_list(&old.symptoms, &mut next.symptoms, now_ms);
    next
}

/// Why a diagnosis document cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DiagnosisRefusal {
    /// Two records of one kind share an id.
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    /// A record without an id.
    #[error("a statement, respondent or symptom has no id")]
    MissingId,
    /// A statement or symptom without text in either language.
    #[error("{0} needs a text")]
    MissingText(String),
    /// A rating outside 1–5.
    #[error("the ratings of {0} must be between 1 and 5")]
    BadRating(String),
    /// A rating of a statement that does not exist.
    #[error("{respondent} rates {statement}, which is not a statement")]
    UnknownStatement {
        /// The respondent's id.
        respondent: String,
        /// The id rated.
        statement: String,
    },
}

/// Checks what the document must never hold: ids missing or used twice, statements and symptoms
/// without text, ratings out of range or of statements that do not exist. The views call it
/// before dispatching an edit, and the load path repairs until it passes.
pub fn check(d: &Diagnosis) -> Result<(), DiagnosisRefusal> {
    fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> Result<(), DiagnosisRefusal> {
        let mut seen = HashSet::new();
        for id in ids {
            if id.is_empty() {
                return Err(DiagnosisRefusal::MissingId);
            }
            if !seen.insert(id) {
                return Err(DiagnosisRefusal::DuplicateId(id.to_string()));
            }
        }
        Ok(())
    }
    unique(d.statements.iter().map(|s| s.id.as_str()))?;
    unique(d.respondents.iter().map(|r| r.id.as_str()))?;
    unique(d.symptoms.iter().map(|s| s.id.as_str()))?;
    let blank = |zh: &str, en: &str| zh.trim().is_empty() && en.trim().is_empty();
    if let Some(s) = d.statements.iter().find(|s| blank(&s.zh, &s.en)) {
        return Err(DiagnosisRefusal::MissingText(s.id.clone()));
    }
    if let Some(s) = d.symptoms.iter().find(|s| blank(&s.zh, &s.en)) {
        return Err(DiagnosisRefusal::MissingText(s.id.clone()));
    }
    let ids: HashSet<&str> = d.statements.iter().map(|s| s.id.as_str()).collect();
    for r in &d.respondents {
        for (statement, rating) in &r.ratings {
            if !ids.contains(statement.as_str()) {
                return Err(DiagnosisRefusal::UnknownStatement {
                    respondent: r.id.clone(),
                    statement: statement.clone(),
                });
            }
            if !(RATING_RANGE.0..=RATING_RANGE.1).contains(rating) {
                return Err(DiagnosisRefusal::BadRating(r.id.clone()));
            }
        }
    }
    Ok(())
}
