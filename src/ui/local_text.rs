//! A stored free text kept as "中文 / English" (the demo's notes and reasons, the default
//! governance texts), shown in the interface language with the other language on hover. Every
//! table, card and page that shows such a text goes through [`local_text`]; editors show the
//! stored text whole.

use yew::prelude::*;

use crate::domain::text::in_language;
use crate::ui::i18n::{I18n, Lang};

/// `stored` in the interface language; when it is bilingual, the other language is its `title`.
pub fn local_text(i18n: &I18n, stored: &str) -> Html {
    match in_language(stored, i18n.lang == Lang::ZhCn) {
        (shown, Some(other)) => html! {
            <span class="local-text" title={other.to_string()}>{ shown.to_string() }</span>
        },
        (shown, None) => html! { shown.to_string() },
    }
}
