//! The customer's purchase process × roles (SPEC §3.4): in each stage one role leads and others
//! take part. A stage with no lead or with several is an error on that row.

use thiserror::Error;

use super::{Involvement, OrgDesign, PurchaseStage};

/// What is wrong with a stage of the purchase process.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StageError {
    /// The stage has `count` leads (0, or 2 and more) instead of exactly one.
    #[error("stage “{stage}” has {count} leading roles; exactly one must lead")]
    LeadCount {
        /// Stage id.
        stage: String,
        /// Number of leading roles.
        count: usize,
        /// The leading roles, in role order.
        leads: Vec<String>,
    },
    /// A cell names a role that does not exist.
    #[error("stage “{stage}” names the unknown role “{role}”")]
    UnknownRole {
        /// Stage id.
        stage: String,
        /// The role id.
        role: String,
    },
}

impl StageError {
    /// Id of the stage the error is about.
    pub fn stage(&self) -> &str {
        match self {
            StageError::LeadCount { stage, .. } | StageError::UnknownRole { stage, .. } => stage,
        }
    }
}

/// The role leading the stage, when exactly one does.
pub fn lead_of<'a>(design: &'a OrgDesign, stage: &'a PurchaseStage) -> Option<&'a str> {
    let mut leads = leads(design, stage);
    match (leads.next(), leads.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The roles of the design that lead the stage, in role order. Cells of unknown roles do not
/// count (they are an error of their own).
fn leads<'a>(
    design: &'a OrgDesign,
    stage: &'a PurchaseStage,
) -> impl Iterator<Item = &'a str> + 'a {
    design
        .roles
        .iter()
        .filter(|r| stage.involvement(&r.id) == Involvement::Lead)
        .map(|r| r.id.as_str())
}

/// Every error of the purchase process, stage by stage in stage order. Empty when each stage has
/// exactly one lead and names only known roles.
pub fn check_stages(design: &OrgDesign) -> Vec<StageError> {
    let mut out = Vec::new();
    for stage in &design.stages {
        for (role, part) in &stage.cells {
            if design.role(role).is_none() && *part != Involvement::None {
                out.push(StageError::UnknownRole {
                    stage: stage.id.clone(),
                    role: role.clone(),
                });
            }
        }
        let leads: Vec<String> = leads(design, stage).map(String::from).collect();
        if leads.len() != 1 {
            out.push(StageError::LeadCount {
                stage: stage.id.clone(),
                count: leads.len(),
                leads,
            });
        }
    }
    out
}
