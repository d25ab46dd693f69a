//! The demo's MCR document: the decision chains of the 15 key accounts (the strategic and value
//! accounts, in the order the account teams are staffed: tier, then purchase), their contact log,
//! MCR plans and VCT checks, with what the tool is there to find planted in it (reference date
//! 2026-01-15). Positions are within that order: S1 is the 2nd strategic account, V2 the 3rd
//! value account.
//!
//! - **S0, the largest account, has 60 stakeholders**, to show the chart laid out at that size;
//!   the others have 16–25 (strategic) or 8–16 (value).
//! - **S1: an opposed decision maker**: its deputy head (副总经理) favours a competitor
//!   (support −1); its VCT trust answer falls 4 → 3 → 2 over the last three checks, and its
//!   executive-exchange plan item is overdue.
//! - **S2: no coach** (nobody at support 3 or in the coach role).
//! - **V2: single-threaded**: every key stakeholder owned by its AR (周强, who also carries V7).
//!   Its plan item to complete the decision chain is overdue.
//! - **V4: a level mismatch**: its CIO, a decision maker, is owned by the account's SR.
//! - **V5: stale contacts**: its buyers, users and gatekeeper among the department heads last
//!   met 95–200 days ago; **V8**: one engineer never contacted.
//! - **V6: no owner** on two engineers.
//!
//! Every other account is clean: decision makers at support 1–2 owned by the AR or AD, a coach,
//! key stakeholders owned by two people or more, everyone contacted within 82 days.
//!
//! Each tree is built from small tables: a head (总经理 / 局长 / 院长), 2–4 deputies (the deputy
//! head and the CIO decide), 2–8 department heads under them and engineers under the heads; names
//! are drawn from a surname and a given-name table. Names stay Chinese in both locales (they are
//! people of a Chinese customer); titles, departments and plan texts follow the locale.

use std::collections::BTreeSet;

use super::{
    Contact, ContactKind, DecisionRole, ItemStatus, Layer, Mcr, McrSettings, PlanArea, PlanItem,
    Stakeholder, VctCheck,
};
use crate::domain::dates::{day_number, iso_from_days};
use crate::domain::demo::DemoLocale;
use crate::domain::org::staffing::accounts;
use crate::domain::org::{AD, AR, FR, SR};
use crate::domain::rng::SplitMix64 as Rng;
use crate::domain::workspace::Workspace;

/// Position of the strategic account with 60 stakeholders.
const LARGE: usize = 0;
/// Position of the strategic account with the opposed decision maker and the falling trust.
const OPPOSED: usize = 1;
/// Position of the strategic account without a coach.
const NO_COACH: usize = 2;
/// Position of the value account held through its AR alone (5 strategic accounts come first).
const SINGLE_THREAD: usize = 5 + 2;
/// Position of the value account whose CIO is owned by the SR.
const LEVEL_MISMATCH: usize = 5 + 4;
/// Positions of the value accounts with stale contacts.
const STALE: [usize; 2] = [5 + 5, 5 + 8];
/// Position of the value account with stakeholders nobody owns.
const NO_OWNER: usize = 5 + 6;

type Pair = (&'static str, &'static str);

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红建文辉力斌宇浩凯鹏飞琳晶雪梅松波志国海宁春晓东亮德永振鸿";

/// The head of the customer and the deputy head, by kind of customer (company, agency,
/// hospital).
#[rustfmt::skip]
const HEADS: [[Pair; 2]; 3] = [
    [("总经理", "General Manager"), ("副总经理", "Deputy General Manager")],
    [("局长", "Director-General"), ("副局长", "Deputy Director-General")],
    [("院长", "President"), ("副院长", "Vice President")],
];

/// The deputies after the deputy head: (title, decision role, influence).
#[rustfmt::skip]
const DEPUTIES: [(Pair, DecisionRole, u32); 3] = [
    (("首席信息官", "CIO"), DecisionRole::DecisionMaker, 4),
    (("财务总监", "CFO"), DecisionRole::Influencer, 3),
    (("总工程师", "Chief Engineer"), DecisionRole::Evaluator, 3),
];

/// A department: (department, title of its head, the head's role and layer, the deputy it
/// reports to, the roles that own the head by preference).
type Department = (
    Pair,
    Pair,
    DecisionRole,
    Layer,
    usize,
    &'static [&'static str],
);

/// The departments, in the order an account gets them.
#[rustfmt::skip]
const DEPARTMENTS: [Department; 8] = [
    (("采购部", "Procurement"), ("部长", "Head"), DecisionRole::Buyer, Layer::Key, 0, &[AR]),
    (("信息中心", "IT Centre"), ("主任", "Director"), DecisionRole::Evaluator, Layer::Key, 1, &[SR, FR, AR]),
    (("财务部", "Finance"), ("经理", "Manager"), DecisionRole::Buyer, Layer::Broad, 2, &[FR, AR]),
    (("生产部", "Operations"), ("部长", "Head"), DecisionRole::User, Layer::Broad, 3, &[FR, SR, AR]),
    (("办公室", "General Office"), ("主任", "Director"), DecisionRole::Gatekeeper, Layer::Organisational, 0, &[AD, AR]),
    (("网络运维部", "Network Operations"), ("经理", "Manager"), DecisionRole::Evaluator, Layer::Broad, 1, &[SR, FR, AR]),
    (("技术部", "Engineering"), ("部长", "Head"), DecisionRole::Evaluator, Layer::Broad, 3, &[SR, AR]),
    (("招标办", "Tender Office"), ("主任", "Director"), DecisionRole::Buyer, Layer::Broad, 0, &[AR]),
];

/// The engineers' titles by their place in the department, with their decision role.
#[rustfmt::skip]
const STAFF: [(Pair, DecisionRole); 5] = [
    (("高级工程师", "Senior Engineer"), DecisionRole::Evaluator),
    (("工程师", "Engineer"), DecisionRole::User),
    (("项目经理", "Project Manager"), DecisionRole::Influencer),
    (("工程师", "Engineer"), DecisionRole::User),
    (("专员", "Specialist"), DecisionRole::User),
];

/// The goal and the actions of a plan item of each area, in the order of [`PlanArea::ALL`].
#[rustfmt::skip]
const PLAN_TEXT: [(Pair, Pair); 7] = [
    (("确定客户群三年经营方向", "Set the account group's three-year direction"),
     ("以五看结论形成客户群战略", "Turn the five looks into the group strategy")),
    (("完成系统部战略规划 SP", "Complete the account strategic plan (SP)"),
     ("与客户 CIO 对齐数字化规划", "Align with the customer CIO's digital roadmap")),
    (("制定年度业务计划 BP", "Write the annual business plan (BP)"),
     ("订货与回款目标分解到项目", "Split the orders and collection targets by project")),
    (("制定关键客户管理计划", "Draw up the key-customer management plan"),
     ("为每位决策者指定责任人与接触频率", "Give every decision maker an owner and a contact rhythm")),
    (("高层互访每半年一次", "Executive exchange every six months"),
     ("安排我方总裁拜访客户一把手", "Our CEO visits the customer's head")),
    (("客户满意度提升到 85 分", "Raise satisfaction to 85"),
     ("季度回访，问题闭环", "Quarterly follow-up; close every issue")),
    (("补齐决策链信息", "Complete the decision chain"),
     ("更新组织架构与关键人档案", "Update the org chart and the key-person records")),
];

/// The plan items: (account position, area, due in days from the reference date, status).
/// Exactly two are overdue: S1's executive exchange and V2's decision chain.
#[rustfmt::skip]
const PLAN: [(usize, PlanArea, i64, ItemStatus); 17] = {
    use ItemStatus::{Done, InProgress, Open};
    use PlanArea::*;
    [
        (0, GroupStrategy, -60, Done), (0, StrategicPlan, 45, InProgress), (0, Contact, 120, Open),
        (1, BusinessPlan, -30, Done), (1, Contact, -21, InProgress), (1, Expectations, 75, Open),
        (2, ManagementPlan, 30, InProgress), (2, Information, 60, Open),
        (3, StrategicPlan, 90, Open), (3, Expectations, 150, Open),
        (4, GroupStrategy, 20, InProgress), (4, Contact, -45, Done),
        (5, BusinessPlan, 40, InProgress), (5, ManagementPlan, 100, Open),
        (7, Information, -35, Open), (7, ManagementPlan, 14, InProgress), (7, Contact, 180, Open),
    ]
};

/// Accounts with VCT checks and the days of the checks (oldest first).
const VCT_ACCOUNTS: [usize; 7] = [0, 1, 2, 3, 4, 5, 6];
const VCT_DAYS: [i64; 3] = [-190, -95, -7];

/// The demo document for the demo workspace's key accounts and people, in `locale`.
pub fn demo(ws: &Workspace, locale: DemoLocale, now_ms: i64) -> Mcr {
    let pick = |p: Pair| match locale {
        DemoLocale::Zh => p.0.to_string(),
        DemoLocale::En => p.1.to_string(),
    };
    let today = day_number(&ws.meta.today).unwrap_or(20_468);
    let tiers = ws.tiering.assign_all(&ws.customers);
    let list = accounts(&ws.org, &ws.tiering, &ws.customers, &tiers);
    let mut rng = Rng(0x6d63_725f_6465_6d6f);
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    // Our own people's names are taken too, so no customer shares a name with us.
    let mut used: BTreeSet<String> = ws.org.people.iter().map(|p| p.name.clone()).collect();
    let mut mcr = Mcr {
        settings: McrSettings {
            updated_at: now_ms,
            ..McrSettings::default()
        },
        ..Mcr::default()
    };
    for (pos, account) in list.iter().enumerate() {
        let strategic = account.tier == "strategic";
        // The person playing the first of `roles` (in order of preference) on the account.
        let owner = |roles: &[&str]| {
            roles.iter().find_map(|r| {
                ws.org
                    .assignments
                    .iter()
                    .find(|a| a.account == account.id && a.role == *r)
                    .map(|a| a.person.clone())
            })
        };
        let n = match pos {
            LARGE => 60,
            _ if strategic => 16 + rng.below(10),
            _ => 8 + rng.below(9),
        };
        // The head, then 2–4 deputies, then the department heads, then the engineers.
        let deputies = (2 + n / 20).min(4);
        let lead = 1 + deputies;
        let heads = (n / 4).min(8);
        let kind = if account.name.ends_with('局') {
            1
        } else if account.name.contains("医院") {
            2
        } else {
            0
        };
        let first = mcr.stakeholders.len();
        let id = |i: usize| format!("sh-{}", first + i + 1);
        let support = |rng: &mut Rng, lo: i32| lo + rng.below((3 - lo) as usize) as i32;
        for i in 0..n {
            let mut name = String::new();
            while name.is_empty() || used.contains(&name) {
                name = surnames[rng.below(surnames.len())].to_string();
                let a = given[rng.below(given.len())];
                name.push(a);
                let b = given[rng.below(given.len())];
                // Two-character given names are the common case; never the same one twice.
                if rng.chance(0.7) && b != a {
                    name.push(b);
                }
            }
            used.insert(name.clone());
            let leadership = ("领导班子", "Leadership");
            let mut s = Stakeholder {
                id: id(i),
                account: account.id.clone(),
                name,
                layer: Layer::Key,
                last_contact: iso_from_days(today - 3 - rng.below(80) as i64),
                updated_at: now_ms,
                ..Stakeholder::default()
            };
            if i == 0 {
                s.title = pick(HEADS[kind][0]);
                s.department = pick(leadership);
                s.role = DecisionRole::DecisionMaker;
                s.support = support(&mut rng, 1);
                s.influence = 5;
                s.owner = owner(&[AD, AR]);
            } else if i < lead {
                s.reports_to = Some(id(0));
                s.department = pick(leadership);
                s.support = support(&mut rng, 1);
                if i == 1 {
                    s.title = pick(HEADS[kind][1]);
                    s.role = DecisionRole::DecisionMaker;
                    s.influence = 4 + rng.below(2) as u32;
                    s.owner = owner(&[AR]);
                } else {
                    let (title, role, influence) = DEPUTIES[i - 2];
                    s.title = pick(title);
                    s.role = role;
                    s.influence = influence;
                    s.owner = owner(if role == DecisionRole::DecisionMaker {
                        &[AR]
                    } else {
                        &[FR, SR, AR]
                    });
                }
            } else if i < lead + heads {
                let (dept, title, role, layer, deputy, owners) = DEPARTMENTS[i - lead];
                // A department whose deputy the account does not have reports to the head.
                s.reports_to = Some(id(if deputy < deputies { 1 + deputy } else { 0 }));
                s.department = pick(dept);
                s.title = pick(title);
                s.role = role;
                s.layer = layer;
                s.support = support(&mut rng, 0);
                s.influence = 3 + u32::from(layer == Layer::Key);
                s.owner = owner(owners);
            } else {
                let j = i - lead - heads;
                let (head, place) = (j % heads, j / heads);
                let (title, role) = STAFF[place % STAFF.len()];
                s.reports_to = Some(id(lead + head));
                s.department = pick(DEPARTMENTS[head].0);
                s.title = pick(title);
                s.role = role;
                s.layer = Layer::Broad;
                s.support = support(&mut rng, 0);
                s.influence = 1 + rng.below(2) as u32;
                s.owner = owner(&[[SR, FR, AR], [FR, AR, SR], [AR, SR, FR]][j % 3]);
                // The first engineer guides us from inside.
                if j == 0 && pos != NO_COACH {
                    s.role = DecisionRole::Coach;
                    s.support = 3;
                    s.influence = 3;
                }
            }
            mcr.stakeholders.push(s);
        }
        let mine = &mut mcr.stakeholders[first..];
        match pos {
            OPPOSED => {
                mine[1].support = -1;
                mine[1].notes = pick(("倾向竞争对手方案", "Favours a competitor's solution"));
            }
            SINGLE_THREAD => {
                let ar = owner(&[AR]);
                for s in mine.iter_mut().filter(|s| s.layer == Layer::Key) {
                    s.owner = ar.clone();
                }
            }
            LEVEL_MISMATCH => mine[2].owner = owner(&[SR]),
            NO_OWNER => {
                for s in mine.iter_mut().rev().take(2) {
                    s.owner = None;
                }
            }
            p if p == STALE[0] => {
                let stale = [
                    DecisionRole::Buyer,
                    DecisionRole::User,
                    DecisionRole::Gatekeeper,
                ];
                for s in mine[lead..lead + heads]
                    .iter_mut()
                    .filter(|s| stale.contains(&s.role))
                {
                    s.last_contact = iso_from_days(today - 95 - rng.below(106) as i64);
                }
            }
            p if p == STALE[1] => {
                if let Some(s) = mine.last_mut() {
                    s.role = DecisionRole::User;
                    s.last_contact = String::new();
                }
            }
            _ => {}
        }
        // The contact log: a recent contact with each decision maker and the coach.
        let contacts: Vec<Contact> = mine
            .iter()
            .filter(|s| s.role == DecisionRole::DecisionMaker || s.is_coach())
            .map(|s| Contact {
                id: String::new(),
                stakeholder: s.id.clone(),
                date: iso_from_days(today - 1 - rng.below(40) as i64),
                kind: ContactKind::ALL[rng.below(ContactKind::ALL.len())],
                our_people: s.owner.iter().cloned().collect(),
                notes: String::new(),
                updated_at: now_ms,
            })
            .collect();
        mcr.contacts.extend(contacts);
        if VCT_ACCOUNTS.contains(&pos) {
            for (k, day) in VCT_DAYS.iter().enumerate() {
                let mut answers = [0u8; 5];
                for a in answers.iter_mut() {
                    *a = 3 + rng.below(3) as u8;
                }
                if pos == OPPOSED {
                    answers[4] = 4 - k as u8;
                }
                mcr.vct.push(VctCheck {
                    id: format!("vct-{}", mcr.vct.len() + 1),
                    account: account.id.clone(),
                    date: iso_from_days(today + day),
                    answers,
                    notes: String::new(),
                    updated_at: now_ms,
                });
            }
        }
        for &(p, area, due, status) in PLAN.iter().filter(|item| item.0 == pos) {
            let (goal, actions) = PLAN_TEXT[area as usize];
            let roles: &[&str] = match area {
                PlanArea::Expectations => &[FR, AR],
                PlanArea::Information => &[SR, AR],
                PlanArea::ManagementPlan => &[AR],
                _ => &[AD, AR],
            };
            mcr.plan.push(PlanItem {
                id: format!("plan-{}", mcr.plan.len() + 1),
                account: list[p].id.clone(),
                area,
                goal: pick(goal),
                actions: pick(actions),
                owner: owner(roles),
                due: iso_from_days(today + due),
                status,
                updated_at: now_ms,
            });
        }
    }
    for (i, c) in mcr.contacts.iter_mut().enumerate() {
        c.id = format!("con-{}", i + 1);
    }
    mcr
}
