"""Dalil: documenting mass atrocities with a verifiable chain of custody.

Data flows one way: ingest -> vault -> extract -> incidents -> linkage/estimate -> publish.
"""

from dalil import compiled
from dalil.errors import DalilError

# A compiled module (a wheel's mypyc build) whose source was edited would run instead of the edit
compiled.check()

__version__ = "0.1.0"

__all__ = ["DalilError", "__version__"]
