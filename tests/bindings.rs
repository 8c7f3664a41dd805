//! The UI's TypeScript bindings are generated from the Rust commands and events; this test
//! fails when the committed file is stale. `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings`
//! rewrites it.

const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/bindings.ts");

#[test]
fn typescript_bindings_are_current() {
    let generated = arbiter_app::bindings::typescript();
    if std::env::var_os("ARBITER_WRITE_BINDINGS").is_some() {
        std::fs::write(BINDINGS, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is stale: run `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings`"
    );
}
