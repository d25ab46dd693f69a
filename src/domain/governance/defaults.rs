//! The SPEC §3.6 defaults: two bodies and six routine meetings, in both languages.

use super::{Anchor, Body, Cadence, Meeting};
use crate::domain::org::{AD, AR, FR, SR};

fn texts(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The account-group management team and the iron-triangle team.
pub(super) fn bodies() -> Vec<Body> {
    vec![
        Body {
            id: "account_group_team".into(),
            name_zh: "客户群管理团队".into(),
            name_en: "Account-group management team".into(),
            owner_role: AD.into(),
            responsibilities: "客户群经营目标与资源决策 / Targets and resource decisions of the account group".into(),
            activities: "一报一会、季度审视、年度客户规划 / Monthly analysis, quarterly reviews, annual account plan".into(),
            tools: "客户规划(BP)、经营看板 / Account plan (BP), business dashboard".into(),
            updated_at: 0,
        },
        Body {
            id: "iron_triangle_team".into(),
            name_zh: "铁三角项目组".into(),
            name_en: "Iron-triangle team".into(),
            owner_role: AR.into(),
            responsibilities: "单客户的线索、项目与交付 / Leads, projects and delivery of one account".into(),
            activities: "周例会、线索评审、高层拜访 / Weekly sync, lead review, executive visits".into(),
            tools: "线索清单、项目进度表 / Lead list, project tracker".into(),
            updated_at: 0,
        },
    ]
}

#[allow(clippy::too_many_arguments)]
fn meeting(
    id: &str,
    zh: &str,
    en: &str,
    cadence: Cadence,
    anchor: Anchor,
    start: &str,
    hours: f64,
    roles: &[&str],
    tiers: &[&str],
    per_account: bool,
    review: bool,
    io: (&str, &str),
    body: &str,
) -> Meeting {
    Meeting {
        id: id.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        cadence,
        anchor,
        start_time: start.into(),
        duration_hours: hours,
        roles: texts(roles),
        tiers: texts(tiers),
        per_account,
        review,
        inputs: io.0.into(),
        outputs: io.1.into(),
        body: body.into(),
        updated_at: 0,
    }
}

fn weekday(weekday: u8) -> Anchor {
    Anchor {
        weekday,
        ..Anchor::default()
    }
}

fn month_day(month: u8, day: u8) -> Anchor {
    Anchor {
        month,
        day,
        ..Anchor::default()
    }
}

/// The six default meetings (our assumption of days, hours and participants; all editable).
pub(super) fn meetings() -> Vec<Meeting> {
    let both = ["strategic", "value"];
    let team = "iron_triangle_team";
    let group = "account_group_team";
    vec![
        meeting(
            "triangle_sync",
            "铁三角周例会",
            "Iron-triangle weekly sync",
            Cadence::Weekly,
            weekday(1),
            "09:00",
            1.0,
            &[AR, SR, FR],
            &both,
            true,
            false,
            (
                "本周项目与交付进展 / Project and delivery status",
                "行动项与负责人 / Actions and owners",
            ),
            team,
        ),
        meeting(
            "lead_review",
            "线索评审会",
            "Lead review",
            Cadence::Biweekly,
            weekday(3),
            "14:00",
            2.0,
            &[AD, AR, SR],
            &both,
            false,
            true,
            (
                "线索清单 / Lead list",
                "立项或关闭决定 / Go / no-go per lead",
            ),
            team,
        ),
        meeting(
            "business_analysis",
            "月度经营分析会(一报一会)",
            "Monthly business analysis (one report, one meeting)",
            Cadence::Monthly,
            Anchor {
                weekday: 5,
                last_weekday: true,
                ..Anchor::default()
            },
            "15:00",
            2.0,
            &[AD, AR, SR, FR],
            &both,
            false,
            true,
            (
                "月度经营报告 / Monthly business report",
                "纠偏措施 / Corrective actions",
            ),
            group,
        ),
        meeting(
            "quarterly_review",
            "季度业务审视",
            "Quarterly business review",
            Cadence::Quarterly,
            month_day(3, 31),
            "10:00",
            3.0,
            &[AD, AR, SR, FR],
            &both,
            true,
            true,
            (
                "季度目标完成与客户满意度 / Quarter results, customer satisfaction",
                "下季度重点 / Next quarter's priorities",
            ),
            group,
        ),
        meeting(
            "executive_visit",
            "高层拜访",
            "Executive visit",
            Cadence::Semiannual,
            month_day(4, 15),
            "10:00",
            4.0,
            &[AD, AR],
            &["strategic"],
            true,
            false,
            (
                "关系地图与拜访提纲 / Relationship map, visit brief",
                "高层共识与跟进事项 / Executive agreements, follow-ups",
            ),
            group,
        ),
        meeting(
            "account_plan",
            "年度客户规划(BP)",
            "Annual account plan (BP)",
            Cadence::Annual,
            month_day(11, 20),
            "09:00",
            8.0,
            &[AD, AR, SR, FR],
            &both,
            true,
            true,
            (
                "客户洞察、上年复盘 / Customer insight, year in review",
                "年度客户规划 / Account plan for the next year",
            ),
            group,
        ),
    ]
}
