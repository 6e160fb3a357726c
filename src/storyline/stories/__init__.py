"""Stories and events: group articles by real-world incident and by story."""
