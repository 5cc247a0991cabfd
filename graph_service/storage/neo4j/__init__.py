"""Neo4j adapter of the storage port (production), through the official driver."""
