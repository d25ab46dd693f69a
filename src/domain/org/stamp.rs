//! Change times of the organisation documents: after an edit, every record that is new or whose
//! content changed gets the time of the edit, the others keep theirs, so merging two copies can
//! tell per record which side changed it last.

use super::duties::{Activity, Duties, RoleCard};
use super::talent::{Enablement, LadderStep, RoleTalent, Source, Talent};
use super::{Assignment, CoverageRow, OrgDesign, Person, PurchaseStage, RoleDef, TriangleOverride};

/// A record with a stable key and a change time.
pub trait Entity: Clone + PartialEq {
    /// The key records are matched by (the id; the customer for a triangle override).
    fn key(&self) -> &str;
    /// Last change, ms since epoch.
    fn updated_at(&self) -> i64;
    /// Sets the change time.
    fn set_updated_at(&mut self, at: i64);
}

/// True when `a` and `b` hold the same content, their change times aside.
pub fn same_content<T: Entity>(a: &T, b: &T) -> bool {
    let mut b = b.clone();
    b.set_updated_at(a.updated_at());
    *a == b
}

/// Stamps each record of `new` that is not in `old` with the same content at `now_ms`; the
/// others keep the time they had in `old`.
pub fn stamp_list<T: Entity>(old: &[T], new: &mut [T], now_ms: i64) {
    for item in new.iter_mut() {
        match old.iter().find(|o| o.key() == item.key()) {
            Some(o) if same_content(o, item) => item.set_updated_at(o.updated_at()),
            _ => item.set_updated_at(now_ms),
        }
    }
}

/// Implements [`Entity`] for record types keyed by one of their fields and stamped through
/// their `updated_at`: `entity!(Type, key_field)`.
macro_rules! entity {
    ($t:ty, $key:ident) => {
        impl $crate::domain::org::stamp::Entity for $t {
            // The key may be another field than one named `key` (a target has both).
            #[allow(clippy::misnamed_getters)]
            fn key(&self) -> &str {
                &self.$key
            }
            fn updated_at(&self) -> i64 {
                self.updated_at
            }
            fn set_updated_at(&mut self, at: i64) {
                self.updated_at = at;
            }
        }
    };
}

pub(crate) use entity;

entity!(RoleDef, id);
entity!(CoverageRow, id);
entity!(PurchaseStage, id);
entity!(Person, id);
entity!(Assignment, id);
entity!(TriangleOverride, customer);
entity!(RoleCard, id);
entity!(Activity, id);
entity!(RoleTalent, id);
entity!(Source, id);
entity!(LadderStep, id);
entity!(Enablement, id);

/// The settings of [`OrgDesign`] (account tiers, triangle thresholds, the under-staffed
/// threshold) compared without the lists and the change time.
pub fn same_org_settings(a: &OrgDesign, b: &OrgDesign) -> bool {
    a.account_tiers == b.account_tiers
        && a.triangle_rules == b.triangle_rules
        && a.understaffed_below_pct == b.understaffed_below_pct
}

/// `new` with its records and settings stamped against `old` (see [`stamp_list`]).
pub fn stamp_org(old: &OrgDesign, new: &OrgDesign, now_ms: i64) -> OrgDesign {
    let mut next = new.clone();
    stamp_list(&old.roles, &mut next.roles, now_ms);
    stamp_list(&old.templates, &mut next.templates, now_ms);
    stamp_list(&old.stages, &mut next.stages, now_ms);
    stamp_list(&old.people, &mut next.people, now_ms);
    stamp_list(&old.assignments, &mut next.assignments, now_ms);
    stamp_list(
        &old.triangle_overrides,
        &mut next.triangle_overrides,
        now_ms,
    );
    next.updated_at = if same_org_settings(old, new) {
        old.updated_at
    } else {
        now_ms
    };
    next
}

/// `new` with its cards and activities stamped against `old`.
pub fn stamp_duties(old: &Duties, new: &Duties, now_ms: i64) -> Duties {
    let mut next = new.clone();
    stamp_list(&old.cards, &mut next.cards, now_ms);
    stamp_list(&old.activities, &mut next.activities, now_ms);
    next
}

/// `new` with each role's sources, ladder steps and enablement stamped against `old`, a role
/// stamped when anything in it changed, and the plan settings when they changed.
pub fn stamp_talent(old: &Talent, new: &Talent, now_ms: i64) -> Talent {
    let mut next = new.clone();
    for role in next.roles.iter_mut() {
        let before = old.roles.iter().find(|r| r.id == role.id);
        let empty = RoleTalent::default();
        let prev = before.unwrap_or(&empty);
        stamp_list(&prev.sources, &mut role.sources, now_ms);
        stamp_list(&prev.ladder, &mut role.ladder, now_ms);
        stamp_list(&prev.enablement, &mut role.enablement, now_ms);
    }
    stamp_list(&old.roles, &mut next.roles, now_ms);
    let mut plan = next.plan.clone();
    plan.updated_at = old.plan.updated_at;
    next.plan.updated_at = if plan == old.plan {
        old.plan.updated_at
    } else {
        now_ms
    };
    next
}
