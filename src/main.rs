//! Entry point of the browser app: everything lives in the library so that
//! component tests can mount it.

fn main() {
    ia_map::start();
}
