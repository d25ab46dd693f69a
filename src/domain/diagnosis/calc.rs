//! The self-assessment's scores, the spread between respondents, the weakest dimension, the
//! ranking of tools from the ticked symptoms, and where the self-assessment and the data
//! disagree.

use super::{Diagnosis, Respondent, Soti, Tool};

/// A self-assessment score at or above this is "rated well".
pub const RATED_WELL: f64 = 3.5;
/// A self-assessment score below this is "rated poorly".
pub const RATED_POORLY: f64 = 2.5;

/// One respondent's mean rating of a dimension, when they rated any of its statements.
pub fn respondent_mean(d: &Diagnosis, r: &Respondent, dim: Soti) -> Option<f64> {
    let v: Vec<f64> = d
        .statements
        .iter()
        .filter(|s| s.dimension == dim)
        .filter_map(|s| r.rating(&s.id))
        .map(f64::from)
        .collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// The score of one dimension across respondents.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Soti,
    /// The mean of the respondents' means (each respondent counts once), 1–5; `None` when
    /// nobody rated any of its statements.
    pub mean: Option<f64>,
    /// How many respondents rated at least one of its statements.
    pub respondents: usize,
    /// The lowest and the highest respondent mean.
    pub range: Option<(f64, f64)>,
    /// The highest minus the lowest respondent mean: how far the respondents disagree.
    pub spread: f64,
    /// How many of its statements were rated by anyone, and how many it has.
    pub statements_rated: usize,
    /// How many statements it has.
    pub statements: usize,
}

/// The score of every dimension, in SOTI order.
pub fn scores(d: &Diagnosis) -> Vec<DimensionScore> {
    Soti::ALL
        .into_iter()
        .map(|dim| {
            let means: Vec<f64> = d
                .respondents
                .iter()
                .filter_map(|r| respondent_mean(d, r, dim))
                .collect();
            let range = means.iter().fold(None, |acc: Option<(f64, f64)>, &m| {
                Some(acc.map_or((m, m), |(lo, hi)| (lo.min(m), hi.max(m))))
            });
            let of_dim: Vec<&str> = d
                .statements
                .iter()
                .filter(|s| s.dimension == dim)
                .map(|s| s.id.as_str())
                .collect();
            let statements_rated = of_dim
                .iter()
                .filter(|id| d.respondents.iter().any(|r| r.rating(id).is_some()))
                .count();
            DimensionScore {
                dimension: dim,
                mean: (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64),
                respondents: means.len(),
                range,
                spread: range.map_or(0.0, |(lo, hi)| hi - lo),
                statements_rated,
                statements: of_dim.len(),
            }
        })
        .collect()
}

/// The weakest rated dimension (the lowest mean; on a tie the first in SOTI order), `None` when
/// nothing is rated.
pub fn weakest(scores: &[DimensionScore]) -> Option<Soti> {
    scores
        .iter()
        .filter_map(|s| s.mean.map(|m| (s.dimension, m)))
        .fold(None, |best: Option<(Soti, f64)>, (dim, m)| match best {
            Some((_, b)) if b <= m => best,
            _ => Some((dim, m)),
        })
        .map(|(dim, _)| dim)
}

/// A statement's mean rating across respondents and the gap between the lowest and the highest.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementScore {
    /// The statement id.
    pub statement: String,
    /// The mean rating, `None` when nobody rated it.
    pub mean: Option<f64>,
    /// The highest minus the lowest rating.
    pub spread: u8,
    /// How many rated it.
    pub answers: usize,
}

/// The score of every statement, in document order.
pub fn statement_scores(d: &Diagnosis) -> Vec<StatementScore> {
    d.statements
        .iter()
        .map(|s| {
            let r: Vec<u8> = d
                .respondents
                .iter()
                .filter_map(|r| r.rating(&s.id))
                .collect();
            let lo = r.iter().min().copied().unwrap_or(0);
            let hi = r.iter().max().copied().unwrap_or(0);
            StatementScore {
                statement: s.id.clone(),
                mean: (!r.is_empty())
                    .then(|| r.iter().map(|&x| f64::from(x)).sum::<f64>() / r.len() as f64),
                spread: hi - lo,
                answers: r.len(),
            }
        })
        .collect()
}

/// A tool ranked by the ticked symptoms that point to it.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolRank {
    /// The tool.
    pub tool: Tool,
    /// Points: 3 for each ticked symptom that names it first, 2 second, 1 later.
    pub points: u32,
    /// The ids of the ticked symptoms that name it.
    pub symptoms: Vec<String>,
}

/// The tools to open first for the ticked symptoms, most points first (on a tie, in the order
/// of the method). Tools no ticked symptom names are left out.
pub fn rank_tools(d: &Diagnosis) -> Vec<ToolRank> {
    let mut ranks: Vec<ToolRank> = Tool::ALL
        .into_iter()
        .map(|tool| ToolRank {
            tool,
            points: 0,
            symptoms: Vec::new(),
        })
        .collect();
    for s in d.symptoms.iter().filter(|s| s.ticked) {
        let mut seen = Vec::new();
        for (i, tool) in s.tools.iter().enumerate() {
            if seen.contains(tool) {
                continue;
            }
            seen.push(*tool);
            if let Some(r) = ranks.iter_mut().find(|r| r.tool == *tool) {
                r.points += 3u32.saturating_sub(i as u32).max(1);
                r.symptoms.push(s.id.clone());
            }
        }
    }
    ranks.retain(|r| r.points > 0);
    // A stable sort keeps the method's order on a tie.
    ranks.sort_by_key(|r| std::cmp::Reverse(r.points));
    ranks
}

/// How many ticked symptoms point to each root cause, in SOTI order.
pub fn cause_counts(d: &Diagnosis) -> [usize; 4] {
    let mut counts = [0; 4];
    for s in d.symptoms.iter().filter(|s| s.ticked) {
        let mut seen = Vec::new();
        for c in &s.causes {
            if !seen.contains(c) {
                seen.push(*c);
                counts[c.index()] += 1;
            }
        }
    }
    counts
}

/// How the self-assessment of a dimension and the data's evidence relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nobody rated the dimension.
    NotRated,
    /// Rated well, and the data shows no finding.
    AgreeStrong,
    /// Rated poorly or middling, and the data shows findings.
    AgreeWeak,
    /// Rated well, but the data shows findings: the assessment is too kind.
    RatedHighDataDisagrees,
    /// Rated poorly, but the data shows no finding: the data may be missing, or the problem is
    /// one the tools do not see.
    RatedLowNoEvidence,
    /// Rated in the middle and the data shows nothing.
    Neutral,
}

impl Verdict {
    /// Identifier used in catalogue keys, class names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::NotRated => "not_rated",
            Verdict::AgreeStrong => "agree_strong",
            Verdict::AgreeWeak => "agree_weak",
            Verdict::RatedHighDataDisagrees => "rated_high",
            Verdict::RatedLowNoEvidence => "rated_low",
            Verdict::Neutral => "neutral",
        }
    }

    /// True when the self-assessment and the data point different ways.
    pub fn disagrees(self) -> bool {
        matches!(
            self,
            Verdict::RatedHighDataDisagrees | Verdict::RatedLowNoEvidence
        )
    }
}

/// The verdict for a dimension rated `mean` with `findings` signals from the data.
pub fn verdict(mean: Option<f64>, findings: usize) -> Verdict {
    match mean {
        None => Verdict::NotRated,
        Some(m) if m >= RATED_WELL && findings > 0 => Verdict::RatedHighDataDisagrees,
        Some(m) if m >= RATED_WELL => Verdict::AgreeStrong,
        Some(m) if m < RATED_POORLY && findings == 0 => Verdict::RatedLowNoEvidence,
        Some(_) if findings > 0 => Verdict::AgreeWeak,
        Some(_) => Verdict::Neutral,
    }
}
