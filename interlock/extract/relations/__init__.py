"""Relations: statements about people and organisations."""

from interlock.extract.relations.context import one_actor
from interlock.extract.relations.statements import find_statements

__all__ = ["find_statements", "one_actor"]
