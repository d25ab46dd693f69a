//! The account plan's words in the interface language: the catalogue and each tool's own
//! phrasing of its explanations (tier rule, triangle type, red flags, 151 reasons).

use crate::domain::account_plan::Words;
use crate::domain::diagnosis::signals::Signal;
use crate::domain::engagement::completion::BehindReason;
use crate::domain::mcr::calc::Flag;
use crate::domain::org::triangle::TriangleWhy;
use crate::domain::tiering::Explanation;
use crate::domain::workspace::Workspace;
use crate::ui::explain::explanation_text;
use crate::ui::i18n::{I18n, Lang};
use crate::ui::views::diagnosis::evidence::signal_text;
use crate::ui::views::engagement::reason_text;
use crate::ui::views::mcr::flag_text;
use crate::ui::views::team::board::words::triangle_why;

/// [`Words`] of `i18n`'s language over `ws` (for the names a flag mentions).
pub struct PlanWords<'a> {
    /// The language.
    pub i18n: I18n,
    /// The workspace of the plan.
    pub ws: &'a Workspace,
}

impl Words for PlanWords<'_> {
    fn t(&self, key: &str) -> String {
        self.i18n.t(key).to_string()
    }

    fn num(&self, value: f64) -> String {
        self.i18n.num(value)
    }

    fn is_zh(&self) -> bool {
        self.i18n.lang == Lang::ZhCn
    }

    fn explanation(&self, e: &Explanation) -> String {
        explanation_text(&self.i18n, e)
    }

    fn triangle_why(&self, why: &TriangleWhy) -> String {
        triangle_why(&self.i18n, why)
    }

    fn flag(&self, flag: &Flag) -> String {
        flag_text(&self.i18n, self.ws, flag)
    }

    fn behind(&self, reason: &BehindReason) -> String {
        reason_text(&self.i18n, reason)
    }

    fn signal(&self, signal: &Signal) -> String {
        signal_text(&self.i18n, signal)
    }
}
