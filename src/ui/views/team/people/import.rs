//! Importing people from CSV / .xlsx: the one import wizard with the people table kind
//! ([`crate::persist::people_import`]); confirming adds every valid row in one undoable change.

use std::rc::Rc;

use yew::prelude::*;

use super::set_org;
use crate::domain::org::people::add_people;
use crate::persist::import::job::ReadKind;
use crate::persist::import::schema::ColumnUse;
use crate::persist::import::Table;
use crate::persist::people_import::{build_people_with, people_spec, PeopleMappingError};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::import_wizard::{ImportWizard, WizardPreview, WizardResult};
use crate::ui::state::use_workspace;

/// A mapping problem in the user's language.
fn mapping_error_text(i18n: &I18n, e: &PeopleMappingError) -> String {
    match e {
        PeopleMappingError::NoNameColumn => i18n.t("team_admin.import_no_name").to_string(),
        PeopleMappingError::NoRoleColumn => i18n.t("team_admin.import_no_role").to_string(),
        PeopleMappingError::DuplicateTarget(t) => {
            let field = people_spec()
                .fields
                .iter()
                .find(|f| f.id == t.key())
                .map_or(t.key(), |f| f.label(i18n.lang == Lang::ZhCn));
            i18n.tf("team_admin.import_duplicate", &[("field", field)])
        }
    }
}

/// Props of [`PeopleImport`].
#[derive(Properties, PartialEq)]
pub struct PeopleImportProps {
    /// Imported or cancelled.
    pub on_close: Callback<()>,
}

/// The people import wizard.
#[function_component(PeopleImport)]
pub fn people_import(props: &PeopleImportProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let refused = use_state(|| None::<AttrValue>);
    let spec = use_memo((), |_| Rc::new(people_spec().clone()));
    let roles = handle.workspace().org.roles.clone();
    let preview = Callback::from(move |(table, uses): (Rc<Table>, Rc<Vec<ColumnUse>>)| {
        Rc::new(match build_people_with(&table, &uses, &roles) {
            Err(e) => WizardPreview {
                problem: Some(mapping_error_text(&i18n, &e)),
                confirm_label: i18n.tf("team_admin.import_confirm", &[("n", "0")]),
                ..WizardPreview::default()
            },
            Ok(p) => WizardPreview {
                valid: p.people.len(),
                summary: i18n.tf(
                    "team_admin.import_summary",
                    &[
                        ("valid", &p.people.len().to_string()),
                        ("invalid", &p.invalid_rows().len().to_string()),
                        ("blank", &p.skipped_blank.to_string()),
                    ],
                ),
                confirm_label: i18n.tf(
                    "team_admin.import_confirm",
                    &[("n", &p.people.len().to_string())],
                ),
                columns: p.columns,
                errors: p.errors,
                ..WizardPreview::default()
            },
        })
    });
    let on_confirm = {
        let (handle, on_close, refused) = (handle.clone(), props.on_close.clone(), refused.clone());
        Callback::from(move |r: WizardResult| {
            let org = &handle.workspace().org;
            let Ok(p) = build_people_with(&r.table, &r.uses, &org.roles) else {
                return;
            };
            let next = add_people(org, p.people.into_iter().map(|(_, p)| p).collect());
            match set_org(&handle, &i18n, next) {
                None => on_close.emit(()),
                Some(m) => refused.set(Some(m.into())),
            }
        })
    };
    html! {
        <ImportWizard spec={(*spec).clone()} read={ReadKind::People}
            title={i18n.t("team_admin.import_title")} hint={i18n.t("team_admin.import_hint")}
            testid="people-import" preview={preview} refusal={(*refused).clone()}
            on_confirm={on_confirm} on_close={props.on_close.clone()} />
    }
}
