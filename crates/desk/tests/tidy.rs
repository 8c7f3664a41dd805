//! The desk core's modules form no import circle: a module that `impl Desk` for a feature
//! uses `desk.rs`, and `desk.rs` (with what it starts: the loops, settings, status, events)
//! never reaches back into a feature module.

use std::collections::{BTreeMap, BTreeSet};

fn sources() -> BTreeMap<String, String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

/// Which module each name re-exported by lib.rs comes from (`pub use desk::{Desk, …}`).
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.strip_prefix("pub use ")) {
        let Some((module, rest)) = line.split_once("::") else { continue };
        let rest = rest.trim_end_matches(';');
        let items = rest.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.trim().rsplit("::").next().unwrap_or_default().to_owned();
            names.insert(name, module.to_owned());
        }
    }
    names
}

/// The modules a source file refers to through `crate::`.
fn uses(text: &str, modules: &BTreeSet<String>, names: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for rest in line.split("crate::").skip(1) {
            let head: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if modules.contains(&head) {
                found.insert(head);
            } else if let Some(module) = names.get(&head) {
                found.insert(module.clone());
            }
        }
    }
    found
}

fn cycle_from(start: &str, graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn walk(
        at: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            let mut cycle = path[i..].to_vec();
            cycle.push(at.to_owned());
            return Some(cycle);
        }
        if !done.insert(at.to_owned()) {
            return None;
        }
        path.push(at.to_owned());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(cycle) = walk(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    walk(start, graph, &mut Vec::new(), &mut BTreeSet::new())
}

#[test]
fn no_module_reaches_back_to_itself() {
    let files = sources();
    let lib = files.get("lib").expect("lib.rs");
    let modules: BTreeSet<String> = files.keys().filter(|m| *m != "lib").cloned().collect();
    let names = reexports(lib);
    let graph: BTreeMap<String, BTreeSet<String>> = files
        .iter()
        .filter(|(m, _)| *m != "lib")
        .map(|(m, text)| {
            let mut deps = uses(text, &modules, &names);
            deps.remove(m);
            (m.clone(), deps)
        })
        .collect();
    for module in &modules {
        if let Some(cycle) = cycle_from(module, &graph) {
            panic!("an import circle: {}", cycle.join(" → "));
        }
    }
    // What the session starts must not depend on the features built on it.
    for base in ["desk", "sync_loop", "alerts", "events", "settings", "status", "links"] {
        for feature in ["risk", "cases", "outbox", "conversation", "supervisor", "reports"] {
            assert!(!graph[base].contains(feature), "{base}.rs uses {feature}.rs");
        }
    }
}

#[test]
fn the_check_finds_a_circle() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a".to_owned(), BTreeSet::from(["b".to_owned()])), ("b".to_owned(), BTreeSet::from(["a".to_owned()]))].into();
    assert_eq!(cycle_from("a", &graph), Some(vec!["a".into(), "b".into(), "a".into()]));
}
