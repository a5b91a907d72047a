//! A simple smoother of a scatter: means in bins of consecutive points.

/// Means of `x` and `y` in `bins` groups of consecutive `x` (sorted; the groups
/// differ in size by at most one), as `(x, y)` points: a simple smoother of a
/// scatter, such as residuals against a covariate.
///
/// ```
/// let m = diagnostics::binned_means(&[3.0, 1.0, 2.0, 4.0], &[30.0, 10.0, 20.0, 40.0], 2);
/// assert_eq!(m, vec![(1.5, 15.0), (3.5, 35.0)]);
/// ```
pub fn binned_means(x: &[f64], y: &[f64], bins: usize) -> Vec<(f64, f64)> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    (0..bins)
        .map(|b| {
            let part = &order[b * x.len() / bins..(b + 1) * x.len() / bins];
            let n = part.len().max(1) as f64;
            (
                part.iter().map(|&i| x[i]).sum::<f64>() / n,
                part.iter().map(|&i| y[i]).sum::<f64>() / n,
            )
        })
        .collect()
}
