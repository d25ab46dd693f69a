//! What the hosts of a table import share around the wizard: the counts of a prepared import
//! turned into the wizard's preview, the template downloads (.xlsx and CSV) under the file step,
//! and file names with the workspace's name in them.

use std::rc::Rc;

use yew::prelude::*;

use super::WizardPreview;
use crate::persist::files::{download_bytes, download_text};
use crate::persist::import::rows::{ColumnSummary, MappingProblem};
use crate::persist::import::RowError;
use crate::persist::xlsx_write::{write_xlsx, Sheet};
use crate::ui::i18n::I18n;

/// The media type of an .xlsx download.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of a CSV download.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// What a prepared import would do, counted.
#[derive(Clone, Debug, Default)]
pub struct ImportCounts {
    /// Records that would be imported.
    pub valid: usize,
    /// Of them, records that replace one with the same id.
    pub updates: usize,
    /// Rows with an error.
    pub invalid: usize,
    /// Blank rows skipped.
    pub blank: usize,
    /// Every error of every invalid row.
    pub errors: Vec<RowError>,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
    /// Further facts shown with the preview.
    pub notes: Vec<String>,
}

/// The wizard's preview of a prepared import. `key(part)` names the host's messages for the
/// parts `missing` (a required column is not mapped), `summary` ({new}, {updated}, {invalid},
/// {blank}) and `confirm` ({n}); `twice` is the key of "a field is mapped twice".
pub fn counted_preview(
    i18n: &I18n,
    counts: Result<ImportCounts, MappingProblem>,
    key: impl Fn(&str) -> String,
    twice: &str,
) -> WizardPreview {
    match counts {
        Err(p) => WizardPreview {
            problem: Some(match p {
                MappingProblem::Missing(_) => i18n.t(&key("missing")).to_string(),
                MappingProblem::Twice(_) => i18n.t(twice).to_string(),
            }),
            confirm_label: i18n.tf(&key("confirm"), &[("n", "0")]),
            ..WizardPreview::default()
        },
        Ok(c) => WizardPreview {
            valid: c.valid,
            summary: i18n.tf(
                &key("summary"),
                &[
                    ("new", &c.valid.saturating_sub(c.updates).to_string()),
                    ("updated", &c.updates.to_string()),
                    ("invalid", &c.invalid.to_string()),
                    ("blank", &c.blank.to_string()),
                ],
            ),
            confirm_label: i18n.tf(&key("confirm"), &[("n", &c.valid.to_string())]),
            notes: c.notes,
            errors: c.errors,
            columns: c.columns,
            ..WizardPreview::default()
        },
    }
}

/// A file name: the message `key`, the workspace's name without the characters file systems
/// refuse (at most 40 characters), and the extension.
pub fn file_name(i18n: &I18n, key: &str, workspace_name: &str, ext: &str) -> String {
    let name = crate::ui::page_files::safe_name(workspace_name);
    format!("{}-{name}.{ext}", i18n.t(key))
}

/// The template downloads of a table kind.
pub struct Templates {
    /// The hint before the buttons.
    pub hint: String,
    /// The name of the .xlsx sheet.
    pub sheet: String,
    /// The file name without extension's message key (see [`file_name`]).
    pub file_key: String,
    /// The workspace's name, for the file name.
    pub workspace_name: String,
    /// `data-testid` prefix: the buttons are `<prefix>-template-xlsx` and `-csv`.
    pub testid: String,
    /// The rows (header first), made when a button is pressed.
    pub rows: Rc<dyn Fn() -> Vec<Vec<String>>>,
}

/// The hint and the two download buttons of a table kind's template, for the wizard's file step.
pub fn template_buttons(i18n: &I18n, t: Templates) -> Html {
    let Templates {
        hint,
        sheet,
        file_key,
        workspace_name,
        testid,
        rows,
    } = t;
    let xlsx = {
        let (rows, file_key, name) = (rows.clone(), file_key.clone(), workspace_name.clone());
        let i18n = *i18n;
        Callback::from(move |_: MouseEvent| {
            let sheet = Sheet {
                name: sheet.clone(),
                rows: rows(),
                bold_first_row: true,
                column_widths: Vec::new(),
            };
            let file = file_name(&i18n, &file_key, &name, "xlsx");
            let _ = download_bytes(&file, XLSX_MIME, &write_xlsx(&[sheet]));
        })
    };
    let csv = {
        let i18n = *i18n;
        Callback::from(move |_: MouseEvent| {
            let mut all = rows().into_iter();
            let header = all.next().unwrap_or_default();
            let text = crate::persist::csv_export::to_csv(&header, all);
            let file = file_name(&i18n, &file_key, &workspace_name, "csv");
            let _ = download_text(&file, CSV_MIME, &text);
        })
    };
    html! {
        <p class="import-template">
            <span class="muted">{ hint }</span>
            <button type="button" class="button button-small" onclick={xlsx}
                    data-testid={format!("{testid}-template-xlsx")}>
                { i18n.t("import.template_xlsx") }
            </button>
            <button type="button" class="button button-small" onclick={csv}
                    data-testid={format!("{testid}-template-csv")}>
                { i18n.t("import.template_csv") }
            </button>
        </p>
    }
}
