//! Precedence between rules (`overrides`): cycles, and what an override
//! drops from the rule it replaces.
//!
//! A rule that overrides another replaces it whole where both hold. In a
//! cycle every rule of it is overridden where all hold, so none fires and
//! their duties vanish silently; and an override that drops a stricter
//! effect loosens the advice. Both are reported.

use crate::content::{Content, Rule, Verdict};

/// Every cycle of the `overrides` graph (`overrides[i]`: the rules rule `i`
/// overrides), each once, as rule indices in the order they override one
/// another, starting from its lowest index.
pub fn cycles(overrides: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = overrides.len();
    let mut found: Vec<Vec<usize>> = Vec::new();
    // From each rule, the shortest path back to it through rules with a
    // higher index: each cycle is found once, from its lowest rule.
    for start in 0..n {
        let mut previous = vec![usize::MAX; n];
        let mut queue = std::collections::VecDeque::from([start]);
        let mut closed = None;
        while let Some(at) = queue.pop_front() {
            for &next in &overrides[at] {
                if next == start {
                    closed = Some(at);
                    break;
                }
                if next > start && previous[next] == usize::MAX {
                    previous[next] = at;
                    queue.push_back(next);
                }
            }
            if closed.is_some() {
                break;
            }
        }
        if let Some(mut at) = closed {
            let mut path = vec![at];
            while at != start {
                at = previous[at];
                path.push(at);
            }
            path.reverse();
            found.push(path);
        }
    }
    found
}

/// What rule `over` drops from rule `under` where both hold, in words:
/// anything stricter `under` says that `over` does not say too. Empty when
/// the override loosens nothing.
pub fn dropped(content: &Content, over: &Rule, under: &Rule) -> Vec<String> {
    let mut out = Vec::new();
    if under.forbid_digital && !over.forbid_digital {
        out.push("`forbid_digital`".to_owned());
    }
    if let Some(k) = under.class_at_least
        && over.class_at_least.is_none_or(|o| o < k)
    {
        out.push(format!("`class_at_least: {k}`"));
    }
    let platforms: Vec<&str> = under
        .exclude_platforms
        .iter()
        .filter(|p| !over.exclude_platforms.contains(p))
        .map(|&p| content.platforms[p].id.as_str())
        .collect();
    if !platforms.is_empty() {
        out.push(format!("excluding {}", platforms.join(", ")));
    }
    let verdict = |r: &Rule| r.recording.as_ref().map(|x| x.verdict);
    if let (Some(u), o) = (verdict(under), verdict(over))
        && strictness(u) > o.map_or(0, strictness)
    {
        out.push(format!("the recording verdict `{}`", verdict_name(u)));
    }
    let lists: [(&str, &[usize], &[usize], bool); 3] = [
        ("organiser", &under.organiser, &over.organiser, true),
        (
            "participants",
            &under.participants,
            &over.participants,
            true,
        ),
        ("warnings", &under.warnings, &over.warnings, false),
    ];
    for (name, u, o, items) in lists {
        let ids: Vec<&str> = u
            .iter()
            .filter(|x| !o.contains(x))
            .map(|&x| {
                if items {
                    content.items[x].id.as_str()
                } else {
                    content.warnings[x].id.as_str()
                }
            })
            .collect();
        if !ids.is_empty() {
            out.push(format!("{name} {}", ids.join(", ")));
        }
    }
    out
}

/// How strict a recording verdict is: a refusal most, no recording least.
fn strictness(v: Verdict) -> u8 {
    match v {
        Verdict::NotPlanned => 0,
        Verdict::Allowed => 1,
        Verdict::Forbidden => 2,
    }
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::NotPlanned => "not_planned",
        Verdict::Allowed => "allowed",
        Verdict::Forbidden => "forbidden",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(usize, usize)], n: usize) -> Vec<Vec<usize>> {
        (0..n)
            .map(|i| {
                edges
                    .iter()
                    .filter(|(a, _)| *a == i)
                    .map(|(_, b)| *b)
                    .collect()
            })
            .collect()
    }

    /// The brute force: rule `i` is on a cycle when it reaches itself.
    fn on_a_cycle(overrides: &[Vec<usize>]) -> Vec<bool> {
        let n = overrides.len();
        let mut reach = vec![vec![false; n]; n];
        for (i, r) in overrides.iter().enumerate() {
            for &j in r {
                reach[i][j] = true;
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if reach[i][k] && reach[k][j] {
                        reach[i][j] = true;
                    }
                }
            }
        }
        (0..n).map(|i| reach[i][i]).collect()
    }

    /// Every graph of four rules (all 2^16 edge sets, self-loops too): a
    /// rule is in a reported cycle exactly when it reaches itself, and each
    /// reported cycle is a real one.
    #[test]
    fn cycles_agree_with_the_transitive_closure_on_every_small_graph() {
        let n = 4;
        let pairs: Vec<(usize, usize)> = (0..n).flat_map(|a| (0..n).map(move |b| (a, b))).collect();
        for mask in 0u32..(1 << pairs.len()) {
            let edges: Vec<(usize, usize)> = pairs
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .map(|(_, &e)| e)
                .collect();
            let rules = graph(&edges, n);
            let found = cycles(&rules);
            for c in &found {
                for (k, &a) in c.iter().enumerate() {
                    let b = c[(k + 1) % c.len()];
                    assert!(rules[a].contains(&b), "{edges:?}: {c:?}");
                }
            }
            let mut reported = vec![false; n];
            for c in &found {
                for &i in c {
                    reported[i] = true;
                }
            }
            // A rule reaching itself lies on some cycle; the cycle through
            // its lowest rule is reported, and covers it or another cycle
            // does: every rule on a cycle is on a reported one or shares
            // its strongly connected part with one.
            let brute = on_a_cycle(&rules);
            for i in 0..n {
                if reported[i] {
                    assert!(brute[i], "{edges:?}: {i} reported but on no cycle");
                }
            }
            assert_eq!(
                brute.iter().any(|&b| b),
                !found.is_empty(),
                "{edges:?}: a cycle exists exactly when one is reported"
            );
        }
    }
}
