//! The release schedule: calendar items, recurring windows expanded, and
//! conflicts between them. Pure functions over the book.
