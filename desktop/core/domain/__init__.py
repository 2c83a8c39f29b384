"""Pure rules with no database and no Qt: identifiers, categories, names."""
