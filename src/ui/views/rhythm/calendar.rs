//! The fiscal year as 12 month grids: days with meetings are marked; choosing a month or a day
//! lists its meetings.

use std::rc::Rc;

use yew::prelude::*;

use super::{date_text, meeting_name, month_name, weekday_name, RhythmData};
use crate::domain::governance::calendar::{CalendarDay, CalendarMonth};
use crate::domain::governance::hours::sessions;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_workspace;

/// Props of [`CalendarView`].
#[derive(Properties, PartialEq)]
pub struct CalendarViewProps {
    /// The page's figures.
    pub data: Rc<RhythmData>,
}

/// What the list under the grids shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Selection {
    Month(u32),
    Day(u32, u32),
}

/// A month's days in weeks, Monday first; `None` pads the first and last week.
fn weeks(mo: &CalendarMonth) -> Vec<Vec<Option<&CalendarDay>>> {
    let blanks = mo.first_weekday.clamp(1, 7) as usize - 1;
    let mut cells: Vec<Option<&CalendarDay>> = vec![None; blanks];
    cells.extend(mo.days.iter().map(Some));
    cells.resize(cells.len().div_ceil(7) * 7, None);
    cells.chunks(7).map(<[_]>::to_vec).collect()
}

/// What the shading of a day means: one meeting, several, the chosen day.
fn legend(i18n: &I18n) -> Html {
    let items = [
        (classes!("rhythm-day", "has-meetings"), "rhythm.legend_one"),
        (
            classes!("rhythm-day", "has-meetings", "is-busy"),
            "rhythm.legend_busy",
        ),
        (
            classes!("rhythm-day", "has-meetings", "is-current"),
            "rhythm.legend_current",
        ),
        (classes!("rhythm-day"), "rhythm.legend_none"),
    ];
    html! {
        <ul class="rhythm-legend" data-testid="rhythm-legend" aria-label={i18n.t("rhythm.legend")}>
            { for items.into_iter().map(|(class, key)| html! {
                <li><span class={classes!(class, "rhythm-legend-swatch")} aria-hidden="true">{ "8" }</span>{ i18n.t(key) }</li>
            }) }
        </ul>
    }
}

/// The year calendar.
#[function_component(CalendarView)]
pub fn calendar_view(props: &CalendarViewProps) -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    let selection = use_state(|| Selection::Month(1));
    let cal = &props.data.calendar;
    let meetings = &ws.governance.meetings;
    let select = |s: Selection| {
        let selection = selection.clone();
        Callback::from(move |_| selection.set(s))
    };
    let (list_title, days): (String, Vec<&CalendarDay>) = match *selection {
        Selection::Month(m) => (
            i18n.tf(
                "rhythm.list_month",
                &[
                    ("month", &month_name(&i18n, m)),
                    ("year", &cal.year.to_string()),
                ],
            ),
            cal.months
                .get((m - 1) as usize)
                .map(|mo| mo.days.iter().filter(|d| !d.meetings.is_empty()).collect())
                .unwrap_or_default(),
        ),
        Selection::Day(m, d) => {
            let day = cal
                .months
                .get((m - 1) as usize)
                .and_then(|mo| mo.days.get((d - 1) as usize));
            (
                day.map(|day| date_text(&i18n, day.date))
                    .unwrap_or_default(),
                day.into_iter().collect(),
            )
        }
    };
    let count: usize = days.iter().map(|d| d.meetings.len()).sum();
    let day_cell = |day: &CalendarDay| -> Html {
        let (m, d) = (day.date.month, day.date.day);
        let n = day.meetings.len();
        if n == 0 {
            return html! { <span class="rhythm-day print-as-text">{ d }</span> };
        }
        let names: Vec<&str> = day
            .meetings
            .iter()
            .filter_map(|&i| meetings.get(i))
            .map(|mt| meeting_name(&i18n, mt))
            .collect();
        let label = format!("{} — {}", date_text(&i18n, day.date), names.join(", "));
        let current = *selection == Selection::Day(m, d);
        html! {
            <button type="button" title={label.clone()} aria-label={label}
                    class={classes!("rhythm-day", "print-as-text", "has-meetings", (n > 1).then_some("is-busy"), current.then_some("is-current"))}
                    onclick={select(Selection::Day(m, d))}
                    data-testid={format!("day-{m}-{d}")} data-count={n.to_string()}>
                { d }
            </button>
        }
    };
    html! {
        <div class="rhythm-calendar">
            <p class="muted">{ i18n.tf("rhythm.calendar_hint", &[("year", &cal.year.to_string()), ("total", &cal.total.to_string())]) }</p>
            { legend(&i18n) }
            <div class="rhythm-months" data-testid="rhythm-calendar">
                { for cal.months.iter().map(|mo| {
                    let m = mo.month;
                    let current = matches!(*selection, Selection::Month(s) if s == m);
                    html! {
                        <section class={classes!("rhythm-month", current.then_some("is-current"))}
                                 data-testid={format!("month-{m}")} data-count={mo.occurrences.to_string()}>
                            <button type="button" class="rhythm-month-title print-as-text" onclick={select(Selection::Month(m))}
                                    aria-pressed={current.to_string()} data-testid={format!("month-title-{m}")}>
                                <span>{ month_name(&i18n, m) }</span>
                                <span class="rhythm-month-count" data-testid={format!("month-count-{m}")}>
                                    { i18n.tf("rhythm.month_count", &[("count", &mo.occurrences.to_string())]) }
                                </span>
                            </button>
                            <table class="rhythm-grid" aria-label={month_name(&i18n, m)}>
                                <thead><tr>
                                    { for (1..=7u8).map(|d| html! {
                                        <th scope="col" class="rhythm-wd" aria-label={weekday_name(&i18n, d)}>
                                            { i18n.t(&format!("rhythm.wd_{d}")).to_string() }
                                        </th>
                                    }) }
                                </tr></thead>
                                <tbody>
                                    { for weeks(mo).iter().map(|week| html! {
                                        <tr>{ for week.iter().map(|cell| html! {
                                            <td>{ cell.map(&day_cell).unwrap_or_default() }</td>
                                        }) }</tr>
                                    }) }
                                </tbody>
                            </table>
                        </section>
                    }
                }) }
            </div>
            <section class="card rhythm-day-list" aria-live="polite">
                <h3 class="card-title" data-testid="rhythm-list-title">
                    { list_title }{ " · " }{ i18n.tf("rhythm.month_count", &[("count", &count.to_string())]) }
                </h3>
                if days.is_empty() {
                    <p class="muted">{ i18n.t("rhythm.list_empty") }</p>
                } else {
                    <table class="data-table" data-testid="rhythm-list">
                        <thead><tr>
                            <th>{ i18n.t("rhythm.col_date") }</th>
                            <th>{ i18n.t("rhythm.col_meeting") }</th>
                            <th>{ i18n.t("rhythm.col_time") }</th>
                            <th class="num">{ i18n.t("rhythm.col_sessions") }</th>
                        </tr></thead>
                        <tbody>
                        { for days.iter().flat_map(|day| day.meetings.iter().map(move |&i| (day.date, i))).filter_map(|(date, i)| {
                            let mt = meetings.get(i)?;
                            let (h, mi) = mt.start();
                            Some(html! {
                                <tr data-testid="rhythm-list-row">
                                    <td>{ format!("{} {}", date.iso(), weekday_name(&i18n, date.weekday() as u8)) }</td>
                                    <td>{ meeting_name(&i18n, mt).to_string() }</td>
                                    <td>{ format!("{h:02}:{mi:02} · {}", i18n.tf("rhythm.hours_short", &[("hours", &super::hours_text(mt.duration_hours))])) }</td>
                                    <td class="num">{ sessions(mt, &props.data.accounts) }</td>
                                </tr>
                            })
                        }) }
                        </tbody>
                    </table>
                }
            </section>
        </div>
    }
}
