//! How a role of the iron triangle is named: one name per role in the interface language (the
//! other language, then the id, when that one is empty), and where the role's code (AR, SR, FR,
//! AD) is shown, after the name as a badge — the same on every page.

use yew::prelude::*;

use crate::domain::org::RoleDef;
use crate::ui::i18n::{I18n, Lang};

/// The role's name in the interface language, falling back to the other language and then to
/// its id.
pub fn role_name<'a>(i18n: &I18n, role: &'a RoleDef) -> &'a str {
    let (first, second) = match i18n.lang {
        Lang::ZhCn => (&role.name_zh, &role.name_en),
        Lang::En => (&role.name_en, &role.name_zh),
    };
    [first, second]
        .into_iter()
        .find(|n| !n.trim().is_empty())
        .map_or(role.id.as_str(), String::as_str)
}

/// The role's name followed by its code as a badge ("客户责任人 AR"); the name alone when it is
/// the code.
pub fn role_with_code(i18n: &I18n, role: &RoleDef) -> Html {
    let name = role_name(i18n, role);
    html! {
        <>
            <span class="role-name">{ name.to_string() }</span>
            if name != role.id {
                { " " }<span class="role-code">{ role.id.clone() }</span>
            }
        </>
    }
}
