"""The database layer: SQLAlchemy Core tables, versioned migrations, and ``Store``."""

from newsgraph.store.db import Store
from newsgraph.store.migrations import SCHEMA_VERSION
from newsgraph.store.writer import BatchResult

__all__ = ["SCHEMA_VERSION", "BatchResult", "Store"]
