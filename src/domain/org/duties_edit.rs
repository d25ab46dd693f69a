//! Edits of Tool 4's document (role cards, RACI matrix) that the page offers: a RACI cell set
//! from a typed letter or cycled by a click, items moved and numbered, a card created for a role
//! that has none or reset to its default. Pure: each takes the document and returns the next one.

use super::duties::{Activity, Duties, Duty, Raci, RoleCard};
use super::{Bilingual, OrgDesign};

impl Raci {
    /// The letter a user typed (`r`, `A`, …), case-insensitive; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Raci> {
        match key.trim().to_ascii_uppercase().as_str() {
            "R" => Some(Raci::R),
            "A" => Some(Raci::A),
            "C" => Some(Raci::C),
            "I" => Some(Raci::I),
            _ => None,
        }
    }

    /// The next value of a cell clicked in turn: — → R → A → C → I → —.
    pub fn cycle(current: Option<Raci>) -> Option<Raci> {
        match current {
            None => Some(Raci::R),
            Some(Raci::R) => Some(Raci::A),
            Some(Raci::A) => Some(Raci::C),
            Some(Raci::C) => Some(Raci::I),
            Some(Raci::I) => None,
        }
    }
}

/// `duties` with the cell of `role` in activity `activity` set to `value` (`None` clears it).
/// Unchanged when there is no such activity.
pub fn set_raci(duties: &Duties, activity: &str, role: &str, value: Option<Raci>) -> Duties {
    let mut next = duties.clone();
    if let Some(a) = next.activities.iter_mut().find(|a| a.id == activity) {
        match value {
            Some(v) => {
                a.raci.insert(role.to_string(), v);
            }
            None => {
                a.raci.remove(role);
            }
        }
    }
    next
}

/// Moves the item at `from` one place up (`up`) or down; false (and nothing moved) at the ends or
/// when `from` is out of range.
pub fn move_item<T>(items: &mut [T], from: usize, up: bool) -> bool {
    let to = if up {
        from.checked_sub(1)
    } else {
        Some(from + 1)
    };
    match to {
        Some(to) if from < items.len() && to < items.len() => {
            items.swap(from, to);
            true
        }
        _ => false,
    }
}

/// The first id `<prefix><n>` (n = 1, 2, …) not in `taken`.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_else(|| prefix.to_string())
}

/// A new, empty line for `card`'s list `kind` (`resp` or `act`), with an id no line of the card
/// uses.
pub fn new_duty(card: &RoleCard, kind: &str) -> Duty {
    let key = card.role.to_lowercase();
    let taken = card
        .responsibilities
        .iter()
        .chain(&card.key_activities)
        .map(|d| d.id.as_str());
    Duty {
        id: fresh_id(&format!("{key}-{kind}-"), taken),
        text: Bilingual::default(),
    }
}

/// `card` as it is saved: lines with no text in either language are dropped and texts trimmed.
pub fn tidy_card(card: &RoleCard) -> RoleCard {
    let tidy = |lines: &[Duty]| -> Vec<Duty> {
        lines
            .iter()
            .map(|d| Duty {
                id: d.id.clone(),
                text: Bilingual::new(d.text.zh.trim(), d.text.en.trim()),
            })
            .filter(|d| !d.text.zh.is_empty() || !d.text.en.is_empty())
            .collect()
    };
    RoleCard {
        mission: Bilingual::new(card.mission.zh.trim(), card.mission.en.trim()),
        responsibilities: tidy(&card.responsibilities),
        key_activities: tidy(&card.key_activities),
        ..card.clone()
    }
}

/// `duties` with `card` in place of the card of its role; a card for a role that had none is
/// inserted after the cards of the roles before it in `design` (cards follow role order).
pub fn put_card(design: &OrgDesign, duties: &Duties, card: RoleCard) -> Duties {
    let mut next = duties.clone();
    if let Some(slot) = next.cards.iter_mut().find(|c| c.role == card.role) {
        *slot = card;
        return next;
    }
    let rank = |role: &str| design.roles.iter().position(|r| r.id == role);
    let mine = rank(&card.role);
    let at = next
        .cards
        .iter()
        .position(|c| match (rank(&c.role), mine) {
            (Some(theirs), Some(mine)) => theirs > mine,
            _ => false,
        })
        .unwrap_or(next.cards.len());
    next.cards.insert(at, card);
    next
}

/// An empty card for `role`, with an id no card of `duties` uses.
pub fn blank_card(duties: &Duties, role: &str) -> RoleCard {
    let key = role.to_lowercase();
    let base = format!("card-{key}");
    let id = if duties.cards.iter().any(|c| c.id == base) {
        fresh_id(
            &format!("{base}-"),
            duties.cards.iter().map(|c| c.id.as_str()),
        )
    } else {
        base
    };
    RoleCard {
        id,
        role: role.to_string(),
        ..RoleCard::default()
    }
}

/// The default card of `role` (the SPEC §3.5 cards of AD, AR, SR, FR); `None` for a custom role.
pub fn default_card(role: &str) -> Option<RoleCard> {
    super::defaults::duties::cards()
        .into_iter()
        .find(|c| c.role == role)
}

/// `duties` with the card of `role` back to its default (keeping the card's id); unchanged for a
/// role without a default.
pub fn reset_card(design: &OrgDesign, duties: &Duties, role: &str) -> Duties {
    let Some(mut card) = default_card(role) else {
        return duties.clone();
    };
    if let Some(old) = duties.card(role) {
        card.id = old.id.clone();
        card.notes = old.notes.clone();
        card.updated_at = old.updated_at;
    }
    put_card(design, duties, card)
}

/// True when the card of `role` has the content of its default (id, notes and time aside).
pub fn is_default_card(card: &RoleCard) -> bool {
    default_card(&card.role).is_some_and(|d| {
        d.mission == card.mission
            && d.responsibilities == card.responsibilities
            && d.key_activities == card.key_activities
    })
}

/// A new activity named `name`, with an id no activity of `duties` uses and no cell set, placed
/// at the end.
pub fn add_activity(duties: &Duties, name: Bilingual) -> Duties {
    let mut next = duties.clone();
    let id = fresh_id("activity-", duties.activities.iter().map(|a| a.id.as_str()));
    next.activities.push(Activity {
        id,
        name_zh: name.zh,
        name_en: name.en,
        ..Activity::default()
    });
    next
}
