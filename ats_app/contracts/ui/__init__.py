"""The Contracts page: contract templates listed, edited, versioned and previewed."""
