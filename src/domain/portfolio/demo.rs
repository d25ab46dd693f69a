//! The demo's portfolio: 20 business lines over the demo's 8 industries, with what the tool is
//! there to find planted in it (revenue in millions of yuan, current year / year before / market):
//!
//! - **Oil & gas has only core business** (pipeline SCADA 26 / 25, station security 9 / 9.5):
//!   "no next engine".
//! - **The mix is far from 70/20/10**: core 327, growth 49, emerging 8.7 of 384.7 — 85.0 / 12.7 /
//!   2.3 %, core 15 points over its target (tolerance 10).
//! - **A growth line without a control point**: energy-storage O&M in power.
//! - **Expansion ranking** by `market × (1 + growth) × (1 − share)`: manufacturing (1,400 market,
//!   +19.1 %, 3.4 % share → 1,610 M), power (1,050, +14.2 %, 6.3 % → 1,124 M), telecom (1,020,
//!   +10.5 %, 7.7 % → 1,040 M), then healthcare, finance, public sector, transport, oil & gas.
//! - **Market insight and business design** filled in for power and manufacturing.
//! - **Whitespace** on the 15 strategic and value accounts: the lines of each account's industry;
//!   core lines sold, and the open potential concentrated in two lines, energy-storage O&M
//!   (power) and the industrial internet platform (manufacturing).

use super::{
    BusinessLine, CellStatus, Design, DesignElement, ElementStatus, Horizon, Insight, Look,
    Opportunity, Portfolio, Priority, TargetMix, WhitespaceCell,
};
use crate::domain::demo::DemoLocale;
use crate::domain::portfolio::calc;
use crate::domain::workspace::Workspace;

const M: f64 = 1_000_000.0;

/// A line of the demo: industry index, names, horizon, revenue, last year, market (millions),
/// control point, risk management (zh, en; empty when planted missing).
struct L {
    industry: usize,
    name: (&'static str, &'static str),
    horizon: Horizon,
    figures: (f64, f64, f64),
    cover: (&'static str, &'static str),
}

const fn l(
    industry: usize,
    name: (&'static str, &'static str),
    horizon: Horizon,
    figures: (f64, f64, f64),
    cover: (&'static str, &'static str),
) -> L {
    L {
        industry,
        name,
        horizon,
        figures,
        cover,
    }
}

use Horizon::{Core, Emerging, Growth};

#[rustfmt::skip]
const LINES: [L; 20] = [
    l(0, ("网络运维服务", "Network O&M services"), Core, (62.0, 60.0, 600.0),
      ("省级运维资质与 7×24 服务网络", "Provincial O&M licences and a 24/7 service network")),
    l(0, ("算力中心集成", "Computing-centre integration"), Growth, (14.0, 10.0, 300.0),
      ("液冷机房交付样板点", "Liquid-cooled reference sites")),
    l(0, ("5G 专网应用", "5G private-network applications"), Emerging, (3.0, 1.5, 120.0),
      ("分阶段投入，按试点结果决定是否加码", "Staged investment, increased only on pilot results")),
    l(1, ("变电站自动化", "Substation automation"), Core, (55.0, 52.0, 500.0),
      ("电网入网认证与本地化备件库", "Grid certification and local spare-parts depots")),
    l(1, ("储能运维", "Energy-storage O&M"), Growth, (9.0, 5.0, 400.0), ("", "")),
    l(1, ("虚拟电厂平台", "Virtual power-plant platform"), Emerging, (2.0, 0.8, 150.0),
      ("与省级电网联合试点，投入设上限", "Joint pilot with a provincial grid, capped investment")),
    l(2, ("数据中心基础设施", "Data-centre infrastructure"), Core, (48.0, 50.0, 300.0),
      ("金融级可靠性认证", "Finance-grade reliability certification")),
    l(2, ("信创替代", "Domestic IT replacement"), Growth, (8.0, 6.0, 250.0),
      ("适配认证清单", "The compatibility certification list")),
    l(3, ("智慧高速机电", "Expressway electromechanical systems"), Core, (30.0, 29.0, 260.0),
      ("省交投框架协议", "Framework agreements with provincial investors")),
    l(3, ("车路协同", "Vehicle-road coordination"), Emerging, (1.5, 1.0, 90.0),
      ("只做示范路段，不垫资", "Demonstration sections only, no pre-financing")),
    l(4, ("政务云集成", "Government cloud integration"), Core, (35.0, 37.0, 280.0),
      ("等保三级与属地服务团队", "Level-3 security rating and local service teams")),
    l(4, ("城市运行中心", "City operations centre"), Growth, (6.0, 4.5, 160.0),
      ("数据治理方法与样板城市", "A data-governance method and reference cities")),
    l(5, ("管道监控系统", "Pipeline SCADA"), Core, (26.0, 25.0, 150.0),
      ("防爆认证与长输管道业绩", "Explosion-proof certification and long-haul pipeline track record")),
    l(5, ("站场安防", "Station security"), Core, (9.0, 9.5, 60.0),
      ("集团入围资格", "Group-level approved-supplier status")),
    l(6, ("工厂网络", "Factory networks"), Core, (40.0, 36.0, 700.0),
      ("工业级交换机自研", "In-house industrial switches")),
    l(6, ("工业互联网平台", "Industrial internet platform"), Growth, (7.0, 4.0, 500.0),
      ("行业机理模型库", "A library of industry process models")),
    l(6, ("AI 质检", "AI quality inspection"), Emerging, (1.0, 0.3, 200.0),
      ("按效果收费，先在两家工厂验证", "Pay for results, proven in two plants first")),
    l(7, ("医院信息化集成", "Hospital IT integration"), Core, (22.0, 19.0, 240.0),
      ("互联互通测评经验", "Interoperability rating experience")),
    l(7, ("医疗物联网", "Medical IoT"), Growth, (5.0, 3.0, 180.0),
      ("医疗器械注册证", "Medical-device registrations")),
    l(7, ("互联网医院", "Internet hospital"), Emerging, (1.2, 0.5, 100.0),
      ("与医院合作运营，合规先行", "Operated with hospitals, compliance first")),
];

/// The two industries with their insight and design filled in: power (1) and manufacturing (6).
const INSIGHT_INDUSTRIES: [usize; 2] = [1, 6];

type Text = (&'static str, &'static str);

/// The five looks, then 定控制点, 定目标, 定策略, for power and manufacturing.
#[rustfmt::skip]
const INSIGHTS: [[Text; 8]; 2] = [
    [
        ("新型电力系统建设加速，储能与配网数字化投资年增 20% 以上", "New power-system build-out is speeding up; storage and distribution digitalisation investment grows over 20 % a year"),
        ("两网及五大发电集团集中采购，省公司有运维自主权", "The two grids and five generation groups buy centrally; provincial companies decide on O&M"),
        ("头部厂商占据变电站一次设备，运维市场分散", "Leading vendors hold substation primary equipment; the O&M market is fragmented"),
        ("变电站自动化口碑好，储能交付能力刚起步", "Strong name in substation automation; storage delivery has just started"),
        ("省级储能电站运维外包、虚拟电厂试点", "Outsourced O&M of provincial storage plants; virtual power-plant pilots"),
        ("储能运维的远程诊断平台与备件网络", "A remote-diagnosis platform and spare-parts network for storage O&M"),
        ("2026 年储能运维收入 1,500 万，进入 3 家省公司", "Storage O&M revenue of 15 M in 2026, in 3 provincial companies"),
        ("以变电站存量客户为入口，打包运维与储能服务", "Enter through existing substation customers, bundling O&M with storage services"),
    ],
    [
        ("制造业数字化转型进入规模化阶段，政策补贴向中小企业倾斜", "Manufacturing digitalisation is scaling up; subsidies lean to smaller firms"),
        ("大型集团重平台、重效果，中型企业重投资回报", "Large groups want platforms and results; mid-sized firms want payback"),
        ("平台厂商众多，行业机理模型是稀缺能力", "Many platform vendors; industry process models are scarce"),
        ("工厂网络交付多，平台案例少", "Many factory-network deliveries, few platform references"),
        ("汽车零部件与电子制造的质检、能耗管理", "Quality inspection and energy management in auto parts and electronics"),
        ("行业机理模型库与标杆工厂", "An industry process-model library and lighthouse plants"),
        ("工业互联网平台收入翻番，签约 5 家标杆工厂", "Double platform revenue; sign 5 lighthouse plants"),
        ("网络客户交叉销售平台，按效果收费降低门槛", "Cross-sell the platform to network customers; pay-for-results lowers the bar"),
    ],
];

/// The six elements for power and manufacturing.
#[rustfmt::skip]
const DESIGNS: [[Text; 6]; 2] = [
    [
        ("两网省公司与五大发电集团区域公司，优先已有变电站合作的客户", "Provincial grid companies and regional generation companies, first those we already serve in substations"),
        ("一站式变电与储能运维，可用率承诺 99.5%", "One-stop substation and storage O&M with a 99.5 % availability commitment"),
        ("运维年费 + 按可用率奖励", "Annual O&M fee plus an availability bonus"),
        ("自做平台与核心运维，现场服务与本地伙伴合作", "Platform and core O&M in-house, field service with local partners"),
        ("远程诊断平台与运维数据积累", "The remote-diagnosis platform and the O&M data it accumulates"),
        ("虚拟电厂只做试点，投入上限 300 万", "Virtual power plants as pilots only, capped at 3 M"),
    ],
    [
        ("年产值 10 亿以上的汽车零部件与电子制造企业", "Auto-parts and electronics makers with output over 1 bn a year"),
        ("网络 + 平台 + 质检一体，6 个月见效", "Network, platform and inspection together, results within 6 months"),
        ("项目费 + 平台订阅 + 质检按件收费", "Project fee, platform subscription and per-part inspection fees"),
        ("平台与模型自研，集成交给伙伴", "Platform and models in-house, integration by partners"),
        ("行业机理模型库", "The industry process-model library"),
        ("AI 质检先在两家工厂验证效果再推广", "AI inspection proven in two plants before roll-out"),
    ],
];

/// Opportunities: industry index, title, horizon, size (millions), timing, priority, next step.
#[rustfmt::skip]
const OPPORTUNITIES: [(usize, Text, Horizon, f64, Text, Priority, Text); 5] = [
    (1, ("省级储能电站运维外包", "Outsourced O&M of provincial storage plants"), Growth, 40.0,
        ("2026 下半年", "2026 H2"), Priority::High, ("拜访两家省公司运检部", "Visit two provincial O&M departments")),
    (1, ("虚拟电厂聚合试点", "Virtual power-plant aggregation pilot"), Emerging, 8.0,
        ("2027", "2027"), Priority::Low, ("跟踪省能源局试点名单", "Follow the provincial pilot list")),
    (6, ("汽车零部件集团质检平台", "Inspection platform for an auto-parts group"), Growth, 25.0,
        ("2026 Q3", "2026 Q3"), Priority::High, ("做一次技术交流", "Hold a technical exchange")),
    (6, ("电子制造能耗管理", "Energy management for electronics makers"), Growth, 12.0,
        ("2026 Q4", "2026 Q4"), Priority::Medium, ("找一家标杆工厂", "Find a lighthouse plant")),
    (7, ("县域医共体互联网医院", "Internet hospital for county medical alliances"), Emerging, 6.0,
        ("2027", "2027"), Priority::Medium, ("与一家医共体签试点", "Sign a pilot with one alliance")),
];

fn pick(t: Text, locale: DemoLocale) -> String {
    match locale {
        DemoLocale::Zh => t.0,
        DemoLocale::En => t.1,
    }
    .to_string()
}

/// The demo workspace's portfolio, on its industries (`industries[i]` is the label of the demo's
/// industry `i` in the workspace's language), accounts and people; deterministic.
pub fn demo(ws: &Workspace, industries: &[String], locale: DemoLocale, now_ms: i64) -> Portfolio {
    let industry = |i: usize| industries.get(i).cloned().unwrap_or_default();
    let people: Vec<&str> = ws.org.people.iter().map(|p| p.id.as_str()).collect();
    let owner = |i: usize| (!people.is_empty()).then(|| people[i % people.len()].to_string());
    let lines: Vec<BusinessLine> = LINES
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let cover = pick(d.cover, locale);
            let (control_point, risk_management) = match d.horizon {
                Emerging => (String::new(), cover),
                _ => (cover, String::new()),
            };
            BusinessLine {
                id: format!("bl-{}", i + 1),
                industry: industry(d.industry),
                name: pick(d.name, locale),
                horizon: d.horizon,
                revenue: d.figures.0 * M,
                revenue_last_year: Some(d.figures.1 * M),
                gross_margin_pct: Some(match d.horizon {
                    Core => 28.0,
                    Growth => 35.0,
                    Emerging => 42.0,
                }),
                market_size: Some(d.figures.2 * M),
                control_point,
                risk_management,
                owner: owner(i),
                notes: String::new(),
                updated_at: now_ms,
            }
        })
        .collect();

    let insights = INSIGHT_INDUSTRIES
        .iter()
        .zip(INSIGHTS.iter())
        .map(|(&i, t)| {
            let look = |k: usize, date: &str| Look {
                findings: pick(t[k], locale),
                evidence: pick(
                    (
                        "行业年报、两家客户访谈、招标平台数据",
                        "Industry reports, two customer interviews, tender-platform data",
                    ),
                    locale,
                ),
                date: date.to_string(),
            };
            Insight {
                industry: industry(i),
                look_industry: look(0, "2025-11-20"),
                look_customers: look(1, "2025-11-20"),
                look_competition: look(2, "2025-11-27"),
                look_ourselves: look(3, "2025-12-04"),
                look_opportunities: look(4, "2025-12-04"),
                control_points: pick(t[5], locale),
                targets: pick(t[6], locale),
                strategies: pick(t[7], locale),
                updated_at: now_ms,
            }
        })
        .collect();

    let designs = INSIGHT_INDUSTRIES
        .iter()
        .zip(DESIGNS.iter())
        .enumerate()
        .map(|(n, (&i, t))| {
            let el = |k: usize| DesignElement {
                text: pick(t[k], locale),
                // Power's design is agreed up to the scope; manufacturing's is a draft.
                status: if n == 0 && k < 4 {
                    ElementStatus::Agreed
                } else {
                    ElementStatus::Draft
                },
                owner: owner(k + n),
            };
            Design {
                industry: industry(i),
                customer_selection: el(0),
                value_proposition: el(1),
                value_capture: el(2),
                scope: el(3),
                strategic_control: el(4),
                risk_management: el(5),
                updated_at: now_ms,
            }
        })
        .collect();

    let opportunities = OPPORTUNITIES
        .iter()
        .enumerate()
        .map(|(n, (i, title, h, size, timing, prio, next))| Opportunity {
            id: format!("op-{}", n + 1),
            title: pick(*title, locale),
            industry: industry(*i),
            horizon: *h,
            size: Some(size * M),
            timing: pick(*timing, locale),
            priority: *prio,
            owner: owner(n + 3),
            next_step: pick(*next, locale),
            updated_at: now_ms,
        })
        .collect();

    let whitespace = whitespace(ws, &lines, now_ms);
    Portfolio {
        lines,
        target_mix: TargetMix {
            updated_at: now_ms,
            ..TargetMix::default()
        },
        insights,
        opportunities,
        designs,
        whitespace,
    }
}

/// Lines 5 (energy-storage O&M) and 16 (industrial internet platform) hold most of the open
/// potential.
const HOT_LINES: [&str; 2] = ["bl-5", "bl-16"];

/// The cells of the demo's accounts with the lines of their industry: core lines sold (a share of
/// the account's annual purchase), the hot lines open with 3–6 M of potential each, the other
/// growth and emerging lines alternately in pursuit and open with 0.3–0.8 M.
fn whitespace(ws: &Workspace, lines: &[BusinessLine], now_ms: i64) -> Vec<WhitespaceCell> {
    let tiers = ws.tier_ids();
    let mut out = Vec::new();
    for (n, (account, _)) in calc::accounts(ws, &tiers).into_iter().enumerate() {
        let mine: Vec<&BusinessLine> = lines
            .iter()
            .filter(|l| l.industry == account.industry)
            .collect();
        let cores = mine.iter().filter(|l| l.horizon == Core).count().max(1) as f64;
        for (k, line) in mine.iter().enumerate() {
            let step = ((n + k) % 4) as f64;
            let (status, revenue, potential) = if line.horizon == Core {
                let share = (account.annual_purchase * 0.8 / cores / 10_000.0).round() * 10_000.0;
                (CellStatus::Sold, share, 0.0)
            } else if HOT_LINES.contains(&line.id.as_str()) {
                (CellStatus::Open, 0.0, (3.0 + step) * M)
            } else if (n + k) % 2 == 0 {
                (CellStatus::InPursuit, 0.0, (0.3 + 0.1 * step) * M)
            } else {
                (CellStatus::Open, 0.0, (0.5 + 0.1 * step) * M)
            };
            let mut cell = WhitespaceCell::new(&account.id, &line.id, status, revenue, potential);
            cell.updated_at = now_ms;
            out.push(cell);
        }
    }
    out
}
