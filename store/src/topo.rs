//! Topological sorting of store paths by their references, in the reference's order:
//! a depth-first walk over the paths in sorted order, visiting references first.
//! `nix-store -qR` prints this order (dependencies before dependants); builders and
//! the garbage collector use it to register and delete in a safe order.

use crate::store_path::StorePath;
use std::collections::BTreeSet;

/// A reference cycle among the paths being sorted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cycle detected in the references of '{path}' from '{parent}'")]
pub struct CycleError {
    pub path: StorePath,
    pub parent: StorePath,
}

/// Sorts `paths` so that every path comes after the paths it refers to (among `paths`);
/// self-references are ignored. `references` gives a path's references.
pub fn topo_sort<E>(
    paths: &BTreeSet<StorePath>,
    mut references: impl FnMut(&StorePath) -> Result<BTreeSet<StorePath>, E>,
) -> Result<Vec<StorePath>, TopoError<E>> {
    enum Step {
        Enter(StorePath),
        Leave(StorePath),
    }
    let mut sorted = Vec::with_capacity(paths.len());
    let mut visited = BTreeSet::new();
    let mut on_path = BTreeSet::new();
    // An explicit stack: closures can be deep chains, and Rust's stack is not.
    let mut stack: Vec<(Step, Option<StorePath>)> = Vec::new();
    for root in paths.iter().rev() {
        stack.push((Step::Enter(root.clone()), None));
    }
    while let Some((step, parent)) = stack.pop() {
        match step {
            Step::Enter(p) => {
                if on_path.contains(&p) {
                    let parent = parent.unwrap_or_else(|| p.clone());
                    return Err(TopoError::Cycle(CycleError { path: p, parent }));
                }
                if !visited.insert(p.clone()) {
                    continue;
                }
                on_path.insert(p.clone());
                let refs = references(&p).map_err(TopoError::References)?;
                stack.push((Step::Leave(p.clone()), None));
                for r in refs.into_iter().rev().filter(|r| *r != p && paths.contains(r)) {
                    stack.push((Step::Enter(r), Some(p.clone())));
                }
            }
            Step::Leave(p) => {
                on_path.remove(&p);
                sorted.push(p);
            }
        }
    }
    Ok(sorted)
}

/// Why [`topo_sort`] failed.
#[derive(Debug, thiserror::Error)]
pub enum TopoError<E> {
    #[error(transparent)]
    Cycle(CycleError),
    #[error("{0}")]
    References(E),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn p(name: &str, hash_char: char) -> StorePath {
        StorePath::from_base_name(&format!("{}-{name}", hash_char.to_string().repeat(32))).unwrap()
    }

    fn sort(graph: &BTreeMap<StorePath, Vec<StorePath>>) -> Result<Vec<StorePath>, TopoError<()>> {
        let all: BTreeSet<_> = graph.keys().cloned().collect();
        topo_sort(&all, |x| Ok(graph[x].iter().cloned().collect()))
    }

    #[test]
    fn dependencies_come_first() {
        let (a, b, c, d) = (p("a", '0'), p("b", '1'), p("c", '2'), p("d", '3'));
        // a -> c -> d, b -> d, d -> d (self reference is ignored)
        let graph = BTreeMap::from([
            (a.clone(), vec![c.clone()]),
            (b.clone(), vec![d.clone()]),
            (c.clone(), vec![d.clone()]),
            (d.clone(), vec![d.clone()]),
        ]);
        assert_eq!(sort(&graph).unwrap(), vec![d, c, a, b]);
    }

    #[test]
    fn cycles_are_reported() {
        let (a, b) = (p("a", '0'), p("b", '1'));
        let graph = BTreeMap::from([(a.clone(), vec![b.clone()]), (b.clone(), vec![a.clone()])]);
        match sort(&graph) {
            Err(TopoError::Cycle(c)) => assert_eq!((c.path, c.parent), (a, b)),
            other => panic!("expected a cycle, got {other:?}"),
        }
    }

    #[test]
    fn deep_chains_do_not_recurse() {
        let paths: Vec<StorePath> = (0..100_000).map(|i| p(&format!("n{i}"), '0')).collect();
        let all: BTreeSet<_> = paths.iter().cloned().collect();
        let index: BTreeMap<_, _> = paths.iter().enumerate().map(|(i, x)| (x.clone(), i)).collect();
        let sorted = topo_sort(&all, |x| {
            let i = index[x];
            Ok::<_, ()>(paths.get(i + 1).cloned().into_iter().collect())
        })
        .unwrap();
        assert_eq!(sorted.first(), paths.last());
        assert_eq!(sorted.len(), paths.len());
    }
}
