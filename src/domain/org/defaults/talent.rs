//! Default talent sources, growth ladders and enablement per role (SPEC §3.8). The SPEC names the
//! sources (R&D transfer 研发转岗, delivery/service transfer 交付/服务转岗, experienced hire 社招,
//! campus 校招) and the enablement measures; the shares, lead times, ramp-ups and ladders are our
//! assumptions, editable:
//!
//! - lead time (start of hiring → arrival): an internal transfer 2 months (handing over the old
//!   job; 1 for delivery staff moving to FR, who hand over fastest), an experienced hire 3 months
//!   (search plus the usual one-month notice; 4 for a senior AD hire), a campus hire 6 months
//!   (autumn offers, graduates join in summer), an internal promotion to AD 1 month;
//! - ramp-up (arrival → fully productive): 3–4 months for someone who already knows our products
//!   or delivery (R&D → SR, delivery → FR), 6 for experienced hires and for transfers into the
//!   AR role, 9–12 for graduates (a year of training-in-battle).
//!
//! | role | sources (share %, lead, ramp-up months) |
//! |---|---|
//! | AD | internal promotion 70 (1, 3) · experienced hire 30 (4, 6) |
//! | AR | experienced hire 50 (3, 6) · campus 30 (6, 12) · delivery/service transfer 20 (2, 6) |
//! | SR | R&D transfer 50 (2, 4) · experienced hire 30 (3, 6) · campus 20 (6, 12) |
//! | FR | delivery/service transfer 60 (1, 3) · experienced hire 30 (3, 4) · campus 10 (6, 9) |

use super::super::talent::{Enablement, LadderStep, RoleTalent, Source};
use super::super::{Bilingual, AD, AR, FR, SR};

/// A source of `role`: (id, share %, lead time, ramp-up).
fn source(role: &str, (id, share, lead, ramp): (&str, f64, u32, u32)) -> Source {
    let (zh, en) = match id {
        "rd_transfer" => ("研发转岗", "R&D transfer"),
        "delivery_transfer" => ("交付/服务转岗", "Delivery/service transfer"),
        "experienced_hire" => ("社招", "Experienced hire"),
        "campus" => ("校招", "Campus hire"),
        _ => ("内部晋升", "Internal promotion"),
    };
    Source {
        id: format!("{}-{id}", role.to_lowercase()),
        name_zh: zh.to_string(),
        name_en: en.to_string(),
        share_pct: share,
        lead_time_months: lead,
        ramp_up_months: ramp,
        notes: String::new(),
        updated_at: 0,
    }
}

/// A ladder of `role`: (level, title zh, title en, typical years, criteria zh, criteria en).
fn ladder(role: &str, steps: &[(&str, &str, &str, f64, &str, &str)]) -> Vec<LadderStep> {
    steps
        .iter()
        .map(|&(level, zh, en, years, czh, cen)| LadderStep {
            id: format!("{}-{}", role.to_lowercase(), level.to_lowercase()),
            level: level.to_string(),
            title_zh: zh.to_string(),
            title_en: en.to_string(),
            typical_years: years,
            criteria: Bilingual::new(czh, cen),
            updated_at: 0,
        })
        .collect()
}

/// The three enablement measures of SPEC §3.8, for `role`.
fn enablement(role: &str) -> Vec<Enablement> {
    [
        (
            "training_in_battle",
            "训战结合",
            "Training-in-battle",
            "课堂学习与真实项目作战交替，以战代训",
            "Classroom modules alternate with live deals: people learn by fighting",
        ),
        (
            "zigzag_rotation",
            "之字形轮岗",
            "Zig-zag rotation",
            "在AR、SR、FR之间以及一线与机关之间轮换，培养复合型人才",
            "Rotation between AR, SR and FR, and between the field and headquarters",
        ),
        (
            "mentoring",
            "导师制",
            "Mentoring",
            "每位新人配一名资深导师，前六个月每周辅导",
            "Each newcomer gets a senior mentor, with weekly coaching for six months",
        ),
    ]
    .into_iter()
    .map(|(id, zh, en, dzh, den)| Enablement {
        id: format!("{}-{id}", role.to_lowercase()),
        name_zh: zh.to_string(),
        name_en: en.to_string(),
        description: Bilingual::new(dzh, den),
        updated_at: 0,
    })
    .collect()
}

/// Sources, ladder and enablement of AD, AR, SR and FR.
pub fn roles() -> Vec<RoleTalent> {
    let role = |id: &str, sources: &[(&str, f64, u32, u32)], steps: Vec<LadderStep>| RoleTalent {
        id: format!("talent-{}", id.to_lowercase()),
        role: id.to_string(),
        sources: sources.iter().map(|&s| source(id, s)).collect(),
        ladder: steps,
        enablement: enablement(id),
        updated_at: 0,
    };
    vec![
        role(
            AD,
            &[
                ("internal_promotion", 70.0, 1, 3),
                ("experienced_hire", 30.0, 4, 6),
            ],
            ladder(
                AD,
                &[
                    (
                        "L4",
                        "系统部副部长",
                        "Deputy account director",
                        8.0,
                        "作为AR带领过战略客户铁三角",
                        "Has led a strategic account's triangle as AR",
                    ),
                    (
                        "L5",
                        "系统部部长",
                        "Account director",
                        10.0,
                        "客户群连续两年达成经营目标",
                        "Account group on target two years running",
                    ),
                    (
                        "L6",
                        "客户群总监",
                        "Account-group director",
                        14.0,
                        "管理多个系统部并培养出部长",
                        "Runs several departments and has grown directors",
                    ),
                ],
            ),
        ),
        role(
            AR,
            &[
                ("experienced_hire", 50.0, 3, 6),
                ("campus", 30.0, 6, 12),
                ("delivery_transfer", 20.0, 2, 6),
            ],
            ladder(
                AR,
                &[
                    (
                        "L1",
                        "助理客户经理",
                        "Associate account manager",
                        0.0,
                        "完成训战结合培训并能独立拜访客户",
                        "Completed training-in-battle; visits customers alone",
                    ),
                    (
                        "L2",
                        "客户经理",
                        "Account manager",
                        2.0,
                        "独立负责潜力客户并完成年度目标",
                        "Owns potential accounts and meets their targets",
                    ),
                    (
                        "L3",
                        "高级客户经理",
                        "Senior account manager",
                        5.0,
                        "负责价值客户，关键客户关系达标",
                        "Owns a value account with its key relationships in place",
                    ),
                    (
                        "L4",
                        "战略客户AR",
                        "Strategic-account AR",
                        8.0,
                        "带领战略客户铁三角并完成客户规划",
                        "Leads a strategic account's triangle and its plan",
                    ),
                ],
            ),
        ),
        role(
            SR,
            &[
                ("rd_transfer", 50.0, 2, 4),
                ("experienced_hire", 30.0, 3, 6),
                ("campus", 20.0, 6, 12),
            ],
            ladder(
                SR,
                &[
                    (
                        "L1",
                        "解决方案工程师",
                        "Solution engineer",
                        0.0,
                        "掌握主力产品并能独立做技术交流",
                        "Knows the main products; runs technical exchanges alone",
                    ),
                    (
                        "L2",
                        "解决方案经理",
                        "Solution manager",
                        2.0,
                        "独立完成方案设计、报价和投标",
                        "Designs, prices and bids solutions alone",
                    ),
                    (
                        "L3",
                        "高级解决方案经理",
                        "Senior solution manager",
                        5.0,
                        "主导战略客户的标前引导并赢得重大项目",
                        "Shapes strategic accounts' tenders and wins major bids",
                    ),
                    (
                        "L4",
                        "解决方案专家",
                        "Solution expert",
                        8.0,
                        "行业解决方案的规划者与布道者",
                        "Plans and evangelises the industry solution",
                    ),
                ],
            ),
        ),
        role(
            FR,
            &[
                ("delivery_transfer", 60.0, 1, 3),
                ("experienced_hire", 30.0, 3, 4),
                ("campus", 10.0, 6, 9),
            ],
            ladder(
                FR,
                &[
                    (
                        "L1",
                        "交付工程师",
                        "Delivery engineer",
                        0.0,
                        "按计划完成安装调测",
                        "Installs and commissions to plan",
                    ),
                    (
                        "L2",
                        "交付项目经理",
                        "Delivery project manager",
                        3.0,
                        "独立管理项目从订单到验收",
                        "Runs a project from order to acceptance alone",
                    ),
                    (
                        "L3",
                        "高级交付经理",
                        "Senior delivery manager",
                        6.0,
                        "管理战略客户的交付与风险",
                        "Runs a strategic account's delivery and its risks",
                    ),
                    (
                        "L4",
                        "交付总监",
                        "Delivery director",
                        10.0,
                        "建设交付能力并对客户满意度负责",
                        "Builds delivery capability; owns satisfaction",
                    ),
                ],
            ),
        ),
    ]
}
