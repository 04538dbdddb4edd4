//! The split build of the finder (feature `split`, issue 28): its Wasm is
//! linked with relocations, which the splitter (`wasm-split-cli`, run by
//! scripts/split-wasm.mjs) reads to move each lazily loaded part into a file
//! of its own. Nothing else is linked differently.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bin=ia-map=--emit-relocs");
    }
}
