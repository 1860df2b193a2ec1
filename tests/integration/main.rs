//! The one integration test binary (see ARCHITECTURE.md). Natively it runs everything; compiled
//! to wasm32 it runs the Wasm-equals-native check under Node.

#[cfg(not(target_arch = "wasm32"))]
mod formats;
#[cfg(not(target_arch = "wasm32"))]
mod golden;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
#[cfg(not(target_arch = "wasm32"))]
mod scenarios;
#[cfg(not(target_arch = "wasm32"))]
mod taxonomy;
#[cfg(target_arch = "wasm32")]
mod wasm;
