//! Query strings, checked: every parameter a page takes is named with its
//! range, and anything else — an unknown or repeated name, a value that is
//! not a number, out of range or off its step — is a one-line reason for an
//! HTTP 400.

use std::collections::BTreeMap;

/// Why a request was refused: one line for the reader.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadRequest(pub String);

/// A parsed query string: each name once, values percent-decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    values: BTreeMap<String, String>,
}

/// Decodes `%XX` escapes and `+` (a space); `None` if an escape is broken
/// or the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

impl Query {
    /// Parses `a=1&b=2` (without the `?`); a name given twice, a name
    /// without `=`, or a broken escape is refused.
    pub fn parse(raw: &str) -> Result<Self, BadRequest> {
        let mut values = BTreeMap::new();
        for pair in raw.split('&').filter(|p| !p.is_empty()) {
            let bad = || BadRequest(format!("malformed query parameter {pair:?}"));
            let (name, value) = pair.split_once('=').ok_or_else(bad)?;
            let (name, value) =
                (percent_decode(name).ok_or_else(bad)?, percent_decode(value).ok_or_else(bad)?);
            if values.insert(name.clone(), value).is_some() {
                return Err(BadRequest(format!("parameter {name} is given twice")));
            }
        }
        Ok(Self { values })
    }

    /// Fails on a name that is not in `known`.
    pub fn only(&self, known: &[&str]) -> Result<(), BadRequest> {
        match self.values.keys().find(|k| !known.contains(&k.as_str())) {
            Some(k) => Err(BadRequest(format!(
                "unknown parameter {k:?} (this page takes {})",
                known.join(", ")
            ))),
            None => Ok(()),
        }
    }

    /// The raw value of `name`, or its `default` when the query has none and
    /// a default is allowed (`None`: the parameter is required).
    fn raw<'a>(&'a self, name: &str, default: Option<&'a str>) -> Result<&'a str, BadRequest> {
        match (self.values.get(name), default) {
            (Some(v), _) => Ok(v.trim()),
            (None, Some(d)) => Ok(d),
            (None, None) => Err(BadRequest(format!("parameter {name} is missing"))),
        }
    }

    /// An integer `name` in `range`, a multiple of `step` from its start.
    pub fn integer(
        &self,
        name: &str,
        range: (u64, u64),
        step: u64,
        default: Option<&str>,
    ) -> Result<u64, BadRequest> {
        let raw = self.raw(name, default)?;
        let v: u64 = raw
            .parse()
            .map_err(|_| BadRequest(format!("{name} must be a whole number, got {raw:?}")))?;
        if v < range.0 || v > range.1 || !(v - range.0).is_multiple_of(step) {
            let every = if step > 1 { format!(" in steps of {step}") } else { String::new() };
            return Err(BadRequest(format!(
                "{name} must be from {} to {}{every}, got {v}",
                range.0, range.1
            )));
        }
        Ok(v)
    }

    /// A finite number `name` in `range` (both ends included).
    pub fn number(
        &self,
        name: &str,
        range: (f64, f64),
        default: Option<&str>,
    ) -> Result<f64, BadRequest> {
        let raw = self.raw(name, default)?;
        let v: f64 =
            raw.parse().map_err(|_| BadRequest(format!("{name} must be a number, got {raw:?}")))?;
        if !(v.is_finite() && v >= range.0 && v <= range.1) {
            return Err(BadRequest(format!(
                "{name} must be from {} to {}, got {raw}",
                range.0, range.1
            )));
        }
        Ok(v)
    }

    /// One of `options` for `name`.
    pub fn choice<'a>(
        &self,
        name: &str,
        options: &[&'a str],
        default: Option<&str>,
    ) -> Result<&'a str, BadRequest> {
        let raw = self.raw(name, default)?;
        options.iter().find(|o| **o == raw).copied().ok_or_else(|| {
            BadRequest(format!("{name} must be one of {}, got {raw:?}", options.join(", ")))
        })
    }
}

/// A number as a query value: the shortest text that parses back to it.
pub fn query_number(v: f64) -> String {
    format!("{v}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks() {
        let q = Query::parse("K=10&tau=2.5&prior=a%29+b").unwrap();
        assert_eq!(q.integer("K", (5, 30), 1, None), Ok(10));
        assert_eq!(q.number("tau", (1.0, 15.0), None), Ok(2.5));
        assert_eq!(q.choice("prior", &["a) b"], None), Ok("a) b"));
        assert_eq!(q.integer("n", (5, 100), 5, Some("20")), Ok(20));
        assert!(q.only(&["K", "tau", "prior"]).is_ok());
        assert!(q.only(&["K"]).unwrap_err().0.contains("\"prior\""));
    }

    #[test]
    fn refuses_what_it_should() {
        let q = Query::parse("K=31&n=7&tau=x&s=-1").unwrap();
        assert!(q.integer("K", (5, 30), 1, None).is_err());
        let off_step = q.integer("n", (5, 100), 5, None).unwrap_err();
        assert!(off_step.0.contains("steps of 5"), "{off_step}");
        assert!(q.number("tau", (1.0, 15.0), None).is_err());
        assert!(q.integer("s", (0, 9), 1, None).is_err());
        assert!(q.number("missing", (0.0, 1.0), None).is_err());
        assert!(Query::parse("K=1&K=2").is_err());
        assert!(Query::parse("K").is_err());
        assert!(Query::parse("K=%zz").is_err());
        let nan = Query::parse("t=NaN").unwrap();
        assert!(nan.number("t", (0.0, 1.0), None).is_err());
    }
}
