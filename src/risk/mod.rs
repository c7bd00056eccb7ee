//! Risk scoring, bands, matrices and the register's rows. Pure functions
//! over the book.
