//! Links to an account's plan page (`#/account/<id>`) from the lists that name an account: the
//! name itself as the link, or a small "plan" link beside a name that already opens a tool.

use yew::prelude::*;

use super::i18n::I18n;
use super::route::account_hash;

/// The account's name as a link to its plan page.
pub fn account_link(i18n: &I18n, id: &str, name: &str) -> Html {
    html! {
        <a class="account-link" href={account_hash(id)} data-testid={format!("account-link-{id}")}
           title={i18n.tf("account.plan_link_of", &[("name", name)])}>{ name.to_string() }</a>
    }
}

/// A small "plan" link to the account's plan page, for a name that opens another tool.
pub fn plan_link(i18n: &I18n, id: &str, name: &str) -> Html {
    html! {
        <a class="account-plan-link" href={account_hash(id)} data-testid={format!("account-plan-link-{id}")}
           aria-label={i18n.tf("account.plan_link_of", &[("name", name)])}>{ i18n.t("account.plan_link") }</a>
    }
}
