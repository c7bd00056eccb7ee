//! Exports: files for people and tools that don't have Relplan. Each
//! export reads the model only.

pub mod ics;
pub mod minutes;
pub mod risk_csv;
