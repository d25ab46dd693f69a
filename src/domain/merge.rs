//! Comparing the open workspace ("mine") with one read from a file ("theirs"), and the three ways
//! of taking the file in: replace, merge, or a new workspace (SPEC §4).
//!
//! Entities are compared by id: customers, tiers and industry lines one by one, the workspace
//! settings (name, currency, fiscal year, reference date) and the tiering settings (mode, score
//! model, thresholds) each as one entity. An entity in both copies whose content differs (its
//! `updated_at` aside) is a *conflict*; merging takes, for each conflict, the side the user chose
//! or by default the side changed last (mine on a tie). What only the file has is added; what
//! only mine has is kept — a file cannot say whether it never had an entity or deleted it.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::tiering::{Tier, TieringConfig};
use super::workspace::{Customer, Workspace};

/// The kinds of entity compared, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// Name, currency, fiscal year and reference date (one entity, id `settings`).
    Settings,
    /// Tiering mode, score model and thresholds (one entity, id `tiering`).
    TieringSettings,
    /// A tier, by id.
    Tier,
    /// An industry line, by its name.
    IndustryLine,
    /// A customer, by id.
    Customer,
}

impl EntityKind {
    /// Every kind, in listing order.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Settings,
        EntityKind::TieringSettings,
        EntityKind::Tier,
        EntityKind::IndustryLine,
        EntityKind::Customer,
    ];

    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Settings => "settings",
            EntityKind::TieringSettings => "tiering",
            EntityKind::Tier => "tier",
            EntityKind::IndustryLine => "industry_line",
            EntityKind::Customer => "customer",
        }
    }
}

/// One entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    /// What it is.
    pub kind: EntityKind,
    /// Its id.
    pub id: String,
}

/// Which copy an entity is taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The open workspace.
    Mine,
    /// The file.
    Theirs,
}

/// An entity present in both copies with different content.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The entity.
    pub entity: EntityRef,
    /// A name to show (customer or tier name, line name; empty for the settings).
    pub label: String,
    /// When mine was last changed, ms since epoch.
    pub mine_updated_at: i64,
    /// When theirs was last changed.
    pub theirs_updated_at: i64,
    /// The side merging takes unless told otherwise: the one changed last, mine on a tie.
    pub default_side: Side,
}

/// Numbers of one kind of entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Only in the file.
    pub added: usize,
    /// In both, different.
    pub changed: usize,
    /// Only in mine (a replace removes them; a merge keeps them).
    pub removed: usize,
    /// In both, the same.
    pub unchanged: usize,
}

/// What differs between mine and theirs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Counts per kind, in [`EntityKind::ALL`] order.
    pub counts: Vec<(EntityKind, Counts)>,
    /// Entities only in the file, in its order.
    pub added: Vec<EntityRef>,
    /// Entities in both with different content.
    pub conflicts: Vec<Conflict>,
    /// Entities only in mine.
    pub removed: Vec<EntityRef>,
}

impl Comparison {
    /// True when the two copies hold the same content.
    pub fn is_identical(&self) -> bool {
        self.added.is_empty() && self.conflicts.is_empty() && self.removed.is_empty()
    }

    /// The counts of one kind.
    pub fn counts_of(&self, kind: EntityKind) -> Counts {
        self.counts
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }
}

/// The user's choice per conflict; conflicts not in the map take their default side.
pub type Choices = HashMap<EntityRef, Side>;

/// The side a conflict resolves to under `choices`.
pub fn chosen(conflict: &Conflict, choices: &Choices) -> Side {
    choices
        .get(&conflict.entity)
        .copied()
        .unwrap_or(conflict.default_side)
}

fn newer(mine: i64, theirs: i64) -> Side {
    if theirs > mine {
        Side::Theirs
    } else {
        Side::Mine
    }
}

/// True when two customers are the same apart from when they were last changed.
pub fn same_customer(a: &Customer, b: &Customer) -> bool {
    if a.updated_at == b.updated_at {
        return a == b;
    }
    let mut b = b.clone();
    b.updated_at = a.updated_at;
    *a == b
}

fn same_settings(a: &Workspace, b: &Workspace) -> bool {
    a.meta.name == b.meta.name
        && a.meta.currency == b.meta.currency
        && a.meta.fiscal_year == b.meta.fiscal_year
        && a.meta.today == b.meta.today
}

/// The names of the fields in which two records differ (`updated_at` aside), for showing a
/// conflict. Records that cannot be serialised compare as having no differing fields.
pub fn differing_fields<T: Serialize>(a: &T, b: &T) -> Vec<String> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| k.as_str() != "updated_at" && a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// Compares the open workspace with one read from a file.
pub fn compare(mine: &Workspace, theirs: &Workspace) -> Comparison {
    let mut out = Comparison::default();

    compare_single(
        EntityKind::Settings,
        same_settings(mine, theirs),
        (
            mine.meta.settings_updated_at,
            theirs.meta.settings_updated_at,
        ),
        &mut out,
    );
    compare_single(
        EntityKind::TieringSettings,
        mine.tiering.same_settings(&theirs.tiering),
        (mine.tiering.updated_at, theirs.tiering.updated_at),
        &mut out,
    );
    // Tiers.
    let counts = compare_by_id(
        EntityKind::Tier,
        &mine.tiering.tiers,
        &theirs.tiering.tiers,
        |t: &Tier| t.id.as_str(),
        |a, b| a.same_content(b),
        |t| (t.name_zh.clone(), t.updated_at),
        &mut out,
    );
    out.counts.push((EntityKind::Tier, counts));

    // Industry lines: the name is the id, so two lines are never "changed".
    let counts = compare_by_id(
        EntityKind::IndustryLine,
        &mine.industry_lines,
        &theirs.industry_lines,
        |l: &String| l.as_str(),
        |_, _| true,
        |l| (l.clone(), 0),
        &mut out,
    );
    out.counts.push((EntityKind::IndustryLine, counts));

    // Customers.
    let counts = compare_by_id(
        EntityKind::Customer,
        &mine.customers,
        &theirs.customers,
        |c: &Rc<Customer>| c.id.as_str(),
        |a, b| Rc::ptr_eq(a, b) || same_customer(a, b),
        |c| (c.name.clone(), c.updated_at),
        &mut out,
    );
    out.counts.push((EntityKind::Customer, counts));
    out
}

/// Compares an entity of which each workspace has exactly one (the settings groups); its id is
/// the kind's key.
fn compare_single(
    kind: EntityKind,
    same: bool,
    (mine_at, theirs_at): (i64, i64),
    out: &mut Comparison,
) {
    let mut counts = Counts::default();
    if same {
        counts.unchanged = 1;
    } else {
        counts.changed = 1;
        out.conflicts.push(Conflict {
            entity: EntityRef {
                kind,
                id: kind.key().to_string(),
            },
            label: String::new(),
            mine_updated_at: mine_at,
            theirs_updated_at: theirs_at,
            default_side: newer(mine_at, theirs_at),
        });
    }
    out.counts.push((kind, counts));
}

fn compare_by_id<T>(
    kind: EntityKind,
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
    label_time: impl Fn(&T) -> (String, i64),
    out: &mut Comparison,
) -> Counts {
    let mut counts = Counts::default();
    let by_id: HashMap<&str, &T> = mine.iter().map(|m| (id(m), m)).collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(theirs.len());
    for t in theirs {
        let key = id(t);
        if !seen.insert(key) {
            continue;
        }
        match by_id.get(key) {
            None => {
                counts.added += 1;
                out.added.push(EntityRef {
                    kind,
                    id: key.to_string(),
                });
            }
            Some(m) if same(m, t) => counts.unchanged += 1,
            Some(m) => {
                counts.changed += 1;
                let (label, mine_at) = label_time(m);
                let (_, theirs_at) = label_time(t);
                out.conflicts.push(Conflict {
                    entity: EntityRef {
                        kind,
                        id: key.to_string(),
                    },
                    label,
                    mine_updated_at: mine_at,
                    theirs_updated_at: theirs_at,
                    default_side: newer(mine_at, theirs_at),
                });
            }
        }
    }
    let mut removed_seen: HashSet<&str> = HashSet::new();
    for m in mine {
        let key = id(m);
        if !seen.contains(key) && removed_seen.insert(key) {
            counts.removed += 1;
            out.removed.push(EntityRef {
                kind,
                id: key.to_string(),
            });
        }
    }
    counts
}

/// Replace: the file's content under the open workspace's id and creation time.
pub fn replace(mine: &Workspace, theirs: &Workspace) -> Workspace {
    let mut next = theirs.clone();
    next.meta.id = mine.meta.id.clone();
    next.meta.created_at = mine.meta.created_at;
    next
}

/// Import as a new workspace: the file's content under a new id.
pub fn as_new(theirs: &Workspace, new_id: &str, now_ms: i64) -> Workspace {
    let mut next = theirs.clone();
    next.meta.id = new_id.to_string();
    next.meta.created_at = now_ms;
    next.meta.is_demo = false;
    next
}

/// Merge: mine, with what only the file has added and each conflict resolved by `choices` (or
/// its default side). The order of mine is kept; added customers come last, added tiers after
/// the tier that precedes them in the file, added industry lines last.
pub fn merge(
    mine: &Workspace,
    theirs: &Workspace,
    comparison: &Comparison,
    choices: &Choices,
) -> Workspace {
    let take: HashSet<&EntityRef> = comparison
        .conflicts
        .iter()
        .filter(|c| chosen(c, choices) == Side::Theirs)
        .map(|c| &c.entity)
        .collect();
    let takes = |kind: EntityKind, id: &str| {
        take.contains(&EntityRef {
            kind,
            id: id.to_string(),
        })
    };
    let mut next = mine.clone();

    if takes(EntityKind::Settings, EntityKind::Settings.key()) {
        next.meta.name = theirs.meta.name.clone();
        next.meta.currency = theirs.meta.currency.clone();
        next.meta.fiscal_year = theirs.meta.fiscal_year;
        next.meta.today = theirs.meta.today.clone();
        next.meta.settings_updated_at = theirs.meta.settings_updated_at;
    }
    if takes(
        EntityKind::TieringSettings,
        EntityKind::TieringSettings.key(),
    ) {
        let t = &theirs.tiering;
        next.tiering.mode = t.mode;
        next.tiering.score = t.score.clone();
        next.tiering.diagnostics = t.diagnostics.clone();
        next.tiering.curses = t.curses.clone();
        next.tiering.updated_at = t.updated_at;
    }
    next.tiering = merge_tiers(&next.tiering, &theirs.tiering, |id| {
        takes(EntityKind::Tier, id)
    });

    for line in &theirs.industry_lines {
        if !next.industry_lines.contains(line) {
            next.industry_lines.push(line.clone());
        }
    }

    let theirs_by_id: HashMap<&str, &Rc<Customer>> = theirs
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    for c in next.customers.iter_mut() {
        if takes(EntityKind::Customer, &c.id) {
            if let Some(t) = theirs_by_id.get(c.id.as_str()) {
                *c = Rc::clone(t);
            }
        }
    }
    let mine_ids: HashSet<&str> = mine.customers.iter().map(|c| c.id.as_str()).collect();
    let mut added: HashSet<&str> = HashSet::new();
    for c in &theirs.customers {
        if !mine_ids.contains(c.id.as_str()) && added.insert(c.id.as_str()) {
            next.customers.push(Rc::clone(c));
        }
    }
    next
}

fn merge_tiers(
    mine: &TieringConfig,
    theirs: &TieringConfig,
    takes: impl Fn(&str) -> bool,
) -> TieringConfig {
    let mut next = mine.clone();
    for tier in next.tiers.iter_mut() {
        if takes(&tier.id) {
            if let Some(t) = theirs.tiers.iter().find(|t| t.id == tier.id) {
                *tier = t.clone();
            }
        }
    }
    for (i, t) in theirs.tiers.iter().enumerate() {
        if next.tiers.iter().any(|x| x.id == t.id) {
            continue;
        }
        let at = match i.checked_sub(1).and_then(|p| theirs.tiers.get(p)) {
            Some(prev) => next
                .tiers
                .iter()
                .position(|x| x.id == prev.id)
                .map_or(next.tiers.len(), |p| p + 1),
            None => 0,
        };
        next.tiers.insert(at, t.clone());
    }
    next
}
