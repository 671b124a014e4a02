//! sitrep-text: text normalisation with an offset map back to the raw text,
//! sentence splitting, absolute dates ("28 October 2025"), numbers ("at least
//! 31", "dozens", "five") and news-relative dates ("on Sunday", "Oct. 19").

pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sentences;
pub mod timex;
