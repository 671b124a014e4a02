//! HTML main-text extraction: the article body without navigation, ads, related
//! links or comments, and its title, publication date and canonical URL.
