//! The SPEC defaults of the organisation tools, in Chinese and English: roles, the coverage
//! template and the purchase process here; role cards and RACI in [`duties`]; sources, ladders
//! and enablement in [`talent`].

pub mod duties;
pub mod talent;

use std::collections::BTreeMap;

use super::{
    CoverageRow, Doubling, Involvement, PurchaseStage, RoleDef, TriangleType, AD, AR, FR, SR,
};

/// The four built-in roles (SPEC §1 glossary).
pub fn roles() -> Vec<RoleDef> {
    [
        (AD, "系统部部长 / 客户群总监", "Account director"),
        (AR, "客户责任人", "Account responsible"),
        (SR, "解决方案责任人", "Solution responsible"),
        (FR, "交付履行责任人", "Fulfilment responsible"),
    ]
    .into_iter()
    .map(|(id, zh, en)| RoleDef {
        id: id.to_string(),
        name_zh: zh.to_string(),
        name_en: en.to_string(),
        built_in: true,
        notes: String::new(),
        updated_at: 0,
    })
    .collect()
}

/// FTE per role as a map.
fn fte(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
    pairs.iter().map(|(r, f)| (r.to_string(), *f)).collect()
}

/// The coverage template of SPEC §3.4 (our assumption, editable), one row per tier × triangle
/// type:
///
/// | tier | AD | AR | SR | FR |
/// |---|---|---|---|---|
/// | strategic (growth, mature) | 0.5 | 1 | 1 | 1 |
/// | strategic (expansion) | 0.5 | 1 | 1 | 0.5, the AR doubling as FR |
/// | value | – | 1 | 0.5 | 0.5 |
/// | potential | – | 0.25 | 0.1 | – |
/// | ordinary, general | – | 0.05 (pooled) | – | – |
///
/// The SPEC varies only strategic accounts by triangle type; the other tiers have the same row
/// for all three types so that each can be edited on its own.
pub fn templates() -> Vec<CoverageRow> {
    let mut rows = Vec::new();
    for tier in ["strategic", "value", "potential", "ordinary", "general"] {
        for triangle in TriangleType::ALL {
            let expansion = triangle == TriangleType::Expansion;
            let (fte, doubles) = match tier {
                "strategic" if expansion => (
                    fte(&[(AD, 0.5), (AR, 1.0), (SR, 1.0), (FR, 0.5)]),
                    vec![Doubling {
                        by: AR.to_string(),
                        covers: FR.to_string(),
                    }],
                ),
                "strategic" => (fte(&[(AD, 0.5), (AR, 1.0), (SR, 1.0), (FR, 1.0)]), vec![]),
                "value" => (fte(&[(AR, 1.0), (SR, 0.5), (FR, 0.5)]), vec![]),
                "potential" => (fte(&[(AR, 0.25), (SR, 0.1)]), vec![]),
                _ => (fte(&[(AR, 0.05)]), vec![]),
            };
            rows.push(CoverageRow {
                id: format!("{tier}.{}", triangle.key()),
                tier: tier.to_string(),
                triangle,
                fte,
                doubles,
                pooled: matches!(tier, "ordinary" | "general"),
                updated_at: 0,
            });
        }
    }
    rows
}

/// The six stages of the customer's purchase process (SPEC §3.4) with who leads and who takes
/// part (our assumption, editable). One lead each:
///
/// | stage | AD | AR | SR | FR |
/// |---|---|---|---|---|
/// | 业务调研 business research | – | lead | part | – |
/// | 战略规划 strategic planning | part | part | lead | – |
/// | 资金批复 budget approval | part | lead | part | – |
/// | 招标采购 tender | – | part | lead | part |
/// | 合同签订 contract | part | lead | part | part |
/// | 交付验收 delivery acceptance | – | part | part | lead |
///
/// The AR owns the relationship and the commercial steps, the SR shapes the customer's plan and
/// the bid, the FR the delivery; the AD joins where executives decide.
pub fn stages() -> Vec<PurchaseStage> {
    use Involvement::{Lead as L, None as N, Participate as P};
    let rows: [(&str, &str, &str, [Involvement; 4]); 6] = [
        (
            "business_research",
            "业务调研",
            "Business research",
            [N, L, P, N],
        ),
        (
            "strategic_planning",
            "战略规划",
            "Strategic planning",
            [P, P, L, N],
        ),
        (
            "budget_approval",
            "资金批复",
            "Budget approval",
            [P, L, P, N],
        ),
        ("tender", "招标采购", "Tender", [N, P, L, P]),
        ("contract", "合同签订", "Contract", [P, L, P, P]),
        (
            "delivery_acceptance",
            "交付验收",
            "Delivery acceptance",
            [N, P, P, L],
        ),
    ];
    rows.into_iter()
        .map(|(id, zh, en, parts)| PurchaseStage {
            id: id.to_string(),
            name_zh: zh.to_string(),
            name_en: en.to_string(),
            cells: [AD, AR, SR, FR]
                .into_iter()
                .zip(parts)
                .filter(|(_, p)| *p != N)
                .map(|(r, p)| (r.to_string(), p))
                .collect(),
            notes: String::new(),
            updated_at: 0,
        })
        .collect()
}
