//! Tool 4 — role responsibilities (铁三角四角色岗位职责, SPEC §3.5): a card per role with its
//! responsibilities and key activities, and the RACI matrix of key activities × roles. Each
//! activity needs exactly one A (accountable) and at least one R (responsible); anything else is
//! an error on that row.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Bilingual, OrgDesign};

/// A role's part in an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Raci {
    /// Responsible: does the work.
    R,
    /// Accountable: owns the result; exactly one per activity.
    A,
    /// Consulted before.
    C,
    /// Informed after.
    I,
}

impl Raci {
    /// The four letters, in RACI order.
    pub const ALL: [Raci; 4] = [Raci::R, Raci::A, Raci::C, Raci::I];

    /// The letter.
    pub fn letter(self) -> &'static str {
        match self {
            Raci::R => "R",
            Raci::A => "A",
            Raci::C => "C",
            Raci::I => "I",
        }
    }
}

/// One line of a role card (a responsibility or a key activity).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Duty {
    /// Stable id.
    pub id: String,
    /// The text in both languages.
    pub text: Bilingual,
}

/// The card of one role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleCard {
    /// Stable id.
    pub id: String,
    /// Role id.
    pub role: String,
    /// One sentence on what the role is for.
    pub mission: Bilingual,
    /// Responsibilities.
    pub responsibilities: Vec<Duty>,
    /// Key activities (what the person does week to week).
    pub key_activities: Vec<Duty>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// One row of the RACI matrix.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Letter per role id; a role not listed has no part.
    pub raci: BTreeMap<String, Raci>,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// Tool 4's document: the role cards and the RACI matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Duties {
    /// One card per role, in role order.
    pub cards: Vec<RoleCard>,
    /// Key activities × roles.
    pub activities: Vec<Activity>,
}

impl Default for Duties {
    /// The SPEC §3.5 cards of AD, AR, SR, FR and the default RACI matrix.
    fn default() -> Self {
        Duties {
            cards: super::defaults::duties::cards(),
            activities: super::defaults::duties::activities(),
        }
    }
}

impl Duties {
    /// The card of `role`.
    pub fn card(&self, role: &str) -> Option<&RoleCard> {
        self.cards.iter().find(|c| c.role == role)
    }
}

/// What is wrong with a row of the RACI matrix.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RaciError {
    /// No role is accountable.
    #[error("activity “{activity}” has no A (accountable); exactly one is needed")]
    NoAccountable {
        /// Activity id.
        activity: String,
    },
    /// Several roles are accountable.
    #[error("activity “{activity}” has {count} A's ({roles:?}); exactly one is needed")]
    SeveralAccountable {
        /// Activity id.
        activity: String,
        /// How many.
        count: usize,
        /// The accountable roles.
        roles: Vec<String>,
    },
    /// No role is responsible.
    #[error("activity “{activity}” has no R (responsible); at least one is needed")]
    NoResponsible {
        /// Activity id.
        activity: String,
    },
    /// A cell names a role that does not exist.
    #[error("activity “{activity}” names the unknown role “{role}”")]
    UnknownRole {
        /// Activity id.
        activity: String,
        /// The role id.
        role: String,
    },
}

impl RaciError {
    /// Id of the activity the error is about.
    pub fn activity(&self) -> &str {
        match self {
            RaciError::NoAccountable { activity }
            | RaciError::SeveralAccountable { activity, .. }
            | RaciError::NoResponsible { activity }
            | RaciError::UnknownRole { activity, .. } => activity,
        }
    }
}

/// The roles of the design holding `letter` in the activity, in role order (cells of unknown
/// roles are not counted; they are an error of their own).
fn holders(design: &OrgDesign, activity: &Activity, letter: Raci) -> Vec<String> {
    design
        .roles
        .iter()
        .filter(|r| activity.raci.get(&r.id) == Some(&letter))
        .map(|r| r.id.clone())
        .collect()
}

/// Every error of the RACI matrix, row by row in activity order. Empty when each activity has
/// exactly one A, at least one R and names only known roles.
pub fn check_raci(design: &OrgDesign, duties: &Duties) -> Vec<RaciError> {
    let mut out = Vec::new();
    for activity in &duties.activities {
        let id = || activity.id.clone();
        for role in activity.raci.keys() {
            if design.role(role).is_none() {
                out.push(RaciError::UnknownRole {
                    activity: id(),
                    role: role.clone(),
                });
            }
        }
        let a = holders(design, activity, Raci::A);
        match a.len() {
            0 => out.push(RaciError::NoAccountable { activity: id() }),
            1 => {}
            count => out.push(RaciError::SeveralAccountable {
                activity: id(),
                count,
                roles: a,
            }),
        }
        if holders(design, activity, Raci::R).is_empty() {
            out.push(RaciError::NoResponsible { activity: id() });
        }
    }
    out
}

/// How many activities a role holds, per letter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RaciCount {
    /// Role id.
    pub role: String,
    /// Activities where the role is R.
    pub r: usize,
    /// … A.
    pub a: usize,
    /// … C.
    pub c: usize,
    /// … I.
    pub i: usize,
}

impl RaciCount {
    /// Activities the role has any part in.
    pub fn total(&self) -> usize {
        self.r + self.a + self.c + self.i
    }
}

/// Per role of the design, in role order, how many activities it holds per letter.
pub fn raci_counts(design: &OrgDesign, duties: &Duties) -> Vec<RaciCount> {
    design
        .roles
        .iter()
        .map(|role| {
            let mut count = RaciCount {
                role: role.id.clone(),
                ..RaciCount::default()
            };
            for activity in &duties.activities {
                match activity.raci.get(&role.id) {
                    Some(Raci::R) => count.r += 1,
                    Some(Raci::A) => count.a += 1,
                    Some(Raci::C) => count.c += 1,
                    Some(Raci::I) => count.i += 1,
                    None => {}
                }
            }
            count
        })
        .collect()
}
