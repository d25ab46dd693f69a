//! The words of the account plan in one language, given by the interface: catalogue lookups and
//! the tools' own phrasing of their explanations, plus the small phrases the page and the
//! Markdown export share.

use super::{Empty, RoleLine};
use crate::domain::diagnosis::signals::Signal;
use crate::domain::engagement::completion::BehindReason;
use crate::domain::ltc::calc::Coverage;
use crate::domain::mcr::calc::Flag;
use crate::domain::org::triangle::TriangleWhy;
use crate::domain::text::in_language;
use crate::domain::tiering::{Explanation, Tier};

/// The words of the plan in one language: catalogue lookups and the tools' own phrasing of
/// their explanations.
pub trait Words {
    /// The catalogue string of `key` (the key itself when missing).
    fn t(&self, key: &str) -> String;
    /// A compact amount (1.2万 / 12K).
    fn num(&self, value: f64) -> String;
    /// True when the language is Chinese (picks the `_zh` of a bilingual name).
    fn is_zh(&self) -> bool;
    /// Why a customer is in its tier.
    fn explanation(&self, e: &Explanation) -> String;
    /// Why an account has its triangle type.
    fn triangle_why(&self, why: &TriangleWhy) -> String;
    /// A red flag of the decision chain, naming the people.
    fn flag(&self, flag: &Flag) -> String;
    /// Why the account is behind its 151 targets.
    fn behind(&self, reason: &BehindReason) -> String;
    /// A finding of the data (the diagnosis's sentence for it).
    fn signal(&self, signal: &Signal) -> String;

    /// [`Words::t`] with each `{name}` replaced by its value.
    fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key);
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// The part of a stored "中文 / English" text in this language (the whole text when it is
    /// not bilingual).
    fn local<'a>(&self, text: &'a str) -> &'a str {
        in_language(text, self.is_zh()).0
    }

    /// One of a bilingual pair.
    fn pick<'a>(&self, pair: &'a (String, String)) -> &'a str {
        match (self.is_zh(), pair.0.is_empty(), pair.1.is_empty()) {
            (true, false, _) | (false, false, true) => &pair.0,
            _ => &pair.1,
        }
    }

    /// A tier's name.
    fn tier_name(&self, tier: &Tier) -> String {
        self.pick(&(tier.name_zh.clone(), tier.name_en.clone()))
            .to_string()
    }

    /// What would fill an empty block.
    fn empty(&self, e: Empty) -> String {
        self.t(&format!("account.empty_{}", e.key()))
    }
}

/// "label: value" in the language's punctuation.
pub fn kv(w: &dyn Words, label: &str, value: &str) -> String {
    w.tf("account.kv", &[("label", label), ("value", value)])
}

/// A role's name with its id when they differ: "交付履行责任人 (FR)".
pub fn role_label(w: &dyn Words, role: &RoleLine) -> String {
    let name = w.pick(&role.name);
    if name == role.role {
        name.to_string()
    } else {
        format!("{name} ({})", role.role)
    }
}

/// Coverage in words: "4.1×", "target met", "no target".
pub fn coverage_text(w: &dyn Words, c: Option<Coverage>) -> String {
    match c {
        Some(Coverage::Ratio(r)) => format!("{r:.1}×"),
        Some(Coverage::TargetMet) => w.t("account.cov_met"),
        Some(Coverage::NoTarget) | None => w.t("account.cov_no_target"),
    }
}
