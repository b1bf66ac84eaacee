"""Storage layer: SQLAlchemy models, engine creation and Alembic migrations."""

from dalil.db.engine import Database, create_database
from dalil.db.models import Base

__all__ = ["Base", "Database", "create_database"]
