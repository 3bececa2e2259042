//! LALR(1) parse tables for the [`grammar`](super::grammar), built as the reference's
//! parser generator builds them, because its syntax errors depend on the details:
//! shift/reduce conflicts are settled by operator precedence (equal non-associative
//! operators become explicit errors), and every state with reductions gets a default
//! reduction (its most common one), taken without looking at the next token. A state's
//! remaining explicit actions are what an error message lists as expected.

use super::grammar::{Assoc, PRECEDENCE, PRODUCTIONS, TERMINALS};
use std::collections::{BTreeMap, HashMap};

/// A set of terminals (and, during construction, the placeholder [`PROBE`]).
type Set = u128;
/// The placeholder lookahead used to discover where lookaheads propagate.
const PROBE: usize = 127;
const N_TERMS: usize = TERMINALS.len();
const NO_STATE: u32 = u32::MAX;

/// What a state does on one terminal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Act {
    /// Whatever the state's default is (its default reduction, or an error).
    Default,
    Shift(u32),
    Reduce(u32),
    /// An explicit error (two equal non-associative operators in a row).
    Error,
}

/// One state's actions, indexed by terminal.
pub struct Row {
    pub act: Vec<Act>,
    pub default: Option<u32>,
    /// Whether the state needs the next token to decide (otherwise it takes its default).
    pub reads_token: bool,
}

pub struct Tables {
    pub rows: Vec<Row>,
    /// Per rule: the nonterminal it produces and the length of its right-hand side.
    pub rules: Vec<(usize, usize)>,
    /// `goto[state * nonterminals + nonterminal]`.
    goto: Vec<u32>,
    nonterminals: usize,
}

impl Tables {
    /// The state reached from `state` after reducing to nonterminal `lhs`.
    pub fn goto(&self, state: u32, lhs: usize) -> u32 {
        self.goto[state as usize * self.nonterminals + lhs]
    }
}

struct Rule {
    lhs: usize,
    /// Symbols: terminals are `0..N_TERMS`, nonterminal `n` is `N_TERMS + n`.
    rhs: Vec<usize>,
    /// Precedence level (1-based; 0 for none).
    prec: usize,
}

struct Grammar {
    rules: Vec<Rule>,
    /// Rules of each nonterminal.
    by_lhs: Vec<Vec<usize>>,
    /// Per terminal: precedence level (1-based; 0 for none) and associativity.
    tok_prec: Vec<(usize, Assoc)>,
}

fn terminal(name: &str) -> Option<usize> {
    TERMINALS.iter().position(|t| t.1 == name)
}

/// Reads [`PRODUCTIONS`]; nonterminal 0 is the added `$accept: start $end`.
fn read_grammar() -> Grammar {
    let words: Vec<&str> = PRODUCTIONS.split_whitespace().collect();
    let mut names = vec!["$accept"];
    names.extend(words.iter().filter_map(|w| w.strip_suffix(':')));
    let symbol = |w: &str| {
        terminal(w)
            .or_else(|| names.iter().position(|n| *n == w).map(|n| N_TERMS + n))
            .unwrap_or_else(|| panic!("grammar: unknown symbol {w}"))
    };
    let mut tok_prec = vec![(0, Assoc::Left); N_TERMS];
    for (level, (assoc, toks)) in PRECEDENCE.iter().enumerate() {
        for t in *toks {
            tok_prec[symbol(t)] = (level + 1, *assoc);
        }
    }
    let mut rules = vec![Rule { lhs: 0, rhs: vec![N_TERMS + 1, 0], prec: 0 }];
    let mut lhs = 0;
    let mut rhs = Vec::new();
    let mut prec = None;
    let mut finish = |lhs: usize, rhs: &mut Vec<usize>, prec: &mut Option<usize>| {
        if lhs != 0 {
            let last_tok = rhs.iter().rev().find(|s| **s < N_TERMS).map_or(0, |t| tok_prec[*t].0);
            rules.push(Rule { lhs, rhs: std::mem::take(rhs), prec: prec.take().unwrap_or(last_tok) });
        }
    };
    let mut it = words.iter();
    while let Some(w) = it.next() {
        match *w {
            "|" => finish(lhs, &mut rhs, &mut prec),
            "%empty" => {}
            "%prec" => prec = it.next().map(|t| tok_prec[symbol(t)].0),
            w => match w.strip_suffix(':') {
                Some(name) => {
                    finish(lhs, &mut rhs, &mut prec);
                    lhs = symbol(name) - N_TERMS;
                }
                None => rhs.push(symbol(w)),
            },
        }
    }
    finish(lhs, &mut rhs, &mut prec);
    let mut by_lhs = vec![Vec::new(); names.len()];
    for (i, r) in rules.iter().enumerate() {
        by_lhs[r.lhs].push(i);
    }
    Grammar { rules, by_lhs, tok_prec }
}

fn bits(s: Set) -> impl Iterator<Item = usize> {
    (0..128).filter(move |i| s & (1 << i) != 0)
}

/// Items (a rule with a position in it) are numbered consecutively, rule by rule.
struct Items<'g> {
    g: &'g Grammar,
    base: Vec<u32>,
    rule: Vec<usize>,
    dot: Vec<usize>,
    nullable: Vec<bool>,
    first: Vec<Set>,
}

impl<'g> Items<'g> {
    fn new(g: &'g Grammar) -> Items<'g> {
        let (mut base, mut rule, mut dot) = (Vec::new(), Vec::new(), Vec::new());
        for (i, r) in g.rules.iter().enumerate() {
            base.push(rule.len() as u32);
            for d in 0..=r.rhs.len() {
                rule.push(i);
                dot.push(d);
            }
        }
        let n = g.by_lhs.len();
        let mut items = Items { g, base, rule, dot, nullable: vec![false; n], first: vec![0; n] };
        let mut changed = true;
        while changed {
            changed = false;
            for r in &g.rules {
                let (f, nullable) = items.first_of(&r.rhs);
                if items.first[r.lhs] | f != items.first[r.lhs] || (nullable && !items.nullable[r.lhs]) {
                    items.first[r.lhs] |= f;
                    items.nullable[r.lhs] |= nullable;
                    changed = true;
                }
            }
        }
        items
    }

    /// The terminals that can begin `seq`, and whether it can be empty.
    fn first_of(&self, seq: &[usize]) -> (Set, bool) {
        let mut f = 0;
        for &s in seq {
            if s < N_TERMS {
                return (f | 1 << s, false);
            }
            f |= self.first[s - N_TERMS];
            if !self.nullable[s - N_TERMS] {
                return (f, false);
            }
        }
        (f, true)
    }

    fn next(&self, item: u32) -> Option<usize> {
        self.g.rules[self.rule[item as usize]].rhs.get(self.dot[item as usize]).copied()
    }

    /// The items implied by `kernel` (without lookaheads), sorted.
    fn closure(&self, kernel: &[u32]) -> Vec<u32> {
        let mut out = kernel.to_vec();
        let mut added = vec![false; self.g.by_lhs.len()];
        let mut i = 0;
        while i < out.len() {
            if let Some(s) = self.next(out[i]).filter(|s| *s >= N_TERMS)
                && !std::mem::replace(&mut added[s - N_TERMS], true)
            {
                out.extend(self.g.by_lhs[s - N_TERMS].iter().map(|r| self.base[*r]));
            }
            i += 1;
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The items implied by `seeds`, each with the terminals that may follow it.
    fn closure_with_lookahead(&self, seeds: &[(u32, Set)]) -> Vec<(u32, Set)> {
        // Dense by item (there are a few hundred): this runs for every kernel item of
        // every state, at start-up.
        let mut sets: Vec<Option<Set>> = vec![None; self.rule.len()];
        let mut work: Vec<u32> = Vec::new();
        for &(item, la) in seeds {
            *sets[item as usize].get_or_insert(0) |= la;
            work.push(item);
        }
        while let Some(item) = work.pop() {
            let Some(s) = self.next(item).filter(|s| *s >= N_TERMS) else { continue };
            let r = &self.g.rules[self.rule[item as usize]];
            let (f, nullable) = self.first_of(&r.rhs[self.dot[item as usize] + 1..]);
            let la = if nullable { f | sets[item as usize].unwrap_or(0) } else { f };
            for &rule in &self.g.by_lhs[s - N_TERMS] {
                let entry = sets[self.base[rule] as usize].get_or_insert(0);
                if *entry | la != *entry {
                    *entry |= la;
                    work.push(self.base[rule]);
                }
            }
        }
        sets.iter().enumerate().filter_map(|(i, s)| Some((i as u32, (*s)?))).collect()
    }
}

/// Builds the tables; also returns the number of conflicts precedence left unresolved
/// (the reference grammar declares there are none).
pub fn build() -> (Tables, usize) {
    let g = read_grammar();
    let items = Items::new(&g);

    // The LR(0) automaton: states are kernels.
    let mut kernels: Vec<Vec<u32>> = vec![vec![0]];
    let mut index: HashMap<Vec<u32>, u32> = HashMap::from([(vec![0], 0)]);
    let mut trans: Vec<Vec<(usize, u32)>> = Vec::new();
    let mut s = 0;
    while s < kernels.len() {
        let mut by_sym: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        for item in items.closure(&kernels[s]) {
            if let Some(x) = items.next(item) {
                by_sym.entry(x).or_default().push(item + 1);
            }
        }
        let mut out = Vec::new();
        for (x, kernel) in by_sym {
            let next = *index.entry(kernel.clone()).or_insert_with(|| {
                kernels.push(kernel);
                kernels.len() as u32 - 1
            });
            out.push((x, next));
        }
        trans.push(out);
        s += 1;
    }
    let goto_of = |s: usize, x: usize| trans[s].iter().find(|t| t.0 == x).map(|t| t.1 as usize);

    // Lookaheads of kernel items: generated spontaneously, then propagated.
    let mut la: Vec<Vec<Set>> = kernels.iter().map(|k| vec![0; k.len()]).collect();
    let mut links: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for (s, kernel) in kernels.iter().enumerate() {
        for (ki, &k) in kernel.iter().enumerate() {
            for (item, set) in items.closure_with_lookahead(&[(k, 1 << PROBE)]) {
                let Some(x) = items.next(item) else { continue };
                let t = goto_of(s, x).expect("every item's symbol has a transition");
                let ti = kernels[t].binary_search(&(item + 1)).expect("advanced item is in the kernel");
                la[t][ti] |= set & !(1 << PROBE);
                if set & 1 << PROBE != 0 {
                    links.push(((s, ki), (t, ti)));
                }
            }
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for &((s, ki), (t, ti)) in &links {
            if la[t][ti] | la[s][ki] != la[t][ti] {
                la[t][ti] |= la[s][ki];
                changed = true;
            }
        }
    }

    let nonterminals = g.by_lhs.len();
    let mut goto = vec![NO_STATE; kernels.len() * nonterminals];
    let mut rows = Vec::new();
    let mut conflicts = 0;
    for (s, kernel) in kernels.iter().enumerate() {
        for &(x, t) in &trans[s] {
            if x >= N_TERMS {
                goto[s * nonterminals + x - N_TERMS] = t;
            }
        }
        let seeds: Vec<(u32, Set)> = kernel.iter().copied().zip(la[s].iter().copied()).collect();
        let mut reds: Vec<(usize, Set)> = items
            .closure_with_lookahead(&seeds)
            .into_iter()
            .filter(|(item, _)| items.next(*item).is_none())
            .map(|(item, set)| (items.rule[item as usize], set))
            .collect();
        reds.sort_unstable();
        let (row, unresolved) = row(&g, &trans[s], &mut reds);
        conflicts += unresolved;
        rows.push(row);
    }
    let rules = g.rules.iter().map(|r| (r.lhs, r.rhs.len())).collect();
    (Tables { rows, rules, goto, nonterminals }, conflicts)
}

/// One state's row: shifts and reductions, conflicts settled by precedence, then the
/// most common reduction made the default. Returns the count of unresolved conflicts.
fn row(g: &Grammar, trans: &[(usize, u32)], reds: &mut [(usize, Set)]) -> (Row, usize) {
    let mut shift = vec![None; N_TERMS];
    let mut shifts: Set = 0;
    for &(x, t) in trans.iter().filter(|(x, _)| *x < N_TERMS) {
        shift[x] = Some(t);
        shifts |= 1 << x;
    }
    let consistent = reds.len() <= 1 && shifts == 0;
    let mut errors: Set = 0;
    for (rule, la) in reds.iter_mut() {
        let rp = g.rules[*rule].prec;
        if rp == 0 {
            continue;
        }
        for t in bits(*la & shifts) {
            let (tp, assoc) = g.tok_prec[t];
            if tp == 0 {
                continue;
            }
            let (keep_shift, keep_reduce) = match tp.cmp(&rp) {
                std::cmp::Ordering::Less => (false, true),
                std::cmp::Ordering::Greater => (true, false),
                std::cmp::Ordering::Equal => match assoc {
                    Assoc::Left => (false, true),
                    Assoc::Right => (true, false),
                    Assoc::Nonassoc => (false, false),
                },
            };
            if !keep_shift {
                shifts &= !(1 << t);
            }
            if !keep_reduce {
                *la &= !(1 << t);
            }
            if !keep_shift && !keep_reduce {
                errors |= 1 << t;
            }
        }
    }
    let mut unresolved = 0;
    let mut claimed = shifts;
    for (_, la) in reds.iter() {
        unresolved += (claimed & la).count_ones() as usize;
        claimed |= la;
    }

    let mut act = vec![Act::Default; N_TERMS];
    for (rule, la) in reds.iter().rev() {
        for t in bits(*la) {
            act[t] = Act::Reduce(*rule as u32);
        }
    }
    for t in bits(shifts) {
        act[t] = Act::Shift(shift[t].expect("shifts only holds shifted terminals"));
    }
    for t in bits(errors) {
        act[t] = Act::Error;
    }
    let default = if consistent {
        reds.first().map(|r| r.0 as u32)
    } else {
        let mut best: Option<(u32, usize)> = None;
        for (rule, _) in reds.iter() {
            let count = act.iter().filter(|a| **a == Act::Reduce(*rule as u32)).count();
            if count > best.map_or(0, |b| b.1) {
                best = Some((*rule as u32, count));
            }
        }
        best.map(|b| b.0)
    };
    let fallback = match default {
        Some(rule) => Act::Reduce(rule),
        None => Act::Error,
    };
    for a in act.iter_mut().filter(|a| **a == fallback) {
        *a = Act::Default;
    }
    let reads_token = act.iter().any(|a| *a != Act::Default);
    (Row { act, default, reads_token }, unresolved)
}
