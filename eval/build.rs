// Rebuild when the embedded standard library (../stdlib, see src/io/stdlib.rs) changes,
// also when files are added to it.
fn main() {
    println!("cargo:rerun-if-changed=../stdlib");
}
