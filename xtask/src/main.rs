//! `cargo xtask gazetteer`: rebuilds the compiled gazetteer from `../shared/data/gazetteer`.
fn main() -> anyhow::Result<()> {
    anyhow::bail!("usage: cargo xtask gazetteer")
}
