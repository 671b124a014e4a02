//! timex: news-relative date expressions resolved against a publication date.
