//! Entry point of the embed-code generator's page (generator.html): a Wasm
//! of its own, so residents' finder (src/main.rs) never contains it.

fn main() {
    ia_map::start_generator();
}
