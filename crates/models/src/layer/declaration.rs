//! The `parameters` block: a model's parameters declared with their supports (and its
//! derived quantities with their names), laid out once, before any sampling.

use super::number::Number;
use super::params::{GenScalar, GenVector, Matrix, Scalar, Vector, Vectors};
use super::transforms::Support;

/// One declared parameter: `count` items (`None` for a single one) of a support.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
    support: Support,
    count: Option<usize>,
    start: usize,
    free_start: usize,
}

/// The parameters of a model with their supports, and the names of its derived
/// quantities, in declaration order.
///
/// Each call returns a typed handle to keep in the model's struct. A bad declaration
/// (a repeated or empty name, a name with a space or a dot, an empty vector, an
/// invalid support) is recorded and reported by [`super::Declared::new`], so the
/// declarations read as a list without a `?` on every line.
///
/// ```
/// use models::layer::{Declaration, Support};
/// let mut p = Declaration::new();
/// let mu = p.real("mu");
/// let tau = p.positive("tau");
/// let eta = p.vector("eta", 3, Support::Real);
/// assert_eq!(p.value_names(), ["mu", "tau", "eta.1", "eta.2", "eta.3"]);
/// assert_eq!(p.free_names(), ["mu", "log tau", "eta.1", "eta.2", "eta.3"]);
/// # let _ = (mu, tau, eta);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Declaration {
    entries: Vec<Entry>,
    generated: Vec<(String, Option<usize>)>,
    errors: Vec<String>,
    value_len: usize,
    free_len: usize,
    generated_len: usize,
}

impl Declaration {
    /// An empty declaration.
    pub fn new() -> Self {
        Self::default()
    }

    /// `real name;`
    pub fn real(&mut self, name: &str) -> Scalar {
        self.scalar(name, Support::Real)
    }

    /// `real<lower=0> name;`
    pub fn positive(&mut self, name: &str) -> Scalar {
        self.scalar(name, Support::Positive)
    }

    /// `real<lower=lower> name;`
    pub fn lower(&mut self, name: &str, lower: f64) -> Scalar {
        self.scalar(name, Support::Lower(lower))
    }

    /// `real<lower=lower, upper=upper> name;`
    pub fn interval(&mut self, name: &str, lower: f64, upper: f64) -> Scalar {
        self.scalar(name, Support::Interval(lower, upper))
    }

    /// A scalar of any scalar support.
    pub fn scalar(&mut self, name: &str, support: Support) -> Scalar {
        if !support.is_scalar() {
            self.errors.push(format!("`{name}`: {support:?} is not a scalar support"));
        }
        Scalar { index: self.push(name, support, None) }
    }

    /// `vector<…>[n] name;`: `n` scalars of one scalar support, named `name.1 … name.n`.
    pub fn vector(&mut self, name: &str, n: usize, support: Support) -> Vector {
        if !support.is_scalar() {
            self.errors.push(format!(
                "`{name}`: a vector of {support:?} is an array of vectors (use `simplexes`)"
            ));
        }
        Vector { start: self.push(name, support, Some(n)), len: n }
    }

    /// `simplex[k] name;`: `k` positive values summing to one, named `name.1 … name.k`.
    pub fn simplex(&mut self, name: &str, k: usize) -> Vector {
        Vector { start: self.push(name, Support::Simplex(k), None), len: k }
    }

    /// `array[n] simplex[k] name;`: named `name.i.j` (array index first).
    pub fn simplexes(&mut self, name: &str, n: usize, k: usize) -> Vectors {
        Vectors { start: self.push(name, Support::Simplex(k), Some(n)), count: n, len: k }
    }

    /// `cholesky_factor_corr[k] name;`: the Cholesky factor of a `k × k` correlation
    /// matrix, `k²` values row by row named `name.1.1 … name.k.k` (the zeros above the
    /// diagonal included), from `k(k − 1)/2` free coordinates.
    pub fn cholesky_corr(&mut self, name: &str, k: usize) -> Matrix {
        Matrix { start: self.push(name, Support::CholeskyCorr(k), None), dim: k }
    }

    /// A derived scalar reported with the draws.
    pub fn generated(&mut self, name: &str) -> GenScalar {
        GenScalar { index: self.push_generated(name, None) }
    }

    /// A derived vector reported with the draws, named `name.1 … name.n`.
    pub fn generated_vector(&mut self, name: &str, n: usize) -> GenVector {
        GenVector { start: self.push_generated(name, Some(n)), len: n }
    }

    fn check_name(&mut self, name: &str, count: Option<usize>) {
        let taken = self.entries.iter().any(|e| e.name == name)
            || self.generated.iter().any(|(g, _)| g == name);
        let problem = if name.is_empty() {
            Some("a name must not be empty".to_string())
        } else if name.contains(|c: char| c.is_whitespace() || c == '.') {
            Some(format!("`{name}`: a name must have no spaces or dots"))
        } else if taken {
            Some(format!("`{name}` is declared twice"))
        } else if count == Some(0) {
            Some(format!("`{name}` has length 0"))
        } else {
            None
        };
        self.errors.extend(problem);
    }

    fn push(&mut self, name: &str, support: Support, count: Option<usize>) -> usize {
        self.check_name(name, count);
        if let Err(e) = support.validate() {
            self.errors.push(format!("`{name}`: {e}"));
        }
        let items = count.unwrap_or(1);
        let start = self.value_len;
        self.entries.push(Entry {
            name: name.to_string(),
            support,
            count,
            start,
            free_start: self.free_len,
        });
        self.value_len += items * support.value_len();
        self.free_len += items * support.free_len();
        start
    }

    fn push_generated(&mut self, name: &str, count: Option<usize>) -> usize {
        self.check_name(name, count);
        self.generated.push((name.to_string(), count));
        let start = self.generated_len;
        self.generated_len += count.unwrap_or(1);
        start
    }

    /// The problems found while declaring, one line each (empty when all is well).
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// Number of free coordinates: the sampler's dimension `d`.
    pub fn free_len(&self) -> usize {
        self.free_len
    }

    /// Number of constrained parameter values.
    pub fn value_len(&self) -> usize {
        self.value_len
    }

    /// Number of derived values.
    pub fn generated_len(&self) -> usize {
        self.generated_len
    }

    /// Stan-style names of the constrained values (`tau`, `theta.1`, `p.2.3`).
    pub fn value_names(&self) -> Vec<String> {
        let mut names = Vec::with_capacity(self.value_len);
        for e in &self.entries {
            for item in item_names(&e.name, e.count) {
                for suffix in e.support.value_suffixes() {
                    names.push(join(&item, &suffix));
                }
            }
        }
        names
    }

    /// Names of the free coordinates (`mu`, `log tau`, `eta.3`), for messages.
    pub fn free_names(&self) -> Vec<String> {
        let mut names = Vec::with_capacity(self.free_len);
        for e in &self.entries {
            for item in item_names(&e.name, e.count) {
                names.extend(e.support.free_labels(&item));
            }
        }
        names
    }

    /// Names of the derived values, after the parameters in a draw.
    pub fn generated_names(&self) -> Vec<String> {
        let mut names = Vec::with_capacity(self.generated_len);
        for (name, count) in &self.generated {
            names.extend(item_names(name, *count));
        }
        names
    }

    /// Maps free coordinates `u` (length [`Declaration::free_len`]) to constrained
    /// values (written into `values`, resized to [`Declaration::value_len`]) and
    /// returns the summed log-Jacobian.
    pub fn constrain<T: Number>(&self, u: &[T], values: &mut Vec<T>) -> T {
        values.clear();
        values.resize(self.value_len, T::from(0.0));
        let mut log_jac = T::from(0.0);
        for e in &self.entries {
            let (len, free_len) = (e.support.value_len(), e.support.free_len());
            for i in 0..e.count.unwrap_or(1) {
                let (s, f) = (e.start + i * len, e.free_start + i * free_len);
                log_jac += e.support.constrain(&u[f..f + free_len], &mut values[s..s + len]);
            }
        }
        log_jac
    }

    /// Free coordinates from constrained values (in the order of
    /// [`Declaration::value_names`]), or an error naming the first value outside its
    /// support.
    pub fn unconstrain(&self, values: &[f64]) -> Result<Vec<f64>, String> {
        if values.len() != self.value_len {
            return Err(format!(
                "expected {} constrained values, got {}",
                self.value_len,
                values.len()
            ));
        }
        let mut u = vec![0.0; self.free_len];
        for e in &self.entries {
            let (len, free_len) = (e.support.value_len(), e.support.free_len());
            for (i, item) in item_names(&e.name, e.count).iter().enumerate() {
                let (s, f) = (e.start + i * len, e.free_start + i * free_len);
                e.support
                    .unconstrain(&values[s..s + len], &mut u[f..f + free_len])
                    .map_err(|msg| format!("`{item}`: {msg}"))?;
            }
        }
        Ok(u)
    }
}

/// `name` for a single item, `name.1 … name.n` for an array of `n`.
fn item_names(name: &str, count: Option<usize>) -> Vec<String> {
    match count {
        None => vec![name.to_string()],
        Some(n) => (1..=n).map(|i| format!("{name}.{i}")).collect(),
    }
}

fn join(item: &str, suffix: &str) -> String {
    if suffix.is_empty() { item.to_string() } else { format!("{item}.{suffix}") }
}
