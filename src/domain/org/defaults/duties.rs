//! Default role cards and RACI matrix (SPEC §3.5). The AR, SR and FR cards follow the source
//! material; the AD card is our assumption (the source names the role without defining it), as
//! is the RACI matrix, which follows the cards: the AD is accountable where the account
//! department commits (plan, executive relationships, price, contract, cash, resources), the AR
//! for everything at the customer interface, with the SR and FR doing the solution and the
//! delivery work.

use super::super::duties::{Activity, Duty, Raci, RoleCard};
use super::super::{Bilingual, AD, AR, FR, SR};

/// A card's lines, numbered `<prefix>-<n>`.
fn lines(prefix: &str, items: &[(&str, &str)]) -> Vec<Duty> {
    items
        .iter()
        .enumerate()
        .map(|(i, (zh, en))| Duty {
            id: format!("{prefix}-{}", i + 1),
            text: Bilingual::new(zh, en),
        })
        .collect()
}

/// A card for `role`.
fn card(
    role: &str,
    mission: (&str, &str),
    responsibilities: &[(&str, &str)],
    key_activities: &[(&str, &str)],
) -> RoleCard {
    let key = role.to_lowercase();
    RoleCard {
        id: format!("card-{key}"),
        role: role.to_string(),
        mission: Bilingual::new(mission.0, mission.1),
        responsibilities: lines(&format!("{key}-resp"), responsibilities),
        key_activities: lines(&format!("{key}-act"), key_activities),
        notes: String::new(),
        updated_at: 0,
    }
}

/// The cards of AD, AR, SR and FR.
pub fn cards() -> Vec<RoleCard> {
    vec![
        card(
            AD,
            (
                "系统部/客户群的一把手，对客户群的经营结果负责",
                "Head of the account department; owns the results of the account group",
            ),
            &[
                ("管理客户群/系统部", "Runs the account group / account department"),
                ("制定并落实客户规划", "Owns the account plan and its execution"),
                ("经营关键高层客户关系", "Holds the key executive relationships"),
                ("协调与仲裁资源", "Arbitrates resources between accounts and teams"),
            ],
            &[
                ("主持客户规划(BP)与经营分析会", "Chairs the account plan (BP) and the business reviews"),
                ("高层拜访", "Leads executive visits"),
                ("重大项目决策与资源调配", "Decides on major deals and allocates resources"),
                ("铁三角团队建设与考核", "Builds and assesses the iron-triangle teams"),
            ],
        ),
        card(
            AR,
            (
                "客户界面的第一责任人，在客户侧带领铁三角作战",
                "First owner of the customer interface; leads the triangle at the customer",
            ),
            &[
                ("客户关系管理", "Customer relationships"),
                ("业务需求管理", "Business-requirement management"),
                ("商务谈判", "Commercial negotiation"),
                ("合同与回款", "Contract and cash collection"),
            ],
            &[
                ("每天在客户现场", "Is at the customer every day"),
                ("发现新的机会点", "Spots new opportunities"),
                ("在客户界面牵头铁三角", "Leads the triangle at the customer interface"),
            ],
        ),
        card(
            SR,
            (
                "对解决方案的竞争力负责，让客户选择我们的方案",
                "Owns the competitiveness of the solution, so the customer chooses it",
            ),
            &[
                ("市场分析与销售预测", "Market analysis and sales forecast"),
                ("机会挖掘与竞争格局分析", "Opportunity mining and the competitive landscape"),
                ("解决方案竞争力", "Solution competitiveness"),
                ("产品上市/退市策略", "Product launch and retirement strategy"),
                ("招标投标", "Tender and bidding"),
            ],
            &[
                ("管理产品需求", "Manages product requirements"),
                ("设计解决方案", "Designs the solution"),
                ("报价", "Prepares the quotation"),
                ("解决技术问题", "Resolves technical issues"),
            ],
        ),
        card(
            FR,
            (
                "对交付履行负责：从订单到验收，兑现对客户的承诺",
                "Owns fulfilment from order to acceptance: keeps what was promised",
            ),
            &[
                (
                    "项目管理：订单、制造、物流、安装直至验收",
                    "Project management from order, manufacturing, logistics and installation to acceptance",
                ),
                ("从项目立项到合同签订全程参与", "Takes part from project initiation to the contract"),
            ],
            &[
                ("交付组织者", "Delivery leader"),
                ("风险控制者", "Risk controller"),
                ("交付方案制定者", "Delivery-plan maker"),
                ("交付环境建设者", "Builder of the delivery environment"),
                ("项目质量与客户满意度的责任人", "Owner of project quality and customer satisfaction"),
            ],
        ),
    ]
}

/// The default key activities × roles.
pub fn activities() -> Vec<Activity> {
    use Raci::{A, C, I, R};
    // (id, zh, en, [AD, AR, SR, FR]); `None` = no part.
    let rows: [(&str, &str, &str, [Option<Raci>; 4]); 13] = [
        (
            "account_plan",
            "制定客户规划",
            "Account plan",
            [Some(A), Some(R), Some(C), Some(C)],
        ),
        (
            "relationship",
            "客户关系拓展",
            "Customer relationships",
            [Some(A), Some(R), Some(C), Some(I)],
        ),
        (
            "opportunity",
            "商机发现与引导",
            "Opportunity discovery and shaping",
            [Some(I), Some(A), Some(R), Some(I)],
        ),
        (
            "requirements",
            "需求管理",
            "Business-requirement management",
            [None, Some(A), Some(R), Some(C)],
        ),
        (
            "solution",
            "解决方案设计与报价",
            "Solution design and quotation",
            [Some(I), Some(A), Some(R), Some(C)],
        ),
        (
            "bidding",
            "招标投标",
            "Tender and bidding",
            [Some(I), Some(A), Some(R), Some(C)],
        ),
        (
            "negotiation",
            "商务谈判",
            "Commercial negotiation",
            [Some(A), Some(R), Some(C), Some(C)],
        ),
        (
            "contract",
            "合同签订",
            "Contract signing",
            [Some(A), Some(R), Some(C), Some(C)],
        ),
        (
            "delivery",
            "交付履行与验收",
            "Delivery and acceptance",
            [Some(I), Some(A), Some(C), Some(R)],
        ),
        (
            "delivery_risk",
            "交付风险管控",
            "Delivery risk control",
            [None, Some(A), Some(C), Some(R)],
        ),
        (
            "cash_collection",
            "回款",
            "Cash collection",
            [Some(A), Some(R), None, Some(C)],
        ),
        (
            "satisfaction",
            "客户满意度管理",
            "Customer satisfaction",
            [Some(I), Some(A), Some(C), Some(R)],
        ),
        (
            "resources",
            "资源协调",
            "Resource arbitration",
            [Some(A), Some(R), Some(C), Some(C)],
        ),
    ];
    rows.into_iter()
        .map(|(id, zh, en, letters)| Activity {
            id: id.to_string(),
            name_zh: zh.to_string(),
            name_en: en.to_string(),
            raci: [AD, AR, SR, FR]
                .into_iter()
                .zip(letters)
                .filter_map(|(role, l)| l.map(|l| (role.to_string(), l)))
                .collect(),
            updated_at: 0,
        })
        .collect()
}
