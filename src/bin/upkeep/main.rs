//! The maintenance page (`pflege.html`, issue 21): the spreadsheet check of
//! `ia-datatool import` in the browser, with the same code (`ia_upkeep`).
//! A Wasm of its own, so residents' finder never contains it. It reads the
//! published dataset and the place data from the site's own files, the
//! maintainer's file from the disk, and sends nothing anywhere.

mod check;
mod package;
mod page;
mod report;
mod save;
mod texts;

fn main() {
    ia_map::panic::install_hook();
    if let Some(boot) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("boot"))
    {
        boot.remove();
    }
    match texts::german() {
        Ok(texts) => leptos::mount::mount_to_body(move || page::page(texts)),
        Err(problem) => leptos::logging::error!("{problem}"),
    }
}
