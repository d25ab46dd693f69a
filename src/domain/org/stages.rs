//! Editing the customer's purchase process (SPEC §3.4): adding, renaming, moving and deleting
//! stages and setting a role's part in one. The one-lead check is [`super::process::check_stages`].

use super::{Involvement, OrgDesign, PurchaseStage};

/// A stage id not used in `design`: `stage-<n>`, the smallest `n` from 1 that is free.
pub fn next_stage_id(design: &OrgDesign) -> String {
    (1..)
        .map(|n| format!("stage-{n}"))
        .find(|id| !design.stages.iter().any(|s| &s.id == id))
        .unwrap_or_default()
}

/// `design` with a new stage at the end, with the names given (trimmed) and no role involved yet
/// (so it shows the "no lead" error until one is chosen).
pub fn add_stage(design: &OrgDesign, zh: &str, en: &str) -> OrgDesign {
    let mut next = design.clone();
    next.stages.push(PurchaseStage {
        id: next_stage_id(design),
        name_zh: zh.trim().to_string(),
        name_en: en.trim().to_string(),
        ..PurchaseStage::default()
    });
    next
}

/// `design` with the stage's Chinese (`english` false) or English name set (trimmed).
pub fn rename_stage(design: &OrgDesign, stage: &str, english: bool, name: &str) -> OrgDesign {
    let mut next = design.clone();
    if let Some(s) = next.stages.iter_mut().find(|s| s.id == stage) {
        let slot = if english {
            &mut s.name_en
        } else {
            &mut s.name_zh
        };
        *slot = name.trim().to_string();
    }
    next
}

/// `design` with the stage moved one place up (`up`) or down; unchanged at either end.
pub fn move_stage(design: &OrgDesign, stage: &str, up: bool) -> OrgDesign {
    let mut next = design.clone();
    if let Some(i) = next.stages.iter().position(|s| s.id == stage) {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(j) = j.filter(|j| *j < next.stages.len()) {
            next.stages.swap(i, j);
        }
    }
    next
}

/// `design` without the stage.
pub fn delete_stage(design: &OrgDesign, stage: &str) -> OrgDesign {
    let mut next = design.clone();
    next.stages.retain(|s| s.id != stage);
    next
}

/// `design` with `role`'s part in the stage set (`None` removes the cell).
pub fn set_involvement(
    design: &OrgDesign,
    stage: &str,
    role: &str,
    part: Involvement,
) -> OrgDesign {
    let mut next = design.clone();
    if let Some(s) = next.stages.iter_mut().find(|s| s.id == stage) {
        if part == Involvement::None {
            s.cells.remove(role);
        } else {
            s.cells.insert(role.to_string(), part);
        }
    }
    next
}
