//! Checks for the optional hand-gradient exercise, compiled into both
//! `exercises` and `solutions`.

use super::*;

use crate::common::passed;
use models::declared::eight_schools::{NonCentred, Schools};
use models::layer::check::check_against_declared;

#[test]
fn gradient_matches_the_automatic_one() {
    let auto = NonCentred::declare(Schools::classic()).expect("the layer's model");
    // 200 points, each coordinate standard normal (so tau = exp(log tau) ranges
    // from about 0.05 to 20). "hand" is yours, "auto" the layer's.
    let agreement = check_against_declared(&NonCentredByHand::new(), &auto, 200, 5_8_2)
        .unwrap_or_else(|e| {
            // The library's message says "hand" for yours and "auto" for the layer's.
            let e = e.replace(" hand ", " yours ").replace(", auto ", ", automatic ");
            panic!("your model differs from the automatic one at {e}")
        });
    passed(
        "log density at 200 points, up to a constant",
        &format!("largest relative difference {:.1e}", agreement.max_density_error),
        "at most 1e-12",
    );
    passed(
        "gradient at 200 points, every coordinate",
        &format!("largest relative difference {:.1e}", agreement.max_gradient_error),
        "at most 1e-10",
    );
}
