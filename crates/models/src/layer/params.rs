//! Handles to declared parameters, and the constrained values a density reads through
//! them ([`Params`]) or derived quantities it writes ([`Generated`]).
//!
//! A handle is an index fixed when the parameter is declared: reading `p[self.tau]`
//! is one array access, with no name looked up while sampling. Handles are made only by
//! [`super::Declaration`], so a misspelt name is a compile error, not a wrong index.

use std::ops::{Index, IndexMut};

/// A scalar parameter (`real`, `real<lower=0>`, …): `p[handle]` is its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scalar {
    pub(crate) index: usize,
}

/// A vector parameter (`vector[N]`, `simplex[K]`): `&p[handle]` is a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vector {
    pub(crate) start: usize,
    pub(crate) len: usize,
}

/// An array of equal-length vectors (`array[N] simplex[K]`): `p.row(handle, i)` is
/// the `i`-th vector (0-based), [`Params::rows`] iterates over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vectors {
    pub(crate) start: usize,
    pub(crate) count: usize,
    pub(crate) len: usize,
}

/// A square matrix parameter (`cholesky_factor_corr[K]`): `&p[handle]` is its `K²`
/// values row by row, entry `(i, j)` (0-based) at `i · K + j`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matrix {
    pub(crate) start: usize,
    pub(crate) dim: usize,
}

impl Matrix {
    /// The number of rows (and columns) `K`.
    pub fn dim(&self) -> usize {
        self.dim
    }
}

/// A derived scalar (Stan's transformed parameters or generated quantities):
/// `out[handle] = …` in [`super::Density::generated`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenScalar {
    pub(crate) index: usize,
}

/// A derived vector: `out[handle][i] = …` in [`super::Density::generated`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenVector {
    pub(crate) start: usize,
    pub(crate) len: usize,
}

/// The constrained values of every declared parameter, in the number type `T` the
/// density is being evaluated in (`f64`, or a dual number for gradients).
#[derive(Debug, Clone, PartialEq)]
pub struct Params<T> {
    pub(crate) values: Vec<T>,
}

impl<T> Params<T> {
    /// The `i`-th vector (0-based) of an array of vectors; panics if `i` is past the end.
    pub fn row(&self, h: Vectors, i: usize) -> &[T] {
        assert!(i < h.count, "row {i} of an array of {} vectors", h.count);
        let start = h.start + i * h.len;
        &self.values[start..start + h.len]
    }

    /// The vectors of an array, in order.
    pub fn rows(&self, h: Vectors) -> impl ExactSizeIterator<Item = &[T]> {
        self.values[h.start..h.start + h.count * h.len].chunks_exact(h.len)
    }
}

impl<T> Index<Scalar> for Params<T> {
    type Output = T;
    fn index(&self, h: Scalar) -> &T {
        &self.values[h.index]
    }
}

impl<T> Index<Vector> for Params<T> {
    type Output = [T];
    fn index(&self, h: Vector) -> &[T] {
        &self.values[h.start..h.start + h.len]
    }
}

impl<T> Index<Matrix> for Params<T> {
    type Output = [T];
    fn index(&self, h: Matrix) -> &[T] {
        &self.values[h.start..h.start + h.dim * h.dim]
    }
}

/// The derived quantities a model reports with its draws, written by
/// [`super::Density::generated`] through [`GenScalar`] and [`GenVector`] handles.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub(crate) values: Vec<f64>,
}

impl Index<GenScalar> for Generated {
    type Output = f64;
    fn index(&self, h: GenScalar) -> &f64 {
        &self.values[h.index]
    }
}

impl IndexMut<GenScalar> for Generated {
    fn index_mut(&mut self, h: GenScalar) -> &mut f64 {
        &mut self.values[h.index]
    }
}

impl Index<GenVector> for Generated {
    type Output = [f64];
    fn index(&self, h: GenVector) -> &[f64] {
        &self.values[h.start..h.start + h.len]
    }
}

impl IndexMut<GenVector> for Generated {
    fn index_mut(&mut self, h: GenVector) -> &mut [f64] {
        &mut self.values[h.start..h.start + h.len]
    }
}
