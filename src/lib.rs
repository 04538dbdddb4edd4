//! The NRW Integrationsagenturen finder: a Leptos single-page app.
//!
//! Layers (see ARCHITECTURE.md): `ia_core` (pure logic, no browser) →
//! [`load`] (fetching config and dataset) → [`ui`] (Leptos components) and
//! [`map`] (the only module that talks to Leaflet). [`i18n`] holds every
//! user-visible string.

pub mod app;
pub mod config;
pub mod embed;
pub mod i18n;
pub mod load;
pub mod map;
pub mod panic;
pub mod state;
pub mod ui;

/// Installs the panic hook and mounts the app into `<body>`.
pub fn start() {
    panic::install_hook();
    if let Some(boot) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
