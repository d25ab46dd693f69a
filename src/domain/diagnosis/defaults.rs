//! The default SOTI statements and symptom checklist, from the source's questions and lists.

use super::{Soti, Statement, Symptom, SymptomGroup, Tool};

/// (dimension, Chinese, English) of each default statement, five per dimension.
const STATEMENTS: [(Soti, &str, &str); 20] = [
    (
        Soti::Strategy,
        "我们对大客户有清晰的定义和分层分级标准，并每年复核",
        "We have a clear definition of key accounts and tiering rules, reviewed every year",
    ),
    (
        Soti::Strategy,
        "资源按客户层级差异化投入，战略客户得到最多的资源",
        "Resources differ by tier; strategic accounts get the most",
    ),
    (
        Soti::Strategy,
        "我们清楚核心、成长、新兴业务的组合和各自的目标",
        "We know our mix of core, growth and emerging businesses and the goal of each",
    ),
    (
        Soti::Strategy,
        "每个重点客户都有基于市场洞察的经营目标和业务设计",
        "Every key account has goals and a business design based on market insight",
    ),
    (
        Soti::Strategy,
        "我们知道在每个大客户的钱包份额和增长空间",
        "We know our share of wallet and the room to grow at each key account",
    ),
    (
        Soti::Organization,
        "重点客户都配有完整的铁三角（AR、SR、FR）",
        "Every key account has a complete iron triangle (AR, SR, FR)",
    ),
    (
        Soti::Organization,
        "铁三角各角色职责清晰，RACI 没有空缺和重叠",
        "The triangle's roles are clear; the RACI has no gaps or overlaps",
    ),
    (
        Soti::Organization,
        "多产品线在客户界面协同一致，客户只面对一个团队",
        "Product lines work as one team at the customer, who faces a single team",
    ),
    (
        Soti::Organization,
        "大客户有例行的经营分析会、客户规划会和高层拜访",
        "Key accounts have routine business reviews, account planning and executive visits",
    ),
    (
        Soti::Organization,
        "一线的压力能传递到后方的产品、交付和职能部门",
        "Pressure at the front line reaches product, delivery and support functions",
    ),
    (
        Soti::Tactic,
        "商机从线索到回款按统一的流程推进和评审",
        "Opportunities move from lead to cash through one process with reviews",
    ),
    (
        Soti::Tactic,
        "我们掌握重点客户的决策链，关键人都有人负责",
        "We know each key account's decision chain, and every key person has an owner",
    ),
    (
        Soti::Tactic,
        "售前承诺与交付能力一致，很少过度承诺",
        "Pre-sales promises match what delivery can do; we rarely over-promise",
    ),
    (
        Soti::Tactic,
        "高层拜访、技术交流、样板点参观等销售动作按计划开展",
        "Executive visits, technical exchanges and reference visits happen to plan",
    ),
    (
        Soti::Tactic,
        "客户关系属于公司，而非个人：销售离职不会丢客户",
        "Relationships belong to the company, not to one person: a leaver takes no account",
    ),
    (
        Soti::Incentives,
        "考核指标按客户类型差异化，拓展、成长、成熟各有侧重",
        "KPIs differ by account type: expansion, growth and mature each have their focus",
    ),
    (
        Soti::Incentives,
        "团队与个人的指标同源，利出一孔、力出一孔",
        "Team and personal KPIs share one source: one reward, one direction of effort",
    ),
    (
        Soti::Incentives,
        "激励及时兑现，与客户经营结果挂钩",
        "Incentives are paid on time and tied to account results",
    ),
    (
        Soti::Incentives,
        "每个角色都有清晰的来源和成长路径",
        "Every role has clear talent sources and a growth path",
    ),
    (
        Soti::Incentives,
        "人员数量和培训足以支撑大客户经营",
        "We have enough people, trained well enough, to run key accounts",
    ),
];

/// The default statements, ids `st-1` … `st-20`.
pub fn default_statements() -> Vec<Statement> {
    STATEMENTS
        .iter()
        .enumerate()
        .map(|(i, (dimension, zh, en))| Statement {
            id: format!("st-{}", i + 1),
            dimension: *dimension,
            zh: (*zh).to_string(),
            en: (*en).to_string(),
            updated_at: 0,
        })
        .collect()
}

use Soti::{Incentives as I, Organization as O, Strategy as S, Tactic as T};
use Tool::*;

/// (id, group, Chinese, English, causes, tools) of each default symptom.
type SymptomRow = (
    &'static str,
    SymptomGroup,
    &'static str,
    &'static str,
    &'static [Soti],
    &'static [Tool],
);

const SYMPTOMS: [SymptomRow; 15] = [
    (
        "sy-capability",
        SymptomGroup::Organisation,
        "销售组织能力跟不上业务发展",
        "Sales capability lags behind the business",
        &[I, O],
        &[Talent, Roles, Team],
    ),
    (
        "sy-coordination",
        SymptomGroup::Organisation,
        "多产品线在客户界面协同差",
        "Product lines are poorly coordinated at the customer",
        &[O],
        &[Team, Roles, Rhythm],
    ),
    (
        "sy-overpromise",
        SymptomGroup::Organisation,
        "售前过度承诺，交付跟不上",
        "Pre-sales over-promise; delivery cannot keep up",
        &[T, O],
        &[Ltc, Roles, Team],
    ),
    (
        "sy-pressure",
        SymptomGroup::Organisation,
        "压力不能从一线传递到后方",
        "Pressure is not passed from the front line to the back",
        &[O, I],
        &[Rhythm, Kpi],
    ),
    (
        "sy-formation",
        SymptomGroup::Organisation,
        "作战组织不对，一个人对客户全部",
        "The combat organisation is wrong: one person faces the whole customer",
        &[O],
        &[Team, Roles],
    ),
    (
        "sy-incentive",
        SymptomGroup::Organisation,
        "考核激励不到位，干多干少一个样",
        "Assessment and incentives miss: more work earns no more",
        &[I],
        &[Kpi, Talent],
    ),
    (
        "sy-no-definition",
        SymptomGroup::KeyAccounts,
        "没有大客户的定义和分级标准",
        "No definition of a key account and no tiering rules",
        &[S],
        &[Tiering, Portfolio],
    ),
    (
        "sy-personal-asset",
        SymptomGroup::KeyAccounts,
        "客户成为个人资产，而非公司资产",
        "Accounts are held as personal assets, not the company's",
        &[T, O],
        &[Mcr, Team],
    ),
    (
        "sy-small-orders",
        SymptomGroup::KeyAccounts,
        "销售忙于小单，顾不上大客户",
        "Sales are busy with small orders and neglect key accounts",
        &[S, I],
        &[Tiering, Kpi],
    ),
    (
        "sy-no-routine",
        SymptomGroup::KeyAccounts,
        "大客户没有例行管理",
        "Key accounts have no routine management",
        &[O],
        &[Rhythm, Engagement],
    ),
    (
        "sy-no-database",
        SymptomGroup::KeyAccounts,
        "没有客户数据库，无法有效管理客户决策链",
        "No customer database; the decision chain cannot be managed",
        &[T],
        &[Mcr, Engagement],
    ),
    (
        "sy-few-people",
        SymptomGroup::KeyAccounts,
        "人员不足，培训不够",
        "Too few people and too little training",
        &[I, O],
        &[Talent, Team],
    ),
    (
        "sy-curse-entry",
        SymptomGroup::Curse,
        "进不来：新客户、新业务打不开局面",
        "Can't get in: new accounts and businesses do not open",
        &[T, S],
        &[Mcr, Engagement, Portfolio],
    ),
    (
        "sy-curse-growth",
        SymptomGroup::Curse,
        "做不大：合作多年，份额上不去",
        "Can't grow: years of business, but the share stays small",
        &[S, T],
        &[Portfolio, Ltc, Tiering],
    ),
    (
        "sy-curse-retention",
        SymptomGroup::Curse,
        "留不住：老客户流失或采购下滑",
        "Can't retain: old accounts leave or buy less",
        &[T, O],
        &[Mcr, Rhythm, Engagement],
    ),
];

/// The default symptom checklist, none ticked.
pub fn default_symptoms() -> Vec<Symptom> {
    SYMPTOMS
        .iter()
        .map(|(id, group, zh, en, causes, tools)| Symptom {
            id: (*id).to_string(),
            group: *group,
            zh: (*zh).to_string(),
            en: (*en).to_string(),
            causes: causes.to_vec(),
            tools: tools.to_vec(),
            ticked: false,
            updated_at: 0,
        })
        .collect()
}
