"""Domain: the records of the authority graph, their validation and the error hierarchy.

Imports no I/O; everything above it (engine, service, api, storage) speaks these types.
"""
