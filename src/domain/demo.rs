//! The demo workspace 示例集团 / Demo Group: 250 made-up but realistic Chinese B2B customers.
//!
//! The demo exists to show the tiering tool at work, so the customers are built *backwards from the
//! tier structure* that [`TieringConfig::default`] should find, not drawn at random and hoped for:
//!
//! - 5 strategic (2 %): three accounts buying ≥ 12 M a year, plus two smaller ones on the named
//!   list (industry TOP-3). All five are owned by an industry line (行业线).
//! - 10 value (4 %): owned by an industry line, 2–9.5 M. The default value rule is "industry line
//!   set OR ≥ 5 M", so the industry line is what puts them there.
//! - 75 potential (30 %): repeat buyers with 1–4.8 M, served by regional sales.
//! - 160 below 1 M: 90 repeat buyers (ordinary) and 70 one-off buyers or prospects (general).
//!   Both groups draw from the *same* purchase distribution, so the tool can point out that
//!   ordinary and general are hardly distinct.
//!
//! Purchases are sampled stratified (one draw per quantile slot) so that medians and quartiles
//! land where intended for every seed, and the top tiers are sized to give a Pareto-like
//! concentration. A constant-seeded SplitMix64 drives every choice and only exactly rounded IEEE
//! operations are used (no `powf`/`exp`, which may differ in the last bit between native and
//! wasm), so the workspace is identical on every build and platform. The locale only picks
//! labels; it never touches the random stream.

use std::collections::BTreeSet;
use std::rc::Rc;

use super::org;
use super::rng::SplitMix64 as Rng;
use super::tiering::TieringConfig;
use super::workspace::{Customer, Meta, Workspace, YearPurchase};
use super::{diagnosis, engagement, governance, kpi, ltc, mcr, portfolio};

/// Language the demo's names are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoLocale {
    /// Chinese labels.
    Zh,
    /// English labels.
    En,
}

/// Industries, which are also the company's industry lines: (Chinese, English).
#[rustfmt::skip]
const INDUSTRIES: [(&str, &str); 8] = [
    ("运营商", "Telecom carriers"), ("电力", "Power"), ("金融", "Finance"),
    ("交通", "Transport"), ("政务", "Public sector"), ("油气", "Oil & gas"),
    ("制造", "Manufacturing"), ("医疗", "Healthcare"),
];

/// Customers per industry (sums to 250, each ≥ 20).
const INDUSTRY_COUNTS: [usize; 8] = [36, 34, 33, 30, 32, 24, 38, 23];

/// Sales regions: (Chinese, English).
#[rustfmt::skip]
const REGIONS: [(&str, &str); 7] = [
    ("华北", "North"), ("华东", "East"), ("华南", "South"), ("华中", "Central"),
    ("西南", "Southwest"), ("西北", "Northwest"), ("东北", "Northeast"),
];

// Place kinds, so a template only gets places its wording fits (no "北京省", no "华东人民医院").
/// Province (takes 省).
const P: u8 = 1;
/// City or municipality (takes 市).
const C: u8 = 2;
/// Autonomous region (bare name only).
const R: u8 = 4;
/// Sales area such as 华东 (bare name, only in group-style names).
const A: u8 = 8;

/// Name prefixes: (place, region index, kind).
#[rustfmt::skip]
const PLACES: &[(&str, usize, u8)] = &[
    ("河北", 0, P), ("山西", 0, P), ("北京", 0, C), ("天津", 0, C), ("石家庄", 0, C),
    ("太原", 0, C), ("唐山", 0, C), ("内蒙古", 0, R), ("华北", 0, A),
    ("江苏", 1, P), ("浙江", 1, P), ("山东", 1, P), ("安徽", 1, P), ("福建", 1, P),
    ("上海", 1, C), ("南京", 1, C), ("杭州", 1, C), ("宁波", 1, C), ("苏州", 1, C),
    ("无锡", 1, C), ("青岛", 1, C), ("济南", 1, C), ("合肥", 1, C), ("厦门", 1, C),
    ("福州", 1, C), ("华东", 1, A),
    ("广东", 2, P), ("海南", 2, P), ("广州", 2, C), ("深圳", 2, C), ("东莞", 2, C),
    ("佛山", 2, C), ("南宁", 2, C), ("海口", 2, C), ("广西", 2, R), ("华南", 2, A),
    ("河南", 3, P), ("湖北", 3, P), ("湖南", 3, P), ("江西", 3, P), ("郑州", 3, C),
    ("武汉", 3, C), ("长沙", 3, C), ("南昌", 3, C), ("华中", 3, A),
    ("四川", 4, P), ("云南", 4, P), ("贵州", 4, P), ("重庆", 4, C), ("成都", 4, C),
    ("昆明", 4, C), ("贵阳", 4, C), ("西南", 4, A),
    ("陕西", 5, P), ("甘肃", 5, P), ("青海", 5, P), ("西安", 5, C), ("兰州", 5, C),
    ("西宁", 5, C), ("银川", 5, C), ("新疆", 5, R), ("宁夏", 5, R), ("西北", 5, A),
    ("辽宁", 6, P), ("吉林", 6, P), ("黑龙江", 6, P), ("沈阳", 6, C), ("大连", 6, C),
    ("长春", 6, C), ("哈尔滨", 6, C), ("东北", 6, A),
];

/// Any place that reads well before a company word.
const ANY: u8 = P | C | R;

/// Name templates per industry: (allowed place kinds, pattern with `{}`). The first two are the
/// group-level names reserved for industry-line accounts.
#[rustfmt::skip]
const TEMPLATES: [&[(u8, &str)]; 8] = [
    &[
        (P | R, "中国移动通信集团{}有限公司"), (ANY, "中国电信股份有限公司{}分公司"),
        (ANY, "中国联合网络通信有限公司{}分公司"), (ANY, "中国铁塔股份有限公司{}分公司"),
        (ANY, "{}广电网络股份有限公司"), (P | A, "{}通信建设有限公司"),
        (C, "{}有线电视网络有限公司"),
    ],
    &[
        (P, "国网{}省电力有限公司"), (C, "国网{}供电公司"), (ANY, "华能{}发电有限公司"),
        (ANY, "大唐{}发电有限责任公司"), (P, "{}省电力设计院有限公司"),
        (A, "{}电力设计院有限公司"), (ANY, "{}新能源投资有限公司"),
        (ANY | A, "{}电力建设工程有限公司"),
    ],
    &[
        (ANY, "中国工商银行股份有限公司{}分行"), (C, "{}银行股份有限公司"),
        (ANY, "中国建设银行股份有限公司{}分行"), (C, "{}农村商业银行股份有限公司"),
        (ANY, "中国人寿保险股份有限公司{}分公司"), (P, "{}省农村信用社联合社"),
        (C | A, "{}证券股份有限公司"), (C, "{}金融控股集团有限公司"),
    ],
    &[
        (C, "{}地铁集团有限公司"), (P, "{}省交通投资集团有限公司"), (C, "{}机场集团有限公司"),
        (P | R, "{}高速公路集团有限公司"), (C, "{}港务集团有限公司"), (C, "{}公交集团有限公司"),
        (A, "民航{}地区空中交通管理局"),
    ],
    &[
        (P, "{}省大数据管理局"), (C, "{}市政务服务数据管理局"), (C, "{}市公共资源交易中心"),
        (P, "{}省信息中心"), (C, "{}市城市运行管理中心"), (ANY, "{}数字政府建设运营有限公司"),
        (C, "{}市公安局"), (P, "国家税务总局{}省税务局"),
    ],
    &[
        (P | R, "中国石油化工股份有限公司{}石油分公司"),
        (ANY, "中国石油天然气股份有限公司{}销售分公司"), (P | A, "{}石化工程有限公司"),
        (C, "{}燃气集团有限公司"), (ANY, "{}天然气管网有限公司"),
        (A, "中国石油{}油气田分公司"), (ANY, "{}油气储运有限公司"),
    ],
    &[
        (ANY, "{}重工集团有限公司"), (C, "{}汽车集团有限公司"), (ANY, "{}精密制造股份有限公司"),
        (ANY, "{}钢铁集团有限公司"), (C, "{}电子科技股份有限公司"), (ANY, "{}装备制造有限公司"),
        (C, "{}化工股份有限公司"), (C, "{}机床有限公司"), (ANY, "{}新材料股份有限公司"),
    ],
    &[
        (P, "{}省人民医院"), (ANY, "{}医药集团有限公司"), (C, "{}市人民医院"),
        (C, "{}市第一人民医院"), (C, "{}市中医院"), (P, "{}省肿瘤医院"),
        (C, "{}市妇幼保健院"), (C, "{}市疾病预防控制中心"),
    ],
];

/// Fixed seed: the demo must be the same every time.
const SEED: u64 = 0x4B41_4D5F_4445_4D4F;

/// The `q`-quantile (0 ≤ q < 1) of a log-uniform distribution on [lo, hi], i.e. lo·(hi/lo)^q.
///
/// Built from the binary digits of `q` and repeated square roots rather than `powf`: `sqrt` and
/// `*` are exactly rounded by IEEE 754, while `powf`/`exp` come from the platform maths library and
/// may differ in the last bit between native and wasm builds.
fn log_uniform(lo: f64, hi: f64, q: f64) -> f64 {
    let (mut root, mut q, mut x) = (hi / lo, q, lo);
    for _ in 0..48 {
        root = root.sqrt();
        q *= 2.0;
        if q >= 1.0 {
            q -= 1.0;
            x *= root;
        }
    }
    x
}

/// Role of a customer in the intended tier structure.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Strategic,
    Named,
    Value,
    Potential,
    Ordinary,
    General,
    Prospect,
}

/// Shape of the 2023–2025 purchase history.
#[derive(Clone, Copy)]
enum Trend {
    /// Every year within roughly ±20–30 %.
    Steady,
    /// 2025 fell more than 30 % below 2024 (retention risk).
    Drop,
    /// Within ±3 % both years.
    Flat,
    /// First bought in 2024.
    New2024,
    /// First (and only) bought in 2025.
    New2025,
    /// Bought in 2023 and 2025 but not 2024 (project-based, not a repeat buyer).
    Lapsed,
    /// Never bought (prospect).
    Zero,
}

/// Everything about a customer except its labels and name.
struct Spec {
    kind: Kind,
    industry: usize,
    purchase: f64,
    trend: Trend,
    rank: Option<u32>,
}

/// Builds the demo workspace 示例集团 / Demo Group.
pub fn build(id: &str, now_ms: i64, locale: DemoLocale) -> Workspace {
    let mut rng = Rng(SEED);
    let mut specs = specs(&mut rng);
    // A CRM export is in no particular order; ids follow that order.
    rng.shuffle(&mut specs);
    let mut used = BTreeSet::new();
    let customers = specs
        .iter()
        .enumerate()
        .map(|(i, s)| Rc::new(customer(&mut rng, &mut used, i, s, now_ms, locale)))
        .collect::<Vec<_>>();
    let tiering = TieringConfig::default().stamped(now_ms);
    let tier_assignments = tiering.assign_all(&customers);
    let teams = org::demo::build(&tiering, &customers, &tier_assignments, now_ms);
    let mut ws = Workspace {
        meta: Meta {
            id: id.to_string(),
            name: pick_label(("示例集团", "Demo Group"), locale).to_string(),
            currency: "CNY".to_string(),
            fiscal_year: 2026,
            today: "2026-01-15".to_string(),
            created_at: now_ms,
            updated_at: now_ms,
            settings_updated_at: now_ms,
            is_demo: true,
        },
        industry_lines: INDUSTRIES
            .iter()
            .map(|pair| pick_label(*pair, locale).to_string())
            .collect(),
        customers,
        tiering,
        org: teams.org,
        duties: teams.duties,
        talent: teams.talent,
        ..Workspace::default()
    };
    // The rhythm, the decision chains, the 151 log (which names the stakeholders met) and the
    // scorecards refer to the accounts and people above.
    ws.governance = governance::demo(&ws, now_ms);
    ws.mcr = mcr::demo(&ws, locale, now_ms);
    ws.diagnosis = diagnosis::demo();
    ws.engagement = engagement::demo(&ws, now_ms);
    ws.kpi = kpi::demo(&ws, now_ms);
    let industries: Vec<String> = INDUSTRIES
        .iter()
        .map(|pair| pick_label(*pair, locale).to_string())
        .collect();
    ws.portfolio = portfolio::demo(&ws, &industries, locale, now_ms);
    // The pipeline names the business lines above; the team cards take orders and collections
    // from it.
    ws.ltc = ltc::demo(&ws, locale == DemoLocale::Zh, now_ms);
    ltc::link_team_cards(&mut ws.kpi);
    ws
}

fn pick_label(pair: (&'static str, &'static str), locale: DemoLocale) -> &'static str {
    match locale {
        DemoLocale::Zh => pair.0,
        DemoLocale::En => pair.1,
    }
}

/// The 250 customer specs, tier by tier.
fn specs(rng: &mut Rng) -> Vec<Spec> {
    use Kind::{General, Named, Ordinary, Potential, Prospect, Strategic, Value};
    let mut out = Vec::with_capacity(250);
    let spec = |kind, industry, purchase: f64, trend, rank| Spec {
        kind,
        industry,
        purchase: purchase.round(),
        trend,
        rank,
    };
    // Head of the Pareto curve: three large accounts (telecom, power, finance), then two industry
    // leaders (transport, oil & gas) that are strategic below 10 M because they are on the named
    // list. Only those two rank in their industry's top 3.
    let head = [
        (Strategic, 0, 40e6, 52e6, None),
        (Strategic, 1, 22e6, 30e6, None),
        (Strategic, 2, 12.5e6, 17e6, None),
        (Named, 3, 7.6e6, 9.3e6, Some(1)),
        (Named, 5, 6.2e6, 7.5e6, Some(2)),
    ];
    for (kind, industry, lo, hi, rank) in head {
        let rank = rank.unwrap_or_else(|| 4 + rng.below(6) as u32);
        let purchase = rng.range(lo, hi);
        out.push(spec(kind, industry, purchase, Trend::Steady, Some(rank)));
    }
    // Value: one account per industry line plus a second in manufacturing and public sector.
    for (i, industry) in [0, 1, 2, 3, 4, 5, 6, 7, 6, 4].into_iter().enumerate() {
        let purchase = match i {
            0 | 1 => rng.range(5.2e6, 9.2e6),
            _ => log_uniform(2.0e6, 4.8e6, rng.unit()),
        };
        let rank = (i % 2 == 0).then(|| 5 + rng.below(16) as u32);
        let trend = if i == 9 { Trend::Drop } else { Trend::Steady };
        out.push(spec(Value, industry, purchase, trend, rank));
    }
    // Everyone else is served by regional sales; industries are dealt from a shuffled pool.
    let mut pool: Vec<usize> = Vec::new();
    for (industry, &n) in INDUSTRY_COUNTS.iter().enumerate() {
        let taken = out.iter().filter(|s| s.industry == industry).count();
        pool.extend(std::iter::repeat_n(industry, n.saturating_sub(taken)));
    }
    rng.shuffle(&mut pool);
    let mut pool = pool.into_iter().cycle();
    let mut industry = || pool.next().unwrap_or(0);
    // Stratified draws: slot i of n covers quantiles [i/n, (i+1)/n).
    let slot = |rng: &mut Rng, i: usize, n: usize| (i as f64 + rng.unit()) / n as f64;

    // Potential: 1–4.8 M, skewed towards the low end (q^1.5) like real mid-size accounts.
    let (drop, flat) = (rng.pick(75, 8), rng.pick(75, 3));
    for i in 0..75 {
        let q = slot(rng, i, 75);
        let trend = match (drop[i], flat[i]) {
            (true, _) => Trend::Drop,
            (_, true) => Trend::Flat,
            _ => Trend::Steady,
        };
        let rank = (rng.unit() < 0.15).then(|| 10 + rng.below(51) as u32);
        let purchase = log_uniform(1.02e6, 4.75e6, (q * q.sqrt()).min(1.0));
        out.push(spec(Potential, industry(), purchase, trend, rank));
    }
    // Ordinary and general share one log-uniform 50 k–950 k distribution: "hardly different".
    let (drop, flat, new) = (rng.pick(90, 11), rng.pick(90, 3), rng.pick(90, 12));
    for i in 0..90 {
        let purchase = log_uniform(5e4, 9.5e5, slot(rng, i, 90));
        let trend = match (drop[i], flat[i], new[i]) {
            (true, _, _) => Trend::Drop,
            (_, true, _) => Trend::Flat,
            (_, _, true) => Trend::New2024,
            _ => Trend::Steady,
        };
        out.push(spec(Ordinary, industry(), purchase, trend, None));
    }
    for i in 0..58 {
        let purchase = log_uniform(5e4, 9.5e5, slot(rng, i, 58));
        let trend = if rng.unit() < 0.6 {
            Trend::New2025
        } else {
            Trend::Lapsed
        };
        out.push(spec(General, industry(), purchase, trend, None));
    }
    for _ in 0..12 {
        out.push(spec(Prospect, industry(), 0.0, Trend::Zero, None));
    }
    out
}

/// Purchases for 2023, 2024, 2025 (2025 = `p25`), whole yuan.
fn history(rng: &mut Rng, p25: f64, trend: Trend, kind: Kind) -> [f64; 3] {
    // Big accounts move less; everyone else fluctuates within about ±20–30 %.
    let (lo, hi) = match kind {
        Kind::Strategic | Kind::Named => (-0.05, 0.22),
        _ => (-0.2, 0.3),
    };
    let mut back = |p: f64, lo: f64, hi: f64| (p / (1.0 + rng.range(lo, hi))).round();
    let (p23, p24) = match trend {
        Trend::Steady => {
            let p24 = back(p25, lo, hi);
            (back(p24, lo, hi), p24)
        }
        Trend::Drop => {
            let p24 = back(p25, -0.55, -0.34);
            (back(p24, -0.1, 0.2), p24)
        }
        Trend::Flat => {
            let p24 = back(p25, -0.025, 0.025);
            (back(p24, -0.025, 0.025), p24)
        }
        Trend::New2024 => (0.0, back(p25, lo, hi)),
        Trend::Lapsed => (back(p25, -0.4, 0.6), 0.0),
        Trend::New2025 | Trend::Zero => (0.0, 0.0),
    };
    [p23, p24, p25]
}

/// A unique name for an account of `industry`, and its region (from the place in the name).
fn name(
    rng: &mut Rng,
    used: &mut BTreeSet<String>,
    industry: usize,
    line: bool,
) -> (String, usize) {
    let templates = TEMPLATES.get(industry).copied().unwrap_or(&[]);
    // Industry-line accounts get the group-level names (the first two templates), everyone else
    // the rest: a provincial grid company buying 80 k a year would look wrong.
    let t0 = if line {
        rng.below(2)
    } else {
        2 + rng.below(templates.len().saturating_sub(2))
    };
    let p0 = rng.below(PLACES.len());
    for dt in 0..templates.len() {
        let (mask, pattern) = templates[(t0 + dt) % templates.len()];
        for dp in 0..PLACES.len() {
            let (place, region, kind) = PLACES[(p0 + dp) % PLACES.len()];
            let name = pattern.replace("{}", place);
            if kind & mask != 0 && used.insert(name.clone()) {
                return (name, region);
            }
        }
    }
    // Unreachable with these tables (far more combinations than customers), but stay unique.
    let mut n = used.len();
    loop {
        n += 1;
        let name = format!("示例客户{n}");
        if used.insert(name.clone()) {
            return (name, 0);
        }
    }
}

fn customer(
    rng: &mut Rng,
    used: &mut BTreeSet<String>,
    index: usize,
    s: &Spec,
    now_ms: i64,
    locale: DemoLocale,
) -> Customer {
    let line = matches!(s.kind, Kind::Strategic | Kind::Named | Kind::Value);
    let (name, region) = name(rng, used, s.industry, line);
    let p = s.purchase;
    let h = history(rng, p, s.trend, s.kind);
    // Big accounts negotiate lower margins and already give us a larger share of their wallet.
    let (margin, share, years): (_, _, (u32, u32)) = match s.kind {
        Kind::Strategic | Kind::Named => ((12.0, 24.0), (0.30, 0.58), (8, 15)),
        Kind::Value => ((15.0, 30.0), (0.15, 0.45), (4, 12)),
        Kind::Potential => ((18.0, 38.0), (0.055, 0.30), (3, 12)),
        _ => ((20.0, 42.0), (0.055, 0.58), (3, 10)),
    };
    let years_of_cooperation = match s.trend {
        Trend::Zero => 0,
        Trend::New2025 => 1,
        Trend::New2024 => 2,
        _ => years.0 + rng.below((years.1 - years.0 + 1) as usize) as u32,
    };
    let wallet = if p > 0.0 {
        (p / rng.range(share.0, share.1) / 1000.0).round() * 1000.0
    } else {
        // Prospects: the size of the opportunity we have not entered yet.
        (rng.range(0.5e6, 5e6) / 1e4).round() * 1e4
    };
    let industry = INDUSTRIES.get(s.industry).copied().unwrap_or(("", ""));
    Customer {
        id: format!("c-{:04}", index + 1),
        industry: pick_label(industry, locale).to_string(),
        industry_line: line.then(|| pick_label(industry, locale).to_string()),
        region: pick_label(REGIONS.get(region).copied().unwrap_or(("", "")), locale).to_string(),
        owner: None,
        annual_purchase: p,
        revenue: (p * rng.range(0.85, 1.0)).round(),
        // One decimal, as margins are reported.
        gross_margin_pct: (p > 0.0).then(|| (rng.range(margin.0, margin.1) * 10.0).round() / 10.0),
        wallet: Some(wallet),
        growth_pct: None,
        industry_rank: s.rank,
        on_named_list: s.kind == Kind::Named,
        repeat_purchase: !matches!(s.kind, Kind::General | Kind::Prospect),
        years_of_cooperation,
        history: (2023..)
            .zip(h)
            .map(|(year, annual_purchase)| YearPurchase {
                year,
                annual_purchase,
            })
            .collect(),
        tags: tags(rng, &name, s),
        tier_override: None,
        notes: String::new(),
        updated_at: now_ms,
        name,
    }
}

/// A few ownership / listing tags, kept in Chinese in both locales (they are data, not UI).
fn tags(rng: &mut Rng, name: &str, s: &Spec) -> Vec<String> {
    let mut tags = Vec::new();
    let central = ["中国", "国网", "华能", "大唐"]
        .iter()
        .any(|p| name.starts_with(p));
    let branch = name.ends_with("分公司") || name.ends_with("分行");
    if central {
        tags.push("央企");
    } else if !name.ends_with("公司") {
        // Agencies, hospitals and centres.
        tags.push("事业单位");
    } else if rng.unit() < 0.7 {
        tags.push(if s.industry == 6 && rng.unit() < 0.6 {
            "民企"
        } else {
            "国企"
        });
    }
    if name.contains("股份有限公司") && !branch && rng.unit() < 0.6 {
        tags.push("上市公司");
    }
    if s.kind == Kind::Prospect {
        tags.push("待开拓");
    }
    tags.into_iter().map(String::from).collect()
}
