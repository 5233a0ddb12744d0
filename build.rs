//! Keeps the linker's relocations in the WebAssembly module when the `split` feature is on:
//! `wasm-split-cli` (scripts/post_build.sh) reads them to move each split point's code into a
//! file of its own (src/ui/lazy.rs).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg=--emit-relocs");
    }
}
