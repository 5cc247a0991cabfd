"""GraphQL types mapping the engine's answers and the domain's records."""
