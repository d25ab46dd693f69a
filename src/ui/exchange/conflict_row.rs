//! One conflict as a table row — its kind, name, what differs, when each side changed it and a
//! mine / theirs choice — shared by the workspace import's review and the merge with another
//! tab's version.

use yew::prelude::*;

use crate::domain::merge::{Conflict, EntityKind, Side};
use crate::ui::clock::local_datetime_seconds;
use crate::ui::i18n::{use_i18n, I18n, Lang};

/// The name of a kind of entity, in the user's language.
pub fn kind_label<'a>(i18n: &I18n, kind: EntityKind) -> &'a str {
    match kind {
        EntityKind::Settings => i18n.t("exchange.kind.settings"),
        EntityKind::TieringSettings => i18n.t("exchange.kind.tiering"),
        EntityKind::Tier => i18n.t("exchange.kind.tier"),
        EntityKind::IndustryLine => i18n.t("exchange.kind.industry_line"),
        EntityKind::Customer => i18n.t("exchange.kind.customer"),
        EntityKind::OrgSettings => i18n.t("exchange.kind.org_settings"),
        EntityKind::Role => i18n.t("exchange.kind.role"),
        EntityKind::CoverageTemplate => i18n.t("exchange.kind.template"),
        EntityKind::PurchaseStage => i18n.t("exchange.kind.stage"),
        EntityKind::Person => i18n.t("exchange.kind.person"),
        EntityKind::Assignment => i18n.t("exchange.kind.assignment"),
        EntityKind::TriangleOverride => i18n.t("exchange.kind.triangle_override"),
        EntityKind::RoleCard => i18n.t("exchange.kind.role_card"),
        EntityKind::Activity => i18n.t("exchange.kind.activity"),
        EntityKind::RoleTalent => i18n.t("exchange.kind.talent_role"),
        EntityKind::TalentPlan => i18n.t("exchange.kind.talent_plan"),
        EntityKind::EngagementTarget => i18n.t("exchange.kind.engagement_target"),
        EntityKind::EngagementEntry => i18n.t("exchange.kind.engagement_entry"),
        EntityKind::EngagementRule => i18n.t("exchange.kind.engagement_rule"),
        EntityKind::GovernanceBody => i18n.t("exchange.kind.governance_body"),
        EntityKind::Meeting => i18n.t("exchange.kind.meeting"),
        EntityKind::KpiScorecard => i18n.t("exchange.kind.kpi_scorecard"),
        EntityKind::KpiCascade => i18n.t("exchange.kind.kpi_cascade"),
        EntityKind::KpiActual => i18n.t("exchange.kind.kpi_actual"),
        EntityKind::BusinessLine => i18n.t("exchange.kind.business_line"),
        EntityKind::TargetMix => i18n.t("exchange.kind.target_mix"),
        EntityKind::Insight => i18n.t("exchange.kind.insight"),
        EntityKind::Opportunity => i18n.t("exchange.kind.opportunity"),
        EntityKind::Design => i18n.t("exchange.kind.design"),
        EntityKind::WhitespaceCell => i18n.t("exchange.kind.whitespace_cell"),
        EntityKind::LtcStage => i18n.t("exchange.kind.ltc_stage"),
        EntityKind::LtcOpportunity => i18n.t("exchange.kind.ltc_opportunity"),
        EntityKind::LtcContract => i18n.t("exchange.kind.ltc_contract"),
        EntityKind::LtcTarget => i18n.t("exchange.kind.ltc_target"),
        EntityKind::LtcSettings => i18n.t("exchange.kind.ltc_settings"),
        EntityKind::McrStakeholder => i18n.t("exchange.kind.mcr_stakeholder"),
        EntityKind::McrContact => i18n.t("exchange.kind.mcr_contact"),
        EntityKind::McrPlanItem => i18n.t("exchange.kind.mcr_plan_item"),
        EntityKind::McrVct => i18n.t("exchange.kind.mcr_vct"),
        EntityKind::McrSettings => i18n.t("exchange.kind.mcr_settings"),
        EntityKind::DiagnosisStatement => i18n.t("exchange.kind.diagnosis_statement"),
        EntityKind::DiagnosisRespondent => i18n.t("exchange.kind.diagnosis_respondent"),
        EntityKind::DiagnosisSymptom => i18n.t("exchange.kind.diagnosis_symptom"),
    }
}

/// A conflict's name in the user's language ("—" for the settings groups).
pub fn conflict_label(i18n: &I18n, c: &Conflict) -> String {
    let label = match i18n.lang {
        Lang::En if !c.label_en.is_empty() => &c.label_en,
        _ => &c.label,
    };
    if label.is_empty() {
        "—".to_string()
    } else {
        label.clone()
    }
}

/// Field names (as the records serialise them) in the user's language, as one list.
pub fn field_list(i18n: &I18n, fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| {
            let key = format!("exchange.field.{f}");
            let label = i18n.t(&key);
            if label == key {
                f.clone()
            } else {
                label.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(i18n.t("explain.list_separator"))
}

/// The header row of a table of [`ConflictRow`]s; `mine_at` and `theirs_at` are the catalogue
/// keys of the two time columns (this workspace / the file, or this tab / the other tab).
pub fn conflict_head(i18n: &I18n, mine_at: &str, theirs_at: &str) -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ i18n.t("exchange.col.kind") }</th>
                <th scope="col">{ i18n.t("exchange.col.name") }</th>
                <th scope="col">{ i18n.t("exchange.col.fields") }</th>
                <th scope="col">{ i18n.t(mine_at) }</th>
                <th scope="col">{ i18n.t(theirs_at) }</th>
                <th scope="col">{ i18n.t("exchange.col.take") }</th>
            </tr>
        </thead>
    }
}

/// Props of [`ConflictRow`].
#[derive(Properties, PartialEq)]
pub struct ConflictRowProps {
    /// The conflict.
    pub conflict: Conflict,
    /// What differs, already in the user's language.
    pub fields: AttrValue,
    /// The side chosen now.
    pub side: Side,
    /// A side was picked.
    pub on_pick: Callback<Side>,
    /// Names the radio group (unique per table) and the row's test id.
    pub scope: AttrValue,
    /// The label of the choice for mine ("this workspace" or "this tab").
    pub mine_label: AttrValue,
    /// The label of the choice for theirs ("the file" or "the other tab").
    pub theirs_label: AttrValue,
}

/// One conflict with its mine / theirs choice.
#[function_component(ConflictRow)]
pub fn conflict_row(props: &ConflictRowProps) -> Html {
    let i18n = use_i18n();
    let c = &props.conflict;
    let when = |t: i64| {
        if t > 0 {
            local_datetime_seconds(t)
        } else {
            "—".to_string()
        }
    };
    let pick = |s: Side| {
        let on_pick = props.on_pick.clone();
        Callback::from(move |_| on_pick.emit(s))
    };
    let group = format!(
        "{}-take-{}-{}",
        props.scope,
        c.entity.kind.key(),
        c.entity.id
    );
    html! {
        <tr data-testid={format!("{}-conflict", props.scope)} data-kind={c.entity.kind.key()} data-id={c.entity.id.clone()}>
            <td>{ kind_label(&i18n, c.entity.kind) }</td>
            <td>{ conflict_label(&i18n, c) }</td>
            <td class="muted" data-testid="conflict-fields">{ props.fields.clone() }</td>
            <td class={classes!((c.default_side == Side::Mine && c.mine_updated_at != c.theirs_updated_at).then_some("is-newer"))}>
                { when(c.mine_updated_at) }</td>
            <td class={classes!((c.default_side == Side::Theirs).then_some("is-newer"))}>
                { when(c.theirs_updated_at) }</td>
            <td class="ws-import-take">
                <label>
                    <input type="radio" name={group.clone()} checked={props.side == Side::Mine}
                           onchange={pick(Side::Mine)} data-testid="take-mine" />
                    { props.mine_label.clone() }
                </label>
                <label>
                    <input type="radio" name={group} checked={props.side == Side::Theirs}
                           onchange={pick(Side::Theirs)} data-testid="take-theirs" />
                    { props.theirs_label.clone() }
                </label>
            </td>
        </tr>
    }
}
