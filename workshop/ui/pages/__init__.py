"""One module per page type. Importing this package registers every page type."""
