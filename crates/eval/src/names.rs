//! Name comparison of SPEC §6: lower-case, drop parenthesised parts and punctuation;
//! admin1 names mapped from historical to current ones.

/// Folds the common Latin accents to ASCII (`ā` → `a`), so GeoNames' and a dataset's
/// spellings compare equal.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'ŏ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        other => other,
    }
}

/// A name for comparison: lower-cased, accents folded, parenthesised parts dropped,
/// `&` read as `and`, punctuation dropped (hyphens and slashes become spaces),
/// whitespace collapsed.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '&' => out.push_str(" and "),
            '-' | '/' | '_' => out.push(' '),
            c if c.is_alphanumeric() || c.is_whitespace() => {
                for l in c.to_lowercase() {
                    out.push(fold_char(l));
                }
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The forms under which an actor name may match: the whole normalised name and,
/// for ACLED's `ABBR: Full Name` style, each side of the colon.
pub fn name_forms(s: &str) -> Vec<String> {
    let mut forms = vec![normalize_name(s)];
    if let Some((a, b)) = s.split_once(':') {
        for part in [a, b] {
            let n = normalize_name(part);
            if !n.is_empty() && !forms.contains(&n) {
                forms.push(n);
            }
        }
    }
    forms.retain(|f| !f.is_empty());
    forms
}

/// Whether a predicted name matches any of the gold names (both raw): equal after
/// normalisation, in any of their [`name_forms`].
pub fn names_match(pred: &str, gold: &[String]) -> bool {
    let p = name_forms(pred);
    gold.iter()
        .any(|g| name_forms(g).iter().any(|gf| p.contains(gf)))
}

/// Historical or variant admin1 names → the current name (normalised forms).
const ADMIN1_ALIASES: &[(&str, &str)] = &[
    // Pakistan: NWFP renamed 2010; FATA merged into Khyber Pakhtunkhwa 2018.
    ("north west frontier", "khyber pakhtunkhwa"),
    ("north west frontier province", "khyber pakhtunkhwa"),
    ("nwfp", "khyber pakhtunkhwa"),
    ("federally administered tribal areas", "khyber pakhtunkhwa"),
    ("fata", "khyber pakhtunkhwa"),
    ("khyber pakthunkhwa", "khyber pakhtunkhwa"),
    ("islamabad capital territory", "islamabad"),
    ("federal capital territory", "islamabad"),
    ("ict", "islamabad"),
    ("azad jammu and kashmir", "azad kashmir"),
    ("azad jammu kashmir", "azad kashmir"),
    ("ajk", "azad kashmir"),
    ("northern areas", "gilgit baltistan"),
    ("baluchistan", "balochistan"),
    // India.
    ("orissa", "odisha"),
    ("uttaranchal", "uttarakhand"),
    ("pondicherry", "puducherry"),
    ("national capital territory of delhi", "delhi"),
    ("nct of delhi", "delhi"),
    ("new delhi", "delhi"),
    // Bangladesh.
    ("chattogram", "chittagong"),
    ("barishal", "barisal"),
    // Myanmar.
    ("rangoon", "yangon"),
    ("pegu", "bago"),
    ("irrawaddy", "ayeyarwady"),
    ("karen", "kayin"),
    ("karenni", "kayah"),
    ("tenasserim", "tanintharyi"),
    ("arakan", "rakhine"),
    ("sagain", "sagaing"),
    ("naypyidaw", "nay pyi taw"),
    ("naypyitaw", "nay pyi taw"),
    // Sri Lanka provinces written as compass points.
    ("north", "northern"),
    ("east", "eastern"),
    ("west", "western"),
    ("south", "southern"),
    ("north west", "north western"),
    // Cambodia.
    ("otar meanchey", "oddar meanchey"),
    ("ratanakkiri", "ratanakiri"),
    ("mondulkiri", "mondolkiri"),
    ("tbong khmum", "tboung khmum"),
];

/// The comparable form of an admin1 name: normalised, unit words (`province`,
/// `state`, `division`, `region`) dropped, historical names mapped to current ones.
pub fn canonical_admin1(s: &str) -> String {
    let n = normalize_name(s);
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| !matches!(*w, "province" | "state" | "division" | "region"))
        .collect();
    let n = if words.is_empty() {
        n.clone()
    } else {
        words.join(" ")
    };
    ADMIN1_ALIASES
        .iter()
        .find(|(from, _)| *from == n)
        .map(|(_, to)| to.to_string())
        .unwrap_or(n)
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_drop_parentheses_and_punctuation() {
        assert_eq!(
            normalize_name("Military Forces of Pakistan (2013-2018)"),
            "military forces of pakistan"
        );
        assert_eq!(
            normalize_name("Tehrik-i-Taliban Pakistan (TTP)"),
            "tehrik i taliban pakistan"
        );
        assert!(names_match(
            "TTP: Tehrik-i-Taliban Pakistan",
            &["Tehrik-i-Taliban Pakistan (TTP)".to_string()]
        ));
        assert!(!names_match(
            "Lashkar-e-Jhangvi",
            &["Tehrik-i-Taliban Pakistan".to_string()]
        ));
    }

    #[test]
    fn admin1_history() {
        assert_eq!(
            canonical_admin1("North-West Frontier Province"),
            "khyber pakhtunkhwa"
        );
        assert_eq!(
            canonical_admin1("Federally Administered Tribal Areas"),
            "khyber pakhtunkhwa"
        );
        assert_eq!(canonical_admin1("Khyber Pakhtunkhwa"), "khyber pakhtunkhwa");
        assert_eq!(canonical_admin1("Islamabad Capital Territory"), "islamabad");
        assert_eq!(canonical_admin1("Azad Jammu & Kashmir"), "azad kashmir");
        assert_eq!(canonical_admin1("Rajshahi Division"), "rajshahi");
        assert_eq!(canonical_admin1("Barisāl"), "barisal");
        assert_eq!(canonical_admin1("Sindh"), "sindh");
    }

    #[test]
    fn distances() {
        // Quetta to Karachi is about 560 km.
        let d = distance_km(30.19, 67.0, 24.86, 67.01);
        assert!((550.0..600.0).contains(&d), "{d}");
        assert!(distance_km(30.19, 67.0, 30.19, 67.0) < 1e-9);
    }
}
