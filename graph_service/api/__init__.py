"""GraphQL API (Strawberry on Starlette): the app factory and the schema."""

from .app import ServiceOpener, create_app
from .schema import build_schema, schema_sdl

__all__ = ["ServiceOpener", "build_schema", "create_app", "schema_sdl"]
