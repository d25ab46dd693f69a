//! Customers in and out: the import wizard ([`super::customer_import`]) and the export of the
//! tiered table as CSV for Excel.

use yew::prelude::*;

use super::customer_import::CustomerImport;
use crate::domain::dates::iso_date_from_ms;
use crate::domain::workspace::Workspace;
use crate::persist::csv_export::to_csv;
use crate::persist::files::download_text;
use crate::ui::explain::explanation_text;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::{now_ms, use_workspace};

/// The customer table with tiers and explanations, as CSV for Excel (UTF-8 with BOM, formula
/// cells neutralised). Amounts are plain yuan so that Excel can calculate with them.
pub fn customers_csv(i18n: &I18n, ws: &Workspace) -> String {
    let assignments = ws.tiering.assign_all(&ws.customers);
    let headers: Vec<String> = [
        "export.id",
        "export.name",
        "export.tier",
        "export.explanation",
        "export.industry",
        "export.industry_line",
        "export.region",
        "export.annual_purchase",
        "export.revenue",
        "export.gross_margin_pct",
        "export.wallet",
        "export.growth_pct",
        "export.industry_rank",
        "export.on_named_list",
        "export.repeat_purchase",
        "export.years_of_cooperation",
        "export.tags",
    ]
    .iter()
    .map(|k| i18n.t(k).to_string())
    .collect();
    let yes_no = |b: bool| {
        i18n.t(if b { "export.yes" } else { "export.no" })
            .to_string()
    };
    let num = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let opt = |v: Option<f64>| v.map(|v| format!("{:.2}", v)).unwrap_or_default();
    let rows = ws.customers.iter().zip(&assignments).map(|(c, a)| {
        let (tier, why) = match a {
            Some(a) => (
                ws.tiering
                    .tiers
                    .get(a.tier)
                    .map(|t| i18n.tier_name(t).to_string())
                    .unwrap_or_default(),
                explanation_text(i18n, &a.explanation),
            ),
            None => (String::new(), String::new()),
        };
        vec![
            c.id.clone(),
            c.name.clone(),
            tier,
            why,
            c.industry.clone(),
            c.industry_line.clone().unwrap_or_default(),
            c.region.clone(),
            num(c.annual_purchase),
            num(c.revenue),
            opt(c.gross_margin_pct),
            c.wallet.map(num).unwrap_or_default(),
            opt(c.effective_growth_pct()),
            c.industry_rank.map(|r| r.to_string()).unwrap_or_default(),
            yes_no(c.on_named_list),
            yes_no(c.repeat_purchase),
            c.years_of_cooperation.to_string(),
            c.tags.join(", "),
        ]
    });
    to_csv(&headers, rows)
}

/// The Import and Export buttons and the import wizard.
#[function_component(CustomerTransfer)]
pub fn customer_transfer() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let DialogSwitch { open, show, close } = use_dialog_switch();
    let export = {
        let handle = handle.clone();
        Callback::from(move |_| {
            let ws = handle.workspace();
            let text = customers_csv(&i18n, &ws);
            let name = format!(
                "{}-customers-{}.csv",
                ws.meta.name,
                iso_date_from_ms(now_ms())
            );
            let _ = download_text(&name, "text/csv;charset=utf-8", &text);
        })
    };
    html! {
        <div class="customer-transfer">
            <button type="button" class="button" onclick={show} data-testid="customers-import">{ i18n.t("import.button") }</button>
            <button type="button" class="button" onclick={export} data-testid="customers-export">{ i18n.t("export.button") }</button>
            if *open {
                <CustomerImport on_close={close} />
            }
        </div>
    }
}
