//! Editing the people of the account teams (SPEC §3.4): reading a capacity as typed, checking a
//! person before it is saved, new ids, and removing a person together with their assignments so
//! that no assignment is left naming nobody.

use thiserror::Error;

use super::{OrgDesign, Person};
use crate::domain::sort::sort_by_key;
use crate::domain::values::{half_width, parse_percent};

/// Highest capacity a person may have, in FTE: a full-time person plus overtime of a half. More
/// than that is almost certainly a typo (e.g. `100` for 100 %).
pub const MAX_CAPACITY_FTE: f64 = 1.5;

/// Longest name, level, source or note accepted, in characters.
pub const MAX_PERSON_TEXT_CHARS: usize = 500;

/// Why a capacity cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CapacityError {
    /// Not a number (nor a percentage).
    #[error("not a number: write e.g. 1, 0.5 or 50%")]
    NotANumber,
    /// Zero, negative or above [`MAX_CAPACITY_FTE`].
    #[error("the capacity must be more than 0 and at most 1.5 FTE")]
    OutOfRange,
}

/// Reads a capacity in FTE: `1`, `0.5`, `50%` → 0.5, `100%` → 1.0, an optional `FTE` after the number (`0.8 FTE`), full-width forms too. The result is
/// finite, more than 0 and at most [`MAX_CAPACITY_FTE`].
pub fn parse_capacity(text: &str) -> Result<f64, CapacityError> {
    let text = half_width(text).trim().to_lowercase();
    let text = text.strip_suffix("fte").unwrap_or(&text).trim();
    let percent = text.ends_with('%');
    let value = parse_percent(text).map_err(|_| CapacityError::NotANumber)?;
    let fte = if percent { value / 100.0 } else { value };
    check_capacity(fte)
}

/// Checks a capacity already held as a number.
pub fn check_capacity(fte: f64) -> Result<f64, CapacityError> {
    if !fte.is_finite() {
        return Err(CapacityError::NotANumber);
    }
    if fte <= 0.0 || fte > MAX_CAPACITY_FTE + super::FTE_EPSILON {
        return Err(CapacityError::OutOfRange);
    }
    Ok(fte)
}

/// A field of the person form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonField {
    /// Name.
    Name,
    /// Role.
    Role,
    /// Level.
    Level,
    /// Capacity FTE.
    Capacity,
    /// Source.
    Source,
    /// Notes.
    Notes,
}

/// What is wrong with one field of the person form.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PersonProblem {
    /// The name is empty.
    #[error("a person needs a name")]
    MissingName,
    /// No role chosen.
    #[error("choose a role")]
    MissingRole,
    /// The role does not exist (any more).
    #[error("there is no role “{0}”")]
    UnknownRole(String),
    /// The capacity cannot be used.
    #[error("{0}")]
    Capacity(CapacityError),
    /// A text over [`MAX_PERSON_TEXT_CHARS`] characters.
    #[error("longer than {max} characters")]
    TooLong {
        /// The limit.
        max: usize,
    },
}

/// The person form as typed (all text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonDraft {
    /// Name.
    pub name: String,
    /// Role id.
    pub role: String,
    /// Level.
    pub level: String,
    /// Capacity as typed.
    pub capacity: String,
    /// Source.
    pub source: String,
    /// Notes.
    pub notes: String,
}

impl PersonDraft {
    /// The form filled with an existing person.
    pub fn from_person(p: &Person) -> PersonDraft {
        PersonDraft {
            name: p.name.clone(),
            role: p.role.clone(),
            level: p.level.clone(),
            capacity: format_fte(p.capacity_fte),
            source: p.source.clone(),
            notes: p.notes.clone(),
        }
    }

    /// `base` with the form's values (trimmed), or every problem, one per field at most, in form
    /// order. The role must be one of `design`'s roles.
    pub fn build(
        &self,
        design: &OrgDesign,
        base: &Person,
    ) -> Result<Person, Vec<(PersonField, PersonProblem)>> {
        let mut problems = Vec::new();
        let mut text = |field: PersonField, value: &str| -> String {
            let value = value.trim();
            if value.chars().nth(MAX_PERSON_TEXT_CHARS).is_some() {
                problems.push((
                    field,
                    PersonProblem::TooLong {
                        max: MAX_PERSON_TEXT_CHARS,
                    },
                ));
            }
            value.to_string()
        };
        let name = text(PersonField::Name, &self.name);
        let level = text(PersonField::Level, &self.level);
        let source = text(PersonField::Source, &self.source);
        let notes = text(PersonField::Notes, &self.notes);
        if name.is_empty() {
            problems.push((PersonField::Name, PersonProblem::MissingName));
        }
        let role = self.role.trim();
        if role.is_empty() {
            problems.push((PersonField::Role, PersonProblem::MissingRole));
        } else if design.role(role).is_none() {
            problems.push((PersonField::Role, PersonProblem::UnknownRole(role.into())));
        }
        let capacity = if self.capacity.trim().is_empty() {
            Ok(1.0)
        } else {
            parse_capacity(&self.capacity)
        };
        if let Err(e) = &capacity {
            problems.push((PersonField::Capacity, PersonProblem::Capacity(e.clone())));
        }
        if !problems.is_empty() {
            let order = |f: &PersonField| *f as usize;
            sort_by_key(&mut problems, |(f, _)| order(f));
            return Err(problems);
        }
        Ok(Person {
            name,
            role: role.to_string(),
            level,
            capacity_fte: capacity.unwrap_or(1.0),
            source,
            notes,
            ..base.clone()
        })
    }
}

/// An FTE figure as a user would type it: at most three decimals, no trailing zeros (0.25, 1,
/// 0.333).
pub fn format_fte(fte: f64) -> String {
    if !fte.is_finite() {
        return String::new();
    }
    let s = format!("{:.3}", fte);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A person id not used in `design`: `p-<n>` with `n` one more than the largest number of an
/// existing `p-<n>` id (so ids are not reused while the list grows), at least `p-1`.
pub fn next_person_id(design: &OrgDesign) -> String {
    next_ids(design, 1).pop().unwrap_or_else(|| "p-1".into())
}

/// `count` fresh person ids, in order (see [`next_person_id`]).
pub fn next_ids(design: &OrgDesign, count: usize) -> Vec<String> {
    let largest = design
        .people
        .iter()
        .filter_map(|p| p.id.strip_prefix("p-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let mut out = Vec::with_capacity(count);
    let mut n = largest;
    while out.len() < count {
        n = n.saturating_add(1);
        let id = format!("p-{n}");
        // A hand-made id such as "p-007" parses to 7 but is a different string; skip any clash.
        if design.person(&id).is_none() {
            out.push(id);
        }
        if n == u64::MAX {
            break;
        }
    }
    out
}

/// `design` with `people` appended, each given a fresh id ([`next_ids`]); their other fields are
/// kept as they are. One change for the whole list, so an import is one undo step.
pub fn add_people(design: &OrgDesign, people: Vec<Person>) -> OrgDesign {
    let mut next = design.clone();
    let ids = next_ids(design, people.len());
    for (mut p, id) in people.into_iter().zip(ids) {
        p.id = id;
        next.people.push(p);
    }
    next
}

/// `design` with `person` put in place of the person with its id, or appended when the id is new.
pub fn upsert_person(design: &OrgDesign, person: Person) -> OrgDesign {
    let mut next = design.clone();
    match next.people.iter_mut().find(|p| p.id == person.id) {
        Some(slot) => *slot = person,
        None => next.people.push(person),
    }
    next
}

/// How many assignments name the person.
pub fn assignment_count(design: &OrgDesign, person: &str) -> usize {
    design
        .assignments
        .iter()
        .filter(|a| a.person == person)
        .count()
}

/// `design` without the person and without every assignment naming them.
pub fn remove_person(design: &OrgDesign, person: &str) -> OrgDesign {
    let mut next = design.clone();
    next.people.retain(|p| p.id != person);
    next.assignments.retain(|a| a.person != person);
    next
}
