//! Realisation: plans the builds the asked-for derivations need and runs them on a
//! single-threaded tokio runtime (the sandbox helpers are child processes, so one
//! thread suffices, and their parent-death signal is tied to it), up to `max_jobs` at
//! once, each as soon as the builds it depends on succeeded. A failure is reported when
//! it happens; derivations depending on it fail with "1 dependency failed"; without
//! `keep_going` the running builds are stopped. Ctrl-C kills every build.

use crate::error::{BuildError, Failure, failing_status};
use crate::job::{SharedStore, build, task_failed};
use crate::options::BuildOptions;
use crate::plan::{output_paths, plan, read_derivation};
use crate::progress::Progress;
use ferrix_store::StorePath;
use ferrix_store::local::LocalStore;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use tokio::task::JoinSet;

/// The outputs of each derivation asked for, valid afterwards.
pub struct Realised {
    pub outputs: Vec<(StorePath, BTreeMap<String, StorePath>)>,
}

/// Builds what is missing of the outputs of `drvs` in the store at `root`.
pub fn realise(
    root: &std::path::Path,
    drvs: &[StorePath],
    options: &BuildOptions,
) -> Result<Realised, BuildError> {
    let store = LocalStore::open(root)?;
    let plan = plan(&store, drvs)?;
    let mut outputs = Vec::new();
    for drv in drvs {
        let parsed = read_derivation(&store, drv)?;
        outputs.push((drv.clone(), output_paths(drv, &parsed)?));
    }
    if !plan.nodes.is_empty() {
        crate::sandbox::remove_stale(&store);
        let store: SharedStore = Arc::new(Mutex::new(store));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(BuildError::io("start the build scheduler"))?;
        let local = tokio::task::LocalSet::new();
        runtime.block_on(local.run_until(run(store, plan.nodes, Arc::new(options.clone()))))?;
    }
    Ok(Realised { outputs })
}

/// The derivations that realising `drvs` would build, dependencies first (what
/// `--dry-run` shows).
pub fn missing(root: &std::path::Path, drvs: &[StorePath]) -> Result<Vec<StorePath>, BuildError> {
    let store = LocalStore::open(root)?;
    let plan = plan(&store, drvs)?;
    Ok(topological(&plan.nodes).into_iter().map(|i| plan.nodes[i].drv_path.clone()).collect())
}

/// The state of each planned build.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Waiting,
    Running,
    Done,
    Failed,
}

async fn run(
    store: SharedStore,
    nodes: Vec<crate::plan::Node>,
    options: Arc<BuildOptions>,
) -> Result<(), BuildError> {
    let order = topological(&nodes);
    let n = nodes.len();
    let progress = Rc::new(Progress::new(n, options.verbosity));
    if n == 1 {
        progress.info("this derivation will be built:");
    } else {
        progress.info(&format!("these {n} derivations will be built:"));
    }
    for &i in &order {
        progress.info(&format!("  {}", nodes[i].drv_path.to_absolute()));
    }
    let mut dependents = vec![Vec::new(); n];
    let mut waiting_on: Vec<usize> = nodes.iter().map(|node| node.deps.len()).collect();
    for (i, node) in nodes.iter().enumerate() {
        for &d in &node.deps {
            dependents[d].push(i);
        }
    }
    let nodes: Vec<Arc<crate::plan::Node>> = nodes.into_iter().map(Arc::new).collect();
    let mut state = vec![State::Waiting; n];
    let mut ready: VecDeque<usize> = order.iter().copied().filter(|&i| waiting_on[i] == 0).collect();
    let mut running = JoinSet::new();
    let (mut failures, mut bits, mut stopping) = (0, 0u8, false);
    let interrupt = tokio::signal::ctrl_c();
    tokio::pin!(interrupt);
    loop {
        while running.len() < options.max_jobs.max(1) && !stopping {
            let Some(i) = ready.pop_front() else { break };
            state[i] = State::Running;
            progress.started();
            let job = build(store.clone(), nodes[i].clone(), options.clone(), progress.clone());
            running.spawn_local(async move { (i, job.await) });
        }
        let finished = tokio::select! {
            finished = running.join_next() => finished,
            Ok(()) = &mut interrupt => {
                running.abort_all();
                while running.join_next().await.is_some() {}
                return Err(BuildError::Interrupted);
            }
        };
        let Some(finished) = finished else { break };
        let (i, result) = match finished {
            Ok(done) => done,
            // Builds stopped after another's failure.
            Err(e) if e.is_cancelled() && stopping => continue,
            Err(e) => return Err(BuildError::Invalid(task_failed(e).message)),
        };
        match result {
            Ok(()) => {
                progress.finished(true, true);
                state[i] = State::Done;
                for &d in &dependents[i] {
                    waiting_on[d] -= 1;
                    if waiting_on[d] == 0 && state[d] == State::Waiting {
                        ready.push_back(d);
                    }
                }
            }
            Err(failure) => {
                progress.finished(false, true);
                progress.line(&format!("error: {}", failure.message));
                bits |= failure.bits;
                state[i] = State::Failed;
                fail_dependents(i, &nodes, &dependents, &mut state, &progress);
                failures = state.iter().filter(|s| **s == State::Failed).count();
                ready.retain(|&r| state[r] == State::Waiting);
                if !options.keep_going {
                    stopping = true;
                    running.abort_all();
                }
            }
        }
    }
    if failures > 0 {
        return Err(BuildError::Failed { count: failures, status: failing_status(bits) });
    }
    Ok(())
}

/// Marks everything depending on the failed build `failed` as failed, reporting each.
fn fail_dependents(
    failed: usize,
    nodes: &[Arc<crate::plan::Node>],
    dependents: &[Vec<usize>],
    state: &mut [State],
    progress: &Progress,
) {
    let mut todo = vec![failed];
    while let Some(i) = todo.pop() {
        for &d in &dependents[i] {
            if state[d] != State::Waiting {
                continue;
            }
            state[d] = State::Failed;
            progress.finished(false, false);
            let outputs: Vec<StorePath> = nodes[d].outputs.values().cloned().collect();
            let failed_deps = nodes[d].deps.iter().filter(|&&x| state[x] == State::Failed).count();
            let reason =
                format!("{failed_deps} dependenc{} failed", if failed_deps == 1 { "y" } else { "ies" });
            let failure = Failure::cannot_build(&nodes[d].drv_path, &reason, &outputs, 0);
            progress.line(&format!("error: {}", failure.message));
            todo.push(d);
        }
    }
}

/// The nodes in an order where each comes after the nodes it depends on.
fn topological(nodes: &[crate::plan::Node]) -> Vec<usize> {
    let mut order = Vec::with_capacity(nodes.len());
    let mut visited = vec![false; nodes.len()];
    for start in 0..nodes.len() {
        // Iterative depth-first post-order: (node, next dependency to look at).
        let mut stack = vec![(start, 0)];
        while let Some(&mut (i, ref mut next)) = stack.last_mut() {
            if *next == 0 && visited[i] {
                stack.pop();
                continue;
            }
            visited[i] = true;
            if let Some(&d) = nodes[i].deps.get(*next) {
                *next += 1;
                if !visited[d] {
                    stack.push((d, 0));
                }
            } else {
                order.push(i);
                stack.pop();
            }
        }
    }
    order
}
