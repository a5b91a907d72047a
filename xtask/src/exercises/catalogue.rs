//! Every exercise, with its graded hints.
//!
//! A hint belongs to some of an exercise's checks (the test functions of
//! `exercises/checks/<name>.rs`). Its steps teach, gentlest first: after each run
//! in which one of its checks fails the checker shows one more step. The formula
//! itself is shown only when asked for, with `cargo xtask exercise NAME --hint`,
//! so a student who wants to work it out is never handed it.

/// One exercise: a module `exercises/src/<name>.rs`, its checks in
/// `exercises/checks/<name>.rs`, its answer in `solutions/src/<name>.rs` and
/// its page `book/src/exercises/<name>.md`.
pub struct Exercise {
    /// Module, feature and file name.
    pub name: &'static str,
    /// What the book calls it.
    pub title: &'static str,
    /// Hints, each for some of the checks.
    pub hints: &'static [Hint],
}

/// Help for the checks it names.
pub struct Hint {
    /// Names of the check functions it helps with.
    pub checks: &'static [&'static str],
    /// Nudges, gentlest first.
    pub steps: &'static [&'static str],
    /// The formula or code that answers it: shown only with `--hint`.
    pub formula: &'static str,
}

/// Every exercise, in book order.
pub const EXERCISES: &[Exercise] = &[
    Exercise {
        name: "shrinkage",
        title: "5.8.1 Shrinkage arithmetic",
        hints: &[
            Hint {
                checks: &["shrinkage_factors", "ranking_by_shrinkage"],
                steps: &[
                    "B is the weight the estimate puts on mu: it grows with the school's own noise sigma and shrinks as the schools really differ (tau).",
                    "The shrinkage chapter writes B as a ratio of variances: the school's sampling variance over the total variance of its estimate.",
                ],
                formula: "B = sigma² / (sigma² + tau²); rank the schools by B, largest first (a stable sort keeps ties in index order).",
            },
            Hint {
                checks: &["shrunk_estimates"],
                steps: &[
                    "The estimate is a weighted average of the school's own y and the population mean mu, with weights that sum to one.",
                ],
                formula: "(1 − B) y + B mu",
            },
            Hint {
                checks: &["percentage_reduction_of_the_raw_effect"],
                steps: &[
                    "Compare the shrunk estimate with the raw effect y itself, not with its distance from mu.",
                ],
                formula: "100 (y − shrunk) / y",
            },
        ],
    },
    Exercise {
        name: "non_centred",
        title: "5.8.2 The non-centred parameterisation",
        hints: &[
            Hint {
                checks: &["jacobian_of_eta_to_theta"],
                steps: &[
                    "theta_j = mu + tau eta_j: each theta_j depends on its own eta_j only, so the Jacobian matrix is diagonal.",
                    "The determinant of a diagonal matrix is the product of its diagonal; you are given log tau.",
                ],
                formula: "J · log tau",
            },
            Hint {
                checks: &["declaration"],
                steps: &[
                    "Each parameter is declared with its support. Which values can a standard deviation take?",
                    "The sampler's coordinates show the transform: a positive parameter appears as `log tau`. `Declaration::positive`, `real`, `vector(name, n, Support::Real)`, `generated_vector`.",
                ],
                formula: "mu = p.real(\"mu\"); tau = p.positive(\"tau\"); eta = p.vector(\"eta\", 8, Support::Real); theta = p.generated_vector(\"theta\", 8)",
            },
            Hint {
                checks: &["log_density_matches_the_book_up_to_a_constant"],
                steps: &[
                    "Write one `target +=` term per line of the model: two priors, then per school the prior of eta_j and the likelihood of y_j.",
                    "`normal` and `half_normal` take a standard deviation, not a variance. In the likelihood the school's mean is written with mu, tau and eta_j.",
                ],
                formula: "normal(mu, 0, MU_PRIOR_SD) + half_normal(tau, TAU_PRIOR_SCALE) + Σ_j [normal(eta_j, 0, 1) + normal(y_j, mu + tau eta_j, sigma_j)]",
            },
            Hint {
                checks: &["theta_is_mu_plus_tau_eta"],
                steps: &[
                    "`generated` reads the constrained values p[self.mu], p[self.tau], &p[self.eta] and writes out[self.theta].",
                ],
                formula: "out[self.theta][j] = p[self.mu] + p[self.tau] * p[self.eta][j]",
            },
            Hint {
                checks: &["divergences_vanish"],
                steps: &[
                    "Two calls to `sampler::fit` with the same settings: the book's centred model, and the model your `declare()` returns.",
                ],
                formula: "Fits { centred: sampler::fit(&EightSchools::new(Parameterization::Centred), settings)?, non_centred: sampler::fit(&declare()?, settings)? }",
            },
        ],
    },
    Exercise {
        name: "hospitals",
        title: "5.8.3 Eight hospitals: a hierarchical Poisson model",
        hints: &[
            Hint {
                checks: &[
                    "no_pooling_posterior_is_conjugate",
                    "no_pooling_interval_has_exact_quantiles",
                ],
                steps: &[
                    "Multiply prior and likelihood as functions of lambda, dropping everything that does not depend on lambda.",
                    "lambda^(a−1) e^(−b lambda) · lambda^y e^(−e lambda) is again a Gamma kernel: read off its shape and rate.",
                ],
                formula: "shape a + y, rate b + e; interval from Gamma::new(shape, rate) and inverse_cdf((1 − prob)/2), inverse_cdf((1 + prob)/2)",
            },
            Hint {
                checks: &["declaration"],
                steps: &[
                    "Each parameter is declared with its support. Which values can a standard deviation take?",
                    "Declare mu_log, sigma_log, z (one per hospital), and lambda as a generated vector; the names are part of the check.",
                ],
                formula: "p.real(\"mu_log\"), p.positive(\"sigma_log\"), p.vector(\"z\", n, Support::Real), p.generated_vector(\"lambda\", n)",
            },
            Hint {
                checks: &[
                    "log_density_matches_the_book_up_to_a_constant",
                    "fit_is_of_your_model",
                    "hierarchical_fit_is_healthy",
                ],
                steps: &[
                    "One `target +=` term per line of the model: two priors, and per hospital the prior of z_j and the Poisson likelihood.",
                    "`poisson_log(y, eta)` takes the log of the Poisson mean. The mean is e_j lambda_j: its log has a term for the exposure.",
                ],
                formula: "normal(mu_log, 0, 1) + half_normal(sigma_log, 1) + Σ_j [normal(z_j, 0, 1) + poisson_log(y_j, mu_log + sigma_log z_j + ln e_j)]; fit: sampler::fit(&declare(&COUNTS, &EXPOSURE)?, settings)",
            },
            Hint {
                checks: &[
                    "partial_pooling_interval_is_central",
                    "pooling_narrows_the_smallest_hospital",
                ],
                steps: &[
                    "The interval's ends are quantiles of the pooled draws of lambda.5; the reduction compares widths.",
                ],
                formula: "quantile(draws, (1 − prob)/2), quantile(draws, (1 + prob)/2); 100 (1 − width(partial) / width(no_pooling))",
            },
            Hint {
                checks: &["new_hospital_is_drawn_from_the_population", "probability_of_no_events"],
                steps: &[
                    "A new hospital's log rate comes from the population distribution, with mu_log and sigma_log from the same posterior draw.",
                    "P(y = 0) of a Poisson with mean m is e^(−m); average it over the draws.",
                ],
                formula: "lambda_new = exp(mu_log + sigma_log z), z ~ Normal(0, 1); P(no event) = mean of exp(−exposure · lambda_new)",
            },
        ],
    },
    Exercise {
        name: "new_school",
        title: "5.8.4 Predicting a new school",
        hints: &[
            Hint {
                checks: &[
                    "new_school_matches_the_exact_predictive",
                    "new_school_is_wider_than_school_e",
                ],
                steps: &[
                    "A new school is one more draw from the population: for each posterior draw of (mu, tau), draw its effect from the population distribution.",
                ],
                formula: "theta_new = mu + tau z with a fresh z ~ Normal(0, 1) per draw",
            },
            Hint {
                checks: &["central_interval_of_known_values"],
                steps: &["The ends are the (1 − prob)/2 and (1 + prob)/2 quantiles of the draws."],
                formula: "(diagnostics::quantile(draws, (1 − prob)/2), diagnostics::quantile(draws, (1 + prob)/2))",
            },
            Hint {
                checks: &["private_school_adds_beta"],
                steps: &[
                    "In the covariate model a school's mean depends on x; a private school has x = 1.",
                ],
                formula: "theta_new = mu + beta + tau z",
            },
        ],
    },
    Exercise {
        name: "survey_sizes",
        title: "Try it yourself: one tiny region, one huge one",
        hints: &[
            Hint {
                checks: &["weight_on_the_baseline", "conditional_mean_blends_data_and_baseline"],
                steps: &[
                    "Given alpha and pi0, the Dirichlet prior is conjugate to the multinomial: add the counts to the prior's parameters.",
                    "Write the posterior mean as a weighted average of the region's own shares y/n and pi0: the weight on pi0 is B.",
                ],
                formula: "pi_r | alpha, pi0 ~ Dirichlet(alpha pi0 + y); B = alpha / (alpha + n)",
            },
            Hint {
                checks: &["no_pooling_interval_has_exact_quantiles"],
                steps: &[
                    "One share of a Dirichlet is Beta: its first parameter is that category's, its second the sum of the others'.",
                ],
                formula: "Beta(1 + y_k, K − 1 + n − y_k)",
            },
        ],
    },
    Exercise {
        name: "hsb_ppc",
        title: "High School and Beyond: a posterior predictive check",
        hints: &[Hint {
            checks: &[
                "replicates_come_from_different_posterior_draws",
                "complete_pooling_misses_the_differences_between_schools",
                "partial_pooling_reproduces_them",
            ],
            steps: &[
                "A replicated data set keeps the students (their schools and SES) and redraws every score from the model, with one posterior draw for the whole set.",
            ],
            formula: "score_i = line_j(ses_i) + sigma z_i with z_i ~ Normal(0, 1); then sd_of_school_means",
        }],
    },
    Exercise {
        name: "beta_mean_size",
        title: "Beta models: mean and sample size",
        hints: &[Hint {
            checks: &[
                "shapes_from_mean_and_size",
                "moments_agree_with_statrs",
                "nu_is_recovered_from_a_published_sd",
            ],
            steps: &[
                "The mean of Beta(a, b) is a / (a + b): choose a and b so that it is mu and a + b = nu.",
                "Look up the variance of Beta(a, b) and substitute your a and b; then solve it for nu.",
            ],
            formula: "a = mu nu, b = (1 − mu) nu; variance mu (1 − mu) / (nu + 1); nu = mu (1 − mu) / sd² − 1",
        }],
    },
    Exercise {
        name: "correlated_effects",
        title: "Correlated intercepts and slopes (High School and Beyond)",
        hints: &[
            Hint {
                checks: &["declaration"],
                steps: &[
                    "Two vectors of length 2 (one real, one positive), the Cholesky factor, two vectors of one value per group, a positive scalar and a generated scalar, in that order.",
                    "The factor is declared with `Declaration::cholesky_corr(name, K)`; its one free coordinate for K = 2 is called `atanh cpc L.2.1`.",
                ],
                formula: "p.vector(\"mu\", 2, Support::Real); p.vector(\"tau\", 2, Support::Positive); p.cholesky_corr(\"L\", 2); p.vector(\"z_0\", j, Support::Real); p.vector(\"z_1\", j, Support::Real); p.positive(\"sigma\"); p.generated(\"rho\")",
            },
            Hint {
                checks: &[
                    "log_density_matches_the_book_up_to_a_constant",
                    "fit_recovers_the_correlation",
                ],
                steps: &[
                    "One `target +=` per prior: two normals, two half-Cauchys, the LKJ density of the factor, the half-Cauchy of sigma; then per group two standard normals for z.",
                    "The LKJ prior is on L itself: `lkj_corr_cholesky(&p[self.l], LKJ_ETA)`. Forgetting it changes the density by a term in rho, which the check sees.",
                    "L is lower-triangular and stored row by row: L z has first entry L[0][0] z_0 = z_0 and second L[1][0] z_0 + L[1][1] z_1, i.e. l[2] z_0 + l[3] z_1. Using l[1] (above the diagonal, always 0) leaves the slopes uncorrelated.",
                ],
                formula: "beta_0 = mu[0] + tau[0] * z_0; beta_1 = mu[1] + tau[1] * (l[2] * z_0 + l[3] * z_1); target += normal(y_i, beta_0 + beta_1 x_i, sigma) for each observation of the group",
            },
            Hint {
                checks: &["rho_is_the_factors_lower_entry"],
                steps: &[
                    "The correlation matrix is L Lᵀ; its off-diagonal entry is L[1][0] L[0][0], and L[0][0] = 1.",
                ],
                formula: "out[self.rho] = p[self.l][2]",
            },
        ],
    },
    Exercise {
        name: "hand_gradient",
        title: "Optional: a gradient by hand (sampler appendix)",
        hints: &[Hint {
            checks: &["gradient_matches_the_automatic_one"],
            steps: &[
                "The sampler moves on log tau, so the density is that of (mu, log tau, eta): a change of variables adds the log of |d tau / d log tau|.",
                "Differentiate through theta_j = mu + tau eta_j with the chain rule: d theta_j / d mu = 1, d theta_j / d log tau = tau eta_j, d theta_j / d eta_j = tau.",
            ],
            formula: "log p = −mu²/(2·20²) − tau²/(2·10²) + log tau − Σ eta_j²/2 − Σ (y_j − mu − tau eta_j)²/(2 sigma_j²)",
        }],
    },
];
