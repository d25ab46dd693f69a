//! A jargon term with its one-line plain explanation: `<Term id="hhi">{ "HHI" }</Term>`.
//!
//! The term is focusable; its explanation shows on hover and on keyboard focus (CSS
//! `:hover` / `:focus-within`) and is the term's accessible description (`aria-describedby`).
//! [`TermNotes`] repeats the explanations as a footnote row of the table the figures are in.
//! Explanations live in the `terms` catalogue under `term.<id>` (the term's name) and
//! `term.<id>_tip` (the explanation).

use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use super::i18n::use_i18n;

/// Each rendered term gets its own explanation id, so a term shown twice on a page stays valid.
static NEXT_TIP: AtomicU32 = AtomicU32::new(0);

/// Props of [`Term`].
#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// The term's id in the catalogue (`term.<id>_tip`).
    pub id: AttrValue,
    /// The term as shown (a label or a figure's name).
    pub children: Html,
}

/// A focusable term with its explanation as a tooltip and an accessible description.
#[function_component(Term)]
pub fn term(props: &TermProps) -> Html {
    let i18n = use_i18n();
    let n = *use_memo((), |_| NEXT_TIP.fetch_add(1, Ordering::Relaxed));
    let tip_id = format!("term-tip-{}-{n}", props.id);
    html! {
        <span class="term" tabindex="0" aria-describedby={tip_id.clone()} data-term={props.id.clone()}>
            { props.children.clone() }
            <span class="term-tip" role="tooltip" id={tip_id}>
                { i18n.t(&format!("term.{}_tip", props.id)) }
            </span>
        </span>
    }
}

/// Props of [`TermNotes`].
#[derive(Properties, PartialEq)]
pub struct TermNotesProps {
    /// The terms to explain, in order.
    pub ids: Vec<&'static str>,
    /// Columns of the table the footnote row spans.
    pub colspan: u32,
}

/// A table footer row explaining each term in one plain line ("HHI: …").
#[function_component(TermNotes)]
pub fn term_notes(props: &TermNotesProps) -> Html {
    let i18n = use_i18n();
    html! {
        <tfoot class="term-notes" data-testid="term-notes">
            <tr>
                <td colspan={props.colspan.to_string()}>
                    <dl>
                        { for props.ids.iter().map(|id| html! {
                            <div class="term-note" data-term-note={*id}>
                                <dt>{ i18n.t(&format!("term.{id}")) }</dt>
                                <dd>{ i18n.t(&format!("term.{id}_tip")) }</dd>
                            </div>
                        }) }
                    </dl>
                </td>
            </tr>
        </tfoot>
    }
}
