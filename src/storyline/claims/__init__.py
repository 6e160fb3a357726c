"""Claims: quotes, figures, dates, statements, and entities with their aliases."""
