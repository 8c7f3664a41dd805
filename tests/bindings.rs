//! What the UI takes from Rust is generated, never written twice: the TypeScript bindings of
//! the commands and events, and the domain rules the in-memory desk applies. These tests fail
//! when a committed file is stale; `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings`
//! rewrites them.

fn check(relative: &str, generated: String) {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("ARBITER_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{relative} is stale: run `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings`");
}

#[test]
fn typescript_bindings_are_current() {
    check("ui/src/lib/bindings.ts", arbiter_app::bindings::typescript());
}

#[test]
fn the_in_memory_desks_rules_are_current() {
    check("ui/src/lib/backend/rules.generated.ts", arbiter_app::bindings::domain_rules());
}

#[test]
fn the_english_of_what_rust_says_is_current() {
    check("ui/src/lib/i18n/rust.en.ts", arbiter_app::bindings::rust_messages());
}
