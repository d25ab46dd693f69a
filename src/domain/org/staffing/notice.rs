//! What the staffing calculation reports instead of counting silently.

use crate::domain::org::TriangleType;

/// Something in the data the calculations could not use as it stands.
#[derive(Clone, Debug, PartialEq)]
pub enum StaffingNotice {
    /// The assignment names a person who does not exist; not counted.
    UnknownPerson {
        /// Assignment id.
        assignment: String,
        /// The person id given.
        person: String,
    },
    /// The assignment names a customer that does not exist; not counted.
    UnknownCustomer {
        /// Assignment id.
        assignment: String,
        /// The customer id given.
        customer: String,
    },
    /// The assignment names a customer that is not an account (its tier is not an account tier);
    /// counted in the person's load only.
    NotAnAccount {
        /// Assignment id.
        assignment: String,
        /// Customer id.
        customer: String,
    },
    /// The assignment names a role that does not exist; not counted.
    UnknownRole {
        /// Assignment id.
        assignment: String,
        /// The role id given.
        role: String,
    },
    /// The assignment's FTE is not a positive number; not counted.
    InvalidFte {
        /// Assignment id.
        assignment: String,
        /// The FTE given.
        fte: f64,
    },
    /// A person plays a role other than their own on an account, and the template does not say
    /// that their role doubles as it; counted.
    RoleMismatch {
        /// Assignment id.
        assignment: String,
        /// Person id.
        person: String,
        /// The person's home role.
        person_role: String,
        /// The role played.
        role: String,
    },
    /// The same person, account and role appear in an earlier assignment too; both are counted.
    DuplicateAssignment {
        /// Assignment id.
        assignment: String,
        /// Id of the earlier one.
        first: String,
    },
    /// A person's role does not exist; their capacity counts for no role.
    PersonUnknownRole {
        /// Person id.
        person: String,
        /// The role id given.
        role: String,
    },
    /// A person's capacity is not a number ≥ 0; taken as 0.
    InvalidCapacity {
        /// Person id.
        person: String,
        /// The capacity given.
        capacity: f64,
    },
    /// No template row for the account's tier and triangle type; it requires nothing.
    NoTemplate {
        /// Customer id.
        account: String,
        /// Tier id.
        tier: String,
        /// Triangle type.
        triangle: TriangleType,
    },
    /// A template row gives FTE to a role that does not exist; ignored.
    TemplateUnknownRole {
        /// Row id.
        template: String,
        /// The role id.
        role: String,
    },
    /// A template row's FTE is not a number ≥ 0; taken as 0.
    InvalidTemplateFte {
        /// Row id.
        template: String,
        /// Role id.
        role: String,
        /// The FTE given.
        fte: f64,
    },
}
