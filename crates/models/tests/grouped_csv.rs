//! The grouped-CSV models: the fast partial-pooling model (hand gradients over group
//! sums) against the same model declared with the layer, on the tiny fixture with and
//! without its predictor; and a deliberately different declared model is caught.

use models::grouped_csv::declared::VaryingLines;
use models::grouped_csv::fit::{GroupedModel, Pooling};
use models::grouped_csv::{Columns, GroupedTable};
use models::layer::check::check_against_declared;
use sampler::Model;
use std::path::Path;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/tiny_groups.csv");

fn tiny(predictor: bool) -> GroupedTable {
    let columns = Columns {
        group: "class".into(),
        outcome: "score".into(),
        predictor: predictor.then(|| "hours".into()),
    };
    GroupedTable::load(Path::new(TINY), &columns).unwrap()
}

#[test]
fn the_fast_model_and_the_declared_one_agree() {
    for predictor in [false, true] {
        let table = tiny(predictor);
        let fast = GroupedModel::new(&table, Pooling::Partial).unwrap();
        let declared = VaryingLines::declare(table).unwrap();
        let agreement = check_against_declared(&fast, &declared, 1000, 20261206)
            .unwrap_or_else(|e| panic!("predictor {predictor}: {e}"));
        eprintln!("predictor {predictor}: {agreement:?}");
        assert_eq!(agreement.points, 1000);
        // Same coordinates, and the declared model reports the same group values.
        let x: Vec<f64> = (0..fast.dim()).map(|k| 0.1 * k as f64 - 0.7).collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        fast.constrain(&x, &mut a);
        declared.constrain(&x, &mut b);
        let names = declared.param_names();
        for (j, name) in (0..5).map(|j| (j, fast.intercept_name(j).unwrap())) {
            let k = names.iter().position(|n| *n == name).unwrap();
            assert!((fast.line(&a, j).intercept - b[k]).abs() < 1e-12, "{name}");
        }
    }
}

#[test]
fn a_declared_model_on_other_data_is_caught() {
    // One score changed by 1: the check must fail, naming the point, when the fast
    // model and the declared one see different data.
    let table = tiny(true);
    let fast = GroupedModel::new(&table, Pooling::Partial).unwrap();
    let mut other = table.clone();
    other.y[0] += 1.0;
    let declared = VaryingLines::declare(other).unwrap();
    let e = check_against_declared(&fast, &declared, 50, 1).unwrap_err();
    assert!(e.starts_with("point "), "{e}");
}

#[test]
fn a_group_with_one_row_fits_under_partial_and_complete_pooling_only() {
    let table = tiny(false);
    assert_eq!(table.group_names, ["Ash", "Birch", "Cedar", "Elm", "Oak"]);
    assert_eq!(table.sizes, [5, 4, 2, 1, 5]);
    for pooling in [Pooling::Partial, Pooling::Complete] {
        let m = GroupedModel::new(&table, pooling).unwrap();
        assert!(m.log_density(&vec![0.1; m.dim()]).is_finite());
    }
    let e = GroupedModel::new(&table, Pooling::None).unwrap_err().to_string();
    assert!(
        e.ends_with(
            "tiny_groups.csv, line 13, column `class`: group \"Elm\" has 1 row(s); no pooling \
             fits each group on its own and needs at least 2 rows in every group"
        ),
        "{e}"
    );
}
